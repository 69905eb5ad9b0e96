/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-text-shapes"

#include "config.h"

#include <string.h>

#include "kurs-text-shapes.h"

/**
 * KursTextShapes:
 *
 * Text a drawing widget shows again and again (the timeline's labels and
 * its scale), shaped once in the widget's font and kept: by the text
 * itself, or by a key of the caller's (an item's index) so that the text
 * need not even be put together again.  Shaping is what a frame full of
 * labels spends most of its time on, so a frame that scrolls or zooms
 * should draw what is kept, not shape.
 *
 * A text too wide for its room is drawn ellipsized as Pango would, but from
 * the shape kept at its full width: the characters that fit with room for
 * an ellipsis, clipped, and the ellipsis after them.  That costs no shaping
 * at whatever width a frame asks.
 */
#define MAX_KEPT 4096

struct _KursTextShapes
{
  GtkWidget   *widget;          /* not a reference: the widget owns this */
  PangoWeight  weight;
  GHashTable  *by_text;         /* char * → PangoLayout */
  GHashTable  *by_key;          /* guint → PangoLayout */
  PangoLayout *ellipsis;
};

static PangoLayout *
shape (KursTextShapes *self,
       const char     *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (self->widget, text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (self->weight != PANGO_WEIGHT_NORMAL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (self->weight));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  return layout;
}

KursTextShapes *
kurs_text_shapes_new (GtkWidget   *widget,
                      PangoWeight  weight)
{
  KursTextShapes *self = g_new0 (KursTextShapes, 1);

  self->widget = widget;
  self->weight = weight;
  self->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_key = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->ellipsis = shape (self, "…");
  return self;
}

void
kurs_text_shapes_free (KursTextShapes *self)
{
  g_hash_table_unref (self->by_text);
  g_hash_table_unref (self->by_key);
  g_object_unref (self->ellipsis);
  g_free (self);
}

/* The font or the resolution changed: everything is shaped again */
void
kurs_text_shapes_reset (KursTextShapes *self)
{
  g_hash_table_remove_all (self->by_text);
  g_hash_table_remove_all (self->by_key);
  pango_layout_context_changed (self->ellipsis);
}

/* What the keys stood for changed (the items, say) */
void
kurs_text_shapes_forget_keyed (KursTextShapes *self)
{
  g_hash_table_remove_all (self->by_key);
}

PangoLayout *
kurs_text_shapes_get (KursTextShapes *self,
                      const char     *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->by_text, text);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->by_text) >= MAX_KEPT)
        g_hash_table_remove_all (self->by_text);
      layout = shape (self, text);
      g_hash_table_insert (self->by_text, g_strdup (text), layout);
    }
  return layout;
}

PangoLayout *
kurs_text_shapes_lookup_keyed (KursTextShapes *self,
                               guint           key)
{
  return g_hash_table_lookup (self->by_key, GUINT_TO_POINTER (key));
}

PangoLayout *
kurs_text_shapes_add_keyed (KursTextShapes *self,
                            guint           key,
                            const char     *text)
{
  PangoLayout *layout = shape (self, text);

  if (g_hash_table_size (self->by_key) >= MAX_KEPT)
    g_hash_table_remove_all (self->by_key);
  g_hash_table_insert (self->by_key, GUINT_TO_POINTER (key), layout);
  return layout;
}

/**
 * kurs_text_shapes_cut:
 * @layout: a layout of these shapes, at its full width
 * @max_width: the room, in pixels
 * @cut_index: (out): the bytes of its text that are drawn: all of them
 *   when it fits
 *
 * Where a text too wide for @max_width is cut: before the first character
 * that would leave no room for the ellipsis, and before the spaces that
 * end what is left ("Indsats 12: bedre…", not "bedre …").
 *
 * Returns: the width in pixels of what is drawn of the text (without the
 *   ellipsis)
 */
int
kurs_text_shapes_cut (KursTextShapes *self,
                      PangoLayout    *layout,
                      double          max_width,
                      int            *cut_index)
{
  const char *text = pango_layout_get_text (layout);
  int width, ellipsis_width, index, trailing;
  PangoRectangle position;

  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= max_width)
    {
      *cut_index = (int) strlen (text);
      return width;
    }

  pango_layout_get_pixel_size (self->ellipsis, &ellipsis_width, NULL);
  if (max_width - ellipsis_width <= 0)
    {
      *cut_index = 0;
      return 0;
    }

  /* The character at the edge does not fit whole */
  pango_layout_xy_to_index (layout, (int) ((max_width - ellipsis_width) * PANGO_SCALE), 0, &index, &trailing);
  while (index > 0)
    {
      const char *before = g_utf8_find_prev_char (text, text + index);

      if (before == NULL || !g_unichar_isspace (g_utf8_get_char (before)))
        break;
      index = (int) (before - text);
    }

  pango_layout_index_to_pos (layout, index, &position);
  *cut_index = index;
  return PANGO_PIXELS_FLOOR (position.x);
}

static void
append_at (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         top,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) top));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * kurs_text_shapes_append:
 * @layout: a layout of these shapes, at its full width
 * @center_y: where the middle of the line goes
 * @backing: (nullable): a colour to draw behind the words, so that lines
 *   beneath do not run through them
 *
 * Draws @layout from @x on whole pixels, ellipsized to @max_width.
 *
 * Returns: the width drawn, in pixels
 */
int
kurs_text_shapes_append (KursTextShapes *self,
                         GtkSnapshot    *snapshot,
                         PangoLayout    *layout,
                         double          x,
                         double          center_y,
                         double          max_width,
                         const GdkRGBA  *color,
                         const GdkRGBA  *backing)
{
  int cut_index, kept, width, height, ellipsis_width = 0;
  gboolean whole;
  double top;

  kept = kurs_text_shapes_cut (self, layout, max_width, &cut_index);
  whole = pango_layout_get_text (layout)[cut_index] == '\0';
  pango_layout_get_pixel_size (layout, NULL, &height);
  if (!whole)
    {
      pango_layout_get_pixel_size (self->ellipsis, &ellipsis_width, NULL);
      if (ellipsis_width > max_width)
        return 0;
    }
  width = kept + ellipsis_width;
  x = round (x);
  top = round (center_y - height / 2.0);

  if (backing != NULL)
    gtk_snapshot_append_color (snapshot, backing, &GRAPHENE_RECT_INIT ((float) x - 3, (float) top,
                                                                       (float) width + 6, (float) height));
  if (whole)
    append_at (snapshot, layout, x, top, color);
  else
    {
      if (kept > 0)
        {
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) x, (float) top, (float) kept, (float) height));
          append_at (snapshot, layout, x, top, color);
          gtk_snapshot_pop (snapshot);
        }
      append_at (snapshot, self->ellipsis, x + kept, top, color);
    }
  return width;
}
