/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kurs-history-entry.h"
#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_HISTORY_LIST (kurs_history_list_get_type ())
G_DECLARE_FINAL_TYPE (KursHistoryList, kurs_history_list, KURS, HISTORY_LIST, GObject)

KursHistoryList *kurs_history_list_new          (KursStore        *store,
                                                 gint64            strategy_id);
void             kurs_history_list_reload       (KursHistoryList  *self);

G_END_DECLS
