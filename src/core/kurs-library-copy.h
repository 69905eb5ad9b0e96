/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean kurs_library_copy (const char  *from,
                            const char  *to,
                            guint64     *n_strategies,
                            guint64     *n_rows,
                            GError     **error);

G_END_DECLS
