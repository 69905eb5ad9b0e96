/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "kurs-record-private.h"
#include "kurs-server.h"
#include "kurs-store-internal.h"

/* Working together on one library: several Kurs — windows, commands —
 * each with a store of its own on one file or one server.
 *
 * Every action a store commits is written, in its own transaction, to the
 * library's history (history_action, history_change: migration 5) with
 * the person, the time and the session: the store that made it.  That one
 * record serves three ends:
 *
 * - Others' changes.  A store follows the history from the last action
 *   it saw (kurs_store_catch_up()): it reads each row that another
 *   session changed again, and says so as for its own changes (the
 *   records' ::changed, #KursStore::changed).  kurs_store_watch() does
 *   this as soon as another commits: told by the server (LISTEN/NOTIFY),
 *   or, for a file, by a file monitor on the file and its write-ahead
 *   log, asking SQLite whether anyone else wrote (PRAGMA data_version).
 *
 * - No silent overwrite.  Every field carries a revision: the last
 *   action of the history that wrote it.  A field is written only if no
 *   one else changed it since the edit was made (kurs_store_set_from()):
 *   it still holds the value the edit was made from, and no other session
 *   wrote it another value after the revision the editor took that value
 *   at (kurs_store_get_revision()), so a value changed and put back is
 *   seen too.  Two people changing different fields of one row both keep
 *   theirs; the second to change one field is refused, told by whom and
 *   when (from the history), and sees the other's value.  (Of an action
 *   past LOG_MAX_CHANGES, the changes not kept are told by the values
 *   alone.)
 *
 * - Personal undo.  Undo takes back only the store's own actions, which
 *   is all it holds; it refuses when another session has changed one of
 *   the action's rows since, and names them.
 *
 * An action of very many changes (an import) keeps its count and its
 * first LOG_MAX_CHANGES changes; another store that sees it reads all it
 * holds again. */

#define LOG_MAX_CHANGES 1000
/* Undo asks row by row up to this many rows, then by strategy */
#define UNDO_ROWS_ASKED 200
/* A moment after a file's last event: its commit is written by then */
#define WATCH_DELAY_MS 10
#define RECONNECT_SECONDS 2

#define NOTIFY_CHANNEL "kurs_changes"

