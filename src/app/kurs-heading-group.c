/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-heading-group"

#include "config.h"

#include "kurs-heading-group.h"

/**
 * KursHeadingGroup:
 *
 * A group with a title and a description, as
 * adw_preferences_group_set_description() would show them, but in a column
 * of its own: libadwaita lays the description in a row beside the header's
 * suffix, and GTK 4.8 lays a wrapping label in a row out anew for every
 * height it tries while allocating the row (64 layouts of one description
 * at start-up).  Without a description it is a plain titled group.  Add
 * the group's list to it after.
 */
struct _KursHeadingGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget *heading;
  GtkWidget *title_label;
  GtkWidget *description_label;
};

G_DEFINE_FINAL_TYPE (KursHeadingGroup, kurs_heading_group, ADW_TYPE_PREFERENCES_GROUP)

static void
kurs_heading_group_class_init (KursHeadingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-heading-group.ui");
  gtk_widget_class_bind_template_child (widget_class, KursHeadingGroup, heading);
  gtk_widget_class_bind_template_child (widget_class, KursHeadingGroup, title_label);
  gtk_widget_class_bind_template_child (widget_class, KursHeadingGroup, description_label);
}

static void
kurs_heading_group_init (KursHeadingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kurs_heading_group_new:
 * @title: the group's title
 * @description: (nullable): what the group is, under its title
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
kurs_heading_group_new (const char *title,
                        const char *description)
{
  KursHeadingGroup *self = g_object_new (KURS_TYPE_HEADING_GROUP, NULL);

  if (description == NULL)
    {
      gtk_widget_set_visible (self->heading, FALSE);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (self->title_label), title);
      gtk_label_set_label (GTK_LABEL (self->description_label), description);
    }

  return GTK_WIDGET (self);
}

/**
 * kurs_heading_group_get_title:
 *
 * Returns: the group's title, in its header or above its description
 */
const char *
kurs_heading_group_get_title (KursHeadingGroup *self)
{
  g_return_val_if_fail (KURS_IS_HEADING_GROUP (self), NULL);

  if (!gtk_widget_get_visible (self->heading))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));
  return gtk_label_get_label (GTK_LABEL (self->title_label));
}

/**
 * kurs_group_get_title:
 *
 * Returns: (nullable): the title of a group, whether libadwaita shows it
 *   or a #KursHeadingGroup does
 */
const char *
kurs_group_get_title (AdwPreferencesGroup *group)
{
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  if (KURS_IS_HEADING_GROUP (group))
    return kurs_heading_group_get_title (KURS_HEADING_GROUP (group));
  return adw_preferences_group_get_title (group);
}
