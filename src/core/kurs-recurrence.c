/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-recurrence"

#include "config.h"

#include "kurs-recurrence.h"

/**
 * kurs_recurrence_expand:
 * @start: the first occurrence's first day
 * @end: its last day, or %KURS_DATE_NONE for a one-day item
 * @every_years: how often it repeats, in years; 0 for never
 * @until_year: the last year it may happen in
 * @range_start: the first day of interest, or %KURS_DATE_NONE for no limit
 * @range_end: the last day of interest, or %KURS_DATE_NONE for no limit
 *
 * Lists the occurrences of an item that repeats every N years in the same
 * month (the yearly key figures, the biennial homelessness count) that
 * overlap the range.  Each occurrence is the first moved by whole years;
 * 29 February becomes 28 February in a common year.
 *
 * Returns: (transfer full) (element-type KursOccurrence): the occurrences,
 *   in order
 */
GArray *
kurs_recurrence_expand (KursDate start,
                        KursDate end,
                        int      every_years,
                        int      until_year,
                        KursDate range_start,
                        KursDate range_end)
{
  GArray *occurrences = g_array_new (FALSE, FALSE, sizeof (KursOccurrence));
  int first_year;

  g_return_val_if_fail (start != KURS_DATE_NONE, occurrences);

  if (end == KURS_DATE_NONE || end < start)
    end = start;

  first_year = kurs_date_get_year (start);
  if (every_years <= 0)
    until_year = first_year, every_years = 1;

  for (int year = first_year; year <= until_year; year += every_years)
    {
      KursOccurrence occurrence;

      occurrence.start = kurs_date_add_years (start, year - first_year);
      occurrence.end = kurs_date_add_years (end, year - first_year);

      if (range_end != KURS_DATE_NONE && occurrence.start > range_end)
        break;
      if (range_start != KURS_DATE_NONE && occurrence.end < range_start)
        continue;

      g_array_append_val (occurrences, occurrence);
    }

  return occurrences;
}

/**
 * kurs_recurrence_expand_milestone:
 *
 * kurs_recurrence_expand() for a milestone row.
 */
GArray *
kurs_recurrence_expand_milestone (KursRecord *milestone,
                                  KursDate    range_start,
                                  KursDate    range_end)
{
  g_return_val_if_fail (KURS_IS_RECORD (milestone), NULL);
  g_return_val_if_fail (kurs_record_get_entity (milestone) == KURS_ENTITY_MILESTONE, NULL);

  return kurs_recurrence_expand (kurs_record_get_field_date (milestone, KURS_FIELD_MILESTONE_START_DATE),
                                 kurs_record_get_field_date (milestone, KURS_FIELD_MILESTONE_END_DATE),
                                 kurs_record_get_field_int (milestone, KURS_FIELD_MILESTONE_REPEAT_EVERY_YEARS),
                                 kurs_record_get_field_int (milestone, KURS_FIELD_MILESTONE_REPEAT_UNTIL_YEAR),
                                 range_start, range_end);
}
