/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-print-document.h"
#include "kurs-store.h"

G_BEGIN_DECLS

KursPrintDocument *kurs_strategy_document_new (KursStore  *store,
                                               KursRecord *strategy);

G_END_DECLS
