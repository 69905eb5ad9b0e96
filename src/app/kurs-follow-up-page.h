/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_FOLLOW_UP_PAGE (kurs_follow_up_page_get_type ())
G_DECLARE_FINAL_TYPE (KursFollowUpPage, kurs_follow_up_page, KURS, FOLLOW_UP_PAGE, KursPage)

/* How far ahead "coming up" looks */
#define KURS_FOLLOW_UP_DAYS 90

G_END_DECLS
