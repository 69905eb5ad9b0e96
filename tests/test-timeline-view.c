/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-view"

#include "config.h"

#include <adwaita.h>

#include "kurs-approval.h"
#include "kurs-example.h"
#include "kurs-field-binding.h"
#include "kurs-mark-shapes.h"
#include "kurs-resources.h"
#include "kurs-test-util.h"
#include "kurs-text-shapes.h"
#include "kurs-timeline-entry.h"
#include "kurs-timeline-item-accessible.h"
#include "kurs-timeline-item-window.h"
#include "kurs-timeline-page.h"
#include "kurs-timeline-toolbar.h"
#include "kurs-widget-util.h"

/* The timeline of the example, drawn by the real widget in a real window
 * under Xvfb, rendered to pixels and read back. */

typedef struct {
  char             *dir;
  KursStore        *store;
  KursRecord       *strategy;
  GtkWidget        *window;
  KursTimelinePage *page;
  KursTimelineView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = kurs_test_make_dir ();
  f->store = kurs_test_open_library (f->dir);
  f->strategy = kurs_example_create (f->store, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 900);
  f->page = g_object_new (KURS_TYPE_TIMELINE_PAGE, "store", f->store, "strategy", f->strategy, NULL);
  f->view = kurs_timeline_page_get_view (f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  kurs_widget_settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  kurs_widget_settle ();
  g_clear_object (&f->strategy);
  g_assert_finalize_object (f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
}

typedef KursPixels Pixels;

static void
render (Fixture    *f,
        Pixels     *pixels,
        const char *name)
{
  kurs_widget_render (GTK_WIDGET (f->view), pixels, name);
}

static void
pixel (const Pixels *pixels,
       double        x,
       double        y,
       int          *r,
       int          *g,
       int          *b)
{
  kurs_pixels_get (pixels, x, y, r, g, b);
}

static gboolean
is_red (const Pixels *pixels,
        double        x,
        double        y)
{
  int r, g, b;

  pixel (pixels, x, y, &r, &g, &b);
  return r > 180 && g < 90 && b < 90;
}

static gboolean
is_blue (const Pixels *pixels,
         double        x,
         double        y)
{
  int r, g, b;

  pixel (pixels, x, y, &r, &g, &b);
  return b > 180 && b > r + 60 && g > r;
}

/* The example's plans, in order */
static KursRecord *
plans_records (Fixture *f,
               guint    i)
{
  g_autoptr(GPtrArray) plans = kurs_store_list_by_strategy (f->store, KURS_ENTITY_ACTION_PLAN,
                                                            kurs_record_get_id (f->strategy), NULL);

  /* The store's identity map keeps the record alive */
  return plans->pdata[i];
}

static GPtrArray *
plan_items (Fixture *f)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  g_autoptr(GPtrArray) plans = kurs_store_list_by_strategy (f->store, KURS_ENTITY_ACTION_PLAN,
                                                            kurs_record_get_id (f->strategy), NULL);
  GPtrArray *indices = g_ptr_array_new ();

  for (guint i = 0; i < plans->len; i++)
    {
      int index = kurs_timeline_find (timeline, plans->pdata[i], 0);

      g_assert_cmpint (index, >=, 0);
      g_ptr_array_add (indices, GINT_TO_POINTER (index));
    }

  return indices;
}

/* The period fitted: today's line, and the four action plans' bars */
static void
test_render_example (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plan_items (f);
  g_auto(KursPixels) pixels = { 0 };
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  double today_x = kurs_timeline_view_x_for_date (f->view, kurs_timeline_get_today (timeline));
  KursDate first, last;

  kurs_timeline_view_get_visible_range (f->view, &first, &last);
  g_assert_cmpint (kurs_date_get_year (first), ==, 2022);
  g_assert_cmpint (kurs_date_get_year (last), ==, 2029);

  /* Lanes of the example collapsed but Action Plans, so that all four
   * plans are in view however tall the process lane is */
  kurs_timeline_view_set_lane_collapsed (f->view, KURS_LANE_PROCESS, TRUE);
  kurs_widget_settle ();
  render (f, &pixels, "timeline-fitted");

  g_assert_cmpuint (plans->len, ==, 4);
  for (guint i = 0; i < plans->len; i++)
    {
      graphene_rect_t area;

      g_assert_true (kurs_timeline_view_get_item_area (f->view, GPOINTER_TO_INT (plans->pdata[i]), &area));
      /* Inside the bar, left of where its title begins, and at its end */
      g_assert_true (is_blue (&pixels, area.origin.x + 2, area.origin.y + area.size.height / 2));
      g_assert_true (is_blue (&pixels, area.origin.x + area.size.width - 3, area.origin.y + 3));
      /* Each plan follows the one before */
      if (i > 0)
        {
          graphene_rect_t before;

          kurs_timeline_view_get_item_area (f->view, GPOINTER_TO_INT (plans->pdata[i - 1]), &before);
          g_assert_cmpfloat (area.origin.x, >=, before.origin.x + before.size.width - 1);
        }
    }

  /* Today's line runs down the lanes, below the scale, behind the items
   * and their labels: red down most of the column */
  {
    guint red = 0, rows = 0;

    for (double y = 60; y < pixels.height; y += 1, rows++)
      red += is_red (&pixels, today_x, y);
    g_test_message ("today's line: %u of %u rows red", red, rows);
    g_assert_cmpuint (red, >, rows / 2);
  }
  g_assert_true (is_red (&pixels, today_x, pixels.height - 20));
  /* and not a little beside it */
  g_assert_false (is_red (&pixels, today_x + 8, pixels.height - 20));
}

static void
test_render_zoomed (Fixture       *f,
                    gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  KursDate today = kurs_timeline_get_today (timeline);
  double zooms[] = { 4.0, 8.0 };   /* ×4: months; ×32: days */
  const char *names[] = { "timeline-months", "timeline-days" };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_auto(KursPixels) pixels = { 0 };
      double before = kurs_timeline_view_get_zoom (f->view);
      double x;

      kurs_timeline_view_zoom (f->view, zooms[z]);
      g_assert_cmpfloat_with_epsilon (kurs_timeline_view_get_zoom (f->view), before * zooms[z], 1e-9);
      /* Today in the middle */
      kurs_timeline_view_set_visible_range (f->view, today - (KursDate) (200 / (z * 7 + 1)),
                                            today + (KursDate) (200 / (z * 7 + 1)));
      kurs_widget_settle ();
      render (f, &pixels, names[z]);

      x = kurs_timeline_view_x_for_date (f->view, today);
      g_assert_cmpfloat (x, >, 100);
      g_assert_cmpfloat (x, <, pixels.width - 100);
      g_assert_true (is_red (&pixels, x, pixels.height - 20));
    }
}

/* The view's controller of a type, to emit what a gesture would */
static GtkEventController *
find_controller (KursTimelineView *view,
                 GType             type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the view keeps it */
    }
  return NULL;
}

/* A key, as the view's class declares it (gtk_widget_class_add_binding_action):
 * the shortcut with that key, its action activated as GTK would.  Returns
 * whether it was taken (FALSE where no shortcut has the key, or its action
 * is disabled and the key goes on) */
static gboolean
send_key (KursTimelineView *view,
          guint             keyval,
          GdkModifierType   state)
{
  GtkEventController *shortcuts = find_controller (view, GTK_TYPE_SHORTCUT_CONTROLLER);
  GListModel *list = G_LIST_MODEL (shortcuts);

  g_assert_nonnull (shortcuts);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (list, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger)
          && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
          && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                             GTK_WIDGET (view), gtk_shortcut_get_arguments (shortcut));
    }
  return FALSE;
}

/* The keyboard: select, move by a step (Shift+arrow), undo; the timeline
 * follows the store both ways */
