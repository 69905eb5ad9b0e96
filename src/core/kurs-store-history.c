/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "kurs-migrations.h"
#include "kurs-record-private.h"
#include "kurs-store-internal.h"

/* Actions and their history: an action is one SQLite transaction and one
 * step of undo; nested actions are savepoints; what an action changed is
 * kept, to be put back by undo and made again by redo.  The rows
 * themselves are written in kurs-store.c. */

/* Consecutive saves of one text field within this time are one undo step. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)
#define MAX_UNDO_STEPS 500
/* Undone or made again, an action of more rows than this has its search
 * index written afresh, not by its triggers */
#define REPLAY_INDEX_ROWS 1000

/* Actions */

gboolean
_kurs_store_begin_action_full (KursStore   *self,
                               const char  *label,
                               gboolean     single_write,
                               GError     **error)
{
  /* Edits waiting in editors go first, each an action of its own */
  if (self->depth == 0)
    kurs_store_prepare (self);

  if (!_kurs_store_check_can_write (self, error))
    return FALSE;

  if (self->depth == 0)
    {
      if (!kurs_store_begin_sql (self, error))
        return FALSE;
      self->pending = _kurs_store_action_new (label);
      self->pending->origin = g_strdup (self->origin);
    }
  else
    {
      Mark mark = { self->pending->changes->len, !single_write };

      if (mark.savepoint && !_kurs_store_run_cached (self, "SAVEPOINT nested", error))
        return FALSE;
      g_array_append_val (self->marks, mark);
    }

  self->depth++;
  return TRUE;
}

gboolean
_kurs_store_begin_action (KursStore   *self,
                          const char  *label,
                          GError     **error)
{
  return _kurs_store_begin_action_full (self, label, FALSE, error);
}

/* Puts the records back as they were before the changes from @mark on. */
static void
revert_memory (KursStore *self,
               guint      mark)
{
  GPtrArray *changes = self->pending->changes;

  for (guint i = changes->len; i > mark; i--)
    {
      Change *change = changes->pdata[i - 1];

      switch (change->kind)
        {
        case CHANGE_INSERT:
          kurs_record_set_deleted (change->record, TRUE);
          _kurs_store_forget (self, change->record);
          break;

        case CHANGE_DELETE:
          kurs_record_set_deleted (change->record, FALSE);
          _kurs_store_remember (self, change->record);
          break;

        case CHANGE_SET:
          kurs_record_take_value_at (change->record, change->field,
                                     change->old_value ? g_variant_ref (change->old_value) : NULL);
          break;

        case CHANGE_MOVE:
          kurs_record_set_position (change->record, change->old_position);
          break;

        case CHANGE_INSERT_ROWS:
          /* no record was made for these rows; one read since is let go,
           * as the row is gone and its id may be given again */
          for (gint64 id = change->first_id; id <= change->last_id; id++)
            {
              KursRecord *record = g_hash_table_lookup (self->records[change->entity], &id);

              if (record != NULL)
                {
                  kurs_record_set_deleted (record, TRUE);
                  _kurs_store_forget (self, record);
                }
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_set_size (changes, mark);
}

static gboolean
check_changed_rows (KursStore  *self,
                    Action     *action,
                    GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < action->changes->len; i++)
    {
      Change *change = action->changes->pdata[i];

      /* (rows made without records were checked as they were made) */
      if (change->kind == CHANGE_DELETE || change->kind == CHANGE_INSERT_ROWS
          || kurs_record_is_deleted (change->record) || !g_hash_table_add (seen, change->record))
        continue;

      if (!_kurs_store_check_row (self, change->record, error))
        return FALSE;
    }

  return TRUE;
}

/* A moment as the library writes it: UTC, to the second */
#define TIMESTAMP_FORMAT "%Y-%m-%dT%H:%M:%SZ"

char *
_kurs_store_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, TIMESTAMP_FORMAT);
}

/* _kurs_store_now_timestamp() as a value, made once a second: an import
 * of 100,000 rows gives each two */
