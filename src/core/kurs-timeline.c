/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-hearing.h"
#include "kurs-milestone.h"
#include "kurs-recurrence.h"
#include "kurs-row-reader.h"
#include "kurs-timeline.h"

/**
 * KursTimeline:
 *
 * What the timeline of one strategy shows, read from the store: each
 * milestone occurrence, hearing round, action plan, initiative and course
 * correction as an item with its days, lane and row.  It follows the store:
 * any change to those rows rebuilds it and emits "changed".  The drawing is
 * someone else's business (KursTimelineView); the items are packed into
 * rows here so that it can be tested without one.
 */
/* The items packed into rows for one min_days.  Packings are kept until
 * the items change, so that zooming back and forth does not pack again. */
typedef struct {
  guint      min_days;
  guint     *item_rows;                 /* each item's row in its lane */
  guint      n_rows[KURS_N_LANES];
  GPtrArray *rows[KURS_N_LANES];        /* GArray of guint: items by start */
} Packing;

#define MAX_PACKINGS 16

static void
packing_free (Packing *packing)
{
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    g_ptr_array_unref (packing->rows[lane]);
  g_free (packing->item_rows);
  g_free (packing);
}

struct _KursTimeline
{
  GObject      parent_instance;

  KursStore   *store;
  KursRecord  *strategy;
  gulong       changed_id;

  KursDate     today;
  KursDate     first;
  KursDate     last;

  GArray      *items;           /* KursTimelineItem, their texts in… */
  GStringChunk *texts;          /* …this */
  GArray      *spans;           /* KursSpan, parallel to items */

  guint        min_days;
  GArray      *order[KURS_N_LANES][2];  /* guint: a lane's two groups of items, by start */
  GPtrArray   *packings;         /* Packing, one per min_days asked for */
  Packing     *packing;          /* the one at min_days */

  guint        hidden;
  char        *committee;
  char        *owner;
};

