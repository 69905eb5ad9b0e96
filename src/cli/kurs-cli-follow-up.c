/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

/* The manager's desk from the command line: the action plans and their
 * initiatives, measurements one by one or from CSV, the calendar, and
 * the strategy as PDF. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kurs-baseline.h"
#include "kurs-chart.h"
#include "kurs-cli.h"
#include "kurs-csv-import.h"
#include "kurs-input-file.h"
#include "kurs-health.h"
#include "kurs-ical-export.h"
#include "kurs-strategy-document.h"


static const char *
health_nick (KursHealth health)
{
  static const char * const nicks[] = { "not-due", "on-track", "at-risk", "behind", "done" };

  return nicks[health];
}

/* A date, or "-" */
static char *
date_text (KursDate date)
{
  return date != KURS_DATE_NONE ? kurs_date_to_iso (date) : g_strdup ("-");
}

/* plan ID PLAN --baseline: each initiative against the latest approved
 * version, then those dropped since */
static int
print_baseline (KursCli    *cli,
                KursRecord *strategy,
                KursRecord *plan,
                KursDate    today)
{
  g_autoptr(KursBaseline) baseline = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  GError *error = NULL;

  if (!(baseline = kurs_baseline_new (cli->store, strategy, today, &error)))
    {
      if (error == NULL)
        g_set_error (&error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                     _("“%s” has no approved version, so its plans have no baseline"),
                     kurs_record_get_title (strategy));
      return kurs_cli_fail (error);
    }

  /* N, kept|new, BASELINE START, BASELINE END, START MOVED, END MOVED (days), PLANNED, PROGRESS, TITLE */
  initiatives = kurs_store_list (cli->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), NULL);
  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];
      const KursBaselineInitiative *entry = kurs_baseline_find (baseline, kurs_record_get_id (initiative));
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      KursInitiativeHealth health;

      kurs_health_of_initiative (initiative, plan, today, &health);
      if (entry == NULL || !entry->in_baseline)
        {
          g_print ("%" G_GINT64_FORMAT "\tnew\t-\t-\t-\t-\t-\t%d\t%s\n", kurs_record_get_id (initiative),
                   health.progress, kurs_record_get_title (initiative));
          continue;
        }
      start = date_text (entry->baseline_start);
      end = date_text (entry->baseline_end);
      g_print ("%" G_GINT64_FORMAT "\tkept\t%s\t%s\t%+d\t%+d\t%d\t%d\t%s\n", kurs_record_get_id (initiative),
               start, end, entry->start_moved, entry->end_moved, entry->planned, health.progress,
               kurs_record_get_title (initiative));
    }

  /* -, dropped, BASELINE START, BASELINE END, -, -, PLANNED, -, TITLE */
  dropped = kurs_baseline_get_dropped (baseline, kurs_record_get_id (plan));
  for (guint i = 0; i < dropped->len; i++)
    {
      const KursBaselineInitiative *entry = dropped->pdata[i];
      g_autofree char *start = date_text (entry->baseline_start);
      g_autofree char *end = date_text (entry->baseline_end);

      g_print ("-\tdropped\t%s\t%s\t-\t-\t%d\t-\t%s\n", start, end, entry->planned, entry->title);
    }
  return KURS_CLI_EXIT_OK;
}

/* plan ID [PLAN] [--baseline]: the plans, or one plan's initiatives, or
 * how they have moved since the baseline */
