/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-print-document"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kurs-print-document.h"

G_DEFINE_QUARK (kurs-print-error-quark, kurs_print_error)

/**
 * KursPrintDocument:
 *
 * A document to print or save as PDF — the strategy, a hearing summary,
 * the timeline — as a list of blocks: headings, paragraphs, labelled
 * fields, list items, tables and drawings.  It is laid out on pages of a
 * given size with Pango, a paragraph broken across pages line by line, a
 * table row by row, a heading kept with what follows it; each page is
 * then drawn with cairo, with the title and "page N of M" at its foot.
 * The same layout serves GtkPrintOperation in the window and the PDF that
 * kurs-cli writes.
 *
 * What was added can be read back block by block
 * (kurs_print_document_get_block()): the OpenDocument export writes the
 * same blocks as styled paragraphs, lists and tables.
 */

/* What was added, as it was added */
typedef struct {
  KursPrintBlockKind    kind;
  guint                 level;
  char                 *text;
  char                 *label;      /* a field's label, an item's mark */
  guint                 n_columns;  /* a table's */
  GPtrArray            *rows;       /* a table's: char ** of n_columns, the header first */
  double               *shares;     /* a table's: each column's share of the width */
  KursPrintMeasureFunc  measure;
  KursPrintDrawFunc     draw;
  gpointer              data;
  GDestroyNotify        destroy;
  double                step;       /* a drawing is cut between its rows of this height */
  KursPrintDrawingFlags flags;
} Content;

/* What is laid out: a content, a part of a long one, or a table's row */
typedef struct {
  KursPrintBlockKind    kind;
  guint                 level;
  char                 *text;       /* owned: the whole text or a part of it */
  const char           *label;
  /* a table row's cells (the content's), and whether it is the header */
  char                **cells;
  const double         *shares;
  guint                 n_columns;
  gboolean              header;
  KursPrintMeasureFunc  measure;
  KursPrintDrawFunc     draw;
  gpointer              data;
  double                step;
  /* a long text's later parts: no space before, no label or mark */
  gboolean              continued;
  /* its content (kurs_print_document_get_block_page()) */
  guint                 added;
  /* laid out */
  PangoLayout          *layout;
  GPtrArray            *cell_layouts; /* a row's, a PangoLayout each */
  GPtrArray            *lines;      /* PangoLayoutLine *, in order */
  GArray               *heights;    /* double, each line's (a row is one line) */
  double                indent;
  double                height;     /* of a drawing */
} Block;

/* Where a piece of a block goes: a line of its text, or a slice of a
 * drawing from `offset` down */
typedef struct {
  guint  page;
  guint  block;
  int    line;       /* -1 for a drawing */
  double y;          /* its top, on the page */
  double offset;     /* of a drawing's slice */
  double height;     /* of a drawing's slice */
} Piece;

struct _KursPrintDocument
{
  GObject  parent_instance;

  char    *title;
  GArray  *contents;
  GArray  *blocks;
  GArray  *pieces;
  GArray  *page_starts;   /* guint: each page's first piece */
  guint    n_pages;
  double   width;
  double   height;

  /* Pagination under way (kurs_print_document_paginate_step()) */
  cairo_t *cr;
  guint    next_block;
  guint    page;
  double   y;
};

G_DEFINE_FINAL_TYPE (KursPrintDocument, kurs_print_document, G_TYPE_OBJECT)

#define FOOTER_HEIGHT 24.0
#define ITEM_INDENT   18.0
#define CELL_PADDING  3.0
/* A table's cell shows this many lines at most on paper, then "…" */
#define CELL_MAX_LINES 12

static void
clear_layout (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->cell_layouts, g_ptr_array_unref);
  g_clear_pointer (&block->lines, g_ptr_array_unref);
  g_clear_pointer (&block->heights, g_array_unref);
}

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  clear_layout (block);
}

