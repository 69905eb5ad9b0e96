/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-xml-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-language.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"
#include "kurs-xml-rows.h"
#include "kurs-xml.h"
#include "kurs-store-private.h"

/* Reads a strategy file back into a library.  The file's rows are read
 * safely, as a stream (kurs-xml-rows.c), and its check against the schema
 * goes on in a thread beside the adding, whose verdict comes before the
 * import is committed.  The rows are created kind by kind, in
 * the order of KursEntity (so that whatever a row refers to already
 * exists), and within a kind in document order (so that exporting again
 * gives the same file).  It is one action: any problem rolls all of it
 * back. */

typedef struct {
  KursStore   *store;
  KursXmlRows *file;
  GArray      *row_ids[KURS_N_ENTITIES];   /* gint64, the library's id of each of the file's rows made */
  GHashTable  *ids[KURS_N_ENTITIES];       /* XML id → gint64 * row id */
  GArray      *uids[KURS_N_ENTITIES];      /* gint64, the uid of each of the file's rows (rows_uids()) */
  gboolean     as_copy;
  /* A new UUID (a copy, or a strategy Kurs ships) */
  gboolean     new_uuid;
} Importer;

static gboolean
fail_at (int          line,
         GError     **error,
         const char  *message)
{
  g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID,
               _("Line %ld: %s"), (long) line, message);
  return FALSE;
}

static int
line_of (Importer   *im,
         KursEntity  entity,
         guint       index)
{
  return kurs_xml_rows_get_row (im->file, entity, index)->line;
}

/* Where the library refused a row: the rows are written many at a time
 * (kurs_store_begin_bulk()), so the row it refused may be one made
 * before @entity's row @index */
static int
refused_at (Importer   *im,
            KursEntity  entity,
            guint       index)
{
  KursEntity refused_entity;
  gint64 refused_id;
  GArray *ids;

  if (!kurs_store_get_bulk_failure (im->store, &refused_entity, &refused_id)
      || im->row_ids[KURS_ENTITY_STRATEGY] == NULL)
    return line_of (im, entity, index);

  ids = im->row_ids[refused_entity];
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == refused_id)
      return line_of (im, refused_entity, i);

  /* not yet remembered: the row's own */
  return line_of (im, entity, index);
}

static gint64
lookup_id (GHashTable *ids,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (ids, key);

  return id ? *id : 0;
}

static void
remember_id (GHashTable *table,
             gpointer    key,
             gint64      id)
{
  gint64 *value = g_new (gint64, 1);

  *value = id;
  g_hash_table_insert (table, key, value);
}

/* Reads one field of a row, @text as the file writes it (NULL: none),
 * into @cell, which holds @text itself; of kind none when the file has
 * none */
static gboolean
read_field (Importer         *im,
            KursEntity        entity,
            guint             index,
            guint             field_index,
            const char       *text,
            KursCell         *cell,
            GError          **error)
{
  const KursField *field = &kurs_entity_info (entity)->fields[field_index];
  g_autoptr(GError) local_error = NULL;

  cell->kind = KURS_CELL_NONE;
  if (text == NULL)
    return TRUE;

  if (kurs_xml_entity (entity)->field_forms[field_index] == KURS_XML_ELEMENT)
    {
      cell->kind = KURS_CELL_TEXT;
      cell->text = text;
      cell->length = strlen (text);
      return TRUE;
    }

  if (field->type == KURS_FIELD_REF)
    {
      gint64 id = lookup_id (im->ids[field->ref], text);

      if (id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” refers to “%s”, which is not in the file"),
                                                      kurs_xml_entity (entity)->field_names[field_index], text);
          return fail_at (line_of (im, entity, index), error, message);
        }

      cell->kind = KURS_CELL_NUMBER;
      cell->number = id;
      return TRUE;
    }

  if (!kurs_field_parse_cell (field, text, cell, &local_error))
    return fail_at (line_of (im, entity, index), error, local_error->message);

  return TRUE;
}

typedef struct {
  gint64 uid;
  guint  index;
} UidAt;

