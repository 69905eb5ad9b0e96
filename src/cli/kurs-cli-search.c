/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-search.h"

/* kurs-cli search: the library's records that hold every word */

#define SEARCH_LIMIT 200

/* One line a result, in one line whatever the snippet held */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\t\r\n", ' ');
  return line;
}

/* A strategy's short id, looked up once for all its results */
static const char *
short_id_of (KursStore  *store,
             GHashTable *short_ids,
             gint64      strategy_id)
{
  const char *short_id = g_hash_table_lookup (short_ids, &strategy_id);

  if (short_id == NULL)
    {
      g_autoptr(KursRecord) strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, strategy_id);
      char *made = strategy ? kurs_store_get_short_id (store, strategy) : g_strdup ("");

      g_hash_table_insert (short_ids, g_memdup2 (&strategy_id, sizeof strategy_id), made);
      short_id = made;
    }
  return short_id;
}

int
kurs_cli_run_search (KursCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autofree char *strategy_id = NULL;
  g_autofree char *kind = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "strategy", 0, 0, G_OPTION_ARG_STRING, &strategy_id, N_("Only in this strategy"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only records of this kind (goal, initiative…)"), "KIND" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GHashTable) short_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  KursEntity entity = KURS_ENTITY_NONE;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("search", "TEXT… [--strategy ID] [--kind KIND] [--json]", entries, &argc, &argv, 1,
                            G_MAXINT)) >= 0)
    return rc;

  if (kind != NULL)
    {
      const KursEntityInfo *info = kurs_entity_info_by_name (kind);

      if (info == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("There is no kind of record “%s”"), kind);

          return kurs_cli_usage ("search", message);
        }
      entity = info->entity;
    }

  for (int i = 1; i < argc; i++)
    g_string_append_printf (words, "%s%s", i > 1 ? " " : "", argv[i]);

  if (!kurs_cli_open (cli, FALSE, &error)
      || (strategy_id != NULL && !(strategy = kurs_cli_find_strategy (cli, strategy_id, &error))))
    return kurs_cli_fail (error);

  results = kurs_store_search (cli->store, words->str, strategy ? kurs_record_get_id (strategy) : 0, entity,
                               SEARCH_LIMIT, &error);
  if (results == NULL)
    return kurs_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          KursSearchResult *result = results->pdata[i];
          g_autofree char *snippet = kurs_search_mark (result->snippet, "[", "]", FALSE);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "strategy");
          json_builder_add_string_value (builder, short_id_of (cli->store, short_ids, result->strategy_id));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, kurs_entity_info (result->entity)->name);
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, result->id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, result->title ? result->title : "");
          json_builder_set_member_name (builder, "snippet");
          json_builder_add_string_value (builder, snippet);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      kurs_cli_print_json (root);
      return KURS_CLI_EXIT_OK;
    }

  /* STRATEGY<TAB>KIND<TAB>NUMBER<TAB>TITLE<TAB>SNIPPET, the matches in [ ] */
  for (guint i = 0; i < results->len; i++)
    {
      KursSearchResult *result = results->pdata[i];
      g_autofree char *marked = kurs_search_mark (result->snippet, "[", "]", FALSE);
      g_autofree char *title = one_line (result->title);
      g_autofree char *snippet = one_line (marked);

      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\n", short_id_of (cli->store, short_ids, result->strategy_id),
               kurs_entity_info (result->entity)->name, result->id, title, snippet);
    }

  return KURS_CLI_EXIT_OK;
}
