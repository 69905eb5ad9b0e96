/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-timeline-item-window.h"
#include "kurs-timeline-list.h"
#include "kurs-timeline-page.h"
#include "kurs-timeline-toolbar.h"

/**
 * KursTimelinePage:
 *
 * The timeline of the strategy with what goes around it: zoom buttons,
 * the lanes and the filter, the legend, the items as a list in place of
 * the drawing, and the editor that opens on an item.
 */
struct _KursTimelinePage
{
  KursPage          parent_instance;

  KursTimeline     *timeline;
  KursTimelineView *view;
  KursTimelineList *list;
  GtkWidget        *stack;           /* the drawing, or the list */
  GtkWidget        *legend;
  gboolean          range_restored;
  KursBaseline     *baseline;        /* drawn by the view when shown */
};

G_DEFINE_FINAL_TYPE (KursTimelinePage, kurs_timeline_page, KURS_TYPE_PAGE)

/* The visible range is remembered per strategy, by its UUID */
static void
save_range (KursTimelinePage *self)
{
  GSettings *s = kurs_page_get_settings (KURS_PAGE (self));
  const char *uuid = kurs_record_get_text (kurs_page_get_strategy (KURS_PAGE (self)), "uuid");
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  guint32 first, last;
  KursDate visible_first, visible_last;
  guint kept = 0;

  if (s == NULL || uuid == NULL || gtk_widget_get_width (GTK_WIDGET (self->view)) <= 0)
    return;

  kurs_timeline_view_get_visible_range (self->view, &visible_first, &visible_last);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(uu)}"));
  g_variant_builder_add (&builder, "{s(uu)}", uuid, (guint32) visible_first, (guint32) visible_last);

  /* The strategies seen last, a few dozen at most */
  old = g_settings_get_value (s, "timeline-ranges");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s(uu)}", &key, &first, &last) && kept < 50)
    if (g_strcmp0 (key, uuid) != 0)
      {
        g_variant_builder_add (&builder, "{s(uu)}", key, first, last);
        kept++;
      }

  g_settings_set_value (s, "timeline-ranges", g_variant_builder_end (&builder));
}

static void
restore_range (KursTimelinePage *self)
{
  GSettings *s = kurs_page_get_settings (KURS_PAGE (self));
  const char *uuid = kurs_record_get_text (kurs_page_get_strategy (KURS_PAGE (self)), "uuid");
  g_autoptr(GVariant) ranges = NULL;
  guint32 first, last;

  if (s == NULL || uuid == NULL)
    return;

  ranges = g_settings_get_value (s, "timeline-ranges");
  if (g_variant_lookup (ranges, uuid, "(uu)", &first, &last) && first != 0 && last > first)
    kurs_timeline_view_set_visible_range (self->view, first, last);
}

/* The list in place of the drawing: one selection for both */

static void
view_selection_changed_cb (KursTimelinePage *self)
{
  int selected = kurs_timeline_view_get_selected (self->view);

  /* Not when the drawing tells back what the list just chose: no search
   * of the rows, which at 100,000 is not free */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list)) && selected != kurs_timeline_list_get_selected (self->list))
    kurs_timeline_list_select (self->list, selected);
}

static void
list_selection_changed_cb (KursTimelinePage *self)
{
  kurs_timeline_view_select (self->view, kurs_timeline_list_get_selected (self->list));
}

static void
list_shown_cb (KursTimelinePage    *self,
               GParamSpec          *pspec,
               KursTimelineToolbar *toolbar)
{
  gboolean shown = kurs_timeline_toolbar_get_list_shown (toolbar);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), shown ? "list" : "drawing");
  gtk_widget_set_visible (self->legend, !shown);
  if (shown)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list));
      kurs_timeline_list_select (self->list, kurs_timeline_view_get_selected (self->view));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The editor of an item */
static void
item_activated_cb (KursTimelinePage *self,
                   int               index)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
  g_autoptr(KursRecord) record = kurs_timeline_get_record (self->timeline, index);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  /* (gone since it was drawn: the timeline is rebuilt already) */
  if (record == NULL)
    return;
  window = kurs_timeline_item_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          kurs_page_get_store (KURS_PAGE (self)), item, record);
  gtk_window_present (GTK_WINDOW (window));
}

