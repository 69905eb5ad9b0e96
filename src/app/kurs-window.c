/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kurs-application.h"
#include "kurs-changes-window.h"
#include "kurs-document-export.h"
#include "kurs-example.h"
#include "kurs-exporting.h"
#include "kurs-field-binding.h"
#include "kurs-ical-export.h"
#include "kurs-input-file.h"
#include "kurs-printing.h"
#include "kurs-record-list.h"
#include "kurs-search-results.h"
#include "kurs-search.h"
#include "kurs-spreadsheet.h"
#include "kurs-strategy-document.h"
#include "kurs-strategy-row.h"
#include "kurs-strategy-view.h"
#include "kurs-window.h"
#include "kurs-server.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"
#include "kurs-xml.h"

/**
 * KursWindow:
 *
 * One library: its strategies in the sidebar, the one selected beside
 * them.  Every edit is saved as it is made; undo and redo take back the
 * library's last actions, whichever page made them.
 */
struct _KursWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;   /* the application's; none in a test */
  KursStore            *store;
  KursRecordList       *model;
  KursRecord           *selected;
  /* While another program writes the library: the check, every second,
   * whether it has let go */

  AdwToastOverlay      *toasts;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwWindowTitle       *library_title;
  GtkListBox           *strategies;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  KursSearchResults    *search_results;
  GtkStack             *content;
  KursStrategyView     *view;
  AdwStatusPage        *error_page;
  AdwStatusPage        *opening_page;
  struct _Import       *importing;     /* an import adding its rows */
  gboolean              read_failure_said;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *main_menu;
  GMenu                *recent_menu;

  /* The toast that says what undo or redo did, while it is shown: the
   * next undo says so in it, rather than queueing a toast of its own */
  AdwToast             *history_toast;
  /* The toast that says why something cannot be changed, while shown */
  AdwToast             *refusal_toast;
  /* The toast that says what was typed is not saved yet, while shown */
  AdwToast             *unsaved_toast;
};

G_DEFINE_FINAL_TYPE (KursWindow, kurs_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
settings (KursWindow *self)
{
  return self->settings;
}

/* What of the Danish calendar the timeline shows, and so prints */
static KursCalendarLayers
shown_calendar (KursWindow *self)
{
  GSettings *s = settings (self);

  return s != NULL ? g_settings_get_uint (s, "timeline-calendar") : KURS_CALENDAR_ALL;
}

static void
toast (KursWindow *self,
       const char *message,
       gboolean    with_undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* A toast that says work is under way, shown until end_working_toast() */
static AdwToast *
working_toast (KursWindow *self,
               const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (toast));
  return toast;
}

static void
end_working_toast (AdwToast **toast)
{
  if (*toast == NULL)
    return;
  adw_toast_dismiss (*toast);
  g_clear_object (toast);
}

static void
update_actions (KursWindow *self)
{
  /* strategies are added and removed by whom the library lets write
   * them: not a reader, nor a manager following up (on a server) */
  gboolean writable = self->store != NULL && !kurs_store_is_read_only (self->store)
                      && !kurs_store_is_follow_up_only (self->store);
  gboolean selected = self->selected != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-strategy", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-xml", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xml", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-document", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-spreadsheet", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-strategy", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->store != NULL && kurs_store_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->store != NULL && kurs_store_can_redo (self->store));
}

/* The content page called @name: the strategy page is the template's; the
 * empty and error pages are built the first time they are needed, as most
 * starts show neither. */
static GtkWidget *
content_page (KursWindow *self,
              const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content, name);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (page != NULL)
    return page;

  id = g_strconcat (name, "_content", NULL);
  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, "/dk/kurs/Kurs/kurs-window-pages.ui",
                                              (const char *[]) { id, NULL }, &error))
    g_error ("The window's %s page: %s", name, error->message);
  page = GTK_WIDGET (gtk_builder_get_object (builder, id));

  if (g_str_equal (name, "empty"))
    g_object_bind_property (self->leaflet, "folded", gtk_builder_get_object (builder, "empty_header"),
                            "show-start-title-buttons", G_BINDING_SYNC_CREATE);
  else if (g_str_equal (name, "opening"))
    self->opening_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "opening_page"));
  else
    self->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));

  gtk_stack_add_named (self->content, page, name);
  return page;
}

/* Shows one of the content pages ("empty", "strategy", "error", "opening").  The
 * others are hidden, not only covered: GTK styles every visible widget,
 * shown or not, and the first frame would pay for pages nobody sees. */
static void
show_content (KursWindow *self,
              const char *name)
{
  GtkWidget *page;

  /* The empty page shows the application's icon by name */
  if (g_str_equal (name, "empty"))
    kurs_application_ensure_icon ();
  page = content_page (self, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->content, page);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static void
show_strategy (KursWindow *self,
               KursRecord *strategy)
{
  g_set_object (&self->selected, strategy);

  if (strategy != NULL)
    {
      kurs_strategy_view_set_strategy (self->view, self->store, strategy);
      show_content (self, "strategy");
    }
  else
    {
      kurs_strategy_view_set_strategy (self->view, NULL, NULL);
      show_content (self, "empty");
    }

  update_actions (self);
}

static void
select_strategy (KursWindow *self,
                 KursRecord *strategy)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->strategies));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (KURS_IS_STRATEGY_ROW (row) && kurs_strategy_row_get_strategy (KURS_STRATEGY_ROW (row)) == strategy)
      {
        gtk_list_box_select_row (self->strategies, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
strategy_selected_cb (KursWindow    *self,
                      GtkListBoxRow *row)
{
  if (row == NULL)
    return;

  show_strategy (self, kurs_strategy_row_get_strategy (KURS_STRATEGY_ROW (row)));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
}

/* The strategies changed: keep the one shown selected, or, if it is gone,
 * show another. */
static void
strategies_changed_cb (KursWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autoptr(KursRecord) first = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->model), 0) : NULL;

  if (self->selected != NULL && !kurs_record_is_deleted (self->selected))
    select_strategy (self, self->selected);
  else if (first != NULL)
    select_strategy (self, first);
  else
    show_strategy (self, NULL);
}