static void
test_keyboard_move_and_live_update (Fixture       *f,
                                    gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  g_autoptr(GPtrArray) plans = plan_items (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) plan = NULL;
  int index = GPOINTER_TO_INT (plans->pdata[1]);
  graphene_rect_t before, after;

  plan = kurs_timeline_get_record (timeline, index);
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-01-01");

  kurs_timeline_view_select (f->view, index);
  g_assert_cmpint (kurs_timeline_view_get_selected (f->view), ==, index);
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &before));

  /* At the fitted zoom a step is a month */
  g_assert_true (send_key (f->view, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-02-01");
  g_assert_cmpstr (kurs_record_get_text (plan, "end_date"), ==, "2027-01-31");
  kurs_widget_settle ();

  /* Still selected after the rebuild, drawn further right */
  index = kurs_timeline_view_get_selected (f->view);
  g_assert_cmpint (kurs_timeline_get_item (timeline, index)->id, ==, kurs_record_get_id (plan));
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &after));
  g_assert_cmpfloat (after.origin.x, >, before.origin.x + 5);

  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-01-01");

  /* An edit elsewhere moves the bar here */
  g_assert_true (kurs_store_set_text (f->store, plan, "start_date", "2025-07-01", &error));
  g_assert_no_error (error);
  index = kurs_timeline_view_get_selected (f->view);
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &after));
  g_assert_cmpfloat (after.origin.x, >, before.origin.x + 30);

  /* Arrow keys walk the row: the next plan */
  g_assert_true (send_key (f->view, GDK_KEY_Right, 0));
  index = kurs_timeline_view_get_selected (f->view);
  g_assert_cmpint (kurs_timeline_get_item (timeline, index)->id, ==, kurs_record_get_id (plans_records (f, 2)));

  /* Delete takes it away, with an undo */
  {
    g_autoptr(KursRecord) third = g_object_ref (plans_records (f, 2));

    g_assert_true (send_key (f->view, GDK_KEY_Delete, 0));
    g_assert_true (kurs_record_is_deleted (third));
    g_assert_cmpint (kurs_timeline_find (timeline, third, 0), ==, -1);
    g_assert_true (kurs_store_undo (f->store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kurs_timeline_find (timeline, third, 0), >=, 0);
  }

  /* Escape lets go of the selection; then Enter, Delete and Escape are
   * not the view's, and go on to the page */
  kurs_timeline_view_select (f->view, index);
  g_assert_true (send_key (f->view, GDK_KEY_Escape, 0));
  g_assert_cmpint (kurs_timeline_view_get_selected (f->view), ==, -1);
  g_assert_false (send_key (f->view, GDK_KEY_Return, 0));
  g_assert_false (send_key (f->view, GDK_KEY_Delete, 0));
  g_assert_false (send_key (f->view, GDK_KEY_Escape, 0));
  /* zooming needs no selection */
  g_assert_true (send_key (f->view, GDK_KEY_plus, 0));
}

/* Home, End and T go to the first item, the last, and today's; Alt+arrow
 * moves like Shift+arrow; Space marks a milestone held, with an undo, and
 * is not the view's on anything else */
