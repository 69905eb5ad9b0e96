/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-item-accessible"

#include "config.h"

#include "kurs-timeline-item-accessible.h"

/**
 * KursTimelineItemAccessible:
 *
 * One item of the drawn timeline as screen readers and the keyboard know
 * it: a list item named in words ("Handleplan 2023–24, Action plan, 1
 * January 2023 – 31 December 2024, …"), selected or not, placed over the
 * item's bar or mark.  It draws nothing and takes no pointer: the timeline
 * draws the item and its focus ring, and hands these out to the items in
 * view (GTK 4.8 has no accessible objects that are not widgets).
 */

struct _KursTimelineItemAccessible
{
  GtkWidget  parent_instance;

  int        index;
  char      *description;
  gboolean   selected;
};

G_DEFINE_FINAL_TYPE (KursTimelineItemAccessible, kurs_timeline_item_accessible, GTK_TYPE_WIDGET)

static void
kurs_timeline_item_accessible_finalize (GObject *object)
{
  KursTimelineItemAccessible *self = KURS_TIMELINE_ITEM_ACCESSIBLE (object);

  g_free (self->description);

  G_OBJECT_CLASS (kurs_timeline_item_accessible_parent_class)->finalize (object);
}

static void
kurs_timeline_item_accessible_class_init (KursTimelineItemAccessibleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kurs_timeline_item_accessible_finalize;

  gtk_widget_class_set_css_name (widget_class, "timeline-item");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
kurs_timeline_item_accessible_init (KursTimelineItemAccessible *self)
{
  self->index = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
}

GtkWidget *
kurs_timeline_item_accessible_new (void)
{
  return g_object_new (KURS_TYPE_TIMELINE_ITEM_ACCESSIBLE, NULL);
}

/**
 * kurs_timeline_item_accessible_set_item:
 * @index: the item in the timeline
 * @description: the item in words, its accessible name
 *
 * Makes @self stand for an item.  What has not changed is not told again.
 */
void
kurs_timeline_item_accessible_set_item (KursTimelineItemAccessible *self,
                                        int                         index,
                                        const char                 *description,
                                        gboolean                    selected)
{
  g_return_if_fail (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (self));

  self->index = index;
  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  if (selected != self->selected)
    {
      self->selected = selected;
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
    }
}

int
kurs_timeline_item_accessible_get_index (KursTimelineItemAccessible *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (self), -1);

  return self->index;
}
