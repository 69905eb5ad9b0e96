/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-change-entry"

#include "config.h"

#include "kurs-change-entry.h"

/**
 * KursChangeEntry:
 *
 * A line of the Changes window's list (KursChangesWindow): a section's
 * heading, or one of its changes by its index in the comparison.
 */

struct _KursChangeEntry
{
  GObject      parent_instance;

  KursSection  section;
  int          change;    /* -1 for the section's heading */
};

G_DEFINE_FINAL_TYPE (KursChangeEntry, kurs_change_entry, G_TYPE_OBJECT)

static void
kurs_change_entry_class_init (KursChangeEntryClass *klass)
{
}

static void
kurs_change_entry_init (KursChangeEntry *self)
{
  self->change = -1;
}

KursChangeEntry *
kurs_change_entry_new_section (KursSection section)
{
  KursChangeEntry *self = g_object_new (KURS_TYPE_CHANGE_ENTRY, NULL);

  self->section = section;
  return self;
}

KursChangeEntry *
kurs_change_entry_new_change (KursSection section,
                              guint       index)
{
  KursChangeEntry *self = kurs_change_entry_new_section (section);

  self->change = (int) index;
  return self;
}

KursSection
kurs_change_entry_get_section (KursChangeEntry *self)
{
  g_return_val_if_fail (KURS_IS_CHANGE_ENTRY (self), 0);

  return self->section;
}

/**
 * kurs_change_entry_get_change:
 *
 * Returns: the change's index in the comparison, or -1 for a section's
 *   heading
 */
int
kurs_change_entry_get_change (KursChangeEntry *self)
{
  g_return_val_if_fail (KURS_IS_CHANGE_ENTRY (self), -1);

  return self->change;
}
