/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-migrations.h"
#include "kurs-store-internal.h"
#include "kurs-store-private.h"
#include "kurs-table-copy.h"

/* A .kurs file's half of copying a whole library (kurs-library-copy.c):
 * its tables read row by row, or written into an empty library in one
 * transaction, the search index made in bulk at the end as an import
 * makes it.  A .kurs file's only: a server copies its tables itself
 * (kurs_server_dump_tables()). */

#define LITE(store) kurs_db_get_sqlite ((store)->db)

static gboolean
sqlite_failed (KursStore  *self,
               GError    **error)
{
  g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (LITE (self)));
  return FALSE;
}

/* The columns of @table, in their order */
static GPtrArray *
table_columns (KursStore   *self,
               const char  *table,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (LITE (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (self, error);
      g_ptr_array_unref (columns);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return columns;
}

/**
 * kurs_store_dump_tables:
 * @sink: what takes each table's rows
 *
 * Gives every table of the library, row by row and all columns, to
 * @sink, as one consistent reading.
 *
 * Returns: %FALSE with @error set if the library could not be read or
 *   @sink failed
 */
gboolean
kurs_store_dump_tables (KursStore      *self,
                        KursTableSink  *sink,
                        GError        **error)
{
  gboolean ok = TRUE;
  const char *table;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  if (!kurs_store_exec_sql (self, "BEGIN", error))
    return FALSE;
  for (guint t = 0; ok && (table = kurs_table_copy_get_table (t)) != NULL; t++)
    {
      g_autoptr(GPtrArray) columns = table_columns (self, table, error);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autofree KursCopyValue *values = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (columns == NULL)
        {
          ok = FALSE;
          break;
        }
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s%s", c ? ", " : "", (const char *) columns->pdata[c]);
      g_string_append_printf (sql, " FROM %s ORDER BY id", table);
      if (sqlite3_prepare_v2 (LITE (self), sql->str, -1, &stmt, NULL) != SQLITE_OK)
        {
          ok = sqlite_failed (self, error);
          break;
        }
      g_ptr_array_add (columns, NULL);
      ok = sink->begin_table (sink, table, columns->len - 1, (const char * const *) columns->pdata, error);
      values = g_new0 (KursCopyValue, columns->len);
      while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (guint c = 0; c + 1 < columns->len; c++)
            {
              KursCopyValue *value = &values[c];

              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_INTEGER:
                  *value = (KursCopyValue) { KURS_COPY_INT, sqlite3_column_int64 (stmt, c), 0, NULL };
                  break;
                case SQLITE_FLOAT:
                  *value = (KursCopyValue) { KURS_COPY_REAL, 0, sqlite3_column_double (stmt, c), NULL };
                  break;
                case SQLITE_NULL:
                  *value = (KursCopyValue) { KURS_COPY_NULL, 0, 0, NULL };
                  break;
                default:
                  *value = (KursCopyValue) { KURS_COPY_TEXT, 0, 0, (const char *) sqlite3_column_text (stmt, c) };
                  break;
                }
            }
          ok = sink->row (sink, values, error);
          sink->n_rows++;
          if (t == KURS_ENTITY_STRATEGY)
            sink->n_strategies++;
        }
      if (ok && rc != SQLITE_DONE)
        ok = sqlite_failed (self, error);
      sqlite3_finalize (stmt);
      ok = ok && sink->end_table (sink, error);
    }
  kurs_store_exec_sql (self, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok;
}

/* Taking rows into an empty library */

typedef struct {
  KursTableSink  sink;
  KursStore     *store;
  sqlite3_stmt  *insert;
  guint          n_columns;
} StoreSink;

static gboolean
store_begin_table (KursTableSink       *sink,
                   const char          *table,
                   guint                n_columns,
                   const char * const  *columns,
                   GError             **error)
{
  StoreSink *self = (StoreSink *) sink;
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (sql, "%s%s", c ? ", " : "", columns[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (sql, "%s?%u", c ? ", " : "", c + 1);
  g_string_append (sql, ")");
  self->n_columns = n_columns;
  if (sqlite3_prepare_v2 (LITE (self->store), sql->str, -1, &self->insert, NULL) != SQLITE_OK)
    return sqlite_failed (self->store, error);
  return TRUE;
}

static gboolean
store_row (KursTableSink        *sink,
           const KursCopyValue  *values,
           GError              **error)
{
  StoreSink *self = (StoreSink *) sink;

  for (guint c = 0; c < self->n_columns; c++)
    switch (values[c].type)
      {
      case KURS_COPY_INT:
        sqlite3_bind_int64 (self->insert, c + 1, values[c].i);
        break;
      case KURS_COPY_REAL:
        sqlite3_bind_double (self->insert, c + 1, values[c].r);
        break;
      case KURS_COPY_TEXT:
        sqlite3_bind_text (self->insert, c + 1, values[c].text, -1, SQLITE_TRANSIENT);
        break;
      case KURS_COPY_NULL:
      default:
        sqlite3_bind_null (self->insert, c + 1);
        break;
      }
  if (sqlite3_step (self->insert) != SQLITE_DONE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (LITE (self->store)));
      sqlite3_reset (self->insert);
      return FALSE;
    }
  sqlite3_reset (self->insert);
  return TRUE;
}

static gboolean
store_end_table (KursTableSink  *sink,
                 GError        **error)
{
  StoreSink *self = (StoreSink *) sink;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  return TRUE;
}

/**
 * kurs_store_load_tables_begin:
 *
 * Makes ready to take a whole library's tables (with
 * kurs_store_dump_tables() or kurs_server_dump_tables()) into this one,
 * which must hold no strategy, in one transaction that
 * kurs_store_load_tables_end() ends.
 *
 * Returns: (transfer full) (nullable): the sink, or %NULL with @error set
 */
KursTableSink *
kurs_store_load_tables_begin (KursStore  *self,
                              GError    **error)
{
  g_autoptr(GPtrArray) strategies = NULL;
  StoreSink *sink;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  if (!_kurs_store_check_can_write (self, error))
    return NULL;
  if (!(strategies = kurs_store_list_strategies (self, error)))
    return NULL;
  if (strategies->len > 0)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The library %s already holds %u strategy: a library is copied only into an empty one",
                                "The library %s already holds %u strategies: a library is copied only into an empty "
                                "one", strategies->len),
                   kurs_store_get_path (self), strategies->len);
      return NULL;
    }
  if (!kurs_store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return NULL;
  /* the index is made in bulk at the end */
  sqlite3_db_config (LITE (self), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);

  sink = g_new0 (StoreSink, 1);
  sink->sink.begin_table = store_begin_table;
  sink->sink.row = store_row;
  sink->sink.end_table = store_end_table;
  sink->store = g_object_ref (self);
  return &sink->sink;
}

