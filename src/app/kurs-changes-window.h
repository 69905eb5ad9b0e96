/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-comparison.h"

G_BEGIN_DECLS

#define KURS_TYPE_CHANGES_WINDOW (kurs_changes_window_get_type ())
G_DECLARE_FINAL_TYPE (KursChangesWindow, kurs_changes_window, KURS, CHANGES_WINDOW, AdwWindow)

GtkWidget      *kurs_changes_window_new            (GtkWindow         *parent,
                                                    KursStore         *store,
                                                    KursRecord        *strategy,
                                                    gint64             from_version,
                                                    gint64             to_version);
KursComparison *kurs_changes_window_get_comparison (KursChangesWindow *self);

G_END_DECLS
