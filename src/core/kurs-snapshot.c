/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "kurs-row-reader.h"
#include "kurs-snapshot-private.h"
#include "kurs-xml.h"

/* A snapshot: a strategy's rows as a version's XML has them, read from
 * that XML or from the library, each with its uid, its owner, its place
 * in document order and its fields in their text form; a reference as the
 * uid of the row it names.  Rows are found by uid (the first with it: a
 * hand-edited file may give one twice). */



/* What the comparison looks at: of each row, the fields the XML has that
 * people write as they plan (not ids, status or timestamps, nor what the
 * follow-up writes: progress, measurements, course corrections, milestones
 * held, hearing responses, KURS_FIELD_FOLLOW_UP); and the rows that have
 * such fields, or link such rows */
gboolean
kurs_snapshot_is_compared_field (KursEntity entity,
                                 guint      index)
{
  const KursField *field = &kurs_entity_info (entity)->fields[index];

  return kurs_xml_entity (entity)->field_forms[index] != KURS_XML_SKIP
         && !(field->flags & (KURS_FIELD_INTERNAL | KURS_FIELD_FOLLOW_UP));
}

gboolean
kurs_snapshot_is_compared_entity (KursEntity entity)
{
  const KursEntityInfo *info = kurs_entity_info (entity);

  if (entity == KURS_ENTITY_STATUS_CHANGE || !kurs_xml_entity (entity)->exported)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    if (kurs_snapshot_is_compared_field (entity, i))
      return TRUE;
  return FALSE;
}

static void
row_free (gpointer data)
{
  KursSnapshotRow *row = data;

  g_free (row->texts);
  if (row->owned != NULL)
    g_ptr_array_unref (row->owned);
  g_free (row);
}

static KursSnapshot *
snapshot_new_empty (void)
{
  KursSnapshot *snap = g_new0 (KursSnapshot, 1);

  snap->chunk = g_string_chunk_new (64 * 1024);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      snap->rows[e] = g_ptr_array_new_with_free_func (row_free);
      snap->by_uid[e] = g_hash_table_new (g_int64_hash, g_int64_equal);
    }
  return snap;
}

void
kurs_snapshot_free (KursSnapshot *snap)
{
  if (snap == NULL)
    return;
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_hash_table_unref (snap->by_uid[e]);
      g_ptr_array_unref (snap->rows[e]);
    }
  if (snap->strategy != NULL)
    row_free (snap->strategy);
  g_string_chunk_free (snap->chunk);
  g_free (snap);
}


static KursSnapshotRow *
row_new (KursEntity entity)
{
  KursSnapshotRow *row = g_new0 (KursSnapshotRow, 1);

  row->entity = entity;
  row->texts = g_new0 (const char *, kurs_entity_info (entity)->n_fields);
  return row;
}

static void
add_row (KursSnapshot    *snap,
         KursSnapshotRow *row)
{
  g_ptr_array_add (snap->rows[row->entity], row);
  if (!g_hash_table_contains (snap->by_uid[row->entity], &row->uid))
    g_hash_table_insert (snap->by_uid[row->entity], &row->uid, row);
}

/* Each row joins its owner's rows, and all get their place in document
 * order: the strategy's rows kind by kind, each followed by its own */
static void
number_rows (KursSnapshot *snap)
{
  guint order = 0;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) top = g_ptr_array_new ();

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < snap->rows[e]->len; i++)
      {
        KursSnapshotRow *row = snap->rows[e]->pdata[i];

        if (row->owner == NULL)
          g_ptr_array_add (top, row);
        else
          {
            if (row->owner->owned == NULL)
              row->owner->owned = g_ptr_array_new ();
            g_ptr_array_add (row->owner->owned, row);
          }
      }

  /* depth first, without recursion */
  for (guint i = top->len; i > 0; i--)
    g_ptr_array_add (stack, top->pdata[i - 1]);
  while (stack->len > 0)
    {
      KursSnapshotRow *row = g_ptr_array_steal_index (stack, stack->len - 1);

      row->order = order++;
      if (row->owned != NULL)
        for (guint i = row->owned->len; i > 0; i--)
          g_ptr_array_add (stack, row->owned->pdata[i - 1]);
    }
}