/* Who: on a file the person's full name; on a server the server says */
static const char *
person_name (void)
{
  const char *name = g_get_real_name ();

  return name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

static gint64
query_int64 (KursStore  *self,
             const char *sql)
{
  KursDbStmt *stmt = _kurs_store_prepare_statement (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (kurs_db_step (stmt) == KURS_DB_ROW)
    value = kurs_db_column_int64 (stmt, 0);
  _kurs_store_finish (stmt);
  return value;
}

/* The history's last action, and SQLite's count of what other
 * connections committed (0 on a server).  The count is brought up to date
 * by a read (another process's commits are seen when a read begins): the
 * last action's is that read. */
static gint64
data_version (KursStore *self,
              gint64    *last_action)
{
  gint64 last = query_int64 (self, "SELECT COALESCE (MAX (id), 0) FROM history_action");

  if (last_action != NULL)
    *last_action = last;
  return kurs_db_is_server (self->db) ? 0 : query_int64 (self, "PRAGMA data_version");
}

/**
 * _kurs_store_log_open:
 *
 * A store begins its session: it has seen the history up to now.
 */
void
_kurs_store_log_open (KursStore *self)
{
  g_autofree char *uuid = g_uuid_string_random ();

  /* a process forked from one with a store draws the same random numbers:
   * its process id and the time tell the two apart */
  self->session_id = g_strdup_printf ("%s-%d-%" G_GINT64_FORMAT, uuid, (int) getpid (), g_get_real_time ());
  self->data_version = data_version (self, &self->seen_action);
}

/**
 * _kurs_store_value_text:
 *
 * A field's value as the history writes it (%NULL for none)
 */
char *
_kurs_store_value_text (GVariant *value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup (g_ascii_dtostr (number, sizeof number, g_variant_get_double (value)));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  return g_variant_print (value, FALSE);
}

static void
bind_text_or_null (KursDbStmt *stmt,
                   int         index,
                   const char *text)
{
  if (text != NULL)
    kurs_db_bind_text (stmt, index, text, -1);
  else
    kurs_db_bind_null (stmt, index);
}

static const char *
change_kind_name (ChangeKind kind)
{
  switch (kind)
    {
    case CHANGE_INSERT:
      return "insert";
    case CHANGE_DELETE:
      return "delete";
    case CHANGE_SET:
      return "set";
    case CHANGE_MOVE:
    default:
      return "move";
    }
}

static gboolean
log_change (KursStore   *self,
            gint64       action_id,
            Change      *change,
            GError     **error)
{
  const KursEntityInfo *info = kurs_record_get_info (change->record);
  g_autofree char *name = kurs_store_get_record_name (self, change->record);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  KursDbStmt *stmt;

  if (!(stmt = _kurs_store_prepare_statement (self,
                                              "INSERT INTO history_change (action_id, entity, row_id, row_name, kind, "
                                              "field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                              error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, action_id);
  kurs_db_bind_text (stmt, 2, info->name, -1);
  kurs_db_bind_int64 (stmt, 3, kurs_record_get_id (change->record));
  kurs_db_bind_text (stmt, 4, name, -1);
  kurs_db_bind_text (stmt, 5, change_kind_name (change->kind), -1);
  if (change->kind == CHANGE_SET)
    {
      old_text = _kurs_store_value_text (change->old_value);
      new_text = _kurs_store_value_text (change->new_value);
      kurs_db_bind_text (stmt, 6, info->fields[change->field].name, -1);
    }
  else if (change->kind == CHANGE_MOVE)
    {
      old_text = g_strdup_printf ("%" G_GINT64_FORMAT, change->old_position);
      new_text = g_strdup_printf ("%" G_GINT64_FORMAT, change->new_position);
      kurs_db_bind_null (stmt, 6);
    }
  else
    kurs_db_bind_null (stmt, 6);
  bind_text_or_null (stmt, 7, old_text);
  bind_text_or_null (stmt, 8, new_text);
  return _kurs_store_step_done (self, stmt, error);
}

/* One line of the history: the action's changes on one strategy */
static gboolean
log_strategy_action (KursStore   *self,
                     Action      *action,
                     gint64       strategy_id,
                     GPtrArray   *changes,
                     const char  *now,
                     gint64      *out_id,
                     GError     **error)
{
  const char *kind = action->deliberate ? "decision"
                     : self->mode == HISTORY_UNDO ? "undo"
                     : self->mode == HISTORY_REDO ? "redo" : "edit";
  gboolean server = kurs_db_is_server (self->db);
  KursDbStmt *stmt;
  gint64 id, n_rows = 0;
  guint logged = 0;

  for (guint i = 0; i < changes->len; i++)
    n_rows += _kurs_change_count_rows (changes->pdata[i]);

  if (!(stmt = _kurs_store_prepare_statement (self,
                                              server
                                                ? "INSERT INTO history_action (strategy_id, made_at, person, session_id, "
                                                  "label, kind, n_changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"
                                                : "INSERT INTO history_action (strategy_id, made_at, person, session_id, "
                                                  "label, kind, n_changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                              error)))
    return FALSE;

  kurs_db_bind_int64 (stmt, 1, strategy_id);
  kurs_db_bind_text (stmt, 2, now, -1);
  kurs_db_bind_text (stmt, 3, person_name (), -1);
  kurs_db_bind_text (stmt, 4, self->session_id, -1);
  kurs_db_bind_text (stmt, 5, action->label, -1);
  kurs_db_bind_text (stmt, 6, kind, -1);
  kurs_db_bind_int64 (stmt, 7, n_rows);
  if (kurs_db_step (stmt) != (server ? KURS_DB_ROW : KURS_DB_DONE))
    {
      _kurs_store_db_failed (self, error);
      _kurs_store_finish (stmt);
      return FALSE;
    }
  id = server ? kurs_db_column_int64 (stmt, 0) : kurs_db_last_insert_id (self->db);
  _kurs_store_finish (stmt);

  for (guint i = 0; i < changes->len && logged < LOG_MAX_CHANGES; i++)
    {
      Change *change = changes->pdata[i];

      if (change->kind != CHANGE_INSERT_ROWS)
        {
          if (!log_change (self, id, change, error))
            return FALSE;
          logged++;
          continue;
        }
      /* rows made without records: each read for its name */
      for (gint64 row = change->first_id; row <= change->last_id && logged < LOG_MAX_CHANGES; row++)
        {
          Change inserted = { CHANGE_INSERT, kurs_store_get (self, change->entity, row) };
          gboolean ok = inserted.record == NULL || log_change (self, id, &inserted, error);

          g_clear_object (&inserted.record);
          if (!ok)
            return FALSE;
          logged++;
        }
    }

  *out_id = id;
  return TRUE;
}

/**
 * _kurs_store_log_action:
 * @now: the action's time, as the strategies' "modified" says it
 *
 * Writes the action to the library's history, in its transaction: a line
 * for each strategy it changed (adding the example adds two), and on a
 * server tells the others when it commits.
 */
gboolean
_kurs_store_log_action (KursStore   *self,
                        Action      *action,
                        const char  *now,
                        GError     **error)
{
  g_autoptr(GHashTable) by_strategy = NULL;
  g_autoptr(GArray) order = NULL;
  gint64 last = 0;

  if (action->changes->len == 0)
    return TRUE;

  by_strategy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  order = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < action->changes->len; i++)
    {
      Change *change = action->changes->pdata[i];
      gint64 strategy_id = _kurs_change_get_strategy (change);
      GPtrArray *changes = g_hash_table_lookup (by_strategy, &strategy_id);

      if (changes == NULL)
        {
          changes = g_ptr_array_new ();
          g_hash_table_insert (by_strategy, g_memdup2 (&strategy_id, sizeof strategy_id), changes);
          g_array_append_val (order, strategy_id);
        }
      g_ptr_array_add (changes, change);
    }

  for (guint i = 0; i < order->len; i++)
    {
      gint64 strategy_id = g_array_index (order, gint64, i);

      if (!log_strategy_action (self, action, strategy_id, g_hash_table_lookup (by_strategy, &strategy_id), now,
                                &last, error))
        return FALSE;
    }

  if (kurs_db_is_server (self->db) && !_kurs_store_run_cached (self, "NOTIFY " NOTIFY_CHANNEL, error))
    return FALSE;

  /* others' changes are those after its last line */
  action->log_id = last;
  return TRUE;
}

/* Who last changed @field of @record (or deleted it), when, and to what;
 * FALSE where the history does not say (a change from outside Kurs) */
static gboolean
last_change_of (KursStore   *self,
                KursRecord  *record,
                const char  *field,
                gint64       after,
                gboolean     others_only,
                char       **person,
                char       **made_at,
                char       **new_value,
                gboolean    *deleted)
{
  const char *sql = field != NULL
    ? "SELECT a.person, a.made_at, c.kind, c.new_value FROM history_change c "
      "JOIN history_action a ON a.id = c.action_id "
      "WHERE c.entity = ?1 AND c.row_id = ?2 AND (c.field = ?3 OR c.kind = 'delete') AND c.action_id > ?4 "
      "AND a.session_id <> ?5 ORDER BY c.action_id DESC LIMIT 1"
    : "SELECT a.person, a.made_at, c.kind, c.new_value FROM history_change c "
      "JOIN history_action a ON a.id = c.action_id "
      "WHERE c.entity = ?1 AND c.row_id = ?2 AND c.action_id > ?3 "
      "AND a.session_id <> ?4 ORDER BY c.action_id DESC LIMIT 1";
  int next = field != NULL ? 4 : 3;
  KursDbStmt *stmt = _kurs_store_prepare_statement (self, sql, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  kurs_db_bind_text (stmt, 1, kurs_record_get_info (record)->name, -1);
  kurs_db_bind_int64 (stmt, 2, kurs_record_get_id (record));
  if (field != NULL)
    kurs_db_bind_text (stmt, 3, field, -1);
  kurs_db_bind_int64 (stmt, next, after);
  kurs_db_bind_text (stmt, next + 1, others_only ? self->session_id : "", -1);
  if (kurs_db_step (stmt) == KURS_DB_ROW)
    {
      found = TRUE;
      *person = g_strdup (kurs_db_column_text (stmt, 0, NULL));
      *made_at = g_strdup (kurs_db_column_text (stmt, 1, NULL));
      *deleted = g_strcmp0 (kurs_db_column_text (stmt, 2, NULL), "delete") == 0;
      if (new_value != NULL)
        *new_value = g_strdup (kurs_db_column_text (stmt, 3, NULL));
    }
  _kurs_store_finish (stmt);
  return found;
}

/* A value in a sentence: a long text by its beginning */
static char *
quote_value (const char *value)
{
  const char *end;

  if (value == NULL)
    return g_strdup (_("nothing"));
  if (g_utf8_strlen (value, -1) <= 60)
    return g_strdup (value);
  end = g_utf8_offset_to_pointer (value, 59);
  return g_strdup_printf ("%.*s…", (int) (end - value), value);
}

/**
 * _kurs_store_set_conflict:
 *
 * Says why a field could not be written: it no longer holds the value the
 * edit was made from, because someone changed it (or deleted its row)
 * meanwhile.
 */
void
_kurs_store_set_conflict (KursStore   *self,
                          KursRecord  *record,
                          int          index,
                          GError     **error)
{
  const KursField *field = &kurs_record_get_info (record)->fields[index];
  g_autofree char *what = _kurs_store_change_label (self, record, field);
  g_autofree char *name = kurs_store_get_record_name (self, record);
  g_autofree char *person = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *value = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *when = NULL;
  gboolean deleted = FALSE;

  if (!last_change_of (self, record, field->name, 0, FALSE, &person, &made_at, &value, &deleted))
    {
      /* TRANSLATORS: %s is "Title of “Egen bolig”" */
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                   _("Someone else changed %s meanwhile"), what);
      return;
    }

  when = kurs_history_format_time (made_at);
  quoted = quote_value (value);
  if (deleted)
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                 _("%s deleted “%s” at %s"), person, name, when);
  /* (the row's name is the new one already: the change is said alone) */
  else if (g_str_equal (field->name, "title"))
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                 _("%s changed the title to “%s” at %s"), person, quoted, when);
  else if (g_str_equal (field->name, "name"))
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                 _("%s changed the name to “%s” at %s"), person, quoted, when);
  else
    /* TRANSLATORS: "Anna Jensen changed Title of “Egen bolig” to “Et hjem
     * til alle” at 14:05" */
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                 _("%s changed %s to “%s” at %s"), person, what, quoted, when);
}

/**
 * _kurs_store_after_conflict:
 * @error: (nullable): why an action failed
 *
 * An action refused because someone else's change came first: the store
 * takes that change in, so that what shows the row shows theirs.
 */
void
_kurs_store_after_conflict (KursStore    *self,
                            const GError *error)
{
  if (self->depth == 0 && g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT))
    kurs_store_catch_up (self, NULL);
}

/**
 * _kurs_store_check_unseen:
 *
 * Whether @record may be deleted or moved as this store shows it: not
 * when another Kurs changed or deleted it after this store last took in
 * others' changes (kurs_store_catch_up()).
 */
gboolean
_kurs_store_check_unseen (KursStore   *self,
                          KursRecord  *record,
                          GError     **error)
{
  g_autofree char *person = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  gboolean deleted = FALSE;

  if (!last_change_of (self, record, NULL, self->seen_action, TRUE, &person, &made_at, NULL, &deleted))
    return TRUE;
  when = kurs_history_format_time (made_at);
  name = kurs_store_get_record_name (self, record);
  if (deleted)
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT, _("%s deleted “%s” at %s"), person, name, when);
  else
    /* TRANSLATORS: a delete or move refused: "Anna Jensen changed “Egen
     * bolig” at 14:05; look at it again first" */
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
                 _("%s changed “%s” at %s; look at it again first"), person, name, when);
  return FALSE;
}

