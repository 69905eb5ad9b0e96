/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

/**
 * KursHealth:
 * @KURS_HEALTH_NOT_DUE: the initiative has not begun yet
 * @KURS_HEALTH_ON_TRACK: its progress keeps up with the time elapsed
 * @KURS_HEALTH_AT_RISK: its progress trails the time elapsed
 * @KURS_HEALTH_BEHIND: its progress trails the time elapsed far
 * @KURS_HEALTH_DONE: done
 *
 * How an initiative is doing, derived from its progress and its dates,
 * whatever status was typed.
 */
typedef enum {
  KURS_HEALTH_NOT_DUE,
  KURS_HEALTH_ON_TRACK,
  KURS_HEALTH_AT_RISK,
  KURS_HEALTH_BEHIND,
  KURS_HEALTH_DONE,
} KursHealth;

/* Progress as a share of the progress expected by now: below the first,
 * at risk; below the second, behind */
#define KURS_HEALTH_AT_RISK_BELOW 0.9
#define KURS_HEALTH_BEHIND_BELOW  0.7

typedef struct {
  KursHealth health;
  int        progress;   /* typed, 0–100 */
  int        expected;   /* by the time elapsed, 0–100 */
  KursDate   start;      /* the initiative's own, or its plan's */
  KursDate   end;
} KursInitiativeHealth;

void        kurs_health_of_initiative  (KursRecord           *initiative,
                                        KursRecord           *plan,
                                        KursDate              today,
                                        KursInitiativeHealth *out);
int         kurs_health_expected_progress (KursDate          start,
                                           KursDate          end,
                                           KursDate          today);
const char *kurs_health_get_label      (KursHealth            health);
char       *kurs_health_describe       (const KursInitiativeHealth *health);
char       *kurs_health_describe_rule  (void);

KursRecord *kurs_health_current_plan   (KursStore            *store,
                                        KursRecord           *strategy,
                                        KursDate              today);
GPtrArray  *kurs_health_uncovered_goals (KursStore           *store,
                                        KursRecord           *plan);
GHashTable *kurs_health_goals_served   (KursStore           *store,
                                        KursRecord          *strategy,
                                        const char          *separator);
int         kurs_health_plan_progress  (KursStore            *store,
                                        KursRecord           *plan);

G_END_DECLS
