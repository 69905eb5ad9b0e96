/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_HEARING_ROUND_GROUP (kurs_hearing_round_group_get_type ())
G_DECLARE_FINAL_TYPE (KursHearingRoundGroup, kurs_hearing_round_group, KURS, HEARING_ROUND_GROUP, AdwPreferencesGroup)

GtkWidget  *kurs_hearing_round_group_new  (KursStore             *store,
                                           KursRecord            *milestone,
                                           gboolean               can_send);
GtkListBox *kurs_hearing_round_group_get_list (KursHearingRoundGroup *self);

G_END_DECLS
