/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-process-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-hearing.h"
#include "kurs-language.h"
#include "kurs-process-plan.h"

G_DEFINE_QUARK (kurs-process-plan-error-quark, kurs_process_plan_error)

/* "Plan the process": the usual path to an approved strategy, worked back
 * from the day of its final approval and spaced as Ballerup's 2022 plan
 * (shared/seeds/000): seminar 20–21 May, committee meetings 31 May,
 * 9 August and 6 September, theme meeting 19 September, first draft
 * 4 October, sent to hearing 8 November, final approval 29 November, then
 * the municipal council.
 *
 * Every step before the hearing keeps its distance to the first draft, and
 * the draft its distance to the hearing, so that the committee's meetings
 * stay on its weekday; the hearing itself lasts the weeks asked for and
 * ends a week before the final approval, which leaves the administration
 * time to put the responses into the case.  With a hearing of two weeks
 * the plan for 29 November 2022 is Ballerup's own. */

/* Days, counted back from the first draft */
#define SEMINAR_BEFORE_DRAFT        137
#define FIRST_MEETING_BEFORE_DRAFT  126
#define SUMMARY_BEFORE_DRAFT         56
#define FRAME_BEFORE_DRAFT           28
#define THEME_BEFORE_DRAFT           15
/* …from the draft to the meeting that sends it to hearing */
#define DRAFT_BEFORE_HEARING         35
/* …from the hearing's deadline to the final approval */
#define DEADLINE_BEFORE_APPROVAL      7
/* …and from the final approval to the municipal council */
#define COUNCIL_AFTER_APPROVAL       14

static void
add_step (GArray            *steps,
          KursMilestoneKind  kind,
          KursDate           start,
          KursDate           end,
          const char        *title,
          const char        *agenda)
{
  KursProcessStep step = { kind, title, agenda, start, end, kind == KURS_MILESTONE_COUNCIL_ADOPTION };

  g_array_append_val (steps, step);
}

/**
 * kurs_process_plan_compute:
 * @final_approval: the day the committee is to approve the strategy
 * @hearing_weeks: how long the hearing lasts
 * @required_by_law: the law requires the hearing (a planning strategy),
 *   so it lasts at least %KURS_HEARING_WEEKS_LAW_MIN weeks
 * @language: the language of the strategy, which the steps' titles and
 *   agendas are written in (kurs_language_of_strategy())
 *
 * Returns: (transfer full) (element-type KursProcessStep): the steps in
 *   order of date, or %NULL with @error set
 */
GArray *
kurs_process_plan_compute (KursDate       final_approval,
                           guint          hearing_weeks,
                           gboolean       required_by_law,
                           KursLanguage   language,
                           GError       **error)
{
  guint min_weeks = required_by_law ? KURS_HEARING_WEEKS_LAW_MIN : 1;
  KursDate deadline, sent, draft;
  GArray *steps;

  if (final_approval == KURS_DATE_NONE)
    {
      g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID,
                   _("Choose the day of the final approval"));
      return NULL;
    }
  if (hearing_weeks < min_weeks || hearing_weeks > KURS_HEARING_WEEKS_MAX)
    {
      if (required_by_law && hearing_weeks < min_weeks)
        g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID,
                     _("A hearing the law requires lasts at least %u weeks, not %u"),
                     KURS_HEARING_WEEKS_LAW_MIN, hearing_weeks);
      else
        g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID,
                     _("A hearing lasts from %u to %u weeks, not %u"),
                     min_weeks, KURS_HEARING_WEEKS_MAX, hearing_weeks);
      return NULL;
    }

  deadline = final_approval - DEADLINE_BEFORE_APPROVAL;
  sent = deadline - 7 * hearing_weeks;
  draft = sent - DRAFT_BEFORE_HEARING;
  if (draft <= SEMINAR_BEFORE_DRAFT || kurs_date_get_year (draft - SEMINAR_BEFORE_DRAFT) < 1900)
    {
      g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_INVALID,
                   _("The process would begin before the year 1900"));
      return NULL;
    }

