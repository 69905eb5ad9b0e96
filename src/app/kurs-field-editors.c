/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-field-editors"

#include "config.h"

#include "kurs-choice-row.h"
#include "kurs-entry-row.h"
#include "kurs-field-editors.h"
#include "kurs-switch-row.h"
#include "kurs-text-area.h"

/**
 * kurs_field_editor_new:
 * @field: a field of @record
 *
 * The editor a field of its type wants: a text area for long text, a
 * switch for yes or no, a choice for an enumeration or a reference, an
 * entry row for the rest.
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
kurs_field_editor_new (KursStore  *store,
                       KursRecord *record,
                       const char *field)
{
  const KursField *info;

  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  info = kurs_entity_info_get_field (kurs_record_get_info (record), field);
  g_return_val_if_fail (info != NULL, NULL);

  switch (info->type)
    {
    case KURS_FIELD_TEXT:
      if (info->flags & KURS_FIELD_LONG)
        return kurs_text_area_new (store, record, field);
      return kurs_entry_row_new (store, record, field);

    case KURS_FIELD_BOOL:
      return kurs_switch_row_new (store, record, field);

    case KURS_FIELD_ENUM:
    case KURS_FIELD_REF:
      return kurs_choice_row_new (store, record, field);

    case KURS_FIELD_INT:
    case KURS_FIELD_REAL:
    case KURS_FIELD_DATE:
    case KURS_FIELD_TIMESTAMP:
    default:
      return kurs_entry_row_new (store, record, field);
    }
}
