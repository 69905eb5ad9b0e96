/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-server"

/* A team library on a local PostgreSQL server, beside the same library in
 * a .kurs file, in one run (run inside pg_virtualenv: tests/bench/
 * meson.build does):
 *
 * - server_xml_export_20k: exporting the 20,000-item strategy's XML from
 *   the server (target: at most 1 s), and file_xml_export_20k the same
 *   from the file, with their ratio;
 * - 20 kurs-cli processes at once, each making 200 edits, one a run:
 *   server_writers_errors (refused edits) and server_writers_lost
 *   (acknowledged edits not found afterwards), both targets 0, and
 *   server_writers_edits_per_s. */

#include <libpq-fe.h>

#include "kurs-bench-util.h"
#include "kurs-library-copy.h"
#include "kurs-server.h"
#include "kurs-xml-export.h"

#define DATABASE  "kurs_bench"
#define N_WRITERS 20
#define N_EDITS   200
#define RUNS      3

static void
make_database (void)
{
  PGconn *conn = PQconnectdb ("dbname=postgres");
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "DROP DATABASE IF EXISTS " DATABASE);
  PQclear (result);
  result = PQexec (conn, "CREATE DATABASE " DATABASE);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
}

static double
export_seconds (const char *library)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (library, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) strategies = NULL;

  g_assert_no_error (error);
  strategies = kurs_store_list_strategies (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) xml = kurs_xml_export_live (store, strategies->pdata[0], NULL, &error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      g_assert_no_error (error);
      g_assert_nonnull (xml);
      g_array_append_val (times, seconds);
    }
  return kurs_bench_median (times);
}

typedef struct {
  const char *address;
  const char *strategy;
  guint       writer;
  guint       errors;
  guint       acknowledged;
  gboolean    done[N_EDITS];   /* each edit acknowledged */
} Writer;

/* Each writer sets the progress of initiatives of its own, one kurs-cli
 * run an edit */
static gpointer
write_edits (gpointer data)
{
  Writer *writer = data;
  const char *cli = g_getenv ("KURS_CLI");

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", writer->writer * N_EDITS + i + 1);
      g_autofree char *progress = g_strdup_printf ("progress=%u", (writer->writer + i) % 100);
      const char *argv[] = { cli, "--file", writer->address, "set", writer->strategy, "initiative", number, progress,
                             NULL };
      int status = -1;

      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL)
          && g_spawn_check_wait_status (status, NULL))
        {
          writer->acknowledged++;
          writer->done[i] = TRUE;
        }
      else
        writer->errors++;
    }
  return NULL;
}

/* Acknowledged edits the server does not have */
static guint
count_lost (const Writer *writers)
{
  PGconn *conn = PQconnectdb ("dbname=" DATABASE);
  guint lost = 0;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  for (guint w = 0; w < N_WRITERS; w++)
    for (guint i = 0; i < N_EDITS; i++)
      if (writers[w].done[i])
      {
        g_autofree char *id = g_strdup_printf ("%u", w * N_EDITS + i + 1);
        const char *values[] = { id };
        PGresult *result = PQexecParams (conn, "SELECT progress FROM kurs.initiative WHERE id = $1", 1, NULL,
                                         values, NULL, NULL, 0);

        if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1
            || g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10) != (w + i) % 100)
          lost++;
        PQclear (result);
      }
  PQfinish (conn);
  return lost;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *file = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *strategy = NULL;
  const char *address = "postgresql:///" DATABASE;
  g_autoptr(GError) error = NULL;
  KursServerInitResult result;
  static Writer writers[N_WRITERS];
  GThread *threads[N_WRITERS];
  guint errors = 0, acknowledged = 0;
  double file_export, server_export;
  gint64 start;

  if (g_getenv ("PGHOST") == NULL || g_getenv ("KURS_CLI") == NULL)
    g_error ("run inside pg_virtualenv, with KURS_CLI set (meson benchmark does)");

  {
    g_autoptr(KursStore) store = kurs_store_open (file, KURS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(KursRecord) made = NULL;

    g_assert_no_error (error);
    made = kurs_bench_generate_strategy (store, 10000, 10000);
    strategy = kurs_store_get_short_id (store, made);
  }
  make_database ();
  g_assert_true (kurs_server_init (address, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kurs_library_copy (file, address, NULL, NULL, &error));
  g_assert_no_error (error);

  file_export = export_seconds (file);
  server_export = export_seconds (address);
  g_print ("bench: file_xml_export_20k %.3f s\n", file_export);
  g_print ("bench: server_xml_export_20k %.3f s\n", server_export);
  g_print ("bench: server_vs_file_xml_export_ratio %.2f x\n", server_export / file_export);

  start = g_get_monotonic_time ();
  for (guint w = 0; w < N_WRITERS; w++)
    {
      writers[w] = (Writer) { address, strategy, w, 0, 0, { FALSE } };
      threads[w] = g_thread_new ("writer", write_edits, &writers[w]);
    }
  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_thread_join (threads[w]);
      errors += writers[w].errors;
      acknowledged += writers[w].acknowledged;
    }
  g_print ("bench: server_writers_edits_per_s %.1f count\n",
           (errors + acknowledged) / ((g_get_monotonic_time () - start) / 1e6));
  g_print ("bench: server_writers_errors %u count\n", errors);
  g_print ("bench: server_writers_lost %u count\n", count_lost (writers));

  kurs_bench_remove_dir (dir);
  return 0;
}
