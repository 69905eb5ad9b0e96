/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-desk"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kurs-action-plans-page.h"
#include "kurs-approval.h"
#include "kurs-boxed-list.h"
#include "kurs-follow-up-page.h"
#include "kurs-health.h"
#include "kurs-hearings-page.h"
#include "kurs-history-page.h"
#include "kurs-indicators-page.h"
#include "kurs-hearing-round-group.h"
#include "kurs-key-figure-chart.h"
#include "kurs-milestone-row.h"
#include "kurs-milestone.h"
#include "kurs-page-fixture.h"
#include "kurs-printing.h"
#include "kurs-process-page.h"
#include "kurs-record-row.h"
#include "kurs-resources.h"
#include "kurs-strategy-document.h"
#include "kurs-test-util.h"
#include "kurs-widget-util.h"

/* As a row's title holds it: escaped for markup */
#define VIVE_TITLE "Hjemløse borgere i Ballerup (VIVE&apos;s hjemløsetælling)"

/* The manager's desk — the action plans, the key figures, the follow-up
 * page — driven through its widgets in a real window, and read back from
 * the library file. */

static void
measure (Fixture    *f,
         const char *date,
         double      value)
{
  g_autoptr(GPtrArray) indicators = kurs_store_list (f->store, KURS_ENTITY_INDICATOR, kurs_record_get_id (f->strategy),
                                                     NULL);
  g_autoptr(KursRecord) measurement = NULL;
  g_autoptr(GError) error = NULL;

  measurement = kurs_store_create (f->store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (indicators->pdata[0]), &error,
                                   "date", g_variant_new_string (date), "value", g_variant_new_double (value), NULL);
  g_assert_no_error (error);
}

static gboolean
near (int r, int g, int b, const GdkRGBA *color)
{
  return ABS (r - (int) (color->red * 255)) < 40 && ABS (g - (int) (color->green * 255)) < 40
         && ABS (b - (int) (color->blue * 255)) < 40;
}

/* The chart: the target is a line across in the style's success colour,
 * the measurements points in its accent colour */
static void
test_chart_pixels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) indicators = kurs_store_list (f->store, KURS_ENTITY_INDICATOR, kurs_record_get_id (f->strategy),
                                                     NULL);
  g_auto(KursPixels) pixels = { 0 };
  GtkWidget *row, *chart;
  KursChartGeometry geometry;
  GdkRGBA success = { 0.15, 0.64, 0.41, 1 }, accent = { 0.21, 0.52, 0.89, 1 };
  guint on_target = 0, n;

  /* The example's count: baseline 61 in 2022, target 40 in 2029, and
   * VIVE's counts of 2022, 2024 and 2026 */
  g_assert_cmpfloat (kurs_record_get_real (indicators->pdata[0], "baseline"), ==, 61);
  g_assert_cmpfloat (kurs_record_get_real (indicators->pdata[0], "target"), ==, 40);

  show_page (f, KURS_TYPE_INDICATORS_PAGE);
  row = expand (f, VIVE_TITLE);
  chart = kurs_widget_find (row, kurs_widget_has_type_name, "KursKeyFigureChart");
  g_assert_nonnull (chart);
  kurs_widget_settle ();

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "success_color", &success);
  gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  kurs_widget_render (chart, &pixels, "desk-chart");
  kurs_key_figure_chart_get_geometry (KURS_KEY_FIGURE_CHART (chart), &geometry);
  g_assert_cmpuint (geometry.n_points, ==, 3);
  g_assert_cmpfloat (geometry.target_y, >, geometry.baseline_y);   /* 40 is below 61 */

  /* Along the target line: its colour, but where its label sits */
  n = (guint) (geometry.plot_width * 0.7);
  for (guint i = 0; i < n; i++)
    {
      int r, g, b;

      kurs_pixels_get (&pixels, geometry.plot_x + i, geometry.target_y, &r, &g, &b);
      on_target += near (r, g, b, &success);
    }
  g_assert_cmpuint (on_target, >, n * 9 / 10);

  /* Half-way between the lines there is no target colour */
  {
    int r, g, b;

    kurs_pixels_get (&pixels, geometry.plot_x + geometry.plot_width / 2,
                     (geometry.target_y + geometry.baseline_y) / 2, &r, &g, &b);
    g_assert_false (near (r, g, b, &success));
  }

  /* In the dark style too: the line in the dark style's success colour */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  kurs_widget_settle ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (chart), "success_color", &success);
  G_GNUC_END_IGNORE_DEPRECATIONS
  kurs_pixels_clear (&pixels);
  kurs_widget_render (chart, &pixels, "desk-chart-dark");
  kurs_key_figure_chart_get_geometry (KURS_KEY_FIGURE_CHART (chart), &geometry);
  on_target = 0;
  for (guint i = 0; i < n; i++)
    {
      int r, g, b;

      kurs_pixels_get (&pixels, geometry.plot_x + i, geometry.target_y, &r, &g, &b);
      on_target += near (r, g, b, &success);
    }
  g_assert_cmpuint (on_target, >, n * 9 / 10);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  kurs_widget_settle ();

  /* A new measurement is drawn at once */
  measure (f, "2026-06-01", 52);
  kurs_widget_settle ();
  kurs_pixels_clear (&pixels);
  kurs_widget_render (chart, &pixels, "desk-chart-four");
  kurs_key_figure_chart_get_geometry (KURS_KEY_FIGURE_CHART (chart), &geometry);
  g_assert_cmpuint (geometry.n_points, ==, 4);
}

