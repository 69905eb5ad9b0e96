/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-calendar.h"

/* The Danish planning calendar: public holidays (computed from Easter, so
 * they never run out), ISO week numbers, the municipal elections that
 * begin each council's four-year term, and the budget each council adopts
 * in October for the year after.  The timeline on screen and on paper
 * draws them; these are the rules. */

/**
 * kurs_calendar_easter:
 *
 * Returns: Easter Sunday of @year in the Gregorian calendar (the
 *   anonymous Gregorian algorithm, "Meeus/Jones/Butcher")
 */
KursDate
kurs_calendar_easter (int year)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_return_val_if_fail (year >= 1583 && year <= 9999, KURS_DATE_NONE);

  return kurs_date_from_ymd (year, month, day);
}

static void
add (GArray     *holidays,
     KursDate    date,
     const char *name)
{
  KursHoliday holiday = { date, name };

  g_array_append_val (holidays, holiday);
}

/**
 * kurs_calendar_holidays:
 *
 * The public holidays of Denmark in @year: New Year's Day, the five
 * around Easter, Ascension Day, Whitsun, Christmas; and General Prayer
 * Day until 2023, when it ceased to be one.  Constitution Day (5 June) and
 * Christmas Eve are days off by custom, not by law, and are not among them.
 *
 * Returns: (transfer full) (element-type KursHoliday): in date order
 */
GArray *
kurs_calendar_holidays (int year)
{
  GArray *holidays = g_array_new (FALSE, FALSE, sizeof (KursHoliday));
  KursDate easter = kurs_calendar_easter (year);

  add (holidays, kurs_date_from_ymd (year, 1, 1), N_("New Year's Day"));
  add (holidays, easter - 3, N_("Maundy Thursday"));
  add (holidays, easter - 2, N_("Good Friday"));
  add (holidays, easter, N_("Easter Sunday"));
  add (holidays, easter + 1, N_("Easter Monday"));
  if (year <= 2023)
    add (holidays, easter + 26, N_("General Prayer Day"));
  add (holidays, easter + 39, N_("Ascension Day"));
  add (holidays, easter + 49, N_("Whit Sunday"));
  add (holidays, easter + 50, N_("Whit Monday"));
  add (holidays, kurs_date_from_ymd (year, 12, 25), N_("Christmas Day"));
  add (holidays, kurs_date_from_ymd (year, 12, 26), N_("Boxing Day"));
  return holidays;
}

gboolean
kurs_calendar_is_holiday (KursDate date)
{
  g_autoptr(GArray) holidays = NULL;

  g_return_val_if_fail (date != KURS_DATE_NONE, FALSE);

  holidays = kurs_calendar_holidays (kurs_date_get_year (date));
  for (guint i = 0; i < holidays->len; i++)
    if (g_array_index (holidays, KursHoliday, i).date == date)
      return TRUE;
  return FALSE;
}

/**
 * kurs_calendar_weekday:
 *
 * Returns: @date's day of the week, 1 for Monday to 7 for Sunday (as
 *   #GDateWeekday), by arithmetic: day 1, 1 January of year 1, was a Monday
 */
int
kurs_calendar_weekday (KursDate date)
{
  g_return_val_if_fail (date != KURS_DATE_NONE, 0);

  return (int) ((date - 1) % 7) + 1;
}

/**
 * kurs_calendar_iso_week:
 * @week_year: (out) (optional): the year the week belongs to, which near
 *   New Year can be the one before or after @date's
 *
 * Returns: @date's ISO 8601 week number, 1 to 53, as Danish calendars
 *   number weeks
 */
int
kurs_calendar_iso_week (KursDate  date,
                        int      *week_year)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (date != KURS_DATE_NONE, 0);

  kurs_date_to_ymd (date, &year, &month, &day);
  time = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (week_year != NULL)
    *week_year = g_date_time_get_week_numbering_year (time);
  return g_date_time_get_week_of_year (time);
}