static void
test_keyboard_go_and_held (Fixture       *f,
                           gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  const KursSpan *spans = kurs_timeline_get_spans (timeline);
  guint n = kurs_timeline_get_n_items (timeline);
  KursDate today = kurs_timeline_get_today (timeline);
  g_autoptr(GPtrArray) plans = plan_items (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) plan = NULL;
  g_autoptr(KursRecord) milestone = NULL;
  gboolean today_in_an_item = FALSE;
  int index;

  g_assert_cmpuint (n, >, 10);

  g_assert_true (send_key (f->view, GDK_KEY_End, 0));
  index = kurs_timeline_view_get_selected (f->view);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (spans[index].end, >=, spans[i].end);

  g_assert_true (send_key (f->view, GDK_KEY_Home, 0));
  index = kurs_timeline_view_get_selected (f->view);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (spans[index].start, <=, spans[i].start);

  g_assert_true (send_key (f->view, GDK_KEY_t, 0));
  kurs_widget_settle ();
  index = kurs_timeline_view_get_selected (f->view);
  for (guint i = 0; i < n; i++)
    today_in_an_item |= spans[i].start <= today && today <= spans[i].end;
  g_assert_true (today_in_an_item);
  g_assert_cmpuint (spans[index].start, <=, today);
  g_assert_cmpuint (spans[index].end, >=, today);
  g_assert_cmpfloat (kurs_timeline_view_x_for_date (f->view, today), >, 0);
  g_assert_cmpfloat (kurs_timeline_view_x_for_date (f->view, today), <, gtk_widget_get_width (GTK_WIDGET (f->view)));

  /* Alt+Right: a month later at the fitted zoom, undone as one */
  index = GPOINTER_TO_INT (plans->pdata[1]);
  plan = kurs_timeline_get_record (timeline, index);
  kurs_timeline_view_select (f->view, index);
  g_assert_true (send_key (f->view, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-02-01");
  g_assert_true (send_key (f->view, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_true (send_key (f->view, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2024-12-01");
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-01-01");

  /* Space is not for a plan */
  g_assert_false (send_key (f->view, GDK_KEY_space, 0));
  g_assert_cmpstr (kurs_record_get_text (plan, "start_date"), ==, "2025-01-01");

  /* On a milestone of its own it marks it held, and back */
  for (guint i = 0; i < n && milestone == NULL; i++)
    {
      const KursTimelineItem *item = kurs_timeline_get_item (timeline, i);

      if (item->kind == KURS_TIMELINE_MILESTONE && !(item->flags & KURS_TIMELINE_RECURRING) &&
          !(item->flags & KURS_TIMELINE_HELD))
        {
          milestone = kurs_timeline_get_record (timeline, i);
          kurs_timeline_view_select (f->view, (int) i);
        }
    }
  g_assert_nonnull (milestone);
  g_assert_true (send_key (f->view, GDK_KEY_space, 0));
  g_assert_true (kurs_record_get_bool (milestone, "held"));
  index = kurs_timeline_view_get_selected (f->view);
  g_assert_cmpint (kurs_timeline_get_item (timeline, index)->id, ==, kurs_record_get_id (milestone));
  g_assert_true (kurs_timeline_get_item (timeline, index)->flags & KURS_TIMELINE_HELD);
  g_assert_true (send_key (f->view, GDK_KEY_space, 0));
  g_assert_false (kurs_record_get_bool (milestone, "held"));
  g_assert_true (kurs_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (kurs_record_get_bool (milestone, "held"));
}

/* The lane's place from the top */
static guint
lane_position (KursTimeline *timeline,
               KursLane      lane)
{
  for (guint position = 0; position < KURS_N_LANES; position++)
    if (kurs_timeline_get_lane_at (timeline, position) == lane)
      return position;
  g_assert_not_reached ();
}

/* The items in view as the accessibility tree has them: those in use */
static GPtrArray *
accessible_items (Fixture *f)
{
  GPtrArray *items = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (child) && gtk_widget_get_visible (child))
      g_ptr_array_add (items, child);
  return items;
}

static GtkWidget *
focus_widget (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Each item in view is a list item named in words and placed over its
 * bar; the keyboard's focus moves through them, so a screen reader says
 * each; the focus stays in the timeline when its item goes */
static void
test_accessible_items (Fixture       *f,
                       gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) plans = plan_items (f);
  GtkWidget *focus;
  int index, previous = -1;

  kurs_widget_wait (400);
  items = accessible_items (f);
  g_assert_cmpuint (items->len, >, 10);
  for (guint i = 0; i < items->len; i++)
    {
      int k = kurs_timeline_item_accessible_get_index (items->pdata[i]);
      g_autofree char *words = kurs_timeline_item_describe (timeline, (guint) k);
      graphene_rect_t area, bounds;

      g_assert_cmpint (k, >=, 0);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (items->pdata[i]), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (items->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, words);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (items->pdata[i]), GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
      g_assert_true (kurs_timeline_view_get_item_area (f->view, k, &area));
      g_assert_true (gtk_widget_compute_bounds (items->pdata[i], GTK_WIDGET (f->view), &bounds));
      g_assert_cmpfloat (fabs (bounds.origin.x - area.origin.x), <=, 1.0);
      g_assert_cmpfloat (fabs (bounds.origin.y - area.origin.y), <=, 1.0);
      /* in reading order: lane by lane, row by row, in time */
      if (previous >= 0)
        {
          const KursTimelineItem *a = kurs_timeline_get_item (timeline, (guint) previous);
          const KursTimelineItem *b = kurs_timeline_get_item (timeline, (guint) k);

          g_assert_true (lane_position (timeline, a->lane) < lane_position (timeline, b->lane) ||
                         (a->lane == b->lane && a->row <= b->row));
        }
      previous = k;
    }

  /* The keyboard in the timeline: each step puts the focus on the item,
   * selected, named in words */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  g_assert_true (focus_widget (f) == GTK_WIDGET (f->view));
  g_assert_true (send_key (f->view, GDK_KEY_Home, 0));
  for (guint step = 0; step < 4; step++)
    {
      g_autofree char *words = NULL;

      index = kurs_timeline_view_get_selected (f->view);
      words = kurs_timeline_item_describe (timeline, (guint) index);
      focus = focus_widget (f);
      g_assert_true (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (focus));
      g_assert_cmpint (kurs_timeline_item_accessible_get_index (KURS_TIMELINE_ITEM_ACCESSIBLE (focus)), ==, index);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, words);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
      g_assert_true (send_key (f->view, GDK_KEY_Down, 0));
    }

  /* Tab goes on from the timeline, not from item to item */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f->view), GTK_DIR_TAB_FORWARD));

  /* The focused item deleted: the keyboard stays in the timeline */
  index = GPOINTER_TO_INT (plans->pdata[2]);
  kurs_timeline_view_select (f->view, index);
  g_assert_true (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (focus_widget (f)));
  g_assert_true (send_key (f->view, GDK_KEY_Delete, 0));
  kurs_widget_settle ();
  focus = focus_widget (f);
  g_assert_true (focus == GTK_WIDGET (f->view));

  /* Escape: the focus back on the timeline itself */
  g_assert_true (send_key (f->view, GDK_KEY_Home, 0));
  g_assert_true (KURS_IS_TIMELINE_ITEM_ACCESSIBLE (focus_widget (f)));
  g_assert_true (send_key (f->view, GDK_KEY_Escape, 0));
  g_assert_true (focus_widget (f) == GTK_WIDGET (f->view));
}

/* The rows the list shows: -1 - lane for a lane's heading, else the item */
static GArray *
list_rows (KursTimelineList *list)
{
  GListModel *model = kurs_timeline_list_get_model (list);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint p = 0; p < g_list_model_get_n_items (model); p++)
    {
      g_autoptr(KursTimelineEntry) entry = g_list_model_get_item (model, p);
      int row = kurs_timeline_entry_get_item (entry) >= 0 ? kurs_timeline_entry_get_item (entry)
                                                           : -1 - (int) kurs_timeline_entry_get_lane (entry);

      g_array_append_val (rows, row);
    }
  return rows;
}

/* List: the drawing's place taken by a list, a heading per lane and its
 * items by date; one selection with the drawing; typing searches the
 * titles; activation opens the editor */
static void
test_list_mode (Fixture       *f,
                gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  const KursSpan *spans = kurs_timeline_get_spans (timeline);
  KursTimelineList *list = kurs_timeline_page_get_list (f->page);
  GtkWidget *toolbar = kurs_widget_find (GTK_WIDGET (f->page), kurs_widget_has_type_name, "KursTimelineToolbar");
  GtkWidget *list_view = kurs_widget_find (GTK_WIDGET (list), kurs_widget_has_type_name, "GtkListView");
  g_autoptr(GPtrArray) plans = plan_items (f);
  g_autoptr(GArray) rows = NULL;
  g_autofree guint *seen = g_new0 (guint, kurs_timeline_get_n_items (timeline));
  GtkWidget *focus, *editor;
  double zoom;
  int lane = -1, last = -1, plan = GPOINTER_TO_INT (plans->pdata[1]);
  guint headings = 0, position = GTK_INVALID_LIST_POSITION;

  g_assert_nonnull (toolbar);
  g_assert_nonnull (list_view);
  kurs_timeline_toolbar_set_list_shown (KURS_TIMELINE_TOOLBAR (toolbar), TRUE);
  kurs_widget_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (list)), >, 1000);   /* not a side panel */
  zoom = kurs_timeline_view_get_zoom (f->view);
  gtk_widget_activate_action (toolbar, "toolbar.zoom", "d", 1.5);   /* nothing to zoom */
  g_assert_cmpfloat (kurs_timeline_view_get_zoom (f->view), ==, zoom);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
  kurs_widget_snapshot (GTK_WIDGET (f->page), "timeline-list");

  /* A heading, then its lane's items by date; every item once */
  rows = list_rows (list);
  g_assert_cmpint (g_array_index (rows, int, 0), <, 0);
  for (guint p = 0; p < rows->len; p++)
    {
      int row = g_array_index (rows, int, p);

      if (row < 0)
        {
          g_assert_cmpint ((int) lane_position (timeline, (KursLane) (-1 - row)), >, lane);
          lane = (int) lane_position (timeline, (KursLane) (-1 - row)), last = -1, headings++;
          continue;
        }
      g_assert_cmpint (lane_position (timeline, kurs_timeline_get_item (timeline, (guint) row)->lane), ==, lane);
      if (last >= 0)
        g_assert_cmpuint (spans[last].start, <=, spans[row].start);
      last = row;
      seen[row]++;
      if (row == plan)
        position = p;
    }
  g_assert_cmpuint (headings, >=, 3);
  for (guint i = 0; i < kurs_timeline_get_n_items (timeline); i++)
    g_assert_cmpuint (seen[i], ==, 1);

  /* One selection: the list's (as a click or the arrows make it) is the
   * drawing's, and back */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (kurs_timeline_list_get_model (list)),
                                                  position, TRUE));
  g_assert_cmpint (kurs_timeline_view_get_selected (f->view), ==, plan);
  kurs_timeline_view_select (f->view, GPOINTER_TO_INT (plans->pdata[0]));
  g_assert_cmpint (kurs_timeline_list_get_selected (list), ==, GPOINTER_TO_INT (plans->pdata[0]));

  /* Typing searches the titles; a lane's heading stays with its items */
  kurs_timeline_list_search (list, "handleplan 2027");
  g_clear_pointer (&rows, g_array_unref);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint p = 0; p < rows->len; p++)
    {
      int row = g_array_index (rows, int, p);
      g_autofree char *title = NULL;

      if (row < 0)
        {
          g_assert_cmpint (p + 1, <, rows->len);
          g_assert_cmpint (g_array_index (rows, int, p + 1), >=, 0);
          continue;
        }
      title = g_utf8_casefold (kurs_timeline_get_item (timeline, (guint) row)->title, -1);
      g_assert_nonnull (strstr (title, "handleplan 2027"));
    }
  kurs_timeline_list_search (list, NULL);
  g_clear_pointer (&rows, g_array_unref);
  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, kurs_timeline_get_n_items (timeline) + headings);

  /* Enter on a row opens the item's editor */
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (list_view, "activate", position);
  kurs_widget_settle ();
  editor = kurs_widget_find_toplevel (KURS_TYPE_TIMELINE_ITEM_WINDOW);
  g_assert_nonnull (editor);
  g_assert_cmpint (kurs_record_get_id (kurs_timeline_item_window_get_record (KURS_TIMELINE_ITEM_WINDOW (editor))), ==,
                   kurs_timeline_get_item (timeline, (guint) plan)->id);
  gtk_window_destroy (GTK_WINDOW (editor));
  kurs_widget_settle ();

  /* And the drawing back, with the keyboard */
  kurs_timeline_toolbar_set_list_shown (KURS_TIMELINE_TOOLBAR (toolbar), FALSE);
  kurs_widget_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_activate_action (toolbar, "toolbar.zoom", "d", 1.5));
  g_assert_cmpfloat (kurs_timeline_view_get_zoom (f->view), >, zoom * 1.4);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (f->view) || gtk_widget_get_parent (focus) == GTK_WIDGET (f->view));
}

/* The legend's entries, and whether "Overdue" is among them */
static guint
legend_entries (GtkWidget *flow,
                gboolean  *overdue)
{
  guint n = 0;

  *overdue = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GPtrArray) labels = kurs_widget_find_all (child, kurs_widget_has_type_name, "GtkLabel");

      n++;
      for (guint i = 0; i < labels->len; i++)
        *overdue |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Overdue") == 0;
    }
  return n;
}

/* The legend takes at most two rows where the timeline is as wide as in
 * the window beside the sidebar and the pages, and names overdue; in a
 * window too narrow for that, it is a Legend button whose popover holds
 * every entry */
