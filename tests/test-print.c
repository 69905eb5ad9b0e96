/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "kurs-print-document.h"
#include "kurs-test-util.h"
#include "kurs-timeline-drawing.h"

/* The printed document's pagination, on an A4 page's printable area */

#define WIDTH  500.0
#define HEIGHT 760.0

static double
measure_chart (double   width,
               gpointer user_data)
{
  return *(double *) user_data;
}

static void
draw_chart (cairo_t *cr,
            double   width,
            double   height,
            gpointer user_data)
{
}

/* A heading and the chart under it begin on one page, wherever the text
 * before them ends: a heading is never left alone at a page's foot. */
static void
test_heading_kept_with_drawing (gconstpointer data)
{
  double chart_height = *(const double *) data;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint moved = 0;

  for (guint n = 1; n < 120; n++)
    {
      g_autoptr(KursPrintDocument) document = kurs_print_document_new ("Strategi for udsatte borgere");
      guint before_page, heading_page, chart_page;

      for (guint i = 0; i < n; i++)
        kurs_print_document_add_text (document, "Antallet af hjemløse borgere i Ballerup skal falde.");
      kurs_print_document_add_heading (document, 2, "Nøgletal på udsatteområdet");
      kurs_print_document_add_drawing (document, measure_chart, draw_chart, 0, &chart_height, NULL);
      kurs_print_document_paginate (document, cr, WIDTH, HEIGHT);

      g_assert_true (kurs_print_document_get_block_page (document, n - 1, &before_page));
      g_assert_true (kurs_print_document_get_block_page (document, n, &heading_page));
      g_assert_true (kurs_print_document_get_block_page (document, n + 1, &chart_page));
      g_assert_cmpuint (heading_page, ==, chart_page);
      if (heading_page > before_page)
        moved++;
    }

  /* Some of those headings had room for themselves, not for the chart */
  g_assert_cmpuint (moved, >, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The text of a PDF page range, by pdftotext */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* A text far longer than a page, in one paragraph: laid out in parts
 * (Pango lays a paragraph out whole), every word of it printed, in
 * order, and the blocks after it still found by the order they were
 * added in */
static void
test_long_text (void)
{
  g_autoptr(KursPrintDocument) document = kurs_print_document_new ("Lang vision");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("kurs-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "lang.pdf", NULL);
  g_autofree char *printed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  guint heading_page, last_page;
  const char *at;

  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (text, "ord%u ", i);
  kurs_print_document_add_heading (document, 1, "Vision");
  kurs_print_document_add_text (document, text->str);
  kurs_print_document_add_heading (document, 2, "Efter visionen");
  g_assert_true (kurs_print_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);

  /* the heading after it is the third block added, on the last page */
  g_assert_true (kurs_print_document_get_block_page (document, 2, &heading_page));
  last_page = kurs_print_document_get_n_pages (document) - 1;
  g_assert_cmpuint (heading_page, ==, last_page);
  g_assert_cmpuint (last_page, >, 2);

  printed = pdf_text (pdf);
  at = printed;
  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *word = g_strdup_printf ("ord%u ", i);
      const char *found = strstr (at, word);

      if (found == NULL)
        {
          g_autofree char *last = g_strdup_printf ("ord%u\n", i);

          found = strstr (at, last);
        }
      g_assert_nonnull (found);
      at = found;
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Laid out a little at a time, as the window does while it prints: it
 * takes many steps, the progress only grows, and the pages are those of
 * laying it out at once */
static void
test_paginate_in_steps (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(KursPrintDocument) document = kurs_print_document_new ("Strategi");
  guint steps = 0, at_once, page_a, page_b;
  double progress = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Afsnit %u", i);

      kurs_print_document_add_heading (document, 2, heading);
      kurs_print_document_add_text (document, "Antallet af hjemløse borgere i Ballerup skal falde, "
                                              "og flere skal have et hjem og den hjælp, de har brug for.");
    }

  at_once = kurs_print_document_paginate (document, cr, WIDTH, HEIGHT);
  g_assert_true (kurs_print_document_get_block_page (document, 799, &page_a));

  kurs_print_document_paginate_begin (document, cr, WIDTH, HEIGHT);
  while (!kurs_print_document_paginate_step (document, 0))
    {
      double now = kurs_print_document_get_progress (document);

      g_assert_cmpfloat (now, >=, progress);
      g_assert_cmpfloat (now, <, 1.0);
      progress = now;
      steps++;
    }
  g_assert_cmpuint (steps, >, 100);
  g_assert_cmpfloat (kurs_print_document_get_progress (document), ==, 1.0);
  g_assert_cmpuint (kurs_print_document_get_n_pages (document), ==, at_once);
  g_assert_true (kurs_print_document_get_block_page (document, 799, &page_b));
  g_assert_cmpuint (page_a, ==, page_b);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The printed timeline of a strategy of one year, drawn at WIDTH with
 * @calendar: how dark it is at @date's column, in the rows (0–255 of
 * darkness, the column's mean), and along the scale's second line */
typedef struct {
  double rows;
  double scale;
} Darkness;

#define LABEL_SHARE 0.36   /* as kurs-timeline-drawing.c */
#define SCALE       28.0

static Darkness
printed_darkness (KursStore          *store,
                  KursRecord         *strategy,
                  KursCalendarLayers  calendar,
                  KursDate            date)
{
  g_autoptr(KursPrintDocument) document = kurs_print_document_new ("Strategi");
  KursPrintBlock block;
  cairo_surface_t *surface;
  cairo_t *cr;
  double height, x, left = WIDTH * LABEL_SHARE;
  KursDate first = kurs_date_from_ymd (2026, 1, 1);
  Darkness dark = { 0, 0 };
  const guint8 *data;
  int stride;

  kurs_timeline_drawing_add (document, store, strategy, calendar);
  kurs_print_document_get_block (document, kurs_print_document_get_n_blocks (document) - 1, &block);
  g_assert_cmpint (block.kind, ==, KURS_PRINT_BLOCK_DRAWING);
  height = block.measure (WIDTH, block.data);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) WIDTH, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  block.draw (cr, WIDTH, height, block.data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* the middle of the day's column */
  x = left + (date - first + 0.5) / 365.0 * (WIDTH - left);
  for (int y = (int) SCALE + 1; y < (int) height; y++)
    dark.rows += 255 - data[y * stride + (int) x * 4 + 1];
  dark.rows /= height - SCALE - 1;
  for (int y = 14; y < 26; y++)
    for (int px = (int) left + 2; px < (int) left + 120; px++)
      dark.scale += 255 - data[y * stride + px * 4 + 1];
  cairo_surface_destroy (surface);
  return dark;
}

/* The printed timeline draws what of the Danish calendar the window
 * shows: holidays shaded (a year to a page leaves a day wide enough), the
 * council term named, the budget's day dashed; and nothing of a layer
 * switched off */
static void
test_timeline_calendar_layers (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_store_create_strategy (store, "Årsplan", 2026, 2026, "Socialudvalget", &error);
  g_autoptr(KursRecord) milestone = NULL;
  KursDate christmas = kurs_date_from_ymd (2026, 12, 25);
  KursDate budget = kurs_calendar_budget_adoption (2027);
  KursDate plain = kurs_date_from_ymd (2026, 9, 9);   /* a Wednesday of no note */

  g_assert_no_error (error);
  milestone = kurs_store_create (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), &error,
                                 "kind", g_variant_new_string ("seminar"),
                                 "title", g_variant_new_string ("Temadag"),
                                 "start_date", g_variant_new_string ("2026-03-04"), NULL);
  g_assert_no_error (error);

  /* Holidays */
  g_assert_cmpfloat (printed_darkness (store, strategy, KURS_CALENDAR_HOLIDAYS, christmas).rows, >,
                     printed_darkness (store, strategy, 0, christmas).rows + 10);
  g_assert_cmpfloat (printed_darkness (store, strategy, KURS_CALENDAR_HOLIDAYS, plain).rows, <,
                     printed_darkness (store, strategy, 0, plain).rows + 1);
  /* (the rest of the calendar shades the council term, Christmas and all) */
  g_assert_cmpfloat (fabs (printed_darkness (store, strategy, KURS_CALENDAR_ALL & ~KURS_CALENDAR_HOLIDAYS, christmas).rows
                           - printed_darkness (store, strategy, KURS_CALENDAR_ALL & ~KURS_CALENDAR_HOLIDAYS, plain).rows),
                     <, 1);

  /* The budget's day */
  g_assert_cmpfloat (printed_darkness (store, strategy, KURS_CALENDAR_BUDGET, budget).rows, >,
                     printed_darkness (store, strategy, 0, budget).rows + 10);
  g_assert_cmpfloat (fabs (printed_darkness (store, strategy, KURS_CALENDAR_ALL & ~KURS_CALENDAR_BUDGET, budget).rows
                           - printed_darkness (store, strategy, KURS_CALENDAR_ALL & ~KURS_CALENDAR_BUDGET, plain).rows),
                     <, 1);

  /* The council term's name under the years */
  g_assert_cmpfloat (printed_darkness (store, strategy, KURS_CALENDAR_COUNCIL, plain).scale, >, 1000);
  g_assert_cmpfloat (printed_darkness (store, strategy, 0, plain).scale, ==, 0);

  g_clear_object (&milestone);
  g_clear_object (&strategy);
  g_assert_finalize_object (g_steal_pointer (&store));
  kurs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const double tall = 300, short_chart = 120;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/print/heading-kept-with-drawing/tall", &tall, test_heading_kept_with_drawing);
  g_test_add_data_func ("/print/heading-kept-with-drawing/short", &short_chart, test_heading_kept_with_drawing);
  g_test_add_func ("/print/long-text", test_long_text);
  g_test_add_func ("/print/paginate-in-steps", test_paginate_in_steps);
  g_test_add_func ("/print/timeline-calendar-layers", test_timeline_calendar_layers);

  return g_test_run ();
}
