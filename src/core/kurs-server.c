/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-server"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>

#include "kurs-migrations.h"
#include "kurs-schema.h"
#include "kurs-server-schema.h"
#include "kurs-server.h"

/* A team library on a PostgreSQL server: setting one up.
 *
 * Kurs keeps everything in a schema of its own, "kurs", beside anything
 * else the database may hold only if it was there first by the DBA's
 * choice: kurs_server_init() sets up only an empty database.  The table
 * kurs.library says it is Kurs's, and at which migration (the same
 * numbered migrations as a .kurs file, kurs-server-schema.c).
 *
 * People are given one of three roles, enforced by the server itself:
 * kurs_editor writes everything; kurs_follow_up writes only what the
 * follow-up writes (the fields the schema marks KURS_FIELD_FOLLOW_UP:
 * initiatives' status and progress, milestones held, hearing responses,
 * and whole measurements and course corrections); kurs_reader reads.  An
 * approved version's text is frozen by a trigger, for every role and for
 * psql too.
 *
 * A password never comes in an address: libpq reads it from ~/.pgpass or
 * the file PGPASSFILE names, so it is never on a command line, in the
 * process list or in a log. */

G_DEFINE_QUARK (kurs-server-error-quark, kurs_server_error)

#define SCHEMA "kurs"

/**
 * kurs_server_is_address:
 * @library: how a library was named
 *
 * Returns: whether @library names a PostgreSQL server (a
 *   postgresql:// URI or libpq's "key=value" words) rather than a file
 */
gboolean
kurs_server_is_address (const char *library)
{
  PQconninfoOption *options;
  const char *equals;
  char *message = NULL;

  g_return_val_if_fail (library != NULL, FALSE);

  if (g_str_has_prefix (library, "postgresql://") || g_str_has_prefix (library, "postgres://"))
    return TRUE;
  /* "service=kurs", "host=db dbname=kurs": a word and "=" before any "/" */
  equals = strchr (library, '=');
  if (equals == NULL || memchr (library, '/', equals - library) != NULL)
    return FALSE;
  options = PQconninfoParse (library, &message);
  PQfreemem (message);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

/**
 * kurs_server_make_address:
 * @host: the server's name, with ":PORT" where it is not 5432
 * @database: the database
 * @user: (nullable): the user name, or %NULL for the person's own
 *
 * Returns: (transfer full) (nullable): postgresql://USER@HOST:PORT/DATABASE,
 *   each part escaped, or %NULL when @host or @database is empty
 */
char *
kurs_server_make_address (const char *host,
                          const char *database,
                          const char *user)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const char *colon;
  int port = -1;

  g_return_val_if_fail (host != NULL && database != NULL, NULL);

  host = host + strspn (host, " ");
  if (*host == '\0' || *database == '\0')
    return NULL;
  colon = strrchr (host, ':');
  if (colon != NULL && colon[1] != '\0' && strspn (colon + 1, "0123456789") == strlen (colon + 1))
    {
      port = (int) g_ascii_strtoll (colon + 1, NULL, 10);
      name = g_strndup (host, colon - host);
    }
  else
    name = g_strdup (host);
  g_strstrip (name);
  path = g_strconcat ("/", database, NULL);
  return g_uri_join (G_URI_FLAGS_NONE, "postgresql", user && *user ? user : NULL, name, port, path, NULL, NULL);
}

/**
 * kurs_server_split_address:
 * @address: a postgresql:// address
 * @host: (out) (optional): its server, with ":PORT" if it names one
 * @database: (out) (optional): its database
 * @user: (out) (optional): its user name, or %NULL
 *
 * The parts of an address kurs_server_make_address() made, for a form to
 * show again.
 *
 * Returns: %FALSE if @address is not a postgresql:// URI
 */
gboolean
kurs_server_split_address (const char  *address,
                           char       **host,
                           char       **database,
                           char       **user)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  const char *path;

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "postgresql") != 0
                      && g_strcmp0 (g_uri_get_scheme (uri), "postgres") != 0))
    return FALSE;
  path = g_uri_get_path (uri);
  if (host)
    *host = g_uri_get_port (uri) > 0 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri) ? g_uri_get_host (uri) : "",
                                                        g_uri_get_port (uri))
                                     : g_strdup (g_uri_get_host (uri) ? g_uri_get_host (uri) : "");
  if (database)
    *database = g_strdup (path && *path == '/' ? path + 1 : path ? path : "");
  if (user)
    *user = g_strdup (g_uri_get_user (uri));
  return TRUE;
}

