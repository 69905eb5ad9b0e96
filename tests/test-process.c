/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-process"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "kurs-example.h"
#include "kurs-hearing.h"
#include "kurs-milestone.h"
#include "kurs-process-plan.h"
#include "kurs-test-util.h"

/* The consultant's workbench in the core: the process template, the
 * hearing's parties and who is overdue. */

static KursDate
d (const char *text)
{
  KursDate date;

  g_assert_true (kurs_date_parse (text, &date, NULL));
  return date;
}

static char *
iso (KursDate date)
{
  return kurs_date_to_iso (date);
}

/* "kind start/end" for each step */
static char *
describe_steps (GArray *steps)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      KursProcessStep *step = &g_array_index (steps, KursProcessStep, i);
      g_autofree char *start = iso (step->start);
      g_autofree char *end = iso (step->end);

      g_string_append_printf (text, "%s%s %s", i ? "\n" : "",
                              kurs_enum_info_to_nick (&kurs_milestone_kind_enum, step->kind), start);
      if (step->end != step->start)
        g_string_append_printf (text, "/%s", end);
    }

  return g_string_free (text, FALSE);
}

/* With a hearing of two weeks, the plan for 29 November 2022 is the one
 * Ballerup followed (seed 000). */
static void
test_ballerup_spacing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = kurs_process_plan_compute (d ("2022-11-29"), 2, FALSE, KURS_LANGUAGE_ENGLISH, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = describe_steps (steps);
  g_assert_cmpstr (text, ==,
                   "seminar 2022-05-20/2022-05-21\n"
                   "committee-meeting 2022-05-31\n"
                   "committee-meeting 2022-08-09\n"
                   "committee-meeting 2022-09-06\n"
                   "theme-meeting 2022-09-19\n"
                   "committee-meeting 2022-10-04\n"
                   "committee-meeting 2022-11-08\n"
                   "hearing 2022-11-08/2022-11-22\n"
                   "approval 2022-11-29\n"
                   "council-adoption 2022-12-13");
}

/* The default four weeks move everything before the hearing two weeks
 * earlier; the committee keeps its weekday, and the hearing ends a week
 * before the final approval. */
static void
test_default_hearing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = kurs_process_plan_compute (d ("2027-06-15"), KURS_HEARING_WEEKS_DEFAULT,
                                                       FALSE, KURS_LANGUAGE_ENGLISH, &error);
  KursDate approval = d ("2027-06-15");
  KursProcessStep *hearing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 10);

  for (guint i = 0; i < steps->len; i++)
    {
      KursProcessStep *step = &g_array_index (steps, KursProcessStep, i);

      if (i > 0)
        g_assert_cmpuint (step->start, >=, g_array_index (steps, KursProcessStep, i - 1).start);
      if (step->kind == KURS_MILESTONE_COMMITTEE_MEETING || step->kind == KURS_MILESTONE_APPROVAL)
        g_assert_cmpint ((int) (approval - step->start) % 7, ==, 0);
      if (step->kind == KURS_MILESTONE_HEARING)
        hearing = step;
      g_assert_nonnull (step->title);
      g_assert_cmpstr (step->title, !=, "");
    }

  g_assert_nonnull (hearing);
  g_assert_cmpuint (hearing->end - hearing->start, ==, 28);
  g_assert_cmpuint (approval - hearing->end, ==, 7);
  /* the seminar still comes 137 days before the first draft */
  g_assert_cmpuint (g_array_index (steps, KursProcessStep, 5).start
                    - g_array_index (steps, KursProcessStep, 0).start, ==, 137);
  g_assert_true (g_array_index (steps, KursProcessStep, 9).council);
  g_assert_false (g_array_index (steps, KursProcessStep, 8).council);
}

