/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-follow-up"

#include "config.h"

#include <libical/ical.h>

#include "kurs-csv-import.h"
#include "kurs-example.h"
#include "kurs-health.h"
#include "kurs-ical-export.h"
#include "kurs-test-util.h"

/* The manager's desk in the core: health and coverage of the action
 * plans, measurements from CSV, the calendar. */

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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->strategy);
  kurs_store_close (f->store);
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static KursDate
d (const char *text)
{
  KursDate date;

  g_assert_true (kurs_date_parse (text, &date, NULL));
  return date;
}

static KursRecord *
first_plan (Fixture *f)
{
  g_autoptr(GPtrArray) plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy),
                                                NULL);

  return g_object_ref (plans->pdata[0]);
}

static KursRecord *
initiative (Fixture    *f,
            KursRecord *plan,
            const char *start,
            const char *end,
            int         progress,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  KursRecord *record;

  record = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), &error,
                              "title", g_variant_new_string ("Indsats"),
                              "start_date", start ? g_variant_new_string (start) : NULL,
                              "end_date", end ? g_variant_new_string (end) : NULL,
                              "progress", g_variant_new_int64 (progress),
                              "status", g_variant_new_string (status),
                              NULL);
  g_assert_no_error (error);
  return record;
}

/* Progress against the time elapsed: on track from 90 % of what is
 * expected, at risk from 70 %, behind below */
static void
test_health_thresholds (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KursRecord) plan = first_plan (f);
  /* 2023-01-01 … 2023-12-31: halfway on 2 July */
  g_autoptr(KursRecord) on_track = initiative (f, plan, "2023-01-01", "2023-12-31", 46, "on-track");
  g_autoptr(KursRecord) at_risk = initiative (f, plan, "2023-01-01", "2023-12-31", 44, "on-track");
  g_autoptr(KursRecord) behind = initiative (f, plan, "2023-01-01", "2023-12-31", 34, "on-track");
  g_autoptr(KursRecord) done = initiative (f, plan, "2023-01-01", "2023-12-31", 20, "done");
  g_autoptr(KursRecord) undated = initiative (f, plan, NULL, NULL, 10, "not-started");
  g_autofree char *text = NULL;
  KursInitiativeHealth health;
  KursDate halfway = d ("2023-07-02");

  kurs_health_of_initiative (on_track, plan, halfway, &health);
  g_assert_cmpint (health.expected, ==, 50);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_ON_TRACK);

  /* typed "on track", but 44 of 50 is 88 %: at risk */
  kurs_health_of_initiative (at_risk, plan, halfway, &health);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_AT_RISK);
  kurs_health_of_initiative (behind, plan, halfway, &health);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_BEHIND);
  text = kurs_health_describe (&health);
  g_assert_cmpstr (text, ==, "Behind: 34 % done, 50 % expected by now");

  /* done is done, whatever the progress says */
  kurs_health_of_initiative (done, plan, halfway, &health);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_DONE);

  /* before it begins, nothing is expected; after it ends, all */
  kurs_health_of_initiative (behind, plan, d ("2022-12-31"), &health);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_NOT_DUE);
  kurs_health_of_initiative (on_track, plan, d ("2024-03-01"), &health);
  g_assert_cmpint (health.expected, ==, 100);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_BEHIND);

  /* an initiative with no dates of its own runs over its plan's 2023–24 */
  kurs_health_of_initiative (undated, plan, d ("2024-01-01"), &health);
  g_assert_cmpint (health.start, ==, d ("2023-01-01"));
  g_assert_cmpint (health.end, ==, d ("2024-12-31"));
  g_assert_cmpint (health.expected, ==, 50);
  g_assert_cmpint (health.health, ==, KURS_HEALTH_BEHIND);

  g_clear_pointer (&text, g_free);
  text = kurs_health_describe_rule ();
  g_assert_nonnull (strstr (text, "90 %"));
  g_assert_nonnull (strstr (text, "70 %"));
}

/* A goal no initiative of the plan serves is uncovered; linking one
 * covers it.  The current plan is the one whose period holds today. */
