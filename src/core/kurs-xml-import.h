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

G_END_DECLS
