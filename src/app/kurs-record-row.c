/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-editors.h"
#include "kurs-record-row.h"
#include "kurs-text-area.h"

/**
 * KursRecordRow:
 *
 * One row of a list — a goal, a principle, a target group — as an
 * expander: its title on the row, its editors inside, and a menu to move
 * it up or down (where the list has an order of its own) and to delete it
 * (with Undo in a toast).  The editors are made the first time the row is
 * expanded, and the menu the first time it opens: a long list costs only
 * its titles.
 */
typedef struct
{
  KursStore            *store;
  KursRecord           *record;
  GtkWidget            *menu_button;
  KursRecordRowDescribe describe;
  KursRecordRowDescribe title;     /* where the record's own title is not its name */
  KursRecordRowPopulate populate;
  gpointer              populate_data;
  GtkWidget            *first_editor;   /* not owned: the row's child */
  guint                 focus_tick;     /* while it waits to give it the keyboard */
  guint                 focus_tries;
  guint                 scroll_tick;    /* while it opens: kept in sight */
  guint                 scroll_frames;
} KursRecordRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KursRecordRow, kurs_record_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_writable (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  return kurs_store_check_editable (priv->store, kurs_record_get_entity (priv->record),
                                    kurs_record_get_strategy_id (priv->record), NULL);
}

static void
update_title (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_autofree char *own_title = priv->title ? priv->title (priv->store, priv->record)
                                           : kurs_store_get_record_name (priv->store, priv->record);
  const char *title = own_title;
  g_autofree char *escaped = g_markup_escape_text (*title ? title : _("Untitled"), -1);
  g_autofree char *menu_label = g_strdup_printf (_("Actions for “%s”"), *title ? title : _("Untitled"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);
  /* The row as a whole, whose actions (open, move, delete) a screen
   * reader offers, is named as its title says */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *title ? title : _("Untitled"), -1);
  if (priv->describe)
    {
      g_autofree char *subtitle = priv->describe (priv->store, priv->record);
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle ? subtitle : "", -1);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped_subtitle);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_widget_set_tooltip_text (priv->menu_button, menu_label);
  gtk_widget_set_visible (priv->menu_button, is_writable (self));
}

static guint
index_among_siblings (KursRecordRow *self,
                      guint         *n_siblings)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_autoptr(GPtrArray) siblings = kurs_store_list (priv->store, kurs_record_get_entity (priv->record),
                                                   kurs_record_get_parent_id (priv->record), NULL);
  guint index = 0;

  g_ptr_array_find (siblings, priv->record, &index);
  *n_siblings = siblings->len;
  return index;
}

static void
move (KursRecordRow *self,
      int            step)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  guint n, index = index_among_siblings (self, &n);

  if ((step < 0 && index == 0) || (step > 0 && index + 1 >= n))
    return;

  if (!kurs_store_move (priv->store, priv->record, index + step, &error))
    kurs_show_error (GTK_WIDGET (self), error);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (KURS_RECORD_ROW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (KURS_RECORD_ROW (widget), +1);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (widget);

  if (adw_expander_row_get_expanded (row))
    adw_expander_row_set_expanded (row, FALSE);
  else
    kurs_record_row_open (KURS_RECORD_ROW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KursRecordRow *self = KURS_RECORD_ROW (widget);
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) window = NULL;
  g_autofree char *message = NULL;
  g_autofree char *own_title = priv->title ? priv->title (priv->store, priv->record)
                                           : kurs_store_get_record_name (priv->store, priv->record);
  const char *title = own_title;

  /* The list drops this row as the record goes: the toast is the
   * window's to show. */
  window = GTK_WIDGET (g_object_ref (gtk_widget_get_root (widget)));
  message = g_strdup_printf (_("“%s” deleted"), *title ? title : _("Untitled"));
  if (!kurs_store_delete (priv->store, priv->record, &error))
    kurs_show_error (widget, error);
  else
    gtk_widget_activate_action (window, "win.show-undo-toast", "s", message);
}

/* Before the menu opens: a row cannot move past either end */
static void
menu_opened_cb (KursRecordRow *self)
{
  guint n, index = index_among_siblings (self, &n);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", index + 1 < n);
}

