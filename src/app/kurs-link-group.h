/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_LINK_GROUP (kurs_link_group_get_type ())
G_DECLARE_FINAL_TYPE (KursLinkGroup, kurs_link_group, KURS, LINK_GROUP, AdwPreferencesGroup)

GtkWidget *kurs_link_group_new      (KursStore  *store,
                                     KursRecord *owner,
                                     KursEntity  link,
                                     const char *owner_field,
                                     KursEntity  target,
                                     const char *title,
                                     const char *empty);
void       kurs_link_group_set_role (KursLinkGroup *self,
                                     const char    *field,
                                     const char    *nick);

G_END_DECLS
