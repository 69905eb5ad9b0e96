/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-strategy-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-action-plans-page.h"
#include "kurs-approval.h"
#include "kurs-field-binding.h"
#include "kurs-focus-areas-page.h"
#include "kurs-follow-up-page.h"
#include "kurs-goals-page.h"
#include "kurs-hearings-page.h"
#include "kurs-indicators-page.h"
#include "kurs-overview-page.h"
#include "kurs-process-page.h"
#include "kurs-stakeholders-page.h"
#include "kurs-strategy-row.h"
#include "kurs-strategy-view.h"
#include "kurs-target-groups-page.h"
#include "kurs-timeline-page.h"
#include "kurs-history-page.h"
#include "kurs-vision-page.h"

/**
 * KursStrategyView:
 *
 * One strategy: its pages, listed beside the page shown, under a header
 * with its title, period and status.  An approved strategy, or a library
 * another Kurs is writing, is shown read-only under a banner that says
 * so (and, for the approved strategy, how to change it).
 */
struct _KursStrategyView
{
  AdwBin          parent_instance;

  KursStore      *store;
  KursRecord     *strategy;
  GSettings      *settings;   /* for the pages; from the window */
  guint           rebuild;

  AdwWindowTitle *title;
  GtkWidget      *header;
  GtkWidget      *back;
  GtkRevealer    *banner;
  GtkLabel       *banner_label;
  GtkWidget      *banner_button;
  GtkListBox     *navigation;
  GtkStack       *pages;
  GtkMenuButton  *menu_button;
  GtkBox         *presence;
  guint           presence_source;
  GMenuModel     *strategy_menu;
};

G_DEFINE_FINAL_TYPE (KursStrategyView, kurs_strategy_view, ADW_TYPE_BIN)

static GType
page_type (guint i)
{
  GType types[] = {
    KURS_TYPE_OVERVIEW_PAGE,
    KURS_TYPE_VISION_PAGE,
    KURS_TYPE_TARGET_GROUPS_PAGE,
    KURS_TYPE_FOCUS_AREAS_PAGE,
    KURS_TYPE_GOALS_PAGE,
    KURS_TYPE_INDICATORS_PAGE,
    KURS_TYPE_PROCESS_PAGE,
    KURS_TYPE_STAKEHOLDERS_PAGE,
    KURS_TYPE_HEARINGS_PAGE,
    KURS_TYPE_ACTION_PLANS_PAGE,
    KURS_TYPE_FOLLOW_UP_PAGE,
    KURS_TYPE_TIMELINE_PAGE,
    KURS_TYPE_HISTORY_PAGE,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

static GtkWidget *
navigation_row (KursPageClass *klass)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(klass->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (klass->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, klass->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(klass->title), -1);
  return row;
}

/* Why the library is shown read-only, in a sentence for the banner */
static char *
describe_read_only (KursStore *store)
{

  switch (kurs_store_get_access (store))
    {
    case KURS_STORE_ACCESS_READ_ONLY_FILE:
      return g_strdup (_("You do not have permission to change this library, so it is shown read-only."));
    case KURS_STORE_ACCESS_READ_ONLY_FOLDER:
      return g_strdup (_("This library’s folder or disk cannot be written to, so it is shown read-only."));
    case KURS_STORE_ACCESS_READ_ONLY_FULL:
      return g_strdup (_("The disk is full, so this library is shown read-only. Make room on the disk, "
                         "and open it again to change it."));
    case KURS_STORE_ACCESS_READ_ONLY_ROLE:
      return g_strdup (_("Your role on the server lets you read this library, not change it. Ask its "
                         "administrator for the role kurs_editor or kurs_follow_up to change it."));
    case KURS_STORE_ACCESS_READ_ONLY_ASKED:
    case KURS_STORE_ACCESS_WRITE:
    default:
      return g_strdup (_("This library is open read-only."));
    }
}

static void
update_header (KursStrategyView *self)
{
  g_autofree char *subtitle = NULL;
  gboolean frozen, shared, follow_up, lost;

  if (self->strategy == NULL)
    return;

  subtitle = kurs_strategy_describe (self->strategy);
  adw_window_title_set_title (self->title, kurs_record_get_title (self->strategy));
  adw_window_title_set_subtitle (self->title, subtitle);

  shared = kurs_store_is_read_only (self->store);
  follow_up = kurs_store_is_follow_up_only (self->store);
  frozen = kurs_store_is_frozen (self->store, kurs_record_get_id (self->strategy));
  lost = !kurs_store_is_connected (self->store);

  if (lost)
    gtk_label_set_label (self->banner_label,
                         _("The connection to the server is lost, so nothing can be changed until it returns. "
                           "Kurs tries again every few seconds; what you type is kept, and saved when it does."));
  else if (shared)
    {
      g_autofree char *reason = describe_read_only (self->store);

      gtk_label_set_label (self->banner_label, reason);
    }
  else if (follow_up)
    gtk_label_set_label (self->banner_label,
                         _("Your role on the server follows up: you can change initiatives’ status and progress, "
                           "milestones held, hearing responses, measurements and course corrections. The rest is "
                           "shown read-only."));
  else if (frozen)
    gtk_label_set_label (self->banner_label,
                         _("This strategy is approved, and its text is frozen. Its process and follow-up can still be updated."));

  gtk_widget_set_visible (self->banner_button, frozen && !shared && !follow_up && !lost);
  /* a new revision, or back to draft, is the editors' */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "strategy.revise", !shared && !follow_up);
  /* A closed revealer still measures its child: hide it outright */
  gtk_widget_set_visible (GTK_WIDGET (self->banner), frozen || shared || follow_up || lost);
  gtk_revealer_set_reveal_child (self->banner, frozen || shared || follow_up || lost);
}

/* The others who have the strategy open, as GNOME apps show
 * collaborators: a small avatar each, their names said */
#define AVATARS_SHOWN 3
#define PRESENCE_SECONDS 15

static void
update_presence (KursStrategyView *self)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presence))))
    gtk_box_remove (self->presence, child);
  if (self->store == NULL || self->strategy == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->presence), FALSE);
      return;
    }

  names = kurs_store_list_present (self->store, kurs_record_get_id (self->strategy));
  for (guint i = 0; i < names->len; i++)
    {
      g_string_append_printf (all, "%s%s", i ? ", " : "", (const char *) names->pdata[i]);
      if (i < AVATARS_SHOWN)
        {
          GtkWidget *avatar = adw_avatar_new (24, names->pdata[i], TRUE);

          gtk_widget_set_tooltip_text (avatar, names->pdata[i]);
          gtk_box_append (self->presence, avatar);
        }
    }
  if (names->len > AVATARS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf ("+%u", names->len - AVATARS_SHOWN);
      GtkWidget *extra = gtk_label_new (more);

      gtk_widget_add_css_class (extra, "dim-label");
      gtk_widget_set_tooltip_text (extra, all->str);
      gtk_box_append (self->presence, extra);
    }
  /* TRANSLATORS: who else has the strategy open: "Also here: Anna Jensen, Bo Nielsen" */
  label = g_strdup_printf (_("Also here: %s"), all->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presence), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->presence), names->len > 0);
}