G_DEFINE_FINAL_TYPE (KursTimeline, kurs_timeline, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define WATCHED ((1u << KURS_ENTITY_MILESTONE) | \
                 (1u << KURS_ENTITY_HEARING_ROUND) | (1u << KURS_ENTITY_HEARING_PARTY) | \
                 (1u << KURS_ENTITY_ACTION_PLAN) | (1u << KURS_ENTITY_INITIATIVE) | \
                 (1u << KURS_ENTITY_COURSE_CORRECTION))

static gboolean
is_data_kind (int kind)
{
  return kind == KURS_MILESTONE_DATA_RELEASE || kind == KURS_MILESTONE_STATUS_REVIEW ||
         kind == KURS_MILESTONE_EVALUATION;
}

static gboolean
text_matches (const char *text,
              const char *wanted)
{
  return wanted == NULL || g_strcmp0 (text, wanted) == 0;
}

/* The items are read from the rows' fields (KursRowReader), not from a
 * record of each: the timeline of a large library holds 100,000 items,
 * and a record of each would be most of its memory and of its time to
 * open.  KursTimelineItem keeps its row's id; kurs_timeline_get_record()
 * gives the record itself, for the one item a person acts on. */
static KursTimelineItem *
add_item (KursTimeline     *self,
          KursTimelineKind  kind,
          gint64            id,
          const char       *title,
          KursLane          lane,
          KursDate          start,
          KursDate          end,
          guint             flags)
{
  KursTimelineItem item = { 0 };
  KursSpan span = { start, MAX (end, start) };

  item.id = id;
  item.title = g_string_chunk_insert (self->texts, title != NULL ? title : "");
  item.kind = kind;
  item.lane = lane;
  item.flags = flags;
  g_array_append_val (self->items, item);
  g_array_append_val (self->spans, span);

  return &g_array_index (self->items, KursTimelineItem, self->items->len - 1);
}

/* A detail many items share (a committee, an owner) is kept once */
static const char *
keep_detail (KursTimeline *self,
             const char   *text)
{
  return text != NULL && *text != '\0' ? g_string_chunk_insert_const (self->texts, text) : NULL;
}

/* Milestones and initiatives are many, and read in whatever order is
 * quickest; their items are then put in the order the schema lists them
 * ("start_date, id"), which the list and the printed timeline follow */
typedef struct {
  KursDate start;       /* the row's, KURS_DATE_NONE first as SQL sorts NULL */
  gint64   id;
  guint    occurrence;
  guint    index;       /* where it was read */
} RowOrder;

static int
compare_row_order (gconstpointer a,
                   gconstpointer b)
{
  const RowOrder *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;
  return x->occurrence < y->occurrence ? -1 : x->occurrence > y->occurrence;
}

static void
note_row_order (GArray   *orders,
                KursDate  start,
                gint64    id,
                guint     occurrence)
{
  RowOrder order = { start, id, occurrence, orders->len };

  g_array_append_val (orders, order);
}

/* The items from @first on, one noted in @orders each, in their order */
static void
sort_items (KursTimeline *self,
            guint         first,
            GArray       *orders)
{
  guint n = self->items->len - first;
  KursTimelineItem *items = &g_array_index (self->items, KursTimelineItem, first);
  KursSpan *spans = &g_array_index (self->spans, KursSpan, first);

  g_assert (orders->len == n);
  if (n < 2)
    return;

  g_array_sort (orders, compare_row_order);

  /* Each item to its place, in place, a cycle at a time: k takes the item
   * read at orders[k].index; a place filled is marked by its own index (a
   * copy of 100,000 items, freshly allocated, costs more in page faults
   * than the moving) */
  for (guint start = 0; start < n; start++)
    {
      RowOrder *order = &g_array_index (orders, RowOrder, start);
      KursTimelineItem item;
      KursSpan span;
      guint k = start;

      if (order->index == start)
        continue;
      item = items[start];
      span = spans[start];
      for (;;)
        {
          RowOrder *at = &g_array_index (orders, RowOrder, k);
          guint from = at->index;

          at->index = k;
          if (from == start)
            {
              items[k] = item;
              spans[k] = span;
              break;
            }
          items[k] = items[from];
          spans[k] = spans[from];
          k = from;
        }
    }
}

/* Ends a reading: a failure leaves what was read, and the store says so */
static void
end_reading (KursRowReader *rows)
{
  g_autoptr(GError) error = NULL;

  if (!kurs_row_reader_end (rows, &error))
    g_debug ("The timeline is incomplete: %s", error->message);
}

static void
collect_milestones (KursTimeline *self)
{
  static const guint fields[] = {
    KURS_FIELD_MILESTONE_KIND, KURS_FIELD_MILESTONE_TITLE, KURS_FIELD_MILESTONE_START_DATE,
    KURS_FIELD_MILESTONE_END_DATE, KURS_FIELD_MILESTONE_COMMITTEE, KURS_FIELD_MILESTONE_HELD,
    KURS_FIELD_MILESTONE_REPEAT_EVERY_YEARS, KURS_FIELD_MILESTONE_REPEAT_UNTIL_YEAR,
  };
  KursRowReader *rows = kurs_row_reader_new (self->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (self->strategy),
                                             fields, G_N_ELEMENTS (fields), KURS_ROW_ORDER_ANY);
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (RowOrder));
  guint first = self->items->len;

  while (kurs_row_reader_next (rows))
    {
      int kind = kurs_row_reader_get_enum (rows, KURS_FIELD_MILESTONE_KIND);
      const char *committee = kurs_row_reader_get_text (rows, KURS_FIELD_MILESTONE_COMMITTEE);
      gboolean held = kurs_row_reader_get_bool (rows, KURS_FIELD_MILESTONE_HELD);
      int every_years = (int) kurs_row_reader_get_int (rows, KURS_FIELD_MILESTONE_REPEAT_EVERY_YEARS);
      KursDate start = kurs_row_reader_get_date (rows, KURS_FIELD_MILESTONE_START_DATE);
      KursDate end = kurs_row_reader_get_date (rows, KURS_FIELD_MILESTONE_END_DATE);
      const char *detail;
      g_autoptr(GArray) occurrences = NULL;
      guint flags = 0;

      if ((kind >= 0 && (self->hidden & (1u << kind))) || !text_matches (committee, self->committee))
        continue;

      if (held)
        flags |= KURS_TIMELINE_HELD;
      if (every_years > 0)
        flags |= KURS_TIMELINE_RECURRING;
      /* (a series never is: kurs_milestone_is_overdue()) */
      if (kurs_milestone_is_overdue_on (held, every_years,
                                        kurs_row_reader_has_value (rows, KURS_FIELD_MILESTONE_END_DATE) ? end : start,
                                        self->today))
        flags |= KURS_TIMELINE_OVERDUE;

      detail = keep_detail (self, committee);
      occurrences = kurs_recurrence_expand (start, end, every_years,
                                            (int) kurs_row_reader_get_int (rows, KURS_FIELD_MILESTONE_REPEAT_UNTIL_YEAR),
                                            KURS_DATE_NONE, KURS_DATE_NONE);
      for (guint k = 0; k < occurrences->len; k++)
        {
          KursOccurrence *occurrence = &g_array_index (occurrences, KursOccurrence, k);
          KursTimelineItem *item;

          item = add_item (self, KURS_TIMELINE_MILESTONE, kurs_row_reader_get_id (rows),
                           kurs_row_reader_get_text (rows, KURS_FIELD_MILESTONE_TITLE),
                           is_data_kind (kind) ? KURS_LANE_DATA : KURS_LANE_PROCESS,
                           occurrence->start, occurrence->end,
                           flags | (occurrence->end > occurrence->start ? KURS_TIMELINE_BAR : 0));
          item->detail = detail;
          item->occurrence = k;
          item->subkind = kind;
          note_row_order (orders, start, item->id, k);
        }
    }
  end_reading (rows);
  sort_items (self, first, orders);
}

static void
collect_hearings (KursTimeline *self)
{
  static const guint fields[] = {
    KURS_FIELD_HEARING_ROUND_TITLE, KURS_FIELD_HEARING_ROUND_SENT_DATE, KURS_FIELD_HEARING_ROUND_DEADLINE,
  };
  gint64 strategy_id = kurs_record_get_id (self->strategy);
  g_autoptr(GPtrArray) parties = NULL;
  KursRowReader *rows;

  if (self->hidden & KURS_TIMELINE_FILTER_HEARINGS)
    return;

  /* A strategy's hearings have tens of parties, not thousands */
  parties = kurs_store_list_by_strategy (self->store, KURS_ENTITY_HEARING_PARTY, strategy_id, NULL);
  rows = kurs_row_reader_new (self->store, KURS_ENTITY_HEARING_ROUND, strategy_id, fields, G_N_ELEMENTS (fields),
                              KURS_ROW_ORDER_SCHEMA);
  while (kurs_row_reader_next (rows))
    {
      KursDate deadline = kurs_row_reader_get_date (rows, KURS_FIELD_HEARING_ROUND_DEADLINE);
      KursHearingTally tally;
      KursTimelineItem *item;

      item = add_item (self, KURS_TIMELINE_HEARING, kurs_row_reader_get_id (rows),
                       kurs_row_reader_get_text (rows, KURS_FIELD_HEARING_ROUND_TITLE), KURS_LANE_HEARINGS,
                       kurs_row_reader_get_date (rows, KURS_FIELD_HEARING_ROUND_SENT_DATE), deadline, KURS_TIMELINE_BAR);

      kurs_hearing_tally_parties (parties, item->id, deadline, self->today, &tally);
      item->n_parties = tally.n_parties;
      item->n_overdue = tally.n_overdue;
      if (item->n_overdue > 0)
        item->flags |= KURS_TIMELINE_OVERDUE;
    }
  end_reading (rows);
}

