/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <string.h>

#include <libxml/xmlstring.h>

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

/* Reading a version's XML, as a stream: the version of a strategy of
 * 20,000 items is 5 MB, and a tree of it most of the time and memory */

typedef enum {
  FRAME_ROW,         /* the strategy, or a row */
  FRAME_CONTAINER,   /* a row's rows of one kind */
  FRAME_FIELD,       /* a field written as an element */
  FRAME_SKIP,        /* anything else, and all in it */
} FrameKind;

typedef struct {
  FrameKind        kind;
  KursEntity       entity;   /* a row's or a container's */
  KursSnapshotRow *row;      /* a row's, or the owner of a container's rows */
  guint            field;
} Frame;

typedef struct {
  KursSnapshot *snap;
  GArray       *frames;                 /* Frame */
  GString      *text;                   /* a field's, as it is read */
  GHashTable   *ids[KURS_N_ENTITIES];   /* XML id → KursSnapshotRow * */
  GPtrArray    *refs;                   /* Ref *, resolved at the end */
} XmlReader;

typedef struct {
  KursSnapshotRow *row;
  guint            field;
  const char      *xml_id;              /* in the snapshot's chunk */
} Ref;

static void
push (XmlReader       *r,
      FrameKind        kind,
      KursEntity       entity,
      KursSnapshotRow *row,
      guint            field)
{
  Frame frame = { kind, entity, row, field };

  g_array_append_val (r->frames, frame);
}

/* The value of the attribute @name in SAX2's array, or NULL; in @r's text */
static const char *
attribute (XmlReader       *r,
           int              n_attributes,
           const xmlChar  **attributes,
           const char      *name)
{
  for (int a = 0; a < n_attributes; a++)
    if (attributes[5 * a + 2] == NULL && xmlStrEqual (attributes[5 * a], BAD_CAST name))
      {
        g_string_assign (r->text, "");
        g_string_append_len (r->text, (const char *) attributes[5 * a + 3],
                             attributes[5 * a + 4] - attributes[5 * a + 3]);
        return r->text->str;
      }
  return NULL;
}

static void
read_attributes (XmlReader       *r,
                 KursSnapshotRow *row,
                 int              n_attributes,
                 const xmlChar  **attributes)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const KursXmlEntity *x = kurs_xml_entity (row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *value;

      if (x->field_forms[i] != KURS_XML_ATTRIBUTE || !kurs_snapshot_is_compared_field (row->entity, i)
          || (value = attribute (r, n_attributes, attributes, x->field_names[i])) == NULL)
        continue;
      if (info->fields[i].type == KURS_FIELD_REF)
        {
          Ref ref = { row, i, g_string_chunk_insert (r->snap->chunk, value) };

          g_ptr_array_add (r->refs, g_memdup2 (&ref, sizeof ref));
        }
      else
        row->texts[i] = g_string_chunk_insert_const (r->snap->chunk, value);
    }
}

static void
start_row (XmlReader       *r,
           KursEntity       entity,
           KursSnapshotRow *owner,
           int              n_attributes,
           const xmlChar  **attributes)
{
  const KursXmlEntity *x = kurs_xml_entity (entity);
  KursSnapshotRow *row = row_new (entity);
  const char *value;

  row->owner = owner;
  /* a file from before uids: its rows of a kind are 1, 2, 3… */
  value = attribute (r, n_attributes, attributes, "uid");
  row->uid = value != NULL ? g_ascii_strtoll (value, NULL, 10) : (gint64) r->snap->rows[entity]->len + 1;
  if (x->id_prefix != NULL && (value = attribute (r, n_attributes, attributes, "id")) != NULL)
    g_hash_table_insert (r->ids[entity], g_strdup (value), row);
  read_attributes (r, row, n_attributes, attributes);
  add_row (r->snap, row);
  push (r, FRAME_ROW, entity, row, 0);
}

