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

/* A row waiting: a record's, or one made without
 * (kurs_store_create_cells()), whose values wait as cells */
typedef struct {
  KursRecord *record;       /* or NULL, and: */
  KursEntity  entity;
  gint64      id;
  gint64      strategy_id;
  gint64      position;
  gint64      uid;
  guint       first_cell;   /* in cells */
} Waiting;

struct _KursStoreBulk
{
  GArray       *waiting;                     /* Waiting, in the order made */
  GArray       *cells;                       /* KursCell: the waiting rows' values */
  GStringChunk *texts;                       /* and their texts */
  gint64        next_id[KURS_N_ENTITIES];    /* 0: not yet asked */
  gint64        first_id[KURS_N_ENTITIES];   /* the first given by this bulk */
  GArray       *strategies[KURS_N_ENTITIES]; /* gint64: the strategy of each row given an id, from first_id */
  GHashTable   *positions;                   /* KursRowKey: kind, parent → gint64 * next */
  KursEntity    failed_entity;               /* the row its table refused */
  gint64        failed_id;
  gboolean      writing;
};

/* The rows waiting let go: written, or refused */
static void
clear_waiting (KursStoreBulk *bulk)
{
  for (guint i = 0; i < bulk->waiting->len; i++)
    g_clear_object (&g_array_index (bulk->waiting, Waiting, i).record);
  g_array_set_size (bulk->waiting, 0);
  g_array_set_size (bulk->cells, 0);
  g_string_chunk_clear (bulk->texts);
}

static void
bulk_free (KursStoreBulk *bulk)
{
  clear_waiting (bulk);
  g_array_unref (bulk->waiting);
  g_array_unref (bulk->cells);
  g_string_chunk_free (bulk->texts);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&bulk->strategies[e], g_array_unref);
  g_hash_table_unref (bulk->positions);
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
  bulk->waiting = g_array_sized_new (FALSE, FALSE, sizeof (Waiting), BULK_QUEUE);
  bulk->cells = g_array_new (FALSE, FALSE, sizeof (KursCell));
  bulk->texts = g_string_chunk_new (64 * 1024);
  bulk->failed_entity = KURS_ENTITY_NONE;
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
 * @entity: (out): the refused row's kind
 * @id: (out): and its id
 *
 * Returns: whether a row waiting was refused by its table as the rows
 *   waiting were written
 */
gboolean
kurs_store_get_bulk_failure (KursStore  *self,
                             KursEntity *entity,
                             gint64     *id)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  if (self->bulk == NULL || self->bulk->failed_entity == KURS_ENTITY_NONE)
    return FALSE;
  *entity = self->bulk->failed_entity;
  *id = self->bulk->failed_id;
  return TRUE;
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

/* Binds a row waiting from @column on; returns the column after it */
static int
bind_waiting (KursStoreBulk *bulk,
              KursDbStmt    *stmt,
              int            column,
              const Waiting *row)
{
  if (row->record != NULL)
    return _kurs_store_bind_row (stmt, column, row->record);
  return _kurs_store_bind_cells (stmt, column, row->entity, row->id, row->strategy_id, row->position, row->uid,
                                 &g_array_index (bulk->cells, KursCell, row->first_cell));
}

/* Writes @n rows of one kind from @rows: in statements of
 * KURS_STORE_BULK_ROWS, the rest one by one; a statement refused is tried
 * again a row at a time, to find the row refused */
static gboolean
write_rows (KursStore     *self,
            const Waiting *rows,
            guint          n,
            GError       **error)
{
  KursStoreBulk *bulk = self->bulk;
  KursEntity entity = rows[0].entity;
  guint done = 0;

  while (n - done >= KURS_STORE_BULK_ROWS)
    {
      KursDbStmt *stmt = _kurs_store_prepare_statement (self, _kurs_store_insert_rows_sql (entity, KURS_STORE_BULK_ROWS), error);
      int column = 1;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < KURS_STORE_BULK_ROWS; i++)
        column = bind_waiting (bulk, stmt, column, &rows[done + i]);
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
      bind_waiting (bulk, stmt, 1, &rows[done]);
      if (kurs_db_step (stmt) != KURS_DB_DONE)
        {
          _kurs_store_db_failed (self, error);
          _kurs_store_finish (stmt);
          bulk->failed_entity = entity;
          bulk->failed_id = rows[done].id;
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
  const Waiting *rows;
  gboolean ok = TRUE;
  guint start = 0;

  if (bulk == NULL || bulk->writing || bulk->waiting->len == 0)
    return TRUE;

  bulk->writing = TRUE;
  rows = (const Waiting *) bulk->waiting->data;
  for (guint i = 1; ok && i <= bulk->waiting->len; i++)
    if (i == bulk->waiting->len || rows[i].entity != rows[start].entity)
      {
        ok = write_rows (self, rows + start, i - start, error);
        start = i;
      }
  clear_waiting (bulk);
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

/* A row given an id is waiting, of @strategy_id: it is known to be, and
 * the rows waiting written if there are many */
static gboolean
add_waiting (KursStore     *self,
             const Waiting *row,
             GError       **error)
{
  KursStoreBulk *bulk = self->bulk;
  GArray **strategies = &bulk->strategies[row->entity];
  gint64 index = row->id - bulk->first_id[row->entity];
  gint64 none = NO_ROW;

  /* (ids are given in order; one given to a row that failed is none's) */
  if (*strategies == NULL)
    *strategies = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((*strategies)->len < index)
    g_array_append_val (*strategies, none);
  g_array_append_val (*strategies, row->strategy_id);

  g_array_append_vals (bulk->waiting, row, 1);
  return bulk->waiting->len < BULK_QUEUE || _kurs_store_write_bulk (self, error);
}

gboolean
_kurs_store_bulk_add (KursStore   *self,
                      KursRecord  *record,
                      GError     **error)
{
  Waiting row = {
    g_object_ref (record), kurs_record_get_entity (record), kurs_record_get_id (record),
    kurs_record_get_strategy_id (record), 0, 0, 0,
  };

  return add_waiting (self, &row, error);
}

/* A row made without a record (kurs_store_create_cells()): its values are
 * copied, their texts too */
gboolean
_kurs_store_bulk_add_cells (KursStore       *self,
                            KursEntity       entity,
                            gint64           id,
                            gint64           strategy_id,
                            gint64           position,
                            gint64           uid,
                            const KursCell  *cells,
                            GError         **error)
{
  KursStoreBulk *bulk = self->bulk;
  guint n_fields = kurs_entity_info (entity)->n_fields;
  Waiting row = { NULL, entity, id, strategy_id, position, uid, bulk->cells->len };
  KursCell *copy;

  g_array_append_vals (bulk->cells, cells, n_fields);
  copy = &g_array_index (bulk->cells, KursCell, row.first_cell);
  for (guint i = 0; i < n_fields; i++)
    if (copy[i].kind == KURS_CELL_TEXT)
      copy[i].text = g_string_chunk_insert_len (bulk->texts, copy[i].text, copy[i].length);

  return add_waiting (self, &row, error);
}
