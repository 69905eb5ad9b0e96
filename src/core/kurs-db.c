/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>

#include "kurs-checkpointer.h"
#include "kurs-db.h"

/* The two engines behind kurs-db.h.  SQLite's calls are passed straight
 * on.  On a server a statement is the store's SQL with its ?N turned into
 * PostgreSQL's $N, run with its parameters as text when first stepped
 * (the server works out their types from where they stand), its rows
 * then read one by one from the result. */

struct _KursDb {
  sqlite3       *lite;
  KursCheckpointer *checkpointer;   /* a writer's log copied in a thread */
  PGconn        *server;
  char          *session;   /* what each connection to the server begins with */
  /* the server's last failure */
  char          *message;
  KursDbFailure  failure;
  /* rows the server's last statement changed */
  gint64         changes;
  /* the server is known to be away: nothing is tried until it answers a
   * ping again (kurs_db_ping_async()) */
  gboolean       offline;
};

typedef struct {
  char      *sql;
  int        n_params;
  char     **values;      /* n_params, each text or NULL */
  PGresult  *result;
  int        row;         /* the row stepped to; -1 before the first */
} ServerStmt;

struct _KursDbStmt {
  KursDb       *db;
  sqlite3_stmt *lite;
  ServerStmt   *server;
};

KursDb *
kurs_db_new_sqlite (sqlite3 *lite)
{
  KursDb *db = g_new0 (KursDb, 1);

  db->lite = lite;
  return db;
}

KursDb *
kurs_db_new_server (PGconn *conn)
{
  KursDb *db = g_new0 (KursDb, 1);

  db->server = conn;
  return db;
}

/* Closes the connection too */
void
kurs_db_free (KursDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->checkpointer, kurs_checkpointer_free);
  if (db->lite)
    sqlite3_close (db->lite);
  if (db->server)
    PQfinish (db->server);
  g_free (db->session);
  g_free (db->message);
  g_free (db);
}

/**
 * kurs_db_set_session:
 * @session: SQL to run now and on each connection again after a lost one
 *
 * Returns: %FALSE if the server refused it
 */
gboolean
kurs_db_set_session (KursDb     *db,
                     const char *session)
{
  g_return_val_if_fail (db->server != NULL, FALSE);

  g_free (db->session);
  db->session = g_strdup (session);
  return kurs_db_exec (db, session);
}

/**
 * kurs_db_checkpoint_in_thread:
 *
 * For a connection that writes a file in WAL mode: its log is copied back
 * into the file in a thread (kurs-checkpointer.c), not by its commits.
 */
void
kurs_db_checkpoint_in_thread (KursDb *db)
{
  g_return_if_fail (db->lite != NULL);

  if (db->checkpointer == NULL)
    db->checkpointer = kurs_checkpointer_new (db->lite);
}

sqlite3 *
kurs_db_get_sqlite (KursDb *db)
{
  return db->lite;
}

gboolean
kurs_db_is_server (KursDb *db)
{
  return db->server != NULL;
}

/* The server's failures, by their SQLSTATE */
static void
server_failed (KursDb         *db,
               const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *message = primary ? primary : PQerrorMessage (db->server);
  const char *end = strchr (message, '\n');

  g_free (db->message);
  db->message = end ? g_strndup (message, end - message) : g_strdup (message);

  if (PQstatus (db->server) == CONNECTION_BAD || (state && (g_str_has_prefix (state, "08")
                                                            || g_str_has_prefix (state, "57P"))))
    db->failure = KURS_DB_FAILURE_LOST;
  else if (state == NULL)
    db->failure = KURS_DB_FAILURE_OTHER;
  else if (g_str_equal (state, "23505"))
    db->failure = KURS_DB_FAILURE_UNIQUE;
  else if (g_str_has_prefix (state, "23"))
    db->failure = KURS_DB_FAILURE_CONSTRAINT;
  else if (g_str_equal (state, "42501"))
    db->failure = KURS_DB_FAILURE_PERMISSION;
  else if (g_str_equal (state, "25006"))
    db->failure = KURS_DB_FAILURE_READ_ONLY;
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    db->failure = KURS_DB_FAILURE_BUSY;
  else if (g_str_equal (state, "53100"))
    db->failure = KURS_DB_FAILURE_FULL;
  else if (g_str_has_prefix (state, "XX00"))
    db->failure = KURS_DB_FAILURE_CORRUPT;
  else
    db->failure = KURS_DB_FAILURE_OTHER;
}

/* A server that went away and is back: connected again, as at first
 * (kurs_db_set_session()).  What was under way when it went has failed
 * and was rolled back by the server itself. */