static void
clear_content (gpointer data)
{
  Content *content = data;

  g_free (content->text);
  g_free (content->label);
  g_clear_pointer (&content->rows, g_ptr_array_unref);
  g_free (content->shares);
  if (content->destroy)
    content->destroy (content->data);
}

/* A text longer than this is laid out in parts, each its own layout: Pango
 * lays a paragraph out whole, and a megabyte in one layout would hold the
 * window for seconds at a time.  A part ends at a line break where there
 * is one, else after a space. */
#define PART_BYTES 8192

static const char *
part_end (const char *start,
          const char *end)
{
  const char *limit = start + PART_BYTES;
  const char *cut;

  if (end - start <= PART_BYTES)
    return end;
  for (cut = limit; cut > start; cut--)
    if (cut[-1] == '\n')
      return cut;
  for (cut = limit; cut > start + PART_BYTES / 2; cut--)
    if (cut[-1] == ' ')
      return cut;
  /* no space either: between two characters */
  return g_utf8_find_prev_char (start, limit + 1);
}

static void
add_content (KursPrintDocument *self,
             Content           *content)
{
  g_array_append_vals (self->contents, content, 1);
}

/* The longest word of a text, in characters */
static glong
longest_word (const char *text)
{
  glong longest = 0, length = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        length = 0;
      else
        longest = MAX (longest, ++length);
    }
  return longest;
}

/* How wide a table's columns are, as shares of the width: wide enough for
 * their longest words, and for half their longest texts (to forty
 * characters) where that is more */
static double *
column_shares (Content *table)
{
  double *shares = g_new0 (double, table->n_columns);
  double total = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double weight = 4;

      for (guint r = 0; r < table->rows->len; r++)
        {
          const char *cell = ((char **) table->rows->pdata[r])[c];

          weight = MAX (weight, MIN (longest_word (cell), 24) * 1.2 + 2);
          weight = MAX (weight, MIN (g_utf8_strlen (cell, 200), 40) / 2.0);
        }
      shares[c] = weight;
      total += weight;
    }
  for (guint c = 0; c < table->n_columns; c++)
    shares[c] /= total;
  return shares;
}

/* The blocks to lay out for a content: a text longer than PART_BYTES in
 * parts, a table a row at a time */
static void
add_blocks (KursPrintDocument *self,
            guint              index)
{
  Content *content = &g_array_index (self->contents, Content, index);
  Block block = {
    .kind = content->kind, .level = content->level, .label = content->label,
    .measure = content->measure, .draw = content->draw, .data = content->data,
    .step = content->step, .added = index,
  };
  gboolean has_text = content->kind == KURS_PRINT_BLOCK_TEXT || content->kind == KURS_PRINT_BLOCK_NOTE
                      || content->kind == KURS_PRINT_BLOCK_FIELD || content->kind == KURS_PRINT_BLOCK_ITEM;
  const char *start, *end;

  if (content->kind == KURS_PRINT_BLOCK_TABLE)
    {
      if (content->shares == NULL)
        content->shares = column_shares (content);
      for (guint r = 0; r < content->rows->len; r++)
        {
          Block row = block;

          row.cells = content->rows->pdata[r];
          row.n_columns = content->n_columns;
          row.shares = content->shares;
          row.header = r == 0;
          row.continued = r > 0;
          g_array_append_val (self->blocks, row);
        }
      return;
    }

  if (!has_text || content->text == NULL || strlen (content->text) <= PART_BYTES)
    {
      block.text = g_strdup (content->text);
      g_array_append_val (self->blocks, block);
      return;
    }

  start = content->text;
  end = start + strlen (start);
  while (start < end)
    {
      const char *cut = part_end (start, end);
      /* the line break between two parts is the parts' own */
      gsize length = cut - start - (cut < end && cut[-1] == '\n' ? 1 : 0);
      Block part = block;

      part.text = g_strndup (start, length);
      part.continued = start != content->text;
      g_array_append_val (self->blocks, part);
      start = cut;
    }
}