int
kurs_cli_run_plan (KursCli  *cli,
                   int       argc,
                   char    **argv)
{
  g_autoptr(KursRecord) strategy = NULL;
  KursDate today = kurs_date_today ();
  gboolean baseline = FALSE;
  GOptionEntry entries[] = {
    { "baseline", 0, 0, G_OPTION_ARG_NONE, &baseline,
      N_("Against the latest approved version: N, kept|new|dropped, baseline start and end, days the start and "
         "end moved, progress planned by today, progress, title"), NULL },
    { NULL }
  };
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("plan", "ID [PLAN [--baseline]]", entries, &argc, &argv, 1, 2)) >= 0)
    return rc;
  if (baseline && argc != 3)
    return kurs_cli_usage ("plan", _("--baseline is for one plan: plan ID PLAN --baseline"));
  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (argc == 2)
    {
      g_autoptr(GPtrArray) plans = kurs_store_list (cli->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy),
                                                    NULL);
      g_autoptr(KursRecord) current = kurs_health_current_plan (cli->store, strategy, today);

      /* N, START, END, PROGRESS, GOALS WITHOUT AN INITIATIVE, current|-, TITLE */
      for (guint i = 0; i < plans->len; i++)
        {
          KursRecord *plan = plans->pdata[i];
          g_autoptr(GPtrArray) uncovered = kurs_health_uncovered_goals (cli->store, plan);
          int progress = kurs_health_plan_progress (cli->store, plan);
          g_autofree char *progress_text = progress < 0 ? g_strdup ("-") : g_strdup_printf ("%d", progress);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%s\t%s\n", kurs_record_get_id (plan),
                   kurs_record_get_text (plan, "start_date"), kurs_record_get_text (plan, "end_date"),
                   progress_text, uncovered->len, plan == current ? "current" : "-", kurs_record_get_title (plan));
        }
      return KURS_CLI_EXIT_OK;
    }

  {
    g_autoptr(KursRecord) plan = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_ACTION_PLAN, argv[2], &error);
    g_autoptr(GPtrArray) initiatives = NULL;
    g_autoptr(GPtrArray) uncovered = NULL;

    if (plan == NULL)
      return kurs_cli_fail (error);
    if (baseline)
      return print_baseline (cli, strategy, plan, today);

    /* N, STATUS, PROGRESS, EXPECTED, HEALTH, TITLE; then the goals without one */
    initiatives = kurs_store_list (cli->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), NULL);
    for (guint i = 0; i < initiatives->len; i++)
      {
        KursRecord *initiative = initiatives->pdata[i];
        KursInitiativeHealth health;

        kurs_health_of_initiative (initiative, plan, today, &health);
        g_print ("%" G_GINT64_FORMAT "\t%s\t%d\t%d\t%s\t%s\n", kurs_record_get_id (initiative),
                 kurs_record_get_text (initiative, "status"), health.progress, health.expected,
                 health_nick (health.health), kurs_record_get_title (initiative));
      }
    uncovered = kurs_health_uncovered_goals (cli->store, plan);
    for (guint i = 0; i < uncovered->len; i++)
      g_print ("uncovered\t%" G_GINT64_FORMAT "\t%s\n", kurs_record_get_id (uncovered->pdata[i]),
               kurs_record_get_title (uncovered->pdata[i]));
  }
  return KURS_CLI_EXIT_OK;
}