/* Measurements are added and edited under their indicator */
static void
test_measurement_rows (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row, *added;
  g_autoptr(GPtrArray) values = NULL;

  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *focus, *date, *measurement = NULL;
  g_autofree char *title = NULL;

  show_page (f, KURS_TYPE_INDICATORS_PAGE);
  row = expand (f, "Nøgletal på udsatteområdet: borgere på forsorgshjem");
  click (row, "Add Measurement");
  kurs_widget_settle ();
  values = kurs_widget_find_all (row, kurs_widget_is_row_titled, "Value");
  g_assert_cmpuint (values->len, ==, 1);
  added = values->pdata[0];

  /* The new row is named by its date and value (KURS_TODAY is 2026-11-24),
   * and open with the focus in its first field, the date, selected */
  records = kurs_widget_find_all (row, kurs_widget_has_type_name, "KursRecordRow");
  for (guint i = 0; i < records->len; i++)
    {
      KursRecord *record = kurs_record_row_get_record (records->pdata[i]);

      if (kurs_record_get_entity (record) == KURS_ENTITY_MEASUREMENT
          && g_strcmp0 (kurs_record_get_text (record, "date"), "2026-11-24") == 0)
        measurement = records->pdata[i];
    }
  g_assert_nonnull (measurement);
  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (measurement)));
  g_assert_true (g_str_has_prefix (title, "Nov 24, 2026 · "));
  date = row_in (measurement, "Date");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == date || gtk_widget_is_ancestor (focus, date));
  {
    int start, end;

    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (date), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (date)), -1));
  }

  type (added, "1234,5");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT value FROM measurement WHERE date = '2026-11-24'", "1234.5");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (measurement)),
                                   "Nov 24, 2026 · 1"));
  g_assert_false (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (measurement)), title));
}

