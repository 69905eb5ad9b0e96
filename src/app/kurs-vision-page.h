/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_VISION_PAGE (kurs_vision_page_get_type ())
G_DECLARE_FINAL_TYPE (KursVisionPage, kurs_vision_page, KURS, VISION_PAGE, KursPage)

G_END_DECLS
