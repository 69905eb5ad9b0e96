/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

/* Around the words a snippet matched: characters no text in a library can
 * hold (the store refuses control characters), for a caller to turn into
 * its own marks */
#define KURS_SEARCH_MARK_START "\x02"
#define KURS_SEARCH_MARK_END   "\x03"

/* Between the words of kurs_search_tsquery(): every one required */
#define KURS_SEARCH_TSQUERY_AND " & "

typedef struct {
  KursEntity  entity;
  gint64      id;
  gint64      strategy_id;
  char       *title;
  char       *snippet;    /* the matching words between the marks above */
} KursSearchResult;

void       kurs_search_result_free (KursSearchResult *result);
char      *kurs_search_query       (const char       *text);
char      *kurs_search_tsquery     (const char       *text);
GPtrArray *kurs_store_search       (KursStore        *store,
                                    const char       *text,
                                    gint64            strategy_id,
                                    KursEntity        entity,
                                    guint             limit,
                                    GError          **error);
char      *kurs_search_name_version (KursRecord      *version);
char      *kurs_search_mark        (const char       *snippet,
                                    const char       *start,
                                    const char       *end,
                                    gboolean          escape_markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursSearchResult, kurs_search_result_free)

G_END_DECLS
