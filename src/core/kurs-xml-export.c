/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-xml-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "kurs-xml-export.h"
#include "kurs-xml.h"

/* Writes a strategy as XML (see data/kurs-strategy.xsd), with libxml2's
 * text writer: UTF-8, ISO dates, rows in their stable order and ids
 * numbered by that order, so that the same content always gives the same
 * bytes. */

typedef struct {
  KursStore        *store;
  xmlTextWriterPtr  writer;
  GHashTable       *ids;      /* row key → "goal-2" */
  gint64            strategy_id;
  /* Each kind of row, read once for the whole strategy and grouped by the
   * row that owns it (parent id → GPtrArray of KursRecord, in the order
   * kurs_store_list() gives): not a query for every row's children, which
   * for 100,000 items were 100,000 queries */
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

/* Rows that others refer to get ids numbered in the order they are
 * written.  All of them belong to the strategy directly. */
static void
assign_ids (Writer *w,
            gint64  strategy_id)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursXmlEntity *x = kurs_xml_entity (e);
      g_autoptr(GPtrArray) rows = NULL;

      if (x->id_prefix == NULL)
        continue;

      g_assert (kurs_entity_info (e)->parent == KURS_ENTITY_STRATEGY);
      rows = kurs_store_list (w->store, e, strategy_id, w->read_error ? NULL : &w->read_error);
      for (guint i = 0; i < rows->len; i++)
        g_hash_table_insert (w->ids, row_key (e, kurs_record_get_id (rows->pdata[i])),
                             g_strdup_printf ("%s-%u", x->id_prefix, i + 1));
    }
}

static void
write_attributes (Writer     *w,
                  KursRecord *record)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  const KursXmlEntity *x = kurs_xml_entity (info->entity);

  if (x->id_prefix != NULL)
    {
      g_autofree gint64 *key = row_key (info->entity, kurs_record_get_id (record));

      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "id",
                                             g_hash_table_lookup (w->ids, key)));
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];
      GVariant *value = kurs_record_get_value_at (record, i);
      g_autofree char *text = NULL;

      if (x->field_forms[i] != KURS_XML_ATTRIBUTE || value == NULL)
        continue;

      if (field->type == KURS_FIELD_REF)
        {
          g_autofree gint64 *key = row_key (field->ref, g_variant_get_int64 (value));
          const char *id = g_hash_table_lookup (w->ids, key);

          /* The store keeps references within the strategy. */
          if (id == NULL)
            {
              w->failed = TRUE;
              continue;
            }
          text = g_strdup (id);
        }
      else
        text = kurs_field_format_value (field, value);

      check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST x->field_names[i], BAD_CAST text));
    }
}

static void
write_elements (Writer     *w,
                KursRecord *record)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  const KursXmlEntity *x = kurs_xml_entity (info->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      GVariant *value;

      if (x->field_forms[i] != KURS_XML_ELEMENT)
        continue;
      /* (by its place: no field looked up by name for every row) */
      value = kurs_record_get_value_at (record, i);
      if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        continue;

      check (w, xmlTextWriterWriteElement (w->writer, BAD_CAST x->field_names[i],
                                           BAD_CAST g_variant_get_string (value, NULL)));
    }
}

static void write_row (Writer     *w,
                       KursRecord *record);

static GHashTable *
children_of_kind (Writer     *w,
                  KursEntity  entity)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  g_autoptr(GPtrArray) rows = NULL;
  GHashTable *by_parent;

  if (w->children[entity] != NULL)
    return w->children[entity];

  by_parent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  rows = kurs_store_list_by_strategy (w->store, entity, w->strategy_id, w->read_error ? NULL : &w->read_error);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 parent_id = info->parent_field >= 0 ? kurs_record_get_field_int (rows->pdata[i],
                                                                                KURS_FIELD_ID (entity, info->parent_field))
                                                 : w->strategy_id;
      GPtrArray *siblings = g_hash_table_lookup (by_parent, &parent_id);

      if (siblings == NULL)
        {
          siblings = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_parent, g_memdup2 (&parent_id, sizeof parent_id), siblings);
        }
      g_ptr_array_add (siblings, g_object_ref (rows->pdata[i]));
    }

  w->children[entity] = by_parent;
  return by_parent;
}

