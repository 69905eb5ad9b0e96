/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kurs-cli.h"
#include "kurs-xml-export.h"
#include "kurs-example.h"
#include "kurs-json.h"

/* kurs-cli: the command line over the core, for scripts and tests.
 *
 * Output on stdout is stable for scripts; errors go to stderr as one line.
 * Exit codes: 0 success, 1 a user error (a bad id, date or file),
 * 2 a usage error (an unknown command or option). */

/* Opening the library */

/* A read of the library that failed, wherever the command made it */
static void
read_failed_cb (KursStore    *store,
                const GError *error,
                KursCli      *cli)
{
  if (cli->read_error == NULL)
    cli->read_error = g_error_copy (error);
}

gboolean
kurs_cli_open (KursCli   *cli,
               gboolean   writes,
               GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (cli->file != NULL)
    path = g_strdup (cli->file);
  else
    {
      g_autofree char *folder = NULL;

      path = kurs_store_get_default_path ();
      folder = g_path_get_dirname (path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("The folder %s for the library cannot be created: %s"),
                       folder, g_strerror (errno));
          return FALSE;
        }
    }

  /* A command that writes waits a few seconds for another that is
   * writing; one that only reads reads what it can, read-only if need
   * be (a library that Kurs has open, or that cannot be written) */
  if (writes)
    cli->store = kurs_store_open (path, KURS_STORE_OPEN_WAIT, &local_error);
  else
    cli->store = kurs_store_open (path, KURS_STORE_OPEN_READ_ONLY_IF_NEEDED, &local_error);

  if (cli->store == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_signal_connect (cli->store, "read-failed", G_CALLBACK (read_failed_cb), cli);

  if (writes && kurs_store_get_access (cli->store) == KURS_STORE_ACCESS_READ_ONLY_ROLE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY,
                   _("Your role on the server only reads this library; nothing was changed"));
      return FALSE;
    }

  /* Said where it is not what one would expect: the file cannot be changed */
  switch (kurs_store_get_access (cli->store))
    {
    case KURS_STORE_ACCESS_READ_ONLY_FILE:
    case KURS_STORE_ACCESS_READ_ONLY_FOLDER:
      {
        g_autofree char *name = g_filename_display_name (path);

        /* Translators: a note on stderr; the command still does its work */
        g_printerr (_("kurs-cli: note: “%s” cannot be changed (it is read-only), so it is only read\n"), name);
      }
      break;
    case KURS_STORE_ACCESS_READ_ONLY_FULL:
      {
        g_autofree char *name = g_filename_display_name (path);

        g_printerr (_("kurs-cli: note: “%s” cannot be changed (the disk is full), so it is only read\n"), name);
      }
      break;
    case KURS_STORE_ACCESS_READ_ONLY_ROLE:
      /* Translators: a note on stderr; the command still does its work */
      g_printerr (_("kurs-cli: note: your role on the server only reads this library\n"));
      break;
    case KURS_STORE_ACCESS_WRITE:
    case KURS_STORE_ACCESS_READ_ONLY_ASKED:
    default:
      break;
    }

  return TRUE;
}

KursRecord *
kurs_cli_find_strategy (KursCli     *cli,
                        const char  *id,
                        GError     **error)
{
  return kurs_store_find_strategy (cli->store, id, error);
}

/**
 * kurs_cli_find_record:
 * @id: a record's number, as add and list print it
 *
 * Returns: (transfer full) (nullable): the record @id of @entity, if it
 *   belongs to @strategy; otherwise %NULL, with @error saying so
 */
KursRecord *
kurs_cli_find_record (KursCli     *cli,
                      KursRecord  *strategy,
                      KursEntity   entity,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(KursRecord) record = id > 0 ? kurs_store_get (cli->store, entity, id) : NULL;

  if (record == NULL || kurs_record_get_strategy_id (record) != kurs_record_get_id (strategy))
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: "The strategy has no milestone 7" */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("The strategy has no %s %s"),
                   kurs_entity_info (entity)->name, number);
      return NULL;
    }
  return g_steal_pointer (&record);
}

/* The same, from a number as typed */
KursRecord *
kurs_cli_find_record_text (KursCli     *cli,
                           KursRecord  *strategy,
                           KursEntity   entity,
                           const char  *text,
                           GError     **error)
{
  gint64 id;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("The strategy has no %s %s"),
                   kurs_entity_info (entity)->name, text);
      return NULL;
    }
  return kurs_cli_find_record (cli, strategy, entity, id, error);
}

