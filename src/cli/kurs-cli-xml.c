/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kurs-approval.h"
#include "kurs-cli.h"
#include "kurs-input-file.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"
#include "kurs-xml.h"

/* Approval, versions and XML: status, approve, versions, export, import,
 * validate. */

static gboolean
parse_status (const char          *text,
              KursStrategyStatus  *status,
              GError             **error)
{
  int value = kurs_enum_info_from_nick (&kurs_strategy_status_enum, text);

  if (value < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a status; use draft, in-hearing or adopted"), text);
      return FALSE;
    }

  *status = value;
  return TRUE;
}

int
kurs_cli_run_status (KursCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the decision (default: today)"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &body, N_("Who decided"), N_("NAME") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  KursStrategyStatus status;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("status", "ID draft|in-hearing|adopted", entries, &argc, &argv, 2, 2)) >= 0)
    return rc;

  if (!parse_status (argv[2], &status, &error)
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !kurs_approval_set_status (cli->store, strategy, status, date, body, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}

int
kurs_cli_run_approve (KursCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of approval (default: today)"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &body, N_("Who approved (default: the strategy’s committee)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) version = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("approve", "ID", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;

  if (!kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(version = kurs_approval_approve (cli->store, strategy, date, body, &error)))
    return kurs_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_int (version, "number"));
  return KURS_CLI_EXIT_OK;
}

int
kurs_cli_run_versions (KursCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("versions", "ID", NULL, &argc, &argv, 1, 1)) >= 0)
    return rc;

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  /* NUMBER<TAB>DATE<TAB>APPROVED BY */
  versions = kurs_store_list (cli->store, KURS_ENTITY_VERSION, kurs_record_get_id (strategy), NULL);
  for (guint i = 0; i < versions->len; i++)
    g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n",
             kurs_record_get_int (versions->pdata[i], "number"),
             kurs_record_get_text (versions->pdata[i], "approved_date"),
             kurs_record_get_text (versions->pdata[i], "approved_by") ?: "");

  return KURS_CLI_EXIT_OK;
}

static gboolean
write_output (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  /* Written beside and renamed into place: never half a file. */
  return g_file_set_contents (path, data, length, error);
}

int
kurs_cli_run_export (KursCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autofree char *output = NULL;
  gint version = 0;
  gboolean draft = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (- for standard output)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("The approved version to export (default: the latest)"), N_("N") },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft, N_("Export the live draft, marked as a draft"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GBytes) xml = NULL;
  GError *error = NULL;
  gint64 number;
  int rc;

  if ((rc = kurs_cli_parse ("export", "ID -o FILE", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (output == NULL)
    return kurs_cli_usage ("export", _("Name the file to write with -o FILE"));
  if ((rc = kurs_cli_check_version ("export", version, draft, &number)) >= 0)
    return rc;

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (number == KURS_XML_EXPORT_DRAFT)
    xml = kurs_xml_export_live (cli->store, strategy, NULL, &error);
  else
    xml = kurs_xml_export_version (cli->store, strategy, number, &error);

  if (xml == NULL || !write_output (output, xml, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  gboolean too_large;
  GBytes *contents = kurs_input_file_read (path, KURS_XML_MAX_BYTES, &too_large, error);

  /* A huge file is refused without being read whole */
  if (too_large)
    g_set_error (error, KURS_XML_ERROR, KURS_XML_ERROR_TOO_LARGE,
                 _("The file is too large to be a strategy (more than %d MB)"),
                 KURS_XML_MAX_BYTES / (1024 * 1024));
  return contents;
}

int
kurs_cli_run_import (KursCli  *cli,
                     int       argc,
                     char    **argv)
{
  gboolean as_copy = FALSE;
  GOptionEntry entries[] = {
    { "as-copy", 0, 0, G_OPTION_ARG_NONE, &as_copy,
      N_("Add it as a new strategy even if it is already in the library"), NULL },
    { NULL }
  };
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("import", "FILE", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;

  if (!(xml = read_input (argv[1], &error))
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_xml_import (cli->store, xml,
                                       as_copy ? KURS_XML_IMPORT_AS_COPY : KURS_XML_IMPORT_DEFAULT,
                                       &error)))
    return kurs_cli_fail (error);

  id = kurs_store_get_short_id (cli->store, strategy);
  g_print ("%s\n", id);
  return KURS_CLI_EXIT_OK;
}

int
kurs_cli_run_validate (KursCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) problem = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("validate", "FILE", NULL, &argc, &argv, 1, 1)) >= 0)
    return rc;

  if (!(xml = read_input (argv[1], &error)))
    return kurs_cli_fail (error);

  if (kurs_xml_validate (xml, &messages, &problem))
    {
      g_print (_("%s: valid\n"), argv[1]);
      return KURS_CLI_EXIT_OK;
    }

  /* One problem a line, each with the line it is on */
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s: %s\n", argv[1], (const char *) messages->pdata[i]);

  return KURS_CLI_EXIT_ERROR;
}
