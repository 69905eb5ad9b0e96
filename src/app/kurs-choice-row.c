/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-choice-row.h"

/**
 * KursChoiceRow:
 *
 * A field chosen from a list: an enumeration (a milestone's kind) or a
 * reference to another row of the strategy (a goal's focus area), with
 * "None" where the field may be empty.  The choice is stored at once;
 * the list follows the rows it offers.
 */
struct _KursChoiceRow
{
  AdwComboRow       parent_instance;

  KursFieldBinding *binding;
  GtkStringList    *labels;
  GPtrArray        *values;     /* GVariant *, or NULL for "None" */
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (KursChoiceRow, kurs_choice_row, ADW_TYPE_COMBO_ROW)

/* NULL entries stand for "None" */
static void
unref_value (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

static void
add_option (KursChoiceRow *self,
            const char    *label,
            GVariant      *value)
{
  gtk_string_list_append (self->labels, label);
  g_ptr_array_add (self->values, value ? g_variant_ref_sink (value) : NULL);
}

static void
select_current (KursChoiceRow *self)
{
  GVariant *current = kurs_field_binding_get_value (self->binding);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->values->len; i++)
    {
      GVariant *value = self->values->pdata[i];

      if (value == current || (value != NULL && current != NULL && g_variant_equal (value, current)))
        selected = i;
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
}

static void
fill (KursChoiceRow *self)
{
  const KursField *field = kurs_field_binding_get_field (self->binding);
  KursStore *store = kurs_field_binding_get_store (self->binding);
  KursRecord *record = kurs_field_binding_get_record (self->binding);

  self->updating = TRUE;

  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
  g_ptr_array_set_size (self->values, 0);

  if (!(field->flags & KURS_FIELD_REQUIRED))
    add_option (self, _("None"), NULL);

  if (field->type == KURS_FIELD_ENUM)
    {
      for (guint i = 0; i < field->enum_info->n_values; i++)
        add_option (self, kurs_enum_info_to_label (field->enum_info, i),
                    g_variant_new_string (field->enum_info->values[i].nick));
    }
  else
    {
      g_autoptr(GPtrArray) rows = kurs_store_list_by_strategy (store, field->ref,
                                                               kurs_record_get_strategy_id (record), NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          const char *title = kurs_record_get_title (rows->pdata[i]);

          add_option (self, *title ? title : _("Untitled"),
                      g_variant_new_int64 (kurs_record_get_id (rows->pdata[i])));
        }
    }

  select_current (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), kurs_field_binding_is_writable (self->binding));
  self->updating = FALSE;
}

static void
update (GtkWidget *widget)
{
  KursChoiceRow *self = KURS_CHOICE_ROW (widget);

  self->updating = TRUE;
  select_current (self);
  gtk_widget_set_sensitive (widget, kurs_field_binding_is_writable (self->binding));
  self->updating = FALSE;
}

static void
store_changed_cb (KursChoiceRow *self,
                  guint          entities)
{
  const KursField *field = kurs_field_binding_get_field (self->binding);

  /* The rows on offer changed: added, removed, renamed */
  if (field->type == KURS_FIELD_REF && (entities & (1u << field->ref)))
    fill (self);
}

static void
selected_cb (KursChoiceRow *self)
{
  guint selected;

  if (self->updating || self->binding == NULL)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected >= self->values->len)
    return;

  kurs_field_binding_save (self->binding, self->values->pdata[selected]);
}

static void
kurs_choice_row_dispose (GObject *object)
{
  KursChoiceRow *self = (KursChoiceRow *) object;

  g_clear_pointer (&self->binding, kurs_field_binding_free);

  G_OBJECT_CLASS (kurs_choice_row_parent_class)->dispose (object);
}

static void
kurs_choice_row_finalize (GObject *object)
{
  KursChoiceRow *self = (KursChoiceRow *) object;

  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (kurs_choice_row_parent_class)->finalize (object);
}

static void
kurs_choice_row_class_init (KursChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_choice_row_dispose;
  object_class->finalize = kurs_choice_row_finalize;
}

static void
kurs_choice_row_init (KursChoiceRow *self)
{
  self->labels = gtk_string_list_new (NULL);
  self->values = g_ptr_array_new_with_free_func (unref_value);
}

/**
 * kurs_choice_row_new:
 * @field: an enumeration or reference field of @record
 *
 * Returns: (transfer floating): an editor of the field
 */
GtkWidget *
kurs_choice_row_new (KursStore  *store,
                     KursRecord *record,
                     const char *field)
{
  KursChoiceRow *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_object_new (KURS_TYPE_CHOICE_ROW, NULL);
  self->binding = kurs_field_binding_new (GTK_WIDGET (self), store, record, field, update);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 _(kurs_field_binding_get_field (self->binding)->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
  fill (self);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_cb), NULL);

  return GTK_WIDGET (self);
}