static GtkWidget *
create_strategy_row (gpointer item,
                     gpointer user_data)
{
  return kurs_strategy_row_new (KURS_RECORD (item));
}

static void
folded_cb (KursWindow *self)
{
  kurs_strategy_view_set_folded (self->view, adw_leaflet_get_folded (self->leaflet));
}

static void
fill_recent_menu (KursWindow *self)
{
  GSettings *s = settings (self);
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (s == NULL)
    return;

  recent = g_settings_get_strv (s, "recent-libraries");
  for (guint i = 0; recent[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *host = NULL;
      g_autofree char *database = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* a team library by its database and server */
      if (kurs_server_split_address (recent[i], &host, &database, NULL))
        /* Translators: a team library in Open Recent, "strategier on db.kommune.dk" */
        name = g_strdup_printf (_("%s on %s"), database, *host ? host : _("this computer"));
      else
        name = g_filename_display_basename (recent[i]);
      item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Actions */

static void
new_strategy_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  int year = kurs_date_get_year (kurs_date_today ());

  strategy = kurs_store_create_strategy (self->store, _("New Strategy"), year, year + 4, NULL, &error);
  if (strategy == NULL)
    {
      kurs_show_error (widget, error);
      return;
    }

  select_strategy (self, strategy);
  kurs_strategy_view_show_page (self->view, "overview");

  /* Ready to be named: the title, selected */
  {
    GtkWidget *page = kurs_strategy_view_get_page (self->view, "overview");

    if (page != NULL)
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  }
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;

  strategy = kurs_example_create (self->store, &error);
  if (strategy == NULL)
    kurs_show_error (widget, error);
  else
    select_strategy (self, strategy);
}

static void
history_toast_dismissed_cb (KursWindow *self,
                            AdwToast   *toast)
{
  if (self->history_toast == toast)
    g_clear_object (&self->history_toast);
  g_clear_object (&self->refusal_toast);
}

/* Says what undo or redo did, with the way back */
static void
show_history_toast (KursWindow *self,
                    const char *text,
                    gboolean    undone)
{
  if (self->history_toast == NULL)
    {
      self->history_toast = adw_toast_new (text);
      adw_toast_set_priority (self->history_toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (self->history_toast, "dismissed", G_CALLBACK (history_toast_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toasts, g_object_ref (self->history_toast));
    }
  else
    adw_toast_set_title (self->history_toast, text);

  adw_toast_set_button_label (self->history_toast, undone ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (self->history_toast, undone ? "win.redo" : "win.undo");
}

/* Undo and redo say what they did, and go where it was done */
static void
replay (KursWindow *self,
        gboolean    undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) subject = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *label = NULL;
  g_autofree char *field = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *text = NULL;
  const char *field_name, *origin_name;
  KursRecord *peeked;
  gboolean ok;

  if (self->store == NULL || !(undo ? kurs_store_can_undo (self->store) : kurs_store_can_redo (self->store)))
    return;

  label = g_strdup (undo ? kurs_store_get_undo_label (self->store) : kurs_store_get_redo_label (self->store));
  peeked = undo ? kurs_store_get_undo_subject (self->store, &field_name, &origin_name)
                : kurs_store_get_redo_subject (self->store, &field_name, &origin_name);
  subject = peeked ? g_object_ref (peeked) : NULL;
  field = g_strdup (field_name);
  origin = g_strdup (origin_name);

  ok = undo ? kurs_store_undo (self->store, &error) : kurs_store_redo (self->store, &error);
  if (!ok)
    {
      kurs_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* TRANSLATORS: said after undo, with what it took back: Undid: Title of “Flere i egen bolig” */
  text = undo ? g_strdup_printf (_("Undid: %s"), label)
  /* TRANSLATORS: said after redo, with what it did again */
              : g_strdup_printf (_("Redid: %s"), label);
  show_history_toast (self, text, undo);

  if (subject == NULL)
    return;

  /* The strategy it happened in, and there the page */
  strategy = kurs_store_get (self->store, KURS_ENTITY_STRATEGY, kurs_record_get_strategy_id (subject));
  if (strategy == NULL || kurs_record_is_deleted (strategy))
    return;
  if (strategy != self->selected)
    select_strategy (self, strategy);
  if (subject != strategy || field != NULL)
    {
      kurs_strategy_view_show_change (self->view, subject, field, origin);
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  replay (KURS_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  replay (KURS_WINDOW (widget), FALSE);
}

static void
delete_strategy_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *message = NULL;

  if (self->selected == NULL)
    return;

  strategy = g_object_ref (self->selected);
  message = g_strdup_printf (_("“%s” deleted"), kurs_record_get_title (strategy));
  if (!kurs_store_delete (self->store, strategy, &error))
    kurs_show_error (widget, error);
  else
    toast (self, message, TRUE);
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  toast (KURS_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  toast (KURS_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* What was typed could not be saved (a full disk): said, with the text
 * to copy, in case it never can be */
static void
show_unsaved_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  const char *message, *text;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s)", &message, &text);
  if (self->unsaved_toast != NULL)
    adw_toast_dismiss (self->unsaved_toast);
  g_clear_object (&self->unsaved_toast);
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  if (*text != '\0')
    {
      adw_toast_set_button_label (toast, _("_Copy Text"));
      adw_toast_set_action_name (toast, "win.copy-text");
      adw_toast_set_action_target_value (toast, g_variant_new_string (text));
    }
  self->unsaved_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* What was not saved is now: the toast that said so goes */
static void
show_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  if (self->unsaved_toast == NULL)
    return;
  adw_toast_dismiss (self->unsaved_toast);
  g_clear_object (&self->unsaved_toast);
  toast (self, _("What you typed is saved"), FALSE);
}

/* An edit refused because someone else changed the field first: the
 * field shows theirs; the toast says who and when, and keeps the
 * person's own to put back */
static void
show_conflict_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GVariant) mine = NULL;
  g_autoptr(GVariant) theirs = NULL;
  g_autofree char *title = NULL;
  const char *message, *entity, *field;
  AdwToast *toast;
  gint64 id, revision;

  g_variant_get (parameter, "(&s&sx&smvmvx)", &message, &entity, &id, &field, &mine, &theirs, &revision);
  /* TRANSLATORS: after "Anna Jensen changed Title of “Egen bolig” to “Et
   * hjem til alle” at 14:05" */
  title = g_strdup_printf (_("%s. What you wrote is kept here."), message);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("Use _Mine"));
  adw_toast_set_action_name (toast, "win.use-mine");
  /* put back over theirs, as told now: the field's value and the
   * library's revision as the editor shows them */
  adw_toast_set_action_target_value (toast, g_variant_new ("(sxsmvmvx)", entity, id, field, mine, theirs, revision));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* What the person wrote, put back over another's change they have seen */
static void
use_mine_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GVariant) mine = NULL;
  g_autoptr(GVariant) theirs = NULL;
  g_autoptr(KursRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const KursEntityInfo *info;
  const char *entity, *field;
  gint64 id, revision;

  g_variant_get (parameter, "(&sx&smvmvx)", &entity, &id, &field, &mine, &theirs, &revision);
  if (self->store == NULL || (info = kurs_entity_info_by_name (entity)) == NULL
      || (record = kurs_store_get (self->store, info->entity, id)) == NULL)
    {
      toast (self, _("What you wrote cannot be put back: it has been deleted"), FALSE);
      return;
    }
  /* over theirs as the toast told it: a change since is told again */
  if (!kurs_store_set_from (self->store, record, field, theirs, revision, mine, &error))
    kurs_show_error (widget, error);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
show_undo_toast_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  toast (KURS_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
refusal_toast_dismissed_cb (KursWindow *self,
                            AdwToast   *toast)
{
  if (self->refusal_toast == toast)
    g_clear_object (&self->refusal_toast);
}

/* Says why what someone tries to change cannot be changed (a frozen text,
 * a read-only library), once however often they try, with the way to
 * change it where there is one */
static void
show_refusal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  if (self->refusal_toast != NULL)
    return;

  self->refusal_toast = adw_toast_new (g_variant_get_string (parameter, NULL));
  if (self->selected != NULL && !kurs_store_is_read_only (self->store)
      && !kurs_store_is_follow_up_only (self->store)
      && kurs_store_is_frozen (self->store, kurs_record_get_id (self->selected)))
    {
      adw_toast_set_button_label (self->refusal_toast, _("Start New _Revision…"));
      adw_toast_set_action_name (self->refusal_toast, "win.start-revision");
    }
  g_signal_connect_object (self->refusal_toast, "dismissed", G_CALLBACK (refusal_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (self->refusal_toast));
}

static void
start_revision_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kurs_strategy_view_start_revision (KURS_WINDOW (widget)->view);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  if (self->selected != NULL)
    {
      kurs_strategy_view_show_page (self->view, g_variant_get_string (parameter, NULL));
      adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
      /* The page is there to be worked in: Enter no longer opens another */
      kurs_strategy_view_focus_page (self->view);
    }
}

static void
show_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(KursRecord) record = NULL;
  const char *page;
  gint64 id;
  int entity;

  g_variant_get (parameter, "(&six)", &page, &entity, &id);
  if (self->selected == NULL || entity < 0 || entity >= KURS_N_ENTITIES
      || !(record = kurs_store_get (self->store, entity, id)))
    return;

  kurs_strategy_view_show_record (self->view, page, record);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
}

/* Search: results in the sidebar, in place of the strategies, while there
 * is text to search for */

static void
search_changed_cb (KursWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = kurs_search_query (text);   /* NULL: no word in it */
  gboolean searching = query != NULL;

  kurs_search_results_search (self->search_results, searching ? text : NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "results" : "strategies");
}

static void
search_mode_cb (KursWindow *self)
{
  /* Escape or the button closes it: the strategies again, where they were */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "strategies");
    }
}

/* Enter opens the first result; Down goes into the list */
static void
search_activate_cb (KursWindow *self)
{
  GtkListBox *list = kurs_search_results_get_list (self->search_results);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (gtk_list_box_row_get_activatable (row))
        {
          gtk_widget_activate (GTK_WIDGET (row));
          return;
        }
    }
}

static void
search_next_cb (KursWindow *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->search_results), GTK_DIR_TAB_FORWARD);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  if (self->store == NULL)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* A search result: its strategy, then its record on its page, revealed
 * and with the keyboard focus, as the follow-up page's entries open */
