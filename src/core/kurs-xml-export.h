/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64      number;
  const char *approved_date;
  const char *approved_by;
} KursXmlVersionInfo;

GBytes *kurs_xml_export_live    (KursStore                 *store,
                                 KursRecord                *strategy,
                                 const KursXmlVersionInfo  *version,
                                 GError                   **error);
GBytes *kurs_xml_export_version (KursStore                 *store,
                                 KursRecord                *strategy,
                                 gint64                     number,
                                 GError                   **error);

/* kurs_xml_export_async()'s number for the strategy as it is now */
#define KURS_XML_EXPORT_DRAFT ((gint64) -1)

void    kurs_xml_export_async   (const char                *path,
                                 KursRecord                *strategy,
                                 gint64                     number,
                                 GCancellable              *cancellable,
                                 GAsyncReadyCallback        callback,
                                 gpointer                   user_data);
GBytes *kurs_xml_export_finish  (GAsyncResult              *result,
                                 GError                   **error);

G_END_DECLS
