/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KURS_TYPE_APPLICATION (kurs_application_get_type ())
G_DECLARE_FINAL_TYPE (KursApplication, kurs_application, KURS, APPLICATION, AdwApplication)

KursApplication *kurs_application_new          (void);
void             kurs_application_open_library (KursApplication *self,
                                                GFile           *file);
GSettings       *kurs_application_get_settings (KursApplication *self);
void             kurs_application_ensure_icon  (void);

G_END_DECLS
