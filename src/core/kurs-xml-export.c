/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-xml-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "kurs-approval.h"
#include "kurs-row-reader.h"
#include "kurs-xml-export.h"
#include "kurs-xml.h"

/* Writes a strategy as XML (see data/kurs-strategy.xsd), with libxml2's
 * text writer: UTF-8, ISO dates, rows in their stable order and ids
 * numbered by that order, so that the same content always gives the same
 * bytes. */

/* A row as the file writes it: each field's value in its text form, NULL
 * where the row has none (a reference: the referred row's id) */
typedef struct {
  KursEntity   entity;
  gint64       id;
  gint64       uid;            /* 0 for the strategy */
  const char **texts;          /* info->n_fields of them, in the writer's chunk */
} Row;

typedef struct {
  KursStore        *store;
  xmlTextWriterPtr  writer;
  GHashTable       *ids;      /* row key → "goal-2" */
  gint64            strategy_id;
  GStringChunk     *texts;    /* the rows' values */
  /* Each kind of row, read once for the whole strategy with the fields
   * the file has (KursRowReader: no record of each) and grouped by the row
   * that owns it: parent id → GArray of Row, in the order kurs_store_list()
   * gives.  Not a query for every row's children, which for 100,000 items
   * were 100,000 queries. */
  GHashTable       *children[KURS_N_ENTITIES];
  gboolean          failed;
  GError           *read_error; /* the first read that failed */
} Writer;

static gint64 *
row_key (KursEntity entity,
         gint64     id)
{
  gint64 *key = g_new (gint64, 1);

  *key = ((gint64) entity << 56) | id;
  return key;
}

static void
check (Writer *w,
       int     rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

static void
clear_row (gpointer data)
{
  g_free (((Row *) data)->texts);
}

/* The value of the reader's row at @field, as the file writes it */
static const char *
text_of_field (Writer        *w,
               KursRowReader *rows,
               guint          constant)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text = kurs_row_reader_format (rows, constant, buffer);

  if (text == NULL || text == buffer)
    return text ? g_string_chunk_insert_const (w->texts, text) : NULL;
  /* "true" and "false" are kept as they are */
  if (kurs_entity_info (KURS_FIELD_ENTITY (constant))->fields[KURS_FIELD_INDEX (constant)].type == KURS_FIELD_BOOL)
    return text;
  return g_string_chunk_insert (w->texts, text);
}

static GHashTable *
children_of_kind (Writer     *w,
                  KursEntity  entity)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  const KursXmlEntity *x = kurs_xml_entity (entity);
  guint fields[KURS_ROW_READER_MAX_FIELDS];
  guint n_fields = 0;
  KursRowReader *rows;
  GHashTable *by_parent;

  if (w->children[entity] != NULL)
    return w->children[entity];

  /* the fields the file has, and the owner */
  for (guint i = 0; i < info->n_fields; i++)
    if (x->field_forms[i] != KURS_XML_SKIP || (int) i == info->parent_field)
      {
        g_assert (n_fields < G_N_ELEMENTS (fields));
        fields[n_fields++] = KURS_FIELD_ID (entity, i);
      }

  by_parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  rows = kurs_row_reader_new (w->store, entity, w->strategy_id, fields, n_fields, KURS_ROW_ORDER_SCHEMA);
  while (kurs_row_reader_next (rows))
    {
      Row row = { entity, kurs_row_reader_get_id (rows), kurs_row_reader_get_uid (rows),
                 g_new0 (const char *, info->n_fields) };
      gint64 parent_id = info->parent_field >= 0
                         ? kurs_row_reader_get_int (rows, KURS_FIELD_ID (entity, info->parent_field))
                         : w->strategy_id;
      GArray *siblings;

      for (guint i = 0; i < info->n_fields; i++)
        if (x->field_forms[i] != KURS_XML_SKIP)
          row.texts[i] = text_of_field (w, rows, KURS_FIELD_ID (entity, i));

      if ((siblings = g_hash_table_lookup (by_parent, &parent_id)) == NULL)
        {
          siblings = g_array_new (FALSE, FALSE, sizeof (Row));
          g_array_set_clear_func (siblings, clear_row);
          g_hash_table_insert (by_parent, g_memdup2 (&parent_id, sizeof parent_id), siblings);
        }
      g_array_append_val (siblings, row);
    }
  if (!kurs_row_reader_end (rows, w->read_error ? NULL : &w->read_error))
    w->failed = TRUE;

  w->children[entity] = by_parent;
  return by_parent;
}

