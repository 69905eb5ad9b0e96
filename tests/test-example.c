/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-example"

#include "config.h"

#include "kurs-approval.h"
#include "kurs-example.h"
#include "kurs-health.h"
#include "kurs-recurrence.h"
#include "kurs-test-util.h"

/* The example is two strategies of Ballerup Kommune from the seeds: the
 * strategy for socially vulnerable adults (shared/seeds 000 and 001),
 * approved in 2022 and followed up since, and the strategy for the social
 * area 2024–2026 (seed 002).  These are the facts it must carry, and its
 * story as of today (KURS_TODAY is 2026-11-24 in the tests). */

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
  return kurs_store_list_by_strategy (f->store, entity, kurs_record_get_id (f->strategy), NULL);
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

  /* Approved by Socialudvalget on 29 November 2022, as version 1 */
  g_assert_cmpint (kurs_record_get_enum (f->strategy, "status"), ==, KURS_STATUS_APPROVED);
  {
    g_autoptr(KursRecord) version = kurs_approval_get_version (f->store, f->strategy, 0);

    g_assert_nonnull (version);
    g_assert_cmpint (kurs_record_get_int (version, "number"), ==, 1);
    g_assert_cmpstr (kurs_record_get_text (version, "approved_date"), ==, "2022-11-29");
    g_assert_cmpstr (kurs_record_get_text (version, "approved_by"), ==, "Socialudvalget");
  }

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
    { "godkendelse af opsamling", "2022-08-09", NULL, KURS_MILESTONE_COMMITTEE_MEETING, TRUE },
    { "temamødets rammer", "2022-09-06", NULL, KURS_MILESTONE_COMMITTEE_MEETING, TRUE },
    { "Temamøde", "2022-09-19", NULL, KURS_MILESTONE_THEME_MEETING, TRUE },
    { "første udkast", "2022-10-04", NULL, KURS_MILESTONE_COMMITTEE_MEETING, TRUE },
    { "sendes i høring", "2022-11-08", NULL, KURS_MILESTONE_COMMITTEE_MEETING, TRUE },
    { "godkender strategien endeligt", "2022-11-29", NULL, KURS_MILESTONE_APPROVAL, TRUE },
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

  /* The process of 2022 and what came after it until today is held; what
   * is still to come is not */
  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *m = milestones->pdata[i];
      KursDate last = kurs_record_has_value (m, "end_date") ? kurs_record_get_date (m, "end_date")
                                                            : kurs_record_get_date (m, "start_date");

      if (!kurs_record_has_value (m, "repeat_every_years"))
        g_assert_cmpint (kurs_record_get_bool (m, "held"), ==, last < kurs_date_today ());
    }
  g_assert_true (kurs_record_get_bool (find (milestones, "Handleplan 2025–26 præsenteres"), "held"));
  g_assert_false (kurs_record_get_bool (find (milestones, "evalueres"), "held"));
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
  involvement = kurs_store_list (f->store, KURS_ENTITY_INVOLVEMENT, kurs_record_get_id (key_staff), NULL);
  g_assert_cmpuint (involvement->len, ==, 1);
  g_assert_cmpint (kurs_record_get_enum (involvement->pdata[0], "role"), ==, KURS_INVOLVEMENT_INTERVIEWED);

  /* Councils, boards and other committees are heard, and all answered
   * within the round, their example responses said to be examples */
  g_assert_cmpuint (parties->len, ==, 4);
  for (guint i = 0; i < parties->len; i++)
    {
      const char *date = kurs_record_get_text (parties->pdata[i], "response_date");

      g_assert_nonnull (date);
      g_assert_cmpstr (date, >=, "2022-11-08");
      g_assert_cmpstr (date, <=, "2022-11-22");
      g_assert_nonnull (kurs_record_get_text (parties->pdata[i], "handling_note"));
    }
  g_assert_nonnull (strstr (kurs_record_get_text (parties->pdata[0], "response_text"), "Eksempel"));
}

/* The follow-up as of today: the first plan's initiatives done or nearly
 * so, the current plan's under way with one at risk, the next not begun;
 * the key figures out by now measured */
static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = rows (f, KURS_ENTITY_ACTION_PLAN);
  g_autoptr(GPtrArray) indicators = rows (f, KURS_ENTITY_INDICATOR);
  g_autoptr(GPtrArray) vive = NULL;
  g_autoptr(GPtrArray) yearly = NULL;
  g_autoptr(KursRecord) current = kurs_health_current_plan (f->store, f->strategy, kurs_date_today ());
  KursDate today = kurs_date_today ();
  guint at_risk = 0;

  g_assert_true (current == plans->pdata[1]);
  for (guint p = 0; p < 3; p++)
    {
      g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE,
                                                          kurs_record_get_id (plans->pdata[p]), NULL);

      g_assert_cmpuint (initiatives->len, >=, 2);
      for (guint i = 0; i < initiatives->len; i++)
        {
          KursInitiativeHealth health;

          kurs_health_of_initiative (initiatives->pdata[i], plans->pdata[p], today, &health);
          if (p == 0)
            g_assert_cmpint (health.progress, >=, 95);
          else if (p == 1)
            {
              g_assert_true (health.health == KURS_HEALTH_ON_TRACK || health.health == KURS_HEALTH_AT_RISK
                             || health.health == KURS_HEALTH_DONE);
              at_risk += health.health == KURS_HEALTH_AT_RISK;
            }
          else
            {
              g_assert_cmpint (health.health, ==, KURS_HEALTH_NOT_DUE);
              g_assert_cmpint (health.progress, ==, 0);
            }
        }
    }
  g_assert_cmpuint (at_risk, ==, 1);

  /* VIVE's counts every second year, out by the autumn: 2022, 2024 and
   * 2026; the yearly figures until the last year presented, 2025 */
  vive = kurs_store_list (f->store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (find (indicators, "VIVE")), NULL);
  yearly = kurs_store_list (f->store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (find (indicators, "forsorgshjem")),
                            NULL);
  g_assert_cmpuint (vive->len, ==, 3);
  g_assert_cmpstr (kurs_record_get_text (vive->pdata[2], "date"), ==, "2026-02-07");
  g_assert_cmpuint (yearly->len, ==, 4);
  g_assert_cmpstr (kurs_record_get_text (yearly->pdata[3], "date"), ==, "2025-12-31");
  g_assert_cmpfloat (kurs_record_get_real (yearly->pdata[0], "value"), ==,
                     kurs_record_get_real (find (indicators, "forsorgshjem"), "baseline"));
}

