/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _KursTextShapes KursTextShapes;

KursTextShapes *kurs_text_shapes_new        (GtkWidget      *widget,
                                             PangoWeight     weight);
void            kurs_text_shapes_free       (KursTextShapes *self);
void            kurs_text_shapes_reset      (KursTextShapes *self);
void            kurs_text_shapes_forget_keyed (KursTextShapes *self);

PangoLayout    *kurs_text_shapes_get        (KursTextShapes *self,
                                             const char     *text);
PangoLayout    *kurs_text_shapes_lookup_keyed (KursTextShapes *self,
                                               guint           key);
PangoLayout    *kurs_text_shapes_add_keyed  (KursTextShapes *self,
                                             guint           key,
                                             const char     *text);

int             kurs_text_shapes_cut        (KursTextShapes *self,
                                             PangoLayout    *layout,
                                             double          max_width,
                                             int            *cut_index);
int             kurs_text_shapes_append     (KursTextShapes *self,
                                             GtkSnapshot    *snapshot,
                                             PangoLayout    *layout,
                                             double          x,
                                             double          center_y,
                                             double          max_width,
                                             const GdkRGBA  *color,
                                             const GdkRGBA  *backing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursTextShapes, kurs_text_shapes_free)

G_END_DECLS
