/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-copy"

#include "config.h"

#include "kurs-schema.h"
#include "kurs-table-copy.h"

/* What the library keeps beside its strategies: who changed what */
static const char * const history_tables[] = { "history_action", "history_change", NULL };

/**
 * kurs_table_copy_get_table:
 * @index: from 0
 *
 * The library's tables in an order in which every row comes after the
 * rows it refers to: the schema's entities, strategies first (each
 * entity is a table of its own name), then the history.
 *
 * Returns: (nullable): the table's name, or %NULL past the last
 */
const char *
kurs_table_copy_get_table (guint index)
{
  if (index < KURS_N_ENTITIES)
    return kurs_entity_info (index)->name;
  index -= KURS_N_ENTITIES;
  return index < G_N_ELEMENTS (history_tables) ? history_tables[index] : NULL;
}
