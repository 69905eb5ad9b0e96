/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include "kurs-calendar.h"

/* Easter 2022–2035 as the almanacs print it, and the holidays that follow */
static void
test_easter_and_holidays (void)
{
  static const char * const easter[] = {
    "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16",
    "2029-04-01", "2030-04-21", "2031-04-13", "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25",
  };

  for (int year = 2022; year <= 2035; year++)
    {
      g_autofree char *text = kurs_date_to_iso (kurs_calendar_easter (year));
      g_autoptr(GArray) holidays = kurs_calendar_holidays (year);

      g_assert_cmpstr (text, ==, easter[year - 2022]);
      /* General Prayer Day was one until 2023 */
      g_assert_cmpuint (holidays->len, ==, year <= 2023 ? 11 : 10);
      for (guint i = 1; i < holidays->len; i++)
        g_assert_cmpuint (g_array_index (holidays, KursHoliday, i - 1).date, <,
                          g_array_index (holidays, KursHoliday, i).date);
    }

  /* A few by their day */
  g_assert_true (kurs_calendar_is_holiday (kurs_date_from_ymd (2023, 5, 5)));    /* Store bededag */
  g_assert_false (kurs_calendar_is_holiday (kurs_date_from_ymd (2024, 4, 26)));  /* no longer */
  g_assert_true (kurs_calendar_is_holiday (kurs_date_from_ymd (2024, 5, 9)));    /* Kristi himmelfart */
  g_assert_true (kurs_calendar_is_holiday (kurs_date_from_ymd (2025, 6, 9)));    /* 2. pinsedag */
  g_assert_true (kurs_calendar_is_holiday (kurs_date_from_ymd (2027, 3, 25)));   /* Skærtorsdag */
  g_assert_true (kurs_calendar_is_holiday (kurs_date_from_ymd (2030, 12, 26)));  /* 2. juledag */
  g_assert_false (kurs_calendar_is_holiday (kurs_date_from_ymd (2026, 6, 5)));   /* Grundlovsdag: by custom */
  g_assert_false (kurs_calendar_is_holiday (kurs_date_from_ymd (2026, 12, 24))); /* Juleaften: by custom */
}

