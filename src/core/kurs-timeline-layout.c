/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kurs-timeline-layout.h"

/**
 * kurs_time_scale_x_for_date:
 *
 * Returns: the x of the first instant of @date
 */
double
kurs_time_scale_x_for_date (const KursTimeScale *scale,
                            KursDate             date)
{
  return ((double) date - (double) scale->origin) * scale->px_per_day;
}

/**
 * kurs_time_scale_date_at_x:
 *
 * Returns: the day that covers @x
 */
KursDate
kurs_time_scale_date_at_x (const KursTimeScale *scale,
                           double               x)
{
  double day = (double) scale->origin + floor (x / scale->px_per_day);

  return (KursDate) CLAMP (day, 1.0, (double) G_MAXINT32);
}

double
kurs_time_scale_clamp_zoom (double px_per_day)
{
  if (!(px_per_day > 0.0) || isnan (px_per_day))
    return KURS_TIME_SCALE_MIN_PX_PER_DAY;

  return CLAMP (px_per_day, KURS_TIME_SCALE_MIN_PX_PER_DAY, KURS_TIME_SCALE_MAX_PX_PER_DAY);
}

/**
 * kurs_time_scale_fit:
 * @first: the first day to show
 * @last: the last day to show, inclusive
 * @width: the room for them, in pixels
 *
 * Returns: the zoom that shows @first to @last in @width
 */
double
kurs_time_scale_fit (KursDate first,
                     KursDate last,
                     double   width)
{
  double days = last >= first ? (double) (last - first) + 1.0 : 1.0;

  return kurs_time_scale_clamp_zoom (MAX (width, 1.0) / days);
}

/**
 * kurs_time_scale_shows_unit:
 *
 * Whether the labels of @unit ("2024", "Q3", "Mar", "17") have room at this
 * zoom.  Years always do.
 */
gboolean
kurs_time_scale_shows_unit (const KursTimeScale *scale,
                            KursTimeUnit         unit)
{
  switch (unit)
    {
    case KURS_TIME_UNIT_YEAR:
      return TRUE;
    case KURS_TIME_UNIT_QUARTER:
      return 91.0 * scale->px_per_day >= 24.0;
    case KURS_TIME_UNIT_MONTH:
      return 30.0 * scale->px_per_day >= 30.0;
    case KURS_TIME_UNIT_DAY:
      return scale->px_per_day >= 20.0;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * kurs_time_scale_snap_unit:
 *
 * Returns: what a drag snaps to at this zoom: days where a day is wide
 *   enough to aim at, months otherwise
 */
KursTimeUnit
kurs_time_scale_snap_unit (const KursTimeScale *scale)
{
  return scale->px_per_day >= 3.0 ? KURS_TIME_UNIT_DAY : KURS_TIME_UNIT_MONTH;
}

/**
 * kurs_time_unit_floor:
 *
 * Returns: the first day of the day, month, quarter or year @date is in
 */
KursDate
kurs_time_unit_floor (KursDate     date,
                      KursTimeUnit unit)
{
  int year, month, day;

  g_return_val_if_fail (date != KURS_DATE_NONE, KURS_DATE_NONE);

  kurs_date_to_ymd (date, &year, &month, &day);
  switch (unit)
    {
    case KURS_TIME_UNIT_DAY:
      return date;
    case KURS_TIME_UNIT_MONTH:
      return kurs_date_from_ymd (year, month, 1);
    case KURS_TIME_UNIT_QUARTER:
      return kurs_date_from_ymd (year, (month - 1) / 3 * 3 + 1, 1);
    case KURS_TIME_UNIT_YEAR:
      return kurs_date_from_ymd (year, 1, 1);
    default:
      g_return_val_if_reached (date);
    }
}

/**
 * kurs_time_unit_add:
 *
 * Moves @date by whole units; months keep their day where they can
 * (31 January + 1 month is the last day of February).
 */
KursDate
kurs_time_unit_add (KursDate     date,
                    KursTimeUnit unit,
                    int          steps)
{
  g_return_val_if_fail (date != KURS_DATE_NONE, KURS_DATE_NONE);

  switch (unit)
    {
    case KURS_TIME_UNIT_DAY:
      return (KursDate) MAX ((gint64) date + steps, 1);
    case KURS_TIME_UNIT_MONTH:
      return kurs_date_add_months (date, steps);
    case KURS_TIME_UNIT_QUARTER:
      return kurs_date_add_months (date, 3 * steps);
    case KURS_TIME_UNIT_YEAR:
      return kurs_date_add_months (date, 12 * steps);
    default:
      g_return_val_if_reached (date);
    }
}

/**
 * kurs_time_unit_next:
 *
 * Returns: the first day of the unit after the one @date is in
 */
KursDate
kurs_time_unit_next (KursDate     date,
                     KursTimeUnit unit)
{
  return kurs_time_unit_add (kurs_time_unit_floor (date, unit), unit, 1);
}

static gint64
distance (KursDate a,
          KursDate b)
{
  return a > b ? (gint64) a - b : (gint64) b - a;
}

/**
 * kurs_time_unit_steps_between:
 *
 * Returns: the whole number of units that moves @from nearest to @to, as
 *   kurs_time_unit_add() moves: what a drag from @from to @to snaps to
 */
int
kurs_time_unit_steps_between (KursDate     from,
                              KursDate     to,
                              KursTimeUnit unit)
{
  int months_per_step, y1, m1, d1, y2, m2, d2, guess, best;

  g_return_val_if_fail (from != KURS_DATE_NONE && to != KURS_DATE_NONE, 0);

  if (unit == KURS_TIME_UNIT_DAY)
    return (int) ((gint64) to - (gint64) from);

  months_per_step = unit == KURS_TIME_UNIT_MONTH ? 1 : unit == KURS_TIME_UNIT_QUARTER ? 3 : 12;
  kurs_date_to_ymd (from, &y1, &m1, &d1);
  kurs_date_to_ymd (to, &y2, &m2, &d2);
  guess = ((y2 * 12 + m2) - (y1 * 12 + m1)) / months_per_step;

  best = guess;
  for (int steps = guess - 1; steps <= guess + 1; steps++)
    if (distance (kurs_time_unit_add (from, unit, steps), to) <
        distance (kurs_time_unit_add (from, unit, best), to))
      best = steps;

  return best;
}

/**
 * kurs_time_scale_ticks:
 * @x0: the left of the range drawn
 * @x1: its right
 *
 * Returns: (transfer full) (element-type KursDate): the first days of each
 *   @unit that begins in [@x0, @x1], with the one before @x0, so that a
 *   label cut at the left edge can still be drawn
 */
GArray *
kurs_time_scale_ticks (const KursTimeScale *scale,
                       double               x0,
                       double               x1,
                       KursTimeUnit         unit)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (KursDate));
  KursDate last = kurs_time_scale_date_at_x (scale, x1);

  for (KursDate date = kurs_time_unit_floor (kurs_time_scale_date_at_x (scale, x0), unit);
       date <= last;
       date = kurs_time_unit_next (date, unit))
    g_array_append_val (ticks, date);

  return ticks;
}