static int
compare_uid_at (gconstpointer a,
                gconstpointer b)
{
  const UidAt *x = a, *y = b;

  if (x->uid != y->uid)
    return x->uid < y->uid ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Each of @entity's rows' uid: the file's, or for a file without uids
 * (written before they existed) its place among the rows of its kind in
 * document order, counted from 1, as migration 3 numbered rows that had
 * none and as kurs-snapshot.c reads such a file; 0 (a new one) where the
 * file's is not a number above 0, or is taken already by a row before it
 * in the file, which only a file edited by hand does.  All at once, in
 * order of uid: a table of those taken, a row at a time, cost 5 % of an
 * import of 100,000 items. */
static GArray *
rows_uids (KursXmlRows *file,
           KursEntity   entity)
{
  guint n = kurs_xml_rows_get_count (file, entity);
  GArray *uids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree UidAt *sorted = g_new (UidAt, MAX (n, 1));

  g_array_set_size (uids, n);
  for (guint i = 0; i < n; i++)
    {
      const char *text = kurs_xml_rows_get_row (file, entity, i)->uid;

      sorted[i].uid = text != NULL ? g_ascii_strtoll (text, NULL, 10) : (gint64) i + 1;
      sorted[i].index = i;
    }
  qsort (sorted, n, sizeof (UidAt), compare_uid_at);
  for (guint i = 0; i < n; i++)
    g_array_index (uids, gint64, sorted[i].index) =
      sorted[i].uid <= 0 || (i > 0 && sorted[i].uid == sorted[i - 1].uid) ? 0 : sorted[i].uid;
  return uids;
}

static gint64
row_uid (Importer   *im,
         KursEntity  entity,
         guint       index)
{
  return g_array_index (im->uids[entity], gint64, index);
}

/* The strategy, read as @cells: a record, with the UUID and title of a
 * copy, and as a draft */
static KursRecord *
create_strategy (Importer        *im,
                 const KursCell  *cells,
                 GError         **error)
{
  const KursEntityInfo *info = kurs_entity_info (KURS_ENTITY_STRATEGY);
  /* (its values, floating, are the store's once given to it) */
  const char **names = g_newa (const char *, info->n_fields);
  GVariant **values = g_newa (GVariant *, info->n_fields);
  guint n_values = 0;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];
      GVariant *value = kurs_field_cell_to_value (field, &cells[i]);

      if (im->new_uuid)
        {
          /* A copy is a new strategy, and says so. */
          if (g_str_equal (field->name, "uuid"))
            {
              g_clear_pointer (&value, g_variant_unref);
              value = g_variant_new_take_string (g_uuid_string_random ());
            }
          else if (g_str_equal (field->name, "title") && value != NULL && im->as_copy)
            {
              const char *original = g_variant_get_string (value, NULL);
              KursLanguage language = kurs_language_detect (original);
              g_autofree char *title = g_strdup_printf (kurs_language_gettext (language, N_("%s (copy)")), original);

              g_variant_unref (g_variant_ref_sink (value));
              value = g_variant_new_string (title);
            }
        }

      /* The status is set once the rows are in: an approved strategy
       * would refuse them. */
      if (g_str_equal (field->name, "status"))
        {
          g_clear_pointer (&value, g_variant_unref);
          value = g_variant_new_string ("draft");
        }

      if (value == NULL)
        continue;

      names[n_values] = field->name;
      values[n_values++] = value;
    }

  return kurs_store_create_internal (im->store, KURS_ENTITY_STRATEGY, 0, n_values, names, values, 0, error);
}

static gboolean
import_row (Importer    *im,
            KursEntity   entity,
            guint        index,
            KursRecord **out_strategy,
            GError     **error)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  const KursXmlEntity *x = kurs_xml_entity (entity);
  const KursXmlRow *row = kurs_xml_rows_get_row (im->file, entity, index);
  const char * const *texts = kurs_xml_rows_get_texts (im->file, entity, index);
  KursCell *cells = g_newa (KursCell, info->n_fields);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  for (guint i = 0; i < info->n_fields; i++)
    {
      cells[i].kind = KURS_CELL_NONE;
      if (x->field_forms[i] != KURS_XML_SKIP
          && !read_field (im, entity, index, i, texts[i], &cells[i], error))
        return FALSE;
    }

  /* the strategy, a record; its rows, 99.99 % of them, none until asked */
  if (entity == KURS_ENTITY_STRATEGY)
    {
      *out_strategy = create_strategy (im, cells, &local_error);
      id = *out_strategy != NULL ? kurs_record_get_id (*out_strategy) : 0;
    }
  else
    id = kurs_store_create_cells (im->store, entity,
                                  g_array_index (im->row_ids[info->parent], gint64, row->owner),
                                  cells, row_uid (im, entity, index), &local_error);
  if (id == 0)
    return fail_at (refused_at (im, entity, index), error, local_error->message);

  g_array_append_val (im->row_ids[entity], id);

  if (x->id_prefix != NULL)
    {
      if (row->id == NULL || g_hash_table_contains (im->ids[entity], row->id))
        return fail_at (row->line, error, _("Every row that others refer to needs an id of its own"));
      remember_id (im->ids[entity], (gpointer) row->id, id);
    }

  return TRUE;
}