/* The first line of libpq's words */
static char *
first_line (const char *message)
{
  const char *end = message ? strchr (message, '\n') : NULL;

  return g_strstrip (end ? g_strndup (message, end - message) : g_strdup (message ? message : ""));
}

/* The server's name for people: host and port, never the whole address
 * (which could hold more than a name) */
static char *
describe_server (PGconn *conn)
{
  const char *host = PQhost (conn);
  const char *port = PQport (conn);

  if (host == NULL || *host == '\0' || *host == '/')
    return g_strdup_printf (_("on this computer (port %s)"), port && *port ? port : "5432");
  return g_strdup_printf ("%s:%s", host, port && *port ? port : "5432");
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

/* Passwords a person typed in the window, or the window found in the
 * desktop's keyring, for this process only: never in an address, an
 * environment or a file of Kurs's */
static GMutex passwords_lock;
static GHashTable *passwords;   /* address → password */

/**
 * kurs_server_set_password:
 * @address: a server's address, without a password
 * @password: (nullable): its password for this process, or %NULL to
 *   forget it
 *
 * Gives the connections to @address in this process a password, as the
 * window asks for one and keeps it in the desktop's keyring; libpq's own
 * ~/.pgpass and PGPASSFILE still serve where none is given.
 */
void
kurs_server_set_password (const char *address,
                          const char *password)
{
  g_return_if_fail (address != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, g_strdup (address), g_strdup (password));
  else
    g_hash_table_remove (passwords, address);
  g_mutex_unlock (&passwords_lock);
}

/**
 * kurs_server_has_password:
 *
 * Returns: whether this process has a password for @address
 */
gboolean
kurs_server_has_password (const char *address)
{
  gboolean has;

  g_mutex_lock (&passwords_lock);
  has = passwords != NULL && g_hash_table_contains (passwords, address);
  g_mutex_unlock (&passwords_lock);
  return has;
}

static char *
password_of (const char *address)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, address));
  g_mutex_unlock (&passwords_lock);
  return password;
}

static PGconn *
connect_to (const char  *address,
            GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;
  g_autofree char *password = NULL;
  gboolean has_password = FALSE;
  PGconn *conn;

  if (!(options = PQconninfoParse (address, &message)))
    {
      g_autofree char *why = first_line (message);

      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_ADDRESS,
                   _("This is not the address of a PostgreSQL server: %s"), why);
      PQfreemem (message);
      return NULL;
    }
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password") && option->val != NULL && *option->val != '\0')
      has_password = TRUE;
  PQconninfoFree (options);
  if (has_password)
    {
      g_set_error_literal (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_ADDRESS,
                           _("The server’s address holds a password. Give the address without it and put the "
                             "password in ~/.pgpass (or the file PGPASSFILE names), where only you can read it."));
      return NULL;
    }

  password = password_of (address);
  {
    /* dbname with expand_dbname: the address's own words, which come
     * after (and so override) a wait of ten seconds at most for a server
     * that does not answer, and are overridden by the password */
    const char * const keywords[] = { "connect_timeout", "dbname", password ? "password" : NULL, NULL };
    const char * const values[] = { "10", address, password, NULL };

    conn = PQconnectdbParams (keywords, values, 1);
    if (password != NULL)
      memset (password, 0, strlen (password));
  }
  /* the server's notices ("… does not exist, skipping") are not for people */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *server = describe_server (conn);
      g_autofree char *why = first_line (PQerrorMessage (conn));
      const char *user = PQuser (conn) ? PQuser (conn) : "";
      const char *database = PQdb (conn) ? PQdb (conn) : "";

      if (PQconnectionNeedsPassword (conn))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_PASSWORD_NEEDED,
                     _("The server %s asks for the password of “%s”: put it in ~/.pgpass (or the file PGPASSFILE "
                       "names)"), server, user);
      else if (strstr (why, "password authentication failed") || strstr (why, "authentication failed"))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_AUTHENTICATION,
                     _("The server %s refused the password of “%s”"), server, user);
      else if (strstr (why, "database") && strstr (why, "does not exist"))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_NO_DATABASE,
                     _("The server %s has no database “%s”"), server, database);
      else if (strstr (why, "role") && strstr (why, "does not exist"))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_AUTHENTICATION,
                     _("The server %s has no user “%s”"), server, user);
      else if (strstr (why, "Connection refused") || strstr (why, "could not translate host name")
               || strstr (why, "No such file or directory") || strstr (why, "timeout expired")
               || strstr (why, "Network is unreachable") || strstr (why, "No route to host"))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_UNREACHABLE,
                     _("No PostgreSQL server answers %s: is it running, and is the address right?"), server);
      else
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FAILED,
                     _("Kurs could not connect to the server %s: %s"), server, why);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* The server's own words for what it refused, without its "ERROR:" */
