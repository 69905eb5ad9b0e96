/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kurs-comparison.h"

G_BEGIN_DECLS

#define KURS_TYPE_CHANGE_ENTRY (kurs_change_entry_get_type ())
G_DECLARE_FINAL_TYPE (KursChangeEntry, kurs_change_entry, KURS, CHANGE_ENTRY, GObject)

KursChangeEntry *kurs_change_entry_new_section (KursSection      section);
KursChangeEntry *kurs_change_entry_new_change  (KursSection      section,
                                                guint            index);
KursSection      kurs_change_entry_get_section (KursChangeEntry *self);
int              kurs_change_entry_get_change  (KursChangeEntry *self);

G_END_DECLS
