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
  gint64                uid;       /* its lasting identity; 0 for a strategy */
  GVariant            **values;
  KursDate             *dates;     /* each date field parsed once, or DATE_UNREAD */
  guint                 deleted : 1;
  /* bulky fields not read with the row, `1 << index`, read when first
   * asked for (kurs_record_set_unread_at()) */
  guint64               unread;
  KursRecordReadFunc    read;
  gpointer              read_data;
  GDestroyNotify        read_destroy;
};

/* Not a day KursDate gives: the field's text is not parsed yet */
#define DATE_UNREAD G_MAXUINT32

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

/* What reads the fields not read with the row, let go */
static void
release_reader (KursRecord *self)
{
  if (self->read_destroy != NULL)
    self->read_destroy (self->read_data);
  self->read = NULL;
  self->read_data = NULL;
  self->read_destroy = NULL;
}

/* The value at @index, read first if it was not read with the row */
static GVariant *
value_at (KursRecord *self,
          guint       index)
{
  if (G_UNLIKELY (self->unread & (G_GUINT64_CONSTANT (1) << index)))
    {
      kurs_record_take_value_at (self, index, self->read (self, index, self->read_data));
      if (self->unread == 0)
        release_reader (self);
    }
  return self->values[index];
}

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
  g_free (self->dates);
  release_reader (self);

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
  self->dates = g_new (KursDate, self->info->n_fields);
  for (guint i = 0; i < self->info->n_fields; i++)
    self->dates[i] = DATE_UNREAD;

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
kurs_record_set_uid (KursRecord *self,
                     gint64      uid)
{
  g_return_if_fail (KURS_IS_RECORD (self));

  self->uid = uid;
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
  self->dates[index] = DATE_UNREAD;
  self->unread &= ~(G_GUINT64_CONSTANT (1) << index);

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

/**
 * kurs_record_get_uid:
 *
 * The row's lasting identity within its strategy and kind, which stays
 * the same through edits, moves, versions, export and import, and by
 * which versions are compared (see migration 3 in kurs-migrations.c).
 *
 * Returns: the uid; 0 for a strategy, whose identity is its UUID
 */
gint64
kurs_record_get_uid (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), 0);

  return self->uid;
}

gboolean
kurs_record_is_deleted (KursRecord *self)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), TRUE);

  return self->deleted;
}

/* The values by index, for the getters by name and by constant */

static const char *
text_at (KursRecord *self,
         guint       index)
{
  GVariant *value = value_at (self, index);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;

  return g_variant_get_string (value, NULL);
}

static gint64
int_at (KursRecord *self,
        guint       index)
{
  GVariant *value = value_at (self, index);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return 0;

  return g_variant_get_int64 (value);
}

static double
real_at (KursRecord *self,
         guint       index)
{
  GVariant *value = value_at (self, index);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return 0.0;

  return g_variant_get_double (value);
}

static gboolean
bool_at (KursRecord *self,
         guint       index)
{
  GVariant *value = value_at (self, index);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return FALSE;

  return g_variant_get_boolean (value);
}

static int
enum_at (KursRecord *self,
         guint       index)
{
  const KursField *info = &self->info->fields[index];

  g_return_val_if_fail (info->type == KURS_FIELD_ENUM, -1);

  return kurs_enum_info_from_nick (info->enum_info, text_at (self, index));
}

/* Parsed the first time it is asked for, until the value changes */
static KursDate
date_at (KursRecord *self,
         guint       index)
{
  if (self->dates[index] == DATE_UNREAD)
    {
      const char *text = text_at (self, index);
      KursDate date = KURS_DATE_NONE;

      if (text == NULL || !kurs_date_parse (text, &date, NULL))
        date = KURS_DATE_NONE;
      self->dates[index] = date;
    }

  return self->dates[index];
}

/* The index of a field constant of kurs-fields.h, checked to be of the
 * record's entity; -1 when not */
static int
field_index (KursRecord *self,
             guint       field)
{
  if (KURS_FIELD_ENTITY (field) != (guint) self->info->entity
      || KURS_FIELD_INDEX (field) >= self->info->n_fields)
    {
      g_critical ("Field %u.%u is not one of %s's", KURS_FIELD_ENTITY (field), KURS_FIELD_INDEX (field),
                  self->info->name);
      return -1;
    }
  return (int) KURS_FIELD_INDEX (field);
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

  return value_at (self, index);
}

GVariant *
kurs_record_get_value_at (KursRecord *self,
                          guint       index)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->info->n_fields, NULL);

  return value_at (self, index);
}

gboolean
kurs_record_has_value (KursRecord *self,
                       const char *field)
{
  return kurs_record_get_value (self, field) != NULL;
}

/* The getters by name look the field up by its name, and warn when the
 * record's entity has no such field */
