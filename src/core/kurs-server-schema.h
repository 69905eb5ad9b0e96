/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* As many as a .kurs file's migrations (kurs_migrations_get_latest()) */
#define KURS_SERVER_SCHEMA_N_MIGRATIONS 6

const char *kurs_server_schema_get_migration  (int    number);
gboolean    kurs_server_schema_is_current     (gint64 version);

G_END_DECLS
