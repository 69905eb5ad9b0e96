/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kurs_export_file_begin       (const char  *path,
                                        GError     **error);
gboolean  kurs_export_file_end         (const char  *temporary,
                                        const char  *path,
                                        gboolean     written,
                                        int          saved_errno,
                                        GError     **error);
gboolean  kurs_export_file_write_bytes (const char  *path,
                                        GBytes      *bytes,
                                        GError     **error);

G_END_DECLS
