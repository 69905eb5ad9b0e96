/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-process-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-field-editors.h"
#include "kurs-field-binding.h"
#include "kurs-hearing-dialog.h"
#include "kurs-hearing.h"
#include "kurs-link-group.h"
#include "kurs-plan-dialog.h"
#include "kurs-milestone.h"
#include "kurs-process-page.h"
#include "kurs-record-row.h"
#include "kurs-recurrence.h"

/**
 * KursProcessPage:
 *
 * The process plan: the strategy's milestones by date — seminars,
 * committee meetings, the theme meeting, the hearing, the approvals, and
 * the follow-up of later years — each held or planned, with what the
 * minutes record of a meeting (case number, earlier treatment,
 * recommendation, decision), a workshop's participants and outputs, and
 * a hearing's round.  "Plan the Process…" lays out the usual path from a
 * target date.  The process is not part of the strategy's text, so it
 * stays editable once the strategy is approved.
 */
struct _KursProcessPage
{
  KursPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KursProcessPage, kurs_process_page, KURS_TYPE_PAGE)

static const char * const common_fields[] = {
  "title", "kind", "start_date", "end_date", "committee", "held", NULL
};
/* What the minutes record of an agenda item (seeds 003, 004) */
static const char * const meeting_fields[] = {
  "case_number", "earlier_treatment", "recommendation", "decision", NULL
};
static const char * const repeat_fields[] = { "repeat_every_years", "repeat_until_year", NULL };

static char *
describe_dates (KursRecord *milestone)
{
  g_autofree char *start = kurs_date_format_local (kurs_record_get_date (milestone, "start_date"));
  int every = kurs_record_get_int (milestone, "repeat_every_years");

  if (every > 0)
    {
      int from = kurs_date_get_year (kurs_record_get_date (milestone, "start_date"));
      int until = kurs_record_get_int (milestone, "repeat_until_year");

      if (until < from)
        until = from;
      if (every == 1)
        /* Translators: a yearly milestone, "every year, 2023–2028" */
        return g_strdup_printf (_("Every year, %d–%d"), from, until);
      /* Translators: a recurring milestone, "every 2 years, 2024–2028" */
      return g_strdup_printf (_("Every %d years, %d–%d"), every, from, until);
    }

  if (kurs_record_has_value (milestone, "end_date")
      && kurs_record_get_date (milestone, "end_date") != kurs_record_get_date (milestone, "start_date"))
    {
      g_autofree char *end = kurs_date_format_local (kurs_record_get_date (milestone, "end_date"));

      return g_strdup_printf ("%s – %s", start, end);
    }

  return g_steal_pointer (&start);
}

/**
 * kurs_process_describe_milestone:
 *
 * Returns: (transfer full): "20. maj 2022 · Seminar · Held", for a row
 */
char *
kurs_process_describe_milestone (KursStore  *store,
                                 KursRecord *milestone)
{
  g_autofree char *dates = describe_dates (milestone);
  int kind = kurs_record_get_enum (milestone, "kind");
  const char *state;

  if (kurs_record_get_bool (milestone, "held"))
    state = _("Held");
  else if (kurs_milestone_is_overdue (milestone, kurs_date_today ()))
    state = _("Overdue: not marked held");
  else
    state = _("Planned");

  return g_strdup_printf ("%s · %s · %s", dates,
                          kind >= 0 ? kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind) : "",
                          state);
}

/* The row of an editor inside an expander: text areas are wrapped in one */
static void
set_shown (GtkWidget *editor,
           gboolean   shown)
{
  GtkWidget *parent = gtk_widget_get_parent (editor);

  gtk_widget_set_visible (editor, shown);
  if (GTK_IS_LIST_BOX_ROW (parent) && !ADW_IS_PREFERENCES_ROW (editor))
    gtk_widget_set_visible (parent, shown);
}

/* What a row's editors depend on: the kind, and the recurrence */
typedef struct {
  GPtrArray  *meeting;       /* editors for meetings only */
  GtkWidget  *workshop;      /* participants and outputs */
  GtkWidget  *hearing;       /* the hearing round */
  GtkWidget  *occurrences;
} MilestoneEditors;

static void
milestone_editors_free (gpointer data)
{
  MilestoneEditors *editors = data;

  g_ptr_array_unref (editors->meeting);
  g_free (editors);
}