static void
expanded_cb (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  KursRecordRowPopulate populate = priv->populate;

  if (populate == NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  priv->populate = NULL;
  populate (self, priv->populate_data);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  KursRecordRow *self = user_data;
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) order = NULL;
  g_autoptr(GMenu) remove = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  order = g_menu_new ();
  remove = g_menu_new ();
  if (kurs_record_get_info (priv->record)->ordered)
    {
      g_menu_append (order, _("Move _Up"), "row.move-up");
      g_menu_append (order, _("Move _Down"), "row.move-down");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
    }
  g_menu_append (remove, _("_Delete"), "row.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
kurs_record_row_constructed (GObject *object)
{
  KursRecordRow *self = KURS_RECORD_ROW (object);
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  G_OBJECT_CLASS (kurs_record_row_parent_class)->constructed (object);

  g_signal_connect_object (priv->record, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
}

static void
kurs_record_row_dispose (GObject *object)
{
  KursRecordRow *self = (KursRecordRow *) object;
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  g_clear_object (&priv->record);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (kurs_record_row_parent_class)->dispose (object);
}

static void
kurs_record_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (KURS_RECORD_ROW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_record_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (KURS_RECORD_ROW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      priv->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_record_row_class_init (KursRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kurs_record_row_constructed;
  object_class->dispose = kurs_record_row_dispose;
  object_class->get_property = kurs_record_row_get_property;
  object_class->set_property = kurs_record_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KURS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, KURS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  /* Opens or closes the row: for assistive technologies, which see the
   * widget's actions; people use Enter or a click on the row */
  gtk_widget_class_install_action (widget_class, "row.toggle", NULL, toggle_action);
}

static void
kurs_record_row_init (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  priv->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (priv->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (priv->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (priv->menu_button, "flat");
  g_signal_connect_swapped (priv->menu_button, "notify::active", G_CALLBACK (menu_opened_cb), self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (priv->menu_button), create_menu_cb, self, NULL);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), priv->menu_button);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
}

/**
 * kurs_record_row_new:
 * @describe: (nullable): makes the row's subtitle from the record
 *
 * Returns: (transfer floating): a row for @record, with no editors yet
 */
GtkWidget *
kurs_record_row_new (KursStore             *store,
                     KursRecord            *record,
                     KursRecordRowDescribe  describe)
{
  KursRecordRow *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_object_new (KURS_TYPE_RECORD_ROW, "store", store, "record", record, NULL);
  kurs_record_row_set_describe (self, describe);

  return GTK_WIDGET (self);
}

/**
 * kurs_record_row_set_describe:
 * @describe: (nullable): makes the row's subtitle from the record
 */
void
kurs_record_row_set_describe (KursRecordRow         *self,
                              KursRecordRowDescribe  describe)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  g_return_if_fail (KURS_IS_RECORD_ROW (self));
  g_return_if_fail (priv->describe == NULL);

  priv->describe = describe;
  /* a subtitle may show other rows' titles (a goal's focus area) */
  if (describe != NULL)
    g_signal_connect_object (priv->store, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
}

KursRecord *
kurs_record_row_get_record (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_val_if_fail (KURS_IS_RECORD_ROW (self), NULL);

  return priv->record;
}

KursStore *
kurs_record_row_get_store (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_val_if_fail (KURS_IS_RECORD_ROW (self), NULL);

  return priv->store;
}

/**
 * kurs_record_row_set_title_func:
 * @title: names the row from its record, where the record's title is not
 *   its name (a hearing party is named by its stakeholder)
 */
void
kurs_record_row_set_title_func (KursRecordRow         *self,
                                KursRecordRowDescribe  title)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_if_fail (KURS_IS_RECORD_ROW (self));

  priv->title = title;
  update_title (self);
}

/**
 * kurs_record_row_set_populate:
 * @populate: adds the row's editors
 * @user_data: for @populate; it must outlive the row
 *
 * Sets how the row's editors are made, the first time it is expanded.
 */
void
kurs_record_row_set_populate (KursRecordRow         *self,
                              KursRecordRowPopulate  populate,
                              gpointer               user_data)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_if_fail (KURS_IS_RECORD_ROW (self));

  priv->populate = populate;
  priv->populate_data = user_data;
  expanded_cb (self);
}

/* The keyboard to the first editor, its text selected; whether it took it */
static gboolean
focus_first_editor (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  gboolean focused;

  if (priv->first_editor == NULL)
    return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);

  if (KURS_IS_TEXT_AREA (priv->first_editor))
    {
      kurs_text_area_focus (KURS_TEXT_AREA (priv->first_editor), TRUE);
      return TRUE;
    }
  focused = gtk_widget_grab_focus (priv->first_editor) || gtk_widget_child_focus (priv->first_editor,
                                                                                   GTK_DIR_TAB_FORWARD);
  if (focused && GTK_IS_EDITABLE (priv->first_editor))
    gtk_editable_select_region (GTK_EDITABLE (priv->first_editor), 0, -1);
  return focused;
}

/* A row opened before its window was laid out (Kurs started at a record)
 * gives its editor the keyboard as soon as it can take it */
static gboolean
retry_focus_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  KursRecordRow *self = KURS_RECORD_ROW (widget);
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  if (focus_first_editor (self) || ++priv->focus_tries > 60)
    {
      priv->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The opened row in sight in the scrolled page it is on: where it does
 * not fit below what is shown, its top at the top; each frame while it
 * opens, as the expander grows for a while */
static gboolean
keep_in_sight_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KursRecordRow *self = KURS_RECORD_ROW (widget);
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  graphene_rect_t bounds;

  if (content != NULL && gtk_widget_compute_bounds (widget, content, &bounds))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double top = bounds.origin.y - 12;
      double bottom = bounds.origin.y + bounds.size.height + 12;

      /* Where it does not fit below, it goes to the top */
      if (top < value || bottom > value + page)
        gtk_adjustment_set_value (adjustment, top);
    }

  if (++priv->scroll_frames >= 30)
    {
      priv->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * kurs_record_row_open:
 *
 * Expands the row, making its editors, and moves the keyboard focus to
 * its first editor, with the text there selected, to be typed over.
 */
void
kurs_record_row_open (KursRecordRow *self)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);

  g_return_if_fail (KURS_IS_RECORD_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (!focus_first_editor (self) && priv->focus_tick == 0)
    {
      priv->focus_tries = 0;
      priv->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), retry_focus_cb, NULL, NULL);
    }
  priv->scroll_frames = 0;
  if (priv->scroll_tick == 0)
    priv->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), keep_in_sight_cb, NULL, NULL);
}