static void
test_legend_rows (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *legend, *squeezer, *button, *listed;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (float));
  gboolean overdue = FALSE;
  guint entries;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 700);
  kurs_widget_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 650);
  legend = kurs_widget_find (GTK_WIDGET (f->page), kurs_widget_has_css_class, "timeline-legend-full");
  g_assert_nonnull (legend);
  squeezer = gtk_widget_get_ancestor (legend, ADW_TYPE_SQUEEZER);
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == legend);

  for (GtkWidget *child = gtk_widget_get_first_child (legend); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      gboolean known = FALSE;

      g_assert_true (gtk_widget_compute_bounds (child, legend, &bounds));
      for (guint i = 0; i < rows->len; i++)
        known |= fabs (g_array_index (rows, float, i) - bounds.origin.y) < 2;
      if (!known)
        g_array_append_val (rows, bounds.origin.y);
    }
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_cmpuint (rows->len, <=, 2);
  entries = legend_entries (legend, &overdue);
  g_assert_true (overdue);

  /* narrow: the button, and in its popover every entry */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  kurs_widget_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <, 450);
  button = kurs_widget_find (squeezer, kurs_widget_has_css_class, "timeline-legend-button");
  g_assert_nonnull (button);
  g_assert_true (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer)) == button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Legend");
  listed = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_cmpuint (legend_entries (listed, &overdue), ==, entries);
  g_assert_true (overdue);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  kurs_widget_settle ();
  g_assert_true (gtk_widget_get_mapped (listed));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
test_collapse_and_filter (Fixture       *f,
                          gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  g_autoptr(GPtrArray) plans = plan_items (f);
  graphene_rect_t area;

  g_assert_true (kurs_timeline_view_get_item_area (f->view, GPOINTER_TO_INT (plans->pdata[0]), &area));
  kurs_timeline_view_set_lane_collapsed (f->view, KURS_LANE_ACTION_PLANS, TRUE);
  g_assert_false (kurs_timeline_view_get_item_area (f->view, GPOINTER_TO_INT (plans->pdata[0]), &area));
  kurs_timeline_view_set_lane_collapsed (f->view, KURS_LANE_ACTION_PLANS, FALSE);

  kurs_timeline_set_filter (timeline, KURS_TIMELINE_FILTER_ACTION_PLANS, NULL, NULL);
  kurs_widget_settle ();
  for (guint i = 0; i < kurs_timeline_get_n_items (timeline); i++)
    g_assert_cmpint (kurs_timeline_get_item (timeline, i)->kind, !=, KURS_TIMELINE_ACTION_PLAN);
}

/* The toolbar and its "Lanes and Filter" popover act on the view they
 * were made for, and the popover shows the view as it is */
static void
test_toolbar_and_filter (Fixture       *f,
                         gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  GtkWidget *toolbar = kurs_widget_find (GTK_WIDGET (f->page), kurs_widget_has_type_name, "KursTimelineToolbar");
  KursTimelineFilter *filter;
  GtkDropDown *committee;
  GListModel *choices;
  g_auto(GStrv) committees = kurs_timeline_list_committees (timeline);
  double zoom = kurs_timeline_view_get_zoom (f->view);

  g_assert_nonnull (toolbar);
  g_assert_true (gtk_widget_activate_action (toolbar, "toolbar.zoom", "d", 1.5));
  g_assert_cmpfloat_with_epsilon (kurs_timeline_view_get_zoom (f->view), zoom * 1.5, zoom * 0.01);
  g_assert_true (gtk_widget_activate_action (toolbar, "toolbar.zoom", "d", 1 / 1.5));
  g_assert_cmpfloat_with_epsilon (kurs_timeline_view_get_zoom (f->view), zoom, zoom * 0.01);

  /* A lane folded elsewhere is shown folded when the popover opens */
  kurs_timeline_view_set_lane_collapsed (f->view, KURS_LANE_ACTION_PLANS, TRUE);
  filter = kurs_timeline_toolbar_get_filter (KURS_TIMELINE_TOOLBAR (toolbar));
  gtk_popover_popup (GTK_POPOVER (filter));
  kurs_widget_settle ();
  g_assert_false (gtk_check_button_get_active (kurs_timeline_filter_get_lane_check (filter, KURS_LANE_ACTION_PLANS)));
  gtk_check_button_set_active (kurs_timeline_filter_get_lane_check (filter, KURS_LANE_ACTION_PLANS), TRUE);
  g_assert_false (kurs_timeline_view_get_lane_collapsed (f->view, KURS_LANE_ACTION_PLANS));

  /* Kinds */
  g_assert_true (gtk_check_button_get_active (kurs_timeline_filter_get_kind_check (filter,
                                                                                   KURS_TIMELINE_FILTER_INITIATIVES)));
  gtk_check_button_set_active (kurs_timeline_filter_get_kind_check (filter, KURS_TIMELINE_FILTER_INITIATIVES), FALSE);
  g_assert_cmpuint (kurs_timeline_get_hidden (timeline) & KURS_TIMELINE_FILTER_INITIATIVES, !=, 0);
  for (guint i = 0; i < kurs_timeline_get_n_items (timeline); i++)
    g_assert_cmpint (kurs_timeline_get_item (timeline, i)->kind, !=, KURS_TIMELINE_INITIATIVE);
  gtk_check_button_set_active (kurs_timeline_filter_get_kind_check (filter, KURS_TIMELINE_FILTER_INITIATIVES), TRUE);
  g_assert_cmpuint (kurs_timeline_get_hidden (timeline) & KURS_TIMELINE_FILTER_INITIATIVES, ==, 0);

  /* The committees are the timeline's, after "All" */
  g_assert_nonnull (committees);
  g_assert_cmpuint (g_strv_length (committees), >, 0);
  committee = kurs_timeline_filter_get_committee (filter);
  choices = gtk_drop_down_get_model (committee);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, g_strv_length (committees) + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (committee), ==, 0);
  gtk_drop_down_set_selected (committee, 1);
  g_assert_cmpstr (kurs_timeline_get_committee (timeline), ==, committees[0]);

  /* Opened again, it keeps the committee chosen */
  gtk_popover_popdown (GTK_POPOVER (filter));
  kurs_widget_settle ();
  gtk_popover_popup (GTK_POPOVER (filter));
  kurs_widget_settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (committee), ==, 1);
  gtk_drop_down_set_selected (committee, 0);
  g_assert_null (kurs_timeline_get_committee (timeline));
  gtk_popover_popdown (GTK_POPOVER (filter));
  kurs_widget_settle ();
}

static gboolean
has_subtitle (GtkWidget  *widget,
              const char *text)
{
  return ADW_IS_WINDOW_TITLE (widget) && g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), text) == 0;
}

/* The item's editor: a modal window over the main one */
static GtkWidget *
find_editor (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* A pinch zooms about the middle of the fingers, here of the view */
static void
test_pinch (Fixture       *f,
            gconstpointer  data)
{
  GtkEventController *zoom = find_controller (f->view, GTK_TYPE_GESTURE_ZOOM);
  double width = gtk_widget_get_width (GTK_WIDGET (f->view));
  double before = kurs_timeline_view_get_zoom (f->view);
  KursDate first, last, middle;

  g_assert_nonnull (zoom);
  kurs_timeline_view_get_visible_range (f->view, &first, &last);
  middle = first + (last - first) / 2;

  /* Each step scales from where the pinch began, not from the last step */
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 1.5);
  g_signal_emit_by_name (zoom, "scale-changed", 3.0);
  kurs_widget_settle ();

  g_assert_cmpfloat_with_epsilon (kurs_timeline_view_get_zoom (f->view), before * 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kurs_timeline_view_x_for_date (f->view, middle), width / 2, before * 3.0 * 2);
}

/* Activates WIDGET's shortcut for KEYVAL, as pressing the key does */
static gboolean
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL);
        }
    }
  return FALSE;
}

