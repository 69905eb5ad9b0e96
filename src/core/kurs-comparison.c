/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "kurs-approval.h"
#include "kurs-comparison.h"
#include "kurs-date.h"
#include "kurs-row-reader.h"
#include "kurs-xml.h"

/**
 * KursComparison:
 *
 * What changed between two states of a strategy: two approved versions,
 * or a version and the draft.  Each side is read into a snapshot — an
 * approved version from its frozen XML, the draft from the library's rows
 * with the fields the XML has, in the same text forms — and rows are
 * matched by their uid (kurs_record_get_uid()), never by title or place:
 * a renamed goal is changed, a sub-goal under another goal is moved.
 *
 * How a row keeps its uid: the store gives a new row one and keeps it
 * through edits, moves and undo; approving freezes the rows' XML with
 * their uids; an import keeps the file's uids, a copy's too (the copy's
 * versions are written anew from its rows, which have the same ones), and
 * numbers the rows of a file from before uids 1, 2, 3… per kind in
 * document order — as this file reads such a version, and as migration 3
 * numbered a library's rows.  Copying a library copies the column.
 *
 * A uid that a side has twice (a hand-edited file) matches once; the
 * other row is told as added or removed.
 */

/* A row of a snapshot: its fields in their text form, a reference as the
 * uid of the row it names */
typedef struct _Row Row;
struct _Row {
  KursEntity   entity;
  gint64       uid;
  gint64       row_id;        /* the library's, for the draft */
  Row         *owner;         /* NULL: the strategy */
  guint        order;         /* in document order */
  const char **texts;         /* info->n_fields */
  GPtrArray   *owned;         /* Row *, lazily */
};

typedef struct {
  GStringChunk *chunk;
  Row          *strategy;
  GPtrArray    *rows[KURS_N_ENTITIES];      /* Row *, each kind in document order */
  GHashTable   *by_uid[KURS_N_ENTITIES];    /* gint64 * → Row * (the first with it) */
} Snapshot;

struct _KursComparison
{
  gint64        from;
  gint64        to;
  GStringChunk *chunk;
  GArray       *changes;     /* KursChange */
  GPtrArray    *fields;      /* KursFieldChange arrays */
};

/* What the comparison looks at: of each row, the fields the XML has that
 * people write as they plan (not ids, status or timestamps, nor what the
 * follow-up writes: progress, measurements, course corrections, milestones
 * held, hearing responses, KURS_FIELD_FOLLOW_UP); and the rows that have
 * such fields, or link such rows */
static gboolean
is_compared_field (KursEntity entity,
                   guint      index)
{
  const KursField *field = &kurs_entity_info (entity)->fields[index];

  return kurs_xml_entity (entity)->field_forms[index] != KURS_XML_SKIP
         && !(field->flags & (KURS_FIELD_INTERNAL | KURS_FIELD_FOLLOW_UP));
}

static gboolean
is_compared_entity (KursEntity entity)
{
  const KursEntityInfo *info = kurs_entity_info (entity);

  if (entity == KURS_ENTITY_STATUS_CHANGE || !kurs_xml_entity (entity)->exported)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    if (is_compared_field (entity, i))
      return TRUE;
  return FALSE;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->texts);
  if (row->owned != NULL)
    g_ptr_array_unref (row->owned);
  g_free (row);
}

static Snapshot *
snapshot_new (void)
{
  Snapshot *snap = g_new0 (Snapshot, 1);

  snap->chunk = g_string_chunk_new (64 * 1024);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      snap->rows[e] = g_ptr_array_new_with_free_func (row_free);
      snap->by_uid[e] = g_hash_table_new (g_int64_hash, g_int64_equal);
    }
  return snap;
}

static void
snapshot_free (Snapshot *snap)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static Row *
row_new (KursEntity entity)
{
  Row *row = g_new0 (Row, 1);

  row->entity = entity;
  row->texts = g_new0 (const char *, kurs_entity_info (entity)->n_fields);
  return row;
}

static void
add_row (Snapshot *snap,
         Row      *row)
{
  g_ptr_array_add (snap->rows[row->entity], row);
  if (!g_hash_table_contains (snap->by_uid[row->entity], &row->uid))
    g_hash_table_insert (snap->by_uid[row->entity], &row->uid, row);
}

