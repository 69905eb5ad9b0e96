/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "kurs-record-private.h"
#include "kurs-store-internal.h"
#include "kurs-store-private.h"

/* What the store changes itself, never an editor: a new strategy with its
 * identity, a strategy's status, and the versions approval freezes.  The
 * rules of approval (who may approve, what a version holds) are in
 * kurs-approval.c, which calls these. */

/* What the store itself changes */

/**
 * kurs_store_create_strategy:
 *
 * Adds a strategy in draft, with a new UUID.
 *
 * Returns: (transfer full): the strategy, or %NULL with @error set
 */
KursRecord *
kurs_store_create_strategy (KursStore   *self,
                            const char  *title,
                            int          start_year,
                            int          end_year,
                            const char  *committee,
                            GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (self), NULL);

  if (title == NULL || !g_utf8_validate (title, -1, NULL)
      || (committee != NULL && !g_utf8_validate (committee, -1, NULL)))
    {
      _kurs_store_invalid (error, _("The title and committee must be valid text"));
      return NULL;
    }

  return kurs_store_create (self, KURS_ENTITY_STRATEGY, 0, error,
                            "title", g_variant_new_string (title),
                            "start_year", g_variant_new_int64 (start_year),
                            "end_year", g_variant_new_int64 (end_year),
                            "committee", committee && *committee ? g_variant_new_string (committee) : NULL,
                            NULL);
}

/**
 * kurs_store_change_status:
 * @date: (nullable): the day of the decision, YYYY-MM-DD; %NULL for today
 * @body: (nullable): who decided: a committee, the council
 *
 * Sets the strategy's status and records the change in its history, in
 * one action.  Which changes make sense is the caller's rule; see
 * kurs_approval_set_status().
 *
 * A status change is a decision, with its own date and body: undo does
 * not take it back, nor anything done before it (it clears the history
 * of undo and redo).  The decision is changed by another, if at all.
 */
gboolean
kurs_store_change_status (KursStore           *self,
                          KursRecord          *strategy,
                          KursStrategyStatus   status,
                          const char          *date,
                          const char          *body,
                          GError             **error)
{
  const KursEntityInfo *info;
  const char *nick;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  g_autoptr(KursRecord) entry = NULL;
  gboolean ok;
  int index;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);
  g_return_val_if_fail (kurs_record_get_entity (strategy) == KURS_ENTITY_STRATEGY, FALSE);

  info = kurs_record_get_info (strategy);
  nick = kurs_enum_info_to_nick (&kurs_strategy_status_enum, status);
  g_return_val_if_fail (nick != NULL, FALSE);

  if (date == NULL)
    date = today = kurs_date_to_iso (kurs_date_today ());
  if (!kurs_date_is_valid_iso (date))
    return _kurs_store_invalid (error, _("“%s” is not a date; write it as YYYY-MM-DD"), date);
  if (body != NULL && (!g_utf8_validate (body, -1, NULL) || strchr (body, '\n')))
    return _kurs_store_invalid (error, _("The name of who decided must be a single line of text"));

  label = g_strdup_printf (_("Set status to %s"),
                           kurs_enum_info_to_label (&kurs_strategy_status_enum, status));
  if (!_kurs_store_begin_action (self, label, error))
    return FALSE;
  /* …and so is the action it is part of (an approval) */
  self->pending->deliberate = TRUE;

  index = kurs_entity_info_find_field (info, "status");
  ok = _kurs_store_row_set (self, strategy, index, g_variant_new_string (nick), error);
  if (ok)
    {
      const char *names[] = { "status", "date", "body" };
      GVariant *values[] = {
        g_variant_new_string (nick),
        g_variant_new_string (date),
        body && *body ? g_variant_new_string (body) : NULL,
      };

      entry = _kurs_store_create_row (self, KURS_ENTITY_STATUS_CHANGE, kurs_record_get_id (strategy),
                                      3, names, values, TRUE, 0, FALSE, error);
      ok = entry != NULL;
    }

  return _kurs_store_end_action (self, ok, ok ? error : NULL);
}

