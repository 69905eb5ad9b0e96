/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For core modules that restore what the store itself normally sets: the
 * XML importer gives a strategy the UUID and status it was exported with,
 * and each row its uid; copying a library takes every row as it is. */

#include "kurs-store.h"
#include "kurs-table-copy.h"

G_BEGIN_DECLS

KursRecord *kurs_store_create_internal (KursStore           *self,
                                        KursEntity           entity,
                                        gint64               parent_id,
                                        guint                n_fields,
                                        const char * const  *fields,
                                        GVariant * const    *values,
                                        gint64               uid,
                                        GError             **error);

gboolean    kurs_store_set_internal    (KursStore           *self,
                                        KursRecord          *record,
                                        const char          *field,
                                        GVariant            *value,
                                        GError             **error);

/* An import's rows, written many to a statement (kurs-store-bulk.c) */
void        kurs_store_begin_bulk       (KursStore           *self);
gboolean    kurs_store_write_bulk       (KursStore           *self,
                                         GError             **error);
gboolean    kurs_store_get_bulk_failure (KursStore           *self,
                                         KursEntity          *entity,
                                         gint64              *id);
gboolean    kurs_store_add_version_lean (KursStore           *self,
                                         KursRecord          *strategy,
                                         gint64               number,
                                         const char          *date,
                                         const char          *approved_by,
                                         GBytes              *content,
                                         char                *words,
                                         GError             **error);
gint64      kurs_store_create_lean      (KursStore           *self,
                                         KursEntity           entity,
                                         gint64               parent_id,
                                         guint                n_fields,
                                         const char * const  *fields,
                                         GVariant * const    *values,
                                         gint64               uid,
                                         GError             **error);
gint64      kurs_store_create_cells     (KursStore           *self,
                                         KursEntity           entity,
                                         gint64               parent_id,
                                         KursCell            *cells,
                                         gint64               uid,
                                         GError             **error);

/* Copying a whole library (kurs-library-copy.c) */
gboolean       kurs_store_dump_tables       (KursStore      *self,
                                             KursTableSink  *sink,
                                             GError        **error);
KursTableSink *kurs_store_load_tables_begin (KursStore      *self,
                                             GError        **error);
gboolean       kurs_store_load_tables_end   (KursTableSink  *sink,
                                             gboolean        ok,
                                             GError        **error);

G_END_DECLS
