/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-editors.h"
#include "kurs-timeline-page.h"

/**
 * KursTimelinePage:
 *
 * The timeline of the strategy with what goes around it: zoom buttons,
 * the lanes and the filter, a list of the items in words beside the
 * drawing (for the keyboard and screen readers), the legend, and the
 * editor that opens on an item.
 */
struct _KursTimelinePage
{
  KursPage          parent_instance;

  KursTimeline     *timeline;
  KursTimelineView *view;
  GtkWidget        *list_revealer;
  GtkStringList    *descriptions;
  GtkSingleSelection *selection;
  GArray           *list_order;     /* list position → item index */
  gboolean          syncing;
  GtkWidget        *lane_checks[KURS_N_LANES];
};

G_DEFINE_FINAL_TYPE (KursTimelinePage, kurs_timeline_page, KURS_TYPE_PAGE)

/* The fields an item's editor shows */
static const char * const milestone_fields[] = {
  "title", "kind", "start_date", "end_date", "committee", "held", "repeat_every_years", "repeat_until_year", NULL
};
static const char * const hearing_fields[] = { "title", "sent_date", "deadline", NULL };
static const char * const plan_fields[] = { "title", "start_date", "end_date", NULL };
static const char * const initiative_fields[] = {
  "title", "owner", "start_date", "end_date", "status", "progress", NULL
};
static const char * const correction_fields[] = { "date", "text", NULL };

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

/* The list beside the drawing */

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const KursSpan *spans = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (spans[i].start != spans[j].start)
    return spans[i].start < spans[j].start ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
sync_list_selection (KursTimelinePage *self)
{
  int selected = kurs_timeline_view_get_selected (self->view);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->list_order == NULL)
    return;

  for (guint p = 0; selected >= 0 && p < self->list_order->len; p++)
    if (g_array_index (self->list_order, guint, p) == (guint) selected)
      {
        position = p;
        break;
      }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
fill_list (KursTimelinePage *self)
{
  guint n = kurs_timeline_get_n_items (self->timeline);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  /* Only while it is shown: 20,000 descriptions are not free */
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->list_revealer)))
    {
      g_clear_pointer (&self->list_order, g_array_unref);
      gtk_string_list_splice (self->descriptions, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->descriptions)), NULL);
      return;
    }

  g_clear_pointer (&self->list_order, g_array_unref);
  self->list_order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->list_order, i);
  g_qsort_with_data (self->list_order->data, (int) n, sizeof (guint), compare_by_start,
                     (gpointer) kurs_timeline_get_spans (self->timeline));

  for (guint p = 0; p < n; p++)
    g_ptr_array_add (texts, kurs_timeline_item_describe (self->timeline, g_array_index (self->list_order, guint, p)));
  g_ptr_array_add (texts, NULL);

  self->syncing = TRUE;
  gtk_string_list_splice (self->descriptions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->descriptions)),
                          (const char * const *) texts->pdata);
  self->syncing = FALSE;
  sync_list_selection (self);
}

static void
list_selected_cb (KursTimelinePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->syncing || self->list_order == NULL || position == GTK_INVALID_LIST_POSITION ||
      position >= self->list_order->len)
    return;

  kurs_timeline_view_select (self->view, (int) g_array_index (self->list_order, guint, position));
}

static void
list_toggled_cb (KursTimelinePage *self,
                 GtkToggleButton  *button)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->list_revealer), gtk_toggle_button_get_active (button));
  fill_list (self);
}

static void
list_activated_cb (KursTimelinePage *self,
                   guint             position)
{
  if (self->list_order != NULL && position < self->list_order->len)
    g_signal_emit_by_name (self->view, "item-activated", (int) g_array_index (self->list_order, guint, position));
}

static void
setup_list_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_list_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkStringObject *text = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (text));
}

/* The editor of an item, in a small window of its own over the main one.
 * (A popover was tried first: GTK 4.8 keeps an autohide popover alive
 * after it closes now and then, and with it the store.) */