static gboolean
check_new_uuid (Importer    *im,
                GError     **error)
{
  const char *uuid = kurs_xml_rows_get_root_attribute (im->file, "uuid");
  g_autoptr(KursRecord) existing = NULL;

  if (uuid != NULL && !im->new_uuid)
    existing = kurs_store_find_strategy (im->store, uuid, NULL);

  if (existing != NULL)
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_DUPLICATE,
                   _("“%s” is already in the library; import it as a copy to have both"),
                   kurs_record_get_title (existing));
      return FALSE;
    }

  return TRUE;
}

/* The status the file gives, and its version, once everything is in.
 * The version's frozen text is the document itself, whose check ends
 * before the import is committed (kurs_xml_import_step()); a
 * copy, with its new UUID and title, is written anew from the library,
 * and so is a file in another encoding than UTF-8 (a library's text is
 * UTF-8). */
static gboolean
finish_strategy (Importer    *im,
                 GBytes      *data,
                 KursRecord  *strategy,
                 GError     **error)
{
  const char *status = kurs_xml_rows_get_root_attribute (im->file, "status");
  const char *number = kurs_xml_rows_get_root_attribute (im->file, "version");
  const char *date = kurs_xml_rows_get_root_attribute (im->file, "approved-date");
  KursXmlVersionInfo info = { 0 };
  g_autoptr(GBytes) content = NULL;
  char *words = NULL;

  /* (the file's check, whose verdict comes later, refuses a file without
   * one, but this comes first) */
  if (status == NULL)
    return fail_at (line_of (im, KURS_ENTITY_STRATEGY, 0), error, _("The strategy needs a status"));
  if (!kurs_store_set_internal (im->store, strategy, "status", g_variant_new_string (status), error))
    return FALSE;
  if (number == NULL)
    return TRUE;
  if (date == NULL)
    return fail_at (line_of (im, KURS_ENTITY_STRATEGY, 0), error, _("An approved version needs its approval date"));

  info.number = g_ascii_strtoll (number, NULL, 10);
  info.approved_date = date;
  info.approved_by = kurs_xml_rows_get_root_attribute (im->file, "approved-by");

  /* (the file's words were read with it: the search index's, where the
   * version's text is the file) */
  if (im->new_uuid || !kurs_xml_rows_is_utf8 (im->file))
    content = kurs_xml_export_live (im->store, strategy, &info, error);
  else
    {
      content = g_bytes_ref (data);
      words = kurs_xml_rows_steal_words (im->file);
    }
  if (content == NULL)
    return FALSE;

  return kurs_store_add_version_lean (im->store, strategy, info.number, info.approved_date, info.approved_by,
                                      content, words, error);
}

/**
 * kurs_xml_import:
 * @data: the file's contents
 * @flags: %KURS_XML_IMPORT_AS_COPY to add a strategy that is already in
 *   the library as a new one
 *
 * Adds the strategy in a Kurs XML file to the library, its approved
 * version included.  Anything wrong with the file — not XML, not Kurs,
 * not valid, a DTD, a rule broken — is refused with one clear message and
 * leaves the library as it was.
 *
 * Returns: (transfer full): the new strategy, or %NULL with @error set
 */
KursRecord *
kurs_xml_import (KursStore           *store,
                 GBytes              *data,
                 KursXmlImportFlags   flags,
                 GError             **error)
{
  g_autoptr(KursXmlParsed) parsed = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!(parsed = kurs_xml_parsed_new (data, error)))
    return NULL;

  return kurs_xml_import_parsed (store, parsed, flags, error);
}

/**
 * KursXmlParsed:
 *
 * A Kurs XML file read, not yet added to a library: the first half of an
 * import, which may be done in a thread (kurs_xml_parse_async());
 * kurs_xml_import_parsed() is the other half.  The file's check against
 * the schema goes on in a thread of its own meanwhile, beside the adding,
 * and the import asks for its verdict before it is committed
 * (parsed_check()).
 */
