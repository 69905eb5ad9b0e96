/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kurs-calendar.h"
#include "kurs-milestone.h"
#include "kurs-timeline-item-accessible.h"
#include "kurs-mark-shapes.h"
#include "kurs-text-shapes.h"
#include "kurs-timeline-view.h"

/**
 * KursTimelineView:
 *
 * The strategy's whole period at a glance: one widget drawing the lanes of
 * a #KursTimeline with #GtkSnapshot — only the rows and items in view —
 * and scrolling through #GtkScrollable.  The arithmetic (where a date is,
 * what a drag snaps to, which item is under the pointer) is the core's,
 * in kurs-timeline-layout.h; this widget draws and listens.
 */

#define SCALE_HEIGHT 48.0
#define SCALE_ROW    24.0
#define LANE_HEADER  28.0
#define ROW_HEIGHT   30.0
#define LANE_GAP      8.0
#define MARGIN       24.0
#define LABEL_ROOM  150.0     /* what a mark's label needs beside it */
#define MARK_SIZE    14.0
#define BAR_HEIGHT   20.0
/* the baseline's bar, in the room under an initiative's */
#define BASELINE_HEIGHT 3.0
#define HIT_SLOP      6.0
#define EDGE_GRIP     6.0
#define EMPTY_LANE_X 228.0      /* where an empty lane says so */
#define EMPTY_LANE   N_("Nothing here yet")
#define MAX_ACCESSIBLE_ITEMS 300   /* more than a screen shows legibly */
#define ACCESSIBLE_DELAY_MS  150   /* after the view stops moving */

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

struct _KursTimelineView
{
  GtkWidget      parent_instance;

  KursTimeline  *timeline;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  double         zoom;             /* pixels per day */
  gboolean       fitted;           /* follow the width, showing the period */
  KursDate       pending_first;    /* a range to show once allocated */
  KursDate       pending_last;
  gboolean       collapsed[KURS_N_LANES];
  /* what of the Danish calendar is drawn behind the items */
  KursCalendarLayers calendar;
  /* the initiatives as the latest approved version planned them, drawn
   * faint under today's when shown */
  gboolean            show_baseline;
  const KursBaseline *baseline;   /* its page's */
  GdkRGBA        halo;             /* the background, behind labels */
  /* the public holidays of one year, for the frames that draw its days */
  int            holiday_year;
  GArray        *holidays;
  double         lane_y[KURS_N_LANES];
  double         content_height;

  /* the items in view as accessible widgets (KursTimelineItemAccessible),
   * the first n_accessible of them in use, in reading order */
  GPtrArray     *accessible_items;
  guint          n_accessible;
  guint          accessible_id;
  guint          accessible_tick;
  int            accessible_width;   /* the size they were handed out for */
  int            accessible_height;

  int            selected;
  KursEntity     selected_entity;  /* the selected item's row, to find it again after a rebuild */
  gint64         selected_id;
  guint          selected_occurrence;
  int            hover;
  double         pointer_x;

  DragMode       drag_mode;
  int            drag_item;
  double         drag_x;
  double         drag_y;
  double         drag_hvalue;
  double         drag_vvalue;
  int            drag_steps;
  KursTimeUnit   drag_unit;
  double         zoom_begin;

  KursTextShapes *shapes;          /* the scale's words; the items' labels by index */
  KursTextShapes *bold_shapes;
  KursMarkShapes *marks;
  int            scale_factor;     /* the window's, read once a frame */
  guint          prepare_id;       /* packing the other zoom steps, when idle */
};

static void kurs_timeline_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KursTimelineView, kurs_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, kurs_timeline_view_scrollable_init))

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_CALENDAR,
  PROP_SHOW_BASELINE,
  N_PROPS,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The colours are the timeline's own (kurs_timeline_color_rgb()) */
static GdkRGBA
palette (KursTimelineColor color)
{
  double rgb[3];

  kurs_timeline_color_rgb (color, rgb);
  return (GdkRGBA) { rgb[0], rgb[1], rgb[2], 1.0 };
}

static const GdkRGBA white = { 1, 1, 1, 1 };

/* Geometry */

static KursTimeScale
scale (KursTimelineView *self)
{
  KursTimeScale scale;

  kurs_timeline_get_range (self->timeline, &scale.origin, NULL);
  scale.px_per_day = self->zoom;
  return scale;
}

static double
x_offset (KursTimelineView *self)
{
  return MARGIN - gtk_adjustment_get_value (self->hadjustment);
}

static double
screen_x (KursTimelineView *self,
          KursDate          date)
{
  KursTimeScale s = scale (self);

  return x_offset (self) + kurs_time_scale_x_for_date (&s, date);
}

static KursDate
date_at (KursTimelineView *self,
         double            x)
{
  KursTimeScale s = scale (self);

  return kurs_time_scale_date_at_x (&s, x - x_offset (self));
}

static double
y_offset (KursTimelineView *self)
{
  return SCALE_HEIGHT - gtk_adjustment_get_value (self->vadjustment);
}

static double
row_y (KursTimelineView *self,
       KursLane          lane,
       guint             row)
{
  return y_offset (self) + self->lane_y[lane] + LANE_HEADER + row * ROW_HEIGHT;
}

static double
content_width (KursTimelineView *self)
{
  KursDate first, last;

  kurs_timeline_get_range (self->timeline, &first, &last);
  return ((double) last - first + 1.0) * self->zoom + 2 * MARGIN;
}

static void
compute_lanes (KursTimelineView *self)
{
  double y = 0.0;

  for (guint position = 0; position < KURS_N_LANES; position++)
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, position);

      self->lane_y[lane] = y;
      y += LANE_HEADER;
      if (!self->collapsed[lane])
        y += kurs_timeline_get_n_rows (self->timeline, lane) * ROW_HEIGHT + LANE_GAP;
    }
  self->content_height = y;
}

/* Packing leaves room for a mark's label: a number of days that follows
 * the zoom, in powers of two so that zooming repacks only now and then. */
static void
update_packing (KursTimelineView *self)
{
  double days = LABEL_ROOM / self->zoom;
  guint min_days = 1;

  while (min_days < days && min_days < (1u << 20))
    min_days <<= 1;

  kurs_timeline_set_min_days (self->timeline, min_days);
  compute_lanes (self);
}

static void
configure_adjustments (KursTimelineView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)) - SCALE_HEIGHT, 0.0);
  double content = MAX (content_width (self), width);

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, content - width),
                            0, content, width * 0.1, width * 0.9, width);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                   MAX (self->content_height - height, 0)),
                            0, MAX (self->content_height, height), ROW_HEIGHT, height * 0.9, height);
}

static void
set_zoom (KursTimelineView *self,
          double            zoom,
          double            anchor_x)
{
  double days = (anchor_x - x_offset (self)) / self->zoom;

  self->zoom = kurs_time_scale_clamp_zoom (zoom);
  update_packing (self);
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, MARGIN + days * self->zoom - anchor_x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The item's box on screen, or FALSE when it is not laid out */
static gboolean
item_area (KursTimelineView *self,
           guint             index,
           const KursSpan   *span,
           graphene_rect_t  *area)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
  double y;

  if (self->collapsed[item->lane])
    return FALSE;

  y = row_y (self, item->lane, item->row);
  if (item->flags & KURS_TIMELINE_BAR)
    {
      double x0 = screen_x (self, span->start);
      double x1 = MAX (screen_x (self, span->end + 1), x0 + 3.0);
      double h = item->kind == KURS_TIMELINE_MILESTONE ? 12.0 : BAR_HEIGHT;

      graphene_rect_init (area, x0, y + (ROW_HEIGHT - h) / 2, x1 - x0, h);
    }
  else
    {
      double cx = screen_x (self, span->start) + self->zoom / 2;

      graphene_rect_init (area, cx - MARK_SIZE / 2, y + (ROW_HEIGHT - MARK_SIZE) / 2, MARK_SIZE, MARK_SIZE);
    }

  return TRUE;
}

/* Hit-testing: a lane header (returned as -2 - lane), an item, or -1 */
static int
hit (KursTimelineView *self,
     double            x,
     double            y)
{
  double content_y;

  if (y < SCALE_HEIGHT)
    return -1;

  content_y = y - y_offset (self);
  for (guint position = KURS_N_LANES; position-- > 0; )
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, position);
      double rows_y;
      guint row, n;
      const guint *items;
      int found;

      if (content_y < self->lane_y[lane])
        continue;
      if (content_y < self->lane_y[lane] + LANE_HEADER)
        return -2 - (int) lane;
      if (self->collapsed[lane])
        return -1;

      rows_y = content_y - self->lane_y[lane] - LANE_HEADER;
      row = (guint) (rows_y / ROW_HEIGHT);
      if (row >= kurs_timeline_get_n_rows (self->timeline, lane))
        return -1;

      items = kurs_timeline_get_row (self->timeline, lane, row, &n);
      found = kurs_span_row_hit (kurs_timeline_get_spans (self->timeline), items, n,
                                 date_at (self, x - HIT_SLOP - self->zoom / 2),
                                 date_at (self, x + HIT_SLOP + self->zoom / 2));
      return found >= 0 ? (int) items[found] : -1;
    }

  return -1;
}

/* Drawing */

static void
fg_color (KursTimelineView *self,
          GdkRGBA          *color,
          double            alpha)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color->alpha *= alpha;
}

static double
draw_text (KursTimelineView *self,
           GtkSnapshot      *snapshot,
           gboolean          bold,
           const char       *text,
           double            x,
           double            center_y,
           double            max_width,
           const GdkRGBA    *color)
{
  KursTextShapes *shapes = bold ? self->bold_shapes : self->shapes;

  if (max_width < 12.0)
    return 0.0;

  return kurs_text_shapes_append (shapes, snapshot, kurs_text_shapes_get (shapes, text), x, center_y, max_width,
                                  color, NULL);
}

