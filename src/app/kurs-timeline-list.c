/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-list"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-timeline-entry.h"
#include "kurs-timeline-list.h"

/**
 * KursTimelineList:
 *
 * The timeline as a list, in place of the drawing: a heading for each
 * lane, and under it its items by date, each with its title, its dates
 * and a pill saying what it is and how it stands.  Typing searches the
 * titles; Enter or a double click opens the item.  It is filled only
 * while it is shown: 20,000 rows are not free.
 */

struct _KursTimelineList
{
  AdwBin              parent_instance;

  KursTimeline       *timeline;
  GListStore         *entries;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkWidget          *list_view;
  GtkWidget          *search_bar;
  GtkWidget          *search_entry;
  char               *query;            /* casefolded, or NULL */
  gboolean            lane_matches[KURS_N_LANES];
  gboolean            stale;
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (KursTimelineList, kurs_timeline_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TIMELINE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The rows */

typedef struct {
  const KursSpan *spans;
  KursTimeline   *timeline;
  guint           rank[KURS_N_LANES];   /* a lane's place from the top */
} SortData;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortData *data = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const KursTimelineItem *x = kurs_timeline_get_item (data->timeline, i);
  const KursTimelineItem *y = kurs_timeline_get_item (data->timeline, j);

  if (x->lane != y->lane)
    return data->rank[x->lane] < data->rank[y->lane] ? -1 : 1;
  if (data->spans[i].start != data->spans[j].start)
    return data->spans[i].start < data->spans[j].start ? -1 : 1;
  return i < j ? -1 : i > j;
}

static gboolean
title_matches (KursTimelineList *self,
               guint             index)
{
  g_autofree char *folded = NULL;

  if (self->query == NULL)
    return TRUE;
  folded = g_utf8_casefold (kurs_timeline_get_item (self->timeline, index)->title, -1);
  return strstr (folded, self->query) != NULL;
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  KursTimelineList *self = user_data;
  int index = kurs_timeline_entry_get_item (item);

  if (index < 0)
    return self->lane_matches[kurs_timeline_entry_get_lane (item)];
  return title_matches (self, (guint) index);
}

/* A lane's heading stays while one of its items does */
static void
refilter (KursTimelineList *self)
{
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    self->lane_matches[lane] = FALSE;
  for (guint i = 0; i < kurs_timeline_get_n_items (self->timeline); i++)
    if (title_matches (self, i))
      self->lane_matches[kurs_timeline_get_item (self->timeline, i)->lane] = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static guint
position_of (KursTimelineList *self,
             int               index)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint p = 0; index >= 0 && p < g_list_model_get_n_items (model); p++)
    {
      g_autoptr(KursTimelineEntry) entry = g_list_model_get_item (model, p);

      if (kurs_timeline_entry_get_item (entry) == index)
        return p;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
fill (KursTimelineList *self)
{
  guint n = kurs_timeline_get_n_items (self->timeline);
  int selected = kurs_timeline_list_get_selected (self);
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  SortData data = { kurs_timeline_get_spans (self->timeline), self->timeline, { 0 } };
  int lane = -1;

  self->stale = FALSE;
  for (guint position = 0; position < KURS_N_LANES; position++)
    data.rank[kurs_timeline_get_lane_at (self->timeline, position)] = position;
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_qsort_with_data (order->data, (int) n, sizeof (guint), compare_items, &data);

  for (guint p = 0; p < n; p++)
    {
      guint index = g_array_index (order, guint, p);
      KursLane item_lane = kurs_timeline_get_item (self->timeline, index)->lane;

      if ((int) item_lane != lane)
        {
          lane = (int) item_lane;
          g_ptr_array_add (rows, kurs_timeline_entry_new_lane (item_lane));
        }
      g_ptr_array_add (rows, kurs_timeline_entry_new_item (item_lane, index));
    }

  self->syncing = TRUE;
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       rows->pdata, rows->len);
  refilter (self);
  gtk_single_selection_set_selected (self->selection, position_of (self, selected));
  self->syncing = FALSE;
}

static void
timeline_changed_cb (KursTimelineList *self)
{
  /* The indices are others now */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
  else
    {
      self->stale = TRUE;
      g_list_store_remove_all (self->entries);
    }
}

/* A row: the lane's heading, or the item's title, dates and pill */

static char *
pill_text (const KursTimelineItem *item)
{
  g_autofree char *kind = kurs_timeline_item_get_kind_label (item);

  switch (item->kind)
    {
    case KURS_TIMELINE_INITIATIVE:
      {
        const KursField *status = kurs_entity_info_get_field (kurs_entity_info (KURS_ENTITY_INITIATIVE), "status");

        return g_strdup_printf ("%s · %d %%", kurs_enum_info_to_label (status->enum_info, item->subkind),
                                item->progress);
      }
    case KURS_TIMELINE_MILESTONE:
      if (item->flags & KURS_TIMELINE_OVERDUE)
        /* Translators: a milestone past its day, not held */
        return g_strdup_printf (_("%s · overdue"), kind);
      return g_strdup_printf ("%s · %s", kind, (item->flags & KURS_TIMELINE_HELD) ? _("held") : _("planned"));
    case KURS_TIMELINE_HEARING:
      if (item->n_overdue > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u response overdue",
                                             "%s · %u responses overdue", item->n_overdue),
                                kind, item->n_overdue);
      return g_steal_pointer (&kind);
    case KURS_TIMELINE_ACTION_PLAN:
    case KURS_TIMELINE_CORRECTION:
    default:
      return g_steal_pointer (&kind);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *dates = gtk_label_new (NULL);
  GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (dates), 0);
  gtk_widget_add_css_class (dates, "dim-label");
  gtk_widget_add_css_class (dates, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), dates);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  /* The pill: a swatch in the drawing's colour, and the words */
  gtk_box_append (GTK_BOX (pill), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (pill), gtk_label_new (NULL));
  gtk_widget_add_css_class (pill, "timeline-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), pill);
  gtk_widget_add_css_class (row, "timeline-row");
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             KursTimelineList         *self)
{
  KursTimelineEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *texts = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *dates = gtk_widget_get_next_sibling (title);
  GtkWidget *pill = gtk_widget_get_next_sibling (texts);
  GtkWidget *swatch = gtk_widget_get_first_child (pill);
  GtkWidget *words = gtk_widget_get_next_sibling (swatch);
  int index = kurs_timeline_entry_get_item (entry);
  const KursTimelineItem *item;
  g_autofree char *days = NULL;
  g_autofree char *status = NULL;
  const char *color;

  gtk_list_item_set_selectable (list_item, index >= 0);
  gtk_list_item_set_activatable (list_item, index >= 0);
  gtk_widget_set_visible (dates, index >= 0);
  gtk_widget_set_visible (pill, index >= 0);
  if (index < 0)
    {
      gtk_label_set_text (GTK_LABEL (title), kurs_lane_get_title (kurs_timeline_entry_get_lane (entry)));
      gtk_widget_add_css_class (row, "heading");
      return;
    }
  gtk_widget_remove_css_class (row, "heading");

  item = kurs_timeline_get_item (self->timeline, (guint) index);
  gtk_label_set_text (GTK_LABEL (title), item->title);

  days = kurs_timeline_format_dates (self->timeline, (guint) index);
  gtk_label_set_text (GTK_LABEL (dates), days);

  status = pill_text (item);
  gtk_label_set_text (GTK_LABEL (words), status);
  color = kurs_timeline_color_name (kurs_timeline_item_color (item));
  gtk_label_set_text (GTK_LABEL (swatch), item->flags & KURS_TIMELINE_BAR ? "▬" : "◆");
  gtk_widget_set_css_classes (swatch, (const char *[]) { "swatch", color, NULL });
}

