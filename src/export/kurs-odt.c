/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-odt"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-svg.h>
#include <libxml/xmlwriter.h>
#include <png.h>
#include <zip.h>

#include "kurs-export-file.h"
#include "kurs-odt.h"

/**
 * SECTION:kurs-odt
 *
 * A document as an OpenDocument text (.odt), for a word processor:
 * the blocks of a #KursPrintDocument — the same the printed strategy or
 * hearing summary is made of — as paragraphs in named styles a
 * consultant restyles in one place (Title, Heading 1–3, Text Body, List,
 * Table Heading/Contents), items as real lists, tables as real tables,
 * drawings (key figures, the timeline) as SVG pictures with a PNG for
 * programs without SVG, drawn by the code that draws them on paper.  The
 * package is written with libzip, its XML with libxml2's writer:
 * `mimetype` first and stored, then content.xml, styles.xml, meta.xml
 * and the manifest.
 */

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW     "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_XLINK    "http://www.w3.org/1999/xlink"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define ODF_VERSION "1.3"
#define MIMETYPE    "application/vnd.oasis.opendocument.text"

/* A4 with margins of 2 cm, as on paper */
#define BODY_WIDTH_CM   17.0
#define POINTS_PER_CM   (72.0 / 2.54)
/* A tall drawing (a long timeline) is cut into pictures of at most this
 * height, a page's worth, between its rows */
#define SLICE_HEIGHT_PT 640.0
/* The PNG for programs without SVG: pixels a point (108 dpi) for a
 * picture, and half that for each part of a drawing cut into many (a long
 * timeline: hundreds of pages, where the PNGs would take most of the
 * time); the SVG is what LibreOffice and Word show */
#define PNG_SCALE       1.5
#define PNG_SCALE_PARTS 0.75

typedef struct {
  char   *name;       /* in the package: Pictures/… */
  GBytes *data;
  const char *media_type;
} Picture;

typedef struct {
  KursPrintDocument *document;
  const KursOdtInfo *info;
  xmlTextWriterPtr   writer;
  GPtrArray         *pictures;   /* Picture * */
  GPtrArray         *slices;     /* Slice *, drawn before the text is written */
  guint              next_slice;
  guint              n_tables;
  const char        *last_heading;
  gboolean           failed;
} Writer;

static void
picture_free (gpointer data)
{
  Picture *picture = data;

  g_free (picture->name);
  g_bytes_unref (picture->data);
  g_free (picture);
}

/* libxml2's writer, element by element; any failure is remembered and
 * checked once at the end of a part */

static void
start (Writer     *w,
       const char *name)
{
  if (xmlTextWriterStartElement (w->writer, BAD_CAST name) < 0)
    w->failed = TRUE;
}

static void
end (Writer *w)
{
  if (xmlTextWriterEndElement (w->writer) < 0)
    w->failed = TRUE;
}

static void
attr (Writer     *w,
      const char *name,
      const char *value)
{
  if (xmlTextWriterWriteAttribute (w->writer, BAD_CAST name, BAD_CAST value) < 0)
    w->failed = TRUE;
}

static void G_GNUC_PRINTF (3, 4)
attr_printf (Writer     *w,
             const char *name,
             const char *format,
             ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  attr (w, name, value);
}

static void
raw_text (Writer     *w,
          const char *text,
          gsize       length)
{
  if (length > 0)
    {
      g_autofree char *piece = g_strndup (text, length);

      if (xmlTextWriterWriteString (w->writer, BAD_CAST piece) < 0)
        w->failed = TRUE;
    }
}

/* A text exactly as typed, inside a paragraph: ODF folds runs of spaces,
 * so the second and later of a run are <text:s/>; a tab is <text:tab/>, a
 * line break <text:line-break/>; control characters XML cannot hold are
 * left out */
static void
write_text (Writer     *w,
            const char *text)
{
  const char *run = text;
  const char *p = text;
  gboolean after_space = TRUE;   /* a paragraph's leading space is kept too */

  if (text == NULL)
    return;

  while (*p)
    {
      unsigned char c = (unsigned char) *p;

      if (c == ' ' && after_space)
        {
          guint n = 0;

          raw_text (w, run, p - run);
          while (p[n] == ' ')
            n++;
          start (w, "text:s");
          if (n > 1)
            attr_printf (w, "text:c", "%u", n);
          end (w);
          p += n;
          run = p;
          after_space = FALSE;
          continue;
        }
      if (c < 0x20)
        {
          raw_text (w, run, p - run);
          if (c == '\t')
            {
              start (w, "text:tab");
              end (w);
            }
          else if (c == '\n')
            {
              start (w, "text:line-break");
              end (w);
            }
          p++;
          run = p;
          after_space = c == '\n';
          continue;
        }
      after_space = c == ' ';
      p++;
    }
  raw_text (w, run, p - run);
}