int
kurs_cli_fail (GError *error)
{
  g_printerr ("kurs-cli: %s\n", error->message);
  g_error_free (error);
  return KURS_CLI_EXIT_ERROR;
}

int
kurs_cli_usage (const char *command,
                const char *message)
{
  if (command)
    g_printerr ("kurs-cli %s: %s\n", command, message);
  else
    g_printerr ("kurs-cli: %s\n", message);
  g_printerr ("%s\n", _("Run “kurs-cli --help” for the commands and their options."));
  return KURS_CLI_EXIT_USAGE;
}

/* Parses a command's own options.  Returns -1 to go on, or an exit code. */
int
kurs_cli_parse (const char    *command,
                const char    *synopsis,
                GOptionEntry  *entries,
                int           *argc,
                char        ***argv,
                int            min_args,
                int            max_args)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command, synopsis);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* A value that is not text or not a number is the user's error;
       * an option that does not exist is a usage error. */
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
        return kurs_cli_fail (g_steal_pointer (&error));
      if (error->domain == G_CONVERT_ERROR)
        {
          g_prefix_error (&error, "%s", _("An option’s value is not valid UTF-8 text: "));
          return kurs_cli_fail (g_steal_pointer (&error));
        }
      return kurs_cli_usage (command, error->message);
    }

  /* (*argv)[0] is the command itself */
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return KURS_CLI_EXIT_USAGE;
    }

  return -1;
}

void
kurs_cli_print_json (JsonNode *node)
{
  g_autofree char *text = kurs_json_to_string (node);

  g_print ("%s\n", text);
}

/* list */

static int
run_list (KursCli  *cli,
          int       argc,
          char    **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) strategies = NULL;
  GError *error = NULL;
  int rc;

  /* list ID KIND: the records of a strategy */
  if (argc > 1 && argv[1][0] != '-')
    return kurs_cli_run_list_records (cli, argc, argv);

  if ((rc = kurs_cli_parse ("list", "[ID KIND]", entries, &argc, &argv, 0, 0)) >= 0)
    return rc;
  if (!kurs_cli_open (cli, FALSE, &error))
    return kurs_cli_fail (error);

  strategies = kurs_store_list_strategies (cli->store, &error);
  if (error != NULL)
    return kurs_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < strategies->len; i++)
        json_builder_add_value (builder, kurs_json_strategy_summary (cli->store, strategies->pdata[i]));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      kurs_cli_print_json (root);
      return KURS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < strategies->len; i++)
    {
      KursRecord *strategy = strategies->pdata[i];
      g_autofree char *id = kurs_store_get_short_id (cli->store, strategy);

      g_print ("%s\t%s\t%s\n", id,
               kurs_record_get_text (strategy, "status"),
               kurs_record_get_text (strategy, "title"));
    }

  return KURS_CLI_EXIT_OK;
}

/* show */

static void
print_text (const char *indent,
            const char *label,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_print ("%s%s: %s\n", indent, label, lines[0]);
  for (guint i = 1; lines[i]; i++)
    g_print ("%s  %s\n", indent, lines[i]);
}

static char *
describe_reference (KursStore       *store,
                    const KursField *field,
                    GVariant        *value)
{
  g_autoptr(KursRecord) target = kurs_store_get (store, field->ref, g_variant_get_int64 (value));

  return g_strdup (target ? kurs_record_get_title (target) : "?");
}

/* A link row (a goal an initiative serves) is named by what it links to. */
static char *
describe_record (KursStore  *store,
                 KursRecord *record,
                 int        *named_by)
{
  const KursEntityInfo *info = kurs_record_get_info (record);

  *named_by = -1;
  if (*kurs_record_get_title (record) != '\0')
    return g_strdup (kurs_record_get_title (record));

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == KURS_FIELD_REF && (int) i != info->parent_field
        && kurs_record_get_value_at (record, i) != NULL)
      {
        *named_by = i;
        return describe_reference (store, &info->fields[i], kurs_record_get_value_at (record, i));
      }

  return g_strdup ("");
}

