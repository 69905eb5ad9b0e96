/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-history"

#include "config.h"

#include "kurs-history-entry.h"

/**
 * KursHistoryEntry:
 *
 * One action of a strategy's history, as an item of a list
 * (#KursHistoryList).
 */
struct _KursHistoryEntry
{
  GObject            parent_instance;
  KursHistoryAction *action;
};

G_DEFINE_FINAL_TYPE (KursHistoryEntry, kurs_history_entry, G_TYPE_OBJECT)

static void
kurs_history_entry_finalize (GObject *object)
{
  KursHistoryEntry *self = KURS_HISTORY_ENTRY (object);

  g_clear_pointer (&self->action, kurs_history_action_free);

  G_OBJECT_CLASS (kurs_history_entry_parent_class)->finalize (object);
}

static void
kurs_history_entry_class_init (KursHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kurs_history_entry_finalize;
}

static void
kurs_history_entry_init (KursHistoryEntry *self)
{
}

/**
 * kurs_history_entry_new:
 * @action: (transfer full): the action
 */
KursHistoryEntry *
kurs_history_entry_new (KursHistoryAction *action)
{
  KursHistoryEntry *self = g_object_new (KURS_TYPE_HISTORY_ENTRY, NULL);

  self->action = action;
  return self;
}

/**
 * kurs_history_entry_get_action:
 *
 * Returns: (transfer none): the action, with its changes
 */
KursHistoryAction *
kurs_history_entry_get_action (KursHistoryEntry *self)
{
  g_return_val_if_fail (KURS_IS_HISTORY_ENTRY (self), NULL);

  return self->action;
}
