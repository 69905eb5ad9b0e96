/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-baseline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-approval.h"
#include "kurs-baseline.h"
#include "kurs-health.h"
#include "kurs-snapshot-private.h"

/**
 * KursBaseline:
 *
 * The action plans as the latest approved version planned them — each
 * plan's baseline — against the plans now: for each initiative, how far
 * its start and end have moved and what progress the baseline planned by
 * a given day; the initiatives added since, and those dropped.  Initiatives
 * are matched by uid, as versions are compared (kurs-comparison.c).  An
 * initiative's dates are its own or, where it has none, its plan's, as
 * the follow-up reckons them (kurs-health.c).
 */
struct _KursBaseline
{
  gint64        version;
  KursSnapshot *then;          /* the version, read once */
  GStringChunk *chunk;
  GPtrArray    *initiatives;   /* KursBaselineInitiative *, those in the plans now */
  GHashTable   *by_id;         /* row id → KursBaselineInitiative * */
  GPtrArray    *dropped;       /* KursBaselineInitiative * */
};

static KursDate
date_of (const KursSnapshotRow *row,
         guint                  field)
{
  KursDate date;

  if (row == NULL || row->texts[KURS_FIELD_INDEX (field)] == NULL
      || !kurs_date_parse (row->texts[KURS_FIELD_INDEX (field)], &date, NULL))
    return KURS_DATE_NONE;
  return date;
}

/* An initiative's start and end: its own, or its plan's */
static void
dates_of (const KursSnapshotRow *initiative,
          KursDate              *start,
          KursDate              *end)
{
  *start = date_of (initiative, KURS_FIELD_INITIATIVE_START_DATE);
  if (*start == KURS_DATE_NONE)
    *start = date_of (initiative->owner, KURS_FIELD_ACTION_PLAN_START_DATE);
  *end = date_of (initiative, KURS_FIELD_INITIATIVE_END_DATE);
  if (*end == KURS_DATE_NONE)
    *end = date_of (initiative->owner, KURS_FIELD_ACTION_PLAN_END_DATE);
}

static int
moved (KursDate then,
       KursDate now)
{
  return then != KURS_DATE_NONE && now != KURS_DATE_NONE ? (int) now - (int) then : 0;
}

static KursBaselineInitiative *
entry_new (KursBaseline          *self,
           KursSnapshot          *snap,
           const KursSnapshotRow *row)
{
  KursBaselineInitiative *entry = g_new0 (KursBaselineInitiative, 1);

  entry->uid = row->uid;
  entry->title = g_string_chunk_insert_const (self->chunk, kurs_snapshot_row_title (snap, row));
  if (row->owner != NULL)
    entry->plan_title = g_string_chunk_insert_const (self->chunk, kurs_snapshot_row_title (snap, row->owner));
  entry->baseline_start = entry->baseline_end = KURS_DATE_NONE;
  return entry;
}

/**
 * kurs_baseline_new:
 * @today: the day to reckon the planned progress by
 *
 * Returns: (transfer full) (nullable): the baseline; %NULL when the
 *   strategy has no approved version (without @error), or with @error set
 *   when the library could not be read
 */