/* The rows of @entity that @parent_id owns, or NULL for none */
static GArray *
children (Writer     *w,
          KursEntity  entity,
          gint64      parent_id)
{
  return g_hash_table_lookup (children_of_kind (w, entity), &parent_id);
}

/* Rows that others refer to get ids numbered in the order they are
 * written.  All of them belong to the strategy directly. */
static void
assign_ids (Writer *w)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursXmlEntity *x = kurs_xml_entity (e);
      GArray *rows;

      if (x->id_prefix == NULL)
        continue;

      g_assert (kurs_entity_info (e)->parent == KURS_ENTITY_STRATEGY);
      if ((rows = children (w, e, w->strategy_id)) == NULL)
        continue;
      for (guint i = 0; i < rows->len; i++)
        g_hash_table_insert (w->ids, row_key (e, g_array_index (rows, Row, i).id),
                             g_strdup_printf ("%s-%u", x->id_prefix, i + 1));
    }
}

static void
write_attributes (Writer    *w,
                  const Row *row)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const KursXmlEntity *x = kurs_xml_entity (row->entity);

  if (x->id_prefix != NULL)
    {
      g_autofree gint64 *key = row_key (row->entity, row->id);

      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "id",
                                             g_hash_table_lookup (w->ids, key)));
    }
  /* every row's lasting identity, by which versions are compared */
  if (row->entity != KURS_ENTITY_STRATEGY)
    {
      char uid[24];

      g_snprintf (uid, sizeof uid, "%" G_GINT64_FORMAT, row->uid);
      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "uid", BAD_CAST uid));
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];
      const char *text = row->texts[i];

      if (x->field_forms[i] != KURS_XML_ATTRIBUTE || text == NULL)
        continue;

      if (field->type == KURS_FIELD_REF)
        {
          g_autofree gint64 *key = row_key (field->ref, g_ascii_strtoll (text, NULL, 10));

          /* The store keeps references within the strategy. */
          if ((text = g_hash_table_lookup (w->ids, key)) == NULL)
            {
              w->failed = TRUE;
              continue;
            }
        }

      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST x->field_names[i], BAD_CAST text));
    }
}

static void
write_elements (Writer    *w,
                const Row *row)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const KursXmlEntity *x = kurs_xml_entity (row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    if (x->field_forms[i] == KURS_XML_ELEMENT && row->texts[i] != NULL)
      check (w, xmlTextWriterWriteElement (w->writer, BAD_CAST x->field_names[i], BAD_CAST row->texts[i]));
}

static void write_row (Writer    *w,
                       const Row *row);

static void
write_children (Writer    *w,
                const Row *row)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursXmlEntity *x = kurs_xml_entity (e);
      GArray *rows;

      if (kurs_entity_info (e)->parent != row->entity || !x->exported)
        continue;

      rows = children (w, e, row->id);
      if (rows == NULL || rows->len == 0)
        continue;

      check (w, xmlTextWriterStartElement (w->writer, BAD_CAST x->container));
      for (guint i = 0; i < rows->len; i++)
        write_row (w, &g_array_index (rows, Row, i));
      check (w, xmlTextWriterEndElement (w->writer));
    }
}

static void
write_row (Writer    *w,
           const Row *row)
{
  check (w, xmlTextWriterStartElement (w->writer, BAD_CAST kurs_xml_entity (row->entity)->element));
  write_attributes (w, row);
  write_elements (w, row);
  write_children (w, row);
  check (w, xmlTextWriterEndElement (w->writer));
}

