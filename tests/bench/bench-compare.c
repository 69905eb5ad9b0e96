/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-compare"

/* Comparing versions, issue 23's targets: two versions of the 20,000-item
 * library compared, and the first change shown in the real Changes window,
 * within 300 ms; the window never blocked longer than a frame meanwhile;
 * the word marks of a 50,000-character text within 50 ms.
 *
 *   compare_20k              the comparison itself (version 1 against the
 *                            draft: 200 initiatives renamed, 100 texts
 *                            reworded, 100 added, 100 deleted)
 *   changes_first_row_20k    from opening the window to its first row
 *   changes_longest_block_comparing_20k  the longest the main loop was
 *                            held while the window compares: from its
 *                            first frame until the comparison is in
 *   changes_longest_block_showing_20k  the same, from then until every
 *                            change is in the list
 *   changes_…_1              the same for a strategy of one goal: a frame
 *                            of the window, drawn here
 *   word_marks_50k           kurs_word_diff() and its markup, a text of
 *                            50,000 characters with one word in twenty
 *                            changed
 *   word_marks_rewrite_50k   the same, the text rewritten throughout */

#include "config.h"

#include <adwaita.h>

#include "kurs-approval.h"
#include "kurs-bench-util.h"
#include "kurs-changes-window.h"
#include "kurs-comparison.h"
#include "kurs-resources.h"

#define RUNS 5

static void
edit_draft (KursStore  *store,
            KursRecord *strategy)
{
  g_autoptr(GPtrArray) initiatives = kurs_store_list_by_strategy (store, KURS_ENTITY_INITIATIVE,
                                                                  kurs_record_get_id (strategy), NULL);
  g_autoptr(GError) error = NULL;
  gint64 plan = kurs_record_get_parent_id (initiatives->pdata[0]);

  g_assert_true (kurs_store_begin (store, "edits", &error));
  for (guint i = 0; i < 200; i++)
    {
      KursRecord *initiative = initiatives->pdata[i * 37 % initiatives->len];
      g_autofree char *title = g_strdup_printf ("%s (ændret)", kurs_record_get_title (initiative));

      g_assert_true (kurs_store_set_text (store, initiative, "title", title, &error));
    }
  for (guint i = 0; i < 100; i++)
    {
      KursRecord *initiative = initiatives->pdata[i * 53 % initiatives->len];
      g_autofree char *text = g_strdup_printf ("Indsatsen er omskrevet efter høringen, punkt %u: borgerne "
                                               "inddrages tidligere, og målene er skærpet.", i);

      g_assert_true (kurs_store_set_text (store, initiative, "description", text, &error));
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ny indsats %u", i);
      g_autoptr(KursRecord) added = kurs_store_create (store, KURS_ENTITY_INITIATIVE, plan, &error,
                                                       "title", g_variant_new_string (title), NULL);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < 100; i++)
    g_assert_true (kurs_store_delete (store, initiatives->pdata[initiatives->len - 1 - i * 7], &error));
  g_assert_true (kurs_store_commit (store, &error));
}

static void
measure_comparison (KursStore  *store,
                    KursRecord *strategy)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KursComparison) comparison = kurs_comparison_new (store, strategy, 1, KURS_COMPARISON_DRAFT, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_no_error (error);
      n = kurs_comparison_get_n_changes (comparison);
      g_array_append_val (times, ms);
    }
  g_print ("bench: compare_20k_changes %u count\n", n);
  g_print ("bench: compare_20k %.1f ms\n", kurs_bench_median (times));
}

/* The Changes window, for real: opened, its first row, every row */

typedef struct {
  GMainLoop *loop;
  gboolean   painted;     /* the window's first frame is drawn */
  gint64     last;        /* the main loop's last turn */
  gint64     longest_comparing;
  gint64     longest_showing;
  GtkWidget *window;
  gint64     opened;
  gint64     first_row;
  guint      n_entries;   /* in the list */
  gint64     grown;       /* when it last grew */
  guint      tick;
} Watch;