/**
 * kurs_store_get_last_change:
 * @field: (nullable): a field, or %NULL for any change of the row
 * @others_only: only another Kurs's changes (another window, a command),
 *   not this store's
 * @person: (out) (transfer full): who
 * @made_at: (out) (transfer full): when (UTC, ISO 8601)
 *
 * Returns: whether the history tells who last changed the row (or the
 *   field), and when
 */
gboolean
kurs_store_get_last_change (KursStore   *self,
                            KursRecord  *record,
                            const char  *field,
                            gboolean     others_only,
                            char       **person,
                            char       **made_at)
{
  gboolean deleted;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (person != NULL && made_at != NULL, FALSE);

  return self->db != NULL && last_change_of (self, record, field, 0, others_only, person, made_at, NULL, &deleted);
}

/**
 * _kurs_store_check_undo:
 *
 * Whether @action (the store's own, committed as history line
 * action->log_id) may be taken back: not when another session has changed
 * one of its rows since.
 */
gboolean
_kurs_store_check_undo (KursStore   *self,
                        Action      *action,
                        const char  *verb,
                        GError     **error)
{
  g_autoptr(GHashTable) asked = g_hash_table_new (NULL, NULL);
  g_autofree char *person = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  gboolean deleted, found = FALSE;

  if (action->log_id <= 0)
    return TRUE;

  for (guint i = 0; !found && i < action->changes->len; i++)
    {
      Change *change = action->changes->pdata[i];

      if (!g_hash_table_add (asked, change->record))
        continue;
      if (g_hash_table_size (asked) > UNDO_ROWS_ASKED)
        break;
      if (last_change_of (self, change->record, NULL, action->log_id, TRUE, &person, &made_at, NULL, &deleted))
        {
          found = TRUE;
          name = kurs_store_get_record_name (self, change->record);
        }
    }

  /* Very many rows: whether anyone else changed the strategy since */
  if (!found && g_hash_table_size (asked) > UNDO_ROWS_ASKED)
    {
      KursDbStmt *stmt = _kurs_store_prepare_statement (self,
                                                        "SELECT person, made_at FROM history_action WHERE strategy_id = ?1 "
                                                        "AND id > ?2 AND session_id <> ?3 ORDER BY id DESC LIMIT 1", NULL);

      if (stmt != NULL)
        {
          kurs_db_bind_int64 (stmt, 1, _kurs_change_get_strategy (action->changes->pdata[0]));
          kurs_db_bind_int64 (stmt, 2, action->log_id);
          kurs_db_bind_text (stmt, 3, self->session_id, -1);
          if (kurs_db_step (stmt) == KURS_DB_ROW)
            {
              found = TRUE;
              person = g_strdup (kurs_db_column_text (stmt, 0, NULL));
              made_at = g_strdup (kurs_db_column_text (stmt, 1, NULL));
              name = g_strdup (_("the strategy"));
            }
          _kurs_store_finish (stmt);
        }
    }

  if (!found)
    return TRUE;

  when = kurs_history_format_time (made_at);
  /* TRANSLATORS: "“Change title” cannot be undone: Anna Jensen has changed
   * “Egen bolig” since (14:05)"; the first %s is the action's name, the
   * second says undone or redone */
  g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT,
               g_str_equal (verb, "undo") ? _("“%s” cannot be undone: %s has changed “%s” since (%s)")
                                          : _("“%s” cannot be redone: %s has changed “%s” since (%s)"),
               action->label, person, name, when);
  return FALSE;
}

