/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-hearing-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-check-row.h"
#include "kurs-hearing-dialog.h"
#include "kurs-hearing.h"
#include "kurs-language.h"
#include "kurs-process-plan.h"

/**
 * KursHearingDialog:
 *
 * Sending a draft to hearing: the round's title, the day it is sent and
 * its deadline, and the parties, chosen from the strategy's stakeholders.
 * From a hearing milestone, its dates and its hearing parties are chosen
 * already.  The same dialog adds parties to a round that has been sent.
 */
struct _KursHearingDialog
{
  AdwMessageDialog  parent_instance;

  KursStore        *store;
  KursRecord       *strategy;
  KursRecord       *milestone;   /* nullable */
  KursRecord       *round;       /* the round made, or the one parties join */

  GtkWidget        *title;
  GtkWidget        *sent;
  GtkWidget        *deadline;
  GtkListBox       *parties;
};

G_DEFINE_FINAL_TYPE (KursHearingDialog, kurs_hearing_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GArray *
chosen_parties (KursHearingDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->parties, i)) != NULL; i++)
    {
      GtkCheckButton *check = kurs_check_row_get_check (KURS_CHECK_ROW (row));
      gint64 id = kurs_check_row_get_target_id (KURS_CHECK_ROW (row));

      if (gtk_widget_get_sensitive (GTK_WIDGET (check)) && gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* Both dates valid and in order, or the reason why not */
static gboolean
read_dates (KursHearingDialog  *self,
            KursDate           *sent,
            KursDate           *deadline,
            GError            **error)
{
  g_autoptr(GError) sent_error = NULL;
  g_autoptr(GError) deadline_error = NULL;
  gboolean ok;

  ok = kurs_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->sent)), sent, &sent_error);
  ok &= kurs_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->deadline)), deadline, &deadline_error);
  kurs_set_invalid (self->sent, sent_error ? sent_error->message : NULL);
  kurs_set_invalid (self->deadline, deadline_error ? deadline_error->message : NULL);

  if (ok && *deadline < *sent)
    {
      kurs_set_invalid (self->deadline, _("The deadline is before the hearing is sent"));
      ok = FALSE;
    }
  if (!ok)
    g_set_error_literal (error, KURS_DATE_ERROR, KURS_DATE_ERROR_INVALID,
                         sent_error ? sent_error->message
                         : deadline_error ? deadline_error->message
                         : _("The deadline is before the hearing is sent"));
  return ok;
}

static void
update_response (KursHearingDialog *self)
{
  g_autoptr(GArray) ids = chosen_parties (self);
  gboolean ok = ids->len > 0;

  if (self->round == NULL)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title))));
      KursDate sent, deadline;

      ok &= read_dates (self, &sent, &deadline, NULL);
      kurs_set_invalid (self->title, *title ? NULL : _("A hearing round needs a title"));
      ok &= *title != '\0';
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "send", ok);
}

static void
kurs_hearing_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  KursHearingDialog *self = KURS_HEARING_DIALOG (dialog);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *report = parent ? GTK_WIDGET (parent) : GTK_WIDGET (self);
  g_autoptr(GArray) ids = chosen_parties (self);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "send"))
    {
      if (self->round != NULL)
        {
          if (!kurs_hearing_add_parties (self->store, self->round, (const gint64 *) ids->data, ids->len, &error))
            kurs_show_error (report, error);
        }
      else
        {
          KursDate sent, deadline;

          if (!read_dates (self, &sent, &deadline, &error)
              || !(self->round = kurs_hearing_create_round (self->store, self->strategy, self->milestone,
                                                            gtk_editable_get_text (GTK_EDITABLE (self->title)),
                                                            sent, deadline,
                                                            (const gint64 *) ids->data, ids->len, &error)))
            kurs_show_error (report, error);
        }
    }

  if (ADW_MESSAGE_DIALOG_CLASS (kurs_hearing_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (kurs_hearing_dialog_parent_class)->response (dialog, response);
}

static void
kurs_hearing_dialog_dispose (GObject *object)
{
  KursHearingDialog *self = (KursHearingDialog *) object;

  g_clear_object (&self->round);
  g_clear_object (&self->milestone);
  g_clear_object (&self->strategy);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_hearing_dialog_parent_class)->dispose (object);
}

static void
kurs_hearing_dialog_class_init (KursHearingDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kurs_hearing_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = kurs_hearing_dialog_response;
}

static void
kurs_hearing_dialog_init (KursHearingDialog *self)
{
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  self->parties = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->parties, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->parties), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parties), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Parties"), -1);
}

static GtkWidget *
entry_row (KursHearingDialog *self,
           GtkWidget         *list,
           const char        *title,
           const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  /* Enter in a field sends */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_response), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* The strategy's stakeholders, each to tick */
static void
fill_parties (KursHearingDialog *self,
              GHashTable        *chosen,
              GHashTable        *already)
{
  g_autoptr(GPtrArray) stakeholders = kurs_store_list (self->store, KURS_ENTITY_STAKEHOLDER,
                                                       kurs_record_get_id (self->strategy), NULL);

  for (guint i = 0; i < stakeholders->len; i++)
    {
      KursRecord *stakeholder = stakeholders->pdata[i];
      gint64 id = kurs_record_get_id (stakeholder);
      const char *name = kurs_record_get_title (stakeholder);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      int kind = kurs_record_get_enum (stakeholder, "kind");
      GtkWidget *row = kurs_check_row_new (id);
      GtkWidget *check = GTK_WIDGET (kurs_check_row_get_check (KURS_CHECK_ROW (row)));
      gboolean is_party = already && g_hash_table_contains (already, &id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (kind >= 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     is_party ? _("A party already")
                                              : kurs_enum_info_to_label (&kurs_stakeholder_kind_enum, kind));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   is_party || (chosen && g_hash_table_contains (chosen, &id)));
      gtk_widget_set_sensitive (check, !is_party);
      g_signal_connect_swapped (row, "toggled", G_CALLBACK (update_response), self);
      gtk_list_box_append (self->parties, row);
    }

  if (stakeholders->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("The strategy has no stakeholders yet: add them on the Stakeholders page."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_set_placeholder (self->parties, label);
    }
}

static GtkWidget *
scrolled_parties (KursHearingDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->parties));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  return scrolled;
}

