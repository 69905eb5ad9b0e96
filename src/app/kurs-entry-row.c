/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-entry-row"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kurs-entry-row.h"

/**
 * KursEntryRow:
 *
 * A one-line editor of a field in a boxed list: text, a whole number, a
 * number, or a date.  What is typed is checked as it is typed; a value the
 * library would refuse (an empty title, a year out of range, a day that
 * does not exist) is marked at the row and never stored.  A valid value is
 * stored once typing pauses.
 */
struct _KursEntryRow
{
  AdwEntryRow       parent_instance;

  KursFieldBinding *binding;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (KursEntryRow, kurs_entry_row, ADW_TYPE_ENTRY_ROW)

static char *
text_for_value (const KursField *field,
                GVariant        *value)
{
  if (value == NULL)
    return g_strdup ("");

  switch (field->type)
    {
    case KURS_FIELD_REAL:
      /* In the locale's way: 12,5 in Danish */
      return g_strdup_printf ("%.15g", g_variant_get_double (value));

    default:
      return kurs_field_format_value (field, value);
    }
}

static GVariant *
value_for_text (const KursField  *field,
                const char       *text,
                GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      if (field->type == KURS_FIELD_TEXT && (field->flags & KURS_FIELD_REQUIRED))
        return g_variant_new_string (text);
      return NULL;
    }

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
      return g_variant_new_string (text);

    case KURS_FIELD_REAL:
      g_strdelimit (stripped, ",", '.');
      return kurs_field_parse_value (field, stripped, error);

    case KURS_FIELD_DATE:
      {
        g_autofree char *iso = kurs_date_normalise (stripped);

        return kurs_field_parse_value (field, iso, error);
      }

    default:
      return kurs_field_parse_value (field, stripped, error);
    }
}

static void
update (GtkWidget *widget)
{
  KursEntryRow *self = KURS_ENTRY_ROW (widget);
  const KursField *field = kurs_field_binding_get_field (self->binding);
  g_autofree char *text = text_for_value (field, kurs_field_binding_get_value (self->binding));
  gboolean writable;

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
  kurs_set_invalid (GTK_WIDGET (self), NULL);
  writable = kurs_field_binding_is_writable (self->binding);
  gtk_editable_set_editable (GTK_EDITABLE (self), writable);
  /* No pencil inviting an edit that cannot happen */
  if (writable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  self->updating = FALSE;
}

static void
changed_cb (KursEntryRow *self)
{
  const KursField *field;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->binding == NULL)
    return;

  field = kurs_field_binding_get_field (self->binding);
  value = value_for_text (field, gtk_editable_get_text (GTK_EDITABLE (self)), &error);
  if (value != NULL)
    g_variant_ref_sink (value);

  if (error == NULL)
    kurs_field_binding_check (self->binding, value, &error);

  if (error != NULL)
    {
      kurs_set_invalid (GTK_WIDGET (self), error->message);
      kurs_field_binding_cancel (self->binding);
      return;
    }

  kurs_set_invalid (GTK_WIDGET (self), NULL);
  kurs_field_binding_save_later (self->binding, value);
}

static void
flush_cb (KursEntryRow *self)
{
  if (self->binding != NULL)
    kurs_field_binding_flush (self->binding);
}

static void
kurs_entry_row_dispose (GObject *object)
{
  KursEntryRow *self = (KursEntryRow *) object;

  g_clear_pointer (&self->binding, kurs_field_binding_free);

  G_OBJECT_CLASS (kurs_entry_row_parent_class)->dispose (object);
}

static void
kurs_entry_row_class_init (KursEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_entry_row_dispose;
}

static void
kurs_entry_row_init (KursEntryRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Ctrl+Z is the library's undo, across all editors */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self), FALSE);

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (flush_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (flush_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * kurs_entry_row_new:
 * @field: a text, number or date field of @record
 *
 * Returns: (transfer floating): an editor of the field, titled with its
 *   label
 */
GtkWidget *
kurs_entry_row_new (KursStore  *store,
                    KursRecord *record,
                    const char *field)
{
  KursEntryRow *self;
  const KursField *info;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_object_new (KURS_TYPE_ENTRY_ROW, NULL);
  self->binding = kurs_field_binding_new (GTK_WIDGET (self), store, record, field, update);
  kurs_field_binding_watch_typing (self->binding, GTK_WIDGET (self));
  info = kurs_field_binding_get_field (self->binding);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(info->label));
  if (info->type == KURS_FIELD_INT || info->type == KURS_FIELD_REAL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self),
                                     info->type == KURS_FIELD_INT ? GTK_INPUT_PURPOSE_DIGITS
                                                                  : GTK_INPUT_PURPOSE_NUMBER);
  update (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

