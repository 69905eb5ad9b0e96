/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-application.h"

G_BEGIN_DECLS

typedef gboolean (*KursWidgetMatch) (GtkWidget  *widget,
                                     const char *text);

GtkWidget *kurs_widget_find          (GtkWidget       *root,
                                      KursWidgetMatch  match,
                                      const char      *text);
GPtrArray *kurs_widget_find_all      (GtkWidget       *root,
                                      KursWidgetMatch  match,
                                      const char      *text);
gboolean   kurs_widget_is_row_titled (GtkWidget       *widget,
                                      const char      *title);
gboolean   kurs_widget_is_button_labelled (GtkWidget  *widget,
                                           const char *label);
GtkWidget *kurs_widget_find_toplevel (GType           type);
gboolean   kurs_widget_is_label      (GtkWidget       *widget,
                                      const char      *text);
gboolean   kurs_widget_has_type_name (GtkWidget       *widget,
                                      const char      *type_name);
gboolean   kurs_widget_has_css_class (GtkWidget       *widget,
                                      const char      *css_class);
gboolean   kurs_widget_is_a          (GtkWidget       *widget,
                                      const char      *type_name);
void       kurs_widget_wait          (guint            milliseconds);
void       kurs_widget_settle        (void);
KursApplication *kurs_widget_application_new (void);
void       kurs_widget_snapshot      (GtkWidget       *widget,
                                      const char      *name);

/* A widget's pixels, as the renderer draws them */
typedef struct {
  guchar *data;
  int     width;
  int     height;
  gsize   stride;
} KursPixels;

void       kurs_pixels_clear         (KursPixels      *pixels);
void       kurs_pixels_get           (const KursPixels *pixels,
                                      double           x,
                                      double           y,
                                      int             *r,
                                      int             *g,
                                      int             *b);
GskRenderNode *kurs_widget_render_node (GtkWidget     *widget);
GPtrArray *kurs_render_node_find_all (GskRenderNode   *node,
                                      GskRenderNodeType type);
guchar    *kurs_render_node_pixels   (GskRenderer     *renderer,
                                      GskRenderNode   *node,
                                      int              width,
                                      int              height);
void       kurs_widget_render        (GtkWidget       *widget,
                                      KursPixels      *pixels,
                                      const char      *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KursPixels, kurs_pixels_clear)

G_END_DECLS