static void
editor_record_changed_cb (AdwWindowTitle *title,
                          const char     *field,
                          KursRecord     *record)
{
  adw_window_title_set_subtitle (title, kurs_record_get_title (record));
}

static void
item_activated_cb (KursTimelinePage *self,
                   int               index)
{
  const KursTimelineItem *item = kurs_timeline_get_item (self->timeline, index);
  KursStore *store = kurs_page_get_store (KURS_PAGE (self));
  const char * const *fields;
  GtkWidget *window, *toolbar, *header, *title, *list, *scrolled;
  GtkEventController *shortcuts;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *kind = kurs_timeline_item_get_kind_label (item);

  switch (item->kind)
    {
    case KURS_TIMELINE_MILESTONE:
      fields = milestone_fields;
      break;
    case KURS_TIMELINE_HEARING:
      fields = hearing_fields;
      break;
    case KURS_TIMELINE_ACTION_PLAN:
      fields = plan_fields;
      break;
    case KURS_TIMELINE_INITIATIVE:
      fields = initiative_fields;
      break;
    case KURS_TIMELINE_CORRECTION:
    default:
      fields = correction_fields;
      break;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 18);
  gtk_widget_set_margin_end (list, 18);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  for (guint i = 0; fields[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), kurs_field_editor_new (store, item->record, fields[i]));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);

  title = adw_window_title_new (kind, kurs_record_get_title (item->record));
  g_signal_connect_object (item->record, "changed", G_CALLBACK (editor_record_changed_cb), title,
                           G_CONNECT_SWAPPED);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_set_title (GTK_WINDOW (window), kind);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
}

/* Lanes and filter */

static void
lane_toggled_cb (KursTimelinePage *self,
                 GtkCheckButton   *check)
{
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    if (GTK_WIDGET (check) == self->lane_checks[lane])
      kurs_timeline_view_set_lane_collapsed (self->view, lane, !gtk_check_button_get_active (check));
}

static void
kind_toggled_cb (GtkCheckButton   *check,
                 KursTimelinePage *self)
{
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "kurs-filter-bit"));
  guint hidden = kurs_timeline_get_hidden (self->timeline);

  hidden = gtk_check_button_get_active (check) ? hidden & ~bit : hidden | bit;
  kurs_timeline_set_filter (self->timeline, hidden, kurs_timeline_get_committee (self->timeline),
                            kurs_timeline_get_owner (self->timeline));
}

static const char *
dropdown_choice (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first choice is "All" */
  return item != NULL && gtk_drop_down_get_selected (dropdown) > 0 ? gtk_string_object_get_string (item) : NULL;
}

static void
narrow_changed_cb (KursTimelinePage *self)
{
  GtkDropDown *committee = g_object_get_data (G_OBJECT (self), "kurs-committee");
  GtkDropDown *owner = g_object_get_data (G_OBJECT (self), "kurs-owner");

  kurs_timeline_set_filter (self->timeline, kurs_timeline_get_hidden (self->timeline),
                            dropdown_choice (committee), dropdown_choice (owner));
}

static GtkWidget *
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
narrow_dropdown (KursTimelinePage *self,
                 const char       *label,
                 GStrv             choices,
                 const char       *key)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  /* Translators: the choice that narrows nothing, in the timeline's filter */
  gtk_string_list_append (model, _("All"));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    gtk_string_list_append (model, choices[i]);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (model), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (self), key, dropdown);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (narrow_changed_cb), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static GtkWidget *
