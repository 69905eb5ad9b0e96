/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_HORIZON_ROW (kurs_horizon_row_get_type ())
G_DECLARE_FINAL_TYPE (KursHorizonRow, kurs_horizon_row, KURS, HORIZON_ROW, AdwComboRow)

GtkWidget *kurs_horizon_row_new      (KursStore  *store,
                                      KursRecord *subgoal);
char      *kurs_horizon_describe     (KursStore  *store,
                                      KursRecord *subgoal);

G_END_DECLS
