/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KURS_TYPE_CHECK_ROW (kurs_check_row_get_type ())
G_DECLARE_FINAL_TYPE (KursCheckRow, kurs_check_row, KURS, CHECK_ROW, AdwActionRow)

GtkWidget      *kurs_check_row_new           (gint64        target_id);
gint64          kurs_check_row_get_target_id (KursCheckRow *self);
GtkCheckButton *kurs_check_row_get_check     (KursCheckRow *self);
gboolean        kurs_check_row_get_active    (KursCheckRow *self);
void            kurs_check_row_set_active    (KursCheckRow *self,
                                              gboolean      active);

G_END_DECLS
