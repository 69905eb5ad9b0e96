/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-baseline.h"
#include "kurs-calendar.h"
#include "kurs-timeline.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_VIEW (kurs_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineView, kurs_timeline_view, KURS, TIMELINE_VIEW, GtkWidget)

GtkWidget    *kurs_timeline_view_new               (KursTimeline     *timeline);
KursTimeline *kurs_timeline_view_get_timeline      (KursTimelineView *self);

double        kurs_timeline_view_get_zoom          (KursTimelineView *self);
void          kurs_timeline_view_zoom              (KursTimelineView *self,
                                                    double            factor);
void          kurs_timeline_view_fit_period        (KursTimelineView *self);
void          kurs_timeline_view_get_visible_range (KursTimelineView *self,
                                                    KursDate         *first,
                                                    KursDate         *last);
void          kurs_timeline_view_set_visible_range (KursTimelineView *self,
                                                    KursDate          first,
                                                    KursDate          last);

void          kurs_timeline_view_set_calendar       (KursTimelineView   *self,
                                                     KursCalendarLayers  layers);
KursCalendarLayers kurs_timeline_view_get_calendar  (KursTimelineView   *self);
void          kurs_timeline_view_set_show_baseline (KursTimelineView *self,
                                                    gboolean          show);
gboolean      kurs_timeline_view_get_show_baseline (KursTimelineView *self);
void          kurs_timeline_view_set_baseline      (KursTimelineView   *self,
                                                    const KursBaseline *baseline);
const KursBaseline *kurs_timeline_view_get_baseline (KursTimelineView *self);
gboolean      kurs_timeline_view_get_lane_collapsed (KursTimelineView *self,
                                                    KursLane          lane);
void          kurs_timeline_view_set_lane_collapsed (KursTimelineView *self,
                                                    KursLane          lane,
                                                    gboolean          collapsed);

int           kurs_timeline_view_get_selected      (KursTimelineView *self);
void          kurs_timeline_view_select            (KursTimelineView *self,
                                                    int               index);
gboolean      kurs_timeline_view_get_item_area     (KursTimelineView *self,
                                                    guint             index,
                                                    graphene_rect_t  *area);
double        kurs_timeline_view_x_for_date        (KursTimelineView *self,
                                                    KursDate          date);

G_END_DECLS