static gboolean
presence_cb (gpointer data)
{
  update_presence (data);
  return G_SOURCE_CONTINUE;
}

static void
clear_pages (KursStrategyView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))))
    gtk_stack_remove (self->pages, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->navigation))))
    gtk_list_box_remove (self->navigation, child);
}

/* A page is made the first time it is shown. */
static GtkWidget *
ensure_page (KursStrategyView *self,
             const char       *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, name);

  if (page != NULL || self->strategy == NULL)
    return page;

  for (guint i = 0; page_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (page_type (i));

      if (!g_str_equal (KURS_PAGE_CLASS (klass)->name, name))
        continue;

      page = g_object_new (page_type (i), "store", self->store, "strategy", self->strategy,
                           "settings", self->settings, NULL);
      gtk_stack_add_named (self->pages, page, name);
      return page;
    }

  return NULL;
}

static void
build_pages (KursStrategyView *self)
{
  g_autofree char *current = g_strdup (kurs_strategy_view_get_page_name (self));

  clear_pages (self);
  if (self->strategy == NULL)
    return;

  for (guint i = 0; page_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (page_type (i));

      gtk_list_box_append (self->navigation, navigation_row (KURS_PAGE_CLASS (klass)));
    }

  if (current == NULL || !kurs_strategy_view_show_page (self, current))
    kurs_strategy_view_show_first_page (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  KursStrategyView *self = data;

  self->rebuild = 0;
  build_pages (self);
  return G_SOURCE_REMOVE;
}

/* Approving or revising changes what can be edited everywhere: the pages
 * are built anew, once the click that did it is over. */
static void
status_changed_cb (KursStrategyView *self)
{
  update_header (self);
  if (self->rebuild == 0)
    self->rebuild = g_idle_add (rebuild_cb, self);
}

static void
page_selected_cb (KursStrategyView *self,
                  GtkListBoxRow    *row)
{
  const char *name;

  if (row == NULL)
    return;

  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (ensure_page (self, name) != NULL)
    {
      gtk_stack_set_visible_child_name (self->pages, name);
      /* What is done from here on is undone here */
      if (self->store != NULL)
        kurs_store_set_origin (self->store, name);
    }
}

/* A page chosen with Enter or a click is there to be worked in */
static void
page_activated_cb (KursStrategyView *self,
                   GtkListBoxRow    *row)
{
  kurs_strategy_view_focus_page (self);
}

/* Tab goes from the list of pages into the page shown, not down the list
 * (which the arrow keys walk); Shift+Tab back out of it, to the header */
static gboolean
navigation_key_cb (KursStrategyView *self,
                   guint             keyval,
                   guint             keycode,
                   GdkModifierType   state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    return kurs_strategy_view_focus_page (self);

  if (keyval == GDK_KEY_ISO_Left_Tab)
    return gtk_widget_child_focus (self->header, GTK_DIR_TAB_BACKWARD);

  return FALSE;
}

/* Coming back into the list, the focus is on the page shown */
static void
navigation_enter_cb (KursStrategyView *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->navigation);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (selected != NULL && focus != NULL && GTK_IS_LIST_BOX_ROW (focus) && focus != GTK_WIDGET (selected))
    gtk_widget_grab_focus (GTK_WIDGET (selected));
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  KursStrategyView *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->strategy_menu);
}

