/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-goals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-goals-page.h"
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
                           "title", g_variant_new_string (_("New sub-goal")), NULL);
}

static char *
describe_goal (KursStore  *store,
               KursRecord *goal)
{
  g_autoptr(KursRecord) area = NULL;

  if (kurs_record_has_value (goal, "focus_area_id"))
    area = kurs_store_get (store, KURS_ENTITY_FOCUS_AREA, kurs_record_get_int (goal, "focus_area_id"));

  return g_strdup (area ? kurs_record_get_title (area) : _("No focus area"));
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
}

static GtkWidget *
create_goal_row (KursRecord *record,
                 gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_goal);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_goal, page);
  return row;
}

static KursRecord *
add_goal (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_GOAL, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "title", g_variant_new_string (_("New development goal")), NULL);
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
  page_class->icon_name = "emblem-ok-symbolic";
  page_class->build = kurs_goals_page_build;
}

static void
kurs_goals_page_init (KursGoalsPage *self)
{
}