static const char *
font_for (Block *block)
{
  switch (block->kind)
    {
    case KURS_PRINT_BLOCK_HEADING:
      return block->level <= 1 ? "Sans Bold 17" : block->level == 2 ? "Sans Bold 13" : "Sans Bold 11";
    case KURS_PRINT_BLOCK_NOTE:
      return "Sans Italic 9";
    default:
      return "Sans 10";
    }
}

/* Space before a block, in points */
static double
space_before (Block *block)
{
  if (block->continued)
    return 0;

  switch (block->kind)
    {
    case KURS_PRINT_BLOCK_HEADING:
      return block->level <= 1 ? 4 : block->level == 2 ? 16 : 10;
    case KURS_PRINT_BLOCK_ITEM:
    case KURS_PRINT_BLOCK_FIELD:
      return 3;
    default:
      return 6;
    }
}

/* A table's row: a layout a cell, each column its share of the width;
 * the row is one "line", as tall as its tallest cell */
static void
layout_row (Block   *block,
            cairo_t *cr,
            double   width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (block->header ? "Sans Bold 9" : "Sans 9");
  double height = 0;

  block->cell_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; c < block->n_columns; c++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      double column = width * block->shares[c];
      int cell_height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, pango_units_from_double (column - 2 * CELL_PADDING));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      /* a long text shows its start: the document's other formats have it whole */
      pango_layout_set_height (layout, -CELL_MAX_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, block->cells[c] ? block->cells[c] : "", -1);
      pango_layout_get_pixel_size (layout, NULL, &cell_height);
      height = MAX (height, cell_height);
      g_ptr_array_add (block->cell_layouts, layout);
    }
  height += 2 * CELL_PADDING;
  block->heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (block->heights, height);
}

static void
layout_block (Block   *block,
              cairo_t *cr,
              double   width)
{
  g_autoptr(PangoFontDescription) font = NULL;

  /* laid out already, as the block after a heading is */
  if (block->heights != NULL)
    return;

  font = pango_font_description_from_string (font_for (block));
  block->indent = block->kind == KURS_PRINT_BLOCK_ITEM ? ITEM_INDENT : 0;

  if (block->kind == KURS_PRINT_BLOCK_DRAWING)
    {
      block->height = block->measure ? block->measure (width, block->data) : 0;
      return;
    }
  if (block->kind == KURS_PRINT_BLOCK_BREAK)
    return;
  if (block->kind == KURS_PRINT_BLOCK_TABLE)
    {
      layout_row (block, cr, width);
      return;
    }

  block->layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (block->layout, font);
  pango_layout_set_width (block->layout, pango_units_from_double (width - block->indent));
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);

  if (block->kind == KURS_PRINT_BLOCK_FIELD && !block->continued)
    {
      g_autofree char *label = g_markup_escape_text (block->label, -1);
      g_autofree char *text = g_markup_escape_text (block->text, -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s:</b> %s", label, text);

      pango_layout_set_markup (block->layout, markup, -1);
    }
  else if (block->kind == KURS_PRINT_BLOCK_MARKED)
    pango_layout_set_markup (block->layout, block->text, -1);
  else
    pango_layout_set_text (block->layout, block->text, -1);

  /* Its lines, once: pango_layout_get_line_readonly() walks the list
   * from the start each time */
  block->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_layout_line_unref);
  block->heights = g_array_new (FALSE, FALSE, sizeof (double));
  for (GSList *l = pango_layout_get_lines_readonly (block->layout); l != NULL; l = l->next)
    {
      PangoRectangle logical;
      double height;

      pango_layout_line_get_extents (l->data, NULL, &logical);
      height = pango_units_to_double (logical.height) + pango_units_to_double (pango_layout_get_spacing (block->layout));
      g_ptr_array_add (block->lines, pango_layout_line_ref (l->data));
      g_array_append_val (block->heights, height);
    }
}

