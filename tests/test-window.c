/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kurs-application.h"
#include "kurs-approval.h"
#include "kurs-changes-window.h"
#include "kurs-connect-dialog.h"
#include "kurs-example.h"
#include "kurs-record-row.h"
#include "kurs-strategy-view.h"
#include "kurs-test-util.h"
#include "kurs-widget-util.h"
#include "kurs-window.h"
#include "kurs-xml-export.h"

/* The application's shell, as kurs starts it: its style sheets and icons,
 * and the window's content pages. */

static KursApplication *app;
static GPtrArray *loaded_files;
G_LOCK_DEFINE_STATIC (loaded_files);

/* GtkCssProvider reads every style sheet with g_file_load_bytes(), which
 * libgtk calls from libgio: this definition comes first, and notes each
 * file before it is read.  GTK loads icons with it too, on its worker
 * threads, so the list is locked: two threads adding at once wrote a
 * file's name into memory the other had just given back (ASan's "CHECK
 * failed … kAllocBegMagic", and a name leaked, one run in ten). */
GBytes *
g_file_load_bytes (GFile         *file,
                   GCancellable  *cancellable,
                   char         **etag_out,
                   GError       **error)
{
  static GBytes *(*load) (GFile *, GCancellable *, char **, GError **);

  if (load == NULL)
    load = dlsym (RTLD_NEXT, "g_file_load_bytes");
  G_LOCK (loaded_files);
  if (loaded_files != NULL)
    g_ptr_array_add (loaded_files, g_file_get_uri (file));
  G_UNLOCK (loaded_files);
  return load (file, cancellable, etag_out, error);
}

static gboolean
was_loaded (const char *uri)
{
  gboolean found;

  G_LOCK (loaded_files);
  found = g_ptr_array_find_with_equal_func (loaded_files, uri, g_str_equal, NULL);
  G_UNLOCK (loaded_files);
  return found;
}

static gboolean
has_resource_path (GtkIconTheme *theme,
                   const char   *path)
{
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (g_str_has_prefix (paths[i], path))
      return TRUE;
  return FALSE;
}

static void
set_high_contrast (gboolean on)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.gnome.desktop.a11y.interface");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_settings_set_boolean (settings, "high-contrast", on);
  for (int i = 0; i < 100 && adw_style_manager_get_high_contrast (manager) != on; i++)
    kurs_widget_wait (20);
  g_assert_true (adw_style_manager_get_high_contrast (manager) == on);
  kurs_widget_settle ();
}

/* The colours of the border of the first row of a boxed list */
static void
row_line_colour (GtkWidget *list,
                 GdkRGBA   *colour)
{
  g_autoptr(GskRenderNode) node = kurs_widget_render_node (list);
  g_autoptr(GPtrArray) borders = kurs_render_node_find_all (node, GSK_BORDER_NODE);

  for (guint i = 0; i < borders->len; i++)
    {
      const float *widths = gsk_border_node_get_widths (borders->pdata[i]);

      /* top, right, bottom, left: the row's bottom line */
      if (widths[0] == 0 && widths[2] > 0)
        {
          *colour = gsk_border_node_get_colors (borders->pdata[i])[2];
          return;
        }
    }
  g_error ("The list has no row line");
}

/* At start-up nothing but libadwaita adds an icon path: GTK 4.8 drops the
 * icon theme it loads on a worker whenever one is added after (see
 * kurs_application_new).  Kurs's own icons come when they are shown. */
static void
test_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_true (has_resource_path (theme, "/org/gnome/Adwaita/icons"));
  g_assert_false (has_resource_path (theme, "/dk/kurs/Kurs"));

  kurs_application_ensure_icon ();
  g_assert_true (gtk_icon_theme_has_icon (theme, "dk.kurs.Kurs"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "dk.kurs.Kurs-symbolic"));
}

/* GTK's own Default theme is never parsed at start-up (libadwaita would
 * replace it at once: see kurs-default-theme.h); the empty theme libadwaita
 * sets and its style sheet are, and GTK_THEME is left as it was, here
 * unset. */
static void
test_theme (void)
{
  g_autofree char *theme = NULL;

  g_assert_null (g_getenv ("GTK_THEME"));
  g_assert_false (was_loaded ("resource:///org/gtk/libgtk/theme/Default/gtk.css"));
  g_assert_true (was_loaded ("resource:///org/gtk/libgtk/theme/Adwaita-empty/gtk.css"));
  g_assert_true (was_loaded ("resource:///org/gnome/Adwaita/styles/base.css"));
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");
}

/* A theme the user names is theirs: kurs leaves GTK_THEME alone, and so GTK
 * loads that theme and libadwaita keeps its style sheet out. */