struct _KursXmlParsed
{
  gint            ref_count;
  GBytes         *data;
  KursXmlRows    *rows;
  KursXmlChecker *checker;    /* until its verdict is asked for */
  GError         *invalid;    /* its verdict: why the file breaks the schema */
};

/**
 * kurs_xml_parsed_new:
 *
 * Reads @data as kurs_xml_import() does before it writes, and begins its
 * check against the schema.
 *
 * Returns: (transfer full): the file, or %NULL with @error set: why it
 *   could not be read, or, if it could not, the first way it breaks the
 *   schema
 */
KursXmlParsed *
kurs_xml_parsed_new (GBytes  *data,
                     GError **error)
{
  g_autoptr(KursXmlRows) rows = NULL;
  KursXmlChecker *checker;
  KursXmlParsed *parsed;
  gsize length;

  g_return_val_if_fail (data != NULL, NULL);

  /* what is refused before any reading is refused before any checking */
  length = g_bytes_get_size (data);
  if (length == 0 || length > KURS_XML_MAX_BYTES)
    {
      /* (the reader refuses it, and says why) */
      rows = kurs_xml_rows_read (g_bytes_get_data (data, NULL), length, TRUE, error);
      g_assert (rows == NULL);
      return NULL;
    }

  /* (each row's id its own, and each reference to one, checked as the
   * rows are taken: import_row(), read_field()) */
  checker = kurs_xml_checker_new_without_keys ();
  kurs_xml_checker_feed_bytes (checker, data);
  if (!(rows = kurs_xml_rows_read (g_bytes_get_data (data, NULL), length, TRUE, error)))
    {
      kurs_xml_checker_finish (checker, NULL);
      return NULL;
    }

  parsed = g_new0 (KursXmlParsed, 1);
  parsed->ref_count = 1;
  parsed->data = g_bytes_ref (data);
  parsed->rows = g_steal_pointer (&rows);
  parsed->checker = checker;
  return parsed;
}

/* Whether @parsed follows the schema: waits for its check, once */
static gboolean
parsed_check (KursXmlParsed  *parsed,
              GError        **error)
{
  if (parsed->checker != NULL)
    kurs_xml_checker_finish (g_steal_pointer (&parsed->checker), &parsed->invalid);

  if (parsed->invalid != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_error_copy (parsed->invalid));
      return FALSE;
    }
  return TRUE;
}

/* Another hold on @parsed, which kurs_xml_parsed_free() lets go */
KursXmlParsed *
kurs_xml_parsed_copy (KursXmlParsed *parsed)
{
  g_atomic_int_inc (&parsed->ref_count);
  return parsed;
}

static gpointer
finish_check_in_thread (gpointer checker)
{
  kurs_xml_checker_finish (checker, NULL);
  return NULL;
}

void
kurs_xml_parsed_free (KursXmlParsed *parsed)
{
  if (parsed == NULL || !g_atomic_int_dec_and_test (&parsed->ref_count))
    return;

  /* a check no one waited for (an import given up) ends by itself: it
   * reads the file to its end, which no window need wait for */
  if (parsed->checker != NULL)
    g_thread_unref (g_thread_new ("kurs-xml-check-end", finish_check_in_thread, parsed->checker));
  g_clear_error (&parsed->invalid);
  kurs_xml_rows_free (parsed->rows);
  g_bytes_unref (parsed->data);
  g_free (parsed);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  KursXmlParsed *parsed = kurs_xml_parsed_new (task_data, &error);

  if (parsed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, parsed, (GDestroyNotify) kurs_xml_parsed_free);
}

/**
 * kurs_xml_parse_async:
 *
 * Reads @data in a thread and begins its check, as kurs_xml_parsed_new()
 * does.
 */
void
kurs_xml_parse_async (GBytes              *data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data != NULL);

  /* libxml2's globals are made once, here, before any thread uses them */
  xmlInitParser ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kurs_xml_parse_async);
  g_task_set_name (task, "kurs-xml-parse");
  g_task_set_task_data (task, g_bytes_ref (data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_in_thread);
}

