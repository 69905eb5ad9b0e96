/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-boxed-list"

#include "config.h"

#include "kurs-boxed-list.h"

/* The boxed lists of rows that the pages show what they derive in —
 * who has answered, what is overdue, a goal's origins — named for a
 * screen reader, and saying so when they are empty. */

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
