/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-history"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-history.h"
#include "kurs-schema.h"

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

/* Long texts are told by their words (kurs_word_diff()), not old → new */
#define LONG_TEXT_CHARS 80

static const KursField *
field_of (const KursHistoryChange *change)
{
  const KursEntityInfo *info = kurs_entity_info_by_name (change->entity);

  return info != NULL && change->field != NULL ? kurs_entity_info_get_field (info, change->field) : NULL;
}

static gboolean
is_long (const char *text)
{
  return text != NULL && (strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > LONG_TEXT_CHARS);
}

/**
 * kurs_history_change_is_long_text:
 *
 * Returns: whether the change sets a text too long to be read as old → new
 */
gboolean
kurs_history_change_is_long_text (const KursHistoryChange *change)
{
  const KursField *field = field_of (change);

  return change->kind == KURS_HISTORY_CHANGE_SET && field != NULL && field->type == KURS_FIELD_TEXT
         && (is_long (change->old_value) || is_long (change->new_value));
}

/**
 * kurs_history_change_describe:
 *
 * Returns: (transfer full): the change in a line, for a person: "Title of
 *   “Egen bolig”: Egen bolig → Et hjem til alle", "Development goal
 *   “Job” deleted", "Description of “Job”: text changed"
 */
char *
kurs_history_change_describe (const KursHistoryChange *change)
{
  const KursEntityInfo *info = kurs_entity_info_by_name (change->entity);
  const char *kind = info != NULL ? _(info->label) : change->entity;
  const char *name = change->row_name != NULL ? change->row_name : "";
  const KursField *field = field_of (change);
  const char *label;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  switch (change->kind)
    {
    case KURS_HISTORY_CHANGE_INSERT:
      /* TRANSLATORS: "Development goal “Egen bolig” added"; the next,
       * a row without a name: "Status change added" */
      return *name ? g_strdup_printf (_("%s “%s” added"), kind, name) : g_strdup_printf (_("%s added"), kind);
    case KURS_HISTORY_CHANGE_DELETE:
      return *name ? g_strdup_printf (_("%s “%s” deleted"), kind, name) : g_strdup_printf (_("%s deleted"), kind);
    case KURS_HISTORY_CHANGE_MOVE:
      return *name ? g_strdup_printf (_("%s “%s” moved"), kind, name) : g_strdup_printf (_("%s moved"), kind);
    case KURS_HISTORY_CHANGE_SET:
    default:
      break;
    }

  /* a row's naming field is labelled by what the row is: said plainly */
  label = field == NULL ? (change->field ? change->field : "")
          : g_str_equal (field->name, "title") ? _("Title")
          : g_str_equal (field->name, "name") ? _("Name") : kurs_field_get_label (field);
  if (kurs_history_change_is_long_text (change))
    /* TRANSLATORS: "Description of “Egen bolig”: text changed" */
    return g_strdup_printf (_("%s of “%s”: text changed"), label, name);

  old_text = field != NULL ? kurs_field_format_for_people (field, change->old_value)
                           : g_strdup (change->old_value ? change->old_value : "");
  new_text = field != NULL ? kurs_field_format_for_people (field, change->new_value)
                           : g_strdup (change->new_value ? change->new_value : "");
  /* a new name is said by itself: "Title: Egen bolig → Et hjem til alle" */
  if (field != NULL && (g_str_equal (field->name, "title") || g_str_equal (field->name, "name")))
    return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
  /* TRANSLATORS: "Status of “Egen bolig”: Planned → In progress" */
  return g_strdup_printf (_("%s of “%s”: %s → %s"), label, name, old_text, new_text);
}

/**
 * kurs_history_kind_get_label:
 *
 * Returns: (nullable): what sets an action apart in the history ("Undo",
 *   "Redo", "Decision"), translated; %NULL for an edit
 */
const char *
kurs_history_kind_get_label (KursHistoryKind kind)
{
  switch (kind)
    {
    case KURS_HISTORY_UNDO:
      return _("Undone");
    case KURS_HISTORY_REDO:
      return _("Redone");
    case KURS_HISTORY_DECISION:
      return _("Decision");
    case KURS_HISTORY_EDIT:
    default:
      return NULL;
    }
}