/* initiative ID PLAN --title T …: adds one, with the goals it serves */
int
kurs_cli_run_initiative (KursCli  *cli,
                         int       argc,
                         char    **argv)
{
  g_autofree char *title = NULL, *owner = NULL, *start = NULL, *end = NULL, *status = NULL;
  g_auto(GStrv) goals = NULL;
  int progress = 0;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The initiative’s title"), N_("TITLE") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who is responsible"), N_("NAME") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("When it begins"), N_("YYYY-MM-DD") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("When it is to be done"), N_("YYYY-MM-DD") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("not-started, on-track, at-risk, delayed or done"),
      N_("STATUS") },
    { "progress", 0, 0, G_OPTION_ARG_INT, &progress, N_("How far it has come, 0–100"), N_("N") },
    { "goal", 0, 0, G_OPTION_ARG_STRING_ARRAY, &goals, N_("A development goal it serves; may be repeated"),
      N_("N") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) plan = NULL;
  g_autoptr(KursRecord) initiative = NULL;
  const KursEntityInfo *info = kurs_entity_info (KURS_ENTITY_INITIATIVE);
  const char *names[] = { "title", "owner", "start_date", "end_date", "status", "progress" };
  const char *texts[G_N_ELEMENTS (names)];
  GVariant *values[G_N_ELEMENTS (names)] = { NULL };
  g_autofree char *progress_text = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("initiative", "ID PLAN --title TITLE", entries, &argc, &argv, 2, 2)) >= 0)
    return rc;
  if (title == NULL)
    return kurs_cli_usage ("initiative", _("--title is needed"));

  progress_text = g_strdup_printf ("%d", progress);
  texts[0] = title, texts[1] = owner, texts[2] = start, texts[3] = end;
  texts[4] = status ? status : "not-started", texts[5] = progress_text;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (texts[i] != NULL)
      {
        const KursField *field = kurs_entity_info_get_field (info, names[i]);

        if (!(values[i] = kurs_field_parse_value (field, texts[i], &error)))
          break;
        g_variant_ref_sink (values[i]);
      }
  if (error == NULL && kurs_cli_open (cli, TRUE, &error)
      && (strategy = kurs_cli_find_strategy (cli, argv[1], &error)) != NULL)
    plan = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_ACTION_PLAN, argv[2], &error);
  if (error != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_clear_pointer (&values[i], g_variant_unref);
      return kurs_cli_fail (error);
    }

  /* One action: the initiative and its goals, or nothing */
  if (kurs_store_begin (cli->store, _("Add initiative"), &error))
    {
      initiative = kurs_store_createv (cli->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan),
                                       G_N_ELEMENTS (names), names, values, &error);
      for (guint i = 0; initiative != NULL && goals != NULL && goals[i] && error == NULL; i++)
        {
          g_autoptr(KursRecord) goal = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_GOAL, goals[i], &error);
          g_autoptr(KursRecord) link = NULL;

          if (goal != NULL)
            link = kurs_store_create (cli->store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                                      "goal_id", g_variant_new_int64 (kurs_record_get_id (goal)), NULL);
        }
      if (error != NULL || initiative == NULL)
        kurs_store_rollback (cli->store);
      else
        kurs_store_commit (cli->store, &error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_clear_pointer (&values[i], g_variant_unref);
  if (error != NULL)
    return kurs_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_id (initiative));
  return KURS_CLI_EXIT_OK;
}

/* measure ID INDICATOR [--date D --value V [--note T]] */
int
kurs_cli_run_measure (KursCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_autofree char *date = NULL, *value = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was measured"), N_("YYYY-MM-DD") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The value, with a point for decimals"), N_("NUMBER") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) indicator = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("measure", "ID INDICATOR [--date D --value V]", entries, &argc, &argv, 2, 2)) >= 0)
    return rc;
  if ((date == NULL) != (value == NULL))
    return kurs_cli_usage ("measure", _("--date and --value go together"));
  if (!kurs_cli_check_text ("--note", note, &error)
      || !kurs_cli_open (cli, date != NULL, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(indicator = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_INDICATOR, argv[2], &error)))
    return kurs_cli_fail (error);

  if (date == NULL)
    {
      g_autoptr(GPtrArray) measurements = kurs_store_list (cli->store, KURS_ENTITY_MEASUREMENT,
                                                           kurs_record_get_id (indicator), NULL);
      const KursField *field = kurs_entity_info_get_field (kurs_entity_info (KURS_ENTITY_MEASUREMENT), "value");

      /* DATE, VALUE, NOTE */
      for (guint i = 0; i < measurements->len; i++)
        {
          g_autofree char *number = kurs_field_format_value (field, kurs_record_get_value (measurements->pdata[i], "value"));
          const char *text = kurs_record_get_text (measurements->pdata[i], "note");

          g_print ("%s\t%s\t%s\n", kurs_record_get_text (measurements->pdata[i], "date"), number, text ? text : "");
        }
      return KURS_CLI_EXIT_OK;
    }

  {
    const KursEntityInfo *info = kurs_entity_info (KURS_ENTITY_MEASUREMENT);
    g_autoptr(GVariant) date_value = NULL, number = NULL;
    g_autoptr(KursRecord) measurement = NULL;
    g_autofree char *iso = kurs_date_normalise (date);

    if (!(date_value = kurs_field_parse_value (kurs_entity_info_get_field (info, "date"), iso, &error))
        || !(number = kurs_field_parse_value (kurs_entity_info_get_field (info, "value"), value, &error)))
      return kurs_cli_fail (error);
    g_variant_ref_sink (date_value);
    g_variant_ref_sink (number);

    measurement = kurs_store_create (cli->store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (indicator), &error,
                                     "date", date_value, "value", number,
                                     "note", note ? g_variant_new_string (note) : NULL, NULL);
    if (measurement == NULL)
      return kurs_cli_fail (error);
    g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_id (measurement));
  }
  return KURS_CLI_EXIT_OK;
}

