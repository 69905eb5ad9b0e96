/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-chart"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kurs-chart.h"

/* A key figure over time: its measurements as a line of points, with the
 * indicator's baseline and target as lines across, years along the foot
 * and values up the side in the locale's way of writing numbers.  The
 * same drawing serves the window (through GtkSnapshot's cairo node) and
 * the printed strategy. */

#define FONT        "Sans 8"
#define PAD         8.0
#define POINT       3.5

/**
 * kurs_chart_nice_scale:
 * @max_ticks: at most this many ticks
 * @first: (out): the lowest tick, at or below @low
 * @step: (out): 1, 2 or 5 times a power of ten
 * @n_ticks: (out): the ticks from @first, the last at or above @high
 *
 * Round numbers for an axis from @low to @high.
 */
void
kurs_chart_nice_scale (double  low,
                       double  high,
                       guint   max_ticks,
                       double *first,
                       double *step,
                       guint  *n_ticks)
{
  static const double steps[] = { 1, 2, 5, 10 };
  double span, magnitude;

  g_return_if_fail (first != NULL && step != NULL && n_ticks != NULL);

  if (max_ticks < 2)
    max_ticks = 2;
  if (!(high > low))
    {
      /* one value: an axis around it */
      double half = fabs (low) > 0 ? fabs (low) / 2 : 1;

      low -= half;
      high += half;
    }

  span = (high - low) / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (span)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      *step = steps[i] * magnitude;
      *first = floor (low / *step) * *step;
      *n_ticks = (guint) ceil ((high - *first) / *step - 1e-9) + 1;
      if (*n_ticks <= max_ticks)
        return;
    }
}

/**
 * kurs_chart_format_value:
 * @step: the axis's step: as many decimals as it needs
 *
 * Returns: (transfer full): @value in the locale's way: "1.234,5" in
 *   Danish, "1,234.5" in English
 */
char *
kurs_chart_format_value (double value,
                         double step)
{
  int decimals = step >= 1 ? 0 : (int) ceil (-log10 (step) - 1e-9);

  /* the ' flag groups thousands as the locale does */
  return g_strdup_printf ("%'.*f", CLAMP (decimals, 0, 6), value);
}

/**
 * kurs_chart_format_number:
 *
 * Returns: (transfer full): @value as short as it reads exactly, in the
 *   locale's way: "61", "1.234,5" in Danish
 */
char *
kurs_chart_format_number (double value)
{
  return g_strdup_printf ("%'.12g", value);
}

void
kurs_chart_style_for_paper (KursChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (KursChartStyle) {
    .text = { 0.1, 0.1, 0.1, 1 },
    .grid = { 0.1, 0.1, 0.1, 0.15 },
    .values = { 0.11, 0.44, 0.85, 1 },
    .baseline = { 0.35, 0.35, 0.35, 1 },
    .target = { 0.15, 0.55, 0.3, 1 },
  };
}

