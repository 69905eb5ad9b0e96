/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_GOAL_ORIGINS_GROUP (kurs_goal_origins_group_get_type ())
G_DECLARE_FINAL_TYPE (KursGoalOriginsGroup, kurs_goal_origins_group, KURS, GOAL_ORIGINS_GROUP, AdwPreferencesGroup)

GtkWidget  *kurs_goal_origins_group_new      (KursStore            *store,
                                              KursRecord           *goal);
GtkListBox *kurs_goal_origins_group_get_list (KursGoalOriginsGroup *self);

G_END_DECLS
