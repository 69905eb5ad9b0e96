/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kurs-application.h"
#include "kurs-connect-dialog.h"
#include "kurs-server.h"
#include "kurs-server-passwords.h"
#include "kurs-default-theme.h"
#include "kurs-resources.h"
#include "kurs-screenshot.h"
#include "kurs-strategy-view.h"
#include "kurs-window.h"

/**
 * KursApplication:
 *
 * Opens libraries, one window each: the default library, the last one
 * used, or a file named on the command line or chosen with Open.  A
 * library another Kurs is writing opens read-only; one that cannot be
 * opened at all gets a dialog saying why, and the application stays
 * usable.
 */
struct _KursApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* style.css always, style-hc.css in high contrast (see startup) */
  GtkCssProvider *style;
  GtkCssProvider *high_contrast_style;

  /* --file LIBRARY, for the first window */
  GFile          *file;

  /* Hidden options, for tests and benchmarks */
  char           *screenshot;
  gboolean        first_frame_armed;
  char           *record;     /* STRATEGY:KIND:N to show once its library is open */
  char           *page;
  char           *strategy;
  gboolean        quit_after_first_frame;
};

G_DEFINE_FINAL_TYPE (KursApplication, kurs_application, ADW_TYPE_APPLICATION)

#define MAX_RECENT 8

static void
remember_library (KursApplication *self,
                  const char      *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "last-library", path);

  recent = g_settings_get_strv (self->settings, "recent-libraries");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-libraries", (const char * const *) updated);
}

static KursWindow *
find_window (KursApplication *self,
             const char      *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      KursStore *store;

      if (!KURS_IS_WINDOW (l->data))
        continue;
      store = kurs_window_get_store (l->data);
      if (store != NULL && g_strcmp0 (kurs_store_get_path (store), path) == 0)
        return l->data;
    }

  return NULL;
}