/* A version's fields, checked: its frozen text, @length bytes of
 * @content, a string of its own, or where @as_bytes (@content's), those
 * bytes, not copied (a bulky text's value may be, kurs_field_check_value()) */
static gboolean
version_values (gint64       number,
                const char  *date,
                const char  *approved_by,
                const char  *content,
                gsize        length,
                GBytes      *as_bytes,
                GVariant    *values[4],
                GError     **error)
{
  if (!g_utf8_validate (date, -1, NULL) || !g_utf8_validate_len (content, length, NULL)
      || (approved_by && !g_utf8_validate (approved_by, -1, NULL)))
    {
      _kurs_store_invalid (error, _("The version is not valid text"));
      return FALSE;
    }

  values[0] = g_variant_new_int64 (number);
  values[1] = g_variant_new_string (date);
  values[2] = approved_by && *approved_by ? g_variant_new_string (approved_by) : NULL;
  /* (checked above: not again, as g_variant_new_take_string() would, and
   * a version is 35 MB at 100,000 items) */
  if (as_bytes != NULL)
    values[3] = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, as_bytes, TRUE);
  else
    {
      char *copy = g_strndup (content, length);

      values[3] = g_variant_new_from_data (G_VARIANT_TYPE_STRING, copy, length + 1, TRUE, g_free, copy);
    }
  return TRUE;
}

static const char * const version_fields[] = { "number", "approved_date", "approved_by", "content" };

/**
 * kurs_store_add_version:
 * @content: the frozen text of the version
 *
 * Adds an approved version.  See kurs_approval_approve(), which freezes
 * the strategy's content and calls this.
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 */
KursRecord *
kurs_store_add_version (KursStore   *self,
                        KursRecord  *strategy,
                        gint64       number,
                        const char  *date,
                        const char  *approved_by,
                        const char  *content,
                        GError     **error)
{
  GVariant *values[4];

  g_return_val_if_fail (KURS_IS_STORE (self), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (date != NULL && content != NULL, NULL);

  if (!version_values (number, date, approved_by, content, strlen (content), NULL, values, error))
    return NULL;
  return _kurs_store_create_in_action (self, KURS_ENTITY_VERSION, kurs_record_get_id (strategy),
                                       G_N_ELEMENTS (version_fields), version_fields, values, TRUE, 0, FALSE, error);
}

/**
 * kurs_store_add_version_lean:
 * @content: the frozen text of the version
 * @words: (transfer full) (nullable): the words of @content, as
 *   kurs_xml_text_content() gives them, where the caller read them already
 *
 * kurs_store_add_version() within an import's bulk, without a record
 * (kurs_store_create_lean()): the version of 100,000 items is 35 MB, and
 * is written from @content as it is, not copied first.  Where its words
 * are given and the search index waits for the action's end
 * (kurs_store_defer_search_index()), the index takes them, and does not
 * read the 35 MB again to find them.
 *
 * Returns: %FALSE with @error set if it could not be added
 */
gboolean
kurs_store_add_version_lean (KursStore   *self,
                             KursRecord  *strategy,
                             gint64       number,
                             const char  *date,
                             const char  *approved_by,
                             GBytes      *content,
                             char        *words,
                             GError     **error)
{
  GVariant *values[4];
  gsize length;
  const char *text;
  gint64 id;

  g_return_val_if_fail (KURS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);
  g_return_val_if_fail (date != NULL && content != NULL, FALSE);

  /* (its bytes only where its record is the bulk's alone, let go once
   * written: on a server the store keeps it) */
  text = g_bytes_get_data (content, &length);
  if (!version_values (number, date, approved_by, text != NULL ? text : "", length,
                       self->bulk != NULL ? content : NULL, values, error)
      || !(id = kurs_store_create_lean (self, KURS_ENTITY_VERSION, kurs_record_get_id (strategy),
                                        G_N_ELEMENTS (version_fields), version_fields, values, 0, error)))
    {
      g_free (words);
      return FALSE;
    }

  if (words != NULL && self->search_deferred)
    _kurs_store_know_words (self, id, words);
  else
    g_free (words);
  return TRUE;
}


