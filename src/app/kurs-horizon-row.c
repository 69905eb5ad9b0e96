/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-horizon-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-horizon-row.h"

/**
 * KursHorizonRow:
 *
 * A sub-goal's time horizon: none, a year, or one of the strategy's
 * action plans.  Choosing one clears the other in the same undo step.
 */
struct _KursHorizonRow
{
  AdwComboRow     parent_instance;

  KursStore      *store;
  KursRecord     *subgoal;
  GtkStringList  *labels;
  GArray         *plans;      /* gint64 plan id per option after the first two */
  GtkSpinButton  *year;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (KursHorizonRow, kurs_horizon_row, ADW_TYPE_COMBO_ROW)

enum {
  OPTION_NONE,
  OPTION_YEAR,
  OPTION_FIRST_PLAN,
};

static gboolean
is_writable (KursHorizonRow *self)
{
  return kurs_store_check_editable (self->store, KURS_ENTITY_SUBGOAL, kurs_record_get_strategy_id (self->subgoal),
                                    NULL);
}

static void
update (KursHorizonRow *self)
{
  gint64 plan = kurs_record_get_int (self->subgoal, "horizon_plan_id");
  guint selected = OPTION_NONE;

  if (plan != 0)
    {
      for (guint i = 0; i < self->plans->len; i++)
        if (g_array_index (self->plans, gint64, i) == plan)
          selected = OPTION_FIRST_PLAN + i;
    }
  else if (kurs_record_has_value (self->subgoal, "horizon_year"))
    {
      selected = OPTION_YEAR;
      gtk_spin_button_set_value (self->year, kurs_record_get_int (self->subgoal, "horizon_year"));
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  gtk_widget_set_visible (GTK_WIDGET (self->year), selected == OPTION_YEAR);
  gtk_widget_set_sensitive (GTK_WIDGET (self), is_writable (self));
  self->updating = FALSE;
}

static void
fill (KursHorizonRow *self)
{
  g_autoptr(GPtrArray) plans = kurs_store_list_by_strategy (self->store, KURS_ENTITY_ACTION_PLAN,
                                                            kurs_record_get_strategy_id (self->subgoal), NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
  g_array_set_size (self->plans, 0);

  gtk_string_list_append (self->labels, _("None"));
  gtk_string_list_append (self->labels, _("A year"));
  for (guint i = 0; i < plans->len; i++)
    {
      gint64 id = kurs_record_get_id (plans->pdata[i]);

      gtk_string_list_append (self->labels, kurs_record_get_title (plans->pdata[i]));
      g_array_append_val (self->plans, id);
    }
  self->updating = FALSE;

  update (self);
}

/* Year and plan change together, as one step of undo. */
/* Consumes floating values */
static void
save (KursHorizonRow *self,
      GVariant       *year_value,
      GVariant       *plan_value)
{
  g_autoptr(GVariant) year = year_value ? g_variant_ref_sink (year_value) : NULL;
  g_autoptr(GVariant) plan = plan_value ? g_variant_ref_sink (plan_value) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!kurs_store_begin (self->store, _("Change horizon"), &error))
    {
      kurs_show_error (GTK_WIDGET (self), error);
      return;
    }

  ok = kurs_store_set (self->store, self->subgoal, "horizon_plan_id", plan, &error)
       && kurs_store_set (self->store, self->subgoal, "horizon_year", year, &error);
  if (ok)
    ok = kurs_store_commit (self->store, &error);
  else
    kurs_store_rollback (self->store);

  if (!ok)
    {
      kurs_show_error (GTK_WIDGET (self), error);
      update (self);
    }
}

static void
selected_cb (KursHorizonRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (self->updating)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->year), selected == OPTION_YEAR);

  if (selected == OPTION_NONE)
    save (self, NULL, NULL);
  else if (selected == OPTION_YEAR)
    save (self, g_variant_new_int64 (gtk_spin_button_get_value_as_int (self->year)), NULL);
  else if (selected - OPTION_FIRST_PLAN < self->plans->len)
    save (self, NULL, g_variant_new_int64 (g_array_index (self->plans, gint64, selected - OPTION_FIRST_PLAN)));
}

static void
year_cb (KursHorizonRow *self)
{
  if (self->updating || adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != OPTION_YEAR)
    return;

  save (self, g_variant_new_int64 (gtk_spin_button_get_value_as_int (self->year)), NULL);
}

static void
store_changed_cb (KursHorizonRow *self,
                  guint           entities)
{
  if (entities & (1u << KURS_ENTITY_ACTION_PLAN))
    fill (self);
}

static void
kurs_horizon_row_dispose (GObject *object)
{
  KursHorizonRow *self = (KursHorizonRow *) object;

  g_clear_object (&self->subgoal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_horizon_row_parent_class)->dispose (object);
}

static void
kurs_horizon_row_finalize (GObject *object)
{
  KursHorizonRow *self = (KursHorizonRow *) object;

  g_clear_object (&self->labels);
  g_clear_pointer (&self->plans, g_array_unref);

  G_OBJECT_CLASS (kurs_horizon_row_parent_class)->finalize (object);
}

static void
kurs_horizon_row_class_init (KursHorizonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_horizon_row_dispose;
  object_class->finalize = kurs_horizon_row_finalize;
}

static void
kurs_horizon_row_init (KursHorizonRow *self)
{
  self->labels = gtk_string_list_new (NULL);
  self->plans = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1900, 2200, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->year), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Horizon year"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->year));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Time horizon"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
}

/**
 * kurs_horizon_row_new:
 *
 * Returns: (transfer floating): an editor of a sub-goal's horizon
 */
GtkWidget *
kurs_horizon_row_new (KursStore  *store,
                      KursRecord *subgoal)
{
  KursHorizonRow *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (subgoal), NULL);

  self = g_object_new (KURS_TYPE_HORIZON_ROW, NULL);
  self->store = g_object_ref (store);
  self->subgoal = g_object_ref (subgoal);

  gtk_spin_button_set_value (self->year, kurs_record_has_value (subgoal, "horizon_year")
                                         ? kurs_record_get_int (subgoal, "horizon_year")
                                         : kurs_date_get_year (kurs_date_today ()) + 2);
  fill (self);

  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_cb), NULL);
  g_signal_connect_swapped (self->year, "value-changed", G_CALLBACK (year_cb), self);
  g_signal_connect_object (subgoal, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * kurs_horizon_describe:
 *
 * Returns: (transfer full): the horizon for a person: "2029", the plan's
 *   title, or "No horizon"
 */
char *
kurs_horizon_describe (KursStore  *store,
                       KursRecord *subgoal)
{
  if (kurs_record_has_value (subgoal, "horizon_plan_id"))
    {
      g_autoptr(KursRecord) plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN,
                                                   kurs_record_get_int (subgoal, "horizon_plan_id"));

      if (plan != NULL)
        return g_strdup (kurs_record_get_title (plan));
    }

  if (kurs_record_has_value (subgoal, "horizon_year"))
    return g_strdup_printf (_("By %d"), (int) kurs_record_get_int (subgoal, "horizon_year"));

  return g_strdup (_("No horizon"));
}