static void
kurs_print_document_finalize (GObject *object)
{
  KursPrintDocument *self = (KursPrintDocument *) object;

  g_free (self->title);
  g_array_unref (self->blocks);
  g_array_unref (self->contents);
  g_array_unref (self->pieces);
  g_array_unref (self->page_starts);
  g_clear_pointer (&self->cr, cairo_destroy);

  G_OBJECT_CLASS (kurs_print_document_parent_class)->finalize (object);
}

static void
kurs_print_document_class_init (KursPrintDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kurs_print_document_finalize;
}

static void
kurs_print_document_init (KursPrintDocument *self)
{
  self->contents = g_array_new (FALSE, TRUE, sizeof (Content));
  g_array_set_clear_func (self->contents, clear_content);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * kurs_print_document_new:
 * @title: what the document is, for every page's foot
 */
KursPrintDocument *
kurs_print_document_new (const char *title)
{
  KursPrintDocument *self = g_object_new (KURS_TYPE_PRINT_DOCUMENT, NULL);

  self->title = g_strdup (title ? title : "");
  return self;
}

const char *
kurs_print_document_get_title (KursPrintDocument *self)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * kurs_print_document_add_heading:
 * @level: 1 for the document's title, 2 for a section, 3 below
 */
void
kurs_print_document_add_heading (KursPrintDocument *self,
                                 guint              level,
                                 const char        *text)
{
  Content content = { KURS_PRINT_BLOCK_HEADING, level, g_strdup (text ? text : "") };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  add_content (self, &content);
}

/**
 * kurs_print_document_add_text:
 *
 * A paragraph, its line breaks kept; an empty text adds nothing.
 */
void
kurs_print_document_add_text (KursPrintDocument *self,
                              const char        *text)
{
  Content content = { KURS_PRINT_BLOCK_TEXT, 0, g_strdup (text) };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  if (text == NULL || *text == '\0')
    {
      g_free (content.text);
      return;
    }
  add_content (self, &content);
}

/**
 * kurs_print_document_add_marked:
 * @markup: the paragraph in Pango markup
 * @plain: the same as plain text, its marks in words or signs, for a
 *   format without Pango's (an OpenDocument text)
 *
 * A paragraph with marks: the words a revision deleted and inserted.  It
 * is not cut into parts, whatever its length.
 */
void
kurs_print_document_add_marked (KursPrintDocument *self,
                                const char        *markup,
                                const char        *plain)
{
  Content content = { KURS_PRINT_BLOCK_MARKED, 0, g_strdup (markup), g_strdup (plain) };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (markup != NULL && plain != NULL);
  add_content (self, &content);
}

/* A paragraph in small italics: what is missing, or a remark */
void
kurs_print_document_add_note (KursPrintDocument *self,
                              const char        *text)
{
  Content content = { KURS_PRINT_BLOCK_NOTE, 0, g_strdup (text ? text : "") };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  add_content (self, &content);
}

/**
 * kurs_print_document_add_field:
 *
 * "Label: text", the label in bold; an empty text adds nothing.
 */
void
kurs_print_document_add_field (KursPrintDocument *self,
                               const char        *label,
                               const char        *text)
{
  Content content = { KURS_PRINT_BLOCK_FIELD, 0, g_strdup (text), g_strdup (label) };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  if (text == NULL || *text == '\0')
    {
      clear_content (&content);
      return;
    }
  add_content (self, &content);
}

/**
 * kurs_print_document_add_item:
 * @mark: "•", "1." …
 */
void
kurs_print_document_add_item (KursPrintDocument *self,
                              const char        *mark,
                              const char        *text)
{
  Content content = { KURS_PRINT_BLOCK_ITEM, 0, g_strdup (text ? text : ""), g_strdup (mark ? mark : "•") };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  add_content (self, &content);
}

static void
free_row (gpointer data)
{
  g_strfreev (data);
}

static char **
copy_row (const char *const *cells,
          guint              n_columns)
{
  char **row = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    row[c] = g_strdup (cells[c] ? cells[c] : "");
  return row;
}

/**
 * kurs_print_document_add_table:
 * @n_columns: how many columns, at least one
 * @header: (array length=n_columns): the columns' names
 *
 * Begins a table; its rows follow with kurs_print_document_add_table_row().
 */
void
kurs_print_document_add_table (KursPrintDocument  *self,
                               guint               n_columns,
                               const char *const  *header)
{
  Content content = { KURS_PRINT_BLOCK_TABLE };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && header != NULL);

  content.n_columns = n_columns;
  content.rows = g_ptr_array_new_with_free_func (free_row);
  g_ptr_array_add (content.rows, copy_row (header, n_columns));
  add_content (self, &content);
}

