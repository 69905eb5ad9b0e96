/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include "kurs-example.h"
#include "kurs-test-util.h"
#include "kurs-timeline.h"

static KursDate
ymd (int year,
     int month,
     int day)
{
  return kurs_date_from_ymd (year, month, day);
}

/* Layout arithmetic */

static void
test_scale_round_trip (void)
{
  KursTimeScale scale = { ymd (2022, 1, 1), 2.0 };

  g_assert_cmpfloat (kurs_time_scale_x_for_date (&scale, ymd (2022, 1, 1)), ==, 0.0);
  /* 2024 is a leap year: 1 March is day 60 of it, not 59 */
  g_assert_cmpfloat (kurs_time_scale_x_for_date (&scale, ymd (2024, 3, 1)),
                     ==, 2.0 * (365 + 365 + 60));
  g_assert_cmpuint (kurs_time_scale_date_at_x (&scale, 2.0 * (365 + 365 + 59)), ==, ymd (2024, 2, 29));
  g_assert_cmpuint (kurs_time_scale_date_at_x (&scale, 2.0 * (365 + 365 + 59) + 1.99), ==, ymd (2024, 2, 29));
  /* Left of the origin */
  g_assert_cmpuint (kurs_time_scale_date_at_x (&scale, -0.5), ==, ymd (2021, 12, 31));
  g_assert_cmpfloat (kurs_time_scale_x_for_date (&scale, ymd (2021, 12, 31)), ==, -2.0);

  for (KursDate d = ymd (2023, 12, 20); d < ymd (2024, 3, 10); d++)
    g_assert_cmpuint (kurs_time_scale_date_at_x (&scale, kurs_time_scale_x_for_date (&scale, d)), ==, d);
}

static void
test_scale_fit (void)
{
  /* 2022–2029 is 2922 days (two leap years) */
  double zoom = kurs_time_scale_fit (ymd (2022, 1, 1), ymd (2029, 12, 31), 2922.0);

  g_assert_cmpfloat_with_epsilon (zoom, 1.0, 1e-9);
  /* A zero-length range still fits, and the zoom stays within bounds */
  g_assert_cmpfloat (kurs_time_scale_fit (ymd (2022, 1, 1), ymd (2022, 1, 1), 1e9), ==,
                     KURS_TIME_SCALE_MAX_PX_PER_DAY);
  g_assert_cmpfloat (kurs_time_scale_fit (ymd (1900, 1, 1), ymd (2200, 1, 1), 10.0), ==,
                     KURS_TIME_SCALE_MIN_PX_PER_DAY);
  g_assert_cmpfloat (kurs_time_scale_clamp_zoom (-1.0), ==, KURS_TIME_SCALE_MIN_PX_PER_DAY);
}

static void
test_scale_units (void)
{
  KursTimeScale period = { ymd (2022, 1, 1), 0.35 };   /* 2022–2029 in ~1000 px */
  KursTimeScale close = { ymd (2022, 1, 1), 25.0 };

  g_assert_true (kurs_time_scale_shows_unit (&period, KURS_TIME_UNIT_YEAR));
  g_assert_true (kurs_time_scale_shows_unit (&period, KURS_TIME_UNIT_QUARTER));
  g_assert_false (kurs_time_scale_shows_unit (&period, KURS_TIME_UNIT_MONTH));
  g_assert_false (kurs_time_scale_shows_unit (&period, KURS_TIME_UNIT_DAY));
  g_assert_true (kurs_time_scale_shows_unit (&close, KURS_TIME_UNIT_DAY));
  g_assert_cmpint (kurs_time_scale_snap_unit (&period), ==, KURS_TIME_UNIT_MONTH);
  g_assert_cmpint (kurs_time_scale_snap_unit (&close), ==, KURS_TIME_UNIT_DAY);
}

static void
test_units_floor_and_add (void)
{
  g_assert_cmpuint (kurs_time_unit_floor (ymd (2024, 2, 29), KURS_TIME_UNIT_MONTH), ==, ymd (2024, 2, 1));
  g_assert_cmpuint (kurs_time_unit_floor (ymd (2024, 6, 30), KURS_TIME_UNIT_QUARTER), ==, ymd (2024, 4, 1));
  g_assert_cmpuint (kurs_time_unit_floor (ymd (2024, 12, 31), KURS_TIME_UNIT_YEAR), ==, ymd (2024, 1, 1));
  g_assert_cmpuint (kurs_time_unit_next (ymd (2023, 12, 31), KURS_TIME_UNIT_DAY), ==, ymd (2024, 1, 1));
  g_assert_cmpuint (kurs_time_unit_next (ymd (2023, 12, 15), KURS_TIME_UNIT_MONTH), ==, ymd (2024, 1, 1));
  g_assert_cmpuint (kurs_time_unit_next (ymd (2023, 11, 15), KURS_TIME_UNIT_QUARTER), ==, ymd (2024, 1, 1));

  /* Months keep the day where they can */
  g_assert_cmpuint (kurs_time_unit_add (ymd (2024, 1, 31), KURS_TIME_UNIT_MONTH, 1), ==, ymd (2024, 2, 29));
  g_assert_cmpuint (kurs_time_unit_add (ymd (2023, 1, 31), KURS_TIME_UNIT_MONTH, 1), ==, ymd (2023, 2, 28));
  g_assert_cmpuint (kurs_time_unit_add (ymd (2023, 11, 15), KURS_TIME_UNIT_MONTH, 3), ==, ymd (2024, 2, 15));
  g_assert_cmpuint (kurs_time_unit_add (ymd (2024, 2, 29), KURS_TIME_UNIT_YEAR, 1), ==, ymd (2025, 2, 28));
  g_assert_cmpuint (kurs_time_unit_add (ymd (2024, 3, 1), KURS_TIME_UNIT_DAY, -1), ==, ymd (2024, 2, 29));
}

