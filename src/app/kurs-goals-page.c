/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-goals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-goals-page.h"
#include "kurs-health.h"
#include "kurs-horizon-row.h"
#include "kurs-record-row.h"

/* The development goals, in an order of their own, each with its focus
 * area and its sub-goals with a time horizon. */

struct _KursGoalsPage
{
  KursPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KursGoalsPage, kurs_goals_page, KURS_TYPE_PAGE)

static const char * const subgoal_fields[] = { "title", NULL };
static const char * const goal_fields[] = { "title", "description", "focus_area_id", NULL };

static void
populate_subgoal (KursRecordRow *row,
                  gpointer       user_data)
{
  kurs_record_row_add_fields (row, subgoal_fields);
  kurs_record_row_add_editor (row, kurs_horizon_row_new (kurs_record_row_get_store (row),
                                                         kurs_record_row_get_record (row)));
}

static GtkWidget *
create_subgoal_row (KursRecord *record,
                    gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, kurs_horizon_describe);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_subgoal, page);
  return row;
}

static KursRecord *
add_subgoal (gpointer user_data)
{
  KursNestedContext *context = user_data;

  return kurs_page_create (context->page, KURS_ENTITY_SUBGOAL, kurs_record_get_id (context->parent),
                           "title", g_variant_new_string (kurs_page_content_text (context->page, N_("New sub-goal"))), NULL);
}

/* The current action plan, where no initiative of it serves @goal */
static KursRecord *
plan_without (KursStore  *store,
              KursRecord *goal)
{
  g_autoptr(KursRecord) strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, kurs_record_get_strategy_id (goal));
  g_autoptr(KursRecord) plan = strategy ? kurs_health_current_plan (store, strategy, kurs_date_today ()) : NULL;
  g_autoptr(GPtrArray) uncovered = plan ? kurs_health_uncovered_goals (store, plan) : NULL;

  if (uncovered == NULL || !g_ptr_array_find (uncovered, goal, NULL))
    return NULL;
  return g_steal_pointer (&plan);
}

static char *
describe_goal (KursStore  *store,
               KursRecord *goal)
{
  g_autoptr(KursRecord) area = NULL;
  g_autoptr(KursRecord) plan = plan_without (store, goal);
  const char *area_title;

  if (kurs_record_has_value (goal, "focus_area_id"))
    area = kurs_store_get (store, KURS_ENTITY_FOCUS_AREA, kurs_record_get_int (goal, "focus_area_id"));
  area_title = area ? kurs_record_get_title (area) : _("No focus area");

  if (plan != NULL)
    /* Translators: a goal's focus area, and the current plan that does nothing for it */
    return g_strdup_printf (_("%s · no initiative in %s"), area_title, kurs_record_get_title (plan));
  return g_strdup (area_title);
}

static void
update_goal_state (GtkWidget *row)
{
  KursRecordRow *record_row = KURS_RECORD_ROW (row);
  g_autoptr(KursRecord) plan = NULL;

  if (kurs_record_is_deleted (kurs_record_row_get_record (record_row)))
    return;
  plan = plan_without (kurs_record_row_get_store (record_row), kurs_record_row_get_record (record_row));
  if (plan != NULL)
    gtk_widget_add_css_class (row, "at-risk");
  else
    gtk_widget_remove_css_class (row, "at-risk");
}

/* Where a goal came from: the workshop outputs that shaped it */
static void
fill_origins (GtkWidget *group)
{
  KursStore *store = g_object_get_data (G_OBJECT (group), "kurs-store");
  KursRecord *goal = g_object_get_data (G_OBJECT (group), "kurs-goal");
  GtkListBox *list = g_object_get_data (G_OBJECT (group), "kurs-list");
  g_autoptr(GPtrArray) links = NULL;

  if (kurs_record_is_deleted (goal))
    return;

  kurs_boxed_list_clear (list);

  links = kurs_store_list_by_field (store, KURS_ENTITY_OUTPUT_GOAL, "goal_id", kurs_record_get_id (goal));
  for (guint i = 0; i < links->len; i++)
    {
      g_autoptr(KursRecord) output = kurs_store_get (store, KURS_ENTITY_WORKSHOP_OUTPUT,
                                                     kurs_record_get_parent_id (links->pdata[i]));
      g_autoptr(KursRecord) milestone = NULL;
      g_autofree char *date = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *escaped_subtitle = NULL;
      GtkWidget *row;

      if (output == NULL)
        continue;
      milestone = kurs_store_get (store, KURS_ENTITY_MILESTONE, kurs_record_get_parent_id (output));
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
      gtk_list_box_append (list, row);
    }
}

static void
origins_store_changed_cb (GtkWidget *group,
                          guint      entities)
{
  if (entities & ((1u << KURS_ENTITY_OUTPUT_GOAL) | (1u << KURS_ENTITY_WORKSHOP_OUTPUT)
                  | (1u << KURS_ENTITY_MILESTONE)))
    fill_origins (group);
}

static GtkWidget *
origins_group (KursStore  *store,
               KursRecord *goal)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = kurs_boxed_list_new (_("Where It Came From"),
                                         _("No workshop output is linked to this goal yet; link them on the "
                                           "Process Plan page"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Where It Came From"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  g_object_set_data_full (G_OBJECT (group), "kurs-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (group), "kurs-goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (group), "kurs-list", list);
  g_signal_connect_object (store, "changed", G_CALLBACK (origins_store_changed_cb), group, G_CONNECT_SWAPPED);
  fill_origins (group);

  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_bottom (group, 12);
  return group;
}

static void
populate_goal (KursRecordRow *row,
               gpointer       user_data)
{
  KursPage *page = user_data;

  kurs_record_row_add_fields (row, goal_fields);
  kurs_record_row_add_editor (row, kurs_page_nested_section (page, kurs_record_row_get_record (row),
                                                             KURS_ENTITY_SUBGOAL, _("Sub-goals"),
                                                             _("No sub-goals yet"), create_subgoal_row,
                                                             _("Add Sub-goal"), add_subgoal));
  kurs_record_row_add_editor (row, origins_group (kurs_record_row_get_store (row), kurs_record_row_get_record (row)));
}

/* Only plans, initiatives and their goals change what is covered */
static void
coverage_changed_cb (GtkWidget *row,
                     guint      entities)
{
  if (entities & ((1u << KURS_ENTITY_ACTION_PLAN) | (1u << KURS_ENTITY_INITIATIVE)
                  | (1u << KURS_ENTITY_INITIATIVE_GOAL) | (1u << KURS_ENTITY_GOAL)))
    update_goal_state (row);
}

static GtkWidget *
create_goal_row (KursRecord *record,
                 gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_goal);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_goal, page);
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (coverage_changed_cb), row,
                           G_CONNECT_SWAPPED);
  update_goal_state (row);
  return row;
}

static KursRecord *
add_goal (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_GOAL, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New development goal"))), NULL);
}

static void
kurs_goals_page_build (KursPage *page)
{
  kurs_page_add_section (page, KURS_ENTITY_GOAL, _("Development Goals"),
                         _("No development goals yet: what should be true for the target group, "
                           "split into sub-goals with a time horizon"),
                         create_goal_row, _("Add Goal"), add_goal);
}

static void
kurs_goals_page_class_init (KursGoalsPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "goals";
  page_class->title = N_("Development Goals");
  page_class->icon_name = "emoji-flags-symbolic";
  page_class->build = kurs_goals_page_build;
}

static void
kurs_goals_page_init (KursGoalsPage *self)
{
}
