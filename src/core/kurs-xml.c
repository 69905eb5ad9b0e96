/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "kurs-core-resources.h"
#include "kurs-xml.h"

/* What the exporter and the importer share: the names of things in the
 * XML, derived from the schema's descriptors by fixed rules; the safe way
 * to parse a file; and validation against data/kurs-strategy.xsd, which
 * is compiled into the program so that it is always there.
 *
 * The rules: an entity's element is its name with '-' for '_', its
 * container its plural likewise.  A field that holds text is a child
 * element; any other field is an attribute, and a reference drops its
 * "_id".  Timestamps and bulky fields are left out.  Rows of an entity
 * that another refers to carry an id attribute. */

#define MAX_MESSAGES 200

G_DEFINE_QUARK (kurs-xml-error-quark, kurs_xml_error)

static KursXmlEntity xml_entities[KURS_N_ENTITIES];

static char *
xml_name (const char *identifier)
{
  char *name = g_strdup (identifier);

  g_strdelimit (name, "_", '-');
  return name;
}

static gboolean
is_referenced (KursEntity entity)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);

      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == KURS_FIELD_REF && info->fields[i].ref == entity
            && !(info->fields[i].flags & KURS_FIELD_PARENT))
          return TRUE;
    }

  return FALSE;
}

static gpointer
build_names (gpointer data)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      KursXmlEntity *x = &xml_entities[e];
      const char **names = g_new0 (const char *, info->n_fields + 1);
      KursXmlForm *forms = g_new0 (KursXmlForm, info->n_fields);

      x->element = xml_name (info->name);
      x->container = xml_name (info->plural);
      x->id_prefix = is_referenced (e) ? x->element : NULL;
      x->exported = e != KURS_ENTITY_VERSION;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const KursField *field = &info->fields[i];

          if (field->type == KURS_FIELD_REF && g_str_has_suffix (field->name, "_id"))
            {
              g_autofree char *stem = g_strndup (field->name, strlen (field->name) - 3);

              names[i] = xml_name (stem);
            }
          else
            names[i] = xml_name (field->name);

          if ((int) i == info->parent_field
              || field->type == KURS_FIELD_TIMESTAMP
              || (field->flags & KURS_FIELD_BULK))
            forms[i] = KURS_XML_SKIP;
          else if (field->type == KURS_FIELD_TEXT && !(field->flags & KURS_FIELD_INTERNAL))
            forms[i] = KURS_XML_ELEMENT;
          else
            forms[i] = KURS_XML_ATTRIBUTE;
        }

      x->field_names = names;
      x->field_forms = forms;
    }

  return NULL;
}

const KursXmlEntity *
kurs_xml_entity (KursEntity entity)
{
  static GOnce once = G_ONCE_INIT;

  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  g_once (&once, build_names, NULL);
  return &xml_entities[entity];
}

/* libxml2 would print its errors on stderr; Kurs reports them itself. */
static void
silence (void       *data,
         const char *format,
         ...)
{
}

static void
ignore_structured (void        *data,
                   xmlErrorPtr  error)
{
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  /* Per thread in libxml2 */
  xmlSetGenericErrorFunc (NULL, silence);
  xmlSetStructuredErrorFunc (NULL, ignore_structured);
}

/* The schema's identity constraints (xs:key, xs:keyref, xs:unique) taken
 * out of @doc */
static void
remove_identity_constraints (xmlNodePtr node)
{
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ELEMENT_NODE && child->ns != NULL
          && xmlStrEqual (child->ns->href, (const xmlChar *) "http://www.w3.org/2001/XMLSchema")
          && (xmlStrEqual (child->name, (const xmlChar *) "key")
              || xmlStrEqual (child->name, (const xmlChar *) "keyref")
              || xmlStrEqual (child->name, (const xmlChar *) "unique")))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        remove_identity_constraints (child);
      child = next;
    }
}

/* The schema, with or without its identity constraints; its document in
 * *@doc */