static gboolean
result_failed (PGresult  *result,
               GError   **error)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  g_autofree char *why = first_line (primary ? primary : PQresultErrorMessage (result));

  /* 42501: insufficient privilege */
  g_set_error (error, KURS_SERVER_ERROR,
               state && g_str_equal (state, "42501") ? KURS_SERVER_ERROR_PERMISSION : KURS_SERVER_ERROR_FAILED,
               "%s", why);
  return FALSE;
}

/* Runs @sql, which may be several statements; FALSE with @error set when
 * the server refused it */
static gboolean
exec_sql (PGconn      *conn,
          const char  *sql,
          GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY;

  if (!ok)
    result_failed (result, error);
  PQclear (result);
  return ok;
}

/* One number from a query without parameters of its own; -1 for none */
static gint64
query_number (PGconn      *conn,
              const char  *sql,
              GError     **error)
{
  PGresult *result = PQexecParams (conn, sql, 0, NULL, NULL, NULL, NULL, 0);
  gint64 value = -1;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_autofree char *why = first_line (PQresultErrorMessage (result));

      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FAILED, "%s", why);
      value = G_MININT64;
    }
  else if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

/* The rights of the three roles, made again after every migration: the
 * follow-up's from the fields the schema marks as the follow-up's */
static char *
rights_sql (void)
{
  GString *sql = g_string_new (NULL);

  g_string_append (sql,
    "DO $$ BEGIN\n"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" KURS_SERVER_ROLE_EDITOR "') THEN\n"
    "    CREATE ROLE " KURS_SERVER_ROLE_EDITOR " NOLOGIN;\n"
    "  END IF;\n"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" KURS_SERVER_ROLE_FOLLOW_UP "') THEN\n"
    "    CREATE ROLE " KURS_SERVER_ROLE_FOLLOW_UP " NOLOGIN;\n"
    "  END IF;\n"
    "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" KURS_SERVER_ROLE_READER "') THEN\n"
    "    CREATE ROLE " KURS_SERVER_ROLE_READER " NOLOGIN;\n"
    "  END IF;\n"
    "END $$;\n"
    "REVOKE ALL ON SCHEMA " SCHEMA " FROM PUBLIC;\n"
    "REVOKE ALL ON ALL TABLES IN SCHEMA " SCHEMA " FROM PUBLIC;\n"
    "GRANT USAGE ON SCHEMA " SCHEMA " TO " KURS_SERVER_ROLE_EDITOR ", " KURS_SERVER_ROLE_FOLLOW_UP ", "
      KURS_SERVER_ROLE_READER ";\n"
    "GRANT SELECT ON ALL TABLES IN SCHEMA " SCHEMA " TO " KURS_SERVER_ROLE_EDITOR ", "
      KURS_SERVER_ROLE_FOLLOW_UP ", " KURS_SERVER_ROLE_READER ";\n"
    "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " SCHEMA " TO " KURS_SERVER_ROLE_EDITOR ";\n"
    /* the index is written by its triggers, the library's record by Kurs's migrations */
    "REVOKE INSERT, UPDATE, DELETE ON library, search_index FROM " KURS_SERVER_ROLE_EDITOR ";\n"
    /* UPDATE too: a library copied in goes on after its last ids (setval) */
    "GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA " SCHEMA " TO " KURS_SERVER_ROLE_EDITOR ";\n"
    /* every action marks its strategy changed */
    "GRANT UPDATE (modified) ON strategy TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n"
    /* and writes a line of history, which no one changes afterwards */
    "REVOKE UPDATE, DELETE ON history_action, history_change FROM " KURS_SERVER_ROLE_EDITOR ";\n"
    "GRANT INSERT ON history_action, history_change TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n"
    "GRANT USAGE ON SEQUENCE history_action_id_seq, history_change_id_seq TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n"
    /* everyone says which strategy they have open, readers too */
    "GRANT INSERT, UPDATE, DELETE ON presence TO " KURS_SERVER_ROLE_FOLLOW_UP ", " KURS_SERVER_ROLE_READER ";\n");

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].flags & KURS_FIELD_FOLLOW_UP)
          g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", info->fields[i].name);
      if (columns->len == 0)
        continue;
      g_string_append_printf (sql, "GRANT UPDATE (%s) ON %s TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n",
                              columns->str, info->name);
      /* rows that are the follow-up's own: measurements, course corrections */
      if (kurs_entity_info_is_follow_up (info))
        g_string_append_printf (sql,
                                "GRANT INSERT, DELETE ON %s TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n"
                                "GRANT USAGE ON SEQUENCE %s_id_seq TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n",
                                info->name, info->name);
    }

  g_string_append (sql,
    "CREATE OR REPLACE FUNCTION version_frozen () RETURNS TRIGGER\n"
    "  LANGUAGE plpgsql SET search_path = " SCHEMA ", pg_catalog AS $$\n"
    "BEGIN\n"
    "  RAISE EXCEPTION 'An approved version is frozen: its text cannot be changed'\n"
    "    USING ERRCODE = 'integrity_constraint_violation';\n"
    "END\n"
    "$$;\n"
    "DROP TRIGGER IF EXISTS version_frozen ON version;\n"
    "CREATE TRIGGER version_frozen BEFORE UPDATE ON version\n"
    "  FOR EACH ROW EXECUTE FUNCTION version_frozen ();\n");
  return g_string_free (sql, FALSE);
}