/* Double-click or Enter: the item's editor, writing to the store */
static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = plan_items (f);
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  int index = GPOINTER_TO_INT (plans->pdata[3]);
  g_autoptr(KursRecord) plan = kurs_timeline_get_record (timeline, index);
  GtkWidget *editor, *title;
  GtkEventController *click;
  graphene_rect_t area;

  kurs_timeline_view_select (f->view, index);
  g_assert_true (send_key (f->view, GDK_KEY_Return, 0));
  kurs_widget_settle ();

  editor = find_editor (f);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  kurs_widget_snapshot (editor, "timeline-editor");

  title = kurs_widget_find (editor, kurs_widget_is_row_titled, "Action plan");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Handleplan 2029 – revideret");
  kurs_widget_wait (KURS_SAVE_DELAY_MS + 150);
  g_assert_cmpstr (kurs_record_get_text (plan, "title"), ==, "Handleplan 2029 – revideret");

  /* The editor's subtitle and the drawing follow the edit */
  g_assert_nonnull (kurs_widget_find (editor, has_subtitle, "Handleplan 2029 – revideret"));
  g_assert_cmpstr (kurs_timeline_get_item (timeline, index)->title, ==,
                   "Handleplan 2029 – revideret");

  /* Escape closes it, and it lets go of the store */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (press_shortcut (editor, GDK_KEY_Escape));
  kurs_widget_settle ();
  g_assert_null (editor);
  g_assert_null (find_editor (f));

  /* A double click on the bar opens it too, and the main window may
   * close with it open: the fixture checks that nothing is kept */
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &area));
  click = find_controller (f->view, GTK_TYPE_GESTURE_CLICK);
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, (double) area.origin.x + area.size.width / 2,
                         (double) area.origin.y + area.size.height / 2);
  g_signal_emit_by_name (click, "pressed", 2, (double) area.origin.x + area.size.width / 2,
                         (double) area.origin.y + area.size.height / 2);
  kurs_widget_settle ();
  g_assert_nonnull (find_editor (f));
}

/* How much the view covers at (@x, @y): the alpha of premultiplied BGRA */
static int
alpha_at (const KursPixels *pixels,
          double            x,
          double            y)
{
  return pixels->data[(int) y * pixels->stride + 4 * (int) x + 3];
}

/* How much the view covers in the middle of a day's column at @y */
static int
coverage (const KursPixels *pixels,
          Fixture          *f,
          KursDate          date,
          double            zoom,
          double            y)
{
  return alpha_at (pixels, kurs_timeline_view_x_for_date (f->view, date), y);
}

/* The Danish calendar behind the items: at a day's zoom, Christmas Day
 * shaded apart from an ordinary Tuesday and a Saturday fainter still; the
 * municipal election of 18 November 2025 a line; none of it when its
 * check in Lanes and Filter is off */
static void
test_danish_calendar (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(KursPixels) shown = { 0 };
  g_auto(KursPixels) hidden = { 0 };
  KursDate christmas = kurs_date_from_ymd (2025, 12, 25);
  KursDate tuesday = kurs_date_from_ymd (2025, 12, 23);
  KursDate saturday = kurs_date_from_ymd (2025, 12, 27);
  KursDate election = kurs_date_from_ymd (2025, 11, 18);
  KursTimelineFilter *filter = g_object_new (KURS_TYPE_TIMELINE_FILTER, NULL);
  double y, zoom;
  int r1, g1, b1, r2, g2, b2;

  kurs_timeline_filter_set_view (filter, f->view);
  g_assert_true (gtk_check_button_get_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_WEEKS)));
  g_assert_true (gtk_check_button_get_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_HOLIDAYS)));
  g_assert_true (gtk_check_button_get_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_COUNCIL)));
  g_assert_true (gtk_check_button_get_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_BUDGET)));

  kurs_timeline_view_set_visible_range (f->view, kurs_date_from_ymd (2025, 11, 10), kurs_date_from_ymd (2026, 1, 5));
  kurs_widget_settle ();
  zoom = kurs_timeline_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >=, 8);
  render (f, &shown, "timeline-danish-calendar");
  /* low in the view, below the rows */
  y = shown.height - 4;

  /* the view draws on the window's background: what it adds is in its
   * colour and its coverage (premultiplied BGRA) */
  pixel (&shown, kurs_timeline_view_x_for_date (f->view, christmas), y, &r1, &g1, &b1);
  pixel (&shown, kurs_timeline_view_x_for_date (f->view, tuesday), y, &r2, &g2, &b2);
  g_test_message ("holiday %d,%d,%d weekday %d,%d,%d; election at %.1f, covered %d", r1, g1, b1, r2, g2, b2,
                  kurs_timeline_view_x_for_date (f->view, election), coverage (&shown, f, election, zoom, y));
  /* the holiday tinted red, the weekday not */
  g_assert_cmpint (r1, >, g1 + 8);
  g_assert_cmpint (r2, <=, g2 + 2);
  /* the weekend shaded more than the weekday (a lane's band may be under both) */
  g_assert_cmpint (coverage (&shown, f, saturday, zoom, y), >, coverage (&shown, f, tuesday, zoom, y) + 4);
  /* the election a line */
  g_assert_cmpint (coverage (&shown, f, election, zoom, y), >, coverage (&shown, f, tuesday, zoom, y) + 80);

  /* Holidays off: the election stays */
  gtk_check_button_set_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_HOLIDAYS), FALSE);
  g_assert_cmpint (kurs_timeline_view_get_calendar (f->view), ==, KURS_CALENDAR_ALL & ~KURS_CALENDAR_HOLIDAYS);
  kurs_widget_settle ();
  {
    g_auto(KursPixels) some = { 0 };

    render (f, &some, "timeline-danish-calendar-no-holidays");
    g_assert_cmpint (coverage (&some, f, christmas, zoom, y), ==, coverage (&some, f, tuesday, zoom, y));
    g_assert_cmpint (coverage (&some, f, saturday, zoom, y), ==, coverage (&some, f, tuesday, zoom, y));
    g_assert_cmpint (coverage (&some, f, election, zoom, y), >, coverage (&some, f, tuesday, zoom, y) + 80);
  }

  /* All off: nothing of it */
  gtk_check_button_set_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_WEEKS), FALSE);
  gtk_check_button_set_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_COUNCIL), FALSE);
  gtk_check_button_set_active (kurs_timeline_filter_get_calendar_check (filter, KURS_CALENDAR_BUDGET), FALSE);
  g_assert_cmpint (kurs_timeline_view_get_calendar (f->view), ==, 0);
  kurs_widget_settle ();
  render (f, &hidden, "timeline-danish-calendar-off");
  pixel (&hidden, kurs_timeline_view_x_for_date (f->view, christmas), y, &r1, &g1, &b1);
  pixel (&hidden, kurs_timeline_view_x_for_date (f->view, tuesday), y, &r2, &g2, &b2);
  g_assert_cmpint (r1, ==, r2);
  g_assert_cmpint (coverage (&hidden, f, christmas, zoom, y), ==, coverage (&hidden, f, tuesday, zoom, y));
  g_assert_cmpint (coverage (&hidden, f, saturday, zoom, y), ==, coverage (&hidden, f, tuesday, zoom, y));
  g_assert_cmpint (coverage (&hidden, f, election, zoom, y), ==, coverage (&hidden, f, tuesday, zoom, y));

  g_object_ref_sink (filter);
  g_object_unref (filter);
}

/* The coverage at the left edge of @date's column, where a grid line is */
static int
coverage_at_start (const KursPixels *pixels,
                   Fixture          *f,
                   KursDate          date,
                   double            zoom,
                   double            y)
{
  return alpha_at (pixels, kurs_timeline_view_x_for_date (f->view, date) - zoom / 2 + 0.5, y);
}

/* Zoomed to weeks, the scale's lower row is the ISO weeks: a line down
 * from each Monday; the council term from 2026 shaded apart from the one before; the
 * budget for 2027, due 15 October 2026, a dashed line; each only while
 * its layer is on */
