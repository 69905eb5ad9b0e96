/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-example"

#include "config.h"

#include "kurs-example.h"
#include "kurs-recurrence.h"
#include "kurs-test-util.h"

/* The example is the Ballerup strategy of the seeds (shared/seeds 000 and
 * 001): these are the facts it must carry. */

typedef struct {
  char       *dir;
  KursStore  *store;
  KursRecord *strategy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = kurs_test_make_dir ();
  f->store = kurs_test_open_library (f->dir);
  f->strategy = kurs_example_create (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->strategy);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->strategy);
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GPtrArray *
rows (Fixture    *f,
      KursEntity  entity)
{
  return kurs_store_list_by_strategy (f->store, entity, kurs_record_get_id (f->strategy));
}

static KursRecord *
find (GPtrArray  *records,
      const char *title_part)
{
  for (guint i = 0; i < records->len; i++)
    if (strstr (kurs_record_get_title (records->pdata[i]), title_part))
      return records->pdata[i];

  g_error ("No row titled like “%s”", title_part);
  return NULL;
}

static void
test_strategy (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) mandate = rows (f, KURS_ENTITY_MANDATE_ITEM);
  g_autoptr(GPtrArray) groups = rows (f, KURS_ENTITY_TARGET_GROUP);

  g_assert_cmpint (kurs_record_get_int (f->strategy, "start_year"), ==, 2022);
  g_assert_cmpint (kurs_record_get_int (f->strategy, "end_year"), ==, 2029);
  g_assert_cmpstr (kurs_record_get_text (f->strategy, "committee"), ==, "Socialudvalget");
  g_assert_cmpint (kurs_record_get_enum (f->strategy, "status"), ==, KURS_STATUS_DRAFT);

  /* The mandate: Budget 2021 item 1.4.2 and Budget 2022 item 1.3.5 */
  g_assert_cmpuint (mandate->len, ==, 2);
  g_assert_cmpstr (kurs_record_get_text (mandate->pdata[0], "source"), ==, "Budget 2021, punkt 1.4.2");
  g_assert_cmpstr (kurs_record_get_text (mandate->pdata[1], "source"), ==, "Budget 2022, punkt 1.3.5");

  /* The target group includes the homeless, and says who is not in it */
  g_assert_true (kurs_record_get_bool (find (groups, "Hjemløse"), "included"));
  g_assert_false (kurs_record_get_bool (find (groups, "uden for"), "included"));

  /* The vision is an honest placeholder */
  g_assert_nonnull (strstr (kurs_record_get_text (f->strategy, "vision"), "Eksempel"));
}

static void
test_process_plan (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) milestones = rows (f, KURS_ENTITY_MILESTONE);
  struct {
    const char *title;
    const char *start;
    const char *end;
    KursMilestoneKind kind;
    gboolean held;
  } plan[] = {
    { "Seminar", "2022-05-20", "2022-05-21", KURS_MILESTONE_SEMINAR, TRUE },
    { "opsamling fra seminar", "2022-05-31", NULL, KURS_MILESTONE_COMMITTEE_MEETING, TRUE },
    { "godkendelse af opsamling", "2022-08-09", NULL, KURS_MILESTONE_COMMITTEE_MEETING, FALSE },
    { "temamødets rammer", "2022-09-06", NULL, KURS_MILESTONE_COMMITTEE_MEETING, FALSE },
    { "Temamøde", "2022-09-19", NULL, KURS_MILESTONE_THEME_MEETING, FALSE },
    { "første udkast", "2022-10-04", NULL, KURS_MILESTONE_COMMITTEE_MEETING, FALSE },
    { "sendes i høring", "2022-11-08", NULL, KURS_MILESTONE_COMMITTEE_MEETING, FALSE },
    { "godkender strategien endeligt", "2022-11-29", NULL, KURS_MILESTONE_APPROVAL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      KursRecord *m = find (milestones, plan[i].title);

      g_assert_cmpstr (kurs_record_get_text (m, "start_date"), ==, plan[i].start);
      g_assert_cmpstr (kurs_record_get_text (m, "end_date"), ==, plan[i].end);
      g_assert_cmpint (kurs_record_get_enum (m, "kind"), ==, plan[i].kind);
      g_assert_cmpint (kurs_record_get_bool (m, "held"), ==, plan[i].held);
      g_assert_cmpstr (kurs_record_get_text (m, "committee"), ==, "Socialudvalget");
    }

  g_assert_cmpint (kurs_record_get_enum (find (milestones, "Kommunalbestyrelsen"), "kind"),
                   ==, KURS_MILESTONE_COUNCIL_ADOPTION);
}