static void
test_theme_named_by_user (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Default");
      g_assert_true (was_loaded ("resource:///org/gtk/libgtk/theme/Default/gtk.css"));
      g_assert_false (was_loaded ("resource:///org/gnome/Adwaita/styles/base.css"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Kurs's style sheet applies, and its high-contrast one exactly while the
 * high-contrast theme is on, as AdwApplication would do it. */
static void
test_styles (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new ("4 overdue");
  GdkRGBA colour, fg, normal;

  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "A row");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row = adw_action_row_new ()), "Another");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_widget_add_css_class (label, "kurs-count");
  gtk_widget_add_css_class (label, "overdue");
  gtk_box_append (GTK_BOX (legend), label);
  gtk_box_append (GTK_BOX (legend), list);
  gtk_window_set_child (GTK_WINDOW (window), legend);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();

  /* style.css: "label.kurs-count.overdue { color: @error_color; }", which
   * is libadwaita's #c01c28 in the light style */
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  g_assert_cmpfloat_with_epsilon (colour.red, 0xc0 / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (colour.green, 0x1c / 255.0, 0.002);
  g_assert_cmpfloat_with_epsilon (colour.blue, 0x28 / 255.0, 0.002);

  /* style-hc.css: a row's line is alpha(currentColor, 0.5) */
  row_line_colour (list, &normal);
  set_high_contrast (TRUE);
  row_line_colour (list, &colour);
  gtk_style_context_get_color (gtk_widget_get_style_context (row), &fg);
  g_assert_cmpfloat_with_epsilon (colour.red, fg.red, 0.002);
  g_assert_cmpfloat_with_epsilon (colour.green, fg.green, 0.002);
  g_assert_cmpfloat_with_epsilon (colour.blue, fg.blue, 0.002);
  g_assert_cmpfloat_with_epsilon (colour.alpha, fg.alpha * 0.5, 0.002);

  set_high_contrast (FALSE);
  row_line_colour (list, &colour);
  g_assert_true (gdk_rgba_equal (&colour, &normal));

  gtk_window_destroy (GTK_WINDOW (window));
  kurs_widget_settle ();
}

/* The window's content page @name, or %NULL while it is not built */
static GtkWidget *
content_page (KursWindow *window,
              const char *name)
{
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (kurs_window_get_view (window)));

  return gtk_stack_get_child_by_name (GTK_STACK (stack), name);
}

/* A window on a new library, with the example strategy in it or empty,
 * opening @width px wide (0: as it would), not shown yet */
typedef struct {
  char       *dir;
  KursStore  *store;
  KursRecord *example;
  KursWindow *window;
} Library;

static void
library_open (Library  *library,
              gboolean  with_example,
              int       width)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  library->dir = kurs_test_make_dir ();
  path = g_build_filename (library->dir, "library.kurs", NULL);
  library->store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  library->example = with_example ? kurs_example_create (library->store, &error) : NULL;
  g_assert_no_error (error);
  library->window = kurs_window_new (app);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (library->window), width, 600);
  kurs_window_set_store (library->window, library->store);
}

static void
library_close (Library *library)
{
  gtk_window_destroy (GTK_WINDOW (library->window));
  kurs_widget_settle ();
  g_clear_object (&library->example);
  g_assert_finalize_object (g_steal_pointer (&library->store));
  kurs_test_remove_dir (library->dir);
  g_free (library->dir);
}

/* @shown is the page shown, and the pages in @built the only others there */
static void
assert_content (KursWindow         *window,
                const char         *shown,
                const char * const *built)
{
  const char *names[] = { "empty", "strategy", "error", "opening" };
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (kurs_window_get_view (window)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, shown);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = content_page (window, names[i]);

      if (!g_str_equal (names[i], shown) && !g_strv_contains (built, names[i]))
        {
          g_assert_null (page);
          continue;
        }
      g_assert_nonnull (page);
      g_assert_true (gtk_widget_get_visible (page) == g_str_equal (names[i], shown));
      g_assert_true (gtk_widget_get_mapped (page) == g_str_equal (names[i], shown));
    }
}

/* Only the content page shown is visible; the others are hidden, so that
 * GTK does not style and measure them for nothing.  The empty and error
 * pages are only built once they are needed. */
static void
test_content_pages (void)
{
  g_autoptr(GError) error = NULL;
  Library library;
  KursWindow *window;
  GtkWidget *status;

  library_open (&library, FALSE, 0);
  window = library.window;
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();
  assert_content (window, "empty", (const char *[]) { "strategy", NULL });

  library.example = kurs_example_create (library.store, &error);
  g_assert_no_error (error);
  kurs_widget_settle ();
  assert_content (window, "strategy", (const char *[]) { "empty", NULL });

  kurs_window_show_error (window, "The file is not a Kurs library.");
  kurs_widget_settle ();
  assert_content (window, "error", (const char *[]) { "empty", "strategy", NULL });
  status = kurs_widget_find (content_page (window, "error"), kurs_widget_has_type_name, "AdwStatusPage");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==, "The file is not a Kurs library.");

  library_close (&library);
}

/* A large library opens in the background: the window says it is opening,
 * is drawn meanwhile (its spinner turns), and shows the library after */
typedef struct {
  KursWindow *window;
  guint       opening_frames;
} Opening;

static void
opening_paint_cb (GdkFrameClock *clock,
                  Opening       *opening)
{
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (kurs_window_get_view (opening->window)));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "opening") == 0)
    opening->opening_frames++;
}

