/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

KursRecord *kurs_example_create    (KursStore   *store,
                                    GError     **error);
gboolean    kurs_example_follow_up (KursStore   *store,
                                    KursRecord  *strategy,
                                    KursDate     today,
                                    GError     **error);

G_END_DECLS