#define T(msgid) kurs_language_gettext (language, msgid)
  steps = g_array_new (FALSE, FALSE, sizeof (KursProcessStep));
  add_step (steps, KURS_MILESTONE_SEMINAR, draft - SEMINAR_BEFORE_DRAFT, draft - SEMINAR_BEFORE_DRAFT + 1,
            T (N_("Seminar: for whom, and which focus areas?")),
            T (N_("Who is the strategy for, and who is not?\n"
              "Which focus areas? Goals? Time horizon?")));
  add_step (steps, KURS_MILESTONE_COMMITTEE_MEETING,
            draft - FIRST_MEETING_BEFORE_DRAFT, draft - FIRST_MEETING_BEFORE_DRAFT,
            T (N_("Committee meeting: summary of the seminar and proposed process")),
            T (N_("The committee discusses the summary of the seminar\n"
              "The committee discusses the proposed process and which stakeholders to involve")));
  add_step (steps, KURS_MILESTONE_COMMITTEE_MEETING, draft - SUMMARY_BEFORE_DRAFT, draft - SUMMARY_BEFORE_DRAFT,
            T (N_("Committee meeting: approval of the summary and the process")),
            T (N_("The summary is approved and sent to councils and boards\n"
              "The process is approved")));
  add_step (steps, KURS_MILESTONE_COMMITTEE_MEETING, draft - FRAME_BEFORE_DRAFT, draft - FRAME_BEFORE_DRAFT,
            T (N_("Committee meeting: frame and participants of the theme meeting")),
            T (N_("The frame and participants of the theme meeting\n"
              "What the stakeholders have contributed")));
  add_step (steps, KURS_MILESTONE_THEME_MEETING, draft - THEME_BEFORE_DRAFT, draft - THEME_BEFORE_DRAFT,
            T (N_("Theme meeting (workshop): focus areas and development goals")),
            T (N_("Concrete focus areas and development goals, with the stakeholders")));
  add_step (steps, KURS_MILESTONE_COMMITTEE_MEETING, draft, draft,
            T (N_("Committee meeting: first full draft")),
            T (N_("The committee discusses the first full draft of the strategy")));
  add_step (steps, KURS_MILESTONE_COMMITTEE_MEETING, sent, sent,
            T (N_("Committee meeting: the draft is approved and sent to hearing")),
            T (N_("The draft is approved and sent to hearing with other committees, councils and boards")));
  add_step (steps, KURS_MILESTONE_HEARING, sent, deadline,
            T (N_("Hearing of councils, boards and other committees")), NULL);
  add_step (steps, KURS_MILESTONE_APPROVAL, final_approval, final_approval,
            T (N_("Committee meeting: final approval of the strategy")),
            T (N_("The hearing responses and how they were handled\n"
              "The strategy is approved")));
  add_step (steps, KURS_MILESTONE_COUNCIL_ADOPTION,
            final_approval + COUNCIL_AFTER_APPROVAL, final_approval + COUNCIL_AFTER_APPROVAL,
            T (N_("The municipal council adopts the strategy")), NULL);
#undef T

  return steps;
}

/**
 * kurs_process_plan_hearing_weeks:
 * @hearing_weeks: the weeks asked for, or a negative number for none
 *
 * Returns: how long the hearing lasts: the weeks asked for, or by default
 *   %KURS_HEARING_WEEKS_DEFAULT, or %KURS_HEARING_WEEKS_LAW_MIN where the
 *   law requires the hearing
 */
guint
kurs_process_plan_hearing_weeks (int      hearing_weeks,
                                 gboolean required_by_law)
{
  if (hearing_weeks >= 0)
    return hearing_weeks;
  return required_by_law ? KURS_HEARING_WEEKS_LAW_MIN : KURS_HEARING_WEEKS_DEFAULT;
}

/**
 * kurs_process_plan_is_step:
 * @milestone: a milestone
 *
 * Returns: whether @milestone is a step on the path to approval, of a kind
 *   a process plan makes: a seminar, a meeting, the hearing, the approval
 *   or the council's adoption — not a recurring one, nor a data release,
 *   a status review or an evaluation of the years after
 */
gboolean
kurs_process_plan_is_step (KursRecord *milestone)
{
  g_return_val_if_fail (KURS_IS_RECORD (milestone), FALSE);

  if (kurs_record_has_value (milestone, "repeat_every_years"))
    return FALSE;

  switch (kurs_record_get_enum (milestone, "kind"))
    {
    case KURS_MILESTONE_SEMINAR:
    case KURS_MILESTONE_COMMITTEE_MEETING:
    case KURS_MILESTONE_THEME_MEETING:
    case KURS_MILESTONE_HEARING:
    case KURS_MILESTONE_APPROVAL:
    case KURS_MILESTONE_COUNCIL_ADOPTION:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * kurs_process_plan_existing:
 *
 * Returns: (transfer container) (element-type KursRecord): the steps of
 *   @strategy's path to approval already planned (see
 *   kurs_process_plan_is_step()), held or not, by date
 */
GPtrArray *
kurs_process_plan_existing (KursStore  *store,
                            KursRecord *strategy)
{
  g_autoptr(GPtrArray) milestones = NULL;
  GPtrArray *steps;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), NULL);
  steps = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < milestones->len; i++)
    if (kurs_process_plan_is_step (milestones->pdata[i]))
      g_ptr_array_add (steps, g_object_ref (milestones->pdata[i]));
  return steps;
}

/* Removes the steps of an earlier plan that have not been held, with the
 * hearing rounds that belong to them; a round with a response recorded
 * is history, and is not thrown away. */