static void
print_record (KursStore  *store,
              KursRecord *record,
              guint       depth)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  g_autofree char *indent = g_strnfill (depth * 2, ' ');
  g_autofree char *inner = g_strnfill (depth * 2 + 2, ' ');
  g_autofree char *name = NULL;
  int named_by;

  name = describe_record (store, record, &named_by);
  g_print ("%s%s: %s\n", indent, _(info->label), name);

  if (info->entity == KURS_ENTITY_STRATEGY)
    {
      g_autofree char *id = kurs_store_get_short_id (store, record);

      g_print ("%s%s: %s\n", inner, _("Id"), id);
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];
      GVariant *value = kurs_record_get_value_at (record, i);
      g_autofree char *text = NULL;

      if (value == NULL || (int) i == info->parent_field || (int) i == named_by
          || (field->flags & KURS_FIELD_BULK))
        continue;
      if (g_strcmp0 (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
                     ? g_variant_get_string (value, NULL) : NULL,
                     kurs_record_get_title (record)) == 0)
        continue;

      if (field->type == KURS_FIELD_REF)
        text = describe_reference (store, field, value);
      else if (field->type == KURS_FIELD_ENUM)
        text = g_strdup (kurs_enum_info_to_label (field->enum_info,
                                                  kurs_enum_info_from_nick (field->enum_info,
                                                                            g_variant_get_string (value, NULL))));
      else if (field->type == KURS_FIELD_BOOL)
        text = g_strdup (g_variant_get_boolean (value) ? _("yes") : _("no"));
      else
        text = kurs_field_format_value (field, value);

      print_text (inner, _(field->label), text);
    }

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (kurs_entity_info (e)->parent != info->entity)
        continue;

      rows = kurs_store_list (store, e, kurs_record_get_id (record), NULL);
      for (guint r = 0; r < rows->len; r++)
        print_record (store, rows->pdata[r], depth + 1);
    }
}

static int
run_show (KursCli  *cli,
          int       argc,
          char    **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("show", "ID", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) root = kurs_json_strategy (cli->store, strategy);

      kurs_cli_print_json (root);
    }
  else
    print_record (cli->store, strategy, 0);

  return KURS_CLI_EXIT_OK;
}

/**
 * kurs_cli_check_version:
 * @version: what --version N said (0 when not given)
 * @draft: whether --draft was given
 * @number: (out): the version asked for, 0 for the latest, or
 *   %KURS_XML_EXPORT_DRAFT for the draft
 *
 * The --version N | --draft pair of export and export-odt.
 *
 * Returns: -1 when they are right, else the exit status of saying why
 */
int
kurs_cli_check_version (const char *command,
                        int         version,
                        gboolean    draft,
                        gint64     *number)
{
  GError *error = NULL;

  if (draft && version != 0)
    return kurs_cli_usage (command, _("--draft and --version exclude each other"));
  if (version < 0)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("There is no version %d"), version);
      return kurs_cli_fail (error);
    }
  *number = draft ? KURS_XML_EXPORT_DRAFT : version;
  return -1;
}

/* new */

gboolean
kurs_cli_parse_period (const char  *text,
                       int         *start,
                       int         *end,
                       GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gint64 a, b;

  /* 2022-2029, or with an en dash as people write it: 2022–2029 */
  if (text != NULL)
    parts = g_strsplit (text, strstr (text, "–") ? "–" : "-", -1);

  if (parts == NULL || g_strv_length (parts) != 2
      || !g_ascii_string_to_signed (parts[0], 10, 1900, 2200, &a, NULL)
      || !g_ascii_string_to_signed (parts[1], 10, 1900, 2200, &b, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a period; write it as two years, for example 2022-2029"),
                   text ? text : "");
      return FALSE;
    }

  if (b < a)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The period %s ends before it begins"), text);
      return FALSE;
    }

  *start = a;
  *end = b;
  return TRUE;
}

gboolean
kurs_cli_check_text (const char  *what,
                     const char  *text,
                     GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s is not valid UTF-8 text"), what);
      return FALSE;
    }

  return TRUE;
}

