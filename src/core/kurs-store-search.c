/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <math.h>

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
  "ORDER BY kurs_rank (search_index, 8.0, 1.0), rowid LIMIT ?4"

/* On a team library's server: PostgreSQL's full-text search over the
 * same rows (kurs-server-schema.c), the title's words of weight A, the
 * matching words marked as in a file's snippet; ranked by
 * server_rank_sql() */
#define SEARCH_SQL_SERVER \
  "WITH all_rows AS MATERIALIZED (SELECT count(*)::float8 AS n FROM search_index) " \
  "SELECT entity, row_id, strategy_id, title, " \
  "ts_headline ('simple', coalesce (title, '') || ' ' || coalesce (body, ''), q, " \
  "'StartSel=' || chr (2) || ', StopSel=' || chr (3) || ', MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1') " \
  "FROM search_index, to_tsquery ('simple', ?1) q " \
  "WHERE words @@ q AND (?2 = 0 OR strategy_id = ?2) AND (?3 < 0 OR entity = ?3) " \
  "ORDER BY %s DESC, key LIMIT NULLIF (?4, -1)"

/* The best first: Okapi BM25 over the title (a word there weighs 8) and
 * the texts, as FTS5's own bm25() ranks, but without its measure of each
 * row's length (b = 0), which costs a lookup in the index's table of sizes
 * for every row that matches: 80,000 lookups for "ind" in the largest
 * libraries, three times the time of all the rest of a search.  A rare
 * word counts for more than a common one, a word found twice for more
 * than once, though less than twice as much; rows that tie come in the
 * order of their kinds (strategy, goal, …) and then as they were made. */
#define RANK_K1 1.2

typedef struct {
  int    n_phrases;
  double idf[];
} RankTerms;

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

/* What each phrase of the query is worth, worked out once a query */
static RankTerms *
rank_terms (const Fts5ExtensionApi *api,
            Fts5Context            *fts)
{
  RankTerms *terms = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0;
  int n_phrases;

  if (terms != NULL)
    return terms;

  n_phrases = api->xPhraseCount (fts);
  if (api->xRowCount (fts, &n_rows) != SQLITE_OK
      || !(terms = sqlite3_malloc64 (sizeof (RankTerms) + sizeof (double) * (sqlite3_uint64) n_phrases)))
    return NULL;
  terms->n_phrases = n_phrases;
  for (int i = 0; i < n_phrases; i++)
    {
      sqlite3_int64 n_hits = 0;

      if (api->xQueryPhrase (fts, i, &n_hits, count_row) != SQLITE_OK)
        {
          sqlite3_free (terms);
          return NULL;
        }
      /* as bm25(): never nothing, so that every word counts */
      terms->idf[i] = MAX (log ((n_rows - n_hits + 0.5) / (n_hits + 0.5)), 1e-6);
    }
  if (api->xSetAuxdata (fts, terms, sqlite3_free) != SQLITE_OK)
    return NULL;   /* xSetAuxdata() freed it */
  return terms;
}

/* kurs_rank (search_index, weight of column 0, weight of column 1, …):
 * smaller is better, as for bm25() */
static void
rank_row (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_args,
          sqlite3_value          **args)
{
  RankTerms *terms = rank_terms (api, fts);
  double few[16] = { 0 };
  g_autofree double *many = NULL;
  double *frequency = few;
  double score = 0;
  int n_found = 0;

  if (terms == NULL || api->xInstCount (fts, &n_found) != SQLITE_OK)
    {
      sqlite3_result_error (context, "the search could not rank its results", -1);
      return;
    }
  if (terms->n_phrases > (int) G_N_ELEMENTS (few))
    frequency = many = g_new0 (double, terms->n_phrases);
  for (int i = 0; i < n_found; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK || phrase >= terms->n_phrases)
        continue;
      frequency[phrase] += column < n_args ? sqlite3_value_double (args[column]) : 1.0;
    }
  for (int p = 0; p < terms->n_phrases; p++)
    score += terms->idf[p] * frequency[p] * (RANK_K1 + 1) / (frequency[p] + RANK_K1);
  sqlite3_result_double (context, -score);
}

