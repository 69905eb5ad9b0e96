/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For core modules that compare states of a strategy (kurs-comparison.c,
 * kurs-baseline.c): a strategy's rows, read from a version's frozen XML or
 * from the library, in one form. */

#include "kurs-store.h"

G_BEGIN_DECLS

typedef struct _KursSnapshotRow KursSnapshotRow;

/* A row of a snapshot: its fields in their text form, a reference as the
 * uid of the row it names */
struct _KursSnapshotRow {
  KursEntity       entity;
  gint64           uid;
  gint64           row_id;    /* the library's, for the draft; the strategy's id */
  KursSnapshotRow *owner;     /* NULL: the strategy */
  guint            order;     /* in document order */
  const char     **texts;     /* info->n_fields */
  GPtrArray       *owned;     /* KursSnapshotRow *, lazily */
};

typedef struct {
  GStringChunk    *chunk;
  KursSnapshotRow *strategy;
  GPtrArray       *rows[KURS_N_ENTITIES];    /* KursSnapshotRow *, each kind in document order */
  GHashTable      *by_uid[KURS_N_ENTITIES];  /* gint64 * → KursSnapshotRow * (the first with it) */
} KursSnapshot;

gboolean         kurs_snapshot_is_compared_field  (KursEntity       entity,
                                                   guint            index);
gboolean         kurs_snapshot_is_compared_entity (KursEntity       entity);
KursSnapshot    *kurs_snapshot_new_from_xml       (const char      *xml,
                                                   GError         **error);
KursSnapshot    *kurs_snapshot_new_from_store     (KursStore       *store,
                                                   KursRecord      *strategy,
                                                   guint            entities,
                                                   GError         **error);
void             kurs_snapshot_free               (KursSnapshot    *snap);
KursSnapshotRow *kurs_snapshot_named_row          (KursSnapshot          *snap,
                                                   const KursSnapshotRow *row,
                                                   guint                  field);
const char      *kurs_snapshot_row_title          (KursSnapshot          *snap,
                                                   const KursSnapshotRow *row);
KursSnapshotRow *kurs_snapshot_lookup             (KursSnapshot          *snap,
                                                   KursEntity             entity,
                                                   gint64                 uid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursSnapshot, kurs_snapshot_free)

G_END_DECLS