static gboolean
is_group_titled (GtkWidget  *widget,
                 const char *title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (kurs_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* Action plans: an initiative's health is derived; linking a goal covers it */
static void
test_action_plans (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *initiative, *check;
  KursRecord *plan;

  /* The current plan serves both goals: without its links to the second,
   * that goal is uncovered */
  {
    g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy),
                                                  NULL);
    g_autoptr(GPtrArray) goals = kurs_store_list (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (f->strategy), NULL);
    g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE,
                                                        kurs_record_get_id (plans->pdata[1]), NULL);

    for (guint i = 0; i < initiatives->len; i++)
      {
        g_autoptr(GPtrArray) links = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE_GOAL,
                                                      kurs_record_get_id (initiatives->pdata[i]), NULL);

        for (guint k = 0; k < links->len; k++)
          if (kurs_record_get_int (links->pdata[k], "goal_id") == kurs_record_get_id (goals->pdata[1]))
            g_assert_true (kurs_store_delete (f->store, links->pdata[k], NULL));
      }
  }

  show_page (f, KURS_TYPE_ACTION_PLANS_PAGE);
  /* KURS_TODAY is 2026-11-24: the current plan is 2025–26 */
  plan = kurs_action_plans_page_get_plan (KURS_ACTION_PLANS_PAGE (f->page));
  g_assert_cmpstr (kurs_record_get_title (plan), ==, "Handleplan 2025–26");
  /* which plan is shown, and its title: not "Action plan" twice */
  g_assert_nonnull (row (f, "Plan shown"));
  g_assert_nonnull (row (f, "Title"));
  {
    g_autoptr(GPtrArray) twice = kurs_widget_find_all (f->page, kurs_widget_is_row_titled, "Action plan");

    g_assert_cmpuint (twice->len, ==, 0);
  }
  /* a goal without an initiative */
  g_assert_nonnull (kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Goals Without an Initiative"),
                                      kurs_widget_is_row_titled, "Udviklingsmål 2 (eksempel)"));

  click (f->page, "Add Initiative");
  initiative = row (f, "Ny indsats");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (initiative)));
  type (row_in (initiative, "Initiative"), "Boligsocial indsats");
  type (row_in (initiative, "Progress"), "30");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT progress FROM initiative WHERE title = 'Boligsocial indsats'", "30");

  /* 30 % done where the calendar asks for 94 %: behind, whatever is typed */
  initiative = row (f, "Boligsocial indsats");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (initiative)), "Behind"));
  g_assert_true (gtk_widget_has_css_class (initiative, "overdue"));

  check = kurs_widget_find (row_in (initiative, "Udviklingsmål 2 (eksempel)"), kurs_widget_has_type_name,
                            "GtkCheckButton");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  kurs_widget_settle ();
  assert_stored (f, "SELECT g.title FROM initiative_goal l JOIN goal g ON g.id = l.goal_id "
                 "JOIN initiative i ON i.id = l.initiative_id WHERE i.title = 'Boligsocial indsats'",
                 "Udviklingsmål 2 (eksempel)");
  /* covered now: only the other goal is left in the coverage list */
  g_assert_null (kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Goals Without an Initiative"),
                                   kurs_widget_is_row_titled, "Udviklingsmål 2 (eksempel)"));
  kurs_widget_snapshot (f->window, "desk-action-plans");

  /* Done: no longer behind */
  type (row_in (initiative, "Progress"), "100");
  kurs_widget_wait (AFTER_SAVE);
  g_assert_false (gtk_widget_has_css_class (initiative, "overdue"));

  /* Another plan: its own initiatives */
  {
    g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy),
                                                  NULL);

    kurs_action_plans_page_show_plan (KURS_ACTION_PLANS_PAGE (f->page), plans->pdata[0]);
    kurs_widget_settle ();
    g_assert_nonnull (row (f, "Fokus på implementering og drift"));
    g_assert_null (kurs_widget_find (f->page, kurs_widget_is_row_titled, "Boligsocial indsats"));
  }
}

