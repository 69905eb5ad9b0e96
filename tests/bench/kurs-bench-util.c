/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-bench"

#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "kurs-bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The sample below which a fraction @p of them lie (sorts @samples) */
double
kurs_bench_percentile (GArray *samples,
                       double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN ((guint) (p * samples->len), samples->len - 1));
}

double
kurs_bench_median (GArray *samples)
{
  return kurs_bench_percentile (samples, 0.5);
}

char *
kurs_bench_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kurs-bench-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * kurs_bench_remove_dir:
 *
 * Removes a folder kurs_bench_make_dir() made, and the files in it: a
 * benchmark's libraries are large.
 */
void
kurs_bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) made = g_dir_open (dir, 0, NULL);
  const char *name;

  while (made != NULL && (name = g_dir_read_name (made)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static char *
iso (KursDate date)
{
  return kurs_date_to_iso (date);
}

/* A strategy of 2022–2029 with many initiatives (spread over four action
 * plans, each serving a goal) and many milestones (every kind, dates over
 * the period, some recurring), as one action. */
KursRecord *
kurs_bench_generate_strategy (KursStore *store,
                              guint      n_initiatives,
                              guint      n_milestones)
{
  static const char * const statuses[] = { "not-started", "on-track", "at-risk", "delayed", "done" };
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  gint64 plans[4], goals[8];
  KursDate start = kurs_date_from_ymd (2022, 1, 1);
  GRand *rand = g_rand_new_with_seed (2029);

  g_assert_true (kurs_store_begin (store, "Generate", &error));
  /* indexed for search in one go as the action commits, as an import is */
  kurs_store_defer_search_index (store);
  strategy = kurs_store_create_strategy (store, "Genereret strategi med mange indsatser",
                                         2022, 2029, "Socialudvalget", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      g_autofree char *title = g_strdup_printf ("Udviklingsmål %u", i + 1);
      g_autoptr(KursRecord) goal = kurs_store_create (store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), &error,
                                                      "title", g_variant_new_string (title), NULL);
      goals[i] = kurs_record_get_id (goal);
    }

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *title = g_strdup_printf ("Handleplan %u", 2023 + 2 * i);
      g_autofree char *from = iso (kurs_date_from_ymd (2023 + 2 * i, 1, 1));
      g_autofree char *to = iso (kurs_date_from_ymd (MIN (2024 + 2 * i, 2029), 12, 31));
      g_autoptr(KursRecord) plan = kurs_store_create (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy), &error,
                                                      "title", g_variant_new_string (title),
                                                      "start_date", g_variant_new_string (from),
                                                      "end_date", g_variant_new_string (to), NULL);
      plans[i] = kurs_record_get_id (plan);
    }

  for (guint i = 0; i < n_initiatives; i++)
    {
      guint p = i % 4;
      KursDate from = kurs_date_from_ymd (2023 + 2 * p, 1, 1) + g_rand_int_range (rand, 0, 600);
      KursDate to = from + g_rand_int_range (rand, 14, 300);
      g_autofree char *title = g_strdup_printf ("Indsats %u: bedre overgange for borgeren", i + 1);
      g_autofree char *a = iso (from);
      g_autofree char *b = iso (to);
      g_autoptr(KursRecord) initiative = NULL;
      g_autoptr(KursRecord) link = NULL;

      initiative = kurs_store_create (store, KURS_ENTITY_INITIATIVE, plans[p], &error,
                                      "title", g_variant_new_string (title),
                                      "owner", g_variant_new_string ("Center for Voksne og Sundhed"),
                                      "start_date", g_variant_new_string (a),
                                      "end_date", g_variant_new_string (b),
                                      "status", g_variant_new_string (statuses[i % 5]),
                                      "progress", g_variant_new_int64 (i % 101), NULL);
      link = kurs_store_create (store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                                "goal_id", g_variant_new_int64 (goals[i % 8]), NULL);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_milestones; i++)
    {
      const char *kind = kurs_milestone_kind_enum.values[i % kurs_milestone_kind_enum.n_values].nick;
      KursDate day = start + g_rand_int_range (rand, 0, 8 * 365);
      g_autofree char *title = g_strdup_printf ("Milepæl %u", i + 1);
      g_autofree char *date = iso (day);
      g_autoptr(KursRecord) milestone = NULL;

      milestone = kurs_store_create (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), &error,
                                     "kind", g_variant_new_string (kind),
                                     "title", g_variant_new_string (title),
                                     "start_date", g_variant_new_string (date),
                                     "committee", g_variant_new_string ("Socialudvalget"),
                                     "held", g_variant_new_boolean (day < kurs_date_from_ymd (2024, 1, 1)), NULL);
      g_assert_no_error (error);
    }

  g_assert_true (kurs_store_commit (store, &error));
  g_assert_no_error (error);
  g_rand_free (rand);

  return g_steal_pointer (&strategy);
}

/**
 * kurs_bench_copy_without_search_index:
 *
 * Copies the library @from to @to, and takes the search index's
 * triggers out of the copy: the same library, whose edits do not write
 * the index (what the index costs is the difference)
 */
void
kurs_bench_copy_without_search_index (const char *from,
                                      const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) copy = g_file_new_for_path (to);
  g_autoptr(GString) drop = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (to, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE 'search_%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (drop, "DROP TRIGGER %s;", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (drop->len, >, 0);
  g_assert_cmpint (sqlite3_exec (db, drop->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
