/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "kurs-store.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} KursChartColor;

/* The colours a chart is drawn in: those of the light or dark style
 * where it is shown, black and white on paper */
typedef struct {
  KursChartColor text;
  KursChartColor grid;
  KursChartColor values;
  KursChartColor baseline;
  KursChartColor target;
} KursChartStyle;

/* Where the chart's parts are, for a test to look at */
typedef struct {
  double plot_x, plot_y, plot_width, plot_height;
  double target_y;       /* -1 where there is no target */
  double baseline_y;     /* -1 where there is no baseline */
  guint  n_points;
} KursChartGeometry;

void     kurs_chart_nice_scale  (double               low,
                                 double               high,
                                 guint                max_ticks,
                                 double              *first,
                                 double              *step,
                                 guint               *n_ticks);
char    *kurs_chart_format_value (double              value,
                                  double              step);
char    *kurs_chart_format_number (double              value);
void     kurs_chart_style_for_paper (KursChartStyle  *style);
void     kurs_chart_draw        (cairo_t              *cr,
                                 double                width,
                                 double                height,
                                 KursStore            *store,
                                 KursRecord           *indicator,
                                 const KursChartStyle *style,
                                 KursChartGeometry    *geometry);

G_END_DECLS
