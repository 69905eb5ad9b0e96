/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kurs-hearing.h"
#include "kurs-migrations.h"
#include "kurs-record-private.h"
#include "kurs-store-internal.h"
#include "kurs-store-private.h"

/**
 * KursStore:
 *
 * A strategy library: one SQLite file.  The store is the only way Kurs
 * reads and writes it.
 *
 * Every change is made inside an *action*, one SQLite transaction that is
 * also one step of undo.  A single call (kurs_store_set(), say) is an
 * action of its own; kurs_store_begin() and kurs_store_commit() group
 * several calls into one.  Rules that tie fields of a row together are
 * checked when the action commits; if anything fails, the whole action
 * rolls back, in the file and in memory.
 *
 * The store hands out one #KursRecord per row and keeps it current.  After
 * each committed action it emits #KursStore::changed once, with the set of
 * entities the action touched, and each changed record emits
 * #KursRecord::changed.
 */


G_DEFINE_FINAL_TYPE (KursStore, kurs_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (kurs-store-error-quark, kurs_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CONNECTED,
  N_PROPS
};

enum {
  CHANGED,
  PREPARE,
  READ_FAILED,
  OTHERS_WROTE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static EntitySql entity_sql[KURS_N_ENTITIES];

/* Changes and actions */

static void
change_free (Change *change)
{
  g_clear_object (&change->record);
  g_clear_pointer (&change->old_value, g_variant_unref);
  g_clear_pointer (&change->new_value, g_variant_unref);
  g_free (change);
}

/* The strategy whose rows @change changed (a strategy's own id) */
gint64
_kurs_change_get_strategy (Change *change)
{
  return change->kind == CHANGE_INSERT_ROWS ? change->strategy_id : kurs_record_get_strategy_id (change->record);
}

KursEntity
_kurs_change_get_entity (Change *change)
{
  return change->kind == CHANGE_INSERT_ROWS ? change->entity : kurs_record_get_entity (change->record);
}

/* How many rows @change is a change of */
guint
_kurs_change_count_rows (Change *change)
{
  return change->kind == CHANGE_INSERT_ROWS ? (guint) (change->last_id - change->first_id + 1) : 1;
}

Action *
_kurs_store_action_new (const char *label)
{
  Action *action = g_new0 (Action, 1);

  action->label = g_strdup (label ? label : "");
  action->subject_field = -1;
  action->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  action->time = g_get_monotonic_time ();

  return action;
}

void
_kurs_store_action_free (Action *action)
{
  g_clear_object (&action->subject);
  g_free (action->origin);
  g_free (action->label);
  g_ptr_array_unref (action->changes);
  g_free (action);
}

/* SQL */

static gboolean
has_strategy_column (const KursEntityInfo *info)
{
  return info->parent != KURS_ENTITY_NONE && info->parent != KURS_ENTITY_STRATEGY;
}

/* Every row but a strategy has a uid (kurs_record_get_uid()) */
static gboolean
has_uid_column (const KursEntityInfo *info)
{
  return info->parent != KURS_ENTITY_NONE;
}

/* The index of the first field's column: after id, strategy_id, position,
 * uid. */
static int
first_field_column (const KursEntityInfo *info)
{
  return 1 + (has_strategy_column (info) ? 1 : 0) + (info->ordered ? 1 : 0) + (has_uid_column (info) ? 1 : 0);
}

static gpointer
build_entity_sql (gpointer data)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      EntitySql *sql = &entity_sql[e];
      g_autoptr(GString) columns = g_string_new ("id");
      g_autoptr(GString) read_columns = NULL;
      g_autoptr(GString) params = g_string_new ("?1");
      const char *parent_column;
      int n = 1;

      if (has_strategy_column (info))
        g_string_append (columns, ", strategy_id");
      if (info->ordered)
        g_string_append (columns, ", position");
      if (has_uid_column (info))
        g_string_append (columns, ", uid");
      /* a row is read without its bulky fields (an approved version's
       * frozen text: 35 MB at 100,000 items), each read when its record
       * is first asked for it (read_bulky()) */
      read_columns = g_string_new (columns->str);
      sql->read_field = g_new0 (char *, info->n_fields + 1);
      for (guint i = 0; i < info->n_fields; i++)
        {
          g_string_append_printf (columns, ", %s", info->fields[i].name);
          if (info->fields[i].flags & KURS_FIELD_BULK)
            {
              g_string_append (read_columns, ", NULL");
              sql->read_field[i] = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", info->fields[i].name,
                                                    info->name);
            }
          else
            g_string_append_printf (read_columns, ", %s", info->fields[i].name);
        }
      for (int i = 1; i < first_field_column (info) + (int) info->n_fields; i++)
        g_string_append_printf (params, ", ?%d", ++n);

      parent_column = info->parent_field >= 0 ? info->fields[info->parent_field].name : "id";

      sql->select = g_strdup_printf ("SELECT %s FROM %s", read_columns->str, info->name);
      sql->by_id = g_strdup_printf ("%s WHERE id = ?1", sql->select);
      sql->by_id_range = g_strdup_printf ("%s WHERE id BETWEEN ?1 AND ?2 ORDER BY id", sql->select);
      sql->by_parent = g_strdup_printf ("%s WHERE %s = ?1 ORDER BY %s",
                                        sql->select, parent_column, info->order_by);
      sql->by_strategy = g_strdup_printf ("%s WHERE %s = ?1 ORDER BY %s",
                                          sql->select,
                                          info->entity == KURS_ENTITY_STRATEGY ? "id" : "strategy_id",
                                          info->order_by);
      sql->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                     info->name, columns->str, params->str);
      /* many new rows, their ids given (kurs-store-bulk.c) */
      {
        g_autoptr(GString) rows = g_string_new (NULL);
        g_autoptr(GString) row = g_string_new ("(?");

        for (int i = 1; i < n; i++)
          g_string_append (row, ", ?");
        g_string_append_c (row, ')');
        g_string_append_printf (rows, "INSERT INTO %s (%s) VALUES %s", info->name, columns->str, row->str);
        for (int r = 1; r < KURS_STORE_BULK_ROWS; r++)
          g_string_append_printf (rows, ", %s", row->str);
        sql->insert_rows = g_string_free (g_steal_pointer (&rows), FALSE);
      }
      /* a new row: its id is the engine's to give (a server's identity
       * column takes no NULL) */
      {
        g_autoptr(GString) new_params = g_string_new (NULL);

        for (int i = 1; i < n; i++)
          g_string_append_printf (new_params, "%s?%d", i > 1 ? ", " : "", i);
        sql->insert_new = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                           info->name, columns->str + strlen ("id, "), new_params->str);
        /* a server says the id it gave; SQLite's RETURNING costs more
         * memory than asking it (sqlite3_last_insert_rowid()) */
        sql->insert_returning = g_strdup_printf ("%s RETURNING id", sql->insert_new);
      }
      sql->delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", info->name);
      sql->delete_range = g_strdup_printf ("DELETE FROM %s WHERE id BETWEEN ?1 AND ?2", info->name);
      sql->set_position = g_strdup_printf ("UPDATE %s SET position = ?2 WHERE id = ?1", info->name);
      sql->next_position = g_strdup_printf ("SELECT COALESCE (MAX (position) + 1, 0) FROM %s WHERE %s = ?1",
                                            info->name, parent_column);
      sql->set_field = g_new0 (char *, info->n_fields + 1);
      for (guint i = 0; i < info->n_fields; i++)
        /* written only over the value it was made from (?3), and only if
         * no other Kurs wrote the field another value after the history's
         * action ?4, the library's revision the edit was made at (?5: this
         * store's session, ?6: the value as the history writes it): not
         * over what another Kurs wrote meanwhile, even if it was put back
         * (kurs-store-log.c) */
        sql->set_field[i] = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1 AND %s IS NOT DISTINCT FROM ?3 "
                                             "AND NOT EXISTS (SELECT 1 FROM history_change c "
                                             "JOIN history_action a ON a.id = c.action_id "
                                             "WHERE c.entity = '%s' AND c.row_id = ?1 AND c.field = '%s' "
                                             "AND c.action_id > ?4 AND a.session_id <> ?5 "
                                             "AND c.new_value IS DISTINCT FROM ?6)",
                                             info->name, info->fields[i].name, info->fields[i].name,
                                             info->name, info->fields[i].name);
    }

  return NULL;
}

/* The SQL of every entity, built the first time a library is opened */
void
kurs_store_ensure_sql (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_entity_sql, NULL);
}

/* Whether the library failed for want of room on the disk: SQLite's
 * SQLITE_FULL, or an I/O error whose system error says so (a write to the
 * log, say); a server's disk-full error */
gboolean
kurs_store_is_disk_full (KursDb *db)
{
  return kurs_db_failure (db) == KURS_DB_FAILURE_FULL;
}

void
_kurs_store_db_failed (KursStore  *self,
                       GError    **error)
{
  const char *message = kurs_db_errmsg (self->db);

  switch (kurs_db_failure (self->db))
    {
    case KURS_DB_FAILURE_FULL:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FULL,
                   _("The disk is full; nothing was changed"));
      break;

    case KURS_DB_FAILURE_UNIQUE:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("That is already there; a link is only made once"));
      break;

    case KURS_DB_FAILURE_CONSTRAINT:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("The library refused a value: %s"), message);
      break;

    case KURS_DB_FAILURE_READ_ONLY:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY,
                   _("The library cannot be written to: %s"), message);
      break;

    case KURS_DB_FAILURE_PERMISSION:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY,
                   _("Your role on the server may not change this; nothing was changed (%s)"), message);
      break;

    case KURS_DB_FAILURE_LOST:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The connection to the server was lost; nothing was changed (%s)"), message);
      break;

    case KURS_DB_FAILURE_BUSY:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_LOCKED,
                   _("Another program is writing to the library; try again in a moment"));
      break;

    case KURS_DB_FAILURE_CORRUPT:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CORRUPT,
                   _("The library file is damaged: %s"), message);
      break;

    case KURS_DB_FAILURE_OTHER:
    default:
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library could not be read or written: %s"), message);
    }
}

gboolean
kurs_store_exec_sql (KursStore   *self,
          const char  *sql,
          GError     **error)
{
  if (!_kurs_store_write_bulk (self, error))
    return FALSE;
  if (!kurs_db_exec (self->db, sql))
    {
      _kurs_store_db_failed (self, error);
      return FALSE;
    }

  return TRUE;
}


/* Begins the transaction of an outermost action */
gboolean
kurs_store_begin_sql (KursStore  *self,
                      GError    **error)
{
  if (!kurs_db_begin (self->db))
    {
      _kurs_store_db_failed (self, error);
      return FALSE;
    }
  return TRUE;
}

/* A statement without parameters or rows, through the statement cache:
 * for the savepoints that every nested change takes. */