static gboolean
server_ready (KursDb *db)
{
  PGresult *result;
  gboolean ok;

  if (db->offline)
    {
      g_free (db->message);
      db->message = g_strdup ("the server does not answer");
      db->failure = KURS_DB_FAILURE_LOST;
      return FALSE;
    }
  if (PQstatus (db->server) == CONNECTION_OK)
    return TRUE;
  PQreset (db->server);
  if (PQstatus (db->server) != CONNECTION_OK)
    {
      server_failed (db, NULL);
      return FALSE;
    }
  if (db->session == NULL)
    return TRUE;
  result = PQexec (db->server, db->session);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok)
    server_failed (db, result);
  PQclear (result);
  return ok;
}

gboolean
kurs_db_exec (KursDb     *db,
              const char *sql)
{
  PGresult *result;
  gboolean ok;

  if (db->lite)
    return sqlite3_exec (db->lite, sql, NULL, NULL, NULL) == SQLITE_OK;

  if (!server_ready (db))
    return FALSE;
  result = PQexec (db->server, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    server_failed (db, result);
  PQclear (result);
  return ok;
}

/* A transaction that writes: a .kurs file's writer lock at once, so that
 * a reader never has to give up its reading half-way */
gboolean
kurs_db_begin (KursDb *db)
{
  return kurs_db_exec (db, db->lite ? "BEGIN IMMEDIATE" : "BEGIN");
}

const char *
kurs_db_errmsg (KursDb *db)
{
  if (db->lite)
    return sqlite3_errmsg (db->lite);
  return db->message ? db->message : "";
}

KursDbFailure
kurs_db_failure (KursDb *db)
{
  int code;

  if (db->server)
    return db->failure;

  code = sqlite3_extended_errcode (db->lite);
  switch (code & 0xff)
    {
    case SQLITE_FULL:
      return KURS_DB_FAILURE_FULL;
    case SQLITE_IOERR:
      return sqlite3_system_errno (db->lite) == ENOSPC ? KURS_DB_FAILURE_FULL : KURS_DB_FAILURE_OTHER;
    case SQLITE_CONSTRAINT:
      return code == SQLITE_CONSTRAINT_UNIQUE ? KURS_DB_FAILURE_UNIQUE : KURS_DB_FAILURE_CONSTRAINT;
    case SQLITE_READONLY:
      return KURS_DB_FAILURE_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return KURS_DB_FAILURE_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return KURS_DB_FAILURE_CORRUPT;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return KURS_DB_FAILURE_PERMISSION;
    default:
      return KURS_DB_FAILURE_OTHER;
    }
}

/* SQLite's id of the row last added; a server says it in the INSERT's
 * RETURNING instead */
gint64
kurs_db_last_insert_id (KursDb *db)
{
  g_return_val_if_fail (db->lite != NULL, 0);

  return sqlite3_last_insert_rowid (db->lite);
}

/* How many rows the last INSERT, UPDATE or DELETE stepped changed */
gint64
kurs_db_changes (KursDb *db)
{
  if (db->lite)
    return sqlite3_changes64 (db->lite);
  return db->changes;
}

/**
 * kurs_db_get_socket:
 *
 * Returns: the server connection's socket, to be told when a notification
 *   (LISTEN) comes; -1 for a file, or a connection that is gone
 */
int
kurs_db_get_socket (KursDb *db)
{
  return db->server && PQstatus (db->server) == CONNECTION_OK ? PQsocket (db->server) : -1;
}

/**
 * kurs_db_take_notifications:
 *
 * Reads what the server sent and drops its notifications.
 *
 * Returns: how many notifications other connections sent (this one's
 *   own, of what it committed itself, are not counted), or -1 when the
 *   connection is gone
 */
int
kurs_db_take_notifications (KursDb *db)
{
  PGnotify *notify;
  int n = 0;

  if (db->server == NULL)
    return 0;
  if (!PQconsumeInput (db->server) || PQstatus (db->server) != CONNECTION_OK)
    return -1;
  while ((notify = PQnotifies (db->server)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (db->server))
        n++;
      PQfreemem (notify);
    }
  return n;
}

/**
 * kurs_db_reconnect:
 *
 * Connects to the server again if the connection was lost, as at first.
 *
 * Returns: whether the connection is there (always for a file)
 */
gboolean
kurs_db_reconnect (KursDb *db)
{
  return db->lite != NULL || server_ready (db);
}

/**
 * kurs_db_set_offline:
 *
 * Says the server is away: until it is said to be back, every statement
 * fails at once as lost, rather than waiting for a connection to a host
 * that may not answer.
 */
void
kurs_db_set_offline (KursDb   *db,
                     gboolean  offline)
{
  db->offline = offline && db->server != NULL;
}

static void
ping_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **pairs = task_data;
  guint n = g_strv_length (pairs) / 2;
  g_autofree const char **keywords = g_new0 (const char *, n + 1);
  g_autofree const char **values = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      keywords[i] = pairs[2 * i];
      values[i] = pairs[2 * i + 1];
    }
  g_task_return_boolean (task, PQpingParams (keywords, values, 0) == PQPING_OK);
}