static void
paragraph (Writer     *w,
           const char *style,
           const char *text)
{
  start (w, "text:p");
  attr (w, "text:style-name", style);
  write_text (w, text);
  end (w);
}

/* A typed text's lines are its paragraphs; empty lines only part them */
static void
paragraphs (Writer     *w,
            const char *style,
            const char *text)
{
  const char *line = text;

  while (line != NULL && *line)
    {
      const char *newline = strchr (line, '\n');
      gsize length = newline ? (gsize) (newline - line) : strlen (line);

      if (length > 0 && !(length == 1 && line[0] == '\r'))
        {
          g_autofree char *piece = g_strndup (line, length);

          paragraph (w, style, piece);
        }
      line = newline ? newline + 1 : NULL;
    }
}

static const char *
heading_style (guint level)
{
  switch (level)
    {
    case 0:
    case 1:
      return "Heading_20_1";
    case 2:
      return "Heading_20_2";
    default:
      return "Heading_20_3";
    }
}

static void
heading (Writer            *w,
         guint              level,
         const char        *text)
{
  start (w, "text:h");
  attr (w, "text:style-name", heading_style (level));
  attr_printf (w, "text:outline-level", "%u", MAX (level, 1));
  write_text (w, text);
  end (w);
  w->last_heading = text;
}

static void
field (Writer     *w,
       const char *label,
       const char *text)
{
  start (w, "text:p");
  attr (w, "text:style-name", "Kurs_20_Field");
  start (w, "text:span");
  attr (w, "text:style-name", "Strong_20_Emphasis");
  write_text (w, label);
  raw_text (w, ":", 1);
  end (w);
  raw_text (w, " ", 1);
  write_text (w, text);
  end (w);
}

/* Which list style an item's mark asks for */
static const char *
list_style (const char *mark)
{
  if (g_strcmp0 (mark, "→") == 0)
    return "Kurs_20_Arrow_20_List";
  if (g_strcmp0 (mark, "–") == 0)
    return "Kurs_20_Dash_20_List";
  return "List_20_1";
}

/* Items one after another with the same mark: one list */
static guint
list (Writer *w,
      guint   first)
{
  KursPrintBlock block;
  const char *mark;
  guint i = first;
  guint n = kurs_print_document_get_n_blocks (w->document);

  kurs_print_document_get_block (w->document, first, &block);
  mark = block.label;
  start (w, "text:list");
  attr (w, "text:style-name", list_style (mark));
  for (; i < n; i++)
    {
      kurs_print_document_get_block (w->document, i, &block);
      if (block.kind != KURS_PRINT_BLOCK_ITEM || g_strcmp0 (block.label, mark) != 0)
        break;
      start (w, "text:list-item");
      paragraph (w, "List", block.text);
      end (w);
    }
  end (w);
  return i;
}

static void
table (Writer               *w,
       const KursPrintBlock *block)
{
  guint number = ++w->n_tables;

  start (w, "table:table");
  attr_printf (w, "table:name", "Table%u", number);
  attr (w, "table:style-name", "Kurs_Table");
  for (guint c = 0; c < block->n_columns; c++)
    {
      start (w, "table:table-column");
      attr_printf (w, "table:style-name", "Kurs_Table.%u.%u", number, c);
      end (w);
    }
  for (guint r = 0; r < block->n_rows; r++)
    {
      if (r == 0)
        start (w, "table:table-header-rows");
      start (w, "table:table-row");
      attr (w, "table:style-name", "Kurs_Row");
      for (guint c = 0; c < block->n_columns; c++)
        {
          start (w, "table:table-cell");
          attr (w, "table:style-name", "Kurs_Cell");
          attr (w, "office:value-type", "string");
          paragraph (w, r == 0 ? "Table_20_Heading" : "Table_20_Contents", block->rows[r][c]);
          end (w);
        }
      end (w);
      if (r == 0)
        end (w);
    }
  end (w);
}

/* Pictures: the same drawing functions as on paper, on cairo's SVG and
 * image surfaces */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_slice (cairo_t              *cr,
            const KursPrintBlock *block,
            double                width,
            double                height,
            double                offset,
            double                slice)
{
  cairo_rectangle (cr, 0, 0, width, slice);
  cairo_clip (cr);
  cairo_translate (cr, 0, -offset);
  block->draw (cr, width, height, block->data);
}

/* The slice drawn by the drawing itself, as SVG and below as PNG (not
 * drawn once on a recording surface and painted on both: cairo 1.16 never
 * frees a recording surface painted on an SVG surface) */
static GBytes *
render_svg (const KursPrintBlock *block,
            double                width,
            double                height,
            double                offset,
            double                slice)
{
  GByteArray *svg = g_byte_array_new ();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_bytes, svg, width, slice);
  cairo_t *cr = cairo_create (surface);

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_slice (cr, block, width, height, offset, slice);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_byte_array_set_size (svg, 0);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (svg);
}

