/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"
#include "kurs-timeline.h"

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_ITEM_WINDOW (kurs_timeline_item_window_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineItemWindow, kurs_timeline_item_window, KURS, TIMELINE_ITEM_WINDOW, AdwWindow)

GtkWidget  *kurs_timeline_item_window_new        (GtkWindow              *parent,
                                                  KursStore              *store,
                                                  const KursTimelineItem *item,
                                                  KursRecord             *record);
KursRecord *kurs_timeline_item_window_get_record (KursTimelineItemWindow *self);

G_END_DECLS
