/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

char     *kurs_ical_export      (KursStore   *store,
                                 KursRecord  *strategy,
                                 GError     **error);
gboolean  kurs_ical_export_file (KursStore   *store,
                                 KursRecord  *strategy,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
