/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-json"

#include "config.h"

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

      rows = kurs_store_list (store, e, kurs_record_get_id (record));
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
