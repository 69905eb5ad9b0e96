/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-editors"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kurs-approval.h"
#include "kurs-choice-row.h"
#include "kurs-entry-row.h"
#include "kurs-example.h"
#include "kurs-field-binding.h"
#include "kurs-focus-areas-page.h"
#include "kurs-follow-up-page.h"
#include "kurs-goals-page.h"
#include "kurs-hearings-page.h"
#include "kurs-horizon-row.h"
#include "kurs-indicators-page.h"
#include "kurs-overview-page.h"
#include "kurs-record-row.h"
#include "kurs-resources.h"
#include "kurs-stakeholders-page.h"
#include "kurs-switch-row.h"
#include "kurs-target-groups-page.h"
#include "kurs-test-util.h"
#include "kurs-text-area.h"
#include "kurs-vision-page.h"
#include "kurs-xml-export.h"
#include "kurs-page-fixture.h"
#include "kurs-widget-util.h"

/* Each editor, driven through its widgets in a real window, and the value
 * read back from the library file. */

/* Overview */

static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *title;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  title = row (f, "Title");
  type (title, "Plads til alle – strategi for udsatte borgere");

  /* Not yet: typing is saved when it pauses */
  assert_stored (f, "SELECT title FROM strategy", "Strategi for udsatte borgere");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT title FROM strategy", "Plads til alle – strategi for udsatte borgere");
  kurs_widget_snapshot (f->window, "editor-overview");
}

static void
test_period_marked_not_stored (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *first, *last;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  first = row (f, "First year");
  last = row (f, "Last year");

  /* A period that would end before it begins is marked at the field */
  type (first, "2031");
  kurs_widget_wait (AFTER_SAVE);
  g_assert_true (gtk_widget_has_css_class (first, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (first));
  assert_stored (f, "SELECT start_year FROM strategy", "2022");

  /* Not a year at all */
  type (last, "tyve");
  kurs_widget_wait (AFTER_SAVE);
  g_assert_true (gtk_widget_has_css_class (last, "error"));
  assert_stored (f, "SELECT end_year FROM strategy", "2029");

  /* Moved the right way round, it is stored */
  type (last, "2035");
  kurs_widget_wait (AFTER_SAVE);
  type (first, "2031");
  kurs_widget_wait (AFTER_SAVE);
  g_assert_false (gtk_widget_has_css_class (first, "error"));
  assert_stored (f, "SELECT start_year || '-' || end_year FROM strategy", "2031-2035");
}

static void
test_mandate (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *item, *area;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  click (f->page, "Add Mandate");
  item = row (f, "Budget item");
  type (row_in (item, "Source"), "Budget 2024, punkt 2.1");
  kurs_widget_wait (AFTER_SAVE);
  area = kurs_widget_find (item, kurs_widget_has_type_name, "KursTextArea");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kurs_text_area_get_text_view (KURS_TEXT_AREA (area))),
                            "Udvidelse af hjemløseindsatsen", -1);
  kurs_widget_wait (AFTER_SAVE);

  assert_stored (f, "SELECT source || ': ' || text FROM mandate_item ORDER BY position DESC",
                 "Budget 2024, punkt 2.1: Udvidelse af hjemløseindsatsen");
}

/* Vision */

static void
test_vision (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) areas = NULL;
  GtkTextView *vision;

  show_page (f, KURS_TYPE_VISION_PAGE);
  /* The vision comes first; the policy links have text areas of their own,
   * once they are opened */
  areas = kurs_widget_find_all (f->page, kurs_widget_has_type_name, "KursTextArea");
  g_assert_cmpuint (areas->len, >=, 1);
  vision = kurs_text_area_get_text_view (areas->pdata[0]);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (vision),
                            "Alle borgere har et hjem\nog et fællesskab at være en del af.", -1);
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT vision FROM strategy",
                 "Alle borgere har et hjem\nog et fællesskab at være en del af.");

  click (f->page, "Add Policy");
  type (row_in (row (f, "Ny politik"), "Policy"), "Boligpolitik");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT title FROM policy_link ORDER BY position DESC", "Boligpolitik");
  kurs_widget_snapshot (f->window, "editor-vision");
}