static void
test_opens_in_background (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.kurs", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Opening opening = { NULL, 0 };
  GdkFrameClock *clock = NULL;
  gulong handler = 0;
  gboolean saw_opening = FALSE;
  KursStore *store = NULL;

  kurs_test_make_large_library (path, 850000);
  kurs_application_open_library (app, file);

  while (store == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL && opening.window == NULL;
           l = l->next)
        if (KURS_IS_WINDOW (l->data))
          opening.window = l->data;
      if (opening.window == NULL)
        continue;
      if (clock == NULL && gtk_widget_get_realized (GTK_WIDGET (opening.window)))
        {
          clock = gtk_widget_get_frame_clock (GTK_WIDGET (opening.window));
          handler = g_signal_connect (clock, "after-paint", G_CALLBACK (opening_paint_cb), &opening);
        }
      if (!saw_opening && content_page (opening.window, "opening") != NULL)
        {
          GtkWidget *status = kurs_widget_find (content_page (opening.window, "opening"), kurs_widget_has_type_name,
                                                "AdwStatusPage");

          saw_opening = TRUE;
          g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==, "Checking “large.kurs”");
        }
      store = kurs_window_get_store (opening.window);
    }

  /* The window was drawn while the library opened (how many frames
   * depends on the machine; test-store /store/open/in-background measures
   * the main loop's waits) */
  g_assert_true (saw_opening);
  g_assert_cmpuint (opening.opening_frames, >=, 1);
  g_assert_cmpstr (kurs_store_get_path (store), ==, path);
  kurs_widget_settle ();
  assert_content (opening.window, "strategy", (const char *[]) { "opening", NULL });

  if (handler != 0)
    g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (opening.window));
  kurs_widget_settle ();
  kurs_test_remove_dir (dir);
}

/* Importing a file: read and checked in the background while a toast says
 * so, then the strategy is in the library and shown; a file that is no
 * strategy is said to be so in a dialog, and adds nothing */
static gboolean
has_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* A larger file: the toast says how far the import has come as the rows
 * are added in steps, and the window draws meanwhile */
static void
test_import_progress (void)
{
  Library library;
  g_autofree char *xml_path = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) strategies = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_percent = FALSE;
  guint imported = 0;
  gint64 deadline;

  library_open (&library, TRUE, 0);
  plans = kurs_store_list_by_strategy (library.store, KURS_ENTITY_ACTION_PLAN,
                                       kurs_record_get_id (library.example), &error);
  g_assert_no_error (error);
  g_assert_true (kurs_store_begin (library.store, "Many", &error));
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Indsats %u", i + 1);
      g_autoptr(KursRecord) initiative = kurs_store_create (library.store, KURS_ENTITY_INITIATIVE,
                                                            kurs_record_get_id (plans->pdata[0]), &error,
                                                            "title", g_variant_new_string (title), NULL);

      g_assert_no_error (error);
    }
  g_assert_true (kurs_store_commit (library.store, &error));
  xml = kurs_xml_export_live (library.store, library.example, NULL, &error);
  g_assert_no_error (error);
  xml_path = g_build_filename (library.dir, "many.xml", NULL);
  kurs_test_write_file (xml_path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_assert_true (kurs_store_delete (library.store, library.example, &error));
  gtk_window_present (GTK_WINDOW (library.window));
  kurs_widget_settle ();

  kurs_window_import_file (library.window, xml_path);
  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  do
    {
      GtkWidget *label;

      g_main_context_iteration (NULL, FALSE);
      label = kurs_widget_find (GTK_WIDGET (library.window), is_label_starting, "Importing… ");
      if (label != NULL)
        {
          int percent = atoi (gtk_label_get_text (GTK_LABEL (label)) + strlen ("Importing… "));

          saw_percent |= percent > 0 && percent < 100
                         && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), " %");
        }
    }
  while (kurs_widget_find (GTK_WIDGET (library.window), kurs_widget_is_label,
                           "Imported “Strategi for udsatte borgere”") == NULL
         && g_get_monotonic_time () < deadline);

  strategies = kurs_store_list_strategies (library.store, NULL);
  for (guint i = 0; i < strategies->len; i++)
    imported += g_str_equal (kurs_record_get_title (strategies->pdata[i]), "Strategi for udsatte borgere");
  g_assert_cmpuint (imported, ==, 1);
  g_assert_true (saw_percent);
  library_close (&library);
}

static void
test_import_file (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "example", "udsattestrategi.xml",
                                                    NULL);
  g_autofree char *page = NULL;
  g_autoptr(GPtrArray) strategies = NULL;
  gboolean saw_importing = FALSE;
  gint64 deadline;
  Library library;
  KursWindow *window;
  GtkWidget *dialog;

  library_open (&library, FALSE, 0);
  window = library.window;
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();

  kurs_window_import_file (window, example);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  do
    {
      g_main_context_iteration (NULL, FALSE);
      saw_importing |= kurs_widget_find (GTK_WIDGET (window), kurs_widget_is_label, "Importing…") != NULL;
      g_clear_pointer (&strategies, g_ptr_array_unref);
      strategies = kurs_store_list_strategies (library.store, NULL);
    }
  while (strategies->len == 0 && g_get_monotonic_time () < deadline);

  g_assert_true (saw_importing);
  g_assert_cmpuint (strategies->len, ==, 1);
  g_assert_cmpstr (kurs_record_get_title (strategies->pdata[0]), ==, "Strategi for udsatte borgere");
  kurs_widget_settle ();
  assert_content (window, "strategy", (const char *[]) { "empty", NULL });
  g_assert_nonnull (kurs_widget_find (GTK_WIDGET (window), kurs_widget_is_label,
                                      "Imported “Strategi for udsatte borgere”"));

  /* Not a strategy */
  page = g_build_filename (library.dir, "page.xml", NULL);
  kurs_test_write_file (page, "<html><body>Dagsorden</body></html>", -1);
  kurs_window_import_file (window, page);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!has_dialog () && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  dialog = kurs_widget_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&strategies, g_ptr_array_unref);
  strategies = kurs_store_list_strategies (library.store, NULL);
  g_assert_cmpuint (strategies->len, ==, 1);

  library_close (&library);
}

