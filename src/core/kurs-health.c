/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-health"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-health.h"

/* How the action plans are doing.  An initiative's health is derived, not
 * only typed: its progress against the progress expected from the time
 * elapsed between its start and end (as strategy tools such as Cascade
 * do), so that one whose progress trails the calendar is flagged at risk
 * or behind whatever its status says.  Coverage: a development goal that
 * no initiative of a plan serves is a gap in that plan. */

static KursDate
date_or (KursRecord *record,
         guint       field,
         KursDate    fallback)
{
  return record && kurs_record_has_field_value (record, field) ? kurs_record_get_field_date (record, field)
                                                                : fallback;
}

/**
 * kurs_health_of_initiative:
 * @plan: (nullable): the initiative's action plan, whose dates stand in for
 *   its own where it has none
 * @today: the day to judge by
 */
/**
 * kurs_health_expected_progress:
 * @start: the first day, or %KURS_DATE_NONE
 * @end: the last day
 *
 * Returns: the progress expected by @today from the time elapsed, 0–100:
 *   the days begun of the days there are, so all of them on the last day
 */
int
kurs_health_expected_progress (KursDate start,
                               KursDate end,
                               KursDate today)
{
  if (start == KURS_DATE_NONE || today < start)
    return 0;
  if (today >= end)
    return 100;
  return (int) (100.0 * (today - start + 1) / (end - start + 1));
}

void
kurs_health_of_initiative (KursRecord           *initiative,
                           KursRecord           *plan,
                           KursDate              today,
                           KursInitiativeHealth *out)
{
  double ratio;

  g_return_if_fail (KURS_IS_RECORD (initiative));
  g_return_if_fail (out != NULL);

  out->progress = CLAMP (kurs_record_get_field_int (initiative, KURS_FIELD_INITIATIVE_PROGRESS), 0, 100);
  out->start = date_or (initiative, KURS_FIELD_INITIATIVE_START_DATE,
                        date_or (plan, KURS_FIELD_ACTION_PLAN_START_DATE, KURS_DATE_NONE));
  out->end = date_or (initiative, KURS_FIELD_INITIATIVE_END_DATE,
                      date_or (plan, KURS_FIELD_ACTION_PLAN_END_DATE, out->start));

  out->expected = kurs_health_expected_progress (out->start, out->end, today);

  if (kurs_record_get_field_enum (initiative, KURS_FIELD_INITIATIVE_STATUS) == KURS_INITIATIVE_DONE
      || out->progress >= 100)
    {
      out->health = KURS_HEALTH_DONE;
      return;
    }
  if (out->expected == 0)
    {
      out->health = KURS_HEALTH_NOT_DUE;
      return;
    }

  ratio = (double) out->progress / out->expected;
  if (ratio < KURS_HEALTH_BEHIND_BELOW)
    out->health = KURS_HEALTH_BEHIND;
  else if (ratio < KURS_HEALTH_AT_RISK_BELOW)
    out->health = KURS_HEALTH_AT_RISK;
  else
    out->health = KURS_HEALTH_ON_TRACK;
}

