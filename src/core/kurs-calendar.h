/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"

G_BEGIN_DECLS

/* A Danish public holiday */
typedef struct {
  KursDate    date;
  const char *name;   /* N_(), "Easter Monday" */
} KursHoliday;

KursDate  kurs_calendar_easter           (int       year);
GArray   *kurs_calendar_holidays         (int       year);
gboolean  kurs_calendar_is_holiday       (KursDate  date);
int       kurs_calendar_weekday          (KursDate  date);
int       kurs_calendar_iso_week         (KursDate  date,
                                          int      *week_year);
KursDate  kurs_calendar_council_election (int       year);

G_END_DECLS
