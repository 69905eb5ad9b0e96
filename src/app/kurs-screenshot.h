/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void      kurs_screenshot_after_first_frame (GtkWindow  *window,
                                             const char *path);
gboolean  kurs_screenshot_widget            (GtkWidget  *widget,
                                             const char *path,
                                             GError    **error);

G_END_DECLS