/**
 * kurs_print_document_add_table_row:
 * @cells: (array): as many texts as the table has columns
 *
 * Adds a row to the table added last, which must be the last block.
 */
void
kurs_print_document_add_table_row (KursPrintDocument  *self,
                                   const char *const  *cells)
{
  Content *table;

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->contents->len > 0);

  table = &g_array_index (self->contents, Content, self->contents->len - 1);
  g_return_if_fail (table->kind == KURS_PRINT_BLOCK_TABLE);
  g_ptr_array_add (table->rows, copy_row (cells, table->n_columns));
  g_clear_pointer (&table->shares, g_free);
}

/**
 * kurs_print_document_add_drawing:
 * @measure: the drawing's height at a width
 * @draw: draws it
 * @step: where the drawing goes on over the next page, it is cut between
 *   rows of this height (its rows of text), or anywhere for 0
 * @destroy: (nullable): frees @user_data with the document
 */
void
kurs_print_document_add_drawing (KursPrintDocument    *self,
                                 KursPrintMeasureFunc  measure,
                                 KursPrintDrawFunc     draw,
                                 double                step,
                                 gpointer              user_data,
                                 GDestroyNotify        destroy)
{
  kurs_print_document_add_drawing_full (self, measure, draw, step, KURS_PRINT_DRAWING_DEFAULT, user_data, destroy);
}

/**
 * kurs_print_document_add_drawing_full:
 * @flags: whether @draw may run in several threads at once
 *
 * As kurs_print_document_add_drawing(); a drawing safe to draw in threads
 * is drawn so where a format has many pictures of it (a long timeline in
 * an OpenDocument text).
 */
void
kurs_print_document_add_drawing_full (KursPrintDocument     *self,
                                      KursPrintMeasureFunc   measure,
                                      KursPrintDrawFunc      draw,
                                      double                 step,
                                      KursPrintDrawingFlags  flags,
                                      gpointer               user_data,
                                      GDestroyNotify         destroy)
{
  Content content = { KURS_PRINT_BLOCK_DRAWING };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (measure != NULL && draw != NULL);

  content.measure = measure;
  content.draw = draw;
  content.step = MAX (step, 0);
  content.flags = flags;
  content.data = user_data;
  content.destroy = destroy;
  add_content (self, &content);
}

void
kurs_print_document_add_page_break (KursPrintDocument *self)
{
  Content content = { KURS_PRINT_BLOCK_BREAK };

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  add_content (self, &content);
}

/**
 * kurs_print_document_get_n_blocks:
 *
 * Returns: how many blocks were added
 */
guint
kurs_print_document_get_n_blocks (KursPrintDocument *self)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), 0);

  return self->contents->len;
}

/**
 * kurs_print_document_get_block:
 * @index: from 0, in the order they were added
 * @block: (out caller-allocates): the block, whole (a long text is not cut
 *   into parts here); its texts belong to the document
 */
