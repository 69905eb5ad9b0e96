/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-mark-shapes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kurs-mark-shapes.h"

/**
 * KursMarkShapes:
 *
 * The timeline's shapes, drawn once for each colour, size and scale as
 * small images and then placed wherever a frame has them: a milestone's
 * diamond (filled when held, hollow when not), and a rounded bar's two
 * ends, between which the bar is a plain rectangle.
 *
 * Rendered without a GPU (the cairo renderer), every rounded or turned
 * shape is filled by cairo's general path rasteriser, at many times the
 * cost of placing an image on whole pixels or filling a rectangle; a
 * frame of the timeline zoomed out holds hundreds of them.  So shapes are
 * placed on whole pixels, and look as sharp as the images they are.
 */

#define MAX_KEPT 512

typedef enum {
  PIECE_DIAMOND,
  PIECE_LEFT,      /* a bar's rounded left end, @radius wide */
  PIECE_RIGHT,
  PIECE_WHOLE,     /* a bar too short for two ends, whole */
} Piece;

/* Compared and hashed as bytes: made with memset () first */
typedef struct {
  Piece   piece;
  gint32  scale_factor;
  gint32  width;          /* of a whole bar */
  gint32  height;
  float   radius;
  float   border_width;   /* 0: filled */
  float   color[4];
} Key;

struct _KursMarkShapes
{
  GHashTable *kept;       /* Key → GdkTexture */
};

static guint
key_hash (gconstpointer data)
{
  const guchar *bytes = data;
  guint hash = 5381;

  for (gsize i = 0; i < sizeof (Key); i++)
    hash = hash * 33 + bytes[i];
  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  return memcmp (a, b, sizeof (Key)) == 0;
}

KursMarkShapes *
kurs_mark_shapes_new (void)
{
  KursMarkShapes *self = g_new0 (KursMarkShapes, 1);

  self->kept = g_hash_table_new_full (key_hash, key_equal, g_free, g_object_unref);
  return self;
}

void
kurs_mark_shapes_free (KursMarkShapes *self)
{
  g_hash_table_unref (self->kept);
  g_free (self);
}

static void
rounded_rect_path (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A rounded rectangle filled, or its border (inside its outline, the
 * corners' radii less the border's width, as GTK draws a border) */
static void
fill_rounded (cairo_t       *cr,
              double         x,
              double         y,
              double         width,
              double         height,
              double         radius,
              double         border_width)
{
  rounded_rect_path (cr, x, y, width, height, radius);
  if (border_width > 0)
    {
      radius = MIN (radius, MIN (width, height) / 2);
      rounded_rect_path (cr, x + border_width, y + border_width, width - 2 * border_width,
                         height - 2 * border_width, MAX (radius - border_width, 0));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    }
  cairo_fill (cr);
}

static GdkTexture *
draw_piece (const Key *key,
            double     width)
{
  int pixels_w = (int) ceil (width * key->scale_factor);
  int pixels_h = (int) ceil (key->height * key->scale_factor);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels_w, pixels_h);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, key->scale_factor, key->scale_factor);
  cairo_set_source_rgba (cr, key->color[0], key->color[1], key->color[2], key->color[3]);

  if (key->piece == PIECE_DIAMOND)
    {
      /* A square turned 45°, its corners rounded: solid, or a faint tint
       * inside a border of 2 pixels */
      double side = width / G_SQRT2;

      cairo_translate (cr, width / 2, width / 2);
      cairo_rotate (cr, G_PI / 4);
      if (key->border_width > 0)
        {
          cairo_set_source_rgba (cr, key->color[0], key->color[1], key->color[2], 0.18);
          fill_rounded (cr, -side / 2, -side / 2, side, side, 1.5, 0);
          cairo_set_source_rgba (cr, key->color[0], key->color[1], key->color[2], key->color[3]);
        }
      fill_rounded (cr, -side / 2, -side / 2, side, side, 1.5, key->border_width);
    }
  else
    {
      /* The bar as it would be drawn whole, of which this piece shows the
       * part in the image: an end is a bar wider than two ends, cut */
      double bar = key->piece == PIECE_WHOLE ? width : 2 * width + 4;
      double x = key->piece == PIECE_RIGHT ? width - bar : 0;

      fill_rounded (cr, x, 0, bar, key->height, key->radius, key->border_width);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixels_h);
  texture = gdk_memory_texture_new (pixels_w, pixels_h, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
append_piece (KursMarkShapes *self,
              GtkSnapshot    *snapshot,
              const Key      *key,
              float           x,
              float           y,
              float           width)
{
  GdkTexture *texture = g_hash_table_lookup (self->kept, key);

  if (texture == NULL)
    {
      /* Colours and scales no longer in use are forgotten with the rest */
      if (g_hash_table_size (self->kept) >= MAX_KEPT)
        g_hash_table_remove_all (self->kept);
      texture = draw_piece (key, width);
      g_hash_table_insert (self->kept, g_memdup2 (key, sizeof (Key)), texture);
    }
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, width, (float) key->height));
}

