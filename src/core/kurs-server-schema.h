/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A .kurs file's migrations (kurs_migrations_get_latest()) as a server
 * has them, one for one up to the fifth; a file's sixth, its CHECKs of a
 * list written as comparisons for SQLite's sake, has none on a server */
#define KURS_SERVER_SCHEMA_N_MIGRATIONS 5

const char *kurs_server_schema_get_migration (int number);

G_END_DECLS