/* Migrations @from + 1 to the latest, then the rights, in the transaction
 * the caller began */
static gboolean
migrate (PGconn      *conn,
         int          from,
         GError     **error)
{
  g_autofree char *rights = rights_sql ();
  g_autofree char *record = NULL;

  for (int number = from + 1; number <= KURS_SERVER_SCHEMA_N_MIGRATIONS; number++)
    if (!exec_sql (conn, kurs_server_schema_get_migration (number), error))
      {
        g_prefix_error (error, _("Migration %d failed: "), number);
        return FALSE;
      }
  record = g_strdup_printf ("UPDATE library SET schema_version = %d", KURS_SERVER_SCHEMA_N_MIGRATIONS);
  return exec_sql (conn, record, error) && exec_sql (conn, rights, error);
}

/* The migration of the Kurs library in @conn's database, -1 where it has
 * none (no kurs.library, or one of another application or shape),
 * G_MININT64 with @error set when the server could not be asked */
static gint64
library_version (PGconn  *conn,
                 GError **error)
{
  gint64 exists = query_number (conn, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                      "WHERE n.nspname = '" SCHEMA "' AND c.relname = 'library'", error);
  g_autofree char *sql = NULL;
  gint64 version;

  if (exists <= 0)
    return exists == G_MININT64 ? G_MININT64 : -1;
  sql = g_strdup_printf ("SELECT CASE WHEN application_id = %d THEN schema_version ELSE -1 END FROM " SCHEMA ".library",
                         KURS_APPLICATION_ID);
  /* a table of that name and another shape is not Kurs's either */
  version = query_number (conn, sql, NULL);
  return version == G_MININT64 ? -1 : version;
}

/* What the database holds besides Kurs: how many schemas, tables, views,
 * sequences, types and functions of anyone's */
#define FOREIGN_OBJECTS_SQL \
  "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " \
  "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', '" SCHEMA "') " \
  "        AND n.nspname NOT LIKE 'pg\\_%') " \
  "     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " \
  "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', '" SCHEMA "') " \
  "        AND n.nspname NOT LIKE 'pg\\_%') " \
  "     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace " \
  "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', '" SCHEMA "') " \
  "        AND n.nspname NOT LIKE 'pg\\_%' AND t.typrelid = 0 AND t.typelem = 0) " \
  "     + (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', " \
  "        'public', '" SCHEMA "') AND nspname NOT LIKE 'pg\\_%')"

