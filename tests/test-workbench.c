/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-workbench"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-goals-page.h"
#include "kurs-hearing-dialog.h"
#include "kurs-hearings-page.h"
#include "kurs-involvement-matrix.h"
#include "kurs-link-group.h"
#include "kurs-milestone-row.h"
#include "kurs-page-fixture.h"
#include "kurs-plan-dialog.h"
#include "kurs-process-page.h"
#include "kurs-record-row.h"
#include "kurs-resources.h"
#include "kurs-stakeholders-page.h"
#include "kurs-text-area.h"
#include "kurs-widget-util.h"

/* The consultant's workbench — the process plan, the stakeholders and
 * their involvement, the hearings — driven through its widgets in a real
 * window, and read back from the library file. */

static void
set_text_area (GtkWidget  *root,
               guint       index,
               const char *text)
{
  g_autoptr(GPtrArray) areas = kurs_widget_find_all (root, kurs_widget_has_type_name, "KursTextArea");

  g_assert_cmpuint (areas->len, >, index);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kurs_text_area_get_text_view (areas->pdata[index])), text, -1);
}

static GtkCheckButton *
check_in (GtkWidget  *root,
          const char *title)
{
  GtkWidget *found = row_in (root, title);
  GtkWidget *check = kurs_widget_find (found, kurs_widget_has_type_name, "GtkCheckButton");

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

/* Process plan */

#define APPROVAL_MEETING "Socialudvalgsmøde: godkendelse af opsamling og proces"
#define THEME_MEETING "Temamøde (halvdagsworkshop): indsatsområder og udviklingsmål"

/* The example as its consultant left it before the 2022 process was
 * marked held and the hearing's responses recorded: the meeting of
 * 9 August not held, and no party answered */
static void
rewind_process (Fixture *f)
{
  g_autoptr(GPtrArray) milestones = kurs_store_list (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (f->strategy),
                                                     NULL);
  g_autoptr(GPtrArray) parties = kurs_store_list_by_strategy (f->store, KURS_ENTITY_HEARING_PARTY,
                                                              kurs_record_get_id (f->strategy), NULL);

  for (guint i = 0; i < milestones->len; i++)
    if (g_str_equal (kurs_record_get_title (milestones->pdata[i]), APPROVAL_MEETING))
      g_assert_true (kurs_store_set (f->store, milestones->pdata[i], "held", g_variant_new_boolean (FALSE), NULL));
  for (guint i = 0; i < parties->len; i++)
    {
      g_assert_true (kurs_store_set (f->store, parties->pdata[i], "response_date", NULL, NULL));
      g_assert_true (kurs_store_set (f->store, parties->pdata[i], "response_text", NULL, NULL));
      g_assert_true (kurs_store_set (f->store, parties->pdata[i], "handling_note", NULL, NULL));
    }
}

/* A milestone past its date and not held is overdue; ticking it held is
 * stored and takes the mark away */
static void
test_process_held (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *milestone;
  GtkCheckButton *held;

  rewind_process (f);
  show_page (f, KURS_TYPE_PROCESS_PAGE);
  milestone = row (f, APPROVAL_MEETING);
  g_assert_true (gtk_widget_has_css_class (milestone, "overdue"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (milestone)), "Overdue"));

  held = kurs_milestone_row_get_held_check (KURS_MILESTONE_ROW (milestone));
  g_assert_false (gtk_check_button_get_active (held));
  gtk_check_button_set_active (held, TRUE);
  kurs_widget_settle ();

  assert_stored (f, "SELECT held FROM milestone WHERE title = '" APPROVAL_MEETING "'", "1");
  g_assert_false (gtk_widget_has_css_class (milestone, "overdue"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (milestone)), "Held"));

  /* Undo, from wherever it is asked for, unticks it */
  g_assert_true (kurs_store_undo (f->store, NULL));
  kurs_widget_settle ();
  g_assert_false (gtk_check_button_get_active (held));
  assert_stored (f, "SELECT held FROM milestone WHERE title = '" APPROVAL_MEETING "'", "0");
}