static void
test_deadline_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = NULL;

  /* A hearing the law requires lasts at least eight weeks */
  steps = kurs_process_plan_compute (d ("2027-06-15"), 4, TRUE, KURS_LANGUAGE_ENGLISH, &error);
  g_assert_null (steps);
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);

  steps = kurs_process_plan_compute (d ("2027-06-15"), 8, TRUE, KURS_LANGUAGE_ENGLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (steps, KursProcessStep, 7).end
                    - g_array_index (steps, KursProcessStep, 7).start, ==, 56);
  g_clear_pointer (&steps, g_array_unref);

  /* No hearing of no weeks, nor of a year */
  steps = kurs_process_plan_compute (d ("2027-06-15"), 0, FALSE, KURS_LANGUAGE_ENGLISH, &error);
  g_assert_null (steps);
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  steps = kurs_process_plan_compute (d ("2027-06-15"), KURS_HEARING_WEEKS_MAX + 1, FALSE, KURS_LANGUAGE_ENGLISH, &error);
  g_assert_null (steps);
  g_clear_error (&error);

  /* No date, no plan */
  steps = kurs_process_plan_compute (KURS_DATE_NONE, 4, FALSE, KURS_LANGUAGE_ENGLISH, &error);
  g_assert_null (steps);
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID);
}

/* The plan in the library: milestones, the hearing round with the usual
 * parties, all one action that one undo takes back. */
static void
test_create_plan (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) involvements = NULL;
  g_autoptr(KursRecord) council = NULL;
  g_autoptr(KursRecord) committee = NULL;
  g_autoptr(KursRecord) citizens = NULL;
  gint64 id;

  strategy = kurs_store_create_strategy (store, "Planstrategi 2027", 2027, 2030, "Teknik- og Miljøudvalget",
                                         &error);
  g_assert_no_error (error);
  id = kurs_record_get_id (strategy);
  council = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, id, &error,
                               "name", g_variant_new_string ("Handicaprådet"),
                               "kind", g_variant_new_string ("council"), NULL);
  committee = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, id, &error,
                                 "name", g_variant_new_string ("Teknik- og Miljøudvalget"),
                                 "kind", g_variant_new_string ("committee"), NULL);
  citizens = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, id, &error,
                                "name", g_variant_new_string ("Borgere"),
                                "kind", g_variant_new_string ("citizen"), NULL);
  g_assert_no_error (error);

  round = kurs_process_plan_create (store, strategy, d ("2027-06-15"), "Teknik- og Miljøudvalget",
                                    8, TRUE, KURS_PROCESS_PLAN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (round);

  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 10);
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[0], "kind"), ==, "seminar");
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[0], "committee"), ==, "Teknik- og Miljøudvalget");
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[8], "start_date"), ==, "2027-06-15");
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[9], "kind"), ==, "council-adoption");
  /* "Planstrategi" for "Teknik- og Miljøudvalget" is Danish, so its steps
   * are, though the tests run in the C locale */
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[9], "committee"), ==, "Kommunalbestyrelsen");
  g_assert_cmpstr (kurs_record_get_title (milestones->pdata[0]), ==, "Seminar: for hvem og hvilke indsatsområder?");
  g_assert_cmpstr (kurs_record_get_title (round), ==, "Høring om udkast til strategi");
  g_assert_false (kurs_record_get_bool (milestones->pdata[3], "held"));

  /* The hearing round spans the hearing milestone and belongs to it */
  g_assert_cmpstr (kurs_record_get_text (round, "sent_date"), ==, "2027-04-13");
  g_assert_cmpstr (kurs_record_get_text (round, "deadline"), ==, "2027-06-08");
  g_assert_cmpint (kurs_record_get_int (round, "milestone_id"), ==, kurs_record_get_id (milestones->pdata[7]));
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[7], "end_date"), ==, "2027-06-08");

  /* Councils, boards and the other committees are its parties, and so
   * hearing parties of the milestone; the owning committee is not */
  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_cmpint (kurs_record_get_int (parties->pdata[0], "stakeholder_id"), ==, kurs_record_get_id (council));
  involvements = kurs_store_list (store, KURS_ENTITY_INVOLVEMENT, kurs_record_get_id (council), NULL);
  g_assert_cmpuint (involvements->len, ==, 1);
  g_assert_cmpstr (kurs_record_get_text (involvements->pdata[0], "role"), ==, "hearing-party");

  /* One undo takes it all back */
  g_assert_cmpstr (kurs_store_get_undo_label (store), ==, "Plan the process");
  g_assert_true (kurs_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&milestones, g_ptr_array_unref);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 0);
  g_clear_pointer (&parties, g_ptr_array_unref);
  parties = kurs_store_list_by_strategy (store, KURS_ENTITY_HEARING_ROUND, id, NULL);
  g_assert_cmpuint (parties->len, ==, 0);

  /* A refused plan changes nothing */
  g_assert_null (kurs_process_plan_create (store, strategy, d ("2027-06-15"), NULL, 3, TRUE, KURS_PROCESS_PLAN_DEFAULT, &error));
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID);
  g_clear_pointer (&milestones, g_ptr_array_unref);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 0);

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