static void
set_color (cairo_t              *cr,
           const KursChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
label (cairo_t    *cr,
       const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A date as a fraction of years, for the x axis */
static double
years_of (KursDate date)
{
  int year = kurs_date_get_year (date);
  KursDate first = kurs_date_from_ymd (year, 1, 1);
  KursDate next = kurs_date_from_ymd (year + 1, 1, 1);

  return year + (double) (date - first) / (next - first);
}

static void
draw_level (cairo_t              *cr,
            const KursChartColor *color,
            double                x,
            double                width,
            double                y,
            const char           *text,
            gboolean              dashed)
{
  g_autoptr(PangoLayout) layout = label (cr, text);
  int text_width, text_height;
  double dash[] = { 5, 3 };

  set_color (cr, color);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, dashed ? 2 : 0, 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, x + width - text_width - 2, y - text_height - 1);
  pango_cairo_show_layout (cr, layout);
}

/**
 * kurs_chart_draw:
 * @geometry: (out) (optional): where the parts went
 *
 * Draws @indicator's measurements, baseline and target in a box of
 * @width × @height from the current point of @cr's origin.
 */
void
kurs_chart_draw (cairo_t              *cr,
                 double                width,
                 double                height,
                 KursStore            *store,
                 KursRecord           *indicator,
                 const KursChartStyle *style,
                 KursChartGeometry    *geometry)
{
  g_autoptr(GPtrArray) measurements = NULL;
  KursChartGeometry out = { 0, 0, 0, 0, -1, -1, 0 };
  gboolean has_baseline, has_target;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  double first_year = G_MAXDOUBLE, last_year = -G_MAXDOUBLE;
  double first_tick, step, axis_width = 0;
  guint n_ticks;
  int text_height = 10;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (KURS_IS_STORE (store));
  g_return_if_fail (KURS_IS_RECORD (indicator));
  g_return_if_fail (style != NULL);

  measurements = kurs_store_list (store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (indicator), NULL);
  has_baseline = kurs_record_has_value (indicator, "baseline");
  has_target = kurs_record_has_value (indicator, "target");

  for (guint i = 0; i < measurements->len; i++)
    {
      double value = kurs_record_get_real (measurements->pdata[i], "value");
      double when = years_of (kurs_record_get_date (measurements->pdata[i], "date"));

      low = MIN (low, value);
      high = MAX (high, value);
      first_year = MIN (first_year, when);
      last_year = MAX (last_year, when);
    }
  if (has_baseline)
    {
      low = MIN (low, kurs_record_get_real (indicator, "baseline"));
      high = MAX (high, kurs_record_get_real (indicator, "baseline"));
      if (kurs_record_has_value (indicator, "baseline_year"))
        first_year = MIN (first_year, kurs_record_get_int (indicator, "baseline_year"));
    }
  if (has_target)
    {
      low = MIN (low, kurs_record_get_real (indicator, "target"));
      high = MAX (high, kurs_record_get_real (indicator, "target"));
      if (kurs_record_has_value (indicator, "target_year"))
        last_year = MAX (last_year, kurs_record_get_int (indicator, "target_year") + 1);
    }

  if (low > high)
    {
      /* nothing to draw yet: say so */
      g_autoptr(PangoLayout) layout = label (cr, _("No measurements yet"));
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &style->text);
      cairo_move_to (cr, (width - w) / 2, (height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      if (geometry)
        *geometry = out;
      return;
    }

  if (first_year > last_year)
    {
      first_year = kurs_date_get_year (kurs_date_today ());
      last_year = first_year + 1;
    }
  first_year = floor (first_year);
  last_year = MAX (ceil (last_year), first_year + 1);

  kurs_chart_nice_scale (low, high, 6, &first_tick, &step, &n_ticks);

  /* Room for the values up the side */
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = kurs_chart_format_value (first_tick + i * step, step);
      g_autoptr(PangoLayout) layout = label (cr, text);
      int w;

      pango_layout_get_pixel_size (layout, &w, &text_height);
      axis_width = MAX (axis_width, w);
    }

  out.plot_x = PAD + axis_width + 6;
  out.plot_y = PAD + text_height / 2.0;
  out.plot_width = MAX (width - out.plot_x - PAD, 10);
  out.plot_height = MAX (height - out.plot_y - text_height - 2 * PAD, 10);

#define X_OF(years) (out.plot_x + ((years) - first_year) / (last_year - first_year) * out.plot_width)
#define Y_OF(value) (out.plot_y + out.plot_height \
                     - ((value) - first_tick) / (step * (n_ticks - 1)) * out.plot_height)

  /* Grid and values up the side */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < n_ticks; i++)
    {
      double value = first_tick + i * step;
      double y = round (Y_OF (value)) + 0.5;
      g_autofree char *text = kurs_chart_format_value (value, step);
      g_autoptr(PangoLayout) layout = label (cr, text);
      int w, h;

      set_color (cr, &style->grid);
      cairo_move_to (cr, out.plot_x, y);
      cairo_line_to (cr, out.plot_x + out.plot_width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &style->text);
      cairo_move_to (cr, out.plot_x - 6 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* Years along the foot */
  for (int year = (int) first_year; year <= (int) last_year; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      g_autoptr(PangoLayout) layout = label (cr, text);
      double x = round (X_OF (year)) + 0.5;
      int w, h;

      set_color (cr, &style->grid);
      cairo_move_to (cr, x, out.plot_y);
      cairo_line_to (cr, x, out.plot_y + out.plot_height + 3);
      cairo_stroke (cr);
      if (year == (int) last_year && year > first_year + 1)
        continue;   /* the year that closes the axis has no label of its own */
      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, &style->text);
      cairo_move_to (cr, MIN (x + 3, out.plot_x + out.plot_width - w), out.plot_y + out.plot_height + 4);
      pango_cairo_show_layout (cr, layout);
    }

  /* Baseline and target, across */
  if (has_baseline)
    {
      double value = kurs_record_get_real (indicator, "baseline");
      g_autofree char *number = kurs_chart_format_number (value);
      /* Translators: the label on a chart's baseline */
      g_autofree char *text = g_strdup_printf (_("Baseline %s"), number);

      out.baseline_y = Y_OF (value);
      draw_level (cr, &style->baseline, out.plot_x, out.plot_width, out.baseline_y, text, TRUE);
    }
  if (has_target)
    {
      double value = kurs_record_get_real (indicator, "target");
      g_autofree char *number = kurs_chart_format_number (value);
      /* Translators: the label on a chart's target line */
      g_autofree char *text = g_strdup_printf (_("Target %s"), number);

      out.target_y = Y_OF (value);
      draw_level (cr, &style->target, out.plot_x, out.plot_width, out.target_y, text, FALSE);
    }

  /* The measurements: a line through them, a point on each */
  set_color (cr, &style->values);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < measurements->len; i++)
    {
      double x = X_OF (years_of (kurs_record_get_date (measurements->pdata[i], "date")));
      double y = Y_OF (kurs_record_get_real (measurements->pdata[i], "value"));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < measurements->len; i++)
    {
      double x = X_OF (years_of (kurs_record_get_date (measurements->pdata[i], "date")));
      double y = Y_OF (kurs_record_get_real (measurements->pdata[i], "value"));

      cairo_arc (cr, x, y, POINT, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  out.n_points = measurements->len;

#undef X_OF
#undef Y_OF

  if (geometry)
    *geometry = out;
}
