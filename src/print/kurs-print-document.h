/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define KURS_PRINT_ERROR (kurs_print_error_quark ())
GQuark kurs_print_error_quark (void);

typedef enum {
  KURS_PRINT_ERROR_FAILED,
} KursPrintError;

/* A drawing in the document: how tall it is at a width, and how it
 * draws itself there (in points, from its top left).  A drawing taller
 * than what is left of a page goes on over the next pages. */
typedef double (*KursPrintMeasureFunc) (double   width,
                                        gpointer user_data);
typedef void   (*KursPrintDrawFunc)    (cairo_t *cr,
                                        double   width,
                                        double   height,
                                        gpointer user_data);

#define KURS_TYPE_PRINT_DOCUMENT (kurs_print_document_get_type ())
G_DECLARE_FINAL_TYPE (KursPrintDocument, kurs_print_document, KURS, PRINT_DOCUMENT, GObject)

KursPrintDocument *kurs_print_document_new            (const char           *title);
const char        *kurs_print_document_get_title      (KursPrintDocument    *self);
void               kurs_print_document_add_heading    (KursPrintDocument    *self,
                                                       guint                 level,
                                                       const char           *text);
void               kurs_print_document_add_text       (KursPrintDocument    *self,
                                                       const char           *text);
void               kurs_print_document_add_note       (KursPrintDocument    *self,
                                                       const char           *text);
void               kurs_print_document_add_field      (KursPrintDocument    *self,
                                                       const char           *label,
                                                       const char           *text);
void               kurs_print_document_add_item       (KursPrintDocument    *self,
                                                       const char           *mark,
                                                       const char           *text);
void               kurs_print_document_add_drawing    (KursPrintDocument    *self,
                                                       KursPrintMeasureFunc  measure,
                                                       KursPrintDrawFunc     draw,
                                                       double                step,
                                                       gpointer              user_data,
                                                       GDestroyNotify        destroy);
void               kurs_print_document_add_page_break (KursPrintDocument    *self);

guint              kurs_print_document_paginate       (KursPrintDocument    *self,
                                                       cairo_t              *cr,
                                                       double                width,
                                                       double                height);
void               kurs_print_document_paginate_begin (KursPrintDocument    *self,
                                                       cairo_t              *cr,
                                                       double                width,
                                                       double                height);
gboolean           kurs_print_document_paginate_step  (KursPrintDocument    *self,
                                                       gint64                budget_usec);
double             kurs_print_document_get_progress   (KursPrintDocument    *self);
guint              kurs_print_document_get_n_pages    (KursPrintDocument    *self);
gboolean           kurs_print_document_get_block_page (KursPrintDocument    *self,
                                                       guint                 block,
                                                       guint                *page);
void               kurs_print_document_draw_page      (KursPrintDocument    *self,
                                                       cairo_t              *cr,
                                                       guint                 page);
gboolean           kurs_print_document_write_pdf      (KursPrintDocument    *self,
                                                       const char           *path,
                                                       GError              **error);

G_END_DECLS