static void
collect_plans (KursTimeline *self)
{
  static const guint plan_fields[] = {
    KURS_FIELD_ACTION_PLAN_TITLE, KURS_FIELD_ACTION_PLAN_START_DATE, KURS_FIELD_ACTION_PLAN_END_DATE,
  };
  static const guint initiative_fields[] = {
    KURS_FIELD_INITIATIVE_ACTION_PLAN_ID, KURS_FIELD_INITIATIVE_TITLE, KURS_FIELD_INITIATIVE_OWNER,
    KURS_FIELD_INITIATIVE_START_DATE, KURS_FIELD_INITIATIVE_END_DATE, KURS_FIELD_INITIATIVE_STATUS,
    KURS_FIELD_INITIATIVE_PROGRESS,
  };
  gint64 strategy_id = kurs_record_get_id (self->strategy);
  g_autoptr(GHashTable) plan_spans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (RowOrder));
  KursRowReader *rows;
  guint first;

  rows = kurs_row_reader_new (self->store, KURS_ENTITY_ACTION_PLAN, strategy_id, plan_fields, G_N_ELEMENTS (plan_fields),
                              KURS_ROW_ORDER_SCHEMA);
  while (kurs_row_reader_next (rows))
    {
      KursSpan *span = g_new (KursSpan, 1);

      span->start = kurs_row_reader_get_date (rows, KURS_FIELD_ACTION_PLAN_START_DATE);
      span->end = kurs_row_reader_get_date (rows, KURS_FIELD_ACTION_PLAN_END_DATE);
      g_hash_table_insert (plan_spans, g_memdup2 (&(gint64) { kurs_row_reader_get_id (rows) }, sizeof (gint64)), span);

      if (!(self->hidden & KURS_TIMELINE_FILTER_ACTION_PLANS))
        add_item (self, KURS_TIMELINE_ACTION_PLAN, kurs_row_reader_get_id (rows),
                  kurs_row_reader_get_text (rows, KURS_FIELD_ACTION_PLAN_TITLE), KURS_LANE_ACTION_PLANS,
                  span->start, span->end, KURS_TIMELINE_BAR);
    }
  end_reading (rows);

  if (self->hidden & KURS_TIMELINE_FILTER_INITIATIVES)
    return;

  rows = kurs_row_reader_new (self->store, KURS_ENTITY_INITIATIVE, strategy_id,
                              initiative_fields, G_N_ELEMENTS (initiative_fields), KURS_ROW_ORDER_ANY);
  first = self->items->len;
  while (kurs_row_reader_next (rows))
    {
      gint64 plan_id = kurs_row_reader_get_int (rows, KURS_FIELD_INITIATIVE_ACTION_PLAN_ID);
      const KursSpan *plan = g_hash_table_lookup (plan_spans, &plan_id);
      const char *owner = kurs_row_reader_get_text (rows, KURS_FIELD_INITIATIVE_OWNER);
      KursDate start = kurs_row_reader_get_date (rows, KURS_FIELD_INITIATIVE_START_DATE);
      KursDate end = kurs_row_reader_get_date (rows, KURS_FIELD_INITIATIVE_END_DATE);
      int status = kurs_row_reader_get_enum (rows, KURS_FIELD_INITIATIVE_STATUS);
      KursTimelineItem *item;
      guint flags = KURS_TIMELINE_BAR;

      if (!text_matches (owner, self->owner))
        continue;

      if (start == KURS_DATE_NONE || end == KURS_DATE_NONE)
        {
          if (plan == NULL)
            continue;
          flags |= KURS_TIMELINE_UNDATED;
          if (start == KURS_DATE_NONE)
            start = plan->start;
          if (end == KURS_DATE_NONE)
            end = MAX (plan->end, start);
        }
      if (status != KURS_INITIATIVE_DONE && end < self->today)
        flags |= KURS_TIMELINE_OVERDUE;

      item = add_item (self, KURS_TIMELINE_INITIATIVE, kurs_row_reader_get_id (rows),
                       kurs_row_reader_get_text (rows, KURS_FIELD_INITIATIVE_TITLE), KURS_LANE_ACTION_PLANS,
                       start, end, flags);
      item->detail = keep_detail (self, owner);
      item->subkind = status;
      item->progress = (int) kurs_row_reader_get_int (rows, KURS_FIELD_INITIATIVE_PROGRESS);
      note_row_order (orders, kurs_row_reader_get_date (rows, KURS_FIELD_INITIATIVE_START_DATE), item->id, 0);
    }
  end_reading (rows);
  sort_items (self, first, orders);
}

static void
collect_corrections (KursTimeline *self)
{
  static const guint fields[] = { KURS_FIELD_COURSE_CORRECTION_DATE, KURS_FIELD_COURSE_CORRECTION_TEXT };
  KursRowReader *rows;

  if (self->hidden & KURS_TIMELINE_FILTER_CORRECTIONS)
    return;

  rows = kurs_row_reader_new (self->store, KURS_ENTITY_COURSE_CORRECTION, kurs_record_get_id (self->strategy),
                              fields, G_N_ELEMENTS (fields), KURS_ROW_ORDER_SCHEMA);
  while (kurs_row_reader_next (rows))
    {
      KursDate date = kurs_row_reader_get_date (rows, KURS_FIELD_COURSE_CORRECTION_DATE);

      add_item (self, KURS_TIMELINE_CORRECTION, kurs_row_reader_get_id (rows),
                kurs_row_reader_get_text (rows, KURS_FIELD_COURSE_CORRECTION_TEXT), KURS_LANE_CORRECTIONS,
                date, date, 0);
    }
  end_reading (rows);
}

