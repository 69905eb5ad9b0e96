/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-search"

/* Searching the 20,000-item library (10,000 initiatives, 10,000
 * milestones): a query of one to three words to its results, p50 and p95
 * over 200 queries (target: p95 at most 30 ms), and the same on the
 * 100,000-item library (80,000 initiatives, 20,000 milestones:
 * search_query_p95_100000); and what the index adds
 * to an edit, against the same edits, taking turns, on a copy without it
 * (target: at most 10 %): an edit of a text it holds, and of a field it
 * does not.
 *
 * With --server (inside pg_virtualenv): the same queries on the 20,000-item
 * library copied to a local PostgreSQL server (search_query_p50_server,
 * search_query_p95_server). */

#include "config.h"

#include <glib/gstdio.h>

#include "kurs-bench-util.h"
#include "kurs-library-copy.h"
#include "kurs-search.h"
#include "kurs-server.h"

#define N_QUERIES 200
#define N_EDITS   300

static const char * const words[] = {
  "indsats", "bedre", "overgange", "borgeren", "milepæl", "center", "voksne", "sundhed",
  "udviklingsmål", "handleplan", "socialudvalget", "bor", "over", "ind", "mil", "17", "2023",
};

/* One edit of an initiative's title (a text the index holds), or of its
 * progress (which it does not), one action: how long it took */