static void
revise_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KursStrategyView *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "draft") || self->strategy == NULL)
    return;

  if (!kurs_approval_start_revision (self->store, self->strategy, &error))
    kurs_show_error (GTK_WIDGET (self), error);
}

/* Back to draft: a new revision of an approved strategy, or a draft taken
 * back from its hearing.  A decision of its own, which undo does not take
 * back, so it is confirmed first. */
static void
revise_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kurs_strategy_view_start_revision (KURS_STRATEGY_VIEW (widget));
}

/**
 * kurs_strategy_view_start_revision:
 *
 * Asks whether to take the strategy back to draft — a new revision of an
 * approved one, or a draft back from its hearing — and does so.
 */
void
kurs_strategy_view_start_revision (KursStrategyView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean frozen;

  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  if (self->strategy == NULL || kurs_store_is_read_only (self->store) || kurs_store_is_follow_up_only (self->store))
    return;

  frozen = kurs_store_is_frozen (self->store, kurs_record_get_id (self->strategy));
  if (frozen)
    body = g_strdup_printf (_("The text of “%s” can be changed again. The versions approved so far stay as they "
                              "were; the revision is approved as a version of its own."),
                            kurs_record_get_title (self->strategy));
  else
    body = g_strdup_printf (_("“%s” goes back from the hearing to draft. The hearing stays in its status "
                              "history."),
                            kurs_record_get_title (self->strategy));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       frozen ? _("Start a New Revision?") : _("Back to Draft?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "draft", frozen ? _("Start _Revision") : _("Back to _Draft"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "draft", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "draft");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (revise_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kurs_strategy_view_dispose (GObject *object)
{
  KursStrategyView *self = (KursStrategyView *) object;

  g_clear_handle_id (&self->rebuild, g_source_remove);
  g_clear_handle_id (&self->presence_source, g_source_remove);
  g_clear_object (&self->strategy);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kurs_strategy_view_parent_class)->dispose (object);
}

static void
kurs_strategy_view_class_init (KursStrategyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kurs_strategy_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-strategy-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, title);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, header);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, back);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, banner);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, presence);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, navigation);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, pages);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KursStrategyView, strategy_menu);
  gtk_widget_class_bind_template_callback (widget_class, page_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, navigation_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, navigation_enter_cb);
  gtk_widget_class_install_action (widget_class, "strategy.revise", NULL, revise_action);
}

static void
kurs_strategy_view_init (KursStrategyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
}

/**
 * kurs_strategy_view_set_strategy:
 * @strategy: (nullable): the strategy to show
 */
