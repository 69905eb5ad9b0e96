/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _KursMarkShapes KursMarkShapes;

KursMarkShapes *kurs_mark_shapes_new            (void);
void            kurs_mark_shapes_free           (KursMarkShapes        *self);
void            kurs_mark_shapes_append_diamond (KursMarkShapes        *self,
                                                 GtkSnapshot           *snapshot,
                                                 int                    scale_factor,
                                                 const graphene_rect_t *area,
                                                 const GdkRGBA         *color,
                                                 gboolean               filled);
void            kurs_mark_shapes_append_rounded (KursMarkShapes        *self,
                                                 GtkSnapshot           *snapshot,
                                                 int                    scale_factor,
                                                 const graphene_rect_t *area,
                                                 double                 radius,
                                                 const GdkRGBA         *fill,
                                                 const GdkRGBA         *border,
                                                 double                 border_width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursMarkShapes, kurs_mark_shapes_free)

G_END_DECLS