/* As the years go by, so does the story: whatever the day, what is past
 * is held or done and what is current under way */
static void
test_follow_up_any_day (Fixture       *f,
                        gconstpointer  data)
{
  const char *days[] = { "2023-02-01", "2025-06-30", "2027-09-01", "2029-06-01", "2031-01-01" };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KursRecord) strategy = NULL;
      g_autoptr(KursRecord) current = NULL;
      g_autoptr(GPtrArray) initiatives = NULL;
      KursDate today;

      g_setenv ("KURS_TODAY", days[d], TRUE);
      today = kurs_date_today ();
      strategy = kurs_example_create (f->store, &error);
      g_assert_no_error (error);

      initiatives = kurs_store_list_by_strategy (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (strategy), NULL);
      for (guint i = 0; i < initiatives->len; i++)
        {
          KursRecord *initiative = initiatives->pdata[i];

          if (kurs_record_get_date (initiative, "end_date") < today)
            g_assert_cmpint (kurs_record_get_int (initiative, "progress"), >=, 95);
          else if (kurs_record_get_date (initiative, "start_date") > today)
            g_assert_cmpint (kurs_record_get_int (initiative, "progress"), ==, 0);
          else
            g_assert_cmpint (kurs_record_get_enum (initiative, "status"), !=, KURS_INITIATIVE_NOT_STARTED);
        }

      current = kurs_health_current_plan (f->store, strategy, today);
      if (today < kurs_date_from_ymd (2030, 1, 1))
        g_assert_nonnull (current);
    }
  g_setenv ("KURS_TODAY", "2026-11-24", TRUE);
}

/* The strategy for the social area (seed 002): its core value, four
 * principles, three focus areas with their bearings, and its two
 * measurement parameters */
static void
test_social_strategy (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) strategies = kurs_store_list_strategies (f->store, NULL);
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  KursRecord *social = find (strategies, "Socialområdet");
  guint bearings[] = { 6, 5, 9 };

  g_assert_cmpint (kurs_record_get_int (social, "start_year"), ==, 2024);
  g_assert_cmpint (kurs_record_get_int (social, "end_year"), ==, 2026);
  g_assert_cmpstr (kurs_record_get_text (social, "core_value"), ==,
                   "Vi understøtter borgeren i at mestre eget liv og i at deltage som aktiv borger i fællesskabet.");

  principles = kurs_store_list (f->store, KURS_ENTITY_PRINCIPLE, kurs_record_get_id (social), NULL);
  g_assert_cmpuint (principles->len, ==, 4);
  g_assert_cmpstr (kurs_record_get_title (principles->pdata[1]), ==,
                   "Vi tager udgangspunkt i borgerens ønsker og håb for eget liv");

  areas = kurs_store_list (f->store, KURS_ENTITY_FOCUS_AREA, kurs_record_get_id (social), NULL);
  g_assert_cmpuint (areas->len, ==, 3);
  g_assert_cmpstr (kurs_record_get_title (areas->pdata[0]), ==, "Mestring af egen tilværelse");
  g_assert_cmpstr (kurs_record_get_title (areas->pdata[2]), ==, "Et stærkt fagligt fundament");
  for (guint i = 0; i < areas->len; i++)
    {
      g_autoptr(GPtrArray) b = kurs_store_list (f->store, KURS_ENTITY_BEARING, kurs_record_get_id (areas->pdata[i]),
                                                NULL);

      g_assert_cmpuint (b->len, ==, bearings[i]);
      g_assert_nonnull (strstr (kurs_record_get_text (areas->pdata[i], "description"), "Pejlemærke: Alle borgere"));
    }

  indicators = kurs_store_list (f->store, KURS_ENTITY_INDICATOR, kurs_record_get_id (social), NULL);
  g_assert_cmpuint (indicators->len, ==, 2);
  g_assert_cmpstr (kurs_record_get_title (indicators->pdata[0]), ==, "Borgeroplevelsen");
  g_assert_cmpstr (kurs_record_get_title (indicators->pdata[1]), ==, "Organisatorisk styring");
}

static void
test_one_undo_step (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strategies = NULL;

  strategies = kurs_store_list_strategies (f->store, NULL);
  g_assert_cmpuint (strategies->len, ==, 2);
  g_clear_pointer (&strategies, g_ptr_array_unref);

  /* Both strategies, in one step */
  g_assert_cmpstr (kurs_store_get_undo_label (f->store), ==, "Add the example");
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);

  strategies = kurs_store_list_strategies (f->store, NULL);
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
  ADD ("follow-up", test_follow_up);
  ADD ("follow-up/any-day", test_follow_up_any_day);
  ADD ("social-strategy", test_social_strategy);
  ADD ("one-undo-step", test_one_undo_step);

  return g_test_run ();
}
