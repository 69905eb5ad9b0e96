/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-together"

/* Working together, issue 22's targets:
 *
 *   together_draw_p50_file, _p95_file   from another process's commit of a
 *                            title to the frame in which this window shows
 *                            it, over 200 edits a 50–100 ms apart: the
 *                            real store's watch (a file monitor on the
 *                            write-ahead log, PRAGMA data_version), its
 *                            catch-up, the record's signal, a label and
 *                            GTK's frame (target p95 ≤ 200 ms)
 *   together_draw_p50_server, _p95_server  the same on a local PostgreSQL
 *                            server (LISTEN/NOTIFY), with --server (inside
 *                            pg_virtualenv)
 *   history_open_100000      a strategy's History page over 100,000
 *                            actions: from making the page to the frame
 *                            that shows its first cards (target 200 ms)
 *
 * The writer is a process of its own, forked before GTK starts; both read
 * CLOCK_MONOTONIC, the same clock for every process on the machine. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib-unix.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "kurs-bench-util.h"
#include "kurs-history-page.h"
#include "kurs-resources.h"
#include "kurs-server.h"

#define N_EDITS 200
#define N_HISTORY 100000
#define RUNS 5

/* The writer: waits for the word, then commits N_EDITS titles, saying the
 * moment each committed */
static void
write_edits (const char *library,
             gint64      strategy_id,
             int         go_fd,
             int         said_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  char byte;

  if (read (go_fd, &byte, 1) != 1)
    _exit (2);
  store = kurs_store_open (library, KURS_STORE_OPEN_WAIT, &error);
  if (store == NULL || !(strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, strategy_id)))
    _exit (3);
  for (int i = 0; i < N_EDITS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Redigering %d", i);
      char line[64];
      int length;

      g_usleep (50000 + g_random_int_range (0, 50000));
      if (!kurs_store_set_text (store, strategy, "title", title, &error))
        _exit (4);
      length = g_snprintf (line, sizeof line, "%d %" G_GINT64_FORMAT "\n", i, g_get_monotonic_time ());
      if (write (said_fd, line, length) != length)
        _exit (5);
    }
  _exit (0);
}

typedef struct {
  GMainLoop *loop;
  GtkWidget *label;
  gint64     committed[N_EDITS];
  gint64     drawn[N_EDITS];
  int        shown;          /* the edit the label shows, -1 */
  gboolean   painting;       /* the label changed since the last frame */
  guint      n_done;
  GString   *said;
  KursRecord *strategy;
} Watch;

static void
title_changed_cb (KursRecord *strategy,
                  const char *field,
                  Watch      *watch)
{
  const char *title = kurs_record_get_title (strategy);
  int i;

  gtk_label_set_text (GTK_LABEL (watch->label), title);
  if (sscanf (title, "Redigering %d", &i) == 1 && i >= 0 && i < N_EDITS)
    {
      watch->shown = i;
      watch->painting = TRUE;
    }
}

static void
check_done (Watch *watch)
{
  guint done = 0;

  for (int i = 0; i < N_EDITS; i++)
    if (watch->committed[i] != 0 && watch->drawn[i] != 0)
      done++;
  watch->n_done = done;
  /* the last edit drawn: the run is over (one drawn over by the next
   * before its frame has no frame of its own, and is not counted) */
  if (watch->committed[N_EDITS - 1] != 0 && watch->drawn[N_EDITS - 1] != 0)
    g_main_loop_quit (watch->loop);
}

static void
painted_cb (GdkFrameClock *clock,
            Watch         *watch)
{
  if (!watch->painting || watch->shown < 0)
    return;
  watch->painting = FALSE;
  if (watch->drawn[watch->shown] == 0)
    watch->drawn[watch->shown] = g_get_monotonic_time ();
  check_done (watch);
}