/* An item's words on the timeline: an initiative's with its progress */
static char *
item_label (const KursTimelineItem *item)
{
  const char *title = item->title;

  if (item->kind == KURS_TIMELINE_INITIATIVE)
    return g_strdup_printf ("%s · %d %%", title, item->progress);

  if (item->kind == KURS_TIMELINE_MILESTONE && kurs_milestone_kind_is_meeting (item->subkind) && item->detail != NULL)
    return g_strdup_printf ("%s · %s", title, item->detail);
  if (item->kind == KURS_TIMELINE_HEARING && item->n_overdue > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u response overdue", "%s · %u responses overdue",
                                         item->n_overdue),
                            title, item->n_overdue);
  return g_strdup (title);
}

/* An item's label, shaped once and kept until the items or the style
 * change: scrolling and zooming then draw, not shape, what fits */
static PangoLayout *
label_layout (KursTimelineView *self,
              guint             index)
{
  PangoLayout *layout = kurs_text_shapes_lookup_keyed (self->shapes, index);

  if (layout == NULL)
    {
      g_autofree char *text = item_label (kurs_timeline_get_item (self->timeline, index));

      layout = kurs_text_shapes_add_keyed (self->shapes, index, text);
    }
  return layout;
}

static void
rounded (KursTimelineView      *self,
         GtkSnapshot           *snapshot,
         const graphene_rect_t *rect,
         double                 radius,
         const GdkRGBA         *fill,
         const GdkRGBA         *border,
         double                 border_width)
{
  kurs_mark_shapes_append_rounded (self->marks, snapshot, self->scale_factor, rect,
                                   radius, fill, border, border_width);
}

/* @halo: on the view's background, not on a bar: a backing in the
 * background's colour keeps grid lines, the today line and the calendar
 * from running through the words */
static double
draw_label (KursTimelineView *self,
            GtkSnapshot      *snapshot,
            guint             index,
            double            x,
            double            center_y,
            double            max_width,
            const GdkRGBA    *color,
            gboolean          halo)
{
  if (max_width < 12.0)
    return 0.0;

  return kurs_text_shapes_append (self->shapes, snapshot, label_layout (self, index), x, center_y, max_width, color,
                                  halo ? &self->halo : NULL);
}

static void
fill_rect (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           double x, double y, double w, double h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT ((float) x, (float) y, (float) w, (float) h));
}

/* Under an initiative's bar, faint, where the baseline had it */
static void
draw_baseline (KursTimelineView       *self,
               GtkSnapshot            *snapshot,
               const KursTimelineItem *item,
               const graphene_rect_t  *area)
{
  const KursBaselineInitiative *entry;
  GdkRGBA faint;
  double x0, x1;

  if (!self->show_baseline || self->baseline == NULL
      || !(entry = kurs_baseline_find (self->baseline, item->id)) || !entry->in_baseline
      || entry->baseline_start == KURS_DATE_NONE || entry->baseline_end == KURS_DATE_NONE)
    return;

  x0 = screen_x (self, entry->baseline_start);
  x1 = MAX (screen_x (self, entry->baseline_end + 1), x0 + 3.0);
  fg_color (self, &faint, 0.4);
  fill_rect (snapshot, &faint, x0, area->origin.y + area->size.height + 1, x1 - x0, BASELINE_HEIGHT);
}

static void
draw_item (KursTimelineView *self,
           GtkSnapshot      *snapshot,
           guint             index,
           const KursSpan   *span,
           double            room,
           gboolean          ghost)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
  gboolean overdue = (item->flags & KURS_TIMELINE_OVERDUE) != 0;
  gboolean labelled = ghost;    /* a ghost has no label beside it */
  graphene_rect_t area;
  GdkRGBA color, text_color;
  double label_x;

  if (!item_area (self, index, span, &area))
    return;

  fg_color (self, &text_color, 1.0);

  color = palette (kurs_timeline_item_color (item));
  if (ghost)
    color.alpha = 0.3;

  if (item->kind == KURS_TIMELINE_CORRECTION)
    {
      /* A flag on a pole */
      double x = area.origin.x + area.size.width / 2;

      fill_rect (snapshot, &color, x - 1, area.origin.y - 4, 2, area.size.height + 8);
      fill_rect (snapshot, &color, x + 1, area.origin.y - 4, 9, 8);
      label_x = x + 14;
    }
  else if (!(item->flags & KURS_TIMELINE_BAR))
    {
      kurs_mark_shapes_append_diamond (self->marks, snapshot, self->scale_factor, &area,
                                       &color, (item->flags & KURS_TIMELINE_HELD) != 0);
      label_x = area.origin.x + area.size.width + 5;
    }
  else if (item->kind == KURS_TIMELINE_MILESTONE)
    {
      /* A milestone over days: a slim bar, solid when held */
      GdkRGBA tint = color;

      tint.alpha = (item->flags & KURS_TIMELINE_HELD) ? color.alpha : 0.25 * color.alpha;
      rounded (self, snapshot, &area, 6, &tint, &color, (item->flags & KURS_TIMELINE_HELD) ? 0 : 1.5);
      label_x = area.origin.x + area.size.width + 5;

      /* No room after it (the next item, or the edge of the view), but
       * room on it: the label goes on the bar */
      {
        double view_width = gtk_widget_get_width (GTK_WIDGET (self));
        double after = MIN (area.origin.x + room - 4, view_width) - label_x;
        double left = MAX (area.origin.x, 0) + 6;
        double on_bar = MIN (area.origin.x + area.size.width, view_width) - 6 - left;

        if (after < 60 && on_bar >= 60 && !ghost)
          {
            draw_label (self, snapshot, index, left, area.origin.y + area.size.height / 2, on_bar, &text_color,
                        FALSE);
            labelled = TRUE;
          }
      }
    }
  else
    {
      GdkRGBA tint = color;
      double inside;

      if (item->kind == KURS_TIMELINE_INITIATIVE && !ghost)
        draw_baseline (self, snapshot, item, &area);
      tint.alpha = item->kind == KURS_TIMELINE_INITIATIVE ? 0.35 * color.alpha : 0.85 * color.alpha;
      rounded (self, snapshot, &area, 5, &tint, NULL, 0);

      if (item->kind == KURS_TIMELINE_INITIATIVE && item->progress > 0)
        {
          graphene_rect_t done = area;

          done.size.width = (float) (area.size.width * CLAMP (item->progress, 0, 100) / 100.0);
          rounded (self, snapshot, &done, 5, &color, NULL, 0);
        }
      if (overdue)
        {
          GdkRGBA red = palette (KURS_TIMELINE_COLOR_OVERDUE);

          rounded (self, snapshot, &area, 5, NULL, &red, 2.0);
        }

      /* The title inside when it fits (an initiative's with its progress) */
      inside = area.size.width - 12;
      {
        const GdkRGBA *on_bar = item->kind == KURS_TIMELINE_INITIATIVE ? &text_color : &white;
        double left = MAX (area.origin.x, 0) + 6;
        int width;

        /* Inside when it fits, or there is room enough to ellipsize it */
        pango_layout_get_pixel_size (label_layout (self, index), &width, NULL);
        if (width <= inside || inside > 80 ||
            area.origin.x + area.size.width + 5 + LABEL_ROOM / 2 > gtk_widget_get_width (GTK_WIDGET (self)))
          {
            draw_label (self, snapshot, index, left, area.origin.y + area.size.height / 2,
                        area.origin.x + area.size.width - 6 - left, on_bar, FALSE);
            labelled = TRUE;
          }
      }
      label_x = area.origin.x + area.size.width + 5;
    }

  if (!labelled)
    {
      GdkRGBA color_for_label = overdue ? palette (KURS_TIMELINE_COLOR_OVERDUE) : text_color;
      /* up to the next item, and ellipsized at the view's edge, not cut */
      double right = MIN (area.origin.x + room, gtk_widget_get_width (GTK_WIDGET (self))) - 4;

      draw_label (self, snapshot, index, label_x, area.origin.y + area.size.height / 2,
                  right - label_x, &color_for_label, TRUE);
    }

  if ((int) index == self->selected && !ghost)
    {
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
      graphene_rect_t ring = area;

      graphene_rect_inset (&ring, -3, -3);
      rounded (self, snapshot, &ring, 6, NULL, &accent, 2.0);
    }
  else if ((int) index == self->hover && !ghost)
    {
      GdkRGBA faint;
      graphene_rect_t ring = area;

      fg_color (self, &faint, 0.35);
      graphene_rect_inset (&ring, -2, -2);
      rounded (self, snapshot, &ring, 5, NULL, &faint, 1.0);
    }
}

/* A dashed line down the view at @x: one dash repeated, not a dash each
 * (hundreds of them in a view of years) */
static void
dashed_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         height)
{
  float left = floorf ((float) x);

  if (height <= SCALE_HEIGHT)
    return;
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (left, (float) SCALE_HEIGHT, 1, (float) (height - SCALE_HEIGHT)),
                            &GRAPHENE_RECT_INIT (left, (float) SCALE_HEIGHT, 1, 8));
  fill_rect (snapshot, color, left, SCALE_HEIGHT, 1, 4);
  gtk_snapshot_pop (snapshot);
}

/* Whether @date is a public holiday: the year's holidays are worked out
 * once, not for every day of every frame */