static void
append_png (png_structp  png,
            png_bytep    data,
            png_size_t   length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_png (png_structp png)
{
}

/* The pixels as a PNG, written by libpng itself: cairo's PNG writer
 * compresses as hard as it can, and a long timeline is hundreds of
 * pictures, mostly white, that compress well at zlib's fastest */
static gboolean
encode_png (cairo_surface_t *surface,
            double           scale,
            GByteArray      *out)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *pixels;
  g_autofree guchar *row = g_malloc (width * 3);
  png_structp png;
  png_infop info;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }
  png_set_write_fn (png, out, append_png, flush_png);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  /* 72 points an inch, drawn at @scale pixels a point */
  png_set_pHYs (png, info, (png_uint_32) (scale * 72 / 0.0254 + 0.5),
                (png_uint_32) (scale * 72 / 0.0254 + 0.5), PNG_RESOLUTION_METER);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      const guint32 *source = (const guint32 *) (pixels + (gsize) y * stride);

      /* cairo's RGB24 is a native-endian 32-bit 0xXXRRGGBB */
      for (int x = 0; x < width; x++)
        {
          row[3 * x] = (source[x] >> 16) & 0xff;
          row[3 * x + 1] = (source[x] >> 8) & 0xff;
          row[3 * x + 2] = source[x] & 0xff;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

static GBytes *
render_png (const KursPrintBlock *block,
            double                width,
            double                height,
            double                offset,
            double                slice,
            double                scale)
{
  GByteArray *png = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (width * scale + 0.5),
                                                         (int) (slice * scale + 0.5));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_slice (cr, block, width, height, offset, slice);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || !encode_png (surface, scale, png))
    g_byte_array_set_size (png, 0);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static const char *
add_picture (Writer     *w,
             GBytes     *data,
             const char *extension,
             const char *media_type)
{
  Picture *picture = g_new0 (Picture, 1);

  if (g_bytes_get_size (data) == 0)
    w->failed = TRUE;
  picture->name = g_strdup_printf ("Pictures/picture-%u.%s", w->pictures->len + 1, extension);
  picture->data = g_bytes_ref (data);
  picture->media_type = media_type;
  g_ptr_array_add (w->pictures, picture);
  return picture->name;
}

static void
image (Writer     *w,
       const char *href)
{
  start (w, "draw:image");
  attr (w, "xlink:href", href);
  attr (w, "xlink:type", "simple");
  attr (w, "xlink:show", "embed");
  attr (w, "xlink:actuate", "onLoad");
  end (w);
}

/* A picture of a drawing, or of a slice of a long one */
typedef struct {
  KursPrintBlock block;
  guint          index;    /* the drawing's block */
  guint          part;     /* from 0, down the drawing */
  double         width;
  double         height;   /* the whole drawing's */
  double         offset;
  double         slice;
  GBytes        *svg;
  GBytes        *png;
} Slice;

static void
slice_free (gpointer data)
{
  Slice *slice = data;

  g_clear_pointer (&slice->svg, g_bytes_unref);
  g_clear_pointer (&slice->png, g_bytes_unref);
  g_free (slice);
}

/* How far the pictures are, for kurs_odt_write()'s caller */
typedef struct {
  const KursOdtInfo *info;
  guint              total;
  gint               done;      /* atomic */
  gint               percent;   /* atomic: the last one said */
} Progress;

static void
render_slice (gpointer data,
              gpointer user_data)
{
  Slice *slice = data;
  Progress *progress = user_data;
  int done, percent, said;

  slice->svg = render_svg (&slice->block, slice->width, slice->height, slice->offset, slice->slice);
  /* a picture of a page or less in full; the many of a long drawing
   * coarser, for programs that cannot show their SVG */
  slice->png = render_png (&slice->block, slice->width, slice->height, slice->offset, slice->slice,
                           slice->height > SLICE_HEIGHT_PT ? PNG_SCALE_PARTS : PNG_SCALE);

  /* the pictures are most of the work: what is done of them is what is
   * done, said once a percent */
  done = g_atomic_int_add (&progress->done, 1) + 1;
  percent = (int) (100.0 * done / progress->total);
  said = g_atomic_int_get (&progress->percent);
  if (progress->info->progress != NULL && percent > said
      && g_atomic_int_compare_and_exchange (&progress->percent, said, percent))
    progress->info->progress ((double) done / progress->total, progress->info->progress_data);
}

/* Every drawing's pictures, before the text is written: a long timeline
 * is hundreds, drawn in as many threads as there are processors where
 * its drawing allows (KURS_PRINT_DRAWING_THREAD_SAFE); the others (a
 * key figure reads its library as it draws) in this thread */
