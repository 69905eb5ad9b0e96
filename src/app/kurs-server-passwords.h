/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     kurs_server_passwords_store  (const char *address,
                                       const char *password);
void     kurs_server_passwords_recall_async (const char          *address,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

gboolean kurs_server_passwords_recall_sync  (const char          *address);

G_END_DECLS
