/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-approval.h"
#include "kurs-comparison.h"
#include "kurs-date.h"
#include "kurs-snapshot-private.h"

/**
 * KursComparison:
 *
 * What changed between two states of a strategy: two approved versions,
 * or a version and the draft.  Each side is read into a snapshot — an
 * approved version from its frozen XML, the draft from the library's rows
 * with the fields the XML has, in the same text forms — and rows are
 * matched by their uid (kurs_record_get_uid()), never by title or place:
 * a renamed goal is changed, a sub-goal under another goal is moved.
 *
 * How a row keeps its uid: the store gives a new row one and keeps it
 * through edits, moves and undo; approving freezes the rows' XML with
 * their uids; an import keeps the file's uids, a copy's too (the copy's
 * versions are written anew from its rows, which have the same ones), and
 * numbers the rows of a file from before uids 1, 2, 3… per kind in
 * document order — as kurs-snapshot.c reads such a version, and as
 * migration 3 numbered a library's rows.  A library copied to another
 * (a server's, one day) keeps them: they are a column like any other.
 *
 * A uid that a side has twice (a hand-edited file) matches once; the
 * other row is told as added or removed.
 */

struct _KursComparison
{
  gint64        from;
  gint64        to;
  GStringChunk *chunk;
  GArray       *changes;     /* KursChange */
  GPtrArray    *fields;      /* KursFieldChange arrays */
};

/* Comparing */

typedef struct {
  KursChange change;
  guint      order;       /* where it is told: the newer side's order */
  guint      after;       /* a removed row: after the row it followed */
} Entry;

static const char *
keep (KursComparison *self,
      const char     *text)
{
  return text ? g_string_chunk_insert_const (self->chunk, text) : NULL;
}

/* A field's value as told: a reference as the named row's title */
static const char *
told_value (KursComparison        *self,
            KursSnapshot          *snap,
            const KursSnapshotRow *row,
            guint                  field)
{
  if (kurs_entity_info (row->entity)->fields[field].type == KURS_FIELD_REF)
    {
      KursSnapshotRow *named = kurs_snapshot_named_row (snap, row, field);

      return named ? keep (self, kurs_snapshot_row_title (snap, named)) : NULL;
    }
  return keep (self, row->texts[field]);
}

static guint
count_owned (const KursSnapshotRow *row)
{
  guint n = 0;

  if (row->owned != NULL)
    for (guint i = 0; i < row->owned->len; i++)
      n += 1 + count_owned (row->owned->pdata[i]);
  return n;
}

static void
compare_fields (KursComparison        *self,
                KursSnapshot          *older,
                KursSnapshot          *newer,
                const KursSnapshotRow *old_row,
                const KursSnapshotRow *new_row,
                GArray                *fields)
{
  const KursEntityInfo *info = kurs_entity_info (new_row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      KursFieldChange field;
      const char *before, *after;

      if (!kurs_snapshot_is_compared_field (new_row->entity, i))
        continue;
      if (info->fields[i].type == KURS_FIELD_REF)
        {
          /* the same row named, whatever its title now */
          KursSnapshotRow *a = kurs_snapshot_named_row (older, old_row, i);
          KursSnapshotRow *b = kurs_snapshot_named_row (newer, new_row, i);

          if ((a ? a->uid : 0) == (b ? b->uid : 0))
            continue;
        }
      else if (g_strcmp0 (old_row->texts[i], new_row->texts[i]) == 0)
        continue;

      before = told_value (self, older, old_row, i);
      after = told_value (self, newer, new_row, i);
      field = (KursFieldChange) { i, before, after };
      g_array_append_val (fields, field);
    }
}

static void
add_entry (KursComparison        *self,
           GArray                *entries,
           KursChangeKind         kind,
           KursSnapshot          *snap,
           const KursSnapshotRow *row,
           const KursSnapshotRow *old_owner_row,
           KursSnapshot          *older,
           GArray                *fields,
           guint                  order,
           guint                  after)
{
  Entry entry = { { 0 } };

  entry.change.kind = kind;
  entry.change.section = kurs_section_of_entity (row->entity);
  entry.change.entity = row->entity;
  entry.change.uid = row->uid;
  entry.change.row_id = kind == KURS_CHANGE_REMOVED ? 0 : row->row_id;
  entry.change.title = keep (self, kurs_snapshot_row_title (snap, row));
  entry.change.owner = row->owner ? keep (self, kurs_snapshot_row_title (snap, row->owner)) : NULL;
  entry.change.old_owner = old_owner_row ? keep (self, kurs_snapshot_row_title (older, old_owner_row)) : NULL;
  if (fields != NULL && fields->len > 0)
    {
      entry.change.n_fields = fields->len;
      entry.change.fields = g_memdup2 (fields->data, fields->len * sizeof (KursFieldChange));
      g_ptr_array_add (self->fields, (gpointer) entry.change.fields);
    }
  if (kind == KURS_CHANGE_ADDED || kind == KURS_CHANGE_REMOVED)
    entry.change.n_owned = count_owned (row);
  entry.order = order;
  entry.after = after;
  g_array_append_val (entries, entry);
}

