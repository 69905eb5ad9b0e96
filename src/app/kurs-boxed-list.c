/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-boxed-list"

#include "config.h"

#include <adwaita.h>

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"

/* The boxed lists of rows that the pages show what they derive in —
 * who has answered, what is overdue, a goal's origins — named for a
 * screen reader, and saying so when they are empty (the group with a
 * description that such a list often stands in is KursHeadingGroup). */

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
