/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-hearings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-document-export.h"
#include "kurs-exporting.h"
#include "kurs-field-binding.h"
#include "kurs-hearing-dialog.h"
#include "kurs-hearing-summary.h"
#include "kurs-hearing.h"
#include "kurs-hearings-page.h"
#include "kurs-printing.h"
#include "kurs-record-row.h"

/**
 * KursHearingsPage:
 *
 * The hearing rounds: at the top, who has answered, who has not and who
 * is overdue, round by round, with the overdue parties listed on their
 * own; below, each round with its dates and its parties, and for each
 * party the response (received, text) and how it was handled.  A round
 * prints as a hearing summary.
 */
struct _KursHearingsPage
{
  KursPage     parent_instance;

  GtkWidget   *overview;
  GtkListBox  *rounds;
  GtkWidget   *overdue;
  GtkListBox  *overdue_list;
};

G_DEFINE_FINAL_TYPE (KursHearingsPage, kurs_hearings_page, KURS_TYPE_PAGE)

static const char * const round_fields[] = { "title", "milestone_id", "sent_date", "deadline", NULL };
static const char * const party_fields[] = {
  "response_date", "response_text", "handling_note", "stakeholder_id", NULL
};

static KursRecord *
round_of (KursStore  *store,
          KursRecord *party)
{
  return kurs_store_get (store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_parent_id (party));
}

static char *
describe_party (KursStore  *store,
                KursRecord *party)
{
  g_autoptr(KursRecord) round = round_of (store, party);
  KursDate deadline = round ? kurs_record_get_date (round, "deadline") : KURS_DATE_NONE;
  g_autofree char *deadline_text = kurs_date_format_local (deadline);

  switch (kurs_hearing_party_state (party, deadline, kurs_date_today ()))
    {
    case KURS_HEARING_ANSWERED:
      {
        g_autofree char *date = kurs_date_format_local (kurs_record_get_date (party, "response_date"));

        if (kurs_hearing_party_is_late (party, deadline))
          /* Translators: a hearing response that came after the deadline */
          return g_strdup_printf (_("Answered %s, after the deadline"), date);
        return g_strdup_printf (_("Answered %s"), date);
      }
    case KURS_HEARING_AWAITING:
      return g_strdup_printf (_("Awaiting response · deadline %s"), deadline_text);
    case KURS_HEARING_OVERDUE:
    default:
      return g_strdup_printf (_("Overdue: no response by %s"), deadline_text);
    }
}

static void
update_party_state (GtkWidget *row)
{
  KursRecordRow *record_row = KURS_RECORD_ROW (row);
  KursRecord *party = kurs_record_row_get_record (record_row);
  g_autoptr(KursRecord) round = NULL;

  if (kurs_record_is_deleted (party))
    return;

  round = round_of (kurs_record_row_get_store (record_row), party);
  if (round != NULL
      && kurs_hearing_party_state (party, kurs_record_get_date (round, "deadline"), kurs_date_today ())
         == KURS_HEARING_OVERDUE)
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");
}

static void
hearing_changed_cb (GtkWidget *row,
                    guint      entities)
{
  if (entities & ((1u << KURS_ENTITY_HEARING_ROUND) | (1u << KURS_ENTITY_HEARING_PARTY)))
    update_party_state (row);
}

static GtkWidget *
create_party_row (KursRecord *record,
                  gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_party);

  kurs_record_row_set_title_func (KURS_RECORD_ROW (row), kurs_hearing_party_name);
  kurs_record_row_set_fields (KURS_RECORD_ROW (row), party_fields);
  /* the deadline is the round's: follow the store, not only the party */
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (hearing_changed_cb), row,
                           G_CONNECT_SWAPPED);
  update_party_state (row);
  return row;
}

static KursRecord *
add_parties (gpointer user_data)
{
  KursNestedContext *context = user_data;
  GtkWidget *dialog;

  dialog = kurs_hearing_dialog_add_parties (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (context->page))),
                                            kurs_page_get_store (context->page), context->parent);
  gtk_window_present (GTK_WINDOW (dialog));
  return NULL;
}