static gboolean
owner_matches (const KursSnapshotRow *old_row,
               const KursSnapshotRow *new_row)
{
  if (old_row->owner == NULL || new_row->owner == NULL)
    return old_row->owner == new_row->owner;
  return old_row->owner->uid == new_row->owner->uid;
}

/* Is @row's owner, or its owner's, new (or gone), so that @row is told
 * with it? */
static gboolean
owner_unmatched (KursSnapshot          *other,
                 const KursSnapshotRow *row)
{
  for (const KursSnapshotRow *owner = row->owner; owner != NULL; owner = owner->owner)
    if (kurs_snapshot_lookup (other, owner->entity, owner->uid) == NULL)
      return TRUE;
  return FALSE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->change.section != y->change.section)
    return x->change.section < y->change.section ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->after < y->after ? -1 : x->after > y->after;
}

static void
compare (KursComparison *self,
         KursSnapshot   *older,
         KursSnapshot   *newer)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (KursFieldChange));
  g_autoptr(GPtrArray) old_in_order = g_ptr_array_new ();
  guint last_matched = 0;
  guint n_old = 0;

  /* the strategy's own fields */
  compare_fields (self, older, newer, older->strategy, newer->strategy, fields);
  if (fields->len > 0)
    add_entry (self, entries, KURS_CHANGE_CHANGED, newer, newer->strategy, NULL, older, fields, 0, 0);

  /* rows there now: new, moved or changed */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < newer->rows[e]->len; i++)
      {
        KursSnapshotRow *row = newer->rows[e]->pdata[i];
        KursSnapshotRow *old = kurs_snapshot_lookup (older, e, row->uid);
        gboolean moved;

        if (old != NULL && kurs_snapshot_lookup (newer, e, row->uid) != row)
          old = NULL;   /* a second row with the uid */

        if (old == NULL)
          {
            if (!owner_unmatched (older, row))
              add_entry (self, entries, KURS_CHANGE_ADDED, newer, row, NULL, older, NULL, row->order + 1, 0);
            continue;
          }

        g_array_set_size (fields, 0);
        compare_fields (self, older, newer, old, row, fields);
        moved = !owner_matches (old, row);
        if (moved || fields->len > 0)
          add_entry (self, entries, moved ? KURS_CHANGE_MOVED : KURS_CHANGE_CHANGED, newer, row,
                     moved ? old->owner : NULL, older, fields, row->order + 1, 0);
      }

  /* rows gone, in the older side's document order: each told after the
   * row it followed that is still there */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    n_old += older->rows[e]->len;
  g_ptr_array_set_size (old_in_order, n_old);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < older->rows[e]->len; i++)
      {
        KursSnapshotRow *row = older->rows[e]->pdata[i];

        old_in_order->pdata[row->order] = row;
      }
  for (guint i = 0; i < old_in_order->len; i++)
    {
      KursSnapshotRow *row = old_in_order->pdata[i];
      KursSnapshotRow *now;

      if (row == NULL)
        continue;
      now = kurs_snapshot_lookup (newer, row->entity, row->uid);

      if (now != NULL && kurs_snapshot_lookup (older, row->entity, row->uid) == row)
        {
          last_matched = now->order + 1;
          continue;
        }
      if (!owner_unmatched (newer, row))
        add_entry (self, entries, KURS_CHANGE_REMOVED, older, row, NULL, older, NULL, last_matched, i + 1);
    }

  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (self->changes, g_array_index (entries, Entry, i).change);
}