/* What is being typed is written before anything else the store does —
 * an action by any caller, undo, an export — without the caller asking
 * (#KursStore::prepare) */
static void
test_typing_goes_first (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) link = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *original = g_strdup (kurs_record_get_text (f->strategy, "vision"));
  GtkTextBuffer *buffer;

  show_page (f, KURS_TYPE_VISION_PAGE);
  areas = kurs_widget_find_all (f->page, kurs_widget_has_type_name, "KursTextArea");
  buffer = gtk_text_view_get_buffer (kurs_text_area_get_text_view (areas->pdata[0]));

  /* an action: the typing is stored first, as an action of its own */
  gtk_text_buffer_set_text (buffer, "Skrevet lige før en ny politik", -1);
  g_assert_cmpstr (kurs_record_get_text (f->strategy, "vision"), ==, original);
  link = kurs_store_create (f->store, KURS_ENTITY_POLICY_LINK, kurs_record_get_id (f->strategy), &error,
                            "title", g_variant_new_string ("Boligpolitik"), NULL);
  g_assert_no_error (error);
  assert_stored (f, "SELECT vision FROM strategy", "Skrevet lige før en ny politik");

  /* undo: takes back what was just typed, not what came before it */
  gtk_text_buffer_set_text (buffer, "Skrevet lige før fortryd", -1);
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_stored (f, "SELECT vision FROM strategy", "Skrevet lige før en ny politik");
  assert_stored (f, "SELECT count(*) FROM policy_link WHERE title = 'Boligpolitik'", "1");

  /* an export: has it */
  gtk_text_buffer_set_text (buffer, "Skrevet lige før eksporten", -1);
  xml = kurs_xml_export_live (f->store, f->strategy, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), "Skrevet lige før eksporten"));
}

/* A full disk: what was typed stays, marked as not saved, with the
 * message and the text to copy; when there is room again, it is saved.
 * The disk is a tmpfs filled up, in the test's subprocess. */

static GPtrArray *messages;

static void
message_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  g_ptr_array_add (messages, parameter ? g_variant_print (parameter, FALSE)
                                       : g_strdup (g_action_get_name (G_ACTION (action))));
}

static void
full_disk_keeps_typing (void)
{
  static const GActionEntry entries[] = {
    { "show-unsaved", message_cb, "(ss)" },
    { "show-saved", message_cb, NULL },
    { "show-error", message_cb, "s" },
  };
  const char *typed = "Alle borgere har et hjem, også når disken er fuld.";
  Fixture fixture = { 0 }, *f = &fixture;
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GPtrArray) areas = NULL;
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  kurs_test_mount_small_disk (dir, "2m");
  fixture_set_up_in (f, g_strdup (dir));
  messages = g_ptr_array_new_with_free_func (g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (actions));

  show_page (f, KURS_TYPE_VISION_PAGE);
  areas = kurs_widget_find_all (f->page, kurs_widget_has_type_name, "KursTextArea");
  buffer = gtk_text_view_get_buffer (kurs_text_area_get_text_view (areas->pdata[0]));

  kurs_test_fill_disk (filler);
  gtk_text_buffer_set_text (buffer, typed, -1);
  kurs_widget_wait (AFTER_SAVE);

  /* not saved, and not taken back */
  g_assert_cmpstr (kurs_record_get_text (f->strategy, "vision"), !=, typed);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (gtk_widget_has_css_class (areas->pdata[0], "unsaved"));
  g_assert_cmpuint (messages->len, ==, 1);
  g_test_message ("%s", (char *) messages->pdata[0]);
  g_assert_nonnull (strstr (messages->pdata[0], "The disk is full, so what you typed is not saved yet"));
  g_assert_nonnull (strstr (messages->pdata[0], typed));
  kurs_widget_snapshot (f->window, "editor-full-disk");

  /* room again: saved at the next try (every three seconds, a try may
   * have failed just before the room came), the mark gone */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  for (int waited = 0; waited < 8000 && g_strcmp0 (kurs_record_get_text (f->strategy, "vision"), typed) != 0;
       waited += 100)
    kurs_widget_wait (100);
  g_assert_cmpstr (kurs_record_get_text (f->strategy, "vision"), ==, typed);
  assert_stored (f, "SELECT vision FROM strategy", typed);
  g_assert_false (gtk_widget_has_css_class (areas->pdata[0], "unsaved"));
  g_assert_cmpstr (messages->pdata[messages->len - 1], ==, "show-saved");

  g_clear_pointer (&areas, g_ptr_array_unref);
  fixture_tear_down (f, NULL);
  g_clear_pointer (&messages, g_ptr_array_unref);
}