/* Follow-up: what is at risk; marking it done takes it off */
static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy),
                                                NULL);
  g_autoptr(KursRecord) initiative = NULL;
  g_autoptr(KursRecord) overdue = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *risks, *entry, *figures;

  initiative = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plans->pdata[1]), &error,
                                  "title", g_variant_new_string ("Boligsocial indsats"),
                                  "status", g_variant_new_string ("on-track"),
                                  "progress", g_variant_new_int64 (40),
                                  "end_date", g_variant_new_string ("2027-01-31"), NULL);
  g_assert_no_error (error);
  g_clear_object (&overdue);
  overdue = kurs_store_create (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (f->strategy), &error,
                               "kind", g_variant_new_string ("committee-meeting"),
                               "title", g_variant_new_string ("Dialogmøde med Rådet for Socialt Udsatte"),
                               "start_date", g_variant_new_string ("2026-10-06"), NULL);
  g_assert_no_error (error);
  measure (f, "2026-06-01", 57);

  show_page (f, KURS_TYPE_FOLLOW_UP_PAGE);
  risks = kurs_widget_find (f->page, is_group_titled, "Initiatives at Risk or Delayed");
  g_assert_nonnull (risks);
  entry = kurs_widget_find (risks, kurs_widget_is_row_titled, "Boligsocial indsats");
  g_assert_nonnull (entry);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (entry)), "Behind"));
  /* its deadline is in the next 90 days */
  g_assert_nonnull (kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Next 90 Days"),
                                      kurs_widget_is_row_titled, "Boligsocial indsats"));
  /* a meeting whose day is past, not marked held */
  g_assert_nonnull (kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Overdue"),
                                      kurs_widget_is_row_titled, "Dialogmøde med Rådet for Socialt Udsatte"));
  /* the latest key figure */
  figures = kurs_widget_find (f->page, is_group_titled, "Key Figures");
  entry = kurs_widget_find (figures, kurs_widget_is_row_titled, VIVE_TITLE);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (entry)), "57 personer"));
  kurs_widget_snapshot (f->window, "desk-follow-up");

  /* Each entry opens its editor: the button names its page and record */
  {
    GtkWidget *open = kurs_widget_find (entry, kurs_widget_has_type_name, "GtkButton");
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
    const char *page;
    int entity;
    gint64 id;

    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.show-record");
    g_variant_get (target, "(&six)", &page, &entity, &id);
    g_assert_cmpstr (page, ==, "indicators");
    g_assert_cmpint (entity, ==, KURS_ENTITY_INDICATOR);
  }

  /* Done: off the list, and the plan's progress shows it */
  g_assert_true (kurs_store_set (f->store, initiative, "status", g_variant_new_string ("done"), NULL));
  kurs_widget_settle ();
  risks = kurs_widget_find (f->page, is_group_titled, "Initiatives at Risk or Delayed");
  g_assert_null (kurs_widget_find (risks, kurs_widget_is_row_titled, "Boligsocial indsats"));
  g_assert_nonnull (kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Current Action Plan"),
                                      kurs_widget_has_type_name, "GtkProgressBar"));
  {
    GtkWidget *bar = kurs_widget_find (kurs_widget_find (f->page, is_group_titled, "Current Action Plan"),
                                       kurs_widget_has_type_name, "GtkProgressBar");

    /* the mean of the plan's initiatives, this one's 100 among them */
    g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)),
                                    kurs_health_plan_progress (f->store, plans->pdata[1]) / 100.0, 0.001);
    g_assert_cmpint (kurs_health_plan_progress (f->store, plans->pdata[1]), >, 90);
  }
  /* the example's own lagging initiative is still at risk */
  g_assert_nonnull (kurs_widget_find (risks, kurs_widget_is_row_titled,
                                      "Sammenhængende forløb med regionen for borgere med dobbeltdiagnose (eksempel)"));
}

/* The reveal of a record: an initiative on its plan, a measurement under
 * its indicator */
static void
test_reveal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy),
                                                NULL);
  g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE,
                                                      kurs_record_get_id (plans->pdata[0]), NULL);
  GtkWidget *found;

  show_page (f, KURS_TYPE_ACTION_PLANS_PAGE);
  g_assert_true (kurs_page_reveal (KURS_PAGE (f->page), initiatives->pdata[1]));
  kurs_widget_settle ();
  g_assert_true (kurs_action_plans_page_get_plan (KURS_ACTION_PLANS_PAGE (f->page)) == plans->pdata[0]);
  found = row (f, "Fokus på implementering og drift");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (found)));
}

/* After approval the text is frozen, but what is followed up on stays open:
 * measurements, an initiative's progress, a milestone's held flag, a
 * hearing response */
static void
test_approved_follow_up_open (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = kurs_approval_approve (f->store, f->strategy, "2022-11-29", NULL, &error);
  GtkWidget *indicator, *add;

  g_assert_no_error (error);
  show_page (f, KURS_TYPE_INDICATORS_PAGE);
  g_assert_false (gtk_widget_get_sensitive (kurs_widget_find (f->page, kurs_widget_is_button_labelled,
                                                              "Add Indicator")));
  indicator = expand (f, "Nøgletal på udsatteområdet: borgere på forsorgshjem");
  add = kurs_widget_find (indicator, kurs_widget_is_button_labelled, "Add Measurement");
  g_assert_true (gtk_widget_get_sensitive (add));
  click (indicator, "Add Measurement");
  assert_stored (f, "SELECT count(*) FROM measurement WHERE date = '2026-11-24'", "1");

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_ACTION_PLANS_PAGE);
  click (f->page, "Add Initiative");
  kurs_widget_settle ();
  type (row_in (row (f, "Ny indsats"), "Progress"), "25");
  kurs_widget_wait (AFTER_SAVE);
  assert_stored (f, "SELECT progress FROM initiative WHERE title = 'Ny indsats'", "25");

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_PROCESS_PAGE);
  {
    GtkWidget *held = kurs_widget_find (f->page, kurs_widget_has_type_name, "GtkCheckButton");

    g_assert_true (gtk_widget_get_sensitive (held));
  }
}