void
kurs_strategy_view_set_strategy (KursStrategyView *self,
                                 KursStore        *store,
                                 KursRecord       *strategy)
{
  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  if (self->strategy == strategy && self->store == store)
    return;

  if (self->strategy != NULL)
    g_signal_handlers_disconnect_by_data (self->strategy, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  /* a server that went away, and came back */
  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::connected", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
      /* who else is here: said to the others, and shown as they come and go */
      kurs_store_set_presence (store, strategy != NULL ? kurs_record_get_id (strategy) : 0);
      g_signal_connect_object (store, "others-wrote", G_CALLBACK (update_presence), self, G_CONNECT_SWAPPED);
    }
  g_clear_handle_id (&self->presence_source, g_source_remove);
  if (store != NULL && strategy != NULL)
    self->presence_source = g_timeout_add_seconds (PRESENCE_SECONDS, presence_cb, self);
  g_set_object (&self->strategy, strategy);

  if (strategy != NULL)
    {
      g_signal_connect_object (strategy, "changed::status", G_CALLBACK (status_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (strategy, "changed", G_CALLBACK (update_header), self,
                               G_CONNECT_SWAPPED);
    }

  update_header (self);
  update_presence (self);
  build_pages (self);
}

/**
 * kurs_strategy_view_set_settings:
 * @settings: (nullable): the application's settings, which the pages
 *   keep what they remember in
 *
 * For the pages built from now on.
 */
void
kurs_strategy_view_set_settings (KursStrategyView *self,
                                 GSettings        *settings)
{
  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  g_set_object (&self->settings, settings);
}

/**
 * kurs_strategy_view_get_strategy:
 *
 * Returns: (transfer none) (nullable): the strategy shown
 */
KursRecord *
kurs_strategy_view_get_strategy (KursStrategyView *self)
{
  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), NULL);

  return self->strategy;
}

/**
 * kurs_strategy_view_show_page:
 * @name: a page's name: "overview", "goals"…
 *
 * Returns: whether there is such a page
 */
gboolean
kurs_strategy_view_show_page (KursStrategyView *self,
                              const char       *name)
{
  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->navigation));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_name (row), name))
      {
        gtk_list_box_select_row (self->navigation, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }

  return FALSE;
}

/**
 * kurs_strategy_view_show_first_page:
 *
 * Shows the page a strategy opens on: an approved strategy is followed up
 * on, a draft is written.
 */
void
kurs_strategy_view_show_first_page (KursStrategyView *self)
{
  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  if (self->strategy != NULL)
    kurs_strategy_view_show_page (self, kurs_store_is_frozen (self->store, kurs_record_get_id (self->strategy))
                                        ? "follow-up" : "overview");
}

/**
 * kurs_strategy_view_focus_page:
 *
 * Moves the keyboard focus into the page shown, to its first control.
 *
 * Returns: whether the page took the focus
 */
gboolean
kurs_strategy_view_focus_page (KursStrategyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *page;

  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), FALSE);

  page = gtk_stack_get_visible_child (self->pages);
  if (page == NULL)
    return FALSE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, page))
    return TRUE;
  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/**
 * kurs_strategy_view_get_page_name:
 *
 * Returns: (nullable): the name of the page shown
 */
const char *
kurs_strategy_view_get_page_name (KursStrategyView *self)
{
  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

/**
 * kurs_strategy_view_get_page:
 *
 * Returns: (transfer none) (nullable): the page of that name, made if it
 *   has not been shown yet
 */
GtkWidget *
kurs_strategy_view_get_page (KursStrategyView *self,
                             const char       *name)
{
  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), NULL);

  return ensure_page (self, name);
}

/**
 * kurs_strategy_view_set_folded:
 *
 * Shows the way back to the strategies when the window is too narrow to
 * show them beside the strategy.
 */
void
kurs_strategy_view_set_folded (KursStrategyView *self,
                               gboolean          folded)
{
  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  gtk_widget_set_visible (self->back, folded);
}

/**
 * kurs_strategy_view_get_page_name_at:
 * @index: a page's place in the navigation, from 0
 *
 * Returns: (nullable): the name of the page there, for shortcuts
 */
const char *
kurs_strategy_view_get_page_name_at (guint index)
{
  g_autoptr(GTypeClass) klass = NULL;

  if (page_type (index) == G_TYPE_INVALID)
    return NULL;

  klass = g_type_class_ref (page_type (index));
  return KURS_PAGE_CLASS (klass)->name;
}

/**
 * kurs_strategy_view_step_page:
 * @step: +1 for the next page, -1 for the one before
 */
void
kurs_strategy_view_step_page (KursStrategyView *self,
                              int               step)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));

  row = gtk_list_box_get_selected_row (self->navigation);
  index = row ? gtk_list_box_row_get_index (row) + step : 0;
  if ((row = gtk_list_box_get_row_at_index (self->navigation, MAX (index, 0))) == NULL)
    return;
  gtk_list_box_select_row (self->navigation, row);

  /* The focus goes along: from the list to the page's row there, from
   * the page into the next */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->navigation)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pages)))
    kurs_strategy_view_focus_page (self);
}

