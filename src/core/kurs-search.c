/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-search.h"
#include "kurs-store-internal.h"

/* Searching a library: its search index (migration 2, an SQLite FTS5
 * table the library's own triggers keep in the same transaction as each
 * row) holds every searchable row's title and texts.  Words match as a
 * Dane expects: case does not matter, æ, ø and å are letters of their
 * own, each word matches the start of a word ("bolig" finds
 * "boligsocial"), and every word must be there. */

#define SEARCH_SQL \
  "SELECT entity, row_id, strategy_id, title, " \
  "snippet (search_index, -1, char (2), char (3), '…', 12) " \
  "FROM search_index WHERE search_index MATCH ?1 " \
  "AND (?2 = 0 OR strategy_id = ?2) AND (?3 < 0 OR entity = ?3) " \
  "ORDER BY bm25 (search_index, 8.0, 1.0) LIMIT ?4"

void
kurs_search_result_free (KursSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result->snippet);
  g_free (result);
}

/**
 * kurs_search_query:
 * @text: what a person typed
 *
 * Returns: (transfer full) (nullable): the FTS5 query for @text: each
 *   word as a quoted prefix, all of them required; %NULL when @text has
 *   no word
 */
char *
kurs_search_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          /* a word is letters and digits only: nothing to quote in it */
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/**
 * kurs_search_name_version:
 * @version: an approved version
 *
 * Returns: (transfer full): its name in search results, "Approved version
 *   2, 29. nov. 2022"
 */
char *
kurs_search_name_version (KursRecord *version)
{
  g_autofree char *day = kurs_date_format_local (kurs_record_get_date (version, "approved_date"));

  /* Translators: a search result, "Approved version 2, 29. nov. 2022" */
  return g_strdup_printf (_("Approved version %d, %s"), (int) kurs_record_get_int (version, "number"), day);
}

/**
 * kurs_store_search:
 * @text: the words to find
 * @strategy_id: only in this strategy, or 0 for all
 * @entity: only rows of this kind, or %KURS_ENTITY_NONE for all
 * @limit: at most this many
 *
 * Returns: (transfer container) (element-type KursSearchResult): the rows
 *   that hold every word, the best first; none for text with no word; or
 *   %NULL with @error set
 */
GPtrArray *
kurs_store_search (KursStore   *store,
                   const char  *text,
                   gint64       strategy_id,
                   KursEntity   entity,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) kurs_search_result_free);
  g_autofree char *query = NULL;
  GError *failure = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!(query = kurs_search_query (text)))
    return g_steal_pointer (&results);

  if (!(stmt = _kurs_store_prepare_statement (store, SEARCH_SQL, &failure)))
    {
      /* a library of an older Kurs opened read-only has no index yet */
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library cannot be searched: %s"), failure->message);
      g_error_free (failure);
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, strategy_id);
  sqlite3_bind_int (stmt, 3, entity);
  sqlite3_bind_int (stmt, 4, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KursSearchResult *result = g_new0 (KursSearchResult, 1);

      result->entity = sqlite3_column_int (stmt, 0);
      result->id = sqlite3_column_int64 (stmt, 1);
      result->strategy_id = sqlite3_column_int64 (stmt, 2);
      result->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      result->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (results, result);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  /* An approved version is named by its number and day */
  for (guint i = 0; rc == SQLITE_DONE && i < results->len; i++)
    {
      KursSearchResult *result = results->pdata[i];
      g_autoptr(KursRecord) version = NULL;

      if (result->entity != KURS_ENTITY_VERSION
          || !(version = kurs_store_get (store, KURS_ENTITY_VERSION, result->id)))
        continue;
      g_free (result->title);
      result->title = kurs_search_name_version (version);
    }

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library cannot be searched: %s"), sqlite3_errstr (rc));
      return NULL;
    }

  return g_steal_pointer (&results);
}

/**
 * kurs_search_mark:
 * @start: what goes before a matched word
 * @end: what goes after it
 * @escape_markup: whether the rest is escaped for Pango markup
 *
 * Returns: (transfer full): @snippet with its marks as @start and @end
 */
char *
kurs_search_mark (const char *snippet,
                  const char *start,
                  const char *end,
                  gboolean    escape_markup)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (snippet != NULL, NULL);

  for (const char *p = snippet; *p; )
    {
      const char *next = strpbrk (p, KURS_SEARCH_MARK_START KURS_SEARCH_MARK_END);
      gsize length = next ? (gsize) (next - p) : strlen (p);

      if (escape_markup)
        {
          g_autofree char *escaped = g_markup_escape_text (p, length);

          g_string_append (text, escaped);
        }
      else
        g_string_append_len (text, p, length);
      if (next == NULL)
        break;
      g_string_append (text, *next == KURS_SEARCH_MARK_START[0] ? start : end);
      p = next + 1;
    }

  return g_string_free (text, FALSE);
}