/**
 * kurs_server_init:
 * @address: a postgresql:// URI or libpq's "key=value" words, without a
 *   password
 * @result: (out): what was done
 * @where: (out) (optional): the database and server, for people
 *
 * Sets up Kurs's schema and its three roles in an empty database, in one
 * transaction; on a database a Kurs already set up, does nothing (or runs
 * the migrations of a newer Kurs).  Refuses a database that holds
 * anything else, or that a newer Kurs set up, and touches nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
kurs_server_init (const char            *address,
                  KursServerInitResult  *result,
                  char                 **where,
                  GError               **error)
{
  PGconn *conn;
  g_autofree char *server = NULL;
  gint64 has_schema, version = 0, foreign;
  gboolean ok = FALSE;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!(conn = connect_to (address, error)))
    return FALSE;
  server = describe_server (conn);
  if (where)
    *where = g_strdup_printf (_("database “%s” on %s"), PQdb (conn), server);

  has_schema = query_number (conn, "SELECT count(*) FROM pg_namespace WHERE nspname = '" SCHEMA "'", error);
  if (has_schema == G_MININT64)
    goto out;

  if (has_schema > 0)
    {
      version = library_version (conn, error);
      if (version == G_MININT64)
        goto out;
      if (version < 0)
        {
          g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FOREIGN,
                       _("The database “%s” on %s has a schema “%s” that is not Kurs’s; nothing was changed"),
                       PQdb (conn), server, SCHEMA);
          goto out;
        }
      if (version > KURS_SERVER_SCHEMA_N_MIGRATIONS)
        {
          g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_NEWER,
                       _("The database “%s” on %s was set up by a newer Kurs (schema version %d; this Kurs knows "
                         "up to %d): update Kurs to use it"),
                       PQdb (conn), server, (int) MIN (version, G_MAXINT), KURS_SERVER_SCHEMA_N_MIGRATIONS);
          goto out;
        }
      if (version == KURS_SERVER_SCHEMA_N_MIGRATIONS)
        {
          *result = KURS_SERVER_INIT_ALREADY;
          ok = TRUE;
          goto out;
        }
    }
  else
    {
      foreign = query_number (conn, FOREIGN_OBJECTS_SQL, error);
      if (foreign == G_MININT64)
        goto out;
      if (foreign > 0)
        {
          g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FOREIGN,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The database “%s” on %s already holds something else (%d table, function "
                                    "or other object); Kurs sets up only an empty database, and nothing was "
                                    "changed",
                                    "The database “%s” on %s already holds something else (%d tables, functions "
                                    "or other objects); Kurs sets up only an empty database, and nothing was "
                                    "changed", (gulong) foreign),
                       PQdb (conn), server, (int) MIN (foreign, G_MAXINT));
          goto out;
        }
    }

  if (!exec_sql (conn, "BEGIN", error))
    goto out;
  if (has_schema == 0)
    {
      g_autofree char *create = g_strdup_printf (
        "CREATE SCHEMA " SCHEMA ";\n"
        "SET LOCAL search_path = " SCHEMA ", pg_catalog;\n"
        "CREATE TABLE library (\n"
        "  application_id BIGINT NOT NULL,\n"
        "  schema_version INTEGER NOT NULL,\n"
        "  created TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now ()\n"
        ");\n"
        "INSERT INTO library (application_id, schema_version) VALUES (%d, 0);\n", KURS_APPLICATION_ID);

      ok = exec_sql (conn, create, error);
    }
  else
    ok = exec_sql (conn, "SET LOCAL search_path = " SCHEMA ", pg_catalog;\n"
                         "LOCK TABLE library IN EXCLUSIVE MODE", error);
  ok = ok && migrate (conn, (int) version, error);
  if (ok)
    ok = exec_sql (conn, "COMMIT", error);
  if (!ok)
    {
      PGresult *rollback = PQexec (conn, "ROLLBACK");

      PQclear (rollback);
      if (error && *error && (*error)->code == KURS_SERVER_ERROR_PERMISSION)
        g_prefix_error (error, _("The user “%s” may not set up Kurs in the database “%s” (it needs to own the "
                                 "database and be allowed to create roles); nothing was changed: "),
                        PQuser (conn), PQdb (conn));
      else
        g_prefix_error (error, _("Setting up Kurs in the database “%s” on %s failed; nothing was changed: "),
                        PQdb (conn), server);
      goto out;
    }
  *result = has_schema == 0 ? KURS_SERVER_INIT_CREATED : KURS_SERVER_INIT_UPDATED;

out:
  PQfinish (conn);
  return ok;
}

/**
 * kurs_server_describe_grants:
 *
 * Returns: (transfer full): the GRANT lines a DBA runs for each person,
 *   with what each role may do, as SQL comments
 */
char *
kurs_server_describe_grants (void)
{
  /* TRANSLATORS: USER is a placeholder for a person's user name on the server */
  const char *user = _("USER");

  return g_strdup_printf ("-- %s\n"
                          "GRANT " KURS_SERVER_ROLE_EDITOR " TO %s;     -- %s\n"
                          "GRANT " KURS_SERVER_ROLE_FOLLOW_UP " TO %s;  -- %s\n"
                          "GRANT " KURS_SERVER_ROLE_READER " TO %s;     -- %s\n",
                          _("Give each person one of Kurs’s roles, as a user who may grant them:"),
                          user, _("writes the strategies (consultants)"),
                          user, _("follows them up: initiatives’ status and progress, course corrections, key "
                                  "figures, milestones held, hearing responses (managers)"),
                          user, _("reads"));
}

/* A team library's connection */

struct _KursServer {
  PGconn *conn;
  char   *name;     /* "database “x” on host:port", for people */
};

