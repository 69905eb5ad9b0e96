/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_HEARING_DIALOG (kurs_hearing_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KursHearingDialog, kurs_hearing_dialog, KURS, HEARING_DIALOG, AdwMessageDialog)

GtkWidget  *kurs_hearing_dialog_new_round   (GtkWindow         *parent,
                                             KursStore         *store,
                                             KursRecord        *strategy,
                                             KursRecord        *milestone,
                                             GSettings         *settings);
GtkWidget  *kurs_hearing_dialog_add_parties (GtkWindow         *parent,
                                             KursStore         *store,
                                             KursRecord        *round);
void        kurs_hearing_dialog_set_party   (KursHearingDialog *self,
                                             gint64             stakeholder_id,
                                             gboolean           chosen);
KursRecord *kurs_hearing_dialog_get_round   (KursHearingDialog *self);

G_END_DECLS
