/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes what is being exported to @file; called once the person has
 * chosen it */
typedef void (*KursExportingWriteFunc) (GtkWindow *parent,
                                        GFile     *file,
                                        gpointer   user_data);

typedef struct {
  const char *title;          /* the chooser's */
  const char *filter_name;    /* "OpenDocument Text" */
  const char *mime_type;
  const char *pattern;        /* "*.odt" */
} KursExportingKind;

void kurs_exporting_choose_file (GtkWindow               *parent,
                                 const KursExportingKind *kind,
                                 const char              *suggested_name,
                                 KursExportingWriteFunc   write,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy);

extern const KursExportingKind kurs_exporting_document;
extern const KursExportingKind kurs_exporting_spreadsheet;

G_END_DECLS
