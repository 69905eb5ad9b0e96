/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-timeline-view.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_FILTER (kurs_timeline_filter_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineFilter, kurs_timeline_filter, KURS, TIMELINE_FILTER, GtkPopover)

void            kurs_timeline_filter_set_view       (KursTimelineFilter *self,
                                                     KursTimelineView   *view);
GtkCheckButton *kurs_timeline_filter_get_baseline_check (KursTimelineFilter *self);
GtkCheckButton *kurs_timeline_filter_get_calendar_check (KursTimelineFilter *self,
                                                         KursCalendarLayers  layer);
GtkCheckButton *kurs_timeline_filter_get_lane_check (KursTimelineFilter *self,
                                                     KursLane            lane);
GtkCheckButton *kurs_timeline_filter_get_kind_check (KursTimelineFilter *self,
                                                     guint               filter_bit);
GtkDropDown    *kurs_timeline_filter_get_committee  (KursTimelineFilter *self);
GtkDropDown    *kurs_timeline_filter_get_owner      (KursTimelineFilter *self);

G_END_DECLS
