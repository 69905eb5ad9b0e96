/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-row-reader.h"
#include "kurs-store-internal.h"

/**
 * KursRowReader:
 *
 * Some fields of every row of one entity in a strategy, read a row at a
 * time without making a #KursRecord of each: for a view of many rows that
 * needs few of their fields.  The timeline of a library of 100,000 items
 * shows each with its dates and title; a record of each would hold every
 * field as a #GVariant, and the store would keep all of them for as long
 * as the library is open.
 *
 * The rows come in the entity's own order, as kurs_store_list_by_strategy()
 * gives them, or in any order, which is much quicker for many rows: SQLite
 * then need not sort them (80,000 initiatives: 13 ms, not 120).  They say
 * what the library holds now: a reader is for one pass, read to its end or
 * freed, with no writes to the store meanwhile.
 *
 * |[<!-- language="C" -->
 * static const guint fields[] = { KURS_FIELD_MILESTONE_TITLE, KURS_FIELD_MILESTONE_START_DATE };
 * g_autoptr(KursRowReader) rows = kurs_row_reader_new (store, KURS_ENTITY_MILESTONE, strategy_id,
 *                                                      fields, G_N_ELEMENTS (fields),
 *                                                      KURS_ROW_ORDER_SCHEMA);
 *
 * while (kurs_row_reader_next (rows))
 *   show (kurs_row_reader_get_text (rows, KURS_FIELD_MILESTONE_TITLE),
 *         kurs_row_reader_get_date (rows, KURS_FIELD_MILESTONE_START_DATE));
 * if (!kurs_row_reader_end (rows, &error))
 *   …
 * ]|
 */

struct _KursRowReader
{
  KursStore            *store;
  const KursEntityInfo *info;
  KursDbStmt         *stmt;      /* NULL once ended */
  guint                 fields[KURS_ROW_READER_MAX_FIELDS];
  guint                 n_fields;
  char                 *repaired[KURS_ROW_READER_MAX_FIELDS];  /* text that was not UTF-8, made so */
  GError               *failure;
};

/**
 * kurs_row_reader_new:
 * @entity: a kind of row that belongs to a strategy
 * @fields: (array length=n_fields): the field constants (kurs-fields.h) of
 *   @entity to read
 *
 * Starts reading.  A failure to read shows in kurs_row_reader_end().
 *
 * Returns: (transfer full): a reader before the first row
 */
KursRowReader *
kurs_row_reader_new (KursStore    *store,
                     KursEntity    entity,
                     gint64        strategy_id,
                     const guint  *fields,
                     guint         n_fields,
                     KursRowOrder  order)
{
  KursRowReader *self;
  g_autoptr(GString) sql = g_string_new ("SELECT id, uid");

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, NULL);
  g_return_val_if_fail (n_fields <= KURS_ROW_READER_MAX_FIELDS, NULL);
  for (guint k = 0; k < n_fields; k++)
    g_return_val_if_fail (KURS_FIELD_ENTITY (fields[k]) == (guint) entity &&
                          KURS_FIELD_INDEX (fields[k]) < kurs_entity_info (entity)->n_fields, NULL);

  self = g_new0 (KursRowReader, 1);
  self->store = g_object_ref (store);
  self->info = kurs_entity_info (entity);
  self->n_fields = n_fields;

  /* The names come from the schema, never from the caller */
  for (guint k = 0; k < n_fields; k++)
    {
      self->fields[k] = fields[k];
      g_string_append_printf (sql, ", %s", self->info->fields[KURS_FIELD_INDEX (fields[k])].name);
    }
  g_string_append_printf (sql, " FROM %s WHERE strategy_id = ?1", self->info->name);
  if (order == KURS_ROW_ORDER_SCHEMA)
    g_string_append_printf (sql, " ORDER BY %s", self->info->order_by);

  if (store->db == NULL)
    g_set_error (&self->failure, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED, _("The library is closed"));
  else if (!(self->stmt = kurs_db_prepare (store->db, sql->str, FALSE)))
    g_set_error (&self->failure, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED,
                 _("The library could not be read (%s): %s"), _(self->info->label), kurs_db_errmsg (store->db));
  else
    kurs_db_bind_int64 (self->stmt, 1, strategy_id);

  return self;
}

static void
clear_row (KursRowReader *self)
{
  for (guint k = 0; k < self->n_fields; k++)
    g_clear_pointer (&self->repaired[k], g_free);
}

/**
 * kurs_row_reader_next:
 *
 * Returns: %TRUE when at the next row, %FALSE after the last one or when
 *   reading failed
 */
gboolean
kurs_row_reader_next (KursRowReader *self)
{
  KursDbStep rc;

  g_return_val_if_fail (self != NULL, FALSE);

  clear_row (self);
  if (self->stmt == NULL)
    return FALSE;

  rc = kurs_db_step (self->stmt);
  if (rc == KURS_DB_ROW)
    return TRUE;

  if (rc != KURS_DB_DONE)
    g_set_error (&self->failure, KURS_STORE_ERROR,
                 kurs_db_failure (self->store->db) == KURS_DB_FAILURE_CORRUPT ? KURS_STORE_ERROR_CORRUPT
                                                                            : KURS_STORE_ERROR_FAILED,
                 _("The library could not be read (%s): %s"), _(self->info->label),
                 kurs_db_errmsg (self->store->db));
  g_clear_pointer (&self->stmt, kurs_db_finalize);
  return FALSE;
}

/**
 * kurs_row_reader_end:
 *
 * Ends reading and frees @self.  A failure is the store's too: it emits
 * #KursStore::read-failed, as a failed list does.
 *
 * Returns: %TRUE if every row was read, %FALSE with @error set if reading
 *   failed
 */
