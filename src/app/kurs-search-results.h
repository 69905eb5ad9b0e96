/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_SEARCH_RESULTS (kurs_search_results_get_type ())
G_DECLARE_FINAL_TYPE (KursSearchResults, kurs_search_results, KURS, SEARCH_RESULTS, AdwBin)

void        kurs_search_results_set_store (KursSearchResults *self,
                                           KursStore         *store);
void        kurs_search_results_search    (KursSearchResults *self,
                                           const char        *text);
GtkListBox *kurs_search_results_get_list  (KursSearchResults *self);

G_END_DECLS