static KursWindow *
any_window (KursApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (KURS_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static KursWindow *
new_window (KursApplication *self)
{
  return kurs_window_new (self);
}

static void
show_open_error (KursApplication *self,
                 GtkWindow       *parent,
                 const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Open Library"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A record named STRATEGY:KIND:N (as the search provider names its
 * results), shown in @window, which shows its library */
static void
show_record (KursWindow *window,
             const char *record)
{
  g_auto(GStrv) parts = g_strsplit (record, ":", 3);
  KursStore *store = kurs_window_get_store (window);
  g_autoptr(KursRecord) strategy = NULL;
  const KursEntityInfo *info;
  gint64 id;

  if (store == NULL || g_strv_length (parts) != 3 || !(info = kurs_entity_info_by_name (parts[1]))
      || !g_ascii_string_to_signed (parts[2], 10, 1, G_MAXINT64, &id, NULL)
      || !(strategy = kurs_store_find_strategy (store, parts[0], NULL)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-found", "(xix)", kurs_record_get_id (strategy),
                              (int) info->entity, id);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct {
  KursWindow *window;
  char       *record;
} PendingRecord;

static gboolean
show_pending_record_cb (gpointer user_data)
{
  PendingRecord *pending = user_data;

  show_record (pending->window, pending->record);
  g_object_unref (pending->window);
  g_free (pending->record);
  g_free (pending);
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (GtkWidget     *window,
                  PendingRecord *pending)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, pending);
  /* after the window's first layout, which the page's scrolling needs */
  g_idle_add_full (G_PRIORITY_LOW, show_pending_record_cb, pending, NULL);
}

/* Takes @record */
static void
show_record_when_shown (KursWindow *window,
                        char       *record)
{
  PendingRecord *pending = g_new0 (PendingRecord, 1);

  pending->window = g_object_ref (window);
  pending->record = record;
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    window_mapped_cb (GTK_WIDGET (window), pending);
  else
    g_signal_connect_after (window, "map", G_CALLBACK (window_mapped_cb), pending);
}

/* A library being opened in the background: the window that shows the
 * spinner if the opening takes long enough to be seen */
typedef struct {
  KursApplication *self;
  char            *path;
  KursWindow      *window;
  guint            show_timeout;
} Opening;

/* How long an opening may take before the window shows it: a library of
 * ordinary size opens before this, and its first frame shows it whole */
#define OPENING_SHOWN_AFTER_MS 150

static void
opening_free (Opening *opening)
{
  g_clear_handle_id (&opening->show_timeout, g_source_remove);
  g_clear_object (&opening->window);
  g_free (opening->path);
  g_application_release (G_APPLICATION (opening->self));
  g_object_unref (opening->self);
  g_free (opening);
}

/* The window for a library: the one that waited for it, else one that
 * could not open a library, else a new one */
static KursWindow *
window_for_library (Opening *opening)
{
  KursWindow *window = opening->window;

  if (window == NULL)
    {
      window = any_window (opening->self);
      if (window == NULL || kurs_window_get_store (window) != NULL)
        window = new_window (opening->self);
    }
  return window;
}

/* The screenshot or the first-frame mark is of the window with its
 * library, not of the spinner before it */
static void
arm_first_frame (KursApplication *self,
                 KursWindow      *window)
{
  if ((self->screenshot != NULL || self->quit_after_first_frame) && !self->first_frame_armed)
    {
      self->first_frame_armed = TRUE;
      kurs_screenshot_after_first_frame (GTK_WINDOW (window), self->screenshot);
    }
}

static gboolean
show_opening_cb (gpointer user_data)
{
  Opening *opening = user_data;
  g_autofree char *name = g_filename_display_basename (opening->path);

  opening->show_timeout = 0;
  opening->window = g_object_ref (window_for_library (opening));
  kurs_window_show_opening (opening->window, name);
  gtk_window_present (GTK_WINDOW (opening->window));
  return G_SOURCE_REMOVE;
}

static void
library_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Opening *opening = user_data;
  KursApplication *self = opening->self;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KursWindow *window;

  g_clear_handle_id (&opening->show_timeout, g_source_remove);
  store = kurs_store_open_finish (result, &error);

  if (store == NULL)
    {
      /* a server that asks for a password, or refused the one given: the
       * form again, filled in, saying why */
      gboolean ask = (g_error_matches (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_AUTHENTICATION)
                      || g_error_matches (error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_PASSWORD_NEEDED))
                     && kurs_server_is_address (opening->path);
      const char *problem = ask && error->code == KURS_SERVER_ERROR_PASSWORD_NEEDED
                            ? _("The server asks for your password.") : error->message;

      /* The application stays usable: an empty window to open another
       * library from, and a dialog with the reason. */
      window = opening->window != NULL ? opening->window : any_window (self);
      if (window == NULL || window == opening->window)
        {
          if (window == NULL)
            window = new_window (self);
          kurs_window_show_error (window, problem);
        }
      arm_first_frame (self, window);
      gtk_window_present (GTK_WINDOW (window));
      if (ask)
        {
          kurs_server_set_password (opening->path, NULL);
          gtk_window_present (GTK_WINDOW (kurs_connect_dialog_new (GTK_WINDOW (window), opening->path, problem)));
        }
      else
        show_open_error (self, GTK_WINDOW (window), error);
      opening_free (opening);
      return;
    }

  window = window_for_library (opening);
  kurs_window_set_store (window, store);
  if (self->strategy != NULL)
    kurs_window_select_strategy (window, self->strategy);
  if (self->page != NULL)
    kurs_window_show_page (window, self->page);
  arm_first_frame (self, window);
  gtk_window_present (GTK_WINDOW (window));
  /* the record on its page, once the window is shown */
  if (self->record != NULL)
    show_record_when_shown (window, g_steal_pointer (&self->record));

  if (!kurs_store_is_read_only (store))
    remember_library (self, opening->path);
  opening_free (opening);
}

static void
start_opening (Opening *opening)
{
  /* Another program writes it, or it cannot be written: show it, but
   * write nothing */
  kurs_store_open_async (opening->path, KURS_STORE_OPEN_READ_ONLY_IF_NEEDED, NULL, library_opened_cb, opening);
}

/* The keyring has answered for a server's password, one way or the other */
static void
password_recalled_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  start_opening (user_data);
}

/**
 * kurs_application_open_library:
 * @file: the library to open, created if it does not exist
 *
 * Shows the library in a window: the one it already has, or a new one.
 * The library is opened (and checked) in the background; a window says
 * so while it takes long enough to be seen.
 */
void
kurs_application_open_library (KursApplication *self,
                               GFile           *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  KursWindow *window;
  Opening *opening;

  g_return_if_fail (KURS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  /* a team library on a server: postgresql://HOST/DATABASE, with the
   * password the keyring keeps for it (below) */
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      if (uri != NULL && kurs_server_is_address (uri))
        path = g_steal_pointer (&uri);
    }
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only libraries on this computer can be opened"));
      show_open_error (self, GTK_WINDOW (any_window (self)), error);
      return;
    }

  if ((window = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* The application runs until the library is shown */
  g_application_hold (G_APPLICATION (self));
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->path = g_steal_pointer (&path);
  opening->show_timeout = g_timeout_add (OPENING_SHOWN_AFTER_MS, show_opening_cb, opening);

  if (kurs_server_is_address (opening->path) && !kurs_server_has_password (opening->path))
    kurs_server_passwords_recall_async (opening->path, password_recalled_cb, opening);
  else
    start_opening (opening);
}

static GFile *
default_library (KursApplication *self)
{
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-library");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (last);
  /* a team library, opened again as it was left */
  if (last != NULL && kurs_server_is_address (last))
    return g_file_new_for_uri (last);

  path = kurs_store_get_default_path ();
  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);
  return g_file_new_for_path (path);
}

/* Actions */

static void
library_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   KursApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        kurs_application_open_library (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
library_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Kurs Libraries"));
  gtk_file_filter_add_mime_type (filter, "application/x-kurs");
  gtk_file_filter_add_pattern (filter, "*.kurs");
  return filter;
}

static void
choose_library (KursApplication      *self,
                GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = library_filter ();
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE
                                         ? _("New Library") : _("Open Library"),
                                         parent, action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Strategies.kurs"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (library_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_library_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  choose_library (KURS_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
connect_server_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (kurs_connect_dialog_new (parent, NULL, NULL)));
}

