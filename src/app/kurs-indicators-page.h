/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_INDICATORS_PAGE (kurs_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (KursIndicatorsPage, kurs_indicators_page, KURS, INDICATORS_PAGE, KursPage)

G_END_DECLS
