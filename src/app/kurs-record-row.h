/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_RECORD_ROW (kurs_record_row_get_type ())
G_DECLARE_FINAL_TYPE (KursRecordRow, kurs_record_row, KURS, RECORD_ROW, AdwExpanderRow)

/* The row's subtitle: a summary of the record (transfer full, nullable) */
typedef char *(*KursRecordRowDescribe) (KursStore  *store,
                                        KursRecord *record);

GtkWidget  *kurs_record_row_new        (KursStore             *store,
                                        KursRecord            *record,
                                        KursRecordRowDescribe  describe);
KursRecord *kurs_record_row_get_record (KursRecordRow         *self);
void        kurs_record_row_add_editor (KursRecordRow         *self,
                                        GtkWidget             *editor);
void        kurs_record_row_add_fields (KursRecordRow         *self,
                                        const char * const    *fields);

G_END_DECLS