void
kurs_print_document_get_block (KursPrintDocument *self,
                               guint              index,
                               KursPrintBlock    *block)
{
  Content *content;

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (index < self->contents->len);
  g_return_if_fail (block != NULL);

  content = &g_array_index (self->contents, Content, index);
  if (content->kind == KURS_PRINT_BLOCK_TABLE && content->shares == NULL)
    content->shares = column_shares (content);
  *block = (KursPrintBlock) {
    .kind = content->kind,
    .level = content->level,
    .text = content->text,
    .label = content->label,
    .n_columns = content->n_columns,
    .n_rows = content->rows ? content->rows->len : 0,
    .rows = content->rows ? (const char *const *const *) content->rows->pdata : NULL,
    .shares = content->shares,
    .measure = content->measure,
    .draw = content->draw,
    .data = content->data,
    .step = content->step,
    .flags = content->flags,
  };
}

/* How much of a drawing must fit for it to begin on a page, not at its
 * foot */
static double
drawing_start_height (Block  *block,
                      double  body)
{
  return MIN (block->height, body / 3);
}

/* The height of a block's first few lines (or of a drawing's start): a
 * heading must have room for itself and the start of what follows it */
static double
first_lines_height (Block  *block,
                    guint   n_lines,
                    double  body)
{
  double height = 0;

  if (block->heights == NULL)
    return block->kind == KURS_PRINT_BLOCK_DRAWING ? drawing_start_height (block, body) : 0;

  for (guint i = 0; i < MIN (n_lines, block->heights->len); i++)
    height += g_array_index (block->heights, double, i);
  return height;
}

/**
 * kurs_print_document_paginate_begin:
 * @cr: where the pages will be drawn: its fonts and resolution; kept until
 *   the pagination is done
 * @width: the width of a page's printable area, in points
 * @height: its height
 *
 * Starts laying the document out on pages of that size, a few blocks at
 * a time with kurs_print_document_paginate_step(), so that a window can
 * go on drawing (and show the progress) while a long document is laid
 * out.
 */
void
kurs_print_document_paginate_begin (KursPrintDocument *self,
                                    cairo_t           *cr,
                                    double             width,
                                    double             height)
{
  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  g_clear_pointer (&self->cr, cairo_destroy);
  self->cr = cairo_reference (cr);
  self->width = width;
  self->height = height;
  self->next_block = 0;
  self->page = 0;
  self->y = 0;
  self->n_pages = 0;
  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->page_starts, 0);
  g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < self->contents->len; i++)
    add_blocks (self, i);
}

static void
paginate_block (KursPrintDocument *self,
                guint              b)
{
  Block *block = &g_array_index (self->blocks, Block, b);
  double body = self->height - FOOTER_HEIGHT;

  layout_block (block, self->cr, self->width);

  if (block->kind == KURS_PRINT_BLOCK_BREAK)
    {
      if (self->y > 0)
        self->page++;
      self->y = 0;
      return;
    }

  if (self->y > 0)
    self->y += space_before (block);

  /* A heading goes with the start of what follows it, a table's header
   * with its first row */
  if ((block->kind == KURS_PRINT_BLOCK_HEADING || block->header) && self->y > 0)
    {
      double needed = first_lines_height (block, G_MAXUINT, body);

      if (b + 1 < self->blocks->len)
        {
          Block *next = &g_array_index (self->blocks, Block, b + 1);

          layout_block (next, self->cr, self->width);
          needed += space_before (next) + first_lines_height (next, 2, body);
        }
      if (self->y + needed > body)
        {
          self->page++;
          self->y = 0;
        }
    }

  if (block->kind == KURS_PRINT_BLOCK_DRAWING)
    {
      double offset = 0;

      /* Not begun near a page's foot */
      if (self->y > 0 && self->y + drawing_start_height (block, body) > body)
        {
          self->page++;
          self->y = 0;
        }
      while (offset < block->height)
        {
          double slice = MIN (block->height - offset, body - self->y);
          Piece piece;

          /* whole rows on each page, where the drawing has rows */
          if (block->step > 0 && slice < block->height - offset && slice >= block->step)
            slice = floor (slice / block->step) * block->step;
          piece = (Piece) { self->page, b, -1, self->y, offset, slice };

          g_array_append_val (self->pieces, piece);
          offset += slice;
          self->y += slice;
          if (offset < block->height)
            {
              self->page++;
              self->y = 0;
            }
        }
      return;
    }

  for (guint line = 0; line < block->heights->len; line++)
    {
      double h = g_array_index (block->heights, double, line);
      Piece piece = { self->page, b, line, self->y, 0, h };

      if (self->y > 0 && self->y + h > body)
        {
          self->page++;
          self->y = 0;
          piece.page = self->page;
          piece.y = 0;
        }
      g_array_append_val (self->pieces, piece);
      self->y += h;
    }
}