static void
test_full_disk_keeps_typing (void)
{
  if (g_test_subprocess ())
    {
      full_disk_keeps_typing ();
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Target group */

static void
test_target_group_switch (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *group, *toggle;

  show_page (f, KURS_TYPE_TARGET_GROUPS_PAGE);
  click (f->page, "Add Group");
  /* named in the strategy's language, Danish, in an English window */
  assert_stored (f, "SELECT included FROM target_group WHERE name = 'Ny gruppe'", "1");

  group = expand (f, "Ny gruppe");
  type (row_in (group, "Group"), "Borgere med psykiske udfordringer");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT count(*) FROM target_group WHERE name = 'Borgere med psykiske udfordringer'", "1");

  toggle = GTK_WIDGET (kurs_switch_row_get_switch (KURS_SWITCH_ROW (row_in (group, "Included"))));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  kurs_widget_settle ();
  assert_stored (f, "SELECT included FROM target_group WHERE name = 'Borgere med psykiske udfordringer'", "0");

  /* It moved to the groups left out: the second section */
  {
    g_autoptr(GPtrArray) sections = kurs_widget_find_all (f->page, kurs_widget_has_type_name, "KursRecordSection");

    g_assert_cmpuint (sections->len, ==, 2);
    g_assert_nonnull (kurs_widget_find (sections->pdata[1], kurs_widget_is_row_titled,
                                        "Borgere med psykiske udfordringer"));
    g_assert_null (kurs_widget_find (sections->pdata[0], kurs_widget_is_row_titled,
                                     "Borgere med psykiske udfordringer"));
  }
}

/* Focus areas and principles */

static void
test_focus_area_bearing (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *area, *bearing, *text;

  show_page (f, KURS_TYPE_FOCUS_AREAS_PAGE);
  area = expand (f, "Indsatsområde 1 (eksempel)");
  click (area, "Add Bearing");
  assert_stored (f, "SELECT count(*) FROM bearing", "1");

  bearing = expand (f, "Nyt pejlemærke");
  text = kurs_widget_find (bearing, kurs_widget_has_type_name, "KursTextArea");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kurs_text_area_get_text_view (KURS_TEXT_AREA (text))),
                            "Alle borgere opnår størst mulig mestring i egen tilværelse", -1);
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT focus_area.title || ': ' || bearing.text FROM bearing "
                    "JOIN focus_area ON focus_area.id = bearing.focus_area_id",
                 "Indsatsområde 1 (eksempel): Alle borgere opnår størst mulig mestring i egen tilværelse");

  click (f->page, "Add Principle");
  type (row_in (row (f, "Nyt princip"), "Principle"),
        "Vi tager udgangspunkt i borgerens ressourcer");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT title FROM principle", "Vi tager udgangspunkt i borgerens ressourcer");
  kurs_widget_snapshot (f->window, "editor-focus-areas");
}

/* The page holds the strategy as seed 002 has it: core value,
 * principles, focus areas, and their measurement (the indicators, each
 * opening on its own page) */