static void
show_found_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) record = NULL;
  gint64 strategy_id, id;
  int entity;

  g_variant_get (parameter, "(xix)", &strategy_id, &entity, &id);
  if (self->store == NULL || entity < 0 || entity >= KURS_N_ENTITIES
      || !(strategy = kurs_store_get (self->store, KURS_ENTITY_STRATEGY, strategy_id))
      || !(record = kurs_store_get (self->store, entity, id)))
    return;

  if (self->selected != strategy)
    select_strategy (self, strategy);
  kurs_strategy_view_show_record (self->view, kurs_strategy_view_page_for_record (record, NULL), record);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
}

static void
step_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  if (self->selected != NULL)
    kurs_strategy_view_step_page (self->view, g_variant_get_int32 (parameter));
}

static void
fill_shortcut_keys (GtkWidget      *widget,
                    GtkApplication *application)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;

      g_object_get (widget, "action-name", &action, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, action);
          g_autofree char *keys = g_strjoinv (" ", accels);

          g_object_set (widget, "accelerator", keys, NULL);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    fill_shortcut_keys (child, application);
}

/* The shortcuts window is made when it is asked for, not with every
 * window as GTK's gtk/help-overlay.ui would be. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/dk/kurs/Kurs/kurs-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));

  /* Each entry's keys, as the application has them: one place says which
   * key does what (add_shortcuts in kurs-application.c) */
  if (application != NULL)
    fill_shortcut_keys (GTK_WIDGET (shortcuts), application);

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* The menu's popover is made the first time it opens */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  KursWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->main_menu);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* Import */

