/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-application.h"
#include "kurs-store.h"
#include "kurs-strategy-view.h"

G_BEGIN_DECLS

#define KURS_TYPE_WINDOW (kurs_window_get_type ())
G_DECLARE_FINAL_TYPE (KursWindow, kurs_window, KURS, WINDOW, AdwApplicationWindow)

KursWindow       *kurs_window_new             (KursApplication *application);
KursStore        *kurs_window_get_store       (KursWindow      *self);
void              kurs_window_set_store       (KursWindow      *self,
                                               KursStore       *store);
void              kurs_window_show_error      (KursWindow      *self,
                                               const char      *message);
void              kurs_window_show_opening    (KursWindow      *self,
                                               const char      *name);
void              kurs_window_import_file     (KursWindow      *self,
                                               const char      *path);
void              kurs_window_select_strategy (KursWindow      *self,
                                               const char      *short_id);
void              kurs_window_show_page       (KursWindow      *self,
                                               const char      *name);
KursStrategyView *kurs_window_get_view        (KursWindow      *self);

G_END_DECLS