gboolean
_kurs_store_run_cached (KursStore   *self,
                        const char  *sql,
                        GError     **error)
{
  KursDbStmt *stmt = _kurs_store_prepare_statement (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  ok = kurs_db_step (stmt) == KURS_DB_DONE;
  if (!ok)
    _kurs_store_db_failed (self, error);
  kurs_db_reset (stmt);
  return ok;
}

KursDbStmt *
_kurs_store_prepare_statement (KursStore   *self,
                               const char  *sql,
                               GError     **error)
{
  KursDbStmt *stmt;

  if (self->db == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library is closed"));
      return NULL;
    }

  /* the rows an import made go first (kurs-store-bulk.c) */
  if (!_kurs_store_write_bulk (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (!(stmt = kurs_db_prepare (self->db, sql, TRUE)))
    {
      _kurs_store_db_failed (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* A statement done with: reset, its parameters let go */
void
_kurs_store_finish (KursDbStmt *stmt)
{
  kurs_db_reset (stmt);
  kurs_db_clear_bindings (stmt);
}

/* Runs a statement that returns no rows. */
gboolean
_kurs_store_step_done (KursStore     *self,
                       KursDbStmt  *stmt,
                       GError       **error)
{
  gboolean ok = kurs_db_step (stmt) == KURS_DB_DONE;

  if (!ok)
    _kurs_store_db_failed (self, error);
  _kurs_store_finish (stmt);
  return ok;
}

static void
bind_cell (KursDbStmt     *stmt,
           int             column,
           const KursCell *cell)
{
  switch (cell->kind)
    {
    case KURS_CELL_NONE:
      kurs_db_bind_null (stmt, column);
      break;
    case KURS_CELL_NUMBER:
      kurs_db_bind_int64 (stmt, column, cell->number);
      break;
    case KURS_CELL_REAL:
      kurs_db_bind_double (stmt, column, cell->real);
      break;
    case KURS_CELL_TEXT:
      kurs_db_bind_text (stmt, column, cell->text, cell->length);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_value (KursDbStmt      *stmt,
            int              column,
            const KursField *field,
            GVariant        *value)
{
  KursCell cell;

  /* (a bulky text may be its bytes, kurs_field_check_value()) */
  kurs_field_value_to_cell (field, value, &cell);
  bind_cell (stmt, column, &cell);
}

static GVariant *
column_value (KursDbStmt    *stmt,
              int              column,
              const KursField *field)
{
  if (kurs_db_column_type (stmt, column) == KURS_DB_NULL)
    return NULL;

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_DATE:
    case KURS_FIELD_ENUM:
    case KURS_FIELD_TIMESTAMP:
      {
        int length = 0;
        const char *text = kurs_db_column_text (stmt, column, &length);

        /* A file edited by another program may hold broken UTF-8; show
         * what can be shown rather than fail. */
        if (!g_utf8_validate_len (text, length, NULL))
          {
            g_autofree char *valid = g_utf8_make_valid (text, length);

            return g_variant_new_string (valid);
          }
        return g_variant_new_string (text);
      }

    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      return g_variant_new_int64 (kurs_db_column_int64 (stmt, column));

    case KURS_FIELD_REAL:
      return g_variant_new_double (kurs_db_column_double (stmt, column));

    case KURS_FIELD_BOOL:
      return g_variant_new_boolean (kurs_db_column_int64 (stmt, column) != 0);

    default:
      g_assert_not_reached ();
    }
}

/* The identity map: one record per row, for as long as the library is
 * open.  A deleted row's record leaves the map; undo history keeps it, so
 * that undoing the delete brings back the same object. */

void
_kurs_store_remember (KursStore  *self,
                      KursRecord *record)
{
  KursEntity entity = kurs_record_get_entity (record);
  gint64 *key = g_new (gint64, 1);

  *key = kurs_record_get_id (record);
  g_assert (g_hash_table_lookup (self->records[entity], key) == NULL);
  g_hash_table_insert (self->records[entity], key, g_object_ref (record));
}

void
_kurs_store_forget (KursStore  *self,
                    KursRecord *record)
{
  gint64 id = kurs_record_get_id (record);
  GHashTable *map = self->records[kurs_record_get_entity (record)];

  if (g_hash_table_lookup (map, &id) == (gpointer) record)
    g_hash_table_remove (map, &id);
}

/* Reading */

/* A bulky field of @record, not read with its row (build_entity_sql()),
 * read now that it is asked for; @data, a weak reference to the store */
static GVariant *
read_bulky (KursRecord *record,
            guint       index,
            gpointer    data)
{
  g_autoptr(KursStore) self = g_weak_ref_get (data);
  const KursEntityInfo *info = kurs_record_get_info (record);
  g_autoptr(GError) error = NULL;
  GVariant *value = NULL;
  KursDbStmt *stmt;

  if (self == NULL)
    {
      g_warning ("The %s of %s %" G_GINT64_FORMAT " was asked for after its library was closed",
                 info->fields[index].name, info->name, kurs_record_get_id (record));
      return NULL;
    }

  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[info->entity].read_field[index], &error)))
    {
      _kurs_store_read_failed (self, g_steal_pointer (&error), NULL);
      return NULL;
    }
  kurs_db_bind_int64 (stmt, 1, kurs_record_get_id (record));
  switch (kurs_db_step (stmt))
    {
    case KURS_DB_ROW:
      value = column_value (stmt, 0, &info->fields[index]);
      break;
    case KURS_DB_DONE:   /* (the row is gone: another Kurs deleted it) */
      break;
    default:
      g_set_error (&error, KURS_STORE_ERROR, kurs_db_failure (self->db) == KURS_DB_FAILURE_CORRUPT
                                              ? KURS_STORE_ERROR_CORRUPT : KURS_STORE_ERROR_FAILED,
                   _("The library could not be read (%s): %s"), _(info->label), kurs_db_errmsg (self->db));
      _kurs_store_read_failed (self, g_steal_pointer (&error), NULL);
      break;
    }
  _kurs_store_finish (stmt);
  return value;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static KursRecord *
record_from_row (KursStore            *self,
                 const KursEntityInfo *info,
                 KursDbStmt         *stmt)
{
  gint64 id = kurs_db_column_int64 (stmt, 0);
  KursRecord *record = g_hash_table_lookup (self->records[info->entity], &id);
  int column = 1;

  if (record != NULL)
    return g_object_ref (record);

  record = kurs_record_new (info->entity, id);
  if (has_strategy_column (info))
    kurs_record_set_strategy_id (record, kurs_db_column_int64 (stmt, column++));
  if (info->ordered)
    kurs_record_set_position (record, kurs_db_column_int64 (stmt, column++));
  if (has_uid_column (info))
    kurs_record_set_uid (record, kurs_db_column_int64 (stmt, column++));
  for (guint i = 0; i < info->n_fields; i++, column++)
    if (entity_sql[info->entity].read_field[i] != NULL)
      {
        GWeakRef *store = g_new (GWeakRef, 1);

        g_weak_ref_init (store, self);
        kurs_record_set_unread_at (record, i, read_bulky, store, weak_ref_free);
      }
    else
      kurs_record_take_value_at (record, i, column_value (stmt, column, &info->fields[i]));

  _kurs_store_remember (self, record);
  return record;
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  return a == b || (a != NULL && b != NULL && g_variant_equal (a, b));
}

/**
 * _kurs_store_refresh_record:
 * @mask: (inout): what changed, `1 << KursEntity`, is added to it
 *
 * Reads the row of @record again, as another Kurs may have changed it:
 * each field that changed is taken and said (the record's ::changed), a
 * row that is gone is deleted.
 */
gboolean
_kurs_store_refresh_record (KursStore   *self,
                            KursRecord  *record,
                            guint       *mask,
                            GError     **error)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  KursDbStmt *stmt;
  KursDbStep rc;
  int column = 1;

  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[info->entity].by_id, error)))
    return FALSE;
  kurs_db_bind_int64 (stmt, 1, kurs_record_get_id (record));
  rc = kurs_db_step (stmt);
  if (rc == KURS_DB_DONE)
    {
      _kurs_store_finish (stmt);
      if (!kurs_record_is_deleted (record))
        {
          kurs_record_set_deleted (record, TRUE);
          _kurs_store_forget (self, record);
          g_object_notify (G_OBJECT (record), "deleted");
          *mask |= 1u << info->entity;
        }
      return TRUE;
    }
  if (rc != KURS_DB_ROW)
    {
      _kurs_store_db_failed (self, error);
      _kurs_store_finish (stmt);
      return FALSE;
    }

  {
    g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

    if (has_strategy_column (info))
      column++;
    if (info->ordered)
      {
        gint64 position = kurs_db_column_int64 (stmt, column++);

        if (position != kurs_record_get_position (record))
          {
            kurs_record_set_position (record, position);
            *mask |= 1u << info->entity;
          }
      }
    if (has_uid_column (info))
      column++;
    for (guint i = 0; i < info->n_fields; i++)
      {
        GVariant *value;

        /* (a bulky field is not read with the row: read when asked for) */
        if (entity_sql[info->entity].read_field[i] != NULL)
          {
            column++;
            continue;
          }
        value = column_value (stmt, column++, &info->fields[i]);
        if (value != NULL)
          g_variant_ref_sink (value);
        if (!values_equal (value, kurs_record_get_value_at (record, i)))
          {
            kurs_record_take_value_at (record, i, value);
            g_array_append_val (changed, i);
          }
        else if (value != NULL)
          g_variant_unref (value);
      }
    _kurs_store_finish (stmt);

    /* said once all are taken: a handler may read the others */
    for (guint k = 0; k < changed->len; k++)
      kurs_record_emit_changed (record, g_array_index (changed, guint, k));
    if (changed->len > 0)
      *mask |= 1u << info->entity;
  }
  return TRUE;
}

/* A read that failed: the caller's error, and the store's signal */
void
_kurs_store_read_failed (KursStore  *self,
                         GError     *failure,
                         GError    **error)
{
  g_signal_emit (self, signals[READ_FAILED], 0, failure);
  g_propagate_error (error, failure);
}

/* The rows the query gives, with ?1 @id (and ?2 @last, unless it is -1);
 * on a failure none, with @error set */
static GPtrArray *
query_records_to (KursStore            *self,
                  const KursEntityInfo *info,
                  const char           *sql,
                  gint64                id,
                  gint64                last,
                  GError              **error)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GError *failure = NULL;
  KursDbStmt *stmt;
  KursDbStep rc;

  if (!(stmt = _kurs_store_prepare_statement (self, sql, &failure)))
    {
      _kurs_store_read_failed (self, failure, error);
      return records;
    }

  kurs_db_bind_int64 (stmt, 1, id);
  if (last != -1)
    kurs_db_bind_int64 (stmt, 2, last);
  while ((rc = kurs_db_step (stmt)) == KURS_DB_ROW)
    g_ptr_array_add (records, record_from_row (self, info, stmt));
  if (rc != KURS_DB_DONE)
    {
      g_set_error (&failure, KURS_STORE_ERROR, kurs_db_failure (self->db) == KURS_DB_FAILURE_CORRUPT
                                                 ? KURS_STORE_ERROR_CORRUPT : KURS_STORE_ERROR_FAILED,
                   _("The library could not be read (%s): %s"), _(info->label),
                   kurs_db_errmsg (self->db));
      _kurs_store_finish (stmt);
      g_ptr_array_set_size (records, 0);
      _kurs_store_read_failed (self, failure, error);
      return records;
    }
  _kurs_store_finish (stmt);

  return records;
}

static GPtrArray *
query_records (KursStore            *self,
               const KursEntityInfo *info,
               const char           *sql,
               gint64                id,
               GError              **error)
{
  return query_records_to (self, info, sql, id, -1, error);
}

/* Class */

void
kurs_store_close_database (KursStore *self)
{
  _kurs_store_unwatch (self);
  if (self->db != NULL)
    {
      g_hash_table_remove_all (self->statements);
      g_clear_pointer (&self->db, kurs_db_free);
    }

}

static void
kurs_store_dispose (GObject *object)
{
  KursStore *self = (KursStore *) object;

  if (self->depth > 0)
    {
      g_warning ("Library closed in the middle of an action; rolling it back");
      self->depth = 1;
      kurs_store_rollback (self);
    }

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  _kurs_store_unwatch (self);

  G_OBJECT_CLASS (kurs_store_parent_class)->dispose (object);
}