/* Ctrl+F searches the library: results in the sidebar as they are typed,
 * grouped by strategy and kind with the words found marked; a result
 * opens its record on its page; nothing found says so; closing the search
 * brings the strategies back */
static void
test_search (void)
{
  Library library;
  KursWindow *window;
  GtkWidget *results, *found, *entry, *bar;
  AdwExpanderRow *opened;

  library_open (&library, TRUE, 1100);
  window = library.window;
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  kurs_widget_settle ();
  bar = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "GtkSearchBar");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  entry = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "GtkSearchEntry");
  /* the window's focus is in the entry (whether the window itself has the
   * keyboard is the window manager's to say) */
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "bostøtte");
  kurs_widget_wait (400);
  results = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "KursSearchResults");
  g_assert_true (gtk_widget_get_mapped (results));
  g_assert_nonnull (kurs_widget_find (results, kurs_widget_is_label, "Strategi for udsatte borgere"));
  g_assert_nonnull (kurs_widget_find (results, kurs_widget_is_label, "Action plans"));
  found = kurs_widget_find (results, kurs_widget_is_row_titled, "Flere hjemløse i egen bolig med bostøtte (eksempel)");
  g_assert_nonnull (found);
  /* the words found in bold, in the snippet under the title */
  {
    g_autoptr(GPtrArray) labels = kurs_widget_find_all (found, kurs_widget_has_type_name, "GtkLabel");
    gboolean marked = FALSE;

    for (guint i = 0; i < labels->len; i++)
      marked |= gtk_label_get_use_markup (labels->pdata[i])
                && strstr (gtk_label_get_label (labels->pdata[i]), "<b>bostøtte</b>") != NULL;
    g_assert_true (marked);
  }
  kurs_widget_snapshot (GTK_WIDGET (window), "window-search");

  /* Opened on its page, its row open */
  gtk_widget_activate (found);
  kurs_widget_settle ();
  g_assert_cmpstr (kurs_strategy_view_get_page_name (kurs_window_get_view (window)), ==, "action-plans");
  opened = ADW_EXPANDER_ROW (kurs_widget_find (GTK_WIDGET (kurs_window_get_view (window)), kurs_widget_is_row_titled,
                                               "Flere hjemløse i egen bolig med bostøtte (eksempel)"));
  g_assert_nonnull (opened);
  g_assert_true (adw_expander_row_get_expanded (opened));
  /* and in sight: its header within what its page's scrolled window shows */
  kurs_widget_wait (600);
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (opened), GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_nonnull (scrolled);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (opened), scrolled, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + 40, <=, gtk_widget_get_height (scrolled));
  }

  /* Nothing found */
  gtk_editable_set_text (GTK_EDITABLE (entry), "aeldre");
  kurs_widget_wait (400);
  g_assert_nonnull (kurs_widget_find (results, kurs_widget_is_label,
                                      "Nothing holds “aeldre”. Fewer words may find more."));

  /* Closed: the strategies again */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  kurs_widget_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_mapped (results));

  library_close (&library);
}

/* The empty page's header has the window's buttons when the sidebar is
 * folded away, as the strategy page's has: the page is built later than the
 * window, and follows its leaflet all the same. */
static void
test_empty_page_folded (void)
{
  Library library;
  KursWindow *window;
  GtkWidget *page, *header, *leaflet;

  library_open (&library, FALSE, 360);
  window = library.window;
  gtk_window_present (GTK_WINDOW (window));
  kurs_widget_settle ();

  page = content_page (window, "empty");
  header = kurs_widget_find (page, kurs_widget_has_type_name, "AdwHeaderBar");
  leaflet = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "AdwLeaflet");
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_true (adw_header_bar_get_show_start_title_buttons (ADW_HEADER_BAR (header)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  for (int i = 0; i < 100 && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)); i++)
    kurs_widget_wait (20);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_false (adw_header_bar_get_show_start_title_buttons (ADW_HEADER_BAR (header)));

  library_close (&library);
}

/* The widest word of @label's text, in pixels as @label sets it */
static int
widest_word (GtkWidget *label)
{
  g_auto(GStrv) words = g_strsplit_set (gtk_label_get_text (GTK_LABEL (label)), " \n\t", -1);
  int widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, words[i]);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

/* No wrapping text on @page is narrower than its widest word: none is
 * broken into a few letters a line */
static void
assert_words_whole (GtkWidget  *page,
                    const char *name,
                    int         window_width)
{
  g_autoptr(GPtrArray) labels = kurs_widget_find_all (page, kurs_widget_has_type_name, "GtkLabel");

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_get_mapped (label) || !gtk_label_get_wrap (GTK_LABEL (label))
          || gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
        continue;
      if (gtk_widget_get_width (label) + 1 < widest_word (label))
        g_error ("%s page, window %d px wide: “%s” is %d px wide, its widest word %d px", name, window_width,
                 gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label), widest_word (label));
    }
}

/* However narrow the window, a strategy's page keeps room for its words:
 * below that the sidebar of strategies folds away, and the window is no
 * narrower than the strategy's navigation beside a page. */
