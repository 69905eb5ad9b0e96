/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_PROCESS_PAGE (kurs_process_page_get_type ())
G_DECLARE_FINAL_TYPE (KursProcessPage, kurs_process_page, KURS, PROCESS_PAGE, KursPage)

G_END_DECLS
