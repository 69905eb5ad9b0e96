/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_RECORD_LIST (kurs_record_list_get_type ())
G_DECLARE_FINAL_TYPE (KursRecordList, kurs_record_list, KURS, RECORD_LIST, GObject)

KursRecordList *kurs_record_list_new_strategies (KursStore  *store);
KursRecordList *kurs_record_list_new_children   (KursStore  *store,
                                                 KursEntity  entity,
                                                 gint64      parent_id);
KursRecordList *kurs_record_list_new_for_strategy (KursStore  *store,
                                                   KursEntity  entity,
                                                   gint64      strategy_id);
void            kurs_record_list_refresh        (KursRecordList *self);

G_END_DECLS
