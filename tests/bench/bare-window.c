/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bare-window"

/* The yardstick for Kurs's start-up: a bare GTK 4 + libadwaita window, a
 * header bar with the application's title and an empty page, closed once
 * its first frame is drawn, as kurs --quit-after-first-frame is, and
 * printing when that was as kurs does ("first-frame T", µs of the
 * monotonic clock).  (With no text at all it would never load a font,
 * which any real window does.)
 *
 * With --like-kurs it starts as Kurs does, without two costs of a stock
 * libadwaita application that Kurs avoids: a stock GtkApplication adds its
 * icon path to the icon theme GTK 4.8 is already loading on a worker, which
 * in many starts makes the main thread wait for that load and then do it
 * again (see kurs_application_new), and GTK parses its Default theme only
 * for libadwaita to replace it (see kurs-default-theme.h, whose function
 * both call).  The benchmark shows the bare window both ways. */

#include <adwaita.h>

#include "kurs-default-theme.h"

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  gtk_window_destroy (window);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Kurs", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("dk.kurs.Bare", G_APPLICATION_NON_UNIQUE);

  if (argc > 1 && g_str_equal (argv[1], "--like-kurs"))
    {
      g_application_set_resource_base_path (G_APPLICATION (app), NULL);
      kurs_make_settings_without_default_theme ();
      argc = 1;
    }

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