static void
write_children (Writer     *w,
                KursRecord *record)
{
  KursEntity entity = kurs_record_get_entity (record);

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursXmlEntity *x = kurs_xml_entity (e);
      GPtrArray *rows;

      if (kurs_entity_info (e)->parent != entity || !x->exported)
        continue;

      rows = g_hash_table_lookup (children_of_kind (w, e), &(gint64) { kurs_record_get_id (record) });
      if (rows == NULL || rows->len == 0)
        continue;

      check (w, xmlTextWriterStartElement (w->writer, BAD_CAST x->container));
      for (guint i = 0; i < rows->len; i++)
        write_row (w, rows->pdata[i]);
      check (w, xmlTextWriterEndElement (w->writer));
    }
}

static void
write_row (Writer     *w,
           KursRecord *record)
{
  check (w, xmlTextWriterStartElement (w->writer,
                                       BAD_CAST kurs_xml_entity (kurs_record_get_entity (record))->element));
  write_attributes (w, record);
  write_elements (w, record);
  write_children (w, record);
  check (w, xmlTextWriterEndElement (w->writer));
}

static void
write_strategy (Writer                   *w,
                KursRecord               *strategy,
                const KursXmlVersionInfo *version)
{
  check (w, xmlTextWriterStartDocument (w->writer, NULL, "UTF-8", NULL));
  /* The namespace declared as the first attribute, where people look */
  check (w, xmlTextWriterStartElement (w->writer, BAD_CAST "strategy"));
  check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST "xmlns", BAD_CAST KURS_XML_NAMESPACE));
  write_attributes (w, strategy);

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

  write_elements (w, strategy);
  write_children (w, strategy);
  check (w, xmlTextWriterEndElement (w->writer));
  check (w, xmlTextWriterEndDocument (w->writer));
}

/* The guard: Kurs never hands out a file that its own schema refuses. */
static gboolean
check_output (GBytes  *xml,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = kurs_xml_parse (xml, &local_error);

  if (doc == NULL || !kurs_xml_validate_doc (doc, NULL, &local_error))
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID,
                   _("The export was stopped because it would not follow the Kurs schema "
                     "(a bug, or data changed outside Kurs): %s"),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
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
  g_autoptr(GBytes) xml = NULL;
  xmlBufferPtr buffer;
  Writer w = { 0 };

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (kurs_record_get_entity (strategy) == KURS_ENTITY_STRATEGY, NULL);

  /* with what is being typed */
  kurs_store_prepare (store);

  buffer = xmlBufferCreate ();
  w.store = store;
  w.writer = xmlNewTextWriterMemory (buffer, 0);
  w.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.strategy_id = kurs_record_get_id (strategy);
  xmlTextWriterSetIndent (w.writer, 1);
  xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ");

  assign_ids (&w, kurs_record_get_id (strategy));
  write_strategy (&w, strategy, version);
  xmlFreeTextWriter (w.writer);

  if (!w.failed && w.read_error == NULL)
    xml = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  g_hash_table_unref (w.ids);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&w.children[e], g_hash_table_unref);

  /* Not half a strategy: what could not be read fails the export */
  if (w.read_error != NULL)
    {
      g_propagate_error (error, w.read_error);
      return NULL;
    }
  if (xml == NULL)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID,
                   _("The strategy could not be written as XML"));
      return NULL;
    }

  if (!check_output (xml, error))
    return NULL;

  return g_steal_pointer (&xml);
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

  content = kurs_record_get_text (version, "content");
  xml = g_bytes_new (content, strlen (content));

  if (!check_output (xml, error))
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