/**
 * kurs_store_load_tables_end:
 * @sink: (transfer full): from kurs_store_load_tables_begin()
 * @ok: whether every table was taken
 *
 * Commits what @sink took, with the search index made for every
 * strategy, or when @ok is %FALSE leaves the library as it was.
 *
 * Returns: %TRUE if the copy was committed
 */
gboolean
kurs_store_load_tables_end (KursTableSink  *sink,
                            gboolean        ok,
                            GError        **error)
{
  StoreSink *self = (StoreSink *) sink;
  KursStore *store = self->store;
  const char * const *fills = kurs_migrations_get_search_fills ();
  sqlite3_stmt *strategies = NULL;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  sqlite3_db_config (LITE (store), SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);

  if (ok && sqlite3_prepare_v2 (LITE (store), "SELECT id FROM strategy", -1, &strategies, NULL) != SQLITE_OK)
    ok = sqlite_failed (store, error);
  while (ok && sqlite3_step (strategies) == SQLITE_ROW)
    for (guint k = 0; ok && fills[k] != NULL; k++)
      {
        sqlite3_stmt *fill = NULL;

        if (sqlite3_prepare_v2 (LITE (store), fills[k], -1, &fill, NULL) != SQLITE_OK)
          {
            ok = sqlite_failed (store, error);
            break;
          }
        sqlite3_bind_int64 (fill, 1, sqlite3_column_int64 (strategies, 0));
        if (sqlite3_step (fill) != SQLITE_DONE)
          ok = sqlite_failed (store, error);
        sqlite3_finalize (fill);
      }
  g_clear_pointer (&strategies, sqlite3_finalize);

  if (ok)
    ok = kurs_store_exec_sql (store, "COMMIT", error);
  if (!ok)
    kurs_store_exec_sql (store, "ROLLBACK", NULL);

  g_object_unref (store);
  g_free (self);
  return ok;
}
