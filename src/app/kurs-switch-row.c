/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-switch-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-switch-row.h"

/**
 * KursSwitchRow:
 *
 * A yes-or-no field of a record (held, included), stored at once.
 */
struct _KursSwitchRow
{
  AdwActionRow      parent_instance;

  GtkSwitch        *toggle;
  KursFieldBinding *binding;
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (KursSwitchRow, kurs_switch_row, ADW_TYPE_ACTION_ROW)

static void
update (GtkWidget *widget)
{
  KursSwitchRow *self = KURS_SWITCH_ROW (widget);
  GVariant *value = kurs_field_binding_get_value (self->binding);

  self->updating = TRUE;
  gtk_switch_set_active (self->toggle, value != NULL && g_variant_get_boolean (value));
  gtk_widget_set_sensitive (GTK_WIDGET (self->toggle), kurs_field_binding_is_writable (self->binding));
  self->updating = FALSE;
}

static void
active_cb (KursSwitchRow *self)
{
  if (self->updating || self->binding == NULL)
    return;

  kurs_field_binding_save (self->binding, g_variant_new_boolean (gtk_switch_get_active (self->toggle)));
}

static void
kurs_switch_row_dispose (GObject *object)
{
  KursSwitchRow *self = (KursSwitchRow *) object;

  g_clear_pointer (&self->binding, kurs_field_binding_free);

  G_OBJECT_CLASS (kurs_switch_row_parent_class)->dispose (object);
}

static void
kurs_switch_row_class_init (KursSwitchRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kurs_switch_row_dispose;
}

static void
kurs_switch_row_init (KursSwitchRow *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (active_cb), self);
}

/**
 * kurs_switch_row_new:
 * @field: a boolean field of @record
 *
 * Returns: (transfer floating): an editor of the field
 */
GtkWidget *
kurs_switch_row_new (KursStore  *store,
                     KursRecord *record,
                     const char *field)
{
  KursSwitchRow *self;
  const char *label;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_object_new (KURS_TYPE_SWITCH_ROW, NULL);
  self->binding = kurs_field_binding_new (GTK_WIDGET (self), store, record, field, update);
  label = _(kurs_field_binding_get_field (self->binding)->label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

GtkSwitch *
kurs_switch_row_get_switch (KursSwitchRow *self)
{
  g_return_val_if_fail (KURS_IS_SWITCH_ROW (self), NULL);

  return self->toggle;
}