static void
test_calendar_weeks_terms_budget (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(KursPixels) on = { 0 };
  g_auto(KursPixels) off = { 0 };
  KursDate monday = kurs_date_from_ymd (2025, 12, 8), sunday = kurs_date_from_ymd (2025, 12, 14);
  KursDate old_term = kurs_date_from_ymd (2025, 12, 17), new_term = kurs_date_from_ymd (2026, 1, 14);
  KursDate budget = kurs_date_from_ymd (2026, 10, 15), before_budget = kurs_date_from_ymd (2026, 10, 8);
  double line_y, y;
  double zoom;

  /* ten weeks across: a week's zoom */
  kurs_timeline_view_set_visible_range (f->view, kurs_date_from_ymd (2025, 11, 24), kurs_date_from_ymd (2026, 2, 1));
  kurs_widget_settle ();
  zoom = kurs_timeline_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >=, 5);
  g_assert_cmpfloat (zoom, <, 20);
  render (f, &on, "timeline-weeks");
  y = on.height - 40;
  line_y = on.height - 60;
  g_assert_cmpint (coverage_at_start (&on, f, monday, zoom, line_y), >,
                   coverage_at_start (&on, f, sunday, zoom, line_y) + 4);
  g_assert_cmpint (coverage (&on, f, new_term, zoom, y), >, coverage (&on, f, old_term, zoom, y) + 2);

  kurs_timeline_view_set_calendar (f->view, KURS_CALENDAR_ALL & ~(KURS_CALENDAR_WEEKS | KURS_CALENDAR_COUNCIL));
  kurs_widget_settle ();
  render (f, &off, "timeline-weeks-off");
  g_assert_cmpint (coverage_at_start (&off, f, monday, zoom, line_y), ==,
                   coverage_at_start (&off, f, sunday, zoom, line_y));
  g_assert_cmpint (coverage (&off, f, new_term, zoom, y), ==, coverage (&off, f, old_term, zoom, y));

  /* the budget's dashes, at a month's zoom */
  kurs_timeline_view_set_calendar (f->view, KURS_CALENDAR_ALL);
  kurs_timeline_view_set_visible_range (f->view, kurs_date_from_ymd (2026, 6, 1), kurs_date_from_ymd (2027, 3, 1));
  kurs_widget_settle ();
  zoom = kurs_timeline_view_get_zoom (f->view);
  {
    g_auto(KursPixels) months = { 0 };
    g_auto(KursPixels) no_budget = { 0 };
    double dash_y = 48 + 8 * (int) ((on.height - 100 - 48) / 8) + 2;

    render (f, &months, "timeline-budget");
    g_assert_cmpint (coverage (&months, f, budget, zoom, dash_y), >, coverage (&months, f, before_budget, zoom, dash_y) + 40);
    kurs_timeline_view_set_calendar (f->view, KURS_CALENDAR_ALL & ~KURS_CALENDAR_BUDGET);
    kurs_widget_settle ();
    render (f, &no_budget, "timeline-budget-off");
    g_assert_cmpint (coverage (&no_budget, f, budget, zoom, dash_y), ==,
                     coverage (&no_budget, f, before_budget, zoom, dash_y));
  }
}

/* A label too wide for its room is ellipsized from its shape at full
 * width: as much as fits with the ellipsis, never a trailing space, and
 * the kept part as wide as that text shaped on its own */
static void
test_text_shapes_ellipsize (Fixture       *f,
                            gconstpointer  data)
{
  const char *text = "Indsats 12: bedre overgange for borgeren, æøå ÆØÅ";
  g_autoptr(KursTextShapes) shapes = kurs_text_shapes_new (GTK_WIDGET (f->view), PANGO_WEIGHT_NORMAL);
  PangoLayout *layout = kurs_text_shapes_get (shapes, text);
  g_autoptr(PangoLayout) ellipsis = gtk_widget_create_pango_layout (GTK_WIDGET (f->view), "…");
  int full, ellipsis_width, cut_index;
  guint n_cut = 0;

  g_assert_true (kurs_text_shapes_get (shapes, text) == layout);
  pango_layout_get_pixel_size (layout, &full, NULL);
  pango_layout_get_pixel_size (ellipsis, &ellipsis_width, NULL);
  g_assert_cmpint (full, >, 100);

  /* It fits: all of it */
  g_assert_cmpint (kurs_text_shapes_cut (shapes, layout, full, &cut_index), ==, full);
  g_assert_cmpint (cut_index, ==, (int) strlen (text));

  for (int room = ellipsis_width + 1; room < full; room += 3)
    {
      int kept = kurs_text_shapes_cut (shapes, layout, room, &cut_index);
      g_autofree char *prefix = g_strndup (text, cut_index);
      g_autoptr(PangoLayout) alone = gtk_widget_create_pango_layout (GTK_WIDGET (f->view), prefix);
      int alone_width;

      g_assert_cmpint (cut_index, <, (int) strlen (text));
      g_assert_true (g_utf8_validate (prefix, -1, NULL));
      g_assert_cmpint (kept + ellipsis_width, <=, room);
      if (cut_index > 0)
        g_assert_false (g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (text, text + cut_index))));

      /* the kept part is that text's own width */
      pango_layout_get_pixel_size (alone, &alone_width, NULL);
      g_assert_cmpint (ABS (alone_width - kept), <=, 1);

      /* and one more character would not have fitted (unless it was the
       * space kept off the end) */
      if (!g_unichar_isspace (g_utf8_get_char (text + cut_index)))
        {
          g_autofree char *longer = g_strndup (text, g_utf8_next_char (text + cut_index) - text);
          g_autoptr(PangoLayout) more = gtk_widget_create_pango_layout (GTK_WIDGET (f->view), longer);
          int more_width;

          pango_layout_get_pixel_size (more, &more_width, NULL);
          g_assert_cmpint (more_width + ellipsis_width, >, room - 1);
        }
      n_cut++;
    }
  g_assert_cmpuint (n_cut, >, 10);

  /* No room even for the ellipsis: nothing of the text */
  g_assert_cmpint (kurs_text_shapes_cut (shapes, layout, ellipsis_width - 1, &cut_index), ==, 0);
  g_assert_cmpint (cut_index, ==, 0);
}

/* The renderer the benchmark's frames are timed with, GTK's without a
 * GPU, on the fixture's window */
static GskRenderer *
cairo_renderer (Fixture *f)
{
  GskRenderer *renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gsk_renderer_realize (renderer, gtk_native_get_surface (GTK_NATIVE (f->window)), &error));
  g_assert_no_error (error);
  return renderer;
}

static void
free_renderer (GskRenderer *renderer)
{
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
}

/* A label is drawn from its glyphs, kept (only those shown, no clip), not
 * by Pango's renderer: it must come out as Pango would draw it, clipped
 * where it is cut and the ellipsis after it; a text right to left is
 * still drawn by Pango */
static guchar *
render_label (Fixture        *f,
              GskRenderer    *renderer,
              KursTextShapes *shapes,
              const char     *text,
              double          room)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  const GdkRGBA black = { 0, 0, 0, 1 };

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, 600, 40));
  if (shapes != NULL)
    kurs_text_shapes_append (shapes, snapshot, kurs_text_shapes_get (shapes, text), 10.3, 20, room, &black, NULL);
  else
    {
      /* as Pango draws it: the layout clipped where the shapes cut it */
      g_autoptr(KursTextShapes) measure = kurs_text_shapes_new (GTK_WIDGET (f->view), PANGO_WEIGHT_NORMAL);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->view), text);
      g_autoptr(PangoLayout) ellipsis = gtk_widget_create_pango_layout (GTK_WIDGET (f->view), "…");
      int cut_index, kept = kurs_text_shapes_cut (measure, kurs_text_shapes_get (measure, text), room, &cut_index);
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (10, (float) round (20 - height / 2.0)));
      if (text[cut_index] == '\0')
        gtk_snapshot_append_layout (snapshot, layout, &black);
      else
        {
          /* (GTK 4.8 loses what is drawn in an empty clip) */
          if (kept > 0)
            {
              gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) kept, (float) height));
              gtk_snapshot_append_layout (snapshot, layout, &black);
              gtk_snapshot_pop (snapshot);
            }
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) kept, 0));
          gtk_snapshot_append_layout (snapshot, ellipsis, &black);
        }
    }
  node = gtk_snapshot_free_to_node (snapshot);
  return kurs_render_node_pixels (renderer, node, 600, 40);
}