static void
update_editors (KursRecordRow *row)
{
  MilestoneEditors *editors = g_object_get_data (G_OBJECT (row), "kurs-editors");
  KursRecord *milestone = kurs_record_row_get_record (row);
  int kind = kurs_record_get_enum (milestone, "kind");
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GString) dates = g_string_new (NULL);

  if (editors == NULL || kurs_record_is_deleted (milestone))
    return;

  for (guint i = 0; i < editors->meeting->len; i++)
    set_shown (editors->meeting->pdata[i], kurs_milestone_kind_is_agenda_item (kind));
  set_shown (editors->workshop, kurs_milestone_kind_is_workshop (kind));
  set_shown (editors->hearing, kind == KURS_MILESTONE_HEARING);

  /* A series is edited as one; its occurrences are listed */
  occurrences = kurs_recurrence_expand_milestone (milestone, KURS_DATE_NONE, KURS_DATE_NONE);
  for (guint i = 0; i < occurrences->len; i++)
    {
      KursOccurrence *occurrence = &g_array_index (occurrences, KursOccurrence, i);
      g_autofree char *start = kurs_date_format_local (occurrence->start);

      g_string_append_printf (dates, "%s%s", i ? ", " : "", start);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (editors->occurrences), dates->str);
  set_shown (editors->occurrences, occurrences->len > 1);
}

/* A workshop's outputs, each linked to the goals it shaped */
static void
populate_output (KursRecordRow *row,
                 gpointer       user_data)
{
  static const char * const output_fields[] = { "text", NULL };

  kurs_record_row_add_fields (row, output_fields);
  kurs_record_row_add_editor (row, kurs_link_group_new (kurs_record_row_get_store (row),
                                                        kurs_record_row_get_record (row),
                                                        KURS_ENTITY_OUTPUT_GOAL, NULL, KURS_ENTITY_GOAL,
                                                        _("Development Goals It Shaped"),
                                                        _("The strategy has no development goals yet")));
}

static char *
describe_output (KursStore  *store,
                 KursRecord *output)
{
  g_autoptr(GPtrArray) links = kurs_store_list (store, KURS_ENTITY_OUTPUT_GOAL, kurs_record_get_id (output));

  if (links->len == 0)
    return g_strdup (_("Linked to no development goal"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shaped %u development goal", "Shaped %u development goals",
                                       links->len),
                          links->len);
}

static GtkWidget *
create_output_row (KursRecord *record,
                   gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_output);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_output, page);
  return row;
}

static KursRecord *
add_output (gpointer user_data)
{
  KursNestedContext *context = user_data;

  return kurs_page_create (context->page, KURS_ENTITY_WORKSHOP_OUTPUT, kurs_record_get_id (context->parent),
                           "text", g_variant_new_string (kurs_page_content_text (context->page, N_("New output"))), NULL);
}

static GtkWidget *
workshop_editors (KursPage   *page,
                  KursRecord *milestone)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *participants;

  participants = kurs_link_group_new (kurs_page_get_store (page), milestone, KURS_ENTITY_INVOLVEMENT,
                                      "milestone_id", KURS_ENTITY_STAKEHOLDER, _("Participants"),
                                      _("No stakeholders yet: add them on the Stakeholders page"));
  kurs_link_group_set_role (KURS_LINK_GROUP (participants), "role", "participant");
  gtk_box_append (GTK_BOX (box), participants);
  gtk_box_append (GTK_BOX (box),
                  kurs_page_nested_section (page, milestone, KURS_ENTITY_WORKSHOP_OUTPUT, _("Outputs"),
                                            _("No outputs yet: what the workshop produced, linked to the "
                                              "development goals it shaped"),
                                            create_output_row, _("Add Output"), add_output));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  /* the nested section brings margins of its own */
  gtk_widget_set_margin_start (gtk_widget_get_last_child (box), 0);
  gtk_widget_set_margin_end (gtk_widget_get_last_child (box), 0);
  return box;
}

/* The hearing rounds of a hearing milestone, and sending it to hearing */

