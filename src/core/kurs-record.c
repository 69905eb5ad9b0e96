/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-record"

#include "config.h"

#include "kurs-record-private.h"

/**
 * KursRecord:
 *
 * One row of a library: a strategy, a milestone, an initiative…  What the
 * row holds is described by its #KursEntityInfo; the values are #GVariants
 * (`s` for text, dates, enumerations and timestamps, `x` for integers and
 * references, `d` for reals, `b` for booleans), %NULL where the row has no
 * value.
 *
 * The store hands out one record per row and keeps it up to date: a record
 * emits #KursRecord::changed, detailed by the field's name, after each
 * committed change, so a view showing it never shows stale text.
 */
struct _KursRecord
{
  GObject               parent_instance;

  const KursEntityInfo *info;
  gint64                id;
  gint64                strategy_id;
  gint64                position;
  GVariant            **values;
  guint                 deleted : 1;
};

G_DEFINE_FINAL_TYPE (KursRecord, kurs_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DELETED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
require_field (KursRecord *self,
               const char *field)
{
  int index = kurs_entity_info_find_field (self->info, field);

  if (index < 0)
    g_critical ("%s has no field “%s”", self->info->name, field);

  return index;
}

static void
kurs_record_finalize (GObject *object)
{
  KursRecord *self = (KursRecord *) object;

  for (guint i = 0; i < self->info->n_fields; i++)
    g_clear_pointer (&self->values[i], g_variant_unref);
  g_free (self->values);

  G_OBJECT_CLASS (kurs_record_parent_class)->finalize (object);
}

static void
kurs_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KursRecord *self = KURS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_record_class_init (KursRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kurs_record_finalize;
  object_class->get_property = kurs_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KursRecord::changed:
   * @self: the record
   * @field: the name of the field that changed
   *
   * Emitted, with @field as the detail, after a committed change of a
   * field, whoever made it: an editor, undo, redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kurs_record_init (KursRecord *self)
{
  self->position = -1;
}

KursRecord *
kurs_record_new (KursEntity entity,
                 gint64     id)
{
  KursRecord *self;

  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  self = g_object_new (KURS_TYPE_RECORD, NULL);
  self->info = kurs_entity_info (entity);
  self->id = id;
  self->values = g_new0 (GVariant *, self->info->n_fields);

  return self;
}

void
kurs_record_set_strategy_id (KursRecord *self,
                             gint64      strategy_id)
{
  g_return_if_fail (KURS_IS_RECORD (self));

  self->strategy_id = strategy_id;
}

void
kurs_record_set_position (KursRecord *self,
                          gint64      position)
{
  g_return_if_fail (KURS_IS_RECORD (self));

  self->position = position;
}

void
kurs_record_set_deleted (KursRecord *self,
                         gboolean    deleted)
{
  g_return_if_fail (KURS_IS_RECORD (self));

  /* The store notifies once the action that deleted the row commits. */
  self->deleted = !!deleted;
}

/* Steals the caller's reference to @value (sinking a floating one); @value
 * may be NULL. */
void
kurs_record_take_value_at (KursRecord *self,
                           guint       index,
                           GVariant   *value)
{
  g_return_if_fail (KURS_IS_RECORD (self));
  g_return_if_fail (index < self->info->n_fields);

  if (value != NULL)
    g_variant_take_ref (value);
  g_clear_pointer (&self->values[index], g_variant_unref);
  self->values[index] = value;

  /* A direct child of a strategy keeps its strategy in its parent field. */
  if ((int) index == self->info->parent_field
      && self->info->parent == KURS_ENTITY_STRATEGY
      && value != NULL)
    self->strategy_id = g_variant_get_int64 (value);
}

void
kurs_record_emit_changed (KursRecord *self,
                          guint       index)
{
  const char *name;

  g_return_if_fail (KURS_IS_RECORD (self));
  g_return_if_fail (index < self->info->n_fields);

  name = self->info->fields[index].name;
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (name), name);
}

KursEntity
kurs_record_get_entity (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), KURS_ENTITY_NONE);

  return self->info->entity;
}