static void
new_library_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  choose_library (KURS_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  const char *library = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = kurs_server_is_address (library) ? g_file_new_for_uri (library)
                                                           : g_file_new_for_path (library);

  kurs_application_open_library (KURS_APPLICATION (user_data), file);
}

/**
 * kurs_application_ensure_icon:
 *
 * Makes sure the icon theme has the application's icons, by name: installed,
 * they are in hicolor; run from the build tree, only in the resources, whose
 * icon path is then added (after start-up, see kurs_application_new).
 */
void
kurs_application_ensure_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  if (!gtk_icon_theme_has_icon (theme, APP_ID))
    gtk_icon_theme_add_resource_path (theme, "/dk/kurs/Kurs/icons");
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KursApplication *self = KURS_APPLICATION (user_data);
  const char *developers[] = { _("The Kurs developers"), NULL };

  kurs_application_ensure_icon ();
  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Kurs"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan a public strategy and follow it through its implementation years."),
                         "developer-name", _("The Kurs developers"),
                         "developers", developers,
                         "copyright", "© 2026 The Kurs developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KursApplication *self = KURS_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window saves what is being typed as it closes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* app.show-record-in ((LIBRARY, STRATEGY:KIND:N)): the record in the
 * window of its library, opening the library first where no window shows
 * it; what `kurs --file LIBRARY --record …` asks of a Kurs that runs */
static void
show_record_in_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KursApplication *self = user_data;
  const char *path, *record;
  KursWindow *window;

  g_variant_get (parameter, "(&s&s)", &path, &record);
  if ((window = find_window (self, path)) != NULL)
    {
      show_record (window, record);
      return;
    }

  g_free (self->record);
  self->record = g_strdup (record);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    kurs_application_open_library (self, file);
  }
}

static const GActionEntry app_actions[] = {
  { "show-record-in", show_record_in_action, "(ss)" },
  { "open-library", open_library_action },
  { "connect-server", connect_server_action },
  { "new-library", new_library_action },
  { "open-recent", open_recent_action, "s" },
  { "about", about_action },
  { "quit", quit_action },
};

/* Styles */

