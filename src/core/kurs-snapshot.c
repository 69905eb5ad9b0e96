/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <string.h>

#include "kurs-row-reader.h"
#include "kurs-snapshot-private.h"
#include "kurs-xml-rows.h"
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

/* Reading a version's XML, as a stream (kurs-xml-rows.c): the version of
 * a strategy of 20,000 items is 5 MB, and a tree of it most of the time
 * and memory */

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
  g_autoptr(KursXmlRows) file = kurs_xml_rows_read (xml, -1, FALSE, error);
  g_autoptr(KursSnapshot) snap = NULL;
  GPtrArray *made[KURS_N_ENTITIES] = { NULL };   /* KursSnapshotRow * per row of the file */
  GHashTable *ids[KURS_N_ENTITIES] = { NULL };   /* XML id → KursSnapshotRow * */

  if (file == NULL)
    return NULL;

  snap = snapshot_new_empty ();
  /* owners are of a kind before their rows' */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      guint count = kurs_xml_rows_get_count (file, e);

      /* what the comparison does not look at, nor at any row it owns */
      if (e != KURS_ENTITY_STRATEGY
          && (!kurs_snapshot_is_compared_entity (e) || (info->parent != KURS_ENTITY_STRATEGY && made[info->parent] == NULL)))
        continue;
      made[e] = g_ptr_array_sized_new (count);
      ids[e] = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint k = 0; k < count; k++)
        {
          const KursXmlRow *at = kurs_xml_rows_get_row (file, e, k);
          KursSnapshotRow *row = row_new (e);

          /* a file from before uids: its rows of a kind are 1, 2, 3… */
          row->uid = at->uid != NULL ? g_ascii_strtoll (at->uid, NULL, 10) : (gint64) k + 1;
          if (e != KURS_ENTITY_STRATEGY && info->parent != KURS_ENTITY_STRATEGY)
            row->owner = made[info->parent]->pdata[at->owner];
          for (guint i = 0; i < info->n_fields; i++)
            {
              const char *text = kurs_xml_rows_get_text (file, e, k, i);

              /* a reference as the XML id for now: its uid once all are read */
              if (text != NULL && kurs_snapshot_is_compared_field (e, i))
                row->texts[i] = g_string_chunk_insert_const (snap->chunk, text);
            }
          if (at->id != NULL)
            g_hash_table_insert (ids[e], (gpointer) at->id, row);
          g_ptr_array_add (made[e], row);
          if (e == KURS_ENTITY_STRATEGY)
            snap->strategy = row;
          else
            add_row (snap, row);
        }
    }

  /* references: from XML ids to uids */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);

      for (guint i = 0; made[e] != NULL && i < info->n_fields; i++)
        {
          const KursField *field = &info->fields[i];

          if (field->type != KURS_FIELD_REF || !kurs_snapshot_is_compared_field (e, i))
            continue;
          for (guint k = 0; k < made[e]->len; k++)
            {
              KursSnapshotRow *row = made[e]->pdata[k];
              KursSnapshotRow *named;

              if (row->texts[i] == NULL)
                continue;
              named = ids[field->ref] ? g_hash_table_lookup (ids[field->ref], row->texts[i]) : NULL;
              row->texts[i] = named ? uid_text (snap, named->uid) : NULL;
            }
        }
    }

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_clear_pointer (&made[e], g_ptr_array_unref);
      g_clear_pointer (&ids[e], g_hash_table_unref);
    }
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