static void
test_principles_page_measurement (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *measurement, *open;
  GVariant *target;
  const char *page;
  int entity;
  gint64 id;

  show_page (f, KURS_TYPE_FOCUS_AREAS_PAGE);
  g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_has_type_name, "KursTextArea"));
  measurement = kurs_widget_find (f->page, kurs_widget_is_row_titled,
                                  "Udsatte borgere i uddannelse eller beskæftigelse");
  g_assert_nonnull (measurement);
  open = kurs_widget_find (measurement, kurs_widget_has_type_name, "GtkButton");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.show-record");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_variant_get (target, "(&six)", &page, &entity, &id);
  g_assert_cmpstr (page, ==, "indicators");
  g_assert_cmpint (entity, ==, KURS_ENTITY_INDICATOR);

  /* an indicator added elsewhere is listed at once */
  {
    g_autoptr(KursRecord) added = kurs_store_create (f->store, KURS_ENTITY_INDICATOR, kurs_record_get_id (f->strategy),
                                                     NULL, "name", g_variant_new_string ("Borgeroplevelsen"), NULL);

    kurs_widget_settle ();
    g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_is_row_titled, "Borgeroplevelsen"));
  }

  /* the core value is here, no longer beside the vision */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_VISION_PAGE);
  {
    g_autoptr(GPtrArray) texts = kurs_widget_find_all (f->page, kurs_widget_has_type_name, "KursTextArea");

    g_assert_cmpuint (texts->len, ==, 1);
  }
}

/* Development goals */

static void
test_goal_focus_area (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *goal, *choice;
  GListModel *options;
  guint wanted = G_MAXUINT;

  show_page (f, KURS_TYPE_GOALS_PAGE);
  goal = expand (f, "Udviklingsmål 2 (eksempel)");
  choice = row_in (goal, "Focus area");
  options = adw_combo_row_get_model (ADW_COMBO_ROW (choice));
  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (options), i), "Indsatsområde 1 (eksempel)"))
      wanted = i;
  g_assert_cmpuint (wanted, !=, G_MAXUINT);

  adw_combo_row_set_selected (ADW_COMBO_ROW (choice), wanted);
  kurs_widget_settle ();
  assert_stored (f, "SELECT focus_area.title FROM goal JOIN focus_area ON focus_area.id = goal.focus_area_id "
                    "WHERE goal.title = 'Udviklingsmål 2 (eksempel)'",
                 "Indsatsområde 1 (eksempel)");
}

static void
test_subgoal_horizon (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *goal, *subgoal, *horizon;

  show_page (f, KURS_TYPE_GOALS_PAGE);
  goal = expand (f, "Udviklingsmål 2 (eksempel)");
  click (goal, "Add Sub-goal");
  subgoal = expand (f, "Nyt delmål");
  type (row_in (subgoal, "Sub-goal"), "Færre borgere på herberg");
  kurs_widget_wait (AFTER_SAVE);

  /* The options: none, a year, then the four action plans */
  horizon = row_in (subgoal, "Time horizon");
  adw_combo_row_set_selected (ADW_COMBO_ROW (horizon), 3);
  kurs_widget_settle ();
  assert_stored (f, "SELECT action_plan.title FROM subgoal JOIN action_plan ON action_plan.id = subgoal.horizon_plan_id "
                    "WHERE subgoal.title = 'Færre borgere på herberg'",
                 "Handleplan 2025–26");

  /* A year instead: the plan is cleared in the same step */
  adw_combo_row_set_selected (ADW_COMBO_ROW (horizon), 1);
  kurs_widget_settle ();
  assert_stored (f, "SELECT coalesce (horizon_plan_id, 'none') || ' ' || horizon_year FROM subgoal "
                    "WHERE title = 'Færre borgere på herberg'",
                 "none 2028");
  kurs_widget_snapshot (f->window, "editor-goals");
}