/* Others' changes */

/* A row of a kind, as a key of a hash table (kurs-store-internal.h) */
guint
_kurs_row_key_hash (gconstpointer key)
{
  const KursRowKey *row = key;

  return g_int64_hash (&row->id) ^ (guint) row->entity;
}

gboolean
_kurs_row_key_equal (gconstpointer a,
                     gconstpointer b)
{
  const KursRowKey *x = a, *y = b;

  return x->entity == y->entity && x->id == y->id;
}

static void
add_row (GHashTable *rows,
         KursEntity  entity,
         gint64      id)
{
  KursRowKey *key = g_new (KursRowKey, 1);

  key->entity = entity;
  key->id = id;
  g_hash_table_add (rows, key);
}

/**
 * kurs_store_catch_up:
 *
 * Takes in what other Kurs (windows, commands) committed to the library
 * since this store last looked: each row they changed is read again, and
 * the store and its records say what changed, as for its own actions.
 * Nothing is done in the middle of an action.
 *
 * Returns: %FALSE with @error set if the library could not be read
 */
gboolean
kurs_store_catch_up (KursStore  *self,
                     GError    **error)
{
  g_autoptr(GHashTable) rows = NULL;
  KursDbStmt *stmt;
  KursDbStep rc;
  gboolean everything = FALSE;
  gint64 last_action = -1, version;
  guint mask = 0;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  if (self->db == NULL || self->depth > 0)
    return TRUE;

  /* A file no one else wrote: nothing to read */
  /* (a file's only: a server's is asked by its notification) */
  version = kurs_db_is_server (self->db) ? 0 : data_version (self, NULL);
  if (!kurs_db_is_server (self->db) && version == self->data_version)
    return TRUE;
  self->data_version = version;

  if (!(stmt = _kurs_store_prepare_statement (self,
                                              "SELECT a.id, a.session_id, a.n_changes, a.strategy_id, c.entity, c.row_id "
                                              "FROM history_action a LEFT JOIN history_change c ON c.action_id = a.id "
                                              "WHERE a.id > ?1 ORDER BY a.id, c.id", error)))
    return FALSE;

  rows = g_hash_table_new_full (_kurs_row_key_hash, _kurs_row_key_equal, g_free, NULL);
  kurs_db_bind_int64 (stmt, 1, self->seen_action);
  while ((rc = kurs_db_step (stmt)) == KURS_DB_ROW)
    {
      gint64 action_id = kurs_db_column_int64 (stmt, 0);
      const char *entity_name = kurs_db_column_text (stmt, 4, NULL);
      const KursEntityInfo *info = entity_name ? kurs_entity_info_by_name (entity_name) : NULL;

      self->seen_action = MAX (self->seen_action, action_id);
      if (g_strcmp0 (kurs_db_column_text (stmt, 1, NULL), self->session_id) == 0)
        continue;

      if (action_id != last_action)
        {
          last_action = action_id;
          if (kurs_db_column_int64 (stmt, 2) > LOG_MAX_CHANGES)
            everything = TRUE;
          /* every action marks its strategy modified */
          add_row (rows, KURS_ENTITY_STRATEGY, kurs_db_column_int64 (stmt, 3));
        }
      if (info != NULL)
        {
          add_row (rows, info->entity, kurs_db_column_int64 (stmt, 5));
          mask |= 1u << info->entity;
        }
    }
  _kurs_store_finish (stmt);
  if (rc != KURS_DB_DONE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library could not be read: %s"), kurs_db_errmsg (self->db));
      return FALSE;
    }

  if (everything)
    {
      /* read every row the store holds again */
      g_hash_table_remove_all (rows);
      for (guint e = 0; e < KURS_N_ENTITIES; e++)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, self->records[e]);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            add_row (rows, e, *(gint64 *) key);
        }
      mask = (1u << KURS_N_ENTITIES) - 1;
    }

  self->catching_up = TRUE;
  {
    GHashTableIter iter;
    KursRowKey *key;

    g_hash_table_iter_init (&iter, rows);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      {
        KursRecord *record = g_hash_table_lookup (self->records[key->entity], &key->id);

        if (record != NULL)
          {
            g_autoptr(KursRecord) kept = g_object_ref (record);

            if (!_kurs_store_refresh_record (self, kept, &mask, error))
              {
                self->catching_up = FALSE;
                return FALSE;
              }
          }
      }
  }

  if (mask != 0)
    _kurs_store_emit_changed (self, mask);
  self->catching_up = FALSE;
  _kurs_store_emit_others_wrote (self);
  return TRUE;
}