/* A group of a lane's items, by start; packing at another zoom keeps it */
static GArray *
sorted_group (KursTimeline *self,
              GArray       *group)
{
  g_autofree KursSpan *spans = g_new (KursSpan, MAX (group->len, 1));
  g_autofree guint *order = g_new (guint, MAX (group->len, 1));
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), group->len);

  for (guint k = 0; k < group->len; k++)
    spans[k] = g_array_index (self->spans, KursSpan, g_array_index (group, guint, k));
  kurs_span_sort (spans, group->len, order);
  for (guint k = 0; k < group->len; k++)
    g_array_append_val (sorted, g_array_index (group, guint, order[k]));

  return sorted;
}

/* Packs one group of a lane's items, by start, into rows from @first_row on */
static guint
pack_group (KursTimeline *self,
            Packing      *packing,
            KursLane      lane,
            GArray       *group,
            guint         first_row)
{
  g_autofree KursSpan *spans = g_new (KursSpan, MAX (group->len, 1));
  g_autofree guint *rows = g_new (guint, MAX (group->len, 1));
  guint n_rows;

  /* A mark takes room for its label; a bar has its label inside */
  for (guint k = 0; k < group->len; k++)
    {
      guint index = g_array_index (group, guint, k);
      const KursTimelineItem *item = &g_array_index (self->items, KursTimelineItem, index);

      spans[k] = g_array_index (self->spans, KursSpan, index);
      if (!(item->flags & KURS_TIMELINE_BAR) || item->kind == KURS_TIMELINE_MILESTONE)
        spans[k].end = MAX (spans[k].end, spans[k].start + packing->min_days - 1);
    }

  n_rows = kurs_span_pack_in_order (spans, NULL, group->len, 1, rows);

  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (packing->rows[lane], g_array_new (FALSE, FALSE, sizeof (guint)));

  /* Taken by start, each row is by start too */
  for (guint k = 0; k < group->len; k++)
    {
      guint index = g_array_index (group, guint, k);

      packing->item_rows[index] = first_row + rows[k];
      g_array_append_val (g_ptr_array_index (packing->rows[lane], first_row + rows[k]), index);
    }

  return n_rows;
}

static void
clear_order (KursTimeline *self)
{
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    for (guint g = 0; g < 2; g++)
      g_clear_pointer (&self->order[lane][g], g_array_unref);
}

static Packing *
pack (KursTimeline *self,
      guint         min_days)
{
  Packing *packing = g_new0 (Packing, 1);

  packing->min_days = min_days;
  packing->item_rows = g_new0 (guint, MAX (self->items->len, 1));

  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    {
      packing->rows[lane] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

      if (self->order[lane][0] == NULL)
        {
          /* Action plans take the lane's first rows, their initiatives the
           * rows beneath; every other lane is one group. */
          g_autoptr(GArray) first_group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) second_group = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < self->items->len; i++)
            {
              const KursTimelineItem *item = &g_array_index (self->items, KursTimelineItem, i);

              if (item->lane != lane)
                continue;
              if (item->kind == KURS_TIMELINE_INITIATIVE)
                g_array_append_val (second_group, i);
              else
                g_array_append_val (first_group, i);
            }
          self->order[lane][0] = sorted_group (self, first_group);
          self->order[lane][1] = sorted_group (self, second_group);
        }

      packing->n_rows[lane] = pack_group (self, packing, lane, self->order[lane][0], 0);
      packing->n_rows[lane] += pack_group (self, packing, lane, self->order[lane][1], packing->n_rows[lane]);
    }

  return packing;
}

/* The packing for @min_days: kept, or made and kept */
static Packing *
get_packing (KursTimeline *self,
             guint         min_days,
             gboolean     *packed)
{
  Packing *packing;

  *packed = FALSE;
  for (guint i = 0; i < self->packings->len; i++)
    if (((Packing *) self->packings->pdata[i])->min_days == min_days)
      return self->packings->pdata[i];

  /* Every zoom step is a power of two: a few, but not without end */
  if (self->packings->len >= MAX_PACKINGS)
    g_ptr_array_remove_index (self->packings, self->packings->pdata[0] == self->packing ? 1 : 0);

  packing = pack (self, min_days);
  g_ptr_array_add (self->packings, packing);
  *packed = TRUE;
  return packing;
}

/* The items' rows at min_days, packed when first asked for: a timeline
 * made for a view is packed once, at the view's zoom, not first at the
 * default and again */
static void
ensure_packing (KursTimeline *self)
{
  gboolean packed;

  if (self->packing != NULL)
    return;
  self->packing = get_packing (self, self->min_days, &packed);
  for (guint i = 0; i < self->items->len; i++)
    g_array_index (self->items, KursTimelineItem, i).row = self->packing->item_rows[i];
}

static void
rebuild (KursTimeline *self)
{
  int start_year = (int) kurs_record_get_int (self->strategy, "start_year");
  int end_year = (int) kurs_record_get_int (self->strategy, "end_year");

  self->today = kurs_date_today ();
  clear_order (self);
  self->packing = NULL;
  g_ptr_array_set_size (self->packings, 0);
  g_array_set_size (self->items, 0);
  g_array_set_size (self->spans, 0);
  g_string_chunk_clear (self->texts);

  if (!kurs_record_is_deleted (self->strategy))
    {
      collect_milestones (self);
      collect_hearings (self);
      collect_plans (self);
      collect_corrections (self);
    }

  /* The period, widened to what lies outside it */
  start_year = CLAMP (start_year, 1900, 2200);
  end_year = CLAMP (MAX (end_year, start_year), 1900, 2200);
  self->first = kurs_date_from_ymd (start_year, 1, 1);
  self->last = kurs_date_from_ymd (end_year, 12, 31);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const KursSpan *span = &g_array_index (self->spans, KursSpan, i);

      self->first = MIN (self->first, span->start);
      self->last = MAX (self->last, span->end);
    }
}

