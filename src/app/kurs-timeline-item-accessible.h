/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KURS_TYPE_TIMELINE_ITEM_ACCESSIBLE (kurs_timeline_item_accessible_get_type ())
G_DECLARE_FINAL_TYPE (KursTimelineItemAccessible, kurs_timeline_item_accessible, KURS, TIMELINE_ITEM_ACCESSIBLE, GtkWidget)

GtkWidget *kurs_timeline_item_accessible_new       (void);
void       kurs_timeline_item_accessible_set_item  (KursTimelineItemAccessible *self,
                                                    int                         index,
                                                    const char                 *description,
                                                    gboolean                    selected);
int        kurs_timeline_item_accessible_get_index (KursTimelineItemAccessible *self);

G_END_DECLS