static void
test_goal_reorder (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *goal;

  show_page (f, KURS_TYPE_GOALS_PAGE);
  goal = row (f, "Udviklingsmål 2 (eksempel)");
  g_assert_true (gtk_widget_activate_action (goal, "row.move-up", NULL));
  kurs_widget_settle ();
  assert_stored (f, "SELECT title FROM goal ORDER BY position LIMIT 1", "Udviklingsmål 2 (eksempel)");
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *goal;

  show_page (f, KURS_TYPE_GOALS_PAGE);
  goal = row (f, "Udviklingsmål 2 (eksempel)");
  g_assert_true (gtk_widget_activate_action (goal, "row.delete", NULL));
  kurs_widget_settle ();
  assert_stored (f, "SELECT count(*) FROM goal", "1");
  g_assert_null (kurs_widget_find (f->page, kurs_widget_is_row_titled, "Udviklingsmål 2 (eksempel)"));

  g_assert_true (kurs_store_undo (f->store, &error));
  kurs_widget_settle ();
  assert_stored (f, "SELECT count(*) FROM subgoal", "3");
  g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_is_row_titled, "Udviklingsmål 2 (eksempel)"));
}

/* Indicators */

static void
test_indicator_numbers (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *indicator, *baseline, *year;

  show_page (f, KURS_TYPE_INDICATORS_PAGE);
  indicator = expand (f, "Nøgletal på udsatteområdet: borgere på forsorgshjem");
  baseline = row_in (indicator, "Baseline");
  year = row_in (indicator, "Target year");

  /* A decimal comma, as Danes write numbers */
  type (baseline, "12,5");
  type (year, "2O28");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT baseline FROM indicator WHERE name = 'Nøgletal på udsatteområdet: borgere på forsorgshjem'", "12.5");
  g_assert_true (gtk_widget_has_css_class (year, "error"));
  /* not stored: the year the example gives stays */
  assert_stored (f, "SELECT coalesce (target_year, 'none') FROM indicator WHERE name = 'Nøgletal på udsatteområdet: borgere på forsorgshjem'",
                 "2029");

  type (year, "2028");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT target_year FROM indicator WHERE name = 'Nøgletal på udsatteområdet: borgere på forsorgshjem'", "2028");
  kurs_widget_snapshot (f->window, "editor-indicators");
}

/* Across editors */

static void
test_undo_updates_editor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *title;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  title = row (f, "Title");
  type (title, "Plads til alle");
  kurs_widget_wait (AFTER_SAVE);

  g_assert_true (kurs_store_undo (f->store, &error));
  kurs_widget_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Strategi for udsatte borgere");
  assert_stored (f, "SELECT title FROM strategy", "Strategi for udsatte borgere");
}

static void
test_pending_edit_flushed (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *title;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  title = row (f, "Title");
  type (title, "Gemt før lukning");

  /* Closing the page saves what was being typed */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  kurs_widget_settle ();
  assert_stored (f, "SELECT title FROM strategy", "Gemt før lukning");
}

static void
test_approved_is_read_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = kurs_approval_approve (f->store, f->strategy, "2022-11-29", NULL, &error);
  GtkWidget *title;

  g_assert_no_error (error);
  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  title = row (f, "Title");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title)));
  g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_is_button_labelled, "Start New _Revision…"));

  /* A frozen text reads as text: no frame, no room for more */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_VISION_PAGE);
  {
    GtkWidget *vision = kurs_widget_find (f->page, kurs_widget_has_type_name, "KursTextArea");

    g_assert_true (gtk_widget_has_css_class (vision, "read-only"));
    g_assert_false (gtk_text_view_get_editable (kurs_text_area_get_text_view (KURS_TEXT_AREA (vision))));
  }

  /* A section that cannot be added to says so and why, its button there
   * but not to be pressed */
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_GOALS_PAGE);
  {
    GtkWidget *add = kurs_widget_find (f->page, kurs_widget_is_button_labelled, "Add Goal");
    GtkWidget *section = gtk_widget_get_ancestor (add, ADW_TYPE_PREFERENCES_GROUP);

    g_assert_true (gtk_widget_get_visible (add));
    g_assert_false (gtk_widget_get_sensitive (add));
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (section)),
                              "approved"));
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (section)),
                              "start a new revision"));
  }
}

