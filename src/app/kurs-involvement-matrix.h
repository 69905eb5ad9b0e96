/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_INVOLVEMENT_MATRIX (kurs_involvement_matrix_get_type ())
G_DECLARE_FINAL_TYPE (KursInvolvementMatrix, kurs_involvement_matrix, KURS, INVOLVEMENT_MATRIX, GtkWidget)

GtkWidget *kurs_involvement_matrix_new      (KursStore             *store,
                                             KursRecord            *strategy);
GtkWidget *kurs_involvement_matrix_get_cell (KursInvolvementMatrix *self,
                                             gint64                 stakeholder_id,
                                             gint64                 milestone_id);
gboolean   kurs_involvement_matrix_set_role (KursInvolvementMatrix *self,
                                             gint64                 stakeholder_id,
                                             gint64                 milestone_id,
                                             const char            *role,
                                             GError               **error);

G_END_DECLS
