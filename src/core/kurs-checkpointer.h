/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KursCheckpointer KursCheckpointer;

KursCheckpointer *kurs_checkpointer_new  (sqlite3          *writer);
void              kurs_checkpointer_free (KursCheckpointer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursCheckpointer, kurs_checkpointer_free)

G_END_DECLS
