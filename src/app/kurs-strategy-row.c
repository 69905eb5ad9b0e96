/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-strategy-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-strategy-row.h"

/**
 * KursStrategyRow:
 *
 * A strategy in the library's sidebar: its title, its period and status.
 */
struct _KursStrategyRow
{
  GtkListBoxRow  parent_instance;

  KursRecord    *strategy;
  GtkLabel      *title;
  GtkLabel      *subtitle;
};

G_DEFINE_FINAL_TYPE (KursStrategyRow, kurs_strategy_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * kurs_strategy_describe:
 *
 * Returns: (transfer full): "2022–2029 · Draft"
 */
char *
kurs_strategy_describe (KursRecord *strategy)
{
  /* Translators: a strategy's period and status, "2022–2029 · Draft" */
  return g_strdup_printf (_("%d–%d · %s"),
                          (int) kurs_record_get_int (strategy, "start_year"),
                          (int) kurs_record_get_int (strategy, "end_year"),
                          kurs_enum_info_to_label (&kurs_strategy_status_enum,
                                                   kurs_record_get_enum (strategy, "status")));
}

static void
update (KursStrategyRow *self)
{
  g_autofree char *subtitle = kurs_strategy_describe (self->strategy);
  g_autofree char *name = g_strdup_printf ("%s, %s", kurs_record_get_title (self->strategy), subtitle);

  gtk_label_set_label (self->title, kurs_record_get_title (self->strategy));
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
kurs_strategy_row_dispose (GObject *object)
{
  KursStrategyRow *self = (KursStrategyRow *) object;

  g_clear_object (&self->strategy);

  G_OBJECT_CLASS (kurs_strategy_row_parent_class)->dispose (object);
}

static void
kurs_strategy_row_class_init (KursStrategyRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kurs_strategy_row_dispose;
}

static void
kurs_strategy_row_init (KursStrategyRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->subtitle));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

/**
 * kurs_strategy_row_new:
 *
 * Returns: (transfer floating): a row for @strategy
 */
GtkWidget *
kurs_strategy_row_new (KursRecord *strategy)
{
  KursStrategyRow *self;

  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  self = g_object_new (KURS_TYPE_STRATEGY_ROW, NULL);
  self->strategy = g_object_ref (strategy);
  g_signal_connect_object (strategy, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

KursRecord *
kurs_strategy_row_get_strategy (KursStrategyRow *self)
{
  g_return_val_if_fail (KURS_IS_STRATEGY_ROW (self), NULL);

  return self->strategy;
}