/* A committee meeting records its agenda item as the minutes do */
static void
test_process_agenda_item (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *milestone;

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  milestone = expand (f, APPROVAL_MEETING);
  type (row_in (milestone, "Case number"), "27.00.00-A00-8-22");
  /* agenda, earlier treatment, recommendation, decision */
  set_text_area (milestone, 2, "1. at opsamlingen godkendes\n2. at processen godkendes");
  set_text_area (milestone, 3, "Godkendt.");
  kurs_widget_wait (AFTER_SAVE);

  assert_stored (f, "SELECT case_number FROM milestone WHERE title = '" APPROVAL_MEETING "'", "27.00.00-A00-8-22");
  assert_stored (f, "SELECT recommendation FROM milestone WHERE title = '" APPROVAL_MEETING "'",
                 "1. at opsamlingen godkendes\n2. at processen godkendes");
  assert_stored (f, "SELECT decision FROM milestone WHERE title = '" APPROVAL_MEETING "'", "Godkendt.");

  /* The workshop's editors are not a meeting's */
  g_assert_false (gtk_widget_is_visible (kurs_widget_find (milestone, kurs_widget_has_type_name,
                                                           "KursLinkGroup")));
  kurs_widget_snapshot (f->window, "workbench-process-meeting");
}

/* A new date moves the milestone in the list; its row stays open */
static void
test_process_date_keeps_row_open (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *milestone;

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  milestone = expand (f, APPROVAL_MEETING);
  type (row_in (milestone, "Date"), "15.10.2022");
  kurs_widget_wait (AFTER_SAVE);
  kurs_widget_settle ();

  assert_stored (f, "SELECT start_date FROM milestone WHERE title = '" APPROVAL_MEETING "'", "2022-10-15");
  milestone = row (f, APPROVAL_MEETING);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (milestone)));
}

/* A workshop's participants come from the stakeholders, its outputs are
 * linked to the goals they shaped */
static void
test_process_workshop (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *milestone, *output;

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  milestone = expand (f, THEME_MEETING);

  /* the example has two participants already */
  g_assert_true (gtk_check_button_get_active (check_in (milestone, "Formandsskaber for kommunens udvalg")));
  gtk_check_button_set_active (check_in (milestone, "Handicaprådet"), TRUE);
  kurs_widget_settle ();
  assert_stored (f, "SELECT group_concat(name, ', ') FROM (SELECT s.name FROM involvement i "
                 "JOIN stakeholder s ON s.id = i.stakeholder_id JOIN milestone m ON m.id = i.milestone_id "
                 "WHERE m.title = '" THEME_MEETING "' AND i.role = 'participant' ORDER BY s.position)",
                 "Formandsskaber for kommunens udvalg, Handicaprådet, Lokale aktører og samarbejdspartnere");

  click (milestone, "Add Output");
  output = row_in (milestone, "Nyt resultat");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (output)));
  set_text_area (output, 0, "Boligen først: ingen udskrivning til gaden");
  gtk_check_button_set_active (check_in (output, "Udviklingsmål 2 (eksempel)"), TRUE);
  kurs_widget_wait (AFTER_SAVE);

  assert_stored (f, "SELECT o.text || ' → ' || g.title FROM output_goal l JOIN workshop_output o ON o.id = l.output_id "
                 "JOIN goal g ON g.id = l.goal_id",
                 "Boligen først: ingen udskrivning til gaden → Udviklingsmål 2 (eksempel)");
  kurs_widget_snapshot (f->window, "workbench-process-workshop");

  /* Unticking a participant takes the involvement away */
  gtk_check_button_set_active (check_in (milestone, "Handicaprådet"), FALSE);
  kurs_widget_settle ();
  assert_stored (f, "SELECT count(*) FROM involvement i JOIN milestone m ON m.id = i.milestone_id "
                 "WHERE m.title = '" THEME_MEETING "'", "2");

  /* The goal shows where it came from */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_GOALS_PAGE);
  output = row_in (expand (f, "Udviklingsmål 2 (eksempel)"), "Boligen først: ingen udskrivning til gaden");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (output)), THEME_MEETING));
}

/* "Plan the Process": the dialog shows the steps, and planning adds them
 * with the hearing round, as one action */