/**
 * kurs_strategy_view_page_for_record:
 * @record: a row of a strategy
 * @field: (nullable): one of its fields, for a strategy's own
 *
 * Returns: the name of the page that shows @record (and @field)
 */
const char *
kurs_strategy_view_page_for_record (KursRecord *record,
                                    const char *field)
{
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  switch (kurs_record_get_entity (record))
    {
    case KURS_ENTITY_STRATEGY:
      if (g_strcmp0 (field, "vision") == 0)
        return "vision";
      if (g_strcmp0 (field, "core_value") == 0)
        return "focus-areas";
      return "overview";
    case KURS_ENTITY_MANDATE_ITEM:
    case KURS_ENTITY_STATUS_CHANGE:
    case KURS_ENTITY_VERSION:
      return "overview";
    case KURS_ENTITY_POLICY_LINK:
      return "vision";
    case KURS_ENTITY_TARGET_GROUP:
      return "target-groups";
    case KURS_ENTITY_FOCUS_AREA:
    case KURS_ENTITY_BEARING:
    case KURS_ENTITY_PRINCIPLE:
      return "focus-areas";
    case KURS_ENTITY_GOAL:
    case KURS_ENTITY_SUBGOAL:
      return "goals";
    case KURS_ENTITY_INDICATOR:
    case KURS_ENTITY_MEASUREMENT:
      return "indicators";
    case KURS_ENTITY_MILESTONE:
    case KURS_ENTITY_WORKSHOP_OUTPUT:
    case KURS_ENTITY_OUTPUT_GOAL:
      return "process";
    case KURS_ENTITY_STAKEHOLDER:
    case KURS_ENTITY_INVOLVEMENT:
      return "stakeholders";
    case KURS_ENTITY_HEARING_ROUND:
    case KURS_ENTITY_HEARING_PARTY:
      return "hearings";
    case KURS_ENTITY_ACTION_PLAN:
    case KURS_ENTITY_INITIATIVE:
    case KURS_ENTITY_INITIATIVE_GOAL:
    case KURS_ENTITY_COURSE_CORRECTION:
      return "action-plans";
    default:
      g_return_val_if_reached ("overview");
    }
}

/**
 * kurs_strategy_view_show_change:
 * @record: the row a change was made to, undone or made again
 * @field: (nullable): the field changed
 * @origin: (nullable): the page where it was made
 *
 * Goes to the page where the change was made (or, not knowing, the page
 * that shows @record) and opens @record's editor there; a row that is
 * gone, its parent's.
 */
void
kurs_strategy_view_show_change (KursStrategyView *self,
                                KursRecord       *record,
                                const char       *field,
                                const char       *origin)
{
  g_autoptr(KursRecord) shown = NULL;
  GtkWidget *page;
  const char *name;

  g_return_if_fail (KURS_IS_STRATEGY_VIEW (self));
  g_return_if_fail (KURS_IS_RECORD (record));

  if (self->strategy == NULL)
    return;

  name = origin ? origin : kurs_strategy_view_page_for_record (record, field);
  if (!kurs_strategy_view_show_page (self, name) || !(page = ensure_page (self, name)))
    return;

  /* A row the undo took away: its owner, if that is not the strategy */
  shown = g_object_ref (record);
  while (shown != NULL && kurs_record_is_deleted (shown))
    {
      const KursEntityInfo *shown_info = kurs_record_get_info (shown);
      gint64 parent_id = kurs_record_get_parent_id (shown);

      g_clear_object (&shown);
      if (shown_info->parent != KURS_ENTITY_NONE && shown_info->parent != KURS_ENTITY_STRATEGY)
        shown = kurs_store_get (self->store, shown_info->parent, parent_id);
    }

  if (shown != NULL && kurs_record_get_entity (shown) != KURS_ENTITY_STRATEGY)
    kurs_page_reveal (KURS_PAGE (page), shown);
}

/**
 * kurs_strategy_view_show_record:
 * @name: the page that shows @record
 *
 * Shows the page and opens @record's editor there.
 *
 * Returns: whether the page shows @record
 */
gboolean
kurs_strategy_view_show_record (KursStrategyView *self,
                                const char       *name,
                                KursRecord       *record)
{
  GtkWidget *page;

  g_return_val_if_fail (KURS_IS_STRATEGY_VIEW (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);

  if (!kurs_strategy_view_show_page (self, name) || !(page = ensure_page (self, name)))
    return FALSE;
  return kurs_page_reveal (KURS_PAGE (page), record);
}
