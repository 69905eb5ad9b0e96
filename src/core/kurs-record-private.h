/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only the store changes a record: these are its hooks. */

#include "kurs-record.h"

G_BEGIN_DECLS

KursRecord *kurs_record_new              (KursEntity  entity,
                                          gint64      id);
void        kurs_record_set_strategy_id  (KursRecord *self,
                                          gint64      strategy_id);
void        kurs_record_set_position     (KursRecord *self,
                                          gint64      position);
void        kurs_record_set_uid          (KursRecord *self,
                                          gint64      uid);
void        kurs_record_set_deleted      (KursRecord *self,
                                          gboolean    deleted);
void        kurs_record_take_value_at    (KursRecord *self,
                                          guint       index,
                                          GVariant   *value);
void        kurs_record_emit_changed     (KursRecord *self,
                                          guint       index);

/* Reads the value at @index of @record, not read with its row */
typedef GVariant * (* KursRecordReadFunc) (KursRecord *record,
                                           guint       index,
                                           gpointer    data);

void        kurs_record_set_unread_at    (KursRecord         *self,
                                          guint               index,
                                          KursRecordReadFunc  read,
                                          gpointer            data,
                                          GDestroyNotify      destroy);
void        kurs_record_read_all         (KursRecord         *self);
gboolean    kurs_record_is_unread_at     (KursRecord         *self,
                                          guint               index);

G_END_DECLS