static void
test_process_plan (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog, *approval;
  GtkSpinButton *weeks;

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  click (f->page, "_Plan…");
  dialog = kurs_widget_find_toplevel (KURS_TYPE_PLAN_DIALOG);

  approval = row_in (dialog, "Final approval");
  type (approval, "31.02.2027");
  kurs_widget_settle ();
  g_assert_true (gtk_widget_has_css_class (approval, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "plan"));

  type (approval, "30.11.2027");
  weeks = GTK_SPIN_BUTTON (kurs_widget_find (dialog, kurs_widget_has_type_name, "GtkSpinButton"));
  gtk_spin_button_set_value (weeks, 6);
  kurs_widget_settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "plan"));
  kurs_widget_snapshot (dialog, "workbench-plan-dialog");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "plan");
  kurs_widget_settle ();

  assert_stored (f, "SELECT count(*) FROM milestone WHERE start_date BETWEEN '2027-01-01' AND '2027-12-31'", "10");
  assert_stored (f, "SELECT start_date || '/' || end_date FROM milestone WHERE kind = 'hearing' "
                 "AND start_date >= '2027-01-01'", "2027-10-12/2027-11-23");
  assert_stored (f, "SELECT sent_date || '/' || deadline FROM hearing_round ORDER BY id DESC",
                 "2027-10-12/2027-11-23");
  assert_stored (f, "SELECT committee FROM milestone WHERE kind = 'approval' AND start_date = '2027-11-30'",
                 "Socialudvalget");
  /* the process of 2022 was held: a new plan keeps it */
  assert_stored (f, "SELECT count(*) FROM milestone WHERE start_date BETWEEN '2022-01-01' AND '2022-12-31'", "10");
  /* in the strategy's language, though the window is English */
  assert_stored (f, "SELECT title FROM milestone WHERE kind = 'approval' AND start_date = '2027-11-30'",
                 "Udvalgsmøde: strategien godkendes endeligt");
  g_assert_nonnull (row (f, "Udvalgsmøde: strategien godkendes endeligt"));

  g_assert_true (kurs_store_undo (f->store, NULL));
  kurs_widget_settle ();
  assert_stored (f, "SELECT count(*) FROM milestone WHERE start_date BETWEEN '2027-01-01' AND '2027-12-31'", "0");
}

/* From the hearing milestone: send the draft to hearing */
static void
test_process_send_to_hearing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KursRecord) added = NULL;
  GtkWidget *milestone, *dialog;

  /* a second hearing milestone, not sent yet */
  added = kurs_store_create (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (f->strategy), NULL,
                             "kind", g_variant_new_string ("hearing"),
                             "title", g_variant_new_string ("Høring om handleplan 2025–26"),
                             "start_date", g_variant_new_string ("2024-09-02"),
                             "end_date", g_variant_new_string ("2024-09-30"), NULL);
  g_assert_nonnull (added);
  show_page (f, KURS_TYPE_PROCESS_PAGE);
  milestone = expand (f, "Høring om handleplan 2025–26");
  click (milestone, "_Send to Hearing…");
  dialog = kurs_widget_find_toplevel (KURS_TYPE_HEARING_DIALOG);

  /* councils, boards and other committees are chosen; add the region */
  g_assert_true (gtk_check_button_get_active (check_in (dialog, "Handicaprådet")));
  g_assert_false (gtk_check_button_get_active (check_in (dialog, "Socialudvalget")));
  gtk_check_button_set_active (check_in (dialog, "Regionen"), TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_in (dialog, "Deadline"))), ==, "2024-09-30");
  kurs_widget_snapshot (dialog, "workbench-send-to-hearing");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "send");
  kurs_widget_settle ();

  assert_stored (f, "SELECT count(*) FROM hearing_party p JOIN hearing_round r ON r.id = p.hearing_round_id "
                 "WHERE r.title = 'Høring om handleplan 2025–26'", "6");
  assert_stored (f, "SELECT r.deadline FROM hearing_round r JOIN milestone m ON m.id = r.milestone_id "
                 "WHERE m.title = 'Høring om handleplan 2025–26'", "2024-09-30");
  /* the milestone's row now shows the round and who answered */
  g_assert_nonnull (kurs_widget_find (milestone, kurs_widget_is_row_titled, "Høring om handleplan 2025–26"));
}

/* Stakeholders */