static KursComparison *
comparison_new (gint64 from,
                gint64 to)
{
  KursComparison *self = g_new0 (KursComparison, 1);

  self->from = from;
  self->to = to;
  self->chunk = g_string_chunk_new (16 * 1024);
  self->changes = g_array_new (FALSE, FALSE, sizeof (KursChange));
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/**
 * kurs_comparison_new_from_xml:
 * @old_xml: a strategy's XML, as Kurs writes it
 * @new_xml: another state of the same strategy
 *
 * Returns: (transfer full): what changed, or %NULL with @error set (a
 *   file that is not XML)
 */
KursComparison *
kurs_comparison_new_from_xml (const char  *old_xml,
                              const char  *new_xml,
                              GError     **error)
{
  g_autoptr(KursSnapshot) older = NULL;
  g_autoptr(KursSnapshot) newer = NULL;
  KursComparison *self;

  g_return_val_if_fail (old_xml != NULL && new_xml != NULL, NULL);

  if (!(older = kurs_snapshot_new_from_xml (old_xml, error)) || !(newer = kurs_snapshot_new_from_xml (new_xml, error)))
    return NULL;

  self = comparison_new (0, 0);
  compare (self, older, newer);
  return self;
}

/* The approved version @number (0: the latest), or NULL with @error set */
static KursRecord *
find_version (KursStore   *store,
              KursRecord  *strategy,
              gint64       number,
              GError     **error)
{
  KursRecord *version = kurs_approval_get_version (store, strategy, number);

  if (version == NULL && number == 0)
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                 _("“%s” has no approved version to compare with"), kurs_record_get_title (strategy));
  else if (version == NULL)
    g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                 _("“%s” has no approved version %d"), kurs_record_get_title (strategy), (int) number);
  return version;
}

static KursSnapshot *
snapshot_of_version (KursStore   *store,
                     KursRecord  *strategy,
                     gint64       number,
                     GError     **error)
{
  g_autoptr(KursRecord) version = find_version (store, strategy, number, error);
  const char *text = version ? kurs_approval_get_version_text (version, error) : NULL;

  return text ? kurs_snapshot_new_from_xml (text, error) : NULL;
}

typedef struct {
  const char *xml;
  GError     *error;
} ReadOlder;

static gpointer
read_older (gpointer data)
{
  ReadOlder *reading = data;

  return kurs_snapshot_new_from_xml (reading->xml, &reading->error);
}

/**
 * kurs_comparison_new:
 * @from_version: the older side: a version number, or 0 for the latest
 * @to_version: the newer side: a version number, or
 *   %KURS_COMPARISON_DRAFT for the draft
 *
 * Compares two states of @strategy.
 *
 * Returns: (transfer full): what changed, or %NULL with @error set (no
 *   such version; the library could not be read)
 */
KursComparison *
kurs_comparison_new (KursStore   *store,
                     KursRecord  *strategy,
                     gint64       from_version,
                     gint64       to_version,
                     GError     **error)
{
  g_autoptr(KursSnapshot) older = NULL;
  g_autoptr(KursSnapshot) newer = NULL;
  g_autoptr(KursRecord) from = NULL;
  ReadOlder reading = { NULL, NULL };
  GThread *reader;
  KursComparison *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  if (!(from = find_version (store, strategy, from_version, error)))
    return NULL;
  from_version = kurs_record_get_int (from, "number");

  /* the older side's XML is read in a thread of its own while this one
   * reads the newer side, which is mostly the library's rows */
  if (!(reading.xml = kurs_approval_get_version_text (from, error)))
    return NULL;
  reader = g_thread_new ("kurs-compare-read", read_older, &reading);
  if (to_version == KURS_COMPARISON_DRAFT)
    newer = kurs_snapshot_new_from_store (store, strategy, 0, error);
  else
    newer = snapshot_of_version (store, strategy, to_version, error);
  older = g_thread_join (reader);
  if (newer == NULL)
    {
      g_clear_error (&reading.error);
      return NULL;
    }
  if (older == NULL)
    {
      g_propagate_error (error, reading.error);
      return NULL;
    }

  self = comparison_new (from_version, to_version);
  compare (self, older, newer);
  return self;
}

typedef struct {
  gint64 from;
  gint64 to;
} Sides;

static gpointer
compare_in_thread (KursStore   *store,
                   KursRecord  *strategy,
                   gpointer     data,
                   GError     **error)
{
  Sides *sides = data;

  return kurs_comparison_new (store, strategy, sides->from, sides->to, error);
}

/**
 * kurs_comparison_new_async:
 * @path: the library's file
 *
 * Compares as kurs_comparison_new() does, in a thread, on a connection
 * of its own: for a window, which goes on meanwhile.
 */
void
kurs_comparison_new_async (const char          *path,
                           KursRecord          *strategy,
                           gint64               from_version,
                           gint64               to_version,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Sides *sides = g_new (Sides, 1);

  sides->from = from_version;
  sides->to = to_version;
  kurs_store_read_strategy_async (path, strategy, compare_in_thread, sides, g_free,
                                  (GDestroyNotify) kurs_comparison_free, kurs_comparison_new_async,
                                  cancellable, callback, user_data);
}

KursComparison *
kurs_comparison_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  return kurs_store_read_strategy_finish (result, kurs_comparison_new_async, error);
}

void
kurs_comparison_free (KursComparison *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->changes);
  g_ptr_array_unref (self->fields);
  g_string_chunk_free (self->chunk);
  g_free (self);
}