static gboolean
is_holiday (KursTimelineView *self,
            KursDate          date)
{
  int year = kurs_date_get_year (date);

  if (self->holidays == NULL || self->holiday_year != year)
    {
      g_clear_pointer (&self->holidays, g_array_unref);
      self->holidays = kurs_calendar_holidays (year);
      self->holiday_year = year;
    }
  for (guint i = 0; i < self->holidays->len; i++)
    if (g_array_index (self->holidays, KursHoliday, i).date == date)
      return TRUE;
  return FALSE;
}

/* What a week needs in the scale for its number, and a month's short
 * name before the weeks' numbers */
#define WEEK_ROOM        35.0
#define WEEK_NUMBER_ROOM 21.0
#define MONTH_NAME_ROOM  34.0

/* The Monday on or before @date */
static KursDate
monday_of (KursDate date)
{
  return date - (KursDate) (kurs_calendar_weekday (date) - 1);
}

/* Zoomed to months: each week's number at its Monday, from @from to
 * @to (the room the month @month leaves after its name) */
static void
draw_week_numbers (KursTimelineView *self,
                   GtkSnapshot      *snapshot,
                   KursDate          month,
                   double            from,
                   double            to,
                   const GdkRGBA    *color)
{
  double week = self->zoom * 7;

  if (week < WEEK_NUMBER_ROOM)
    return;
  for (KursDate monday = monday_of (month) + 7; ; monday += 7)
    {
      double x = screen_x (self, monday);
      g_autofree char *number = NULL;

      if (x + week > to + week / 2 || x > gtk_widget_get_width (GTK_WIDGET (self)))
        break;
      if (x < from || x < 0)
        continue;
      number = g_strdup_printf ("%d", kurs_calendar_iso_week (monday, NULL));
      draw_text (self, snapshot, FALSE, number, x + 2, SCALE_ROW + SCALE_ROW / 2, week - 4, color);
    }
}

/* Zoomed to weeks: the scale's lower row is the weeks, by their ISO
 * numbers, each from its Monday */
static void
draw_week_row (KursTimelineView *self,
               GtkSnapshot      *snapshot,
               double            height,
               const GdkRGBA    *line,
               const GdkRGBA    *text)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double week = self->zoom * 7;
  KursDate first = date_at (self, 0);

  if (first == KURS_DATE_NONE)
    return;
  for (KursDate monday = monday_of (first); screen_x (self, monday) < width; monday += 7)
    {
      double x = screen_x (self, monday);
      int number = kurs_calendar_iso_week (monday, NULL);
      /* Translators: an ISO week's number on the timeline's scale, "Week 47" */
      g_autofree char *label = week >= 2 * WEEK_ROOM ? g_strdup_printf (_("Week %d"), number)
                                                     : g_strdup_printf ("%d", number);

      if (x >= 0)
        fill_rect (snapshot, line, x, SCALE_ROW, 1, height - SCALE_ROW);
      draw_text (self, snapshot, FALSE, label, MAX (x, 0.0) + 4, SCALE_ROW + SCALE_ROW / 2,
                 x + week - MAX (x, 0.0) - 6, text);
    }
}

static void
draw_scale (KursTimelineView *self,
            GtkSnapshot      *snapshot,
            double            width,
            double            height)
{
  KursTimeScale s = scale (self);
  double offset = x_offset (self);
  gboolean days = kurs_time_scale_shows_unit (&s, KURS_TIME_UNIT_DAY);
  /* Zoomed to weeks: the months at the top, the ISO weeks below */
  gboolean weeks = !days && (self->calendar & KURS_CALENDAR_WEEKS) && s.px_per_day * 7 >= WEEK_ROOM;
  KursTimeUnit top = days || weeks ? KURS_TIME_UNIT_MONTH : KURS_TIME_UNIT_YEAR;
  KursTimeUnit bottom = days ? KURS_TIME_UNIT_DAY
                      : kurs_time_scale_shows_unit (&s, KURS_TIME_UNIT_MONTH) ? KURS_TIME_UNIT_MONTH
                      : KURS_TIME_UNIT_QUARTER;
  gboolean show_bottom = kurs_time_scale_shows_unit (&s, bottom);
  GdkRGBA band, line, faint_line, text, dim_text;
  GdkRGBA holiday = palette (KURS_TIMELINE_COLOR_OVERDUE);
  KursDate last;

  kurs_timeline_get_range (self->timeline, NULL, &last);
  fg_color (self, &band, 0.05);
  fg_color (self, &line, 0.22);
  fg_color (self, &faint_line, 0.08);
  fg_color (self, &text, 0.9);
  fg_color (self, &dim_text, 0.6);

  fill_rect (snapshot, &band, 0, 0, width, SCALE_HEIGHT);
  fill_rect (snapshot, &line, 0, SCALE_HEIGHT - 1, width, 1);

  for (int level = 0; level < 2; level++)
    {
      KursTimeUnit unit = level == 0 ? top : bottom;
      g_autoptr(GArray) ticks = NULL;

      if (level == 1 && !show_bottom)
        break;
      if (level == 1 && weeks)
        {
          draw_week_row (self, snapshot, height, &faint_line, &dim_text);
          break;
        }

      ticks = kurs_time_scale_ticks (&s, -offset, width - offset, unit);
      for (guint i = 0; i < ticks->len; i++)
        {
          KursDate date = g_array_index (ticks, KursDate, i);
          double x = offset + kurs_time_scale_x_for_date (&s, date);
          double next = offset + kurs_time_scale_x_for_date (&s, kurs_time_unit_next (date, unit));
          /* a day's number has a narrow column: as little padding as will do */
          double left = MAX (x, 0.0) + (unit == KURS_TIME_UNIT_DAY ? 2 : 4);
          int year, month, day;
          g_autofree char *label = NULL;

          if (date < s.origin)
            continue;

          kurs_date_to_ymd (date, &year, &month, &day);
          switch (unit)
            {
            case KURS_TIME_UNIT_YEAR:
              label = g_strdup_printf ("%d", year);
              break;
            case KURS_TIME_UNIT_QUARTER:
              /* Translators: a quarter of a year on the timeline's scale: Q1…Q4 */
              label = g_strdup_printf (_("Q%d"), (month - 1) / 3 + 1);
              break;
            case KURS_TIME_UNIT_MONTH:
              {
                g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 12, 0, 0);

                /* Translators: a month on the timeline's scale; see g_date_time_format() */
                label = g_date_time_format (dt, level == 0 ? C_("timeline month", "%B %Y")
                                                           : C_("timeline month", "%b"));
              }
              break;
            case KURS_TIME_UNIT_DAY:
            default:
              label = g_strdup_printf ("%d", day);
              break;
            }

          /* The grid: strong at the top unit, faint below */
          if (x >= 0)
            {
              fill_rect (snapshot, level == 0 ? &line : &faint_line, x, level == 0 ? 0 : SCALE_ROW, 1,
                         level == 0 ? height : height - SCALE_ROW);
            }
          /* The line that closes the period, without a label of its own */
          if (date > last)
            continue;
          /* Zoomed to months: the weeks' numbers after the month's name */
          if (unit == KURS_TIME_UNIT_MONTH && level == 1 && (self->calendar & KURS_CALENDAR_WEEKS))
            draw_week_numbers (self, snapshot, date, left + MONTH_NAME_ROOM, next, &dim_text);
          draw_text (self, snapshot, level == 0, label, left,
                     level * SCALE_ROW + SCALE_ROW / 2, next - left - (unit == KURS_TIME_UNIT_DAY ? 0 : 2),
                     level == 0 ? &text
                     : unit == KURS_TIME_UNIT_DAY && (self->calendar & KURS_CALENDAR_HOLIDAYS) &&
                       is_holiday (self, date)
                     ? &holiday : &dim_text);
        }
    }
}

/* What a month's name takes at the top of the scale */
#define MONTH_LABEL_ROOM 130

/* The calendar's labels, in pills in a row under the scale: an election's
 * first, then a council term's, then a budget's, each only where it does
 * not overlap one placed before it or the title of the lane under them */
typedef struct {
  graphene_rect_t  rect;
  char            *label;
  int              priority;   /* 0 first */
  gboolean         bordered;
} Pill;

static void
clear_pill (gpointer data)
{
  g_free (((Pill *) data)->label);
}

static int
compare_pills (gconstpointer a,
               gconstpointer b)
{
  const Pill *p = a, *q = b;

  if (p->priority != q->priority)
    return p->priority - q->priority;
  return p->rect.origin.x < q->rect.origin.x ? -1 : p->rect.origin.x > q->rect.origin.x;
}

/* How wide @text is in bold, unbroken */
static int
bold_width (KursTimelineView *self,
            const char       *text)
{
  int w, h;

  pango_layout_get_pixel_size (kurs_text_shapes_get (self->bold_shapes, text), &w, &h);
  return w;
}

/* A pill for @label, centred on @x or from @x */
static const Pill *
add_pill (KursTimelineView *self,
          GArray           *pills,
          char             *label,
          double            x,
          gboolean          centred,
          int               priority)
{
  Pill pill = { GRAPHENE_RECT_INIT (0, 0, 0, 0), label, priority, priority == 0 };
  int w = bold_width (self, label);
  double left = centred ? x - w / 2.0 - 8 : x;

  /* whole, not cut by the view's right edge, while what it marks is in view */
  if (x < gtk_widget_get_width (GTK_WIDGET (self)))
    left = MIN (left, gtk_widget_get_width (GTK_WIDGET (self)) - (w + 16) - 2);
  graphene_rect_init (&pill.rect, left, SCALE_HEIGHT + 2, w + 16, SCALE_ROW - 4);
  g_array_append_val (pills, pill);
  return &g_array_index (pills, Pill, pills->len - 1);
}