/* The legend, one swatch per mark */

static GtkWidget *
legend_entry (const char *css_class,
              const char *symbol,
              const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *swatch = gtk_label_new (symbol);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_add_css_class (box, "legend-entry");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* The swatches' colours are the timeline's (kurs_timeline_color_rgb()),
 * given to the display once as style classes of the legend */
static void
ensure_legend_colors (void)
{
  static gboolean done;
  g_autoptr(GString) css = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  css = g_string_new (NULL);
  for (KursTimelineColor color = 0; color < KURS_TIMELINE_N_COLORS; color++)
    {
      double rgb[3];

      kurs_timeline_color_rgb (color, rgb);
      g_string_append_printf (css, ".timeline-legend .%s, .timeline-pill .%s { color: rgb(%d, %d, %d); }\n",
                              kurs_timeline_color_name (color), kurs_timeline_color_name (color),
                              (int) (rgb[0] * 255 + 0.5), (int) (rgb[1] * 255 + 0.5), (int) (rgb[2] * 255 + 0.5));
    }
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The legend's entries in a flow box of @per_line at most (at least, if
 * @at_least) */
static GtkWidget *
legend_flow (guint    per_line,
             gboolean at_least)
{
  GtkWidget *flow = gtk_flow_box_new ();
  /* What the lanes' headings do not say: a milestone's state, overdue
   * (a red mark, or a bar ringed in red), an initiative's status, today */
  struct { KursTimelineColor color; const char *symbol, *text; } entries[] = {
    { KURS_TIMELINE_COLOR_PROCESS, "◆", N_("Milestone held") },
    { KURS_TIMELINE_COLOR_PROCESS, "◇", N_("Milestone planned") },
    { KURS_TIMELINE_COLOR_OVERDUE, "◆▭", N_("Overdue") },
    { KURS_TIMELINE_COLOR_NOT_STARTED, "▬", N_("Not started") },
    { KURS_TIMELINE_COLOR_ON_TRACK, "▬", N_("On track") },
    { KURS_TIMELINE_COLOR_AT_RISK, "▬", N_("At risk") },
    { KURS_TIMELINE_COLOR_DELAYED, "▬", N_("Delayed") },
    { KURS_TIMELINE_COLOR_DONE, "▬", N_("Done") },
    { KURS_TIMELINE_COLOR_OVERDUE, "│", N_("Today") },
  };

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), per_line);
  if (at_least)
    gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_widget_add_css_class (flow, "timeline-legend");
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *child = legend_entry (kurs_timeline_color_name (entries[i].color), entries[i].symbol,
                                       _(entries[i].text));

      gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
      gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
    }
  return flow;
}

/* The legend takes at most two rows: five entries or more to a row, and
 * where even that does not fit (a narrow window), a Legend button that
 * shows them all in a popover */
static GtkWidget *
create_legend (void)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *full = legend_flow (5, TRUE);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *hint, *box;

  ensure_legend_colors ();

  gtk_widget_add_css_class (full, "timeline-legend-full");
  gtk_popover_set_child (GTK_POPOVER (popover), legend_flow (1, FALSE));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Legend"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "timeline-legend-button");
  adw_squeezer_add (ADW_SQUEEZER (squeezer), full);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), button);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  gtk_widget_add_css_class (squeezer, "timeline-legend-bar");

  /* How to use it, after what it shows */
  hint = gtk_label_new (_("Drag to move, drag an end to change its length, double-click to edit"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "timeline-hint");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), squeezer);
  gtk_box_append (GTK_BOX (box), hint);
  return box;
}

/* The baseline under the initiatives, read when it is shown, and again
 * when the plans or the approved versions change */
static void
update_baseline (KursTimelinePage *self)
{
  KursPage *page = KURS_PAGE (self);

  if (!kurs_timeline_view_get_show_baseline (self->view) || kurs_record_is_deleted (kurs_page_get_strategy (page)))
    return;
  kurs_baseline_update (&self->baseline, kurs_page_get_store (page), kurs_page_get_strategy (page),
                        kurs_date_today (), NULL);
  kurs_timeline_view_set_baseline (self->view, self->baseline);
}

