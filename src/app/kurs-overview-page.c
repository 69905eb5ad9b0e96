/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-approval.h"
#include "kurs-boxed-list.h"
#include "kurs-entry-row.h"
#include "kurs-field-binding.h"
#include "kurs-overview-page.h"
#include "kurs-record-list.h"
#include "kurs-record-row.h"

/* The strategy itself: title, period, committee; its status, with the
 * steps of approval and their history; its approved versions; and the
 * political mandate behind it. */

struct _KursOverviewPage
{
  KursPage        parent_instance;

  AdwActionRow   *status_row;
  GtkWidget      *status_buttons;
  KursRecordList *history;
  KursRecordList *versions;
};

G_DEFINE_FINAL_TYPE (KursOverviewPage, kurs_overview_page, KURS_TYPE_PAGE)

typedef void (*DecisionFunc) (KursOverviewPage *self,
                              const char       *date,
                              const char       *body);

static char *
format_date (const char *iso)
{
  KursDate date;

  if (iso == NULL || !kurs_date_parse (iso, &date, NULL))
    return g_strdup ("");

  return kurs_date_format_local (date);
}

/* Status */

static void
show_result (KursOverviewPage *self,
             gboolean          ok,
             const GError     *error,
             const char       *message)
{
  if (!ok)
    kurs_show_error (GTK_WIDGET (self), error);
  else if (message != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
set_status (KursOverviewPage   *self,
            KursStrategyStatus  status,
            const char         *date,
            const char         *body)
{
  KursPage *page = KURS_PAGE (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = kurs_approval_set_status (kurs_page_get_store (page), kurs_page_get_strategy (page),
                                 status, date, body, &error);
  show_result (self, ok, error, NULL);
}

static void
approve (KursOverviewPage *self,
         const char       *date,
         const char       *body)
{
  KursPage *page = KURS_PAGE (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autofree char *message = NULL;

  version = kurs_approval_approve (kurs_page_get_store (page), kurs_page_get_strategy (page),
                                   date, body, &error);
  if (version != NULL)
    message = g_strdup_printf (_("Approved as version %d"), (int) kurs_record_get_int (version, "number"));
  show_result (self, version != NULL, error, message);
}

static void
adopt (KursOverviewPage *self,
       const char       *date,
       const char       *body)
{
  set_status (self, KURS_STATUS_ADOPTED, date, body);
}

typedef struct {
  KursOverviewPage *page;
  GtkWidget        *date;
  GtkEditable      *body;
  DecisionFunc      decide;
} Decision;

static void
decision_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Decision         *decision)
{
  KursDate day;

  if (g_str_equal (response, "decide")
      && kurs_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (decision->date)), &day, NULL))
    {
      g_autofree char *date = kurs_date_to_iso (day);
      g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (decision->body)));

      decision->decide (decision->page, date, *body ? body : NULL);
    }

  g_object_unref (decision->page);
  g_free (decision);
}

/* A decision needs a day that exists */
static void
decision_date_changed_cb (GtkEditable      *date,
                          AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  KursDate day;
  gboolean ok = kurs_date_parse_typed (gtk_editable_get_text (date), &day, &error);

  kurs_set_invalid (GTK_WIDGET (date), ok ? NULL : error->message);
  adw_message_dialog_set_response_enabled (dialog, "decide", ok);
}

