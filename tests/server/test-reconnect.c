/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reconnect"

/* A store open on a team library when the server stops (pg_ctlcluster …
 * stop) and starts again: a write while it is away fails with words a
 * person understands and leaves nothing, the store works again once it
 * is back, without being opened again; a watched store (a window's) says
 * it is away, and catches up when it is back.  Run inside pg_virtualenv
 * (tests/meson.build does), whose cluster is "regress". */

#include "config.h"

#include <libpq-fe.h>

#include "kurs-server.h"
#include "kurs-store.h"

#define DATABASE "kurs_reconnect"

static void
run (const char *command)
{
  g_autofree char *line = g_strdup_printf ("pg_ctlcluster %s regress %s",
                                           g_getenv ("PGVERSION") ? g_getenv ("PGVERSION") : "15", command);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static char *
title_on_server (void)
{
  PGconn *conn = PQconnectdb ("dbname=" DATABASE);
  PGresult *result;
  char *title;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT title FROM kurs.strategy");
  g_assert_cmpint (PQntuples (result), ==, 1);
  title = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return title;
}

static void
test_reconnect (void)
{
  const char *address = "postgresql:///" DATABASE;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *title = NULL;
  KursServerInitResult result;
  PGconn *conn = PQconnectdb ("dbname=postgres");

  PQclear (PQexec (conn, "DROP DATABASE IF EXISTS " DATABASE));
  PQclear (PQexec (conn, "CREATE DATABASE " DATABASE));
  PQfinish (conn);
  g_assert_true (kurs_server_init (address, &result, NULL, &error));
  g_assert_no_error (error);

  store = kurs_store_open (address, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  strategy = kurs_store_create_strategy (store, "Boligstrategi", 2024, 2030, "Socialudvalget", &error);
  g_assert_no_error (error);

  /* The server goes away: the write fails, said as such */
  run ("stop -m fast");
  g_assert_false (kurs_store_set_text (store, strategy, "title", "Skrevet mens serveren var væk", &error));
  g_assert_nonnull (error);
  g_test_message ("while away: %s", error->message);
  g_assert_nonnull (strstr (error->message, "connection to the server was lost"));
  g_clear_error (&error);
  /* and the record is as it was */
  g_assert_cmpstr (kurs_record_get_title (strategy), ==, "Boligstrategi");

  /* It is back: the same store writes again */
  run ("start");
  title = title_on_server ();
  g_assert_cmpstr (title, ==, "Boligstrategi");
  g_assert_true (kurs_store_set_text (store, strategy, "title", "Boligstrategi for ældre", &error));
  g_assert_no_error (error);
  g_free (title);
  title = title_on_server ();
  g_assert_cmpstr (title, ==, "Boligstrategi for ældre");
}


static gboolean
quit_when (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @store's connection is as @connected, for at
 * most 20 s */
static gboolean
wait_connected (KursStore *store,
                gboolean   connected)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, quit_when, NULL);

  while (kurs_store_is_connected (store) != connected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return kurs_store_is_connected (store) == connected;
}

static void
title_changed_cb (KursRecord *record,
                  const char *field,
                  guint      *count)
{
  (*count)++;
}

/* A window's store (kurs_store_watch()): it says the connection is lost,
 * refuses writes at once meanwhile, connects again by itself, and takes
 * in what another Kurs wrote while it was away */
static void
test_watched (void)
{
  const char *address = "postgresql:///" DATABASE "_watched";
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(KursStore) other = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) theirs = NULL;
  KursServerInitResult result;
  PGconn *conn = PQconnectdb ("dbname=postgres");
  gint64 start;
  guint changes = 0;

  PQclear (PQexec (conn, "DROP DATABASE IF EXISTS " DATABASE "_watched"));
  PQclear (PQexec (conn, "CREATE DATABASE " DATABASE "_watched"));
  PQfinish (conn);
  g_assert_true (kurs_server_init (address, &result, NULL, &error));
  g_assert_no_error (error);

  store = kurs_store_open (address, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  strategy = kurs_store_create_strategy (store, "Boligstrategi", 2024, 2030, "Socialudvalget", &error);
  g_assert_no_error (error);
  kurs_store_watch (store);
  g_signal_connect (strategy, "changed::title", G_CALLBACK (title_changed_cb), &changes);
  g_assert_true (kurs_store_is_connected (store));

  run ("stop -m fast");
  g_assert_true (wait_connected (store, FALSE));
  start = g_get_monotonic_time ();
  g_assert_false (kurs_store_set_text (store, strategy, "title", "Skrevet mens serveren var væk", &error));
  g_assert_nonnull (strstr (error->message, "connection to the server was lost"));
  g_test_message ("while away: %s", error->message);
  /* refused at once, not after a try to connect */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  g_clear_error (&error);

  /* back: another Kurs writes first */
  run ("start");
  other = kurs_store_open (address, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  theirs = kurs_store_get (other, KURS_ENTITY_STRATEGY, kurs_record_get_id (strategy));
  g_assert_true (kurs_store_set_text (other, theirs, "title", "Boligstrategi 2025", &error));
  g_assert_no_error (error);

  g_assert_true (wait_connected (store, TRUE));
  start = g_get_monotonic_time ();
  while (changes == 0 && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (kurs_record_get_title (strategy), ==, "Boligstrategi 2025");

  /* and writes again, over what it now shows */
  g_assert_true (kurs_store_set_text (store, strategy, "title", "Boligstrategi for ældre", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/reconnect", test_reconnect);
  g_test_add_func ("/server/reconnect/watched", test_watched);
  return g_test_run ();
}
