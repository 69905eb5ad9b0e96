/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_STRATEGY_VIEW (kurs_strategy_view_get_type ())
G_DECLARE_FINAL_TYPE (KursStrategyView, kurs_strategy_view, KURS, STRATEGY_VIEW, AdwBin)

void        kurs_strategy_view_set_strategy  (KursStrategyView *self,
                                              KursStore        *store,
                                              KursRecord       *strategy);
void              kurs_strategy_view_set_settings     (KursStrategyView *self,
                                                       GSettings        *settings);
KursRecord *kurs_strategy_view_get_strategy  (KursStrategyView *self);
gboolean    kurs_strategy_view_show_page     (KursStrategyView *self,
                                              const char       *name);
const char *kurs_strategy_view_get_page_name (KursStrategyView *self);
gboolean    kurs_strategy_view_focus_page    (KursStrategyView *self);
void        kurs_strategy_view_show_first_page (KursStrategyView *self);
void        kurs_strategy_view_start_revision (KursStrategyView *self);
GtkWidget  *kurs_strategy_view_get_page      (KursStrategyView *self,
                                              const char       *name);
void        kurs_strategy_view_set_folded    (KursStrategyView *self,
                                              gboolean          folded);

const char *kurs_strategy_view_get_page_name_at (guint             index);
gboolean    kurs_strategy_view_show_record      (KursStrategyView *self,
                                                 const char       *name,
                                                 KursRecord       *record);
void        kurs_strategy_view_step_page        (KursStrategyView *self,
                                                 int               step);
const char *kurs_strategy_view_page_for_record  (KursRecord       *record,
                                                 const char       *field);
void        kurs_strategy_view_show_change      (KursStrategyView *self,
                                                 KursRecord       *record,
                                                 const char       *field,
                                                 const char       *origin);

G_END_DECLS
