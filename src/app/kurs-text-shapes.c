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
 * an ellipsis, and the ellipsis after them.  That costs no shaping at
 * whatever width a frame asks.
 *
 * What a frame needs of a shape (its size, where each character begins,
 * its runs of glyphs) is read from Pango once and kept beside it, and a
 * line of left-to-right text is drawn from its glyphs directly: only the
 * glyphs that are shown, without a clip, and without Pango's renderer
 * walking the layout again for every frame.
 */
#define MAX_KEPT 4096

/* A run of glyphs in one font, as Pango shaped it: the line's, which the
 * measure holds */
typedef struct {
  PangoFont        *font;
  PangoGlyphString *glyphs;
  int               x;            /* from the line's start, Pango units */
  int               offset;       /* of its text, in bytes */
} Run;

/* Where a cluster of characters begins */
typedef struct {
  int index;                      /* bytes */
  int x;                          /* Pango units */
} Cluster;

/* What is read of a layout once: kept on it */
typedef struct {
  int       width, height;        /* pixels */
  int       length;               /* of the text, in bytes */
  int       line_x, baseline;     /* Pango units */
  gboolean  simple;               /* one line, left to right: runs and clusters hold it */
  PangoLayoutLine *line;          /* its runs' glyphs, kept as long as the runs */
  GArray   *runs;                 /* of Run */
  GArray   *clusters;             /* of Cluster, in order, and one at the end */
} Measure;

static GQuark measure_quark;

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

/* What read_line() kept, or left of a line it gave up on */
static void
forget_line (Measure *measure)
{
  g_clear_pointer (&measure->runs, g_array_unref);
  g_clear_pointer (&measure->clusters, g_array_unref);
  g_clear_pointer (&measure->line, pango_layout_line_unref);
}

static void
measure_free (gpointer data)
{
  Measure *measure = data;

  forget_line (measure);
  g_free (measure);
}

/* The runs and clusters of a single left-to-right line; FALSE for
 * anything else, which is then drawn by Pango */
static gboolean
read_line (PangoLayout *layout,
           Measure     *measure)
{
  PangoLayoutLine *line;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  int x = 0;

  if (pango_layout_get_line_count (layout) != 1)
    return FALSE;
  line = pango_layout_get_line_readonly (layout, 0);
  if (line->resolved_dir != PANGO_DIRECTION_LTR)
    return FALSE;

  iter = pango_layout_get_iter (layout);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  measure->line_x = logical.x;
  measure->baseline = pango_layout_iter_get_baseline (iter);
  pango_layout_iter_free (iter);

  measure->line = pango_layout_line_ref (line);
  measure->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  measure->clusters = g_array_new (FALSE, FALSE, sizeof (Cluster));
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;
      Run run = { item->item->analysis.font, item->glyphs, x, item->item->offset };

      if (item->item->analysis.level % 2 != 0)
        return FALSE;
      g_array_append_val (measure->runs, run);
      for (int i = 0; i < item->glyphs->num_glyphs; i++)
        {
          if (i == 0 || item->glyphs->log_clusters[i] != item->glyphs->log_clusters[i - 1])
            {
              Cluster cluster = { item->item->offset + item->glyphs->log_clusters[i], x };

              g_array_append_val (measure->clusters, cluster);
            }
          x += item->glyphs->glyphs[i].geometry.width;
        }
    }
  g_array_append_val (measure->clusters, ((Cluster) { measure->length, x }));
  return TRUE;
}

static const Measure *
measure_of (PangoLayout *layout)
{
  Measure *measure = g_object_get_qdata (G_OBJECT (layout), measure_quark);

  if (measure == NULL)
    {
      measure = g_new0 (Measure, 1);
      pango_layout_get_pixel_size (layout, &measure->width, &measure->height);
      measure->length = (int) strlen (pango_layout_get_text (layout));
      measure->simple = read_line (layout, measure);
      if (!measure->simple)
        forget_line (measure);
      g_object_set_qdata_full (G_OBJECT (layout), measure_quark, measure, measure_free);
    }
  return measure;
}

KursTextShapes *
kurs_text_shapes_new (GtkWidget   *widget,
                      PangoWeight  weight)
{
  KursTextShapes *self = g_new0 (KursTextShapes, 1);

  if (measure_quark == 0)
    measure_quark = g_quark_from_static_string ("kurs-text-shapes-measure");

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
  g_object_set_qdata (G_OBJECT (self->ellipsis), measure_quark, NULL);
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
/* Where the cluster holding @x begins (the last cluster before the end,
 * if @x is past it), by halving */
static const Cluster *
cluster_at (const Measure *measure,
            int            x)
{
  const Cluster *clusters = (const Cluster *) (gpointer) measure->clusters->data;
  guint low = 0, high = measure->clusters->len - 1;   /* the last is the end */

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (clusters[middle].x <= x)
        low = middle;
      else
        high = middle;
    }
  return &clusters[low];
}

/* The whole characters that fit in @limit (Pango units): read from the
 * clusters kept, or from Pango where a cluster holds several characters
 * (which Pango divides between them) or the line is not simple */
