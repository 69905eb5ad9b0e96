/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-comparison.h"

/* kurs-cli diff: what changed between two approved versions of a
 * strategy, or a version and the draft */

/* Words of context kept either side of a change in a long text */
#define CONTEXT_CHARS 30

/* A member of a JSON object: the text, or null for none (diff, history) */
void
kurs_cli_json_add_string (JsonBuilder *builder,
                          const char  *name,
                          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Text on one line: tabs and line breaks as \t and \n, a backslash as \\ */
void
kurs_cli_append_one_line (GString    *out,
                 const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\\': g_string_append (out, "\\\\"); break;
      default: g_string_append_c (out, *p);
      }
}

/* A long text's change as wdiff marks it, [-deleted-]{+inserted+}, with a
 * little of the text around each change and "…" for what is left out */
char *
kurs_cli_marked_words (const char *old_text,
              const char *new_text)
{
  g_autoptr(GArray) pieces = kurs_word_diff (old_text, new_text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, i);
      glong length = g_utf8_strlen (piece->text, -1);

      switch (piece->mark)
        {
        case KURS_TEXT_DELETED:
          g_string_append (out, "[-");
          kurs_cli_append_one_line (out, piece->text);
          g_string_append (out, "-]");
          break;
        case KURS_TEXT_INSERTED:
          g_string_append (out, "{+");
          kurs_cli_append_one_line (out, piece->text);
          g_string_append (out, "+}");
          break;
        case KURS_TEXT_SAME:
          {
            gboolean first = i == 0, last = i == pieces->len - 1;
            glong keep_before = first ? 0 : CONTEXT_CHARS;
            glong keep_after = last ? 0 : CONTEXT_CHARS;

            if (length <= keep_before + keep_after)
              kurs_cli_append_one_line (out, piece->text);
            else
              {
                g_autofree char *head = g_utf8_substring (piece->text, 0, keep_before);
                g_autofree char *tail = g_utf8_substring (piece->text, length - keep_after, length);

                kurs_cli_append_one_line (out, head);
                g_string_append (out, "…");
                kurs_cli_append_one_line (out, tail);
              }
          }
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static char *
number_text (const KursChange *change)
{
  return change->row_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, change->row_id) : g_strdup ("-");
}

/* KIND<TAB>ENTITY<TAB>N<TAB>TITLE[<TAB>FIELD<TAB>CHANGE]: a line for each
 * field changed, else one for the record; N is the record's number in the
 * library now (for set and list), "-" when it is not the draft's */
static void
print_text (KursComparison *comparison)
{
  for (guint i = 0; i < kurs_comparison_get_n_changes (comparison); i++)
    {
      const KursChange *change = kurs_comparison_get_change (comparison, i);
      const KursEntityInfo *info = kurs_entity_info (change->entity);
      g_autoptr(GString) head = g_string_new (NULL);
      g_autofree char *number = number_text (change);

      g_string_append_printf (head, "%s\t%s\t%s\t", kurs_change_kind_to_nick (change->kind), info->name, number);
      kurs_cli_append_one_line (head, change->title);

      if (change->kind == KURS_CHANGE_MOVED)
        {
          g_autoptr(GString) line = g_string_new (head->str);

          g_string_append_printf (line, "\t%s\t", kurs_entity_info (info->parent)->name);
          kurs_cli_append_one_line (line, change->old_owner);
          g_string_append (line, " → ");
          kurs_cli_append_one_line (line, change->owner);
          g_print ("%s\n", line->str);
        }
      else if (change->n_fields == 0)
        g_print ("%s\n", head->str);

      for (guint f = 0; f < change->n_fields; f++)
        {
          const KursFieldChange *field = &change->fields[f];
          g_autoptr(GString) line = g_string_new (head->str);

          g_string_append_printf (line, "\t%s\t", info->fields[field->field].name);
          if (kurs_comparison_is_long_text (change, field))
            {
              g_autofree char *marked = kurs_cli_marked_words (field->old_text, field->new_text);

              g_string_append (line, marked);
            }
          else
            {
              kurs_cli_append_one_line (line, field->old_text ? field->old_text : "");
              g_string_append (line, " → ");
              kurs_cli_append_one_line (line, field->new_text ? field->new_text : "");
            }
          g_print ("%s\n", line->str);
        }
    }
}

static void
print_json (KursComparison *comparison)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gint64 to = kurs_comparison_get_to (comparison);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, kurs_comparison_get_from (comparison));
  json_builder_set_member_name (builder, "to");
  if (to == KURS_COMPARISON_DRAFT)
    json_builder_add_string_value (builder, "draft");
  else
    json_builder_add_int_value (builder, to);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < kurs_comparison_get_n_changes (comparison); i++)
    {
      const KursChange *change = kurs_comparison_get_change (comparison, i);
      const KursEntityInfo *info = kurs_entity_info (change->entity);
      static const char *sections[] = { "vision", "target-groups", "goals", "indicators", "action-plans",
                                        "process", "stakeholders" };

      G_STATIC_ASSERT (G_N_ELEMENTS (sections) == KURS_N_SECTIONS);

      json_builder_begin_object (builder);
      kurs_cli_json_add_string (builder, "section", sections[change->section]);
      kurs_cli_json_add_string (builder, "change", kurs_change_kind_to_nick (change->kind));
      kurs_cli_json_add_string (builder, "kind", info->name);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_int_value (builder, change->uid);
      json_builder_set_member_name (builder, "number");
      if (change->row_id > 0)
        json_builder_add_int_value (builder, change->row_id);
      else
        json_builder_add_null_value (builder);
      kurs_cli_json_add_string (builder, "title", change->title);
      kurs_cli_json_add_string (builder, "owner", change->owner);
      if (change->kind == KURS_CHANGE_MOVED)
        kurs_cli_json_add_string (builder, "old_owner", change->old_owner);
      if (change->kind == KURS_CHANGE_ADDED || change->kind == KURS_CHANGE_REMOVED)
        {
          json_builder_set_member_name (builder, "owned");
          json_builder_add_int_value (builder, change->n_owned);
        }
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint f = 0; f < change->n_fields; f++)
        {
          const KursFieldChange *field = &change->fields[f];

          json_builder_begin_object (builder);
          kurs_cli_json_add_string (builder, "field", info->fields[field->field].name);
          kurs_cli_json_add_string (builder, "old", field->old_text);
          kurs_cli_json_add_string (builder, "new", field->new_text);
          if (kurs_comparison_is_long_text (change, field))
            {
              g_autoptr(GArray) pieces = kurs_word_diff (field->old_text, field->new_text);
              static const char *marks[] = { "same", "inserted", "deleted" };

              json_builder_set_member_name (builder, "words");
              json_builder_begin_array (builder);
              for (guint p = 0; p < pieces->len; p++)
                {
                  const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, p);

                  json_builder_begin_object (builder);
                  kurs_cli_json_add_string (builder, "mark", marks[piece->mark]);
                  kurs_cli_json_add_string (builder, "text", piece->text);
                  json_builder_end_object (builder);
                }
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  kurs_cli_print_json (root);
}