KursBaseline *
kurs_baseline_new (KursStore   *store,
                   KursRecord  *strategy,
                   KursDate     today,
                   GError     **error)
{
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(KursBaseline) self = NULL;
  const char *text;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  if ((version = kurs_approval_get_version (store, strategy, 0)) == NULL)
    return NULL;

  self = g_new0 (KursBaseline, 1);
  self->version = kurs_record_get_int (version, "number");
  self->chunk = g_string_chunk_new (4096);
  self->initiatives = g_ptr_array_new_with_free_func (g_free);
  self->dropped = g_ptr_array_new_with_free_func (g_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (!(text = kurs_approval_get_version_text (version, error))
      || !(self->then = kurs_snapshot_new_from_xml (text, error))
      || !kurs_baseline_refresh (self, store, strategy, today, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * kurs_baseline_refresh:
 *
 * Reads the plans now again, after they changed: the baseline itself, its
 * version, is read once.
 *
 * Returns: %FALSE with @error set when the library could not be read
 */
gboolean
kurs_baseline_refresh (KursBaseline  *self,
                       KursStore     *store,
                       KursRecord    *strategy,
                       KursDate       today,
                       GError       **error)
{
  KursSnapshot *then = self->then;
  g_autoptr(KursSnapshot) now = NULL;

  now = kurs_snapshot_new_from_store (store, strategy,
                                      (1u << KURS_ENTITY_ACTION_PLAN) | (1u << KURS_ENTITY_INITIATIVE), error);
  if (now == NULL)
    return FALSE;

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->initiatives, 0);
  g_ptr_array_set_size (self->dropped, 0);
  g_string_chunk_clear (self->chunk);

  for (guint i = 0; i < now->rows[KURS_ENTITY_INITIATIVE]->len; i++)
    {
      const KursSnapshotRow *row = now->rows[KURS_ENTITY_INITIATIVE]->pdata[i];
      const KursSnapshotRow *base = kurs_snapshot_lookup (then, KURS_ENTITY_INITIATIVE, row->uid);
      KursBaselineInitiative *entry = entry_new (self, now, row);
      KursDate start, end;

      entry->row_id = row->row_id;
      entry->plan_row_id = row->owner ? row->owner->row_id : 0;
      if (base != NULL && kurs_snapshot_lookup (now, KURS_ENTITY_INITIATIVE, row->uid) == row)
        {
          entry->in_baseline = TRUE;
          dates_of (base, &entry->baseline_start, &entry->baseline_end);
          dates_of (row, &start, &end);
          entry->start_moved = moved (entry->baseline_start, start);
          entry->end_moved = moved (entry->baseline_end, end);
          entry->planned = kurs_health_expected_progress (entry->baseline_start, entry->baseline_end, today);
        }
      g_ptr_array_add (self->initiatives, entry);
      g_hash_table_insert (self->by_id, &entry->row_id, entry);
    }

  for (guint i = 0; i < then->rows[KURS_ENTITY_INITIATIVE]->len; i++)
    {
      const KursSnapshotRow *row = then->rows[KURS_ENTITY_INITIATIVE]->pdata[i];
      const KursSnapshotRow *plan_now = row->owner ? kurs_snapshot_lookup (now, KURS_ENTITY_ACTION_PLAN,
                                                                           row->owner->uid) : NULL;
      KursBaselineInitiative *entry;

      if (kurs_snapshot_lookup (now, KURS_ENTITY_INITIATIVE, row->uid) != NULL)
        continue;
      entry = entry_new (self, then, row);
      entry->in_baseline = TRUE;
      entry->plan_row_id = plan_now ? plan_now->row_id : 0;
      dates_of (row, &entry->baseline_start, &entry->baseline_end);
      entry->planned = kurs_health_expected_progress (entry->baseline_start, entry->baseline_end, today);
      g_ptr_array_add (self->dropped, entry);
    }

  return TRUE;
}

/**
 * kurs_baseline_update:
 * @baseline: (inout) (nullable): the baseline kept, or %NULL
 *
 * Brings a kept baseline up to date, or makes it where there is none:
 * for a view that shows it as the plans change.  After an approval, drop
 * the one kept first: the new version is the new baseline.
 *
 * Returns: %FALSE with @error set when the library could not be read
 *   (*@baseline is %NULL then); %TRUE otherwise, *@baseline %NULL for a
 *   strategy never approved
 */
gboolean
kurs_baseline_update (KursBaseline **baseline,
                      KursStore     *store,
                      KursRecord    *strategy,
                      KursDate       today,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (baseline != NULL, FALSE);

  if (*baseline != NULL)
    {
      if (kurs_baseline_refresh (*baseline, store, strategy, today, error))
        return TRUE;
      g_clear_pointer (baseline, kurs_baseline_free);
      return FALSE;
    }

  *baseline = kurs_baseline_new (store, strategy, today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
kurs_baseline_free (KursBaseline *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  kurs_snapshot_free (self->then);
  g_ptr_array_unref (self->initiatives);
  g_ptr_array_unref (self->dropped);
  g_string_chunk_free (self->chunk);
  g_free (self);
}

/* The number of the approved version that is the baseline */
gint64
kurs_baseline_get_version (const KursBaseline *self)
{
  return self->version;
}

/**
 * kurs_baseline_find:
 * @initiative_id: an initiative in the library now
 *
 * Returns: (transfer none) (nullable): how it stands against the
 *   baseline; NULL for an initiative not of this strategy
 */
const KursBaselineInitiative *
kurs_baseline_find (const KursBaseline *self,
                    gint64              initiative_id)
{
  return g_hash_table_lookup (self->by_id, &initiative_id);
}

/**
 * kurs_baseline_get_dropped:
 * @plan_id: an action plan in the library now, or 0 for all
 *
 * Returns: (transfer container) (element-type KursBaselineInitiative): the
 *   initiatives the baseline had in the plan that are gone, in the
 *   baseline's order
 */
GPtrArray *
kurs_baseline_get_dropped (KursBaseline *self,
                           gint64        plan_id)
{
  GPtrArray *dropped = g_ptr_array_new ();

  for (guint i = 0; i < self->dropped->len; i++)
    {
      KursBaselineInitiative *entry = self->dropped->pdata[i];

      if (plan_id == 0 || entry->plan_row_id == plan_id)
        g_ptr_array_add (dropped, entry);
    }
  return dropped;
}

static int
by_slip (gconstpointer a,
         gconstpointer b)
{
  const KursBaselineInitiative *x = *(KursBaselineInitiative * const *) a;
  const KursBaselineInitiative *y = *(KursBaselineInitiative * const *) b;

  if (x->end_moved != y->end_moved)
    return x->end_moved > y->end_moved ? -1 : 1;
  if (x->start_moved != y->start_moved)
    return x->start_moved > y->start_moved ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/**
 * kurs_baseline_get_slipped:
 * @limit: the most to give, 0 for all
 *
 * Returns: (transfer container) (element-type KursBaselineInitiative): the
 *   initiatives whose end has moved later since the baseline, those moved
 *   most first
 */
GPtrArray *
kurs_baseline_get_slipped (KursBaseline *self,
                           guint         limit)
{
  GPtrArray *slipped = g_ptr_array_new ();

  for (guint i = 0; i < self->initiatives->len; i++)
    {
      KursBaselineInitiative *entry = self->initiatives->pdata[i];

      if (entry->in_baseline && entry->end_moved > 0)
        g_ptr_array_add (slipped, entry);
    }
  g_ptr_array_sort (slipped, by_slip);
  if (limit > 0 && slipped->len > limit)
    g_ptr_array_set_size (slipped, limit);
  return slipped;
}

/* "starts 14 days later", "ends 3 days earlier" */
static char *
start_moved (int days)
{
  guint n = ABS (days);

  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "starts %u day later", "starts %u days later", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "starts %u day earlier", "starts %u days earlier", n), n);
}

static char *
end_moved (int days)
{
  guint n = ABS (days);

  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "ends %u day later", "ends %u days later", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "ends %u day earlier", "ends %u days earlier", n), n);
}

/**
 * kurs_baseline_describe:
 * @version: the baseline's version number
 * @progress: the initiative's progress now, or -1 to leave it out
 *
 * Returns: (transfer full): how it has moved since the baseline, for
 *   people: "Ends 30 days later than in version 1; 40 % done, 60 %
 *   planned by now"
 */
char *
kurs_baseline_describe (const KursBaselineInitiative *initiative,
                        gint64                        version,
                        int                           progress)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *moves = NULL;

  if (!initiative->in_baseline)
    return g_strdup_printf (_("New since version %d"), (int) version);
  if (initiative->row_id == 0)
    return g_strdup_printf (_("Dropped since version %d"), (int) version);

  if (initiative->start_moved != 0)
    g_ptr_array_add (parts, start_moved (initiative->start_moved));
  if (initiative->end_moved != 0)
    g_ptr_array_add (parts, end_moved (initiative->end_moved));
  g_ptr_array_add (parts, NULL);

  if (parts->len > 1)
    {
      g_autofree char *joined = g_strjoinv (_(" and "), (char **) parts->pdata);

      /* TRANSLATORS: "Since version 1 it ends 30 days later" */
      moves = g_strdup_printf (_("Since version %d it %s"), (int) version, joined);
    }
  else
    moves = g_strdup_printf (_("Dates as in version %d"), (int) version);

  if (progress < 0)
    return g_steal_pointer (&moves);
  /* TRANSLATORS: "Dates as in version 1; 40 % done, 60 % planned by now" */
  return g_strdup_printf (_("%s; %d %% done, %d %% planned by now"), moves, progress, initiative->planned);
}
