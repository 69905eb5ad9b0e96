/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-timeline.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_LIST (kurs_timeline_list_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineList, kurs_timeline_list, KURS, TIMELINE_LIST, AdwBin)

GtkWidget *kurs_timeline_list_new          (KursTimeline     *timeline);
void       kurs_timeline_list_select       (KursTimelineList *self,
                                            int               index);
int        kurs_timeline_list_get_selected (KursTimelineList *self);
void       kurs_timeline_list_search       (KursTimelineList *self,
                                            const char       *text);
GListModel *kurs_timeline_list_get_model   (KursTimelineList *self);

G_END_DECLS