gboolean
kurs_row_reader_end (KursRowReader  *self,
                     GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  ok = self->failure == NULL;
  if (!ok)
    _kurs_store_read_failed (self->store, g_steal_pointer (&self->failure), error);
  kurs_row_reader_free (self);
  return ok;
}

void
kurs_row_reader_free (KursRowReader *self)
{
  if (self == NULL)
    return;

  clear_row (self);
  g_clear_pointer (&self->stmt, kurs_db_finalize);
  g_clear_error (&self->failure);
  g_object_unref (self->store);
  g_free (self);
}

gint64
kurs_row_reader_get_id (KursRowReader *self)
{
  g_return_val_if_fail (self != NULL && self->stmt != NULL, 0);

  return kurs_db_column_int64 (self->stmt, 0);
}

/* The row's lasting identity (kurs_record_get_uid()) */
gint64
kurs_row_reader_get_uid (KursRowReader *self)
{
  g_return_val_if_fail (self != NULL && self->stmt != NULL, 0);

  return kurs_db_column_int64 (self->stmt, 1);
}

/* The column of @field, which the reader was asked for; -1 when not */
static int
column_of (KursRowReader *self,
           guint          field)
{
  for (guint k = 0; k < self->n_fields; k++)
    if (self->fields[k] == field)
      return (int) k + 2;

  g_critical ("%s: field %u of %s was not asked for", G_STRFUNC, KURS_FIELD_INDEX (field), self->info->name);
  return -1;
}

gboolean
kurs_row_reader_has_value (KursRowReader *self,
                           guint          field)
{
  int column;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, FALSE);

  column = column_of (self, field);
  return column > 0 && kurs_db_column_type (self->stmt, column) != KURS_DB_NULL;
}

/**
 * kurs_row_reader_get_text:
 *
 * Returns: (nullable): the field's text, valid UTF-8, until the next row;
 *   %NULL where the row has none
 */
const char *
kurs_row_reader_get_text (KursRowReader *self,
                          guint          field)
{
  const char *text;
  int column, length;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, NULL);

  column = column_of (self, field);
  if (column < 0 || kurs_db_column_type (self->stmt, column) == KURS_DB_NULL)
    return NULL;

  text = kurs_db_column_text (self->stmt, column, &length);
  /* A file edited by another program may hold broken UTF-8: shown as a
   * record would show it */
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_free (self->repaired[column - 1]);
      self->repaired[column - 1] = g_utf8_make_valid (text, length);
      return self->repaired[column - 1];
    }
  return text;
}

gint64
kurs_row_reader_get_int (KursRowReader *self,
                         guint          field)
{
  int column;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, 0);

  column = column_of (self, field);
  return column > 0 ? kurs_db_column_int64 (self->stmt, column) : 0;
}

double
kurs_row_reader_get_real (KursRowReader *self,
                          guint          field)
{
  int column;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, 0.0);

  column = column_of (self, field);
  return column > 0 ? kurs_db_column_double (self->stmt, column) : 0.0;
}

gboolean
kurs_row_reader_get_bool (KursRowReader *self,
                          guint          field)
{
  return kurs_row_reader_get_int (self, field) != 0;
}

/**
 * kurs_row_reader_get_enum:
 *
 * Returns: the value of an enumeration's field, or -1 where the row has
 *   none or one the schema does not know
 */
int
kurs_row_reader_get_enum (KursRowReader *self,
                          guint          field)
{
  const KursField *info;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, -1);

  info = &self->info->fields[KURS_FIELD_INDEX (field)];
  g_return_val_if_fail (info->type == KURS_FIELD_ENUM, -1);

  return kurs_enum_info_from_nick (info->enum_info, kurs_row_reader_get_text (self, field));
}

/**
 * kurs_row_reader_get_date:
 *
 * Returns: the day, or %KURS_DATE_NONE where the row has none or text
 *   that is not a date
 */
KursDate
kurs_row_reader_get_date (KursRowReader *self,
                          guint          field)
{
  const char *text = kurs_row_reader_get_text (self, field);
  KursDate date;

  if (text == NULL || !kurs_date_parse (text, &date, NULL))
    return KURS_DATE_NONE;
  return date;
}

/**
 * kurs_row_reader_format:
 * @buffer: room for a number's text
 *
 * The value of @field in its text form, as kurs_field_format_value()
 * gives it and the XML writes it: a number in @buffer, a truth as "true"
 * or "false", a reference as the referred row's id.
 *
 * Returns: (nullable): the text, valid until the next row; %NULL where
 *   the row has no value
 */
const char *
kurs_row_reader_format (KursRowReader *self,
                        guint          field,
                        char           buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  const KursField *info_field;

  g_return_val_if_fail (self != NULL && self->stmt != NULL, NULL);

  if (!kurs_row_reader_has_value (self, field))
    return NULL;

  info_field = &self->info->fields[KURS_FIELD_INDEX (field)];
  switch (info_field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_TIMESTAMP:
    case KURS_FIELD_DATE:
    case KURS_FIELD_ENUM:
      return kurs_row_reader_get_text (self, field);
    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT, kurs_row_reader_get_int (self, field));
      return buffer;
    case KURS_FIELD_REAL:
      return kurs_format_double (kurs_row_reader_get_real (self, field), buffer);
    case KURS_FIELD_BOOL:
      return kurs_row_reader_get_bool (self, field) ? "true" : "false";
    default:
      g_assert_not_reached ();
    }
}