/* A milestone's row: its tick is the record's held flag, both ways and
 * through undo, and inside a hearing milestone the group of its hearing
 * round lists the rounds it was sent in, hidden when the kind changes */
static void
test_milestone_row (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) milestones = kurs_store_list (f->store, KURS_ENTITY_MILESTONE,
                                                     kurs_record_get_id (f->strategy), NULL);
  g_autoptr(GPtrArray) rounds = NULL;
  KursRecord *hearing = NULL;
  GtkWidget *found, *group, *list;
  GtkCheckButton *held;
  gboolean was;
  guint n_rows = 0;

  for (guint i = 0; i < milestones->len && hearing == NULL; i++)
    if (kurs_record_get_enum (milestones->pdata[i], "kind") == KURS_MILESTONE_HEARING)
      hearing = milestones->pdata[i];
  g_assert_nonnull (hearing);
  rounds = kurs_store_list_by_field (f->store, KURS_ENTITY_HEARING_ROUND, "milestone_id",
                                     kurs_record_get_id (hearing), NULL);
  g_assert_cmpuint (rounds->len, >, 0);

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  found = row (f, kurs_record_get_title (hearing));
  g_assert_true (KURS_IS_MILESTONE_ROW (found));
  held = kurs_milestone_row_get_held_check (KURS_MILESTONE_ROW (found));
  was = kurs_record_get_bool (hearing, "held");
  g_assert_cmpint (gtk_check_button_get_active (held), ==, was);

  gtk_check_button_set_active (held, !was);
  g_assert_cmpint (kurs_record_get_bool (hearing, "held"), ==, !was);
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kurs_record_get_bool (hearing, "held"), ==, was);
  g_assert_cmpint (gtk_check_button_get_active (held), ==, was);

  expand (f, kurs_record_get_title (hearing));
  group = kurs_widget_find (found, kurs_widget_has_type_name, "KursHearingRoundGroup");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  list = GTK_WIDGET (kurs_hearing_round_group_get_list (KURS_HEARING_ROUND_GROUP (group)));
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, rounds->len);

  g_assert_true (kurs_store_set (f->store, hearing, "kind", g_variant_new_string ("seminar"), &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (group));
}

/* The example opens as its story is today: the process of 2022 held, the
 * hearing answered, nothing overdue but the one initiative of the first
 * plan left unfinished, and one of the current plan at risk */
static void
test_example_as_of_today (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) overdue = NULL;
  GtkWidget *group, *label;

  show_page (f, KURS_TYPE_PROCESS_PAGE);
  overdue = kurs_widget_find_all (f->page, kurs_widget_has_css_class, "overdue");
  g_assert_cmpuint (overdue->len, ==, 0);

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_HEARINGS_PAGE);
  g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_is_label, "4 answered"));
  label = kurs_widget_find (f->page, kurs_widget_is_label, "0 overdue");
  g_assert_nonnull (label);
  /* nothing overdue is no alarm: not in the colour of one */
  g_assert_false (gtk_widget_has_css_class (label, "overdue"));
  g_assert_true (gtk_widget_has_css_class (kurs_widget_find (f->page, kurs_widget_is_label, "4 answered"),
                                           "answered"));

  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  show_page (f, KURS_TYPE_FOLLOW_UP_PAGE);
  group = kurs_widget_find (f->page, is_group_titled, "Overdue");
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = kurs_widget_find_all (group, kurs_widget_has_type_name, "AdwActionRow");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (overdue->pdata[0]), ==, "Inddragelse af eksterne interessenter");
  group = kurs_widget_find (f->page, is_group_titled, "Initiatives at Risk or Delayed");
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = kurs_widget_find_all (group, kurs_widget_has_type_name, "AdwActionRow");
  g_assert_cmpuint (overdue->len, ==, 1);
  kurs_widget_snapshot (f->window, "desk-example-today");
}

/* Printing, as Ctrl+P does, through GtkPrintOperation: its "Print to
 * File" without the dialog, read back with poppler's tools */