static GPtrArray *
render_drawings (KursPrintDocument *document,
                 const KursOdtInfo *info)
{
  GPtrArray *slices = g_ptr_array_new_with_free_func (slice_free);
  guint n = kurs_print_document_get_n_blocks (document);
  Progress progress = { info };
  GThreadPool *pool = NULL;

  for (guint i = 0; i < n; i++)
    {
      KursPrintBlock block;
      double width = BODY_WIDTH_CM * POINTS_PER_CM;
      double height, offset = 0;
      guint part = 0;

      kurs_print_document_get_block (document, i, &block);
      if (block.kind != KURS_PRINT_BLOCK_DRAWING)
        continue;
      height = block.measure (width, block.data);
      while (offset < height)
        {
          Slice *slice = g_new0 (Slice, 1);
          double size = MIN (height - offset, SLICE_HEIGHT_PT);

          /* whole rows in each picture, where the drawing has rows */
          if (block.step > 0 && size < height - offset && size >= block.step)
            size = (double) (guint) (size / block.step) * block.step;
          *slice = (Slice) { block, i, part++, width, height, offset, size };
          g_ptr_array_add (slices, slice);
          offset += size;
        }
    }

  progress.total = slices->len;
  for (guint i = 0; i < slices->len; i++)
    {
      Slice *slice = slices->pdata[i];

      if (!(slice->block.flags & KURS_PRINT_DRAWING_THREAD_SAFE))
        render_slice (slice, &progress);
      else
        {
          if (pool == NULL)
            pool = g_thread_pool_new (render_slice, &progress, (int) g_get_num_processors (), FALSE, NULL);
          g_thread_pool_push (pool, slice, NULL);
        }
    }
  /* the pictures are all drawn when the pool is gone */
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  return slices;
}

/* A drawing as pictures (drawn already), each in a frame of its own
 * paragraph; its title (for a screen reader) is the heading above it */
static void
drawing (Writer *w,
         guint   index)
{
  for (; w->next_slice < w->slices->len; w->next_slice++)
    {
      Slice *slice = w->slices->pdata[w->next_slice];
      const char *svg_name, *png_name;

      if (slice->index != index)
        break;
      svg_name = add_picture (w, slice->svg, "svg", "image/svg+xml");
      png_name = add_picture (w, slice->png, "png", "image/png");

      start (w, "text:p");
      attr (w, "text:style-name", "Kurs_20_Figure");
      start (w, "draw:frame");
      attr_printf (w, "draw:name", "Figure %u", w->pictures->len / 2);
      attr (w, "draw:style-name", "Kurs_Frame");
      attr (w, "text:anchor-type", "as-char");
      attr_printf (w, "svg:width", "%.3fcm", slice->width / POINTS_PER_CM);
      attr_printf (w, "svg:height", "%.3fcm", slice->slice / POINTS_PER_CM);
      image (w, svg_name);
      image (w, png_name);
      if (w->last_heading != NULL)
        {
          start (w, "svg:title");
          if (slice->part == 0)
            write_text (w, w->last_heading);
          else
            {
              /* Translators: the title of a long picture's later part, "Timeline (2)" */
              g_autofree char *title = g_strdup_printf (_("%s (%u)"), w->last_heading, slice->part + 1);

              write_text (w, title);
            }
          end (w);
        }
      end (w);
      end (w);
    }
}

static void
write_body (Writer *w)
{
  guint n = kurs_print_document_get_n_blocks (w->document);
  gboolean title_done = FALSE;

  for (guint i = 0; i < n && !w->failed;)
    {
      KursPrintBlock block;

      kurs_print_document_get_block (w->document, i, &block);
      switch (block.kind)
        {
        case KURS_PRINT_BLOCK_HEADING:
          /* the document's first heading of the top level is its title */
          if (block.level <= 1 && !title_done)
            {
              start (w, "text:p");
              attr (w, "text:style-name", "Title");
              write_text (w, block.text);
              end (w);
              title_done = TRUE;
            }
          else
            heading (w, block.level - (title_done ? 1 : 0), block.text);
          break;
        case KURS_PRINT_BLOCK_TEXT:
          paragraphs (w, "Text_20_body", block.text);
          break;
        case KURS_PRINT_BLOCK_NOTE:
          paragraph (w, "Kurs_20_Note", block.text);
          break;
        case KURS_PRINT_BLOCK_MARKED:
          paragraphs (w, "Text_20_body", block.label);
          break;
        case KURS_PRINT_BLOCK_FIELD:
          field (w, block.label, block.text);
          break;
        case KURS_PRINT_BLOCK_ITEM:
          i = list (w, i);
          continue;
        case KURS_PRINT_BLOCK_TABLE:
          table (w, &block);
          break;
        case KURS_PRINT_BLOCK_DRAWING:
          drawing (w, i);
          break;
        case KURS_PRINT_BLOCK_BREAK:
          start (w, "text:p");
          attr (w, "text:style-name", "Kurs_20_Page_20_Break");
          end (w);
          break;
        default:
          g_assert_not_reached ();
        }
      i++;
    }
}