/**
 * kurs_print_document_paginate_step:
 * @budget_usec: about how long to go on, in microseconds
 *
 * Lays out blocks until the time is up or the document is done.
 *
 * Returns: whether the document is laid out (kurs_print_document_get_n_pages())
 */
gboolean
kurs_print_document_paginate_step (KursPrintDocument *self,
                                   gint64             budget_usec)
{
  gint64 deadline;

  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), TRUE);
  g_return_val_if_fail (self->cr != NULL || self->n_pages > 0, TRUE);

  if (self->cr == NULL)
    return TRUE;

  deadline = g_get_monotonic_time ();
  deadline = budget_usec < G_MAXINT64 - deadline ? deadline + budget_usec : G_MAXINT64;
  while (self->next_block < self->blocks->len)
    {
      paginate_block (self, self->next_block++);
      if (g_get_monotonic_time () >= deadline)
        break;
    }
  if (self->next_block < self->blocks->len)
    return FALSE;

  /* Each page's first piece, for drawing a page without looking at the
   * others' */
  self->n_pages = self->page + 1;
  for (guint i = 0, page = 0; page < self->n_pages; page++)
    {
      while (i < self->pieces->len && g_array_index (self->pieces, Piece, i).page < page)
        i++;
      g_array_append_val (self->page_starts, i);
    }
  g_clear_pointer (&self->cr, cairo_destroy);
  return TRUE;
}

/**
 * kurs_print_document_get_progress:
 *
 * Returns: how much of the document is laid out, from 0 to 1
 */
double
kurs_print_document_get_progress (KursPrintDocument *self)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), 0);

  return self->blocks->len > 0 ? (double) self->next_block / self->blocks->len : 1;
}

/**
 * kurs_print_document_get_n_pages:
 *
 * Returns: the number of pages, once the document is laid out
 */
guint
kurs_print_document_get_n_pages (KursPrintDocument *self)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * kurs_print_document_paginate:
 * @cr: where the pages will be drawn: its fonts and resolution
 * @width: the width of a page's printable area, in points
 * @height: its height
 *
 * Lays the document out on pages of that size, all at once.
 *
 * Returns: the number of pages, at least 1
 */
guint
kurs_print_document_paginate (KursPrintDocument *self,
                              cairo_t           *cr,
                              double             width,
                              double             height)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  kurs_print_document_paginate_begin (self, cr, width, height);
  while (!kurs_print_document_paginate_step (self, G_MAXINT64))
    ;
  return self->n_pages;
}

/**
 * kurs_print_document_get_block_page:
 * @block: a block, from 0 in the order they were added
 * @page: (out): the page it begins on
 *
 * Where the document, once paginated, puts a block (a heading, say).
 *
 * Returns: whether @block is on a page (a page break is on none)
 */
gboolean
kurs_print_document_get_block_page (KursPrintDocument *self,
                                    guint              block,
                                    guint             *page)
{
  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  for (guint i = 0; i < self->pieces->len; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (g_array_index (self->blocks, Block, piece->block).added == block)
        {
          *page = piece->page;
          return TRUE;
        }
    }

  return FALSE;
}

