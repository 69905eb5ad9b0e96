/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"

G_BEGIN_DECLS

/* The arithmetic of the timeline, kept apart from any drawing: where a date
 * is at a zoom, which scales fit, where a dragged item snaps to, how
 * overlapping items share rows, and which item is under a point. */

typedef enum {
  KURS_TIME_UNIT_DAY,
  KURS_TIME_UNIT_MONTH,
  KURS_TIME_UNIT_QUARTER,
  KURS_TIME_UNIT_YEAR,
} KursTimeUnit;

/**
 * KursTimeScale:
 * @origin: the date at x = 0
 * @px_per_day: the zoom
 *
 * Day d covers [x(d), x(d + 1)).
 */
typedef struct {
  KursDate origin;
  double   px_per_day;
} KursTimeScale;

/* An item's days, both inclusive */
typedef struct {
  KursDate start;
  KursDate end;
} KursSpan;

#define KURS_TIME_SCALE_MIN_PX_PER_DAY 0.05
#define KURS_TIME_SCALE_MAX_PX_PER_DAY 200.0

double        kurs_time_scale_x_for_date     (const KursTimeScale *scale,
                                              KursDate             date);
KursDate      kurs_time_scale_date_at_x      (const KursTimeScale *scale,
                                              double               x);
double        kurs_time_scale_fit            (KursDate             first,
                                              KursDate             last,
                                              double               width);
double        kurs_time_scale_clamp_zoom     (double               px_per_day);
gboolean      kurs_time_scale_shows_unit     (const KursTimeScale *scale,
                                              KursTimeUnit         unit);
KursTimeUnit  kurs_time_scale_snap_unit      (const KursTimeScale *scale);

KursDate      kurs_time_unit_floor           (KursDate             date,
                                              KursTimeUnit         unit);
KursDate      kurs_time_unit_next            (KursDate             date,
                                              KursTimeUnit         unit);
int           kurs_time_unit_steps_between   (KursDate             from,
                                              KursDate             to,
                                              KursTimeUnit         unit);
KursDate      kurs_time_unit_add             (KursDate             date,
                                              KursTimeUnit         unit,
                                              int                  steps);

GArray       *kurs_time_scale_ticks          (const KursTimeScale *scale,
                                              double               x0,
                                              double               x1,
                                              KursTimeUnit         unit);

void          kurs_span_sort                 (const KursSpan      *spans,
                                              guint                n_spans,
                                              guint               *order);
guint         kurs_span_pack_in_order        (const KursSpan      *spans,
                                              const guint         *order,
                                              guint                n_spans,
                                              guint                min_days,
                                              guint               *rows);
guint         kurs_span_pack                 (const KursSpan      *spans,
                                              guint                n_spans,
                                              guint                min_days,
                                              guint               *rows);
guint         kurs_span_row_first_visible    (const KursSpan      *spans,
                                              const guint         *row,
                                              guint                n_row,
                                              guint                min_days,
                                              KursDate             from);
int           kurs_span_row_hit              (const KursSpan      *spans,
                                              const guint         *row,
                                              guint                n_row,
                                              KursDate             first,
                                              KursDate             last);

G_END_DECLS