static char *
describe_round (KursStore  *store,
                KursRecord *round)
{
  KursHearingTally tally;
  g_autofree char *sent = kurs_date_format_local (kurs_record_get_date (round, "sent_date"));
  g_autofree char *deadline = kurs_date_format_local (kurs_record_get_date (round, "deadline"));
  g_autofree char *summary = NULL;

  kurs_hearing_tally_round (store, round, kurs_date_today (), &tally);
  summary = kurs_hearing_describe_tally (&tally);
  /* Translators: a hearing round: sent, deadline, who answered */
  return g_strdup_printf (_("%s – %s · %s"), sent, deadline, summary);
}

/* hearings.print-summary(x): the hearing summary of the round of that id */
static void
print_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KursStore *store = kurs_page_get_store (KURS_PAGE (widget));
  g_autoptr(KursRecord) round = kurs_store_get (store, KURS_ENTITY_HEARING_ROUND, g_variant_get_int64 (parameter));
  g_autoptr(KursPrintDocument) summary = NULL;
  g_autoptr(GError) error = NULL;

  if (round == NULL)
    return;

  summary = kurs_hearing_summary_new (store, round);
  if (!kurs_printing_run (GTK_WINDOW (gtk_widget_get_root (widget)), summary, &error))
    kurs_show_error (widget, error);
}

/* The summary being exported: the page, and its round */
typedef struct {
  KursHearingsPage *page;
  KursRecord       *round;
} Summary;

static void
summary_free (gpointer data)
{
  Summary *summary = data;

  g_object_unref (summary->page);
  g_object_unref (summary->round);
  g_free (summary);
}

static void
write_summary (GtkWindow *parent,
               GFile     *file,
               gpointer   user_data)
{
  Summary *summary = user_data;
  KursHearingsPage *self = summary->page;
  KursStore *store = kurs_page_get_store (KURS_PAGE (self));
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (store == NULL || path == NULL)
    return;

  if (!kurs_document_export_hearing_summary (store, summary->round, path, &error))
    kurs_show_error (GTK_WIDGET (self), error);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
    }
}

/* hearings.export-summary(x): the hearing summary as a document to edit */
static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KursStore *store = kurs_page_get_store (KURS_PAGE (widget));
  g_autoptr(KursRecord) round = kurs_store_get (store, KURS_ENTITY_HEARING_ROUND, g_variant_get_int64 (parameter));
  g_autofree char *name = NULL;
  Summary *summary;

  if (round == NULL)
    return;

  /* Translators: the file name suggested for a hearing summary */
  name = g_strdup_printf (_("Hearing summary – %s.odt"), kurs_record_get_title (round));
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  summary = g_new0 (Summary, 1);
  summary->page = g_object_ref (KURS_HEARINGS_PAGE (widget));
  summary->round = g_object_ref (round);
  kurs_exporting_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), &kurs_exporting_document, name,
                              write_summary, summary, summary_free);
}

static void
populate_round (KursRecordRow *row,
                gpointer       user_data)
{
  KursPage *page = user_data;
  KursRecord *round = kurs_record_row_get_record (row);
  GtkWidget *print_row = adw_action_row_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  kurs_record_row_add_fields (row, round_fields);
  kurs_record_row_add_editor (row, kurs_page_nested_section (page, round, KURS_ENTITY_HEARING_PARTY,
                                                             _("Parties"), _("No parties yet"),
                                                             create_party_row, _("Add Parties…"),
                                                             add_parties));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (print_row), _("Hearing Summary"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (print_row),
                               _("The responses and how each was handled"));
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "hearings.print-summary");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (print), "x", kurs_record_get_id (round));
  /* short on the row, whole for a screen reader */
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print Summary…"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Summary…"), -1);
  gtk_widget_set_tooltip_text (export, _("Save as a document to edit in a word processor"));
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "hearings.export-summary");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (export), "x", kurs_record_get_id (round));
  adw_action_row_add_suffix (ADW_ACTION_ROW (print_row), export);
  adw_action_row_add_suffix (ADW_ACTION_ROW (print_row), print);
  kurs_record_row_add_editor (row, print_row);
}