/* The same ranking on a server, for the words of @tsquery (bound from ?5
 * on): each word's worth as kurs_rank() has it, from how many rows hold it
 * (worked out once a query), times ts_rank() of the word alone, which
 * counts a word in the title (weight A) eight times one in the texts
 * (weight D, 0.125) and a word found twice for more than once, though
 * less than twice as much */
static char *
server_rank_sql (guint n_words)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    /* (each subquery asked once a query, not for every row) */
    g_string_append_printf (sql,
                            "%s(SELECT GREATEST (ln ((all_rows.n - hits + 0.5) / (hits + 0.5)), 1e-6) "
                            "FROM all_rows, (SELECT count(*)::float8 AS hits FROM search_index "
                            "WHERE words @@ to_tsquery ('simple', ?%u)) holding) "
                            "* ts_rank ('{0.125, 0.2, 0.4, 1.0}', words, to_tsquery ('simple', ?%u))",
                            i > 0 ? " + " : "", i + 5, i + 5);
  return g_string_free (sql, FALSE);
}

/**
 * _kurs_store_add_search_rank:
 * @db: a connection to a library
 *
 * Gives @db the ranking the store's search orders by: kurs_rank().
 *
 * Returns: %FALSE if SQLite has no FTS5
 */
gboolean
_kurs_store_add_search_rank (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api != NULL && api->iVersion >= 2
         && api->xCreateFunction (api, "kurs_rank", NULL, rank_row, NULL) == SQLITE_OK;
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
  g_autofree char *server_sql = NULL;
  g_auto(GStrv) words = NULL;
  gboolean on_server;
  GError *failure = NULL;
  KursDbStmt *stmt;
  KursDbStep rc;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  on_server = kurs_db_is_server (store->db);
  if (!(query = on_server ? kurs_search_tsquery (text) : kurs_search_query (text)))
    return g_steal_pointer (&results);
  if (on_server)
    {
      g_autofree char *rank = NULL;

      words = g_strsplit (query, KURS_SEARCH_TSQUERY_AND, -1);
      rank = server_rank_sql (g_strv_length (words));
      server_sql = g_strdup_printf (SEARCH_SQL_SERVER, rank);
    }

  if (!(stmt = _kurs_store_prepare_statement (store, on_server ? server_sql : SEARCH_SQL, &failure)))
    {
      /* a library of an older Kurs opened read-only has no index yet */
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library cannot be searched: %s"), failure->message);
      g_error_free (failure);
      return NULL;
    }

  kurs_db_bind_text (stmt, 1, query, -1);
  kurs_db_bind_int64 (stmt, 2, strategy_id);
  kurs_db_bind_int64 (stmt, 3, entity);
  kurs_db_bind_int64 (stmt, 4, limit > 0 ? (int) MIN (limit, G_MAXINT) : -1);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    kurs_db_bind_text (stmt, 5 + (int) i, words[i], -1);
  while ((rc = kurs_db_step (stmt)) == KURS_DB_ROW)
    {
      KursSearchResult *result = g_new0 (KursSearchResult, 1);

      result->entity = (KursEntity) kurs_db_column_int64 (stmt, 0);
      result->id = kurs_db_column_int64 (stmt, 1);
      result->strategy_id = kurs_db_column_int64 (stmt, 2);
      result->title = g_strdup (kurs_db_column_text (stmt, 3, NULL));
      result->snippet = g_strdup (kurs_db_column_text (stmt, 4, NULL));
      g_ptr_array_add (results, result);
    }
  kurs_db_reset (stmt);
  kurs_db_clear_bindings (stmt);

  /* An approved version is named by its number and day */
  for (guint i = 0; rc == KURS_DB_DONE && i < results->len; i++)
    {
      KursSearchResult *result = results->pdata[i];
      g_autoptr(KursRecord) version = NULL;

      if (result->entity != KURS_ENTITY_VERSION
          || !(version = kurs_store_get (store, KURS_ENTITY_VERSION, result->id)))
        continue;
      g_free (result->title);
      result->title = kurs_search_name_version (version);
    }

  if (rc != KURS_DB_DONE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                   _("The library cannot be searched: %s"), kurs_db_errmsg (store->db));
      return NULL;
    }

  return g_steal_pointer (&results);
}
