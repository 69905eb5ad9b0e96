/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

KursRecord *kurs_bench_generate_strategy (KursStore *store,
                                          guint      n_initiatives,
                                          guint      n_milestones);
double      kurs_bench_median            (GArray    *samples);
double      kurs_bench_percentile        (GArray    *samples,
                                          double     p);
char       *kurs_bench_make_dir          (void);
void        kurs_bench_remove_dir        (const char *dir);
void        kurs_bench_copy_without_search_index (const char *from,
                                                  const char *to);

G_END_DECLS