static double
edit_ms (KursStore  *store,
         GPtrArray  *initiatives,
         guint       i,
         gboolean    text)
{
  g_autofree char *title = g_strdup_printf ("Indsats %u: nye veje til bolig og job", i);
  KursRecord *initiative = initiatives->pdata[(i * 37) % initiatives->len];
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (text)
    g_assert_true (kurs_store_set_text (store, initiative, "title", title, &error));
  else
    g_assert_true (kurs_store_set (store, initiative, "progress",
                                   g_variant_new_int64 ((kurs_record_get_int (initiative, "progress") + 1) % 100),
                                   &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* N_QUERIES queries of one to three words, each timed into @times:
 * how many results they found */
static guint
time_queries (KursStore *store,
              GRand     *rand,
              GArray    *times)
{
  guint n_results = 0;

  for (guint i = 0; i < N_QUERIES; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      guint n_words = 1 + g_rand_int_range (rand, 0, 3);
      gint64 start;
      double ms;

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      start = g_get_monotonic_time ();
      results = kurs_store_search (store, text->str, 0, KURS_ENTITY_NONE, 100, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_results += results->len;
      g_array_append_val (times, ms);
    }
  return n_results;
}

/* --server: the 20,000-item library's queries on a local server */
static int
run_server (void)
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  const char *address = "postgresql:///kurs_bench_search";
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  KursServerInitResult result;
  guint n_results;

  {
    g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(KursRecord) strategy = NULL;

    g_assert_no_error (error);
    strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  }
  g_assert_true (g_spawn_command_line_sync ("dropdb --if-exists kurs_bench_search", NULL, NULL, NULL, NULL));
  g_assert_true (g_spawn_command_line_sync ("createdb kurs_bench_search", NULL, NULL, NULL, &error));
  if (!kurs_server_init (address, &result, NULL, &error) || !kurs_library_copy (path, address, NULL, NULL, &error))
    g_error ("setting up the server: %s", error->message);

  {
    g_autoptr(KursStore) server = kurs_store_open (address, KURS_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    n_results = time_queries (server, rand, times);
  }
  g_print ("bench: search_query_p50_server %.2f ms\n", kurs_bench_percentile (times, 0.50));
  g_print ("bench: search_query_p95_server %.2f ms\n", kurs_bench_percentile (times, 0.95));
  g_print ("bench: search_results_per_query_server %.0f count\n", (double) n_results / N_QUERIES);
  kurs_bench_remove_dir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "without-index.kurs", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_results = 0;
  double with_index, without_index;

  if (argc > 1 && g_str_equal (argv[1], "--server"))
    {
      kurs_bench_remove_dir (dir);
      return run_server ();
    }
  g_assert_no_error (error);
  strategy = kurs_bench_generate_strategy (store, 10000, 10000);

  n_results = time_queries (store, rand, times);
  g_print ("bench: search_items 20000 count\n");
  g_print ("bench: search_query_p50 %.2f ms\n", kurs_bench_percentile (times, 0.50));
  g_print ("bench: search_query_p95 %.2f ms\n", kurs_bench_percentile (times, 0.95));
  g_print ("bench: search_results_per_query %.0f count\n", (double) n_results / N_QUERIES);

  /* The library of 100,000 items, searched the same way */
  {
    g_autofree char *large_path = g_build_filename (dir, "large.kurs", NULL);
    g_autoptr(KursStore) large = kurs_store_open (large_path, KURS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(KursRecord) large_strategy = NULL;
    g_autoptr(GArray) large_times = g_array_new (FALSE, FALSE, sizeof (double));

    g_assert_no_error (error);
    large_strategy = kurs_bench_generate_strategy (large, 80000, 20000);
    n_results = time_queries (large, rand, large_times);
    g_print ("bench: search_query_p50_100000 %.2f ms\n", kurs_bench_percentile (large_times, 0.50));
    g_print ("bench: search_query_p95_100000 %.2f ms\n", kurs_bench_percentile (large_times, 0.95));
    g_print ("bench: search_results_per_query_100000 %.0f count\n", (double) n_results / N_QUERIES);
  }

  /* The same edits, taking turns, on the library and on a copy of it
   * without the index's triggers */
  kurs_store_close (store);
  {
    g_autoptr(KursStore) indexed = NULL;
    g_autoptr(KursStore) bare = NULL;
    g_autoptr(GPtrArray) indexed_initiatives = NULL;
    g_autoptr(GPtrArray) bare_initiatives = NULL;
    g_autoptr(GArray) indexed_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) indexed_other = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) bare_other = g_array_new (FALSE, FALSE, sizeof (double));

    kurs_bench_copy_without_search_index (path, bare_path);
    indexed = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    bare = kurs_store_open (bare_path, KURS_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    indexed_initiatives = kurs_store_list_by_strategy (indexed, KURS_ENTITY_INITIATIVE,
                                                       kurs_record_get_id (strategy), NULL);
    bare_initiatives = kurs_store_list_by_strategy (bare, KURS_ENTITY_INITIATIVE, kurs_record_get_id (strategy), NULL);
    /* each goes first in every other turn: what one edit leaves to the
     * disk to do does not weigh on the same library's edits each time */
    for (guint i = 0; i < N_EDITS; i++)
      for (guint turn = 0; turn < 2; turn++)
        {
          gboolean first = (i + turn) % 2 == 0;
          double ms;

          if (first)
            {
              ms = edit_ms (indexed, indexed_initiatives, i, TRUE);
              g_array_append_val (indexed_times, ms);
              ms = edit_ms (indexed, indexed_initiatives, i, FALSE);
              g_array_append_val (indexed_other, ms);
            }
          else
            {
              ms = edit_ms (bare, bare_initiatives, i, TRUE);
              g_array_append_val (bare_times, ms);
              ms = edit_ms (bare, bare_initiatives, i, FALSE);
              g_array_append_val (bare_other, ms);
            }
        }
    with_index = kurs_bench_median (indexed_times);
    without_index = kurs_bench_median (bare_times);
    g_print ("bench: search_index_edit_overhead_not_text %.1f %%\n",
             100.0 * (kurs_bench_median (indexed_other) - kurs_bench_median (bare_other)) / kurs_bench_median (bare_other));
  }
  g_print ("bench: search_text_edit_with_index %.3f ms\n", with_index);
  g_print ("bench: search_text_edit_without_index %.3f ms\n", without_index);
  g_print ("bench: search_index_edit_overhead_text %.1f %%\n", 100.0 * (with_index - without_index) / without_index);
  kurs_bench_remove_dir (dir);
  return 0;
}