static void
kurs_store_finalize (GObject *object)
{
  KursStore *self = (KursStore *) object;

  kurs_store_close_database (self);

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&self->records[e], g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  _kurs_store_end_bulk (self);
  g_clear_pointer (&self->now, g_variant_unref);
  g_free (self->origin);
  g_free (self->session_id);
  g_free (self->path);
  g_free (self->known_words);
  g_clear_pointer (&self->new_strategies, g_array_unref);

  G_OBJECT_CLASS (kurs_store_parent_class)->finalize (object);
}

static void
kurs_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KursStore *self = KURS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kurs_store_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, kurs_store_can_redo (self));
      break;

    case PROP_CONNECTED:
      g_value_set_boolean (value, !self->disconnected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_store_class_init (KursStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_store_dispose;
  object_class->finalize = kurs_store_finalize;
  object_class->get_property = kurs_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KursStore:connected:
   *
   * %FALSE while a watched server library's connection is lost
   * (kurs_store_watch()): nothing can be written, and what others change
   * is taken in once it is back.
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KursStore::changed:
   * @self: the store
   * @entities: a bit mask, `1 << KursEntity`, of what changed
   *
   * Emitted once after each committed action, undo or redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * KursStore::prepare:
   *
   * Emitted before the store begins an action, undoes or redoes one, or
   * is read whole (kurs_store_prepare()): an editor with an edit still
   * waiting to be written writes it now, so that it is part of what
   * follows, and no caller has to remember it.
   */
  signals[PREPARE] =
    g_signal_new ("prepare",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * KursStore::read-failed:
   * @self: the store
   * @error: what went wrong
   *
   * Emitted when a library that opened could not be read later (another
   * program damaged it, its disk went away): a window says so.  The read
   * that failed returns its #GError to its caller as well.
   */
  /**
   * KursStore::others-wrote:
   *
   * Emitted when kurs_store_catch_up() finds that another Kurs wrote to
   * the library, whatever it wrote: its actions (said by ::changed too),
   * or only who has which strategy open (kurs_store_list_present()).
   */
  signals[OTHERS_WROTE] =
    g_signal_new ("others-wrote",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  signals[READ_FAILED] =
    g_signal_new ("read-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
finalize_statement (gpointer stmt)
{
  kurs_db_finalize (stmt);
}

static void
kurs_store_init (KursStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    self->records[e] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _kurs_store_action_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) _kurs_store_action_free);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

const char *
kurs_store_get_path (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  return self->path;
}

gboolean
kurs_store_is_read_only (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * kurs_store_get_access:
 *
 * Returns: whether the library is open for writing, and if it is not, why
 */
KursStoreAccess
kurs_store_get_access (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), KURS_STORE_ACCESS_READ_ONLY_ASKED);

  return self->access;
}

/**
 * kurs_store_close:
 *
 * Closes the file and releases its lock now, rather than when the last
 * reference goes.  The store can no longer read or write.
 */
void
kurs_store_close (KursStore *self)
{
  g_return_if_fail (KURS_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  kurs_store_close_database (self);
}

/* Reading, public */

/**
 * kurs_store_get:
 *
 * Returns: (transfer full) (nullable): the row, or %NULL if there is none
 */
KursRecord *
kurs_store_get (KursStore  *self,
                KursEntity  entity,
                gint64      id)
{
  g_autoptr(GPtrArray) records = NULL;
  KursRecord *record;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  if ((record = g_hash_table_lookup (self->records[entity], &id)))
    return g_object_ref (record);

  /* A read that fails is none, and #KursStore::read-failed */
  records = query_records (self, kurs_entity_info (entity), entity_sql[entity].by_id, id, NULL);
  return records->len ? g_object_ref (records->pdata[0]) : NULL;
}

/**
 * _kurs_store_get_range:
 *
 * The rows of @entity whose ids are @first to @last, a record each as
 * kurs_store_get() gives it, read in one statement: an import's rows
 * made without records, for its undo (_kurs_store_take_rows()).  A read
 * that fails gives none, and #KursStore::read-failed.
 *
 * Returns: (transfer container) (element-type KursRecord): the rows
 *   there are, in the order of their ids
 */
GPtrArray *
_kurs_store_get_range (KursStore  *self,
                       KursEntity  entity,
                       gint64      first,
                       gint64      last)
{
  return query_records_to (self, kurs_entity_info (entity), entity_sql[entity].by_id_range, first, last, NULL);
}

/**
 * kurs_store_list:
 * @parent_id: the owning row: a strategy, a goal, an action plan…
 * @error: where a read that failed is said
 *
 * The reading functions (this and the other kurs_store_list_*()) never
 * return %NULL: a read that fails gives no rows and sets @error, and the
 * store emits #KursStore::read-failed, so that a window that passed no
 * @error can still say that the library could not be read.  A caller that
 * acts on what it read (exports it, deletes by it) passes an @error.
 *
 * Returns: (transfer container) (element-type KursRecord): the rows of
 *   @entity that @parent_id owns, in their order
 */
GPtrArray *
kurs_store_list (KursStore   *self,
                 KursEntity   entity,
                 gint64       parent_id,
                 GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, NULL);

  return query_records (self, kurs_entity_info (entity), entity_sql[entity].by_parent, parent_id, error);
}

/**
 * kurs_store_list_by_strategy:
 *
 * Returns: (transfer container) (element-type KursRecord): all rows of
 *   @entity in the strategy, whichever row owns them
 */
GPtrArray *
kurs_store_list_by_strategy (KursStore   *self,
                             KursEntity   entity,
                             gint64       strategy_id,
                             GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  return query_records (self, kurs_entity_info (entity), entity_sql[entity].by_strategy, strategy_id, error);
}

/**
 * kurs_store_list_by_field:
 * @field: a reference field of @entity
 *
 * Returns: (transfer container) (element-type KursRecord): the rows of
 *   @entity whose @field refers to @id
 */
GPtrArray *
kurs_store_list_by_field (KursStore   *self,
                          KursEntity   entity,
                          const char  *field,
                          gint64       id,
                          GError     **error)
{
  const KursEntityInfo *info;
  const KursField *info_field;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  info = kurs_entity_info (entity);
  info_field = kurs_entity_info_get_field (info, field);
  g_return_val_if_fail (info_field != NULL && info_field->type == KURS_FIELD_REF, NULL);

  /* The column name comes from the schema, not from the caller. */
  sql = g_strdup_printf ("%s WHERE %s = ?1 ORDER BY %s",
                         entity_sql[entity].select, info_field->name, info->order_by);
  return query_records (self, info, sql, id, error);
}

/**
 * kurs_store_list_strategies:
 *
 * Returns: (transfer container) (element-type KursRecord): every strategy
 *   in the library, by title
 */
GPtrArray *
kurs_store_list_strategies (KursStore  *self,
                            GError    **error)
{
  const KursEntityInfo *info = kurs_entity_info (KURS_ENTITY_STRATEGY);
  g_autofree char *sql = NULL;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  sql = g_strdup_printf ("%s WHERE id > ?1 ORDER BY %s", entity_sql[KURS_ENTITY_STRATEGY].select,
                         info->order_by);
  return query_records (self, info, sql, 0, error);
}

static gboolean
is_hex_prefix (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/**
 * kurs_store_find_strategy:
 * @short_id: a strategy's short id, as kurs_store_get_short_id() gives
 *   it, or any unique start of its UUID of four characters or more
 *
 * Returns: (transfer full): the strategy, or %NULL with @error set
 */
KursRecord *
kurs_store_find_strategy (KursStore   *self,
                          const char  *short_id,
                          GError     **error)
{
  const KursEntityInfo *info = kurs_entity_info (KURS_ENTITY_STRATEGY);
  g_autofree char *prefix = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  KursDbStmt *stmt;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (short_id != NULL, NULL);

  if (strlen (short_id) < 4 || strlen (short_id) > 36 || !is_hex_prefix (short_id))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a strategy id; “kurs-cli list” shows the ids"), short_id);
      return NULL;
    }

  prefix = g_ascii_strdown (short_id, -1);
  sql = g_strdup_printf ("%s WHERE substr (uuid, 1, length (?1)) = ?1 ORDER BY %s",
                         entity_sql[KURS_ENTITY_STRATEGY].select, info->order_by);
  if (!(stmt = _kurs_store_prepare_statement (self, sql, error)))
    return NULL;

  kurs_db_bind_text (stmt, 1, prefix, -1);
  while (kurs_db_step (stmt) == KURS_DB_ROW)
    g_ptr_array_add (found, record_from_row (self, info, stmt));
  _kurs_store_finish (stmt);

  if (found->len == 0)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("There is no strategy with the id “%s”; “kurs-cli list” shows the ids"), short_id);
      return NULL;
    }

  if (found->len > 1)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("The id “%s” fits more than one strategy; give more of it"), short_id);
      return NULL;
    }

  return g_object_ref (found->pdata[0]);
}

/**
 * kurs_store_get_short_id:
 *
 * Returns: (transfer full): the first eight characters of the strategy's
 *   UUID, or more where another strategy starts the same way
 */
char *
kurs_store_get_short_id (KursStore  *self,
                         KursRecord *strategy)
{
  const char *uuid;
  KursDbStmt *stmt;
  gsize length = 8;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (kurs_record_get_entity (strategy) == KURS_ENTITY_STRATEGY, NULL);

  uuid = kurs_record_get_text (strategy, "uuid");
  if (!(stmt = _kurs_store_prepare_statement (self, "SELECT count(*) FROM strategy WHERE substr (uuid, 1, ?2) = substr (?1, 1, ?2)", NULL)))
    return g_strndup (uuid, length);

  for (; length < strlen (uuid); length++)
    {
      int count = 0;

      kurs_db_bind_text (stmt, 1, uuid, -1);
      kurs_db_bind_int64 (stmt, 2, length);
      if (kurs_db_step (stmt) == KURS_DB_ROW)
        count = kurs_db_column_int64 (stmt, 0);
      _kurs_store_finish (stmt);

      if (count <= 1)
        break;
    }

  return g_strndup (uuid, length);
}

/**
 * kurs_store_is_frozen:
 *
 * Returns: whether the strategy is approved or adopted, so that its text
 *   may not change until a new revision is started
 */
gboolean
kurs_store_is_frozen (KursStore *self,
                      gint64     strategy_id)
{
  g_autoptr(KursRecord) strategy = NULL;
  int status;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  if (!(strategy = kurs_store_get (self, KURS_ENTITY_STRATEGY, strategy_id)))
    return FALSE;

  status = kurs_record_get_enum (strategy, "status");
  return status == KURS_STATUS_APPROVED || status == KURS_STATUS_ADOPTED;
}

/**
 * kurs_store_get_record_name:
 *
 * What names a row for a person: its title or name where it has one
 * (kurs_record_get_title()); a measurement by its date; a hearing party or
 * an involvement by its stakeholder; a link to a goal by the goal; an
 * approved version by its number.
 *
 * Returns: (transfer full): the name, or "" for a row with none
 */