static void
test_text_shapes_as_pango_draws (Fixture       *f,
                                 gconstpointer  data)
{
  const char * const texts[] = {
    "Indsats 12: bedre overgange for borgeren, æøå ÆØÅ · 40 %",
    "Handleplan 2023–24 · Sundhedsudvalget",
    "שלום עולם, תוכנית פעולה",     /* right to left: Pango's own drawing */
  };
  g_autoptr(KursTextShapes) shapes = kurs_text_shapes_new (GTK_WIDGET (f->view), PANGO_WEIGHT_NORMAL);
  GskRenderer *renderer = cairo_renderer (f);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double room = 20; room < 420; room += 37)
      {
        g_autofree guchar *pango = render_label (f, renderer, NULL, texts[t], room);
        g_autofree guchar *kept = render_label (f, renderer, shapes, texts[t], room);
        int worst = 0, n_ink = 0;

        for (gsize i = 0; i < 4 * 600 * 40; i++)
          {
            worst = MAX (worst, ABS (pango[i] - kept[i]));
            n_ink += pango[i] < 128;
          }
        g_test_message ("%s in %.0f px: the worst difference %d of 255", texts[t], room, worst);
        g_assert_cmpint (n_ink, >, 20);      /* something was drawn */
        g_assert_cmpint (worst, ==, 0);
      }
  free_renderer (renderer);
}

/* The timeline's shapes are drawn from kept pieces (a bar's two ends and
 * a rectangle between them, a diamond as an image), not as GTK draws a
 * rounded border or a turned square: they must come out as GTK would
 * have drawn them, at scale 1 and 2, on whole pixels */

typedef struct {
  const char *what;
  float       x, y, width, height;
  double      radius;
  GdkRGBA     fill;       /* alpha 0: none */
  GdkRGBA     border;
  double      border_width;
  gboolean    diamond;
} ShapeCase;

/* As the view drew them before the pieces: a border as wide as the shape
 * for the fill, a border for the ring, a diamond turned about its centre */
static void
append_as_gtk (GtkSnapshot     *snapshot,
               const ShapeCase *c)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (c->x, c->y, c->width, c->height);
  GskRoundedRect shape;

  if (c->diamond)
    {
      double side = c->width / G_SQRT2;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (c->x + c->width / 2, c->y + c->height / 2));
      gtk_snapshot_rotate (snapshot, 45);
      rect = GRAPHENE_RECT_INIT ((float) -side / 2, (float) -side / 2, (float) side, (float) side);
    }
  gsk_rounded_rect_init_from_rect (&shape, &rect, (float) c->radius);
  if (c->fill.alpha > 0)
    {
      const GdkRGBA fills[4] = { c->fill, c->fill, c->fill, c->fill };

      gtk_snapshot_append_border (snapshot, &shape,
                                  (float[4]) { rect.size.height / 2, rect.size.width / 2,
                                               rect.size.height / 2, rect.size.width / 2 }, fills);
    }
  if (c->border_width > 0)
    {
      const GdkRGBA borders[4] = { c->border, c->border, c->border, c->border };
      float w = (float) c->border_width;

      gtk_snapshot_append_border (snapshot, &shape, (float[4]) { w, w, w, w }, borders);
    }
  if (c->diamond)
    gtk_snapshot_restore (snapshot);
}

static guchar *
render_shapes (GskRenderer *renderer,
               int          scale,
               const ShapeCase *cases,
               guint        n_cases,
               KursMarkShapes *marks)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, 200, 300));
  for (guint i = 0; i < n_cases; i++)
    {
      const ShapeCase *c = &cases[i];
      graphene_rect_t area = GRAPHENE_RECT_INIT (c->x, c->y, c->width, c->height);

      if (marks == NULL)
        append_as_gtk (snapshot, c);
      else if (c->diamond)
        {
          /* a hollow diamond is the tint of its colour in a border of it */
          kurs_mark_shapes_append_diamond (marks, snapshot, scale, &area, &c->border, c->border_width == 0);
        }
      else
        kurs_mark_shapes_append_rounded (marks, snapshot, scale, &area, c->radius,
                                         c->fill.alpha > 0 ? &c->fill : NULL,
                                         c->border_width > 0 ? &c->border : NULL, c->border_width);
    }
  node = gtk_snapshot_free_to_node (snapshot);
  return kurs_render_node_pixels (renderer, node, 200 * scale, 300 * scale);
}

static void
test_mark_shapes_as_gtk_draws (Fixture       *f,
                               gconstpointer  data)
{
  const GdkRGBA blue = { 0.21, 0.52, 0.89, 1 }, tint = { 0.21, 0.52, 0.89, 0.35 }, red = { 0.88, 0.11, 0.14, 1 };
  const GdkRGBA faint_red = { 0.88, 0.11, 0.14, 0.18 }, none = { 0, 0, 0, 0 };
  const ShapeCase cases[] = {
    { "an initiative's bar", 10, 10, 120, 20, 5, tint, none, 0, FALSE },
    { "its progress", 10, 40, 47, 20, 5, blue, none, 0, FALSE },
    { "an overdue ring", 10, 70, 120, 20, 5, none, red, 2, FALSE },
    { "a bar too short for its ends", 150, 10, 7, 20, 5, tint, none, 0, FALSE },
    { "a bar of 3 pixels", 170, 10, 3, 20, 5, blue, none, 0, FALSE },
    { "a milestone over days, not held", 10, 100, 80, 12, 6, tint, blue, 1.5, FALSE },
    { "a selection ring", 10, 130, 126, 26, 6, none, blue, 2, FALSE },
    { "a pill with a border", 10, 170, 90, 20, 10, tint, blue, 1, FALSE },
    { "square corners, a ring", 110, 170, 80, 20, 0, tint, red, 2, FALSE },
    { "a held milestone", 20, 210, 14, 14, 1.5, red, red, 0, TRUE },
    { "a milestone not held", 50, 210, 14, 14, 1.5, faint_red, red, 2, TRUE },
  };
  GskRenderer *renderer = cairo_renderer (f);

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(KursMarkShapes) marks = kurs_mark_shapes_new ();
      g_autofree guchar *gtk_drawn = render_shapes (renderer, scale, cases, G_N_ELEMENTS (cases), NULL);
      g_autofree guchar *pieces = render_shapes (renderer, scale, cases, G_N_ELEMENTS (cases), marks);
      g_autofree guchar *again = render_shapes (renderer, scale, cases, G_N_ELEMENTS (cases), marks);
      int stride = 4 * 200 * scale;

      /* drawn from what was kept the second time, the same pixels */
      g_assert_cmpmem (pieces, (gsize) stride * 300 * scale, again, (gsize) stride * 300 * scale);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          const ShapeCase *c = &cases[i];
          int x0 = (int) c->x * scale - 2, y0 = (int) c->y * scale - 2;
          int x1 = (int) (c->x + c->width) * scale + 2, y1 = (int) (c->y + c->height) * scale + 2;
          int worst = 0, n_drawn = 0;

          for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
              for (int k = 0; k < 3; k++)
                {
                  int a = gtk_drawn[y * stride + 4 * x + k], b = pieces[y * stride + 4 * x + k];

                  worst = MAX (worst, ABS (a - b));
                  n_drawn += a < 250;
                }
          g_test_message ("%s at scale %d: the worst difference %d of 255", c->what, scale, worst);
          g_assert_cmpint (n_drawn, >, 20 * scale * scale);     /* it was drawn */
          /* no more than rounding: a border 1.5 wide is a fraction of
           * a pixel's coverage along its edge */
          g_assert_cmpint (worst, <=, 8);
        }
    }
  free_renderer (renderer);
}

/* The calendar's layers are the application's setting: what one timeline
 * is switched to, the next shows (and the window prints) */
