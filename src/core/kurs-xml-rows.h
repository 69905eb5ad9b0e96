/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For core modules that read a Kurs XML file's rows (kurs-xml-import.c,
 * kurs-snapshot.c): the rows as a stream gives them, without a tree. */

#include <gio/gio.h>

#include "kurs-schema.h"

G_BEGIN_DECLS

/* A row in the file, where it is and what identifies it; its fields are
 * kurs_xml_rows_get_text()'s */
typedef struct {
  guint       owner;   /* its index among its owner kind's rows (0: the strategy) */
  int         line;    /* of its start tag */
  const char *uid;     /* as written; NULL where the file gives none */
  const char *id;      /* the XML id others refer to it by, or NULL */
} KursXmlRow;

typedef struct _KursXmlRows KursXmlRows;

KursXmlRows      *kurs_xml_rows_read          (const char   *xml,
                                               gssize        length,
                                               gboolean      words,
                                               GError      **error);
void              kurs_xml_rows_free          (KursXmlRows  *rows);
guint             kurs_xml_rows_get_count     (KursXmlRows  *rows,
                                               KursEntity    entity);
const KursXmlRow *kurs_xml_rows_get_row       (KursXmlRows  *rows,
                                               KursEntity    entity,
                                               guint         index);
const char       *kurs_xml_rows_get_text      (KursXmlRows  *rows,
                                               KursEntity    entity,
                                               guint         index,
                                               guint         field);
const char * const *kurs_xml_rows_get_texts  (KursXmlRows  *rows,
                                               KursEntity    entity,
                                               guint         index);
const char       *kurs_xml_rows_get_root_attribute (KursXmlRows *rows,
                                                    const char  *name);
gboolean          kurs_xml_rows_is_utf8       (KursXmlRows  *rows);
char             *kurs_xml_rows_steal_words   (KursXmlRows  *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursXmlRows, kurs_xml_rows_free)

G_END_DECLS