static gint64
stored_id (Fixture    *f,
           const char *sql)
{
  g_autofree char *text = stored (f, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* A stakeholder's fields, and the matrix of involvement: a cell's menu
 * adds, changes and takes away the involvement */
static void
test_stakeholders_matrix (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *stakeholder, *matrix, *cell;
  gint64 citizens, seminar;

  show_page (f, KURS_TYPE_STAKEHOLDERS_PAGE);
  stakeholder = expand (f, "Borgere");
  type (row_in (stakeholder, "Contact"), "borgerservice@balk.dk");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT contact FROM stakeholder WHERE name = 'Borgere'", "borgerservice@balk.dk");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (stakeholder)), "not involved yet"));

  citizens = stored_id (f, "SELECT id FROM stakeholder WHERE name = 'Borgere'");
  seminar = stored_id (f, "SELECT id FROM milestone WHERE kind = 'seminar'");
  matrix = kurs_widget_find (f->page, kurs_widget_has_type_name, "KursInvolvementMatrix");
  g_assert_nonnull (matrix);
  cell = kurs_involvement_matrix_get_cell (KURS_INVOLVEMENT_MATRIX (matrix), citizens, seminar);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (cell)))), ==, "–");

  /* The cell's menu, as a click on one of its items */
  g_assert_true (gtk_widget_activate_action (cell, "matrix.set-role", "(xxs)", citizens, seminar, "input"));
  kurs_widget_settle ();
  assert_stored (f, "SELECT role FROM involvement WHERE stakeholder_id = (SELECT id FROM stakeholder "
                 "WHERE name = 'Borgere')", "input");
  cell = kurs_involvement_matrix_get_cell (KURS_INVOLVEMENT_MATRIX (matrix), citizens, seminar);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (cell)))), ==, "Gave input");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row (f, "Borgere"))),
                            "involved in 1 milestone"));

  g_assert_true (gtk_widget_activate_action (cell, "matrix.set-role", "(xxs)", citizens, seminar, "participant"));
  kurs_widget_settle ();
  assert_stored (f, "SELECT group_concat(role) FROM involvement WHERE stakeholder_id = (SELECT id FROM stakeholder "
                 "WHERE name = 'Borgere')", "participant");
  kurs_widget_snapshot (matrix, "workbench-matrix");

  g_assert_true (gtk_widget_activate_action (cell, "matrix.set-role", "(xxs)", citizens, seminar, ""));
  kurs_widget_settle ();
  assert_stored (f, "SELECT count(*) FROM involvement WHERE stakeholder_id = (SELECT id FROM stakeholder "
                 "WHERE name = 'Borgere')", "0");
  cell = kurs_involvement_matrix_get_cell (KURS_INVOLVEMENT_MATRIX (matrix), citizens, seminar);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (cell)))), ==, "–");

  /* The data releases are not process milestones: no column of their own */
  g_assert_null (kurs_involvement_matrix_get_cell (KURS_INVOLVEMENT_MATRIX (matrix), citizens,
                                                   stored_id (f, "SELECT id FROM milestone WHERE kind = 'data-release' "
                                                                 "LIMIT 1")));
}

/* Hearings */

