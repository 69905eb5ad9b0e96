/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_TARGET_GROUPS_PAGE (kurs_target_groups_page_get_type ())
G_DECLARE_FINAL_TYPE (KursTargetGroupsPage, kurs_target_groups_page, KURS, TARGET_GROUPS_PAGE, KursPage)

G_END_DECLS
