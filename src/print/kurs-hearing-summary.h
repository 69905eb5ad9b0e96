/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-print-document.h"
#include "kurs-store.h"

G_BEGIN_DECLS

KursPrintDocument *kurs_hearing_summary_new (KursStore  *store,
                                             KursRecord *round);

G_END_DECLS