static void
namespaces (Writer *w)
{
  attr (w, "xmlns:office", NS_OFFICE);
  attr (w, "xmlns:style", NS_STYLE);
  attr (w, "xmlns:text", NS_TEXT);
  attr (w, "xmlns:table", NS_TABLE);
  attr (w, "xmlns:draw", NS_DRAW);
  attr (w, "xmlns:fo", NS_FO);
  attr (w, "xmlns:xlink", NS_XLINK);
  attr (w, "xmlns:dc", NS_DC);
  attr (w, "xmlns:meta", NS_META);
  attr (w, "xmlns:svg", NS_SVG);
  attr (w, "office:version", ODF_VERSION);
}

/* A style: <style:style style:family=… style:name=… …> left open */
static void
start_style (Writer     *w,
             const char *family,
             const char *name,
             const char *display_name,
             const char *parent)
{
  start (w, "style:style");
  attr (w, "style:name", name);
  if (display_name)
    attr (w, "style:display-name", display_name);
  attr (w, "style:family", family);
  if (parent)
    attr (w, "style:parent-style-name", parent);
  if (g_str_equal (family, "paragraph") && parent == NULL)
    attr (w, "style:class", "text");
}

/* <style:paragraph-properties …/> or another kind, from NULL-ended pairs */
static void
properties (Writer     *w,
            const char *element,
            ...)
{
  va_list args;
  const char *name;

  start (w, element);
  va_start (args, element);
  while ((name = va_arg (args, const char *)) != NULL)
    attr (w, name, va_arg (args, const char *));
  va_end (args);
  end (w);
}

static void
paragraph_style (Writer     *w,
                 const char *name,
                 const char *display_name,
                 const char *parent,
                 const char *next,
                 const char *size,
                 const char *weight,
                 const char *style,
                 const char *margin_top,
                 const char *margin_bottom)
{
  start_style (w, "paragraph", name, display_name, parent);
  if (next)
    attr (w, "style:next-style-name", next);
  if (margin_top || margin_bottom)
    properties (w, "style:paragraph-properties",
                "fo:margin-top", margin_top ? margin_top : "0cm",
                "fo:margin-bottom", margin_bottom ? margin_bottom : "0cm",
                NULL);
  if (size || weight || style)
    {
      start (w, "style:text-properties");
      if (size)
        attr (w, "fo:font-size", size);
      if (weight)
        attr (w, "fo:font-weight", weight);
      if (style)
        attr (w, "fo:font-style", style);
      end (w);
    }
  end (w);
}

static void
heading_paragraph_style (Writer     *w,
                         const char *name,
                         const char *display_name,
                         const char *level,
                         const char *size,
                         const char *margin_top)
{
  start_style (w, "paragraph", name, display_name, "Heading");
  attr (w, "style:next-style-name", "Text_20_body");
  attr (w, "style:default-outline-level", level);
  attr (w, "style:class", "text");
  properties (w, "style:paragraph-properties",
              "fo:margin-top", margin_top, "fo:margin-bottom", "0.15cm",
              "fo:keep-with-next", "always", NULL);
  properties (w, "style:text-properties",
              "fo:font-size", size, "fo:font-weight", "bold", NULL);
  end (w);
}

static void
bullet_list_style (Writer     *w,
                   const char *name,
                   const char *display_name,
                   const char *bullet)
{
  start (w, "text:list-style");
  attr (w, "style:name", name);
  if (display_name)
    attr (w, "style:display-name", display_name);
  for (int level = 1; level <= 3; level++)
    {
      start (w, "text:list-level-style-bullet");
      attr_printf (w, "text:level", "%d", level);
      attr (w, "text:bullet-char", bullet);
      start (w, "style:list-level-properties");
      attr (w, "text:list-level-position-and-space-mode", "label-alignment");
      start (w, "style:list-level-label-alignment");
      attr (w, "text:label-followed-by", "listtab");
      attr_printf (w, "text:list-tab-stop-position", "%.2fcm", 0.635 * level);
      attr_printf (w, "fo:text-indent", "%s", "-0.635cm");
      attr_printf (w, "fo:margin-left", "%.2fcm", 0.635 * level);
      end (w);
      end (w);
      end (w);
    }
  end (w);
}

