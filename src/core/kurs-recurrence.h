/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"
#include "kurs-record.h"

G_BEGIN_DECLS

typedef struct {
  KursDate start;
  KursDate end;     /* the same as start for a one-day item */
} KursOccurrence;

GArray *kurs_recurrence_expand           (KursDate    start,
                                          KursDate    end,
                                          int         every_years,
                                          int         until_year,
                                          KursDate    range_start,
                                          KursDate    range_end);
GArray *kurs_recurrence_expand_milestone (KursRecord *milestone,
                                          KursDate    range_start,
                                          KursDate    range_end);

G_END_DECLS
