/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-application.h"
#include "kurs-connect-dialog.h"
#include "kurs-server.h"
#include "kurs-server-passwords.h"

/**
 * KursConnectDialog:
 *
 * Open Library's "Connect to a Server…": a team library on a PostgreSQL
 * server, named by its server, database and the person's user name, with
 * the password where the server asks for one.  The password is given to
 * this Kurs's connections and kept in the desktop's keyring, never in the
 * address.  Shown again, filled in and saying why, when the server refused
 * what was given.
 */
struct _KursConnectDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *host;
  GtkWidget        *database;
  GtkWidget        *user;
  GtkWidget        *password;
  GtkWidget        *first;      /* the field the keyboard starts in */
};

G_DEFINE_FINAL_TYPE (KursConnectDialog, kurs_connect_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * kurs_connect_dialog_get_address:
 *
 * Returns: (transfer full) (nullable): the address the form names, or
 *   %NULL while the server or the database is missing
 */
char *
kurs_connect_dialog_get_address (KursConnectDialog *self)
{
  g_return_val_if_fail (KURS_IS_CONNECT_DIALOG (self), NULL);

  return kurs_server_make_address (gtk_editable_get_text (GTK_EDITABLE (self->host)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->database)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->user)));
}

static void
changed_cb (KursConnectDialog *self)
{
  g_autofree char *address = kurs_connect_dialog_get_address (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "connect", address != NULL);
}

static void
response_cb (KursConnectDialog *self,
             const char        *response)
{
  g_autofree char *address = NULL;
  g_autoptr(GFile) library = NULL;
  const char *password;

  if (!g_str_equal (response, "connect") || !(address = kurs_connect_dialog_get_address (self)))
    return;

  password = gtk_editable_get_text (GTK_EDITABLE (self->password));
  if (*password != '\0')
    kurs_server_passwords_store (address, password);
  library = g_file_new_for_uri (address);
  if (KURS_IS_APPLICATION (g_application_get_default ()))
    kurs_application_open_library (KURS_APPLICATION (g_application_get_default ()), library);
}

static GtkWidget *
add_row (GtkWidget  *group,
         GType       type,
         const char *title)
{
  /* Enter in any field connects, as the default response */
  GtkWidget *row = g_object_new (type, "title", title, "use-underline", TRUE, "activates-default", TRUE, NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
kurs_connect_dialog_init (KursConnectDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->host = add_row (group, ADW_TYPE_ENTRY_ROW, _("_Server"));
  self->database = add_row (group, ADW_TYPE_ENTRY_ROW, _("_Database"));
  self->user = add_row (group, ADW_TYPE_ENTRY_ROW, _("_User Name"));
  self->password = add_row (group, ADW_TYPE_PASSWORD_ENTRY_ROW, _("_Password"));
  g_signal_connect_swapped (self->host, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->database, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->user, "changed", G_CALLBACK (changed_cb), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), group);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Connect to a Server"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "connect", FALSE);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/* The keyboard starts in the first field to fill: the server's, or the
 * password when the form comes back filled in.  A message dialog gives
 * its buttons the focus when it is shown: this comes after. */
static void
kurs_connect_dialog_map (GtkWidget *widget)
{
  KursConnectDialog *self = KURS_CONNECT_DIALOG (widget);

  GTK_WIDGET_CLASS (kurs_connect_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (self->first);
}

static void
kurs_connect_dialog_class_init (KursConnectDialogClass *klass)
{
  GTK_WIDGET_CLASS (klass)->map = kurs_connect_dialog_map;
}

/**
 * kurs_connect_dialog_new:
 * @address: (nullable): a server's address to fill the form from
 * @problem: (nullable): why the server refused it, said above the form
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
kurs_connect_dialog_new (GtkWindow  *parent,
                         const char *address,
                         const char *problem)
{
  KursConnectDialog *self = g_object_new (KURS_TYPE_CONNECT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               problem ? problem
                                       : _("A team library on a PostgreSQL server. Its administrator gives you the "
                                           "server’s name, the database and your user name."));
  if (address != NULL && kurs_server_split_address (address, &host, &database, &user))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->host), host);
      gtk_editable_set_text (GTK_EDITABLE (self->database), database);
      gtk_editable_set_text (GTK_EDITABLE (self->user), user ? user : "");
    }
  self->first = address != NULL ? self->password : self->host;
  return GTK_WIDGET (self);
}