static void
test_units_steps_between (void)
{
  /* What a drag snaps to: the nearest whole step */
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2024, 1, 15), ymd (2024, 2, 10), KURS_TIME_UNIT_MONTH), ==, 1);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2024, 1, 15), ymd (2024, 1, 29), KURS_TIME_UNIT_MONTH), ==, 0);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2024, 1, 15), ymd (2023, 12, 20), KURS_TIME_UNIT_MONTH), ==, -1);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2023, 12, 31), ymd (2024, 1, 1), KURS_TIME_UNIT_DAY), ==, 1);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2023, 11, 30), ymd (2024, 3, 1), KURS_TIME_UNIT_MONTH), ==, 3);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2024, 3, 1), ymd (2024, 3, 1), KURS_TIME_UNIT_MONTH), ==, 0);
  g_assert_cmpint (kurs_time_unit_steps_between (ymd (2022, 6, 1), ymd (2024, 5, 20), KURS_TIME_UNIT_YEAR), ==, 2);
}

static void
test_ticks (void)
{
  KursTimeScale scale = { ymd (2022, 1, 1), 1.0 };
  double x0 = kurs_time_scale_x_for_date (&scale, ymd (2023, 12, 10));
  double x1 = kurs_time_scale_x_for_date (&scale, ymd (2024, 3, 5));
  g_autoptr(GArray) months = kurs_time_scale_ticks (&scale, x0, x1, KURS_TIME_UNIT_MONTH);
  g_autoptr(GArray) years = kurs_time_scale_ticks (&scale, x0, x1, KURS_TIME_UNIT_YEAR);

  /* The month cut at the left edge, then each month that begins */
  g_assert_cmpuint (months->len, ==, 4);
  g_assert_cmpuint (g_array_index (months, KursDate, 0), ==, ymd (2023, 12, 1));
  g_assert_cmpuint (g_array_index (months, KursDate, 2), ==, ymd (2024, 2, 1));
  g_assert_cmpuint (g_array_index (months, KursDate, 3), ==, ymd (2024, 3, 1));
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpuint (g_array_index (years, KursDate, 1), ==, ymd (2024, 1, 1));
}

static void
assert_packed (const KursSpan *spans,
               guint           n,
               guint           min_days,
               const guint    *rows)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        KursDate end_i = MAX (spans[i].end, spans[i].start + min_days - 1);
        KursDate end_j = MAX (spans[j].end, spans[j].start + min_days - 1);

        if (rows[i] == rows[j])
          g_assert_true (end_i < spans[j].start || end_j < spans[i].start);
      }
}

static void
test_pack_basic (void)
{
  KursSpan spans[] = {
    { ymd (2023, 1, 1), ymd (2024, 12, 31) },   /* a plan */
    { ymd (2025, 1, 1), ymd (2026, 12, 31) },   /* the next: same row */
    { ymd (2024, 6, 1), ymd (2025, 6, 30) },    /* across both: a row of its own */
    { ymd (2024, 2, 29), ymd (2024, 2, 29) },   /* zero-length, on a leap day */
    { ymd (2024, 12, 31), ymd (2025, 1, 1) },   /* across New Year */
  };
  guint rows[G_N_ELEMENTS (spans)];
  guint n_rows = kurs_span_pack (spans, G_N_ELEMENTS (spans), 1, rows);

  assert_packed (spans, G_N_ELEMENTS (spans), 1, rows);
  g_assert_cmpuint (n_rows, ==, 3);   /* 31 Dec 2024 has three items */
  g_assert_cmpuint (rows[0], ==, 0);
  g_assert_cmpuint (rows[1], ==, 0);
  g_assert_cmpuint (rows[2], ==, 1);
  g_assert_cmpuint (rows[3], ==, 1);  /* the lowest row free on 29 Feb */

  /* Touching is not overlapping: one day after another shares a row */
  {
    KursSpan touching[] = { { 10, 10 }, { 11, 11 }, { 12, 20 } };
    guint touching_rows[3];

    g_assert_cmpuint (kurs_span_pack (touching, 3, 1, touching_rows), ==, 1);
    /* But with room for a label of 5 days, each mark needs its own */
    g_assert_cmpuint (kurs_span_pack (touching, 3, 5, touching_rows), ==, 3);
    assert_packed (touching, 3, 5, touching_rows);
  }

  g_assert_cmpuint (kurs_span_pack (spans, 0, 1, rows), ==, 0);
}

