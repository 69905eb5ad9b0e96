/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_PLAN_DIALOG (kurs_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KursPlanDialog, kurs_plan_dialog, KURS, PLAN_DIALOG, AdwMessageDialog)

GtkWidget *kurs_plan_dialog_new (GtkWindow  *parent,
                                 KursStore  *store,
                                 KursRecord *strategy,
                                 GSettings  *settings);

G_END_DECLS