static void
test_coverage (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KursRecord) plan = first_plan (f);
  g_autoptr(KursRecord) extra = NULL;
  g_autoptr(KursRecord) initiative = NULL;
  g_autoptr(KursRecord) current = NULL;
  g_autoptr(GPtrArray) uncovered = NULL;
  g_autoptr(GPtrArray) goals = kurs_store_list (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (f->strategy), NULL);
  g_autoptr(GPtrArray) initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan),
                                                      NULL);
  g_autoptr(KursRecord) link = NULL;
  g_autoptr(GError) error = NULL;

  /* the example's first plan serves both its goals */
  uncovered = kurs_health_uncovered_goals (f->store, plan);
  g_assert_cmpuint (uncovered->len, ==, 0);
  g_clear_pointer (&uncovered, g_ptr_array_unref);

  /* a plan with no initiatives serves none, and has no progress */
  extra = kurs_store_create (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (f->strategy), &error,
                             "title", g_variant_new_string ("Ekstra handleplan"),
                             "start_date", g_variant_new_string ("2029-01-01"),
                             "end_date", g_variant_new_string ("2029-06-30"), NULL);
  g_assert_no_error (error);
  uncovered = kurs_health_uncovered_goals (f->store, extra);
  g_assert_cmpuint (uncovered->len, ==, 2);
  g_assert_cmpint (kurs_health_plan_progress (f->store, extra), ==, -1);
  g_clear_pointer (&uncovered, g_ptr_array_unref);

  /* an initiative serving the first goal leaves the second uncovered;
   * linking it too covers both */
  initiative = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (extra), &error,
                                  "title", g_variant_new_string ("Boligsocial indsats"), NULL);
  link = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                            "goal_id", g_variant_new_int64 (kurs_record_get_id (goals->pdata[0])), NULL);
  g_assert_no_error (error);
  uncovered = kurs_health_uncovered_goals (f->store, extra);
  g_assert_cmpuint (uncovered->len, ==, 1);
  g_assert_true (uncovered->pdata[0] == goals->pdata[1]);
  g_clear_pointer (&uncovered, g_ptr_array_unref);
  g_clear_object (&link);
  link = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                            "goal_id", g_variant_new_int64 (kurs_record_get_id (goals->pdata[1])), NULL);
  g_assert_no_error (error);
  uncovered = kurs_health_uncovered_goals (f->store, extra);
  g_assert_cmpuint (uncovered->len, ==, 0);

  current = kurs_health_current_plan (f->store, f->strategy, d ("2026-11-24"));
  g_assert_cmpstr (kurs_record_get_title (current), ==, "Handleplan 2025–26");
  g_clear_object (&current);
  current = kurs_health_current_plan (f->store, f->strategy, d ("2020-01-01"));
  g_assert_cmpstr (kurs_record_get_title (current), ==, "Handleplan 2023–24");
  g_clear_object (&current);
  current = kurs_health_current_plan (f->store, f->strategy, d ("2035-01-01"));
  g_assert_cmpstr (kurs_record_get_title (current), ==, "Handleplan 2029");

  /* progress: the mean of the plan's initiatives, a done one counting as 100 */
  g_assert_cmpuint (initiatives->len, ==, 3);
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[0], "progress", g_variant_new_int64 (30), NULL));
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[0], "status", g_variant_new_string ("on-track"), NULL));
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[1], "progress", g_variant_new_int64 (60), NULL));
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[1], "status", g_variant_new_string ("on-track"), NULL));
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[2], "progress", g_variant_new_int64 (10), NULL));
  g_assert_true (kurs_store_set (f->store, initiatives->pdata[2], "status", g_variant_new_string ("done"), NULL));
  g_assert_cmpint (kurs_health_plan_progress (f->store, plan), ==, 63);
}

/* CSV */

static int
import (Fixture     *f,
        const char  *text,
        GPtrArray  **problems,
        GError     **error)
{
  return kurs_csv_import (f->store, f->strategy, text, -1, problems, error);
}

static char *
stored_measurements (Fixture *f)
{
  g_autoptr(GPtrArray) indicators = kurs_store_list (f->store, KURS_ENTITY_INDICATOR, kurs_record_get_id (f->strategy),
                                                     NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      g_autoptr(GPtrArray) measurements = kurs_store_list (f->store, KURS_ENTITY_MEASUREMENT,
                                                           kurs_record_get_id (indicators->pdata[i]), NULL);

      for (guint k = 0; k < measurements->len; k++)
        g_string_append_printf (text, "%u %s %g %s\n", i, kurs_record_get_text (measurements->pdata[k], "date"),
                                kurs_record_get_real (measurements->pdata[k], "value"),
                                kurs_record_get_text (measurements->pdata[k], "note")
                                ? kurs_record_get_text (measurements->pdata[k], "note") : "-");
    }
  return g_string_free (text, FALSE);
}