/* Each row joins its owner's rows, and all get their place in document
 * order: the strategy's rows kind by kind, each followed by its own */
static void
number_rows (Snapshot *snap)
{
  guint order = 0;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GPtrArray) top = g_ptr_array_new ();

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < snap->rows[e]->len; i++)
      {
        Row *row = snap->rows[e]->pdata[i];

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
      Row *row = g_ptr_array_steal_index (stack, stack->len - 1);

      row->order = order++;
      if (row->owned != NULL)
        for (guint i = row->owned->len; i > 0; i--)
          g_ptr_array_add (stack, row->owned->pdata[i - 1]);
    }
}

/* Reading a version's XML */

typedef struct {
  Snapshot   *snap;
  GHashTable *ids[KURS_N_ENTITIES];   /* XML id → Row * */
  GPtrArray  *refs;                   /* Ref *, resolved at the end */
} XmlReader;

typedef struct {
  Row        *row;
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
element_text (Snapshot   *snap,
              xmlNodePtr  node,
              const char *name)
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
read_xml_fields (XmlReader  *r,
                 Row        *row,
                 xmlNodePtr  node)
{
  const KursEntityInfo *info = kurs_entity_info (row->entity);
  const KursXmlEntity *x = kurs_xml_entity (row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      xmlChar *value;

      if (!is_compared_field (row->entity, i))
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
read_xml_rows (XmlReader  *r,
               xmlNodePtr  node,
               KursEntity  entity,
               Row        *owner)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (!is_kurs_element (child, NULL))
        continue;

      for (guint e = 0; e < KURS_N_ENTITIES; e++)
        {
          const KursXmlEntity *x = kurs_xml_entity (e);

          if (kurs_entity_info (e)->parent != entity || !is_compared_entity (e)
              || !xmlStrEqual (child->name, BAD_CAST x->container))
            continue;

          for (xmlNodePtr element = child->children; element; element = element->next)
            {
              Row *row;
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
uid_text (Snapshot *snap,
          gint64    uid)
{
  char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, uid);
  return g_string_chunk_insert_const (snap->chunk, buffer);
}

static Snapshot *
snapshot_from_xml (const char  *xml,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(xmlDoc) doc = kurs_xml_parse (bytes, error);
  g_autoptr(Snapshot) snap = NULL;
  xmlNodePtr root;
  XmlReader r = { 0 };

  if (doc == NULL)
    return NULL;

  snap = snapshot_new ();
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
      Row *named = g_hash_table_lookup (r.ids[target], ref->xml_id);

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

static Snapshot *
snapshot_from_store (KursStore   *store,
                     KursRecord  *strategy,
                     GError     **error)
{
  g_autoptr(Snapshot) snap = snapshot_new ();
  const KursEntityInfo *strategy_info = kurs_record_get_info (strategy);
  GHashTable *by_id[KURS_N_ENTITIES] = { NULL };
  gboolean ok = TRUE;

  snap->strategy = row_new (KURS_ENTITY_STRATEGY);
  snap->strategy->row_id = kurs_record_get_id (strategy);
  for (guint i = 0; i < strategy_info->n_fields; i++)
    {
      GVariant *value = kurs_record_get_value_at (strategy, i);
      g_autofree char *text = NULL;

      if (!is_compared_field (KURS_ENTITY_STRATEGY, i) || value == NULL)
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

      if (!is_compared_entity (e))
        continue;
      by_id[e] = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < info->n_fields; i++)
        if (is_compared_field (e, i) || (int) i == info->parent_field)
          fields[n_fields++] = KURS_FIELD_ID (e, i);

      rows = kurs_row_reader_new (store, e, kurs_record_get_id (strategy), fields, n_fields, KURS_ROW_ORDER_SCHEMA);
      while (kurs_row_reader_next (rows))
        {
          Row *row = row_new (e);
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

          if (field->type != KURS_FIELD_REF || (int) i == info->parent_field || !is_compared_field (e, i))
            continue;
          for (guint r = 0; r < snap->rows[e]->len; r++)
            {
              Row *row = snap->rows[e]->pdata[r];
              gint64 id;
              Row *named;

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
static Row *
named_row (Snapshot   *snap,
           const Row  *row,
           guint       field)
{
  const KursField *info = &kurs_entity_info (row->entity)->fields[field];
  gint64 uid;

  if (row->texts[field] == NULL)
    return NULL;
  uid = g_ascii_strtoll (row->texts[field], NULL, 10);
  return g_hash_table_lookup (snap->by_uid[info->ref], &uid);
}

#define MAX_TITLE_CHARS 80

static const char *
row_title (Snapshot  *snap,
           const Row *row)
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
        Row *named = named_row (snap, row, i);

        text = named ? row_title (snap, named) : NULL;
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

/* Comparing */

typedef struct {
  KursChange change;
  guint      order;       /* where it is told: the newer side's order */
  guint      after;       /* a removed row: after the row it followed */
} Entry;

static const char *
keep (KursComparison *self,
      const char     *text)
{
  return text ? g_string_chunk_insert_const (self->chunk, text) : NULL;
}

/* A field's value as told: a reference as the named row's title */
static const char *
told_value (KursComparison *self,
            Snapshot       *snap,
            const Row      *row,
            guint           field)
{
  if (kurs_entity_info (row->entity)->fields[field].type == KURS_FIELD_REF)
    {
      Row *named = named_row (snap, row, field);

      return named ? keep (self, row_title (snap, named)) : NULL;
    }
  return keep (self, row->texts[field]);
}

static guint
count_owned (const Row *row)
{
  guint n = 0;

  if (row->owned != NULL)
    for (guint i = 0; i < row->owned->len; i++)
      n += 1 + count_owned (row->owned->pdata[i]);
  return n;
}

static void
compare_fields (KursComparison *self,
                Snapshot       *older,
                Snapshot       *newer,
                const Row      *old_row,
                const Row      *new_row,
                GArray         *fields)
{
  const KursEntityInfo *info = kurs_entity_info (new_row->entity);

  for (guint i = 0; i < info->n_fields; i++)
    {
      KursFieldChange field;
      const char *before, *after;

      if (!is_compared_field (new_row->entity, i))
        continue;
      if (info->fields[i].type == KURS_FIELD_REF)
        {
          /* the same row named, whatever its title now */
          Row *a = named_row (older, old_row, i);
          Row *b = named_row (newer, new_row, i);

          if ((a ? a->uid : 0) == (b ? b->uid : 0))
            continue;
        }
      else if (g_strcmp0 (old_row->texts[i], new_row->texts[i]) == 0)
        continue;

      before = told_value (self, older, old_row, i);
      after = told_value (self, newer, new_row, i);
      field = (KursFieldChange) { i, before, after };
      g_array_append_val (fields, field);
    }
}

static void
add_entry (KursComparison *self,
           GArray         *entries,
           KursChangeKind  kind,
           Snapshot       *snap,
           const Row      *row,
           const Row      *old_owner_row,
           Snapshot       *older,
           GArray         *fields,
           guint           order,
           guint           after)
{
  Entry entry = { { 0 } };

  entry.change.kind = kind;
  entry.change.section = kurs_section_of_entity (row->entity);
  entry.change.entity = row->entity;
  entry.change.uid = row->uid;
  entry.change.row_id = kind == KURS_CHANGE_REMOVED ? 0 : row->row_id;
  entry.change.title = keep (self, row_title (snap, row));
  entry.change.owner = row->owner ? keep (self, row_title (snap, row->owner)) : NULL;
  entry.change.old_owner = old_owner_row ? keep (self, row_title (older, old_owner_row)) : NULL;
  if (fields != NULL && fields->len > 0)
    {
      entry.change.n_fields = fields->len;
      entry.change.fields = g_memdup2 (fields->data, fields->len * sizeof (KursFieldChange));
      g_ptr_array_add (self->fields, (gpointer) entry.change.fields);
    }
  if (kind == KURS_CHANGE_ADDED || kind == KURS_CHANGE_REMOVED)
    entry.change.n_owned = count_owned (row);
  entry.order = order;
  entry.after = after;
  g_array_append_val (entries, entry);
}

static gboolean
owner_matches (const Row *old_row,
               const Row *new_row)
{
  if (old_row->owner == NULL || new_row->owner == NULL)
    return old_row->owner == new_row->owner;
  return old_row->owner->uid == new_row->owner->uid;
}

/* Is @row's owner, or its owner's, new (or gone), so that @row is told
 * with it? */
static gboolean
owner_unmatched (Snapshot  *other,
                 const Row *row)
{
  for (const Row *owner = row->owner; owner != NULL; owner = owner->owner)
    if (g_hash_table_lookup (other->by_uid[owner->entity], &owner->uid) == NULL)
      return TRUE;
  return FALSE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->change.section != y->change.section)
    return x->change.section < y->change.section ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return x->after < y->after ? -1 : x->after > y->after;
}

static void
compare (KursComparison *self,
         Snapshot       *older,
         Snapshot       *newer)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (KursFieldChange));
  g_autoptr(GPtrArray) old_in_order = g_ptr_array_new ();
  guint last_matched = 0;
  guint n_old = 0;

  /* the strategy's own fields */
  compare_fields (self, older, newer, older->strategy, newer->strategy, fields);
  if (fields->len > 0)
    add_entry (self, entries, KURS_CHANGE_CHANGED, newer, newer->strategy, NULL, older, fields, 0, 0);

  /* rows there now: new, moved or changed */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < newer->rows[e]->len; i++)
      {
        Row *row = newer->rows[e]->pdata[i];
        Row *old = g_hash_table_lookup (older->by_uid[e], &row->uid);
        gboolean moved;

        if (old != NULL && g_hash_table_lookup (newer->by_uid[e], &row->uid) != row)
          old = NULL;   /* a second row with the uid */

        if (old == NULL)
          {
            if (!owner_unmatched (older, row))
              add_entry (self, entries, KURS_CHANGE_ADDED, newer, row, NULL, older, NULL, row->order + 1, 0);
            continue;
          }

        g_array_set_size (fields, 0);
        compare_fields (self, older, newer, old, row, fields);
        moved = !owner_matches (old, row);
        if (moved || fields->len > 0)
          add_entry (self, entries, moved ? KURS_CHANGE_MOVED : KURS_CHANGE_CHANGED, newer, row,
                     moved ? old->owner : NULL, older, fields, row->order + 1, 0);
      }

  /* rows gone, in the older side's document order: each told after the
   * row it followed that is still there */
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    n_old += older->rows[e]->len;
  g_ptr_array_set_size (old_in_order, n_old);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    for (guint i = 0; i < older->rows[e]->len; i++)
      {
        Row *row = older->rows[e]->pdata[i];

        old_in_order->pdata[row->order] = row;
      }
  for (guint i = 0; i < old_in_order->len; i++)
    {
      Row *row = old_in_order->pdata[i];
      Row *now = g_hash_table_lookup (newer->by_uid[row->entity], &row->uid);

      if (now != NULL && g_hash_table_lookup (older->by_uid[row->entity], &row->uid) == row)
        {
          last_matched = now->order + 1;
          continue;
        }
      if (!owner_unmatched (newer, row))
        add_entry (self, entries, KURS_CHANGE_REMOVED, older, row, NULL, older, NULL, last_matched, i + 1);
    }

  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (self->changes, g_array_index (entries, Entry, i).change);
}

static KursComparison *
comparison_new (gint64 from,
                gint64 to)
{
  KursComparison *self = g_new0 (KursComparison, 1);

  self->from = from;
  self->to = to;
  self->chunk = g_string_chunk_new (16 * 1024);
  self->changes = g_array_new (FALSE, FALSE, sizeof (KursChange));
  self->fields = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/**
 * kurs_comparison_new_from_xml:
 * @old_xml: a strategy's XML, as Kurs writes it
 * @new_xml: another state of the same strategy
 *
 * Returns: (transfer full): what changed, or %NULL with @error set (a
 *   file that is not XML)
 */
KursComparison *
kurs_comparison_new_from_xml (const char  *old_xml,
                              const char  *new_xml,
                              GError     **error)
{
  g_autoptr(Snapshot) older = NULL;
  g_autoptr(Snapshot) newer = NULL;
  KursComparison *self;

  g_return_val_if_fail (old_xml != NULL && new_xml != NULL, NULL);

  if (!(older = snapshot_from_xml (old_xml, error)) || !(newer = snapshot_from_xml (new_xml, error)))
    return NULL;

  self = comparison_new (0, 0);
  compare (self, older, newer);
  return self;
}

static Snapshot *
snapshot_of_version (KursStore   *store,
                     KursRecord  *strategy,
                     gint64       number,
                     GError     **error)
{
  g_autoptr(KursRecord) version = kurs_approval_get_version (store, strategy, number);

  if (version == NULL)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” has no approved version %d"),
                   kurs_record_get_title (strategy), (int) number);
      return NULL;
    }
  return snapshot_from_xml (kurs_record_get_text (version, "content"), error);
}

/**
 * kurs_comparison_new:
 * @from_version: the older side: a version number, or 0 for the latest
 * @to_version: the newer side: a version number, or
 *   %KURS_COMPARISON_DRAFT for the draft
 *
 * Compares two states of @strategy.
 *
 * Returns: (transfer full): what changed, or %NULL with @error set (no
 *   such version; the library could not be read)
 */
KursComparison *
kurs_comparison_new (KursStore   *store,
                     KursRecord  *strategy,
                     gint64       from_version,
                     gint64       to_version,
                     GError     **error)
{
  g_autoptr(Snapshot) older = NULL;
  g_autoptr(Snapshot) newer = NULL;
  g_autoptr(KursRecord) from = NULL;
  KursComparison *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  from = kurs_approval_get_version (store, strategy, from_version);
  if (from == NULL)
    {
      if (from_version == 0)
        g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                     _("“%s” has no approved version to compare with"), kurs_record_get_title (strategy));
      else
        g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                     _("“%s” has no approved version %d"),
                     kurs_record_get_title (strategy), (int) from_version);
      return NULL;
    }
  from_version = kurs_record_get_int (from, "number");

  if (!(older = snapshot_from_xml (kurs_record_get_text (from, "content"), error)))
    return NULL;
  if (to_version == KURS_COMPARISON_DRAFT)
    newer = snapshot_from_store (store, strategy, error);
  else
    newer = snapshot_of_version (store, strategy, to_version, error);
  if (newer == NULL)
    return NULL;

  self = comparison_new (from_version, to_version);
  compare (self, older, newer);
  return self;
}

typedef struct {
  gint64 from;
  gint64 to;
} Sides;

static gpointer
compare_in_thread (KursStore   *store,
                   KursRecord  *strategy,
                   gpointer     data,
                   GError     **error)
{
  Sides *sides = data;

  return kurs_comparison_new (store, strategy, sides->from, sides->to, error);
}

/**
 * kurs_comparison_new_async:
 * @path: the library's file
 *
 * Compares as kurs_comparison_new() does, in a thread, on a connection
 * of its own: for a window, which goes on meanwhile.
 */
void
kurs_comparison_new_async (const char          *path,
                           KursRecord          *strategy,
                           gint64               from_version,
                           gint64               to_version,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Sides *sides = g_new (Sides, 1);

  sides->from = from_version;
  sides->to = to_version;
  kurs_store_read_strategy_async (path, strategy, compare_in_thread, sides, g_free,
                                  (GDestroyNotify) kurs_comparison_free, kurs_comparison_new_async,
                                  cancellable, callback, user_data);
}

KursComparison *
kurs_comparison_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  return kurs_store_read_strategy_finish (result, kurs_comparison_new_async, error);
}