static void
store_changed_cb (KursTimeline *self,
                  guint         entities)
{
  if ((entities & WATCHED) == 0)
    return;

  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Of the strategy itself only its period matters */
static void
strategy_changed_cb (KursTimeline *self)
{
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * kurs_timeline_get_lane_at:
 * @position: 0 for the top lane, up to %KURS_N_LANES - 1
 *
 * The lanes from the top: the process first while the strategy is being
 * made; once it is approved, what is followed up, the action plans, first.
 *
 * Returns: the lane shown at @position
 */
KursLane
kurs_timeline_get_lane_at (KursTimeline *self,
                           guint         position)
{
  static const KursLane making[] = { KURS_LANE_PROCESS, KURS_LANE_HEARINGS, KURS_LANE_ACTION_PLANS,
                                     KURS_LANE_DATA, KURS_LANE_CORRECTIONS };
  static const KursLane following[] = { KURS_LANE_ACTION_PLANS, KURS_LANE_PROCESS, KURS_LANE_HEARINGS,
                                        KURS_LANE_DATA, KURS_LANE_CORRECTIONS };
  int status;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), KURS_LANE_PROCESS);
  g_return_val_if_fail (position < KURS_N_LANES, KURS_LANE_PROCESS);
  G_STATIC_ASSERT (G_N_ELEMENTS (making) == KURS_N_LANES && G_N_ELEMENTS (following) == KURS_N_LANES);

  status = kurs_record_get_field_enum (self->strategy, KURS_FIELD_STRATEGY_STATUS);
  return status == KURS_STATUS_APPROVED || status == KURS_STATUS_ADOPTED ? following[position] : making[position];
}

static void
kurs_timeline_dispose (GObject *object)
{
  KursTimeline *self = KURS_TIMELINE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->strategy);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_timeline_parent_class)->dispose (object);
}

static void
kurs_timeline_finalize (GObject *object)
{
  KursTimeline *self = KURS_TIMELINE (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->texts, g_string_chunk_free);
  clear_order (self);
  g_clear_pointer (&self->packings, g_ptr_array_unref);
  g_free (self->committee);
  g_free (self->owner);

  G_OBJECT_CLASS (kurs_timeline_parent_class)->finalize (object);
}

static void
kurs_timeline_class_init (KursTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_timeline_dispose;
  object_class->finalize = kurs_timeline_finalize;

  /**
   * KursTimeline::changed:
   *
   * The items were rebuilt: an item's index may now be another's.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kurs_timeline_init (KursTimeline *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (KursTimelineItem));
  self->spans = g_array_new (FALSE, FALSE, sizeof (KursSpan));
  self->texts = g_string_chunk_new (64 * 1024);
  self->packings = g_ptr_array_new_with_free_func ((GDestroyNotify) packing_free);
  self->min_days = 1;
}

KursTimeline *
kurs_timeline_new (KursStore  *store,
                   KursRecord *strategy)
{
  KursTimeline *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (kurs_record_get_entity (strategy) == KURS_ENTITY_STRATEGY, NULL);

  self = g_object_new (KURS_TYPE_TIMELINE, NULL);
  self->store = g_object_ref (store);
  self->strategy = g_object_ref (strategy);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_object (strategy, "changed::start_year", G_CALLBACK (strategy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (strategy, "changed::end_year", G_CALLBACK (strategy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* approved, the lanes come in another order */
  g_signal_connect_object (strategy, "changed::status", G_CALLBACK (strategy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);

  return self;
}

KursStore *
kurs_timeline_get_store (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return self->store;
}

/**
 * kurs_timeline_get_range:
 *
 * The days the timeline spans: the strategy's period, from 1 January of
 * its first year to 31 December of its last, widened to any item outside.
 */
void
kurs_timeline_get_range (KursTimeline *self,
                         KursDate     *first,
                         KursDate     *last)
{
  g_return_if_fail (KURS_IS_TIMELINE (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

KursDate
kurs_timeline_get_today (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), KURS_DATE_NONE);

  return self->today;
}

guint
kurs_timeline_get_n_items (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), 0);

  return self->items->len;
}

const KursTimelineItem *
kurs_timeline_get_item (KursTimeline *self,
                        guint         index)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  ensure_packing (self);
  return &g_array_index (self->items, KursTimelineItem, index);
}

/**
 * kurs_timeline_get_spans:
 *
 * Returns: (transfer none): the items' days, by item index
 */
const KursSpan *
kurs_timeline_get_spans (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return (const KursSpan *) self->spans->data;
}

/**
 * kurs_timeline_find:
 *
 * Returns: the index of @record's item (its @occurrence-th, for a series),
 *   or -1 when it is not shown
 */
int
kurs_timeline_find (KursTimeline *self,
                    KursRecord   *record,
                    guint         occurrence)
{
  g_return_val_if_fail (KURS_IS_RECORD (record), -1);

  return kurs_timeline_find_row (self, kurs_record_get_entity (record), kurs_record_get_id (record), occurrence);
}

/**
 * kurs_timeline_find_row:
 *
 * kurs_timeline_find() by the row's kind and id
 */
int
kurs_timeline_find_row (KursTimeline *self,
                        KursEntity    entity,
                        gint64        id,
                        guint         occurrence)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      const KursTimelineItem *item = &g_array_index (self->items, KursTimelineItem, i);

      if (item->id == id && item->occurrence == occurrence && kurs_timeline_item_get_entity (item) == entity)
        return (int) i;
    }

  return -1;
}