static xmlSchemaPtr
parse_schema (gboolean   with_keys,
              xmlDocPtr *doc)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr loaded;
  gsize length;
  const char *data;

  /* Named through its resource, so that a static link keeps it. */
  bytes = g_resource_lookup_data (kurs_core_get_resource (),
                                  "/dk/kurs/Kurs/core/kurs-strategy.xsd",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &length);

  *doc = xmlReadMemory (data, (int) length, "kurs-strategy.xsd", NULL, XML_PARSE_NONET);
  g_assert (*doc != NULL);
  if (!with_keys)
    remove_identity_constraints (xmlDocGetRootElement (*doc));
  parser = xmlSchemaNewDocParserCtxt (*doc);
  loaded = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert (loaded != NULL);
  return loaded;
}

/* The Kurs strategy schema, parsed once; @with_keys: with its identity
 * constraints (each row's id its own, each reference to one), which an
 * import checks itself as it reads the rows (kurs-xml-import.c): they were
 * a third of checking a file of 100,000 items, and the import waited for
 * the check */
static xmlSchemaPtr
load_schema (gboolean with_keys)
{
  static gsize schemas[2];
  /* (the documents stay as long as the schemas made of them: always) */
  static xmlDocPtr docs[2];

  if (g_once_init_enter (&schemas[with_keys]))
    g_once_init_leave (&schemas[with_keys], (gsize) parse_schema (with_keys, &docs[with_keys]));

  return (xmlSchemaPtr) schemas[with_keys];
}

typedef struct {
  gboolean  forbidden;
  int       line;
  char     *message;   /* the first error: later ones tend to follow from it */
} ParseState;

static char *
one_line (const char *message)
{
  char *line = g_strdup (message ? message : "");

  g_strdelimit (line, "\r\n", ' ');
  return g_strstrip (line);
}

/* The refusals a reading or a check ends with: one wording each */
static void
set_not_well_formed (GError    **error,
                     int         line,
                     const char *message)
{
  g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_MALFORMED, _("The file is not well-formed XML (line %d: %s)"),
               line, message != NULL ? message : _("unknown problem"));
}

static void
set_invalid (GError    **error,
             GPtrArray  *messages)
{
  g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID, _("The file does not follow the Kurs strategy format: %s"),
               messages->len > 0 ? (const char *) messages->pdata[0] : _("unknown problem"));
}

static void
remember_first_error (void        *user_data,
                      xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->message == NULL && error != NULL)
    {
      state->line = error->line;
      state->message = one_line (error->message);
    }
}

/* A DOCTYPE could declare entities (an expansion bomb) or point at
 * outside files; a Kurs file never has one, so the parser stops at it. */
static void
refuse_doctype (void          *user_data,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->forbidden = TRUE;
  xmlStopParser (ctxt);
}

static void
refuse_entity (void          *user_data,
               const xmlChar *name,
               int            type,
               const xmlChar *public_id,
               const xmlChar *system_id,
               xmlChar       *content)
{
  refuse_doctype (user_data, name, public_id, system_id);
}

