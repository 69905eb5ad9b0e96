/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-exporting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-exporting.h"

/* Where an export goes: a save chooser for one kind of file, and then
 * the writer, with the file chosen.  The window's documents and
 * spreadsheets, and the Hearings page's summary, go through it. */

const KursExportingKind kurs_exporting_document = {
  N_("Export as Document"), N_("OpenDocument Text"), "application/vnd.oasis.opendocument.text", "*.odt",
};

const KursExportingKind kurs_exporting_spreadsheet = {
  N_("Export as Spreadsheet"), N_("Excel Spreadsheet"),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx",
};

typedef struct {
  KursExportingWriteFunc write;
  gpointer               user_data;
  GDestroyNotify         destroy;
} Chosen;

static void
chosen_free (gpointer  data,
             GClosure *closure)
{
  Chosen *chosen = data;

  if (chosen->destroy)
    chosen->destroy (chosen->user_data);
  g_free (chosen);
}

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             Chosen          *chosen)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        chosen->write (parent, file, chosen->user_data);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * kurs_exporting_choose_file:
 * @kind: what kind of file
 * @suggested_name: the name the chooser suggests
 * @write: writes the file once chosen
 *
 * Asks where to save; nothing is written if the person cancels.
 */
void
kurs_exporting_choose_file (GtkWindow               *parent,
                            const KursExportingKind *kind,
                            const char              *suggested_name,
                            KursExportingWriteFunc   write,
                            gpointer                 user_data,
                            GDestroyNotify           destroy)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->write = write;
  chosen->user_data = user_data;
  chosen->destroy = destroy;

  gtk_file_filter_set_name (filter, _(kind->filter_name));
  gtk_file_filter_add_mime_type (filter, kind->mime_type);
  gtk_file_filter_add_pattern (filter, kind->pattern);
  chooser = gtk_file_chooser_native_new (_(kind->title), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (response_cb), chosen, chosen_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
