/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-boxed-list"

#include "config.h"

#include <adwaita.h>

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"

/* The boxed lists of rows that the pages show what they derive in —
 * who has answered, what is overdue, a goal's origins — named for a
 * screen reader, and saying so when they are empty; and the group with a
 * description that such a list often stands in. */

/**
 * kurs_boxed_list_new:
 * @name: what the list is, for a screen reader
 * @empty: (nullable): what the empty list says
 *
 * Returns: (transfer floating): a #GtkListBox in the boxed-list style
 */
GtkWidget *
kurs_boxed_list_new (const char *name,
                     const char *empty)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  if (empty != NULL)
    {
      GtkWidget *placeholder = gtk_label_new (empty);

      gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_widget_set_margin_start (placeholder, 12);
      gtk_widget_set_margin_end (placeholder, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
    }

  return list;
}

/**
 * kurs_boxed_list_clear:
 *
 * Takes the rows away; the placeholder stays.
 */
void
kurs_boxed_list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/**
 * kurs_heading_group_new:
 * @title: the group's title
 * @description: (nullable): what the group is, under its title
 *
 * A group with a title and a description, as
 * adw_preferences_group_set_description() would show them, but in a column
 * of its own: libadwaita lays the description in a row beside the header's
 * suffix, and GTK 4.8 lays a wrapping label in a row out anew for every
 * height it tries while allocating the row (64 layouts of one description
 * at start-up).  Without a description it is a plain titled group.  Add
 * the group's list to it after.
 *
 * Returns: (transfer floating): an #AdwPreferencesGroup
 */
GtkWidget *
kurs_heading_group_new (const char *title,
                        const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *heading;
  GtkWidget *label;

  if (description == NULL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      return group;
    }

  heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (heading), label);

  label = gtk_label_new (description);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (heading), label);

  /* The group header's margin and spacing */
  gtk_widget_set_margin_bottom (heading, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), heading);

  g_object_set_data_full (G_OBJECT (group), "kurs-group-title", g_strdup (title), g_free);
  return group;
}

/**
 * kurs_group_get_title:
 *
 * Returns: (nullable): the title of a group, whether libadwaita shows it
 *   or kurs_heading_group_new() does
 */
const char *
kurs_group_get_title (AdwPreferencesGroup *group)
{
  const char *title;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);

  title = adw_preferences_group_get_title (group);
  if (title != NULL && *title != '\0')
    return title;
  return g_object_get_data (G_OBJECT (group), "kurs-group-title");
}

/**
 * kurs_open_row_new:
 * @subtitle: (nullable): the row's subtitle
 * @page: the page that shows @record
 * @record: what the row stands for
 *
 * A row that names a record shown elsewhere, with a button that opens its
 * editor on @page (the window's "win.show-record").
 *
 * Returns: (transfer floating): an #AdwActionRow
 */
GtkWidget *
kurs_open_row_new (const char *title,
                   const char *subtitle,
                   const char *page,
                   KursRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;
  /* Translators: the button that opens a record's editor on its own page */
  g_autofree char *label = g_strdup_printf (_("Open “%s”"), title);

  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (escaped_subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);

  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(six)", page, (int) kurs_record_get_entity (record),
                                    kurs_record_get_id (record));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  return row;
}