/**
 * kurs_server_connect:
 * @address: a postgresql:// URI or libpq's "key=value" words, without a
 *   password
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with
 *   @error set in words a person can act on
 */
KursServer *
kurs_server_connect (const char  *address,
                     GError     **error)
{
  KursServer *server;
  PGconn *conn;
  g_autofree char *where = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  if (!(conn = connect_to (address, error)))
    return NULL;
  where = describe_server (conn);
  server = g_new0 (KursServer, 1);
  server->conn = conn;
  server->name = g_strdup_printf (_("database “%s” on %s"), PQdb (conn), where);
  return server;
}

void
kurs_server_free (KursServer *server)
{
  if (server == NULL)
    return;
  PQfinish (server->conn);
  g_free (server->name);
  g_free (server);
}

/**
 * kurs_server_describe:
 *
 * Returns: the database and server, for people ("database “x” on host:5432")
 */
const char *
kurs_server_describe (KursServer *server)
{
  return server->name;
}

/**
 * kurs_server_get_rights:
 *
 * Returns: what the connected person's role may write: an editor adds
 *   goals, a manager changes an initiative's progress, a reader neither
 */
KursServerRights
kurs_server_get_rights (KursServer *server)
{
  PGresult *rights = PQexec (server->conn,
                             "SELECT has_table_privilege ('" SCHEMA ".goal', 'INSERT'), "
                             "has_column_privilege ('" SCHEMA ".initiative', 'progress', 'UPDATE')");
  KursServerRights found = KURS_SERVER_RIGHTS_ALL;

  if (PQresultStatus (rights) == PGRES_TUPLES_OK && PQntuples (rights) == 1
      && g_str_equal (PQgetvalue (rights, 0, 0), "f"))
    found = g_str_equal (PQgetvalue (rights, 0, 1), "t") ? KURS_SERVER_RIGHTS_FOLLOW_UP : KURS_SERVER_RIGHTS_READ;
  PQclear (rights);
  return found;
}

/**
 * kurs_server_steal_connection:
 *
 * Returns: (transfer full): the connection, now the caller's (the store's);
 *   @server keeps only its description
 */
PGconn *
kurs_server_steal_connection (KursServer *server)
{
  return g_steal_pointer (&server->conn);
}

/**
 * kurs_server_check_library:
 *
 * Returns: %TRUE if the database holds a library of this Kurs's schema;
 *   otherwise %FALSE with @error saying what to do: set it up, bring it up
 *   to date, or update Kurs
 */
gboolean
kurs_server_check_library (KursServer  *server,
                           GError     **error)
{
  gint64 version = library_version (server->conn, error);

  if (version == G_MININT64)
    return FALSE;
  if (version < 0)
    {
      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_NOT_INITIALISED,
                   _("The %s holds no Kurs library: set it up with “kurs-cli server-init”"), server->name);
      return FALSE;
    }
  if (version > KURS_SERVER_SCHEMA_N_MIGRATIONS)
    {
      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_NEWER,
                   _("The %s holds the library of a newer Kurs (schema version %d; this Kurs knows up to %d): "
                     "update Kurs to use it"), server->name, (int) MIN (version, G_MAXINT),
                   KURS_SERVER_SCHEMA_N_MIGRATIONS);
      return FALSE;
    }
  /* (one behind only by migrations a server has nothing of is used) */
  if (!kurs_server_schema_is_current (version))
    {
      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_NOT_INITIALISED,
                   _("The %s holds the library of an older Kurs: bring it up to date with “kurs-cli server-init”"),
                   server->name);
      return FALSE;
    }
  return TRUE;
}

/* PostgreSQL's type numbers (pg_type.h) of the columns a library has */
#define INT8_OID   20
#define INT4_OID   23
#define FLOAT8_OID 701

/**
 * kurs_server_dump_tables:
 * @sink: what takes each table's rows
 *
 * Gives every table of the library, row by row and all columns, to
 * @sink, as one consistent reading (a repeatable-read transaction).
 */
