/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-timeline-filter.h"

/**
 * KursTimelineFilter:
 *
 * The timeline's "Lanes and Filter" popover: a lane each to show or fold,
 * the kinds of item to show, and the committee and owner to narrow to.
 * The committees and owners are those of the timeline as it is when the
 * popover opens.
 */

#define MAX_KINDS 32

struct _KursTimelineFilter
{
  GtkPopover        parent_instance;

  GtkWidget        *lanes;
  GtkWidget        *kinds;
  GtkWidget        *committee;
  GtkWidget        *owner;
  GtkWidget        *calendar_checks[4];   /* as calendar_layers[] */
  GtkWidget        *baseline;
  GBinding         *baseline_binding;

  KursTimelineView *view;
  KursTimeline     *timeline;
  GtkWidget        *lane_checks[KURS_N_LANES];
  GtkWidget        *kind_checks[MAX_KINDS];
  guint             kind_bits[MAX_KINDS];
  guint             n_kinds;
  gboolean          filling;     /* the dropdowns' choices are being made */
};

G_DEFINE_FINAL_TYPE (KursTimelineFilter, kurs_timeline_filter, GTK_TYPE_POPOVER)

static void
lane_toggled_cb (KursTimelineFilter *self,
                 GtkCheckButton     *check)
{
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    if (GTK_WIDGET (check) == self->lane_checks[lane])
      kurs_timeline_view_set_lane_collapsed (self->view, lane, !gtk_check_button_get_active (check));
}

static void
kind_toggled_cb (KursTimelineFilter *self,
                 GtkCheckButton     *check)
{
  guint hidden = kurs_timeline_get_hidden (self->timeline);

  for (guint k = 0; k < self->n_kinds; k++)
    if (GTK_WIDGET (check) == self->kind_checks[k])
      hidden = gtk_check_button_get_active (check) ? hidden & ~self->kind_bits[k] : hidden | self->kind_bits[k];
  kurs_timeline_set_filter (self->timeline, hidden, kurs_timeline_get_committee (self->timeline),
                            kurs_timeline_get_owner (self->timeline));
}

/* The calendar's checks in the template, and the layer each shows */
static const struct {
  const char         *id;
  KursCalendarLayers  layer;
} calendar_layers[] = {
  { "weeks", KURS_CALENDAR_WEEKS },
  { "holidays", KURS_CALENDAR_HOLIDAYS },
  { "council", KURS_CALENDAR_COUNCIL },
  { "budget", KURS_CALENDAR_BUDGET },
};

static void
calendar_toggled_cb (KursTimelineFilter *self,
                     GtkCheckButton     *check)
{
  KursCalendarLayers shown = 0;

  if (self->view == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (calendar_layers); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->calendar_checks[i])))
      shown |= calendar_layers[i].layer;
  kurs_timeline_view_set_calendar (self->view, shown);
}

static const char *
dropdown_choice (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  /* The first choice is "All" */
  return item != NULL && gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) > 0
         ? gtk_string_object_get_string (item) : NULL;
}

static void
narrow_changed_cb (KursTimelineFilter *self)
{
  if (self->filling || self->timeline == NULL)
    return;

  kurs_timeline_set_filter (self->timeline, kurs_timeline_get_hidden (self->timeline),
                            dropdown_choice (self->committee), dropdown_choice (self->owner));
}

/* The choices, with the one chosen kept chosen */
static void
fill_dropdown (GtkWidget  *dropdown,
               GStrv       choices,
               const char *chosen)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  /* Translators: the choice that narrows nothing, in the timeline's filter */
  gtk_string_list_append (model, _("All"));
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      gtk_string_list_append (model, choices[i]);
      if (g_strcmp0 (choices[i], chosen) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (model));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
}