static void
test_pack_random (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 50; round++)
    {
      guint n = g_rand_int_range (rand, 1, 120);
      guint min_days = g_rand_int_range (rand, 1, 30);
      g_autofree KursSpan *spans = g_new (KursSpan, n);
      g_autofree guint *rows = g_new (guint, n);
      guint n_rows, most = 0;

      for (guint i = 0; i < n; i++)
        {
          spans[i].start = ymd (2022, 1, 1) + g_rand_int_range (rand, 0, 2000);
          spans[i].end = spans[i].start + (g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 400));
        }
      n_rows = kurs_span_pack (spans, n, min_days, rows);
      assert_packed (spans, n, min_days, rows);

      /* As few rows as the most items on one day need */
      for (guint i = 0; i < n; i++)
        {
          guint here = 0;

          for (guint j = 0; j < n; j++)
            if (spans[j].start <= spans[i].start &&
                MAX (spans[j].end, spans[j].start + min_days - 1) >= spans[i].start)
              here++;
          most = MAX (most, here);
        }
      g_assert_cmpuint (n_rows, ==, most);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (rows[i], <, n_rows);

      /* One order, kept, packs at every zoom as well as packing afresh */
      {
        g_autofree guint *order = g_new (guint, n);
        g_autofree guint *again = g_new (guint, n);

        kurs_span_sort (spans, n, order);
        for (guint k = 1; k < n; k++)
          g_assert_cmpint (spans[order[k - 1]].start, <=, spans[order[k]].start);
        for (guint other = 1; other <= 64; other *= 4)
          {
            guint expected = kurs_span_pack (spans, n, other, rows);

            g_assert_cmpuint (kurs_span_pack_in_order (spans, order, n, other, again), ==, expected);
            assert_packed (spans, n, other, again);
            g_assert_cmpmem (again, n * sizeof (guint), rows, n * sizeof (guint));
          }
      }
    }

  g_rand_free (rand);
}

static void
test_pack_20000_overlapping (void)
{
  /* 20,000 bars over the same years: each needs a row, and the packing is
   * n log n (bench-timeline measures it; quadratic would take minutes) */
  guint n = 20000;
  g_autofree KursSpan *spans = g_new (KursSpan, n);
  g_autofree guint *rows = g_new (guint, n);
  g_autofree gboolean *used = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    {
      spans[i].start = ymd (2023, 1, 1) + i % 365;
      spans[i].end = ymd (2028, 12, 31) - i % 200;
    }

  g_assert_cmpuint (kurs_span_pack (spans, n, 1, rows), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_false (used[rows[i]]);
      used[rows[i]] = TRUE;
    }
}

static void
test_row_visible_and_hit (void)
{
  KursSpan spans[] = {
    { 100, 100 },   /* a mark */
    { 110, 150 },   /* a bar */
    { 200, 200 },
    { 151, 160 },   /* right after the bar */
  };
  guint row[] = { 0, 1, 3, 2 };   /* by start */

  g_assert_cmpuint (kurs_span_row_first_visible (spans, row, 4, 1, 0), ==, 0);
  g_assert_cmpuint (kurs_span_row_first_visible (spans, row, 4, 1, 101), ==, 1);
  g_assert_cmpuint (kurs_span_row_first_visible (spans, row, 4, 1, 151), ==, 2);
  g_assert_cmpuint (kurs_span_row_first_visible (spans, row, 4, 1, 201), ==, 4);
  /* A label's room counts as the item's */
  g_assert_cmpuint (kurs_span_row_first_visible (spans, row, 4, 5, 104), ==, 0);

  /* Exactly on a mark, near a mark, inside a bar, in a gap */
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 100, 100), ==, 0);
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 97, 103), ==, 0);
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 130, 130), ==, 1);
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 170, 180), ==, -1);
  /* Between two that touch, the nearer wins */
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 148, 152), ==, 1);
  g_assert_cmpint (kurs_span_row_hit (spans, row, 4, 150, 156), ==, 2);
  g_assert_cmpint (kurs_span_row_hit (spans, row, 0, 100, 100), ==, -1);
}

/* Each row of each lane by start, no item reaching the next (a mark with
 * the room the packing gave its label) */
static void
assert_rows_packed (KursTimeline *timeline)
{
  const KursSpan *spans = kurs_timeline_get_spans (timeline);
  guint min_days = kurs_timeline_get_min_days (timeline);

  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    for (guint r = 0; r < kurs_timeline_get_n_rows (timeline, lane); r++)
      {
        guint n;
        const guint *row = kurs_timeline_get_row (timeline, lane, r, &n);

        for (guint k = 1; k < n; k++)
          {
            const KursTimelineItem *before = kurs_timeline_get_item (timeline, row[k - 1]);
            KursDate end = spans[row[k - 1]].end;

            if (!(before->flags & KURS_TIMELINE_BAR) || before->kind == KURS_TIMELINE_MILESTONE)
              end = MAX (end, spans[row[k - 1]].start + min_days - 1);
            g_assert_cmpuint (end, <, spans[row[k]].start);
          }
      }
}

/* The model over a store */