/* Reading a version's XML */

typedef struct {
  KursSnapshot   *snap;
  GHashTable *ids[KURS_N_ENTITIES];   /* XML id → KursSnapshotRow * */
  GPtrArray  *refs;                   /* Ref *, resolved at the end */
} XmlReader;

typedef struct {
  KursSnapshotRow        *row;
  guint       field;
  const char *xml_id;                 /* in the snapshot's chunk */
} Ref;

static gboolean
is_kurs_element (xmlNodePtr  node,
                 const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST KURS_XML_NAMESPACE)
         && (name == NULL || xmlStrEqual (node->name, BAD_CAST name));
}

static const char *
element_text (KursSnapshot *snap,
              xmlNodePtr    node,
              const char   *name)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    if (is_kurs_element (child, name))
      {
        xmlChar *content = xmlNodeGetContent (child);
        const char *text = g_string_chunk_insert (snap->chunk, (const char *) content);

        xmlFree (content);
        return text;
      }
  return NULL;
}

static void
read_xml_fields (XmlReader       *r,
                 KursSnapshotRow *row,
                 xmlNodePtr       node)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const KursXmlEntity *x = kurs_xml_entity (row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      xmlChar *value;

      if (!kurs_snapshot_is_compared_field (row->entity, i))
        continue;
      if (x->field_forms[i] == KURS_XML_ELEMENT)
        {
          row->texts[i] = element_text (r->snap, node, x->field_names[i]);
          continue;
        }
      if ((value = xmlGetNoNsProp (node, BAD_CAST x->field_names[i])) == NULL)
        continue;
      if (info->fields[i].type == KURS_FIELD_REF)
        {
          Ref ref = { row, i, g_string_chunk_insert (r->snap->chunk, (const char *) value) };

          g_ptr_array_add (r->refs, g_memdup2 (&ref, sizeof ref));
        }
      else
        row->texts[i] = g_string_chunk_insert_const (r->snap->chunk, (const char *) value);
      xmlFree (value);
    }
}

static void
read_xml_rows (XmlReader       *r,
               xmlNodePtr       node,
               KursEntity       entity,
               KursSnapshotRow *owner)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (!is_kurs_element (child, NULL))
        continue;

      for (guint e = 0; e < KURS_N_ENTITIES; e++)
        {
          const KursXmlEntity *x = kurs_xml_entity (e);

          if (kurs_entity_info (e)->parent != entity || !kurs_snapshot_is_compared_entity (e)
              || !xmlStrEqual (child->name, BAD_CAST x->container))
            continue;

          for (xmlNodePtr element = child->children; element; element = element->next)
            {
              KursSnapshotRow *row;
              xmlChar *uid, *id;

              if (!is_kurs_element (element, x->element))
                continue;

              row = row_new (e);
              row->owner = owner;
              /* a file from before uids: its rows of a kind are 1, 2, 3… */
              uid = xmlGetNoNsProp (element, BAD_CAST "uid");
              row->uid = uid != NULL ? g_ascii_strtoll ((const char *) uid, NULL, 10)
                                     : (gint64) r->snap->rows[e]->len + 1;
              xmlFree (uid);
              if (x->id_prefix != NULL && (id = xmlGetNoNsProp (element, BAD_CAST "id")) != NULL)
                {
                  g_hash_table_insert (r->ids[e], g_strdup ((const char *) id), row);
                  xmlFree (id);
                }
              read_xml_fields (r, row, element);
              add_row (r->snap, row);
              read_xml_rows (r, element, e, row);
            }
        }
    }
}

/* The uid of the row a reference names, as its text */
static const char *
uid_text (KursSnapshot *snap,
          gint64        uid)
{
  char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, uid);
  return g_string_chunk_insert_const (snap->chunk, buffer);
}