/**
 * kurs_calendar_council_election:
 *
 * Municipal elections are held on the third Tuesday of November every
 * fourth year (2021, 2025, 2029…); the new council's term begins on
 * 1 January after.
 *
 * Returns: the day of @year's election, or %KURS_DATE_NONE if there is none
 *   that year
 */
KursDate
kurs_calendar_council_election (int year)
{
  KursDate first = kurs_date_from_ymd (year, 11, 1);

  if (((year - 2021) % 4 + 4) % 4 != 0)
    return KURS_DATE_NONE;

  /* the first Tuesday, and two weeks on */
  return first + (2 - kurs_calendar_weekday (first) + 7) % 7 + 14;
}

/**
 * kurs_calendar_council_term:
 *
 * A council sits for four years from 1 January after its election:
 * 2022–2025, 2026–2029…
 *
 * Returns: the first year of the term @year is in
 */
int
kurs_calendar_council_term (int year)
{
  return year - ((year - 2022) % 4 + 4) % 4;
}

/**
 * kurs_calendar_budget_adoption:
 *
 * The council adopts the budget for a year at its second reading, by
 * 15 October of the year before (the Local Government Act, § 38).
 *
 * Returns: the day @year's budget is due
 */
KursDate
kurs_calendar_budget_adoption (int year)
{
  return kurs_date_from_ymd (year - 1, 10, 15);
}

/**
 * kurs_calendar_marks:
 *
 * Returns: (element-type KursCalendarMark): the terms, elections and
 *   budgets of @layers that fall (wholly or partly) in @first to @last, by
 *   their start
 */
GArray *
kurs_calendar_marks (KursDate           first,
                     KursDate           last,
                     KursCalendarLayers layers)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (KursCalendarMark));
  int first_year, last_year;

  g_return_val_if_fail (first != KURS_DATE_NONE && last >= first, marks);

  first_year = kurs_date_get_year (first);
  last_year = kurs_date_get_year (last);
  for (int year = kurs_calendar_council_term (first_year); year <= last_year + 1; year++)
    {
      if ((layers & KURS_CALENDAR_COUNCIL) && year == kurs_calendar_council_term (year))
        {
          KursCalendarMark term = { KURS_CALENDAR_MARK_TERM, kurs_date_from_ymd (year, 1, 1),
                                    kurs_date_from_ymd (year + 3, 12, 31), year };

          if (term.end >= first && term.start <= last)
            g_array_append_val (marks, term);
        }
      if ((layers & KURS_CALENDAR_BUDGET))
        {
          KursDate due = kurs_calendar_budget_adoption (year + 1);
          KursCalendarMark budget = { KURS_CALENDAR_MARK_BUDGET, due, due, year + 1 };

          if (due >= first && due <= last)
            g_array_append_val (marks, budget);
        }
      if ((layers & KURS_CALENDAR_COUNCIL) && kurs_calendar_council_election (year) != KURS_DATE_NONE)
        {
          KursDate day = kurs_calendar_council_election (year);
          KursCalendarMark election = { KURS_CALENDAR_MARK_ELECTION, day, day, year };

          if (day >= first && day <= last)
            g_array_append_val (marks, election);
        }
    }
  return marks;
}

/**
 * kurs_calendar_mark_label:
 *
 * Returns: the mark in words: "Council term 2022–2025", "Municipal
 *   election", "Budget 2027"
 */
char *
kurs_calendar_mark_label (const KursCalendarMark *mark)
{
  g_return_val_if_fail (mark != NULL, NULL);

  switch (mark->kind)
    {
    case KURS_CALENDAR_MARK_TERM:
      /* Translators: a municipal council's four years, "Council term 2022–2025" */
      return g_strdup_printf (_("Council term %d–%d"), mark->year, mark->year + 3);
    case KURS_CALENDAR_MARK_ELECTION:
      return g_strdup (_("Municipal election"));
    case KURS_CALENDAR_MARK_BUDGET:
      /* Translators: the day the council adopts the budget for that year, "Budget 2027" */
      return g_strdup_printf (_("Budget %d"), mark->year);
    default:
      g_return_val_if_reached (NULL);
    }
}
