/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-toolbar"

#include "config.h"

#include "kurs-timeline-toolbar.h"

/**
 * KursTimelineToolbar:
 *
 * Over the timeline: zoom out and in, the whole period, the lanes and
 * filter, and the items as a list in place of the drawing.  Its
 * "list-shown" property says whether the list is asked for.
 */
struct _KursTimelineToolbar
{
  GtkBox            parent_instance;

  GtkWidget        *filter;
  GtkWidget        *list_toggle;

  KursTimelineView *view;
};

G_DEFINE_FINAL_TYPE (KursTimelineToolbar, kurs_timeline_toolbar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_LIST_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KursTimelineToolbar *self = KURS_TIMELINE_TOOLBAR (widget);

  if (self->view != NULL)
    kurs_timeline_view_zoom (self->view, g_variant_get_double (parameter));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KursTimelineToolbar *self = KURS_TIMELINE_TOOLBAR (widget);

  if (self->view != NULL)
    kurs_timeline_view_fit_period (self->view);
}

static void
list_toggled_cb (KursTimelineToolbar *self)
{
  gboolean shown = kurs_timeline_toolbar_get_list_shown (self);

  /* The list has nothing to zoom */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "toolbar.zoom", !shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "toolbar.fit", !shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_SHOWN]);
}

static void
kurs_timeline_toolbar_dispose (GObject *object)
{
  KursTimelineToolbar *self = KURS_TIMELINE_TOOLBAR (object);

  g_clear_object (&self->view);

  G_OBJECT_CLASS (kurs_timeline_toolbar_parent_class)->dispose (object);
}

static void
kurs_timeline_toolbar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KursTimelineToolbar *self = KURS_TIMELINE_TOOLBAR (object);

  switch (prop_id)
    {
    case PROP_LIST_SHOWN:
      g_value_set_boolean (value, kurs_timeline_toolbar_get_list_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_timeline_toolbar_class_init (KursTimelineToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kurs_timeline_toolbar_dispose;
  object_class->get_property = kurs_timeline_toolbar_get_property;

  properties[PROP_LIST_SHOWN] =
    g_param_spec_boolean ("list-shown", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KURS_TYPE_TIMELINE_FILTER);
  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-timeline-toolbar.ui");
  gtk_widget_class_bind_template_child (widget_class, KursTimelineToolbar, filter);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineToolbar, list_toggle);

  gtk_widget_class_install_action (widget_class, "toolbar.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "toolbar.fit", NULL, fit_action);
}

static void
kurs_timeline_toolbar_init (KursTimelineToolbar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list_toggle, "toggled", G_CALLBACK (list_toggled_cb), self, G_CONNECT_SWAPPED);
}

/**
 * kurs_timeline_toolbar_new:
 * @view: the timeline the tools act on
 *
 * Returns: (transfer floating): the toolbar
 */
GtkWidget *
kurs_timeline_toolbar_new (KursTimelineView *view)
{
  KursTimelineToolbar *self;

  g_return_val_if_fail (KURS_IS_TIMELINE_VIEW (view), NULL);

  self = g_object_new (KURS_TYPE_TIMELINE_TOOLBAR, NULL);
  self->view = g_object_ref (view);
  kurs_timeline_filter_set_view (KURS_TIMELINE_FILTER (self->filter), view);

  return GTK_WIDGET (self);
}

/**
 * kurs_timeline_toolbar_get_list_shown:
 *
 * Returns: whether the list of the items in words is asked for
 */
gboolean
kurs_timeline_toolbar_get_list_shown (KursTimelineToolbar *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_TOOLBAR (self), FALSE);

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->list_toggle));
}

/**
 * kurs_timeline_toolbar_get_filter:
 *
 * Returns: (transfer none): the "Lanes and Filter" popover
 */
KursTimelineFilter *
kurs_timeline_toolbar_get_filter (KursTimelineToolbar *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_TOOLBAR (self), NULL);

  return KURS_TIMELINE_FILTER (self->filter);
}

/**
 * kurs_timeline_toolbar_set_list_shown:
 *
 * Asks for the items as a list, in place of the drawing, or for the
 * drawing again, as the List button does.
 */
void
kurs_timeline_toolbar_set_list_shown (KursTimelineToolbar *self,
                                      gboolean             shown)
{
  g_return_if_fail (KURS_IS_TIMELINE_TOOLBAR (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->list_toggle), shown);
}