const KursEntityInfo *
kurs_record_get_info (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), NULL);

  return self->info;
}

gint64
kurs_record_get_id (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), 0);

  return self->id;
}

/**
 * kurs_record_get_parent_id:
 *
 * Returns: the id of the row that owns this one (for a strategy, 0)
 */
gint64
kurs_record_get_parent_id (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), 0);

  if (self->info->parent_field < 0 || self->values[self->info->parent_field] == NULL)
    return 0;

  return g_variant_get_int64 (self->values[self->info->parent_field]);
}

/**
 * kurs_record_get_strategy_id:
 *
 * Returns: the id of the strategy this row belongs to (for a strategy,
 *   its own id)
 */
gint64
kurs_record_get_strategy_id (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), 0);

  if (self->info->entity == KURS_ENTITY_STRATEGY)
    return self->id;

  return self->strategy_id;
}

gint64
kurs_record_get_position (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), -1);

  return self->position;
}

gboolean
kurs_record_is_deleted (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), TRUE);

  return self->deleted;
}

/**
 * kurs_record_get_value:
 *
 * Returns: (transfer none) (nullable): the value of @field, or %NULL when
 *   the row holds none
 */
GVariant *
kurs_record_get_value (KursRecord *self,
                       const char *field)
{
  int index;

  g_return_val_if_fail (KURS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((index = require_field (self, field)) < 0)
    return NULL;

  return self->values[index];
}

GVariant *
kurs_record_get_value_at (KursRecord *self,
                          guint       index)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->info->n_fields, NULL);

  return self->values[index];
}

gboolean
kurs_record_has_value (KursRecord *self,
                       const char *field)
{
  return kurs_record_get_value (self, field) != NULL;
}

/**
 * kurs_record_get_text:
 *
 * For text, date (ISO 8601), enumeration (its nick) and timestamp fields.
 *
 * Returns: (nullable): the text, or %NULL when the row holds none
 */
const char *
kurs_record_get_text (KursRecord *self,
                      const char *field)
{
  GVariant *value = kurs_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;

  return g_variant_get_string (value, NULL);
}

gint64
kurs_record_get_int (KursRecord *self,
                     const char *field)
{
  GVariant *value = kurs_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return 0;

  return g_variant_get_int64 (value);
}

double
kurs_record_get_real (KursRecord *self,
                      const char *field)
{
  GVariant *value = kurs_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return 0.0;

  return g_variant_get_double (value);
}

gboolean
kurs_record_get_bool (KursRecord *self,
                      const char *field)
{
  GVariant *value = kurs_record_get_value (self, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return FALSE;

  return g_variant_get_boolean (value);
}

/**
 * kurs_record_get_enum:
 *
 * Returns: the value of an enumeration field, or -1 when unset
 */
int
kurs_record_get_enum (KursRecord *self,
                      const char *field)
{
  const KursField *info;

  g_return_val_if_fail (KURS_IS_RECORD (self), -1);

  info = kurs_entity_info_get_field (self->info, field);
  g_return_val_if_fail (info != NULL && info->type == KURS_FIELD_ENUM, -1);

  return kurs_enum_info_from_nick (info->enum_info, kurs_record_get_text (self, field));
}

/**
 * kurs_record_get_date:
 *
 * Returns: the date, or %KURS_DATE_NONE when unset
 */
KursDate
kurs_record_get_date (KursRecord *self,
                      const char *field)
{
  const char *text = kurs_record_get_text (self, field);
  KursDate date = KURS_DATE_NONE;

  if (text != NULL)
    kurs_date_parse (text, &date, NULL);

  return date;
}

/**
 * kurs_record_get_title:
 *
 * Returns: what names the row for a person: its title, name, source or
 *   text, whichever it has; "" when none
 */
const char *
kurs_record_get_title (KursRecord *self)
{
  static const char * const names[] = { "title", "name", "source", "text" };

  g_return_val_if_fail (KURS_IS_RECORD (self), "");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int index = kurs_entity_info_find_field (self->info, names[i]);

      if (index >= 0 && self->values[index] != NULL)
        return g_variant_get_string (self->values[index], NULL);
    }

  return "";
}