static KursRecord *
party_with (KursStore  *store,
            KursRecord *round,
            const char *response_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) stakeholder = NULL;
  KursRecord *party;

  stakeholder = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_strategy_id (round), &error,
                                   "name", g_variant_new_string ("Part"),
                                   "kind", g_variant_new_string ("council"), NULL);
  g_assert_no_error (error);
  party = kurs_store_create (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), &error,
                             "stakeholder_id", g_variant_new_int64 (kurs_record_get_id (stakeholder)),
                             "response_date", response_date ? g_variant_new_string (response_date) : NULL,
                             NULL);
  g_assert_no_error (error);
  return party;
}

/* Overdue: no response, and the deadline is over; the deadline day itself
 * is still in time.  An answer after the deadline is answered, and late. */
static void
test_overdue (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(KursRecord) on_time = NULL;
  g_autoptr(KursRecord) late = NULL;
  g_autoptr(KursRecord) silent = NULL;
  g_autofree char *text = NULL;
  KursDate deadline = d ("2027-05-20");
  KursHearingTally tally;

  strategy = kurs_store_create_strategy (store, "Strategi", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  round = kurs_hearing_create_round (store, strategy, NULL, "Høring", d ("2027-04-20"), deadline, NULL, 0, &error);
  g_assert_no_error (error);
  on_time = party_with (store, round, "2027-05-18");
  late = party_with (store, round, "2027-05-25");
  silent = party_with (store, round, NULL);

  g_assert_cmpint (kurs_hearing_party_state (silent, deadline, deadline), ==, KURS_HEARING_AWAITING);
  g_assert_cmpint (kurs_hearing_party_state (silent, deadline, deadline + 1), ==, KURS_HEARING_OVERDUE);
  g_assert_cmpint (kurs_hearing_party_state (late, deadline, deadline + 30), ==, KURS_HEARING_ANSWERED);
  g_assert_true (kurs_hearing_party_is_late (late, deadline));
  g_assert_false (kurs_hearing_party_is_late (on_time, deadline));

  kurs_hearing_tally_round (store, round, deadline - 1, &tally);
  g_assert_cmpuint (tally.n_parties, ==, 3);
  g_assert_cmpuint (tally.n_answered, ==, 2);
  g_assert_cmpuint (tally.n_late, ==, 1);
  g_assert_cmpuint (tally.n_awaiting, ==, 1);
  g_assert_cmpuint (tally.n_overdue, ==, 0);
  text = kurs_hearing_describe_tally (&tally);
  g_assert_cmpstr (text, ==, "2 of 3 answered · 1 awaited");
  g_clear_pointer (&text, g_free);

  kurs_hearing_tally_round (store, round, deadline + 1, &tally);
  g_assert_cmpuint (tally.n_awaiting, ==, 0);
  g_assert_cmpuint (tally.n_overdue, ==, 1);
  text = kurs_hearing_describe_tally (&tally);
  g_assert_cmpstr (text, ==, "2 of 3 answered · 1 overdue");

  /* A response recorded takes the party off the overdue list */
  g_assert_true (kurs_store_set_text (store, silent, "response_date", "2027-06-01", &error));
  kurs_hearing_tally_round (store, round, deadline + 30, &tally);
  g_assert_cmpuint (tally.n_overdue, ==, 0);
  g_assert_cmpuint (tally.n_answered, ==, 3);

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* Parties are added once each, and only the strategy's own stakeholders */
static void
test_add_parties (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_example_create (store, &error);
  g_autoptr(KursRecord) other = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(KursRecord) stranger = NULL;
  gint64 ids[2];

  g_assert_no_error (error);
  rounds = kurs_store_list (store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (strategy), NULL);
  stakeholders = kurs_store_list (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (strategy), NULL);
  g_assert_cmpuint (rounds->len, ==, 1);

  /* the example's round has four parties; Socialudvalget is not one */
  ids[0] = kurs_record_get_id (stakeholders->pdata[0]);
  ids[1] = ids[0];
  g_assert_true (kurs_hearing_add_parties (store, rounds->pdata[0], ids, 2, &error));
  g_assert_no_error (error);
  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (rounds->pdata[0]), NULL);
  g_assert_cmpuint (parties->len, ==, 5);

  /* another strategy's stakeholder: refused, nothing added */
  other = kurs_store_create_strategy (store, "Anden", 2027, 2030, NULL, &error);
  stranger = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (other), &error,
                                "name", g_variant_new_string ("Fremmed"),
                                "kind", g_variant_new_string ("partner"), NULL);
  g_assert_no_error (error);
  ids[0] = kurs_record_get_id (stakeholders->pdata[1]);
  ids[1] = kurs_record_get_id (stranger);
  g_assert_false (kurs_hearing_add_parties (store, rounds->pdata[0], ids, 2, &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&parties, g_ptr_array_unref);
  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (rounds->pdata[0]), NULL);
  g_assert_cmpuint (parties->len, ==, 5);

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}