/* The older side's version number */
gint64
kurs_comparison_get_from (KursComparison *self)
{
  return self->from;
}

/* The newer side's version number, or %KURS_COMPARISON_DRAFT */
gint64
kurs_comparison_get_to (KursComparison *self)
{
  return self->to;
}

guint
kurs_comparison_get_n_changes (KursComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

/**
 * kurs_comparison_get_change:
 *
 * The changes come section by section, and within a section in the order
 * of the newer side's document, a removed row after the row it followed.
 *
 * Returns: (transfer none): the change
 */
const KursChange *
kurs_comparison_get_change (KursComparison *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);

  return &g_array_index (self->changes, KursChange, index);
}

/* Is @field a text told by its words (kurs_word_diff()), not old → new? */
gboolean
kurs_comparison_is_long_text (const KursChange      *change,
                              const KursFieldChange *field)
{
  return (kurs_entity_info (change->entity)->fields[field->field].flags & KURS_FIELD_LONG) != 0;
}

KursSection
kurs_section_of_entity (KursEntity entity)
{
  switch (entity)
    {
    case KURS_ENTITY_TARGET_GROUP:
      return KURS_SECTION_TARGET_GROUPS;
    case KURS_ENTITY_FOCUS_AREA:
    case KURS_ENTITY_BEARING:
    case KURS_ENTITY_GOAL:
    case KURS_ENTITY_SUBGOAL:
      return KURS_SECTION_GOALS;
    case KURS_ENTITY_INDICATOR:
    case KURS_ENTITY_MEASUREMENT:
      return KURS_SECTION_INDICATORS;
    case KURS_ENTITY_ACTION_PLAN:
    case KURS_ENTITY_INITIATIVE:
    case KURS_ENTITY_INITIATIVE_GOAL:
    case KURS_ENTITY_COURSE_CORRECTION:
      return KURS_SECTION_ACTION_PLANS;
    case KURS_ENTITY_MILESTONE:
    case KURS_ENTITY_WORKSHOP_OUTPUT:
    case KURS_ENTITY_OUTPUT_GOAL:
    case KURS_ENTITY_HEARING_ROUND:
    case KURS_ENTITY_HEARING_PARTY:
      return KURS_SECTION_PROCESS;
    case KURS_ENTITY_STAKEHOLDER:
    case KURS_ENTITY_INVOLVEMENT:
      return KURS_SECTION_STAKEHOLDERS;
    default:
      return KURS_SECTION_VISION;
    }
}

/* The section's heading, translated */
const char *
kurs_section_get_label (KursSection section)
{
  static const char *labels[KURS_N_SECTIONS] = {
    N_("Vision and Basis"),
    N_("Target Groups"),
    N_("Goals"),
    N_("Indicators"),
    N_("Action Plans"),
    N_("Process"),
    N_("Stakeholders"),
  };

  g_return_val_if_fail (section < KURS_N_SECTIONS, NULL);
  return _(labels[section]);
}

/* "added", "removed", "changed", "moved": for scripts, never translated */
const char *
kurs_change_kind_to_nick (KursChangeKind kind)
{
  static const char *nicks[] = { "added", "removed", "changed", "moved" };

  g_return_val_if_fail (kind <= KURS_CHANGE_MOVED, NULL);
  return nicks[kind];
}

/**
 * kurs_comparison_format_value:
 * @field: a field of @change
 * @text: (nullable): one of its values (old or new)
 *
 * The value as people read it: a choice by its label, a date written out,
 * a truth as yes or no; "(none)" for no value.
 *
 * Returns: (transfer full): the text, translated
 */
char *
kurs_comparison_format_value (const KursChange      *change,
                              const KursFieldChange *field,
                              const char            *text)
{
  return kurs_field_format_for_people (&kurs_entity_info (change->entity)->fields[field->field], text);
}

/* "Added", "Removed", "Changed", "Moved", translated */
const char *
kurs_change_kind_get_label (KursChangeKind kind)
{
  static const char *labels[] = { N_("Added"), N_("Removed"), N_("Changed"), N_("Moved") };

  g_return_val_if_fail (kind <= KURS_CHANGE_MOVED, NULL);
  return _(labels[kind]);
}

/* The field's name for people; a record's naming line is "Title" or
 * "Name", its kind being said beside it */
const char *
kurs_comparison_field_label (const KursChange      *change,
                             const KursFieldChange *field)
{
  const KursField *info = &kurs_entity_info (change->entity)->fields[field->field];

  if (g_str_equal (info->name, "title"))
    return _("Title");
  if (g_str_equal (info->name, "name"))
    return _("Name");
  return kurs_field_get_label (info);
}
