/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"

G_BEGIN_DECLS

/**
 * KursHearingState:
 * @KURS_HEARING_ANSWERED: the party's response has come
 * @KURS_HEARING_AWAITING: no response yet, and the deadline has not passed
 * @KURS_HEARING_OVERDUE: no response, and the deadline has passed
 *
 * Where one party of a hearing round stands.
 */
typedef enum {
  KURS_HEARING_ANSWERED,
  KURS_HEARING_AWAITING,
  KURS_HEARING_OVERDUE,
} KursHearingState;

typedef struct {
  guint n_parties;
  guint n_answered;
  guint n_late;       /* of the answered, those that came after the deadline */
  guint n_awaiting;
  guint n_overdue;
} KursHearingTally;

KursHearingState  kurs_hearing_party_state    (KursRecord        *party,
                                               KursDate           deadline,
                                               KursDate           today);
gboolean          kurs_hearing_party_is_late  (KursRecord        *party,
                                               KursDate           deadline);
gboolean          kurs_hearing_check_response_date (KursDate     sent,
                                                    KursDate     deadline,
                                                    KursDate     response,
                                                    GError     **error);
const char       *kurs_hearing_state_label    (KursHearingState   state);
void              kurs_hearing_tally_parties  (GPtrArray         *parties,
                                               gint64             round_id,
                                               KursDate           deadline,
                                               KursDate           today,
                                               KursHearingTally  *tally);
void              kurs_hearing_tally_round    (KursStore         *store,
                                               KursRecord        *round,
                                               KursDate           today,
                                               KursHearingTally  *tally);
char             *kurs_hearing_describe_tally (const KursHearingTally *tally);

GArray           *kurs_hearing_usual_parties  (KursStore         *store,
                                               KursRecord        *strategy,
                                               const char        *committee);
KursRecord       *kurs_hearing_find_round     (KursStore         *store,
                                               KursRecord        *milestone);
KursRecord       *kurs_hearing_create_round   (KursStore         *store,
                                               KursRecord        *strategy,
                                               KursRecord        *milestone,
                                               const char        *title,
                                               KursDate           sent,
                                               KursDate           deadline,
                                               const gint64      *stakeholders,
                                               guint              n_stakeholders,
                                               GError           **error);
gboolean          kurs_hearing_add_parties    (KursStore         *store,
                                               KursRecord        *round,
                                               const gint64      *stakeholders,
                                               guint              n_stakeholders,
                                               GError           **error);

char             *kurs_hearing_party_name     (KursStore         *store,
                                              KursRecord        *party);

G_END_DECLS
