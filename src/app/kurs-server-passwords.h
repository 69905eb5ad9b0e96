/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     kurs_server_passwords_store  (const char *address,
                                       const char *password);
gboolean kurs_server_passwords_recall (const char *address);

G_END_DECLS
