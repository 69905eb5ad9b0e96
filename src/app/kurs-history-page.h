/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-page.h"

G_BEGIN_DECLS

#define KURS_TYPE_HISTORY_PAGE (kurs_history_page_get_type ())
G_DECLARE_FINAL_TYPE (KursHistoryPage, kurs_history_page, KURS, HISTORY_PAGE, KursPage)

GListModel *kurs_history_page_get_model (KursHistoryPage *self);

G_END_DECLS