static int
run_new (KursCli  *cli,
         int       argc,
         char    **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *short_name = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The strategy’s title"), N_("TITLE") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Its years, for example 2022-2029"), N_("YEARS") },
    { "committee", 0, 0, G_OPTION_ARG_STRING, &committee, N_("The committee that owns it"), N_("NAME") },
    { "short-name", 0, 0, G_OPTION_ARG_STRING, &short_name, N_("A short name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  int rc, start, end;

  if ((rc = kurs_cli_parse ("new", "--title TITLE --period YEARS", entries, &argc, &argv, 0, 0)) >= 0)
    return rc;
  if (title == NULL || period == NULL)
    return kurs_cli_usage ("new", _("--title and --period are needed"));

  if (!kurs_cli_check_text ("--title", title, &error)
      || !kurs_cli_check_text ("--committee", committee, &error)
      || !kurs_cli_check_text ("--short-name", short_name, &error)
      || !kurs_cli_parse_period (period, &start, &end, &error)
      || !kurs_cli_open (cli, TRUE, &error))
    return kurs_cli_fail (error);

  if (!kurs_store_begin (cli->store, _("New strategy"), &error))
    return kurs_cli_fail (error);

  strategy = kurs_store_create_strategy (cli->store, title, start, end, committee, &error);
  if (strategy != NULL && short_name != NULL && *short_name)
    kurs_store_set_text (cli->store, strategy, "short_name", short_name, &error);

  if (error != NULL)
    {
      kurs_store_rollback (cli->store);
      return kurs_cli_fail (error);
    }
  if (!kurs_store_commit (cli->store, &error))
    return kurs_cli_fail (error);

  id = kurs_store_get_short_id (cli->store, strategy);
  g_print ("%s\n", id);
  return KURS_CLI_EXIT_OK;
}

/* example */

static int
run_example (KursCli  *cli,
             int       argc,
             char    **argv)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *id = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("example", "", NULL, &argc, &argv, 0, 0)) >= 0)
    return rc;
  if (!kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_example_create (cli->store, &error)))
    return kurs_cli_fail (error);

  id = kurs_store_get_short_id (cli->store, strategy);
  g_print ("%s\n", id);
  return KURS_CLI_EXIT_OK;
}

/* The commands */