/**
 * kurs_xml_parse:
 *
 * Parses a file that claims to be a Kurs strategy, safely: no DTD, no
 * entities, nothing fetched from the network or the disk, a bounded size,
 * and the root must be a strategy in the Kurs namespace.  The document is
 * not yet checked against the schema; see kurs_xml_validate_doc().
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDocPtr
kurs_xml_parse (GBytes  *data,
                GError **error)
{
  ParseState state = { FALSE, 0, NULL };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNodePtr root;
  gsize length;
  const char *bytes;

  g_return_val_if_fail (data != NULL, NULL);

  init_libxml ();
  bytes = g_bytes_get_data (data, &length);

  if (length > KURS_XML_MAX_BYTES)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_TOO_LARGE,
                   _("The file is too large to be a strategy (more than %d MB)"),
                   KURS_XML_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_MALFORMED,
                   _("The file is empty"));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  g_assert (ctxt != NULL);
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->externalSubset = refuse_doctype;
  ctxt->sax->entityDecl = refuse_entity;
  ctxt->sax->serror = remember_first_error;
  ctxt->_private = &state;

  /* Not XML_PARSE_NOENT (no substitution), not XML_PARSE_DTDLOAD, not
   * XML_PARSE_HUGE (libxml2 keeps its limits on depth and text size).
   * NOBLANKS drops the indentation between elements, which is most of a
   * large file's nodes; a text element holding only spaces keeps them. */
  doc = xmlCtxtReadMemory (ctxt, bytes, length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS);
  if (state.forbidden)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_FORBIDDEN,
                   _("The file has a DOCTYPE or entity declaration, which a Kurs strategy never has; it was not read"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      set_not_well_formed (error, state.line, state.message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  xmlFreeParserCtxt (ctxt);
  g_free (state.message);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, BAD_CAST "strategy"))
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NOT_KURS,
                   _("This is not a Kurs strategy: its root element is “%s”, not “strategy”"),
                   root ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  if (root->ns == NULL || !xmlStrEqual (root->ns->href, BAD_CAST KURS_XML_NAMESPACE))
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NOT_KURS,
                   _("This is not a Kurs strategy of a version this Kurs reads: its namespace is “%s”, not “%s”"),
                   root->ns ? (const char *) root->ns->href : "", KURS_XML_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

/* A problem the schema's validator found, "line N: …", up to MAX_MESSAGES */
static void
add_message (GPtrArray   *messages,
             int          line,
             xmlErrorPtr  error)
{
  g_autofree char *message = NULL;

  if (messages->len >= MAX_MESSAGES)
    return;

  message = one_line (error->message);
  g_ptr_array_add (messages, g_strdup_printf (_("line %d: %s"), line, message));
}

static void
collect_error (void        *data,
               xmlErrorPtr  error)
{
  add_message (data, error->line, error);
}

/**
 * kurs_xml_validate_doc:
 * @messages: (element-type utf8): where to add each problem, "line N: …"
 *
 * Checks a parsed document against the Kurs strategy schema.
 *
 * Returns: %TRUE if it follows the schema; otherwise %FALSE, with @error
 *   naming the first problem
 */
gboolean
kurs_xml_validate_doc (xmlDocPtr   doc,
                       GPtrArray  *messages,
                       GError    **error)
{
  g_autoptr(GPtrArray) own = NULL;
  xmlSchemaValidCtxtPtr validator;
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);

  init_libxml ();
  if (messages == NULL)
    messages = own = g_ptr_array_new_with_free_func (g_free);

  validator = xmlSchemaNewValidCtxt (load_schema (TRUE));
  xmlSchemaSetValidStructuredErrors (validator, collect_error, messages);
  result = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);

  if (result == 0)
    return TRUE;

  set_invalid (error, messages);
  return FALSE;
}

/* Checking a document against the schema as it is written: a thread of
 * its own parses what it is fed as it comes (a parse that waits for its
 * input, not a push parser, which leaves some of what it holds behind
 * when a document breaks off), with the schema's validator plugged into
 * the parser's events, and builds no tree */
struct _KursXmlChecker {
  GThread     *thread;
  gboolean     with_keys;
  GAsyncQueue *chunks;     /* GBytes; an empty one ends the document */
  GPtrArray   *messages;
  gboolean     valid;
  char        *not_well_formed;   /* the parser's first error, and its line */
  int          line;
  xmlParserCtxtPtr parser;
  /* what the parser reads (read_fed()) */
  GBytes      *chunk;
  gsize        offset;
  gboolean     ended;
};

/* collect_error(), with the line the parser is at: a validator fed by a
 * parser's events knows none */
static void
collect_checker_error (void        *data,
                       xmlErrorPtr  error)
{
  KursXmlChecker *self = data;

  add_message (self->messages,
               error->line > 0 || self->parser == NULL ? error->line : xmlSAX2GetLineNumber (self->parser),
               error);
}

/* In front of the validator's events: a text given in pieces (the parser
 * gives a long text a few hundred bytes at a time) is handed on whole, as
 * a tree would hold it; the validator adds each piece to what it has by
 * copying it all again */
