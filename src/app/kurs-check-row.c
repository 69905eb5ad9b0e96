/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-check-row"

#include "config.h"

#include "kurs-check-row.h"

/**
 * KursCheckRow:
 *
 * A row with a tick before its title, for one record that can be chosen
 * or linked — a party to send a hearing to, a goal an initiative serves —
 * whose id the row keeps.  Activating the row ticks it, and the tick
 * offers assistive technologies a "toggle" action of its own.  The row's
 * "toggled" signal tells when the tick changes.
 */
struct _KursCheckRow
{
  AdwActionRow parent_instance;

  GtkWidget   *check;
  gint64       target_id;
};

G_DEFINE_FINAL_TYPE (KursCheckRow, kurs_check_row, ADW_TYPE_ACTION_ROW)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_toggled_cb (KursCheckRow *self)
{
  g_signal_emit (self, signals[TOGGLED], 0);
}

static void
toggle_cb (GSimpleAction *action,
           GVariant      *parameter,
           GtkWidget     *check)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
kurs_check_row_class_init (KursCheckRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * KursCheckRow::toggled:
   *
   * The tick was set or cleared, by a person or by the program.
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-check-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KursCheckRow, check);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
}

static void
kurs_check_row_init (KursCheckRow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toggle = g_simple_action_new ("toggle", NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 offers assistive technologies a widget's own actions, and a
   * check box has none: this one can be toggled by one */
  g_signal_connect_object (toggle, "activate", G_CALLBACK (toggle_cb), self->check, 0);
  g_object_bind_property (self->check, "sensitive", toggle, "enabled", G_BINDING_SYNC_CREATE);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (self->check, "check", G_ACTION_GROUP (group));
}

/**
 * kurs_check_row_new:
 * @target_id: the id of the record the row stands for
 *
 * Returns: (transfer floating): the row, not ticked
 */
GtkWidget *
kurs_check_row_new (gint64 target_id)
{
  KursCheckRow *self = g_object_new (KURS_TYPE_CHECK_ROW, NULL);

  self->target_id = target_id;
  return GTK_WIDGET (self);
}

gint64
kurs_check_row_get_target_id (KursCheckRow *self)
{
  g_return_val_if_fail (KURS_IS_CHECK_ROW (self), -1);

  return self->target_id;
}

/**
 * kurs_check_row_get_check:
 *
 * Returns: (transfer none): the tick
 */
GtkCheckButton *
kurs_check_row_get_check (KursCheckRow *self)
{
  g_return_val_if_fail (KURS_IS_CHECK_ROW (self), NULL);

  return GTK_CHECK_BUTTON (self->check);
}

gboolean
kurs_check_row_get_active (KursCheckRow *self)
{
  g_return_val_if_fail (KURS_IS_CHECK_ROW (self), FALSE);

  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check));
}

void
kurs_check_row_set_active (KursCheckRow *self,
                           gboolean      active)
{
  g_return_if_fail (KURS_IS_CHECK_ROW (self));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), active);
}
