/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's seam between its SQL and the engine that runs it: a .kurs
 * file's SQLite or a team library's PostgreSQL server.  The store speaks
 * one dialect, the part both engines share (parameters as ?1, ?2…,
 * INSERT … RETURNING, savepoints), through these calls; only opening a
 * library, the search and the file's own care (kurs-store-open.c) know
 * which engine it is.  Nothing outside the store includes this. */

#include <sqlite3.h>
#include <libpq-fe.h>

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KursDb KursDb;
typedef struct _KursDbStmt KursDbStmt;

typedef enum {
  KURS_DB_NULL,
  KURS_DB_INTEGER,
  KURS_DB_REAL,
  KURS_DB_TEXT,
} KursDbType;

typedef enum {
  KURS_DB_ROW,
  KURS_DB_DONE,
  KURS_DB_ERROR,
} KursDbStep;

/* What the last failure was, in the store's terms */
typedef enum {
  KURS_DB_FAILURE_OTHER,
  KURS_DB_FAILURE_BUSY,         /* another writer: try again */
  KURS_DB_FAILURE_UNIQUE,
  KURS_DB_FAILURE_CONSTRAINT,
  KURS_DB_FAILURE_READ_ONLY,
  KURS_DB_FAILURE_FULL,
  KURS_DB_FAILURE_CORRUPT,
  KURS_DB_FAILURE_PERMISSION,   /* the server's role may not */
  KURS_DB_FAILURE_LOST,         /* the server went away */
} KursDbFailure;

KursDb        *kurs_db_new_sqlite    (sqlite3      *db);
KursDb        *kurs_db_new_server    (PGconn       *conn);
void           kurs_db_free          (KursDb       *db);
gboolean       kurs_db_set_session   (KursDb       *db,
                                      const char   *session);
void           kurs_db_checkpoint_in_thread (KursDb *db);
sqlite3       *kurs_db_get_sqlite    (KursDb       *db);
gboolean       kurs_db_is_server     (KursDb       *db);

gboolean       kurs_db_exec          (KursDb       *db,
                                      const char   *sql);
gboolean       kurs_db_begin         (KursDb       *db);
const char    *kurs_db_errmsg        (KursDb       *db);
KursDbFailure  kurs_db_failure       (KursDb       *db);
gint64         kurs_db_last_insert_id (KursDb      *db);
gint64         kurs_db_changes       (KursDb       *db);
int            kurs_db_get_socket    (KursDb       *db);
int            kurs_db_take_notifications (KursDb  *db);
gboolean       kurs_db_reconnect     (KursDb       *db);
void           kurs_db_set_offline   (KursDb       *db,
                                      gboolean      offline);
void           kurs_db_ping_async    (KursDb       *db,
                                      GAsyncReadyCallback callback,
                                      gpointer      user_data);
gboolean       kurs_db_ping_finish   (GAsyncResult *result);

KursDbStmt    *kurs_db_prepare       (KursDb       *db,
                                      const char   *sql,
                                      gboolean      persistent);
void           kurs_db_finalize      (KursDbStmt   *stmt);
void           kurs_db_bind_int64    (KursDbStmt   *stmt,
                                      int           index,
                                      gint64        value);
void           kurs_db_bind_double   (KursDbStmt   *stmt,
                                      int           index,
                                      double        value);
void           kurs_db_bind_text     (KursDbStmt   *stmt,
                                      int           index,
                                      const char   *text,
                                      int           length);
void           kurs_db_bind_null     (KursDbStmt   *stmt,
                                      int           index);
KursDbStep     kurs_db_step          (KursDbStmt   *stmt);
void           kurs_db_reset         (KursDbStmt   *stmt);
void           kurs_db_clear_bindings (KursDbStmt  *stmt);
KursDbType     kurs_db_column_type   (KursDbStmt   *stmt,
                                      int           column);
gint64         kurs_db_column_int64  (KursDbStmt   *stmt,
                                      int           column);
double         kurs_db_column_double (KursDbStmt   *stmt,
                                      int           column);
const char    *kurs_db_column_text   (KursDbStmt   *stmt,
                                      int           column,
                                      int          *length);

G_END_DECLS