typedef struct {
  char         *dir;
  KursStore    *store;
  KursRecord   *strategy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = kurs_test_make_dir ();
  f->store = kurs_test_open_library (f->dir);
  f->strategy = kurs_store_create_strategy (f->store, "Strategi", 2022, 2029, "Socialudvalget", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->strategy);
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static KursRecord *
add (Fixture    *f,
     KursEntity  entity,
     gint64      parent_id,
     const char *first_field,
     ...) G_GNUC_NULL_TERMINATED;

static KursRecord *
add (Fixture    *f,
     KursEntity  entity,
     gint64      parent_id,
     const char *first_field,
     ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const KursEntityInfo *info = kurs_entity_info (entity);
  KursRecord *record;
  va_list args;

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);

      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (values, kurs_field_parse_value (kurs_entity_info_get_field (info, name), text, &error));
      g_assert_no_error (error);
    }
  va_end (args);

  record = kurs_store_createv (f->store, entity, parent_id, names->len, (const char * const *) names->pdata,
                               (GVariant * const *) values->pdata, &error);
  g_assert_no_error (error);
  return record;
}

static guint
count_lane (KursTimeline *timeline,
            KursLane      lane)
{
  guint count = 0;

  for (guint i = 0; i < kurs_timeline_get_n_items (timeline); i++)
    count += kurs_timeline_get_item (timeline, i)->lane == lane;

  return count;
}

static void
test_model_lanes (Fixture       *f,
                  gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursRecord) seminar = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "seminar", "title", "Seminar",
                                       "start_date", "2022-05-20", "held", "true", NULL);
  g_autoptr(KursRecord) meeting = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "committee-meeting",
                                       "title", "Udvalgsmøde", "start_date", "2026-11-01", NULL);
  g_autoptr(KursRecord) count = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "data-release",
                                     "title", "Hjemløsetælling", "start_date", "2024-02-01",
                                     "end_date", "2024-02-29", "repeat_every_years", "2",
                                     "repeat_until_year", "2028", NULL);
  g_autoptr(KursRecord) plan = add (f, KURS_ENTITY_ACTION_PLAN, sid, "title", "Handleplan 2023–24",
                                    "start_date", "2023-01-01", "end_date", "2024-12-31", NULL);
  g_autoptr(KursRecord) undated = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", "Uden datoer",
                                       NULL);
  g_autoptr(KursRecord) late = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", "Forsinket",
                                    "start_date", "2023-03-01", "end_date", "2024-06-30",
                                    "status", "on-track", "progress", "40", "owner", "Socialafdelingen", NULL);
  g_autoptr(KursRecord) correction = add (f, KURS_ENTITY_COURSE_CORRECTION, sid, "date", "2024-12-01",
                                          "text", "Justering", NULL);
  g_autoptr(KursTimeline) timeline = kurs_timeline_new (f->store, f->strategy);
  KursDate first, last;
  int index;
  const KursTimelineItem *item;

  kurs_timeline_get_range (timeline, &first, &last);
  g_assert_cmpuint (first, ==, ymd (2022, 1, 1));
  g_assert_cmpuint (last, ==, ymd (2029, 12, 31));
  g_assert_cmpuint (kurs_timeline_get_today (timeline), ==, ymd (2026, 11, 24));

  /* The count repeats in 2024, 2026 and 2028, all in the data lane */
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_DATA), ==, 3);
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_PROCESS), ==, 2);
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_ACTION_PLANS), ==, 3);
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_CORRECTIONS), ==, 1);
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_HEARINGS), ==, 0);

  index = kurs_timeline_find (timeline, count, 2);
  g_assert_cmpint (index, >=, 0);
  item = kurs_timeline_get_item (timeline, index);
  g_assert_true (item->flags & KURS_TIMELINE_RECURRING);
  g_assert_cmpuint (kurs_timeline_get_spans (timeline)[index].start, ==, ymd (2028, 2, 1));
  g_assert_cmpuint (kurs_timeline_get_spans (timeline)[index].end, ==, ymd (2028, 2, 29));
  g_assert_false (item->flags & KURS_TIMELINE_OVERDUE);   /* a series is not ticked off */

  /* Held, and planned but past: overdue */
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, seminar, 0));
  g_assert_true (item->flags & KURS_TIMELINE_HELD);
  g_assert_false (item->flags & KURS_TIMELINE_OVERDUE);
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, meeting, 0));
  g_assert_true (item->flags & KURS_TIMELINE_OVERDUE);

  /* The plan in the lane's first row, its initiatives beneath */
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, plan, 0));
  g_assert_cmpuint (item->row, ==, 0);
  index = kurs_timeline_find (timeline, undated, 0);
  item = kurs_timeline_get_item (timeline, index);
  g_assert_cmpuint (item->row, >=, 1);
  g_assert_true (item->flags & KURS_TIMELINE_UNDATED);
  g_assert_cmpuint (kurs_timeline_get_spans (timeline)[index].start, ==, ymd (2023, 1, 1));
  g_assert_cmpuint (kurs_timeline_get_spans (timeline)[index].end, ==, ymd (2024, 12, 31));
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, late, 0));
  g_assert_cmpuint (item->row, >=, 1);
  g_assert_cmpint (item->progress, ==, 40);
  g_assert_cmpint (item->subkind, ==, KURS_INITIATIVE_ON_TRACK);
  g_assert_true (item->flags & KURS_TIMELINE_OVERDUE);   /* ended 2024, not done */
  g_assert_cmpuint (kurs_timeline_get_n_rows (timeline, KURS_LANE_ACTION_PLANS), ==, 3);

  /* Each row's items by start, none overlapping */
  assert_rows_packed (timeline);

  /* Packed again at other zooms (from the order kept), the same holds,
   * marks with room for their labels */
  for (guint min_days = 256; min_days >= 1; min_days /= 4)
    {
      kurs_timeline_set_min_days (timeline, min_days);
      assert_rows_packed (timeline);
    }

  /* Packings are kept: prepared ahead, or back at an earlier zoom, the
   * rows are the same as packed afresh */
  {
    guint n = kurs_timeline_get_n_items (timeline);
    g_autofree guint *rows_at_4 = g_new (guint, n);

    g_assert_false (kurs_timeline_prepare_min_days (timeline, 64));
    g_assert_true (kurs_timeline_prepare_min_days (timeline, 8));
    g_assert_false (kurs_timeline_prepare_min_days (timeline, 8));
    kurs_timeline_set_min_days (timeline, 4);
    for (guint i = 0; i < n; i++)
      rows_at_4[i] = kurs_timeline_get_item (timeline, i)->row;
    kurs_timeline_set_min_days (timeline, 8);
    kurs_timeline_set_min_days (timeline, 4);
    for (guint i = 0; i < n; i++)
      g_assert_cmpuint (kurs_timeline_get_item (timeline, i)->row, ==, rows_at_4[i]);
  }
}