char *
kurs_store_get_record_name (KursStore  *self,
                            KursRecord *record)
{
  const char *title;

  g_return_val_if_fail (KURS_IS_STORE (self), g_strdup (""));
  g_return_val_if_fail (KURS_IS_RECORD (record), g_strdup (""));

  title = kurs_record_get_title (record);
  if (*title != '\0')
    return g_strdup (title);

  switch (kurs_record_get_entity (record))
    {
    case KURS_ENTITY_MEASUREMENT:
      return kurs_record_has_value (record, "date") ? kurs_date_format_local (kurs_record_get_date (record, "date"))
                                                    : g_strdup ("");

    case KURS_ENTITY_HEARING_PARTY:
    case KURS_ENTITY_INVOLVEMENT:
    case KURS_ENTITY_INITIATIVE_GOAL:
    case KURS_ENTITY_OUTPUT_GOAL:
      {
        const KursEntityInfo *info = kurs_record_get_info (record);
        /* The one reference that is not the row's owner */
        for (guint i = 0; i < info->n_fields; i++)
          if (info->fields[i].type == KURS_FIELD_REF && !(info->fields[i].flags & KURS_FIELD_PARENT)
              && kurs_record_has_value (record, info->fields[i].name))
            {
              g_autoptr(KursRecord) target = kurs_store_get (self, info->fields[i].ref,
                                                             kurs_record_get_int (record, info->fields[i].name));

              return g_strdup (target ? kurs_record_get_title (target) : "");
            }
        return g_strdup ("");
      }

    case KURS_ENTITY_VERSION:
      return g_strdup_printf (_("Version %d"), (int) kurs_record_get_int (record, "number"));

    default:
      return g_strdup ("");
    }
}

/* Checking values */

static const char *
field_label (const KursField *field)
{
  return kurs_field_get_label (field);
}

/* What undo calls an action on @record: one of the entity's phrases
 * ("Delete development goal"), with the row's name where it has one */
static char *
action_label (KursStore  *self,
              KursRecord *record,
              const char *phrase)
{
  g_autofree char *name = kurs_store_get_record_name (self, record);

  if (phrase == NULL)
    phrase = kurs_record_get_info (record)->label;
  if (*name == '\0')
    return g_strdup (_(phrase));

  /* TRANSLATORS: an action in undo's words, then the name of the row it
   * acted on: Delete development goal “Flere i egen bolig” */
  return g_strdup_printf (C_("undo", "%s “%s”"), _(phrase), name);
}

/* The field's label, and the row's name: Title of “Flere i egen bolig” */
char *
_kurs_store_change_label (KursStore       *self,
                          KursRecord      *record,
                          const KursField *field)
{
  g_autofree char *name = kurs_store_get_record_name (self, record);

  if (*name == '\0')
    return g_strdup (field_label (field));

  /* A row's title is labelled by what the row is ("Development goal"),
   * which says nothing here */
  if (g_str_equal (field->name, "title"))
    /* TRANSLATORS: what undo calls a change to the title of a row */
    return g_strdup_printf (C_("undo", "Title of “%s”"), name);
  if (g_str_equal (field->name, "name"))
    /* TRANSLATORS: what undo calls a change to the name of a row */
    return g_strdup_printf (C_("undo", "Name of “%s”"), name);

  /* TRANSLATORS: what undo calls a change to a field: the field's label,
   * then the name of the row it belongs to: Description of “Flere i egen
   * bolig” */
  return g_strdup_printf (C_("undo", "%s of “%s”"), field_label (field), name);
}

static void
set_subject (KursStore  *self,
             KursRecord *record,
             int         field)
{
  /* Only the outermost action is the person's */
  if (self->depth != 1 || self->pending == NULL || record == NULL)
    return;

  g_set_object (&self->pending->subject, record);
  self->pending->subject_field = field;
}

gboolean
_kurs_store_invalid (GError     **error,
                     const char  *format,
                     ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

/* The index of @field in @info, or -1 with @error set to say there is no
 * such field */
static int
find_field (const KursEntityInfo  *info,
            const char            *field,
            GError               **error)
{
  int index = kurs_entity_info_find_field (info, field);

  if (index < 0)
    _kurs_store_invalid (error, _("A %s has no field “%s”"), info->name, field);
  return index;
}

/* A value against its field's own rules (kurs_field_check_value()), as
 * the store's error */
static gboolean
check_field_value (const KursField  *field,
                   GVariant         *value,
                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kurs_field_check_value (field, value, &local_error))
    return TRUE;
  return _kurs_store_invalid (error, "%s", local_error->message);
}

/* The same of a value as a cell (kurs_store_create_cells()) */
static gboolean
check_field_cell (const KursField  *field,
                  const KursCell   *cell,
                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kurs_field_check_cell (field, cell, &local_error))
    return TRUE;
  return _kurs_store_invalid (error, "%s", local_error->message);
}

/**
 * kurs_store_check_value:
 * @value: (nullable): a value, or %NULL for none
 *
 * Checks a value against the rules of its field — that a date exists, a
 * year is in range, a title is not empty — without writing anything, so
 * an editor can mark a field before the value is stored.  A floating
 * @value is consumed.
 *
 * Returns: whether the store would take the value
 */
gboolean
kurs_store_check_value (KursEntity   entity,
                        const char  *field,
                        GVariant    *value,
                        GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  int index;

  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if ((index = find_field (kurs_entity_info (entity), field, error)) < 0)
    return FALSE;

  return check_field_value (&kurs_entity_info (entity)->fields[index], owned, error);
}


/**
 * kurs_store_check_change:
 * @record: a row of this store
 * @value: (nullable): a new value for @field; a floating one is consumed
 *
 * Checks a new value as the store would when it is set: the field's own
 * rules, and those that tie it to the row's other fields and to the rows
 * it belongs to — an end after its start, a response within its hearing's
 * dates.  Nothing is written, so an editor can mark the field before the
 * value is stored.
 *
 * Returns: whether the store would take the value
 */
gboolean
kurs_store_check_change (KursStore   *self,
                         KursRecord  *record,
                         const char  *field,
                         GVariant    *value,
                         GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(KursRecord) changed = NULL;
  const KursEntityInfo *info;
  int index;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  info = kurs_record_get_info (record);
  if ((index = find_field (info, field, error)) < 0)
    return FALSE;
  if (!check_field_value (&info->fields[index], owned, error))
    return FALSE;

  /* The row as it would be, apart from the row itself */
  changed = kurs_record_new (info->entity, kurs_record_get_id (record));
  kurs_record_set_strategy_id (changed, kurs_record_get_strategy_id (record));
  kurs_record_set_position (changed, kurs_record_get_position (record));
  for (guint i = 0; i < info->n_fields; i++)
    {
      GVariant *v = (int) i == index ? owned : kurs_record_get_value_at (record, i);

      kurs_record_take_value_at (changed, i, v ? g_variant_ref (v) : NULL);
    }

  return _kurs_store_check_row (self, changed, error);
}

/* A row as the rules that tie its fields together read it: a record, or a
 * row made without one (kurs_store_create_cells()), as its cells */
typedef struct {
  KursEntity      entity;
  KursRecord     *record;   /* or NULL, and: */
  const KursCell *cells;
} RowView;

/* @row's field @name, as a cell (in @buffer, for a record's) */
static const KursCell *
view_cell (const RowView *row,
           const char    *name,
           KursCell      *buffer)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  int index = kurs_entity_info_find_field (info, name);

  g_assert (index >= 0);
  if (row->record == NULL)
    return &row->cells[index];
  kurs_field_value_to_cell (&info->fields[index], kurs_record_get_value_at (row->record, index), buffer);
  return buffer;
}

/* (kurs_record_get_text(), get_int(), has_value() and get_date() of a
 * row) */
static const char *
view_text (const RowView *row,
           const char    *name)
{
  KursCell buffer;
  const KursCell *cell = view_cell (row, name, &buffer);

  return cell->kind == KURS_CELL_TEXT ? cell->text : NULL;
}

static gint64
view_int (const RowView *row,
          const char    *name)
{
  KursCell buffer;
  const KursCell *cell = view_cell (row, name, &buffer);

  return cell->kind == KURS_CELL_NUMBER ? cell->number : 0;
}

static gboolean
view_has (const RowView *row,
          const char    *name)
{
  KursCell buffer;

  return view_cell (row, name, &buffer)->kind != KURS_CELL_NONE;
}

static KursDate
view_date (const RowView *row,
           const char    *name)
{
  const char *text = view_text (row, name);
  KursDate date;

  return text != NULL && kurs_date_parse (text, &date, NULL) ? date : KURS_DATE_NONE;
}

/* (kurs_record_get_title() of a row: asked for only for a message) */
static const char *
view_title (const RowView *row)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);

  if (row->record != NULL)
    return kurs_record_get_title (row->record);
  for (guint i = 0; kurs_title_field_names[i] != NULL; i++)
    if (kurs_entity_info_find_field (info, kurs_title_field_names[i]) >= 0
        && view_text (row, kurs_title_field_names[i]) != NULL)
      return view_text (row, kurs_title_field_names[i]);
  return "";
}

/* The rules that tie fields of one row together, checked at commit. */
static gboolean
dates_in_order (const RowView *row,
                const char    *first,
                const char    *second)
{
  const char *a = view_text (row, first);
  const char *b = view_text (row, second);

  /* ISO dates compare as text. */
  return a == NULL || b == NULL || strcmp (a, b) <= 0;
}

