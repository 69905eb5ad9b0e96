/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-field-binding.h"

G_BEGIN_DECLS

#define KURS_TYPE_CHOICE_ROW (kurs_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (KursChoiceRow, kurs_choice_row, KURS, CHOICE_ROW, AdwComboRow)

GtkWidget *kurs_choice_row_new (KursStore  *store,
                                KursRecord *record,
                                const char *field);

G_END_DECLS