static void
write_styles (Writer *w)
{
  g_auto(GStrv) language = g_strsplit (w->info->language ? w->info->language : "en", "-", 2);

  start (w, "office:document-styles");
  namespaces (w);

  start (w, "office:font-face-decls");
  start (w, "style:font-face");
  attr (w, "style:name", "Sans");
  attr (w, "svg:font-family", "'Liberation Sans'");
  attr (w, "style:font-family-generic", "swiss");
  end (w);
  end (w);

  start (w, "office:styles");

  /* Every paragraph is in the document's language, for spelling and
   * hyphenation */
  start (w, "style:default-style");
  attr (w, "style:family", "paragraph");
  start (w, "style:text-properties");
  attr (w, "style:font-name", "Sans");
  attr (w, "fo:font-size", "11pt");
  attr (w, "fo:language", language[0]);
  attr (w, "fo:country", language[1] ? language[1] : "none");
  end (w);
  end (w);

  paragraph_style (w, "Standard", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  start_style (w, "paragraph", "Heading", NULL, "Standard");
  attr (w, "style:next-style-name", "Text_20_body");
  attr (w, "style:class", "text");
  properties (w, "style:paragraph-properties", "fo:keep-with-next", "always", NULL);
  end (w);
  paragraph_style (w, "Text_20_body", "Text body", "Standard", NULL, NULL, NULL, NULL, "0cm", "0.2cm");
  start_style (w, "paragraph", "Title", NULL, "Heading");
  attr (w, "style:next-style-name", "Text_20_body");
  attr (w, "style:class", "chapter");
  properties (w, "style:paragraph-properties", "fo:margin-top", "4cm", "fo:margin-bottom", "0.6cm", NULL);
  properties (w, "style:text-properties", "fo:font-size", "26pt", "fo:font-weight", "bold", NULL);
  end (w);
  heading_paragraph_style (w, "Heading_20_1", "Heading 1", "1", "17pt", "0.6cm");
  heading_paragraph_style (w, "Heading_20_2", "Heading 2", "2", "13pt", "0.4cm");
  heading_paragraph_style (w, "Heading_20_3", "Heading 3", "3", "11.5pt", "0.3cm");
  paragraph_style (w, "List", NULL, "Text_20_body", NULL, NULL, NULL, NULL, "0cm", "0.1cm");
  paragraph_style (w, "Table_20_Contents", "Table Contents", "Standard", NULL, "10pt", NULL, NULL, NULL, NULL);
  paragraph_style (w, "Table_20_Heading", "Table Heading", "Table_20_Contents", NULL, NULL, "bold", NULL, NULL, NULL);
  paragraph_style (w, "Kurs_20_Field", "Kurs Field", "Text_20_body", NULL, NULL, NULL, NULL, "0cm", "0.1cm");
  paragraph_style (w, "Kurs_20_Note", "Kurs Note", "Text_20_body", NULL, "9.5pt", NULL, "italic", NULL, NULL);
  paragraph_style (w, "Kurs_20_Figure", "Kurs Figure", "Standard", NULL, NULL, NULL, NULL, "0.1cm", "0.2cm");
  start_style (w, "paragraph", "Kurs_20_Page_20_Break", "Kurs Page Break", "Standard");
  properties (w, "style:paragraph-properties", "fo:break-after", "page", NULL);
  properties (w, "style:text-properties", "fo:font-size", "2pt", NULL);
  end (w);
  start_style (w, "text", "Strong_20_Emphasis", "Strong Emphasis", NULL);
  properties (w, "style:text-properties", "fo:font-weight", "bold", NULL);
  end (w);

  bullet_list_style (w, "List_20_1", "List 1", "•");
  bullet_list_style (w, "Kurs_20_Arrow_20_List", "Kurs Arrow List", "→");
  bullet_list_style (w, "Kurs_20_Dash_20_List", "Kurs Dash List", "–");
  end (w);

  start (w, "office:automatic-styles");
  start (w, "style:page-layout");
  attr (w, "style:name", "Kurs_A4");
  properties (w, "style:page-layout-properties",
              "fo:page-width", "21cm", "fo:page-height", "29.7cm",
              "style:print-orientation", "portrait",
              "fo:margin-top", "2cm", "fo:margin-bottom", "1.5cm",
              "fo:margin-left", "2cm", "fo:margin-right", "2cm", NULL);
  start (w, "style:footer-style");
  properties (w, "style:header-footer-properties", "fo:min-height", "0.5cm", "fo:margin-top", "0.3cm", NULL);
  end (w);
  end (w);
  start_style (w, "paragraph", "Kurs_Footer", NULL, "Standard");
  properties (w, "style:paragraph-properties", "fo:text-align", "end", NULL);
  properties (w, "style:text-properties", "fo:font-size", "8pt", "fo:color", "#595959", NULL);
  end (w);
  end (w);

  /* Every page's foot: the title and the page's number */
  start (w, "office:master-styles");
  start (w, "style:master-page");
  attr (w, "style:name", "Standard");
  attr (w, "style:page-layout-name", "Kurs_A4");
  start (w, "style:footer");
  start (w, "text:p");
  attr (w, "text:style-name", "Kurs_Footer");
  start (w, "text:title");
  write_text (w, kurs_print_document_get_title (w->document));
  end (w);
  raw_text (w, " · ", strlen (" · "));
  start (w, "text:page-number");
  attr (w, "text:select-page", "current");
  raw_text (w, "1", 1);
  end (w);
  end (w);
  end (w);
  end (w);
  end (w);

  end (w);
}

/* The content's own styles: each table's columns as wide as on paper */
static void
write_table_styles (Writer *w)
{
  guint n = kurs_print_document_get_n_blocks (w->document);
  guint number = 0;

  start_style (w, "table", "Kurs_Table", NULL, NULL);
  properties (w, "style:table-properties",
              "style:width", "17cm", "table:align", "margins",
              "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.3cm", NULL);
  end (w);
  /* a row is not cut across pages */
  start_style (w, "table-row", "Kurs_Row", NULL, NULL);
  properties (w, "style:table-row-properties", "fo:keep-together", "always", NULL);
  end (w);
  start_style (w, "table-cell", "Kurs_Cell", NULL, NULL);
  properties (w, "style:table-cell-properties",
              "fo:padding", "0.08cm", "fo:border-top", "none",
              "fo:border-left", "none", "fo:border-right", "none",
              "fo:border-bottom", "0.5pt solid #808080", NULL);
  end (w);
  start_style (w, "graphic", "Kurs_Frame", NULL, NULL);
  properties (w, "style:graphic-properties",
              "style:vertical-pos", "top", "style:vertical-rel", "baseline",
              "fo:border", "none", NULL);
  end (w);

  for (guint i = 0; i < n; i++)
    {
      KursPrintBlock block;

      kurs_print_document_get_block (w->document, i, &block);
      if (block.kind != KURS_PRINT_BLOCK_TABLE)
        continue;
      number++;
      for (guint c = 0; c < block.n_columns; c++)
        {
          g_autofree char *name = g_strdup_printf ("Kurs_Table.%u.%u", number, c);

          start_style (w, "table-column", name, NULL, NULL);
          start (w, "style:table-column-properties");
          attr_printf (w, "style:column-width", "%.3fcm", BODY_WIDTH_CM * block.shares[c]);
          attr_printf (w, "style:rel-width", "%u*", (guint) (block.shares[c] * 10000 + 0.5));
          end (w);
          end (w);
        }
    }
}

static void
write_content (Writer *w)
{
  start (w, "office:document-content");
  namespaces (w);
  start (w, "office:automatic-styles");
  write_table_styles (w);
  end (w);
  start (w, "office:body");
  start (w, "office:text");
  write_body (w);
  end (w);
  end (w);
  end (w);
}

static void
element_text (Writer     *w,
              const char *name,
              const char *text)
{
  start (w, name);
  write_text (w, text);
  end (w);
}

static void
write_meta (Writer *w)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  start (w, "office:document-meta");
  namespaces (w);
  start (w, "office:meta");
  element_text (w, "meta:generator", "Kurs/" PACKAGE_VERSION);
  element_text (w, "dc:title", kurs_print_document_get_title (w->document));
  element_text (w, "dc:language", w->info->language ? w->info->language : "en");
  element_text (w, "meta:creation-date", created);
  element_text (w, "dc:date", created);
  if (w->info->version)
    {
      start (w, "meta:user-defined");
      attr (w, "meta:name", "Version");
      write_text (w, w->info->version);
      end (w);
    }
  if (w->info->date)
    {
      g_autofree char *approved = g_date_time_format (w->info->date, "%Y-%m-%d");

      start (w, "meta:user-defined");
      attr (w, "meta:name", "Approved");
      attr (w, "meta:value-type", "date");
      write_text (w, approved);
      end (w);
    }
  end (w);
  end (w);
}

