/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-xml"

/* Export and import of a strategy with 20,000 items (10,000 initiatives
 * and 10,000 milestones), target each under 0.5 s; and of one with
 * 100,000 (80,000 initiatives and 20,000 milestones: a municipality's
 * strategies in one team library), target each at most 1.5 s. */

#include "config.h"

#include <malloc.h>

#include "kurs-approval.h"
#include "kurs-bench-util.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"

#define RUNS 5

#define RUNS_100K 3

/* The median of @runs exports of @strategy; the XML kept in @xml */
static double
time_exports (KursStore   *store,
              KursRecord  *strategy,
              guint        runs,
              GBytes     **xml)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  KursXmlVersionInfo info = { 1, "2022-11-29", "Socialudvalget" };

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) out = kurs_xml_export_live (store, strategy, &info, &error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      g_assert_no_error (error);
      g_array_append_val (times, seconds);
      if (*xml == NULL)
        *xml = g_bytes_ref (out);
    }
  return kurs_bench_median (times);
}

/* The median of @runs imports of @xml, each into a new library in @dir */
static double
time_imports (const char *dir,
              const char *name,
              GBytes     *xml,
              guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other_path = g_strdup_printf ("%s/%s-%u.kurs", dir, name, i);
      g_autoptr(KursStore) other = kurs_store_open (other_path, KURS_STORE_OPEN_DEFAULT, &error);
      g_autoptr(KursRecord) imported = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      g_assert_no_error (error);
      imported = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      g_assert_nonnull (imported);
      g_array_append_val (times, seconds);
    }
  return kurs_bench_median (times);
}

/* Memory in use, as malloc counts it (what is freed but kept for reuse
 * is not in use) */
static double
memory_in_use_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / 1e6;
}

/* The import's parts: reading the file (in a thread, in the window; its
 * check against the schema goes on beside the adding, in a thread of its
 * own, whose verdict the adding waits for once all else is added), adding
 * it to the library in steps of 12 ms, as the window adds it — the rows,
 * then the strategy's status and version, then the search index a part (a
 * statement) a step, each at least a step of its own (the longest step is
 * the longest the window waits) — and the end: the rules
 * between fields, checked at once, and the commit; the memory the
 * library keeps once it is done (its rows are read when asked for); and
 * the import undone, made again, and its strategy deleted */
static void
measure_import_parts (const char *dir,
                      GBytes     *xml,
                      const char *size)
{
  g_autofree char *other_path = g_strdup_printf ("%s/import-parts-%s.kurs", dir, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) other = kurs_store_open (other_path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) imported = NULL;
  KursXmlParsed *parsed;
  KursXmlImport *import;
  double longest = 0, adding = 0;
  guint steps = 0;
  gboolean done = FALSE;
  double before = memory_in_use_mb ();
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  parsed = kurs_xml_parsed_new (xml, &error);
  g_assert_no_error (error);
  g_print ("bench: xml_import_%s_read %.3f s\n", size, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  import = kurs_xml_import_begin (other, parsed, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  adding = (g_get_monotonic_time () - start) / 1e3;
  while (!done)
    {
      double ms;

      start = g_get_monotonic_time ();
      done = kurs_xml_import_step (import, 12 * 1000);
      ms = (g_get_monotonic_time () - start) / 1e3;
      longest = MAX (longest, ms);
      adding += ms;
      steps++;
    }
  start = g_get_monotonic_time ();
  imported = kurs_xml_import_end (import, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_print ("bench: xml_import_%s_add %.3f s\n", size, adding / 1e3);
  g_print ("bench: xml_import_%s_add_steps %u count\n", size, steps);
  g_print ("bench: xml_import_%s_add_longest_step %.1f ms\n", size, longest);
  g_print ("bench: xml_import_%s_commit %.1f ms\n", size, (g_get_monotonic_time () - start) / 1000.0);
  g_print ("bench: xml_import_%s_memory_kept %.1f MB\n", size, memory_in_use_mb () - before);

  /* the import undone and made again, and the strategy deleted */
  start = g_get_monotonic_time ();
  g_assert_true (kurs_store_undo (other, &error));
  g_assert_no_error (error);
  g_print ("bench: xml_import_%s_undo %.3f s\n", size, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  g_assert_true (kurs_store_redo (other, &error));
  g_assert_no_error (error);
  g_print ("bench: xml_import_%s_redo %.3f s\n", size, (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  g_assert_true (kurs_store_delete (other, imported, &error));
  g_assert_no_error (error);
  g_print ("bench: strategy_delete_%s %.3f s\n", size, (g_get_monotonic_time () - start) / 1e6);
}

static void
measure_100k (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "library-100k.kurs", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GBytes) xml = NULL;
  double export_seconds, import_seconds;

  g_assert_no_error (error);
  strategy = kurs_bench_generate_strategy (store, 80000, 20000);
  export_seconds = time_exports (store, strategy, RUNS_100K, &xml);
  import_seconds = time_imports (dir, "import-100k", xml, RUNS_100K);
  measure_import_parts (dir, xml, "100k");

  g_print ("bench: xml_size_100k %.1f MB\n", g_bytes_get_size (xml) / 1e6);
  g_print ("bench: xml_export_100k %.3f s\n", export_seconds);
  g_print ("bench: xml_import_100k %.3f s\n", import_seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GBytes) xml = NULL;
  double export_seconds, import_seconds;

  g_assert_no_error (error);
  strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  version = kurs_approval_approve (store, strategy, "2022-11-29", NULL, &error);
  g_assert_no_error (error);

  export_seconds = time_exports (store, strategy, RUNS, &xml);
  import_seconds = time_imports (dir, "import", xml, RUNS);

  measure_import_parts (dir, xml, "20k");

  g_print ("bench: xml_items 20000 items\n");
  g_print ("bench: xml_size %.1f MB\n", g_bytes_get_size (xml) / 1e6);
  g_print ("bench: xml_export_20k %.3f s\n", export_seconds);
  g_print ("bench: xml_import_20k %.3f s\n", import_seconds);

  measure_100k (dir);
  kurs_bench_remove_dir (dir);
  return 0;
}