/**
 * kurs_record_row_add_editor:
 *
 * Adds an editor (or any widget) inside the row.
 */
void
kurs_record_row_add_editor (KursRecordRow *self,
                            GtkWidget     *editor)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_if_fail (KURS_IS_RECORD_ROW (self));

  /* Text areas are not rows: give them the room rows have */
  if (KURS_IS_TEXT_AREA (editor))
    {
      gtk_widget_set_margin_start (editor, 12);
      gtk_widget_set_margin_end (editor, 12);
      gtk_widget_set_margin_top (editor, 8);
      gtk_widget_set_margin_bottom (editor, 12);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), editor);
  if (priv->first_editor == NULL)
    priv->first_editor = editor;
}

/**
 * kurs_record_row_add_fields:
 * @fields: %NULL-terminated names of the record's fields
 *
 * Adds the editor each field's type wants, in order.
 */
void
kurs_record_row_add_fields (KursRecordRow      *self,
                            const char * const *fields)
{
  KursRecordRowPrivate *priv = kurs_record_row_get_instance_private (self);
  g_return_if_fail (KURS_IS_RECORD_ROW (self));

  for (guint i = 0; fields[i]; i++)
    kurs_record_row_add_editor (self, kurs_field_editor_new (priv->store, priv->record, fields[i]));
}

static void
populate_fields (KursRecordRow *self,
                 gpointer       fields)
{
  kurs_record_row_add_fields (self, fields);
}

/**
 * kurs_record_row_set_fields:
 * @fields: %NULL-terminated names of the record's fields, in storage that
 *   outlives the row (a static array)
 *
 * The row's editors are those of @fields, made when it is first expanded.
 */
void
kurs_record_row_set_fields (KursRecordRow      *self,
                            const char * const *fields)
{
  kurs_record_row_set_populate (self, populate_fields, (gpointer) fields);
}