/**
 * kurs_store_is_catching_up:
 *
 * Returns: whether what the store says now is another Kurs's change
 *   (kurs_store_catch_up()), not one made here: an editor someone is
 *   typing in leaves it for when they are done
 */
gboolean
kurs_store_is_catching_up (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);

  return self->catching_up;
}

/**
 * kurs_store_get_revision:
 *
 * The library's revision as this store has taken it in: the last action
 * of its history that the store has seen, its own or another's.  What
 * the store's records show is at least this new; an editor keeps it with
 * the value it shows, to write over (kurs_store_set_from()).
 */
gint64
kurs_store_get_revision (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), 0);

  return self->seen_action;
}

/* Watching */

static gboolean
catch_up_cb (gpointer data)
{
  KursStore *self = data;
  g_autoptr(GError) error = NULL;

  self->watch_source = 0;
  if (self->depth > 0)
    {
      /* in the middle of an action: once it is done */
      self->watch_source = g_timeout_add (WATCH_DELAY_MS, catch_up_cb, self);
      return G_SOURCE_REMOVE;
    }
  if (!kurs_store_catch_up (self, &error))
    g_debug ("Could not take in others' changes: %s", error->message);
  return G_SOURCE_REMOVE;
}

static gboolean
catch_up_again_cb (gpointer data)
{
  KursStore *self = data;

  self->trailing_source = 0;
  if (self->watch_source == 0)
    catch_up_cb (self);
  return G_SOURCE_REMOVE;
}

/* At once, once the events already come are handled (the few events of
 * one commit are one look), and again a moment after the last: a file's
 * first event can come while the commit is still being written */
static void
schedule_catch_up (KursStore *self)
{
  if (self->watch_source == 0)
    self->watch_source = g_idle_add_full (G_PRIORITY_DEFAULT, catch_up_cb, self, NULL);
  g_clear_handle_id (&self->trailing_source, g_source_remove);
  self->trailing_source = g_timeout_add (WATCH_DELAY_MS, catch_up_again_cb, self);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 KursStore         *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_CREATED
      || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    schedule_catch_up (self);
}