/* Week numbers around New Year, where the week's year is not the date's */
static void
test_iso_weeks (void)
{
  static const struct { int y, m, d, week, week_year; } cases[] = {
    { 2020, 12, 31, 53, 2020 },
    { 2021, 1, 3, 53, 2020 },
    { 2021, 1, 4, 1, 2021 },
    { 2024, 12, 30, 1, 2025 },
    { 2025, 12, 29, 1, 2026 },
    { 2026, 12, 31, 53, 2026 },
    { 2027, 1, 1, 53, 2026 },
    { 2027, 1, 4, 1, 2027 },
    { 2029, 5, 17, 20, 2029 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int week_year = 0;

      g_assert_cmpint (kurs_calendar_iso_week (kurs_date_from_ymd (cases[i].y, cases[i].m, cases[i].d), &week_year),
                       ==, cases[i].week);
      g_assert_cmpint (week_year, ==, cases[i].week_year);
    }
}

/* The municipal elections: the third Tuesday of November, every fourth year */
static void
test_council_elections (void)
{
  static const struct { int year; const char *day; } elections[] = {
    { 2017, "2017-11-21" }, { 2021, "2021-11-16" }, { 2025, "2025-11-18" }, { 2029, "2029-11-20" },
    { 2033, "2033-11-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (elections); i++)
    {
      g_autofree char *text = kurs_date_to_iso (kurs_calendar_council_election (elections[i].year));

      g_assert_cmpstr (text, ==, elections[i].day);
    }
  g_assert_cmpuint (kurs_calendar_council_election (2026), ==, KURS_DATE_NONE);
  g_assert_cmpuint (kurs_calendar_council_election (2028), ==, KURS_DATE_NONE);
}

/* The day of the week by arithmetic agrees with GLib's calendar, over
 * decades either side of today */
/* Terms of four years from 1 January after an election; a budget due by
 * 15 October the year before; the marks of a strategy's period, in order,
 * and only the layers asked for */
static void
test_terms_budgets_and_marks (void)
{
  KursDate first = kurs_date_from_ymd (2023, 3, 1), last = kurs_date_from_ymd (2029, 12, 31);
  g_autoptr(GArray) all = kurs_calendar_marks (first, last, KURS_CALENDAR_ALL);
  g_autoptr(GArray) council = kurs_calendar_marks (first, last, KURS_CALENDAR_COUNCIL);
  g_autoptr(GArray) none = kurs_calendar_marks (first, last, KURS_CALENDAR_WEEKS | KURS_CALENDAR_HOLIDAYS);
  guint terms = 0, elections = 0, budgets = 0;
  const KursCalendarMark *mark;
  g_autofree char *label = NULL;

  g_assert_cmpint (kurs_calendar_council_term (2021), ==, 2018);
  g_assert_cmpint (kurs_calendar_council_term (2022), ==, 2022);
  g_assert_cmpint (kurs_calendar_council_term (2025), ==, 2022);
  g_assert_cmpint (kurs_calendar_council_term (2026), ==, 2026);
  g_assert_cmpint (kurs_calendar_council_term (2033), ==, 2030);
  g_assert_cmpuint (kurs_calendar_budget_adoption (2027), ==, kurs_date_from_ymd (2026, 10, 15));

  for (guint i = 0; i < all->len; i++)
    {
      mark = &g_array_index (all, KursCalendarMark, i);
      g_assert_true (mark->end >= first && mark->start <= last);
      if (i > 0)
        g_assert_cmpuint (g_array_index (all, KursCalendarMark, i - 1).start, <=, mark->start);
      switch (mark->kind)
        {
        case KURS_CALENDAR_MARK_TERM:
          g_assert_cmpuint (mark->start, ==, kurs_date_from_ymd (mark->year, 1, 1));
          g_assert_cmpuint (mark->end, ==, kurs_date_from_ymd (mark->year + 3, 12, 31));
          terms++;
          break;
        case KURS_CALENDAR_MARK_ELECTION:
          g_assert_cmpuint (mark->start, ==, kurs_calendar_council_election (mark->year));
          elections++;
          break;
        case KURS_CALENDAR_MARK_BUDGET:
          g_assert_cmpuint (mark->start, ==, kurs_date_from_ymd (mark->year - 1, 10, 15));
          budgets++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* 2022–25 and 2026–29; the election of 2025 (that of 2029 is in range too) */
  g_assert_cmpuint (terms, ==, 2);
  g_assert_cmpuint (elections, ==, 2);
  g_assert_cmpuint (budgets, ==, 7);      /* due 2023 to 2029, for 2024 to 2030 */
  g_assert_cmpuint (council->len, ==, 4);
  g_assert_cmpuint (none->len, ==, 0);

  mark = &g_array_index (all, KursCalendarMark, 0);
  label = kurs_calendar_mark_label (mark);
  g_assert_cmpstr (label, ==, "Council term 2022–2025");
}

static void
test_weekday (void)
{
  for (KursDate date = kurs_date_from_ymd (1990, 1, 1); date <= kurs_date_from_ymd (2060, 12, 31); date++)
    {
      int year, month, day;
      g_autoptr(GDateTime) time = NULL;

      kurs_date_to_ymd (date, &year, &month, &day);
      time = g_date_time_new_utc (year, month, day, 12, 0, 0);
      g_assert_cmpint (kurs_calendar_weekday (date), ==, g_date_time_get_day_of_week (time));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/easter-and-holidays", test_easter_and_holidays);
  g_test_add_func ("/calendar/iso-weeks", test_iso_weeks);
  g_test_add_func ("/calendar/council-elections", test_council_elections);
  g_test_add_func ("/calendar/terms-budgets-and-marks", test_terms_budgets_and_marks);
  g_test_add_func ("/calendar/weekday", test_weekday);

  return g_test_run ();
}
