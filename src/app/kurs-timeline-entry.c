/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-entry"

#include "config.h"

#include "kurs-timeline-entry.h"

/**
 * KursTimelineEntry:
 *
 * A line of the timeline as a list (KursTimelineList): a lane's heading,
 * or one of its items by its index in the timeline.
 */

struct _KursTimelineEntry
{
  GObject   parent_instance;

  KursLane  lane;
  int       item;    /* -1 for the lane's heading */
};

G_DEFINE_FINAL_TYPE (KursTimelineEntry, kurs_timeline_entry, G_TYPE_OBJECT)

static void
kurs_timeline_entry_class_init (KursTimelineEntryClass *klass)
{
}

static void
kurs_timeline_entry_init (KursTimelineEntry *self)
{
  self->item = -1;
}

KursTimelineEntry *
kurs_timeline_entry_new_lane (KursLane lane)
{
  KursTimelineEntry *self = g_object_new (KURS_TYPE_TIMELINE_ENTRY, NULL);

  self->lane = lane;
  return self;
}

KursTimelineEntry *
kurs_timeline_entry_new_item (KursLane lane,
                              guint    index)
{
  KursTimelineEntry *self = kurs_timeline_entry_new_lane (lane);

  self->item = (int) index;
  return self;
}

KursLane
kurs_timeline_entry_get_lane (KursTimelineEntry *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_ENTRY (self), 0);

  return self->lane;
}

/**
 * kurs_timeline_entry_get_item:
 *
 * Returns: the item's index in the timeline, or -1 for a lane's heading
 */
int
kurs_timeline_entry_get_item (KursTimelineEntry *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_ENTRY (self), -1);

  return self->item;
}