/* Where the title of the lane under the pills' row is, or an empty box */
static graphene_rect_t
lane_title_under_pills (KursTimelineView *self)
{
  for (guint position = 0; position < KURS_N_LANES; position++)
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, position);
      double top = y_offset (self) + self->lane_y[lane];

      if (top < SCALE_HEIGHT + SCALE_ROW && top + LANE_HEADER > SCALE_HEIGHT)
        {
          g_autofree char *title = g_strdup_printf ("▾ %s", kurs_lane_get_title (lane));
          double right = 8 + bold_width (self, title) + 8;

          /* and the words that say an open lane is empty */
          if (kurs_timeline_get_n_rows (self->timeline, lane) == 0 && !self->collapsed[lane])
            {
              int width;

              pango_layout_get_pixel_size (kurs_text_shapes_get (self->shapes, _(EMPTY_LANE)), &width, NULL);
              right = MAX (right, EMPTY_LANE_X + width + 8);
            }
          return GRAPHENE_RECT_INIT (0, top, right, LANE_HEADER);
        }
    }
  return GRAPHENE_RECT_INIT (0, 0, 0, 0);
}

static void
draw_pills (KursTimelineView      *self,
            GtkSnapshot           *snapshot,
            GArray                *pills,
            const graphene_rect_t *title)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GdkRGBA fill, border, text, dim, backing = self->halo;

  fg_color (self, &fill, 0.1);
  fg_color (self, &border, 0.55);
  fg_color (self, &text, 0.9);
  fg_color (self, &dim, 0.55);
  backing.alpha = 1.0;
  if (title->size.width > 0)
    g_array_append_val (placed, *title);

  g_array_sort (pills, compare_pills);
  for (guint i = 0; i < pills->len; i++)
    {
      Pill *pill = &g_array_index (pills, Pill, i);
      graphene_rect_t room = pill->rect;
      gboolean free = TRUE;

      graphene_rect_inset (&room, -2, 0);
      for (guint k = 0; k < placed->len && free; k++)
        free = !graphene_rect_intersection (&room, &g_array_index (placed, graphene_rect_t, k), NULL);
      if (!free)
        continue;
      g_array_append_val (placed, pill->rect);
      /* on the background, so that no line runs through it */
      rounded (self, snapshot, &pill->rect, (SCALE_ROW - 4) / 2, &backing, NULL, 0);
      rounded (self, snapshot, &pill->rect, (SCALE_ROW - 4) / 2, &fill, pill->bordered ? &border : NULL,
               pill->bordered ? 1.0 : 0);
      draw_text (self, snapshot, TRUE, pill->label, pill->rect.origin.x + 8,
                 pill->rect.origin.y + pill->rect.size.height / 2, pill->rect.size.width - 15,
                 pill->bordered ? &text : &dim);
    }
}

/* The Danish planning calendar, behind the items, as far as it is asked
 * for: at a day's zoom, the weekends and public holidays shaded (a
 * holiday's day number red in the scale) and each week's number at its
 * Monday; at every zoom, every other council term faintly shaded, each
 * municipal election as a line, the day each year's budget is due as a
 * dashed line, and their names in pills where there is room */
static void
draw_calendar (KursTimelineView *self,
               GtkSnapshot      *snapshot,
               double            width,
               double            height)
{
  KursTimeScale s = scale (self);
  KursDate first = date_at (self, 0), last = date_at (self, width);
  GdkRGBA weekend, holiday, faint, line, term_shade;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) pills = NULL;
  graphene_rect_t title;
  double election_end = 0, election_half = 0;

  if (self->calendar == 0 || first == KURS_DATE_NONE || last < first)
    return;

  title = lane_title_under_pills (self);
  if (self->calendar & KURS_CALENDAR_COUNCIL)
    election_half = bold_width (self, _("Municipal election")) / 2.0 + 8;

  fg_color (self, &weekend, 0.035);
  fg_color (self, &faint, 0.55);
  /* an election in the text's colour, not an item's */
  fg_color (self, &line, 0.55);
  fg_color (self, &term_shade, 0.025);
  holiday = palette (KURS_TIMELINE_COLOR_OVERDUE);
  holiday.alpha = 0.08;

  if (kurs_time_scale_shows_unit (&s, KURS_TIME_UNIT_DAY))
    for (KursDate date = first; date <= last; date++)
      {
        double x = screen_x (self, date);
        int weekday = kurs_calendar_weekday (date);
        int year, month, day;

        kurs_date_to_ymd (date, &year, &month, &day);
        if ((self->calendar & KURS_CALENDAR_HOLIDAYS) && is_holiday (self, date))
          fill_rect (snapshot, &holiday, x, SCALE_HEIGHT, self->zoom, height - SCALE_HEIGHT);
        else if ((self->calendar & KURS_CALENDAR_HOLIDAYS) && weekday >= G_DATE_SATURDAY)
          fill_rect (snapshot, &weekend, x, SCALE_HEIGHT, self->zoom, height - SCALE_HEIGHT);

        /* a week's number at its Monday, clear of the month's name (which
         * stays in sight at the left) */
        if ((self->calendar & KURS_CALENDAR_WEEKS) && weekday == G_DATE_MONDAY && self->zoom * 7 > 40
            && x - MAX (screen_x (self, kurs_date_from_ymd (year, month, 1)), 0.0) > MONTH_LABEL_ROOM)
          {
            g_autofree char *label = g_strdup_printf (_("Week %d"), kurs_calendar_iso_week (date, NULL));

            draw_text (self, snapshot, FALSE, label, x + 4, SCALE_ROW / 2, self->zoom * 7 - 8, &faint);
          }
      }

  marks = kurs_calendar_marks (first, last, self->calendar);
  pills = g_array_new (FALSE, FALSE, sizeof (Pill));
  g_array_set_clear_func (pills, clear_pill);
  for (guint i = 0; i < marks->len; i++)
    {
      const KursCalendarMark *mark = &g_array_index (marks, KursCalendarMark, i);
      double x = screen_x (self, mark->start), end = screen_x (self, mark->end + 1);

      switch (mark->kind)
        {
        case KURS_CALENDAR_MARK_TERM:
          if (((mark->year - 2022) / 4) % 2 != 0)
            fill_rect (snapshot, &term_shade, x, SCALE_HEIGHT, end - x, height - SCALE_HEIGHT);
          /* kept in sight at the left while any of the term is, after
           * the lane's title and the election that began it, and before
           * the election that ends it */
          {
            double next = screen_x (self, kurs_calendar_council_election (mark->year + 3)) + self->zoom / 2;
            double left = MAX (MAX (x, title.origin.x + title.size.width), election_end) + 4;
            double right = next > left ? MIN (end, next - election_half) : end;
            const Pill *pill = add_pill (self, pills, kurs_calendar_mark_label (mark), left, FALSE, 1);

            if (left + pill->rect.size.width > right - 4)
              g_array_set_size (pills, pills->len - 1);
          }
          break;
        case KURS_CALENDAR_MARK_ELECTION:
          x += self->zoom / 2;
          fill_rect (snapshot, &line, x - 1, SCALE_HEIGHT, 2, height - SCALE_HEIGHT);
          {
            const Pill *pill = add_pill (self, pills, kurs_calendar_mark_label (mark), x, TRUE, 0);

            election_end = pill->rect.origin.x + pill->rect.size.width;
          }
          break;
        case KURS_CALENDAR_MARK_BUDGET:
          x += self->zoom / 2;
          dashed_line (snapshot, &line, x, height);
          add_pill (self, pills, kurs_calendar_mark_label (mark), x, TRUE, 2);
          break;
        default:
          break;
        }
    }
  draw_pills (self, snapshot, pills, &title);
}

/* Today: its line behind the items (@line, so that their labels' backing
 * keeps it out of the words), then its pill in the scale over all */
static void
draw_today (KursTimelineView *self,
            GtkSnapshot      *snapshot,
            double            width,
            double            height,
            gboolean          line)
{
  KursDate today = kurs_timeline_get_today (self->timeline);
  double x = screen_x (self, today) + self->zoom / 2;
  GdkRGBA red = palette (KURS_TIMELINE_COLOR_OVERDUE);
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  int w, h;
  graphene_rect_t pill;

  if (x < -200 || x > width + 200)
    return;

  if (line)
    {
      fill_rect (snapshot, &red, x - 1, SCALE_ROW, 2, height - SCALE_ROW);
      return;
    }

  date = kurs_date_format_local (today);
  /* Translators: the label of the today marker on the timeline */
  label = g_strdup_printf (_("Today, %s"), date);
  pango_layout_get_pixel_size (kurs_text_shapes_get (self->bold_shapes, label), &w, &h);
  /* over its line, and whole while the line is in view */
  graphene_rect_init (&pill, x - w / 2.0 - 8, SCALE_ROW + 2, w + 16, SCALE_ROW - 4);
  if (x >= 0 && x <= width)
    pill.origin.x = CLAMP (pill.origin.x, 2, MAX (width - pill.size.width - 2, 2));
  rounded (self, snapshot, &pill, (SCALE_ROW - 4) / 2, &red, NULL, 0);
  draw_text (self, snapshot, TRUE, label, pill.origin.x + 8, SCALE_ROW + SCALE_ROW / 2, w + 1, &white);
}

/* The window's background, as the labels' backing, a little see-through */
static void
update_halo (KursTimelineView *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "window_bg_color",
                                       &self->halo))
    self->halo = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->halo.alpha *= 0.85;
}