static void watch_socket (KursStore *self);
static void leave (KursStore *self);

static void
set_connected (KursStore *self,
               gboolean   connected)
{
  if (self->disconnected == !connected)
    return;
  self->disconnected = !connected;
  _kurs_store_notify_connected (self);
}

static void
pinged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KursStore) self = user_data;

  self->pinging = FALSE;
  if (!kurs_db_ping_finish (result) || self->db == NULL || !self->watching)
    return;

  /* it answers: connected again at once, on the main loop */
  kurs_db_set_offline (self->db, FALSE);
  if (!kurs_db_reconnect (self->db))
    {
      kurs_db_set_offline (self->db, TRUE);
      return;
    }
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  watch_socket (self);
  set_connected (self, TRUE);
  schedule_catch_up (self);
}

/* Every few seconds while the server is away: asked in a thread whether it
 * answers, so that a host that does not cannot hold the window */
static gboolean
reconnect_cb (gpointer data)
{
  KursStore *self = data;

  if (self->db != NULL && !self->pinging)
    {
      self->pinging = TRUE;
      kurs_db_ping_async (self->db, pinged_cb, g_object_ref (self));
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
socket_cb (int           fd,
           GIOCondition  condition,
           gpointer      data)
{
  KursStore *self = data;
  int n = self->db ? kurs_db_take_notifications (self->db) : -1;

  if (n < 0 || (condition & (G_IO_HUP | G_IO_ERR)))
    {
      /* the server went away: nothing is tried on it meanwhile, and it is
       * asked now and then whether it is back */
      self->socket_source = 0;
      kurs_db_set_offline (self->db, TRUE);
      set_connected (self, FALSE);
      if (self->reconnect_source == 0)
        self->reconnect_source = g_timeout_add_seconds (RECONNECT_SECONDS, reconnect_cb, self);
      return G_SOURCE_REMOVE;
    }
  if (n > 0)
    schedule_catch_up (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_socket (KursStore *self)
{
  int fd = kurs_db_get_socket (self->db);

  g_clear_handle_id (&self->socket_source, g_source_remove);
  if (fd >= 0)
    self->socket_source = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, socket_cb, self);
}

/**
 * kurs_store_watch:
 *
 * Takes in others' changes as they are committed (kurs_store_catch_up()),
 * in the thread-default main context, until the store is closed: for a
 * window.  On a server, a lost connection is tried again every few
 * seconds, and #KursStore:connected says so meanwhile.
 */
void
kurs_store_watch (KursStore *self)
{
  g_return_if_fail (KURS_IS_STORE (self));

  if (self->watching || self->db == NULL)
    return;
  self->watching = TRUE;

  if (kurs_db_is_server (self->db))
    {
      /* (again on every connection after a lost one) */
      kurs_db_set_session (self->db, KURS_SERVER_SESSION "; LISTEN " NOTIFY_CHANNEL);
      watch_socket (self);
    }
  else
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      const char *paths[] = { self->path, wal };

      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
          GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);

          if (monitor == NULL)
            continue;
          /* (GIO says a file changed at most every 800 ms unless told) */
          g_file_monitor_set_rate_limit (monitor, WATCH_DELAY_MS);
          g_signal_connect_object (monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
          g_ptr_array_add (self->monitors, monitor);
        }
    }
  schedule_catch_up (self);
}

/* After the store's own statements: the server's notifications that came
 * with their answers are not on the socket any more */
void
_kurs_store_check_notifications (KursStore *self)
{
  if (self->socket_source != 0 && kurs_db_take_notifications (self->db) > 0)
    schedule_catch_up (self);
}

void
_kurs_store_unwatch (KursStore *self)
{
  leave (self);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_handle_id (&self->trailing_source, g_source_remove);
  g_clear_handle_id (&self->socket_source, g_source_remove);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  if (self->monitors != NULL)
    for (guint i = 0; i < self->monitors->len; i++)
      g_file_monitor_cancel (self->monitors->pdata[i]);
  g_ptr_array_set_size (self->monitors, 0);
  self->watching = FALSE;
}

/**
 * kurs_store_is_connected:
 *
 * Returns: %FALSE while a watched server library's connection is lost
 *   (kurs_store_watch()); %TRUE otherwise
 */
gboolean
kurs_store_is_connected (KursStore *self)
{
  g_return_val_if_fail (KURS_IS_STORE (self), TRUE);

  return !self->disconnected;
}

/* Presence: who has which strategy open.  Each watched store keeps a
 * line of its own fresh while a strategy is open in its window; a line
 * not refreshed for a while is someone gone (a Kurs that stopped without
 * saying so). */

#define PRESENCE_SECONDS 30
#define PRESENCE_GONE_SECONDS 90

static char *
timestamp_ago (int seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Written beside the actions, in a transaction of its own: not an action,
 * not in the history, not for undo; where it cannot be written (a
 * read-only file) the person is simply not shown to others */
static void
write_presence (KursStore *self)
{
  g_autofree char *now = _kurs_store_now_timestamp ();
  KursDbStmt *stmt;

  if (self->db == NULL || self->depth > 0 || self->disconnected
      || (self->read_only && self->access != KURS_STORE_ACCESS_READ_ONLY_ROLE))
    return;
  stmt = _kurs_store_prepare_statement (self, self->presence_strategy > 0
                                                ? "INSERT INTO presence (session_id, person, strategy_id, seen_at) "
                                                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id) DO UPDATE "
                                                  "SET strategy_id = excluded.strategy_id, seen_at = excluded.seen_at"
                                                : "DELETE FROM presence WHERE session_id = ?1", NULL);
  if (stmt == NULL)
    return;
  kurs_db_bind_text (stmt, 1, self->session_id, -1);
  if (self->presence_strategy > 0)
    {
      kurs_db_bind_text (stmt, 2, person_name (), -1);
      kurs_db_bind_int64 (stmt, 3, self->presence_strategy);
      kurs_db_bind_text (stmt, 4, now, -1);
    }
  if (kurs_db_step (stmt) != KURS_DB_DONE)
    g_debug ("Presence not written: %s", kurs_db_errmsg (self->db));
  _kurs_store_finish (stmt);
  if (kurs_db_is_server (self->db))
    _kurs_store_run_cached (self, "NOTIFY " NOTIFY_CHANNEL, NULL);
}

static gboolean
presence_cb (gpointer data)
{
  write_presence (data);
  return G_SOURCE_CONTINUE;
}

/**
 * kurs_store_set_presence:
 * @strategy_id: the strategy open in the window, 0 for none
 *
 * Tells the others (kurs_store_list_present()) which strategy the person
 * has open here, and keeps saying so until another is set or the store
 * is closed.
 */
void
kurs_store_set_presence (KursStore *self,
                         gint64     strategy_id)
{
  g_return_if_fail (KURS_IS_STORE (self));

  if (self->presence_strategy == strategy_id && (strategy_id == 0 || self->presence_source != 0))
    return;
  self->presence_strategy = strategy_id;
  write_presence (self);
  g_clear_handle_id (&self->presence_source, g_source_remove);
  if (strategy_id > 0)
    self->presence_source = g_timeout_add_seconds (PRESENCE_SECONDS, presence_cb, self);
}

/**
 * kurs_store_list_present:
 * @strategy_id: a strategy
 *
 * Returns: (transfer container) (element-type utf8): the names of the
 *   others who have the strategy open now, each once, by name
 */
GPtrArray *
kurs_store_list_present (KursStore *self,
                         gint64     strategy_id)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *since = timestamp_ago (PRESENCE_GONE_SECONDS);
  KursDbStmt *stmt;

  g_return_val_if_fail (KURS_IS_STORE (self), names);

  if (self->db == NULL
      || !(stmt = _kurs_store_prepare_statement (self,
                                                 "SELECT DISTINCT person FROM presence WHERE strategy_id = ?1 "
                                                 "AND seen_at >= ?2 AND session_id <> ?3 ORDER BY person", NULL)))
    return names;
  kurs_db_bind_int64 (stmt, 1, strategy_id);
  kurs_db_bind_text (stmt, 2, since, -1);
  kurs_db_bind_text (stmt, 3, self->session_id, -1);
  while (kurs_db_step (stmt) == KURS_DB_ROW)
    g_ptr_array_add (names, g_strdup (kurs_db_column_text (stmt, 0, NULL)));
  _kurs_store_finish (stmt);
  return names;
}