/* The application's style sheets */

static GtkCssProvider *
load_style (const char *resource)
{
  GtkCssProvider *provider = gtk_css_provider_new ();
  guint errors = 0;

  g_signal_connect_swapped (provider, "parsing-error", G_CALLBACK (g_atomic_int_inc), &errors);
  gtk_css_provider_load_from_resource (provider, resource);
  g_assert_cmpuint (errors, ==, 0);
  return provider;
}

static gboolean
is_label_with (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The Approved Versions group has its title and description over the list,
 * the description in a column: in a row, as AdwPreferencesGroup's own header
 * is, GTK 4.8 lays the wrapping text out again for every height it tries. */
/* Approving asks for the day and who decided, as typed fields; Enter in
 * the last approves */
static void
test_approve_dialog (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *dialog, *date, *body;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);
  click (f->page, "_Approve…");
  dialog = kurs_widget_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  date = row_in (dialog, "_Date");
  body = row_in (dialog, "_Decided by");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-11-24");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (body)), ==, "Socialudvalget");

  /* A day that does not exist is marked, and cannot be approved */
  gtk_editable_set_text (GTK_EDITABLE (date), "30.02.2022");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));
  gtk_editable_set_text (GTK_EDITABLE (date), "28.11.2024");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "decide"));
  gtk_editable_set_text (GTK_EDITABLE (body), "Socialudvalget, enstemmigt");

  /* Enter in the last field */
  g_assert_true (gtk_widget_grab_focus (body));
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (body)), "activate");
  /* a button activated by a key shows itself pressed for a moment */
  kurs_widget_wait (500);
  assert_stored (f, "SELECT status FROM strategy", "approved");
  /* the revision, as version 2 */
  assert_stored (f, "SELECT approved_date || ' ' || approved_by FROM version WHERE number = 2",
                 "2024-11-28 Socialudvalget, enstemmigt");
}

static void
test_versions_heading (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *title, *description, *placeholder;

  show_page (f, KURS_TYPE_OVERVIEW_PAGE);

  title = kurs_widget_find (f->page, is_label_with, "Approved Versions");
  description = kurs_widget_find (f->page, is_label_with, "Each approval freezes the strategy");
  placeholder = kurs_widget_find (f->page, is_label_with, "Not approved yet");
  g_assert_nonnull (title);
  g_assert_nonnull (description);
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_get_mapped (title) && gtk_widget_get_mapped (description));
  g_assert_true (gtk_widget_has_css_class (title, "heading"));
  g_assert_true (gtk_widget_has_css_class (description, "dim-label"));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (description)));

  /* Title, then description, then the list, in that order down the page */
  {
    graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), t, d, p;

    g_assert_true (gtk_widget_compute_point (title, f->page, &top, &t));
    g_assert_true (gtk_widget_compute_point (description, f->page, &top, &d));
    g_assert_true (gtk_widget_compute_point (placeholder, f->page, &top, &p));
    g_assert_cmpfloat (t.y, <, d.y);
    g_assert_cmpfloat (d.y + gtk_widget_get_height (description), <, p.y);
  }

  for (GtkWidget *w = gtk_widget_get_parent (description); w != f->page; w = gtk_widget_get_parent (w))
    g_assert_false (GTK_IS_BOX (w) && gtk_orientable_get_orientation (GTK_ORIENTABLE (w)) == GTK_ORIENTATION_HORIZONTAL);
}

/* No page gives a group AdwPreferencesGroup's own description (laid out in
 * the header's row, again for every height GTK tries): a group with a
 * description is a KursHeadingGroup, its text in a column. */
