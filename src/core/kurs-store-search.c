/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-search.h"
#include "kurs-store-internal.h"

/* The store's search: its index (migration 2, an SQLite FTS5 table the
 * library's own triggers keep in the same transaction as each row) holds
 * every searchable row's title and texts.  Words match as a Dane expects:
 * case does not matter, æ, ø and å are letters of their own, each word
 * matches the start of a word ("bolig" finds "boligsocial"), and every
 * word must be there. */

#define SEARCH_SQL \
  "SELECT entity, row_id, strategy_id, title, " \
  "snippet (search_index, -1, char (2), char (3), '…', 12) " \
  "FROM search_index WHERE search_index MATCH ?1 " \
  "AND (?2 = 0 OR strategy_id = ?2) AND (?3 < 0 OR entity = ?3) " \
  "ORDER BY bm25 (search_index, 8.0, 1.0) LIMIT ?4"

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