/* The store closes: the person is no longer here */
static void
leave (KursStore *self)
{
  g_clear_handle_id (&self->presence_source, g_source_remove);
  if (self->presence_strategy > 0)
    {
      self->presence_strategy = 0;
      write_presence (self);
    }
}

/* Reading the history */

/* A read of the history that failed */
static void
history_failed (KursStore  *self,
                GError    **error)
{
  g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
               _("The history could not be read: %s"), kurs_db_errmsg (self->db));
}

/* A page of a strategy's history: its actions as ?1 … ?4 take them */
static void
bind_page (KursDbStmt  *stmt,
           gint64       strategy_id,
           const char  *since,
           gint64       offset,
           gint64       limit)
{
  kurs_db_bind_int64 (stmt, 1, strategy_id);
  kurs_db_bind_text (stmt, 2, since ? since : "", -1);
  kurs_db_bind_int64 (stmt, 3, limit < 0 ? G_MAXINT64 : limit);
  kurs_db_bind_int64 (stmt, 4, offset);
}

static KursHistoryAction *
action_from_row (KursDbStmt *stmt)
{
  KursHistoryAction *action = g_new0 (KursHistoryAction, 1);

  action->id = kurs_db_column_int64 (stmt, 0);
  action->strategy_id = kurs_db_column_int64 (stmt, 1);
  action->made_at = g_strdup (kurs_db_column_text (stmt, 2, NULL));
  action->person = g_strdup (kurs_db_column_text (stmt, 3, NULL));
  action->label = g_strdup (kurs_db_column_text (stmt, 4, NULL));
  if (!kurs_history_kind_from_string (kurs_db_column_text (stmt, 5, NULL), &action->kind))
    action->kind = KURS_HISTORY_EDIT;
  action->n_changes = kurs_db_column_int64 (stmt, 6);
  return action;
}