/**
 * kurs_db_ping_async:
 *
 * Asks, in a thread of its own, whether the server answers again, with
 * the connection's own settings: for a window's main loop, which a host
 * that does not answer would otherwise hold for the connection's timeout.
 */
void
kurs_db_ping_async (KursDb              *db,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  GPtrArray *pairs = g_ptr_array_new ();
  PQconninfoOption *options = db->server ? PQconninfo (db->server) : NULL;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (option->val != NULL && *option->val != '\0')
      {
        g_ptr_array_add (pairs, g_strdup (option->keyword));
        g_ptr_array_add (pairs, g_strdup (option->val));
      }
  g_ptr_array_add (pairs, NULL);
  if (options != NULL)
    PQconninfoFree (options);
  g_task_set_task_data (task, g_ptr_array_free (pairs, FALSE), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, ping_in_thread);
}

gboolean
kurs_db_ping_finish (GAsyncResult *result)
{
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/* The store's ?N (and a bare ?) as PostgreSQL's $N, outside quotes */
static char *
server_sql (const char *sql,
            int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  gboolean quoted = FALSE;
  int next = 1, highest = 0;

  for (const char *p = sql; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      if (quoted || *p != '?')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (g_ascii_isdigit (p[1]))
        {
          char *end;
          int number = (int) strtol (p + 1, &end, 10);

          g_string_append_printf (out, "$%d", number);
          highest = MAX (highest, number);
          next = number + 1;
          p = end - 1;
        }
      else
        {
          g_string_append_printf (out, "$%d", next);
          highest = MAX (highest, next);
          next++;
        }
    }
  *n_params = highest;
  return g_string_free (out, FALSE);
}

KursDbStmt *
kurs_db_prepare (KursDb     *db,
                 const char *sql,
                 gboolean    persistent)
{
  KursDbStmt *stmt;

  if (db->lite)
    {
      sqlite3_stmt *lite = NULL;

      if (sqlite3_prepare_v3 (db->lite, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &lite, NULL)
          != SQLITE_OK)
        return NULL;
      stmt = g_new0 (KursDbStmt, 1);
      stmt->db = db;
      stmt->lite = lite;
      return stmt;
    }

  stmt = g_new0 (KursDbStmt, 1);
  stmt->db = db;
  stmt->server = g_new0 (ServerStmt, 1);
  stmt->server->sql = server_sql (sql, &stmt->server->n_params);
  stmt->server->values = g_new0 (char *, MAX (stmt->server->n_params, 1));
  stmt->server->row = -1;
  return stmt;
}

void
kurs_db_clear_bindings (KursDbStmt *stmt)
{
  if (stmt->lite)
    {
      sqlite3_clear_bindings (stmt->lite);
      return;
    }
  for (int i = 0; i < stmt->server->n_params; i++)
    g_clear_pointer (&stmt->server->values[i], g_free);
}

void
kurs_db_reset (KursDbStmt *stmt)
{
  if (stmt->lite)
    {
      sqlite3_reset (stmt->lite);
      return;
    }
  g_clear_pointer (&stmt->server->result, PQclear);
  stmt->server->row = -1;
}

void
kurs_db_finalize (KursDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->lite)
    sqlite3_finalize (stmt->lite);
  else
    {
      kurs_db_reset (stmt);
      kurs_db_clear_bindings (stmt);
      g_free (stmt->server->values);
      g_free (stmt->server->sql);
      g_free (stmt->server);
    }
  g_free (stmt);
}

static void
server_bind (KursDbStmt *stmt,
             int         index,
             char       *text)
{
  if (index < 1 || index > stmt->server->n_params)
    {
      g_free (text);
      return;
    }
  g_free (stmt->server->values[index - 1]);
  stmt->server->values[index - 1] = text;
}

