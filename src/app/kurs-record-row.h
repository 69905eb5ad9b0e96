/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_RECORD_ROW (kurs_record_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (KursRecordRow, kurs_record_row, KURS, RECORD_ROW, AdwExpanderRow)

/* A row of a kind of record with more of its own (a milestone's held
 * tick) derives from this: "store" and "record" are construct-only */
struct _KursRecordRowClass
{
  AdwExpanderRowClass parent_class;
};

/* The row's subtitle: a summary of the record (transfer full, nullable) */
typedef char *(*KursRecordRowDescribe) (KursStore  *store,
                                        KursRecord *record);

/* Adds the row's editors, the first time it is expanded */
typedef void (*KursRecordRowPopulate) (KursRecordRow *row,
                                       gpointer       user_data);

GtkWidget  *kurs_record_row_new        (KursStore             *store,
                                        KursRecord            *record,
                                        KursRecordRowDescribe  describe);
void        kurs_record_row_set_describe (KursRecordRow       *self,
                                        KursRecordRowDescribe  describe);
KursRecord *kurs_record_row_get_record (KursRecordRow         *self);
KursStore  *kurs_record_row_get_store  (KursRecordRow         *self);
void        kurs_record_row_set_title_func (KursRecordRow     *self,
                                        KursRecordRowDescribe  title);
void        kurs_record_row_set_populate (KursRecordRow       *self,
                                        KursRecordRowPopulate  populate,
                                        gpointer               user_data);
void        kurs_record_row_open       (KursRecordRow         *self);
void        kurs_record_row_add_editor (KursRecordRow         *self,
                                        GtkWidget             *editor);
void        kurs_record_row_add_fields (KursRecordRow         *self,
                                        const char * const    *fields);
void        kurs_record_row_set_fields (KursRecordRow         *self,
                                        const char * const    *fields);

G_END_DECLS