static void
baseline_store_changed_cb (KursTimelinePage *self,
                           guint             entities)
{
  /* a new approval is a new baseline */
  if (entities & (1u << KURS_ENTITY_VERSION))
    {
      kurs_timeline_view_set_baseline (self->view, NULL);
      g_clear_pointer (&self->baseline, kurs_baseline_free);
    }
  if (entities & ((1u << KURS_ENTITY_INITIATIVE) | (1u << KURS_ENTITY_ACTION_PLAN) | (1u << KURS_ENTITY_VERSION)))
    update_baseline (self);
}

static void
kurs_timeline_page_build (KursPage *page)
{
  KursTimelinePage *self = KURS_TIMELINE_PAGE (page);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->timeline = kurs_timeline_new (kurs_page_get_store (page), kurs_page_get_strategy (page));
  self->view = KURS_TIMELINE_VIEW (kurs_timeline_view_new (self->timeline));
  self->list = KURS_TIMELINE_LIST (kurs_timeline_list_new (self->timeline));
  g_signal_connect_object (self->view, "item-activated", G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "item-activated", G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "selection-changed", G_CALLBACK (view_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "selection-changed", G_CALLBACK (list_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The calendar's layers are remembered, and printed as shown; and
   * whether the baseline is drawn */
  g_signal_connect_object (self->view, "notify::show-baseline", G_CALLBACK (update_baseline), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (baseline_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (kurs_page_get_settings (page) != NULL)
    {
      g_settings_bind (kurs_page_get_settings (page), "timeline-calendar", self->view, "calendar",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (kurs_page_get_settings (page), "timeline-baseline", self->view, "show-baseline",
                       G_SETTINGS_BIND_DEFAULT);
    }

  toolbar = kurs_timeline_toolbar_new (self->view);
  g_signal_connect_object (toolbar, "notify::list-shown", G_CALLBACK (list_shown_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (outer), toolbar);

  /* The drawing, or the list in its place */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "drawing");
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->list), "list");
  gtk_widget_set_hexpand (self->stack, TRUE);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (outer), self->stack);

  self->legend = create_legend ();
  gtk_box_append (GTK_BOX (outer), self->legend);

  adw_bin_set_child (ADW_BIN (self), outer);
}

static void
kurs_timeline_page_map (GtkWidget *widget)
{
  KursTimelinePage *self = KURS_TIMELINE_PAGE (widget);

  GTK_WIDGET_CLASS (kurs_timeline_page_parent_class)->map (widget);

  if (!self->range_restored)
    {
      self->range_restored = TRUE;
      restore_range (self);
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
kurs_timeline_page_unmap (GtkWidget *widget)
{
  save_range (KURS_TIMELINE_PAGE (widget));

  GTK_WIDGET_CLASS (kurs_timeline_page_parent_class)->unmap (widget);
}

static void
kurs_timeline_page_dispose (GObject *object)
{
  KursTimelinePage *self = KURS_TIMELINE_PAGE (object);

  /* the view draws the page's baseline: it lets go first */
  if (self->view != NULL)
    kurs_timeline_view_set_baseline (self->view, NULL);
  g_clear_pointer (&self->baseline, kurs_baseline_free);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (kurs_timeline_page_parent_class)->dispose (object);
}

static void
kurs_timeline_page_class_init (KursTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  object_class->dispose = kurs_timeline_page_dispose;
  widget_class->map = kurs_timeline_page_map;
  widget_class->unmap = kurs_timeline_page_unmap;

  page_class->name = "timeline";
  page_class->title = N_("Timeline");
  page_class->icon_name = "x-office-calendar-symbolic";
  page_class->build = kurs_timeline_page_build;
}

static void
kurs_timeline_page_init (KursTimelinePage *self)
{
}

KursTimelineView *
kurs_timeline_page_get_view (KursTimelinePage *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_PAGE (self), NULL);

  return self->view;
}

KursTimelineList *
kurs_timeline_page_get_list (KursTimelinePage *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_PAGE (self), NULL);

  return self->list;
}
