/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *kurs_boxed_list_new   (const char *name,
                                  const char *empty);
void       kurs_boxed_list_clear (GtkListBox *list);

G_END_DECLS