static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_print_operation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KursPrintDocument) document = kurs_strategy_document_new (f->store, f->strategy);
  g_autofree char *pdf = g_build_filename (f->dir, "udsattestrategi.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_foot = NULL;
  const char *pages;
  int n_pages;

  g_assert_true (kurs_printing_export (document, pdf, &error));
  g_assert_no_error (error);

  /* A4, several pages */
  info = kurs_test_run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "(A4)"));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  n_pages = atoi (pages + strlen ("Pages:"));
  g_assert_cmpint (n_pages, >=, 4);

  /* The strategy's text as typed, and every page's foot counting them all */
  text = kurs_test_run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Strategi for udsatte borgere"));
  g_assert_nonnull (strstr (text, "Nøgletal på udsatteområdet"));
  g_assert_nonnull (strstr (text, "page 1 of"));
  last_foot = g_strdup_printf ("page %d of %d", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_foot));

  /* Made in the background, as the window's Ctrl+P makes it: the same
   * document, the text being typed included */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(KursPrintDocument) made = NULL;
    g_autofree char *made_pdf = g_build_filename (f->dir, "baggrund.pdf", NULL);
    g_autofree char *made_text = NULL;

    kurs_strategy_document_new_async (f->path, f->strategy, KURS_CALENDAR_ALL, NULL, keep_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    made = kurs_strategy_document_new_finish (result, &error);
    g_assert_no_error (error);
    g_assert_true (kurs_printing_export (made, made_pdf, &error));
    g_assert_no_error (error);
    made_text = kurs_test_run_tool ((const char *[]) { "pdftotext", made_pdf, "-", NULL });
    g_assert_cmpstr (made_text, ==, text);
  }
}

/* The subtitle of the row titled @title in @parent */
static const char *
subtitle_of (GtkWidget  *parent,
             const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row_in (parent, title)));
}

/* Baselines: the Action Plans page says, per initiative of the plan shown,
 * how it moved since the approved version (days, progress planned), the
 * initiatives new and dropped, and keeps up with edits; the Follow-up page
 * lists the one that slipped */
static void
test_baselines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(KursRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dropped = NULL;
  KursRecord *moved, *later;
  GtkWidget *group;

  /* (the fixture's example is in a new revision since version 1) */
  plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy), NULL);
  initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plans->pdata[1]), NULL);
  g_assert_cmpuint (initiatives->len, ==, 3);
  moved = initiatives->pdata[0];          /* Flere hjemløse i egen bolig…: to 2026-12-31 */
  later = initiatives->pdata[1];
  dropped = g_strdup (kurs_record_get_title (initiatives->pdata[2]));
  g_assert_true (kurs_store_set_text (f->store, moved, "end_date", "2027-03-01", &error));
  g_assert_true (kurs_store_delete (f->store, initiatives->pdata[2], &error));
  added = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plans->pdata[1]), &error,
                             "title", g_variant_new_string ("Ny indsats mod udsættelser"), NULL);
  g_assert_no_error (error);

  show_page (f, KURS_TYPE_ACTION_PLANS_PAGE);
  group = kurs_widget_find (f->page, is_group_titled, "Since Version 1");
  g_assert_nonnull (group);
  g_assert_nonnull (strstr (subtitle_of (group, kurs_record_get_title (moved)),
                            "Since version 1 it ends 60 days later"));
  g_assert_nonnull (strstr (subtitle_of (group, kurs_record_get_title (later)), "Dates as in version 1; "));
  g_assert_cmpstr (subtitle_of (group, "Ny indsats mod udsættelser"), ==, "New since version 1");
  g_assert_cmpstr (subtitle_of (group, dropped), ==, "Dropped since version 1");
  kurs_widget_snapshot (f->window, "desk-baselines");

  /* an edit elsewhere: the page follows */
  g_assert_true (kurs_store_set_text (f->store, later, "start_date", "2025-02-01", &error));
  kurs_widget_settle ();
  group = kurs_widget_find (f->page, is_group_titled, "Since Version 1");
  g_assert_nonnull (strstr (subtitle_of (group, kurs_record_get_title (later)), "starts 31 days later"));

  show_page (f, KURS_TYPE_FOLLOW_UP_PAGE);
  group = kurs_widget_find (f->page, is_group_titled, "Slipped Most Since Version 1");
  g_assert_nonnull (group);
  g_assert_nonnull (strstr (subtitle_of (group, kurs_record_get_title (moved)), "ends 60 days later"));
  g_assert_null (kurs_widget_find (group, kurs_widget_is_row_titled, kurs_record_get_title (later)));
}


