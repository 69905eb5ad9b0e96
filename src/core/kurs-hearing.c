/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-hearing"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-hearing.h"
#include "kurs-language.h"

/* Hearing rounds: who has answered, who has not, who is overdue, and
 * the one action that sends a draft to a set of parties.  The rules are
 * here once, for the hearing page, the timeline, the dashboard and the
 * printed summary alike. */

/**
 * kurs_hearing_party_state:
 * @party: a hearing party
 * @deadline: its round's deadline
 * @today: the day to judge by (kurs_date_today())
 *
 * A party that has answered has a response date; one that has not is
 * overdue once the deadline is over (the deadline day itself still counts).
 */
KursHearingState
kurs_hearing_party_state (KursRecord *party,
                          KursDate    deadline,
                          KursDate    today)
{
  g_return_val_if_fail (KURS_IS_RECORD (party), KURS_HEARING_AWAITING);

  if (kurs_record_has_value (party, "response_date"))
    return KURS_HEARING_ANSWERED;
  if (deadline != KURS_DATE_NONE && deadline < today)
    return KURS_HEARING_OVERDUE;
  return KURS_HEARING_AWAITING;
}

/**
 * kurs_hearing_party_is_late:
 *
 * Returns: whether @party's response came after the deadline
 */
gboolean
kurs_hearing_party_is_late (KursRecord *party,
                            KursDate    deadline)
{
  g_return_val_if_fail (KURS_IS_RECORD (party), FALSE);

  return kurs_record_has_value (party, "response_date")
         && kurs_record_get_date (party, "response_date") > deadline;
}

/**
 * kurs_hearing_check_response_date:
 * @sent: the round's day of sending
 * @deadline: the round's deadline
 * @response: the day a party's response came
 *
 * A response comes from the day the round is sent until a year after its
 * deadline; a date outside that is a slip of the keyboard (a wrong year),
 * not a response.
 *
 * Returns: whether @response can be a response to the round
 */
gboolean
kurs_hearing_check_response_date (KursDate   sent,
                                  KursDate   deadline,
                                  KursDate   response,
                                  GError   **error)
{
  if (response == KURS_DATE_NONE)
    return TRUE;

  if (sent != KURS_DATE_NONE && response < sent)
    {
      g_autofree char *response_text = kurs_date_format_local (response);
      g_autofree char *sent_text = kurs_date_format_local (sent);

      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("The response is dated %s, before the hearing was sent on %s"),
                   response_text, sent_text);
      return FALSE;
    }

  if (deadline != KURS_DATE_NONE && response > kurs_date_add_months (deadline, 12))
    {
      g_autofree char *response_text = kurs_date_format_local (response);
      g_autofree char *deadline_text = kurs_date_format_local (deadline);

      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("The response is dated %s, more than a year after the deadline of %s; is the year right?"),
                   response_text, deadline_text);
      return FALSE;
    }

  return TRUE;
}

const char *
kurs_hearing_state_label (KursHearingState state)
{
  switch (state)
    {
    case KURS_HEARING_ANSWERED:
      return _("Answered");
    case KURS_HEARING_AWAITING:
      return _("Awaiting response");
    case KURS_HEARING_OVERDUE:
      return _("Overdue");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kurs_hearing_tally_parties:
 * @parties: (element-type KursRecord): hearing parties, of any rounds
 * @round_id: the round whose parties to count
 *
 * Counts the parties of one round from a list of many, so that a view of
 * all rounds reads the parties once.
 */
void
kurs_hearing_tally_parties (GPtrArray        *parties,
                            gint64            round_id,
                            KursDate          deadline,
                            KursDate          today,
                            KursHearingTally *tally)
{
  g_return_if_fail (parties != NULL);
  g_return_if_fail (tally != NULL);

  memset (tally, 0, sizeof *tally);
  for (guint i = 0; i < parties->len; i++)
    {
      KursRecord *party = parties->pdata[i];

      if (kurs_record_get_parent_id (party) != round_id)
        continue;

      tally->n_parties++;
      switch (kurs_hearing_party_state (party, deadline, today))
        {
        case KURS_HEARING_ANSWERED:
          tally->n_answered++;
          if (kurs_hearing_party_is_late (party, deadline))
            tally->n_late++;
          break;
        case KURS_HEARING_AWAITING:
          tally->n_awaiting++;
          break;
        case KURS_HEARING_OVERDUE:
          tally->n_overdue++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
kurs_hearing_tally_round (KursStore        *store,
                          KursRecord       *round,
                          KursDate          today,
                          KursHearingTally *tally)
{
  g_autoptr(GPtrArray) parties = NULL;

  g_return_if_fail (KURS_IS_STORE (store));
  g_return_if_fail (KURS_IS_RECORD (round));

  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  kurs_hearing_tally_parties (parties, kurs_record_get_id (round),
                              kurs_record_get_date (round, "deadline"), today, tally);
}

/**
 * kurs_hearing_describe_tally:
 *
 * Returns: (transfer full): "2 of 4 answered · 1 overdue", for a row
 */
char *
kurs_hearing_describe_tally (const KursHearingTally *tally)
{
  GString *text;

  g_return_val_if_fail (tally != NULL, NULL);

  if (tally->n_parties == 0)
    return g_strdup (_("No parties yet"));

  text = g_string_new (NULL);
  /* Translators: "2 of 4 answered", of a hearing round's parties */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u answered", "%u of %u answered",
                                             tally->n_parties),
                          tally->n_answered, tally->n_parties);
  if (tally->n_awaiting > 0)
    /* Translators: parties whose deadline has not passed yet */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u awaited", " · %u awaited",
                                               tally->n_awaiting),
                            tally->n_awaiting);
  if (tally->n_overdue > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u overdue", " · %u overdue",
                                               tally->n_overdue),
                            tally->n_overdue);

  return g_string_free (text, FALSE);
}

