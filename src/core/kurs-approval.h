/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_APPROVAL_ERROR (kurs_approval_error_quark ())
GQuark kurs_approval_error_quark (void);

typedef enum {
  /* That status cannot follow the current one. */
  KURS_APPROVAL_ERROR_TRANSITION,
  /* A version's frozen text could not be read from the library. */
  KURS_APPROVAL_ERROR_UNREADABLE,
} KursApprovalError;

gboolean    kurs_approval_can_change       (KursStrategyStatus   from,
                                            KursStrategyStatus   to);
gboolean    kurs_approval_set_status       (KursStore           *store,
                                            KursRecord          *strategy,
                                            KursStrategyStatus   status,
                                            const char          *date,
                                            const char          *body,
                                            GError             **error);
KursRecord *kurs_approval_approve          (KursStore           *store,
                                            KursRecord          *strategy,
                                            const char          *date,
                                            const char          *body,
                                            GError             **error);
gboolean    kurs_approval_start_revision   (KursStore           *store,
                                            KursRecord          *strategy,
                                            GError             **error);
KursRecord *kurs_approval_get_version      (KursStore           *store,
                                            KursRecord          *strategy,
                                            gint64               number);
const char *kurs_approval_get_version_text (KursRecord          *version,
                                            GError             **error);

G_END_DECLS
