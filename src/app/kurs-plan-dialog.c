/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-plan-dialog.h"
#include "kurs-process-plan.h"

/**
 * KursPlanDialog:
 *
 * "Plan the Process": the day of the final approval, the committee and
 * the hearing's length in, the usual path to approval out, shown step by
 * step as it would be made before anything is added.  Planning is one
 * action; every step can be changed afterwards.
 */
struct _KursPlanDialog
{
  AdwMessageDialog  parent_instance;

  KursStore        *store;
  KursRecord       *strategy;
  GSettings        *settings;
  /* The strategy has steps planned already, which this plan replaces */
  gboolean          replace;

  GtkWidget        *approval;
  GtkWidget        *committee;
  GtkSpinButton    *weeks;
  GtkSwitch        *by_law;
  GtkLabel         *preview;
};

G_DEFINE_FINAL_TYPE (KursPlanDialog, kurs_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GArray *
compute (KursPlanDialog  *self,
         KursDate        *approval,
         GError         **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->approval));

  if (!kurs_date_parse_typed (text, approval, error))
    return NULL;

  return kurs_process_plan_compute (*approval, gtk_spin_button_get_value_as_int (self->weeks),
                                    gtk_switch_get_active (self->by_law),
                                    kurs_language_of_strategy (self->strategy), error);
}

static void
update_preview (KursPlanDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  KursDate approval;

  steps = compute (self, &approval, &error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "plan", steps != NULL);
  kurs_set_invalid (self->approval, steps == NULL && error->domain == KURS_DATE_ERROR ? error->message : NULL);

  if (steps == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      gtk_label_set_markup (self->preview, escaped);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->preview), "error");
  for (guint i = 0; i < steps->len; i++)
    {
      KursProcessStep *step = &g_array_index (steps, KursProcessStep, i);
      g_autofree char *start = kurs_date_format_local (step->start);
      g_autofree char *end = step->end != step->start ? kurs_date_format_local (step->end) : NULL;
      g_autofree char *when = end ? g_strdup_printf ("%s – %s", start, end) : g_strdup (start);
      g_autofree char *escaped_when = g_markup_escape_text (when, -1);
      g_autofree char *escaped_title = g_markup_escape_text (step->title, -1);

      g_string_append_printf (text, "%s<b>%s</b>\n%s", i ? "\n" : "", escaped_when, escaped_title);
    }
  gtk_label_set_markup (self->preview, text->str);
}

static void
by_law_cb (KursPlanDialog *self)
{
  guint min = gtk_switch_get_active (self->by_law) ? KURS_HEARING_WEEKS_LAW_MIN : 1;

  /* A hearing the law requires cannot be planned shorter */
  gtk_spin_button_set_range (self->weeks, min, KURS_HEARING_WEEKS_MAX);
  update_preview (self);
}

static void
kurs_plan_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  KursPlanDialog *self = KURS_PLAN_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(GArray) steps = NULL;
  KursDate approval;
  guint weeks = gtk_spin_button_get_value_as_int (self->weeks);

  if (g_str_equal (response, "plan") && (steps = compute (self, &approval, NULL)) != NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      round = kurs_process_plan_create (self->store, self->strategy, approval,
                                        gtk_editable_get_text (GTK_EDITABLE (self->committee)),
                                        weeks, gtk_switch_get_active (self->by_law),
                                        self->replace ? KURS_PROCESS_PLAN_REPLACE : KURS_PROCESS_PLAN_DEFAULT,
                                        &error);
      if (round == NULL)
        kurs_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), error);
      else if (self->settings != NULL && !gtk_switch_get_active (self->by_law))
        g_settings_set_uint (self->settings, "hearing-weeks", weeks);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (kurs_plan_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (kurs_plan_dialog_parent_class)->response (dialog, response);
}

static void
kurs_plan_dialog_dispose (GObject *object)
{
  KursPlanDialog *self = (KursPlanDialog *) object;

  g_clear_object (&self->strategy);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kurs_plan_dialog_parent_class)->dispose (object);
}