/**
 * kurs_timeline_item_get_entity:
 *
 * Returns: the kind of row @item shows
 */
KursEntity
kurs_timeline_item_get_entity (const KursTimelineItem *item)
{
  g_return_val_if_fail (item != NULL, KURS_ENTITY_NONE);

  switch (item->kind)
    {
    case KURS_TIMELINE_MILESTONE:
      return KURS_ENTITY_MILESTONE;
    case KURS_TIMELINE_HEARING:
      return KURS_ENTITY_HEARING_ROUND;
    case KURS_TIMELINE_ACTION_PLAN:
      return KURS_ENTITY_ACTION_PLAN;
    case KURS_TIMELINE_INITIATIVE:
      return KURS_ENTITY_INITIATIVE;
    case KURS_TIMELINE_CORRECTION:
      return KURS_ENTITY_COURSE_CORRECTION;
    default:
      g_return_val_if_reached (KURS_ENTITY_NONE);
    }
}

/**
 * kurs_timeline_get_record:
 *
 * The row an item shows, for the one a person acts on: the items hold
 * the fields they are drawn with, not records.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL if the row is
 *   gone (or the library could not be read)
 */
KursRecord *
kurs_timeline_get_record (KursTimeline *self,
                          guint         index)
{
  const KursTimelineItem *item;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  item = &g_array_index (self->items, KursTimelineItem, index);
  return kurs_store_get (self->store, kurs_timeline_item_get_entity (item), item->id);
}

guint
kurs_timeline_get_min_days (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), 1);

  return self->min_days;
}

/**
 * kurs_timeline_set_min_days:
 *
 * Sets the least room an item takes in its row, in days, so that a mark's
 * label does not run into the next item; the drawing sets it from the
 * zoom.  The items are packed again; indices stay.
 */
void
kurs_timeline_set_min_days (KursTimeline *self,
                            guint         min_days)
{
  g_return_if_fail (KURS_IS_TIMELINE (self));

  min_days = MAX (min_days, 1);
  if (min_days == self->min_days)
    return;

  self->min_days = min_days;
  self->packing = NULL;
}

/**
 * kurs_timeline_prepare_min_days:
 *
 * Packs the items for @min_days ahead of need, so that a later
 * kurs_timeline_set_min_days() to it takes no time: for an idle moment.
 *
 * Returns: %TRUE if that took packing, %FALSE if it was ready
 */
gboolean
kurs_timeline_prepare_min_days (KursTimeline *self,
                                guint         min_days)
{
  gboolean packed;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), FALSE);

  get_packing (self, MAX (min_days, 1), &packed);
  return packed;
}

guint
kurs_timeline_get_n_rows (KursTimeline *self,
                          KursLane      lane)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), 0);
  g_return_val_if_fail (lane < KURS_N_LANES, 0);

  ensure_packing (self);
  return self->packing->n_rows[lane];
}

/**
 * kurs_timeline_get_row:
 *
 * Returns: (array length=n_items) (transfer none): the indices of the
 *   items in one row of a lane, by start; they do not overlap
 */
const guint *
kurs_timeline_get_row (KursTimeline *self,
                       KursLane      lane,
                       guint         row,
                       guint        *n_items)
{
  GArray *items;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (lane < KURS_N_LANES && row < kurs_timeline_get_n_rows (self, lane), NULL);

  items = g_ptr_array_index (self->packing->rows[lane], row);
  *n_items = items->len;

  return (const guint *) items->data;
}

/**
 * kurs_timeline_set_filter:
 * @hidden: milestone kinds (`1 << KursMilestoneKind`) and
 *   `KURS_TIMELINE_FILTER_*` to hide
 * @committee: (nullable): show only meetings of this committee
 * @owner: (nullable): show only initiatives of this owner
 *
 * Narrows what is shown.  The committee narrows milestones, the owner
 * initiatives; other items have neither and stay.
 */
void
kurs_timeline_set_filter (KursTimeline *self,
                          guint         hidden,
                          const char   *committee,
                          const char   *owner)
{
  g_return_if_fail (KURS_IS_TIMELINE (self));

  self->hidden = hidden;
  g_free (self->committee);
  self->committee = g_strdup (committee != NULL && *committee != '\0' ? committee : NULL);
  g_free (self->owner);
  self->owner = g_strdup (owner != NULL && *owner != '\0' ? owner : NULL);

  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
kurs_timeline_get_hidden (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), 0);

  return self->hidden;
}

const char *
kurs_timeline_get_committee (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return self->committee;
}

const char *
kurs_timeline_get_owner (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return self->owner;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
distinct_texts (KursTimeline *self,
                KursEntity    entity,
                const char   *field)
{
  g_autoptr(GPtrArray) records =
    kurs_store_list_by_strategy (self->store, entity, kurs_record_get_id (self->strategy), NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      const char *text = kurs_record_get_text (records->pdata[i], field);

      if (text != NULL && *text != '\0' && g_hash_table_add (seen, (gpointer) text))
        g_ptr_array_add (texts, g_strdup (text));
    }
  g_ptr_array_sort (texts, compare_texts);
  g_ptr_array_add (texts, NULL);

  return (GStrv) g_ptr_array_steal (texts, NULL);
}

/**
 * kurs_timeline_list_committees:
 *
 * Returns: (transfer full): the committees the milestones name, sorted
 */
GStrv
kurs_timeline_list_committees (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return distinct_texts (self, KURS_ENTITY_MILESTONE, "committee");
}

/**
 * kurs_timeline_list_owners:
 *
 * Returns: (transfer full): the owners of initiatives, sorted
 */
GStrv
kurs_timeline_list_owners (KursTimeline *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);

  return distinct_texts (self, KURS_ENTITY_INITIATIVE, "owner");
}