static void
kurs_timeline_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  const KursSpan *spans = kurs_timeline_get_spans (self->timeline);
  /* Marks whose labels reach into view, packed with room for them */
  KursDate first_visible = (KursDate) MAX ((gint64) date_at (self, 0) - kurs_timeline_get_min_days (self->timeline), 1);
  KursDate last_visible = date_at (self, width + HIT_SLOP);
  double room = LABEL_ROOM;
  GdkRGBA band, text, dim;

  self->scale_factor = gtk_widget_get_scale_factor (widget);
  fg_color (self, &band, 0.045);
  fg_color (self, &text, 0.9);
  fg_color (self, &dim, 0.55);
  update_halo (self);

  draw_scale (self, snapshot, width, height);
  draw_today (self, snapshot, width, height, TRUE);
  draw_calendar (self, snapshot, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) SCALE_HEIGHT, (float) width,
                                                         (float) MAX (height - SCALE_HEIGHT, 0)));

  for (guint position = 0; position < KURS_N_LANES; position++)
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, position);
      double top = y_offset (self) + self->lane_y[lane];
      guint n_rows = kurs_timeline_get_n_rows (self->timeline, lane);
      g_autofree char *title = NULL;

      if (top > height)
        break;

      if (top + LANE_HEADER >= SCALE_HEIGHT)
        {
          fill_rect (snapshot, &band, 0, top, width, LANE_HEADER);
          title = g_strdup_printf ("%s %s", self->collapsed[lane] ? "▸" : "▾", kurs_lane_get_title (lane));
          draw_text (self, snapshot, TRUE, title, 8, top + LANE_HEADER / 2, width / 2, &text);
          if (n_rows == 0 && !self->collapsed[lane])
            draw_text (self, snapshot, FALSE, _(EMPTY_LANE), EMPTY_LANE_X, top + LANE_HEADER / 2,
                       width / 2, &dim);
        }

      if (self->collapsed[lane])
        continue;

      for (guint row = 0; row < n_rows; row++)
        {
          double y = row_y (self, lane, row);
          const guint *items;
          guint n;

          if (y + ROW_HEIGHT < SCALE_HEIGHT)
            continue;
          if (y > height)
            break;

          items = kurs_timeline_get_row (self->timeline, lane, row, &n);
          for (guint k = kurs_span_row_first_visible (spans, items, n, 1, first_visible);
               k < n && spans[items[k]].start <= last_visible;
               k++)
            {
              /* A label may run on up to the next item in the row */
              double item_room = k + 1 < n ? screen_x (self, spans[items[k + 1]].start) - screen_x (self, spans[items[k]].start)
                                      : width + LABEL_ROOM;

              if ((int) items[k] == self->drag_item && (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE))
                continue;
              draw_item (self, snapshot, items[k], &spans[items[k]], item_room, FALSE);
            }
        }
    }

  /* What is being dragged: a ghost where it was, the item where it goes */
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_RESIZE) && self->drag_item >= 0)
    {
      KursSpan was = spans[self->drag_item];
      KursSpan goes = was;

      if (self->drag_mode == DRAG_MOVE)
        goes.start = kurs_time_unit_add (was.start, self->drag_unit, self->drag_steps);
      goes.end = MAX (kurs_time_unit_add (was.end, self->drag_unit, self->drag_steps), goes.start);
      draw_item (self, snapshot, self->drag_item, &was, room, TRUE);
      draw_item (self, snapshot, self->drag_item, &goes, room, FALSE);
    }

  gtk_snapshot_pop (snapshot);

  draw_today (self, snapshot, width, height, FALSE);
}

/* Accessible items: a widget for each item in view, named in words and
 * placed over it, which screen readers read and the keyboard focus moves
 * through.  They are handed out again once the view stops moving, and at
 * once when the keyboard selects an item. */

static GtkWidget *
accessible_item_of (KursTimelineView *self,
                    int               index)
{
  for (guint i = 0; i < self->n_accessible; i++)
    if (kurs_timeline_item_accessible_get_index (self->accessible_items->pdata[i]) == index)
      return self->accessible_items->pdata[i];
  return NULL;
}

static gboolean
focus_is_within (KursTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_get_parent (focus) == GTK_WIDGET (self));
}

/* The items whose box is in view, lane by lane, row by row, in time */
static GArray *
items_in_view (KursTimelineView *self)
{
  const KursSpan *spans = kurs_timeline_get_spans (self->timeline);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  GArray *found = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean selected_found = self->selected < 0;

  for (guint position = 0; position < KURS_N_LANES && found->len < MAX_ACCESSIBLE_ITEMS; position++)
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, position);
      guint n_rows = self->collapsed[lane] ? 0 : kurs_timeline_get_n_rows (self->timeline, lane);

      for (guint row = 0; row < n_rows && found->len < MAX_ACCESSIBLE_ITEMS; row++)
        {
          double y = row_y (self, lane, row);
          guint n;
          const guint *items;

          if (y + ROW_HEIGHT <= SCALE_HEIGHT || y >= height)
            continue;
          items = kurs_timeline_get_row (self->timeline, lane, row, &n);
          for (guint k = 0; k < n && found->len < MAX_ACCESSIBLE_ITEMS; k++)
            {
              graphene_rect_t area;
              int index = (int) items[k];

              if (item_area (self, items[k], &spans[items[k]], &area) &&
                  area.origin.x + area.size.width > 0 && area.origin.x < width)
                {
                  g_array_append_val (found, index);
                  selected_found |= index == self->selected;
                }
            }
        }
    }

  /* The selected item has one wherever it is */
  if (!selected_found)
    {
      if (found->len == MAX_ACCESSIBLE_ITEMS)
        g_array_set_size (found, MAX_ACCESSIBLE_ITEMS - 1);
      g_array_append_val (found, self->selected);
    }
  return found;
}

/* An item in words (kurs_timeline_item_describe()); with the baseline
 * shown, an initiative's moves since it too */
static char *
describe_item (KursTimelineView *self,
               int               index)
{
  char *text = kurs_timeline_item_describe (self->timeline, index);
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
  const KursBaselineInitiative *entry;
  g_autofree char *moved = NULL;
  char *both;

  if (!self->show_baseline || self->baseline == NULL || item->kind != KURS_TIMELINE_INITIATIVE
      || !(entry = kurs_baseline_find (self->baseline, item->id)))
    return text;

  moved = kurs_baseline_describe (entry, kurs_baseline_get_version (self->baseline), -1);
  both = g_strdup_printf ("%s. %s", text, moved);
  g_free (text);
  return both;
}

static void
update_accessible_items (KursTimelineView *self)
{
  g_autoptr(GArray) indices = NULL;
  gboolean had_focus = focus_is_within (self);
  GtkWidget *selected_item = NULL;

  g_clear_handle_id (&self->accessible_id, g_source_remove);
  if (self->accessible_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->accessible_tick);
      self->accessible_tick = 0;
    }
  if (self->timeline == NULL)
    return;

  indices = items_in_view (self);
  for (guint i = 0; i < indices->len; i++)
    {
      int index = g_array_index (indices, int, i);
      g_autofree char *description = describe_item (self, index);
      GtkWidget *widget;

      if (i == self->accessible_items->len)
        {
          widget = kurs_timeline_item_accessible_new ();
          gtk_widget_set_parent (widget, GTK_WIDGET (self));
          g_ptr_array_add (self->accessible_items, widget);
        }
      widget = self->accessible_items->pdata[i];
      kurs_timeline_item_accessible_set_item (KURS_TIMELINE_ITEM_ACCESSIBLE (widget), index, description,
                                              index == self->selected);
      gtk_widget_set_visible (widget, TRUE);
      if (index == self->selected)
        selected_item = widget;
    }

  /* The keyboard is on the selected item, or on the view: never on one
   * about to be hidden, which would leave the window without focus */
  if (had_focus)
    gtk_widget_grab_focus (selected_item != NULL ? selected_item : GTK_WIDGET (self));
  for (guint i = indices->len; i < self->n_accessible; i++)
    {
      kurs_timeline_item_accessible_set_item (self->accessible_items->pdata[i], -1, NULL, FALSE);
      gtk_widget_set_visible (self->accessible_items->pdata[i], FALSE);
    }
  self->n_accessible = indices->len;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* In a frame's update phase, so that the frame's layout places them at
 * once: the view is never left waiting for an allocation between frames */
static gboolean
update_accessible_items_tick (GtkWidget     *widget,
                              GdkFrameClock *clock,
                              gpointer       data)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  self->accessible_tick = 0;
  update_accessible_items (self);
  return G_SOURCE_REMOVE;
}

static gboolean
update_accessible_items_cb (gpointer data)
{
  KursTimelineView *self = data;

  self->accessible_id = 0;
  if (self->accessible_tick == 0)
    self->accessible_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_accessible_items_tick, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Once the view has stood still a moment: not in every frame of a scroll */
static void
queue_accessible_items (KursTimelineView *self)
{
  g_clear_handle_id (&self->accessible_id, g_source_remove);
  self->accessible_id = g_timeout_add (ACCESSIBLE_DELAY_MS, update_accessible_items_cb, self);
}

/* Each in use over its item's box */
static void
allocate_accessible_items (KursTimelineView *self)
{
  const KursSpan *spans = kurs_timeline_get_spans (self->timeline);

  for (guint i = 0; i < self->n_accessible; i++)
    {
      GtkWidget *widget = self->accessible_items->pdata[i];
      int index = kurs_timeline_item_accessible_get_index (KURS_TIMELINE_ITEM_ACCESSIBLE (widget));
      graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, 1, 1);
      int minimum;

      if (index >= 0 && index < (int) kurs_timeline_get_n_items (self->timeline))
        item_area (self, (guint) index, &spans[index], &area);
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      gtk_widget_size_allocate (widget,
                                &(GtkAllocation) { (int) floor (area.origin.x), (int) floor (area.origin.y),
                                                   MAX ((int) ceil (area.size.width), 1),
                                                   MAX ((int) ceil (area.size.height), 1) },
                                -1);
    }
}

