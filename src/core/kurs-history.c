/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-history.h"

static const char * const kind_names[] = { "edit", "undo", "redo", "decision" };
static const char * const change_kind_names[] = { "insert", "delete", "set", "move" };

void
kurs_history_change_free (KursHistoryChange *change)
{
  if (change == NULL)
    return;
  g_free (change->entity);
  g_free (change->row_name);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

void
kurs_history_action_free (KursHistoryAction *action)
{
  if (action == NULL)
    return;
  g_free (action->made_at);
  g_free (action->person);
  g_free (action->label);
  g_clear_pointer (&action->changes, g_ptr_array_unref);
  g_free (action);
}

/* The words as stored in the library */
const char *
kurs_history_kind_to_string (KursHistoryKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "edit");

  return kind_names[kind];
}

const char *
kurs_history_change_kind_to_string (KursHistoryChangeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (change_kind_names), "set");

  return change_kind_names[kind];
}

gboolean
kurs_history_kind_from_string (const char      *text,
                               KursHistoryKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
kurs_history_change_kind_from_string (const char            *text,
                                      KursHistoryChangeKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (change_kind_names); i++)
    if (g_str_equal (text, change_kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * kurs_history_format_time:
 * @made_at: a time as the history keeps it (UTC, ISO 8601)
 *
 * Returns: (transfer full): the time in local time, for a person: only
 *   the time of day where it is today ("14:05"), else the date too
 *   ("3. dec. 2026 14:05" as the locale writes it)
 */
char *
kurs_history_format_time (const char *made_at)
{
  g_autoptr(GDateTime) utc = made_at ? g_date_time_new_from_iso8601 (made_at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (utc == NULL)
    return g_strdup (made_at ? made_at : "");
  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  /* TRANSLATORS: a date and time in the history, strftime()'s words */
  return g_date_time_format (local, _("%e %b %Y %H:%M"));
}
