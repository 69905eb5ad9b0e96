/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-drawing"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kurs-calendar.h"
#include "kurs-timeline-drawing.h"
#include "kurs-timeline.h"

/* The timeline on paper: the strategy's whole period fitted to the page
 * width, the years along the top, and below them one row a record — its
 * name on the left, its days as a bar or a mark on the right (each
 * occurrence of a series on the same row) — lane by lane, in the colours
 * of the window's timeline, with the day it was printed as a red line.
 * Behind them the Danish planning calendar, the layers the window shows
 * (KursCalendarLayers), as far as a page can show them: every other
 * council term shaded and each named under the years, the municipal
 * elections as lines, the day each budget is due dashed, and the public
 * holidays shaded where a day is wide enough to see (a period of up to
 * about three years).  Week numbers are not printed: with at least a
 * year across a page, a week is narrower than its number.  A long
 * timeline goes on over the next pages, cut between rows. */
#define HOLIDAY_MIN_DAY 0.3      /* points: a narrower day is not shaded */

#define ROW         14.0
#define SCALE       28.0     /* the years, and the council terms below them */
#define LABEL_SHARE 0.36

typedef struct {
  int         first;   /* the index of its row's first item, or -1 for a lane's heading */
  KursLane    lane;
  GArray     *items;   /* indices of the timeline's items */
} Row;

typedef struct {
  KursTimeline       *timeline;
  GArray             *rows;
  KursDate            first;
  KursDate            last;
  KursCalendarLayers  calendar;
} Drawing;

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_array_unref (row->items);
}

static void
drawing_free (gpointer data)
{
  Drawing *drawing = data;

  g_array_unref (drawing->rows);
  g_object_unref (drawing->timeline);
  g_free (drawing);
}

static void
rgb (cairo_t *cr,
     double   r,
     double   g,
     double   b)
{
  cairo_set_source_rgb (cr, r, g, b);
}

