/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-export"

/* The 20,000-item strategy (10,000 initiatives, 10,000 milestones) as an
 * OpenDocument text — its draft, and its approved version, which is read
 * from the frozen XML first — and as a spreadsheet.  Target: at most 2 s
 * each. */

#include "config.h"

#include <glib/gstdio.h>

#include "kurs-approval.h"
#include "kurs-bench-util.h"
#include "kurs-document-export.h"
#include "kurs-spreadsheet.h"

#define RUNS 3

/* bench-export [RUNS] */

typedef struct {
  gint64   last;
  gint64   longest;
  guint    updates;
  gboolean done;
} ExportWait;

static gboolean
tick_cb (gpointer data)
{
  ExportWait *wait = data;
  gint64 now = g_get_monotonic_time ();

  wait->longest = MAX (wait->longest, now - wait->last);
  wait->last = now;
  return G_SOURCE_CONTINUE;
}

static void
count_progress (double   fraction,
                gpointer data)
{
  ExportWait *wait = data;

  wait->updates++;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  ExportWait *wait = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kurs_document_export_strategy_finish (result, &error));
  g_assert_no_error (error);
  wait->done = TRUE;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *odt = g_build_filename (dir, "strategi.odt", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "handleplaner.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GArray) draft_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) version_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sheet_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : RUNS;
  GStatBuf info;

  g_assert_no_error (error);
  strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  version = kurs_approval_approve (store, strategy, "2022-11-29", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < MAX (runs, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      g_assert_true (kurs_document_export_strategy (store, strategy, KURS_DOCUMENT_DRAFT, odt, &error));
      g_assert_no_error (error);
      seconds = seconds_since (start);
      g_array_append_val (draft_times, seconds);

      start = g_get_monotonic_time ();
      g_assert_true (kurs_document_export_strategy (store, strategy, KURS_DOCUMENT_LATEST_VERSION, odt, &error));
      g_assert_no_error (error);
      seconds = seconds_since (start);
      g_array_append_val (version_times, seconds);

      start = g_get_monotonic_time ();
      g_assert_true (kurs_spreadsheet_write (store, strategy, xlsx, &error));
      g_assert_no_error (error);
      seconds = seconds_since (start);
      g_array_append_val (sheet_times, seconds);
    }

  g_print ("bench: export_items 20000 items\n");
  g_print ("bench: export_odt_20k %.3f s\n", kurs_bench_median (draft_times));
  g_print ("bench: export_odt_version_20k %.3f s\n", kurs_bench_median (version_times));
  g_assert_cmpint (g_stat (odt, &info), ==, 0);
  g_print ("bench: export_odt_size %.1f MB\n", info.st_size / 1e6);
  g_print ("bench: export_xlsx_20k %.3f s\n", kurs_bench_median (sheet_times));
  g_assert_cmpint (g_stat (xlsx, &info), ==, 0);
  g_print ("bench: export_xlsx_size %.1f MB\n", info.st_size / 1e6);

  /* In the background, as the window exports: the main loop's longest
   * wait meanwhile, and how often it hears how far it is */
  {
    ExportWait wait = { 0 };
    GSource *tick = g_timeout_source_new (5);

    g_source_set_callback (tick, tick_cb, &wait, NULL);
    g_source_attach (tick, NULL);
    wait.last = g_get_monotonic_time ();
    kurs_document_export_strategy_async (path, strategy, KURS_DOCUMENT_DRAFT, KURS_CALENDAR_ALL, odt, count_progress,
                                         &wait, NULL, NULL, exported_cb, &wait);
    while (!wait.done)
      g_main_context_iteration (NULL, TRUE);
    g_source_destroy (tick);
    g_source_unref (tick);
    g_print ("bench: export_odt_20k_main_loop_longest_wait %.1f ms\n", wait.longest / 1000.0);
    g_print ("bench: export_odt_20k_progress_updates %u count\n", wait.updates);
  }

  /* what it made goes: a library of 20,000 items and its documents */
  g_clear_object (&store);
  kurs_bench_remove_dir (dir);

  return 0;
}