/* Selection, search, activation */

static void
selected_cb (KursTimelineList *self)
{
  if (!self->syncing)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
activate_cb (KursTimelineList *self,
             guint             position)
{
  g_autoptr(KursTimelineEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry != NULL && kurs_timeline_entry_get_item (entry) >= 0)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, kurs_timeline_entry_get_item (entry));
}

/* From the first lane's heading */
static void
scroll_to_top (KursTimelineList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", 0);
}

static void
search_changed_cb (KursTimelineList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int selected = kurs_timeline_list_get_selected (self);

  g_clear_pointer (&self->query, g_free);
  if (text[0] != '\0')
    self->query = g_utf8_casefold (text, -1);
  self->syncing = TRUE;
  refilter (self);
  gtk_single_selection_set_selected (self->selection, position_of (self, selected));
  self->syncing = FALSE;
  if (kurs_timeline_list_get_selected (self) < 0)
    scroll_to_top (self);
}

/* Enter in the search goes to the first item found */
static void
search_activate_cb (KursTimelineList *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint p = 0; p < g_list_model_get_n_items (model); p++)
    {
      g_autoptr(KursTimelineEntry) entry = g_list_model_get_item (model, p);

      if (kurs_timeline_entry_get_item (entry) >= 0)
        {
          gtk_single_selection_set_selected (self->selection, p);
          gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", p);
          return;
        }
    }
}