/* The example's own measurements go, for the imported ones to be seen */
static void
forget_measurements (Fixture *f)
{
  g_autoptr(GPtrArray) measurements = kurs_store_list_by_strategy (f->store, KURS_ENTITY_MEASUREMENT,
                                                                   kurs_record_get_id (f->strategy), NULL);

  for (guint i = 0; i < measurements->len; i++)
    g_assert_true (kurs_store_delete (f->store, measurements->pdata[i], NULL));
}

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  int n;

  forget_measurements (f);

  /* Headings, commas, ISO and Danish dates, a quoted note with a comma */
  n = import (f, "indicator,date,value,note\n"
                 "Hjemløse borgere i Ballerup (VIVE's hjemløsetælling),2022-02-01,61,\"VIVE, 2022\"\n"
                 "Hjemløse borgere i Ballerup (VIVE's hjemløsetælling),01.02.2024,58\r\n"
                 "\n",
              &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A Danish sheet: semicolons and decimal commas, thousands with points,
   * with or without a decimal part */
  n = import (f, "\xef\xbb\xbfMåleparameter;Dato;Værdi\n"
                 "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2023;1.234,5\n"
                 "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2024;1.190\n"
                 "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2025;0.5\n",
              &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  g_clear_pointer (&problems, g_ptr_array_unref);

  text = stored_measurements (f);
  g_assert_cmpstr (text, ==, "0 2022-02-01 61 VIVE, 2022\n0 2024-02-01 58 -\n1 2023-12-31 1234.5 -\n"
                   "1 2024-12-31 1190 -\n1 2025-12-31 0.5 -\n");

  /* One import is one undo */
  g_assert_cmpstr (kurs_store_get_undo_label (f->store), ==, "Import measurements");
}

/* Read and checked in a thread, added here in one action: the same
 * measurements as an import in one go; a sheet with a bad line comes back
 * with its problems, and nothing is added */
typedef struct {
  GMainLoop    *loop;
  KursCsvSheet *sheet;
  GPtrArray    *problems;
  GError       *error;
} Reading;

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reading *reading = user_data;

  reading->sheet = kurs_csv_read_finish (result, &reading->problems, &reading->error);
  g_main_loop_quit (reading->loop);
}

static void
read_in_background (Fixture    *f,
                    const char *text,
                    Reading    *reading)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  reading->loop = g_main_loop_new (NULL, FALSE);
  kurs_csv_read_async (f->store, f->strategy, bytes, NULL, read_cb, reading);
  g_main_loop_run (reading->loop);
  g_main_loop_unref (reading->loop);
}

static void
test_csv_in_background (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Reading good = { 0 };
  Reading bad = { 0 };

  forget_measurements (f);

  read_in_background (f, "Måleparameter;Dato;Værdi;Note\n"
                         "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2023;1.234,5;Årsopgørelse\n"
                         "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2024;1190\n", &good);
  g_assert_no_error (good.error);
  g_assert_nonnull (good.sheet);
  g_assert_null (good.problems);
  /* nothing is stored until the sheet is imported, here */
  text = stored_measurements (f);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (kurs_csv_sheet_import (f->store, good.sheet, &error), ==, 2);
  g_assert_no_error (error);
  text = stored_measurements (f);
  g_assert_cmpstr (text, ==, "1 2023-12-31 1234.5 Årsopgørelse\n1 2024-12-31 1190 -\n");
  g_assert_cmpstr (kurs_store_get_undo_label (f->store), ==, "Import measurements");
  kurs_csv_sheet_free (good.sheet);

  read_in_background (f, "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.02.2025;7\n", &bad);
  g_assert_null (bad.sheet);
  g_assert_error (bad.error, KURS_CSV_ERROR, KURS_CSV_ERROR_DATE);
  g_assert_nonnull (bad.problems);
  g_assert_cmpuint (bad.problems->len, ==, 1);
  g_assert_cmpstr (((KursCsvProblem *) bad.problems->pdata[0])->message, ==,
                   "Line 1: “31.02.2025” is not a date (write 2024-09-30 or 30.09.2024)");
  g_clear_error (&bad.error);
  g_ptr_array_unref (bad.problems);
  g_clear_pointer (&text, g_free);
  text = stored_measurements (f);
  g_assert_cmpstr (text, ==, "1 2023-12-31 1234.5 Årsopgørelse\n1 2024-12-31 1190 -\n");
}

/* Each kind of bad line has its own message, with its line number; one
 * bad line, and nothing is imported */