static gboolean
is_group_titled (GtkWidget  *widget,
                 const char *title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (kurs_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static GtkWidget *
group (Fixture    *f,
       const char *title)
{
  GtkWidget *found = kurs_widget_find (f->page, is_group_titled, title);

  g_assert_nonnull (found);
  return found;
}

#define ROUND_TITLE "Høring om udkast til udsattestrategi (frist: eksempel)"

/* The overview says who is overdue; a response recorded at the party
 * takes it off the list */
static void
test_hearings_response (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *round, *party, *overview;
  g_autoptr(GPtrArray) overdue = NULL;

  rewind_process (f);
  show_page (f, KURS_TYPE_HEARINGS_PAGE);
  /* KURS_TODAY is 2026-11-24; the example's deadline was 2022-11-22 */
  overview = row (f, ROUND_TITLE);
  g_assert_true (gtk_widget_has_css_class (overview, "overdue"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (overview)), "0 of 4 answered · 4 overdue"));
  /* its counts say what they count, to the eye and to a screen reader */
  g_assert_nonnull (kurs_widget_find (overview, kurs_widget_is_label, "0 answered"));
  g_assert_nonnull (kurs_widget_find (overview, kurs_widget_is_label, "0 awaiting"));
  g_assert_true (gtk_widget_has_css_class (kurs_widget_find (overview, kurs_widget_is_label, "4 overdue"),
                                           "overdue"));
  overdue = kurs_widget_find_all (group (f, "Overdue Responses"), kurs_widget_is_row_titled, "Handicaprådet");
  g_assert_cmpuint (overdue->len, ==, 1);

  round = kurs_widget_find (group (f, "Hearing Rounds"), kurs_widget_is_row_titled, ROUND_TITLE);
  g_assert_true (KURS_IS_RECORD_ROW (round));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (round), TRUE);
  kurs_widget_settle ();
  party = row_in (round, "Handicaprådet");
  g_assert_true (gtk_widget_has_css_class (party, "overdue"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (party), TRUE);
  kurs_widget_settle ();
  /* A date before the round was sent is marked at the field, and not kept */
  type (row_in (party, "Response received"), "20.11.2020");
  kurs_widget_wait (AFTER_SAVE);
  g_assert_true (gtk_widget_has_css_class (row_in (party, "Response received"), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row_in (party, "Response received")),
                            "before the hearing was sent"));
  assert_stored (f, "SELECT count(*) FROM hearing_party WHERE response_date IS NOT NULL", "0");

  type (row_in (party, "Response received"), "20.11.2022");
  g_assert_false (gtk_widget_has_css_class (row_in (party, "Response received"), "error"));
  set_text_area (party, 0, "Handicaprådet støtter strategien.");
  set_text_area (party, 1, "Tilgængelighed skrevet ind i afsnit 3.");
  kurs_widget_wait (AFTER_SAVE);
  kurs_widget_settle ();

  assert_stored (f, "SELECT response_date || ': ' || response_text || ' / ' || handling_note FROM hearing_party "
                 "WHERE response_date IS NOT NULL",
                 "2022-11-20: Handicaprådet støtter strategien. / Tilgængelighed skrevet ind i afsnit 3.");
  g_assert_false (gtk_widget_has_css_class (party, "overdue"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (party)), "Answered"));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row_in (round, "Andre politiske udvalg"))));
  overview = row (f, ROUND_TITLE);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (overview)), "1 of 4 answered · 3 overdue"));
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = kurs_widget_find_all (group (f, "Overdue Responses"), kurs_widget_is_row_titled, "Handicaprådet");
  g_assert_cmpuint (overdue->len, ==, 0);
  g_assert_nonnull (kurs_widget_find (group (f, "Overdue Responses"), kurs_widget_is_row_titled, "Seniorrådet"));
  kurs_widget_snapshot (f->window, "workbench-hearings");
}

/* Parties join a round through the dialog; those already in it cannot be
 * chosen again */
static void
test_hearings_add_parties (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *round, *dialog;

  show_page (f, KURS_TYPE_HEARINGS_PAGE);
  round = kurs_widget_find (group (f, "Hearing Rounds"), kurs_widget_is_row_titled, ROUND_TITLE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (round), TRUE);
  kurs_widget_settle ();
  click (round, "Add Parties…");
  dialog = kurs_widget_find_toplevel (KURS_TYPE_HEARING_DIALOG);

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check_in (dialog, "Handicaprådet"))));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send"));
  gtk_check_button_set_active (check_in (dialog, "Borgere"), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "send");
  kurs_widget_settle ();

  assert_stored (f, "SELECT count(*) FROM hearing_party", "5");
  g_assert_nonnull (row_in (round, "Borgere"));
  assert_stored (f, "SELECT role FROM involvement WHERE stakeholder_id = (SELECT id FROM stakeholder "
                 "WHERE name = 'Borgere')", "hearing-party");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Kurs' catalog, as kurs binds it: the window is English (the C locale),
   * but what Kurs writes into the example, a Danish strategy, is Danish */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  kurs_register_resource ();

#define ADD(path, func) \
  g_test_add ("/workbench/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("process/held", test_process_held);
  ADD ("process/agenda-item", test_process_agenda_item);
  ADD ("process/date-keeps-row-open", test_process_date_keeps_row_open);
  ADD ("process/workshop", test_process_workshop);
  ADD ("process/plan", test_process_plan);
  ADD ("process/send-to-hearing", test_process_send_to_hearing);
  ADD ("stakeholders/matrix", test_stakeholders_matrix);
  ADD ("hearings/response", test_hearings_response);
  ADD ("hearings/add-parties", test_hearings_add_parties);

  return g_test_run ();
}