static void
message (KursWindow *self,
         const char *heading,
         const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file being imported: read and checked in the background, then added
 * here, in one action, a few milliseconds at a time so that the window
 * keeps drawing (and takes no edit meanwhile) */
typedef struct _Import {
  KursWindow    *window;
  KursXmlParsed *parsed;
  AdwToast      *toast;
  KursXmlImport *import;
  guint          step_source;
  gboolean       added;       /* every step taken: the commit is next */
  int            percent;     /* shown in the toast */
} Import;

/* How long the window may wait for one step of adding */
#define IMPORT_STEP_USEC (12 * 1000)

static void
import_free (Import *import)
{
  end_working_toast (&import->toast);
  if (import->import != NULL)
    kurs_xml_import_end (import->import, NULL);
  g_clear_handle_id (&import->step_source, g_source_remove);
  if (import->window->importing == import)
    {
      import->window->importing = NULL;
      gtk_widget_set_sensitive (GTK_WIDGET (import->window->leaflet), TRUE);
    }
  g_object_unref (import->window);
  kurs_xml_parsed_free (import->parsed);
  g_free (import);
}

static void import_parsed (Import             *data,
                           KursXmlImportFlags  flags);

static void
import_copy_cb (AdwMessageDialog *dialog,
                const char       *response,
                Import           *data)
{
  if (g_str_equal (response, "copy"))
    import_parsed (data, KURS_XML_IMPORT_AS_COPY);
  else
    import_free (data);
}

static gboolean
import_step_cb (gpointer user_data)
{
  Import *data = user_data;
  KursWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *text = NULL;

  /* the commit in a turn of its own: the last step may be long too */
  if (!data->added)
    {
      int percent;

      data->added = kurs_xml_import_step (data->import, IMPORT_STEP_USEC);
      percent = (int) (100 * kurs_xml_import_get_progress (data->import));
      if (percent != data->percent && data->toast != NULL)
        {
          /* Translators: while a large file is added to the library; %d %% is how far it has come */
          g_autofree char *title = g_strdup_printf (_("Importing… %d %%"), percent);

          adw_toast_set_title (data->toast, title);
          data->percent = percent;
        }
      return G_SOURCE_CONTINUE;
    }

  data->step_source = 0;
  strategy = kurs_xml_import_end (g_steal_pointer (&data->import), &error);
  self->importing = NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), TRUE);
  if (strategy != NULL)
    {
      text = g_strdup_printf (_("Imported “%s”"), kurs_record_get_title (strategy));
      select_strategy (self, strategy);
      toast (self, text, TRUE);
    }
  else
    message (self, _("Could Not Import"), error->message);
  import_free (data);
  return G_SOURCE_REMOVE;
}

