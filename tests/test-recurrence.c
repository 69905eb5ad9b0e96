/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-recurrence"

#include "config.h"

#include "kurs-recurrence.h"

static KursDate
d (const char *text)
{
  KursDate date;

  g_assert_true (kurs_date_parse (text, &date, NULL));
  return date;
}

static char *
describe (GArray *occurrences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      KursOccurrence *o = &g_array_index (occurrences, KursOccurrence, i);
      g_autofree char *start = kurs_date_to_iso (o->start);
      g_autofree char *end = kurs_date_to_iso (o->end);

      g_string_append_printf (text, "%s%s/%s", i ? " " : "", start, end);
    }

  return g_string_free (text, FALSE);
}

static void
check (GArray     *occurrences,
       const char *expected)
{
  g_autofree char *text = describe (occurrences);

  g_assert_cmpstr (text, ==, expected);
  g_array_unref (occurrences);
}

static void
test_single (void)
{
  check (kurs_recurrence_expand (d ("2022-05-20"), d ("2022-05-21"), 0, 0, 0, 0),
         "2022-05-20/2022-05-21");
  /* A one-day item ends the day it starts */
  check (kurs_recurrence_expand (d ("2022-11-29"), KURS_DATE_NONE, 0, 0, 0, 0),
         "2022-11-29/2022-11-29");
}

static void
test_biennial_count (void)
{
  /* VIVE's count: collected in February, every second year 2024–2028;
   * February 2026 has no 29th. */
  check (kurs_recurrence_expand (d ("2024-02-01"), d ("2024-02-29"), 2, 2028, 0, 0),
         "2024-02-01/2024-02-29 2026-02-01/2026-02-28 2028-02-01/2028-02-29");
}

static void
test_yearly (void)
{
  check (kurs_recurrence_expand (d ("2023-09-01"), d ("2023-10-31"), 1, 2026, 0, 0),
         "2023-09-01/2023-10-31 2024-09-01/2024-10-31 2025-09-01/2025-10-31 2026-09-01/2026-10-31");
  /* until_year is inclusive, and an occurrence past it is not made */
  check (kurs_recurrence_expand (d ("2023-01-01"), KURS_DATE_NONE, 3, 2028, 0, 0),
         "2023-01-01/2023-01-01 2026-01-01/2026-01-01");
}

static void
test_range (void)
{
  /* Only what overlaps the range, including an occurrence that straddles its start */
  check (kurs_recurrence_expand (d ("2023-12-15"), d ("2024-01-15"), 1, 2030,
                                 d ("2025-01-01"), d ("2026-12-31")),
         "2024-12-15/2025-01-15 2025-12-15/2026-01-15 2026-12-15/2027-01-15");
  check (kurs_recurrence_expand (d ("2023-04-01"), KURS_DATE_NONE, 1, 2030,
                                 d ("2040-01-01"), d ("2041-01-01")), "");
}

static void
test_reversed_end (void)
{
  /* An end before the start is taken as a one-day item, never a negative span */
  check (kurs_recurrence_expand (d ("2024-03-01"), d ("2024-02-01"), 0, 0, 0, 0),
         "2024-03-01/2024-03-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/single", test_single);
  g_test_add_func ("/recurrence/biennial-count", test_biennial_count);
  g_test_add_func ("/recurrence/yearly", test_yearly);
  g_test_add_func ("/recurrence/range", test_range);
  g_test_add_func ("/recurrence/reversed-end", test_reversed_end);

  return g_test_run ();
}