static void
send_to_hearing_cb (GtkButton *button,
                    KursPage  *page)
{
  KursRecord *milestone = g_object_get_data (G_OBJECT (button), "kurs-milestone");
  GtkWidget *dialog;

  dialog = kurs_hearing_dialog_new_round (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                          kurs_page_get_store (page), kurs_page_get_strategy (page),
                                          milestone, kurs_page_get_settings (page));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_hearing_group (GtkWidget *group)
{
  KursPage *page = g_object_get_data (G_OBJECT (group), "kurs-page");
  KursRecord *milestone = g_object_get_data (G_OBJECT (group), "kurs-milestone");
  GtkListBox *list = g_object_get_data (G_OBJECT (group), "kurs-list");
  g_autoptr(GPtrArray) rounds = NULL;

  if (kurs_record_is_deleted (milestone))
    return;

  kurs_boxed_list_clear (list);

  rounds = kurs_store_list_by_field (kurs_page_get_store (page), KURS_ENTITY_HEARING_ROUND, "milestone_id",
                                     kurs_record_get_id (milestone));
  for (guint i = 0; i < rounds->len; i++)
    {
      KursHearingTally tally;
      g_autofree char *summary = NULL;
      g_autofree char *escaped = g_markup_escape_text (kurs_record_get_title (rounds->pdata[i]), -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

      kurs_hearing_tally_round (kurs_page_get_store (page), rounds->pdata[i], kurs_date_today (), &tally);
      summary = kurs_hearing_describe_tally (&tally);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      if (tally.n_overdue > 0)
        gtk_widget_add_css_class (row, "overdue");
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Show on the Hearings page"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show on the Hearings page"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", "hearings");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (list, row);
    }
}

static void
hearing_store_changed_cb (GtkWidget *group,
                          guint      entities)
{
  if (entities & ((1u << KURS_ENTITY_HEARING_ROUND) | (1u << KURS_ENTITY_HEARING_PARTY)))
    fill_hearing_group (group);
}

static GtkWidget *
hearing_editors (KursPage   *page,
                 KursRecord *milestone)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = kurs_boxed_list_new (_("Hearing Round"), _("Not sent to hearing yet"));
  GtkWidget *send = gtk_button_new_with_mnemonic (_("_Send to Hearing…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Hearing Round"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  gtk_widget_add_css_class (send, "flat");
  gtk_widget_set_valign (send, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (send, kurs_page_can_edit (page, KURS_ENTITY_HEARING_ROUND));
  g_object_set_data_full (G_OBJECT (send), "kurs-milestone", g_object_ref (milestone), g_object_unref);
  g_signal_connect_object (send, "clicked", G_CALLBACK (send_to_hearing_cb), page, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), send);

  g_object_set_data (G_OBJECT (group), "kurs-page", page);
  g_object_set_data_full (G_OBJECT (group), "kurs-milestone", g_object_ref (milestone), g_object_unref);
  g_object_set_data (G_OBJECT (group), "kurs-list", list);
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (hearing_store_changed_cb), group,
                           G_CONNECT_SWAPPED);
  fill_hearing_group (group);

  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_top (group, 12);
  gtk_widget_set_margin_bottom (group, 12);
  return group;
}

static void
populate_milestone (KursRecordRow *row,
                    gpointer       user_data)
{
  KursPage *page = user_data;
  KursStore *store = kurs_record_row_get_store (row);
  KursRecord *milestone = kurs_record_row_get_record (row);
  MilestoneEditors *editors = g_new0 (MilestoneEditors, 1);

  editors->meeting = g_ptr_array_new ();

  kurs_record_row_add_fields (row, common_fields);
  kurs_record_row_add_editor (row, kurs_field_editor_new (store, milestone, "agenda"));
  for (guint i = 0; meeting_fields[i]; i++)
    {
      GtkWidget *editor = kurs_field_editor_new (store, milestone, meeting_fields[i]);

      kurs_record_row_add_editor (row, editor);
      g_ptr_array_add (editors->meeting, editor);
    }
  kurs_record_row_add_fields (row, repeat_fields);

  editors->occurrences = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editors->occurrences), _("Occurrences"));
  kurs_record_row_add_editor (row, editors->occurrences);

  editors->workshop = workshop_editors (page, milestone);
  kurs_record_row_add_editor (row, editors->workshop);
  editors->hearing = hearing_editors (page, milestone);
  kurs_record_row_add_editor (row, editors->hearing);

  g_object_set_data_full (G_OBJECT (row), "kurs-editors", editors, milestone_editors_free);
  g_signal_connect_object (milestone, "changed", G_CALLBACK (update_editors), row, G_CONNECT_SWAPPED);
  update_editors (row);
}