static gboolean
check_responses (KursStore   *self,
                 KursRecord  *round,
                 GPtrArray   *parties,
                 GError     **error)
{
  KursDate sent = kurs_record_get_date (round, "sent_date");
  KursDate deadline = kurs_record_get_date (round, "deadline");

  for (guint i = 0; i < parties->len; i++)
    {
      KursRecord *party = parties->pdata[i];

      if (!kurs_record_is_deleted (party)
          && !kurs_hearing_check_response_date (sent, deadline, kurs_record_get_date (party, "response_date"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_row (KursStore      *self,
           const RowView  *row,
           GError        **error)
{
  switch (row->entity)
    {
    case KURS_ENTITY_STRATEGY:
      if (view_int (row, "end_year") < view_int (row, "start_year"))
        return _kurs_store_invalid (error, _("The period of “%s” ends in %d, before it begins in %d"), view_title (row),
                                    (int) view_int (row, "end_year"), (int) view_int (row, "start_year"));
      break;

    case KURS_ENTITY_ACTION_PLAN:
    case KURS_ENTITY_INITIATIVE:
    case KURS_ENTITY_MILESTONE:
      if (!dates_in_order (row, "start_date", "end_date"))
        return _kurs_store_invalid (error, _("“%s” ends on %s, before it starts on %s"), view_title (row),
                                    view_text (row, "end_date"), view_text (row, "start_date"));

      if (row->entity == KURS_ENTITY_MILESTONE)
        {
          gboolean has_every = view_has (row, "repeat_every_years");
          gboolean has_until = view_has (row, "repeat_until_year");
          KursDate start = view_date (row, "start_date");

          if (has_every != has_until)
            return _kurs_store_invalid (error, _("“%s” repeats: it needs both how often and until which year"),
                                        view_title (row));

          if (has_until && start != KURS_DATE_NONE
              && view_int (row, "repeat_until_year") < kurs_date_get_year (start))
            return _kurs_store_invalid (error, _("“%s” repeats until %d, before it first happens in %d"),
                                        view_title (row), (int) view_int (row, "repeat_until_year"),
                                        kurs_date_get_year (start));
        }
      break;

    case KURS_ENTITY_HEARING_ROUND:
      if (!dates_in_order (row, "sent_date", "deadline"))
        return _kurs_store_invalid (error, _("The deadline of “%s”, %s, is before it is sent on %s"),
                                    view_title (row), view_text (row, "deadline"), view_text (row, "sent_date"));
      /* The responses already recorded stay within the round's dates
       * (a round's rules need its record: kurs_store_create_cells()) */
      g_assert (row->record != NULL);
      if (kurs_record_get_id (row->record) > 0)
        {
          GError *read_error = NULL;
          g_autoptr(GPtrArray) parties = kurs_store_list (self, KURS_ENTITY_HEARING_PARTY,
                                                          kurs_record_get_id (row->record), &read_error);

          if (read_error != NULL)
            {
              g_propagate_error (error, read_error);
              return FALSE;
            }
          if (!check_responses (self, row->record, parties, error))
            return FALSE;
        }
      break;

    case KURS_ENTITY_HEARING_PARTY:
      {
        g_autoptr(KursRecord) round = NULL;
        g_autoptr(GPtrArray) parties = g_ptr_array_new ();

        g_assert (row->record != NULL);
        round = kurs_store_get (self, KURS_ENTITY_HEARING_ROUND, kurs_record_get_parent_id (row->record));
        g_ptr_array_add (parties, row->record);
        if (round != NULL && !check_responses (self, round, parties, error))
          return FALSE;
      }
      break;

    case KURS_ENTITY_SUBGOAL:
      if (view_has (row, "horizon_year") && view_has (row, "horizon_plan_id"))
        return _kurs_store_invalid (error, _("The horizon of “%s” is either a year or an action plan, not both"),
                                    view_title (row));
      break;

    default:
      break;
    }

  return TRUE;
}

gboolean
_kurs_store_check_row (KursStore   *self,
                       KursRecord  *record,
                       GError     **error)
{
  RowView row = { kurs_record_get_entity (record), record, NULL };

  return check_row (self, &row, error);
}

/* A reference must point at a row of the same strategy: @target_id, of
 * a field that is one (0: none) */
static gboolean
check_reference (KursStore        *self,
                 const KursField  *field,
                 gint64            target_id,
                 gint64            strategy_id,
                 GError          **error)
{
  g_autoptr(KursRecord) target = NULL;
  gint64 target_strategy;

  if (target_id == 0 || field->type != KURS_FIELD_REF)
    return TRUE;

  /* a row an import made, perhaps without a record */
  if (_kurs_store_bulk_strategy_of (self, field->ref, target_id, &target_strategy)
      && (strategy_id == 0 || target_strategy == strategy_id))
    return TRUE;

  target = kurs_store_get (self, field->ref, target_id);
  if (target == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("%s refers to something that no longer exists"), field_label (field));
      return FALSE;
    }

  if (strategy_id != 0 && kurs_record_get_strategy_id (target) != strategy_id)
    return _kurs_store_invalid (error, _("%s: “%s” belongs to another strategy"),
                                field_label (field), kurs_record_get_title (target));

  return TRUE;
}

/* The row @value of @field refers to, 0 for none; @value is checked */
static gint64
reference_of (const KursField *field,
              GVariant        *value)
{
  return field->type == KURS_FIELD_REF && value != NULL ? g_variant_get_int64 (value) : 0;
}

static gboolean
check_not_frozen (KursStore             *self,
                  const KursEntityInfo  *info,
                  gint64                 strategy_id,
                  GError               **error)
{
  if (self->mode != HISTORY_RECORD || !info->content || !kurs_store_is_frozen (self, strategy_id))
    return TRUE;

  g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FROZEN,
               _("The strategy is approved and its text is frozen; start a new revision to change it"));
  return FALSE;
}

/* A manager's role on a server (kurs_follow_up) writes only what the
 * follow-up writes: @field where the schema marks it so, or (for adding,
 * deleting and moving, @field %NULL) rows that are the follow-up's own.
 * The server refuses the rest itself; this says so before anyone tries. */
static gboolean
check_role (KursStore             *self,
            const KursEntityInfo  *info,
            const KursField       *field,
            GError               **error)
{
  if (!self->follow_up_only
      || (field != NULL ? (field->flags & KURS_FIELD_FOLLOW_UP) != 0 : kurs_entity_info_is_follow_up (info)))
    return TRUE;

  g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY,
               _("Your role on the server follows up the strategies: it changes initiatives’ status and progress, "
                 "milestones held, hearing responses, key figures’ measurements and course corrections, not this"));
  return FALSE;
}

gboolean
_kurs_store_check_can_write (KursStore  *self,
                             GError    **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library is closed"));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY,
                   _("The library is open read-only, so nothing in it can be changed here"));
      return FALSE;
    }

  /* (a watched server's: tried again until it is back, kurs-store-log.c) */
  if (self->disconnected)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The connection to the server was lost; nothing was changed, and Kurs tries again"));
      return FALSE;
    }

  return TRUE;
}

/**
 * kurs_store_check_editable:
 * @entity: a kind of row
 * @strategy_id: the strategy the rows belong to
 *
 * Whether rows of @entity in the strategy can be added, changed and
 * deleted: the library is open for writing, and they are not part of an
 * approved strategy's frozen text (its process and follow-up never
 * freeze).  The one rule the store writes by, for editors to show before
 * anyone tries.
 *
 * Returns: %TRUE, or %FALSE with @error saying why not
 *   (%KURS_STORE_ERROR_READ_ONLY or %KURS_STORE_ERROR_FROZEN)
 */
gboolean
kurs_store_check_editable (KursStore   *self,
                           KursEntity   entity,
                           gint64       strategy_id,
                           GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, FALSE);

  return _kurs_store_check_can_write (self, error)
         && check_not_frozen (self, kurs_entity_info (entity), strategy_id, error)
         && check_role (self, kurs_entity_info (entity), NULL, error);
}

/**
 * kurs_store_is_follow_up_only:
 *
 * Returns: whether the person's role on the server's library writes only
 *   what the follow-up writes (kurs_follow_up): initiatives' status and
 *   progress, milestones held, hearing responses, measurements and
 *   course corrections; never for a .kurs file
 */
gboolean
kurs_store_is_follow_up_only (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return self->follow_up_only;
}

/**
 * kurs_store_check_field_editable:
 * @entity: a kind of row
 * @field: one of its fields
 * @strategy_id: the strategy the rows belong to
 *
 * Whether @field of rows of @entity in the strategy can be changed: as
 * kurs_store_check_editable() says for the rows, except that a manager's
 * role on a server changes the follow-up's fields of rows it may not
 * otherwise change (an initiative's progress, not its title).
 *
 * Returns: %TRUE, or %FALSE with @error saying why not
 */
gboolean
kurs_store_check_field_editable (KursStore   *self,
                                 KursEntity   entity,
                                 const char  *field,
                                 gint64       strategy_id,
                                 GError     **error)
{
  const KursEntityInfo *info;
  int index;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, FALSE);

  info = kurs_entity_info (entity);
  index = kurs_entity_info_find_field (info, field);
  g_return_val_if_fail (index >= 0, FALSE);

  return _kurs_store_check_can_write (self, error)
         && check_not_frozen (self, info, strategy_id, error)
         && check_role (self, info, &info->fields[index], error);
}

static void
note_change (KursStore  *self,
             ChangeKind  kind,
             KursRecord *record,
             Change    **out)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->record = g_object_ref (record);
  g_ptr_array_add (self->pending->changes, change);
  if (out)
    *out = change;
}

/* A row made without a record (kurs_store_create_lean(),
 * kurs_store_create_cells()): the action's last change takes it in if it
 * is of its kind and strategy, and the row before it; else it begins one */
static void
note_rows (KursStore  *self,
           KursEntity  entity,
           gint64      strategy_id,
           gint64      id)
{
  GPtrArray *changes = self->pending->changes;
  Change *last = changes->len > 0 ? changes->pdata[changes->len - 1] : NULL;

  if (last != NULL && last->kind == CHANGE_INSERT_ROWS && last->entity == entity
      && last->strategy_id == strategy_id && last->last_id == id - 1)
    {
      last->last_id = id;
      return;
    }

  last = g_new0 (Change, 1);
  last->kind = CHANGE_INSERT_ROWS;
  last->entity = entity;
  last->strategy_id = strategy_id;
  last->first_id = last->last_id = id;
  g_ptr_array_add (changes, last);
}

/* Binds a row's columns after its id, from @column on, as entity_sql's
 * inserts name them, but for its fields; returns the column of its first
 * field */
static int
bind_place (KursDbStmt           *stmt,
            int                   column,
            const KursEntityInfo *info,
            gint64                strategy_id,
            gint64                position,
            gint64                uid)
{
  if (has_strategy_column (info))
    kurs_db_bind_int64 (stmt, column++, strategy_id);
  if (info->ordered)
    kurs_db_bind_int64 (stmt, column++, position);
  if (has_uid_column (info))
    kurs_db_bind_int64 (stmt, column++, uid);
  return column;
}

/* Binds a row's columns after its id, from @column on: its place, then
 * its fields from @values, or from @record's; returns the column after
 * them */
static int
bind_columns (KursDbStmt           *stmt,
              int                   column,
              const KursEntityInfo *info,
              gint64                strategy_id,
              gint64                position,
              gint64                uid,
              GVariant * const     *values,
              KursRecord           *record)
{
  column = bind_place (stmt, column, info, strategy_id, position, uid);
  for (guint i = 0; i < info->n_fields; i++)
    bind_value (stmt, column++, &info->fields[i], values ? values[i] : kurs_record_get_value_at (record, i));
  return column;
}

/* A row made and not yet written (kurs-store-bulk.c), bound from @column
 * on as its table's insert with ids names it; returns the column after it */
int
_kurs_store_bind_row (KursDbStmt *stmt,
                      int         column,
                      KursRecord *record)
{
  kurs_db_bind_int64 (stmt, column++, kurs_record_get_id (record));
  return bind_columns (stmt, column, kurs_record_get_info (record), kurs_record_get_strategy_id (record),
                       kurs_record_get_position (record), kurs_record_get_uid (record), NULL, record);
}

/* The same of a row made without a record (kurs_store_create_cells()) */
int
_kurs_store_bind_cells (KursDbStmt     *stmt,
                        int             column,
                        KursEntity      entity,
                        gint64          id,
                        gint64          strategy_id,
                        gint64          position,
                        gint64          uid,
                        const KursCell *cells)
{
  const KursEntityInfo *info = kurs_entity_info (entity);

  kurs_db_bind_int64 (stmt, column++, id);
  column = bind_place (stmt, column, info, strategy_id, position, uid);
  for (guint i = 0; i < info->n_fields; i++)
    bind_cell (stmt, column++, &cells[i]);
  return column;
}

/* The insert of @n (1 or KURS_STORE_BULK_ROWS) rows with their ids */
const char *
_kurs_store_insert_rows_sql (KursEntity entity,
                             guint      n)
{
  g_assert (n == 1 || n == KURS_STORE_BULK_ROWS);

  return n == 1 ? entity_sql[entity].insert : entity_sql[entity].insert_rows;
}

