/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-text-area"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-text-area.h"

/**
 * KursTextArea:
 *
 * A multi-line text of a record — a vision, a description, a decision —
 * under its label, stored once typing pauses.  Line breaks and every
 * character are kept exactly as typed.
 */
struct _KursTextArea
{
  AdwBin            parent_instance;

  GtkLabel         *label;
  GtkTextView      *view;
  KursFieldBinding *binding;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (KursTextArea, kurs_text_area, ADW_TYPE_BIN)

static char *
buffer_text (KursTextArea *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
update (GtkWidget *widget)
{
  KursTextArea *self = KURS_TEXT_AREA (widget);
  GVariant *value = kurs_field_binding_get_value (self->binding);
  const char *text = value ? g_variant_get_string (value, NULL) : "";
  g_autofree char *current = buffer_text (self);
  gboolean writable = kurs_field_binding_is_writable (self->binding);

  self->updating = TRUE;
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text, -1);
  gtk_text_view_set_editable (self->view, writable);
  gtk_text_view_set_cursor_visible (self->view, writable);
  /* A text that cannot change reads as text, not as an empty field to
   * type into: no frame, no room kept for more */
  if (writable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, writable ? 80 : -1);
  gtk_text_view_set_left_margin (self->view, writable ? 10 : 0);
  gtk_text_view_set_right_margin (self->view, writable ? 10 : 0);
  kurs_set_invalid (GTK_WIDGET (self->view), NULL);
  self->updating = FALSE;
}

static void
buffer_changed_cb (KursTextArea *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *value;

  if (self->updating || self->binding == NULL)
    return;

  text = buffer_text (self);
  value = *text != '\0' ? g_variant_ref_sink (g_variant_new_string (text)) : NULL;

  if (!kurs_field_binding_check (self->binding, value, &error))
    {
      kurs_set_invalid (GTK_WIDGET (self->view), error->message);
      kurs_field_binding_cancel (self->binding);
    }
  else
    {
      kurs_set_invalid (GTK_WIDGET (self->view), NULL);
      kurs_field_binding_save_later (self->binding, value);
    }

  g_clear_pointer (&value, g_variant_unref);
}

static void
focus_leave_cb (KursTextArea *self)
{
  if (self->binding != NULL)
    kurs_field_binding_flush (self->binding);
}

static void
kurs_text_area_dispose (GObject *object)
{
  KursTextArea *self = (KursTextArea *) object;

  g_clear_pointer (&self->binding, kurs_field_binding_free);

  G_OBJECT_CLASS (kurs_text_area_parent_class)->dispose (object);
}

static void
kurs_text_area_class_init (KursTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kurs_text_area_dispose;
  gtk_widget_class_set_css_name (widget_class, "kurs-text-area");
}

static void
kurs_text_area_init (KursTextArea *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextBuffer *buffer;

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 10);
  gtk_text_view_set_right_margin (self->view, 10);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 80);
  buffer = gtk_text_view_get_buffer (self->view);
  /* Ctrl+Z is the library's undo, across all editors */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);

  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), frame);
  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * kurs_text_area_new:
 * @field: a text field of @record
 *
 * Returns: (transfer floating): an editor of the field
 */
GtkWidget *
kurs_text_area_new (KursStore  *store,
                    KursRecord *record,
                    const char *field)
{
  KursTextArea *self;
  const char *label;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_object_new (KURS_TYPE_TEXT_AREA, NULL);
  self->binding = kurs_field_binding_new (GTK_WIDGET (self), store, record, field, update);
  kurs_field_binding_watch_typing (self->binding, GTK_WIDGET (self->view));
  label = _(kurs_field_binding_get_field (self->binding)->label);

  gtk_label_set_label (self->label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

GtkTextView *
kurs_text_area_get_text_view (KursTextArea *self)
{
  g_return_val_if_fail (KURS_IS_TEXT_AREA (self), NULL);

  return self->view;
}

/**
 * kurs_text_area_focus:
 * @select_all: select the whole text, to be typed over
 *
 * Moves the keyboard focus into the text.
 */
void
kurs_text_area_focus (KursTextArea *self,
                      gboolean      select_all)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (KURS_IS_TEXT_AREA (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  if (!select_all)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &end, &start);
}