const char *
kurs_health_get_label (KursHealth health)
{
  switch (health)
    {
    case KURS_HEALTH_NOT_DUE:
      return _("Not begun");
    case KURS_HEALTH_ON_TRACK:
      return _("On track");
    case KURS_HEALTH_AT_RISK:
      return _("At risk");
    case KURS_HEALTH_BEHIND:
      return _("Behind");
    case KURS_HEALTH_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kurs_health_describe:
 *
 * Returns: (transfer full): "Behind: 20 % done, 60 % expected by now"
 */
char *
kurs_health_describe (const KursInitiativeHealth *health)
{
  g_return_val_if_fail (health != NULL, NULL);

  if (health->health == KURS_HEALTH_DONE || health->health == KURS_HEALTH_NOT_DUE)
    return g_strdup (kurs_health_get_label (health->health));

  /* Translators: an initiative's health, its progress and the progress the
   * time elapsed calls for */
  return g_strdup_printf (_("%s: %d %% done, %d %% expected by now"), kurs_health_get_label (health->health),
                          health->progress, health->expected);
}

/**
 * kurs_health_describe_rule:
 *
 * Returns: (transfer full): the thresholds, in words, for the window
 */
char *
kurs_health_describe_rule (void)
{
  return g_strdup_printf (_("An initiative is at risk when its progress is below %d %% of what the time "
                            "elapsed calls for, and behind below %d %%."),
                          (int) (KURS_HEALTH_AT_RISK_BELOW * 100 + 0.5), (int) (KURS_HEALTH_BEHIND_BELOW * 100 + 0.5));
}

/**
 * kurs_health_current_plan:
 *
 * The action plan whose period holds @today; before the first, the
 * first; after the last, the last.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL where there is none
 */
KursRecord *
kurs_health_current_plan (KursStore  *store,
                          KursRecord *strategy,
                          KursDate    today)
{
  g_autoptr(GPtrArray) plans = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  plans = kurs_store_list (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy), NULL);
  if (plans->len == 0)
    return NULL;

  for (guint i = 0; i < plans->len; i++)
    {
      KursRecord *plan = plans->pdata[i];

      if (today <= kurs_record_get_date (plan, "end_date"))
        return g_object_ref (plan);
    }
  return g_object_ref (plans->pdata[plans->len - 1]);
}

/**
 * kurs_health_uncovered_goals:
 *
 * Returns: (transfer container) (element-type KursRecord): the strategy's
 *   development goals that no initiative of @plan serves
 */
GPtrArray *
kurs_health_uncovered_goals (KursStore  *store,
                             KursRecord *plan)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *uncovered;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (plan), NULL);

  goals = kurs_store_list (store, KURS_ENTITY_GOAL, kurs_record_get_strategy_id (plan), NULL);
  initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), NULL);
  for (guint i = 0; i < initiatives->len; i++)
    {
      g_autoptr(GPtrArray) goal_links = kurs_store_list (store, KURS_ENTITY_INITIATIVE_GOAL,
                                                         kurs_record_get_id (initiatives->pdata[i]), NULL);

      for (guint k = 0; k < goal_links->len; k++)
        {
          g_ptr_array_add (links, g_object_ref (goal_links->pdata[k]));
        }
    }

  uncovered = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < goals->len; i++)
    {
      gint64 id = kurs_record_get_id (goals->pdata[i]);
      gboolean found = FALSE;

      for (guint k = 0; k < links->len && !found; k++)
        found = kurs_record_get_int (links->pdata[k], "goal_id") == id;
      if (!found)
        g_ptr_array_add (uncovered, g_object_ref (goals->pdata[i]));
    }
  return uncovered;
}

/**
 * kurs_health_plan_progress:
 *
 * Returns: the mean progress of the plan's initiatives, 0–100, or -1 where
 *   it has none
 */
int
kurs_health_plan_progress (KursStore  *store,
                           KursRecord *plan)
{
  g_autoptr(GPtrArray) initiatives = NULL;
  int sum = 0;

  g_return_val_if_fail (KURS_IS_STORE (store), -1);
  g_return_val_if_fail (KURS_IS_RECORD (plan), -1);

  initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), NULL);
  if (initiatives->len == 0)
    return -1;

  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];

      sum += kurs_record_get_enum (initiative, "status") == KURS_INITIATIVE_DONE
             ? 100 : CLAMP (kurs_record_get_int (initiative, "progress"), 0, 100);
    }
  return (sum + (int) initiatives->len / 2) / (int) initiatives->len;
}

/**
 * kurs_health_goals_served:
 * @strategy: a strategy
 * @separator: what goes between two goals' titles
 *
 * The goals each of the strategy's initiatives serves, read once for the
 * whole strategy (two queries, not two an initiative).
 *
 * Returns: (transfer full) (element-type gint64 utf8): an initiative's id
 *   (a gint64 *) to the titles of the goals it serves; an initiative that
 *   serves none is not in it
 */
GHashTable *
kurs_health_goals_served (KursStore  *store,
                          KursRecord *strategy,
                          const char *separator)
{
  GHashTable *served = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 strategy_id = kurs_record_get_id (strategy);
  g_autoptr(GPtrArray) goals = kurs_store_list (store, KURS_ENTITY_GOAL, strategy_id, NULL);
  g_autoptr(GPtrArray) links = kurs_store_list_by_strategy (store, KURS_ENTITY_INITIATIVE_GOAL, strategy_id, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < goals->len; i++)
    {
      gint64 id = kurs_record_get_id (goals->pdata[i]);

      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id), (gpointer) kurs_record_get_title (goals->pdata[i]));
    }
  for (guint i = 0; i < links->len; i++)
    {
      gint64 goal = kurs_record_get_int (links->pdata[i], "goal_id");
      gint64 initiative = kurs_record_get_int (links->pdata[i], "initiative_id");
      const char *title = g_hash_table_lookup (titles, &goal);
      const char *before;

      if (title == NULL)
        continue;
      before = g_hash_table_lookup (served, &initiative);
      g_hash_table_insert (served, g_memdup2 (&initiative, sizeof initiative),
                           before ? g_strconcat (before, separator, title, NULL) : g_strdup (title));
    }
  return served;
}