static void
test_group_descriptions (Fixture       *f,
                         gconstpointer  data)
{
  const GType *types = data;

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      g_autoptr(GPtrArray) groups = NULL;

      show_page (f, types[i]);
      groups = kurs_widget_find_all (f->page, kurs_widget_is_a, "AdwPreferencesGroup");
      g_assert_cmpuint (groups->len, >, 0);
      for (guint k = 0; k < groups->len; k++)
        {
          const char *description = adw_preferences_group_get_description (groups->pdata[k]);

          if (description != NULL && *description != '\0')
            g_error ("%s: a group's description is in its header row: “%s”", g_type_name (types[i]), description);
        }
    }
}

/* A boxed list's row has a line at its bottom only, which the theme colours
 * on that side alone.  GTK 4.8's cairo renderer shades a border of sides in
 * different colours as a gradient mesh across the whole row, and slowly:
 * with Kurs's style sheet, every border on the page is one colour. */
static void
test_row_lines_one_colour (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GtkCssProvider) style = load_style ("/dk/kurs/Kurs/style.css");
  g_autoptr(GtkCssProvider) high_contrast = load_style ("/dk/kurs/Kurs/style-hc.css");
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) borders = NULL;
  guint lines = 0;

  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  show_page (f, KURS_TYPE_OVERVIEW_PAGE);

  node = kurs_widget_render_node (f->page);
  borders = kurs_render_node_find_all (node, GSK_BORDER_NODE);
  for (guint i = 0; i < borders->len; i++)
    {
      const float *widths = gsk_border_node_get_widths (borders->pdata[i]);
      const GdkRGBA *colors = gsk_border_node_get_colors (borders->pdata[i]);

      /* top, right, bottom, left */
      if (widths[0] == 0 && widths[1] == 0 && widths[2] > 0 && widths[3] == 0)
        lines++;
      for (guint side = 1; side < 4; side++)
        g_assert_true (gdk_rgba_equal (&colors[0], &colors[side]));
    }

  /* The Strategy group's five fields are separated by four lines */
  g_assert_cmpuint (lines, >=, 4);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
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
  g_test_add ("/editors/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("overview/title", test_title);
  ADD ("overview/period-marked-not-stored", test_period_marked_not_stored);
  ADD ("overview/mandate", test_mandate);
  ADD ("overview/versions-heading", test_versions_heading);
  ADD ("overview/approve-dialog", test_approve_dialog);
  ADD ("focus-areas/measurement", test_principles_page_measurement);
  {
    static GType pages[5];

    pages[0] = KURS_TYPE_OVERVIEW_PAGE;
    pages[1] = KURS_TYPE_FOLLOW_UP_PAGE;
    pages[2] = KURS_TYPE_HEARINGS_PAGE;
    pages[3] = KURS_TYPE_STAKEHOLDERS_PAGE;
    pages[4] = G_TYPE_INVALID;
    g_test_add ("/editors/group-descriptions", Fixture, pages, fixture_set_up, test_group_descriptions,
                fixture_tear_down);
  }
  ADD ("vision/text-and-links", test_vision);
  ADD ("target-groups/add-and-switch", test_target_group_switch);
  ADD ("focus-areas/bearing-and-principle", test_focus_area_bearing);
  ADD ("goals/focus-area", test_goal_focus_area);
  ADD ("goals/subgoal-horizon", test_subgoal_horizon);
  ADD ("goals/reorder", test_goal_reorder);
  ADD ("goals/delete-and-undo", test_delete_and_undo);
  ADD ("indicators/numbers", test_indicator_numbers);
  ADD ("undo-updates-editor", test_undo_updates_editor);
  ADD ("pending-edit-flushed", test_pending_edit_flushed);
  ADD ("approved-is-read-only", test_approved_is_read_only);
  g_test_add_func ("/editors/full-disk-keeps-typing", test_full_disk_keeps_typing);
  ADD ("typing-goes-first", test_typing_goes_first);
  ADD ("row-lines-one-colour", test_row_lines_one_colour);

  return g_test_run ();
}