static void
kurs_timeline_filter_show (GtkWidget *widget)
{
  KursTimelineFilter *self = KURS_TIMELINE_FILTER (widget);

  if (self->timeline != NULL)
    {
      g_auto(GStrv) committees = kurs_timeline_list_committees (self->timeline);
      g_auto(GStrv) owners = kurs_timeline_list_owners (self->timeline);

      self->filling = TRUE;
      fill_dropdown (self->committee, committees, kurs_timeline_get_committee (self->timeline));
      fill_dropdown (self->owner, owners, kurs_timeline_get_owner (self->timeline));
      self->filling = FALSE;
      for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->lane_checks[lane]),
                                     !kurs_timeline_view_get_lane_collapsed (self->view, lane));
    }

  GTK_WIDGET_CLASS (kurs_timeline_filter_parent_class)->show (widget);
}

static GtkWidget *
add_kind (KursTimelineFilter *self,
          const char         *label,
          guint               bit)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_assert (self->n_kinds < MAX_KINDS);
  self->kind_checks[self->n_kinds] = check;
  self->kind_bits[self->n_kinds] = bit;
  self->n_kinds++;
  g_signal_connect_object (check, "toggled", G_CALLBACK (kind_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->kinds), check);
  return check;
}

static void
kurs_timeline_filter_dispose (GObject *object)
{
  KursTimelineFilter *self = KURS_TIMELINE_FILTER (object);

  g_clear_pointer (&self->baseline_binding, g_binding_unbind);
  g_clear_object (&self->timeline);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (kurs_timeline_filter_parent_class)->dispose (object);
}

static void
kurs_timeline_filter_class_init (KursTimelineFilterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_timeline_filter_dispose;
  widget_class->show = kurs_timeline_filter_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-timeline-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, KursTimelineFilter, lanes);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineFilter, kinds);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineFilter, committee);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineFilter, owner);
  G_STATIC_ASSERT (G_N_ELEMENTS (calendar_layers) == G_N_ELEMENTS (((KursTimelineFilter *) NULL)->calendar_checks));
  for (guint i = 0; i < G_N_ELEMENTS (calendar_layers); i++)
    gtk_widget_class_bind_template_child_full (widget_class, calendar_layers[i].id, FALSE,
                                               G_STRUCT_OFFSET (KursTimelineFilter, calendar_checks[i]));
  gtk_widget_class_bind_template_callback (widget_class, narrow_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineFilter, baseline);
}

