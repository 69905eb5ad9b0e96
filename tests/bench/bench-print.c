/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-print"

/* A strategy whose vision is a long text, printed to PDF as kurs-cli
 * print-pdf and the window's Ctrl+P lay it out: 10,000, 100,000 and
 * 1,000,000 characters, so that the curve shows whether the time grows
 * with the text or faster.  Target: a million characters in under 5 s. */

#include "config.h"

#include <cairo-pdf.h>

#include "kurs-bench-util.h"
#include "kurs-strategy-document.h"

static const char sentence[] =
  "Borgeren oplever en sammenhængende indsats, hvor kommunen, regionen og de frivillige arbejder sammen. ";

static double
print_seconds (KursStore  *store,
               guint       n_chars,
               const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursPrintDocument) document = NULL;
  g_autoptr(GString) vision = g_string_new (NULL);
  glong sentence_chars = g_utf8_strlen (sentence, -1);
  glong chars = 0;
  gint64 start;
  double seconds;

  /* One paragraph, the hardest case: no line break to lay it out by */
  for (; chars + sentence_chars <= (glong) n_chars; chars += sentence_chars)
    g_string_append (vision, sentence);
  for (; chars < (glong) n_chars; chars++)
    g_string_append_c (vision, 'x');

  strategy = kurs_store_create_strategy (store, "Lang vision", 2024, 2030, "Socialudvalget", &error);
  g_assert_no_error (error);
  g_assert_true (kurs_store_set_text (store, strategy, "vision", vision->str, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  document = kurs_strategy_document_new (store, strategy);
  g_assert_true (kurs_print_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_true (kurs_store_delete (store, strategy, NULL));
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *pdf = g_build_filename (dir, "strategi.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  double small, medium, large;

  g_assert_no_error (error);

  small = print_seconds (store, 10 * 1000, pdf);
  g_print ("bench: print_pdf_text_10k %.3f s\n", small);
  medium = print_seconds (store, 100 * 1000, pdf);
  g_print ("bench: print_pdf_text_100k %.3f s\n", medium);
  large = print_seconds (store, 1000 * 1000, pdf);
  g_print ("bench: print_pdf_text_1m %.3f s\n", large);
  g_print ("bench: print_pdf_1mb_text %.3f s\n", large);
  /* A hundred times the text: about 100 where the time grows as the text
   * does, 10,000 where it grows as its square */
  g_print ("bench: print_pdf_growth_1m_over_10k %.0f ratio\n", large / small);

  /* A large strategy, 20,000 items: what the window does in its main
   * thread before GTK's print operation paginates in steps (making the
   * document: reading the store), and the pagination itself */
  {
    g_autoptr(KursRecord) strategy = kurs_bench_generate_strategy (store, 10000, 10000);
    g_autoptr(KursPrintDocument) document = NULL;
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
    cairo_t *cr = cairo_create (surface);
    gint64 start = g_get_monotonic_time ();
    double build_ms, paginate_ms;

    document = kurs_strategy_document_new (store, strategy);
    build_ms = (g_get_monotonic_time () - start) / 1000.0;
    start = g_get_monotonic_time ();
    kurs_print_document_paginate_begin (document, cr, 595, 842);
    while (!kurs_print_document_paginate_step (document, 20 * 1000))
      ;
    paginate_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_print ("bench: print_document_20k_items_build %.0f ms\n", build_ms);
    g_print ("bench: print_document_20k_items_paginate %.0f ms\n", paginate_ms);
    g_print ("bench: print_document_20k_items_pages %u count\n", kurs_print_document_get_n_pages (document));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  return 0;
}