static void
manifest_entry (Writer     *w,
                const char *path,
                const char *media_type)
{
  start (w, "manifest:file-entry");
  attr (w, "manifest:full-path", path);
  attr (w, "manifest:media-type", media_type);
  if (g_str_equal (path, "/"))
    attr (w, "manifest:version", ODF_VERSION);
  end (w);
}

static void
write_manifest (Writer *w)
{
  start (w, "manifest:manifest");
  attr (w, "xmlns:manifest", NS_MANIFEST);
  attr (w, "manifest:version", ODF_VERSION);
  manifest_entry (w, "/", MIMETYPE);
  manifest_entry (w, "content.xml", "text/xml");
  manifest_entry (w, "styles.xml", "text/xml");
  manifest_entry (w, "meta.xml", "text/xml");
  for (guint i = 0; i < w->pictures->len; i++)
    {
      Picture *picture = w->pictures->pdata[i];

      manifest_entry (w, picture->name, picture->media_type);
    }
  end (w);
}

/* One XML part: @part writes it, into memory */
static GBytes *
xml_part (Writer  *w,
          void   (*part) (Writer *w))
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  GBytes *bytes = NULL;

  w->writer = xmlNewTextWriterMemory (buffer, 0);
  if (w->writer == NULL)
    {
      xmlBufferFree (buffer);
      w->failed = TRUE;
      return NULL;
    }
  if (xmlTextWriterStartDocument (w->writer, NULL, "UTF-8", NULL) < 0)
    w->failed = TRUE;
  part (w);
  if (xmlTextWriterEndDocument (w->writer) < 0)
    w->failed = TRUE;
  xmlFreeTextWriter (w->writer);
  w->writer = NULL;
  if (!w->failed)
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static gboolean
package_add (zip_t       *zip,
         const char  *name,
         GBytes      *data,
         gboolean     store)
{
  gsize length;
  const void *bytes = g_bytes_get_data (data, &length);
  zip_source_t *source = zip_source_buffer (zip, bytes, length, 0);
  zip_int64_t index;

  if (source == NULL)
    return FALSE;
  index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      return FALSE;
    }
  /* the mimetype is read without inflating; pictures are compressed
   * already; the rest is deflated quickly (a long timeline's pictures
   * are tens of megabytes of SVG) */
  if (store)
    return zip_set_file_compression (zip, index, ZIP_CM_STORE, 0) == 0;
  return zip_set_file_compression (zip, index, ZIP_CM_DEFLATE, 1) == 0;
}

