/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "kurs-server.h"
#include "kurs-server-passwords.h"

/* A team library's password, kept in the desktop's keyring (the Secret
 * Service, through libsecret) under the server's address, and given to
 * this process's connections (kurs_server_set_password()): never in an
 * address, a command line, a setting or a log. */

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "dk.kurs.Kurs.ServerPassword", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* without a keyring the password still serves until Kurs quits */
  if (!secret_password_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

/**
 * kurs_server_passwords_store:
 * @address: a server's address, without a password
 * @password: the password the person typed
 *
 * Gives this process's connections to @address the password, and keeps
 * it in the desktop's keyring for the next time.
 */
void
kurs_server_passwords_store (const char *address,
                             const char *password)
{
  g_autofree char *label = NULL;

  g_return_if_fail (address != NULL && password != NULL);

  kurs_server_set_password (address, password);
  /* Translators: the keyring's name for the password; %s is the server's address */
  label = g_strdup_printf (_("Kurs team library %s"), address);
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, stored_cb, NULL,
                         "address", address, NULL);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (password != NULL)
    {
      kurs_server_set_password (g_task_get_task_data (task), password);
      secret_password_free (password);
    }
  g_task_return_boolean (task, password != NULL);
}

/**
 * kurs_server_passwords_recall_async:
 * @address: a server's address
 *
 * Gives this process's connections to @address the password the keyring
 * keeps for it, if it keeps one, without holding up the main loop while
 * the keyring answers (or asks to be unlocked).  @callback is called
 * either way.
 */
void
kurs_server_passwords_recall_async (const char          *address,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (address != NULL);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_task_data (task, g_strdup (address), g_free);
  secret_password_lookup (password_schema (), NULL, looked_up_cb, task, "address", address, NULL);
}

/**
 * kurs_server_passwords_recall_sync:
 * @address: a server's address
 *
 * kurs_server_passwords_recall_async(), waiting for the keyring: for
 * GNOME Shell's search provider, a process of its own that has nothing
 * else to do meanwhile.
 *
 * Returns: whether the keyring kept a password for @address
 */
gboolean
kurs_server_passwords_recall_sync (const char *address)
{
  g_autoptr(GError) error = NULL;
  char *password;

  g_return_val_if_fail (address != NULL, FALSE);

  password = secret_password_lookup_sync (password_schema (), NULL, &error, "address", address, NULL);
  if (password == NULL)
    {
      if (error != NULL)
        g_debug ("No keyring: %s", error->message);
      return FALSE;
    }
  kurs_server_set_password (address, password);
  secret_password_free (password);
  return TRUE;
}