/* Selection */

/* Screen readers hear the selected item in words, kept up to date */
static void
update_description (KursTimelineView *self)
{
  if (self->selected >= 0)
    {
      g_autofree char *text = describe_item (self, self->selected);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void update_selection_actions (KursTimelineView *self);

static void
set_selected (KursTimelineView *self,
              int               index,
              gboolean          scroll)
{
  const KursTimelineItem *item = index >= 0 ? kurs_timeline_get_item (self->timeline, index) : NULL;

  self->selected = index;
  update_selection_actions (self);
  self->selected_id = item != NULL ? item->id : 0;
  if (item != NULL)
    {
      self->selected_entity = kurs_timeline_item_get_entity (item);
      self->selected_occurrence = item->occurrence;
    }
  update_description (self);

  if (item != NULL && scroll)
    {
      graphene_rect_t area;
      double width = gtk_widget_get_width (GTK_WIDGET (self));
      double height = gtk_widget_get_height (GTK_WIDGET (self));

      if (self->collapsed[item->lane])
        kurs_timeline_view_set_lane_collapsed (self, item->lane, FALSE);
      if (item_area (self, index, &kurs_timeline_get_spans (self->timeline)[index], &area))
        {
          double h = gtk_adjustment_get_value (self->hadjustment);
          double v = gtk_adjustment_get_value (self->vadjustment);

          if (area.origin.x < 0 || area.origin.x > width - 40)
            gtk_adjustment_set_value (self->hadjustment, h + area.origin.x - width / 3);
          if (area.origin.y < SCALE_HEIGHT || area.origin.y + area.size.height > height)
            gtk_adjustment_set_value (self->vadjustment, v + area.origin.y - SCALE_HEIGHT - height / 3);
        }
    }

  /* The keyboard's item is told at once; the pointer's once it rests */
  if (focus_is_within (self))
    update_accessible_items (self);
  else
    queue_accessible_items (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The rows at the other zoom steps, packed in idle moments, nearest
 * first, so that zooming does not stop to pack 20,000 items */
#define MAX_MIN_DAYS 4096    /* LABEL_ROOM at the least zoom, as a power of two */

static gboolean
prepare_packings_cb (gpointer data)
{
  KursTimelineView *self = data;
  guint current = kurs_timeline_get_min_days (self->timeline);

  for (guint distance = 1; distance <= 13; distance++)
    {
      guint lower = current >> distance;
      guint64 higher = (guint64) current << distance;

      if (lower >= 1 && kurs_timeline_prepare_min_days (self->timeline, lower))
        return G_SOURCE_CONTINUE;
      if (higher <= MAX_MIN_DAYS && kurs_timeline_prepare_min_days (self->timeline, (guint) higher))
        return G_SOURCE_CONTINUE;
    }

  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

static void
prepare_packings (KursTimelineView *self)
{
  if (self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_packings_cb, self, NULL);
}

static void
timeline_changed_cb (KursTimelineView *self)
{
  self->selected = self->selected_id != 0
                 ? kurs_timeline_find_row (self->timeline, self->selected_entity, self->selected_id,
                                           self->selected_occurrence)
                 : -1;
  if (self->selected < 0)
    self->selected_id = 0;
  update_selection_actions (self);
  update_description (self);
  kurs_text_shapes_forget_keyed (self->shapes);
  prepare_packings (self);
  self->hover = -1;
  self->drag_mode = DRAG_NONE;
  self->drag_item = -1;
  compute_lanes (self);
  configure_adjustments (self);
  /* The items are others now: none may keep an index that has gone */
  update_accessible_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Neighbours for the keyboard: the next item in the same row, or the
 * nearest in time in the row above or below */
static int
neighbour (KursTimelineView *self,
           int               dx,
           int               dy)
{
  const KursSpan *spans = kurs_timeline_get_spans (self->timeline);
  const KursTimelineItem *item;
  GArray *flat;
  int found = -1;
  guint position = 0;

  if (self->selected < 0)
    {
      /* The first item in view */
      KursDate from = date_at (self, 0);
      double best = G_MAXDOUBLE;

      for (guint i = 0; i < kurs_timeline_get_n_items (self->timeline); i++)
        {
          const KursTimelineItem *candidate = kurs_timeline_get_item (self->timeline, i);
          double score = fabs ((double) spans[i].start - from) + candidate->lane * 1e6 + candidate->row * 1e4;

          if (!self->collapsed[candidate->lane] && spans[i].end >= from && score < best)
            best = score, found = (int) i;
        }
      return found;
    }

  item = kurs_timeline_get_item (self->timeline, self->selected);

  if (dx != 0)
    {
      guint n;
      const guint *row = kurs_timeline_get_row (self->timeline, item->lane, item->row, &n);

      for (guint k = 0; k < n; k++)
        if ((int) row[k] == self->selected)
          {
            if ((int) k + dx >= 0 && k + dx < n)
              found = (int) row[k + dx];
            break;
          }
      return found;
    }

  /* The visible rows, top to bottom */
  flat = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  for (guint at = 0; at < KURS_N_LANES; at++)
    {
      KursLane lane = kurs_timeline_get_lane_at (self->timeline, at);

      for (guint row = 0; !self->collapsed[lane] && row < kurs_timeline_get_n_rows (self->timeline, lane); row++)
        {
          guint pair[2] = { lane, row };

          if (lane == item->lane && row == item->row)
            position = flat->len;
          g_array_append_val (flat, pair);
        }
    }

  for (int p = (int) position + dy; p >= 0 && p < (int) flat->len && found < 0; p += dy)
    {
      guint *pair = &g_array_index (flat, guint, 2 * p);
      guint n;
      const guint *row = kurs_timeline_get_row (self->timeline, pair[0], pair[1], &n);
      double best = G_MAXDOUBLE;

      for (guint k = 0; k < n; k++)
        {
          double d = fabs ((double) spans[row[k]].start - spans[self->selected].start);

          if (d < best)
            best = d, found = (int) row[k];
        }
    }

  g_array_unref (flat);
  return found;
}

/* The item a key goes to when it names a moment: the first in time, the
 * last, or the one nearest @target; among items as near, the one in the
 * highest row */
typedef enum { GO_FIRST, GO_LAST, GO_NEAREST } Go;

static int
nearest_in_time (KursTimelineView *self,
                 Go                go,
                 KursDate          target)
{
  const KursSpan *spans = kurs_timeline_get_spans (self->timeline);
  int found = -1;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < kurs_timeline_get_n_items (self->timeline); i++)
    {
      const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, i);
      double distance;

      if (self->collapsed[item->lane])
        continue;
      if (go == GO_FIRST)
        distance = spans[i].start;
      else if (go == GO_LAST)
        distance = -(double) spans[i].end;
      else if (spans[i].start <= target && target <= spans[i].end)
        distance = 0;
      else
        distance = MIN (fabs ((double) spans[i].start - target), fabs ((double) spans[i].end - target));
      /* the highest row wins a tie */
      distance += (item->lane * 1e4 + item->row) * 1e-9;
      if (distance < best)
        best = distance, found = (int) i;
    }
  return found;
}

static void
move_selected (KursTimelineView *self,
               int               steps)
{
  KursTimeScale s = scale (self);
  g_autoptr(GError) error = NULL;

  if (self->selected < 0)
    return;

  if (!kurs_timeline_move (self->timeline, self->selected, kurs_time_scale_snap_unit (&s), steps, steps, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

static void
delete_selected (KursTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) record = NULL;
  g_autofree char *message = NULL;

  if (self->selected < 0)
    return;

  if (!(record = kurs_timeline_get_record (self->timeline, self->selected)))
    return;
  /* Translators: a toast after deleting an item from the timeline */
  message = g_strdup_printf (_("“%s” deleted"), kurs_record_get_title (record));

  if (kurs_store_delete (kurs_timeline_get_store (self->timeline), record, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

/* Space marks a milestone held, or not held: one milestone, not an
 * occurrence of a series, in a library that may be written */
static gboolean
can_toggle_held (KursTimelineView *self)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, self->selected);

  return item->kind == KURS_TIMELINE_MILESTONE && !(item->flags & KURS_TIMELINE_RECURRING) &&
         !kurs_store_is_read_only (kurs_timeline_get_store (self->timeline));
}

static void
toggle_held (KursTimelineView *self)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, self->selected);
  g_autoptr(KursRecord) record = kurs_timeline_get_record (self->timeline, self->selected);
  g_autoptr(GError) error = NULL;
  gboolean held = (item->flags & KURS_TIMELINE_HELD) != 0;

  if (record != NULL && !kurs_store_set (kurs_timeline_get_store (self->timeline), record, "held", g_variant_new_boolean (!held), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

/* Actions, with their keys declared in the class */

static void
update_selection_actions (KursTimelineView *self)
{
  gboolean selected = self->selected >= 0;

  /* Where nothing is selected, the keys go on to the page */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.activate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.deselect", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.move", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.toggle-held", selected && can_toggle_held (self));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);
  int dx, dy, next;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  next = neighbour (self, dx, dy);
  if (next >= 0)
    set_selected (self, next, TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selected (KURS_TIMELINE_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  if (self->selected >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  if (self->selected >= 0)
    delete_selected (self);
}

static void
deselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_selected (KURS_TIMELINE_VIEW (widget), -1, FALSE);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);
  const char *where = g_variant_get_string (parameter, NULL);
  KursDate today = kurs_timeline_get_today (self->timeline);
  int next;

  if (g_str_equal (where, "first"))
    next = nearest_in_time (self, GO_FIRST, today);
  else if (g_str_equal (where, "last"))
    next = nearest_in_time (self, GO_LAST, today);
  else
    next = nearest_in_time (self, GO_NEAREST, today);

  if (next >= 0)
    set_selected (self, next, TRUE);
  /* Today itself comes into sight, a third of the way in */
  if (g_str_equal (where, "today"))
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + screen_x (self, today) -
                              gtk_widget_get_width (widget) / 3.0);
}

static void
toggle_held_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  if (self->selected >= 0 && can_toggle_held (self))
    toggle_held (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kurs_timeline_view_zoom (KURS_TIMELINE_VIEW (widget), g_variant_get_double (parameter));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  kurs_timeline_view_fit_period (KURS_TIMELINE_VIEW (widget));
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  static const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  gtk_widget_class_install_action (widget_class, "timeline.step", "(ii)", step_action);
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "timeline.deselect", NULL, deselect_action);
  gtk_widget_class_install_action (widget_class, "timeline.go", "s", go_action);
  gtk_widget_class_install_action (widget_class, "timeline.toggle-held", NULL, toggle_held_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);

  /* Arrows walk from item to item; Shift or Alt moves the item a day (a
   * month when zoomed out); Home, End and T go to the first item, the
   * last, and today */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.step", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.step", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.step", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.step", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.go", "s", "first");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "timeline.go", "s", "first");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.go", "s", "last");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "timeline.go", "s", "last");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "timeline.go", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.toggle-held", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "timeline.toggle-held", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, activate_keys[i], 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "timeline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "timeline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.deselect", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], 0, "timeline.zoom", "d", 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom", "d", 1.5);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], 0, "timeline.zoom", "d", 1 / 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.fit", NULL);
}

/* Pointer */

static gboolean
scroll_cb (KursTimelineView         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double step = wheel ? 60.0 : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      double x = self->pointer_x >= 0 ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2;

      set_zoom (self, self->zoom * pow (1.2, -(dy != 0 ? dy : dx) * (wheel ? 1.0 : 0.1)), x);
      self->fitted = FALSE;
      return TRUE;
    }

  /* The wheel runs along time; Shift turns it to the lanes.  A touchpad
   * scrolls both ways as the fingers go. */
  if (wheel && !(state & GDK_SHIFT_MASK) && dx == 0)
    dx = dy, dy = 0;
  else if (wheel && (state & GDK_SHIFT_MASK) && dy == 0)
    dy = dx, dx = 0;

  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx * step);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy * step);
  return TRUE;
}