static void
test_model_hearing_overdue (Fixture       *f,
                            gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursRecord) a = add (f, KURS_ENTITY_STAKEHOLDER, sid, "name", "Handicaprådet", "kind", "council", NULL);
  g_autoptr(KursRecord) b = add (f, KURS_ENTITY_STAKEHOLDER, sid, "name", "Ældrerådet", "kind", "council", NULL);
  g_autoptr(KursRecord) c = add (f, KURS_ENTITY_STAKEHOLDER, sid, "name", "Integrationsrådet", "kind", "council", NULL);
  g_autoptr(KursRecord) past = add (f, KURS_ENTITY_HEARING_ROUND, sid, "title", "Høring", "sent_date", "2026-10-01",
                                    "deadline", "2026-11-01", NULL);
  g_autoptr(KursRecord) open = add (f, KURS_ENTITY_HEARING_ROUND, sid, "title", "Ny høring",
                                    "sent_date", "2026-11-20", "deadline", "2026-12-20", NULL);
  g_autoptr(KursTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const KursTimelineItem *item;
  g_autofree char *text = NULL;
  KursRecord *party;

  g_autofree char *id_a = g_strdup_printf ("%" G_GINT64_FORMAT, kurs_record_get_id (a));
  g_autofree char *id_b = g_strdup_printf ("%" G_GINT64_FORMAT, kurs_record_get_id (b));
  g_autofree char *id_c = g_strdup_printf ("%" G_GINT64_FORMAT, kurs_record_get_id (c));

  g_autoptr(KursRecord) late_party = add (f, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (past),
                                          "stakeholder_id", id_a, NULL);
  party = add (f, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (past), "stakeholder_id", id_b, "response_date", "2026-10-30", NULL);
  g_object_unref (party);
  party = add (f, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (open), "stakeholder_id", id_c, NULL);

  timeline = kurs_timeline_new (f->store, f->strategy);
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, past, 0));
  g_assert_cmpuint (item->n_parties, ==, 2);
  g_assert_cmpuint (item->n_overdue, ==, 1);
  g_assert_true (item->flags & KURS_TIMELINE_OVERDUE);
  text = kurs_timeline_item_describe (timeline, kurs_timeline_find (timeline, past, 0));
  g_assert_nonnull (strstr (text, "Høring"));
  g_assert_nonnull (strstr (text, "2 parties"));
  g_assert_nonnull (strstr (text, "1 response overdue"));

  /* Not past its deadline: nobody is late yet */
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, open, 0));
  g_assert_cmpuint (item->n_overdue, ==, 0);
  g_assert_false (item->flags & KURS_TIMELINE_OVERDUE);

  /* The late answer arrives: the round follows */
  g_assert_true (kurs_store_set_text (f->store, late_party, "response_date", "2026-11-23", &error));
  g_assert_no_error (error);
  item = kurs_timeline_get_item (timeline, kurs_timeline_find (timeline, past, 0));
  g_assert_cmpuint (item->n_overdue, ==, 0);
  g_assert_false (item->flags & KURS_TIMELINE_OVERDUE);
  g_object_unref (party);
}

static void
count_changed_cb (KursTimeline *timeline,
                  guint        *count)
{
  (*count)++;
}

