/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-startup"

/* Start-up to the first frame: kurs on the example library against a bare
 * GTK 4 + libadwaita window, the same renderer, alternating in one run.
 * Target: kurs takes at most 1.25 times as long. */

#include "config.h"

#include "kurs-bench-util.h"
#include "kurs-example.h"

#define RUNS 11

static double
time_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *library = g_build_filename (dir, "example.kurs", NULL);
  g_autoptr(GArray) kurs_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  const char *kurs[] = { g_getenv ("KURS"), "--new-instance", "--quit-after-first-frame", "--file", library, NULL };
  const char *bare[] = { g_getenv ("KURS_BARE_WINDOW"), NULL };
  double k, b;

  g_assert_nonnull (kurs[0]);
  g_assert_nonnull (bare[0]);

  {
    g_autoptr(KursStore) store = kurs_store_open (library, KURS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(KursRecord) example = kurs_example_create (store, &error);

    g_assert_no_error (error);
  }

  /* Warm the caches, then alternate */
  time_run (kurs);
  time_run (bare);
  for (guint i = 0; i < RUNS; i++)
    {
      double t = time_run (kurs);
      g_array_append_val (kurs_times, t);
      t = time_run (bare);
      g_array_append_val (bare_times, t);
    }

  k = kurs_bench_median (kurs_times);
  b = kurs_bench_median (bare_times);
  g_print ("bench: startup_kurs_example %.1f ms\n", k);
  g_print ("bench: startup_bare_window %.1f ms\n", b);
  g_print ("bench: startup_ratio %.2f x\n", k / b);
  return 0;
}
