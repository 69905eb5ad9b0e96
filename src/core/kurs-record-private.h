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

G_END_DECLS
