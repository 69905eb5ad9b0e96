/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-record-private.h"
#include "kurs-store-internal.h"
#include "kurs-store-private.h"

/* The rows an import adds, written many to a statement.  Each INSERT
 * statement of SQLite costs about as much again as the row it writes (the
 * statement's own journal, begun and ended): an import of 180,000 rows
 * spent half its writing there.  Within kurs_store_begin_bulk() a new
 * row's id and position are given by the store itself — the ids SQLite
 * would give, the next after the largest its table ever had, as the
 * action's transaction holds the file — and the row waits; the rows
 * waiting are written in their order, KURS_STORE_BULK_ROWS of a kind to a
 * statement, before any other statement of the store runs, and at the
 * latest as the action ends.  A file's alone: a server gives ids itself.
 * Records, undo and the history are as for any other row, but for a row
 * made with kurs_store_create_lean(): its record is the queue's alone,
 * let go once written, and its action keeps its id, not its record. */

#define BULK_QUEUE 1024    /* rows waiting, at most */
#define NO_ROW     (-1)    /* an id given, to no row */

struct _KursStoreBulk
{
  GPtrArray  *waiting;                     /* KursRecord *, in the order made */
  gint64      next_id[KURS_N_ENTITIES];    /* 0: not yet asked */
  gint64      first_id[KURS_N_ENTITIES];   /* the first given by this bulk */
  GArray     *strategies[KURS_N_ENTITIES]; /* gint64: the strategy of each row given an id, from first_id */
  GHashTable *positions;                   /* KursRowKey: kind, parent → gint64 * next */
  KursRecord *failed;                      /* the row its table refused */
  gboolean    writing;
};

static void
bulk_free (KursStoreBulk *bulk)
{
  g_ptr_array_unref (bulk->waiting);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&bulk->strategies[e], g_array_unref);
  g_hash_table_unref (bulk->positions);
  g_clear_object (&bulk->failed);
  g_free (bulk);
}

/**
 * kurs_store_begin_bulk:
 *
 * Within an action (an import), the rows made from here until the action
 * ends are written many to a statement.  Nothing changes for a server.
 */
void
kurs_store_begin_bulk (KursStore *self)
{
  KursStoreBulk *bulk;

  g_return_if_fail (KURS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->bulk != NULL || self->db == NULL || kurs_db_is_server (self->db))
    return;

  bulk = g_new0 (KursStoreBulk, 1);
  bulk->waiting = g_ptr_array_new_full (BULK_QUEUE, g_object_unref);
  bulk->positions = g_hash_table_new_full (_kurs_row_key_hash, _kurs_row_key_equal, g_free, g_free);
  self->bulk = bulk;
}

/* As the outermost action ends: whatever still waits was written (a
 * commit) or is let go (a rollback) */
void
_kurs_store_end_bulk (KursStore *self)
{
  g_clear_pointer (&self->bulk, bulk_free);
}

/**
 * kurs_store_get_bulk_failure:
 *
 * Returns: (transfer none) (nullable): the row its table refused as the
 *   rows waiting were written, if it did
 */
KursRecord *
kurs_store_get_bulk_failure (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  return self->bulk ? self->bulk->failed : NULL;
}