static void
test_csv_errors (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char   *text;
    KursCsvError  code;
    const char   *message;
  } cases[] = {
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5\nUkendt måling,2023-12-31,5\n", KURS_CSV_ERROR_INDICATOR,
      "Line 2: the strategy has no indicator “Ukendt måling”" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5\nNøgletal på udsatteområdet: borgere på forsorgshjem,31.02.2024,5\n", KURS_CSV_ERROR_DATE,
      "Line 2: “31.02.2024” is not a date (write 2024-09-30 or 30.09.2024)" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,mange\n", KURS_CSV_ERROR_VALUE, "Line 1: “mange” is not a number" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31\n", KURS_CSV_ERROR_FIELDS,
      "Line 1: 2 fields; a measurement has 3 or 4: indicator, date, value, note" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5,\"en note\n", KURS_CSV_ERROR_QUOTE,
      "Line 1: a quoted field is not closed" },
    /* decimal numbers only, with a point or (in a Danish sheet) a comma */
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,0x1p3\n", KURS_CSV_ERROR_VALUE,
      "Line 1: “0x1p3” is not a number" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,inf\n", KURS_CSV_ERROR_VALUE,
      "Line 1: “inf” is not a number" },
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem;31.12.2023;1,2,3\n", KURS_CSV_ERROR_VALUE,
      "Line 1: “1,2,3” is not a number" },
    /* two files put together: the second's byte-order mark, named */
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5\n"
      "\xef\xbb\xbfNøgletal på udsatteområdet: borgere på forsorgshjem,2024-12-31,6\n", KURS_CSV_ERROR_ENCODING,
      "Line 2: a byte-order mark (an invisible character that belongs at the start of a file) is in the middle "
      "of the file; were two files put together?" },
    /* a note the store would refuse, said with its line */
    { "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5\n"
      "Nøgletal på udsatteområdet: borgere på forsorgshjem,2024-12-31,6,\"to\nlinjer\"\n", KURS_CSV_ERROR_VALUE,
      "Line 2: Note must be a single line" },
  };
  g_autofree char *before = stored_measurements (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *after = NULL;
      KursCsvProblem *problem;

      g_assert_cmpint (import (f, cases[i].text, &problems, &error), ==, -1);
      g_assert_error (error, KURS_CSV_ERROR, (int) cases[i].code);
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = problems->pdata[0];
      g_assert_cmpint (problem->code, ==, (int) cases[i].code);
      g_assert_cmpstr (problem->message, ==, cases[i].message);

      after = stored_measurements (f);
      g_assert_cmpstr (after, ==, before);
    }

  /* A note of more than a million characters: its line named */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = NULL;
    g_autofree char *note = g_strnfill (KURS_TEXT_MAX_CHARS + 1, 'n');
    g_autofree char *text = g_strdup_printf ("Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5,%s\n",
                                             note);
    g_autofree char *after = NULL;

    g_assert_cmpint (import (f, text, &problems, &error), ==, -1);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (((KursCsvProblem *) problems->pdata[0])->message, ==,
                     "Line 1: Note is too long: at most a million characters");
    after = stored_measurements (f);
    g_assert_cmpstr (after, ==, before);
  }

  /* Not text, and no lines at all */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (kurs_csv_import (f->store, f->strategy, "Nøgletal,2023-12-31,\xff\n", -1, NULL, &error), ==, -1);
    g_assert_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_ENCODING);
    g_clear_error (&error);
    g_assert_cmpint (import (f, "indikator,dato,værdi\n\n", NULL, &error), ==, -1);
    g_assert_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_EMPTY);
  }

  /* Too large to be a sheet of measurements: refused unread, nothing stored */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) huge = g_string_new (NULL);
    g_autofree char *after = NULL;

    while (huge->len <= KURS_CSV_MAX_BYTES)
      g_string_append (huge, "Nøgletal på udsatteområdet: borgere på forsorgshjem,2023-12-31,5\n");
    g_assert_cmpint (kurs_csv_import (f->store, f->strategy, huge->str, huge->len, NULL, &error), ==, -1);
    g_assert_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "The file is too large to be a sheet of measurements (more than 16 MB)");
    after = stored_measurements (f);
    g_assert_cmpstr (after, ==, before);

    g_clear_error (&error);
    g_assert_true (kurs_csv_check_size (KURS_CSV_MAX_BYTES, &error));
    g_assert_no_error (error);
  }
}

/* iCalendar, parsed back with libical */

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (event), summary) == 0)
      return event;
  return NULL;
}

