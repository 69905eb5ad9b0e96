/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-record.h"

G_BEGIN_DECLS

#define KURS_TYPE_STRATEGY_ROW (kurs_strategy_row_get_type ())
G_DECLARE_FINAL_TYPE (KursStrategyRow, kurs_strategy_row, KURS, STRATEGY_ROW, GtkListBoxRow)

GtkWidget  *kurs_strategy_row_new          (KursRecord      *strategy);
KursRecord *kurs_strategy_row_get_strategy (KursStrategyRow *self);
char       *kurs_strategy_describe         (KursRecord      *strategy);

G_END_DECLS
