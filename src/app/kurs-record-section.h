/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_RECORD_SECTION (kurs_record_section_get_type ())
G_DECLARE_FINAL_TYPE (KursRecordSection, kurs_record_section, KURS, RECORD_SECTION, AdwPreferencesGroup)

typedef GtkWidget *(*KursRecordSectionRowFunc) (KursRecord *record,
                                                gpointer    user_data);
typedef KursRecord *(*KursRecordSectionAddFunc) (gpointer    user_data);

GtkWidget  *kurs_record_section_new          (const char               *title,
                                              const char               *empty_text,
                                              GListModel               *model,
                                              KursRecordSectionRowFunc  create_row,
                                              gpointer                  user_data);
void        kurs_record_section_set_add      (KursRecordSection        *self,
                                              const char               *label,
                                              KursRecordSectionAddFunc  add,
                                              gpointer                  user_data,
                                              GDestroyNotify            destroy);
void        kurs_record_section_set_refusal  (KursRecordSection        *self,
                                              const char               *reason);
void        kurs_record_section_add_button   (KursRecordSection        *self,
                                              GtkWidget                *button);

G_END_DECLS