static GPtrArray *
plan_example_strategy (KursStore   *store,
                       KursRecord **out_strategy,
                       KursRecord **out_round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) council = NULL;

  strategy = kurs_store_create_strategy (store, "Ældrestrategi", 2027, 2030, "Socialudvalget", &error);
  g_assert_no_error (error);
  council = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (strategy), &error,
                               "name", g_variant_new_string ("Ældrerådet"),
                               "kind", g_variant_new_string ("council"), NULL);
  g_assert_no_error (error);
  *out_round = kurs_process_plan_create (store, strategy, d ("2027-06-15"), "Socialudvalget",
                                         kurs_process_plan_hearing_weeks (-1, FALSE), FALSE,
                                         KURS_PROCESS_PLAN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_round);
  *out_strategy = g_steal_pointer (&strategy);
  return kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (*out_strategy), NULL);
}

/* The hearing's length when none is asked for: four weeks, eight where
 * the law requires the hearing */
static void
test_hearing_weeks (void)
{
  g_assert_cmpuint (kurs_process_plan_hearing_weeks (-1, FALSE), ==, 4);
  g_assert_cmpuint (kurs_process_plan_hearing_weeks (-1, TRUE), ==, 8);
  g_assert_cmpuint (kurs_process_plan_hearing_weeks (6, FALSE), ==, 6);
  g_assert_cmpuint (kurs_process_plan_hearing_weeks (10, TRUE), ==, 10);
  g_assert_cmpuint (kurs_process_plan_hearing_weeks (0, TRUE), ==, 0);
}

/* Planning twice does not give each step twice: it is refused, and with
 * REPLACE the steps not yet held give way to the new plan in one action */
static void
test_plan_twice (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(KursRecord) again = NULL;
  g_autoptr(GPtrArray) first = plan_example_strategy (store, &strategy, &round);
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  gint64 id = kurs_record_get_id (strategy);
  guint held = 0;

  g_assert_cmpuint (first->len, ==, 10);

  /* Refused, nothing added */
  g_assert_null (kurs_process_plan_create (store, strategy, d ("2027-09-14"), NULL, 4, FALSE,
                                           KURS_PROCESS_PLAN_DEFAULT, &error));
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Ældrestrategi"));
  g_assert_nonnull (strstr (error->message, "10 steps"));
  g_clear_error (&error);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 10);
  g_clear_pointer (&milestones, g_ptr_array_unref);

  /* The seminar and the first meeting were held: they stay */
  g_assert_true (kurs_store_set (store, first->pdata[0], "held", g_variant_new_boolean (TRUE), &error));
  g_assert_true (kurs_store_set (store, first->pdata[1], "held", g_variant_new_boolean (TRUE), &error));
  g_assert_no_error (error);

  again = kurs_process_plan_create (store, strategy, d ("2027-09-14"), NULL, 4, FALSE,
                                    KURS_PROCESS_PLAN_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (kurs_record_is_deleted (round));
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 12);
  for (guint i = 0; i < milestones->len; i++)
    held += kurs_record_get_bool (milestones->pdata[i], "held");
  g_assert_cmpuint (held, ==, 2);
  g_assert_false (kurs_record_is_deleted (first->pdata[0]));
  g_assert_true (kurs_record_is_deleted (first->pdata[2]));
  rounds = kurs_store_list (store, KURS_ENTITY_HEARING_ROUND, id, NULL);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_true (rounds->pdata[0] == (gpointer) again);

  /* One undo puts the old plan back */
  g_assert_true (kurs_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&milestones, g_ptr_array_unref);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, id, NULL);
  g_assert_cmpuint (milestones->len, ==, 10);
  g_assert_false (kurs_record_is_deleted (round));

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* A hearing with a response recorded is history: a new plan does not
 * throw it away, and changes nothing */
