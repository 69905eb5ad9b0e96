/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-edit"

/* What the search index adds to an edit as a person makes it, in the
 * window (issue 26: at most 10 %).
 *
 * Two real Kurs windows on the 20,000-item library: one on the library as
 * it is, one on a copy whose search index is not written (its triggers
 * taken out).  In each, in turn, a key is typed at the end of the
 * strategy's Title on the Overview page and its editor saves it, as when
 * the person pauses in their typing: from the key to the frame that shows
 * it, through the field's binding, the store's action (the row, its
 * history and, in the one, the index, in one transaction), the signals of
 * the change, the pages that show the title, and GTK's frame.
 *
 *   search_edit_window_with_index, _without_index   medians, ms
 *   search_index_edit_overhead_window               their difference, %
 *   search_edit_written_with_index, _without_index, search_index_edit_overhead_written
 *                         the same to the end of the save: the binding,
 *                         the store and the widgets told, before GTK's
 *                         layout and drawing
 *
 * (bench-search measures the store's own call alone.) */

#include "config.h"

#include <adwaita.h>

#include "kurs-application.h"
#include "kurs-bench-util.h"
#include "kurs-widget-util.h"
#include "kurs-window.h"

#define N_EDITS 400
/* what is typed, a key at a time */
#define KEYS "abcdefghij"

typedef struct {
  KursStore  *store;
  KursWindow *window;
  GtkWidget  *title;
  gboolean    painted;
} Side;

static void
painted_cb (GdkFrameClock *clock,
            Side          *side)
{
  side->painted = TRUE;
}

static void
open_side (Side            *side,
           KursApplication *app,
           const char      *path)
{
  g_autoptr(GError) error = NULL;

  side->store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  side->window = kurs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (side->window), 1200, 800);
  kurs_window_set_store (side->window, side->store);
  gtk_window_present (GTK_WINDOW (side->window));
  kurs_window_show_page (side->window, "overview");
  kurs_widget_settle ();
  side->title = kurs_widget_find (GTK_WIDGET (kurs_window_get_view (side->window)), kurs_widget_is_row_titled,
                                  "Title");
  g_assert_true (GTK_IS_EDITABLE (side->title));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (side->window)), "after-paint",
                    G_CALLBACK (painted_cb), side);
}

static void
close_side (Side *side)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (side->window)), side);
  gtk_window_destroy (GTK_WINDOW (side->window));
  kurs_widget_settle ();
  g_clear_object (&side->store);
}

/* One key typed at the end of the title, and saved at once: to the frame
 * that shows it, and (@written) to the end of the save, the library and
 * every widget that listens told, before GTK lays out and draws */
static double
edit_ms (Side   *side,
         guint   i,
         double *written)
{
  char key[2] = { KEYS[i % (sizeof KEYS - 1)], '\0' };
  int position = -1;
  gint64 start;

  kurs_widget_settle ();
  start = g_get_monotonic_time ();
  side->painted = FALSE;
  gtk_editable_insert_text (GTK_EDITABLE (side->title), key, 1, &position);
  /* what the person's pause does: the store asks its editors to write
   * what waits */
  g_signal_emit_by_name (side->store, "prepare");
  *written = (g_get_monotonic_time () - start) / 1000.0;
  while (!side->painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "without-index.kurs", NULL);
  g_autoptr(GArray) indexed_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) indexed_written = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_written = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(KursApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  Side indexed = { 0 }, bare = { 0 };
  double with_index, without_index;

  {
    g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(KursRecord) strategy = NULL;

    g_assert_no_error (error);
    strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  }
  kurs_bench_copy_without_search_index (path, bare_path);

  app = kurs_widget_application_new ();

  open_side (&indexed, app, path);
  open_side (&bare, app, bare_path);

  /* each goes first in every other turn */
  for (guint i = 0; i < N_EDITS; i++)
    for (guint turn = 0; turn < 2; turn++)
      {
        gboolean with = (i + turn) % 2 == 0;
        double written;
        double ms = edit_ms (with ? &indexed : &bare, i, &written);

        g_array_append_val (with ? indexed_times : bare_times, ms);
        g_array_append_val (with ? indexed_written : bare_written, written);
      }

  /* every key was written, in both */
  for (guint side = 0; side < 2; side++)
    {
      g_autoptr(GPtrArray) strategies = kurs_store_list_strategies (side ? bare.store : indexed.store, &error);
      const char *title;

      g_assert_no_error (error);
      title = kurs_record_get_title (strategies->pdata[0]);
      g_assert_cmpuint (strlen (title), >=, N_EDITS);
      g_assert_true (g_str_has_suffix (title, "hij"));
      g_assert_cmpstr (title, ==, gtk_editable_get_text (GTK_EDITABLE ((side ? &bare : &indexed)->title)));
    }

  with_index = kurs_bench_median (indexed_times);
  without_index = kurs_bench_median (bare_times);
  g_print ("bench: search_edit_window_with_index %.2f ms\n", with_index);
  g_print ("bench: search_edit_window_without_index %.2f ms\n", without_index);
  g_print ("bench: search_index_edit_overhead_window %.1f %%\n", 100.0 * (with_index - without_index) / without_index);
  with_index = kurs_bench_median (indexed_written);
  without_index = kurs_bench_median (bare_written);
  g_print ("bench: search_edit_written_with_index %.2f ms\n", with_index);
  g_print ("bench: search_edit_written_without_index %.2f ms\n", without_index);
  g_print ("bench: search_index_edit_overhead_written %.1f %%\n", 100.0 * (with_index - without_index) / without_index);

  close_side (&indexed);
  close_side (&bare);
  kurs_bench_remove_dir (dir);
  return 0;
}