/* A change's card in @widget, or NULL */
static GtkWidget *
find_row (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "change-card"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
watch_cb (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();
  KursComparison *comparison;
  GtkWidget *list;

  comparison = kurs_changes_window_get_comparison (KURS_CHANGES_WINDOW (watch->window));
  if (comparison == NULL && watch->painted)
    watch->longest_comparing = MAX (watch->longest_comparing, now - watch->last);
  else if (comparison != NULL)
    watch->longest_showing = MAX (watch->longest_showing, now - watch->last);
  watch->last = now;
  if (comparison == NULL)
    return G_SOURCE_CONTINUE;

  /* a row is in once a change's card is */
  list = find_row (watch->window);
  if (list != NULL && watch->first_row == 0)
    watch->first_row = now;

  /* and the window is watched until its list has every change, and a
   * little longer */
  if (list != NULL)
    {
      GtkWidget *view = gtk_widget_get_ancestor (list, GTK_TYPE_LIST_VIEW);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));

      if (n != watch->n_entries)
        {
          watch->n_entries = n;
          watch->grown = now;
        }
    }
  if (watch->first_row != 0 && now - watch->grown > 300000)
    {
      g_main_loop_quit (watch->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
painted_cb (GdkFrameClock *clock,
            Watch         *watch)
{
  watch->painted = TRUE;
}

static void
measure_window (KursStore  *store,
                KursRecord *strategy,
                const char *size)
{
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) comparing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) showing = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS + 1; i++)
    {
      Watch watch = { 0 };
      double first, block_comparing, block_showing;

      watch.loop = g_main_loop_new (NULL, FALSE);
      watch.opened = watch.last = g_get_monotonic_time ();
      watch.window = kurs_changes_window_new (NULL, store, strategy, 1, KURS_COMPARISON_DRAFT);
      gtk_window_present (GTK_WINDOW (watch.window));
      g_signal_connect (gtk_widget_get_frame_clock (watch.window), "after-paint", G_CALLBACK (painted_cb), &watch);
      /* ahead of the window's own work: a gap between two turns is time the
       * main loop was held */
      watch.tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, watch_cb, &watch, NULL);
      g_main_loop_run (watch.loop);

      first = (watch.first_row - watch.opened) / 1000.0;
      block_comparing = watch.longest_comparing / 1000.0;
      block_showing = watch.longest_showing / 1000.0;
      g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (watch.window), painted_cb, &watch);
      gtk_window_destroy (GTK_WINDOW (watch.window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_main_loop_unref (watch.loop);
      /* the first opening pays for GTK's own start */
      if (i == 0)
        continue;
      g_array_append_val (firsts, first);
      g_array_append_val (comparing, block_comparing);
      g_array_append_val (showing, block_showing);
    }
  g_print ("bench: changes_first_row_%s %.1f ms\n", size, kurs_bench_median (firsts));
  g_print ("bench: changes_longest_block_comparing_%s %.1f ms\n", size, kurs_bench_median (comparing));
  g_print ("bench: changes_longest_block_showing_%s %.1f ms\n", size, kurs_bench_median (showing));
}

/* A Danish text of about @chars characters */
static GString *
danish_text (guint chars,
             guint seed)
{
  static const char *words[] = {
    "borgerne", "skal", "have", "en", "bolig", "og", "støtte", "i", "hverdagen", "så", "de", "kan", "leve",
    "et", "godt", "liv", "med", "fællesskab", "uddannelse", "beskæftigelse", "kommunen", "arbejder", "for",
    "at", "færre", "bliver", "hjemløse,", "og", "flere", "kommer", "i", "job.", "Indsatsen", "følges", "op",
    "hvert", "år."
  };
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  while (text->len < chars)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? '\n' : ' ');
    }
  g_rand_free (rand);
  return text;
}

static double
time_marks (const char *a,
            const char *b)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS * 4; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) pieces = kurs_word_diff (a, b);
      g_autofree char *markup = kurs_word_diff_to_markup (pieces);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
    }
  return kurs_bench_median (times);
}

static void
measure_word_marks (void)
{
  g_autoptr(GString) old_text = danish_text (50000, 7);
  g_autoptr(GString) revised = g_string_new (NULL);
  g_autoptr(GString) rewritten = danish_text (50000, 8);
  g_auto(GStrv) words = g_strsplit (old_text->str, " ", -1);

  /* one word in twenty changed */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (revised, ' ');
      g_string_append (revised, i % 20 == 7 ? "ændret" : words[i]);
    }

  g_print ("bench: word_marks_chars %u count\n", (guint) g_utf8_strlen (old_text->str, -1));
  g_print ("bench: word_marks_50k %.1f ms\n", time_marks (old_text->str, revised->str));
  g_print ("bench: word_marks_rewrite_50k %.1f ms\n", time_marks (old_text->str, rewritten->str));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = kurs_bench_make_dir ();
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) version = NULL;

  g_assert_no_error (error);
  measure_word_marks ();

  strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  version = kurs_approval_approve (store, strategy, "2026-01-15", "Socialudvalget", &error);
  g_assert_no_error (error);
  g_assert_true (kurs_approval_start_revision (store, strategy, &error));
  edit_draft (store, strategy);
  measure_comparison (store, strategy);

  gtk_init ();
  adw_init ();
  kurs_register_resource ();
  measure_window (store, strategy, "20k");
  /* the same window over a strategy of one goal: what a frame of it
   * takes to draw here, against which the holds above are measured */
  {
    g_autoptr(KursRecord) small = kurs_store_create_strategy (store, "Lille strategi", 2026, 2029, NULL, &error);
    g_autoptr(KursRecord) goal = NULL;
    g_autoptr(KursRecord) small_version = NULL;

    g_assert_no_error (error);
    goal = kurs_store_create (store, KURS_ENTITY_GOAL, kurs_record_get_id (small), &error,
                              "title", g_variant_new_string ("Et mål"), NULL);
    small_version = kurs_approval_approve (store, small, "2026-01-15", "Socialudvalget", &error);
    g_assert_no_error (error);
    g_assert_true (kurs_approval_start_revision (store, small, &error));
    g_assert_true (kurs_store_set_text (store, goal, "title", "Et andet mål", &error));
    measure_window (store, small, "1");
  }

  g_clear_object (&strategy);
  g_clear_object (&version);
  g_clear_object (&store);
  kurs_bench_remove_dir (dir);
  return 0;
}