static void
test_ical (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kurs_ical_export (f->store, f->strategy, &error);
  g_autofree char *path = g_build_filename (f->dir, "udsattestrategi.ics", NULL);
  icalcomponent *calendar, *event;
  icalproperty *rrule;
  struct icalrecurrencetype rule;
  struct icaltimetype start, end;
  guint n_events = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  /* 18 milestones and the deadlines of the four plans' 9 initiatives */
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      n_events++;
    }
  g_assert_cmpuint (n_events, ==, 18 + 9);

  /* The seminar: two whole days, the end exclusive */
  event = find_event (calendar, "Seminar: Udsattestrategi – for hvem og hvilke fokusområder?");
  g_assert_nonnull (event);
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (start.is_date);
  g_assert_cmpint (start.year * 10000 + start.month * 100 + start.day, ==, 20220520);
  g_assert_cmpint (end.year * 10000 + end.month * 100 + end.day, ==, 20220522);
  g_assert_cmpstr (icalproperty_get_location (icalcomponent_get_first_property (event, ICAL_LOCATION_PROPERTY)),
                   ==, "Socialudvalget");

  /* The homelessness count: every second year until 2028 */
  event = find_event (calendar, "VIVE's hjemløsetælling: dataindsamling");
  g_assert_nonnull (event);
  rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_nonnull (rrule);
  rule = icalproperty_get_rrule (rrule);
  g_assert_cmpint (rule.freq, ==, ICAL_YEARLY_RECURRENCE);
  g_assert_cmpint (rule.interval, ==, 2);
  g_assert_cmpint (rule.until.year, ==, 2028);
  {
    /* …which libical expands to 2024, 2026, 2028 */
    icalrecur_iterator *iterator = icalrecur_iterator_new (rule, icalcomponent_get_dtstart (event));
    struct icaltimetype next;
    GString *years = g_string_new (NULL);

    while (!icaltime_is_null_time (next = icalrecur_iterator_next (iterator)))
      g_string_append_printf (years, "%d ", next.year);
    icalrecur_iterator_free (iterator);
    g_assert_cmpstr (years->str, ==, "2024 2026 2028 ");
    g_string_free (years, TRUE);
  }

  /* A one-off has no rule; an initiative's deadline is its last day */
  g_assert_null (icalcomponent_get_first_property (find_event (calendar, "Socialudvalget godkender strategien endeligt"),
                                                   ICAL_RRULE_PROPERTY));
  event = find_event (calendar, "Deadline: Fokus på implementering og drift");
  g_assert_nonnull (event);
  start = icalcomponent_get_dtstart (event);
  g_assert_cmpint (start.year * 10000 + start.month * 100 + start.day, ==, 20241231);

  icalcomponent_free (calendar);

  g_assert_true (kurs_ical_export_file (f->store, f->strategy, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Text as typed, whatever it holds: escaped, and long lines folded
 * (RFC 5545: 75 octets, never inside a character), so that a calendar
 * reads it back exactly */
static void
test_ical_text (Fixture       *f,
                gconstpointer  data)
{
  const char *title = "Møde; budget, mål \\ prioriteter – Socialudvalgets og Beskæftigelsesudvalgets fælles temamøde om udsatte borgere";
  const char *agenda = "Punkt 1: Godkendelse af dagsorden\nPunkt 2: Høringssvar, også fra Rådet for Socialt Udsatte; drøftelse";
  g_autoptr(GPtrArray) milestones = kurs_store_list (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (f->strategy),
                                                     NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar, *event;

  g_assert_true (kurs_store_set_text (f->store, milestones->pdata[0], "title", title, &error));
  g_assert_no_error (error);
  g_assert_true (kurs_store_set_text (f->store, milestones->pdata[0], "agenda", agenda, &error));
  g_assert_no_error (error);

  text = kurs_ical_export (f->store, f->strategy, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));

  /* Every line ends in CRLF, is at most 75 octets, and is valid UTF-8 */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  /* Unfolded, the escapes are RFC 5545's: \\ \; \, and \n */
  {
    g_autoptr(GString) unfolded = g_string_new (text);

    g_string_replace (unfolded, "\r\n ", "", 0);
    g_assert_nonnull (strstr (unfolded->str, "\r\nSUMMARY:Møde\\; budget\\, mål \\\\ prioriteter – Socialudvalgets"));
    g_assert_nonnull (strstr (unfolded->str, "\r\nDESCRIPTION:Punkt 1: Godkendelse af dagsorden\\nPunkt 2: "
                                             "Høringssvar\\, også fra Rådet for Socialt Udsatte\\; drøftelse\r\n"));
  }

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  event = find_event (calendar, title);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_description (event), ==, agenda);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/follow-up/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("health/thresholds", test_health_thresholds);
  ADD ("health/coverage", test_coverage);
  ADD ("csv/import", test_csv_import);
  ADD ("csv/errors", test_csv_errors);
  ADD ("csv/in-background", test_csv_in_background);
  ADD ("ical/parsed-back", test_ical);
  ADD ("ical/text-as-typed", test_ical_text);

  return g_test_run ();
}