KursSnapshot *
kurs_snapshot_new_from_xml (const char  *xml,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(xmlDoc) doc = kurs_xml_parse (bytes, error);
  g_autoptr(KursSnapshot) snap = NULL;
  xmlNodePtr root;
  XmlReader r = { 0 };

  if (doc == NULL)
    return NULL;

  snap = snapshot_new_empty ();
  r.snap = snap;
  r.refs = g_ptr_array_new_with_free_func (g_free);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    r.ids[e] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  root = xmlDocGetRootElement (doc);
  snap->strategy = row_new (KURS_ENTITY_STRATEGY);
  read_xml_fields (&r, snap->strategy, root);
  read_xml_rows (&r, root, KURS_ENTITY_STRATEGY, NULL);

  for (guint i = 0; i < r.refs->len; i++)
    {
      Ref *ref = r.refs->pdata[i];
      KursEntity target = kurs_entity_info (ref->row->entity)->fields[ref->field].ref;
      KursSnapshotRow *named = g_hash_table_lookup (r.ids[target], ref->xml_id);

      if (named != NULL)
        ref->row->texts[ref->field] = uid_text (snap, named->uid);
    }

  g_ptr_array_unref (r.refs);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_hash_table_unref (r.ids[e]);

  number_rows (snap);
  return g_steal_pointer (&snap);
}

/* Reading the draft from the library */

/**
 * kurs_snapshot_new_from_store:
 * @entities: the kinds of row to read, as bits (1 << KURS_ENTITY_…), with
 *   the kinds that own them; 0 for all
 */
KursSnapshot *
kurs_snapshot_new_from_store (KursStore   *store,
                              KursRecord  *strategy,
                              guint        entities,
                              GError     **error)
{
  g_autoptr(KursSnapshot) snap = snapshot_new_empty ();
  const KursEntityInfo *strategy_info = kurs_record_get_info (strategy);
  GHashTable *by_id[KURS_N_ENTITIES] = { NULL };
  gboolean ok = TRUE;

  snap->strategy = row_new (KURS_ENTITY_STRATEGY);
  snap->strategy->row_id = kurs_record_get_id (strategy);
  for (guint i = 0; i < strategy_info->n_fields; i++)
    {
      GVariant *value = kurs_record_get_value_at (strategy, i);
      g_autofree char *text = NULL;

      if (!kurs_snapshot_is_compared_field (KURS_ENTITY_STRATEGY, i) || value == NULL)
        continue;
      text = kurs_field_format_value (&strategy_info->fields[i], value);
      snap->strategy->texts[i] = g_string_chunk_insert (snap->chunk, text);
    }

  for (guint e = KURS_ENTITY_STRATEGY + 1; e < KURS_N_ENTITIES && ok; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      guint fields[KURS_ROW_READER_MAX_FIELDS];
      guint n_fields = 0;
      KursRowReader *rows;

      if (!kurs_snapshot_is_compared_entity (e) || (entities != 0 && !(entities & (1u << e))))
        continue;
      by_id[e] = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < info->n_fields; i++)
        if (kurs_snapshot_is_compared_field (e, i) || (int) i == info->parent_field)
          fields[n_fields++] = KURS_FIELD_ID (e, i);

      rows = kurs_row_reader_new (store, e, kurs_record_get_id (strategy), fields, n_fields, KURS_ROW_ORDER_SCHEMA);
      while (kurs_row_reader_next (rows))
        {
          KursSnapshotRow *row = row_new (e);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          row->uid = kurs_row_reader_get_uid (rows);
          row->row_id = kurs_row_reader_get_id (rows);
          if (info->parent != KURS_ENTITY_STRATEGY)
            {
              gint64 owner_id = kurs_row_reader_get_int (rows, KURS_FIELD_ID (e, info->parent_field));

              /* owners are of a kind before their rows' */
              row->owner = by_id[info->parent] ? g_hash_table_lookup (by_id[info->parent], &owner_id) : NULL;
            }
          for (guint k = 0; k < n_fields; k++)
            {
              guint index = KURS_FIELD_INDEX (fields[k]);
              const char *text;

              if ((int) index == info->parent_field)
                continue;
              text = kurs_row_reader_format (rows, fields[k], buffer);
              /* a reference as the row id for now: its uid once all are read */
              row->texts[index] = text ? g_string_chunk_insert_const (snap->chunk, text) : NULL;
            }
          add_row (snap, row);
          g_hash_table_insert (by_id[e], &row->row_id, row);
        }
      ok = kurs_row_reader_end (rows, error);
    }

  /* references: from row ids to uids */
  for (guint e = 0; e < KURS_N_ENTITIES && ok; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);

      if (by_id[e] == NULL)
        continue;
      for (guint i = 0; i < info->n_fields; i++)
        {
          const KursField *field = &info->fields[i];

          if (field->type != KURS_FIELD_REF || (int) i == info->parent_field || !kurs_snapshot_is_compared_field (e, i))
            continue;
          for (guint r = 0; r < snap->rows[e]->len; r++)
            {
              KursSnapshotRow *row = snap->rows[e]->pdata[r];
              gint64 id;
              KursSnapshotRow *named;

              if (row->texts[i] == NULL)
                continue;
              id = g_ascii_strtoll (row->texts[i], NULL, 10);
              named = by_id[field->ref] ? g_hash_table_lookup (by_id[field->ref], &id) : NULL;
              row->texts[i] = named ? uid_text (snap, named->uid) : NULL;
            }
        }
    }

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_clear_pointer (&by_id[e], g_hash_table_unref);

  if (!ok)
    return NULL;
  number_rows (snap);
  return g_steal_pointer (&snap);
}

