/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-language.h"
#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_PROCESS_PLAN_ERROR (kurs_process_plan_error_quark ())
GQuark kurs_process_plan_error_quark (void);

typedef enum {
  KURS_PROCESS_PLAN_ERROR_INVALID,
  /* The strategy has a process plan already */
  KURS_PROCESS_PLAN_ERROR_EXISTS,
} KursProcessPlanError;

typedef enum {
  KURS_PROCESS_PLAN_DEFAULT = 0,
  /* Replace the steps of an earlier plan that have not been held */
  KURS_PROCESS_PLAN_REPLACE = 1 << 0,
} KursProcessPlanFlags;

/* The hearing's length, in weeks: by default, and at least where the law
 * requires a public hearing (a planning strategy) */
#define KURS_HEARING_WEEKS_DEFAULT 4
#define KURS_HEARING_WEEKS_LAW_MIN 8
#define KURS_HEARING_WEEKS_MAX     26

typedef struct {
  KursMilestoneKind  kind;
  const char        *title;    /* in the language asked for */
  const char        *agenda;   /* in the language asked for, nullable */
  KursDate           start;
  KursDate           end;      /* the same as start for a one-day step */
  gboolean           council;  /* the municipal council's, not the committee's */
} KursProcessStep;

GArray     *kurs_process_plan_compute (KursDate       final_approval,
                                       guint          hearing_weeks,
                                       gboolean       required_by_law,
                                       KursLanguage   language,
                                       GError       **error);
guint       kurs_process_plan_hearing_weeks (int       hearing_weeks,
                                             gboolean  required_by_law);
GPtrArray  *kurs_process_plan_existing (KursStore   *store,
                                       KursRecord  *strategy);
gboolean    kurs_process_plan_is_step  (KursRecord  *milestone);
KursRecord *kurs_process_plan_create  (KursStore             *store,
                                       KursRecord            *strategy,
                                       KursDate               final_approval,
                                       const char            *committee,
                                       guint                  hearing_weeks,
                                       gboolean               required_by_law,
                                       KursProcessPlanFlags   flags,
                                       GError               **error);

G_END_DECLS