static gboolean
shift_date (KursTimeline  *self,
            KursRecord    *record,
            const char    *field,
            KursDate       from,
            KursTimeUnit   unit,
            int            steps,
            GError       **error)
{
  g_autofree char *iso = NULL;

  if (steps == 0 && kurs_record_has_value (record, field))
    return TRUE;

  iso = kurs_date_to_iso (kurs_time_unit_add (from, unit, steps));
  return kurs_store_set (self->store, record, field, g_variant_new_string (iso), error);
}

/**
 * kurs_timeline_move:
 * @index: the item
 * @unit: what the move snaps to: days or months
 * @start_steps: how far its start moves
 * @end_steps: how far its end moves: the same to move it, 0 to move only
 *   its start
 *
 * Moves an item in time, or changes its length, as one undoable action.
 * An occurrence of a series moves the whole series.  An initiative shown
 * over its plan gets dates of its own.
 */
gboolean
kurs_timeline_move (KursTimeline  *self,
                    guint          index,
                    KursTimeUnit   unit,
                    int            start_steps,
                    int            end_steps,
                    GError       **error)
{
  const KursTimelineItem *item;
  g_autoptr(KursRecord) record = NULL;
  g_autofree char *label = NULL;
  const char *start_field = NULL, *end_field = NULL;
  KursDate start, end;
  gboolean ok = TRUE;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  item = &g_array_index (self->items, KursTimelineItem, index);
  /* (the rebuild after the first write takes the item away) */
  record = kurs_timeline_get_record (self, index);
  if (record == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED, _("“%s” is no longer in the library"),
                   item->title);
      return FALSE;
    }

  switch (item->kind)
    {
    case KURS_TIMELINE_MILESTONE:
      start_field = "start_date", end_field = "end_date";
      start = kurs_record_get_date (record, "start_date");
      end = kurs_record_get_date (record, "end_date");
      if (end == KURS_DATE_NONE && start_steps != end_steps)
        end = start;
      break;
    case KURS_TIMELINE_HEARING:
      start_field = "sent_date", end_field = "deadline";
      start = kurs_record_get_date (record, start_field);
      end = kurs_record_get_date (record, end_field);
      break;
    case KURS_TIMELINE_ACTION_PLAN:
    case KURS_TIMELINE_INITIATIVE:
      start_field = "start_date", end_field = "end_date";
      start = g_array_index (self->spans, KursSpan, index).start;
      end = g_array_index (self->spans, KursSpan, index).end;
      break;
    case KURS_TIMELINE_CORRECTION:
      start_field = "date";
      start = kurs_record_get_date (record, "date");
      end = KURS_DATE_NONE;
      end_steps = start_steps;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (start_steps == 0 && end_steps == 0)
    return TRUE;

  if (end != KURS_DATE_NONE &&
      kurs_time_unit_add (end, unit, end_steps) < kurs_time_unit_add (start, unit, start_steps))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("“%s” cannot end before it begins"), kurs_record_get_title (record));
      return FALSE;
    }

  /* Translators: an action that can be undone: "Undo Move “Seminar”" */
  label = g_strdup_printf (start_steps == end_steps ? _("Move “%s”") : _("Change dates of “%s”"),
                           kurs_record_get_title (record));
  if (!kurs_store_begin (self->store, label, error))
    return FALSE;

  ok = shift_date (self, record, start_field, start, unit, start_steps, error);
  if (ok && end != KURS_DATE_NONE && end_field != NULL)
    ok = shift_date (self, record, end_field, end, unit, end_steps, error);

  if (!ok)
    {
      kurs_store_rollback (self->store);
      return FALSE;
    }

  return kurs_store_commit (self->store, error);
}

/**
 * kurs_lane_get_title:
 *
 * Returns: the lane's title, translated
 */