static void
init_key (Key           *key,
          Piece          piece,
          int            scale_factor,
          int            height,
          const GdkRGBA *color,
          double         border_width)
{
  memset (key, 0, sizeof (Key));
  key->piece = piece;
  key->scale_factor = scale_factor;
  key->height = height;
  key->border_width = (float) border_width;
  key->color[0] = color->red;
  key->color[1] = color->green;
  key->color[2] = color->blue;
  key->color[3] = color->alpha;
}

/**
 * kurs_mark_shapes_append_diamond:
 * @area: the square the diamond's corners touch; placed on whole pixels
 * @filled: solid, or a faint tint inside a border
 *
 * Draws a milestone's mark in @color.
 */
void
kurs_mark_shapes_append_diamond (KursMarkShapes        *self,
                                 GtkSnapshot           *snapshot,
                                 int                    scale_factor,
                                 const graphene_rect_t *area,
                                 const GdkRGBA         *color,
                                 gboolean               filled)
{
  int side = (int) roundf (area->size.width);
  Key key;

  init_key (&key, PIECE_DIAMOND, scale_factor, side, color, filled ? 0 : 2);
  append_piece (self, snapshot, &key, roundf (area->origin.x), roundf (area->origin.y), (float) side);
}

/* A bar's rectangle between its ends: filled, or its border's top and
 * bottom */
static void
append_middle (GtkSnapshot   *snapshot,
               const GdkRGBA *color,
               float          x,
               float          y,
               float          width,
               float          height,
               float          border_width)
{
  if (width <= 0)
    return;
  if (border_width <= 0)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  else
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, border_width));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y + height - border_width, width,
                                                                        border_width));
    }
}

static void
append_bar (KursMarkShapes *self,
            GtkSnapshot    *snapshot,
            int             scale_factor,
            float           x0,
            float           x1,
            float           y,
            int             height,
            double          radius,
            const GdkRGBA  *color,
            double          border_width)
{
  /* An end holds the corners' curve and the border's side (square
   * corners still have ends: a whole bar is kept only when it is short) */
  int end = MAX ((int) ceil (MAX (MIN (radius, height / 2.0), border_width)), 1);
  Key key;

  init_key (&key, PIECE_WHOLE, scale_factor, height, color, border_width);
  key.radius = (float) radius;
  if (x1 - x0 < 2 * end + 1)
    {
      /* Too short for its ends and a middle: kept whole, by its width */
      key.width = (int) (x1 - x0);
      append_piece (self, snapshot, &key, x0, y, x1 - x0);
      return;
    }

  key.piece = PIECE_LEFT;
  append_piece (self, snapshot, &key, x0, y, (float) end);
  append_middle (snapshot, color, x0 + end, y, x1 - x0 - 2 * end, (float) height, (float) border_width);
  key.piece = PIECE_RIGHT;
  append_piece (self, snapshot, &key, x1 - end, y, (float) end);
}

/**
 * kurs_mark_shapes_append_rounded:
 * @area: the rectangle; placed on whole pixels
 * @radius: its corners'
 * @fill: (nullable): the colour within
 * @border: (nullable): the colour of its border, drawn over @fill, inside
 *   the outline
 *
 * Draws a rounded rectangle (a bar, a ring around one, a pill) as
 * gtk_snapshot_append_border() would, from kept pieces.
 */
void
kurs_mark_shapes_append_rounded (KursMarkShapes        *self,
                                 GtkSnapshot           *snapshot,
                                 int                    scale_factor,
                                 const graphene_rect_t *area,
                                 double                 radius,
                                 const GdkRGBA         *fill,
                                 const GdkRGBA         *border,
                                 double                 border_width)
{
  float x0 = roundf (area->origin.x), x1 = roundf (area->origin.x + area->size.width);
  float y0 = roundf (area->origin.y), y1 = roundf (area->origin.y + area->size.height);
  int height = (int) (y1 - y0);

  if (x1 <= x0)
    x1 = x0 + 1;
  if (height <= 0)
    return;

  if (fill != NULL)
    append_bar (self, snapshot, scale_factor, x0, x1, y0, height, radius, fill, 0);
  if (border != NULL && border_width > 0)
    append_bar (self, snapshot, scale_factor, x0, x1, y0, height, radius, border, border_width);
}
