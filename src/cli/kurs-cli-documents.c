/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-document-export.h"
#include "kurs-spreadsheet.h"
#include "kurs-xml-export.h"

/* Documents for a word processor and a spreadsheet: export-odt, export-sheet */

/* export-odt ID [--version N | --draft] -o FILE.odt */
int
kurs_cli_run_export_odt (KursCli  *cli,
                         int       argc,
                         char    **argv)
{
  g_autofree char *output = NULL;
  gint version = 0;
  gboolean draft = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The document to write"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("The approved version to write (default: the latest)"), N_("N") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, N_("Write the draft as it is now"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  GError *error = NULL;
  gint64 number;
  int rc;

  if ((rc = kurs_cli_parse ("export-odt", "ID [--version N | --draft] -o FILE.odt", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (output == NULL)
    return kurs_cli_usage ("export-odt", _("-o FILE is needed"));
  if ((rc = kurs_cli_check_version ("export-odt", version, draft, &number)) >= 0)
    return rc;

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !kurs_document_export_strategy (cli->store, strategy,
                                         number == KURS_XML_EXPORT_DRAFT ? KURS_DOCUMENT_DRAFT : number,
                                         output, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}

/* export-sheet ID -o FILE.xlsx */
int
kurs_cli_run_export_sheet (KursCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The spreadsheet to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("export-sheet", "ID -o FILE.xlsx", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (output == NULL)
    return kurs_cli_usage ("export-sheet", _("-o FILE is needed"));

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !kurs_spreadsheet_write (cli->store, strategy, output, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}
