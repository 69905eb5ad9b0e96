/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-printing"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-printing.h"

/* Printing a document through GTK's print dialog, which also saves it as
 * PDF ("Print to File").  The layout is the document's own, the same that
 * kurs-cli writes to a PDF. */

/* The document is laid out a little at a time, between the window's
 * frames: GTK asks again (paginate) until it is done, and shows the
 * progress meanwhile, so that a long strategy never holds the window */
#define PAGINATE_BUDGET_USEC (20 * 1000)

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KursPrintDocument *document)
{
  kurs_print_document_paginate_begin (document, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
}

static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             KursPrintDocument *document)
{
  if (!kurs_print_document_paginate_step (document, PAGINATE_BUDGET_USEC))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, kurs_print_document_get_n_pages (document));
  return TRUE;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              KursPrintDocument *document)
{
  kurs_print_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (parent != NULL && error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-error", "s", error->message);
}

static void
release_document (gpointer  document,
                  GClosure *closure)
{
  g_object_unref (document);
}

/* An operation that prints @document, on A4 by default, named after it */
static GtkPrintOperation *
new_operation (KursPrintDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, kurs_print_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* Each handler keeps the document as long as the operation is there */
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb), g_object_ref (document),
                         release_document, 0);
  g_signal_connect_data (operation, "paginate", G_CALLBACK (paginate_cb), g_object_ref (document),
                         release_document, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), g_object_ref (document),
                         release_document, 0);
  return operation;
}

/**
 * kurs_printing_run:
 * @parent: the window the print dialog belongs to
 *
 * Shows the print dialog for @document; printing goes on after this
 * returns.
 */
gboolean
kurs_printing_run (GtkWindow          *parent,
                   KursPrintDocument  *document,
                   GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (document), FALSE);

  operation = new_operation (document);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * kurs_printing_export:
 * @path: where to write the PDF
 *
 * Prints @document to a PDF file through the same print operation as
 * kurs_printing_run(), without the dialog — what its "Print to File"
 * does, at once.
 */
gboolean
kurs_printing_export (KursPrintDocument  *document,
                      const char         *path,
                      GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (document);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
