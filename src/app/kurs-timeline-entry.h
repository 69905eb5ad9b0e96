/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kurs-timeline.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_ENTRY (kurs_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineEntry, kurs_timeline_entry, KURS, TIMELINE_ENTRY, GObject)

KursTimelineEntry *kurs_timeline_entry_new_lane (KursLane           lane);
KursTimelineEntry *kurs_timeline_entry_new_item (KursLane           lane,
                                                 guint              index);
KursLane           kurs_timeline_entry_get_lane (KursTimelineEntry *self);
int                kurs_timeline_entry_get_item (KursTimelineEntry *self);

G_END_DECLS
