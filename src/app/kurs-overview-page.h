/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_OVERVIEW_PAGE (kurs_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KursOverviewPage, kurs_overview_page, KURS, OVERVIEW_PAGE, KursPage)

G_END_DECLS
