/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-key-figure-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kurs-key-figure-chart.h"

/**
 * KursKeyFigureChart:
 *
 * An indicator's measurements over time against its baseline and target,
 * drawn in the colours of the light or dark style, and redrawn as the
 * measurements change.  The drawing is kurs_chart_draw()'s, the same as
 * on paper.
 */
struct _KursKeyFigureChart
{
  GtkWidget          parent_instance;

  KursStore         *store;
  KursRecord        *indicator;
  KursChartGeometry  geometry;
};

G_DEFINE_FINAL_TYPE (KursKeyFigureChart, kurs_key_figure_chart, GTK_TYPE_WIDGET)

static KursChartColor
chart_color (const GdkRGBA *rgba,
             double         alpha)
{
  return (KursChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/* The style's own colours, so that the chart reads in light and dark */
static void
get_style (KursKeyFigureChart *self,
           KursChartStyle     *style)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA text, accent = { 0.21, 0.52, 0.89, 1 }, success = { 0.15, 0.64, 0.41, 1 };

  gtk_style_context_get_color (context, &text);
  gtk_style_context_lookup_color (context, "accent_color", &accent);
  gtk_style_context_lookup_color (context, "success_color", &success);
  G_GNUC_END_IGNORE_DEPRECATIONS

  style->text = chart_color (&text, 0.8);
  style->grid = chart_color (&text, 0.12);
  style->values = chart_color (&accent, 1);
  style->baseline = chart_color (&text, 0.6);
  style->target = chart_color (&success, 1);
}

static void
kurs_key_figure_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  KursKeyFigureChart *self = KURS_KEY_FIGURE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KursChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || kurs_record_is_deleted (self->indicator))
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kurs_chart_draw (cr, width, height, self->store, self->indicator, &style, &self->geometry);
  cairo_destroy (cr);
}

static void
kurs_key_figure_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 220;
    }
}

static void
update_description (KursKeyFigureChart *self)
{
  g_autoptr(GPtrArray) measurements = kurs_store_list (self->store, KURS_ENTITY_MEASUREMENT,
                                                       kurs_record_get_id (self->indicator), NULL);
  g_autofree char *text = NULL;

  /* For a screen reader: what the drawing shows, in words */
  if (measurements->len == 0)
    text = g_strdup (_("No measurements yet"));
  else
    {
      KursRecord *last = measurements->pdata[measurements->len - 1];
      g_autofree char *date = kurs_date_format_local (kurs_record_get_date (last, "date"));
      g_autofree char *value = kurs_chart_format_number (kurs_record_get_real (last, "value"));

      /* Translators: a chart's description: how many measurements, the last */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measurement, the latest %s on %s",
                                           "%u measurements, the latest %s on %s", measurements->len),
                              measurements->len, value, date);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
store_changed_cb (KursKeyFigureChart *self,
                  guint               entities)
{
  if (kurs_record_is_deleted (self->indicator))
    return;
  if (entities & ((1u << KURS_ENTITY_MEASUREMENT) | (1u << KURS_ENTITY_INDICATOR)))
    {
      update_description (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
kurs_key_figure_chart_dispose (GObject *object)
{
  KursKeyFigureChart *self = (KursKeyFigureChart *) object;

  g_clear_object (&self->indicator);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_key_figure_chart_parent_class)->dispose (object);
}

static void
kurs_key_figure_chart_class_init (KursKeyFigureChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_key_figure_chart_dispose;
  widget_class->snapshot = kurs_key_figure_chart_snapshot;
  widget_class->measure = kurs_key_figure_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "kurs-key-figure-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kurs_key_figure_chart_init (KursKeyFigureChart *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

/**
 * kurs_key_figure_chart_new:
 *
 * Returns: (transfer floating): a chart of @indicator
 */
GtkWidget *
kurs_key_figure_chart_new (KursStore  *store,
                           KursRecord *indicator)
{
  KursKeyFigureChart *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (indicator), NULL);

  self = g_object_new (KURS_TYPE_KEY_FIGURE_CHART, NULL);
  self->store = g_object_ref (store);
  self->indicator = g_object_ref (indicator);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kurs_record_get_title (indicator), -1);
  update_description (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * kurs_key_figure_chart_get_geometry:
 *
 * Where the last drawing put the plot, and its baseline and target lines.
 */
void
kurs_key_figure_chart_get_geometry (KursKeyFigureChart *self,
                                    KursChartGeometry  *geometry)
{
  g_return_if_fail (KURS_IS_KEY_FIGURE_CHART (self));
  g_return_if_fail (geometry != NULL);

  *geometry = self->geometry;
}
