/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-cli"

/* add and set: any record of a strategy, field by field, so that scripts
 * and tests can build a process (milestones, stakeholders, involvement,
 * hearing rounds and responses), action plans and the rest without the
 * window.  `show ID --json` lists what there is. */

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-cli.h"
#include "kurs-schema.h"

/* FIELD=VALUE arguments, parsed and checked as the entity's fields */
static gboolean
parse_fields (const KursEntityInfo  *info,
              int                    argc,
              char                 **argv,
              GPtrArray             *names,
              GPtrArray             *values,
              GError               **error)
{
  for (int i = 0; i < argc; i++)
    {
      const char *equals = strchr (argv[i], '=');
      g_autofree char *name = NULL;
      const KursField *field;
      GVariant *value;

      if (!kurs_cli_check_text ("FIELD=VALUE", argv[i], error))
        return FALSE;
      if (equals == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not FIELD=VALUE"), argv[i]);
          return FALSE;
        }

      name = g_strndup (argv[i], equals - argv[i]);
      field = kurs_entity_info_get_field (info, name);
      if (field == NULL || (info->parent_field >= 0 && field == &info->fields[info->parent_field]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("A %s has no field “%s”"), info->name, name);
          return FALSE;
        }

      if (equals[1] == '\0')
        value = NULL;   /* FIELD= clears it */
      else if (!(value = kurs_field_parse_value (field, equals + 1, error)))
        return FALSE;

      g_ptr_array_add (names, (gpointer) field->name);
      g_ptr_array_add (values, value != NULL ? g_variant_ref_sink (value) : NULL);
    }

  return TRUE;
}

static const KursEntityInfo *
find_entity (const char  *name,
             GError     **error)
{
  const KursEntityInfo *info = kurs_entity_info_by_name (name);

  if (info == NULL || info->internal || info->entity == KURS_ENTITY_STRATEGY)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a kind of record a strategy holds"), name);
      return NULL;
    }
  return info;
}


static void
unref_values (GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    if (values->pdata[i] != NULL)
      g_variant_unref (values->pdata[i]);
}

int
kurs_cli_run_add (KursCli  *cli,
                  int       argc,
                  char    **argv)
{
  gint64 parent_id = 0;
  GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_INT64, &parent_id,
      N_("The record it belongs to, where that is not the strategy"), N_("N") },
    { NULL }
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) parent = NULL;
  g_autoptr(KursRecord) record = NULL;
  const KursEntityInfo *info;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("add", "ID KIND FIELD=VALUE…", entries, &argc, &argv, 2, -1)) >= 0)
    return rc;

  if (!(info = find_entity (argv[2], &error))
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (info->parent == KURS_ENTITY_STRATEGY)
    parent_id = kurs_record_get_id (strategy);
  else if (parent_id == 0)
    return kurs_cli_usage ("add", _("--parent is needed for this kind of record"));
  else if (!(parent = kurs_cli_find_record (cli, strategy, info->parent, parent_id, &error)))
    return kurs_cli_fail (error);

  if (!parse_fields (info, argc - 3, argv + 3, names, values, &error))
    {
      unref_values (values);
      return kurs_cli_fail (error);
    }

  record = kurs_store_createv (cli->store, info->entity, parent_id, names->len,
                               (const char * const *) names->pdata, (GVariant * const *) values->pdata, &error);
  unref_values (values);
  if (record == NULL)
    return kurs_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", kurs_record_get_id (record));
  return KURS_CLI_EXIT_OK;
}

int
kurs_cli_run_set (KursCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) record = NULL;
  const KursEntityInfo *info;
  GError *error = NULL;
  gint64 id;
  char *end = NULL;
  gboolean ok;
  int rc;

  if ((rc = kurs_cli_parse ("set", "ID KIND N FIELD=VALUE…", NULL, &argc, &argv, 4, -1)) >= 0)
    return rc;

  id = g_ascii_strtoll (argv[3], &end, 10);
  if (end == argv[3] || *end != '\0' || id <= 0)
    return kurs_cli_usage ("set", _("N is the number of a record, as add prints it"));

  if (!(info = find_entity (argv[2], &error))
      || !kurs_cli_open (cli, TRUE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error))
      || !(record = kurs_cli_find_record (cli, strategy, info->entity, id, &error)))
    return kurs_cli_fail (error);

  if (!parse_fields (info, argc - 4, argv + 4, names, values, &error))
    {
      unref_values (values);
      return kurs_cli_fail (error);
    }

  /* All the fields, or none */
  ok = kurs_store_begin (cli->store, _("Change fields"), &error);
  for (guint i = 0; ok && i < names->len; i++)
    ok = kurs_store_set (cli->store, record, names->pdata[i], values->pdata[i], &error);
  unref_values (values);
  if (!ok)
    {
      kurs_store_rollback (cli->store);
      return kurs_cli_fail (error);
    }
  if (!kurs_store_commit (cli->store, &error))
    return kurs_cli_fail (error);

  return KURS_CLI_EXIT_OK;
}

/* One line for a value: line breaks and tabs written as \n and \t */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* list ID KIND [--parent N]: N, then FIELD=VALUE for each field that has
 * one, one record a line, in the order the window shows them */
int
kurs_cli_run_list_records (KursCli  *cli,
                           int       argc,
                           char    **argv)
{
  gint64 parent_id = 0;
  GOptionEntry entries[] = {
    { "parent", 0, 0, G_OPTION_ARG_INT64, &parent_id, N_("Only the records that belong to this one"), N_("N") },
    { NULL }
  };
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) parent = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const KursEntityInfo *info;
  GError *error = NULL;
  int rc;

  if ((rc = kurs_cli_parse ("list", "ID KIND [--parent N]", entries, &argc, &argv, 2, 2)) >= 0)
    return rc;

  if (!(info = find_entity (argv[2], &error))
      || !kurs_cli_open (cli, FALSE, &error)
      || !(strategy = kurs_cli_find_strategy (cli, argv[1], &error)))
    return kurs_cli_fail (error);

  if (parent_id != 0)
    {
      if (info->parent == KURS_ENTITY_STRATEGY)
        return kurs_cli_usage ("list", _("--parent is for records that belong to another record"));
      if (!(parent = kurs_cli_find_record (cli, strategy, info->parent, parent_id, &error)))
        return kurs_cli_fail (error);
      records = kurs_store_list (cli->store, info->entity, parent_id, NULL);
    }
  else
    records = kurs_store_list_by_strategy (cli->store, info->entity, kurs_record_get_id (strategy), NULL);

  for (guint i = 0; i < records->len; i++)
    {
      KursRecord *record = records->pdata[i];
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%" G_GINT64_FORMAT, kurs_record_get_id (record));
      for (guint k = 0; k < info->n_fields; k++)
        {
          const KursField *field = &info->fields[k];
          GVariant *value = kurs_record_get_value_at (record, k);
          g_autofree char *text = NULL;
          g_autofree char *escaped = NULL;

          if (value == NULL || (field->flags & KURS_FIELD_BULK)
              || ((int) k == info->parent_field && info->parent == KURS_ENTITY_STRATEGY))
            continue;
          text = kurs_field_format_value (field, value);
          escaped = one_line (text);
          g_string_append_printf (line, "\t%s=%s", field->name, escaped);
        }
      g_print ("%s\n", line->str);
    }

  return KURS_CLI_EXIT_OK;
}