/* Takes @data */
static void
import_parsed (Import             *data,
               KursXmlImportFlags  flags)
{
  KursWindow *self = data->window;
  g_autoptr(GError) error = NULL;

  data->import = kurs_xml_import_begin (self->store, kurs_xml_parsed_copy (data->parsed), flags, &error);
  if (data->import != NULL)
    {
      if (data->toast == NULL)
        data->toast = working_toast (self, _("Importing…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), FALSE);
      self->importing = data;
      data->step_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, import_step_cb, data, NULL);
      return;
    }

  end_working_toast (&data->toast);
  if (g_error_matches (error, KURS_XML_ERROR, KURS_XML_ERROR_DUPLICATE))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Strategy Already in the Library"),
                                                           error->message));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "copy", _("Import as _Copy"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
      g_signal_connect (dialog, "response", G_CALLBACK (import_copy_cb), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  message (self, _("Could Not Import"), error->message);
  import_free (data);
}

static void
import_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Import *data = user_data;
  g_autoptr(GError) error = NULL;

  data->parsed = kurs_xml_parse_finish (result, &error);
  if (data->parsed == NULL || data->window->store == NULL)
    {
      if (data->parsed == NULL)
        message (data->window, _("Could Not Import"), error->message);
      import_free (data);
      return;
    }
  import_parsed (data, KURS_XML_IMPORT_DEFAULT);
}

static void
import (KursWindow *self,
        GBytes     *xml)
{
  Import *data = g_new0 (Import, 1);

  data->window = g_object_ref (self);
  /* Translators: while a file is read and checked for import */
  data->toast = working_toast (self, _("Importing…"));
  kurs_xml_parse_async (xml, NULL, import_checked_cb, data);
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KursWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean too_large;
  g_autoptr(GBytes) xml = kurs_input_file_read_finish (result, &too_large, &error);

  if (too_large)
    message (self, _("Could Not Import"), _("The file is too large to be a strategy"));
  else if (xml == NULL)
    message (self, _("Could Not Import"), error->message);
  else
    import (self, xml);
}

/**
 * kurs_window_import_file:
 * @path: a Kurs XML file
 *
 * Imports the strategy in @path into the window's library: the file is
 * read (no more than a strategy can be) and checked in the background
 * while a toast says so, then added in one action and shown.  What goes
 * wrong is said in a dialog.
 */
