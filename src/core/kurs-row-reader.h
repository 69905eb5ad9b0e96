/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"
#include "kurs-store.h"

G_BEGIN_DECLS

typedef struct _KursRowReader KursRowReader;

/* The most fields one reader reads: more than any entity has */
#define KURS_ROW_READER_MAX_FIELDS 16

typedef enum {
  KURS_ROW_ORDER_SCHEMA,   /* the entity's own order, as lists give it */
  KURS_ROW_ORDER_ANY,      /* whichever is quickest: the caller sorts */
} KursRowOrder;

KursRowReader *kurs_row_reader_new       (KursStore      *store,
                                          KursEntity      entity,
                                          gint64          strategy_id,
                                          const guint    *fields,
                                          guint           n_fields,
                                          KursRowOrder    order);
gboolean       kurs_row_reader_next      (KursRowReader  *self);
gboolean       kurs_row_reader_end       (KursRowReader  *self,
                                          GError        **error);
void           kurs_row_reader_free      (KursRowReader  *self);

gint64         kurs_row_reader_get_id    (KursRowReader  *self);
gint64         kurs_row_reader_get_uid   (KursRowReader  *self);
gboolean       kurs_row_reader_has_value (KursRowReader  *self,
                                          guint           field);
const char    *kurs_row_reader_get_text  (KursRowReader  *self,
                                          guint           field);
gint64         kurs_row_reader_get_int   (KursRowReader  *self,
                                          guint           field);
double         kurs_row_reader_get_real  (KursRowReader  *self,
                                          guint           field);
gboolean       kurs_row_reader_get_bool  (KursRowReader  *self,
                                          guint           field);
int            kurs_row_reader_get_enum  (KursRowReader  *self,
                                          guint           field);
KursDate       kurs_row_reader_get_date  (KursRowReader  *self,
                                          guint           field);
const char    *kurs_row_reader_format    (KursRowReader  *self,
                                          guint           field,
                                          char            buffer[G_ASCII_DTOSTR_BUF_SIZE]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursRowReader, kurs_row_reader_free)

G_END_DECLS
