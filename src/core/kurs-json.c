/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kurs-json.h"

/* The JSON of `kurs-cli show --json` and `list --json`: a strategy as a
 * tree of objects, each row's children under the plural name of their
 * entity, references as row ids.  It follows the schema, so it grows with
 * it. */

static void
add_value (JsonBuilder     *builder,
           const KursField *field,
           GVariant        *value)
{
  json_builder_set_member_name (builder, field->name);

  if (value == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (field->type)
    {
    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      json_builder_add_int_value (builder, g_variant_get_int64 (value));
      break;

    case KURS_FIELD_REAL:
      json_builder_add_double_value (builder, g_variant_get_double (value));
      break;

    case KURS_FIELD_BOOL:
      json_builder_add_boolean_value (builder, g_variant_get_boolean (value));
      break;

    default:
      json_builder_add_string_value (builder, g_variant_get_string (value, NULL));
    }
}

/* A strategy is known by its short id, the one the command line takes;
 * other rows by their row id. */
static void
add_fields (JsonBuilder *builder,
            KursStore   *store,
            KursRecord  *record)
{
  const KursEntityInfo *info = kurs_record_get_info (record);

  json_builder_set_member_name (builder, "id");
  if (info->entity == KURS_ENTITY_STRATEGY)
    {
      g_autofree char *short_id = kurs_store_get_short_id (store, record);

      json_builder_add_string_value (builder, short_id);
    }
  else
    json_builder_add_int_value (builder, kurs_record_get_id (record));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KursField *field = &info->fields[i];

      if ((int) i == info->parent_field || (field->flags & KURS_FIELD_BULK))
        continue;

      add_value (builder, field, kurs_record_get_value_at (record, i));
    }
}

static void
add_record (JsonBuilder *builder,
            KursStore   *store,
            KursRecord  *record)
{
  KursEntity entity = kurs_record_get_entity (record);

  json_builder_begin_object (builder);
  add_fields (builder, store, record);

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *child = kurs_entity_info (e);
      g_autoptr(GPtrArray) rows = NULL;

      if (child->parent != entity)
        continue;

      rows = kurs_store_list (store, e, kurs_record_get_id (record), NULL);
      json_builder_set_member_name (builder, child->plural);
      json_builder_begin_array (builder);
      for (guint r = 0; r < rows->len; r++)
        add_record (builder, store, rows->pdata[r]);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * kurs_json_strategy:
 *
 * Returns: (transfer full): everything about the strategy
 */
JsonNode *
kurs_json_strategy (KursStore  *store,
                    KursRecord *strategy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  add_record (builder, store, strategy);
  return json_builder_get_root (builder);
}

/**
 * kurs_json_strategy_summary:
 *
 * Returns: (transfer full): the strategy's own fields, without its rows
 */
JsonNode *
kurs_json_strategy_summary (KursStore  *store,
                            KursRecord *strategy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  json_builder_begin_object (builder);
  add_fields (builder, store, strategy);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Writing JSON.  json-glib 1.6 writes a double such as 1e20 as
 * "1e+20.0", which no JSON parser reads, and the whole document with it;
 * so Kurs writes its JSON itself.  A number is written with the fewest
 * digits that read back as the same double, and with a decimal point or
 * an exponent so that it reads back as a real number. */

static void
append_double (GString *out,
               double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The store keeps finite numbers only; anything else is no number */
  if (!isfinite (number))
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append (out, kurs_format_double (number, buffer));
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString  *out,
             JsonNode *node,
             guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            append_indent (out, depth + 1);
            append_string (out, l->data);
            g_string_append (out, ": ");
            append_node (out, json_object_get_member (object, l->data), depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        if (members != NULL)
          append_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            append_indent (out, depth + 1);
            append_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          append_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
    }
}

/**
 * kurs_json_to_string:
 *
 * Returns: (transfer full): @node as JSON that any JSON parser reads,
 *   indented, without a final newline
 */
char *
kurs_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_node (out, node, 0);
  return g_string_free (out, FALSE);
}
