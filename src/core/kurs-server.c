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

static PGconn *
connect_to (const char  *address,
            GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;
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

  conn = PQconnectdb (address);
  /* the server's notices ("… does not exist, skipping") are not for people */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *server = describe_server (conn);
      g_autofree char *why = first_line (PQerrorMessage (conn));
      const char *user = PQuser (conn) ? PQuser (conn) : "";
      const char *database = PQdb (conn) ? PQdb (conn) : "";

      if (PQconnectionNeedsPassword (conn))
        g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_AUTHENTICATION,
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
    {
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      g_autofree char *why = first_line (PQresultErrorMessage (result));

      /* 42501: insufficient privilege */
      g_set_error (error, KURS_SERVER_ERROR,
                   state && g_str_equal (state, "42501") ? KURS_SERVER_ERROR_PERMISSION : KURS_SERVER_ERROR_FAILED,
                   "%s", why);
    }
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
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA " SCHEMA " TO " KURS_SERVER_ROLE_EDITOR ";\n"
    /* every action marks its strategy changed */
    "GRANT UPDATE (modified) ON strategy TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n");

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      g_autoptr(GString) columns = g_string_new (NULL);
      gboolean whole = TRUE;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const KursField *field = &info->fields[i];

          if (field->flags & KURS_FIELD_FOLLOW_UP)
            g_string_append_printf (columns, "%s%s", columns->len ? ", " : "", field->name);
          else if ((int) i != info->parent_field && !(field->flags & KURS_FIELD_INTERNAL))
            whole = FALSE;
        }
      if (columns->len == 0)
        continue;
      g_string_append_printf (sql, "GRANT UPDATE (%s) ON %s TO " KURS_SERVER_ROLE_FOLLOW_UP ";\n",
                              columns->str, info->name);
      /* rows that are the follow-up's own: measurements, course corrections */
      if (whole)
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
      gint64 application;

      if (query_number (conn, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = '" SCHEMA "' AND c.relname = 'library'", error) != 1
          || (application = query_number (conn, "SELECT application_id FROM " SCHEMA ".library", error))
             != KURS_APPLICATION_ID)
        {
          g_clear_error (error);
          g_set_error (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_FOREIGN,
                       _("The database “%s” on %s has a schema “%s” that is not Kurs’s; nothing was changed"),
                       PQdb (conn), server, SCHEMA);
          goto out;
        }
      version = query_number (conn, "SELECT schema_version FROM " SCHEMA ".library", error);
      if (version == G_MININT64)
        goto out;
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