static void
test_narrow (void)
{
  const int widths[] = { 360, 700, 900, 1000 };
  KursStrategyView *view;
  KursWindow *window;
  GtkWidget *leaflet;
  Library library;

  library_open (&library, TRUE, 0);
  window = library.window;
  view = kurs_window_get_view (window);
  leaflet = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "AdwLeaflet");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 600);
      gtk_window_present (GTK_WINDOW (window));
      kurs_widget_settle ();
      if (widths[w] < 700)
        {
          g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 700);
        }
      else if (widths[w] == 1000)
        g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

      for (guint i = 0; kurs_strategy_view_get_page_name_at (i) != NULL; i++)
        {
          const char *name = kurs_strategy_view_get_page_name_at (i);
          GtkWidget *page = kurs_strategy_view_get_page (view, name);

          g_assert_true (kurs_strategy_view_show_page (view, name));
          kurs_widget_settle ();
          g_assert_cmpint (gtk_widget_get_width (page), >=, 420);
          assert_words_whole (page, name, gtk_widget_get_width (GTK_WIDGET (window)));
        }
    }

  library_close (&library);
}

static void
record_first_frame_cb (GdkFrameClock *clock,
                       GtkWidget     *leaflet)
{
  GtkWidget *sidebar = gtk_widget_get_first_child (leaflet);

  g_signal_handlers_disconnect_by_func (clock, record_first_frame_cb, leaflet);
  g_object_set_data (G_OBJECT (leaflet), "first-frame-drawn", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (leaflet), "first-frame-folded",
                     GINT_TO_POINTER (adw_leaflet_get_folded (ADW_LEAFLET (leaflet))));
  g_object_set_data (G_OBJECT (leaflet), "first-frame-sidebar", GINT_TO_POINTER (gtk_widget_get_child_visible (sidebar)));
}

static void
record_realize_cb (GtkWidget *window,
                   GtkWidget *leaflet)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (record_first_frame_cb), leaflet);
}

/* A window opened narrow (800 px: folded, though wider than its narrowest,
 * at which GTK happens not to animate) has its sidebar folded away on its
 * first frame, not sliding away as it is drawn; animations are on again
 * after it */
static void
test_narrow_first_frame (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean animations;
  KursWindow *window;
  GtkWidget *leaflet;
  Library library;

  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_assert_true (animations);

  library_open (&library, TRUE, 800);
  window = library.window;
  leaflet = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "AdwLeaflet");
  g_signal_connect_after (window, "realize", G_CALLBACK (record_realize_cb), leaflet);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 100 && g_object_get_data (G_OBJECT (leaflet), "first-frame-drawn") == NULL; i++)
    kurs_widget_wait (10);

  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (leaflet), "first-frame-folded")));
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (leaflet), "first-frame-sidebar")));
  kurs_widget_settle ();
  g_object_get (settings, "gtk-enable-animations", &animations, NULL);
  g_assert_true (animations);

  library_close (&library);
}

/* The timeline page is no wider than the others: a window 700 px wide
 * stays so when it is shown */
static void
test_timeline_keeps_width (void)
{
  KursStrategyView *view;
  GtkWidget *page;
  Library library;
  int minimum, width;

  library_open (&library, TRUE, 700);
  view = kurs_window_get_view (library.window);
  gtk_window_present (GTK_WINDOW (library.window));
  kurs_widget_settle ();
  width = gtk_widget_get_width (GTK_WIDGET (library.window));

  kurs_window_show_page (library.window, "timeline");
  kurs_widget_settle ();
  page = kurs_strategy_view_get_page (view, "timeline");
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (page)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int m;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (child), m);
    }
  g_test_message ("timeline page: at least %d px", minimum);
  g_assert_cmpint (minimum, <=, 420);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (library.window)), ==, width);

  library_close (&library);
}

/* Undo says what it took back, in one toast that the next undo or redo
 * updates, and goes to the page where it was done, with the row open */