/**
 * kurs_hearing_usual_parties:
 * @committee: (nullable): the committee that owns the strategy, which does
 *   not hear itself
 *
 * The stakeholders a draft usually goes to hearing with: the councils,
 * the boards and the other committees ("råd, nævn og andre udvalg").
 *
 * Returns: (transfer full) (element-type gint64): their ids
 */
GArray *
kurs_hearing_usual_parties (KursStore  *store,
                            KursRecord *strategy,
                            const char *committee)
{
  g_autoptr(GPtrArray) stakeholders = NULL;
  GArray *parties;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  stakeholders = kurs_store_list (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (strategy), NULL);
  parties = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < stakeholders->len; i++)
    {
      KursRecord *stakeholder = stakeholders->pdata[i];
      int kind = kurs_record_get_enum (stakeholder, "kind");
      gint64 id = kurs_record_get_id (stakeholder);

      if ((kind == KURS_STAKEHOLDER_COUNCIL || kind == KURS_STAKEHOLDER_BOARD || kind == KURS_STAKEHOLDER_COMMITTEE)
          && g_strcmp0 (kurs_record_get_text (stakeholder, "name"), committee) != 0)
        g_array_append_val (parties, id);
    }
  return parties;
}

static gboolean
is_party (GPtrArray *parties,
          gint64     stakeholder_id)
{
  for (guint i = 0; i < parties->len; i++)
    if (kurs_record_get_int (parties->pdata[i], "stakeholder_id") == stakeholder_id)
      return TRUE;
  return FALSE;
}

/* The stakeholder is a hearing party of the round's milestone, as the
 * involvement matrix shows it, unless the two are already linked. */
static gboolean
involve (KursStore  *store,
         gint64      stakeholder_id,
         gint64      milestone_id,
         GError    **error)
{
  g_autoptr(GPtrArray) involvements = kurs_store_list (store, KURS_ENTITY_INVOLVEMENT, stakeholder_id, NULL);
  g_autoptr(KursRecord) involvement = NULL;

  for (guint i = 0; i < involvements->len; i++)
    if (kurs_record_get_int (involvements->pdata[i], "milestone_id") == milestone_id)
      return TRUE;

  involvement = kurs_store_create (store, KURS_ENTITY_INVOLVEMENT, stakeholder_id, error,
                                   "milestone_id", g_variant_new_int64 (milestone_id),
                                   "role", g_variant_new_string ("hearing-party"),
                                   NULL);
  return involvement != NULL;
}

/**
 * kurs_hearing_add_parties:
 * @stakeholders: ids of stakeholders of the round's strategy
 *
 * Adds the stakeholders that are not parties yet to @round, as one
 * action; where the round belongs to a milestone, each is marked a
 * hearing party of it too.
 */
gboolean
kurs_hearing_add_parties (KursStore     *store,
                          KursRecord    *round,
                          const gint64  *stakeholders,
                          guint          n_stakeholders,
                          GError       **error)
{
  g_autoptr(GPtrArray) parties = NULL;
  gint64 milestone_id;

  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (round), FALSE);
  g_return_val_if_fail (stakeholders != NULL || n_stakeholders == 0, FALSE);

  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  milestone_id = kurs_record_get_int (round, "milestone_id");

  if (!kurs_store_begin (store, _("Add hearing parties"), error))
    return FALSE;

  for (guint i = 0; i < n_stakeholders; i++)
    {
      g_autoptr(KursRecord) stakeholder = kurs_store_get (store, KURS_ENTITY_STAKEHOLDER, stakeholders[i]);
      g_autoptr(KursRecord) party = NULL;

      if (stakeholder == NULL
          || kurs_record_get_strategy_id (stakeholder) != kurs_record_get_strategy_id (round))
        {
          g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                       _("The strategy has no such stakeholder"));
          kurs_store_rollback (store);
          return FALSE;
        }
      if (is_party (parties, stakeholders[i]))
        continue;

      party = kurs_store_create (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), error,
                                 "stakeholder_id", g_variant_new_int64 (stakeholders[i]), NULL);
      if (party == NULL || (milestone_id > 0 && !involve (store, stakeholders[i], milestone_id, error)))
        {
          kurs_store_rollback (store);
          return FALSE;
        }
      g_ptr_array_add (parties, g_steal_pointer (&party));
    }

  return kurs_store_commit (store, error);
}