/* import-csv ID FILE */
int
kurs_cli_run_import_csv (KursCli  *cli,
                         int       argc,
                         char    **argv)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) contents = NULL;
  GError *error = NULL;
  gboolean too_large = FALSE;
  const char *text;
  gsize length;
  int rc, n;

  if ((rc = kurs_cli_parse ("import-csv", "ID FILE", NULL, &argc, &argv, 2, 2)) >= 0)
    return rc;
  /* A huge file is refused without being read whole */
  contents = kurs_input_file_read (argv[2], KURS_CSV_MAX_BYTES, &too_large, &error);
  if (too_large)
    kurs_csv_check_size (G_MAXINT64, &error);
  if (contents == NULL
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  text = g_bytes_get_data (contents, &length);
  n = kurs_csv_import (cli->store, strategy, text, length, &problems, &error);
  if (n < 0)
    {
      /* A line for each bad line of the file, then what it came to */
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_printerr ("kurs-cli: %s: %s\n", argv[2], ((KursCsvProblem *) problems->pdata[i])->message);
      return kurs_cli_fail (error);
    }

  g_print ("%d\n", n);
  return KURS_CLI_EXIT_OK;
}

static int
write_output (const char *command,
              const char *output,
              KursCli    *cli,
              const char *id,
              gboolean  (*write) (KursStore *, KursRecord *, const char *, GError **))
{
  g_autoptr(KursRecord) strategy = NULL;
  GError *error = NULL;

  if (output == NULL)
    return kurs_cli_usage (command, _("-o FILE is needed"));
  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, id, &error))
      || !write (cli->store, strategy, output, &error))
    return kurs_cli_fail (error);
  return KURS_CLI_EXIT_OK;
}

/* export-ics ID -o FILE */
int
kurs_cli_run_export_ics (KursCli  *cli,
                         int       argc,
                         char    **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The calendar file to write"), N_("FILE") },
    { NULL }
  };
  int rc;

  if ((rc = kurs_cli_parse ("export-ics", "ID -o FILE.ics", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  return write_output ("export-ics", output, cli, argv[1], kurs_ical_export_file);
}

/* print-pdf ID -o FILE [--changes-since N]: the strategy, and with
 * --changes-since the appendix of what changed since version N */
int
kurs_cli_run_print_pdf (KursCli  *cli,
                        int       argc,
                        char    **argv)
{
  g_autofree char *output = NULL;
  gint since = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("FILE") },
    { "changes-since", 0, 0, G_OPTION_ARG_INT, &since,
      N_("Add an appendix of the changes since this approved version"), N_("N") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursPrintDocument) document = NULL;
  g_autoptr(KursComparison) comparison = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("print-pdf", "ID -o FILE.pdf [--changes-since N]", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (output == NULL)
    return kurs_cli_usage ("print-pdf", _("-o FILE is needed"));
  if (since < 0)
    return kurs_cli_usage ("print-pdf", _("--changes-since takes a version number"));

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || (since > 0 && !(comparison = kurs_comparison_new (cli->store, strategy, since, KURS_COMPARISON_DRAFT,
                                                            &error))))
    return kurs_cli_fail (error);

  document = kurs_strategy_document_new (cli->store, strategy);
  if (comparison != NULL)
    kurs_strategy_document_add_changes (document, comparison);
  if (!kurs_print_document_write_pdf (document, output, &error))
    return kurs_cli_fail (error);
  return KURS_CLI_EXIT_OK;
}
