/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

/* The consultant's workbench from the command line: plan the process,
 * send a draft to hearing, see who has answered, and print the hearing
 * summary as PDF. */

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-document-export.h"
#include "kurs-hearing-summary.h"
#include "kurs-hearing.h"
#include "kurs-process-plan.h"

static gboolean
parse_date (const char  *option,
            const char  *text,
            KursDate    *date,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!kurs_cli_check_text (option, text, error))
    return FALSE;
  if (!kurs_date_parse_typed (text, date, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s: %s", option, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* plan-process */

int
kurs_cli_run_plan_process (KursCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_autofree char *approval = NULL;
  g_autofree char *committee = NULL;
  int weeks = G_MININT;   /* not given */
  gboolean by_law = FALSE;
  gboolean replace = FALSE;
  GOptionEntry entries[] = {
    { "approval", 0, 0, G_OPTION_ARG_STRING, &approval, N_("The day of the final approval"), N_("YYYY-MM-DD") },
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee, N_("The committee (the strategy’s own by default)"),
      N_("NAME") },
    { "hearing-weeks", 0, 0, G_OPTION_ARG_INT, &weeks,
      N_("How long the hearing lasts (4 weeks by default, 8 with --by-law)"), N_("N") },
    { "by-law", 0, 0, G_OPTION_ARG_NONE, &by_law, N_("The law requires the hearing: at least 8 weeks"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the steps of an earlier plan that have not been held"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  GError *error = NULL;
  KursDate date;
  int rc;

  if ((rc = kurs_cli_parse ("plan-process", "ID --approval YYYY-MM-DD [--replace]", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (approval == NULL)
    return kurs_cli_usage ("plan-process", _("--approval is needed"));

  if (!parse_date ("--approval", approval, &date, &error)
      || !kurs_cli_check_text ("--committee", committee, &error)
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  round = kurs_process_plan_create (cli->store, strategy, date,
                                    committee ? committee : kurs_record_get_text (strategy, "committee"),
                                    kurs_process_plan_hearing_weeks (weeks == G_MININT ? -1 : MAX (weeks, 0), by_law),
                                    by_law,
                                    replace ? KURS_PROCESS_PLAN_REPLACE : KURS_PROCESS_PLAN_DEFAULT, &error);
  if (round == NULL)
    {
      /* Says how to go on from the command line */
      if (g_error_matches (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_EXISTS) && !replace)
        {
          g_autofree char *message = g_strdup_printf (_("%s (with --replace)"), error->message);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      return kurs_cli_fail (error);
    }

  g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_id (round));
  return KURS_CLI_EXIT_OK;
}

/* send-to-hearing */

int
kurs_cli_run_send_to_hearing (KursCli  *cli,
                              int       argc,
                              char    **argv)
{
  g_autofree char *milestone_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_auto(GStrv) party_texts = NULL;
  GOptionEntry entries[] = {
    { "milestone", 0, 0, G_OPTION_ARG_STRING, &milestone_text, N_("The hearing milestone it belongs to"), N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The round’s title (the milestone’s by default)"),
      N_("TITLE") },
    { "sent", 0, 0, G_OPTION_ARG_STRING, &sent_text, N_("The day it is sent (the milestone’s start by default)"),
      N_("YYYY-MM-DD") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline_text, N_("The deadline (the milestone’s end by default)"),
      N_("YYYY-MM-DD") },
    { "party", 0, 0, G_OPTION_ARG_STRING_ARRAY, &party_texts, N_("A stakeholder to hear; may be repeated"), N_("N") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) milestone = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(GArray) parties = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;
  KursDate sent = KURS_DATE_NONE, deadline = KURS_DATE_NONE;
  int rc;

  if ((rc = kurs_cli_parse ("send-to-hearing", "ID --party N… [--milestone N] [--deadline D]", entries,
                            &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (party_texts == NULL)
    return kurs_cli_usage ("send-to-hearing", _("Name the parties with --party"));

  if ((sent_text && !parse_date ("--sent", sent_text, &sent, &error))
      || (deadline_text && !parse_date ("--deadline", deadline_text, &deadline, &error))
      || !kurs_cli_check_text ("--title", title, &error)
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || (milestone_text && !(milestone = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_MILESTONE, milestone_text, &error))))
    return kurs_cli_fail (error);

  for (guint i = 0; party_texts[i]; i++)
    {
      g_autoptr(KursRecord) stakeholder = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_STAKEHOLDER, party_texts[i], &error);
      gint64 id;

      if (stakeholder == NULL)
        return kurs_cli_fail (error);
      id = kurs_record_get_id (stakeholder);
      g_array_append_val (parties, id);
    }

  if (milestone != NULL)
    {
      if (sent == KURS_DATE_NONE)
        sent = kurs_record_get_date (milestone, "start_date");
      if (deadline == KURS_DATE_NONE && kurs_record_has_value (milestone, "end_date"))
        deadline = kurs_record_get_date (milestone, "end_date");
    }
  if (sent == KURS_DATE_NONE)
    sent = kurs_date_today ();
  if (deadline == KURS_DATE_NONE)
    deadline = sent + 7 * KURS_HEARING_WEEKS_DEFAULT;

  /* The milestone's round, where it has one (plan-process made it), is
   * filled rather than a second one sent */
  round = kurs_hearing_create_round (cli->store, strategy, milestone, title,
                                     sent, deadline, (const gint64 *) parties->data, parties->len, &error);
  if (round == NULL)
    return kurs_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_id (round));
  return KURS_CLI_EXIT_OK;
}

/* hearing: who has answered */

static const char *
state_nick (KursHearingState state)
{
  switch (state)
    {
    case KURS_HEARING_ANSWERED:
      return "answered";
    case KURS_HEARING_AWAITING:
      return "awaiting";
    case KURS_HEARING_OVERDUE:
    default:
      return "overdue";
    }
}

int
kurs_cli_run_hearing (KursCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  KursDate today = kurs_date_today ();
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("hearing", "ID [ROUND]", NULL, &argc, &argv, 1, 2)) >= 0)
    return rc;
  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (argc > 2)
    {
      KursRecord *round = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_HEARING_ROUND, argv[2], &error);

      if (round == NULL)
        return kurs_cli_fail (error);
      rounds = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (rounds, round);
    }
  else
    rounds = kurs_store_list (cli->store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (strategy), NULL);

  /* ROUND, PARTY (stakeholder), STATE, RESPONSE DATE, NAME: one party a line */
  for (guint i = 0; i < rounds->len; i++)
    {
      KursRecord *round = rounds->pdata[i];
      KursDate deadline = kurs_record_get_date (round, "deadline");
      g_autoptr(GPtrArray) parties = kurs_store_list (cli->store, KURS_ENTITY_HEARING_PARTY,
                                                      kurs_record_get_id (round), NULL);

      for (guint k = 0; k < parties->len; k++)
        {
          KursRecord *party = parties->pdata[k];
          g_autofree char *name = kurs_hearing_party_name (cli->store, party);
          const char *response = kurs_record_get_text (party, "response_date");

          g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", kurs_record_get_id (round),
                   kurs_record_get_int (party, "stakeholder_id"),
                   state_nick (kurs_hearing_party_state (party, deadline, today)),
                   response ? response : "-", name);
        }
    }

  return KURS_CLI_EXIT_OK;
}

/* hearing-summary */

int
kurs_cli_run_hearing_summary (KursCli  *cli,
                              int       argc,
                              char    **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF or OpenDocument text to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) round = NULL;
  g_autoptr(KursPrintDocument) summary = NULL;
  g_autofree char *lower = NULL;
  gboolean odt;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("hearing-summary", "ID ROUND -o FILE.pdf|FILE.odt", entries, &argc, &argv, 2, 2)) >= 0)
    return rc;
  if (output == NULL)
    return kurs_cli_usage ("hearing-summary", _("-o FILE is needed"));
  /* the file's extension picks the format */
  lower = g_ascii_strdown (output, -1);
  odt = g_str_has_suffix (lower, ".odt");
  if (!odt && !g_str_has_suffix (lower, ".pdf"))
    return kurs_cli_usage ("hearing-summary", _("Name a .pdf or an .odt file"));

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(round = kurs_cli_find_record_text (cli, strategy, KURS_ENTITY_HEARING_ROUND, argv[2], &error)))
    return kurs_cli_fail (error);

  if (odt)
    {
      if (!kurs_document_export_hearing_summary (cli->store, round, output, &error))
        return kurs_cli_fail (error);
      return KURS_CLI_EXIT_OK;
    }
  summary = kurs_hearing_summary_new (cli->store, round);
  if (!kurs_print_document_write_pdf (summary, output, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}