/**
 * kurs_xml_parse_finish:
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
KursXmlParsed *
kurs_xml_parse_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kurs_xml_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * KursXmlImport:
 *
 * An import of a read and checked file into a library, one action added
 * a few rows at a time (kurs_xml_import_step()), so that a window can
 * draw between the steps: begun with kurs_xml_import_begin(), ended with
 * kurs_xml_import_end(), which commits it, or rolls it back if it failed
 * or is given up.  The action stays open in between: the store takes no
 * other change meanwhile.
 */
struct _KursXmlImport
{
  Importer       im;
  KursXmlParsed *parsed;
  KursRecord    *strategy;
  guint          entity;     /* where the next step begins */
  guint          item;
  gboolean       finished;   /* the strategy's status and version given */
  gboolean       indexed;    /* the search index written */
  guint          n_rows;     /* in the file */
  guint          rows_added;
  gboolean       begun;
  gboolean       failed;
  GError        *error;      /* why it failed */
};

/* What the rows were found and made by (their ids, the file's ids and
 * uids), let go once they are all in: 220,000 uids at 100,000 items */
static void
forget_rows (Importer *im)
{
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_clear_pointer (&im->row_ids[e], g_array_unref);
      g_clear_pointer (&im->ids[e], g_hash_table_unref);
      g_clear_pointer (&im->uids[e], g_array_unref);
    }
}

static void
import_free (KursXmlImport *import)
{
  if (import->begun)
    kurs_store_rollback (import->im.store);
  forget_rows (&import->im);
  g_clear_object (&import->strategy);
  g_clear_error (&import->error);
  kurs_xml_parsed_free (import->parsed);
  g_free (import);
}

/**
 * kurs_xml_import_begin:
 * @parsed: (transfer full): the file
 *
 * Begins adding @parsed to @store, as one action.
 *
 * Returns: (transfer full): the import, or %NULL with @error set (the
 *   strategy is in the library already, or the store takes no change)
 */
KursXmlImport *
kurs_xml_import_begin (KursStore           *store,
                       KursXmlParsed       *parsed,
                       KursXmlImportFlags   flags,
                       GError             **error)
{
  KursXmlImport *import;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);

  import = g_new0 (KursXmlImport, 1);
  import->parsed = parsed;
  import->im.store = store;
  import->im.file = parsed->rows;
  import->im.as_copy = (flags & KURS_XML_IMPORT_AS_COPY) != 0;
  import->im.new_uuid = import->im.as_copy || (flags & KURS_XML_IMPORT_NEW_IDENTITY) != 0;
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      guint count = kurs_xml_rows_get_count (parsed->rows, e);

      import->im.row_ids[e] = g_array_sized_new (FALSE, FALSE, sizeof (gint64), count);
      /* (the XML ids are the file's strings) */
      import->im.ids[e] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      import->im.uids[e] = rows_uids (parsed->rows, e);
      import->n_rows += count;
    }

  if (!check_new_uuid (&import->im, error) || !kurs_store_begin (store, _("Import strategy"), error))
    {
      /* a file that breaks the schema is refused for that first */
      parsed_check (parsed, error);
      import_free (import);
      return NULL;
    }
  import->begun = TRUE;
  /* indexed for search as the import commits, in a few statements */
  kurs_store_defer_search_index (store);
  /* and its rows written many to a statement */
  kurs_store_begin_bulk (store);
  return import;
}

/**
 * kurs_xml_import_step:
 * @budget_usec: about how long the step may take; 0 for no limit
 *
 * Adds the next rows; once all are in, gives the strategy its status and
 * version, and then writes its search index a part at a time; with the
 * last part, waits for the verdict of the file's check against the schema.
 *
 * Returns: %TRUE when everything is added, or when the import failed
 *   (then kurs_xml_import_end() says why); %FALSE while there is more
 */
