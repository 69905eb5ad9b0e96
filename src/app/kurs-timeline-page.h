/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"
#include "kurs-timeline-list.h"
#include "kurs-timeline-view.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_PAGE (kurs_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelinePage, kurs_timeline_page, KURS, TIMELINE_PAGE, KursPage)

KursTimelineList *kurs_timeline_page_get_list (KursTimelinePage *self);
KursTimelineView *kurs_timeline_page_get_view (KursTimelinePage *self);

G_END_DECLS