create_filter_popover (KursTimelinePage *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *lanes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *narrow = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const KursField *kind_field = kurs_entity_info_get_field (kurs_entity_info (KURS_ENTITY_MILESTONE), "kind");
  g_auto(GStrv) committees = kurs_timeline_list_committees (self->timeline);
  g_auto(GStrv) owners = kurs_timeline_list_owners (self->timeline);
  struct { guint bit; const char *label; } others[] = {
    { KURS_TIMELINE_FILTER_HEARINGS, N_("Hearing rounds") },
    { KURS_TIMELINE_FILTER_ACTION_PLANS, N_("Action plans") },
    { KURS_TIMELINE_FILTER_INITIATIVES, N_("Initiatives") },
    { KURS_TIMELINE_FILTER_CORRECTIONS, N_("Course corrections") },
  };

  gtk_box_append (GTK_BOX (lanes), section_label (_("Lanes")));
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (kurs_lane_get_title (lane));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !kurs_timeline_view_get_lane_collapsed (self->view, lane));
      g_signal_connect_object (check, "toggled", G_CALLBACK (lane_toggled_cb), self, G_CONNECT_SWAPPED);
      self->lane_checks[lane] = check;
      gtk_box_append (GTK_BOX (lanes), check);
    }

  gtk_box_append (GTK_BOX (kinds), section_label (_("Show")));
  for (guint k = 0; k < kind_field->enum_info->n_values; k++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (kurs_enum_info_to_label (kind_field->enum_info, (int) k));

      g_object_set_data (G_OBJECT (check), "kurs-filter-bit", GUINT_TO_POINTER (1u << k));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !(kurs_timeline_get_hidden (self->timeline) & (1u << k)));
      g_signal_connect (check, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (GTK_BOX (kinds), check);
    }
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(others[k].label));

      g_object_set_data (G_OBJECT (check), "kurs-filter-bit", GUINT_TO_POINTER (others[k].bit));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !(kurs_timeline_get_hidden (self->timeline) & others[k].bit));
      g_signal_connect (check, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_box_append (GTK_BOX (kinds), check);
    }

  gtk_box_append (GTK_BOX (narrow), section_label (_("Committee")));
  gtk_box_append (GTK_BOX (narrow), narrow_dropdown (self, _("Committee"), committees, "kurs-committee"));
  gtk_box_append (GTK_BOX (narrow), section_label (_("Owner")));
  gtk_box_append (GTK_BOX (narrow), narrow_dropdown (self, _("Owner"), owners, "kurs-owner"));

  gtk_box_append (GTK_BOX (columns), lanes);
  gtk_box_append (GTK_BOX (columns), kinds);
  gtk_box_append (GTK_BOX (columns), narrow);
  gtk_popover_set_child (GTK_POPOVER (popover), columns);
  return popover;
}

static void
filter_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  KursTimelinePage *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, create_filter_popover (self));
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
      g_string_append_printf (css, ".timeline-legend .%s { color: rgb(%d, %d, %d); }\n",
                              kurs_timeline_color_name (color),
                              (int) (rgb[0] * 255 + 0.5), (int) (rgb[1] * 255 + 0.5), (int) (rgb[2] * 255 + 0.5));
    }
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static GtkWidget *
create_legend (void)
{
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *hint, *box;
  struct { KursTimelineColor color; const char *symbol, *text; } entries[] = {
    { KURS_TIMELINE_COLOR_PROCESS, "◆", N_("Milestone held") },
    { KURS_TIMELINE_COLOR_PROCESS, "◇", N_("Milestone planned") },
    { KURS_TIMELINE_COLOR_OVERDUE, "◆", N_("Overdue") },
    { KURS_TIMELINE_COLOR_DATA, "◆", N_("Data and reviews") },
    { KURS_TIMELINE_COLOR_HEARING, "▬", N_("Hearing round") },
    { KURS_TIMELINE_COLOR_PLAN, "▬", N_("Action plan") },
    { KURS_TIMELINE_COLOR_NOT_STARTED, "▬", N_("Not started") },
    { KURS_TIMELINE_COLOR_ON_TRACK, "▬", N_("On track") },
    { KURS_TIMELINE_COLOR_AT_RISK, "▬", N_("At risk") },
    { KURS_TIMELINE_COLOR_DELAYED, "▬", N_("Delayed") },
    { KURS_TIMELINE_COLOR_DONE, "▬", N_("Done") },
    { KURS_TIMELINE_COLOR_CORRECTION, "⚑", N_("Course correction") },
    { KURS_TIMELINE_COLOR_OVERDUE, "│", N_("Today") },
  };

  ensure_legend_colors ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 13);
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

  /* How to use it, after what it shows */
  hint = gtk_label_new (_("Drag to move, drag an end to change its length, double-click to edit"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "timeline-hint");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), flow);
  gtk_box_append (GTK_BOX (box), hint);
  return box;
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
zoom_in_cb (KursTimelinePage *self)
{
  kurs_timeline_view_zoom (self->view, 1.5);
}

