/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"

G_BEGIN_DECLS

/* A Danish public holiday */
typedef struct {
  KursDate    date;
  const char *name;   /* N_(), "Easter Monday" */
} KursHoliday;

/**
 * KursCalendarLayers:
 *
 * What of the Danish planning calendar a timeline draws behind its items.
 */
typedef enum {
  KURS_CALENDAR_WEEKS    = 1 << 0,   /* ISO week numbers */
  KURS_CALENDAR_HOLIDAYS = 1 << 1,   /* weekends and public holidays */
  KURS_CALENDAR_COUNCIL  = 1 << 2,   /* council terms and municipal elections */
  KURS_CALENDAR_BUDGET   = 1 << 3,   /* the adoption of each year's budget */
  KURS_CALENDAR_ALL      = 0xf,
} KursCalendarLayers;

/* A mark of the calendar over a stretch of days */
typedef enum {
  KURS_CALENDAR_MARK_TERM,       /* a council's four years */
  KURS_CALENDAR_MARK_ELECTION,   /* the day of a municipal election */
  KURS_CALENDAR_MARK_BUDGET,     /* the day the next year's budget is due */
} KursCalendarMarkKind;

typedef struct {
  KursCalendarMarkKind kind;
  KursDate             start;
  KursDate             end;      /* the same day for a day's mark */
  int                  year;     /* a term's first year; the budget's year */
} KursCalendarMark;

KursDate  kurs_calendar_easter           (int       year);
GArray   *kurs_calendar_holidays         (int       year);
gboolean  kurs_calendar_is_holiday       (KursDate  date);
int       kurs_calendar_weekday          (KursDate  date);
int       kurs_calendar_iso_week         (KursDate  date,
                                          int      *week_year);
KursDate  kurs_calendar_council_election (int       year);
int       kurs_calendar_council_term     (int       year);
KursDate  kurs_calendar_budget_adoption  (int       year);
GArray   *kurs_calendar_marks            (KursDate            first,
                                          KursDate            last,
                                          KursCalendarLayers  layers);
char     *kurs_calendar_mark_label       (const KursCalendarMark *mark);

G_END_DECLS