static GtkWidget *
decision_row (GtkWidget  *list,
              const char *title,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  /* Enter in either decides */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* Asks for the day of a decision and who made it, then makes it.  The day
 * is typed, as everywhere in Kurs (29.11.2022, or 2022-11-29). */
static void
ask_decision (KursOverviewPage *self,
              const char       *heading,
              const char       *body,
              const char       *button,
              const char       *default_body,
              DecisionFunc      decide)
{
  GtkWidget *dialog, *list;
  Decision *decision = g_new0 (Decision, 1);
  g_autofree char *today = kurs_date_to_iso (kurs_date_today ());

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  decision->date = decision_row (list, _("_Date"), today);
  decision->body = GTK_EDITABLE (decision_row (list, _("_Decided by"), default_body));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect (decision->date, "changed", G_CALLBACK (decision_date_changed_cb), dialog);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "decide", button,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "decide",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "decide");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  decision->page = g_object_ref (self);
  decision->decide = decide;
  g_signal_connect (dialog, "response", G_CALLBACK (decision_response_cb), decision);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_cb (KursOverviewPage *self)
{
  KursPage *page = KURS_PAGE (self);
  g_autoptr(KursRecord) latest = kurs_approval_get_version (kurs_page_get_store (page),
                                                            kurs_page_get_strategy (page), 0);
  int number = latest ? kurs_record_get_int (latest, "number") + 1 : 1;
  g_autofree char *body = g_strdup_printf (_("Approving freezes the strategy as version %d. "
                                             "Its text cannot change until a new revision is started."),
                                           number);

  ask_decision (self, _("Approve Strategy?"), body, _("_Approve"),
                kurs_record_get_text (kurs_page_get_strategy (page), "committee"), approve);
}

static void
adopt_cb (KursOverviewPage *self)
{
  ask_decision (self, _("Mark as Adopted?"),
                _("Record that the municipal council has adopted the approved strategy."),
                _("_Mark as Adopted"),
                kurs_page_content_text (KURS_PAGE (self), N_("Municipal council")), adopt);
}

static void
hearing_cb (KursOverviewPage *self)
{
  set_status (self, KURS_STATUS_IN_HEARING, NULL,
              kurs_record_get_text (kurs_page_get_strategy (KURS_PAGE (self)), "committee"));
}

/* @callback, or NULL for the strategy view's "strategy.revise", which
 * asks first */
static void
add_status_button (KursOverviewPage *self,
                   const char       *label,
                   GCallback         callback,
                   gboolean          suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, !kurs_store_is_read_only (kurs_page_get_store (KURS_PAGE (self)))
                                    && !kurs_store_is_follow_up_only (kurs_page_get_store (KURS_PAGE (self))));
  if (callback != NULL)
    g_signal_connect_swapped (button, "clicked", callback, self);
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "strategy.revise");
  gtk_box_append (GTK_BOX (self->status_buttons), button);
}

static const char *
status_meaning (KursStrategyStatus status)
{
  switch (status)
    {
    case KURS_STATUS_DRAFT:
      return _("The text is being written");
    case KURS_STATUS_IN_HEARING:
      return _("The draft has been sent to the hearing parties");
    case KURS_STATUS_APPROVED:
      return _("Approved: the text is frozen as a version");
    case KURS_STATUS_ADOPTED:
    default:
      return _("Adopted by the municipal council");
    }
}

static void
update_status (KursOverviewPage *self)
{
  KursRecord *strategy = kurs_page_get_strategy (KURS_PAGE (self));
  KursStrategyStatus status = kurs_record_get_enum (strategy, "status");
  GtkWidget *child;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 kurs_enum_info_to_label (&kurs_strategy_status_enum, status));
  adw_action_row_set_subtitle (self->status_row, status_meaning (status));

  while ((child = gtk_widget_get_first_child (self->status_buttons)))
    gtk_box_remove (GTK_BOX (self->status_buttons), child);

  switch (status)
    {
    case KURS_STATUS_DRAFT:
      add_status_button (self, _("Send to _Hearing"), G_CALLBACK (hearing_cb), FALSE);
      add_status_button (self, _("_Approve…"), G_CALLBACK (approve_cb), TRUE);
      break;

    case KURS_STATUS_IN_HEARING:
      add_status_button (self, _("Back to _Draft"), NULL, FALSE);
      add_status_button (self, _("_Approve…"), G_CALLBACK (approve_cb), TRUE);
      break;

    case KURS_STATUS_APPROVED:
      add_status_button (self, _("Start New _Revision…"), NULL, FALSE);
      add_status_button (self, _("Mark as Ad_opted…"), G_CALLBACK (adopt_cb), TRUE);
      break;

    case KURS_STATUS_ADOPTED:
    default:
      add_status_button (self, _("Start New _Revision…"), NULL, FALSE);
      break;
    }
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  KursRecord *change = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (kurs_record_get_text (change, "date"));
  const char *body = kurs_record_get_text (change, "body");
  g_autofree char *subtitle = body ? g_strdup_printf ("%s · %s", date, body) : g_strdup (date);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kurs_enum_info_to_label (&kurs_strategy_status_enum,
                                                          kurs_record_get_enum (change, "status")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  return row;
}

/* A version's comparisons, listed as the menu opens: with the draft, and
 * with each other version, the older first */
