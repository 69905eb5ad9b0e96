/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-calendar.h"
#include "kurs-print-document.h"
#include "kurs-store.h"

G_BEGIN_DECLS

void kurs_timeline_drawing_add (KursPrintDocument  *document,
                                KursStore          *store,
                                KursRecord         *strategy,
                                KursCalendarLayers  calendar);

G_END_DECLS