static gboolean
write_insert (KursStore             *self,
              const KursEntityInfo  *info,
              gint64                 id,
              gint64                 strategy_id,
              gint64                 position,
              gint64                 uid,
              GVariant * const      *values,
              gint64                *out_id,
              GError               **error)
{
  gboolean returning = id <= 0 && kurs_db_is_server (self->db);
  KursDbStmt *stmt;
  int column = 1;

  stmt = _kurs_store_prepare_statement (self, id > 0 ? entity_sql[info->entity].insert
                                              : returning ? entity_sql[info->entity].insert_returning
                                              : entity_sql[info->entity].insert_new, error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    kurs_db_bind_int64 (stmt, column++, id);
  bind_columns (stmt, column, info, strategy_id, position, uid, values, NULL);

  if (kurs_db_step (stmt) != (returning ? KURS_DB_ROW : KURS_DB_DONE))
    {
      _kurs_store_db_failed (self, error);
      _kurs_store_finish (stmt);
      return FALSE;
    }
  *out_id = id > 0 ? id : returning ? kurs_db_column_int64 (stmt, 0) : kurs_db_last_insert_id (self->db);
  _kurs_store_finish (stmt);
  return TRUE;
}

/* Puts back a row that an earlier change deleted, as the same record. */
gboolean
_kurs_store_row_restore (KursStore   *self,
                         KursRecord  *record,
                         GError     **error)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  g_autofree GVariant **values = g_new0 (GVariant *, info->n_fields);
  gint64 id;

  for (guint i = 0; i < info->n_fields; i++)
    values[i] = kurs_record_get_value_at (record, i);

  if (!write_insert (self, info, kurs_record_get_id (record),
                     kurs_record_get_strategy_id (record),
                     kurs_record_get_position (record), kurs_record_get_uid (record),
                     values, &id, error))
    return FALSE;

  kurs_record_set_deleted (record, FALSE);
  _kurs_store_remember (self, record);
  note_change (self, CHANGE_INSERT, record, NULL);
  return TRUE;
}

/* What follows a row's delete: its record let go, the change noted */
static void
row_deleted (KursStore  *self,
             KursRecord *record)
{
  kurs_record_set_deleted (record, TRUE);
  _kurs_store_forget (self, record);
  note_change (self, CHANGE_DELETE, record, NULL);
}

gboolean
_kurs_store_row_delete (KursStore   *self,
                        KursRecord  *record,
                        GError     **error)
{
  KursDbStmt *stmt;

  /* all of it kept, for undo: a bulky field too (read_bulky()) */
  kurs_record_read_all (record);
  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[kurs_record_get_entity (record)].delete, error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, kurs_record_get_id (record));
  if (!_kurs_store_step_done (self, stmt, error))
    return FALSE;

  row_deleted (self, record);
  return TRUE;
}

/* @n rows of one kind whose ids run one by one (in the order they were
 * made), as _kurs_store_row_delete() deletes each, in one statement: an
 * import's rows, undone */
gboolean
_kurs_store_rows_delete (KursStore   *self,
                         KursRecord **records,
                         guint        n,
                         GError     **error)
{
  KursDbStmt *stmt;
  gint64 first, last;

  g_return_val_if_fail (n > 0, FALSE);
  first = kurs_record_get_id (records[0]);
  last = kurs_record_get_id (records[n - 1]);
  g_return_val_if_fail (last - first + 1 == (gint64) n, FALSE);

  for (guint i = 0; i < n; i++)
    kurs_record_read_all (records[i]);
  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[kurs_record_get_entity (records[0])].delete_range,
                                              error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, first);
  kurs_db_bind_int64 (stmt, 2, last);
  if (!_kurs_store_step_done (self, stmt, error))
    return FALSE;

  /* (noted last first, as a row at a time would) */
  for (guint i = n; i > 0; i--)
    row_deleted (self, records[i - 1]);
  return TRUE;
}

/* Consumes @value if it is floating.  The field is written only if the
 * library still holds @base there and no other Kurs wrote it another
 * value after the history's action @revision (G_MAXINT64: the value
 * alone decides), else KURS_STORE_ERROR_CONFLICT. */
gboolean
_kurs_store_row_set_from (KursStore   *self,
                          KursRecord  *record,
                          guint        index,
                          GVariant    *base,
                          gint64       revision,
                          GVariant    *value,
                          GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  const KursEntityInfo *info = kurs_record_get_info (record);
  GVariant *old_value = kurs_record_get_value_at (record, index);
  /* (the history's text of the base only where the history is asked) */
  g_autofree char *base_text = revision < G_MAXINT64 ? _kurs_store_value_text (base) : NULL;
  KursDbStmt *stmt;
  Change *change;

  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[info->entity].set_field[index], error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, kurs_record_get_id (record));
  bind_value (stmt, 2, &info->fields[index], owned);
  bind_value (stmt, 3, &info->fields[index], base);
  kurs_db_bind_int64 (stmt, 4, revision);
  kurs_db_bind_text (stmt, 5, self->session_id, -1);
  if (base_text != NULL)
    kurs_db_bind_text (stmt, 6, base_text, -1);
  else
    kurs_db_bind_null (stmt, 6);
  if (!_kurs_store_step_done (self, stmt, error))
    return FALSE;
  if (kurs_db_changes (self->db) == 0)
    {
      _kurs_store_set_conflict (self, record, index, error);
      return FALSE;
    }

  note_change (self, CHANGE_SET, record, &change);
  change->field = index;
  change->old_value = old_value ? g_variant_ref (old_value) : NULL;
  change->new_value = owned ? g_variant_ref (owned) : NULL;
  kurs_record_take_value_at (record, index, owned ? g_variant_ref (owned) : NULL);
  return TRUE;
}

/* Over the value the store holds */
gboolean
_kurs_store_row_set (KursStore   *self,
                     KursRecord  *record,
                     guint        index,
                     GVariant    *value,
                     GError     **error)
{
  return _kurs_store_row_set_from (self, record, index, kurs_record_get_value_at (record, index), G_MAXINT64,
                                   value, error);
}

gboolean
_kurs_store_row_move (KursStore   *self,
                      KursRecord  *record,
                      gint64       position,
                      GError     **error)
{
  KursDbStmt *stmt;
  Change *change;

  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[kurs_record_get_entity (record)].set_position, error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, kurs_record_get_id (record));
  kurs_db_bind_int64 (stmt, 2, position);
  if (!_kurs_store_step_done (self, stmt, error))
    return FALSE;

  note_change (self, CHANGE_MOVE, record, &change);
  change->old_position = kurs_record_get_position (record);
  change->new_position = position;
  kurs_record_set_position (record, position);
  return TRUE;
}

gint64
_kurs_store_next_position (KursStore *self,
                           KursEntity entity,
                           gint64     parent_id)
{
  KursDbStmt *stmt;
  gint64 position = 0;

  if (!(stmt = _kurs_store_prepare_statement (self, entity_sql[entity].next_position, NULL)))
    return 0;

  kurs_db_bind_int64 (stmt, 1, parent_id);
  if (kurs_db_step (stmt) == KURS_DB_ROW)
    position = kurs_db_column_int64 (stmt, 0);
  _kurs_store_finish (stmt);

  return position;
}

/* Creating */

/* A new row's uid: drawn at random from 2^32 up to below 2^53 (exact in
 * JSON's numbers), above the 1, 2, 3… of rows made before uids existed
 * (migration 3).  Unique within a strategy and kind but for a chance of
 * about one in 10^7 at 100,000 rows of a kind, which comparing versions
 * survives (kurs-comparison.c). */
static gint64
new_uid (void)
{
  guint64 bits = ((guint64) g_random_int () << 20) ^ g_random_int ();

  return KURS_RECORD_FIRST_RANDOM_UID + (gint64) (bits % (guint64) ((G_GINT64_CONSTANT (1) << 53) - KURS_RECORD_FIRST_RANDOM_UID));
}

/* The strategy of a new row's owner, @parent_id: a row an import made,
 * perhaps without a record, or one the store reads */
static gboolean
owner_strategy (KursStore             *self,
                const KursEntityInfo  *info,
                gint64                 parent_id,
                gint64                *strategy_id,
                GError               **error)
{
  g_autoptr(KursRecord) parent = NULL;

  if (_kurs_store_bulk_strategy_of (self, info->parent, parent_id, strategy_id))
    return TRUE;

  parent = kurs_store_get (self, info->parent, parent_id);
  if (parent == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("It cannot be added: what it belongs to no longer exists"));
      return FALSE;
    }
  *strategy_id = kurs_record_get_strategy_id (parent);
  return TRUE;
}

/* @lean: an import's row, made without a record of the store's
 * (kurs_store_create_lean()): the record returned is the bulk queue's, to
 * be let go once its id is read */
KursRecord *
_kurs_store_create_row (KursStore           *self,
                        KursEntity           entity,
                        gint64               parent_id,
                        guint                n_fields,
                        const char * const  *fields,
                        GVariant * const    *given,
                        gboolean             internal,
                        gint64               uid,
                        gboolean             lean,
                        GError             **error)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  g_autoptr(KursRecord) record = NULL;
  g_autofree GVariant **values = g_new0 (GVariant *, info->n_fields);
  g_autofree GVariant **taken = g_new0 (GVariant *, n_fields + 1);
  gint64 strategy_id = 0, position = -1, id;
  gboolean ok = FALSE;

  /* Floating values are the store's from here, whatever happens. */
  for (guint i = 0; i < n_fields; i++)
    taken[i] = given[i] ? g_variant_ref_sink (given[i]) : NULL;

  if (info->parent != KURS_ENTITY_NONE)
    {
      if (!owner_strategy (self, info, parent_id, &strategy_id, error))
        goto out;

      values[info->parent_field] = g_variant_ref_sink (g_variant_new_int64 (parent_id));

      if (!check_not_frozen (self, info, strategy_id, error))
        goto out;
    }

  if (!internal && !check_role (self, info, NULL, error))
    goto out;

  if (info->internal && !internal)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("A %s is only made by Kurs itself"), info->name);
      goto out;
    }

  /* What the caller gave */
  for (guint i = 0; i < n_fields; i++)
    {
      int index = kurs_entity_info_find_field (info, fields[i]);

      if (index < 0 || index == info->parent_field
          || ((info->fields[index].flags & KURS_FIELD_INTERNAL) && !internal))
        {
          g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                       _("A %s has no field “%s” that can be set"), info->name, fields[i]);
          goto out;
        }

      g_clear_pointer (&values[index], g_variant_unref);
      values[index] = g_steal_pointer (&taken[i]);
    }

  /* What the store fills in */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];

      if (values[i] != NULL)
        continue;

      if (field->default_value != NULL)
        values[i] = g_variant_ref (kurs_entity_info_get_default (info, i));
      else if (field->type == KURS_FIELD_TIMESTAMP)
        values[i] = g_variant_ref (_kurs_store_now_value (self));
      else if (entity == KURS_ENTITY_STRATEGY && g_str_equal (field->name, "uuid"))
        values[i] = g_variant_ref_sink (g_variant_new_take_string (g_uuid_string_random ()));
    }

  for (guint i = 0; i < info->n_fields; i++)
    if (!check_field_value (&info->fields[i], values[i], error)
        || ((int) i != info->parent_field
            && !check_reference (self, &info->fields[i], reference_of (&info->fields[i], values[i]),
                                 strategy_id, error)))
      goto out;

  if (info->ordered)
    position = self->bulk ? _kurs_store_bulk_next_position (self, entity, parent_id)
                          : _kurs_store_next_position (self, entity, parent_id);

  if (has_uid_column (info) && uid <= 0)
    uid = new_uid ();

  /* an import's row is written later, with others (kurs-store-bulk.c) */
  if (self->bulk != NULL)
    {
      if (!_kurs_store_bulk_take_id (self, entity, &id, error))
        goto out;
    }
  else if (!write_insert (self, info, 0, strategy_id, position, uid, values, &id, error))
    goto out;

  if (entity == KURS_ENTITY_STRATEGY && self->search_deferred)
    _kurs_store_note_new_strategy (self, id);

  record = kurs_record_new (entity, id);
  kurs_record_set_strategy_id (record, strategy_id);
  kurs_record_set_position (record, position);
  if (has_uid_column (info))
    kurs_record_set_uid (record, uid);
  /* (each value passed on, not shared: an import gives a million) */
  for (guint i = 0; i < info->n_fields; i++)
    kurs_record_take_value_at (record, i, g_steal_pointer (&values[i]));

  /* a row without a record of the store's: its rules between fields are
   * checked now, not as the action commits, and its action keeps its id */
  if (lean)
    {
      if (!_kurs_store_check_row (self, record, error) || !_kurs_store_bulk_add (self, record, error))
        goto out;
      note_rows (self, entity, strategy_id, id);
      ok = TRUE;
      goto out;
    }

  if (self->bulk != NULL && !_kurs_store_bulk_add (self, record, error))
    goto out;
  _kurs_store_remember (self, record);
  note_change (self, CHANGE_INSERT, record, NULL);

  /* A new strategy starts its status history. */
  if (entity == KURS_ENTITY_STRATEGY && !internal)
    {
      g_autofree char *today = kurs_date_to_iso (kurs_date_today ());
      const char *names[] = { "status", "date" };
      GVariant *history[] = { g_variant_new_string ("draft"), g_variant_new_string (today) };
      g_autoptr(KursRecord) change = NULL;

      change = _kurs_store_create_row (self, KURS_ENTITY_STATUS_CHANGE, id, 2, names, history, TRUE, 0, FALSE, error);
      if (change == NULL)
        goto out;
    }

  ok = TRUE;

