/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-library-copy.h"
#include "kurs-server.h"

/* server-init: sets up a team library in an empty PostgreSQL database */

int
kurs_cli_run_server_init (KursCli  *cli,
                          int       argc,
                          char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *grants = NULL;
  KursServerInitResult result;
  int rc;

  if ((rc = kurs_cli_parse ("server-init", "ADDRESS", NULL, &argc, &argv, 1, 1)) >= 0)
    return rc;

  if (!kurs_server_is_address (argv[1]))
    {
      g_set_error (&error, KURS_SERVER_ERROR, KURS_SERVER_ERROR_ADDRESS,
                   _("“%s” is not the address of a PostgreSQL server (postgresql://HOST/DATABASE, or "
                     "service=NAME)"), argv[1]);
      return kurs_cli_fail (g_steal_pointer (&error));
    }
  if (!kurs_server_init (argv[1], &result, &where, &error))
    return kurs_cli_fail (g_steal_pointer (&error));

  switch (result)
    {
    case KURS_SERVER_INIT_ALREADY:
      g_print (_("Kurs is already set up in the %s; nothing was changed."), where);
      g_print ("\n");
      return KURS_CLI_EXIT_OK;
    case KURS_SERVER_INIT_UPDATED:
      g_print (_("Kurs’s schema in the %s was brought up to date."), where);
      break;
    case KURS_SERVER_INIT_CREATED:
    default:
      g_print (_("Kurs is set up in the %s: its schema “kurs” and the roles kurs_editor, kurs_follow_up and "
                 "kurs_reader."), where);
      break;
    }
  grants = kurs_server_describe_grants ();
  g_print ("\n\n%s", grants);
  return KURS_CLI_EXIT_OK;
}

/* copy: a whole library from a file or server to an empty file or server */

int
kurs_cli_run_copy (KursCli  *cli,
                   int       argc,
                   char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *strategies = NULL;
  g_autofree char *rows = NULL;
  guint64 n_strategies = 0, n_rows = 0;
  int rc;

  if ((rc = kurs_cli_parse ("copy", "FROM TO", NULL, &argc, &argv, 2, 2)) >= 0)
    return rc;

  if (!kurs_library_copy (argv[1], argv[2], &n_strategies, &n_rows, &error))
    return kurs_cli_fail (g_steal_pointer (&error));

  strategies = g_strdup_printf ("%" G_GUINT64_FORMAT, n_strategies);
  rows = g_strdup_printf ("%" G_GUINT64_FORMAT, n_rows);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %s strategy (%s rows in all) to %s.",
                        "Copied %s strategies (%s rows in all) to %s.", (gulong) n_strategies),
           strategies, rows, argv[2]);
  g_print ("\n");
  return KURS_CLI_EXIT_OK;
}
