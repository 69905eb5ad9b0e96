/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-date.h"
#include "kurs-record.h"
#include "kurs-schema.h"

G_BEGIN_DECLS

gboolean kurs_milestone_is_overdue          (KursRecord        *milestone,
                                             KursDate           today);
gboolean kurs_milestone_is_overdue_on       (gboolean           held,
                                             int                every_years,
                                             KursDate           end,
                                             KursDate           today);
gboolean kurs_milestone_kind_is_workshop    (KursMilestoneKind  kind);
gboolean kurs_milestone_kind_is_agenda_item (KursMilestoneKind  kind);
gboolean kurs_milestone_kind_is_meeting     (KursMilestoneKind  kind);

G_END_DECLS
