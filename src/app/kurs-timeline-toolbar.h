/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-timeline-filter.h"
#include "kurs-timeline-view.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_TOOLBAR (kurs_timeline_toolbar_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineToolbar, kurs_timeline_toolbar, KURS, TIMELINE_TOOLBAR, GtkBox)

GtkWidget          *kurs_timeline_toolbar_new            (KursTimelineView    *view);
gboolean            kurs_timeline_toolbar_get_list_shown (KursTimelineToolbar *self);
void                kurs_timeline_toolbar_set_list_shown (KursTimelineToolbar *self,
                                                          gboolean             shown);
KursTimelineFilter *kurs_timeline_toolbar_get_filter     (KursTimelineToolbar *self);

G_END_DECLS
