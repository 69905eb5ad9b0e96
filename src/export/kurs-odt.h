/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-print-document.h"

G_BEGIN_DECLS

/* What an OpenDocument text says of itself (its meta.xml) */
typedef struct {
  /* BCP 47: "da-DK", "en" */
  const char *language;
  /* the strategy's version, "Version 2" or "Draft"; may be NULL */
  const char *version;
  /* when the version was approved, or NULL */
  GDateTime  *date;
  /* how far it is, from 0 to 1, called from the threads that draw the
   * pictures; may be NULL */
  void      (*progress) (double   fraction,
                         gpointer data);
  gpointer    progress_data;
} KursOdtInfo;

GBytes   *kurs_odt_to_bytes (KursPrintDocument  *document,
                             const KursOdtInfo  *info,
                             GError            **error);
gboolean  kurs_odt_write    (KursPrintDocument  *document,
                             const KursOdtInfo  *info,
                             const char         *path,
                             GError            **error);

G_END_DECLS
