/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_FOCUS_AREAS_PAGE (kurs_focus_areas_page_get_type ())
G_DECLARE_FINAL_TYPE (KursFocusAreasPage, kurs_focus_areas_page, KURS, FOCUS_AREAS_PAGE, KursPage)

G_END_DECLS
