/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_CSV_ERROR (kurs_csv_error_quark ())
GQuark kurs_csv_error_quark (void);

typedef enum {
  KURS_CSV_ERROR_FIELDS,      /* a line with too few or too many fields */
  KURS_CSV_ERROR_INDICATOR,   /* no such indicator in the strategy */
  KURS_CSV_ERROR_DATE,        /* not a date */
  KURS_CSV_ERROR_VALUE,       /* not a number */
  KURS_CSV_ERROR_QUOTE,       /* a quote left open */
  KURS_CSV_ERROR_ENCODING,    /* not UTF-8 */
  KURS_CSV_ERROR_EMPTY,       /* no measurements at all */
  KURS_CSV_ERROR_TOO_LARGE,   /* more than KURS_CSV_MAX_BYTES */
} KursCsvError;

/* A sheet of measurements is kilobytes; a file this large is something
 * else, and is refused before it is read. */
#define KURS_CSV_MAX_BYTES (16 * 1024 * 1024)

/* One problem, on one line of the file */
typedef struct {
  guint         line;
  KursCsvError  code;
  char         *message;     /* "Line 4: “31.02.2027” is not a date" */
} KursCsvProblem;

void        kurs_csv_problem_free  (KursCsvProblem *problem);

gboolean    kurs_csv_check_size    (goffset       size,
                                    GError      **error);

int         kurs_csv_import        (KursStore    *store,
                                    KursRecord   *strategy,
                                    const char   *text,
                                    gssize        length,
                                    GPtrArray   **problems,
                                    GError      **error);

typedef struct _KursCsvSheet KursCsvSheet;

KursCsvSheet *kurs_csv_sheet_new    (KursStore           *store,
                                     KursRecord          *strategy,
                                     GError             **error);
gboolean      kurs_csv_sheet_read   (KursCsvSheet        *sheet,
                                     const char          *text,
                                     gssize               length,
                                     GPtrArray          **problems,
                                     GError             **error);
int           kurs_csv_sheet_import (KursStore           *store,
                                     KursCsvSheet        *sheet,
                                     GError             **error);
void          kurs_csv_sheet_free   (KursCsvSheet        *sheet);
void          kurs_csv_read_async   (KursStore           *store,
                                     KursRecord          *strategy,
                                     GBytes              *text,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
KursCsvSheet *kurs_csv_read_finish  (GAsyncResult        *result,
                                     GPtrArray          **problems,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursCsvSheet, kurs_csv_sheet_free)

G_END_DECLS
