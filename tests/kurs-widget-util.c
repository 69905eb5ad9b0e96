/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-test"

#include <adwaita.h>

#include "kurs-application.h"
#include "kurs-screenshot.h"
#include "kurs-widget-util.h"

/* Finding widgets in a tree the way a person would: by a row's title, a
 * button's label, a widget's type. */

static void
collect (GtkWidget       *widget,
         KursWidgetMatch  match,
         const char      *text,
         GPtrArray       *found,
         gboolean         first_only)
{
  if (first_only && found->len > 0)
    return;

  if (match (widget, text))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, match, text, found, first_only);
}

GtkWidget *
kurs_widget_find (GtkWidget       *root,
                  KursWidgetMatch  match,
                  const char      *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, match, text, found, TRUE);
  return found->len > 0 ? found->pdata[0] : NULL;
}

GPtrArray *
kurs_widget_find_all (GtkWidget       *root,
                      KursWidgetMatch  match,
                      const char      *text)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, match, text, found, FALSE);
  return found;
}

gboolean
kurs_widget_is_row_titled (GtkWidget  *widget,
                           const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
kurs_widget_is_button_labelled (GtkWidget  *widget,
                                const char *label)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;

  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return ADW_IS_BUTTON_CONTENT (child)
         && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0;
}

/* The window of @type that is shown: a dialog, say */
GtkWidget *
kurs_widget_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  g_error ("No %s is open", g_type_name (type));
}

gboolean
kurs_widget_is_label (GtkWidget  *widget,
                      const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
kurs_widget_has_type_name (GtkWidget  *widget,
                           const char *type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

gboolean
kurs_widget_has_css_class (GtkWidget  *widget,
                           const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* Of that type or one derived from it */
gboolean
kurs_widget_is_a (GtkWidget  *widget,
                  const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != G_TYPE_INVALID && g_type_is_a (G_OBJECT_TYPE (widget), type);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while: timers fire, widgets update. */
void
kurs_widget_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* GTK and libadwaita made ready, and a Kurs application of this
 * process's own (not the one a desktop may be running), registered, for
 * windows a benchmark opens */
KursApplication *
kurs_widget_application_new (void)
{
  g_autoptr(GError) error = NULL;
  KursApplication *app;

  gtk_init ();
  adw_init ();
  app = kurs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* Lets pending idles and layout run. */
void
kurs_widget_settle (void)
{
  for (int i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  kurs_widget_wait (50);
}

/* Renders a widget to $MESON_BUILD_ROOT/meson-logs/screenshots/NAME.png,
 * beside the test log, to be looked at. */
void
kurs_widget_snapshot (GtkWidget  *widget,
                      const char *name)
{
  const char *root = g_getenv ("KURS_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (root == NULL)
    return;

  g_mkdir_with_parents (root, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (root, file, NULL);
  if (!kurs_screenshot_widget (widget, path, &error))
    g_test_message ("No screenshot %s: %s", path, error->message);
  else
    g_test_message ("Screenshot: %s", path);
}

void
kurs_pixels_clear (KursPixels *pixels)
{
  g_free (pixels->data);
}

/* Renders @widget and reads its pixels back; the picture is kept as
 * NAME.png for a person to look at. */
/**
 * kurs_widget_render_node:
 *
 * What @widget draws now, as the render node the renderer is given.
 */
GskRenderNode *
kurs_widget_render_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return node;
}

static void
collect_nodes (GskRenderNode     *node,
               GskRenderNodeType  type,
               GPtrArray         *found)
{
  if (gsk_render_node_get_node_type (node) == type)
    g_ptr_array_add (found, node);

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), type, found);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), type, found);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), type, found);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), type, found);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), type, found);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_nodes (gsk_color_matrix_node_get_child (node), type, found);
      break;
    case GSK_SHADOW_NODE:
      collect_nodes (gsk_shadow_node_get_child (node), type, found);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), type, found);
      break;
    case GSK_REPEAT_NODE:
      collect_nodes (gsk_repeat_node_get_child (node), type, found);
      break;
    case GSK_BLEND_NODE:
      collect_nodes (gsk_blend_node_get_bottom_child (node), type, found);
      collect_nodes (gsk_blend_node_get_top_child (node), type, found);
      break;
    case GSK_CROSS_FADE_NODE:
      collect_nodes (gsk_cross_fade_node_get_start_child (node), type, found);
      collect_nodes (gsk_cross_fade_node_get_end_child (node), type, found);
      break;
    default:
      break;
    }
}

/**
 * kurs_render_node_find_all:
 *
 * The nodes of @type in the tree under @node (itself included).
 *
 * Returns: (transfer container): the nodes, owned by @node
 */
GPtrArray *
kurs_render_node_find_all (GskRenderNode     *node,
                           GskRenderNodeType  type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_nodes (node, type, found);
  return found;
}

/**
 * kurs_render_node_pixels:
 *
 * @node rendered by @renderer over (0, 0, @width, @height), read back.
 *
 * Returns: (transfer full): the pixels, 4 bytes each (cairo ARGB32: B G R A),
 *   4 * @width to a line
 */
guchar *
kurs_render_node_pixels (GskRenderer   *renderer,
                         GskRenderNode *node,
                         int            width,
                         int            height)
{
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node,
                                                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  guchar *data = g_malloc (4 * (gsize) width * height);

  gdk_texture_download (texture, data, 4 * (gsize) width);
  return data;
}

void
kurs_widget_render (GtkWidget  *widget,
                    KursPixels *pixels,
                    const char *name)
{
  g_autoptr(GskRenderNode) node = kurs_widget_render_node (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  pixels->stride = 4 * (gsize) pixels->width;
  pixels->data = kurs_render_node_pixels (renderer, node, pixels->width, pixels->height);

  kurs_widget_snapshot (widget, name);
}

void
kurs_pixels_get (const KursPixels *pixels,
                 double            x,
                 double            y,
                 int              *r,
                 int              *g,
                 int              *b)
{
  int ix = (int) x, iy = (int) y;
  const guchar *p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (ix, <, pixels->width);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (iy, <, pixels->height);
  p = pixels->data + iy * pixels->stride + 4 * ix;
  *b = p[0], *g = p[1], *r = p[2];
}