static void
zoom_out_cb (KursTimelinePage *self)
{
  kurs_timeline_view_zoom (self->view, 1 / 1.5);
}

static void
fit_cb (KursTimelinePage *self)
{
  kurs_timeline_view_fit_period (self->view);
}

static void
timeline_changed_cb (KursTimelinePage *self)
{
  fill_list (self);
}

static void
kurs_timeline_page_build (KursPage *page)
{
  KursTimelinePage *self = KURS_TIMELINE_PAGE (page);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *button, *filter, *list_toggle, *list_view, *list_scrolled;
  GtkListItemFactory *factory;

  self->timeline = kurs_timeline_new (kurs_page_get_store (page), kurs_page_get_strategy (page));
  self->view = KURS_TIMELINE_VIEW (kurs_timeline_view_new (self->timeline));
  g_signal_connect_object (self->timeline, "changed", G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "item-activated", G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "selection-changed", G_CALLBACK (sync_list_selection), self,
                           G_CONNECT_SWAPPED);

  /* Tools */
  gtk_widget_add_css_class (toolbar, "toolbar");
  button = icon_button ("zoom-out-symbolic", _("Zoom Out"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (zoom_out_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  button = icon_button ("zoom-in-symbolic", _("Zoom In"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (zoom_in_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  /* An icon, as zoom's: the toolbar fits a page of the narrowest width */
  button = icon_button ("zoom-fit-best-symbolic", _("Show the Whole Period"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (fit_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);

  button = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);   /* the space between */
  gtk_widget_set_hexpand (button, TRUE);
  gtk_box_append (GTK_BOX (toolbar), button);

  filter = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (filter), _("Lanes and Filter"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (filter), TRUE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (filter), filter_popup_cb, self, NULL);
  gtk_widget_add_css_class (filter, "flat");
  gtk_box_append (GTK_BOX (toolbar), filter);

  list_toggle = gtk_toggle_button_new_with_mnemonic (_("_List"));
  gtk_widget_set_tooltip_text (list_toggle, _("The items in words, by date"));
  gtk_widget_add_css_class (list_toggle, "flat");
  g_signal_connect_object (list_toggle, "toggled", G_CALLBACK (list_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), list_toggle);
  gtk_box_append (GTK_BOX (outer), toolbar);

  /* The drawing, and the list beside it */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (middle), scrolled);

  self->descriptions = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->descriptions)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (list_selected_cb), self,
                           G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_row_cb), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline Items"), -1);
  g_signal_connect_object (list_view, "activate", G_CALLBACK (list_activated_cb), self, G_CONNECT_SWAPPED);
  list_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scrolled), list_view);
  gtk_widget_set_size_request (list_scrolled, 300, -1);
  gtk_widget_add_css_class (list_scrolled, "timeline-list");

  self->list_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->list_revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  gtk_revealer_set_child (GTK_REVEALER (self->list_revealer), list_scrolled);
  gtk_box_append (GTK_BOX (middle), self->list_revealer);
  gtk_box_append (GTK_BOX (outer), middle);

  gtk_box_append (GTK_BOX (outer), create_legend ());

  adw_bin_set_child (ADW_BIN (self), outer);
}

static void
kurs_timeline_page_map (GtkWidget *widget)
{
  KursTimelinePage *self = KURS_TIMELINE_PAGE (widget);

  GTK_WIDGET_CLASS (kurs_timeline_page_parent_class)->map (widget);

  if (!g_object_get_data (G_OBJECT (self), "kurs-restored"))
    {
      g_object_set_data (G_OBJECT (self), "kurs-restored", GINT_TO_POINTER (TRUE));
      restore_range (self);
    }
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

  g_clear_pointer (&self->list_order, g_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->descriptions);
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
