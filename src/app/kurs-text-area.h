/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-field-binding.h"

G_BEGIN_DECLS

#define KURS_TYPE_TEXT_AREA (kurs_text_area_get_type ())
G_DECLARE_FINAL_TYPE (KursTextArea, kurs_text_area, KURS, TEXT_AREA, AdwBin)

GtkWidget   *kurs_text_area_new          (KursStore    *store,
                                          KursRecord   *record,
                                          const char   *field);
GtkTextView *kurs_text_area_get_text_view (KursTextArea *self);
void         kurs_text_area_focus         (KursTextArea *self,
                                           gboolean      select_all);

G_END_DECLS