/* The package, in memory: libzip writes into a buffer source kept past
 * zip_close() */
static GBytes *
package (GBytes    *content,
         GBytes    *styles,
         GBytes    *meta,
         GBytes    *manifest,
         GPtrArray *pictures)
{
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIMETYPE, strlen (MIMETYPE));
  zip_error_t error;
  zip_source_t *buffer;
  zip_t *zip;
  zip_stat_t stat;
  gboolean ok;
  GBytes *result = NULL;

  zip_error_init (&error);
  buffer = zip_source_buffer_create (NULL, 0, 0, &error);
  zip_error_fini (&error);
  if (buffer == NULL)
    return NULL;
  zip_source_keep (buffer);
  zip_error_init (&error);
  zip = zip_open_from_source (buffer, ZIP_TRUNCATE, &error);
  zip_error_fini (&error);
  if (zip == NULL)
    {
      zip_source_free (buffer);
      return NULL;
    }

  ok = package_add (zip, "mimetype", mimetype, TRUE)
       && package_add (zip, "content.xml", content, FALSE)
       && package_add (zip, "styles.xml", styles, FALSE)
       && package_add (zip, "meta.xml", meta, FALSE);
  for (guint i = 0; ok && i < pictures->len; i++)
    {
      Picture *picture = pictures->pdata[i];

      ok = package_add (zip, picture->name, picture->data, g_str_has_suffix (picture->name, ".png"));
    }
  ok = ok && package_add (zip, "META-INF/manifest.xml", manifest, FALSE);

  if (!ok)
    {
      zip_discard (zip);
      zip_source_free (buffer);
      return NULL;
    }
  if (zip_close (zip) < 0)
    {
      zip_discard (zip);
      zip_source_free (buffer);
      return NULL;
    }

  zip_stat_init (&stat);
  if (zip_source_stat (buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)
      && zip_source_open (buffer) == 0)
    {
      char *data = g_malloc (MAX (stat.size, 1));
      zip_int64_t n = zip_source_read (buffer, data, stat.size);

      zip_source_close (buffer);
      if (n == (zip_int64_t) stat.size)
        result = g_bytes_new_take (data, stat.size);
      else
        g_free (data);
    }
  zip_source_free (buffer);
  return result;
}

/**
 * kurs_odt_to_bytes:
 * @document: what to write: its blocks, as added
 * @info: the document's language, version and date
 *
 * Returns: (transfer full): the OpenDocument text, or %NULL with @error set
 */
GBytes *
kurs_odt_to_bytes (KursPrintDocument  *document,
                   const KursOdtInfo  *info,
                   GError            **error)
{
  Writer w = { document, info };
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(GBytes) manifest = NULL;
  GBytes *odt = NULL;

  g_return_val_if_fail (KURS_IS_PRINT_DOCUMENT (document), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  w.pictures = g_ptr_array_new_with_free_func (picture_free);
  w.slices = render_drawings (document, info);
  content = xml_part (&w, write_content);
  styles = xml_part (&w, write_styles);
  meta = xml_part (&w, write_meta);
  manifest = xml_part (&w, write_manifest);

  if (!w.failed)
    odt = package (content, styles, meta, manifest, w.pictures);
  g_ptr_array_unref (w.pictures);
  g_ptr_array_unref (w.slices);

  if (odt == NULL)
    g_set_error (error, KURS_PRINT_ERROR, KURS_PRINT_ERROR_FAILED,
                 _("The document could not be made: there is not enough memory"));
  return odt;
}

/**
 * kurs_odt_write:
 * @path: the file to write
 *
 * Writes the document as an OpenDocument text: beside @path first, then
 * renamed into place, so a failure (a full disk, a folder that cannot be
 * written) leaves no half-written file and an older file as it was.
 */
gboolean
kurs_odt_write (KursPrintDocument  *document,
                const KursOdtInfo  *info,
                const char         *path,
                GError            **error)
{
  g_autoptr(GBytes) odt = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(odt = kurs_odt_to_bytes (document, info, error)))
    return FALSE;
  return kurs_export_file_write_bytes (path, odt, error);
}