static gboolean
said_cb (int           fd,
         GIOCondition  condition,
         gpointer      data)
{
  Watch *watch = data;
  char buffer[4096];
  ssize_t n = read (fd, buffer, sizeof buffer);
  char *end;

  if (n <= 0)
    return G_SOURCE_REMOVE;
  g_string_append_len (watch->said, buffer, n);
  while ((end = strchr (watch->said->str, '\n')) != NULL)
    {
      int i;
      gint64 time;

      *end = '\0';
      if (sscanf (watch->said->str, "%d %" G_GINT64_FORMAT, &i, &time) == 2 && i >= 0 && i < N_EDITS)
        watch->committed[i] = time;
      g_string_erase (watch->said, 0, end - watch->said->str + 1);
    }
  check_done (watch);
  return G_SOURCE_CONTINUE;
}

/* The writer, started before GTK: a process of its own, waiting for the
 * word on its pipe */
typedef struct {
  gint64 strategy_id;
  pid_t  pid;
  int    go;                 /* written to start it */
  int    said;               /* its commits, "N TIME" a line */
} Writer;

static void
start_writer (const char *library,
              Writer     *writer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (library, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  int go[2], said[2];

  g_assert_no_error (error);
  strategy = kurs_store_create_strategy (store, "Strategi for udsatte borgere", 2022, 2029, NULL, &error);
  g_assert_no_error (error);
  writer->strategy_id = kurs_record_get_id (strategy);
  kurs_store_close (store);

  g_assert_cmpint (pipe (go), ==, 0);
  g_assert_cmpint (pipe (said), ==, 0);
  writer->pid = fork ();
  g_assert_cmpint (writer->pid, >=, 0);
  if (writer->pid == 0)
    {
      close (go[1]);
      close (said[0]);
      write_edits (library, writer->strategy_id, go[0], said[1]);
    }
  close (go[0]);
  close (said[1]);
  writer->go = go[1];
  writer->said = said[0];
}

static void
measure_drawing (const char *library,
                 Writer     *writer,
                 const char *engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (library, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  Watch watch = { 0 };
  guint said_source;
  GtkWidget *window;
  int status;

  g_assert_no_error (error);
  strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, writer->strategy_id);
  g_assert_nonnull (strategy);

  watch.loop = g_main_loop_new (NULL, FALSE);
  watch.said = g_string_new (NULL);
  watch.shown = -1;
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 200);
  watch.label = gtk_label_new (kurs_record_get_title (strategy));
  gtk_window_set_child (GTK_WINDOW (window), watch.label);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (strategy, "changed::title", G_CALLBACK (title_changed_cb), &watch);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (painted_cb), &watch);
  said_source = g_unix_fd_add (writer->said, G_IO_IN | G_IO_HUP, said_cb, &watch);
  kurs_store_watch (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (write (writer->go, "x", 1), ==, 1);
  g_main_loop_run (watch.loop);

  g_assert_cmpint (waitpid (writer->pid, &status, 0), ==, writer->pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  for (int i = 0; i < N_EDITS; i++)
    if (watch.committed[i] != 0 && watch.drawn[i] != 0)
      {
        double ms = (watch.drawn[i] - watch.committed[i]) / 1000.0;

        g_array_append_val (latencies, ms);
      }
  g_print ("bench: together_draw_p50_%s %.1f ms\n", engine, kurs_bench_percentile (latencies, 0.5));
  g_print ("bench: together_draw_p95_%s %.1f ms\n", engine, kurs_bench_percentile (latencies, 0.95));
  g_print ("bench: together_edits_drawn_%s %u of %d\n", engine, latencies->len, N_EDITS);

  g_source_remove (said_source);
  close (writer->said);
  close (writer->go);
  g_signal_handlers_disconnect_by_data (strategy, &watch);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), painted_cb, &watch);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_string_free (watch.said, TRUE);
  g_main_loop_unref (watch.loop);
}

/* A strategy with N_HISTORY actions of one change each, written straight
 * into the file (what a long life of edits leaves) */