out:
  for (guint i = 0; i < info->n_fields; i++)
    g_clear_pointer (&values[i], g_variant_unref);
  for (guint i = 0; i < n_fields; i++)
    g_clear_pointer (&taken[i], g_variant_unref);

  return ok ? g_steal_pointer (&record) : NULL;
}

KursRecord *
_kurs_store_create_in_action (KursStore           *self,
                              KursEntity           entity,
                              gint64               parent_id,
                              guint                n_fields,
                              const char * const  *fields,
                              GVariant * const    *values,
                              gboolean             internal,
                              gint64               uid,
                              gboolean             lean,
                              GError             **error)
{
  g_autofree char *label = NULL;
  KursRecord *record;

  /* Only an outermost action keeps its label */
  if (self->depth == 0)
    {
      const KursEntityInfo *info = kurs_entity_info (entity);

      label = g_strdup (_(info->add_label ? info->add_label : info->label));
    }

  /* A new strategy also starts its history: two writes */
  if (!_kurs_store_begin_action_full (self, label, entity != KURS_ENTITY_STRATEGY, error))
    {
      /* Floating values that were never taken */
      for (guint i = 0; i < n_fields; i++)
        if (values[i] != NULL)
          g_variant_unref (g_variant_ref_sink (values[i]));
      return NULL;
    }

  record = _kurs_store_create_row (self, entity, parent_id, n_fields, fields, values, internal, uid, lean, error);
  if (!lean)
    set_subject (self, record, -1);
  if (!_kurs_store_end_action (self, record != NULL, record != NULL ? error : NULL))
    g_clear_object (&record);

  return record;
}

/**
 * kurs_store_createv:
 * @parent_id: the row that owns the new one (0 for a strategy)
 * @fields: (array length=n_fields): names of the fields to set
 * @values: (array length=n_fields): their values; floating ones are
 *   consumed, %NULL means none
 *
 * Adds a row.  Fields not named get their default or no value; the
 * store fills in identifiers, timestamps and the position.
 *
 * Returns: (transfer full): the new record, or %NULL with @error set
 */
KursRecord *
kurs_store_createv (KursStore           *self,
                    KursEntity           entity,
                    gint64               parent_id,
                    guint                n_fields,
                    const char * const  *fields,
                    GVariant * const    *values,
                    GError             **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);
  g_return_val_if_fail (n_fields == 0 || (fields != NULL && values != NULL), NULL);

  return _kurs_store_create_in_action (self, entity, parent_id, n_fields, fields, values, FALSE, 0, FALSE, error);
}

KursRecord *
kurs_store_create_internal (KursStore           *self,
                            KursEntity           entity,
                            gint64               parent_id,
                            guint                n_fields,
                            const char * const  *fields,
                            GVariant * const    *values,
                            gint64               uid,
                            GError             **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  return _kurs_store_create_in_action (self, entity, parent_id, n_fields, fields, values, TRUE, uid, FALSE, error);
}

/**
 * kurs_store_create_lean:
 *
 * Within an import's bulk (kurs_store_begin_bulk()), adds a row as
 * kurs_store_create_internal() does, but without a record: an import of
 * 100,000 items kept 220 MB of them, for rows no one had asked for yet.
 * The row's rules between fields are checked now; its action keeps its
 * id, and reads its record only if undo needs it.  Outside a bulk (on a
 * server) it is kurs_store_create_internal().
 *
 * Returns: the row's id, or 0 with @error set
 */
gint64
kurs_store_create_lean (KursStore           *self,
                        KursEntity           entity,
                        gint64               parent_id,
                        guint                n_fields,
                        const char * const  *fields,
                        GVariant * const    *values,
                        gint64               uid,
                        GError             **error)
{
  g_autoptr(KursRecord) record = NULL;

  g_return_val_if_fail (KURS_IS_STORE (self), 0);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, 0);

  record = _kurs_store_create_in_action (self, entity, parent_id, n_fields, fields, values, TRUE, uid, self->bulk != NULL, error);
  return record != NULL ? kurs_record_get_id (record) : 0;
}

/* kurs_store_create_cells() as kurs_store_create_lean() */
static gint64
create_lean_from_cells (KursStore       *self,
                        KursEntity       entity,
                        gint64           parent_id,
                        const KursCell  *cells,
                        gint64           uid,
                        GError         **error)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  const char **names = g_newa (const char *, info->n_fields);
  GVariant **values = g_newa (GVariant *, info->n_fields);
  guint n_values = 0;

  for (guint i = 0; i < info->n_fields; i++)
    if ((int) i != info->parent_field && cells[i].kind != KURS_CELL_NONE)
      {
        names[n_values] = info->fields[i].name;
        values[n_values++] = kurs_field_cell_to_value (&info->fields[i], &cells[i]);
      }

  return kurs_store_create_lean (self, entity, parent_id, n_values, names, values, uid, error);
}

/* kurs_store_create_cells() within a bulk, in an action begun */
static gint64
create_cells_row (KursStore       *self,
                  KursEntity       entity,
                  gint64           parent_id,
                  KursCell        *cells,
                  gint64           uid,
                  GError         **error)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  RowView row = { entity, NULL, cells };
  gint64 strategy_id, position = -1, id;

  if (!owner_strategy (self, info, parent_id, &strategy_id, error)
      || !check_not_frozen (self, info, strategy_id, error))
    return 0;

  cells[info->parent_field].kind = KURS_CELL_NUMBER;
  cells[info->parent_field].number = parent_id;

  /* What the store fills in, and each value checked */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];

      if (cells[i].kind == KURS_CELL_NONE && field->default_value != NULL)
        kurs_field_value_to_cell (field, kurs_entity_info_get_default (info, i), &cells[i]);
      else if (cells[i].kind == KURS_CELL_NONE && field->type == KURS_FIELD_TIMESTAMP)
        kurs_field_value_to_cell (field, _kurs_store_now_value (self), &cells[i]);

      if (!check_field_cell (field, &cells[i], error))
        return 0;
      if ((int) i != info->parent_field && field->type == KURS_FIELD_REF && cells[i].kind == KURS_CELL_NUMBER
          && !check_reference (self, field, cells[i].number, strategy_id, error))
        return 0;
    }

  if (info->ordered)
    position = _kurs_store_bulk_next_position (self, entity, parent_id);
  if (has_uid_column (info) && uid <= 0)
    uid = new_uid ();

  /* its rules between fields checked now, as for a lean row */
  if (!_kurs_store_bulk_take_id (self, entity, &id, error)
      || !check_row (self, &row, error)
      || !_kurs_store_bulk_add_cells (self, entity, id, strategy_id, position, uid, cells, error))
    return 0;
  note_rows (self, entity, strategy_id, id);
  return id;
}

/**
 * kurs_store_create_cells:
 * @cells: (array): a value for each of @entity's fields, in their order:
 *   one of kind %KURS_CELL_NONE for none (the field's default, if it has
 *   one).  Its owner's is @parent_id, whatever @cells says.  The store
 *   fills in what it sets, in place; the texts are copied.
 *
 * kurs_store_create_lean() of a row whose values are cells, not
 * GVariants: an import of 100,000 items spent a third of its adding on
 * half a million GVariants, and a record for each row to hold them while
 * it waited to be written.  Outside a bulk, and for a hearing's rows
 * (whose rules read the library with the row's record), it is
 * kurs_store_create_lean().
 *
 * Returns: the row's id, or 0 with @error set
 */
gint64
kurs_store_create_cells (KursStore       *self,
                         KursEntity       entity,
                         gint64           parent_id,
                         KursCell        *cells,
                         gint64           uid,
                         GError         **error)
{
  gint64 id;

  g_return_val_if_fail (KURS_IS_STORE (self), 0);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, 0);
  g_return_val_if_fail (cells != NULL, 0);

  if (self->bulk == NULL || entity == KURS_ENTITY_HEARING_ROUND || entity == KURS_ENTITY_HEARING_PARTY)
    return create_lean_from_cells (self, entity, parent_id, cells, uid, error);

  if (!_kurs_store_begin_action_full (self, NULL, TRUE, error))
    return 0;
  id = create_cells_row (self, entity, parent_id, cells, uid, error);
  if (!_kurs_store_end_action (self, id != 0, id != 0 ? error : NULL))
    id = 0;
  return id;
}

/**
 * kurs_store_create:
 * @first_field: the name of the first field to set, followed by its
 *   #GVariant value, then more pairs, ending with %NULL
 *
 * The same as kurs_store_createv(), with the fields as arguments:
 *
 * |[<!-- language="C" -->
 * goal = kurs_store_create (store, KURS_ENTITY_GOAL, strategy_id, &error,
 *                           "title", g_variant_new_string ("Egen bolig"),
 *                           NULL);
 * ]|
 *
 * Returns: (transfer full): the new record, or %NULL with @error set
 */
KursRecord *
kurs_store_create (KursStore   *self,
                   KursEntity   entity,
                   gint64       parent_id,
                   GError     **error,
                   const char  *first_field,
                   ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  va_list args;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (values, va_arg (args, GVariant *));
    }
  va_end (args);

  return kurs_store_createv (self, entity, parent_id, names->len,
                             (const char * const *) names->pdata,
                             (GVariant * const *) values->pdata, error);
}

/* Changing */

/* @base: what the edit was made from; @current where NULL, a pointer
 * to NULL for no value; @revision: the library's revision the edit was
 * made at (kurs_store_get_revision()), G_MAXINT64 for the value alone */
static gboolean
set_value (KursStore   *self,
           KursRecord  *record,
           int          index,
           GVariant   **base,
           gint64       revision,
           GVariant    *value,
           gboolean     internal,
           GError     **error)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  const KursField *field = &info->fields[index];
  GVariant *current = kurs_record_get_value_at (record, index);

  if (kurs_record_is_deleted (record))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” has been deleted"), kurs_record_get_title (record));
      return FALSE;
    }

  if (!internal && ((field->flags & KURS_FIELD_INTERNAL) || info->internal))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("%s is set by Kurs itself"), field_label (field));
      return FALSE;
    }

  if ((!internal && (!check_not_frozen (self, info, kurs_record_get_strategy_id (record), error)
                     || !check_role (self, info, field, error)))
      || !check_field_value (field, value, error)
      || !check_reference (self, field, reference_of (field, value), kurs_record_get_strategy_id (record), error))
    return FALSE;

  if (values_equal (current, value))
    return TRUE;

  return _kurs_store_row_set_from (self, record, index, base ? *base : current, revision, value, error);
}

