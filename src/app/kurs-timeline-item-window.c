/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-timeline-item-window"

#include "config.h"

#include "kurs-field-editors.h"
#include "kurs-timeline-item-window.h"

/**
 * KursTimelineItemWindow:
 *
 * The editor of a timeline item, in a small window of its own over the
 * main one: the fields of its kind, and its title in the header as it is
 * typed.  Escape closes it.  (A popover was tried first: GTK 4.8 keeps an
 * autohide popover alive after it closes now and then, and with it the
 * store.)
 */
struct _KursTimelineItemWindow
{
  AdwWindow   parent_instance;

  GtkWidget  *title;
  GtkWidget  *editors;

  KursRecord *record;
};

G_DEFINE_FINAL_TYPE (KursTimelineItemWindow, kurs_timeline_item_window, ADW_TYPE_WINDOW)

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

static const char * const *
fields_of (KursTimelineKind kind)
{
  switch (kind)
    {
    case KURS_TIMELINE_MILESTONE:
      return milestone_fields;
    case KURS_TIMELINE_HEARING:
      return hearing_fields;
    case KURS_TIMELINE_ACTION_PLAN:
      return plan_fields;
    case KURS_TIMELINE_INITIATIVE:
      return initiative_fields;
    case KURS_TIMELINE_CORRECTION:
    default:
      return correction_fields;
    }
}

static void
record_changed_cb (KursTimelineItemWindow *self)
{
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), kurs_record_get_title (self->record));
}

static void
kurs_timeline_item_window_dispose (GObject *object)
{
  KursTimelineItemWindow *self = KURS_TIMELINE_ITEM_WINDOW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (kurs_timeline_item_window_parent_class)->dispose (object);
}

static void
kurs_timeline_item_window_class_init (KursTimelineItemWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_timeline_item_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-timeline-item-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KursTimelineItemWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KursTimelineItemWindow, editors);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kurs_timeline_item_window_init (KursTimelineItemWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kurs_timeline_item_window_new:
 * @parent: (nullable): the window it is over
 * @item: the item to edit
 * @record: (transfer none): its row (kurs_timeline_get_record())
 *
 * Returns: (transfer full): the window, not yet shown
 */
GtkWidget *
kurs_timeline_item_window_new (GtkWindow              *parent,
                               KursStore              *store,
                               const KursTimelineItem *item,
                               KursRecord             *record)
{
  KursTimelineItemWindow *self;
  const char * const *fields;
  g_autofree char *kind = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  kind = kurs_timeline_item_get_kind_label (item);
  self = g_object_new (KURS_TYPE_TIMELINE_ITEM_WINDOW, "title", kind, "transient-for", parent, NULL);
  self->record = g_object_ref (record);

  fields = fields_of (item->kind);
  for (guint i = 0; fields[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->editors), kurs_field_editor_new (store, record, fields[i]));

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), kind);
  g_signal_connect_object (record, "changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  record_changed_cb (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_timeline_item_window_get_record:
 *
 * Returns: (transfer none): the record the window edits
 */
KursRecord *
kurs_timeline_item_window_get_record (KursTimelineItemWindow *self)
{
  g_return_val_if_fail (KURS_IS_TIMELINE_ITEM_WINDOW (self), NULL);

  return self->record;
}
