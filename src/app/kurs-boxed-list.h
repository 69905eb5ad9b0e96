/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-heading-group.h"
#include "kurs-record.h"

G_BEGIN_DECLS

GtkWidget *kurs_boxed_list_new   (const char *name,
                                  const char *empty);
void       kurs_boxed_list_clear (GtkListBox *list);

GtkWidget  *kurs_open_row_new      (const char          *title,
                                    const char          *subtitle,
                                    const char          *page,
                                    KursRecord          *record);

G_END_DECLS