void
kurs_window_import_file (KursWindow *self,
                         const char *path)
{
  g_return_if_fail (KURS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  kurs_input_file_read_async (path, KURS_XML_MAX_BYTES, NULL, import_loaded_cb, g_object_ref (self));
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Strategy XML"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

static void
import_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  KursWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        message (self, _("Could Not Import"), _("Only files on this computer can be imported"));
      else
        kurs_window_import_file (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = xml_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Strategy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KursWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message (self, _("Could Not Export"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (G_FILE (source));
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

      toast (self, text, FALSE);
    }
}

static void
release_bytes (gpointer  bytes,
               GClosure *closure)
{
  g_bytes_unref (bytes);
}

/* The chooser's answer, with the bytes it was shown for */
static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  GBytes          *xml)
{
  KursWindow *self = KURS_WINDOW (gtk_native_dialog_get_transient_for (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      /* Written beside and moved into place: never half a file */
      g_file_replace_contents_bytes_async (file, xml, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, export_written_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_file (KursWindow    *self,
           GBytes        *xml,
           const char    *title,
           GtkFileFilter *filter,
           const char    *suggested_name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (export_chosen_cb), g_bytes_ref (xml), release_bytes, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_xml (KursWindow *self,
          GBytes     *xml,
          const char *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  save_file (self, xml, _("Export Strategy"), filter, suggested_name);
}

static char *
file_name (KursRecord *strategy,
           const char *suffix,
           const char *extension)
{
  g_autofree char *title = g_strdup (kurs_record_get_title (strategy));

  /* A name any file system takes */
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strdup_printf ("%s%s%s", title, suffix, extension);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  char *text;

  if (self->selected == NULL)
    return;

  if (!(text = kurs_ical_export (self->store, self->selected, &error)))
    {
      message (self, _("Could Not Export"), error->message);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  gtk_file_filter_set_name (filter, _("Calendar"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  name = file_name (self->selected, "", ".ics");
  save_file (self, bytes, _("Export Calendar"), filter, name);
}

/* A document being made to print, and the toast that says so */
typedef struct {
  KursWindow *self;
  AdwToast   *toast;
} Preparing;

static void
document_made_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Preparing *preparing = user_data;
  g_autoptr(KursWindow) self = preparing->self;
  g_autoptr(KursPrintDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  end_working_toast (&preparing->toast);
  g_free (preparing);

  document = kurs_strategy_document_new_finish (result, &error);
  if (document == NULL || !kurs_printing_run (GTK_WINDOW (self), document, &error))
    message (self, _("Could Not Print"), error->message);
}

/* Print, or print-changes N: the strategy with the appendix of the changes
 * since version N */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  gint64 changes_since = parameter != NULL ? g_variant_get_int64 (parameter) : 0;
  Preparing *preparing;

  if (self->selected == NULL)
    return;

  /* The document is made in the background from what is saved, with the
   * text being typed saved first; GTK's print operation then lays it out
   * a few milliseconds at a time */
  kurs_store_prepare (self->store);
  preparing = g_new0 (Preparing, 1);
  preparing->self = g_object_ref (self);
  /* Translators: while a strategy is made ready to print */
  preparing->toast = working_toast (self, _("Preparing to print…"));
  kurs_strategy_document_new_with_changes_async (kurs_store_get_path (self->store), self->selected,
                                                 shown_calendar (self), changes_since, NULL,
                                                 document_made_cb, preparing);
}

/* An export under way: the toast that says so, and the file name it
 * suggests */
typedef struct {
  KursWindow *self;
  AdwToast   *toast;
  char       *name;
} Exporting;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exporting *exporting = user_data;
  KursWindow *self = exporting->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = kurs_xml_export_finish (result, &error);

  end_working_toast (&exporting->toast);
  if (xml == NULL)
    message (self, _("Could Not Export"), error->message);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    save_xml (self, xml, exporting->name);

  g_free (exporting->name);
  g_object_unref (exporting->self);
  g_free (exporting);
}

/* The XML is made in the background from what is saved (the text being
 * typed is saved first); a toast says so meanwhile */
static void
export_in_background (KursWindow *self,
                      gint64      number,
                      const char *suffix)
{
  Exporting *exporting = g_new0 (Exporting, 1);
  g_autofree char *text = NULL;

  kurs_store_prepare (self->store);

  exporting->self = g_object_ref (self);
  exporting->name = file_name (self->selected, suffix, ".xml");
  /* Translators: while a strategy is being exported */
  text = g_strdup_printf (_("Exporting “%s”…"), kurs_record_get_title (self->selected));
  exporting->toast = working_toast (self, text);

  kurs_xml_export_async (kurs_store_get_path (self->store), self->selected, number, NULL, exported_cb, exporting);
}

static void
export_version (KursWindow *self,
                gint64      number)
{
  g_autofree char *suffix = NULL;

  if (self->selected == NULL)
    return;

  suffix = number > 0 ? g_strdup_printf (" v%d", (int) number) : g_strdup ("");
  export_in_background (self, number, suffix);
}

static void
export_draft_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 KursWindow       *self)
{
  if (!g_str_equal (response, "draft") || self->selected == NULL)
    return;

  export_in_background (self, KURS_XML_EXPORT_DRAFT, _(" (draft)"));
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autoptr(GPtrArray) versions = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->selected == NULL)
    return;

  versions = kurs_store_list (self->store, KURS_ENTITY_VERSION, kurs_record_get_id (self->selected), NULL);
  if (versions->len > 0)
    {
      export_version (self, 0);
      return;
    }

  /* No approved version: the draft, said to be one */
  body = g_strdup_printf (_("“%s” has not been approved. The draft can be exported, marked as a draft."),
                          kurs_record_get_title (self->selected));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export the Draft?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "draft", _("Export _Draft"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "draft", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_draft_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_version_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_version (KURS_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* What changed between two versions, or a version and the draft, in a
 * window of its own: (FROM, TO), TO 0 for the draft */
static void
compare_versions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  gint64 from, to;
  GtkWidget *changes;

  g_variant_get (parameter, "(xx)", &from, &to);
  if (self->store == NULL || self->selected == NULL)
    return;

  changes = kurs_changes_window_new (GTK_WINDOW (self), self->store, self->selected, from, to);
  gtk_window_present (GTK_WINDOW (changes));
}

/* Documents and spreadsheets: the file is chosen first, then written in
 * the background from what is saved, a toast saying so meanwhile */

typedef struct {
  KursWindow *self;
  KursRecord *strategy;
  gint64      version;
  gboolean    spreadsheet;
  AdwToast   *toast;
  char       *name;
} Writing;

static void
writing_free (gpointer data)
{
  Writing *writing = data;

  end_working_toast (&writing->toast);
  g_object_unref (writing->self);
  g_object_unref (writing->strategy);
  g_free (writing->name);
  g_free (writing);
}

static Writing *
writing_new (KursWindow *self,
             KursRecord *strategy,
             gint64      version,
             gboolean    spreadsheet)
{
  Writing *writing = g_new0 (Writing, 1);

  writing->self = g_object_ref (self);
  writing->strategy = g_object_ref (strategy);
  writing->version = version;
  writing->spreadsheet = spreadsheet;
  return writing;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Writing *writing = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (writing->spreadsheet)
    ok = kurs_spreadsheet_write_finish (result, &error);
  else
    ok = kurs_document_export_strategy_finish (result, &error);
  end_working_toast (&writing->toast);
  if (!ok)
    message (writing->self, _("Could Not Export"), error->message);
  else
    {
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), writing->name);

      toast (writing->self, text, FALSE);
    }
  writing_free (writing);
}

/* The toast of a document being written, and what it says before the
 * percentage */
typedef struct {
  AdwToast *toast;
  char     *title;
} Showing;

static void
showing_free (gpointer data)
{
  Showing *showing = data;

  g_object_unref (showing->toast);
  g_free (showing->title);
  g_free (showing);
}

static void
show_progress (double   fraction,
               gpointer data)
{
  Showing *showing = data;
  /* Translators: a document being exported and how far it is: "Exporting “Ældrestrategi”… 40 %" */
  g_autofree char *title = g_strdup_printf (_("%s %d %%"), showing->title, (int) (fraction * 100));

  adw_toast_set_title (showing->toast, title);
}

/* The file is chosen: writing starts, with a copy of what the chooser
 * was given (which goes with the chooser) */
static void
write_chosen (GtkWindow *parent,
              GFile     *file,
              gpointer   user_data)
{
  Writing *chosen = user_data;
  KursWindow *self = chosen->self;
  Writing *writing;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;

  if (path == NULL || self->store == NULL)
    return;

  writing = writing_new (self, chosen->strategy, chosen->version, chosen->spreadsheet);
  writing->name = g_file_get_basename (file);
  /* with what is being typed */
  kurs_store_prepare (self->store);
  /* Translators: while a strategy is being exported */
  text = g_strdup_printf (_("Exporting “%s”…"), kurs_record_get_title (writing->strategy));
  writing->toast = working_toast (self, text);
  if (writing->spreadsheet)
    kurs_spreadsheet_write_async (kurs_store_get_path (self->store), writing->strategy, path, NULL,
                                  written_cb, writing);
  else
    {
      Showing *showing = g_new0 (Showing, 1);

      showing->toast = g_object_ref (writing->toast);
      showing->title = g_steal_pointer (&text);
      kurs_document_export_strategy_async (kurs_store_get_path (self->store), writing->strategy,
                                           writing->version, shown_calendar (self), path, show_progress, showing,
                                           showing_free,
                                           NULL, written_cb, writing);
    }
}

/* The strategy as shown: its latest approved version while it is
 * approved, else its draft, said in the file's name */
static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  gboolean approved;
  g_autofree char *name = NULL;

  if (self->selected == NULL)
    return;

  approved = kurs_store_is_frozen (self->store, kurs_record_get_id (self->selected));
  name = file_name (self->selected, approved ? "" : _(" (draft)"), ".odt");
  kurs_exporting_choose_file (GTK_WINDOW (self), &kurs_exporting_document, name, write_chosen,
                              writing_new (self, self->selected,
                                           approved ? KURS_DOCUMENT_LATEST_VERSION : KURS_DOCUMENT_DRAFT, FALSE),
                              writing_free);
}

static void
export_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KursWindow *self = KURS_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->selected == NULL)
    return;

  name = file_name (self->selected, "", ".xlsx");
  kurs_exporting_choose_file (GTK_WINDOW (self), &kurs_exporting_spreadsheet, name, write_chosen,
                              writing_new (self, self->selected, KURS_DOCUMENT_DRAFT, TRUE), writing_free);
}

/* Window */

static gboolean
kurs_window_close_request (GtkWindow *window)
{
  KursWindow *self = KURS_WINDOW (window);
  GSettings *s = settings (self);

  /* What is being typed is saved, not lost */
  if (self->store != NULL)
    kurs_store_prepare (self->store);

  if (s != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (s, "window-width", width);
      g_settings_set_int (s, "window-height", height);
      g_settings_set_boolean (s, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (kurs_window_parent_class)->close_request (window);
}

static void
store_changed_cb (KursWindow *self)
{
  update_actions (self);
}

/* The application is not a construct property, so it is only known once
 * g_object_new() has set it: the remembered state is restored from here. */
static void
restore_state (KursWindow *self)
{
  GSettings *s;

  if ((s = settings (self)) != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (s, "window-width"),
                                   g_settings_get_int (s, "window-height"));
      if (g_settings_get_boolean (s, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (s, "changed::recent-libraries", G_CALLBACK (fill_recent_menu), self,
                               G_CONNECT_SWAPPED);
    }

  fill_recent_menu (self);
}

static void
kurs_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (kurs_window_parent_class)->constructed (object);

  update_actions (KURS_WINDOW (object));
}

/* A window opened narrow shows its sidebar folded away from its first
 * frame: the leaflet folds in the first layout, when the window is already
 * mapped, and would slide the sidebar away as that frame is drawn.  So
 * GTK's animations are off until then, and the user's setting back after. */
static void
first_frame_drawn_cb (GdkFrameClock *clock,
                      KursWindow    *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_drawn_cb, self);
  gtk_settings_reset_property (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations");
}

static void
kurs_window_realize (GtkWidget *widget)
{
  g_object_set (gtk_widget_get_settings (widget), "gtk-enable-animations", FALSE, NULL);
  GTK_WIDGET_CLASS (kurs_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (first_frame_drawn_cb),
                           widget, 0);
}

static void
kurs_window_dispose (GObject *object)
{
  KursWindow *self = (KursWindow *) object;

  g_clear_object (&self->history_toast);
  g_clear_object (&self->refusal_toast);
  g_clear_object (&self->unsaved_toast);
  g_clear_object (&self->settings);
  g_clear_object (&self->selected);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_window_parent_class)->dispose (object);
}

static void
kurs_window_class_init (KursWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kurs_window_constructed;
  object_class->dispose = kurs_window_dispose;
  widget_class->realize = kurs_window_realize;
  window_class->close_request = kurs_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KursWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, strategies);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, search_results);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, view);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, KursWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, strategy_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);

  gtk_widget_class_install_action (widget_class, "win.new-strategy", NULL, new_strategy_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.import-xml", NULL, import_xml_action);
  gtk_widget_class_install_action (widget_class, "win.export-xml", NULL, export_xml_action);
  gtk_widget_class_install_action (widget_class, "win.export-version", "x", export_version_action);
  gtk_widget_class_install_action (widget_class, "win.compare-versions", "(xx)", compare_versions_action);
  gtk_widget_class_install_action (widget_class, "win.delete-strategy", NULL, delete_strategy_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.step-page", "i", step_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(six)", show_record_action);
  gtk_widget_class_install_action (widget_class, "win.show-found", "(xix)", show_found_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
  gtk_widget_class_install_action (widget_class, "win.export-spreadsheet", NULL, export_spreadsheet_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-changes", "x", print_action);
  /* The keys are the application's (add_shortcuts in kurs-application.c): they
   * come before any widget's own, wherever the focus is */
  gtk_widget_class_install_action (widget_class, "win.show-error", "s", show_error_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-undo-toast", "s", show_undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-unsaved", "(ss)", show_unsaved_action);
  gtk_widget_class_install_action (widget_class, "win.copy-text", "s", copy_text_action);
  gtk_widget_class_install_action (widget_class, "win.show-conflict", "(ssxsmvmvx)", show_conflict_action);
  gtk_widget_class_install_action (widget_class, "win.use-mine", "(sxsmvmvx)", use_mine_action);
  gtk_widget_class_install_action (widget_class, "win.show-saved", NULL, show_saved_action);
  gtk_widget_class_install_action (widget_class, "win.show-refusal", "s", show_refusal_action);
  gtk_widget_class_install_action (widget_class, "win.start-revision", NULL, start_revision_action);
}

static void
kurs_window_init (KursWindow *self)
{
  g_type_ensure (KURS_TYPE_STRATEGY_VIEW);
  g_type_ensure (KURS_TYPE_SEARCH_RESULTS);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing in the sidebar starts a search */
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_main_menu_cb, self, NULL);

}

KursWindow *
kurs_window_new (KursApplication *application)
{
  KursWindow *self = g_object_new (KURS_TYPE_WINDOW, "application", application, NULL);

  /* The settings go down from here, to the strategy view and its pages */
  if (application != NULL && kurs_application_get_settings (application) != NULL)
    self->settings = g_object_ref (kurs_application_get_settings (application));
  kurs_strategy_view_set_settings (self->view, self->settings);
  restore_state (self);

  return self;
}

/**
 * kurs_window_get_store:
 *
 * Returns: (transfer none) (nullable): the library shown
 */
KursStore *
kurs_window_get_store (KursWindow *self)
{
  g_return_val_if_fail (KURS_IS_WINDOW (self), NULL);

  return self->store;
}

/* Lets go of the library shown: no strategy, no list, the store closed */
/* A read of the library failed after it opened: said once, as what the
 * window shows may be short of what the library holds */
static void
read_failed_cb (KursWindow   *self,
                const GError *error)
{
  g_autofree char *body = NULL;

  /* a server that went away: the banner says so, and it comes back */
  if (self->read_failure_said || (self->store != NULL && !kurs_store_is_connected (self->store)))
    return;
  self->read_failure_said = TRUE;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("What the window shows may be incomplete. Close the library and open it again."));
  message (self, _("The Library Could Not Be Read"), body);
}

/**
 * kurs_window_set_store:
 *
 * Shows a library in the window, and what other Kurs write to it as they
 * do (kurs_store_watch()).
 */
void
kurs_window_set_store (KursWindow *self,
                       KursStore  *store)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (KURS_IS_WINDOW (self));
  g_return_if_fail (KURS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->model = kurs_record_list_new_strategies (store);

  name = g_filename_display_basename (kurs_store_get_path (store));
  subtitle = kurs_store_is_read_only (store) ? g_strdup_printf (_("%s (read-only)"), name) : g_strdup (name);
  adw_window_title_set_subtitle (self->library_title, subtitle);

  gtk_list_box_bind_model (self->strategies, G_LIST_MODEL (self->model), create_strategy_row, self, NULL);
  kurs_search_results_set_store (self->search_results, store);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (strategies_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::can-undo", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "read-failed", G_CALLBACK (read_failed_cb), self, G_CONNECT_SWAPPED);
  self->read_failure_said = FALSE;

  /* What others write to the library is shown as it comes */
  kurs_store_watch (store);

  strategies_changed_cb (self);
  update_actions (self);
}

/**
 * kurs_window_show_error:
 *
 * Shows why no library could be opened, with the ways to open another.
 */
void
kurs_window_show_error (KursWindow *self,
                        const char *message)
{
  g_return_if_fail (KURS_IS_WINDOW (self));

  show_content (self, "error");
  adw_status_page_set_description (self->error_page, message);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
  update_actions (self);
}

/**
 * kurs_window_show_opening:
 * @name: the library's file name
 *
 * Shows that a library is being opened, with a spinner, until
 * kurs_window_set_store() or kurs_window_show_error() follows.
 */
void
kurs_window_show_opening (KursWindow *self,
                          const char *name)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KURS_IS_WINDOW (self));

  show_content (self, "opening");
  /* Translators: under "Opening the Library…": the library's file name */
  description = g_strdup_printf (_("Checking “%s”"), name);
  adw_status_page_set_description (self->opening_page, description);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content));
  update_actions (self);
}

/**
 * kurs_window_select_strategy:
 * @short_id: a strategy's short id
 */
void
kurs_window_select_strategy (KursWindow *self,
                             const char *short_id)
{
  g_autoptr(KursRecord) strategy = NULL;

  g_return_if_fail (KURS_IS_WINDOW (self));

  /* …on the page it opens on, as if it had been the first shown */
  if (self->store != NULL && (strategy = kurs_store_find_strategy (self->store, short_id, NULL)))
    {
      select_strategy (self, strategy);
      kurs_strategy_view_show_first_page (self->view);
    }
}

/**
 * kurs_window_show_page:
 * @name: a page's name: "overview", "goals"…
 */
void
kurs_window_show_page (KursWindow *self,
                       const char *name)
{
  g_return_if_fail (KURS_IS_WINDOW (self));

  kurs_strategy_view_show_page (self->view, name);
}

KursStrategyView *
kurs_window_get_view (KursWindow *self)
{
  g_return_val_if_fail (KURS_IS_WINDOW (self), NULL);

  return self->view;
}
