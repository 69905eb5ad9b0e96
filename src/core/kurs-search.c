/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-search.h"

/* Searching a library, what does not depend on where the library is:
 * the query made from what a person typed, the marks of a snippet, the
 * name of an approved version.  The store searches
 * (kurs-store-search.c, kurs_store_search()). */

void
kurs_search_result_free (KursSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result->snippet);
  g_free (result);
}

/* @text's words, letters and digits only (so nothing in them needs
 * escaping), each between @quote and followed by @prefix (what makes it a
 * prefix), @separator between them; %NULL when there is none */
static char *
query_of_words (const char *text,
                const char *quote,
                const char *prefix,
                const char *separator)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

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
          if (query->len > 0)
            g_string_append (query, separator);
          g_string_append_printf (query, "%s%s%s%s", quote, word->str, quote, prefix);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
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
  g_return_val_if_fail (text != NULL, NULL);

  return query_of_words (text, "\"", "*", " ");
}

/**
 * kurs_search_tsquery:
 * @text: what a person typed
 *
 * Returns: (transfer full) (nullable): the same words as
 *   kurs_search_query() gives, as PostgreSQL's tsquery: each a prefix,
 *   all of them required (bolig:* & ældre:*); %NULL when @text has no word
 */
char *
kurs_search_tsquery (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return query_of_words (text, "", ":*", KURS_SEARCH_TSQUERY_AND);
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
