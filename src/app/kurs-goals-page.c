/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-goals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-goal-origins-group.h"
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
  kurs_record_row_add_editor (row, kurs_goal_origins_group_new (kurs_record_row_get_store (row),
                                                               kurs_record_row_get_record (row)));
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