static void
test_calendar_remembered (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KursCalendarLayers chosen = KURS_CALENDAR_COUNCIL | KURS_CALENDAR_WEEKS;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;

  g_settings_set_uint (settings, "timeline-calendar", KURS_CALENDAR_ALL);
  page = g_object_new (KURS_TYPE_TIMELINE_PAGE, "store", f->store, "strategy", f->strategy, "settings", settings, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_assert_cmpuint (kurs_timeline_view_get_calendar (kurs_timeline_page_get_view (KURS_TIMELINE_PAGE (page))), ==,
                    KURS_CALENDAR_ALL);
  kurs_timeline_view_set_calendar (kurs_timeline_page_get_view (KURS_TIMELINE_PAGE (page)), chosen);
  g_assert_cmpuint (g_settings_get_uint (settings, "timeline-calendar"), ==, chosen);
  gtk_window_destroy (GTK_WINDOW (window));

  window = gtk_window_new ();
  page = g_object_new (KURS_TYPE_TIMELINE_PAGE, "store", f->store, "strategy", f->strategy, "settings", settings, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_assert_cmpuint (kurs_timeline_view_get_calendar (kurs_timeline_page_get_view (KURS_TIMELINE_PAGE (page))), ==,
                    chosen);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "timeline-calendar");
}

/* A label over today's line keeps the line out of its words: the label has
 * a backing in the view's background (and the line runs on above and
 * below it) */
static void
test_label_backing (Fixture       *f,
                    gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  KursDate today = kurs_timeline_get_today (timeline);
  g_autofree char *date = kurs_date_to_iso (today - 60);
  g_auto(KursPixels) pixels = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) milestone = NULL;
  graphene_rect_t area;
  double today_x, middle;
  guint red_in_label = 0, red_beside = 0;
  int index;

  /* held, so that its label is in the text's colour, not the overdue red;
   * two months before today, so that its label runs across today's line */
  milestone = kurs_store_create (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (f->strategy), &error,
                                 "kind", g_variant_new_string ("seminar"),
                                 "title", g_variant_new_string ("Temamøde om boligsociale indsatser og bostøtte"),
                                 "start_date", g_variant_new_string (date),
                                 "held", g_variant_new_boolean (TRUE), NULL);
  g_assert_no_error (error);
  kurs_timeline_view_set_lane_collapsed (f->view, KURS_LANE_ACTION_PLANS, TRUE);
  kurs_widget_settle ();

  index = kurs_timeline_find (timeline, milestone, 0);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &area));
  today_x = kurs_timeline_view_x_for_date (f->view, today);
  g_assert_cmpfloat (area.origin.x + area.size.width + 5, <, today_x - 4);
  render (f, &pixels, "timeline-label-backing");

  middle = area.origin.y + area.size.height / 2;
  for (double y = middle - 3; y <= middle + 3; y++)
    {
      red_in_label += is_red (&pixels, today_x, y);
      red_beside += is_red (&pixels, today_x, y + area.size.height + 10);
    }
  g_test_message ("today's line: %u red pixels in the label, %u below it", red_in_label, red_beside);
  g_assert_cmpuint (red_in_label, ==, 0);
}

/* Today's pill stays whole at the view's right edge: moved in, not cut */
static void
test_today_pill_whole (Fixture       *f,
                       gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  KursDate today = kurs_timeline_get_today (timeline);
  g_auto(KursPixels) pixels = { 0 };
  int first_red = -1, last_red = -1;

  kurs_timeline_view_set_visible_range (f->view, today - 400, today + 3);
  kurs_widget_settle ();
  render (f, &pixels, "timeline-today-at-edge");
  g_assert_cmpfloat (kurs_timeline_view_x_for_date (f->view, today), >, pixels.width - 60);
  g_assert_cmpfloat (kurs_timeline_view_x_for_date (f->view, today), <, pixels.width);

  /* the pill's row of the scale, across */
  for (int x = 0; x < pixels.width; x++)
    if (is_red (&pixels, x, 24 + 12))
      {
        if (first_red < 0)
          first_red = x;
        last_red = x;
      }
  g_test_message ("the pill: x %d to %d of %d", first_red, last_red, pixels.width);
  g_assert_cmpint (first_red, >=, 0);
  g_assert_cmpint (last_red, <, pixels.width - 1);
  g_assert_cmpint (last_red - first_red, >, 80);
}

/* Show Baseline: an initiative whose end moved since the approved version
 * has its baseline's dates drawn faint under its bar, not under the days
 * it moved into; off again, nothing under it */
static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  KursTimeline *timeline = kurs_timeline_view_get_timeline (f->view);
  GtkWidget *toolbar = kurs_widget_find (GTK_WIDGET (f->page), kurs_widget_has_type_name, "KursTimelineToolbar");
  KursTimelineFilter *filter = kurs_timeline_toolbar_get_filter (KURS_TIMELINE_TOOLBAR (toolbar));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_auto(KursPixels) before = { 0 };
  g_auto(KursPixels) shown = { 0 };
  KursRecord *moved;
  graphene_rect_t area;
  double y, inside, beyond;
  int index;

  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  initiatives = kurs_store_list_by_strategy (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (f->strategy), NULL);
  moved = initiatives->pdata[0];                      /* 2023-01-01 – 2024-06-30 */
  g_assert_true (kurs_store_set_text (f->store, moved, "end_date", "2025-06-30", &error));
  g_assert_no_error (error);
  kurs_widget_settle ();

  index = kurs_timeline_find (timeline, moved, 0);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (kurs_timeline_view_get_item_area (f->view, index, &area));
  y = area.origin.y + area.size.height + 2.5;         /* in the baseline's bar */
  inside = area.origin.x + area.size.width / 4;       /* within the baseline's dates */
  beyond = area.origin.x + area.size.width - 4;       /* in the year it moved into */

  g_assert_false (kurs_timeline_view_get_show_baseline (f->view));
  render (f, &before, "timeline-no-baseline");
  /* nothing drawn under the bar, but maybe a grid line */
  g_assert_cmpint (alpha_at (&before, inside, y), <, 60);

  gtk_popover_popup (GTK_POPOVER (filter));
  kurs_widget_settle ();
  gtk_check_button_set_active (kurs_timeline_filter_get_baseline_check (filter), TRUE);
  gtk_popover_popdown (GTK_POPOVER (filter));
  kurs_widget_settle ();
  g_assert_true (kurs_timeline_view_get_show_baseline (f->view));
  g_assert_nonnull (kurs_timeline_view_get_baseline (f->view));

  render (f, &shown, "timeline-baseline");
  g_test_message ("under the bar: %d within the baseline, %d beyond it", alpha_at (&shown, inside, y),
                  alpha_at (&shown, beyond, y));
  g_assert_cmpint (alpha_at (&shown, inside, y), >, 70);
  g_assert_cmpint (alpha_at (&shown, beyond, y), <, 60);
  /* the bar itself is where it is now */
  g_assert_cmpint (alpha_at (&shown, beyond, area.origin.y + area.size.height / 2), ==,
                   alpha_at (&before, beyond, area.origin.y + area.size.height / 2));

  /* and said: the selected initiative's words tell how it moved */
  {
    g_autofree char *words = kurs_timeline_item_describe (timeline, index);
    g_autofree char *with_baseline = g_strdup_printf ("%s. Since version 1 it ends 365 days later", words);

    kurs_timeline_view_select (f->view, index);
    kurs_widget_settle ();
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         with_baseline);
  }

  /* a change to the plan is drawn at once */
  g_assert_true (kurs_store_set_text (f->store, moved, "end_date", "2024-06-30", &error));
  kurs_widget_settle ();
  g_assert_cmpint (kurs_baseline_find (kurs_timeline_view_get_baseline (f->view), kurs_record_get_id (moved))->end_moved,
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible names and states are read from GTK's test context */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kurs_register_resource ();

#define ADD(path, func) \
  g_test_add ("/timeline-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("render-example", test_render_example);
  ADD ("render-zoomed", test_render_zoomed);
  ADD ("keyboard-move-and-live-update", test_keyboard_move_and_live_update);
  ADD ("keyboard-go-and-held", test_keyboard_go_and_held);
  ADD ("accessible-items", test_accessible_items);
  ADD ("list-mode", test_list_mode);
  ADD ("legend-rows", test_legend_rows);
  ADD ("collapse-and-filter", test_collapse_and_filter);
  ADD ("toolbar-and-filter", test_toolbar_and_filter);
  ADD ("editor", test_editor);
  ADD ("pinch", test_pinch);
  ADD ("danish-calendar", test_danish_calendar);
  ADD ("calendar-weeks-terms-budget", test_calendar_weeks_terms_budget);
  ADD ("text-shapes-ellipsize", test_text_shapes_ellipsize);
  ADD ("text-shapes-as-pango-draws", test_text_shapes_as_pango_draws);
  ADD ("mark-shapes-as-gtk-draws", test_mark_shapes_as_gtk_draws);
  ADD ("calendar-remembered", test_calendar_remembered);
  ADD ("label-backing", test_label_backing);
  ADD ("today-pill-whole", test_today_pill_whole);
  ADD ("baseline", test_baseline);

  return g_test_run ();
}
