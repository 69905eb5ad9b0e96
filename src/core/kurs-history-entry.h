/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kurs-history.h"

G_BEGIN_DECLS

#define KURS_TYPE_HISTORY_ENTRY (kurs_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (KursHistoryEntry, kurs_history_entry, KURS, HISTORY_ENTRY, GObject)

KursHistoryEntry  *kurs_history_entry_new        (KursHistoryAction *action);
KursHistoryAction *kurs_history_entry_get_action (KursHistoryEntry  *self);

G_END_DECLS
