/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-print-document.h"

G_BEGIN_DECLS

gboolean           kurs_printing_run           (GtkWindow          *parent,
                                                KursPrintDocument  *document,
                                                GError            **error);
gboolean           kurs_printing_export        (KursPrintDocument  *document,
                                                const char         *path,
                                                GError            **error);

G_END_DECLS