void
kurs_db_bind_int64 (KursDbStmt *stmt,
                    int         index,
                    gint64      value)
{
  if (stmt->lite)
    sqlite3_bind_int64 (stmt->lite, index, value);
  else
    server_bind (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
kurs_db_bind_double (KursDbStmt *stmt,
                     int         index,
                     double      value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (stmt->lite)
    sqlite3_bind_double (stmt->lite, index, value);
  else
    server_bind (stmt, index, g_strdup (g_ascii_dtostr (number, sizeof number, value)));
}

/* @text is copied (a server's) or must stay until the statement is reset
 * (SQLite's) */
void
kurs_db_bind_text (KursDbStmt *stmt,
                   int         index,
                   const char *text,
                   int         length)
{
  if (stmt->lite)
    sqlite3_bind_text (stmt->lite, index, text, length, SQLITE_STATIC);
  else
    server_bind (stmt, index, length < 0 ? g_strdup (text) : g_strndup (text, length));
}

void
kurs_db_bind_null (KursDbStmt *stmt,
                   int         index)
{
  if (stmt->lite)
    sqlite3_bind_null (stmt->lite, index);
  else
    server_bind (stmt, index, NULL);
}

KursDbStep
kurs_db_step (KursDbStmt *stmt)
{
  ServerStmt *server = stmt->server;

  if (stmt->lite)
    {
      int rc = sqlite3_step (stmt->lite);

      return rc == SQLITE_ROW ? KURS_DB_ROW : rc == SQLITE_DONE ? KURS_DB_DONE : KURS_DB_ERROR;
    }

  if (server->result == NULL)
    {
      ExecStatusType status;

      if (!server_ready (stmt->db))
        return KURS_DB_ERROR;
      server->result = PQexecParams (stmt->db->server, server->sql, server->n_params, NULL,
                                     (const char * const *) server->values, NULL, NULL, 0);
      status = PQresultStatus (server->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          server_failed (stmt->db, server->result);
          g_clear_pointer (&server->result, PQclear);
          return KURS_DB_ERROR;
        }
      stmt->db->changes = g_ascii_strtoll (PQcmdTuples (server->result), NULL, 10);
    }
  server->row++;
  return server->row < PQntuples (server->result) ? KURS_DB_ROW : KURS_DB_DONE;
}

/* PostgreSQL's type numbers (pg_type.h) of what a library's queries give */
#define BOOL_OID   16
#define INT8_OID   20
#define INT2_OID   21
#define INT4_OID   23
#define FLOAT4_OID 700
#define FLOAT8_OID 701
#define NUMERIC_OID 1700

KursDbType
kurs_db_column_type (KursDbStmt *stmt,
                     int         column)
{
  if (stmt->lite)
    switch (sqlite3_column_type (stmt->lite, column))
      {
      case SQLITE_NULL:
        return KURS_DB_NULL;
      case SQLITE_INTEGER:
        return KURS_DB_INTEGER;
      case SQLITE_FLOAT:
        return KURS_DB_REAL;
      default:
        return KURS_DB_TEXT;
      }

  if (PQgetisnull (stmt->server->result, stmt->server->row, column))
    return KURS_DB_NULL;
  switch (PQftype (stmt->server->result, column))
    {
    case BOOL_OID:
    case INT8_OID:
    case INT2_OID:
    case INT4_OID:
      return KURS_DB_INTEGER;
    case FLOAT4_OID:
    case FLOAT8_OID:
    case NUMERIC_OID:
      return KURS_DB_REAL;
    default:
      return KURS_DB_TEXT;
    }
}

gint64
kurs_db_column_int64 (KursDbStmt *stmt,
                      int         column)
{
  const char *text;

  if (stmt->lite)
    return sqlite3_column_int64 (stmt->lite, column);
  text = PQgetvalue (stmt->server->result, stmt->server->row, column);
  if (text[0] == 't' || text[0] == 'f')
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

double
kurs_db_column_double (KursDbStmt *stmt,
                       int         column)
{
  if (stmt->lite)
    return sqlite3_column_double (stmt->lite, column);
  return g_ascii_strtod (PQgetvalue (stmt->server->result, stmt->server->row, column), NULL);
}

/* NULL for nothing; @length (optional) its bytes */
const char *
kurs_db_column_text (KursDbStmt *stmt,
                     int         column,
                     int        *length)
{
  const char *text;

  if (stmt->lite)
    {
      text = (const char *) sqlite3_column_text (stmt->lite, column);
      if (length)
        *length = sqlite3_column_bytes (stmt->lite, column);
      return text;
    }
  if (PQgetisnull (stmt->server->result, stmt->server->row, column))
    {
      if (length)
        *length = 0;
      return NULL;
    }
  text = PQgetvalue (stmt->server->result, stmt->server->row, column);
  if (length)
    *length = PQgetlength (stmt->server->result, stmt->server->row, column);
  return text;
}