typedef struct {
  xmlSAXHandlerPtr  next;
  void             *next_data;
  GString          *text;
  GArray           *open;    /* OpenElement: what a document that breaks
                              * off leaves open, closed for the validator
                              * to let go of what it holds for them */
} Front;

typedef struct {
  const xmlChar *name;       /* the parser's */
  const xmlChar *prefix;
  const xmlChar *uri;
} OpenElement;

static void
front_flush (Front *front)
{
  if (front->text->len > 0 && front->next->characters != NULL)
    front->next->characters (front->next_data, (const xmlChar *) front->text->str, (int) front->text->len);
  g_string_truncate (front->text, 0);
}

static void
front_characters (void          *data,
                  const xmlChar *text,
                  int            length)
{
  Front *front = data;

  g_string_append_len (front->text, (const char *) text, length);
}

static void
front_start (void           *data,
             const xmlChar  *name,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_namespaces,
             const xmlChar **namespaces,
             int             n_attributes,
             int             n_defaulted,
             const xmlChar **attributes)
{
  Front *front = data;
  OpenElement open = { name, prefix, uri };

  front_flush (front);
  g_array_append_val (front->open, open);
  if (front->next->startElementNs != NULL)
    front->next->startElementNs (front->next_data, name, prefix, uri, n_namespaces, namespaces, n_attributes,
                                 n_defaulted, attributes);
}

static void
front_end (void          *data,
           const xmlChar *name,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  Front *front = data;

  front_flush (front);
  if (front->open->len > 0)
    g_array_set_size (front->open, front->open->len - 1);
  if (front->next->endElementNs != NULL)
    front->next->endElementNs (front->next_data, name, prefix, uri);
}

/* (spaces between elements are not the document's text: XML_PARSE_NOBLANKS) */
static void
front_blanks (void          *data,
              const xmlChar *text,
              int            length)
{
}

/* The parser reads what the writer has fed, waiting for more: as much as
 * it asks for, unless the document ends first */
static int
read_fed (void *data,
          char *buffer,
          int   length)
{
  KursXmlChecker *self = data;
  int filled = 0;

  while (filled < length && !self->ended)
    {
      gsize size = self->chunk != NULL ? g_bytes_get_size (self->chunk) : 0;
      gsize n;

      if (self->offset >= size)
        {
          g_clear_pointer (&self->chunk, g_bytes_unref);
          self->offset = 0;
          self->chunk = g_async_queue_pop (self->chunks);
          self->ended = g_bytes_get_size (self->chunk) == 0;
          continue;
        }
      n = MIN ((gsize) (length - filled), size - self->offset);
      memcpy (buffer + filled, (const char *) g_bytes_get_data (self->chunk, NULL) + self->offset, n);
      self->offset += n;
      filled += (int) n;
    }
  return filled;
}

static gpointer
check_in_thread (gpointer data)
{
  KursXmlChecker *self = data;
  xmlSAXHandler events = { 0 };
  xmlSAXHandler front_events = { 0 };
  xmlSAXHandlerPtr sax = &events;
  Front front = { NULL, NULL, g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (OpenElement)) };
  xmlSchemaValidCtxtPtr validator;
  xmlSchemaSAXPlugPtr plug;
  xmlParserCtxtPtr parser;

  init_libxml ();
  /* nothing of its own to do with the events: only the validator's */
  events.initialized = XML_SAX2_MAGIC;
  validator = xmlSchemaNewValidCtxt (load_schema (self->with_keys));
  xmlSchemaSetValidStructuredErrors (validator, collect_checker_error, self);
  plug = xmlSchemaSAXPlug (validator, &sax, &front.next_data);
  g_assert (plug != NULL);
  front.next = sax;
  front_events.initialized = XML_SAX2_MAGIC;
  front_events.startElementNs = front_start;
  front_events.endElementNs = front_end;
  front_events.characters = front_characters;
  front_events.ignorableWhitespace = front_blanks;
  parser = self->parser = xmlCreateIOParserCtxt (&front_events, &front, read_fed, NULL, self,
                                                 XML_CHAR_ENCODING_NONE);
  g_assert (parser != NULL);
  /* as kurs_xml_parse() reads a file */
  xmlCtxtUseOptions (parser, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS);

  xmlParseDocument (parser);
  if (!parser->wellFormed)
    {
      xmlErrorPtr error = xmlCtxtGetLastError (parser);

      self->line = error != NULL ? error->line : 0;
      self->not_well_formed = one_line (error != NULL ? error->message : NULL);
    }
  self->valid = parser->wellFormed && xmlSchemaIsValid (validator) == 1;
  while (front.open->len > 0)
    {
      OpenElement open = g_array_index (front.open, OpenElement, front.open->len - 1);

      front_end (&front, open.name, open.prefix, open.uri);
    }

  self->parser = NULL;
  xmlFreeParserCtxt (parser);
  xmlSchemaSAXUnplug (plug);
  xmlSchemaFreeValidCtxt (validator);
  g_string_free (front.text, TRUE);
  g_array_unref (front.open);
  return NULL;
}

