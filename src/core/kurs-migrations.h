/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA application_id of a Kurs library: "KURS" in ASCII. */
#define KURS_APPLICATION_ID 0x4B555253

int      kurs_migrations_get_latest (void);
gboolean kurs_migrations_run        (sqlite3  *db,
                                     int       from_version,
                                     GError  **error);
gboolean kurs_migrations_run_to     (sqlite3  *db,
                                     int       from_version,
                                     int       to_version,
                                     GError  **error);

gboolean kurs_migrations_add_functions (sqlite3 *db);
const char * const *kurs_migrations_get_search_fills (void);

G_END_DECLS
