/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-screenshot"

#include "config.h"

#include "kurs-screenshot.h"

/* For tests and benchmarks (the hidden --screenshot and
 * --quit-after-first-frame options): the window as it is drawn, saved as
 * a PNG, and the application closed once the first frame is on screen.
 * Without a screenshot, the moment that frame was drawn is printed on
 * standard output ("first-frame T", T in µs of the monotonic clock), for
 * bench-startup to count start-up without the closing down. */

typedef struct {
  GtkWindow *window;
  char      *path;
  gulong     handler;
  guint      frames;
} Pending;

/**
 * kurs_screenshot_widget:
 *
 * Renders @widget as it is now into a PNG file.
 */
gboolean
kurs_screenshot_widget (GtkWidget   *widget,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to render");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Pending       *pending)
{
  /* The first frame that shows content: lists fill in on the second. */
  if (++pending->frames < 2 && pending->path != NULL)
    return;

  g_signal_handler_disconnect (clock, pending->handler);

  if (pending->path == NULL)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  else
    {
      g_autoptr(GError) error = NULL;

      if (!kurs_screenshot_widget (GTK_WIDGET (pending->window), pending->path, &error))
        g_warning ("Screenshot failed: %s", error->message);
    }

  gtk_window_destroy (pending->window);
  g_free (pending->path);
  g_free (pending);
}

static void
realize_cb (GtkWidget *widget,
            Pending   *pending)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  pending->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), pending);
}

/**
 * kurs_screenshot_after_first_frame:
 * @path: (nullable): where to save the window as a PNG, or %NULL only to
 *   close it
 *
 * Closes @window once it has been drawn, after saving it to @path.
 */
void
kurs_screenshot_after_first_frame (GtkWindow  *window,
                                   const char *path)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->window = window;
  pending->path = g_strdup (path);
  /* A window shown already (while its library opened) is drawn anew */
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    {
      realize_cb (GTK_WIDGET (window), pending);
      gtk_widget_queue_draw (GTK_WIDGET (window));
    }
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), pending);
}
