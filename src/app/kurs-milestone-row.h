/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"
#include "kurs-record-row.h"

G_BEGIN_DECLS

#define KURS_TYPE_MILESTONE_ROW (kurs_milestone_row_get_type ())
G_DECLARE_FINAL_TYPE (KursMilestoneRow, kurs_milestone_row, KURS, MILESTONE_ROW, KursRecordRow)

GtkWidget *kurs_milestone_row_new      (KursPage         *page,
                                        KursRecord       *milestone);
GtkCheckButton *kurs_milestone_row_get_held_check (KursMilestoneRow *self);

char      *kurs_milestone_row_describe (KursStore        *store,
                                        KursRecord       *milestone);

G_END_DECLS
