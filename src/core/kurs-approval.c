/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-approval"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-approval.h"
#include "kurs-xml-export.h"

/* A strategy's status moves draft → in hearing → approved → adopted.
 * Approving freezes the whole strategy, as it stands, into a numbered
 * version (its XML, which later edits never touch); starting a new
 * revision returns the live strategy to draft and keeps the versions. */

G_DEFINE_QUARK (kurs-approval-error-quark, kurs_approval_error)

/**
 * kurs_approval_can_change:
 *
 * Returns: whether @to may follow @from by a plain status change;
 *   approving has its own function, kurs_approval_approve()
 */
gboolean
kurs_approval_can_change (KursStrategyStatus from,
                          KursStrategyStatus to)
{
  switch (to)
    {
    case KURS_STATUS_DRAFT:
      /* Back from hearing, or a new revision of an approved strategy */
      return from != KURS_STATUS_DRAFT;

    case KURS_STATUS_IN_HEARING:
      return from == KURS_STATUS_DRAFT;

    case KURS_STATUS_ADOPTED:
      return from == KURS_STATUS_APPROVED;

    case KURS_STATUS_APPROVED:
    default:
      return FALSE;
    }
}

/* A status in the middle of a sentence: "is already approved" */
static char *
status_word (KursStrategyStatus status)
{
  return g_utf8_strdown (kurs_enum_info_to_label (&kurs_strategy_status_enum, status), -1);
}

/**
 * kurs_approval_set_status:
 * @date: (nullable): the day of the decision, YYYY-MM-DD; %NULL for today
 * @body: (nullable): who decided
 *
 * Changes the status where the workflow allows it, and records it.
 */
gboolean
kurs_approval_set_status (KursStore           *store,
                          KursRecord          *strategy,
                          KursStrategyStatus   status,
                          const char          *date,
                          const char          *body,
                          GError             **error)
{
  KursStrategyStatus from;

  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);

  from = kurs_record_get_enum (strategy, "status");

  if (status == KURS_STATUS_APPROVED && from != KURS_STATUS_APPROVED && from != KURS_STATUS_ADOPTED)
    {
      g_set_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION,
                   _("Approving freezes a version; use Approve rather than setting the status"));
      return FALSE;
    }

  if (!kurs_approval_can_change (from, status))
    {
      g_autofree char *is = status_word (from);
      g_autofree char *becomes = status_word (status);

      if (from == status)
        g_set_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION,
                     _("“%s” is already %s"), kurs_record_get_title (strategy), is);
      else
        g_set_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION,
                     _("“%s” is %s and cannot become %s"), kurs_record_get_title (strategy),
                     is, becomes);
      return FALSE;
    }

  return kurs_store_change_status (store, strategy, status, date, body, error);
}

/**
 * kurs_approval_get_version:
 * @number: a version number, or 0 for the latest
 *
 * Returns: (transfer full) (nullable): the version, or %NULL
 */
KursRecord *
kurs_approval_get_version (KursStore  *store,
                           KursRecord *strategy,
                           gint64      number)
{
  g_autoptr(GPtrArray) versions = NULL;
  KursRecord *found = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  versions = kurs_store_list (store, KURS_ENTITY_VERSION, kurs_record_get_id (strategy), NULL);
  for (guint i = 0; i < versions->len; i++)
    if (number == 0 || kurs_record_get_int (versions->pdata[i], "number") == number)
      found = versions->pdata[i];

  return found ? g_object_ref (found) : NULL;
}

/**
 * kurs_approval_get_version_text:
 *
 * A version's frozen text (its XML), which the store reads when first
 * asked for, not with the version's row: the read may fail (the disk),
 * or find the version gone (another Kurs deleted its strategy).
 *
 * Returns: (transfer none): the text, or %NULL with @error set
 */
const char *
kurs_approval_get_version_text (KursRecord  *version,
                                GError     **error)
{
  const char *text;

  g_return_val_if_fail (KURS_IS_RECORD (version), NULL);
  g_return_val_if_fail (kurs_record_get_entity (version) == KURS_ENTITY_VERSION, NULL);

  if ((text = kurs_record_get_text (version, "content")) == NULL)
    g_set_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_UNREADABLE,
                 _("Version %d could not be read from the library"), (int) kurs_record_get_int (version, "number"));
  return text;
}

/**
 * kurs_approval_approve:
 * @date: (nullable): the day of approval, YYYY-MM-DD; %NULL for today
 * @body: (nullable): who approved; %NULL for the strategy's committee
 *
 * Approves the strategy and freezes its content as the next numbered
 * version, in one action.
 *
 * Returns: (transfer full): the new version, or %NULL with @error set
 */
KursRecord *
kurs_approval_approve (KursStore   *store,
                       KursRecord  *strategy,
                       const char  *date,
                       const char  *body,
                       GError     **error)
{
  g_autoptr(KursRecord) latest = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;
  KursXmlVersionInfo info;
  KursStrategyStatus from;
  gsize length;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  from = kurs_record_get_enum (strategy, "status");
  if (from != KURS_STATUS_DRAFT && from != KURS_STATUS_IN_HEARING)
    {
      g_autofree char *is = status_word (from);

      g_set_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION,
                   _("“%s” is %s; start a new revision before approving it again"),
                   kurs_record_get_title (strategy), is);
      return NULL;
    }

  if (date == NULL)
    date = today = kurs_date_to_iso (kurs_date_today ());
  if (body == NULL || *body == '\0')
    body = kurs_record_get_text (strategy, "committee");

  latest = kurs_approval_get_version (store, strategy, 0);
  info.number = latest ? kurs_record_get_int (latest, "number") + 1 : 1;
  info.approved_date = date;
  info.approved_by = body;

  if (!kurs_store_begin (store, _("Approve strategy"), error))
    return NULL;

  if (kurs_store_change_status (store, strategy, KURS_STATUS_APPROVED, date, body, error)
      && (content = kurs_xml_export_live (store, strategy, &info, error)))
    {
      text = g_strndup (g_bytes_get_data (content, &length), g_bytes_get_size (content));
      version = kurs_store_add_version (store, strategy, info.number, date, body, text, error);
    }

  if (version == NULL)
    {
      kurs_store_rollback (store);
      return NULL;
    }

  if (!kurs_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&version);
}

/**
 * kurs_approval_start_revision:
 *
 * Returns an approved or adopted strategy to draft, so that its text can
 * change again; its approved versions stay as they were.
 */
gboolean
kurs_approval_start_revision (KursStore   *store,
                              KursRecord  *strategy,
                              GError     **error)
{
  return kurs_approval_set_status (store, strategy, KURS_STATUS_DRAFT, NULL, NULL, error);
}