static void
write_strategy (Writer                   *w,
                KursRecord               *strategy,
                const KursXmlVersionInfo *version)
{
  const KursEntityInfo *info = kurs_record_get_info (strategy);
  g_autofree const char **texts = g_new0 (const char *, info->n_fields);
  Row row = { KURS_ENTITY_STRATEGY, kurs_record_get_id (strategy), 0, texts };

  /* the strategy's own row, from its record */
  for (guint i = 0; i < info->n_fields; i++)
    {
      GVariant *value = kurs_record_get_value_at (strategy, i);
      g_autofree char *text = value != NULL ? kurs_field_format_value (&info->fields[i], value) : NULL;

      texts[i] = text != NULL ? g_string_chunk_insert (w->texts, text) : NULL;
    }

  check (w, xmlTextWriterStartDocument (w->writer, NULL, "UTF-8", NULL));
  /* The namespace declared as the first attribute, where people look */
  check (w, xmlTextWriterStartElement (w->writer, BAD_CAST "strategy"));
  check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "xmlns", BAD_CAST KURS_XML_NAMESPACE));
  write_attributes (w, &row);

  if (version != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version->number);

      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "version", BAD_CAST number));
      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "approved-date",
                                             BAD_CAST version->approved_date));
      if (version->approved_by != NULL && *version->approved_by)
        check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "approved-by",
                                               BAD_CAST version->approved_by));
    }
  else
    check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "draft", BAD_CAST "true"));

  write_elements (w, &row);
  write_children (w, &row);
  check (w, xmlTextWriterEndElement (w->writer));
  check (w, xmlTextWriterEndDocument (w->writer));
}

/* The guard: Kurs never hands out a file that its own schema refuses.  It
 * is checked as it is written (kurs_xml_checker_new()), in a thread beside
 * the writing: what is written goes to @text and, some at a time, to the
 * checker. */
typedef struct {
  GString        *text;
  gsize           fed;
  KursXmlChecker *checker;
} Output;

#define CHECK_CHUNK (256 * 1024)

static int
output_write (void       *data,
              const char *bytes,
              int         length)
{
  Output *output = data;

  g_string_append_len (output->text, bytes, length);
  if (output->text->len - output->fed >= CHECK_CHUNK)
    {
      kurs_xml_checker_feed (output->checker, output->text->str + output->fed, output->text->len - output->fed);
      output->fed = output->text->len;
    }
  return length;
}

