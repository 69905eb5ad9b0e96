/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_STAKEHOLDERS_PAGE (kurs_stakeholders_page_get_type ())
G_DECLARE_FINAL_TYPE (KursStakeholdersPage, kurs_stakeholders_page, KURS, STAKEHOLDERS_PAGE, KursPage)

G_END_DECLS