void
kurs_comparison_free (KursComparison *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->changes);
  g_ptr_array_unref (self->fields);
  g_string_chunk_free (self->chunk);
  g_free (self);
}

/* The older side's version number */
gint64
kurs_comparison_get_from (KursComparison *self)
{
  return self->from;
}

/* The newer side's version number, or %KURS_COMPARISON_DRAFT */
gint64
kurs_comparison_get_to (KursComparison *self)
{
  return self->to;
}

guint
kurs_comparison_get_n_changes (KursComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

/**
 * kurs_comparison_get_change:
 *
 * The changes come section by section, and within a section in the order
 * of the newer side's document, a removed row after the row it followed.
 *
 * Returns: (transfer none): the change
 */
const KursChange *
kurs_comparison_get_change (KursComparison *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);

  return &g_array_index (self->changes, KursChange, index);
}

/* Is @field a text told by its words (kurs_word_diff()), not old → new? */
gboolean
kurs_comparison_is_long_text (const KursChange      *change,
                              const KursFieldChange *field)
{
  return (kurs_entity_info (change->entity)->fields[field->field].flags & KURS_FIELD_LONG) != 0;
}

KursSection
kurs_section_of_entity (KursEntity entity)
{
  switch (entity)
    {
    case KURS_ENTITY_TARGET_GROUP:
      return KURS_SECTION_TARGET_GROUPS;
    case KURS_ENTITY_FOCUS_AREA:
    case KURS_ENTITY_BEARING:
    case KURS_ENTITY_GOAL:
    case KURS_ENTITY_SUBGOAL:
      return KURS_SECTION_GOALS;
    case KURS_ENTITY_INDICATOR:
    case KURS_ENTITY_MEASUREMENT:
      return KURS_SECTION_INDICATORS;
    case KURS_ENTITY_ACTION_PLAN:
    case KURS_ENTITY_INITIATIVE:
    case KURS_ENTITY_INITIATIVE_GOAL:
    case KURS_ENTITY_COURSE_CORRECTION:
      return KURS_SECTION_ACTION_PLANS;
    case KURS_ENTITY_MILESTONE:
    case KURS_ENTITY_WORKSHOP_OUTPUT:
    case KURS_ENTITY_OUTPUT_GOAL:
    case KURS_ENTITY_HEARING_ROUND:
    case KURS_ENTITY_HEARING_PARTY:
      return KURS_SECTION_PROCESS;
    case KURS_ENTITY_STAKEHOLDER:
    case KURS_ENTITY_INVOLVEMENT:
      return KURS_SECTION_STAKEHOLDERS;
    default:
      return KURS_SECTION_VISION;
    }
}

