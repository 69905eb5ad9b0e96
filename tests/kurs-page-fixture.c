/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-test"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "kurs-approval.h"
#include "kurs-example.h"
#include "kurs-page-fixture.h"
#include "kurs-record-row.h"
#include "kurs-test-util.h"
#include "kurs-widget-util.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fixture_set_up_in (f, kurs_test_make_dir ());
}

/**
 * fixture_set_up_in:
 * @dir: (transfer full): the folder for the library
 */
void
fixture_set_up_in (Fixture *f,
                   char    *dir)
{
  g_autoptr(GError) error = NULL;

  f->dir = dir;
  f->path = g_build_filename (f->dir, "library.kurs", NULL);
  f->store = kurs_store_open (f->path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->strategy = kurs_example_create (f->store, &error);
  g_assert_no_error (error);
  /* The pages of one strategy: the example's other one goes, so that what
   * the tests read back from the file is this one's */
  {
    g_autoptr(GPtrArray) strategies = kurs_store_list_strategies (f->store, NULL);

    for (guint i = 0; i < strategies->len; i++)
      if (strategies->pdata[i] != (gpointer) f->strategy)
        g_assert_true (kurs_store_delete (f->store, strategies->pdata[i], NULL));
  }
  /* The example was approved in 2022: in a new revision its text can be
   * edited, and everything else is as the years left it */
  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 1000);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  kurs_widget_settle ();
  g_clear_object (&f->strategy);
  g_assert_finalize_object (f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

void
show_page (Fixture *f,
           GType    type)
{
  f->page = g_object_new (type, "store", f->store, "strategy", f->strategy, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_present (GTK_WINDOW (f->window));
  kurs_widget_settle ();
}

GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = kurs_widget_find (f->page, kurs_widget_is_row_titled, title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

GtkWidget *
row_in (GtkWidget  *parent,
        const char *title)
{
  GtkWidget *found = kurs_widget_find (parent, kurs_widget_is_row_titled, title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

GtkWidget *
expand (Fixture    *f,
        const char *title)
{
  GtkWidget *expander = row (f, title);

  g_assert_true (KURS_IS_RECORD_ROW (expander));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  kurs_widget_settle ();
  return expander;
}

void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = kurs_widget_find (root, kurs_widget_is_button_labelled, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  g_signal_emit_by_name (button, "clicked");
  kurs_widget_settle ();
}

void
type (GtkWidget  *editable,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* What the file holds, through a connection of its own */
char *
stored (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0))
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

