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

/**
 * kurs_server_passwords_recall:
 * @address: a server's address
 *
 * Gives this process's connections to @address the password the keyring
 * keeps for it, if it keeps one.
 *
 * Returns: whether it did
 */
gboolean
kurs_server_passwords_recall (const char *address)
{
  g_autoptr(GError) error = NULL;
  char *password;

  g_return_val_if_fail (address != NULL, FALSE);

  password = secret_password_lookup_sync (password_schema (), NULL, &error, "address", address, NULL);
  if (password == NULL)
    return FALSE;
  kurs_server_set_password (address, password);
  secret_password_free (password);
  return TRUE;
}
