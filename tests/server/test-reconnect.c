/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reconnect"

/* A store open on a team library when the server stops (pg_ctlcluster …
 * stop) and starts again: a write while it is away fails with words a
 * person understands and leaves nothing, the store works again once it
 * is back, without being opened again.  Run inside pg_virtualenv
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/reconnect", test_reconnect);
  return g_test_run ();
}