gboolean
_kurs_store_bulk_take_id (KursStore   *self,
                          KursEntity   entity,
                          gint64      *id,
                          GError     **error)
{
  KursStoreBulk *bulk = self->bulk;

  if (bulk->next_id[entity] == 0)
    {
      const KursEntityInfo *info = kurs_entity_info (entity);
      g_autofree char *sql = g_strdup_printf ("SELECT MAX (COALESCE ((SELECT seq FROM sqlite_sequence "
                                              "WHERE name = '%s'), 0), COALESCE ((SELECT MAX (id) FROM %s), 0)) + 1",
                                              info->name, info->name);
      KursDbStmt *stmt = _kurs_store_prepare_statement (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      if (kurs_db_step (stmt) != KURS_DB_ROW)
        {
          _kurs_store_db_failed (self, error);
          _kurs_store_finish (stmt);
          return FALSE;
        }
      bulk->next_id[entity] = bulk->first_id[entity] = kurs_db_column_int64 (stmt, 0);
      _kurs_store_finish (stmt);
    }

  *id = bulk->next_id[entity]++;
  return TRUE;
}

/* The next position under @parent_id: counted here once asked, so that
 * asking again does not write the rows waiting; under a parent this bulk
 * made, from 0 without asking */
gint64
_kurs_store_bulk_next_position (KursStore *self,
                                KursEntity entity,
                                gint64     parent_id)
{
  KursStoreBulk *bulk = self->bulk;
  const KursEntityInfo *info = kurs_entity_info (entity);
  KursRowKey key = { entity, parent_id };
  gint64 *next = g_hash_table_lookup (bulk->positions, &key);

  if (next == NULL)
    {
      KursEntity parent = info->parent;

      next = g_new (gint64, 1);
      if (bulk->first_id[parent] > 0 && parent_id >= bulk->first_id[parent])
        *next = 0;
      else
        *next = _kurs_store_next_position (self, entity, parent_id);
      g_hash_table_insert (bulk->positions, g_memdup2 (&key, sizeof key), next);
    }

  return (*next)++;
}

/* Writes @n rows of one kind from @first: in statements of KURS_STORE_BULK_ROWS, the
 * rest one by one; a statement refused is tried again a row at a time, to
 * find the row refused */
static gboolean
write_rows (KursStore   *self,
            KursRecord **rows,
            guint        n,
            GError     **error)
{
  KursEntity entity = kurs_record_get_entity (rows[0]);
  guint done = 0;

  while (n - done >= KURS_STORE_BULK_ROWS)
    {
      KursDbStmt *stmt = _kurs_store_prepare_statement (self, _kurs_store_insert_rows_sql (entity, KURS_STORE_BULK_ROWS), error);
      int column = 1;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < KURS_STORE_BULK_ROWS; i++)
        column = _kurs_store_bind_row (stmt, column, rows[done + i]);
      if (kurs_db_step (stmt) != KURS_DB_DONE)
        {
          _kurs_store_finish (stmt);
          break;
        }
      _kurs_store_finish (stmt);
      done += KURS_STORE_BULK_ROWS;
    }

  for (; done < n; done++)
    {
      KursDbStmt *stmt = _kurs_store_prepare_statement (self, _kurs_store_insert_rows_sql (entity, 1), error);

      if (stmt == NULL)
        return FALSE;
      _kurs_store_bind_row (stmt, 1, rows[done]);
      if (kurs_db_step (stmt) != KURS_DB_DONE)
        {
          _kurs_store_db_failed (self, error);
          _kurs_store_finish (stmt);
          g_set_object (&self->bulk->failed, rows[done]);
          return FALSE;
        }
      _kurs_store_finish (stmt);
    }

  return TRUE;
}

/**
 * _kurs_store_write_bulk:
 *
 * Writes the rows waiting, in their order.  Done before any other
 * statement of the store runs.
 *
 * Returns: %FALSE with @error set if a row was refused
 *   (kurs_store_get_bulk_failure() says which)
 */
gboolean
_kurs_store_write_bulk (KursStore  *self,
                        GError    **error)
{
  KursStoreBulk *bulk = self->bulk;
  g_autoptr(GPtrArray) waiting = NULL;
  gboolean ok = TRUE;
  guint start = 0;

  if (bulk == NULL || bulk->writing || bulk->waiting->len == 0)
    return TRUE;

  bulk->writing = TRUE;
  waiting = g_steal_pointer (&bulk->waiting);
  bulk->waiting = g_ptr_array_new_full (BULK_QUEUE, g_object_unref);
  for (guint i = 1; ok && i <= waiting->len; i++)
    if (i == waiting->len
        || kurs_record_get_entity (waiting->pdata[i]) != kurs_record_get_entity (waiting->pdata[start]))
      {
        ok = write_rows (self, (KursRecord **) waiting->pdata + start, i - start, error);
        start = i;
      }
  bulk->writing = FALSE;
  return ok;
}

/**
 * kurs_store_write_bulk:
 *
 * Writes the rows waiting now: an import does, before the window may
 * read the library between its steps.
 */
gboolean
kurs_store_write_bulk (KursStore  *self,
                       GError    **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return _kurs_store_write_bulk (self, error);
}

/* Whether this bulk made row @id of @entity, and of which strategy: a
 * row made without a record (kurs_store_create_lean()) is not in the
 * store's records, and reading it would write the rows waiting */
gboolean
_kurs_store_bulk_strategy_of (KursStore  *self,
                              KursEntity  entity,
                              gint64      id,
                              gint64     *strategy_id)
{
  KursStoreBulk *bulk = self->bulk;
  GArray *strategies;

  if (bulk == NULL || (strategies = bulk->strategies[entity]) == NULL
      || id < bulk->first_id[entity] || id - bulk->first_id[entity] >= strategies->len)
    return FALSE;

  *strategy_id = g_array_index (strategies, gint64, id - bulk->first_id[entity]);
  return *strategy_id != NO_ROW;
}

gboolean
_kurs_store_bulk_add (KursStore   *self,
                      KursRecord  *record,
                      GError     **error)
{
  KursEntity entity = kurs_record_get_entity (record);
  GArray **strategies = &self->bulk->strategies[entity];
  gint64 strategy_id = kurs_record_get_strategy_id (record);

  gint64 index = kurs_record_get_id (record) - self->bulk->first_id[entity];
  gint64 none = NO_ROW;

  /* (ids are given in order; one given to a row that failed is none's) */
  if (*strategies == NULL)
    *strategies = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((*strategies)->len < index)
    g_array_append_val (*strategies, none);
  g_array_append_val (*strategies, strategy_id);

  g_ptr_array_add (self->bulk->waiting, g_object_ref (record));
  return self->bulk->waiting->len < BULK_QUEUE || _kurs_store_write_bulk (self, error);
}