gboolean
kurs_xml_import_step (KursXmlImport *import,
                      gint64         budget_usec)
{
  gint64 until = budget_usec > 0 ? g_get_monotonic_time () + budget_usec : G_MAXINT64;
  KursStore *store;
  guint n = 0;

  g_return_val_if_fail (import != NULL, TRUE);

  store = import->im.store;
  while (!import->failed && import->entity < KURS_N_ENTITIES)
    {
      if (import->item >= kurs_xml_rows_get_count (import->im.file, import->entity))
        {
          import->entity++;
          import->item = 0;
          continue;
        }
      if (!import_row (&import->im, import->entity, import->item, &import->strategy, &import->error))
        import->failed = TRUE;
      import->item++;
      import->rows_added++;
      /* the clock is read every few rows */
      if (++n % 64 == 0 && g_get_monotonic_time () >= until)
        break;
    }

  /* what waits is written: the window may read the library between steps */
  if (!import->failed)
    {
      g_autoptr(GError) local_error = NULL;

      if (!kurs_store_write_bulk (store, &local_error))
        import->failed = !fail_at (refused_at (&import->im, KURS_ENTITY_STRATEGY, 0), &import->error,
                                   local_error->message);
    }

  if (!import->failed && import->entity >= KURS_N_ENTITIES
      && import->im.row_ids[KURS_ENTITY_STRATEGY] != NULL)
    {
      forget_rows (&import->im);
      n++;
    }

  /* then the status and version, and the index, each a part that may take
   * a few hundred milliseconds at 100,000 rows: at least one a step */
  if (!import->failed && import->entity >= KURS_N_ENTITIES && !import->finished
      && (n == 0 || g_get_monotonic_time () < until))
    {
      import->failed = !finish_strategy (&import->im, import->parsed->data, import->strategy, &import->error);
      import->finished = TRUE;
      n++;
    }
  while (!import->failed && import->finished && !import->indexed && (n == 0 || g_get_monotonic_time () < until))
    {
      import->failed = !kurs_store_fill_search_index_step (store, &import->indexed, &import->error);
      n++;
    }

  /* The file's check, which has gone on beside all this, ends last,
   * before anything is committed (it took longer than adding the rows of
   * 100,000 items, and the adding waited for it): a file that breaks the
   * schema is refused for that, whatever else */
  if (import->failed || import->indexed)
    import->failed = !parsed_check (import->parsed, &import->error) || import->failed;

  return import->failed || import->indexed;
}

/**
 * kurs_xml_import_get_progress:
 *
 * How far the import has come, for a person waiting: the rows count for
 * three quarters, the status and version and then the search index for
 * the rest, as they take about that share of the time.
 *
 * Returns: from 0 (begun) to 1 (every step taken)
 */
double
kurs_xml_import_get_progress (KursXmlImport *import)
{
  double rows;

  g_return_val_if_fail (import != NULL, 0);

  if (import->indexed)
    return 1.0;
  rows = import->n_rows > 0 ? (double) import->rows_added / import->n_rows : 1.0;
  if (!import->finished)
    return 0.75 * rows;
  return 0.8 + 0.2 * kurs_store_get_search_index_filled (import->im.store);
}

/**
 * kurs_xml_import_end:
 * @import: (transfer full): the import, done or given up
 *
 * Commits the import if every row was added, or rolls it back.
 *
 * Returns: (transfer full): the new strategy, or %NULL with @error set
 */
KursRecord *
kurs_xml_import_end (KursXmlImport  *import,
                     GError        **error)
{
  KursStore *store;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GError) rule = NULL;

  g_return_val_if_fail (import != NULL, NULL);

  store = import->im.store;
  if (import->failed || !import->indexed)
    {
      if (import->error != NULL)
        g_propagate_error (error, g_steal_pointer (&import->error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was stopped"));
      import_free (import);
      return NULL;
    }

  /* Rules between fields are checked as the action commits. */
  import->begun = FALSE;
  if (!kurs_store_commit (store, &rule))
    {
      g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID, _("The file breaks a rule of Kurs: %s"),
                   rule->message);
      import_free (import);
      return NULL;
    }

  strategy = g_steal_pointer (&import->strategy);
  import_free (import);
  return g_steal_pointer (&strategy);
}

/**
 * kurs_xml_import_parsed:
 *
 * Adds the strategy of a file read and checked with kurs_xml_parsed_new()
 * or kurs_xml_parse_async() to @store, in one action, as
 * kurs_xml_import() does.
 *
 * Returns: (transfer full): the new strategy, or %NULL with @error set
 */
KursRecord *
kurs_xml_import_parsed (KursStore           *store,
                        KursXmlParsed       *parsed,
                        KursXmlImportFlags   flags,
                        GError             **error)
{
  KursXmlImport *import;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (parsed != NULL, NULL);

  if (!(import = kurs_xml_import_begin (store, kurs_xml_parsed_copy (parsed), flags, error)))
    return NULL;
  kurs_xml_import_step (import, 0);
  return kurs_xml_import_end (import, error);
}
