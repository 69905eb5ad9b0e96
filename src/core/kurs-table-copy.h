/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A library's tables, row by row, from one engine to another: what a
 * source gives (kurs_store_dump_tables(), kurs_server_dump_tables()) and
 * a target takes (their load_tables counterparts).  Values keep their
 * kind: a whole number, a real, a text or nothing. */

typedef enum {
  KURS_COPY_NULL,
  KURS_COPY_INT,
  KURS_COPY_REAL,
  KURS_COPY_TEXT,
} KursCopyType;

typedef struct {
  KursCopyType  type;
  gint64        i;
  double        r;
  const char   *text;
} KursCopyValue;

typedef struct _KursTableSink KursTableSink;

struct _KursTableSink {
  gboolean (*begin_table) (KursTableSink       *sink,
                           const char          *table,
                           guint                n_columns,
                           const char * const  *columns,
                           GError             **error);
  gboolean (*row)         (KursTableSink        *sink,
                           const KursCopyValue  *values,
                           GError              **error);
  gboolean (*end_table)   (KursTableSink  *sink,
                           GError        **error);
  guint64    n_rows;      /* taken so far */
  guint64    n_strategies;
};

const char *kurs_table_copy_get_table (guint index);

G_END_DECLS