/* Names */

/* The row a reference field of @row names, in @snap */
KursSnapshotRow *
kurs_snapshot_named_row (KursSnapshot          *snap,
                         const KursSnapshotRow *row,
                         guint                  field)
{
  const KursField *info = &kurs_entity_info (row->entity)->fields[field];
  gint64 uid;

  if (row->texts[field] == NULL)
    return NULL;
  uid = g_ascii_strtoll (row->texts[field], NULL, 10);
  return g_hash_table_lookup (snap->by_uid[info->ref], &uid);
}

#define MAX_TITLE_CHARS 80

const char *
kurs_snapshot_row_title (KursSnapshot          *snap,
                         const KursSnapshotRow *row)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const char *text = NULL;

  if (row->entity == KURS_ENTITY_STRATEGY)
    return row->texts[KURS_FIELD_INDEX (KURS_FIELD_STRATEGY_TITLE)];

  /* a line that names it: a title, a name, a source… */
  for (guint i = 0; i < info->n_fields && text == NULL; i++)
    if (info->fields[i].type == KURS_FIELD_TEXT && (info->fields[i].flags & KURS_FIELD_REQUIRED)
        && !(info->fields[i].flags & KURS_FIELD_LONG))
      text = row->texts[i];
  /* a link: the row it links to */
  for (guint i = 0; i < info->n_fields && text == NULL; i++)
    if (info->fields[i].type == KURS_FIELD_REF && (int) i != info->parent_field)
      {
        KursSnapshotRow *named = kurs_snapshot_named_row (snap, row, i);

        text = named ? kurs_snapshot_row_title (snap, named) : NULL;
      }
  /* a text: its beginning */
  for (guint i = 0; i < info->n_fields && text == NULL; i++)
    if (info->fields[i].type == KURS_FIELD_TEXT && (info->fields[i].flags & KURS_FIELD_REQUIRED))
      text = row->texts[i];
  /* a measurement: its date */
  for (guint i = 0; i < info->n_fields && text == NULL; i++)
    if (info->fields[i].type == KURS_FIELD_DATE)
      text = row->texts[i];

  if (text != NULL && g_utf8_strlen (text, MAX_TITLE_CHARS + 1) > MAX_TITLE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_TITLE_CHARS - 1);
      g_autofree char *cut = g_strconcat (g_strchomp (start), "…", NULL);

      return g_string_chunk_insert_const (snap->chunk, cut);
    }
  return text ? text : "";
}

/* The row of @entity with @uid (the first, if two have it), or NULL */
KursSnapshotRow *
kurs_snapshot_lookup (KursSnapshot *snap,
                      KursEntity    entity,
                      gint64        uid)
{
  return g_hash_table_lookup (snap->by_uid[entity], &uid);
}
