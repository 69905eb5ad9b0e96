/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-passwords"

/* A team library's password in a real keyring: gnome-keyring-daemon,
 * started here on the test's own session bus with a new login keyring,
 * unlocked.  What the window keeps (kurs_server_passwords_store()) is
 * found again by the next Kurs (kurs_server_passwords_recall_async()),
 * under the server's address only, and never written where it can be read. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "kurs-server-passwords.h"
#include "kurs-server.h"
#include "kurs-test-util.h"

#define ADDRESS "postgresql://db.ballerup.dk/strategi?user=anna"
#define OTHER "postgresql://db.ballerup.dk/klima?user=anna"
#define PASSWORD "Æblegrød-7-hemmelig"

static GSubprocess *daemon_process;

static void
start_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = g_bytes_new_static ("keyring-pw", strlen ("keyring-pw"));
  GOutputStream *in;

  daemon_process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                     "gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets",
                                     NULL);
  g_assert_no_error (error);
  /* the login keyring's password on its standard input, then its end */
  in = g_subprocess_get_stdin_pipe (daemon_process);
  g_output_stream_write_bytes (in, input, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, &error);
  g_assert_no_error (error);
}

static void
stop_keyring (void)
{
  g_subprocess_force_exit (daemon_process);
  g_subprocess_wait (daemon_process, NULL, NULL);
  g_clear_object (&daemon_process);
}

/* The keyring holds the address's password, once it has been stored */
static char *
wait_for_stored (const char *address)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *found = NULL;

  while (found == NULL && g_get_monotonic_time () < end)
    {
      g_autoptr(GError) error = NULL;
      static const SecretSchema schema = {
        "dk.kurs.Kurs.ServerPassword", SECRET_SCHEMA_NONE,
        { { "address", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
      };

      while (g_main_context_iteration (NULL, FALSE))
        ;
      found = secret_password_lookup_sync (&schema, NULL, &error, "address", address, NULL);
      if (found == NULL)
        g_usleep (100000);
    }
  return found;
}

static void
recalled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static void
recall (const char *address)
{
  gboolean done = FALSE;

  kurs_server_passwords_recall_async (address, recalled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL)
         && g_strstr_len (contents, length, text) != NULL;
}

/* Every file under @dir, none holding @text */
static void
assert_nowhere (const char *dir,
                const char *text)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_nowhere (path, text);
      else
        g_assert_false (file_holds (path, text));
    }
}

static void
test_keyring (void)
{
  g_autofree char *stored = NULL;

  start_keyring ();

  kurs_server_passwords_store (ADDRESS, PASSWORD);
  g_assert_true (kurs_server_has_password (ADDRESS));
  stored = wait_for_stored (ADDRESS);
  g_assert_cmpstr (stored, ==, PASSWORD);

  /* the next Kurs: nothing in the process, found in the keyring */
  kurs_server_set_password (ADDRESS, NULL);
  g_assert_false (kurs_server_has_password (ADDRESS));
  recall (ADDRESS);
  g_assert_true (kurs_server_has_password (ADDRESS));

  /* another library's address has none */
  recall (OTHER);
  g_assert_false (kurs_server_has_password (OTHER));

  /* the keyring keeps it encrypted: not in any file of the home folder */
  assert_nowhere (g_get_home_dir (), PASSWORD);
  assert_nowhere (g_get_user_data_dir (), PASSWORD);
  assert_nowhere (g_get_user_config_dir (), PASSWORD);

  /* (libsecret's connection to the service, which it keeps, and the bus's
   * messages still on their way to this thread) */
  secret_service_disconnect ();
  stop_keyring ();
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/passwords/keyring", test_keyring);
  return g_test_run ();
}
