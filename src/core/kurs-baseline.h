/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"
#include "kurs-store.h"

G_BEGIN_DECLS

/* An initiative as the baseline (the latest approved version) planned it,
 * and, for one still in the plan, how it has moved since */
typedef struct {
  gint64      uid;
  gint64      row_id;          /* in the library now; 0 for one dropped */
  gboolean    in_baseline;     /* FALSE: added since */
  const char *title;           /* the baseline's, for one dropped; else now */
  const char *plan_title;      /* its plan's, likewise */
  gint64      plan_row_id;     /* its plan in the library now, 0 if none */
  /* the baseline's dates (its own, or its plan's), KURS_DATE_NONE where
   * there were none */
  KursDate    baseline_start;
  KursDate    baseline_end;
  /* days moved since: later is positive; 0 where either side has none */
  int         start_moved;
  int         end_moved;
  /* the progress the baseline planned by the day asked about, 0–100 */
  int         planned;
} KursBaselineInitiative;

typedef struct _KursBaseline KursBaseline;

KursBaseline                 *kurs_baseline_new            (KursStore      *store,
                                                            KursRecord     *strategy,
                                                            KursDate        today,
                                                            GError        **error);
gboolean                      kurs_baseline_refresh        (KursBaseline   *self,
                                                            KursStore      *store,
                                                            KursRecord     *strategy,
                                                            KursDate        today,
                                                            GError        **error);
gboolean                      kurs_baseline_update         (KursBaseline  **baseline,
                                                            KursStore      *store,
                                                            KursRecord     *strategy,
                                                            KursDate        today,
                                                            GError        **error);
void                          kurs_baseline_free           (KursBaseline   *self);
gint64                        kurs_baseline_get_version    (const KursBaseline *self);
const KursBaselineInitiative *kurs_baseline_find           (const KursBaseline *self,
                                                            gint64          initiative_id);
GPtrArray                    *kurs_baseline_get_dropped    (KursBaseline   *self,
                                                            gint64          plan_id);
GPtrArray                    *kurs_baseline_get_slipped    (KursBaseline   *self,
                                                            guint           limit);
char                         *kurs_baseline_describe       (const KursBaselineInitiative *initiative,
                                                            gint64          version,
                                                            int             progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursBaseline, kurs_baseline_free)

G_END_DECLS