static void
item_color (cairo_t                *cr,
            const KursTimelineItem *item)
{
  double rgb[3];

  kurs_timeline_color_rgb (kurs_timeline_item_color (item), rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static double
measure (double   width,
         gpointer user_data)
{
  Drawing *drawing = user_data;

  return SCALE + drawing->rows->len * ROW;
}

static PangoLayout *
text (cairo_t    *cr,
      const char *string,
      double      width,
      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold 7.5" : "Sans 7.5");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, string, -1);
  return layout;
}

static void
draw (cairo_t *cr,
      double   width,
      double   height,
      gpointer user_data)
{
  Drawing *drawing = user_data;
  double left = width * LABEL_SHARE;
  double span = width - left;
  double days = drawing->last - drawing->first + 1;
  KursDate today = kurs_timeline_get_today (drawing->timeline);
  int first_year = kurs_date_get_year (drawing->first);
  int last_year = kurs_date_get_year (drawing->last);
  double clip_top, clip_bottom, bottom;
  guint first_row;

#define X(date) (left + ((double) (date) - drawing->first) / days * span)

  /* A long timeline is drawn a page at a time: what runs down it is
   * drawn as far as the page shows, not down the whole timeline (a dashed
   * line 200,000 pt long, for each of a thousand pages, took seconds) */
  cairo_clip_extents (cr, NULL, &clip_top, NULL, &clip_bottom);
  bottom = MIN (height, clip_bottom);

  /* Years along the top, and their lines down */
  cairo_set_line_width (cr, 0.5);
  for (int year = first_year; year <= last_year; year++)
    {
      KursDate start = MAX (kurs_date_from_ymd (year, 1, 1), drawing->first);
      KursDate end = MIN (kurs_date_from_ymd (year, 12, 31), drawing->last);
      g_autofree char *label = g_strdup_printf ("%d", year);
      g_autoptr(PangoLayout) layout = text (cr, label, X (end + 1) - X (start) - 2, TRUE);

      rgb (cr, 0.8, 0.8, 0.8);
      cairo_move_to (cr, X (start), 0);
      cairo_line_to (cr, X (start), bottom);
      cairo_stroke (cr);
      rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, X (start) + 2, 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* The public holidays, where a day can be seen */
  if ((drawing->calendar & KURS_CALENDAR_HOLIDAYS) && span / days >= HOLIDAY_MIN_DAY)
    for (int year = first_year; year <= last_year; year++)
      {
        g_autoptr(GArray) holidays = kurs_calendar_holidays (year);

        cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.09);
        for (guint i = 0; i < holidays->len; i++)
          {
            KursDate date = g_array_index (holidays, KursHoliday, i).date;

            if (date >= drawing->first && date <= drawing->last)
              cairo_rectangle (cr, X (date), SCALE, MAX (X (date + 1) - X (date), 0.3), bottom - SCALE);
          }
        cairo_fill (cr);
      }

  /* The calendar, behind the rows */
  {
    g_autoptr(GArray) marks = kurs_calendar_marks (drawing->first, drawing->last,
                                                   drawing->calendar & (KURS_CALENDAR_COUNCIL | KURS_CALENDAR_BUDGET));
    static const double dash[] = { 2.0, 2.0 };

    for (guint i = 0; i < marks->len; i++)
      {
        const KursCalendarMark *mark = &g_array_index (marks, KursCalendarMark, i);
        double x1 = X (MAX (mark->start, drawing->first)), x2 = X (MIN (mark->end, drawing->last) + 1);

        switch (mark->kind)
          {
          case KURS_CALENDAR_MARK_TERM:
            {
              g_autofree char *label = kurs_calendar_mark_label (mark);
              g_autoptr(PangoLayout) layout = text (cr, label, x2 - x1 - 4, FALSE);

              if (((mark->year - 2022) / 4) % 2 != 0)
                {
                  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.05);
                  cairo_rectangle (cr, x1, 13, x2 - x1, bottom - 13);
                  cairo_fill (cr);
                }
              rgb (cr, 0.35, 0.35, 0.35);
              cairo_move_to (cr, x1 + 2, 14);
              pango_cairo_show_layout (cr, layout);
            }
            break;
          case KURS_CALENDAR_MARK_ELECTION:
            rgb (cr, 0.35, 0.35, 0.35);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, (x1 + x2) / 2, 13);
            cairo_line_to (cr, (x1 + x2) / 2, bottom);
            cairo_stroke (cr);
            break;
          case KURS_CALENDAR_MARK_BUDGET:
            rgb (cr, 0.55, 0.55, 0.55);
            cairo_set_line_width (cr, 0.5);
            {
              /* from the page's top, its dashes where they fall on the
               * whole line */
              double top = MAX (SCALE, floor (clip_top));

              cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), fmod (top - SCALE, dash[0] + dash[1]));
              cairo_move_to (cr, (x1 + x2) / 2, top);
              cairo_line_to (cr, (x1 + x2) / 2, bottom);
            }
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
            break;
          default:
            break;
          }
      }
  }

  /* Only the rows in sight: a page, or a picture, shows a slice of a long
   * timeline */
  first_row = clip_top > SCALE ? (guint) ((clip_top - SCALE) / ROW) : 0;
  for (guint r = first_row; r < drawing->rows->len && SCALE + r * ROW < clip_bottom; r++)
    {
      Row *row = &g_array_index (drawing->rows, Row, r);
      double y = SCALE + r * ROW;

      if (row->first < 0)
        {
          /* a lane's heading, across */
          g_autoptr(PangoLayout) layout = text (cr, kurs_lane_get_title (row->lane), left, TRUE);

          cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.06);
          cairo_rectangle (cr, 0, y, width, ROW);
          cairo_fill (cr);
          rgb (cr, 0.1, 0.1, 0.1);
          cairo_move_to (cr, 2, y + 1.5);
          pango_cairo_show_layout (cr, layout);
          continue;
        }

      {
        const KursTimelineItem *first = kurs_timeline_get_item (drawing->timeline, (guint) row->first);
        g_autoptr(PangoLayout) layout = text (cr, first->title, left - 8, FALSE);

        rgb (cr, 0.1, 0.1, 0.1);
        cairo_move_to (cr, 8, y + 1.5);
        pango_cairo_show_layout (cr, layout);
      }

      for (guint i = 0; i < row->items->len; i++)
        {
          guint index = g_array_index (row->items, guint, i);
          const KursTimelineItem *item = kurs_timeline_get_item (drawing->timeline, index);
          const KursSpan *span_of = &kurs_timeline_get_spans (drawing->timeline)[index];
          double x1 = X (span_of->start), x2 = X (span_of->end + 1);

          item_color (cr, item);
          if (item->flags & KURS_TIMELINE_BAR)
            {
              cairo_rectangle (cr, x1, y + 3, MAX (x2 - x1, 1.5), ROW - 6);
              cairo_fill (cr);
            }
          else
            {
              double cx = (x1 + x2) / 2, cy = y + ROW / 2, s = 4;

              cairo_move_to (cr, cx, cy - s);
              cairo_line_to (cr, cx + s, cy);
              cairo_line_to (cr, cx, cy + s);
              cairo_line_to (cr, cx - s, cy);
              cairo_close_path (cr);
              if (item->flags & KURS_TIMELINE_HELD || item->kind != KURS_TIMELINE_MILESTONE)
                cairo_fill (cr);
              else
                {
                  cairo_set_line_width (cr, 1.2);
                  cairo_stroke (cr);
                }
            }
        }

      cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.08);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y + ROW);
      cairo_line_to (cr, width, y + ROW);
      cairo_stroke (cr);
    }

  /* The day it was printed */
  if (today >= drawing->first && today <= drawing->last)
    {
      double red[3];

      kurs_timeline_color_rgb (KURS_TIMELINE_COLOR_OVERDUE, red);
      rgb (cr, red[0], red[1], red[2]);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, X (today), SCALE - 2);
      cairo_line_to (cr, X (today), bottom);
      cairo_stroke (cr);
    }

