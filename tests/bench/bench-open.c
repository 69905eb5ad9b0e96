/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-open"

/* Opening a library of 100 MB (the example with 850,000 measurements),
 * which checks every page of it: how long it takes, and how long the main
 * loop waits meanwhile — the whole time when the library opens in the
 * main thread, a tick of a 5 ms timer at most when it opens in its own
 * (kurs_store_open_async(), as the window does). */

#include "config.h"

#include <glib/gstdio.h>

#include "kurs-bench-util.h"
#include "kurs-test-util.h"

#define RUNS 5

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.kurs", NULL);
  g_autoptr(GArray) blocking = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) background = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;

  kurs_test_make_large_library (path, 850000);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_READ_ONLY_IF_NEEDED, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_no_error (error);
      g_array_append_val (blocking, ms);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 longest_wait;
      g_autoptr(KursStore) store = kurs_test_open_in_background (path, 5, &longest_wait, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double gap = longest_wait / 1000.0;

      g_assert_no_error (error);
      g_array_append_val (background, ms);
      g_array_append_val (gaps, gap);
    }

  g_print ("bench: open_library_size %.0f MB\n", st.st_size / 1e6);
  g_print ("bench: open_100mb_in_main_thread %.0f ms\n", kurs_bench_median (blocking));
  g_print ("bench: open_100mb_in_background %.0f ms\n", kurs_bench_median (background));
  g_print ("bench: open_100mb_main_loop_longest_wait %.1f ms\n", kurs_bench_percentile (gaps, 1.0));

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
