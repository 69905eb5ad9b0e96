/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *kurs_test_make_dir       (void);
void   kurs_test_remove_dir     (const char *path);
char  *kurs_test_checksum_file  (const char *path);
char  *kurs_test_read_file      (const char *path,
                                 gsize      *length);
void   kurs_test_write_file     (const char *path,
                                 const void *data,
                                 gssize      length);
char  *kurs_test_run_tool       (const char * const *argv);
void   kurs_test_mount_small_disk (const char        *dir,
                                   const char        *size);
void   kurs_test_fill_disk      (const char         *path);

G_END_DECLS

/* The parts below need the core. */
#include "kurs-store.h"

G_BEGIN_DECLS

KursStore  *kurs_test_open_library         (const char *dir);
KursRecord *kurs_test_create_full_strategy (KursStore  *store);
char       *kurs_test_dump_library         (const char *path);
void        kurs_test_make_large_library   (const char *path,
                                            guint       n_measurements);
KursStore  *kurs_test_open_in_background   (const char *path,
                                            guint       tick_ms,
                                            gint64     *longest_wait_us,
                                            GError    **error);

G_END_DECLS