static void
kurs_timeline_filter_init (KursTimelineFilter *self)
{
  const KursField *kind_field = kurs_entity_info_get_field (kurs_entity_info (KURS_ENTITY_MILESTONE), "kind");
  static const struct { guint bit; const char *label; } others[] = {
    { KURS_TIMELINE_FILTER_HEARINGS, N_("Hearing rounds") },
    { KURS_TIMELINE_FILTER_ACTION_PLANS, N_("Action plans") },
    { KURS_TIMELINE_FILTER_INITIATIVES, N_("Initiatives") },
    { KURS_TIMELINE_FILTER_CORRECTIONS, N_("Course corrections") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    {
      self->lane_checks[lane] = gtk_check_button_new_with_label (kurs_lane_get_title (lane));
      g_signal_connect_object (self->lane_checks[lane], "toggled", G_CALLBACK (lane_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->lanes), self->lane_checks[lane]);
    }

  /* A milestone's kinds, then the other items */
  for (guint k = 0; k < kind_field->enum_info->n_values; k++)
    add_kind (self, kurs_enum_info_to_label (kind_field->enum_info, (int) k), 1u << k);
  for (guint k = 0; k < G_N_ELEMENTS (others); k++)
    add_kind (self, _(others[k].label), others[k].bit);
}

/**
 * kurs_timeline_filter_set_view:
 *
 * Sets the timeline view whose lanes and items the popover shows and hides.
 */
void
kurs_timeline_filter_set_view (KursTimelineFilter *self,
                               KursTimelineView   *view)
{
  g_return_if_fail (KURS_IS_TIMELINE_FILTER (self));
  g_return_if_fail (KURS_IS_TIMELINE_VIEW (view));

  g_set_object (&self->view, view);
  g_set_object (&self->timeline, kurs_timeline_view_get_timeline (view));

  /* Each check as the view is, before it answers to toggling */
  for (KursLane lane = 0; lane < KURS_N_LANES; lane++)
    {
      g_signal_handlers_block_by_func (self->lane_checks[lane], lane_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->lane_checks[lane]),
                                   !kurs_timeline_view_get_lane_collapsed (view, lane));
      g_signal_handlers_unblock_by_func (self->lane_checks[lane], lane_toggled_cb, self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (calendar_layers); i++)
    {
      GtkWidget *check = self->calendar_checks[i];

      g_signal_handlers_block_by_func (check, calendar_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   (kurs_timeline_view_get_calendar (view) & calendar_layers[i].layer) != 0);
      g_signal_handlers_unblock_by_func (check, calendar_toggled_cb, self);
    }
  /* the baseline, drawn or not, as the view has it */
  g_clear_pointer (&self->baseline_binding, g_binding_unbind);
  self->baseline_binding = g_object_bind_property (view, "show-baseline", self->baseline, "active",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  for (guint k = 0; k < self->n_kinds; k++)
    {
      g_signal_handlers_block_by_func (self->kind_checks[k], kind_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[k]),
                                   !(kurs_timeline_get_hidden (self->timeline) & self->kind_bits[k]));
      g_signal_handlers_unblock_by_func (self->kind_checks[k], kind_toggled_cb, self);
    }
}

/**
 * kurs_timeline_filter_get_calendar_check:
 * @layer: one layer of the calendar
 *
 * Returns: (transfer none): the check that shows @layer of the Danish
 *   calendar
 */
GtkCheckButton *
kurs_timeline_filter_get_calendar_check (KursTimelineFilter *self,
                                         KursCalendarLayers  layer)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (calendar_layers); i++)
    if (calendar_layers[i].layer == layer)
      return GTK_CHECK_BUTTON (self->calendar_checks[i]);
  g_return_val_if_reached (NULL);
}

/**
 * kurs_timeline_filter_get_lane_check:
 *
 * Returns: (transfer none): the check that shows @lane
 */
GtkCheckButton *
kurs_timeline_filter_get_lane_check (KursTimelineFilter *self,
                                     KursLane            lane)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);
  g_return_val_if_fail (lane < KURS_N_LANES, NULL);

  return GTK_CHECK_BUTTON (self->lane_checks[lane]);
}

/**
 * kurs_timeline_filter_get_kind_check:
 * @filter_bit: the bit of kurs_timeline_set_filter()'s hidden kinds
 *
 * Returns: (transfer none) (nullable): the check that shows that kind
 */
GtkCheckButton *
kurs_timeline_filter_get_kind_check (KursTimelineFilter *self,
                                     guint               filter_bit)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);

  for (guint k = 0; k < self->n_kinds; k++)
    if (self->kind_bits[k] == filter_bit)
      return GTK_CHECK_BUTTON (self->kind_checks[k]);
  return NULL;
}

/**
 * kurs_timeline_filter_get_committee:
 *
 * Returns: (transfer none): the committee to narrow to, "All" first
 */
GtkDropDown *
kurs_timeline_filter_get_committee (KursTimelineFilter *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);

  return GTK_DROP_DOWN (self->committee);
}

/**
 * kurs_timeline_filter_get_owner:
 *
 * Returns: (transfer none): the owner to narrow to, "All" first
 */
GtkDropDown *
kurs_timeline_filter_get_owner (KursTimelineFilter *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);

  return GTK_DROP_DOWN (self->owner);
}

/**
 * kurs_timeline_filter_get_baseline_check:
 *
 * Returns: (transfer none): the check that shows the baseline
 */
GtkCheckButton *
kurs_timeline_filter_get_baseline_check (KursTimelineFilter *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_FILTER (self), NULL);

  return GTK_CHECK_BUTTON (self->baseline);
}