/* GtkWidget */

static void
kurs_timeline_list_map (GtkWidget *widget)
{
  KursTimelineList *self = KURS_TIMELINE_LIST (widget);

  GTK_WIDGET_CLASS (kurs_timeline_list_parent_class)->map (widget);

  if (self->stale)
    fill (self);
}

static gboolean
kurs_timeline_list_grab_focus (GtkWidget *widget)
{
  KursTimelineList *self = KURS_TIMELINE_LIST (widget);

  return gtk_widget_grab_focus (self->list_view);
}

static void
kurs_timeline_list_constructed (GObject *object)
{
  KursTimelineList *self = KURS_TIMELINE_LIST (object);

  G_OBJECT_CLASS (kurs_timeline_list_parent_class)->constructed (object);

  g_signal_connect_object (self->timeline, "changed", G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
  self->stale = TRUE;
}

static void
kurs_timeline_list_dispose (GObject *object)
{
  KursTimelineList *self = KURS_TIMELINE_LIST (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (kurs_timeline_list_parent_class)->dispose (object);
}

static void
kurs_timeline_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KursTimelineList *self = KURS_TIMELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      self->timeline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_timeline_list_class_init (KursTimelineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kurs_timeline_list_constructed;
  object_class->dispose = kurs_timeline_list_dispose;
  object_class->set_property = kurs_timeline_list_set_property;
  widget_class->map = kurs_timeline_list_map;
  widget_class->grab_focus = kurs_timeline_list_grab_focus;

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, KURS_TYPE_TIMELINE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KursTimelineList::item-activated:
   * @index: the item in the timeline
   *
   * Enter or a double click: the item's editor is wanted.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kurs_timeline_list_init (KursTimelineList *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->entries = g_list_store_new (KURS_TYPE_TIMELINE_ENTRY);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "timeline-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline Items"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* Typing in the list searches it */
  self->search_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the Timeline"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           G_CONNECT_SWAPPED);
  self->search_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), self->search_entry);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (self->search_bar), GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (box), self->search_bar);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
kurs_timeline_list_new (KursTimeline *timeline)
{
  g_return_val_if_fail (KURS_IS_TIMELINE (timeline), NULL);

  return g_object_new (KURS_TYPE_TIMELINE_LIST, "timeline", timeline, NULL);
}

/**
 * kurs_timeline_list_select:
 * @index: an item of the timeline, or -1
 *
 * Selects the item's row and brings it into view.
 */
void
kurs_timeline_list_select (KursTimelineList *self,
                           int               index)
{
  guint position;

  g_return_if_fail (KURS_IS_TIMELINE_LIST (self));

  if (self->stale && gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
  position = position_of (self, index);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  else
    scroll_to_top (self);
}

/**
 * kurs_timeline_list_get_selected:
 *
 * Returns: the selected item's index in the timeline, or -1
 */
int
kurs_timeline_list_get_selected (KursTimelineList *self)
{
  KursTimelineEntry *entry;

  g_return_val_if_fail (KURS_IS_TIMELINE_LIST (self), -1);

  entry = gtk_single_selection_get_selected_item (self->selection);
  return entry != NULL ? kurs_timeline_entry_get_item (entry) : -1;
}

/**
 * kurs_timeline_list_search:
 *
 * Shows only the items whose titles hold @text, as typing does.
 */
void
kurs_timeline_list_search (KursTimelineList *self,
                           const char       *text)
{
  g_return_if_fail (KURS_IS_TIMELINE_LIST (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

/**
 * kurs_timeline_list_get_model:
 *
 * Returns: (transfer none): the rows shown, of KursTimelineEntry
 */
GListModel *
kurs_timeline_list_get_model (KursTimelineList *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}
