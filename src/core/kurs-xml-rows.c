/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-xml"

#include "config.h"

#include <string.h>

#include <libxml/xmlstring.h>

#include "kurs-xml-rows.h"
#include "kurs-xml.h"

/* A Kurs XML file's rows, read as a stream (kurs_xml_read_stream()): each
 * kind's in document order, each with its owner, the line of its tag, its
 * uid and id, and its fields as the file writes them, attribute or
 * element.  A tree of a strategy of 100,000 items is a million nodes and
 * most of the time and memory of reading it; this is a row's few strings,
 * all in one chunk. */

struct _KursXmlRows
{
  GStringChunk *chunk;
  GArray       *rows[KURS_N_ENTITIES];    /* KursXmlRow */
  GPtrArray    *texts[KURS_N_ENTITIES];   /* const char *: info->n_fields per row */
  GHashTable   *root;                     /* the root's attributes, name → value */
  gboolean      converted;                /* not written in UTF-8 */
  char         *words;                    /* an approved version's, for the search index */
};

typedef enum {
  FRAME_ROW,         /* the strategy, or a row */
  FRAME_CONTAINER,   /* a row's rows of one kind */
  FRAME_FIELD,       /* a field written as an element */
  FRAME_SKIP,        /* anything else, and all in it */
} FrameKind;

typedef struct {
  FrameKind  kind;
  KursEntity entity;   /* a row's, a container's rows', a field's row's */
  guint      row;      /* a row's or a field's row's index; a container's owner's */
  guint      field;
} Frame;

typedef struct {
  KursXmlRows  *rows;
  GArray       *frames;   /* Frame */
  GString      *text;     /* a field's, as it is read */
  gboolean      want_words;
  KursXmlWords *words;    /* an approved version's, read beside the rows */
} Reader;

static void
push (Reader     *r,
      FrameKind   kind,
      KursEntity  entity,
      guint       row,
      guint       field)
{
  Frame frame = { kind, entity, row, field };

  g_array_append_val (r->frames, frame);
}

static const char **
texts_of (KursXmlRows *rows,
          KursEntity   entity,
          guint        index)
{
  return (const char **) rows->texts[entity]->pdata + (gsize) index * kurs_entity_info (entity)->n_fields;
}

/* A row begins: its uid, id and the fields it writes as attributes (SAX2's
 * five pointers each: local name, prefix, URI, value, end of value) */
static guint
start_row (Reader          *r,
           KursEntity       entity,
           guint            owner,
           int              line,
           int              n_attributes,
           const xmlChar  **attributes)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  const KursXmlEntity *x = kurs_xml_entity (entity);
  KursXmlRows *rows = r->rows;
  KursXmlRow row = { owner, line, NULL, NULL };
  guint index = rows->rows[entity]->len;
  const char **texts;

  g_ptr_array_set_size (rows->texts[entity], rows->texts[entity]->len + info->n_fields);
  texts = texts_of (rows, entity, index);

  for (int a = 0; a < n_attributes; a++)
    {
      const char *name = (const char *) attributes[5 * a];
      const char *value;

      if (attributes[5 * a + 2] != NULL)
        continue;
      value = g_string_chunk_insert_len (rows->chunk, (const char *) attributes[5 * a + 3],
                                         attributes[5 * a + 4] - attributes[5 * a + 3]);
      if (entity == KURS_ENTITY_STRATEGY)
        g_hash_table_insert (rows->root, (gpointer) g_string_chunk_insert_const (rows->chunk, name), (gpointer) value);

      if (strcmp (name, "uid") == 0)
        row.uid = value;
      else if (x->id_prefix != NULL && strcmp (name, "id") == 0)
        row.id = value;
      else
        for (guint i = 0; i < info->n_fields; i++)
          if (x->field_forms[i] == KURS_XML_ATTRIBUTE && strcmp (name, x->field_names[i]) == 0)
            {
              texts[i] = value;
              break;
            }
    }

  g_array_append_val (rows->rows[entity], row);
  push (r, FRAME_ROW, entity, index, 0);
  return index;
}