static void
zoom_begin_cb (KursTimelineView *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->zoom_begin = self->zoom;
}

static void
zoom_scale_changed_cb (KursTimelineView *self,
                       double            factor,
                       GtkGestureZoom   *gesture)
{
  double x, y;

  /* About the fingers' middle; about the view's when the gesture has no
   * points to tell (a synthesized one) */
  if (!gtk_gesture_is_active (GTK_GESTURE (gesture)) ||
      !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
  set_zoom (self, self->zoom_begin * factor, x);
  self->fitted = FALSE;
}

static void
pressed_cb (KursTimelineView *self,
            int               n_press,
            double            x,
            double            y,
            GtkGestureClick  *gesture)
{
  int index = hit (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (index <= -2)
    {
      KursLane lane = (KursLane) (-2 - index);

      kurs_timeline_view_set_lane_collapsed (self, lane, !self->collapsed[lane]);
      return;
    }

  if (index != self->selected)
    set_selected (self, index, FALSE);
  if (n_press == 2 && index >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, index);
}

static void
drag_begin_cb (KursTimelineView *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  int index = hit (self, x, y);
  KursTimeScale s = scale (self);

  self->drag_x = x;
  self->drag_y = y;
  self->drag_hvalue = gtk_adjustment_get_value (self->hadjustment);
  self->drag_vvalue = gtk_adjustment_get_value (self->vadjustment);
  self->drag_steps = 0;
  self->drag_unit = kurs_time_scale_snap_unit (&s);
  self->drag_item = -1;

  if (index >= 0)
    {
      const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
      graphene_rect_t area;

      self->drag_item = index;
      self->drag_mode = DRAG_MOVE;
      if ((item->flags & KURS_TIMELINE_BAR) &&
          item_area (self, index, &kurs_timeline_get_spans (self->timeline)[index], &area) &&
          x >= area.origin.x + area.size.width - EDGE_GRIP && area.size.width > 3 * EDGE_GRIP)
        self->drag_mode = DRAG_RESIZE;
    }
  else if (index == -1)
    self->drag_mode = DRAG_PAN;
  else
    self->drag_mode = DRAG_NONE;
}

static void
drag_update_cb (KursTimelineView *self,
                double            offset_x,
                double            offset_y,
                GtkGestureDrag   *gesture)
{
  switch (self->drag_mode)
    {
    case DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->drag_hvalue - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->drag_vvalue - offset_y);
      break;

    case DRAG_MOVE:
    case DRAG_RESIZE:
      {
        const KursSpan *span = &kurs_timeline_get_spans (self->timeline)[self->drag_item];
        KursDate from = self->drag_mode == DRAG_MOVE ? span->start : span->end;
        KursDate to = (KursDate) MAX ((double) from + round (offset_x / self->zoom), 1.0);
        int steps = kurs_time_unit_steps_between (from, to, self->drag_unit);

        if (steps != self->drag_steps)
          {
            self->drag_steps = steps;
            gtk_widget_queue_draw (GTK_WIDGET (self));
          }
        if (fabs (offset_x) > 3)
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      }
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (KursTimelineView *self,
             double            offset_x,
             double            offset_y,
             GtkGestureDrag   *gesture)
{
  DragMode mode = self->drag_mode;
  int index = self->drag_item, steps = self->drag_steps;
  g_autoptr(GError) error = NULL;

  self->drag_mode = DRAG_NONE;
  self->drag_item = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if ((mode != DRAG_MOVE && mode != DRAG_RESIZE) || steps == 0 || index < 0)
    return;

  if (!kurs_timeline_move (self->timeline, index, self->drag_unit,
                           mode == DRAG_MOVE ? steps : 0, steps, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "s", error->message);
}

static void
motion_cb (KursTimelineView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int index = hit (self, x, y);
  const char *cursor = NULL;

  self->pointer_x = x;

  if (index >= 0)
    {
      const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
      graphene_rect_t area;

      cursor = "grab";
      if ((item->flags & KURS_TIMELINE_BAR) &&
          item_area (self, index, &kurs_timeline_get_spans (self->timeline)[index], &area) &&
          x >= area.origin.x + area.size.width - EDGE_GRIP && area.size.width > 3 * EDGE_GRIP)
        cursor = "ew-resize";
    }
  else if (index <= -2)
    cursor = "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (MAX (index, -1) != self->hover)
    {
      self->hover = MAX (index, -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (KursTimelineView *self)
{
  self->pointer_x = -1;
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
kurs_timeline_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);
  int index = keyboard ? self->selected : hit (self, x, y);
  g_autofree char *text = NULL;
  graphene_rect_t area;

  if (index < 0)
    return FALSE;

  text = describe_item (self, index);
  gtk_tooltip_set_text (tooltip, text);
  if (item_area (self, index, &kurs_timeline_get_spans (self->timeline)[index], &area))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                         (int) area.size.width, (int) area.size.height });
  return TRUE;
}

/* GtkWidget */

static void
kurs_timeline_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : (int) (SCALE_HEIGHT + 2 * LANE_HEADER);
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
kurs_timeline_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  if (self->pending_first != KURS_DATE_NONE)
    {
      KursDate first, pending_first = self->pending_first;

      self->pending_first = KURS_DATE_NONE;
      self->fitted = FALSE;
      self->zoom = kurs_time_scale_fit (pending_first, self->pending_last, width - 2 * MARGIN);
      update_packing (self);
      configure_adjustments (self);
      kurs_timeline_get_range (self->timeline, &first, NULL);
      gtk_adjustment_set_value (self->hadjustment, ((double) pending_first - first) * self->zoom);
    }
  else if (self->fitted)
    {
      KursDate first, last;

      kurs_timeline_get_range (self->timeline, &first, &last);
      self->zoom = kurs_time_scale_fit (first, last, width - 2 * MARGIN);
      update_packing (self);
    }

  configure_adjustments (self);
  allocate_accessible_items (self);
  /* A new size shows other items (a new scroll position tells itself) */
  if (width != self->accessible_width || height != self->accessible_height)
    {
      self->accessible_width = width;
      self->accessible_height = height;
      queue_accessible_items (self);
    }
}

/* Tab comes to the timeline (to its selected item) and goes on from it:
 * the items are reached by the arrow keys, not one Tab each */
static gboolean
kurs_timeline_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);
  GtkWidget *item = self->selected >= 0 ? accessible_item_of (self, self->selected) : NULL;

  if (focus_is_within (self))
    return FALSE;
  return gtk_widget_grab_focus (item != NULL ? item : widget);
}

static void
adjustment_changed_cb (KursTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_accessible_items (self);
}

static void
set_adjustment (KursTimelineView  *self,
                GtkAdjustment    **slot,
                GtkAdjustment     *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* A new font or resolution: shape the labels again */
static void
kurs_timeline_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (kurs_timeline_view_parent_class)->system_setting_changed (widget, setting);

  kurs_text_shapes_reset (self->shapes);
  kurs_text_shapes_reset (self->bold_shapes);
  gtk_widget_queue_draw (widget);
}

static void
kurs_timeline_view_dispose (GObject *object)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_handle_id (&self->accessible_id, g_source_remove);
  self->baseline = NULL;
  if (self->accessible_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->accessible_tick);
      self->accessible_tick = 0;
    }
  if (self->accessible_items != NULL)
    {
      for (guint i = 0; i < self->accessible_items->len; i++)
        gtk_widget_unparent (self->accessible_items->pdata[i]);
      g_clear_pointer (&self->accessible_items, g_ptr_array_unref);
    }
  self->n_accessible = 0;
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, timeline_changed_cb, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->shapes, kurs_text_shapes_free);
  g_clear_pointer (&self->bold_shapes, kurs_text_shapes_free);
  g_clear_pointer (&self->marks, kurs_mark_shapes_free);
  g_clear_pointer (&self->holidays, g_array_unref);

  G_OBJECT_CLASS (kurs_timeline_view_parent_class)->dispose (object);
}