/* What was fed to @checker is whole: whether it may be handed out */
static gboolean
finish_check (KursXmlChecker  *checker,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!kurs_xml_checker_finish (checker, &local_error))
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID,
                   _("The export was stopped because it would not follow the Kurs schema "
                     "(a bug, or data changed outside Kurs): %s"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_output (Output  *output,
              GError **error)
{
  kurs_xml_checker_feed (output->checker, output->text->str + output->fed, output->text->len - output->fed);
  return finish_check (g_steal_pointer (&output->checker), error);
}

/**
 * kurs_xml_export_live:
 * @version: (nullable): the version this export freezes, or %NULL for a
 *   draft, marked as such
 *
 * Writes the strategy as it stands in the library.
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
GBytes *
kurs_xml_export_live (KursStore                 *store,
                      KursRecord                *strategy,
                      const KursXmlVersionInfo  *version,
                      GError                   **error)
{
  Output output = { 0 };
  gboolean checked;
  Writer w = { 0 };

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (kurs_record_get_entity (strategy) == KURS_ENTITY_STRATEGY, NULL);

  /* with what is being typed */
  kurs_store_prepare (store);

  output.text = g_string_sized_new (64 * 1024);
  output.checker = kurs_xml_checker_new ();
  w.store = store;
  w.writer = xmlNewTextWriter (xmlOutputBufferCreateIO (output_write, NULL, &output, NULL));
  w.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.strategy_id = kurs_record_get_id (strategy);
  w.texts = g_string_chunk_new (64 * 1024);
  xmlTextWriterSetIndent (w.writer, 1);
  xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ");

  assign_ids (&w);
  write_strategy (&w, strategy, version);
  /* (what it still holds written out) */
  xmlFreeTextWriter (w.writer);

  checked = check_output (&output, w.failed || w.read_error != NULL ? NULL : error);
  g_hash_table_unref (w.ids);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&w.children[e], g_hash_table_unref);
  g_string_chunk_free (w.texts);

  /* Not half a strategy: what could not be read fails the export */
  if (w.read_error != NULL)
    g_propagate_error (error, w.read_error);
  else if (w.failed)
    g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID,
                 _("The strategy could not be written as XML"));
  if (w.read_error != NULL || w.failed || !checked)
    {
      g_string_free (output.text, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (output.text);
}

/**
 * kurs_xml_export_version:
 * @number: the version, or 0 for the latest
 *
 * Returns: (transfer full): the frozen XML of an approved version, or
 *   %NULL with @error set if the strategy has no such version
 */
GBytes *
kurs_xml_export_version (KursStore   *store,
                         KursRecord  *strategy,
                         gint64       number,
                         GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GBytes) xml = NULL;
  KursXmlChecker *checker;
  KursRecord *version = NULL;
  const char *content;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  versions = kurs_store_list (store, KURS_ENTITY_VERSION, kurs_record_get_id (strategy), error);
  if (error != NULL && *error != NULL)
    return NULL;
  for (guint i = 0; i < versions->len; i++)
    if (number == 0 || kurs_record_get_int (versions->pdata[i], "number") == number)
      version = versions->pdata[i];

  if (version == NULL)
    {
      if (number == 0)
        g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NO_VERSION,
                     _("“%s” has no approved version to export; approve it first, or export the draft"),
                     kurs_record_get_title (strategy));
      else
        g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NO_VERSION,
                     _("“%s” has no version %d"), kurs_record_get_title (strategy), (int) number);
      return NULL;
    }

  if (!(content = kurs_approval_get_version_text (version, error)))
    return NULL;
  xml = g_bytes_new (content, strlen (content));

  checker = kurs_xml_checker_new ();
  kurs_xml_checker_feed_bytes (checker, xml);
  if (!finish_check (checker, error))
    return NULL;

  return g_steal_pointer (&xml);
}

/* Exporting in the background */

static gpointer
export_strategy (KursStore   *store,
                 KursRecord  *strategy,
                 gpointer     data,
                 GError     **error)
{
  gint64 number = *(gint64 *) data;

  return number == KURS_XML_EXPORT_DRAFT ? kurs_xml_export_live (store, strategy, NULL, error)
                                         : kurs_xml_export_version (store, strategy, number, error);
}

/**
 * kurs_xml_export_async:
 * @path: the library's file
 * @strategy: the strategy to export, of a store on @path
 * @number: the approved version (0 for the latest), or
 *   %KURS_XML_EXPORT_DRAFT for the strategy as it is now
 *
 * Exports as kurs_xml_export_version() or kurs_xml_export_live() do, in a
 * thread with a read-only connection of its own: a large strategy is
 * written while the window goes on.  What the caller has not committed is
 * not in it; let its store's bindings save first (kurs_store_prepare()).
 */
void
kurs_xml_export_async (const char          *path,
                       KursRecord          *strategy,
                       gint64               number,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  /* libxml2's globals are made once, here, before any thread uses them */
  xmlInitParser ();

  kurs_store_read_strategy_async (path, strategy, export_strategy, g_memdup2 (&number, sizeof number), g_free,
                                  (GDestroyNotify) g_bytes_unref, kurs_xml_export_async, cancellable, callback,
                                  user_data);
}

/**
 * kurs_xml_export_finish:
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
GBytes *
kurs_xml_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  return kurs_store_read_strategy_finish (result, kurs_xml_export_async, error);
}
