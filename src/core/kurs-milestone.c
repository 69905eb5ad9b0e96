/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-milestone"

#include "config.h"

#include "kurs-milestone.h"

/* What a milestone is, once for the process page, the follow-up, the
 * timeline, the printed document and kurs-cli. */

/**
 * kurs_milestone_is_overdue:
 * @today: the day to judge by (kurs_date_today())
 *
 * A one-off milestone not marked held whose last day has passed.  A
 * series is planned as a whole, not ticked off one occurrence at a time,
 * so it is never overdue.
 */
gboolean
kurs_milestone_is_overdue (KursRecord *milestone,
                           KursDate    today)
{
  g_return_val_if_fail (KURS_IS_RECORD (milestone), FALSE);

  return kurs_milestone_is_overdue_on (kurs_record_get_field_bool (milestone, KURS_FIELD_MILESTONE_HELD),
                                       (int) kurs_record_get_field_int (milestone, KURS_FIELD_MILESTONE_REPEAT_EVERY_YEARS),
                                       kurs_record_has_field_value (milestone, KURS_FIELD_MILESTONE_END_DATE)
                                       ? kurs_record_get_field_date (milestone, KURS_FIELD_MILESTONE_END_DATE)
                                       : kurs_record_get_field_date (milestone, KURS_FIELD_MILESTONE_START_DATE),
                                       today);
}

/**
 * kurs_milestone_is_overdue_on:
 * @end: its last day: the end date where it has one (even one that is not
 *   a date), else the start date
 *
 * kurs_milestone_is_overdue() of a milestone's fields, for a reader of
 * rows (KursRowReader) that makes no record.
 */
gboolean
kurs_milestone_is_overdue_on (gboolean held,
                              int      every_years,
                              KursDate end,
                              KursDate today)
{
  if (held || every_years > 0)
    return FALSE;

  return end != KURS_DATE_NONE && end < today;
}

/**
 * kurs_milestone_kind_is_workshop:
 *
 * A seminar or a theme meeting: people work together, and what they
 * produce (its outputs) shapes the strategy.
 */
gboolean
kurs_milestone_kind_is_workshop (KursMilestoneKind kind)
{
  return kind == KURS_MILESTONE_SEMINAR || kind == KURS_MILESTONE_THEME_MEETING;
}

/**
 * kurs_milestone_kind_is_agenda_item:
 *
 * A body decides or discusses it as an item on its agenda, as the minutes
 * record (case number, earlier treatment, recommendation, decision): a
 * committee meeting, the approval, the council's adoption, a status
 * review, an evaluation, or another such.  Not a workshop, a hearing or a
 * data release.
 */
gboolean
kurs_milestone_kind_is_agenda_item (KursMilestoneKind kind)
{
  switch (kind)
    {
    case KURS_MILESTONE_COMMITTEE_MEETING:
    case KURS_MILESTONE_APPROVAL:
    case KURS_MILESTONE_COUNCIL_ADOPTION:
    case KURS_MILESTONE_STATUS_REVIEW:
    case KURS_MILESTONE_EVALUATION:
    case KURS_MILESTONE_OTHER:
      return TRUE;
    case KURS_MILESTONE_SEMINAR:
    case KURS_MILESTONE_THEME_MEETING:
    case KURS_MILESTONE_HEARING:
    case KURS_MILESTONE_DATA_RELEASE:
    default:
      return FALSE;
    }
}

/**
 * kurs_milestone_kind_is_meeting:
 *
 * People meet on the day: a workshop, or a body with the milestone on its
 * agenda.  Its committee is part of how it is named (on the timeline,
 * "Udvalgsmøde: … · Socialudvalget").
 */
gboolean
kurs_milestone_kind_is_meeting (KursMilestoneKind kind)
{
  return kurs_milestone_kind_is_workshop (kind) || kurs_milestone_kind_is_agenda_item (kind);
}