/* The row itself: a tick for "held", and red when it is overdue */

static void
update_row_state (GtkWidget *row)
{
  KursRecord *milestone = kurs_record_row_get_record (KURS_RECORD_ROW (row));
  GtkCheckButton *held = g_object_get_data (G_OBJECT (row), "kurs-held");
  g_autofree char *label = NULL;

  if (kurs_record_is_deleted (milestone))
    return;

  g_object_set_data (G_OBJECT (row), "kurs-updating", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (held, kurs_record_get_bool (milestone, "held"));
  g_object_set_data (G_OBJECT (row), "kurs-updating", NULL);

  /* Translators: the tick before a milestone, for a screen reader */
  label = g_strdup_printf (_("Held: %s"), kurs_record_get_title (milestone));
  gtk_accessible_update_property (GTK_ACCESSIBLE (held), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (kurs_milestone_is_overdue (milestone, kurs_date_today ()))
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");
}

static void
held_toggled_cb (GtkCheckButton *held,
                 GtkWidget      *row)
{
  KursRecordRow *record_row = KURS_RECORD_ROW (row);
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (row), "kurs-updating"))
    return;

  if (!kurs_store_set (kurs_record_row_get_store (record_row), kurs_record_row_get_record (record_row), "held",
                       g_variant_new_boolean (gtk_check_button_get_active (held)), &error))
    {
      kurs_show_error (row, error);
      update_row_state (row);
    }
}

static GtkWidget *
create_milestone_row (KursRecord *record,
                      gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, kurs_process_describe_milestone);
  GtkWidget *held = gtk_check_button_new ();

  gtk_widget_set_valign (held, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (held, _("Held"));
  gtk_widget_set_sensitive (held, kurs_page_can_edit (page, KURS_ENTITY_MILESTONE));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), held);
  g_object_set_data (G_OBJECT (row), "kurs-held", held);
  g_signal_connect (held, "toggled", G_CALLBACK (held_toggled_cb), row);
  g_signal_connect_object (record, "changed", G_CALLBACK (update_row_state), row, G_CONNECT_SWAPPED);
  update_row_state (row);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_milestone, page);
  return row;
}

static KursRecord *
add_milestone (gpointer user_data)
{
  KursPage *page = user_data;
  g_autofree char *today = kurs_date_to_iso (kurs_date_today ());
  const char *committee = kurs_record_get_text (kurs_page_get_strategy (page), "committee");

  return kurs_page_create (page, KURS_ENTITY_MILESTONE, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "kind", g_variant_new_string ("committee-meeting"),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New milestone"))),
                           "start_date", g_variant_new_string (today),
                           "committee", committee ? g_variant_new_string (committee) : NULL,
                           NULL);
}

static void
plan_cb (KursPage *page)
{
  GtkWidget *dialog;

  dialog = kurs_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                 kurs_page_get_store (page), kurs_page_get_strategy (page),
                                 kurs_page_get_settings (page));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kurs_process_page_build (KursPage *page)
{
  GtkWidget *section;

  section = kurs_page_add_section (page, KURS_ENTITY_MILESTONE, _("Milestones"),
                                   _("No milestones yet: plan the process, or add the seminars, meetings and "
                                     "hearing one by one"),
                                   create_milestone_row, _("Add Milestone"), add_milestone);

  /* Planning acts on the milestones: beside their title */
  if (kurs_page_can_edit (page, KURS_ENTITY_MILESTONE))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Plan…"));

      gtk_widget_set_tooltip_text (button, _("Plan the process: seminar, committee meetings, theme meeting, draft, "
                                             "hearing and approval, worked back from the day of the final approval"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (plan_cb), page, G_CONNECT_SWAPPED);
      kurs_record_section_add_button (KURS_RECORD_SECTION (section), button);
    }
}

static void
kurs_process_page_class_init (KursProcessPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "process";
  page_class->title = N_("Process Plan");
  page_class->icon_name = "task-due-symbolic";
  page_class->build = kurs_process_page_build;
}

static void
kurs_process_page_init (KursProcessPage *self)
{
}