static void
test_model_follows_store (Fixture       *f,
                          gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursTimeline) timeline = kurs_timeline_new (f->store, f->strategy);
  g_autoptr(KursRecord) milestone = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (timeline, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 0);

  milestone = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "seminar", "title", "Seminar",
                   "start_date", "2030-03-01", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 1);
  /* Outside the period: the range widens */
  {
    KursDate last;

    kurs_timeline_get_range (timeline, NULL, &last);
    g_assert_cmpuint (last, ==, ymd (2030, 3, 1));
  }

  /* An edit elsewhere (the vision) does not rebuild */
  g_assert_true (kurs_store_set_text (f->store, f->strategy, "vision", "Alle har et hjem", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* The period does */
  g_assert_true (kurs_store_set_text (f->store, f->strategy, "end_year", "2031", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  {
    KursDate last;

    kurs_timeline_get_range (timeline, NULL, &last);
    g_assert_cmpuint (last, ==, ymd (2031, 12, 31));
  }

  g_assert_true (kurs_store_delete (f->store, milestone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 0);

  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 1);

  /* A packing made ahead does not outlive a change of the items: a second
   * mark nine days on shares no row with the first at 64 days a mark */
  g_assert_true (kurs_timeline_prepare_min_days (timeline, 64));
  g_clear_object (&milestone);
  milestone = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "seminar", "title", "Andet seminar",
                   "start_date", "2030-03-10", NULL);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 2);
  kurs_timeline_set_min_days (timeline, 64);
  g_assert_cmpuint (kurs_timeline_get_item (timeline, 0)->row, !=, kurs_timeline_get_item (timeline, 1)->row);
  kurs_timeline_set_min_days (timeline, 1);
  g_assert_cmpuint (kurs_timeline_get_item (timeline, 0)->row, ==, kurs_timeline_get_item (timeline, 1)->row);

  /* A timeline made for a view is packed when its rows are first asked
   * for, at the view's zoom, not first at the default and again */
  {
    g_autoptr(KursTimeline) fresh = kurs_timeline_new (f->store, f->strategy);

    kurs_timeline_set_min_days (fresh, 64);
    g_assert_cmpuint (kurs_timeline_get_n_rows (fresh, KURS_LANE_PROCESS), ==, 2);
    g_assert_false (kurs_timeline_prepare_min_days (fresh, 64));
    g_assert_true (kurs_timeline_prepare_min_days (fresh, 1));
    kurs_timeline_set_min_days (fresh, 1);
    g_assert_cmpuint (kurs_timeline_get_n_rows (fresh, KURS_LANE_PROCESS), ==, 1);
  }
}

static void
test_model_move (Fixture       *f,
                 gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursRecord) plan = add (f, KURS_ENTITY_ACTION_PLAN, sid, "title", "Handleplan",
                                    "start_date", "2023-01-01", "end_date", "2024-12-31", NULL);
  g_autoptr(KursRecord) initiative = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan),
                                          "title", "Indsats", "start_date", "2023-01-31",
                                          "end_date", "2023-06-30", NULL);
  g_autoptr(KursRecord) undated = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", "Udateret",
                                       NULL);
  g_autoptr(KursRecord) series = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "data-release",
                                      "title", "Nøgletal", "start_date", "2023-03-01",
                                      "repeat_every_years", "1", "repeat_until_year", "2029", NULL);
  g_autoptr(KursTimeline) timeline = kurs_timeline_new (f->store, f->strategy);
  g_autoptr(GError) error = NULL;

  /* A month later: 31 January becomes 28 February, 30 June 30 July */
  g_assert_true (kurs_timeline_move (timeline, kurs_timeline_find (timeline, initiative, 0),
                                     KURS_TIME_UNIT_MONTH, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (initiative, "start_date"), ==, "2023-02-28");
  g_assert_cmpstr (kurs_record_get_text (initiative, "end_date"), ==, "2023-07-30");
  g_assert_cmpstr (kurs_store_get_undo_label (f->store), ==, "Move “Indsats”");

  /* One action: one undo puts both back */
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_cmpstr (kurs_record_get_text (initiative, "start_date"), ==, "2023-01-31");
  g_assert_cmpstr (kurs_record_get_text (initiative, "end_date"), ==, "2023-06-30");

  /* Only its end, by days */
  g_assert_true (kurs_timeline_move (timeline, kurs_timeline_find (timeline, initiative, 0),
                                     KURS_TIME_UNIT_DAY, 0, 10, &error));
  g_assert_cmpstr (kurs_record_get_text (initiative, "start_date"), ==, "2023-01-31");
  g_assert_cmpstr (kurs_record_get_text (initiative, "end_date"), ==, "2023-07-10");

  /* Never to end before it begins; nothing written */
  g_assert_false (kurs_timeline_move (timeline, kurs_timeline_find (timeline, initiative, 0),
                                      KURS_TIME_UNIT_MONTH, 0, -7, &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (kurs_record_get_text (initiative, "end_date"), ==, "2023-07-10");

  /* An undated initiative gets dates of its own, its plan's moved */
  g_assert_true (kurs_timeline_move (timeline, kurs_timeline_find (timeline, undated, 0),
                                     KURS_TIME_UNIT_DAY, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (undated, "start_date"), ==, "2023-01-02");
  g_assert_cmpstr (kurs_record_get_text (undated, "end_date"), ==, "2025-01-01");

  /* Dragging the third occurrence moves the series */
  g_assert_true (kurs_timeline_move (timeline, kurs_timeline_find (timeline, series, 2),
                                     KURS_TIME_UNIT_MONTH, -1, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (series, "start_date"), ==, "2023-02-01");
  g_assert_false (kurs_record_has_value (series, "end_date"));
  g_assert_cmpuint (kurs_timeline_get_spans (timeline)[kurs_timeline_find (timeline, series, 2)].start,
                    ==, ymd (2025, 2, 1));
}

static void
test_model_filter (Fixture       *f,
                   gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursRecord) a = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "committee-meeting", "title", "Møde A",
                                 "start_date", "2023-03-01", "committee", "Socialudvalget", NULL);
  g_autoptr(KursRecord) b = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "committee-meeting", "title", "Møde B",
                                 "start_date", "2023-04-01", "committee", "Økonomiudvalget", NULL);
  g_autoptr(KursRecord) s = add (f, KURS_ENTITY_MILESTONE, sid, "kind", "seminar", "title", "Seminar",
                                 "start_date", "2023-05-01", NULL);
  g_autoptr(KursRecord) plan = add (f, KURS_ENTITY_ACTION_PLAN, sid, "title", "Handleplan",
                                    "start_date", "2023-01-01", "end_date", "2024-12-31", NULL);
  g_autoptr(KursRecord) i1 = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", "Et",
                                  "owner", "Jobcenter", NULL);
  g_autoptr(KursRecord) i2 = add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", "To",
                                  "owner", "Socialafdelingen", NULL);
  g_autoptr(KursTimeline) timeline = kurs_timeline_new (f->store, f->strategy);
  g_auto(GStrv) committees = kurs_timeline_list_committees (timeline);
  g_auto(GStrv) owners = kurs_timeline_list_owners (timeline);

  g_assert_cmpuint (g_strv_length (committees), ==, 2);
  g_assert_cmpstr (committees[0], ==, "Socialudvalget");
  g_assert_cmpstr (committees[1], ==, "Økonomiudvalget");
  g_assert_cmpuint (g_strv_length (owners), ==, 2);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 6);

  kurs_timeline_set_filter (timeline, 1u << KURS_MILESTONE_SEMINAR, NULL, NULL);
  g_assert_cmpint (kurs_timeline_find (timeline, s, 0), ==, -1);
  g_assert_cmpuint (kurs_timeline_get_n_items (timeline), ==, 5);

  kurs_timeline_set_filter (timeline, 0, "Økonomiudvalget", "Jobcenter");
  g_assert_cmpint (kurs_timeline_find (timeline, a, 0), ==, -1);
  g_assert_cmpint (kurs_timeline_find (timeline, b, 0), >=, 0);
  g_assert_cmpint (kurs_timeline_find (timeline, i1, 0), >=, 0);
  g_assert_cmpint (kurs_timeline_find (timeline, i2, 0), ==, -1);
  g_assert_cmpint (kurs_timeline_find (timeline, plan, 0), >=, 0);   /* a plan has neither */

  kurs_timeline_set_filter (timeline, KURS_TIMELINE_FILTER_ACTION_PLANS | KURS_TIMELINE_FILTER_INITIATIVES,
                            NULL, NULL);
  g_assert_cmpuint (count_lane (timeline, KURS_LANE_ACTION_PLANS), ==, 0);
  g_assert_cmpuint (kurs_timeline_get_n_rows (timeline, KURS_LANE_ACTION_PLANS), ==, 0);
}

