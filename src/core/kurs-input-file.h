/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *kurs_input_file_read (const char  *path,
                              gsize        limit,
                              gboolean    *too_large,
                              GError     **error);
void    kurs_input_file_read_async  (const char          *path,
                                     gsize                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
GBytes *kurs_input_file_read_finish (GAsyncResult        *result,
                                     gboolean            *too_large,
                                     GError             **error);

G_END_DECLS