GVariant *
_kurs_store_now_value (KursStore *self)
{
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (self->now == NULL || second != self->now_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (second);

      g_clear_pointer (&self->now, g_variant_unref);
      self->now = g_variant_ref_sink (g_variant_new_take_string (g_date_time_format (now, TIMESTAMP_FORMAT)));
      self->now_second = second;
    }
  return self->now;
}

/* Each strategy an action touched is marked modified.  This is not a
 * change of its own: undo does not take it back. */
static gboolean
touch_strategies (KursStore   *self,
                  Action      *action,
                  GHashTable  *strategies,
                  const char  *now,
                  GError     **error)
{
  GHashTableIter iter;
  gpointer key;
  KursDbStmt *stmt;

  for (guint i = 0; i < action->changes->len; i++)
    {
      Change *change = action->changes->pdata[i];
      gint64 strategy_id = _kurs_change_get_strategy (change);

      if (!(change->kind == CHANGE_DELETE && _kurs_change_get_entity (change) == KURS_ENTITY_STRATEGY))
        g_hash_table_add (strategies, GSIZE_TO_POINTER ((gsize) strategy_id));
    }

  if (!(stmt = _kurs_store_prepare_statement (self, "UPDATE strategy SET modified = ?2 WHERE id = ?1", error)))
    return FALSE;

  g_hash_table_iter_init (&iter, strategies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      kurs_db_bind_int64 (stmt, 1, (gint64) GPOINTER_TO_SIZE (key));
      kurs_db_bind_text (stmt, 2, now, -1);
      if (!_kurs_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
update_modified_in_memory (KursStore  *self,
                           GHashTable *strategies,
                           const char *now)
{
  int index = kurs_entity_info_find_field (kurs_entity_info (KURS_ENTITY_STRATEGY), "modified");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, strategies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (key);
      KursRecord *strategy = g_hash_table_lookup (self->records[KURS_ENTITY_STRATEGY], &id);

      if (strategy != NULL)
        {
          kurs_record_take_value_at (strategy, index, g_variant_new_string (now));
          kurs_record_emit_changed (strategy, index);
        }
    }
}

static gboolean
can_coalesce (KursStore *self,
              Action    *action)
{
  Action *top;
  Change *a, *b;

  if (self->mode != HISTORY_RECORD || self->undo->len == 0 || self->redo->len > 0
      || action->changes->len != 1)
    return FALSE;

  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (top->changes->len != 1)
    return FALSE;

  a = top->changes->pdata[0];
  b = action->changes->pdata[0];

  return a->kind == CHANGE_SET && b->kind == CHANGE_SET
         && a->record == b->record && a->field == b->field
         && kurs_record_get_info (a->record)->fields[a->field].type == KURS_FIELD_TEXT
         && action->time - top->time < COALESCE_USEC;
}

static void
file_action (KursStore *self,
             Action    *action)
{
  switch (self->mode)
    {
    case HISTORY_RECORD:
      if (action->changes->len == 0)
        {
          _kurs_store_action_free (action);
          return;
        }

      /* A decision is a line under the history: undo neither takes it
       * back, nor reaches past it to change what it decided on (the text
       * an approval froze) */
      if (action->deliberate)
        {
          g_ptr_array_set_size (self->undo, 0);
          g_ptr_array_set_size (self->redo, 0);
          _kurs_store_action_free (action);
          return;
        }

      if (can_coalesce (self, action))
        {
          Action *top = g_ptr_array_index (self->undo, self->undo->len - 1);
          Change *kept = top->changes->pdata[0];
          Change *latest = action->changes->pdata[0];

          g_clear_pointer (&kept->new_value, g_variant_unref);
          kept->new_value = latest->new_value ? g_variant_ref (latest->new_value) : NULL;
          top->time = action->time;
          top->log_id = action->log_id;
          _kurs_store_action_free (action);
          return;
        }

      g_ptr_array_add (self->undo, action);
      if (self->undo->len > MAX_UNDO_STEPS)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
      break;

    case HISTORY_UNDO:
    case HISTORY_REDO:
      {
        GPtrArray *from = self->mode == HISTORY_UNDO ? self->undo : self->redo;
        Action *moved = g_ptr_array_steal_index (from, from->len - 1);

        /* others' changes since are counted from its undo (or redo) on */
        moved->log_id = action->log_id;
        g_ptr_array_add (self->mode == HISTORY_UNDO ? self->redo : self->undo, moved);
        _kurs_store_action_free (action);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
emit_changes (KursStore *self,
              GPtrArray *changes)
{
  guint mask = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = changes->pdata[i];

      mask |= 1u << _kurs_change_get_entity (change);

      if (change->kind == CHANGE_SET)
        kurs_record_emit_changed (change->record, change->field);
      else if (change->kind == CHANGE_INSERT || change->kind == CHANGE_DELETE)
        g_object_notify (G_OBJECT (change->record), "deleted");
    }

  _kurs_store_notify_history (self);

  if (mask != 0)
    _kurs_store_emit_changed (self, mask);
}

static void
enable_triggers (KursStore *self,
                 gboolean   enable)
{
  /* (statements prepared before are prepared again, with or without them) */
  if (self->db != NULL && kurs_db_get_sqlite (self->db) != NULL)
    sqlite3_db_config (kurs_db_get_sqlite (self->db), SQLITE_DBCONFIG_ENABLE_TRIGGER, enable ? 1 : 0, NULL);
}

/**
 * kurs_store_defer_search_index:
 *
 * Within an action that adds many rows (an import), stops the search
 * index's triggers until the action ends; then every strategy the action
 * touched is indexed afresh in a few statements.  Each row's trigger
 * writes to the index in a statement of its own, and SQLite's full-text
 * index writes out what it holds at every statement in a transaction: an
 * import of 100,000 rows spent most of its time there.  The index is as
 * current as ever once the action commits.
 */
void
kurs_store_defer_search_index (KursStore *self)
{
  g_return_if_fail (KURS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  /* a server's index is kept by its triggers as the rows come */
  if (self->search_deferred || kurs_db_is_server (self->db))
    return;
  self->search_deferred = TRUE;
  enable_triggers (self, FALSE);
}

/* Within an action whose index waits: the words of version @id, for its
 * row in the index, read already (kurs_store_add_version_lean()) */
void
_kurs_store_know_words (KursStore *self,
                        gint64     id,
                        char      *words)
{
  g_assert (self->search_deferred);

  g_free (self->known_words);
  self->known_words = words;
  self->known_words_version = id;
}

/* Within an action whose index waits: strategy @id was made in it, and
 * the index has none of its rows */
void
_kurs_store_note_new_strategy (KursStore *self,
                               gint64     id)
{
  g_assert (self->search_deferred);

  if (self->new_strategies == NULL)
    self->new_strategies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->new_strategies, id);
}

static gboolean
is_new_strategy (KursStore *self,
                 gint64     id)
{
  for (guint i = 0; self->new_strategies != NULL && i < self->new_strategies->len; i++)
    if (g_array_index (self->new_strategies, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
run_for_strategy (KursStore   *self,
                  const char  *sql,
                  gint64       strategy_id,
                  GError     **error)
{
  KursDbStmt *stmt = _kurs_store_prepare_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  kurs_db_bind_int64 (stmt, 1, strategy_id);
  /* the version whose words are known, and they: the versions' fill
   * takes them (kurs_migrations_get_search_fills()), the others have no
   * ?2 and ?3, and SQLite binds nothing there */
  if (self->known_words != NULL)
    {
      kurs_db_bind_int64 (stmt, 2, self->known_words_version);
      kurs_db_bind_text (stmt, 3, self->known_words, -1);
    }
  return _kurs_store_step_done (self, stmt, error);
}

/* The deferred index is written a statement at a time: for each strategy
 * the action touched (deleted ones too), its rows taken out of the index,
 * then each kind's put in afresh (kurs_migrations_get_search_fills()) */
struct _KursIndexFill
{
  GArray *strategies;   /* gint64 */
  guint   next;         /* strategy × (1 + the fills) */
};

static void
index_fill_free (KursIndexFill *fill)
{
  g_array_unref (fill->strategies);
  g_free (fill);
}

static KursIndexFill *
index_fill_new (Action *action)
{
  KursIndexFill *fill = g_new0 (KursIndexFill, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  fill->strategies = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < action->changes->len; i++)
    {
      gint64 strategy_id = _kurs_change_get_strategy (action->changes->pdata[i]);

      if (g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) strategy_id)))
        g_array_append_val (fill->strategies, strategy_id);
    }
  return fill;
}

/* The index no longer waits: its triggers keep it again */
static void
stop_deferring (KursStore *self)
{
  g_clear_pointer (&self->index_fill, index_fill_free);
  g_clear_pointer (&self->known_words, g_free);
  g_clear_pointer (&self->new_strategies, g_array_unref);
  self->search_deferred = FALSE;
  enable_triggers (self, TRUE);
}

/* Writes the next part of the index; *@done once every part is written,
 * and the index's triggers are back for what the action does after */
static gboolean
index_fill_step (KursStore  *self,
                 gboolean   *done,
                 GError    **error)
{
  const char * const *fills = kurs_migrations_get_search_fills ();
  guint per_strategy = 1 + g_strv_length ((char **) fills);
  KursIndexFill *fill;

  /* the rows waiting first, while the triggers are off */
  if (!_kurs_store_write_bulk (self, error))
    return FALSE;
  if (self->index_fill == NULL)
    self->index_fill = index_fill_new (self->pending);
  fill = self->index_fill;

  *done = fill->next >= fill->strategies->len * per_strategy;
  if (!*done)
    {
      gint64 strategy_id = g_array_index (fill->strategies, gint64, fill->next / per_strategy);
      guint part = fill->next % per_strategy;

      fill->next++;
      /* (taking a strategy's rows out reads the whole index: a new one
       * has none in it) */
      if ((part > 0 || !is_new_strategy (self, strategy_id))
          && !run_for_strategy (self, part == 0 ? "DELETE FROM search_index WHERE strategy_id = ?1" : fills[part - 1],
                                strategy_id, error))
        return FALSE;
      *done = fill->next >= fill->strategies->len * per_strategy;
    }

  if (*done)
    stop_deferring (self);
  return TRUE;
}

/**
 * kurs_store_fill_search_index_step:
 * @done: (out): set to %TRUE once the index is written
 *
 * Within an action whose index waits (kurs_store_defer_search_index()),
 * writes a part of it now, one statement, so that a window can draw
 * between the parts.  Once every part is written, the index's triggers
 * keep it for the rest of the action.  Nothing to do on a server.
 *
 * Returns: %FALSE with @error set if it could not be written
 */
/**
 * kurs_store_get_search_index_filled:
 *
 * How much of the index that waits (kurs_store_defer_search_index()) is
 * written, for a person waiting.
 *
 * Returns: from 0 (none of it yet) to 1 (all, or none waits)
 */
double
kurs_store_get_search_index_filled (KursStore *self)
{
  guint parts;

  g_return_val_if_fail (KURS_IS_STORE (self), 0);

  if (!self->search_deferred)
    return 1.0;
  if (self->index_fill == NULL)
    return 0.0;
  parts = self->index_fill->strategies->len * (1 + g_strv_length ((char **) kurs_migrations_get_search_fills ()));
  return parts > 0 ? (double) self->index_fill->next / parts : 1.0;
}

gboolean
kurs_store_fill_search_index_step (KursStore  *self,
                                   gboolean   *done,
                                   GError    **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  *done = !self->search_deferred;
  return *done || index_fill_step (self, done, error);
}

gboolean
_kurs_store_end_action (KursStore  *self,
                        gboolean    ok,
                        GError    **error)
{
  g_autoptr(GHashTable) strategies = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *now = NULL;
  Action *action;

  g_assert (self->depth > 0);

  self->depth--;

  if (self->depth > 0)
    {
      Mark mark = g_array_index (self->marks, Mark, self->marks->len - 1);

      g_array_set_size (self->marks, self->marks->len - 1);
      if (ok)
        return !mark.savepoint || _kurs_store_run_cached (self, "RELEASE nested", error);

      if (mark.savepoint)
        {
          _kurs_store_run_cached (self, "ROLLBACK TO nested", NULL);
          _kurs_store_run_cached (self, "RELEASE nested", NULL);
        }
      else
        g_assert (self->pending->changes->len == mark.changes);
      revert_memory (self, mark.changes);
      return FALSE;
    }

  strategies = g_hash_table_new (NULL, NULL);
  /* one time for the library and the records: read twice, it could fall
   * either side of a second */
  now = _kurs_store_now_timestamp ();
  /* an import's rows waiting are written before the index's triggers are
   * back */
  if (ok)
    ok = _kurs_store_write_bulk (self, error);
  /* the index, if it waits: all of it now */
  if (self->search_deferred)
    {
      gboolean done = FALSE;

      while (ok && !done)
        ok = index_fill_step (self, &done, error);
      if (!ok)
        stop_deferring (self);
    }
  if (ok)
    ok = check_changed_rows (self, self->pending, error)
         && touch_strategies (self, self->pending, strategies, now, error)
         && _kurs_store_log_action (self, self->pending, now, error)
         && kurs_store_exec_sql (self, "COMMIT", error);

  /* what still waits of an import's rows is let go: written by the
   * commit, or rolled back (the ROLLBACK below writes nothing first) */
  _kurs_store_end_bulk (self);
  if (!ok)
    {
      if (self->db != NULL)
        kurs_db_exec (self->db, "ROLLBACK");
      revert_memory (self, 0);
      g_clear_pointer (&self->pending, _kurs_store_action_free);
      g_array_set_size (self->marks, 0);
      return FALSE;
    }

  action = g_steal_pointer (&self->pending);
  changes = g_ptr_array_ref (action->changes);
  file_action (self, action);

  update_modified_in_memory (self, strategies, now);
  emit_changes (self, changes);
  _kurs_store_check_notifications (self);
  return TRUE;
}

/**
 * kurs_store_begin:
 * @label: what the action does, for a person ("Add goal")
 *
 * Begins an action: the changes until the matching kurs_store_commit()
 * are one transaction and one step of undo.  Actions nest.
 *
 * Returns: %FALSE with @error set if the library cannot be written
 */
gboolean
kurs_store_begin (KursStore   *self,
                  const char  *label,
                  GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return _kurs_store_begin_action (self, label, error);
}

/**
 * kurs_store_commit:
 *
 * Ends the action begun last.  The outermost action checks its rows,
 * writes them to disk and notifies.
 *
 * Returns: %FALSE, with the whole action rolled back, if a rule failed
 */
gboolean
kurs_store_commit (KursStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  return _kurs_store_end_action (self, TRUE, error);
}

/**
 * kurs_store_rollback:
 *
 * Takes back the action begun last, in the file and in memory.
 */
void
kurs_store_rollback (KursStore *self)
{
  g_return_if_fail (KURS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  _kurs_store_end_action (self, FALSE, NULL);
}

/* Rows: each function writes the file, updates the record and notes the
 * change in the pending action. */

/* Undo and redo */

gboolean
kurs_store_can_undo (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return self->undo->len > 0 && !self->read_only;
}

gboolean
kurs_store_can_redo (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return self->redo->len > 0 && !self->read_only;
}

/**
 * kurs_store_set_origin:
 * @origin: (nullable): where the actions to come are made: a window's page
 *
 * Tags the actions that follow with where they were made, so that undo
 * can go back there (kurs_store_get_undo_subject()).
 */
void
kurs_store_set_origin (KursStore  *self,
                       const char *origin)
{
  g_return_if_fail (KURS_IS_STORE (self));

  if (g_strcmp0 (self->origin, origin) == 0)
    return;
  g_free (self->origin);
  self->origin = g_strdup (origin);
}

static KursRecord *
peek_subject (GPtrArray   *stack,
              const char **field,
              const char **origin)
{
  Action *action;
  Change *first;

  if (field != NULL)
    *field = NULL;
  if (origin != NULL)
    *origin = NULL;
  if (stack->len == 0)
    return NULL;

  action = g_ptr_array_index (stack, stack->len - 1);
  if (origin != NULL)
    *origin = action->origin;
  if (action->subject != NULL)
    {
      if (field != NULL && action->subject_field >= 0)
        *field = kurs_record_get_info (action->subject)->fields[action->subject_field].name;
      return action->subject;
    }

  /* An action on many rows: where it began */
  first = action->changes->len > 0 ? action->changes->pdata[0] : NULL;
  return first ? first->record : NULL;
}

/**
 * kurs_store_get_undo_subject:
 * @field: (out) (optional) (nullable): the field undo would set back, or
 *   %NULL when it adds or removes rows
 * @origin: (out) (optional) (nullable): where the action was made, as
 *   kurs_store_set_origin() said then
 *
 * Returns: (transfer none) (nullable): the row that undo would change (for
 *   an action on many rows, the first it made), so that a window can show
 *   it; %NULL when there is nothing to undo
 */
KursRecord *
kurs_store_get_undo_subject (KursStore   *self,
                             const char **field,
                             const char **origin)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  return peek_subject (self->undo, field, origin);
}

/**
 * kurs_store_get_redo_subject:
 *
 * The same as kurs_store_get_undo_subject(), for redo.
 */
KursRecord *
kurs_store_get_redo_subject (KursStore   *self,
                             const char **field,
                             const char **origin)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  return peek_subject (self->redo, field, origin);
}

/**
 * kurs_store_get_undo_label:
 *
 * Returns: (nullable): what undo would take back ("Change title"), or
 *   %NULL when there is nothing to undo
 */
const char *
kurs_store_get_undo_label (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  return ((Action *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

const char *
kurs_store_get_redo_label (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  return ((Action *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/**
 * _kurs_store_take_rows:
 *
 * Gives each row @action made without a record (CHANGE_INSERT_ROWS) its
 * record and a change of its own, as if it had been made with one: what
 * undo and redo work on.  A row no longer there (another Kurs deleted it,
 * or it could not be read) has none; undo leaves it be.
 */
void
_kurs_store_take_rows (KursStore *self,
                       Action    *action)
{
  gpointer *changes;
  gsize n;

  for (n = 0; n < action->changes->len; n++)
    if (((Change *) action->changes->pdata[n])->kind == CHANGE_INSERT_ROWS)
      break;
  if (n == action->changes->len)
    return;

  changes = g_ptr_array_steal (action->changes, &n);
  for (gsize i = 0; i < n; i++)
    {
      Change *change = changes[i];

      if (change->kind != CHANGE_INSERT_ROWS)
        {
          g_ptr_array_add (action->changes, change);
          continue;
        }
      {
        g_autoptr(GPtrArray) records = _kurs_store_get_range (self, change->entity, change->first_id,
                                                              change->last_id);

        for (guint r = 0; r < records->len; r++)
          {
            Change *row = g_new0 (Change, 1);

            row->kind = CHANGE_INSERT;
            row->record = g_object_ref (records->pdata[r]);
            g_ptr_array_add (action->changes, row);
          }
      }
      /* (it holds no record nor value) */
      g_free (change);
    }
  g_free (changes);
}

/* How many changes, back from the one before @end, are rows of one kind
 * made with ids one after another (an import's), which undo deletes in
 * one statement (_kurs_store_rows_delete()): a statement a row took a
 * quarter of undoing 100,000 items */
#define DELETE_RUN_MAX 4096

static guint
delete_run (Action *action,
            guint   end)
{
  Change *last = action->changes->pdata[end - 1];
  guint n = 1;

  if (last->kind != CHANGE_INSERT)
    return 0;
  while (n < end && n < DELETE_RUN_MAX)
    {
      Change *change = action->changes->pdata[end - 1 - n];

      if (change->kind != CHANGE_INSERT
          || kurs_record_get_entity (change->record) != kurs_record_get_entity (last->record)
          || kurs_record_get_id (change->record) != kurs_record_get_id (last->record) - (gint64) n)
        break;
      n++;
    }
  return n;
}

static gboolean
delete_rows (KursStore  *self,
             Action     *action,
             guint       start,
             guint       n,
             GError    **error)
{
  g_autofree KursRecord **records = g_new (KursRecord *, n);

  for (guint i = 0; i < n; i++)
    records[i] = ((Change *) action->changes->pdata[start + i])->record;
  return _kurs_store_rows_delete (self, records, n, error);
}

static gboolean
replay_change (KursStore  *self,
               Change     *change,
               gboolean    forward,
               GError    **error)
{
  switch (change->kind)
    {
    case CHANGE_INSERT:
      return forward ? _kurs_store_row_restore (self, change->record, error)
                     : _kurs_store_row_delete (self, change->record, error);

    case CHANGE_DELETE:
      return forward ? _kurs_store_row_delete (self, change->record, error)
                     : _kurs_store_row_restore (self, change->record, error);

    case CHANGE_SET:
      /* only over what the action left there (the rows' revisions were
       * asked by _kurs_store_check_undo()) */
      return _kurs_store_row_set_from (self, change->record, change->field,
                                       forward ? change->old_value : change->new_value, G_MAXINT64,
                                       forward ? change->new_value : change->old_value, error);

    case CHANGE_MOVE:
      return _kurs_store_row_move (self, change->record,
                                   forward ? change->new_position : change->old_position, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (KursStore    *self,
        HistoryMode   mode,
        GError      **error)
{
  GPtrArray *stack = mode == HISTORY_UNDO ? self->undo : self->redo;
  Action *action;
  gboolean ok = TRUE;

  g_return_val_if_fail (self->depth == 0, FALSE);

  /* What is being typed is written first: it is what undo takes back */
  kurs_store_prepare (self);

  if (stack->len == 0)
    return TRUE;

  action = g_ptr_array_index (stack, stack->len - 1);
  /* Only what no one else has changed since */
  _kurs_store_take_rows (self, action);
  if (!_kurs_store_check_undo (self, action, mode == HISTORY_UNDO ? "undo" : "redo", error))
    return FALSE;
  if (!_kurs_store_begin_action (self, action->label, error))
    return FALSE;
  /* an action of many rows (an import) is indexed for search afresh as
   * its undo or redo ends, as it was as it was made: row by row, the
   * index's triggers took most of a minute at 100,000 items */
  if (action->changes->len > REPLAY_INDEX_ROWS)
    kurs_store_defer_search_index (self);

  self->mode = mode;
  if (mode == HISTORY_UNDO)
    {
      for (guint i = action->changes->len; ok && i > 0; )
        {
          guint run = delete_run (action, i);

          if (run > 1)
            ok = delete_rows (self, action, i - run, run, error);
          else
            ok = replay_change (self, action->changes->pdata[i - 1], FALSE, error);
          i -= MAX (run, 1);
        }
    }
  else
    {
      for (guint i = 0; ok && i < action->changes->len; i++)
        ok = replay_change (self, action->changes->pdata[i], TRUE, error);
    }

  ok = _kurs_store_end_action (self, ok, ok ? error : NULL);
  self->mode = HISTORY_RECORD;
  if (!ok && error != NULL)
    _kurs_store_after_conflict (self, *error);
  return ok;
}

/**
 * kurs_store_prepare:
 *
 * Asks every editor with an edit waiting to write it now
 * (#KursStore::prepare), as the store itself does before an action.  For
 * what reads the library whole — an export, a printed document — so that
 * it has what was just typed.
 */
void
kurs_store_prepare (KursStore *self)
{
  g_return_if_fail (KURS_IS_STORE (self));

  if (self->db != NULL && !self->read_only)
    _kurs_store_emit_prepare (self);
}

/**
 * kurs_store_undo:
 *
 * Takes back the last action, whichever editor made it.
 */
gboolean
kurs_store_undo (KursStore  *self,
                 GError    **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return replay (self, HISTORY_UNDO, error);
}

gboolean
kurs_store_redo (KursStore  *self,
                 GError    **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return replay (self, HISTORY_REDO, error);
}
