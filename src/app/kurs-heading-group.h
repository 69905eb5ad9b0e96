/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KURS_TYPE_HEADING_GROUP (kurs_heading_group_get_type ())
G_DECLARE_FINAL_TYPE (KursHeadingGroup, kurs_heading_group, KURS, HEADING_GROUP, AdwPreferencesGroup)

GtkWidget  *kurs_heading_group_new       (const char       *title,
                                          const char       *description);
const char *kurs_heading_group_get_title (KursHeadingGroup *self);

const char *kurs_group_get_title         (AdwPreferencesGroup *group);

G_END_DECLS
