/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "kurs-application.h"
#include "kurs-example.h"
#include "kurs-test-util.h"
#include "kurs-widget-util.h"
#include "kurs-window.h"

/* The application's shell, as kurs starts it: the window's content pages. */

static KursApplication *app;

static void
assert_content (KursWindow *window,
                const char *shown)
{
  const char *names[] = { "empty", "strategy", "error" };
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (kurs_window_get_view (window)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, shown);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (stack), names[i]);

      g_assert_true (gtk_widget_get_visible (page) == g_str_equal (names[i], shown));
      g_assert_true (gtk_widget_get_mapped (page) == g_str_equal (names[i], shown));
    }
}

/* Only the content page shown is visible; the others are hidden, so that
 * GTK does not style and measure them for nothing. */
static void
test_content_pages (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) example = NULL;
  KursWindow *window;

  g_assert_no_error (error);
  window = kurs_window_new (app);
  kurs_window_set_store (window, store, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();
  assert_content (window, "empty");

  example = kurs_example_create (store, &error);
  g_assert_no_error (error);
  kurs_widget_settle ();
  assert_content (window, "strategy");

  kurs_window_show_error (window, "The file is not a Kurs library.");
  kurs_widget_settle ();
  assert_content (window, "error");

  gtk_window_destroy (GTK_WINDOW (window));
  kurs_widget_settle ();
  g_clear_object (&example);
  g_assert_finalize_object (g_steal_pointer (&store));
  kurs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  /* Started as kurs starts it, without a window */
  app = kurs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/content-pages", test_content_pages);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