static void
test_undo_says_what (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) goal = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GPtrArray) toasts = NULL;
  KursStrategyView *view;
  GtkWidget *row;
  Library library;

  library_open (&library, TRUE, 0);
  view = kurs_window_get_view (library.window);
  g_assert_true (kurs_approval_start_revision (library.store, library.example, &error));
  gtk_window_present (GTK_WINDOW (library.window));
  kurs_widget_settle ();

  /* An edit made on the goals page */
  kurs_window_show_page (library.window, "goals");
  kurs_widget_settle ();
  goal = kurs_store_create (library.store, KURS_ENTITY_GOAL, kurs_record_get_id (library.example), &error,
                            "title", g_variant_new_string ("Flere i egen bolig"), NULL);
  g_assert_no_error (error);
  g_assert_true (kurs_store_set_text (library.store, goal, "title", "Flere i bolig", &error));
  kurs_window_show_page (library.window, "overview");
  kurs_widget_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library.window), "win.undo", NULL));
  kurs_widget_settle ();
  g_assert_cmpstr (kurs_record_get_title (goal), ==, "Flere i egen bolig");
  g_assert_cmpstr (kurs_strategy_view_get_page_name (view), ==, "goals");
  g_assert_nonnull (kurs_widget_find (GTK_WIDGET (library.window), kurs_widget_is_label,
                                      "Undid: Title of “Flere i egen bolig”"));
  row = kurs_widget_find (kurs_strategy_view_get_page (view, "goals"), kurs_widget_is_row_titled,
                          "Flere i egen bolig");
  g_assert_true (KURS_IS_RECORD_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  /* Redo, from another page: the same toast says so */
  kurs_window_show_page (library.window, "timeline");
  kurs_widget_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library.window), "win.redo", NULL));
  kurs_widget_settle ();
  g_assert_cmpstr (kurs_strategy_view_get_page_name (view), ==, "goals");
  toasts = kurs_widget_find_all (GTK_WIDGET (library.window), kurs_widget_has_type_name, "AdwToastWidget");
  g_assert_cmpuint (toasts->len, ==, 1);
  g_assert_nonnull (kurs_widget_find (toasts->pdata[0], kurs_widget_is_label, "Redid: Title of “Flere i egen bolig”"));
  g_assert_null (kurs_widget_find (GTK_WIDGET (library.window), kurs_widget_is_label,
                                   "Undid: Title of “Flere i egen bolig”"));

  /* An approval is a decision: undo neither takes it back, nor reaches
   * past it */
  version = kurs_approval_approve (library.store, library.example, "2026-11-24", NULL, &error);
  g_assert_no_error (error);
  kurs_widget_settle ();
  gtk_widget_activate_action (GTK_WIDGET (library.window), "win.undo", NULL);
  kurs_widget_settle ();
  g_assert_cmpint (kurs_record_get_enum (library.example, "status"), ==, KURS_STATUS_APPROVED);
  g_assert_cmpstr (kurs_record_get_title (goal), ==, "Flere i bolig");

  library_close (&library);
}

static GtkWidget *
open_shortcuts_window (KursWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  kurs_widget_settle ();
  return kurs_widget_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
}

/* "title=keys" for each entry of the shortcuts window, a line each */
static char *
read_shortcuts (GtkWidget *shortcuts)
{
  g_autoptr(GPtrArray) entries = kurs_widget_find_all (shortcuts, kurs_widget_has_type_name, "GtkShortcutsShortcut");
  GString *text = g_string_new (NULL);

  g_assert_cmpuint (entries->len, >, 10);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *keys = NULL;

      g_object_get (entries->pdata[i], "title", &title, "accelerator", &keys, NULL);
      g_test_message ("%s = %s", title, keys);
      /* Every entry shows its keys */
      g_assert_nonnull (keys);
      g_assert_cmpstr (keys, !=, "");
      g_string_append_printf (text, "%s=%s\n", title, keys);
    }
  return g_string_free (text, FALSE);
}

/* Every key the timeline's class binds is in the shortcuts window (its
 * keypad twins and second keys for the same thing aside) */
static void
assert_timeline_keys_shown (KursWindow *window,
                            const char *shown)
{
  static const char * const twins[] = { "ISO_Enter", "equal", "<Shift>plus", NULL };
  GtkWidget *view = kurs_widget_find (GTK_WIDGET (window), kurs_widget_has_type_name, "KursTimelineView");
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
  guint checked = 0;

  g_assert_nonnull (view);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *equals = strrchr (lines[i], '=');
      g_auto(GStrv) accels = equals != NULL ? g_strsplit (equals + 1, " ", -1) : NULL;

      for (guint k = 0; accels != NULL && accels[k] != NULL; k++)
        g_hash_table_add (keys, g_strdup (accels[k]));
    }

  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (strstr (name, "KP_") != NULL || g_strv_contains (twins, name))
            continue;
          g_test_message ("timeline key %s", name);
          g_assert_true (g_hash_table_contains (keys, name));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 15);
}

/* The shortcuts window shows every entry's keys — the keys the application
 * has — in English and in Danish */
