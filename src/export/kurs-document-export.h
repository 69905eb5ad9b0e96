/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-calendar.h"
#include "kurs-store.h"

G_BEGIN_DECLS

/* Which state of a strategy a document shows: an approved version's
 * number, or one of these */
#define KURS_DOCUMENT_LATEST_VERSION ((gint64) 0)
#define KURS_DOCUMENT_DRAFT          ((gint64) -1)

/* How far a document is, from 0 to 1 */
typedef void (*KursDocumentProgressFunc) (double   fraction,
                                          gpointer user_data);

gboolean kurs_document_export_strategy        (KursStore            *store,
                                               KursRecord           *strategy,
                                               gint64                version,
                                               const char           *path,
                                               GError              **error);
void     kurs_document_export_strategy_async  (const char           *library,
                                               KursRecord           *strategy,
                                               gint64                version,
                                               KursCalendarLayers    calendar,
                                               const char           *path,
                                               KursDocumentProgressFunc progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean kurs_document_export_strategy_finish (GAsyncResult         *result,
                                               GError              **error);
gboolean kurs_document_export_hearing_summary (KursStore            *store,
                                               KursRecord           *round,
                                               const char           *path,
                                               GError              **error);

G_END_DECLS
