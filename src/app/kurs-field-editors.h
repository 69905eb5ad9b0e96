/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-store.h"

G_BEGIN_DECLS

GtkWidget *kurs_field_editor_new (KursStore  *store,
                                  KursRecord *record,
                                  const char *field);

G_END_DECLS