static void
test_replace_keeps_responses (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(GPtrArray) first = plan_example_strategy (store, &strategy, &round);
  g_autoptr(GPtrArray) parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  g_autoptr(GPtrArray) milestones = NULL;

  g_assert_cmpuint (parties->len, ==, 1);
  g_assert_true (kurs_store_set_text (store, parties->pdata[0], "response_date",
                                      kurs_record_get_text (round, "deadline"), &error));
  g_assert_no_error (error);

  g_assert_null (kurs_process_plan_create (store, strategy, d ("2027-09-14"), NULL, 4, FALSE,
                                           KURS_PROCESS_PLAN_REPLACE, &error));
  g_assert_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "responses"));
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), NULL);
  g_assert_cmpuint (milestones->len, ==, 10);
  g_assert_false (kurs_record_is_deleted (round));

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* Sending the planned hearing fills the round the plan made for it */
static void
test_send_fills_planned_round (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(KursRecord) sent = NULL;
  g_autoptr(KursRecord) board = NULL;
  g_autoptr(GPtrArray) milestones = plan_example_strategy (store, &strategy, &round);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  KursRecord *hearing = milestones->pdata[7];
  gint64 board_id;

  g_assert_cmpstr (kurs_record_get_text (hearing, "kind"), ==, "hearing");
  board = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (strategy), &error,
                             "name", g_variant_new_string ("Integrationsrådet"),
                             "kind", g_variant_new_string ("council"), NULL);
  g_assert_no_error (error);
  board_id = kurs_record_get_id (board);

  sent = kurs_hearing_create_round (store, strategy, hearing, NULL, d ("2027-04-21"), d ("2027-05-26"),
                                    &board_id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (sent == round);
  /* the planned round keeps its (Danish, as the strategy is) title */
  g_assert_cmpstr (kurs_record_get_text (round, "title"), ==, "Høring om udkast til strategi");
  g_assert_cmpstr (kurs_record_get_text (round, "sent_date"), ==, "2027-04-21");
  g_assert_cmpstr (kurs_record_get_text (round, "deadline"), ==, "2027-05-26");
  rounds = kurs_store_list (store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (strategy), NULL);
  g_assert_cmpuint (rounds->len, ==, 1);
  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  g_assert_cmpuint (parties->len, ==, 2);
  g_assert_cmpstr (kurs_store_get_undo_label (store), ==, "Send to hearing");

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* A response comes between the day the round is sent and a year after its
 * deadline; the store refuses other dates, and says so before storing */
static void
test_response_dates (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(KursRecord) party = NULL;

  strategy = kurs_store_create_strategy (store, "Strategi", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  round = kurs_hearing_create_round (store, strategy, NULL, "Høring", d ("2027-04-20"), d ("2027-05-20"),
                                     NULL, 0, &error);
  g_assert_no_error (error);
  party = party_with (store, round, NULL);

  /* before it was sent */
  g_assert_false (kurs_store_check_change (store, party, "response_date", g_variant_new_string ("2027-04-19"),
                                           &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kurs_store_set_text (store, party, "response_date", "2027-04-19", &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the hearing was sent"));
  g_clear_error (&error);

  /* a year after the deadline: the year is wrong */
  g_assert_false (kurs_store_set_text (store, party, "response_date", "2028-05-21", &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "a year after the deadline"));
  g_clear_error (&error);
  g_assert_false (kurs_record_has_value (party, "response_date"));

  /* the day it was sent, and late but within the year, are responses */
  g_assert_true (kurs_store_check_change (store, party, "response_date", g_variant_new_string ("2027-04-20"),
                                          &error));
  g_assert_true (kurs_store_set_text (store, party, "response_date", "2028-05-20", &error));
  g_assert_no_error (error);

  /* the round cannot move past the responses it has */
  g_assert_false (kurs_store_check_change (store, round, "deadline", g_variant_new_string ("2027-04-30"), &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kurs_store_set_text (store, round, "deadline", "2027-04-30", &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (kurs_record_get_text (round, "deadline"), ==, "2027-05-20");

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* What a milestone is, once for every part of Kurs */
static void
test_milestone_rules (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_store_create_strategy (store, "Regler", 2024, 2030, NULL, &error);
  g_autoptr(KursRecord) one_day = NULL, long_one = NULL, series = NULL;
  g_autoptr(KursRecord) party = NULL, stakeholder = NULL, round = NULL;
  g_autofree char *name = NULL;
  gint64 id = kurs_record_get_id (strategy);
  gboolean workshop = FALSE, agenda = FALSE, meeting = FALSE;

  g_assert_no_error (error);
  one_day = kurs_store_create (store, KURS_ENTITY_MILESTONE, id, &error, "title", g_variant_new_string ("Møde"),
                               "kind", g_variant_new_string ("committee-meeting"),
                               "start_date", g_variant_new_string ("2025-03-04"), NULL);
  long_one = kurs_store_create (store, KURS_ENTITY_MILESTONE, id, &error, "title", g_variant_new_string ("Høring"),
                                "kind", g_variant_new_string ("hearing"),
                                "start_date", g_variant_new_string ("2025-03-01"),
                                "end_date", g_variant_new_string ("2025-03-31"), NULL);
  series = kurs_store_create (store, KURS_ENTITY_MILESTONE, id, &error, "title", g_variant_new_string ("Nøgletal"),
                              "kind", g_variant_new_string ("data-release"),
                              "start_date", g_variant_new_string ("2024-09-01"),
                              "repeat_every_years", g_variant_new_int64 (1),
                              "repeat_until_year", g_variant_new_int64 (2030), NULL);
  g_assert_no_error (error);

  /* overdue: a one-off, not held, its last day past */
  g_assert_false (kurs_milestone_is_overdue (one_day, d ("2025-03-04")));
  g_assert_true (kurs_milestone_is_overdue (one_day, d ("2025-03-05")));
  g_assert_false (kurs_milestone_is_overdue (long_one, d ("2025-03-31")));
  g_assert_true (kurs_milestone_is_overdue (long_one, d ("2025-04-01")));
  g_assert_false (kurs_milestone_is_overdue (series, d ("2031-01-01")));
  g_assert_true (kurs_store_set (store, one_day, "held", g_variant_new_boolean (TRUE), &error));
  g_assert_false (kurs_milestone_is_overdue (one_day, d ("2025-03-05")));

  /* the kinds: a workshop, an agenda item, and a meeting (either); a
   * hearing and a data release are neither */
  for (KursMilestoneKind kind = 0; kind <= KURS_MILESTONE_OTHER; kind++)
    {
      workshop = kurs_milestone_kind_is_workshop (kind);
      agenda = kurs_milestone_kind_is_agenda_item (kind);
      meeting = kurs_milestone_kind_is_meeting (kind);

      g_assert_false (workshop && agenda);
      g_assert_true (meeting == (workshop || agenda));
    }
  g_assert_true (kurs_milestone_kind_is_workshop (KURS_MILESTONE_SEMINAR));
  g_assert_true (kurs_milestone_kind_is_workshop (KURS_MILESTONE_THEME_MEETING));
  g_assert_true (kurs_milestone_kind_is_agenda_item (KURS_MILESTONE_COMMITTEE_MEETING));
  g_assert_true (kurs_milestone_kind_is_agenda_item (KURS_MILESTONE_APPROVAL));
  g_assert_true (kurs_milestone_kind_is_agenda_item (KURS_MILESTONE_STATUS_REVIEW));
  g_assert_false (kurs_milestone_kind_is_meeting (KURS_MILESTONE_HEARING));
  g_assert_false (kurs_milestone_kind_is_meeting (KURS_MILESTONE_DATA_RELEASE));

  /* a party is named by its stakeholder, while there is one */
  stakeholder = kurs_store_create (store, KURS_ENTITY_STAKEHOLDER, id, &error,
                                   "name", g_variant_new_string ("Ældrerådet"),
                                   "kind", g_variant_new_string ("council"), NULL);
  round = kurs_store_create (store, KURS_ENTITY_HEARING_ROUND, id, &error, "title", g_variant_new_string ("Høring"),
                             "sent_date", g_variant_new_string ("2025-03-01"),
                             "deadline", g_variant_new_string ("2025-03-31"), NULL);
  party = kurs_store_create (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), &error,
                             "stakeholder_id", g_variant_new_int64 (kurs_record_get_id (stakeholder)), NULL);
  g_assert_no_error (error);
  name = kurs_hearing_party_name (store, party);
  g_assert_cmpstr (name, ==, "Ældrerådet");

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* The steps are written in the strategy's language, not the user
 * interface's: an English strategy planned in a Danish desktop gets
 * English steps, and a strategy whose text says nothing either way gets
 * the user interface's. */
static void
test_plan_in_strategy_language (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) english = NULL;
  g_autoptr(KursRecord) unknown = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autofree char *locale = g_strdup (setlocale (LC_ALL, NULL));

  g_assert_nonnull (setlocale (LC_ALL, "da_DK.UTF-8"));
  g_setenv ("LANGUAGE", "da", TRUE);
  /* The user interface is Danish now */
  g_assert_cmpstr (_("Municipal council"), ==, "Kommunalbestyrelsen");

  english = kurs_store_create_strategy (store, "Strategy for socially vulnerable adults", 2027, 2030,
                                        "Social Affairs Committee", &error);
  g_assert_no_error (error);
  round = kurs_process_plan_create (store, english, d ("2027-06-15"), NULL, 4, FALSE,
                                    KURS_PROCESS_PLAN_DEFAULT, &error);
  g_assert_no_error (error);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (english), NULL);
  g_assert_cmpstr (kurs_record_get_title (milestones->pdata[0]), ==, "Seminar: for whom, and which focus areas?");
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[0], "agenda"), ==,
                   "Who is the strategy for, and who is not?\nWhich focus areas? Goals? Time horizon?");
  g_assert_cmpstr (kurs_record_get_text (milestones->pdata[9], "committee"), ==, "Municipal council");
  g_assert_cmpstr (kurs_record_get_title (round), ==, "Hearing on the draft strategy");
  g_clear_object (&round);
  g_clear_pointer (&milestones, g_ptr_array_unref);

  unknown = kurs_store_create_strategy (store, "2027", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  round = kurs_process_plan_create (store, unknown, d ("2027-06-15"), NULL, 4, FALSE,
                                    KURS_PROCESS_PLAN_DEFAULT, &error);
  g_assert_no_error (error);
  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (unknown), NULL);
  g_assert_cmpstr (kurs_record_get_title (milestones->pdata[0]), ==, "Seminar: for hvem og hvilke indsatsområder?");
  g_assert_cmpstr (kurs_record_get_title (round), ==, "Høring om udkast til strategi");

  setlocale (LC_ALL, locale);
  g_unsetenv ("LANGUAGE");
  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/process/ballerup-spacing", test_ballerup_spacing);
  g_test_add_func ("/process/default-hearing", test_default_hearing);
  g_test_add_func ("/process/deadline-rules", test_deadline_rules);
  g_test_add_func ("/process/create-plan", test_create_plan);
  g_test_add_func ("/process/plan-in-strategy-language", test_plan_in_strategy_language);
  g_test_add_func ("/process/milestone-rules", test_milestone_rules);
  g_test_add_func ("/hearing/overdue", test_overdue);
  g_test_add_func ("/hearing/add-parties", test_add_parties);
  g_test_add_func ("/process/hearing-weeks", test_hearing_weeks);
  g_test_add_func ("/process/plan-twice", test_plan_twice);
  g_test_add_func ("/process/replace-keeps-responses", test_replace_keeps_responses);
  g_test_add_func ("/hearing/send-fills-planned-round", test_send_fills_planned_round);
  g_test_add_func ("/hearing/response-dates", test_response_dates);

  return g_test_run ();
}