static void
fill_compare_menu (GtkMenuButton *button,
                   gpointer       data)
{
  KursOverviewPage *self = data;
  gint64 number = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "version"));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenuItem) draft = g_menu_item_new (_("Compare with Draft"), NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  g_menu_item_set_action_and_target (draft, "win.compare-versions", "(xx)", number, (gint64) 0);
  g_menu_append_item (menu, draft);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KursRecord) other = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      gint64 other_number = kurs_record_get_int (other, "number");
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) entry = NULL;

      if (other_number == number)
        continue;
      label = g_strdup_printf (_("Compare with Version %d"), (int) other_number);
      entry = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (entry, "win.compare-versions", "(xx)",
                                         MIN (number, other_number), MAX (number, other_number));
      g_menu_append_item (others, entry);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  KursRecord *version = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *compare = gtk_menu_button_new ();
  g_autofree char *compare_label = g_strdup_printf (_("Compare version %d"),
                                                    (int) kurs_record_get_int (version, "number"));
  GtkWidget *button = gtk_button_new_with_label (_("Export…"));
  g_autofree char *title = g_strdup_printf (_("Version %d"), (int) kurs_record_get_int (version, "number"));
  g_autofree char *date = format_date (kurs_record_get_text (version, "approved_date"));
  const char *body = kurs_record_get_text (version, "approved_by");
  g_autofree char *subtitle = body ? g_strdup_printf ("%s · %s", date, body) : g_strdup (date);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree char *label = g_strdup_printf (_("Export version %d as XML"),
                                            (int) kurs_record_get_int (version, "number"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.export-version");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", kurs_record_get_int (version, "number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (compare), _("Compare…"));
  gtk_widget_set_valign (compare, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (compare), "version", GSIZE_TO_POINTER (kurs_record_get_int (version, "number")));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (compare), fill_compare_menu, user_data, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_PROPERTY_LABEL, compare_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare);
  return row;
}

/* The history is listed the first time it is opened */
static void
fill_history (KursOverviewPage *self,
              GParamSpec       *pspec,
              AdwExpanderRow   *row)
{
  KursPage *page = KURS_PAGE (self);
  GtkWidget *list;

  if (self->history != NULL || !adw_expander_row_get_expanded (row))
    return;

  self->history = kurs_record_list_new_children (kurs_page_get_store (page), KURS_ENTITY_STATUS_CHANGE,
                                                 kurs_record_get_id (kurs_page_get_strategy (page)));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->history), create_history_row, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status History"), -1);
  adw_expander_row_add_row (row, list);
}

/* Mandate */

static const char * const mandate_fields[] = { "source", "text", NULL };

static GtkWidget *
create_mandate_row (KursRecord *record,
                    gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, NULL);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), mandate_fields);
  return row;
}

static KursRecord *
add_mandate (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_MANDATE_ITEM, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "source", g_variant_new_string (_("Budget item")), NULL);
}

static void
kurs_overview_page_build (KursPage *page)
{
  KursOverviewPage *self = KURS_OVERVIEW_PAGE (page);
  KursStore *store = kurs_page_get_store (page);
  KursRecord *strategy = kurs_page_get_strategy (page);
  GtkWidget *group, *status_group, *history, *row, *list;
  const char *fields[] = { "title", "short_name", "start_year", "end_year", "committee" };

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Strategy"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      row = kurs_entry_row_new (store, strategy, fields[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  kurs_page_add (page, group);

  status_group = group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Status"));
  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->status_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  adw_action_row_add_suffix (self->status_row, self->status_buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));
  update_status (self);
  g_signal_connect_object (strategy, "changed::status", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);

  history = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history), _("Status History"));
  g_signal_connect_object (history, "notify::expanded", G_CALLBACK (fill_history), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status_group), history);

  kurs_page_add (page, status_group);

  self->versions = kurs_record_list_new_children (store, KURS_ENTITY_VERSION, kurs_record_get_id (strategy));
  group = kurs_heading_group_new (_("Approved Versions"),
                                  _("Each approval freezes the strategy as a numbered version, "
                                    "which can be exported as XML and compared with the draft or another version."));
  list = kurs_boxed_list_new (_("Approved Versions"), _("Not approved yet"));
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->versions), create_version_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  kurs_page_add (page, group);

  kurs_page_add_section (page, KURS_ENTITY_MANDATE_ITEM, _("Mandate"),
                         _("No mandate yet: the budget items or decisions that ask for the strategy"),
                         create_mandate_row, _("Add Mandate"), add_mandate);
}

static void
kurs_overview_page_dispose (GObject *object)
{
  KursOverviewPage *self = (KursOverviewPage *) object;

  g_clear_object (&self->history);
  g_clear_object (&self->versions);

  G_OBJECT_CLASS (kurs_overview_page_parent_class)->dispose (object);
}

static void
kurs_overview_page_class_init (KursOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  object_class->dispose = kurs_overview_page_dispose;

  page_class->name = "overview";
  page_class->title = N_("Overview");
  page_class->icon_name = "document-properties-symbolic";
  page_class->build = kurs_overview_page_build;
}

static void
kurs_overview_page_init (KursOverviewPage *self)
{
}