/* "draft" or a version number, for --to */
static gboolean
parse_to (const char  *text,
          gint64      *to,
          GError     **error)
{
  guint64 number;

  if (text == NULL || g_str_equal (text, "draft"))
    {
      *to = KURS_COMPARISON_DRAFT;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &number, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--to takes a version number or “draft”, not “%s”"), text);
      return FALSE;
    }
  *to = (gint64) number;
  return TRUE;
}

int
kurs_cli_run_diff (KursCli  *cli,
                   int       argc,
                   char    **argv)
{
  g_autofree char *to_text = NULL;
  gint from = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("The older version (default: the latest approved)"), N_("N") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The newer version, or draft (the default)"), N_("M|draft") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursComparison) comparison = NULL;
  g_autoptr(GError) bad = NULL;
  GError *error = NULL;
  gint64 to = 0;
  int rc;

  if ((rc = kurs_cli_parse ("diff", "ID [--from N] [--to M|draft] [--json]", entries, &argc, &argv, 1, 1)) >= 0)
    return rc;
  if (from < 0)
    return kurs_cli_usage ("diff", _("--from takes a version number"));
  if (!parse_to (to_text, &to, &bad))
    return kurs_cli_usage ("diff", bad->message);

  if (!kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(comparison = kurs_comparison_new (cli->store, strategy, from, to, &error)))
    return kurs_cli_fail (error);

  if (json)
    print_json (comparison);
  else
    print_text (comparison);

  if (fflush (stdout) != 0)
    {
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write to standard output"));
      return kurs_cli_fail (error);
    }
  return KURS_CLI_EXIT_OK;
}
