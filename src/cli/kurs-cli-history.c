/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kurs-cli.h"

/* kurs-cli history: who changed what in a strategy, and when */

/* A text field's change is shown word by word where it is long */
#define LONG_TEXT_CHARS 80

static gboolean
is_long (const char *text)
{
  return text != NULL && (strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > LONG_TEXT_CHARS);
}

/* TIME<TAB>PERSON<TAB>KIND<TAB>ACTION[<TAB>ENTITY<TAB>NAME<TAB>CHANGE<TAB>FIELD<TAB>OLD → NEW]: a line
 * for each change, newest action first; an action of very many changes
 * says how many */
static void
print_text (GPtrArray *actions)
{
  for (guint i = 0; i < actions->len; i++)
    {
      KursHistoryAction *action = actions->pdata[i];
      g_autoptr(GString) head = g_string_new (NULL);

      g_string_append_printf (head, "%s\t", action->made_at);
      kurs_cli_append_one_line (head, action->person);
      g_string_append_printf (head, "\t%s\t", kurs_history_kind_to_string (action->kind));
      kurs_cli_append_one_line (head, action->label);

      for (guint c = 0; c < action->changes->len; c++)
        {
          KursHistoryChange *change = action->changes->pdata[c];
          g_autoptr(GString) line = g_string_new (head->str);

          g_string_append_printf (line, "\t%s\t", change->entity);
          kurs_cli_append_one_line (line, change->row_name);
          g_string_append_printf (line, "\t%s\t%s\t", kurs_history_change_kind_to_string (change->kind),
                                  change->field ? change->field : "");
          if (change->kind == KURS_HISTORY_CHANGE_SET && (is_long (change->old_value) || is_long (change->new_value)))
            {
              g_autofree char *marked = kurs_cli_marked_words (change->old_value ? change->old_value : "",
                                                               change->new_value ? change->new_value : "");

              g_string_append (line, marked);
            }
          else if (change->kind == KURS_HISTORY_CHANGE_SET || change->kind == KURS_HISTORY_CHANGE_MOVE)
            {
              kurs_cli_append_one_line (line, change->old_value ? change->old_value : "");
              g_string_append (line, " → ");
              kurs_cli_append_one_line (line, change->new_value ? change->new_value : "");
            }
          g_print ("%s\n", line->str);
        }
      if ((gint64) action->changes->len < action->n_changes)
        {
          gint64 n = action->n_changes - action->changes->len;
          /* TRANSLATORS: after the first changes of an action of very many (an import) */
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… %d more change",
                                                                "… %d more changes", (gulong) n), (int) n);

          g_print ("%s\t\t\t\t\t%s\n", head->str, more);
        }
    }
}

static void
print_json (GPtrArray *actions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    {
      KursHistoryAction *action = actions->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, action->id);
      kurs_cli_json_add_string (builder, "time", action->made_at);
      kurs_cli_json_add_string (builder, "person", action->person);
      kurs_cli_json_add_string (builder, "kind", kurs_history_kind_to_string (action->kind));
      kurs_cli_json_add_string (builder, "action", action->label);
      json_builder_set_member_name (builder, "n_changes");
      json_builder_add_int_value (builder, action->n_changes);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint c = 0; c < action->changes->len; c++)
        {
          KursHistoryChange *change = action->changes->pdata[c];

          json_builder_begin_object (builder);
          kurs_cli_json_add_string (builder, "change", kurs_history_change_kind_to_string (change->kind));
          kurs_cli_json_add_string (builder, "kind", change->entity);
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, change->row_id);
          kurs_cli_json_add_string (builder, "name", change->row_name);
          kurs_cli_json_add_string (builder, "field", change->field);
          kurs_cli_json_add_string (builder, "old", change->old_value);
          kurs_cli_json_add_string (builder, "new", change->new_value);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  kurs_cli_print_json (root);
}

/* A date (YYYY-MM-DD) or a time (ISO 8601), as the history's UTC text */
static char *
parse_since (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;
  int year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 && g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      time = g_date_time_new (local, year, month, day, 0, 0, 0);
    }
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      time = g_date_time_new_from_iso8601 (text, local);
    }
  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

int
kurs_cli_run_history (KursCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_autofree char *since_text = NULL;
  g_autofree char *since = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("Only what was changed on or after this date"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("history", "ID [--since DATE] [--json]", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (since_text != NULL && !(since = parse_since (since_text)))
    {
      g_autofree char *message = g_strdup_printf (_("--since takes a date (YYYY-MM-DD), not “%s”"), since_text);

      return kurs_cli_usage ("history", message);
    }

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(actions = kurs_store_list_history (cli->store, kurs_record_get_id (strategy), since, 0, -1, TRUE, &error)))
    return kurs_cli_fail (error);

  if (json)
    print_json (actions);
  else
    print_text (actions);

  if (fflush (stdout) != 0)
    {
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write to standard output"));
      return kurs_cli_fail (error);
    }
  return KURS_CLI_EXIT_OK;
}
