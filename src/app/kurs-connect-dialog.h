/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KURS_TYPE_CONNECT_DIALOG (kurs_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KursConnectDialog, kurs_connect_dialog, KURS, CONNECT_DIALOG, AdwMessageDialog)

GtkWidget *kurs_connect_dialog_new         (GtkWindow         *parent,
                                            const char        *address,
                                            const char        *problem);
char      *kurs_connect_dialog_get_address (KursConnectDialog *self);

G_END_DECLS