gboolean
kurs_server_dump_tables (KursServer     *server,
                         KursTableSink  *sink,
                         GError        **error)
{
  gboolean ok;
  const char *table;

  ok = exec_sql (server->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error);
  for (guint t = 0; ok && (table = kurs_table_copy_get_table (t)) != NULL; t++)
    {
      const char *names[] = { table };
      PGresult *columns = PQexecParams (server->conn,
                                        "SELECT column_name FROM information_schema.columns "
                                        "WHERE table_schema = '" SCHEMA "' AND table_name = $1 "
                                        "ORDER BY ordinal_position", 1, NULL, names, NULL, NULL, 0);
      g_autoptr(GPtrArray) list = g_ptr_array_new ();
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autofree KursCopyValue *values = NULL;
      PGresult *rows;
      int n_columns;

      if (PQresultStatus (columns) != PGRES_TUPLES_OK)
        {
          ok = result_failed (columns, error);
          PQclear (columns);
          break;
        }
      n_columns = PQntuples (columns);
      for (int c = 0; c < n_columns; c++)
        {
          g_ptr_array_add (list, PQgetvalue (columns, c, 0));
          g_string_append_printf (sql, "%s%s", c ? ", " : "", PQgetvalue (columns, c, 0));
        }
      g_ptr_array_add (list, NULL);
      g_string_append_printf (sql, " FROM " SCHEMA ".%s ORDER BY id", table);

      rows = PQexecParams (server->conn, sql->str, 0, NULL, NULL, NULL, NULL, 0);
      if (PQresultStatus (rows) != PGRES_TUPLES_OK)
        ok = result_failed (rows, error);
      else
        ok = sink->begin_table (sink, table, n_columns, (const char * const *) list->pdata, error);
      values = g_new0 (KursCopyValue, MAX (n_columns, 1));
      for (int r = 0; ok && r < PQntuples (rows); r++)
        {
          for (int c = 0; c < n_columns; c++)
            {
              const char *text = PQgetvalue (rows, r, c);

              if (PQgetisnull (rows, r, c))
                values[c] = (KursCopyValue) { KURS_COPY_NULL, 0, 0, NULL };
              else if (PQftype (rows, c) == INT8_OID || PQftype (rows, c) == INT4_OID)
                values[c] = (KursCopyValue) { KURS_COPY_INT, g_ascii_strtoll (text, NULL, 10), 0, NULL };
              else if (PQftype (rows, c) == FLOAT8_OID)
                values[c] = (KursCopyValue) { KURS_COPY_REAL, 0, g_ascii_strtod (text, NULL), NULL };
              else
                values[c] = (KursCopyValue) { KURS_COPY_TEXT, 0, 0, text };
            }
          ok = sink->row (sink, values, error);
          sink->n_rows++;
          if (t == 0)
            sink->n_strategies++;
        }
      ok = ok && sink->end_table (sink, error);
      PQclear (rows);
      PQclear (columns);
    }
  if (ok)
    ok = exec_sql (server->conn, "COMMIT", error);
  else
    PQclear (PQexec (server->conn, "ROLLBACK"));
  return ok;
}

/* Taking rows into an empty library, a table at a time with COPY */

typedef struct {
  KursTableSink  sink;
  KursServer    *server;
  guint          n_columns;
  GString       *line;
  gboolean       copying;   /* within a COPY */
} ServerSink;

static gboolean
server_begin_table (KursTableSink       *sink,
                    const char          *table,
                    guint                n_columns,
                    const char * const  *columns,
                    GError             **error)
{
  ServerSink *self = (ServerSink *) sink;
  g_autoptr(GString) sql = g_string_new (NULL);
  PGresult *result;
  gboolean ok = TRUE;

  /* table and column names come from the schema and the source's own
   * columns, never from a person */
  g_string_append_printf (sql, "COPY " SCHEMA ".%s (", table);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (sql, "%s%s", c ? ", " : "", columns[c]);
  g_string_append (sql, ") FROM STDIN");
  self->n_columns = n_columns;
  result = PQexec (self->server->conn, sql->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    ok = result_failed (result, error);
  else
    self->copying = TRUE;
  PQclear (result);
  return ok;
}

/* COPY's text form: \N for nothing; backslash, tab, line feed and
 * carriage return escaped */
static void
append_copy_text (GString    *line,
                  const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (line, "\\\\");
        break;
      case '\t':
        g_string_append (line, "\\t");
        break;
      case '\n':
        g_string_append (line, "\\n");
        break;
      case '\r':
        g_string_append (line, "\\r");
        break;
      default:
        g_string_append_c (line, *p);
        break;
      }
}

static gboolean
server_row (KursTableSink        *sink,
            const KursCopyValue  *values,
            GError              **error)
{
  ServerSink *self = (ServerSink *) sink;

  g_string_truncate (self->line, 0);
  for (guint c = 0; c < self->n_columns; c++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      if (c > 0)
        g_string_append_c (self->line, '\t');
      switch (values[c].type)
        {
        case KURS_COPY_INT:
          g_string_append_printf (self->line, "%" G_GINT64_FORMAT, values[c].i);
          break;
        case KURS_COPY_REAL:
          g_string_append (self->line, g_ascii_dtostr (number, sizeof number, values[c].r));
          break;
        case KURS_COPY_TEXT:
          append_copy_text (self->line, values[c].text);
          break;
        case KURS_COPY_NULL:
        default:
          g_string_append (self->line, "\\N");
          break;
        }
    }
  g_string_append_c (self->line, '\n');
  if (PQputCopyData (self->server->conn, self->line->str, (int) self->line->len) != 1)
    {
      g_autofree char *why = first_line (PQerrorMessage (self->server->conn));

      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FAILED, "%s", why);
      return FALSE;
    }
  return TRUE;
}