static void
high_contrast_cb (KursApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkStyleProvider *provider = GTK_STYLE_PROVIDER (self->high_contrast_style);

  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    gtk_style_context_add_provider_for_display (display, provider, GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (display, provider);
}

/* Kurs has no resource base path (see kurs_application_new), so it loads its
 * style sheets itself, as AdwApplication would: style.css, and style-hc.css
 * over it while the high-contrast theme is on. */
static void
load_styles (KursApplication *self)
{
  self->style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->style, "/dk/kurs/Kurs/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->high_contrast_style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->high_contrast_style, "/dk/kurs/Kurs/style-hc.css");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (high_contrast_cb), self, G_CONNECT_SWAPPED);
  high_contrast_cb (self);
}

/* Every key that does something in Kurs's windows, in one place.  An
 * application's keys are handled before any widget sees them, so they work
 * wherever the focus is: in a list, a text, a scrolled page. */
static void
add_shortcuts (KursApplication *self)
{
  GtkApplication *application = GTK_APPLICATION (self);
  guint n = 0;

  gtk_application_set_accels_for_action (application, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (application, "app.open-library",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (application, "win.new-strategy",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (application, "win.import-xml",
                                         (const char *[]) { "<Control>i", NULL });
  gtk_application_set_accels_for_action (application, "win.export-xml",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (application, "win.undo",
                                         (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (application, "win.redo",
                                         (const char *[]) { "<Control><Shift>z", "<Control>y", NULL });
  gtk_application_set_accels_for_action (application, "win.show-sidebar",
                                         (const char *[]) { "F9", NULL });
  gtk_application_set_accels_for_action (application, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (application, "win.print",
                                         (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (application, "win.search",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (application, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });

  /* Alt+1 … Alt+9: the strategy's first pages, in the order they are
   * listed; Alt+0 the timeline; Ctrl+Page Down and Up step through them
   * all */
  while (kurs_strategy_view_get_page_name_at (n) != NULL)
    n++;
  for (guint i = 0; i < n; i++)
    {
      const char *name = kurs_strategy_view_get_page_name_at (i);
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", name);
      g_autofree char *key = g_strdup_printf ("<Alt>%u", g_str_equal (name, "timeline") ? 0 : i + 1);

      if (i < 9 || g_str_equal (name, "timeline"))
        gtk_application_set_accels_for_action (application, action, (const char *[]) { key, NULL });
    }
  gtk_application_set_accels_for_action (application, "win.step-page(1)",
                                         (const char *[]) { "<Control>Page_Down", NULL });
  gtk_application_set_accels_for_action (application, "win.step-page(-1)",
                                         (const char *[]) { "<Control>Page_Up", NULL });
}

/* GApplication */

static void
kurs_application_startup (GApplication *application)
{
  KursApplication *self = KURS_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  kurs_make_settings_without_default_theme ();
  G_APPLICATION_CLASS (kurs_application_parent_class)->startup (application);
  load_styles (self);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_warning ("The settings schema %s is not installed; window size and recent libraries are not kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  add_shortcuts (self);
}


static void
kurs_application_activate (GApplication *application)
{
  KursApplication *self = KURS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) file = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  file = self->file ? g_object_ref (self->file) : default_library (self);
  kurs_application_open_library (self, file);
}

static void
kurs_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    kurs_application_open_library (KURS_APPLICATION (application), files[i]);
}

static int
kurs_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  KursApplication *self = KURS_APPLICATION (application);
  g_autofree char *file = NULL;

  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot);
  g_variant_dict_lookup (options, "page", "s", &self->page);
  g_variant_dict_lookup (options, "strategy", "s", &self->strategy);
  g_variant_dict_lookup (options, "record", "s", &self->record);
  self->quit_after_first_frame = g_variant_dict_contains (options, "quit-after-first-frame");

  /* A test or a measurement runs an instance of its own. */
  if (self->screenshot != NULL || self->quit_after_first_frame
      || g_variant_dict_contains (options, "new-instance"))
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  /* --file LIBRARY is the same as naming it */
  if (g_variant_dict_lookup (options, "file", "^ay", &file))
    {
      g_autoptr(GError) error = NULL;

      self->file = g_file_new_for_commandline_arg (file);
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* A Kurs that already runs opens it (at the record asked for); this
       * one is done. */
      if (g_application_get_is_remote (application))
        {
          if (self->record != NULL)
            {
              g_autofree char *path = g_file_get_path (self->file);

              g_action_group_activate_action (G_ACTION_GROUP (application), "show-record-in",
                                              g_variant_new ("(ss)", path ? path : "", self->record));
            }
          else
            g_application_open (application, &self->file, 1, "");
          return 0;
        }
    }

  return -1;
}

static void
kurs_application_finalize (GObject *object)
{
  KursApplication *self = (KursApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->style);
  g_clear_object (&self->high_contrast_style);
  g_clear_object (&self->file);
  g_free (self->screenshot);
  g_free (self->page);
  g_free (self->strategy);
  g_free (self->record);

  G_OBJECT_CLASS (kurs_application_parent_class)->finalize (object);
}

static void
kurs_application_class_init (KursApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kurs_application_finalize;

  app_class->startup = kurs_application_startup;
  app_class->activate = kurs_application_activate;
  app_class->open = kurs_application_open;
  app_class->handle_local_options = kurs_application_handle_local_options;
}

static void
kurs_application_init (KursApplication *self)
{
  const GOptionEntry options[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, NULL, N_("The library to open"), N_("LIBRARY") },
    { "new-instance", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL, NULL, NULL },
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
    { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "strategy", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "record", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[LIBRARY]"));
}

KursApplication *
kurs_application_new (void)
{
  static gsize registered = 0;
  KursApplication *self;

  if (g_once_init_enter (&registered))
    {
      kurs_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  self = g_object_new (KURS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);

  /* No resource base path, so no icon path for GtkApplication to add at
   * start-up.  GTK 4.8 starts loading the icon theme on a worker as soon
   * as it is first asked for, and each icon path added afterwards throws
   * that work away: GtkApplication adds the application's, and libadwaita
   * its own a moment later, so in many starts the main thread waited for
   * the worker, loaded the theme again itself, and restyled the whole window
   * after its first frame.  With libadwaita's path the only one, it is
   * added as the theme is made.  Kurs loads its style sheets itself
   * (load_styles), and adds its own icons only where it shows them, if the
   * theme lacks them (kurs_application_ensure_icon). */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);

  return self;
}

/**
 * kurs_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
kurs_application_get_settings (KursApplication *self)
{
  g_return_val_if_fail (KURS_IS_APPLICATION (self), NULL);

  return self->settings;
}