/**
 * kurs_store_count_history:
 * @since: (nullable): only actions at or after this time (UTC, ISO 8601,
 *   or a date)
 *
 * Returns: how many actions the history has on the strategy, or -1 with
 *   @error set
 */
gint64
kurs_store_count_history (KursStore   *self,
                          gint64       strategy_id,
                          const char  *since,
                          GError     **error)
{
  KursDbStmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (KURS_IS_STORE (self), -1);

  /* (all of it is counted from the index alone) */
  if (!(stmt = _kurs_store_prepare_statement (self, since != NULL
                                                      ? "SELECT COUNT (*) FROM history_action WHERE strategy_id = ?1 "
                                                        "AND made_at >= ?2"
                                                      : "SELECT COUNT (*) FROM history_action WHERE strategy_id = ?1",
                                              error)))
    return -1;
  kurs_db_bind_int64 (stmt, 1, strategy_id);
  if (since != NULL)
    kurs_db_bind_text (stmt, 2, since, -1);
  if (kurs_db_step (stmt) == KURS_DB_ROW)
    count = kurs_db_column_int64 (stmt, 0);
  else
    history_failed (self, error);
  _kurs_store_finish (stmt);
  return count;
}

static KursHistoryChange *
change_from_row (KursDbStmt *stmt,
                 int         first)
{
  KursHistoryChange *change = g_new0 (KursHistoryChange, 1);

  change->entity = g_strdup (kurs_db_column_text (stmt, first, NULL));
  change->row_id = kurs_db_column_int64 (stmt, first + 1);
  change->row_name = g_strdup (kurs_db_column_text (stmt, first + 2, NULL));
  if (!kurs_history_change_kind_from_string (kurs_db_column_text (stmt, first + 3, NULL), &change->kind))
    change->kind = KURS_HISTORY_CHANGE_SET;
  change->field = g_strdup (kurs_db_column_text (stmt, first + 4, NULL));
  change->old_value = g_strdup (kurs_db_column_text (stmt, first + 5, NULL));
  change->new_value = g_strdup (kurs_db_column_text (stmt, first + 6, NULL));
  return change;
}

/* The changes of a page of actions, in one query */
static gboolean
read_changes_of (KursStore   *self,
                 GPtrArray   *actions,
                 gint64       strategy_id,
                 const char  *since,
                 gint64       offset,
                 gint64       limit,
                 GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  KursDbStmt *stmt;
  KursDbStep rc;

  for (guint i = 0; i < actions->len; i++)
    {
      KursHistoryAction *action = actions->pdata[i];

      g_clear_pointer (&action->changes, g_ptr_array_unref);
      action->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kurs_history_change_free);
      g_hash_table_insert (by_id, &action->id, action);
    }

  if (!(stmt = _kurs_store_prepare_statement (self,
                                              "SELECT action_id, entity, row_id, row_name, kind, field, old_value, "
                                              "new_value FROM history_change WHERE action_id IN (SELECT id FROM "
                                              "history_action WHERE strategy_id = ?1 AND made_at >= ?2 "
                                              "ORDER BY id DESC LIMIT ?3 OFFSET ?4) ORDER BY id", error)))
    return FALSE;
  bind_page (stmt, strategy_id, since, offset, limit);
  while ((rc = kurs_db_step (stmt)) == KURS_DB_ROW)
    {
      gint64 action_id = kurs_db_column_int64 (stmt, 0);
      KursHistoryAction *action = g_hash_table_lookup (by_id, &action_id);

      if (action != NULL)
        g_ptr_array_add (action->changes, change_from_row (stmt, 1));
    }
  _kurs_store_finish (stmt);
  if (rc != KURS_DB_DONE)
    {
      history_failed (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kurs_store_list_history:
 * @strategy_id: the strategy
 * @since: (nullable): only actions at or after this time (UTC, ISO 8601,
 *   or a date)
 * @offset: how many of the newest to pass over
 * @limit: at most this many; -1 for all
 * @with_changes: read each action's changes too, in one more query
 *
 * Returns: (transfer container) (element-type KursHistoryAction): the
 *   actions on the strategy, newest first; %NULL with @error set where
 *   the history could not be read
 */
GPtrArray *
kurs_store_list_history (KursStore   *self,
                         gint64       strategy_id,
                         const char  *since,
                         gint64       offset,
                         gint64       limit,
                         gboolean     with_changes,
                         GError     **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) kurs_history_action_free);
  KursDbStmt *stmt;
  KursDbStep rc;

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  if (!(stmt = _kurs_store_prepare_statement (self,
                                              "SELECT id, strategy_id, made_at, person, label, kind, n_changes "
                                              "FROM history_action WHERE strategy_id = ?1 AND made_at >= ?2 "
                                              "ORDER BY id DESC LIMIT ?3 OFFSET ?4", error)))
    return NULL;
  bind_page (stmt, strategy_id, since, offset, limit);
  while ((rc = kurs_db_step (stmt)) == KURS_DB_ROW)
    g_ptr_array_add (actions, action_from_row (stmt));
  _kurs_store_finish (stmt);
  if (rc != KURS_DB_DONE)
    {
      history_failed (self, error);
      return NULL;
    }

  if (with_changes && !read_changes_of (self, actions, strategy_id, since, offset, limit, error))
    return NULL;

  return g_steal_pointer (&actions);
}