static gboolean
remove_unheld_steps (KursStore  *store,
                     GPtrArray  *existing,
                     GError    **error)
{
  for (guint i = 0; i < existing->len; i++)
    {
      KursRecord *milestone = existing->pdata[i];
      g_autoptr(GPtrArray) rounds = NULL;

      if (kurs_record_get_bool (milestone, "held"))
        continue;

      rounds = kurs_store_list_by_field (store, KURS_ENTITY_HEARING_ROUND, "milestone_id",
                                         kurs_record_get_id (milestone), NULL);
      for (guint k = 0; k < rounds->len; k++)
        {
          KursRecord *round = rounds->pdata[k];
          g_autoptr(GPtrArray) parties = kurs_store_list (store, KURS_ENTITY_HEARING_PARTY,
                                                          kurs_record_get_id (round), NULL);

          for (guint p = 0; p < parties->len; p++)
            if (kurs_record_has_value (parties->pdata[p], "response_date"))
              {
                g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_EXISTS,
                             _("The hearing “%s” has responses recorded, so the plan is not replaced; "
                               "change its steps one by one instead"),
                             kurs_record_get_title (round));
                return FALSE;
              }

          if (!kurs_store_delete (store, round, error))
            return FALSE;
        }

      if (!kurs_store_delete (store, milestone, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * kurs_process_plan_create:
 * @committee: (nullable): the committee that owns the strategy
 * @flags: %KURS_PROCESS_PLAN_REPLACE to replace an earlier plan
 *
 * Adds the steps of kurs_process_plan_compute() to @strategy as
 * milestones, and the hearing step's round, to which the strategy's
 * councils, boards and other committees are parties — all one action.
 * Every step can be changed afterwards.  The steps are written in the
 * strategy's language (kurs_language_of_strategy()), not necessarily the
 * user interface's.
 *
 * A strategy that has steps planned already (kurs_process_plan_existing())
 * is refused with %KURS_PROCESS_PLAN_ERROR_EXISTS, rather than given each
 * step twice; with %KURS_PROCESS_PLAN_REPLACE, the steps not yet held are
 * removed first, in the same action.
 *
 * Returns: (transfer full): the hearing round, or %NULL with @error set
 *   and nothing changed
 */
KursRecord *
kurs_process_plan_create (KursStore             *store,
                          KursRecord            *strategy,
                          KursDate               final_approval,
                          const char            *committee,
                          guint                  hearing_weeks,
                          gboolean               required_by_law,
                          KursProcessPlanFlags   flags,
                          GError               **error)
{
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) parties = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(KursRecord) hearing = NULL;
  g_autoptr(KursRecord) round = NULL;
  KursLanguage language;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  language = kurs_language_of_strategy (strategy);
  if (!(steps = kurs_process_plan_compute (final_approval, hearing_weeks, required_by_law, language, error)))
    return NULL;

  existing = kurs_process_plan_existing (store, strategy);
  if (existing->len > 0 && !(flags & KURS_PROCESS_PLAN_REPLACE))
    {
      g_set_error (error, KURS_PROCESS_PLAN_ERROR, KURS_PROCESS_PLAN_ERROR_EXISTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has a process plan already (%u step); change it on the Process Plan page, "
                                "or replace the steps not yet held",
                                "“%s” has a process plan already (%u steps); change it on the Process Plan page, "
                                "or replace the steps not yet held",
                                existing->len),
                   kurs_record_get_title (strategy), existing->len);
      return NULL;
    }

  if (committee != NULL && *committee == '\0')
    committee = NULL;

  if (!kurs_store_begin (store, _("Plan the process"), error))
    return NULL;

  if (!remove_unheld_steps (store, existing, error))
    {
      kurs_store_rollback (store);
      return NULL;
    }

  for (guint i = 0; i < steps->len; i++)
    {
      KursProcessStep *step = &g_array_index (steps, KursProcessStep, i);
      g_autofree char *start = kurs_date_to_iso (step->start);
      g_autofree char *end = kurs_date_to_iso (step->end);
      g_autoptr(KursRecord) milestone = NULL;
      const char *by = step->council ? kurs_language_gettext (language, N_("Municipal council")) : committee;

      milestone = kurs_store_create (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), error,
                                     "kind", g_variant_new_string (kurs_enum_info_to_nick (&kurs_milestone_kind_enum,
                                                                                           step->kind)),
                                     "title", g_variant_new_string (step->title),
                                     "start_date", g_variant_new_string (start),
                                     "end_date", step->end != step->start ? g_variant_new_string (end) : NULL,
                                     "committee", by ? g_variant_new_string (by) : NULL,
                                     "agenda", step->agenda ? g_variant_new_string (step->agenda) : NULL,
                                     NULL);
      if (milestone == NULL)
        {
          kurs_store_rollback (store);
          return NULL;
        }
      if (step->kind == KURS_MILESTONE_HEARING)
        hearing = g_steal_pointer (&milestone);
    }

  parties = kurs_hearing_usual_parties (store, strategy, committee);

  round = kurs_hearing_create_round (store, strategy, hearing,
                                     kurs_language_gettext (language, N_("Hearing on the draft strategy")),
                                     kurs_record_get_date (hearing, "start_date"),
                                     kurs_record_get_date (hearing, "end_date"),
                                     (const gint64 *) parties->data, parties->len, error);
  if (round == NULL)
    {
      kurs_store_rollback (store);
      return NULL;
    }

  if (!kurs_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&round);
}