/* The History page: each action a card, newest first, with the person and
 * what changed; another Kurs's action appears at the top as it is taken
 * in; a long text's change opens word by word */
static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KursStore) other = NULL;
  g_autoptr(KursRecord) goal = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_title = NULL;
  g_autofree char *line = NULL;
  GListModel *model;
  GtkWidget *button;
  guint before;

  goals = kurs_store_list (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (f->strategy), NULL);
  old_title = g_strdup (kurs_record_get_title (goals->pdata[0]));
  g_assert_true (kurs_store_set_text (f->store, goals->pdata[0], "title", "Et hjem til alle", &error));
  g_assert_no_error (error);

  show_page (f, KURS_TYPE_HISTORY_PAGE);
  model = kurs_history_page_get_model (KURS_HISTORY_PAGE (f->page));
  before = g_list_model_get_n_items (model);
  g_assert_cmpuint (before, >=, 2);
  kurs_widget_settle ();
  line = g_strdup_printf ("Title: %s → Et hjem til alle", old_title);
  g_assert_nonnull (kurs_widget_find (f->page, label_contains, line));
  /* the new revision the fixture began is a decision, and stands out */
  g_assert_nonnull (kurs_widget_find (f->page, kurs_widget_is_label, "Decision"));

  /* another Kurs changes a long text: the page has it at the top */
  other = kurs_store_open (f->path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  goal = kurs_store_get (other, KURS_ENTITY_GOAL, kurs_record_get_id (goals->pdata[0]));
  g_assert_true (kurs_store_set_text (other, goal, "description",
                                      "Flere borgere får et hjem, og de får den støtte, de har brug for til at "
                                      "blive boende. Ingen skal sove på gaden i Ballerup.", &error));
  g_assert_no_error (error);
  g_assert_true (kurs_store_catch_up (f->store, &error));
  kurs_widget_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  g_assert_nonnull (kurs_widget_find (f->page, label_contains, "Description of “Et hjem til alle”: text changed"));
  kurs_widget_snapshot (f->window, "desk-history");

  /* its words, in a window of their own */
  button = kurs_widget_find (f->page, kurs_widget_is_button_labelled, "Show _Difference");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kurs_widget_settle ();
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWidget *shown = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && shown == NULL; i++)
      {
        g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Difference") == 0)
          shown = kurs_widget_find (window, kurs_widget_has_css_class, "changed-text");
        if (shown != NULL)
          {
            g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (shown)), "Ingen skal sove på gaden"));
            gtk_window_destroy (GTK_WINDOW (window));
          }
      }
    g_assert_nonnull (shown);
  }

  /* the follow-up page says who else last changed an initiative at risk */
  {
    g_autoptr(GPtrArray) initiatives = kurs_store_list_by_strategy (other, KURS_ENTITY_INITIATIVE,
                                                                    kurs_record_get_id (f->strategy), NULL);
    KursRecord *at_risk = NULL;

    for (guint i = 0; i < initiatives->len && at_risk == NULL; i++)
      if (kurs_record_get_enum (initiatives->pdata[i], "status") == KURS_INITIATIVE_AT_RISK)
        at_risk = initiatives->pdata[i];
    g_assert_nonnull (at_risk);
    g_assert_true (kurs_store_set (other, at_risk, "progress", g_variant_new_int64 (35), &error));
    g_assert_no_error (error);
    g_assert_true (kurs_store_catch_up (f->store, &error));
    show_page (f, KURS_TYPE_FOLLOW_UP_PAGE);
    kurs_widget_settle ();
    g_assert_nonnull (kurs_widget_find (f->page, label_contains, "last changed by"));
  }
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
  g_test_add ("/desk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("chart/pixels", test_chart_pixels);
  ADD ("indicators/measurements", test_measurement_rows);
  ADD ("action-plans/health-and-coverage", test_action_plans);
  ADD ("follow-up/at-risk-and-done", test_follow_up);
  ADD ("action-plans/reveal", test_reveal);
  ADD ("approved/follow-up-open", test_approved_follow_up_open);
  ADD ("process/milestone-row", test_milestone_row);
  ADD ("example/as-of-today", test_example_as_of_today);
  ADD ("printing/print-operation", test_print_operation);
  ADD ("baselines", test_baselines);
  ADD ("history", test_history);

  return g_test_run ();
}