static void
reader_start (gpointer        data,
              const xmlChar  *name,
              const xmlChar  *uri,
              int             line,
              int             n_attributes,
              const xmlChar **attributes)
{
  Reader *r = data;
  const Frame *top;

  /* the root: the strategy; an approved version's words are read too, as
   * they go into the search index with the version's text (the file) */
  if (r->frames->len == 0)
    {
      start_row (r, KURS_ENTITY_STRATEGY, 0, line, n_attributes, attributes);
      if (r->want_words && g_hash_table_contains (r->rows->root, "version"))
        {
          r->words = kurs_xml_words_new ();
          kurs_xml_words_start (r->words);
        }
      return;
    }

  if (r->words != NULL)
    kurs_xml_words_start (r->words);

  top = &g_array_index (r->frames, Frame, r->frames->len - 1);
  if (top->kind == FRAME_SKIP || top->kind == FRAME_FIELD || !xmlStrEqual (uri, BAD_CAST KURS_XML_NAMESPACE))
    {
      push (r, FRAME_SKIP, KURS_ENTITY_NONE, 0, 0);
      return;
    }

  if (top->kind == FRAME_CONTAINER)
    {
      if (xmlStrEqual (name, BAD_CAST kurs_xml_entity (top->entity)->element))
        start_row (r, top->entity, top->row, line, n_attributes, attributes);
      else
        push (r, FRAME_SKIP, KURS_ENTITY_NONE, 0, 0);
      return;
    }

  /* in a row: one of its fields, or a container of rows it owns */
  {
    const KursEntityInfo *info = kurs_entity_info (top->entity);
    const KursXmlEntity *x = kurs_xml_entity (top->entity);
    KursEntity entity = top->entity;
    guint row = top->row;

    for (guint i = 0; i < info->n_fields; i++)
      if (x->field_forms[i] == KURS_XML_ELEMENT && xmlStrEqual (name, BAD_CAST x->field_names[i]))
        {
          g_string_truncate (r->text, 0);
          push (r, FRAME_FIELD, entity, row, i);
          return;
        }
    for (guint e = 0; e < KURS_N_ENTITIES; e++)
      if (kurs_entity_info (e)->parent == entity && kurs_xml_entity (e)->exported
          && xmlStrEqual (name, BAD_CAST kurs_xml_entity (e)->container))
        {
          push (r, FRAME_CONTAINER, e, row, 0);
          return;
        }
    push (r, FRAME_SKIP, KURS_ENTITY_NONE, 0, 0);
  }
}

static void
reader_end (gpointer data)
{
  Reader *r = data;
  const Frame *top = &g_array_index (r->frames, Frame, r->frames->len - 1);

  if (r->words != NULL)
    kurs_xml_words_end (r->words);
  /* a field written twice (which the schema refuses) is its first */
  if (top->kind == FRAME_FIELD)
    {
      const char **texts = texts_of (r->rows, top->entity, top->row);

      if (texts[top->field] == NULL)
        texts[top->field] = g_string_chunk_insert_len (r->rows->chunk, r->text->str, r->text->len);
    }
  g_array_set_size (r->frames, r->frames->len - 1);
}

static void
reader_text (gpointer    data,
             const char *text,
             int         length)
{
  Reader *r = data;

  if (r->words != NULL)
    kurs_xml_words_add_text (r->words, text, length);
  if (r->frames->len > 0 && g_array_index (r->frames, Frame, r->frames->len - 1).kind == FRAME_FIELD)
    g_string_append_len (r->text, text, length);
}

static void
reader_converted (gpointer data)
{
  Reader *r = data;

  r->rows->converted = TRUE;
}

/**
 * kurs_xml_rows_read:
 * @length: of @xml in bytes, or -1 where it ends with a NUL
 * @words: whether to read an approved version's words too
 *   (kurs_xml_rows_steal_words())
 *
 * Reads a Kurs XML file's rows, as safely as kurs_xml_read_stream()
 * reads and refusing what it refuses.  The file is not checked against
 * the schema here: a row may lack what the schema asks of it.
 *
 * Returns: (transfer full): the rows, or %NULL with @error set
 */