static GHashTable *
id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

/**
 * kurs_hearing_dialog_new_round:
 * @milestone: (nullable): the hearing milestone the round belongs to
 * @settings: (nullable): for the hearing's usual length
 *
 * Returns: (transfer floating): a dialog that sends the draft to hearing
 */
GtkWidget *
kurs_hearing_dialog_new_round (GtkWindow  *parent,
                               KursStore  *store,
                               KursRecord *strategy,
                               KursRecord *milestone,
                               GSettings  *settings)
{
  KursHearingDialog *self;
  g_autoptr(GHashTable) chosen = id_set ();
  g_autofree char *sent_text = NULL;
  g_autofree char *deadline_text = NULL;
  const char *committee = kurs_record_get_text (strategy, "committee");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *label;
  KursDate sent, deadline;
  guint weeks = settings ? g_settings_get_uint (settings, "hearing-weeks") : KURS_HEARING_WEEKS_DEFAULT;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  self = g_object_new (KURS_TYPE_HEARING_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 480, NULL);
  self->store = g_object_ref (store);
  self->strategy = g_object_ref (strategy);
  self->milestone = milestone ? g_object_ref (milestone) : NULL;
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Send to Hearing"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The parties are asked for a response by the deadline; those who have "
                                 "not answered by then are shown as overdue."));

  /* From the milestone: its dates, and who is a hearing party of it */
  sent = milestone ? kurs_record_get_date (milestone, "start_date") : kurs_date_today ();
  deadline = milestone && kurs_record_has_value (milestone, "end_date")
             ? kurs_record_get_date (milestone, "end_date") : sent + 7 * weeks;
  if (deadline <= sent)
    deadline = sent + 7 * weeks;
  sent_text = kurs_date_to_iso (sent);
  deadline_text = kurs_date_to_iso (deadline);

  if (milestone != NULL)
    {
      g_autoptr(GPtrArray) involved = kurs_store_list_by_field (store, KURS_ENTITY_INVOLVEMENT, "milestone_id",
                                                                kurs_record_get_id (milestone), NULL);

      for (guint i = 0; i < involved->len; i++)
        if (kurs_record_get_enum (involved->pdata[i], "role") == KURS_INVOLVEMENT_HEARING_PARTY)
          id_set_add (chosen, kurs_record_get_parent_id (involved->pdata[i]));
    }
  /* …or else the usual parties: councils, boards and other committees */
  if (g_hash_table_size (chosen) == 0)
    {
      g_autoptr(GArray) usual = kurs_hearing_usual_parties (store, strategy, committee);

      for (guint i = 0; i < usual->len; i++)
        id_set_add (chosen, g_array_index (usual, gint64, i));
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->title = entry_row (self, list, _("Title"),
                           milestone ? kurs_record_get_title (milestone)
                                     : kurs_language_gettext (kurs_language_of_strategy (strategy),
                                                              N_("Hearing on the draft strategy")));
  self->sent = entry_row (self, list, _("Sent"), sent_text);
  self->deadline = entry_row (self, list, _("Deadline"), deadline_text);

  label = gtk_label_new (_("Parties"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  fill_parties (self, chosen, NULL);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled_parties (self));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  update_response (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_hearing_dialog_add_parties:
 * @round: a hearing round
 *
 * Returns: (transfer floating): a dialog that adds parties to @round
 */
GtkWidget *
kurs_hearing_dialog_add_parties (GtkWindow  *parent,
                                 KursStore  *store,
                                 KursRecord *round)
{
  KursHearingDialog *self;
  g_autoptr(GHashTable) already = id_set ();
  g_autoptr(GPtrArray) parties = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (round), NULL);

  self = g_object_new (KURS_TYPE_HEARING_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 420, NULL);
  self->store = g_object_ref (store);
  self->strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, kurs_record_get_strategy_id (round));
  self->round = g_object_ref (round);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add Parties"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), kurs_record_get_title (round));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "send", _("_Add"));

  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  for (guint i = 0; i < parties->len; i++)
    id_set_add (already, kurs_record_get_int (parties->pdata[i], "stakeholder_id"));
  fill_parties (self, NULL, already);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled_parties (self));
  update_response (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_hearing_dialog_set_party:
 *
 * Ticks or unticks a stakeholder, as a click on its row does.
 */
void
kurs_hearing_dialog_set_party (KursHearingDialog *self,
                               gint64             stakeholder_id,
                               gboolean           chosen)
{
  GtkListBoxRow *row;

  g_return_if_fail (KURS_IS_HEARING_DIALOG (self));

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->parties, i)) != NULL; i++)
    if (kurs_check_row_get_target_id (KURS_CHECK_ROW (row)) == stakeholder_id)
      kurs_check_row_set_active (KURS_CHECK_ROW (row), chosen);
}

/**
 * kurs_hearing_dialog_get_round:
 *
 * Returns: (transfer none) (nullable): the round sent, once it is
 */
KursRecord *
kurs_hearing_dialog_get_round (KursHearingDialog *self)
{
  g_return_val_if_fail (KURS_IS_HEARING_DIALOG (self), NULL);

  return self->round;
}
