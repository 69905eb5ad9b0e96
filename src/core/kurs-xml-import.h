/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

typedef enum {
  KURS_XML_IMPORT_DEFAULT = 0,
  /* A strategy already in the library is added again, with a new UUID
   * and its title marked as a copy. */
  KURS_XML_IMPORT_AS_COPY = 1 << 0,
  /* The strategy is added with a new UUID, its title as it is: for a
   * strategy Kurs ships, which may be added more than once (the example) */
  KURS_XML_IMPORT_NEW_IDENTITY = 1 << 1,
} KursXmlImportFlags;

KursRecord *kurs_xml_import (KursStore           *store,
                             GBytes              *data,
                             KursXmlImportFlags   flags,
                             GError             **error);

typedef struct _KursXmlParsed KursXmlParsed;

KursXmlParsed *kurs_xml_parsed_new    (GBytes              *data,
                                       GError             **error);
KursXmlParsed *kurs_xml_parsed_copy   (KursXmlParsed       *parsed);
void           kurs_xml_parsed_free   (KursXmlParsed       *parsed);
void           kurs_xml_parse_async   (GBytes              *data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
KursXmlParsed *kurs_xml_parse_finish  (GAsyncResult        *result,
                                       GError             **error);
KursRecord    *kurs_xml_import_parsed (KursStore           *store,
                                       KursXmlParsed       *parsed,
                                       KursXmlImportFlags   flags,
                                       GError             **error);

typedef struct _KursXmlImport KursXmlImport;

KursXmlImport *kurs_xml_import_begin  (KursStore           *store,
                                       KursXmlParsed       *parsed,
                                       KursXmlImportFlags   flags,
                                       GError             **error);
gboolean       kurs_xml_import_step   (KursXmlImport       *import,
                                       gint64               budget_usec);
double         kurs_xml_import_get_progress (KursXmlImport *import);
KursRecord    *kurs_xml_import_end    (KursXmlImport       *import,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursXmlParsed, kurs_xml_parsed_free)

G_END_DECLS