#define BY_NAME(self, field, fallback) \
  int index; \
  g_return_val_if_fail (KURS_IS_RECORD (self), fallback); \
  g_return_val_if_fail (field != NULL, fallback); \
  if ((index = require_field (self, field)) < 0) \
    return fallback

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
  BY_NAME (self, field, NULL);
  return text_at (self, index);
}

gint64
kurs_record_get_int (KursRecord *self,
                     const char *field)
{
  BY_NAME (self, field, 0);
  return int_at (self, index);
}

double
kurs_record_get_real (KursRecord *self,
                      const char *field)
{
  BY_NAME (self, field, 0.0);
  return real_at (self, index);
}

gboolean
kurs_record_get_bool (KursRecord *self,
                      const char *field)
{
  BY_NAME (self, field, FALSE);
  return bool_at (self, index);
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
  BY_NAME (self, field, -1);
  return enum_at (self, index);
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
  BY_NAME (self, field, KURS_DATE_NONE);
  return date_at (self, index);
}

/* The getters by constant (KURS_FIELD_MILESTONE_TITLE…), for the paths
 * that read many records: no name is looked up, and a date is parsed once */
#define BY_CONSTANT(self, field, fallback) \
  int index; \
  g_return_val_if_fail (KURS_IS_RECORD (self), fallback); \
  if ((index = field_index (self, field)) < 0) \
    return fallback

gboolean
kurs_record_has_field_value (KursRecord *self,
                             guint       field)
{
  BY_CONSTANT (self, field, FALSE);
  return value_at (self, index) != NULL;
}

/**
 * kurs_record_get_field_text:
 * @field: a constant of kurs-fields.h of the record's entity
 *
 * Returns: (nullable): as kurs_record_get_text()
 */
const char *
kurs_record_get_field_text (KursRecord *self,
                            guint       field)
{
  BY_CONSTANT (self, field, NULL);
  return text_at (self, index);
}

gint64
kurs_record_get_field_int (KursRecord *self,
                           guint       field)
{
  BY_CONSTANT (self, field, 0);
  return int_at (self, index);
}

double
kurs_record_get_field_real (KursRecord *self,
                            guint       field)
{
  BY_CONSTANT (self, field, 0.0);
  return real_at (self, index);
}

gboolean
kurs_record_get_field_bool (KursRecord *self,
                            guint       field)
{
  BY_CONSTANT (self, field, FALSE);
  return bool_at (self, index);
}

int
kurs_record_get_field_enum (KursRecord *self,
                            guint       field)
{
  BY_CONSTANT (self, field, -1);
  return enum_at (self, index);
}

KursDate
kurs_record_get_field_date (KursRecord *self,
                            guint       field)
{
  BY_CONSTANT (self, field, KURS_DATE_NONE);
  return date_at (self, index);
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
  g_return_val_if_fail (KURS_IS_RECORD (self), "");

  for (guint i = 0; kurs_title_field_names[i] != NULL; i++)
    {
      int index = kurs_entity_info_find_field (self->info, kurs_title_field_names[i]);

      if (index >= 0 && value_at (self, index) != NULL)
        return g_variant_get_string (self->values[index], NULL);
    }

  return "";
}

/**
 * kurs_record_set_unread_at:
 * @read: reads the value at an index, when first asked for
 * @data: (transfer full): for @read, let go with @destroy once every
 *   field not read is
 *
 * Marks the field at @index as not read with the row: a bulky one (an
 * approved version's frozen text, 35 MB at 100,000 items), which lists of
 * versions never show.  The store reads it when it is first asked for.
 */
void
kurs_record_set_unread_at (KursRecord         *self,
                           guint               index,
                           KursRecordReadFunc  read,
                           gpointer            data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (KURS_IS_RECORD (self));
  g_return_if_fail (index < self->info->n_fields && index < 64);
  g_return_if_fail (self->unread == 0 || self->read_data == data);

  if (self->read_data != data)
    release_reader (self);
  self->read = read;
  self->read_data = data;
  self->read_destroy = destroy;
  self->unread |= G_GUINT64_CONSTANT (1) << index;
}

/**
 * kurs_record_read_all:
 *
 * Reads every field not read with the row now: before the row is deleted,
 * its record keeps all of it, for undo.
 */
void
kurs_record_read_all (KursRecord *self)
{
  g_return_if_fail (KURS_IS_RECORD (self));

  for (guint i = 0; self->unread != 0 && i < self->info->n_fields; i++)
    value_at (self, i);
}

/* Whether the field at @index is one not read with the row, not yet read */
gboolean
kurs_record_is_unread_at (KursRecord *self,
                          guint       index)
{
  g_return_val_if_fail (KURS_IS_RECORD (self), FALSE);

  return index < 64 && (self->unread & (G_GUINT64_CONSTANT (1) << index)) != 0;
}