static KursXmlChecker *
checker_new (gboolean with_keys)
{
  KursXmlChecker *self = g_new0 (KursXmlChecker, 1);

  init_libxml ();
  self->with_keys = with_keys;
  load_schema (with_keys);
  self->chunks = g_async_queue_new_full ((GDestroyNotify) g_bytes_unref);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  self->thread = g_thread_new ("kurs-xml-check", check_in_thread, self);
  return self;
}

/**
 * kurs_xml_checker_new:
 *
 * Begins checking a document against the Kurs strategy schema as it is
 * written (kurs_xml_checker_feed()), beside the writing, in a thread.
 *
 * Returns: (transfer full): the checker, to end with
 *   kurs_xml_checker_finish()
 */
KursXmlChecker *
kurs_xml_checker_new (void)
{
  return checker_new (TRUE);
}

/**
 * kurs_xml_checker_new_without_keys:
 *
 * kurs_xml_checker_new(), but for the schema's identity constraints: that
 * each row others refer to has an id of its own, and that each reference
 * is to one.  For a reader that checks those itself, as it takes the rows
 * (kurs-xml-import.c); they were a third of checking a file of 100,000
 * items.
 *
 * Returns: (transfer full): the checker, to end with
 *   kurs_xml_checker_finish()
 */
KursXmlChecker *
kurs_xml_checker_new_without_keys (void)
{
  return checker_new (FALSE);
}

/**
 * kurs_xml_checker_feed:
 *
 * The document's next bytes (copied).
 */
void
kurs_xml_checker_feed (KursXmlChecker *self,
                       const char     *data,
                       gsize           length)
{
  g_return_if_fail (self != NULL);

  if (length > 0)
    g_async_queue_push (self->chunks, g_bytes_new (data, length));
}

/**
 * kurs_xml_checker_feed_bytes:
 *
 * kurs_xml_checker_feed() of @bytes, not copied.
 */
void
kurs_xml_checker_feed_bytes (KursXmlChecker *self,
                             GBytes         *bytes)
{
  g_return_if_fail (self != NULL);

  if (g_bytes_get_size (bytes) > 0)
    g_async_queue_push (self->chunks, g_bytes_ref (bytes));
}

/**
 * kurs_xml_checker_finish:
 *
 * The document is whole: waits for the check and frees @self.
 *
 * Returns: %TRUE if what was fed is well-formed and follows the schema;
 *   otherwise %FALSE, with @error naming the first problem
 */
gboolean
kurs_xml_checker_finish (KursXmlChecker  *self,
                         GError         **error)
{
  gboolean valid;

  g_return_val_if_fail (self != NULL, FALSE);

  g_async_queue_push (self->chunks, g_bytes_new_static ("", 0));
  g_thread_join (self->thread);

  valid = self->valid;
  if (!valid && self->not_well_formed != NULL)
    set_not_well_formed (error, self->line, self->not_well_formed);
  else if (!valid)
    set_invalid (error, self->messages);

  g_clear_pointer (&self->chunk, g_bytes_unref);
  g_async_queue_unref (self->chunks);
  g_ptr_array_unref (self->messages);
  g_free (self->not_well_formed);
  g_free (self);
  return valid;
}

