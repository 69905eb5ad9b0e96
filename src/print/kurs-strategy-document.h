/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-print-document.h"
#include "kurs-store.h"

G_BEGIN_DECLS

KursPrintDocument *kurs_strategy_document_new        (KursStore            *store,
                                                      KursRecord           *strategy);
void               kurs_strategy_document_new_async  (const char           *path,
                                                      KursRecord           *strategy,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
KursPrintDocument *kurs_strategy_document_new_finish (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