/* The section's heading, translated */
const char *
kurs_section_get_label (KursSection section)
{
  static const char *labels[KURS_N_SECTIONS] = {
    N_("Vision and Basis"),
    N_("Target Groups"),
    N_("Goals"),
    N_("Indicators"),
    N_("Action Plans"),
    N_("Process"),
    N_("Stakeholders"),
  };

  g_return_val_if_fail (section < KURS_N_SECTIONS, NULL);
  return _(labels[section]);
}

/* "added", "removed", "changed", "moved": for scripts, never translated */
const char *
kurs_change_kind_to_nick (KursChangeKind kind)
{
  static const char *nicks[] = { "added", "removed", "changed", "moved" };

  g_return_val_if_fail (kind <= KURS_CHANGE_MOVED, NULL);
  return nicks[kind];
}

/**
 * kurs_comparison_format_value:
 * @field: a field of @change
 * @text: (nullable): one of its values (old or new)
 *
 * The value as people read it: a choice by its label, a date written out,
 * a truth as yes or no; "(none)" for no value.
 *
 * Returns: (transfer full): the text, translated
 */
char *
kurs_comparison_format_value (const KursChange      *change,
                              const KursFieldChange *field,
                              const char            *text)
{
  const KursField *info = &kurs_entity_info (change->entity)->fields[field->field];
  KursDate date;

  if (text == NULL || *text == '\0')
    return g_strdup (_("(none)"));

  switch (info->type)
    {
    case KURS_FIELD_ENUM:
      {
        int value = kurs_enum_info_from_nick (info->enum_info, text);

        return g_strdup (value >= 0 ? kurs_enum_info_to_label (info->enum_info, value) : text);
      }
    case KURS_FIELD_BOOL:
      return g_strdup (g_str_equal (text, "true") ? _("Yes") : _("No"));
    case KURS_FIELD_DATE:
      return kurs_date_parse (text, &date, NULL) ? kurs_date_format_local (date) : g_strdup (text);
    default:
      return g_strdup (text);
    }
}

/* "Added", "Removed", "Changed", "Moved", translated */
const char *
kurs_change_kind_get_label (KursChangeKind kind)
{
  static const char *labels[] = { N_("Added"), N_("Removed"), N_("Changed"), N_("Moved") };

  g_return_val_if_fail (kind <= KURS_CHANGE_MOVED, NULL);
  return _(labels[kind]);
}

/* The field's name for people; a record's naming line is "Title" or
 * "Name", its kind being said beside it */
const char *
kurs_comparison_field_label (const KursChange      *change,
                             const KursFieldChange *field)
{
  const KursField *info = &kurs_entity_info (change->entity)->fields[field->field];

  if (g_str_equal (info->name, "title"))
    return _("Title");
  if (g_str_equal (info->name, "name"))
    return _("Name");
  return kurs_field_get_label (info);
}