const char *
kurs_lane_get_title (KursLane lane)
{
  switch (lane)
    {
    case KURS_LANE_PROCESS:
      return _("Process");
    case KURS_LANE_HEARINGS:
      return _("Hearings");
    case KURS_LANE_ACTION_PLANS:
      return _("Action Plans");
    case KURS_LANE_DATA:
      return _("Data");
    case KURS_LANE_CORRECTIONS:
      return _("Course Corrections");
    case KURS_N_LANES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kurs_timeline_item_get_kind_label:
 *
 * Returns: (transfer full): what the item is, for people: "Seminar",
 *   "Initiative"…
 */
char *
kurs_timeline_item_get_kind_label (const KursTimelineItem *item)
{
  const KursEntityInfo *info;

  g_return_val_if_fail (item != NULL, NULL);

  info = kurs_entity_info (kurs_timeline_item_get_entity (item));
  if (item->kind == KURS_TIMELINE_MILESTONE)
    {
      const KursField *kind = kurs_entity_info_get_field (info, "kind");

      return g_strdup (kurs_enum_info_to_label (kind->enum_info, item->subkind));
    }

  return g_strdup (_(info->label));
}

/**
 * kurs_timeline_format_dates:
 *
 * Returns: the item's days in words: "1 Jan 2023 – 31 Dec 2024", or one
 *   day
 */
char *
kurs_timeline_format_dates (KursTimeline *self,
                            guint         index)
{
  const KursSpan *span;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  span = &g_array_index (self->spans, KursSpan, index);
  from = kurs_date_format_local (span->start);
  if (span->end <= span->start)
    return g_steal_pointer (&from);
  to = kurs_date_format_local (span->end);
  /* Translators: a range of dates */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * kurs_timeline_item_describe:
 *
 * Returns: (transfer full): the item in words, for a tooltip and a screen
 *   reader: "Temamøde, Seminar, 29. nov. 2022, held"
 */
char *
kurs_timeline_item_describe (KursTimeline *self,
                             guint         index)
{
  const KursTimelineItem *item;
  g_autofree char *kind = NULL;
  g_autofree char *dates = NULL;
  GString *text;

  g_return_val_if_fail (KURS_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  item = &g_array_index (self->items, KursTimelineItem, index);
  kind = kurs_timeline_item_get_kind_label (item);
  dates = kurs_timeline_format_dates (self, index);

  text = g_string_new (item->title);
  g_string_append_printf (text, ", %s, %s", kind, dates);

  switch (item->kind)
    {
    case KURS_TIMELINE_MILESTONE:
      if (item->detail != NULL)
        g_string_append_printf (text, ", %s", item->detail);
      g_string_append_printf (text, ", %s", (item->flags & KURS_TIMELINE_HELD) ? _("held") : _("planned"));
      break;
    case KURS_TIMELINE_HEARING:
      g_string_append (text, ", ");
      /* Translators: of a hearing round */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u party", "%u parties", item->n_parties),
                              item->n_parties);
      if (item->n_overdue > 0)
        {
          g_string_append (text, ", ");
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE, "%u response overdue", "%u responses overdue",
                                               item->n_overdue),
                                  item->n_overdue);
        }
      break;
    case KURS_TIMELINE_INITIATIVE:
      {
        const KursField *status = kurs_entity_info_get_field (kurs_entity_info (KURS_ENTITY_INITIATIVE), "status");

        g_string_append_printf (text, ", %s, %d %%", kurs_enum_info_to_label (status->enum_info, item->subkind),
                                item->progress);
        if (item->detail != NULL)
          g_string_append_printf (text, ", %s", item->detail);
      }
      break;
    case KURS_TIMELINE_ACTION_PLAN:
    case KURS_TIMELINE_CORRECTION:
    default:
      break;
    }

  if ((item->flags & KURS_TIMELINE_OVERDUE) && item->kind != KURS_TIMELINE_HEARING)
    g_string_append_printf (text, ", %s", _("overdue"));

  return g_string_free (text, FALSE);
}

/* The timeline's colours, the GNOME palette, readable on light and dark:
 * one table for the window, the printed timeline and the legend */
static const struct {
  const char *name;
  double      rgb[3];
} colors[KURS_TIMELINE_N_COLORS] = {
  [KURS_TIMELINE_COLOR_PROCESS]     = { "process",     { 0.21, 0.52, 0.89 } },
  [KURS_TIMELINE_COLOR_DATA]        = { "data",        { 0.57, 0.25, 0.67 } },
  [KURS_TIMELINE_COLOR_HEARING]     = { "hearing",     { 0.13, 0.56, 0.64 } },
  [KURS_TIMELINE_COLOR_PLAN]        = { "plan",        { 0.38, 0.63, 0.92 } },
  [KURS_TIMELINE_COLOR_NOT_STARTED] = { "not-started", { 0.60, 0.60, 0.62 } },
  [KURS_TIMELINE_COLOR_ON_TRACK]    = { "on-track",    { 0.21, 0.52, 0.89 } },
  [KURS_TIMELINE_COLOR_AT_RISK]     = { "at-risk",     { 0.90, 0.65, 0.04 } },
  [KURS_TIMELINE_COLOR_DELAYED]     = { "delayed",     { 1.00, 0.47, 0.00 } },
  [KURS_TIMELINE_COLOR_DONE]        = { "done",        { 0.15, 0.64, 0.41 } },
  [KURS_TIMELINE_COLOR_CORRECTION]  = { "correction",  { 0.60, 0.42, 0.27 } },
  [KURS_TIMELINE_COLOR_OVERDUE]     = { "overdue",     { 0.88, 0.11, 0.14 } },
};

/**
 * kurs_timeline_item_color:
 *
 * The colour an item is drawn in: by its lane or kind, an initiative by
 * its status, and a milestone past its day, not held, as overdue.
 */
KursTimelineColor
kurs_timeline_item_color (const KursTimelineItem *item)
{
  g_return_val_if_fail (item != NULL, KURS_TIMELINE_COLOR_PROCESS);

  switch (item->kind)
    {
    case KURS_TIMELINE_MILESTONE:
      if (item->flags & KURS_TIMELINE_OVERDUE)
        return KURS_TIMELINE_COLOR_OVERDUE;
      return item->lane == KURS_LANE_DATA ? KURS_TIMELINE_COLOR_DATA : KURS_TIMELINE_COLOR_PROCESS;
    case KURS_TIMELINE_HEARING:
      return KURS_TIMELINE_COLOR_HEARING;
    case KURS_TIMELINE_ACTION_PLAN:
      return KURS_TIMELINE_COLOR_PLAN;
    case KURS_TIMELINE_INITIATIVE:
      return KURS_TIMELINE_COLOR_NOT_STARTED + CLAMP (item->subkind, 0,
                                                      KURS_TIMELINE_COLOR_DONE - KURS_TIMELINE_COLOR_NOT_STARTED);
    case KURS_TIMELINE_CORRECTION:
    default:
      return KURS_TIMELINE_COLOR_CORRECTION;
    }
}

/**
 * kurs_timeline_color_rgb:
 * @rgb: (out caller-allocates) (array fixed-size=3): red, green and blue, from 0 to 1
 */
void
kurs_timeline_color_rgb (KursTimelineColor  color,
                         double            *rgb)
{
  g_return_if_fail (color < KURS_TIMELINE_N_COLORS);

  memcpy (rgb, colors[color].rgb, sizeof colors[color].rgb);
}

/**
 * kurs_timeline_color_name:
 *
 * Returns: the colour's name, for a style class ("at-risk")
 */
const char *
kurs_timeline_color_name (KursTimelineColor color)
{
  g_return_val_if_fail (color < KURS_TIMELINE_N_COLORS, NULL);

  return colors[color].name;
}
