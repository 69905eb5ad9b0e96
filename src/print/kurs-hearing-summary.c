/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-hearing-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-hearing-summary.h"
#include "kurs-hearing.h"

/* The hearing summary (høringsnotat): the round, who answered and who did
 * not, and for each party its response and how it was handled, as the
 * committee gets it with the final text. */

/**
 * kurs_hearing_summary_new:
 * @round: a hearing round
 *
 * Returns: (transfer full): the summary of @round, as of today
 */
KursPrintDocument *
kurs_hearing_summary_new (KursStore  *store,
                          KursRecord *round)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *tally_text = NULL;
  g_autofree char *title = NULL;
  KursPrintDocument *document;
  KursDate deadline, today = kurs_date_today ();
  KursHearingTally tally;
  guint n_silent = 0;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (round), NULL);

  /* with what is being typed */
  kurs_store_prepare (store);
  strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, kurs_record_get_strategy_id (round));
  parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY, kurs_record_get_id (round), NULL);
  deadline = kurs_record_get_date (round, "deadline");
  sent = kurs_date_format_local (kurs_record_get_date (round, "sent_date"));
  deadline_text = kurs_date_format_local (deadline);
  kurs_hearing_tally_parties (parties, kurs_record_get_id (round), deadline, today, &tally);
  tally_text = kurs_hearing_describe_tally (&tally);

  /* Translators: the title of a printed hearing summary */
  title = g_strdup_printf (_("Hearing summary: %s"), kurs_record_get_title (round));
  document = kurs_print_document_new (title);
  kurs_print_document_add_heading (document, 1, _("Hearing Summary"));
  if (strategy != NULL)
    kurs_print_document_add_field (document, _("Strategy"), kurs_record_get_title (strategy));
  kurs_print_document_add_field (document, _("Hearing round"), kurs_record_get_title (round));
  /* Translators: a hearing round's dates, "8 Nov 2022 to 22 Nov 2022" */
  dates = g_strdup_printf (_("Sent %s, deadline %s"), sent, deadline_text);
  kurs_print_document_add_field (document, _("Dates"), dates);
  kurs_print_document_add_field (document, _("Responses"), tally_text);

  kurs_print_document_add_heading (document, 2, _("Responses and Their Handling"));
  for (guint i = 0; i < parties->len; i++)
    {
      KursRecord *party = parties->pdata[i];
      g_autofree char *name = kurs_hearing_party_name (store, party);

      if (kurs_hearing_party_state (party, deadline, today) != KURS_HEARING_ANSWERED)
        {
          n_silent++;
          continue;
        }

      kurs_print_document_add_heading (document, 3, name);
      {
        g_autofree char *date = kurs_date_format_local (kurs_record_get_date (party, "response_date"));
        g_autofree char *received = kurs_hearing_party_is_late (party, deadline)
                                    ? g_strdup_printf (_("%s, after the deadline"), date)
                                    : g_strdup (date);

        kurs_print_document_add_field (document, _("Received"), received);
      }
      if (kurs_record_has_value (party, "response_text"))
        kurs_print_document_add_field (document, _("Response"), kurs_record_get_text (party, "response_text"));
      else
        kurs_print_document_add_note (document, _("The response’s text is not recorded."));
      if (kurs_record_has_value (party, "handling_note"))
        kurs_print_document_add_field (document, _("Handling"), kurs_record_get_text (party, "handling_note"));
      else
        kurs_print_document_add_note (document, _("How the response was handled is not recorded yet."));
    }
  if (tally.n_answered == 0)
    kurs_print_document_add_note (document, _("No responses have been received."));

  if (n_silent > 0)
    {
      kurs_print_document_add_heading (document, 2, _("No Response"));
      for (guint i = 0; i < parties->len; i++)
        {
          KursRecord *party = parties->pdata[i];
          KursHearingState state = kurs_hearing_party_state (party, deadline, today);
          g_autofree char *name = NULL;
          g_autofree char *item = NULL;

          if (state == KURS_HEARING_ANSWERED)
            continue;
          name = kurs_hearing_party_name (store, party);
          /* Translators: a party without a response, and where it stands */
          item = g_strdup_printf (_("%s (%s)"), name, kurs_hearing_state_label (state));
          kurs_print_document_add_item (document, "•", item);
        }
    }

  return document;
}