static void
kurs_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_CALENDAR:
      g_value_set_uint (value, self->calendar);
      break;
    case PROP_SHOW_BASELINE:
      g_value_set_boolean (value, self->show_baseline);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KursTimelineView *self = KURS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      self->timeline = g_value_dup_object (value);
      g_signal_connect_swapped (self->timeline, "changed", G_CALLBACK (timeline_changed_cb), self);
      prepare_packings (self);
      /* The lanes' rows follow the zoom, which the first allocation fits
       * to the width: not packed before then for the default one */
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        compute_lanes (self);
      break;
    case PROP_CALENDAR:
      kurs_timeline_view_set_calendar (self, g_value_get_uint (value));
      break;
    case PROP_SHOW_BASELINE:
      kurs_timeline_view_set_show_baseline (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_timeline_view_class_init (KursTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kurs_timeline_view_dispose;
  object_class->get_property = kurs_timeline_view_get_property;
  object_class->set_property = kurs_timeline_view_set_property;

  widget_class->measure = kurs_timeline_view_measure;
  widget_class->size_allocate = kurs_timeline_view_size_allocate;
  widget_class->focus = kurs_timeline_view_focus;
  widget_class->snapshot = kurs_timeline_view_snapshot;
  widget_class->query_tooltip = kurs_timeline_view_query_tooltip;
  widget_class->system_setting_changed = kurs_timeline_view_system_setting_changed;
  install_actions (widget_class);

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, KURS_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KursTimelineView:calendar:
   *
   * What of the Danish calendar is drawn (KursCalendarLayers).
   */
  properties[PROP_CALENDAR] =
    g_param_spec_uint ("calendar", NULL, NULL, 0, KURS_CALENDAR_ALL, KURS_CALENDAR_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KursTimelineView:show-baseline:
   *
   * Whether each initiative's dates in the latest approved version, its
   * baseline (kurs_timeline_view_set_baseline()), are drawn faint under
   * its bar.
   */
  properties[PROP_SHOW_BASELINE] =
    g_param_spec_boolean ("show-baseline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KursTimelineView::item-activated:
   * @index: the item
   *
   * Double-click or Enter: the item's editor is wanted.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "kurs-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
kurs_timeline_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
kurs_timeline_view_init (KursTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->scale_factor = 1;
  self->fitted = TRUE;
  self->selected = -1;
  self->calendar = KURS_CALENDAR_ALL;
  self->accessible_items = g_ptr_array_new ();
  update_selection_actions (self);
  self->hover = -1;
  self->pointer_x = -1;
  self->drag_item = -1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  self->shapes = kurs_text_shapes_new (widget, PANGO_WEIGHT_NORMAL);
  self->bold_shapes = kurs_text_shapes_new (widget, PANGO_WEIGHT_BOLD);
  self->marks = kurs_mark_shapes_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
kurs_timeline_view_new (KursTimeline *timeline)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (timeline), NULL);

  return g_object_new (KURS_TYPE_TIMELINE_VIEW, "timeline", timeline, NULL);
}

KursTimeline *
kurs_timeline_view_get_timeline (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

double
kurs_timeline_view_get_zoom (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * kurs_timeline_view_zoom:
 * @factor: above 1 to zoom in
 *
 * Zooms about the middle of the view, or about the selected item when it
 * is in view.
 */
void
kurs_timeline_view_zoom (KursTimelineView *self,
                         double            factor)
{
  double anchor = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
  graphene_rect_t area;

  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  if (self->selected >= 0 &&
      item_area (self, self->selected, &kurs_timeline_get_spans (self->timeline)[self->selected], &area) &&
      area.origin.x >= 0 && area.origin.x <= gtk_widget_get_width (GTK_WIDGET (self)))
    anchor = area.origin.x;

  self->fitted = FALSE;
  set_zoom (self, self->zoom * factor, anchor);
}

/**
 * kurs_timeline_view_fit_period:
 *
 * Shows the whole period, and keeps showing it as the view is resized.
 */
void
kurs_timeline_view_fit_period (KursTimelineView *self)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  self->fitted = TRUE;
  self->pending_first = KURS_DATE_NONE;

  /* At once, so that a zoom right after starts from here; and again at
   * each new size while it stays fitted */
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      KursDate first, last;

      kurs_timeline_get_range (self->timeline, &first, &last);
      self->zoom = kurs_time_scale_fit (first, last, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN);
      update_packing (self);
      configure_adjustments (self);
    }
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kurs_timeline_view_get_visible_range (KursTimelineView *self,
                                      KursDate         *first,
                                      KursDate         *last)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  *first = date_at (self, MARGIN);
  *last = date_at (self, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - MARGIN - 0.5, MARGIN + 1));
}

/**
 * kurs_timeline_view_set_visible_range:
 *
 * Shows @first to @last across the view: now, or once it has a size.
 */
void
kurs_timeline_view_set_visible_range (KursTimelineView *self,
                                      KursDate          first,
                                      KursDate          last)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (first != KURS_DATE_NONE && last >= first);

  self->pending_first = first;
  self->pending_last = last;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * kurs_timeline_view_set_calendar:
 * @layers: what of the Danish calendar to draw: week numbers, weekends and
 *   public holidays, council terms and elections, budgets
 *
 * Sets what of the Danish calendar is drawn behind the items.
 */
void
kurs_timeline_view_set_calendar (KursTimelineView   *self,
                                 KursCalendarLayers  layers)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  if (self->calendar == (layers & KURS_CALENDAR_ALL))
    return;
  self->calendar = layers & KURS_CALENDAR_ALL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
}

KursCalendarLayers
kurs_timeline_view_get_calendar (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), 0);

  return self->calendar;
}

/* The baseline shown, hidden or read anew: the items' words say it */
static void
baseline_words_changed (KursTimelineView *self)
{
  if (self->timeline == NULL)
    return;
  update_description (self);
  queue_accessible_items (self);
}

void
kurs_timeline_view_set_show_baseline (KursTimelineView *self,
                                      gboolean          show)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  if (self->show_baseline == !!show)
    return;
  self->show_baseline = !!show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  baseline_words_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BASELINE]);
}

gboolean
kurs_timeline_view_get_show_baseline (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), FALSE);

  return self->show_baseline;
}

/**
 * kurs_timeline_view_set_baseline:
 * @baseline: (transfer none) (nullable): the initiatives as the latest
 *   approved version planned them, which the caller keeps until it sets
 *   another or %NULL
 *
 * What the view draws under the initiatives when it shows the baseline.
 */
void
kurs_timeline_view_set_baseline (KursTimelineView   *self,
                                 const KursBaseline *baseline)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));

  self->baseline = baseline;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  baseline_words_changed (self);
}

/**
 * kurs_timeline_view_get_baseline:
 *
 * Returns: (transfer none) (nullable): the baseline it draws
 */
const KursBaseline *
kurs_timeline_view_get_baseline (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), NULL);

  return self->baseline;
}

gboolean
kurs_timeline_view_get_lane_collapsed (KursTimelineView *self,
                                       KursLane          lane)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (lane < KURS_N_LANES, FALSE);

  return self->collapsed[lane];
}

void
kurs_timeline_view_set_lane_collapsed (KursTimelineView *self,
                                       KursLane          lane,
                                       gboolean          collapsed)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (lane < KURS_N_LANES);

  self->collapsed[lane] = !!collapsed;
  compute_lanes (self);
  configure_adjustments (self);
  queue_accessible_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
kurs_timeline_view_get_selected (KursTimelineView *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), -1);

  return self->selected;
}

/**
 * kurs_timeline_view_select:
 * @index: an item, or -1 for none
 *
 * Selects an item and scrolls it into view.
 */
void
kurs_timeline_view_select (KursTimelineView *self,
                           int               index)
{
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (index < (int) kurs_timeline_get_n_items (self->timeline));

  if (index != self->selected)
    set_selected (self, index, TRUE);
}

/**
 * kurs_timeline_view_get_item_area:
 *
 * Returns: whether the item is laid out (its lane open); @area is where,
 *   in the view's coordinates
 */
gboolean
kurs_timeline_view_get_item_area (KursTimelineView *self,
                                  guint             index,
                                  graphene_rect_t  *area)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (index < kurs_timeline_get_n_items (self->timeline), FALSE);

  return item_area (self, index, &kurs_timeline_get_spans (self->timeline)[index], area);
}

/**
 * kurs_timeline_view_x_for_date:
 *
 * Returns: the x of the middle of @date in the view
 */
double
kurs_timeline_view_x_for_date (KursTimelineView *self,
                               KursDate          date)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (self), 0.0);

  return screen_x (self, date) + self->zoom / 2;
}
