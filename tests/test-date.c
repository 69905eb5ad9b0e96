/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "kurs-date.h"

static KursDate
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  KursDate date = KURS_DATE_NONE;

  g_assert_true (kurs_date_parse (text, &date, &error));
  g_assert_no_error (error);
  return date;
}

static void
test_parse_valid (void)
{
  KursDate date = parse ("2022-11-29");
  g_autofree char *iso = kurs_date_to_iso (date);

  g_assert_cmpint (kurs_date_get_year (date), ==, 2022);
  g_assert_cmpint (kurs_date_get_month (date), ==, 11);
  g_assert_cmpint (kurs_date_get_day (date), ==, 29);
  g_assert_cmpstr (iso, ==, "2022-11-29");

  /* Leap days exist in leap years, 2000 included */
  parse ("2024-02-29");
  parse ("2000-02-29");
}

static void
test_parse_invalid (void)
{
  const char *bad[] = {
    "2023-02-29",   /* not a leap year */
    "1900-02-29",   /* nor is 1900 */
    "2022-13-01", "2022-00-10", "2022-04-31", "2022-11-00",
    "22-11-29", "2022/11/29", "2022-1-29", "2022-11-29 ", " 2022-11-29",
    "29-11-2022", "2022-11-2x", "", "i dag",
    "1899-12-31",   /* outside the years a strategy can span */
    "2201-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      KursDate date = 7;

      g_assert_false (kurs_date_parse (bad[i], &date, &error));
      g_assert_error (error, KURS_DATE_ERROR, KURS_DATE_ERROR_INVALID);
      g_assert_cmpuint (date, ==, 7);
      g_assert_false (kurs_date_is_valid_iso (bad[i]));
    }
}

static void
test_add_months (void)
{
  struct { const char *from; int months; const char *to; } cases[] = {
    { "2023-01-31", 1, "2023-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2024-02-29", 12, "2025-02-28" },
    { "2022-11-29", 2, "2023-01-29" },
    { "2023-01-15", -1, "2022-12-15" },
    { "2024-03-31", -1, "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = kurs_date_to_iso (kurs_date_add_months (parse (cases[i].from),
                                                                        cases[i].months));

      g_assert_cmpstr (result, ==, cases[i].to);
    }

  {
    g_autofree char *result = kurs_date_to_iso (kurs_date_add_years (parse ("2024-02-29"), 4));

    g_assert_cmpstr (result, ==, "2028-02-29");
  }
}

static void
test_today_pinned (void)
{
  g_autofree char *today = NULL;

  g_setenv ("KURS_TODAY", "2022-10-04", TRUE);
  today = kurs_date_to_iso (kurs_date_today ());
  g_assert_cmpstr (today, ==, "2022-10-04");
}

static void
test_order_is_numeric (void)
{
  g_assert_cmpuint (parse ("2022-12-31") + 1, ==, parse ("2023-01-01"));
  g_assert_cmpuint (parse ("2024-03-01") - parse ("2024-02-01"), ==, 29);
}

/* kurs_date_from_ymd() is arithmetic; it must give GDate's Julian day for
 * every day (leap days and centuries included) */
static void
test_from_ymd_is_gdate (void)
{
  guint checked = 0;

  for (int year = 1; year <= 9999; year++)
    {
      gboolean every_day = year <= 3 || (year >= 1895 && year <= 2105) || year >= 9997;

      for (int month = 1; month <= 12; month++)
        for (int day = 1; day <= g_date_get_days_in_month (month, year); day++)
          {
            GDate date;

            if (!every_day && (day != 1 && day != 28 && day != g_date_get_days_in_month (month, year)))
              continue;
            g_date_clear (&date, 1);
            g_date_set_dmy (&date, day, month, year);
            if (kurs_date_from_ymd (year, month, day) != g_date_get_julian (&date))
              g_error ("%04d-%02d-%02d: %u, GDate %u", year, month, day,
                       kurs_date_from_ymd (year, month, day), g_date_get_julian (&date));
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 400000);
  g_assert_cmpuint (kurs_date_from_ymd (1, 1, 1), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/today-pinned", test_today_pinned);
  g_test_add_func ("/date/order-is-numeric", test_order_is_numeric);
  g_test_add_func ("/date/from-ymd-is-gdate", test_from_ymd_is_gdate);

  return g_test_run ();
}
