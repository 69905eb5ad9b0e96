/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-calendar.h"
#include "kurs-comparison.h"
#include "kurs-print-document.h"
#include "kurs-store.h"

G_BEGIN_DECLS

KursPrintDocument *kurs_strategy_document_new        (KursStore            *store,
                                                      KursRecord           *strategy);
KursPrintDocument *kurs_strategy_document_new_full   (KursStore            *store,
                                                      KursRecord           *strategy,
                                                      KursCalendarLayers    calendar);
void               kurs_strategy_document_new_async  (const char           *path,
                                                      KursRecord           *strategy,
                                                      KursCalendarLayers    calendar,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void               kurs_strategy_document_new_with_changes_async (const char          *path,
                                                                  KursRecord          *strategy,
                                                                  KursCalendarLayers   calendar,
                                                                  gint64               changes_since,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
KursPrintDocument *kurs_strategy_document_new_finish (GAsyncResult         *result,
                                                      GError              **error);
void               kurs_strategy_document_add_changes (KursPrintDocument   *document,
                                                       KursComparison      *comparison);

G_END_DECLS
