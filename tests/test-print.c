/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <cairo.h>
#include <glib.h>

#include "kurs-print-document.h"

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

int
main (int   argc,
      char *argv[])
{
  static const double tall = 300, short_chart = 120;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/print/heading-kept-with-drawing/tall", &tall, test_heading_kept_with_drawing);
  g_test_add_data_func ("/print/heading-kept-with-drawing/short", &short_chart, test_heading_kept_with_drawing);

  return g_test_run ();
}
