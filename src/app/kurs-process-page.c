/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-process-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-milestone-row.h"
#include "kurs-plan-dialog.h"
#include "kurs-process-page.h"
#include "kurs-record-section.h"

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

static GtkWidget *
create_milestone_row (KursRecord *record,
                      gpointer    user_data)
{
  return kurs_milestone_row_new (KURS_PAGE (user_data), record);
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
