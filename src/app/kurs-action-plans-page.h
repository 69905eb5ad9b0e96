/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_ACTION_PLANS_PAGE (kurs_action_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (KursActionPlansPage, kurs_action_plans_page, KURS, ACTION_PLANS_PAGE, KursPage)

void        kurs_action_plans_page_show_plan (KursActionPlansPage *self,
                                              KursRecord          *plan);
KursRecord *kurs_action_plans_page_get_plan  (KursActionPlansPage *self);

char       *kurs_action_plans_describe_initiative (KursStore  *store,
                                                   KursRecord *initiative);

G_END_DECLS