/**
 * kurs_xml_validate:
 * @messages: (out) (optional) (element-type utf8): every problem found,
 *   "line N: …"
 *
 * Parses and validates a file as kurs_xml_parse() and
 * kurs_xml_validate_doc() do.
 */
gboolean
kurs_xml_validate (GBytes     *data,
                   GPtrArray **messages,
                   GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(xmlDoc) doc = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL, FALSE);

  doc = kurs_xml_parse (data, &local_error);
  ok = doc != NULL && kurs_xml_validate_doc (doc, found, &local_error);

  if (!ok && found->len == 0 && local_error != NULL)
    g_ptr_array_add (found, g_strdup (local_error->message));

  if (messages)
    *messages = g_steal_pointer (&found);
  if (local_error)
    g_propagate_error (error, local_error);

  return ok;
}

/* Reading as a stream */

typedef struct {
  ParseState                parse;      /* first: refuse_doctype() reads it */
  const KursXmlStreamFuncs *funcs;
  gpointer                  data;
  guint                     depth;
  gboolean                  foreign;    /* not a Kurs strategy */
  char                     *root;       /* what the root was, if not */
  char                     *root_uri;
} StreamState;

static void
stream_start_element (void           *user_data,
                      const xmlChar  *name,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             n_namespaces,
                      const xmlChar **namespaces,
                      int             n_attributes,
                      int             n_defaulted,
                      const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  StreamState *state = ctxt->_private;

  if (state->depth++ == 0
      && (!xmlStrEqual (name, BAD_CAST "strategy") || !xmlStrEqual (uri, BAD_CAST KURS_XML_NAMESPACE)))
    {
      state->foreign = TRUE;
      state->root = g_strdup ((const char *) name);
      state->root_uri = g_strdup (uri ? (const char *) uri : "");
      xmlStopParser (ctxt);
      return;
    }
  state->funcs->start (state->data, name, uri, xmlSAX2GetLineNumber (ctxt), n_attributes, attributes);
}

static void
stream_end_element (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *prefix,
                    const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  StreamState *state = ctxt->_private;

  state->depth--;
  state->funcs->end (state->data);
}

static void
stream_characters (void          *user_data,
                   const xmlChar *characters,
                   int            length)
{
  xmlParserCtxtPtr ctxt = user_data;
  StreamState *state = ctxt->_private;

  state->funcs->text (state->data, (const char *) characters, length);
}

/* The parser reads @xml a few kilobytes at a time, as from a file: given
 * the whole of it at once (xmlCtxtReadMemory()), libxml2 copies it first
 * into a buffer of its own — 35 MB for a version of 100,000 items, new
 * memory every page of it — where reading it piecemeal, it lets go of
 * what it has parsed as it goes. */
typedef struct {
  const char *data;
  gsize       length;
  gsize       offset;
} MemoryReader;

static int
read_memory (void *data,
             char *buffer,
             int   length)
{
  MemoryReader *reader = data;
  gsize n = MIN ((gsize) MAX (length, 0), reader->length - reader->offset);

  memcpy (buffer, reader->data + reader->offset, n);
  reader->offset += n;
  return (int) n;
}

/**
 * kurs_xml_read_stream:
 * @xml: a strategy's XML
 * @length: its length in bytes, or -1 where it ends with a NUL
 * @funcs: what to do at each element's start and end and each run of text
 *
 * Reads @xml as kurs_xml_parse() does — as safely, and refusing what it
 * refuses — but as a stream (SAX): no tree is built, which for a large
 * version saves most of the time and the memory.  The root is not passed
 * to @funcs->start unless it is a strategy in the Kurs namespace.  Each
 * start gets the line its tag is on and the element's attributes as
 * libxml2's SAX2 gives them: five pointers each (local name, prefix, URI,
 * value, end of value), the value's references already replaced ("&amp;"
 * is "&").
 *
 * Returns: %TRUE when the whole file was read, else %FALSE with @error set
 */
