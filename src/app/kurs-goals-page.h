/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_GOALS_PAGE (kurs_goals_page_get_type ())
G_DECLARE_FINAL_TYPE (KursGoalsPage, kurs_goals_page, KURS, GOALS_PAGE, KursPage)

G_END_DECLS