static void
test_model_example (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) example = kurs_example_create (f->store, &error);
  g_autoptr(KursTimeline) timeline = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  guint n;
  const guint *row;

  g_assert_no_error (error);
  timeline = kurs_timeline_new (f->store, example);
  plans = kurs_store_list_by_strategy (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (example), NULL);

  /* The four plans follow one another: one row, in order */
  g_assert_cmpuint (plans->len, ==, 4);
  row = kurs_timeline_get_row (timeline, KURS_LANE_ACTION_PLANS, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  for (guint k = 0; k < n; k++)
    g_assert_cmpint (kurs_timeline_get_item (timeline, row[k])->id, ==, kurs_record_get_id (plans->pdata[k]));
}

/* One palette for the window, the printed timeline and the legend: each
 * mark's colour by its kind, lane and status, a milestone past its day as
 * overdue */
static void
test_colors (void)
{
  KursTimelineItem item = { 0 };
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  double rgb[3];

  item.kind = KURS_TIMELINE_MILESTONE;
  item.lane = KURS_LANE_PROCESS;
  g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_PROCESS);
  item.lane = KURS_LANE_DATA;
  g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_DATA);
  item.flags = KURS_TIMELINE_OVERDUE;
  g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_OVERDUE);

  /* a hearing with responses overdue keeps its colour; its label says so */
  item.kind = KURS_TIMELINE_HEARING;
  g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_HEARING);

  item.kind = KURS_TIMELINE_INITIATIVE;
  item.flags = 0;
  for (int status = 0; status <= 4; status++)
    {
      item.subkind = status;
      g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_NOT_STARTED + status);
    }
  item.subkind = 99;
  g_assert_cmpint (kurs_timeline_item_color (&item), ==, KURS_TIMELINE_COLOR_DONE);

  for (KursTimelineColor color = 0; color < KURS_TIMELINE_N_COLORS; color++)
    {
      const char *name = kurs_timeline_color_name (color);

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      kurs_timeline_color_rgb (color, rgb);
      for (int i = 0; i < 3; i++)
        g_assert_true (rgb[i] >= 0 && rgb[i] <= 1);
    }
}