static void
test_action_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = rows (f, KURS_ENTITY_ACTION_PLAN);
  g_autoptr(GPtrArray) corrections = rows (f, KURS_ENTITY_COURSE_CORRECTION);
  const char *expected[][3] = {
    { "Handleplan 2023–24", "2023-01-01", "2024-12-31" },
    { "Handleplan 2025–26", "2025-01-01", "2026-12-31" },
    { "Handleplan 2027–28", "2027-01-01", "2028-12-31" },
    { "Handleplan 2029", "2029-01-01", "2029-12-31" },
  };

  g_assert_cmpuint (plans->len, ==, 4);
  for (guint i = 0; i < plans->len; i++)
    {
      g_assert_cmpstr (kurs_record_get_title (plans->pdata[i]), ==, expected[i][0]);
      g_assert_cmpstr (kurs_record_get_text (plans->pdata[i], "start_date"), ==, expected[i][1]);
      g_assert_cmpstr (kurs_record_get_text (plans->pdata[i], "end_date"), ==, expected[i][2]);
    }

  /* A course correction between each plan and the next */
  g_assert_cmpuint (corrections->len, ==, 3);
  for (guint i = 0; i < corrections->len; i++)
    {
      KursRecord *plan = plans->pdata[i];
      KursRecord *next = plans->pdata[i + 1];
      const char *date = kurs_record_get_text (corrections->pdata[i], "date");

      g_assert_cmpint (kurs_record_get_int (corrections->pdata[i], "action_plan_id"), ==,
                       kurs_record_get_id (plan));
      g_assert_cmpstr (date, >=, kurs_record_get_text (plan, "start_date"));
      g_assert_cmpstr (date, <, kurs_record_get_text (next, "start_date"));
    }
}

static char *
occurrence_years (KursRecord *milestone)
{
  g_autoptr(GArray) occurrences = kurs_recurrence_expand_milestone (milestone, 0, 0);
  GString *years = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    g_string_append_printf (years, "%s%d", i ? " " : "",
                            kurs_date_get_year (g_array_index (occurrences, KursOccurrence, i).start));

  return g_string_free (years, FALSE);
}

static void
test_recurring_data (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) milestones = rows (f, KURS_ENTITY_MILESTONE);
  KursRecord *key_figures = find (milestones, "Årlige nøgletal");
  KursRecord *collected = find (milestones, "dataindsamling");
  KursRecord *published = find (milestones, "offentliggøres");
  KursRecord *status = find (milestones, "Status på udsattestrategien");
  KursRecord *evaluation = find (milestones, "evalueres");
  g_autofree char *a = occurrence_years (key_figures);
  g_autofree char *b = occurrence_years (collected);
  g_autofree char *c = occurrence_years (published);
  g_autofree char *s = occurrence_years (status);

  /* Key figures every year; the count every second year, collected in
   * February and published around August–September; status reviews in
   * September/October; the evaluation in 2028. */
  g_assert_cmpstr (a, ==, "2023 2024 2025 2026 2027 2028");
  g_assert_cmpstr (b, ==, "2024 2026 2028");
  g_assert_cmpstr (c, ==, "2024 2026 2028");
  g_assert_cmpstr (s, ==, "2024 2026");
  g_assert_cmpint (kurs_date_get_month (kurs_record_get_date (collected, "start_date")), ==, 2);
  g_assert_cmpint (kurs_date_get_month (kurs_record_get_date (published, "start_date")), ==, 8);
  g_assert_cmpint (kurs_date_get_month (kurs_record_get_date (published, "end_date")), ==, 9);
  g_assert_cmpint (kurs_date_get_month (kurs_record_get_date (status, "start_date")), ==, 9);
  g_assert_cmpint (kurs_date_get_month (kurs_record_get_date (status, "end_date")), ==, 10);
  g_assert_cmpint (kurs_record_get_enum (status, "kind"), ==, KURS_MILESTONE_STATUS_REVIEW);
  g_assert_cmpint (kurs_record_get_enum (evaluation, "kind"), ==, KURS_MILESTONE_EVALUATION);
  g_assert_cmpint (kurs_date_get_year (kurs_record_get_date (evaluation, "start_date")), ==, 2028);
}

static void
test_stakeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) stakeholders = rows (f, KURS_ENTITY_STAKEHOLDER);
  g_autoptr(GPtrArray) parties = rows (f, KURS_ENTITY_HEARING_PARTY);
  g_autoptr(GPtrArray) involvement = NULL;
  KursRecord *key_staff = find (stakeholders, "Nøglemedarbejdere");
  const char *named[] = { "Socialudvalget", "Politikere", "Formandsskaber", "Andre politiske udvalg",
                          "Nævn", "Regionen", "Borgere", "velfærdscentre" };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    find (stakeholders, named[i]);

  g_assert_cmpint (kurs_record_get_enum (key_staff, "kind"), ==, KURS_STAKEHOLDER_EMPLOYEE);
  involvement = kurs_store_list (f->store, KURS_ENTITY_INVOLVEMENT, kurs_record_get_id (key_staff));
  g_assert_cmpuint (involvement->len, ==, 1);
  g_assert_cmpint (kurs_record_get_enum (involvement->pdata[0], "role"), ==, KURS_INVOLVEMENT_INTERVIEWED);

  /* Councils, boards and other committees are heard */
  g_assert_cmpuint (parties->len, ==, 4);
}

static void
test_one_undo_step (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strategies = NULL;

  g_assert_cmpstr (kurs_store_get_undo_label (f->store), ==, "Add example strategy");
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);

  strategies = kurs_store_list_strategies (f->store);
  g_assert_cmpuint (strategies->len, ==, 0);
  g_assert_true (kurs_record_is_deleted (f->strategy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/example/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("strategy", test_strategy);
  ADD ("process-plan", test_process_plan);
  ADD ("action-plans", test_action_plans);
  ADD ("recurring-data", test_recurring_data);
  ADD ("stakeholders", test_stakeholders);
  ADD ("one-undo-step", test_one_undo_step);

  return g_test_run ();
}
