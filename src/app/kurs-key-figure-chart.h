/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-chart.h"
#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_KEY_FIGURE_CHART (kurs_key_figure_chart_get_type ())
G_DECLARE_FINAL_TYPE (KursKeyFigureChart, kurs_key_figure_chart, KURS, KEY_FIGURE_CHART, GtkWidget)

GtkWidget *kurs_key_figure_chart_new          (KursStore          *store,
                                               KursRecord         *indicator);
void       kurs_key_figure_chart_get_geometry (KursKeyFigureChart *self,
                                               KursChartGeometry  *geometry);

G_END_DECLS