/* Packing: items in start order go to the lowest row that is free by their
 * start.  Two heaps keep it O(n log n) even when everything overlaps: the
 * rows in use by the day they are free again, and the free rows by
 * number. */

typedef struct {
  KursDate free_after;
  guint    row;
} Busy;

static gboolean
busy_before (const Busy *a,
             const Busy *b)
{
  return a->free_after < b->free_after || (a->free_after == b->free_after && a->row < b->row);
}

static void
busy_push (GArray *heap,
           Busy    busy)
{
  guint i;

  g_array_append_val (heap, busy);
  for (i = heap->len - 1; i > 0; )
    {
      guint parent = (i - 1) / 2;
      Busy *items = (Busy *) heap->data;

      if (!busy_before (&items[i], &items[parent]))
        break;
      busy = items[i], items[i] = items[parent], items[parent] = busy;
      i = parent;
    }
}

static Busy
busy_pop (GArray *heap)
{
  Busy *items = (Busy *) heap->data;
  Busy top = items[0];
  guint i = 0;

  items[0] = items[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  items = (Busy *) heap->data;

  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, least = i;
      Busy swap;

      if (left < heap->len && busy_before (&items[left], &items[least]))
        least = left;
      if (right < heap->len && busy_before (&items[right], &items[least]))
        least = right;
      if (least == i)
        break;
      swap = items[i], items[i] = items[least], items[least] = swap;
      i = least;
    }

  return top;
}

static KursDate
effective_end (const KursSpan *span,
               guint           min_days)
{
  KursDate end = MAX (span->end, span->start);

  if (min_days > 1 && (gint64) end < (gint64) span->start + min_days - 1)
    end = span->start + min_days - 1;

  return end;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const KursSpan *spans = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const KursSpan *x = &spans[i], *y = &spans[j];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;     /* the longer first */
  return i < j ? -1 : i > j;
}

