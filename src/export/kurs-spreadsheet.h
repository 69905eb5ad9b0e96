/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

gboolean kurs_spreadsheet_write        (KursStore            *store,
                                        KursRecord           *strategy,
                                        const char           *path,
                                        GError              **error);
void     kurs_spreadsheet_write_async  (const char           *library,
                                        KursRecord           *strategy,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean kurs_spreadsheet_write_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