static KursRecord *
make_long_history (KursStore  *store,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  KursRecord *strategy = kurs_store_create_strategy (store, "Strategi med lang historik", 2022, 2029, NULL, &error);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO history_action (strategy_id, made_at, person, session_id, label, kind, n_changes) "
    "SELECT %" G_GINT64_FORMAT ", strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-' || (%d - i) || ' minutes'), "
    "CASE i %% 3 WHEN 0 THEN 'Anna Jensen' WHEN 1 THEN 'Bo Nielsen' ELSE 'Cecilie Dam' END, 'x', "
    "'Title of “Mål ' || i || '”', CASE WHEN i %% 500 = 0 THEN 'decision' ELSE 'edit' END, 1 FROM n;"
    "INSERT INTO history_change (action_id, entity, row_id, row_name, kind, field, old_value, new_value) "
    "SELECT id, 'goal', id, 'Mål ' || id, 'set', 'title', 'Mål ' || id, 'Mål ' || id || ' (ændret)' "
    "FROM history_action WHERE strategy_id = %" G_GINT64_FORMAT ";"
    "COMMIT;",
    N_HISTORY, kurs_record_get_id (strategy), N_HISTORY, kurs_record_get_id (strategy));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
  return strategy;
}

typedef struct {
  GMainLoop *loop;
  GtkWidget *page;
  gint64     drawn;
} PageWatch;

static gboolean
has_card (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "change-card"))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_card (child))
      return TRUE;
  return FALSE;
}

static void
page_painted_cb (GdkFrameClock *clock,
                 PageWatch     *watch)
{
  if (watch->drawn == 0 && has_card (watch->page))
    {
      watch->drawn = g_get_monotonic_time ();
      g_main_loop_quit (watch->loop);
    }
}

static void
measure_history (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_no_error (error);
  strategy = make_long_history (store, path);

  for (guint run = 0; run < RUNS + 1; run++)
    {
      g_autoptr(KursStore) fresh = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
      g_autoptr(KursRecord) seen = kurs_store_get (fresh, KURS_ENTITY_STRATEGY, kurs_record_get_id (strategy));
      PageWatch watch = { 0 };
      GtkWidget *window = gtk_window_new ();
      gint64 start;
      double ms;

      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
      gtk_window_present (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      watch.loop = g_main_loop_new (NULL, FALSE);
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (page_painted_cb), &watch);

      start = g_get_monotonic_time ();
      watch.page = g_object_new (KURS_TYPE_HISTORY_PAGE, "store", fresh, "strategy", seen, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (kurs_history_page_get_model (KURS_HISTORY_PAGE (watch.page))), ==,
                        N_HISTORY + 1);
      gtk_window_set_child (GTK_WINDOW (window), watch.page);
      g_main_loop_run (watch.loop);
      ms = (watch.drawn - start) / 1000.0;

      g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), page_painted_cb, &watch);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_main_loop_unref (watch.loop);
      /* the first pays for GTK's own start */
      if (run > 0)
        g_array_append_val (times, ms);
    }
  g_print ("bench: history_open_%d %.1f ms\n", N_HISTORY, kurs_bench_median (times));
}

/* A library of its own on the local server (inside pg_virtualenv) */
static char *
make_server_library (void)
{
  g_autoptr(GError) error = NULL;
  KursServerInitResult result;
  PGconn *conn = PQconnectdb ("dbname=postgres");
  PGresult *done;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  PQclear (PQexec (conn, "DROP DATABASE IF EXISTS kurs_bench_together"));
  done = PQexec (conn, "CREATE DATABASE kurs_bench_together");
  g_assert_cmpint (PQresultStatus (done), ==, PGRES_COMMAND_OK);
  PQclear (done);
  PQfinish (conn);
  g_assert_true (kurs_server_init ("postgresql:///kurs_bench_together", &result, NULL, &error));
  g_assert_no_error (error);
  return g_strdup ("postgresql:///kurs_bench_together");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *history_path = g_build_filename (dir, "history.kurs", NULL);
  gboolean server = argc > 1 && g_str_equal (argv[1], "--server");
  g_autofree char *library = server ? make_server_library () : g_strdup (path);
  Writer writer = { 0 };

  /* the writer is forked before GTK starts */
  start_writer (library, &writer);

  gtk_init ();
  adw_init ();
  kurs_register_resource ();

  measure_drawing (library, &writer, server ? "server" : "file");
  if (!server)
    measure_history (history_path);

  kurs_bench_remove_dir (dir);
  return 0;
}
