/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-field-binding.h"

G_BEGIN_DECLS

#define KURS_TYPE_ENTRY_ROW (kurs_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (KursEntryRow, kurs_entry_row, KURS, ENTRY_ROW, AdwEntryRow)

GtkWidget        *kurs_entry_row_new           (KursStore          *store,
                                                KursRecord         *record,
                                                const char         *field);

G_END_DECLS