static void
test_shortcuts_window (void)
{
  g_autofree char *english = NULL;
  g_autofree char *danish = NULL;
  g_autofree char *before = NULL;
  GtkWidget *shortcuts;
  Library library;

  library_open (&library, TRUE, 0);
  gtk_window_present (GTK_WINDOW (library.window));
  kurs_widget_settle ();

  /* The timeline is built once it is shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library.window), "win.show-page", "s", "timeline"));
  kurs_widget_settle ();

  shortcuts = open_shortcuts_window (library.window);
  english = read_shortcuts (shortcuts);
  kurs_widget_snapshot (shortcuts, "shortcuts-window");
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  g_assert_nonnull (strstr (english, "New strategy=<Control>n\n"));
  g_assert_nonnull (strstr (english, "Undo=<Control>z\n"));
  g_assert_nonnull (strstr (english, "Redo=<Shift><Control>z <Control>y\n"));
  g_assert_nonnull (strstr (english, "Print or save as PDF=<Control>p\n"));
  g_assert_nonnull (strstr (english, "Go to the timeline=<Alt>0\n"));
  g_assert_nonnull (strstr (english, "Next page=<Control>Page_Down\n"));
  g_assert_nonnull (strstr (english, "Quit=<Control>q\n"));
  g_assert_nonnull (strstr (english, "Keyboard shortcuts=<Control>question\n"));
  assert_timeline_keys_shown (library.window, english);

  /* In Danish, from the build's translations */
  before = g_strdup (setlocale (LC_ALL, NULL));
  setlocale (LC_ALL, "da_DK.UTF-8");
  g_setenv ("LANGUAGE", "da", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  shortcuts = open_shortcuts_window (library.window);
  danish = read_shortcuts (shortcuts);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  /* back as it was (en_US may not be there to go to) */
  setlocale (LC_ALL, before);
  g_unsetenv ("LANGUAGE");
  textdomain ("messages");
  g_assert_nonnull (strstr (danish, "Ny strategi=<Control>n\n"));
  g_assert_nonnull (strstr (danish, "Fortryd=<Control>z\n"));
  g_assert_nonnull (strstr (danish, "Gå til tidslinjen=<Alt>0\n"));
  g_assert_nonnull (strstr (danish, "Gå til i dag=t\n"));

  library_close (&library);
}

/* The label of a changed text in @changes, its marks in Pango markup */
static GtkWidget *
changed_text (GtkWidget *changes)
{
  GtkWidget *label = kurs_widget_find (changes, kurs_widget_has_css_class, "changed-text");

  g_assert_nonnull (label);
  return label;
}

/* Does @pixels hold a pixel tinted towards red (@red) or green? */
static gboolean
has_tint (const KursPixels *pixels,
          gboolean          red)
{
  for (int y = 0; y < pixels->height; y++)
    for (int x = 0; x < pixels->width; x++)
      {
        int r, g, b;

        kurs_pixels_get (pixels, x + 0.5, y + 0.5, &r, &g, &b);
        if (red ? r > g + 25 && r > b + 25 : g > r + 20 && g > b + 5)
          return TRUE;
      }
  return FALSE;
}

/* Compare with Draft: the Changes window lists, section by section, a
 * goal renamed and reworded (old → new, the words struck through and
 * underlined), a goal added; a change opens its record in the main
 * window; the marks read in the dark style and in high contrast too; a
 * version unchanged says "No Changes" */
static void
test_changes (void)
{
  Library library;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(KursRecord) added = NULL;
  g_autofree char *short_id = NULL;
  KursRecord *goal;
  GtkWidget *changes, *label, *row, *pill;
  AdwExpanderRow *opened;
  const char *markup;

  library_open (&library, TRUE, 1100);
  gtk_window_present (GTK_WINDOW (library.window));
  short_id = kurs_store_get_short_id (library.store, library.example);
  kurs_window_select_strategy (library.window, short_id);
  kurs_widget_settle ();

  /* unchanged since version 1 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library.window), "win.compare-versions", "(xx)",
                                             (gint64) 1, (gint64) 0));
  changes = kurs_widget_find_toplevel (KURS_TYPE_CHANGES_WINDOW);
  g_assert_nonnull (changes);
  while (kurs_changes_window_get_comparison (KURS_CHANGES_WINDOW (changes)) == NULL)
    kurs_widget_wait (50);
  kurs_widget_settle ();
  g_assert_nonnull (kurs_widget_find (changes, kurs_widget_is_label, "No Changes"));
  gtk_window_destroy (GTK_WINDOW (changes));
  kurs_widget_settle ();

  g_assert_true (kurs_approval_start_revision (library.store, library.example, &error));
  goals = kurs_store_list (library.store, KURS_ENTITY_GOAL, kurs_record_get_id (library.example), &error);
  goal = goals->pdata[0];
  g_assert_true (kurs_store_set_text (library.store, goal, "title", "Færre hjemløse", &error));
  g_assert_true (kurs_store_set_text (library.store, goal, "description",
                                      "Udviklingsmålene beskriver »det modsatte af udsathed«: hvad borgerne skal "
                                      "hjælpes til, jf. forandringsstrategien, og Ballerup Kommunes intentioner. "
                                      "Eksempeltekst.", &error));
  added = kurs_store_create (library.store, KURS_ENTITY_GOAL, kurs_record_get_id (library.example), &error,
                             "title", g_variant_new_string ("Flere i egen bolig"), NULL);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library.window), "win.compare-versions", "(xx)",
                                             (gint64) 1, (gint64) 0));
  changes = kurs_widget_find_toplevel (KURS_TYPE_CHANGES_WINDOW);
  g_assert_nonnull (changes);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (changes)), ==, "Changes Since Version 1");
  while (kurs_changes_window_get_comparison (KURS_CHANGES_WINDOW (changes)) == NULL)
    kurs_widget_wait (50);
  kurs_widget_settle ();

  g_assert_nonnull (kurs_widget_find (changes, kurs_widget_is_label, "Goals"));
  g_assert_nonnull (kurs_widget_find (changes, kurs_widget_is_label, "Flere i egen bolig"));
  label = kurs_widget_find (changes, kurs_widget_is_label, "Færre hjemløse");
  g_assert_nonnull (label);
  for (row = label; row != NULL && !gtk_widget_has_css_class (row, "change-card"); row = gtk_widget_get_parent (row))
    ;
  g_assert_nonnull (row);
  pill = kurs_widget_find (row, kurs_widget_has_css_class, "change-pill");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pill)), ==, "Changed");
  /* the title old → new, the old struck through */
  g_assert_nonnull (kurs_widget_find (row, kurs_widget_is_label,
                                      "<s>Det modsatte af udsathed (eksempel på udviklingsmål)</s> → Færre hjemløse"));
  /* the description's words: deleted struck through, inserted underlined */
  markup = gtk_label_get_label (GTK_LABEL (changed_text (row)));
  g_assert_nonnull (strstr (markup, "<span strikethrough=\"true\" background=\"#e01b2450\">målgruppen</span>"));
  g_assert_nonnull (strstr (markup, "<span underline=\"single\" background=\"#2ec27e50\">borgerne</span>"));
  kurs_widget_snapshot (changes, "changes");

  /* the marks on a light and a dark background */
  for (guint dark = 0; dark < 2; dark++)
    {
      g_auto(KursPixels) pixels = { 0 };

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      kurs_widget_settle ();
      kurs_widget_render (row, &pixels, dark ? "changes-dark" : "changes-light");
      g_assert_true (has_tint (&pixels, TRUE));
      g_assert_true (has_tint (&pixels, FALSE));
      {
        int r, g, b;

        /* the card's background, dark in the dark style */
        kurs_pixels_get (&pixels, pixels.width - 4.5, pixels.height / 2 + 0.5, &r, &g, &b);
        if (dark)
          g_assert_cmpint (r + g + b, <, 3 * 100);
        else
          g_assert_cmpint (r + g + b, >, 3 * 200);
      }
    }
  kurs_widget_snapshot (changes, "changes-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* and in high contrast */
  set_high_contrast (TRUE);
  {
    g_auto(KursPixels) pixels = { 0 };

    kurs_widget_render (row, &pixels, "changes-high-contrast");
    g_assert_true (has_tint (&pixels, TRUE));
    g_assert_true (has_tint (&pixels, FALSE));
  }
  set_high_contrast (FALSE);

  /* a change opens its record on its page: the goal's, after its
   * section's heading */
  g_assert_true (gtk_widget_activate_action (kurs_widget_find (changes, kurs_widget_has_type_name, "GtkListView"),
                                             "list.activate-item", "u", 1));
  kurs_widget_settle ();
  g_assert_cmpstr (kurs_strategy_view_get_page_name (kurs_window_get_view (library.window)), ==, "goals");
  opened = ADW_EXPANDER_ROW (kurs_widget_find (GTK_WIDGET (kurs_window_get_view (library.window)),
                                               kurs_widget_is_row_titled, "Færre hjemløse"));
  g_assert_nonnull (opened);
  g_assert_true (adw_expander_row_get_expanded (opened));

  gtk_window_destroy (GTK_WINDOW (changes));
  library_close (&library);
}


static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             char            **given)
{
  g_free (*given);
  *given = g_strdup (response);
}

/* The Connect to a Server form by keyboard: it starts in the server's
 * field, or in the password's when it comes back filled in; Enter in a
 * field connects (the default response) once the form can */
static void
test_connect_form_keyboard (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *dialog;
  GtkWidget *focus;
  GtkWidget *row;
  g_autofree char *given = NULL;

  gtk_window_present (GTK_WINDOW (parent));

  dialog = kurs_connect_dialog_new (GTK_WINDOW (parent), NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  kurs_widget_settle ();
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  row = kurs_widget_find (dialog, kurs_widget_is_row_titled, "_Server");
  g_assert_nonnull (row);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));
  gtk_window_destroy (GTK_WINDOW (dialog));
  kurs_widget_settle ();

  dialog = kurs_connect_dialog_new (GTK_WINDOW (parent), "postgresql://db.ballerup.dk/strategi?user=anna", NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), &given);
  gtk_window_present (GTK_WINDOW (dialog));
  kurs_widget_settle ();
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  row = kurs_widget_find (dialog, kurs_widget_is_row_titled, "_Password");
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row));

  /* Enter in the password's field: the form connects (with no password
   * typed, so that nothing goes to the desktop's keyring: test-passwords) */
  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  /* (a button activated shows itself pressed a moment before it clicks) */
  kurs_widget_wait (400);
  g_assert_cmpstr (given, ==, "connect");

  gtk_window_destroy (GTK_WINDOW (parent));
  kurs_widget_settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* As gtk_test_init(), but GTK is started by the application's start-up,
   * as in kurs; in the subprocess of /window/theme/named-by-user, with a
   * GTK_THEME of the user's */
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  if (g_test_subprocess ())
    g_setenv ("GTK_THEME", "Default", TRUE);
  else
    g_unsetenv ("GTK_THEME");
  loaded_files = g_ptr_array_new_with_free_func (g_free);

  /* Started as kurs starts it, without a window */
  app = kurs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/theme", test_theme);
  g_test_add_func ("/window/theme/named-by-user", test_theme_named_by_user);
  g_test_add_func ("/window/icons", test_icons);
  g_test_add_func ("/window/styles", test_styles);
  g_test_add_func ("/window/content-pages", test_content_pages);
  g_test_add_func ("/window/opens-in-background", test_opens_in_background);
  g_test_add_func ("/window/import-file", test_import_file);
  g_test_add_func ("/window/import-progress", test_import_progress);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/empty-page/folded", test_empty_page_folded);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/narrow/first-frame", test_narrow_first_frame);
  g_test_add_func ("/window/undo-says-what", test_undo_says_what);
  g_test_add_func ("/window/timeline-keeps-width", test_timeline_keeps_width);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/changes", test_changes);
  g_test_add_func ("/window/connect-form-keyboard", test_connect_form_keyboard);

  status = g_test_run ();
  g_clear_object (&app);
  G_LOCK (loaded_files);
  g_clear_pointer (&loaded_files, g_ptr_array_unref);
  G_UNLOCK (loaded_files);
  return status;
}
