/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-record-section"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-record-row.h"
#include "kurs-record-section.h"

/**
 * KursRecordSection:
 *
 * A titled, boxed list of rows — goals, principles, target groups — that
 * follows its model, with a button to add one.  An empty list says so.
 */
struct _KursRecordSection
{
  AdwPreferencesGroup       parent_instance;

  GtkListBox               *list;
  GtkWidget                *header_buttons;
  GtkWidget                *add_button;
  KursRecordSectionRowFunc  create_row;
  gpointer                  row_data;
  KursRecordSectionAddFunc  add;
  gpointer                  add_data;
  GDestroyNotify            add_data_free;
  /* Records whose rows are open: a row the list makes again, because
   * its record moved (a milestone whose date changed), opens again */
  GHashTable               *expanded;
};

G_DEFINE_FINAL_TYPE (KursRecordSection, kurs_record_section, ADW_TYPE_PREFERENCES_GROUP)

static void
row_expanded_cb (KursRecordRow     *row,
                 GParamSpec        *pspec,
                 KursRecordSection *self)
{
  KursRecord *record = kurs_record_row_get_record (row);

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_object_ref (record));
  else
    g_hash_table_remove (self->expanded, record);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  KursRecordSection *self = user_data;
  GtkWidget *row = self->create_row (KURS_RECORD (item), self->row_data);

  if (KURS_IS_RECORD_ROW (row))
    {
      if (g_hash_table_contains (self->expanded, item))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self, 0);
    }

  return row;
}

/* A new row opens, ready to be typed into. */
static void
reveal (KursRecordSection *self,
        KursRecord        *record)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = child;

      if (GTK_IS_LIST_BOX_ROW (row) && !ADW_IS_PREFERENCES_ROW (row))
        row = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (!KURS_IS_RECORD_ROW (row) || kurs_record_row_get_record (KURS_RECORD_ROW (row)) != record)
        continue;

      kurs_record_row_open (KURS_RECORD_ROW (row));
      return;
    }
}

static void
add_cb (KursRecordSection *self)
{
  g_autoptr(KursRecord) record = NULL;

  if (self->add == NULL || (record = self->add (self->add_data)) == NULL)
    return;

  reveal (self, record);
}

static void
kurs_record_section_finalize (GObject *object)
{
  KursRecordSection *self = (KursRecordSection *) object;

  g_clear_pointer (&self->expanded, g_hash_table_unref);
  if (self->add_data_free != NULL)
    g_clear_pointer (&self->add_data, self->add_data_free);

  G_OBJECT_CLASS (kurs_record_section_parent_class)->finalize (object);
}

static void
kurs_record_section_class_init (KursRecordSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kurs_record_section_finalize;
}

static void
kurs_record_section_init (KursRecordSection *self)
{
  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  /* What acts on the list, beside its title: Add, and others a page gives */
  self->header_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->header_buttons, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->header_buttons);
}

/**
 * kurs_record_section_new:
 * @empty_text: what the empty list says
 * @model: (element-type KursRecord): the rows
 * @create_row: makes the row for a record
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
kurs_record_section_new (const char               *title,
                         const char               *empty_text,
                         GListModel               *model,
                         KursRecordSectionRowFunc  create_row,
                         gpointer                  user_data)
{
  KursRecordSection *self;
  GtkWidget *placeholder;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (create_row != NULL, NULL);

  self = g_object_new (KURS_TYPE_RECORD_SECTION, "title", title, NULL);
  self->create_row = create_row;
  self->row_data = user_data;

  placeholder = gtk_label_new (empty_text);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  gtk_list_box_bind_model (self->list, model, create_row_cb, self, NULL);

  return GTK_WIDGET (self);
}

/**
 * kurs_record_section_set_add:
 * @label: the button's name, "Add Goal"
 * @user_data: for @add
 * @destroy: (nullable): frees @user_data with the section
 */
void
kurs_record_section_set_add (KursRecordSection        *self,
                             const char               *label,
                             KursRecordSectionAddFunc  add,
                             gpointer                  user_data,
                             GDestroyNotify            destroy)
{
  g_return_if_fail (KURS_IS_RECORD_SECTION (self));

  if (self->add_data_free != NULL)
    g_clear_pointer (&self->add_data, self->add_data_free);
  self->add = add;
  self->add_data = user_data;
  self->add_data_free = destroy;

  if (self->add_button == NULL)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      self->add_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->add_button), content);
      gtk_widget_add_css_class (self->add_button, "flat");
      gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_cb), self);
      gtk_box_append (GTK_BOX (self->header_buttons), self->add_button);
    }

  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->add_button))),
                                label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * kurs_record_section_set_refusal:
 * @reason: (nullable): why rows cannot be added (the strategy is
 *   approved), or %NULL when they can
 *
 * A section whose rows cannot be added says so and why, under its title,
 * rather than hiding its Add button.
 */
void
kurs_record_section_set_refusal (KursRecordSection *self,
                                 const char        *reason)
{
  g_return_if_fail (KURS_IS_RECORD_SECTION (self));

  if (self->add_button != NULL)
    {
      gtk_widget_set_sensitive (self->add_button, reason == NULL);
      gtk_widget_set_tooltip_text (self->add_button, reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      reason ? reason : "", -1);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), reason);
}

/**
 * kurs_record_section_add_button:
 * @button: a button that acts on the whole list (Plan…, Import…)
 *
 * Puts @button beside the list's title, before its Add button.
 */
void
kurs_record_section_add_button (KursRecordSection *self,
                                GtkWidget         *button)
{
  g_return_if_fail (KURS_IS_RECORD_SECTION (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_prepend (GTK_BOX (self->header_buttons), button);
}