gboolean
kurs_xml_read_stream (const char                *xml,
                      gssize                     length,
                      const KursXmlStreamFuncs  *funcs,
                      gpointer                   data,
                      GError                   **error)
{
  StreamState state = { { FALSE, 0, NULL }, funcs, data, 0, FALSE, NULL, NULL };
  MemoryReader reader = { xml, 0, 0 };
  xmlSAXHandler sax = { 0 };
  xmlParserCtxtPtr ctxt;
  gboolean ok = FALSE;

  if (length < 0)
    length = xml ? strlen (xml) : 0;
  if (length > KURS_XML_MAX_BYTES)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_TOO_LARGE,
                   _("The file is too large to be a strategy (more than %d MB)"),
                   KURS_XML_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_MALFORMED, _("The file is empty"));
      return FALSE;
    }

  reader.length = (gsize) length;
  init_libxml ();
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = stream_start_element;
  sax.endElementNs = stream_end_element;
  sax.characters = stream_characters;
  sax.cdataBlock = stream_characters;
  sax.internalSubset = refuse_doctype;
  sax.externalSubset = refuse_doctype;
  sax.entityDecl = refuse_entity;
  sax.serror = remember_first_error;

  ctxt = xmlCreateIOParserCtxt (&sax, NULL, read_memory, NULL, &reader, XML_CHAR_ENCODING_NONE);
  g_assert (ctxt != NULL);
  ctxt->_private = &state;
  /* as kurs_xml_parse() reads it; but where a tree holds an attribute's
   * references as nodes, SAX2 gives its value with them written out
   * ("&amp;" as "&#38;") unless the parser replaces them.  It replaces
   * only the five XML predefines and character references: the DOCTYPE
   * that could declare any other entity stops the parser first
   * (refuse_doctype()), and a reference to one undeclared is an error. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_NOENT);
  xmlParseDocument (ctxt);

  if (state.parse.forbidden)
    g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_FORBIDDEN,
                 _("The file has a DOCTYPE or entity declaration, which a Kurs strategy never has; it was not read"));
  else if (state.foreign && !g_str_equal (state.root, "strategy"))
    g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NOT_KURS,
                 _("This is not a Kurs strategy: its root element is “%s”, not “strategy”"), state.root);
  else if (state.foreign)
    g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NOT_KURS,
                 _("This is not a Kurs strategy of a version this Kurs reads: its namespace is “%s”, not “%s”"),
                 state.root_uri, KURS_XML_NAMESPACE);
  else if (!ctxt->wellFormed)
    set_not_well_formed (error, state.parse.line, state.parse.message);
  else
    ok = TRUE;

  /* (libxml2 gives UTF-8 whatever the file is in, through an encoder) */
  if (ok && funcs->converted != NULL && ctxt->input != NULL && ctxt->input->buf != NULL
      && ctxt->input->buf->encoder != NULL)
    funcs->converted (data);

  xmlFreeParserCtxt (ctxt);
  g_free (state.parse.message);
  g_free (state.root);
  g_free (state.root_uri);
  return ok;
}

/* The words of a strategy's XML, read as a stream (SAX), without a tree:
 * the same words, in the same order and with the same spaces, as
 * append_text() gives of the tree kurs_xml_parse() builds.  That tree
 * leaves out text of only spaces between elements (XML_PARSE_NOBLANKS),
 * as libxml2 judges it: kept in an element that has nothing else, or
 * whose first child is text (mixed content); dropped otherwise.  A reader
 * of its own (kurs_xml_text_content()), or beside another that reads the
 * same stream (kurs-xml-rows.c), told of each start and end of an element
 * and each text between. */
enum {
  HAS_CHILD  = 1 << 0,
  FIRST_TEXT = 1 << 1,
};

struct _KursXmlWords {
  GString    *text;
  GString    *run;        /* character data since the last tag */
  GByteArray *open;       /* per open element, HAS_CHILD | FIRST_TEXT */
};

