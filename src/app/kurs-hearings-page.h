/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_HEARINGS_PAGE (kurs_hearings_page_get_type ())
G_DECLARE_FINAL_TYPE (KursHearingsPage, kurs_hearings_page, KURS, HEARINGS_PAGE, KursPage)

G_END_DECLS
