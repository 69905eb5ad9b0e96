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

typedef enum {
  KURS_PRINT_DRAWING_DEFAULT     = 0,
  /* Its draw function may run in several threads at once, each on a
   * cairo_t of its own: it only reads what it was given */
  KURS_PRINT_DRAWING_THREAD_SAFE = 1 << 0,
} KursPrintDrawingFlags;

typedef enum {
  KURS_PRINT_BLOCK_HEADING,
  KURS_PRINT_BLOCK_TEXT,
  KURS_PRINT_BLOCK_NOTE,
  KURS_PRINT_BLOCK_FIELD,
  KURS_PRINT_BLOCK_ITEM,
  KURS_PRINT_BLOCK_TABLE,
  KURS_PRINT_BLOCK_DRAWING,
  KURS_PRINT_BLOCK_BREAK,
  /* a paragraph in Pango markup (text), and as plain text (label) for
   * formats that have no such marks */
  KURS_PRINT_BLOCK_MARKED,
} KursPrintBlockKind;

/* A block of the document as it was added, for another format to write
 * (kurs_print_document_get_block()); it belongs to the document */
typedef struct {
  KursPrintBlockKind     kind;
  guint                  level;      /* a heading's, from 1 */
  const char            *text;       /* a heading's, paragraph's, note's, field's or item's */
  const char            *label;      /* a field's label, an item's mark */
  guint                  n_columns;  /* a table's */
  guint                  n_rows;     /* a table's, its header row first */
  const char *const     *const *rows;
  const double          *shares;     /* a table's: each column's share of the width */
  KursPrintMeasureFunc   measure;    /* a drawing's */
  KursPrintDrawFunc      draw;
  gpointer               data;
  double                 step;
  KursPrintDrawingFlags  flags;
} KursPrintBlock;

#define KURS_TYPE_PRINT_DOCUMENT (kurs_print_document_get_type ())
G_DECLARE_FINAL_TYPE (KursPrintDocument, kurs_print_document, KURS, PRINT_DOCUMENT, GObject)

KursPrintDocument *kurs_print_document_new            (const char           *title);
const char        *kurs_print_document_get_title      (KursPrintDocument    *self);
void               kurs_print_document_add_heading    (KursPrintDocument    *self,
                                                       guint                 level,
                                                       const char           *text);
void               kurs_print_document_add_text       (KursPrintDocument    *self,
                                                       const char           *text);
void               kurs_print_document_add_marked     (KursPrintDocument    *self,
                                                      const char           *markup,
                                                      const char           *plain);
void               kurs_print_document_add_note       (KursPrintDocument    *self,
                                                       const char           *text);
void               kurs_print_document_add_field      (KursPrintDocument    *self,
                                                       const char           *label,
                                                       const char           *text);
void               kurs_print_document_add_item       (KursPrintDocument    *self,
                                                       const char           *mark,
                                                       const char           *text);
void               kurs_print_document_add_table      (KursPrintDocument    *self,
                                                       guint                 n_columns,
                                                       const char *const    *header);
void               kurs_print_document_add_table_row  (KursPrintDocument    *self,
                                                       const char *const    *cells);
void               kurs_print_document_add_drawing    (KursPrintDocument    *self,
                                                       KursPrintMeasureFunc  measure,
                                                       KursPrintDrawFunc     draw,
                                                       double                step,
                                                       gpointer              user_data,
                                                       GDestroyNotify        destroy);
void               kurs_print_document_add_drawing_full (KursPrintDocument    *self,
                                                         KursPrintMeasureFunc  measure,
                                                         KursPrintDrawFunc     draw,
                                                         double                step,
                                                         KursPrintDrawingFlags flags,
                                                         gpointer              user_data,
                                                         GDestroyNotify        destroy);
void               kurs_print_document_add_page_break (KursPrintDocument    *self);
guint              kurs_print_document_get_n_blocks   (KursPrintDocument    *self);
void               kurs_print_document_get_block      (KursPrintDocument    *self,
                                                       guint                 index,
                                                       KursPrintBlock       *block);

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