static void
kurs_plan_dialog_class_init (KursPlanDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kurs_plan_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = kurs_plan_dialog_response;
}

static GtkWidget *
suffix_row (const char *title,
            const char *subtitle,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  /* the row names its activatable widget for a screen reader */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
kurs_plan_dialog_init (KursPlanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Plan the Process"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The usual path to an approved strategy, worked back from the day of its "
                                 "final approval and spaced as Ballerup’s 2022 process. Every step can be "
                                 "changed afterwards."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "plan", _("_Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "plan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "plan");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  /* Enter in a field plans */
  self->approval = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->approval), _("Final approval"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->approval), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), self->approval);

  self->committee = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->committee), _("Committee"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->committee), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), self->committee);

  self->weeks = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, KURS_HEARING_WEEKS_MAX, 1));
  gtk_list_box_append (GTK_LIST_BOX (list), suffix_row (_("Hearing (weeks)"), NULL, GTK_WIDGET (self->weeks)));

  self->by_law = GTK_SWITCH (gtk_switch_new ());
  gtk_list_box_append (GTK_LIST_BOX (list),
                       suffix_row (_("Hearing required by law"),
                                   _("For a planning strategy, say: at least eight weeks"),
                                   GTK_WIDGET (self->by_law)));

  self->preview = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->preview, 0);
  gtk_label_set_wrap (self->preview, TRUE);
  gtk_label_set_selectable (self->preview, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The steps to be planned"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->preview));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect_swapped (self->approval, "changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->weeks, "value-changed", G_CALLBACK (update_preview), self);
  g_signal_connect_swapped (self->by_law, "notify::active", G_CALLBACK (by_law_cb), self);
}

/**
 * kurs_plan_dialog_new:
 * @settings: (nullable): where the hearing's length is remembered
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWidget *
kurs_plan_dialog_new (GtkWindow  *parent,
                      KursStore  *store,
                      KursRecord *strategy,
                      GSettings  *settings)
{
  KursPlanDialog *self;
  g_autofree char *suggested = NULL;
  KursDate approval;
  guint weeks = KURS_HEARING_WEEKS_DEFAULT;
  const char *committee;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  self = g_object_new (KURS_TYPE_PLAN_DIALOG, "transient-for", parent, "modal", TRUE,
                       "default-width", 480, NULL);
  self->store = g_object_ref (store);
  self->strategy = g_object_ref (strategy);
  self->settings = settings ? g_object_ref (settings) : NULL;

  if (settings != NULL)
    weeks = g_settings_get_uint (settings, "hearing-weeks");
  gtk_spin_button_set_value (self->weeks, weeks);

  /* Eight months ahead leave room for the whole path */
  approval = kurs_date_add_months (kurs_date_today (), 8);
  suggested = kurs_date_to_iso (approval);
  gtk_editable_set_text (GTK_EDITABLE (self->approval), suggested);

  committee = kurs_record_get_text (strategy, "committee");
  gtk_editable_set_text (GTK_EDITABLE (self->committee), committee ? committee : "");

  /* Planning twice would give each step twice: the new plan replaces the
   * steps of the old that have not been held, and says so */
  {
    g_autoptr(GPtrArray) existing = kurs_process_plan_existing (store, strategy);
    guint held = 0;

    for (guint i = 0; i < existing->len; i++)
      held += kurs_record_get_bool (existing->pdata[i], "held");

    if (existing->len > held)
      {
        g_autofree char *body = NULL;

        self->replace = TRUE;
        body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The strategy has a process plan already. Its %u step not yet held "
                                             "will be replaced by the new plan; the steps held are kept.",
                                             "The strategy has a process plan already. Its %u steps not yet held "
                                             "will be replaced by the new plan; the steps held are kept.",
                                             existing->len - held),
                                existing->len - held);
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
        adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "plan", _("_Replace Plan"));
        adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "plan", ADW_RESPONSE_DESTRUCTIVE);
      }
    else
      self->replace = existing->len > 0;
  }

  update_preview (self);
  return GTK_WIDGET (self);
}