static void
draw_footer (KursPrintDocument *self,
             cairo_t           *cr,
             guint              page)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  /* Translators: at the foot of a printed page */
  g_autofree char *text = g_strdup_printf (_("%s · page %u of %u"), self->title, page + 1, self->n_pages);
  int text_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (self->width));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, self->height - FOOTER_HEIGHT + 6);
  cairo_line_to (cr, self->width, self->height - FOOTER_HEIGHT + 6);
  cairo_stroke (cr);
  cairo_move_to (cr, 0, self->height - text_height);
  pango_cairo_show_layout (cr, layout);
}

/* A table's row: its cells side by side, a rule under it (a heavier one
 * under the header) */
static void
draw_row (KursPrintDocument *self,
          cairo_t           *cr,
          Block             *block,
          Piece             *piece)
{
  double x = 0;

  for (guint c = 0; c < block->cell_layouts->len; c++)
    {
      cairo_move_to (cr, x + CELL_PADDING, piece->y + CELL_PADDING);
      pango_cairo_show_layout (cr, block->cell_layouts->pdata[c]);
      x += self->width * block->shares[c];
    }
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, block->header ? 1.0 : 0.4);
  cairo_move_to (cr, 0, piece->y + piece->height);
  cairo_line_to (cr, self->width, piece->y + piece->height);
  cairo_stroke (cr);
}

/**
 * kurs_print_document_draw_page:
 * @page: from 0, less than what kurs_print_document_paginate() returned
 *
 * Draws a page from the top left of @cr, in points.
 */
void
kurs_print_document_draw_page (KursPrintDocument *self,
                               cairo_t           *cr,
                               guint              page)
{
  guint first, last;

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < self->n_pages ? g_array_index (self->page_starts, guint, page + 1) : self->pieces->len;

  for (guint i = first; i < last; i++)
    {
      Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = &g_array_index (self->blocks, Block, piece->block);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

      if (block->kind == KURS_PRINT_BLOCK_DRAWING)
        {
          cairo_rectangle (cr, 0, piece->y, self->width, piece->height);
          cairo_clip (cr);
          cairo_translate (cr, 0, piece->y - piece->offset);
          block->draw (cr, self->width, block->height, block->data);
        }
      else if (block->kind == KURS_PRINT_BLOCK_TABLE)
        draw_row (self, cr, block, piece);
      else
        {
          PangoLayoutLine *line = block->lines->pdata[piece->line];
          PangoRectangle logical;
          int baseline;

          pango_layout_line_get_extents (line, NULL, &logical);
          baseline = -logical.y;

          /* An item's mark goes before its first line */
          if (block->kind == KURS_PRINT_BLOCK_ITEM && piece->line == 0 && !block->continued)
            {
              g_autoptr(PangoLayout) mark = pango_cairo_create_layout (cr);

              pango_layout_set_font_description (mark, pango_layout_get_font_description (block->layout));
              pango_layout_set_text (mark, block->label, -1);
              cairo_move_to (cr, 0, piece->y);
              pango_cairo_show_layout (cr, mark);
            }

          cairo_move_to (cr, block->indent + pango_units_to_double (logical.x),
                         piece->y + pango_units_to_double (baseline));
          pango_cairo_show_layout_line (cr, line);
        }

      cairo_restore (cr);
    }

  draw_footer (self, cr, page);
}

/* A4, in points, with margins of 2 cm */
#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
#define MARGIN    56.69

/**
 * kurs_print_document_write_pdf:
 *
 * Saves the document as a PDF of A4 pages.
 */
gboolean
kurs_print_document_write_pdf (KursPrintDocument  *self,
                               const char         *path,
                               GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kurs");
  cr = cairo_create (surface);

  n_pages = kurs_print_document_paginate (self, cr, A4_WIDTH - 2 * MARGIN, A4_HEIGHT - 2 * MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      kurs_print_document_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KURS_PRINT_ERROR, KURS_PRINT_ERROR_FAILED,
                   _("The PDF %s could not be written: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