static int
index_at (PangoLayout   *layout,
          const Measure *measure,
          int            limit)
{
  const char *text = pango_layout_get_text (layout);
  int index, trailing;

  if (limit < 0)
    return 0;
  if (measure->simple && measure->clusters->len > 1)
    {
      const Cluster *cluster = cluster_at (measure, limit);

      if (g_utf8_next_char (text + cluster->index) - text == cluster[1].index)
        return cluster->index;
    }
  pango_layout_xy_to_index (layout, limit, 0, &index, &trailing);
  return index;
}

/* Where the character at @index begins, in whole pixels */
static int
x_of (PangoLayout   *layout,
      const Measure *measure,
      int            index)
{
  PangoRectangle position;

  if (measure->simple)
    {
      const Cluster *clusters = (const Cluster *) (gpointer) measure->clusters->data;
      guint low = 0, high = measure->clusters->len;

      while (low < high)
        {
          guint middle = low + (high - low) / 2;

          if (clusters[middle].index < index)
            low = middle + 1;
          else
            high = middle;
        }
      if (low < measure->clusters->len && clusters[low].index == index)
        return PANGO_PIXELS_FLOOR (measure->line_x + clusters[low].x);
    }
  pango_layout_index_to_pos (layout, index, &position);
  return PANGO_PIXELS_FLOOR (position.x);
}

int
kurs_text_shapes_cut (KursTextShapes *self,
                      PangoLayout    *layout,
                      double          max_width,
                      int            *cut_index)
{
  const Measure *measure = measure_of (layout);
  const char *text = pango_layout_get_text (layout);
  int ellipsis_width = measure_of (self->ellipsis)->width, index;

  if (measure->width <= max_width)
    {
      *cut_index = measure->length;
      return measure->width;
    }

  if (max_width - ellipsis_width <= 0)
    {
      *cut_index = 0;
      return 0;
    }

  /* The character at the edge does not fit whole */
  index = index_at (layout, measure, (int) ((max_width - ellipsis_width) * PANGO_SCALE));
  while (index > 0)
    {
      const char *before = g_utf8_find_prev_char (text, text + index);

      if (before == NULL || !g_unichar_isspace (g_utf8_get_char (before)))
        break;
      index = (int) (before - text);
    }

  *cut_index = index;
  return x_of (layout, measure, index);
}

/* The glyphs of a simple line before @cut_index, from @x, @top, as text
 * nodes: what Pango's renderer would draw of them, without it */
static void
append_runs (GtkSnapshot   *snapshot,
             const Measure *measure,
             int            cut_index,
             double         x,
             double         top,
             const GdkRGBA *color)
{
  float baseline = (float) (top + (double) measure->baseline / PANGO_SCALE);

  for (guint i = 0; i < measure->runs->len; i++)
    {
      const Run *run = &g_array_index (measure->runs, Run, i);
      const PangoGlyphString *glyphs = run->glyphs;
      PangoGlyphString *shown = NULL;
      GskRenderNode *node;
      int n = 0;

      if (run->offset >= cut_index)
        break;
      while (n < glyphs->num_glyphs && run->offset + glyphs->log_clusters[n] < cut_index)
        n++;
      if (n < glyphs->num_glyphs)
        {
          /* the run is cut: its first glyphs only */
          shown = pango_glyph_string_new ();
          pango_glyph_string_set_size (shown, n);
          memcpy (shown->glyphs, glyphs->glyphs, n * sizeof (PangoGlyphInfo));
          memcpy (shown->log_clusters, glyphs->log_clusters, n * sizeof (int));
          glyphs = shown;
        }
      node = gsk_text_node_new (run->font, (PangoGlyphString *) glyphs, color,
                                &GRAPHENE_POINT_INIT ((float) (x + (double) (measure->line_x + run->x) / PANGO_SCALE),
                                                      baseline));
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
      g_clear_pointer (&shown, pango_glyph_string_free);
    }
}

static void
append_at (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           int            cut_index,
           int            kept,
           double         x,
           double         top,
           const GdkRGBA *color)
{
  const Measure *measure = measure_of (layout);

  if (measure->simple)
    {
      append_runs (snapshot, measure, cut_index, x, top, color);
      return;
    }

  /* Drawn by Pango, clipped where it is cut */
  if (cut_index < measure->length)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) x, (float) top,
                                                           (float) kept,
                                                           (float) measure->height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) top));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  if (cut_index < measure->length)
    gtk_snapshot_pop (snapshot);
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
  const Measure *measure = measure_of (layout);
  int cut_index, kept, width, ellipsis_width = 0;
  gboolean whole;
  double top;

  kept = kurs_text_shapes_cut (self, layout, max_width, &cut_index);
  whole = cut_index == measure->length;
  if (!whole)
    {
      ellipsis_width = measure_of (self->ellipsis)->width;
      if (ellipsis_width > max_width)
        return 0;
    }
  width = kept + ellipsis_width;
  x = round (x);
  top = round (center_y - measure->height / 2.0);

  if (backing != NULL)
    gtk_snapshot_append_color (snapshot, backing, &GRAPHENE_RECT_INIT ((float) x - 3, (float) top,
                                                                       (float) width + 6, (float) measure->height));
  if (kept > 0 || whole)
    append_at (snapshot, layout, cut_index, kept, x, top, color);
  if (!whole)
    append_at (snapshot, self->ellipsis, measure_of (self->ellipsis)->length, ellipsis_width, x + kept, top, color);
  return width;
}
