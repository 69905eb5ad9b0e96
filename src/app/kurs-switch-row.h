/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-field-binding.h"

G_BEGIN_DECLS

#define KURS_TYPE_SWITCH_ROW (kurs_switch_row_get_type ())
G_DECLARE_FINAL_TYPE (KursSwitchRow, kurs_switch_row, KURS, SWITCH_ROW, AdwActionRow)

GtkWidget *kurs_switch_row_new        (KursStore     *store,
                                       KursRecord    *record,
                                       const char    *field);
GtkSwitch *kurs_switch_row_get_switch (KursSwitchRow *self);

G_END_DECLS