#undef X
}

/**
 * kurs_timeline_drawing_add:
 * @calendar: what of the Danish calendar to draw behind it
 *
 * Adds the strategy's timeline to @document, as it is today.
 */
void
kurs_timeline_drawing_add (KursPrintDocument  *document,
                           KursStore          *store,
                           KursRecord         *strategy,
                           KursCalendarLayers  calendar)
{
  Drawing *drawing = g_new0 (Drawing, 1);
  g_autoptr(GHashTable) row_of = NULL;   /* row key → its row's index + 1 */

  g_return_if_fail (KURS_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (KURS_IS_STORE (store));
  g_return_if_fail (KURS_IS_RECORD (strategy));

  drawing->timeline = kurs_timeline_new (store, strategy);
  drawing->calendar = calendar;
  drawing->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (drawing->rows, clear_row);
  kurs_timeline_get_range (drawing->timeline, &drawing->first, &drawing->last);

  /* One row a record, lane by lane in the window's order, in the
   * timeline's order; a series' occurrences are one row's, found by the
   * row's kind and id (not by a look at every row before: that was
   * quadratic, seconds for 20,000 items) */
  row_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint position = 0; position < KURS_N_LANES; position++)
    {
      KursLane lane = kurs_timeline_get_lane_at (drawing->timeline, position);
      guint lane_start = drawing->rows->len;

      for (guint i = 0; i < kurs_timeline_get_n_items (drawing->timeline); i++)
        {
          const KursTimelineItem *item = kurs_timeline_get_item (drawing->timeline, i);
          Row *row = NULL;
          gpointer found;
          gint64 key;

          if (item->lane != lane)
            continue;
          if (drawing->rows->len == lane_start)
            {
              Row heading = { -1, lane, g_array_new (FALSE, FALSE, sizeof (guint)) };

              g_array_append_val (drawing->rows, heading);
            }
          key = ((gint64) item->kind << 56) | item->id;
          if ((found = g_hash_table_lookup (row_of, &key)) != NULL)
            row = &g_array_index (drawing->rows, Row, GPOINTER_TO_UINT (found) - 1);
          else
            {
              Row added = { (int) i, lane, g_array_new (FALSE, FALSE, sizeof (guint)) };

              g_array_append_val (drawing->rows, added);
              row = &g_array_index (drawing->rows, Row, drawing->rows->len - 1);
              g_hash_table_insert (row_of, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (drawing->rows->len));
            }
          g_array_append_val (row->items, i);
        }
    }

  /* drawing reads only the timeline made here */
  kurs_print_document_add_drawing_full (document, measure, draw, ROW, KURS_PRINT_DRAWING_THREAD_SAFE,
                                        drawing, drawing_free);
}