KursXmlWords *
kurs_xml_words_new (void)
{
  KursXmlWords *words = g_new (KursXmlWords, 1);

  words->text = g_string_new (NULL);
  words->run = g_string_new (NULL);
  words->open = g_byte_array_new ();
  return words;
}

/**
 * kurs_xml_words_free:
 * @words: (transfer full)
 * @keep: whether the words read are wanted
 *
 * Returns: (transfer full) (nullable): the words read, if @keep
 */
char *
kurs_xml_words_free (KursXmlWords *words,
                     gboolean      keep)
{
  char *text = g_string_free (words->text, !keep);

  g_string_free (words->run, TRUE);
  g_byte_array_unref (words->open);
  g_free (words);
  return text;
}

static gboolean
is_blank (const GString *run)
{
  for (gsize i = 0; i < run->len; i++)
    if (run->str[i] != ' ' && run->str[i] != '\t' && run->str[i] != '\n' && run->str[i] != '\r')
      return FALSE;
  return TRUE;
}

/* The text since the last tag ends at a tag: closing its element, or not */
static void
end_run (KursXmlWords *words,
         gboolean      closing)
{
  guint8 *flags;

  if (words->run->len == 0)
    return;
  if (words->open->len == 0)
    {
      g_string_truncate (words->run, 0);
      return;
    }

  flags = &words->open->data[words->open->len - 1];
  if (is_blank (words->run) && !(closing ? !(*flags & HAS_CHILD) || (*flags & FIRST_TEXT) : (*flags & FIRST_TEXT)))
    {
      g_string_truncate (words->run, 0);
      return;
    }

  if (!(*flags & HAS_CHILD))
    *flags |= FIRST_TEXT;
  *flags |= HAS_CHILD;
  g_string_append_len (words->text, words->run->str, words->run->len);
  g_string_append_c (words->text, ' ');
  g_string_truncate (words->run, 0);
}

/* An element begins */
void
kurs_xml_words_start (KursXmlWords *words)
{
  guint8 none = 0;

  end_run (words, FALSE);
  if (words->open->len > 0)
    words->open->data[words->open->len - 1] |= HAS_CHILD;
  g_byte_array_append (words->open, &none, 1);
}

/* The element last begun ends */
void
kurs_xml_words_end (KursXmlWords *words)
{
  end_run (words, TRUE);
  if (words->open->len > 0)
    g_byte_array_set_size (words->open, words->open->len - 1);
}

/* Text between tags, as the stream gives it: perhaps in pieces */
void
kurs_xml_words_add_text (KursXmlWords *words,
                         const char   *text,
                         int           length)
{
  g_string_append_len (words->run, text, length);
}

static void
words_start (gpointer        data,
             const xmlChar  *name,
             const xmlChar  *uri,
             int             line,
             int             n_attributes,
             const xmlChar **attributes)
{
  kurs_xml_words_start (data);
}

static void
words_end (gpointer data)
{
  kurs_xml_words_end (data);
}

static void
words_text (gpointer    data,
            const char *text,
            int         length)
{
  kurs_xml_words_add_text (data, text, length);
}

/**
 * kurs_xml_text_content:
 * @xml: a strategy's XML, as Kurs wrote it
 * @length: its length in bytes, or -1 where it ends with a NUL
 *
 * The words of an approved version's XML, for the search index.  It is
 * read as a stream, not into a tree: the version of a strategy of 100,000
 * items is 35 MB.
 *
 * Returns: (transfer full): the words of its texts, without the markup;
 *   "" for what cannot be read
 */
char *
kurs_xml_text_content (const char *xml,
                       gssize      length)
{
  static const KursXmlStreamFuncs funcs = { words_start, words_end, words_text };
  KursXmlWords *words = kurs_xml_words_new ();
  gboolean ok = kurs_xml_read_stream (xml, length, &funcs, words, NULL);
  char *text = kurs_xml_words_free (words, ok);

  return ok ? text : g_strdup ("");
}