/**
 * kurs_hearing_find_round:
 * @milestone: a hearing milestone
 *
 * Returns: (transfer full) (nullable): the round that belongs to
 *   @milestone (the first, should there be several), or %NULL
 */
KursRecord *
kurs_hearing_find_round (KursStore  *store,
                         KursRecord *milestone)
{
  g_autoptr(GPtrArray) rounds = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (milestone), NULL);

  rounds = kurs_store_list_by_field (store, KURS_ENTITY_HEARING_ROUND, "milestone_id",
                                     kurs_record_get_id (milestone), NULL);
  return rounds->len > 0 ? g_object_ref (rounds->pdata[0]) : NULL;
}

static gboolean
set_date (KursStore   *store,
          KursRecord  *record,
          const char  *field,
          KursDate     date,
          GError     **error)
{
  g_autofree char *text = kurs_date_to_iso (date);

  return kurs_store_set (store, record, field, g_variant_new_string (text), error);
}

/**
 * kurs_hearing_create_round:
 * @milestone: (nullable): the hearing milestone the round belongs to
 * @title: (nullable): the round's title; by default the milestone's, or
 *   "Hearing on the draft strategy"
 * @stakeholders: the parties
 *
 * Sends the draft to hearing: a round from @sent to @deadline with its
 * parties, as one action.  Where @milestone has a round already (a process
 * plan made one), that round is sent instead of a second one: its dates
 * become @sent and @deadline, its title @title if one is given, and the
 * parties join it.
 *
 * Returns: (transfer full): the round, or %NULL with @error set and
 *   nothing changed
 */
KursRecord *
kurs_hearing_create_round (KursStore     *store,
                           KursRecord    *strategy,
                           KursRecord    *milestone,
                           const char    *title,
                           KursDate       sent,
                           KursDate       deadline,
                           const gint64  *stakeholders,
                           guint          n_stakeholders,
                           GError       **error)
{
  g_autoptr(KursRecord) round = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *deadline_text = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);
  g_return_val_if_fail (milestone == NULL || KURS_IS_RECORD (milestone), NULL);

  if (sent == KURS_DATE_NONE || deadline == KURS_DATE_NONE)
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID,
                   _("A hearing round needs the day it is sent and its deadline"));
      return NULL;
    }

  sent_text = kurs_date_to_iso (sent);
  deadline_text = kurs_date_to_iso (deadline);

  if (!kurs_store_begin (store, _("Send to hearing"), error))
    return NULL;

  if (milestone != NULL && (round = kurs_hearing_find_round (store, milestone)) != NULL)
    {
      /* The dates' order is checked as the action commits */
      if ((title != NULL && !kurs_store_set (store, round, "title", g_variant_new_string (title), error))
          || !set_date (store, round, "sent_date", sent, error)
          || !set_date (store, round, "deadline", deadline, error))
        g_clear_object (&round);
    }
  else
    {
      if (title == NULL)
        title = milestone ? kurs_record_get_title (milestone)
                          : kurs_language_gettext (kurs_language_of_strategy (strategy),
                                                   N_("Hearing on the draft strategy"));
      round = kurs_store_create (store, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (strategy), error,
                                 "title", g_variant_new_string (title),
                                 "milestone_id", milestone ? g_variant_new_int64 (kurs_record_get_id (milestone)) : NULL,
                                 "sent_date", g_variant_new_string (sent_text),
                                 "deadline", g_variant_new_string (deadline_text),
                                 NULL);
    }

  if (round == NULL
      || !kurs_hearing_add_parties (store, round, stakeholders, n_stakeholders, error))
    {
      kurs_store_rollback (store);
      return NULL;
    }

  if (!kurs_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&round);
}

/**
 * kurs_hearing_party_name:
 * @party: a hearing party
 *
 * Returns: (transfer full): the name of the stakeholder heard, or
 *   "Unknown party" where it is gone
 */
char *
kurs_hearing_party_name (KursStore  *store,
                         KursRecord *party)
{
  g_autoptr(KursRecord) stakeholder = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (party), NULL);

  stakeholder = kurs_store_get (store, KURS_ENTITY_STAKEHOLDER, kurs_record_get_int (party, "stakeholder_id"));
  return g_strdup (stakeholder ? kurs_record_get_title (stakeholder) : _("Unknown party"));
}