/* Milestones and initiatives are read in whatever order is quickest; the
 * items still come in the order the store lists the rows (by date, then
 * as made, an initiative without dates first), a series' occurrences
 * together, and with each row's title and detail */
static void
test_model_schema_order (Fixture       *f,
                         gconstpointer  data)
{
  gint64 sid = kurs_record_get_id (f->strategy);
  g_autoptr(KursRecord) plan = add (f, KURS_ENTITY_ACTION_PLAN, sid, "title", "Handleplan 2023–24",
                                    "start_date", "2023-01-01", "end_date", "2024-12-31", NULL);
  static const char * const dates[] = { "2024-05-01", "2022-03-01", "2023-09-15", "2022-03-01", "2025-01-01" };
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(KursTimeline) timeline = NULL;
  guint m = 0, i = 0, occurrences = 0;

  for (guint k = 0; k < G_N_ELEMENTS (dates); k++)
    {
      g_autofree char *title = g_strdup_printf ("Møde %u", k);
      g_autofree char *initiative = g_strdup_printf ("Indsats %u", k);

      /* (the third a yearly series: for the others the list ends early) */
      g_ptr_array_add (made, add (f, KURS_ENTITY_MILESTONE, sid, "kind", k == 2 ? "data-release" : "committee-meeting",
                                  "title", title, "start_date", dates[k], "committee", "Ældrerådet",
                                  k == 2 ? "repeat_every_years" : NULL, "1", "repeat_until_year", "2025", NULL));
      if (k == 3)
        g_ptr_array_add (made, add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", initiative, NULL));
      else
        g_ptr_array_add (made, add (f, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), "title", initiative,
                                    "start_date", dates[k], "end_date", "2025-12-31", "owner", "Center for Psykiatri",
                                    NULL));
    }

  milestones = kurs_store_list_by_strategy (f->store, KURS_ENTITY_MILESTONE, sid, NULL);
  initiatives = kurs_store_list_by_strategy (f->store, KURS_ENTITY_INITIATIVE, sid, NULL);
  timeline = kurs_timeline_new (f->store, f->strategy);
  for (guint k = 0; k < kurs_timeline_get_n_items (timeline); k++)
    {
      const KursTimelineItem *item = kurs_timeline_get_item (timeline, k);
      KursRecord *expected;

      if (item->kind == KURS_TIMELINE_MILESTONE)
        {
          expected = milestones->pdata[m];
          g_assert_cmpstr (item->detail, ==, "Ældrerådet");
          /* a series: its occurrences in turn, then the next row */
          if (item->flags & KURS_TIMELINE_RECURRING)
            {
              g_assert_cmpuint (item->occurrence, ==, occurrences);
              if (++occurrences == 3)
                m++;
            }
          else
            m++;
        }
      else if (item->kind == KURS_TIMELINE_INITIATIVE)
        {
          expected = initiatives->pdata[i++];
          g_assert_cmpstr (item->detail, ==, (item->flags & KURS_TIMELINE_UNDATED) ? NULL : "Center for Psykiatri");
        }
      else
        continue;

      g_assert_cmpint (item->id, ==, kurs_record_get_id (expected));
      g_assert_cmpstr (item->title, ==, kurs_record_get_title (expected));
    }
  g_assert_cmpuint (m, ==, G_N_ELEMENTS (dates));
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (dates));
  g_assert_cmpuint (occurrences, ==, 3);
  /* listed by date, then as made; the initiative without dates first */
  g_assert_true (milestones->pdata[0] == made->pdata[2]);
  g_assert_true (milestones->pdata[1] == made->pdata[6]);
  g_assert_true (initiatives->pdata[0] == made->pdata[7]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/scale/round-trip", test_scale_round_trip);
  g_test_add_func ("/timeline/colors", test_colors);
  g_test_add_func ("/timeline/scale/fit", test_scale_fit);
  g_test_add_func ("/timeline/scale/units", test_scale_units);
  g_test_add_func ("/timeline/units/floor-and-add", test_units_floor_and_add);
  g_test_add_func ("/timeline/units/steps-between", test_units_steps_between);
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/timeline/pack/basic", test_pack_basic);
  g_test_add_func ("/timeline/pack/random", test_pack_random);
  g_test_add_func ("/timeline/pack/20000-overlapping", test_pack_20000_overlapping);
  g_test_add_func ("/timeline/row/visible-and-hit", test_row_visible_and_hit);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/model/lanes", test_model_lanes);
  ADD ("/timeline/model/schema-order", test_model_schema_order);
  ADD ("/timeline/model/hearing-overdue", test_model_hearing_overdue);
  ADD ("/timeline/model/follows-store", test_model_follows_store);
  ADD ("/timeline/model/move", test_model_move);
  ADD ("/timeline/model/filter", test_model_filter);
  ADD ("/timeline/model/example", test_model_example);
#undef ADD

  return g_test_run ();
}