static gboolean
server_end_table (KursTableSink  *sink,
                  GError        **error)
{
  ServerSink *self = (ServerSink *) sink;
  PGresult *result;
  gboolean ok = TRUE;

  self->copying = FALSE;
  if (PQputCopyEnd (self->server->conn, NULL) != 1)
    {
      g_autofree char *why = first_line (PQerrorMessage (self->server->conn));

      g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FAILED, "%s", why);
      ok = FALSE;
    }
  while ((result = PQgetResult (self->server->conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = result_failed (result, error);
      PQclear (result);
    }
  return ok;
}

/**
 * kurs_server_load_tables_begin:
 *
 * Makes ready to take a whole library's tables into the server's
 * library, which must hold no strategy, in one transaction that
 * kurs_server_load_tables_end() ends.
 *
 * Returns: (transfer full) (nullable): the sink, or %NULL with @error set
 */
KursTableSink *
kurs_server_load_tables_begin (KursServer  *server,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ServerSink *sink;
  gint64 n_strategies;

  if (!kurs_server_check_library (server, error))
    return NULL;
  /* no one adds a strategy while the copy is made */
  /* (kurs.copying: the persons in the history are kept as they were,
   * where the library's owner copies: see migration 5) */
  if (!exec_sql (server->conn, "BEGIN; LOCK TABLE " SCHEMA ".strategy IN EXCLUSIVE MODE; "
                               "SET LOCAL kurs.copying = 'on'", &local_error))
    {
      PQclear (PQexec (server->conn, "ROLLBACK"));
      if (local_error->code == KURS_SERVER_ERROR_PERMISSION)
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_PERMISSION,
                     _("The user “%s” may not write the library in the %s: a library is copied into a server by "
                       "its owner or a user with the role kurs_editor"), PQuser (server->conn), server->name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  n_strategies = query_number (server->conn, "SELECT count(*) FROM " SCHEMA ".strategy", error);
  if (n_strategies != 0)
    {
      if (n_strategies != G_MININT64)
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FOREIGN,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The %s already holds %d strategy: a library is copied only into an empty one",
                                  "The %s already holds %d strategies: a library is copied only into an empty one",
                                  (gulong) n_strategies),
                     server->name, (int) MIN (n_strategies, G_MAXINT));
      PQclear (PQexec (server->conn, "ROLLBACK"));
      return NULL;
    }

  sink = g_new0 (ServerSink, 1);
  sink->sink.begin_table = server_begin_table;
  sink->sink.row = server_row;
  sink->sink.end_table = server_end_table;
  sink->server = server;
  sink->line = g_string_new (NULL);
  return &sink->sink;
}

/**
 * kurs_server_load_tables_end:
 * @sink: (transfer full): from kurs_server_load_tables_begin()
 * @ok: whether every table was taken
 *
 * Commits what @sink took, each table's next id after its last, or when
 * @ok is %FALSE leaves the library as it was.
 *
 * Returns: %TRUE if the copy was committed
 */
gboolean
kurs_server_load_tables_end (KursTableSink  *sink,
                             gboolean        ok,
                             GError        **error)
{
  ServerSink *self = (ServerSink *) sink;
  PGconn *conn = self->server->conn;
  const char *table;

  /* a copy stopped half-way through a table */
  if (self->copying)
    {
      PQputCopyEnd (conn, "stopped");
      while (TRUE)
        {
          PGresult *result = PQgetResult (conn);

          if (result == NULL)
            break;
          PQclear (result);
        }
    }
  for (guint t = 0; ok && (table = kurs_table_copy_get_table (t)) != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('" SCHEMA ".%s', 'id'), "
                                              "max (id)) FROM " SCHEMA ".%s HAVING max (id) IS NOT NULL",
                                              table, table);

      ok = exec_sql (conn, sql, error);
    }
  if (ok)
    ok = exec_sql (conn, "COMMIT", error);
  if (!ok)
    PQclear (PQexec (conn, "ROLLBACK"));
  g_string_free (self->line, TRUE);
  g_free (self);
  return ok;
}
