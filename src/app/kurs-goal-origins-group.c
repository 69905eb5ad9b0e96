/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-goal-origins-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-goal-origins-group.h"

/**
 * KursGoalOriginsGroup:
 *
 * Inside a development goal's row: where the goal came from — the
 * workshop outputs that shaped it, each with its workshop and date — kept
 * up to date as outputs are linked on the process page.
 */
struct _KursGoalOriginsGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget  *list;

  KursStore  *store;
  KursRecord *goal;
};

G_DEFINE_FINAL_TYPE (KursGoalOriginsGroup, kurs_goal_origins_group, ADW_TYPE_PREFERENCES_GROUP)

static void
fill (KursGoalOriginsGroup *self)
{
  g_autoptr(GPtrArray) links = NULL;

  if (kurs_record_is_deleted (self->goal))
    return;

  kurs_boxed_list_clear (GTK_LIST_BOX (self->list));

  links = kurs_store_list_by_field (self->store, KURS_ENTITY_OUTPUT_GOAL, "goal_id",
                                    kurs_record_get_id (self->goal), NULL);
  for (guint i = 0; i < links->len; i++)
    {
      g_autoptr(KursRecord) output = kurs_store_get (self->store, KURS_ENTITY_WORKSHOP_OUTPUT,
                                                     kurs_record_get_parent_id (links->pdata[i]));
      g_autoptr(KursRecord) milestone = NULL;
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *escaped_subtitle = NULL;
      GtkWidget *row;

      if (output == NULL)
        continue;
      milestone = kurs_store_get (self->store, KURS_ENTITY_MILESTONE, kurs_record_get_parent_id (output));
      if (milestone == NULL)
        continue;

      date = kurs_date_format_local (kurs_record_get_date (milestone, "start_date"));
      subtitle = g_strdup_printf ("%s · %s", date, kurs_record_get_title (milestone));
      escaped = g_markup_escape_text (kurs_record_get_title (output), -1);
      escaped_subtitle = g_markup_escape_text (subtitle, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emoji-people-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
store_changed_cb (KursGoalOriginsGroup *self,
                  guint                 entities)
{
  if (entities & ((1u << KURS_ENTITY_OUTPUT_GOAL) | (1u << KURS_ENTITY_WORKSHOP_OUTPUT)
                  | (1u << KURS_ENTITY_MILESTONE)))
    fill (self);
}

static void
kurs_goal_origins_group_dispose (GObject *object)
{
  KursGoalOriginsGroup *self = KURS_GOAL_ORIGINS_GROUP (object);

  g_clear_object (&self->goal);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_goal_origins_group_parent_class)->dispose (object);
}

static void
kurs_goal_origins_group_class_init (KursGoalOriginsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_goal_origins_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-goal-origins-group.ui");
}

static void
kurs_goal_origins_group_init (KursGoalOriginsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = kurs_boxed_list_new (_("Where It Came From"),
                                    _("No workshop output is linked to this goal yet; link them on the "
                                      "Process Plan page"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);
}

/**
 * kurs_goal_origins_group_new:
 *
 * Returns: (transfer floating): the group of @goal's origins
 */
GtkWidget *
kurs_goal_origins_group_new (KursStore  *store,
                             KursRecord *goal)
{
  KursGoalOriginsGroup *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (goal), NULL);

  self = g_object_new (KURS_TYPE_GOAL_ORIGINS_GROUP, NULL);
  self->store = g_object_ref (store);
  self->goal = g_object_ref (goal);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_goal_origins_group_get_list:
 *
 * Returns: (transfer none): the list of the outputs, a row each
 */
GtkListBox *
kurs_goal_origins_group_get_list (KursGoalOriginsGroup *self)
{
  g_return_val_if_fail (KURS_IS_GOAL_ORIGINS_GROUP (self), NULL);

  return GTK_LIST_BOX (self->list);
}
