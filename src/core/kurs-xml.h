/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "kurs-schema.h"

G_BEGIN_DECLS

#define KURS_XML_NAMESPACE "https://kurs.dk/ns/strategy/1"

/* No strategy file is anywhere near this; a larger file is refused before
 * it is parsed, which keeps memory bounded. */
#define KURS_XML_MAX_BYTES (64 * 1024 * 1024)

#define KURS_XML_ERROR (kurs_xml_error_quark ())
GQuark kurs_xml_error_quark (void);

typedef enum {
  /* Not well-formed: truncated, broken tags, bad encoding. */
  KURS_XML_ERROR_MALFORMED,
  /* A DOCTYPE or entity declaration: refused for safety. */
  KURS_XML_ERROR_FORBIDDEN,
  /* Well-formed XML, but not a Kurs strategy (root or namespace). */
  KURS_XML_ERROR_NOT_KURS,
  /* Does not follow the schema, or breaks a rule of the library. */
  KURS_XML_ERROR_INVALID,
  KURS_XML_ERROR_TOO_LARGE,
  /* The strategy is already in the library. */
  KURS_XML_ERROR_DUPLICATE,
  /* Export: the strategy has no approved version (or not that one). */
  KURS_XML_ERROR_NO_VERSION,
} KursXmlError;

typedef enum {
  KURS_XML_SKIP,
  KURS_XML_ATTRIBUTE,
  KURS_XML_ELEMENT,
} KursXmlForm;

/* How an entity appears in the XML. */
typedef struct {
  const char         *element;      /* "focus-area" */
  const char         *container;    /* "focus-areas" */
  const char         *id_prefix;    /* its rows' ids, or NULL when nothing refers to them */
  gboolean            exported;     /* FALSE for versions, which are the file itself */
  const char * const *field_names;  /* per field */
  const KursXmlForm  *field_forms;  /* per field */
} KursXmlEntity;

const KursXmlEntity *kurs_xml_entity       (KursEntity   entity);

xmlDocPtr            kurs_xml_parse        (GBytes      *data,
                                            GError     **error);
gboolean             kurs_xml_validate_doc (xmlDocPtr    doc,
                                            GPtrArray   *messages,
                                            GError     **error);
gboolean             kurs_xml_validate     (GBytes      *data,
                                            GPtrArray  **messages,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct _KursXmlChecker KursXmlChecker;

KursXmlChecker *kurs_xml_checker_new    (void);
KursXmlChecker *kurs_xml_checker_new_without_keys (void);
void            kurs_xml_checker_feed   (KursXmlChecker  *self,
                                         const char      *data,
                                         gsize            length);
void            kurs_xml_checker_feed_bytes (KursXmlChecker *self,
                                             GBytes         *bytes);
gboolean        kurs_xml_checker_finish (KursXmlChecker  *self,
                                         GError         **error);

char *kurs_xml_text_content (const char *xml,
                             gssize      length);

/* The words of a stream's texts, for a reader that reads it for more
 * (kurs_xml_text_content()) */
typedef struct _KursXmlWords KursXmlWords;

KursXmlWords *kurs_xml_words_new      (void);
void          kurs_xml_words_start    (KursXmlWords *words);
void          kurs_xml_words_end      (KursXmlWords *words);
void          kurs_xml_words_add_text (KursXmlWords *words,
                                       const char   *text,
                                       int           length);
char         *kurs_xml_words_free     (KursXmlWords *words,
                                       gboolean      keep);

/* What a stream reader does (kurs_xml_read_stream()) */
typedef struct {
  void (*start) (gpointer        data,
                 const xmlChar  *name,
                 const xmlChar  *uri,
                 int             line,
                 int             n_attributes,
                 const xmlChar **attributes);
  void (*end)   (gpointer        data);
  void (*text)  (gpointer        data,
                 const char     *text,
                 int             length);
  /* (may be NULL) once read, if the file is not in UTF-8: its texts
   * were converted */
  void (*converted) (gpointer    data);
} KursXmlStreamFuncs;

gboolean kurs_xml_read_stream (const char                *xml,
                               gssize                     length,
                               const KursXmlStreamFuncs  *funcs,
                               gpointer                   data,
                               GError                   **error);

G_END_DECLS