static const KursCliCommand commands[] = {
  { "list", "[--json] | ID KIND [--parent N]",
    N_("List the strategies (ID, status, title), or a strategy’s records of a kind (N and FIELD=VALUE…)"),
    run_list },
  { "show", "ID [--json]", N_("Print everything about a strategy"), run_show },
  { "search", "TEXT… [--strategy ID] [--kind KIND] [--json]",
    N_("Find the records that hold every word (STRATEGY, KIND, N, TITLE, the words found in [ ])"),
    kurs_cli_run_search },
  { "new", "--title TITLE --period YEARS [--committee NAME]", N_("Add a strategy"), run_new },
  { "example", "", N_("Add the Ballerup example: two strategies, one followed up to today"), run_example },
  { "status", "ID draft|in-hearing|adopted [--date D] [--by NAME]",
    N_("Change a strategy’s status (draft again starts a new revision)"), kurs_cli_run_status },
  { "approve", "ID [--date YYYY-MM-DD] [--by NAME]",
    N_("Approve a strategy, freezing its next numbered version"), kurs_cli_run_approve },
  { "versions", "ID", N_("List a strategy’s approved versions"), kurs_cli_run_versions },
  { "diff", "ID [--from N] [--to M|draft] [--json]",
    N_("What changed since an approved version (the latest) in the draft or a later version: KIND (added, "
       "removed, changed, moved), RECORD KIND, N, TITLE, FIELD, OLD → NEW or the words [-deleted-]{+inserted+}"),
    kurs_cli_run_diff },
  { "history", "ID [--since DATE] [--json]",
    N_("Who changed what, newest first: TIME, PERSON, KIND (edit, undo, redo, decision), ACTION, RECORD KIND, "
       "NAME, CHANGE (insert, delete, set, move), FIELD, OLD → NEW or the words [-deleted-]{+inserted+}"),
    kurs_cli_run_history },
  { "export", "ID [--version N | --draft] -o FILE",
    N_("Export the latest approved version (or another, or the draft) as XML"), kurs_cli_run_export },
  { "import", "FILE [--as-copy]", N_("Add the strategy in an XML file to the library"), kurs_cli_run_import },
  { "validate", "FILE", N_("Check an XML file against the Kurs strategy schema"), kurs_cli_run_validate },
  { "add", "ID KIND [--parent N] FIELD=VALUE…",
    N_("Add a record to a strategy (milestone, stakeholder, hearing_round…); prints its number"), kurs_cli_run_add },
  { "set", "ID KIND N FIELD=VALUE…", N_("Change fields of a strategy’s record"), kurs_cli_run_set },
  { "plan-process", "ID --approval YYYY-MM-DD [--hearing-weeks N] [--by-law] [--replace]",
    N_("Plan the usual path to approval, from the day of the final approval; prints the hearing round"),
    kurs_cli_run_plan_process },
  { "send-to-hearing", "ID --party N… [--milestone N] [--sent D] [--deadline D]",
    N_("Send the draft to hearing with these stakeholders; prints the round"), kurs_cli_run_send_to_hearing },
  { "hearing", "ID [ROUND]",
    N_("Who has answered: ROUND, STAKEHOLDER, answered|awaiting|overdue, RESPONSE DATE, NAME"),
    kurs_cli_run_hearing },
  { "hearing-summary", "ID ROUND -o FILE.pdf|FILE.odt",
    N_("Write a hearing round’s summary as PDF or as an OpenDocument text (by the file’s extension)"),
    kurs_cli_run_hearing_summary },
  { "plan", "ID [PLAN [--baseline]]",
    N_("The action plans (N, start, end, progress, goals without an initiative, current, title), or one plan’s "
       "initiatives (N, status, progress, expected, health, title), or with --baseline how they moved since the "
       "latest approved version"), kurs_cli_run_plan },
  { "initiative", "ID PLAN --title T [--owner O] [--start D] [--end D] [--status S] [--progress N] [--goal N…]",
    N_("Add an initiative to a plan, with the goals it serves; prints its number"), kurs_cli_run_initiative },
  { "measure", "ID INDICATOR [--date D --value V [--note T]]",
    N_("Add a measurement of a key figure, or list them (date, value, note)"), kurs_cli_run_measure },
  { "import-csv", "ID FILE",
    N_("Import measurements (indicator, date, value[, note]); all or nothing; prints how many"),
    kurs_cli_run_import_csv },
  { "export-ics", "ID -o FILE.ics", N_("Export the milestones and initiative deadlines as iCalendar"),
    kurs_cli_run_export_ics },
  { "print-pdf", "ID -o FILE.pdf [--changes-since N]",
    N_("Write the strategy, its action plans and its timeline as PDF, with the changes since version N"),
    kurs_cli_run_print_pdf },
  { "export-odt", "ID [--version N | --draft] -o FILE.odt",
    N_("Write the latest approved version (or another, or the draft) as an OpenDocument text"),
    kurs_cli_run_export_odt },
  { "export-sheet", "ID -o FILE.xlsx",
    N_("Write the action plans, key figures and milestones as a spreadsheet"), kurs_cli_run_export_sheet },
  { "server-init", "ADDRESS",
    N_("Set up a team library in an empty PostgreSQL database (postgresql://HOST/DATABASE): Kurs’s schema and "
       "its roles; prints the GRANT lines to give people their roles"), kurs_cli_run_server_init },
  { "copy", "FROM TO",
    N_("Copy a whole library (every strategy, version, record and measurement) from a .kurs file or a server to an "
       "empty .kurs file or server"), kurs_cli_run_copy },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-15s %s\n                  %s", commands[i].name,
                            commands[i].synopsis, _(commands[i].summary));

  g_string_append_printf (text, "\n\n%s", _("Without --file, the library is $XDG_DATA_HOME/kurs/library.kurs."));
  return g_string_free (text, FALSE);
}

static const KursCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *file = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file, N_("The library to use"), N_("LIBRARY") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const KursCliCommand *command;
  KursCli cli = { NULL, NULL };
  int rc;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR") ? g_getenv ("KURS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Plan and follow public strategies from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command are the command's own. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kurs_cli_usage (NULL, error->message);

  if (version)
    {
      g_print ("kurs-cli %s\n", PACKAGE_VERSION);
      return KURS_CLI_EXIT_OK;
    }

  if (argc < 2)
    return kurs_cli_usage (NULL, _("Name a command"));

  if (!(command = find_command (argv[1])))
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”"), argv[1]);

      return kurs_cli_usage (NULL, message);
    }

  cli.file = file;
  rc = command->run (&cli, argc - 1, argv + 1);
  g_clear_object (&cli.store);

  /* Whatever the command read, it did not read all: it failed */
  if (cli.read_error != NULL && rc == KURS_CLI_EXIT_OK)
    rc = kurs_cli_fail (g_steal_pointer (&cli.read_error));
  g_clear_error (&cli.read_error);

  return rc;
}