static gboolean
set_from (KursStore   *self,
          KursRecord  *record,
          const char  *field,
          GVariant   **base,
          gint64       revision,
          GVariant    *value,
          GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  const KursEntityInfo *info;
  int index;
  gboolean ok;

  info = kurs_record_get_info (record);
  if ((index = find_field (info, field, error)) < 0)
    return FALSE;

  label = _kurs_store_change_label (self, record, &info->fields[index]);

  if (!_kurs_store_begin_action_full (self, label, TRUE, error))
    return FALSE;
  set_subject (self, record, index);

  ok = set_value (self, record, index, base, revision, owned, FALSE, &local_error);
  ok = _kurs_store_end_action (self, ok, ok ? &local_error : NULL);
  if (!ok)
    {
      _kurs_store_after_conflict (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/**
 * kurs_store_set:
 * @record: a row of this store
 * @field: the name of the field
 * @value: (nullable): the new value, %NULL for none; a floating value is
 *   consumed
 *
 * Changes one field.  Setting the value a field already has changes
 * nothing and adds no step to undo.
 *
 * Returns: whether the value was taken
 */
gboolean
kurs_store_set (KursStore   *self,
                KursRecord  *record,
                const char  *field,
                GVariant    *value,
                GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return set_from (self, record, field, NULL, G_MAXINT64, value, error);
}

/**
 * kurs_store_set_from:
 * @base: (nullable): the value the edit was made from: what the editor
 *   showed when the person began
 * @revision: the library's revision when the editor took @base
 *   (kurs_store_get_revision())
 * @value: (nullable): the new value; a floating value is consumed
 *
 * kurs_store_set(), only if no other Kurs changed the field since the
 * edit was made from @base: the library must still hold @base there, and
 * no other Kurs may have written it another value after @revision (even
 * one put back since).  A change of another field of the row is no
 * hindrance.  Where the field was changed, nothing is written: the error
 * is %KURS_STORE_ERROR_CONFLICT and says who and when, and the record
 * holds their value.
 */
gboolean
kurs_store_set_from (KursStore   *self,
                     KursRecord  *record,
                     const char  *field,
                     GVariant    *base,
                     gint64       revision,
                     GVariant    *value,
                     GError     **error)
{
  g_autoptr(GVariant) owned_base = base ? g_variant_ref_sink (base) : NULL;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return set_from (self, record, field, &owned_base, revision, value, error);
}

/**
 * kurs_store_set_internal:
 *
 * kurs_store_set() for a field the store otherwise sets itself (a
 * strategy's status), and regardless of a frozen strategy.  For core
 * modules that restore a strategy as it was: see kurs_xml_import().
 */
gboolean
kurs_store_set_internal (KursStore   *self,
                         KursRecord  *record,
                         const char  *field,
                         GVariant    *value,
                         GError     **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  int index;
  gboolean ok;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);

  index = kurs_entity_info_find_field (kurs_record_get_info (record), field);
  g_return_val_if_fail (index >= 0, FALSE);

  if (!_kurs_store_begin_action_full (self, kurs_record_get_info (record)->label, TRUE, error))
    return FALSE;

  ok = set_value (self, record, index, NULL, G_MAXINT64, owned, TRUE, error);
  return _kurs_store_end_action (self, ok, ok ? error : NULL);
}

/**
 * kurs_store_set_text:
 * @text: (nullable): the text; %NULL or "" clears an optional field
 *
 * Sets a text, date or enumeration field from its text form.
 */
gboolean
kurs_store_set_text (KursStore   *self,
                     KursRecord  *record,
                     const char  *field,
                     const char  *text,
                     GError     **error)
{
  const KursField *info;
  GVariant *value = NULL;
  int index;

  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if ((index = find_field (kurs_record_get_info (record), field, error)) < 0)
    return FALSE;
  info = &kurs_record_get_info (record)->fields[index];

  if (text != NULL && (*text != '\0' || info->type == KURS_FIELD_TEXT))
    {
      g_autoptr(GError) local_error = NULL;

      if (!(value = kurs_field_parse_value (info, text, &local_error)))
        return _kurs_store_invalid (error, "%s", local_error->message);
    }

  return kurs_store_set (self, record, field, value, error);
}

/* Deleting */

static gint64 *
visit_key (KursEntity entity,
           gint64     id)
{
  gint64 *key = g_new (gint64, 1);

  /* Row ids stay far below 2^56. */
  *key = ((gint64) entity << 56) | id;
  return key;
}

/* Finds, depth first, every row that goes with @record: rows it owns and
 * link rows that refer to it, each before the row it depends on.  Rows
 * that merely refer to it lose the reference instead. */
static gboolean
collect_dependents (KursStore   *self,
                    KursRecord  *record,
                    GHashTable  *visited,
                    GPtrArray   *doomed,
                    GPtrArray   *unlinked,
                    GError     **error)
{
  KursEntity entity = kurs_record_get_entity (record);
  gint64 id = kurs_record_get_id (record);
  g_autofree gint64 *key = visit_key (entity, id);

  if (g_hash_table_contains (visited, key))
    return TRUE;
  g_hash_table_add (visited, g_steal_pointer (&key));

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);

      for (guint f = 0; f < info->n_fields; f++)
        {
          const KursField *field = &info->fields[f];
          g_autoptr(GPtrArray) rows = NULL;

          if (field->type != KURS_FIELD_REF || field->ref != entity)
            continue;

          /* What cannot be read is not deleted blind */
          rows = kurs_store_list_by_field (self, e, field->name, id, error);
          if (error != NULL && *error != NULL)
            return FALSE;
          for (guint r = 0; r < rows->len; r++)
            {
              if (field->flags & (KURS_FIELD_PARENT | KURS_FIELD_CASCADE))
                {
                  if (!collect_dependents (self, rows->pdata[r], visited, doomed, unlinked, error))
                    return FALSE;
                }
              else
                {
                  g_ptr_array_add (unlinked, g_object_ref (rows->pdata[r]));
                  g_ptr_array_add (unlinked, GINT_TO_POINTER (f + 1));
                }
            }
        }
    }

  g_ptr_array_add (doomed, g_object_ref (record));
  return TRUE;
}

static gboolean
delete_tree (KursStore   *self,
             KursRecord  *record,
             GError     **error)
{
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) unlinked = g_ptr_array_new ();
  gboolean ok = TRUE;

  if (!collect_dependents (self, record, visited, doomed, unlinked, error))
    return FALSE;

  /* References are cleared as changes of their own, first, even on rows
   * that are deleted next: otherwise SQLite's ON DELETE SET NULL would
   * clear them unseen, and undo would put a row back pointing at one that
   * is not back yet. */
  for (guint i = 0; i < unlinked->len; i += 2)
    {
      KursRecord *row = unlinked->pdata[i];
      int field = GPOINTER_TO_INT (unlinked->pdata[i + 1]) - 1;

      if (ok)
        ok = _kurs_store_row_set (self, row, field, NULL, error);
      g_object_unref (row);
    }

  for (guint i = 0; ok && i < doomed->len; i++)
    ok = _kurs_store_row_delete (self, doomed->pdata[i], error);

  return ok;
}

/**
 * kurs_store_delete:
 *
 * Deletes a row with everything it owns (a goal with its sub-goals) and
 * the links to it; rows that only refer to it (a goal's focus area) lose
 * the reference.  One step of undo puts it all back.
 */
gboolean
kurs_store_delete (KursStore   *self,
                   KursRecord  *record,
                   GError     **error)
{
  const KursEntityInfo *info;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);

  info = kurs_record_get_info (record);
  label = action_label (self, record, info->delete_label);

  if (kurs_record_is_deleted (record))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” has already been deleted"), kurs_record_get_title (record));
      return FALSE;
    }

  if (info->internal)
    return _kurs_store_invalid (error, _("A %s is only removed by Kurs itself"), info->name);

  if (!_kurs_store_begin_action (self, label, error))
    return FALSE;
  set_subject (self, record, -1);
  /* a whole strategy leaves the search index at once as the action ends,
   * not row by row by the index's triggers (39 s at 100,000 items) */
  if (info->entity == KURS_ENTITY_STRATEGY)
    kurs_store_defer_search_index (self);

  /* A frozen strategy's text may not change, but the strategy as a whole
   * may leave the library (and come back with undo). */
  /* (not what another Kurs changed since this one last looked) */
  ok = (info->entity == KURS_ENTITY_STRATEGY
        || check_not_frozen (self, info, kurs_record_get_strategy_id (record), error))
       && check_role (self, info, NULL, error)
       && _kurs_store_check_unseen (self, record, error)
       && delete_tree (self, record, error);

  ok = _kurs_store_end_action (self, ok, ok ? error : NULL);
  if (!ok && error != NULL)
    _kurs_store_after_conflict (self, *error);
  return ok;
}

/**
 * kurs_store_move:
 * @index: the new place among the row's siblings, from 0
 *
 * Moves a row of an ordered entity (a goal, a principle) to a new place.
 */
gboolean
kurs_store_move (KursStore   *self,
                 KursRecord  *record,
                 guint        index,
                 GError     **error)
{
  const KursEntityInfo *info;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *label = NULL;
  gboolean ok;
  guint from;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);

  info = kurs_record_get_info (record);
  if (!info->ordered)
    return _kurs_store_invalid (error, _("A %s has no order of its own to change"), info->name);

  siblings = kurs_store_list (self, info->entity, kurs_record_get_parent_id (record), error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!g_ptr_array_find (siblings, record, &from))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” has been deleted"), kurs_record_get_title (record));
      return FALSE;
    }

  label = action_label (self, record, info->move_label);
  if (!_kurs_store_begin_action (self, label, error))
    return FALSE;
  set_subject (self, record, -1);

  ok = check_not_frozen (self, info, kurs_record_get_strategy_id (record), error)
       && check_role (self, info, NULL, error)
       && _kurs_store_check_unseen (self, record, error);
  if (ok)
    {
      /* The array keeps its reference through the steal and insert. */
      gpointer moved = g_ptr_array_steal_index (siblings, from);

      g_ptr_array_insert (siblings, MIN (index, siblings->len), moved);

      for (guint i = 0; ok && i < siblings->len; i++)
        if (kurs_record_get_position (siblings->pdata[i]) != (gint64) i)
          ok = _kurs_store_row_move (self, siblings->pdata[i], i, error);
    }

  ok = _kurs_store_end_action (self, ok, ok ? error : NULL);
  if (!ok && error != NULL)
    _kurs_store_after_conflict (self, *error);
  return ok;
}

/* For kurs-store-history.c: what the class declares */

void
_kurs_store_emit_others_wrote (KursStore *self)
{
  g_signal_emit (self, signals[OTHERS_WROTE], 0);
}

void
_kurs_store_notify_connected (KursStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

void
_kurs_store_notify_history (KursStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

void
_kurs_store_emit_changed (KursStore *self,
                          guint      entities)
{
  g_signal_emit (self, signals[CHANGED], 0, entities);
}

void
_kurs_store_emit_prepare (KursStore *self)
{
  g_signal_emit (self, signals[PREPARE], 0);
}