static GtkWidget *
create_round_row (KursRecord *record,
                  gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_round);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_round, page);
  return row;
}

static KursRecord *
add_round (gpointer user_data)
{
  KursPage *page = user_data;
  GtkWidget *dialog;

  dialog = kurs_hearing_dialog_new_round (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                          kurs_page_get_store (page), kurs_page_get_strategy (page), NULL,
                                          kurs_page_get_settings (page));
  gtk_window_present (GTK_WINDOW (dialog));
  return NULL;
}

/* The overview: per round who answered, and the overdue parties */

/* hearings.record-response(x): opens the row of the party of that id
 * among its round's, for its response */
static void
record_response_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(KursRecord) party = kurs_store_get (kurs_page_get_store (KURS_PAGE (widget)), KURS_ENTITY_HEARING_PARTY,
                                                g_variant_get_int64 (parameter));

  if (party != NULL)
    kurs_page_reveal (KURS_PAGE (widget), party);
}

/* A count that says what it counts ("4 overdue"), for the eye and for a
 * screen reader alike; in its colour only when there is something to
 * count, so that "0 overdue" is no alarm */
static GtkWidget *
count_label (const char *text,
             guint       count,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "kurs-count");
  gtk_widget_add_css_class (label, count > 0 ? css_class : "zero");
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  return label;
}

static void
fill_overview (KursHearingsPage *self)
{
  KursPage *page = KURS_PAGE (self);
  KursStore *store = kurs_page_get_store (page);
  gint64 strategy_id = kurs_record_get_id (kurs_page_get_strategy (page));
  g_autoptr(GPtrArray) rounds = kurs_store_list (store, KURS_ENTITY_HEARING_ROUND, strategy_id, NULL);
  g_autoptr(GPtrArray) parties = kurs_store_list_by_strategy (store, KURS_ENTITY_HEARING_PARTY, strategy_id, NULL);
  KursDate today = kurs_date_today ();
  guint n_overdue = 0;

  kurs_boxed_list_clear (self->rounds);
  kurs_boxed_list_clear (self->overdue_list);

  for (guint i = 0; i < rounds->len; i++)
    {
      KursRecord *round = rounds->pdata[i];
      KursDate deadline = kurs_record_get_date (round, "deadline");
      g_autofree char *escaped = g_markup_escape_text (kurs_record_get_title (round), -1);
      g_autofree char *deadline_text = kurs_date_format_local (deadline);
      g_autofree char *subtitle = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *answered = NULL;
      g_autofree char *awaiting = NULL;
      g_autofree char *overdue = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *counts;
      KursHearingTally tally;

      kurs_hearing_tally_parties (parties, kurs_record_get_id (round), deadline, today, &tally);
      summary = kurs_hearing_describe_tally (&tally);
      /* Translators: "deadline 22 Nov 2022 · 2 of 4 answered" */
      subtitle = g_strdup_printf (_("Deadline %s · %s"), deadline_text, summary);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      /* Translators: the counts beside a hearing round */
      answered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answered", "%u answered", tally.n_answered),
                                  tally.n_answered);
      awaiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u awaiting", "%u awaiting", tally.n_awaiting),
                                  tally.n_awaiting);
      overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", tally.n_overdue),
                                 tally.n_overdue);
      /* One above the other, so that the round's title keeps its room in a
       * narrow window */
      counts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      gtk_widget_set_valign (counts, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (counts, 6);
      gtk_widget_set_margin_bottom (counts, 6);
      gtk_box_append (GTK_BOX (counts), count_label (answered, tally.n_answered, "answered"));
      gtk_box_append (GTK_BOX (counts), count_label (awaiting, tally.n_awaiting, "awaiting"));
      gtk_box_append (GTK_BOX (counts), count_label (overdue, tally.n_overdue, "overdue"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), counts);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      if (tally.n_overdue > 0)
        gtk_widget_add_css_class (row, "overdue");
      gtk_list_box_append (self->rounds, row);

      for (guint k = 0; k < parties->len; k++)
        {
          KursRecord *party = parties->pdata[k];
          g_autofree char *name = NULL;
          g_autofree char *escaped_name = NULL;
          g_autofree char *party_subtitle = NULL;
          GtkWidget *party_row;

          if (kurs_record_get_parent_id (party) != kurs_record_get_id (round)
              || kurs_hearing_party_state (party, deadline, today) != KURS_HEARING_OVERDUE)
            continue;

          name = kurs_hearing_party_name (store, party);
          escaped_name = g_markup_escape_text (name, -1);
          /* Translators: an overdue party: its round, and the deadline it missed */
          party_subtitle = g_strdup_printf (_("%s · deadline %s, %d days ago"), kurs_record_get_title (round),
                                            deadline_text, (int) (today - deadline));
          party_row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (party_row), escaped_name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (party_row), party_subtitle);
          adw_action_row_add_prefix (ADW_ACTION_ROW (party_row), gtk_image_new_from_icon_name ("task-past-due-symbolic"));
          gtk_widget_add_css_class (party_row, "overdue");
          if (kurs_page_can_edit_field (page, KURS_ENTITY_HEARING_PARTY, "response_text"))
            {
              g_autofree char *label = g_strdup_printf (_("Record the response of %s"), name);
              GtkWidget *record = gtk_button_new_from_icon_name ("document-edit-symbolic");

              gtk_widget_add_css_class (record, "flat");
              gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
              gtk_widget_set_tooltip_text (record, _("Record the Response"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (record), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "hearings.record-response");
              gtk_actionable_set_action_target (GTK_ACTIONABLE (record), "x", kurs_record_get_id (party));
              /* not the row's activatable widget: that would add the row's
               * title to the button's name */
              adw_action_row_add_suffix (ADW_ACTION_ROW (party_row), record);
            }
          gtk_list_box_append (self->overdue_list, party_row);
          n_overdue++;
        }
    }

  gtk_widget_set_visible (self->overdue, n_overdue > 0);
}