/**
 * kurs_span_sort:
 * @spans: (array length=n_spans): the items
 * @order: (out caller-allocates) (array length=n_spans): their indices,
 *   by start; of those that start on one day, the longer first
 */
void
kurs_span_sort (const KursSpan *spans,
                guint           n_spans,
                guint          *order)
{
  for (guint i = 0; i < n_spans; i++)
    order[i] = i;
  if (n_spans > 1)
    g_qsort_with_data (order, (int) n_spans, sizeof (guint), compare_spans, (gpointer) spans);
}

/**
 * kurs_span_pack_in_order:
 * @spans: (array length=n_spans): the items
 * @order: (array length=n_spans) (nullable): their indices by start, as
 *   kurs_span_sort() gives them; %NULL when @spans are by start already
 * @min_days: the least room an item takes, in days, label included; 0 or
 *   1 for its own days only
 * @rows: (out caller-allocates) (array length=n_spans): each item's row
 *
 * Shares rows among items so that none overlap in a row, each item in the
 * lowest row free when it begins.  The number of rows is the least possible
 * (the most items that overlap one day).  The order costs O(n log n) and
 * does not change with @min_days, so it can be kept between packings;
 * the packing itself is O(n log rows).
 *
 * Returns: the number of rows
 */
guint
kurs_span_pack_in_order (const KursSpan *spans,
                         const guint    *order,
                         guint           n_spans,
                         guint           min_days,
                         guint          *rows)
{
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GArray) free_rows = NULL;
  guint n_rows = 0;

  if (n_spans == 0)
    return 0;

  busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  /* The free rows, as a heap by row number (free_after unused) */
  free_rows = g_array_new (FALSE, FALSE, sizeof (Busy));

  for (guint k = 0; k < n_spans; k++)
    {
      guint index = order != NULL ? order[k] : k;
      const KursSpan *span = &spans[index];
      Busy taken;

      while (busy->len > 0 && ((Busy *) busy->data)[0].free_after < span->start)
        {
          Busy done = busy_pop (busy);

          busy_push (free_rows, (Busy) { 0, done.row });
        }

      if (free_rows->len > 0)
        taken = busy_pop (free_rows);
      else
        taken.row = n_rows++;

      taken.free_after = effective_end (span, min_days);
      rows[index] = taken.row;
      busy_push (busy, taken);
    }

  return n_rows;
}

/**
 * kurs_span_pack:
 *
 * kurs_span_sort() and kurs_span_pack_in_order() in one.
 *
 * Returns: the number of rows
 */
guint
kurs_span_pack (const KursSpan *spans,
                guint           n_spans,
                guint           min_days,
                guint          *rows)
{
  g_autofree guint *order = g_new (guint, MAX (n_spans, 1));

  kurs_span_sort (spans, n_spans, order);
  return kurs_span_pack_in_order (spans, order, n_spans, min_days, rows);
}

/**
 * kurs_span_row_first_visible:
 * @row: (array length=n_row): the items of one packed row, by start
 * @min_days: as given to kurs_span_pack()
 * @from: the first day shown
 *
 * Returns: the index in @row of the first item that reaches @from (its
 *   label included), or @n_row when none does
 */
guint
kurs_span_row_first_visible (const KursSpan *spans,
                             const guint    *row,
                             guint           n_row,
                             guint           min_days,
                             KursDate        from)
{
  guint low = 0, high = n_row;

  /* In a packed row the items' ends, as packed, ascend with their starts */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (effective_end (&spans[row[middle]], min_days) < from)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * kurs_span_row_hit:
 * @row: (array length=n_row): the items of one packed row, by start
 * @first: the first day under the pointer (its slop included)
 * @last: the last day under it
 *
 * Returns: the index in @row of the item under the pointer — of those
 *   within reach, the one nearest its middle — or -1
 */
int
kurs_span_row_hit (const KursSpan *spans,
                   const guint    *row,
                   guint           n_row,
                   KursDate        first,
                   KursDate        last)
{
  double middle = ((double) first + (double) last) / 2.0;
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  for (guint i = kurs_span_row_first_visible (spans, row, n_row, 0, first);
       i < n_row && spans[row[i]].start <= last;
       i++)
    {
      const KursSpan *span = &spans[row[i]];
      KursDate end = MAX (span->end, span->start);
      double d = middle < span->start ? span->start - middle
               : middle > end + 1.0 ? middle - (end + 1.0) : 0.0;

      if (end < first)
        continue;
      if (d < best_distance)
        best_distance = d, best = (int) i;
    }

  return best;
}