KursXmlRows *
kurs_xml_rows_read (const char  *xml,
                    gssize       length,
                    gboolean     words,
                    GError     **error)
{
  static const KursXmlStreamFuncs funcs = { reader_start, reader_end, reader_text, reader_converted };
  KursXmlRows *rows = g_new0 (KursXmlRows, 1);
  Reader r = { rows, g_array_new (FALSE, FALSE, sizeof (Frame)), g_string_new (NULL), words, NULL };
  gboolean ok;

  rows->chunk = g_string_chunk_new (256 * 1024);
  rows->root = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      rows->rows[e] = g_array_new (FALSE, FALSE, sizeof (KursXmlRow));
      rows->texts[e] = g_ptr_array_new ();
    }

  ok = kurs_xml_read_stream (xml, length, &funcs, &r, error);

  g_array_unref (r.frames);
  g_string_free (r.text, TRUE);
  if (r.words != NULL)
    rows->words = kurs_xml_words_free (r.words, ok);
  if (!ok)
    g_clear_pointer (&rows, kurs_xml_rows_free);
  return rows;
}

void
kurs_xml_rows_free (KursXmlRows *rows)
{
  if (rows == NULL)
    return;
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_array_unref (rows->rows[e]);
      g_ptr_array_unref (rows->texts[e]);
    }
  g_hash_table_unref (rows->root);
  g_string_chunk_free (rows->chunk);
  g_free (rows->words);
  g_free (rows);
}

/* How many rows of @entity the file has: one strategy, once read */
guint
kurs_xml_rows_get_count (KursXmlRows *rows,
                         KursEntity   entity)
{
  return rows->rows[entity]->len;
}

const KursXmlRow *
kurs_xml_rows_get_row (KursXmlRows *rows,
                       KursEntity   entity,
                       guint        index)
{
  g_return_val_if_fail (index < rows->rows[entity]->len, NULL);

  return &g_array_index (rows->rows[entity], KursXmlRow, index);
}

/* A field of a row as the file writes it, or NULL where it has none */
const char *
kurs_xml_rows_get_text (KursXmlRows *rows,
                        KursEntity   entity,
                        guint        index,
                        guint        field)
{
  g_return_val_if_fail (index < rows->rows[entity]->len, NULL);
  g_return_val_if_fail (field < kurs_entity_info (entity)->n_fields, NULL);

  return texts_of (rows, entity, index)[field];
}

/* A row's fields as the file writes them, by the field's index (NULL
 * where it has none): kurs_xml_rows_get_text() of each, at once */
const char * const *
kurs_xml_rows_get_texts (KursXmlRows *rows,
                         KursEntity   entity,
                         guint        index)
{
  g_return_val_if_fail (index < rows->rows[entity]->len, NULL);

  return texts_of (rows, entity, index);
}

/* An attribute of the root, the strategy, whether a field or not
 * ("version", "approved-date") */
const char *
kurs_xml_rows_get_root_attribute (KursXmlRows *rows,
                                  const char  *name)
{
  return g_hash_table_lookup (rows->root, name);
}

/* Whether the file is written in UTF-8, as Kurs writes one, or another
 * encoding, which its texts were converted from as they were read */
gboolean
kurs_xml_rows_is_utf8 (KursXmlRows *rows)
{
  return !rows->converted;
}

/**
 * kurs_xml_rows_steal_words:
 *
 * The words of the file's texts, as kurs_xml_text_content() gives them,
 * if they were asked for and it is an approved version (its root has
 * "version"): what the search index holds of the version whose text is
 * the file.
 *
 * Returns: (transfer full) (nullable): the words, or %NULL
 */
char *
kurs_xml_rows_steal_words (KursXmlRows *rows)
{
  return g_steal_pointer (&rows->words);
}