static void
store_changed_cb (KursHearingsPage *self,
                  guint             entities)
{
  if (kurs_record_is_deleted (kurs_page_get_strategy (KURS_PAGE (self))))
    return;
  if (entities & ((1u << KURS_ENTITY_HEARING_ROUND) | (1u << KURS_ENTITY_HEARING_PARTY)
                  | (1u << KURS_ENTITY_STAKEHOLDER)))
    fill_overview (self);
}

static void
kurs_hearings_page_build (KursPage *page)
{
  KursHearingsPage *self = KURS_HEARINGS_PAGE (page);

  self->overview = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->overview), _("Who Has Answered"));
  self->rounds = GTK_LIST_BOX (kurs_boxed_list_new (_("Who Has Answered"),
                                           _("Nothing sent to hearing yet: send a draft from its hearing "
                                             "milestone, or add a round below")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->overview), GTK_WIDGET (self->rounds));
  kurs_page_add (page, self->overview);

  self->overdue = kurs_heading_group_new (_("Overdue Responses"),
                                          _("Parties whose deadline has passed with no response recorded"));
  self->overdue_list = GTK_LIST_BOX (kurs_boxed_list_new (_("Overdue Responses"), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->overdue), GTK_WIDGET (self->overdue_list));
  kurs_page_add (page, self->overdue);

  kurs_page_add_section (page, KURS_ENTITY_HEARING_ROUND, _("Hearing Rounds"),
                         _("No hearing rounds yet"), create_round_row, _("New Hearing Round…"), add_round);

  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill_overview (self);
}

static void
kurs_hearings_page_class_init (KursHearingsPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "hearings";
  page_class->title = N_("Hearings");
  page_class->icon_name = "mail-send-symbolic";
  page_class->build = kurs_hearings_page_build;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "hearings.print-summary", "x", print_summary_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "hearings.export-summary", "x", export_summary_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "hearings.record-response", "x",
                                   record_response_action);
}

static void
kurs_hearings_page_init (KursHearingsPage *self)
{
}