static void
xml_start (gpointer        data,
           const xmlChar  *name,
           const xmlChar  *uri,
           int             n_attributes,
           const xmlChar **attributes)
{
  XmlReader *r = data;
  Frame *top;

  /* the root: the strategy */
  if (r->frames->len == 0)
    {
      r->snap->strategy = row_new (KURS_ENTITY_STRATEGY);
      read_attributes (r, r->snap->strategy, n_attributes, attributes);
      push (r, FRAME_ROW, KURS_ENTITY_STRATEGY, r->snap->strategy, 0);
      return;
    }

  top = &g_array_index (r->frames, Frame, r->frames->len - 1);
  if (top->kind == FRAME_SKIP || top->kind == FRAME_FIELD || !xmlStrEqual (uri, BAD_CAST KURS_XML_NAMESPACE))
    {
      push (r, FRAME_SKIP, KURS_ENTITY_NONE, NULL, 0);
      return;
    }

  if (top->kind == FRAME_CONTAINER)
    {
      if (xmlStrEqual (name, BAD_CAST kurs_xml_entity (top->entity)->element))
        start_row (r, top->entity, top->row, n_attributes, attributes);
      else
        push (r, FRAME_SKIP, KURS_ENTITY_NONE, NULL, 0);
      return;
    }

  /* in a row: one of its fields, or a container of rows it owns */
  {
    const KursEntityInfo *info = kurs_entity_info (top->entity);
    const KursXmlEntity *x = kurs_xml_entity (top->entity);
    KursSnapshotRow *row = top->row;
    KursEntity entity = top->entity;

    for (guint i = 0; i < info->n_fields; i++)
      if (x->field_forms[i] == KURS_XML_ELEMENT && xmlStrEqual (name, BAD_CAST x->field_names[i]))
        {
          g_string_truncate (r->text, 0);
          push (r, kurs_snapshot_is_compared_field (entity, i) ? FRAME_FIELD : FRAME_SKIP, entity, row, i);
          return;
        }
    for (guint e = 0; e < KURS_N_ENTITIES; e++)
      if (kurs_entity_info (e)->parent == entity && kurs_snapshot_is_compared_entity (e)
          && xmlStrEqual (name, BAD_CAST kurs_xml_entity (e)->container))
        {
          /* the strategy's own rows have no owner row */
          push (r, FRAME_CONTAINER, e, entity == KURS_ENTITY_STRATEGY ? NULL : row, 0);
          return;
        }
    push (r, FRAME_SKIP, KURS_ENTITY_NONE, NULL, 0);
  }
}

static void
xml_end (gpointer data)
{
  XmlReader *r = data;
  Frame *top = &g_array_index (r->frames, Frame, r->frames->len - 1);

  if (top->kind == FRAME_FIELD)
    top->row->texts[top->field] = g_string_chunk_insert (r->snap->chunk, r->text->str);
  g_array_set_size (r->frames, r->frames->len - 1);
}

static void
xml_text (gpointer    data,
          const char *text,
          int         length)
{
  XmlReader *r = data;

  if (r->frames->len > 0 && g_array_index (r->frames, Frame, r->frames->len - 1).kind == FRAME_FIELD)
    g_string_append_len (r->text, text, length);
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
  static const KursXmlStreamFuncs funcs = { xml_start, xml_end, xml_text };
  g_autoptr(KursSnapshot) snap = snapshot_new_empty ();
  XmlReader r = { 0 };
  gboolean ok;

  r.snap = snap;
  r.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  r.text = g_string_new (NULL);
  r.refs = g_ptr_array_new_with_free_func (g_free);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    r.ids[e] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = kurs_xml_read_stream (xml, &funcs, &r, error);
  if (ok)
    for (guint i = 0; i < r.refs->len; i++)
      {
        Ref *ref = r.refs->pdata[i];
        KursEntity target = kurs_entity_info (ref->row->entity)->fields[ref->field].ref;
        KursSnapshotRow *named = g_hash_table_lookup (r.ids[target], ref->xml_id);

        if (named != NULL)
          ref->row->texts[ref->field] = uid_text (snap, named->uid);
      }

  g_array_unref (r.frames);
  g_string_free (r.text, TRUE);
  g_ptr_array_unref (r.refs);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    g_hash_table_unref (r.ids[e]);

  if (!ok)
    return NULL;
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
