/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-example"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-example.h"
#include "kurs-store-private.h"

/* The example library: Ballerup Kommune's strategy for socially vulnerable
 * adults ("udsattestrategi"), as the public slides and minutes in
 * shared/seeds describe it.  Its process plan, mandate, action-plan
 * periods and recurring data releases are the seeds' own; where the seeds
 * are silent (the vision, the focus areas, exact dates given only as a
 * year or a month), the text says that it is an example, rather than
 * inventing facts in Ballerup's name.  The text is Danish, as the seeds. */

typedef struct {
  KursStore *store;
  gint64     strategy_id;
  GError    *error;
} Builder;

/* Adds a row from field names and values in their text form; after the
 * first failure it does nothing, and the caller rolls back. */
static gint64
add (Builder    *b,
     KursEntity  entity,
     gint64      parent_id,
     ...)
{
  const KursEntityInfo *info = kurs_entity_info (entity);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(KursRecord) record = NULL;
  const char *name;
  va_list args;

  if (b->error != NULL)
    return 0;

  va_start (args, parent_id);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      const KursField *field = kurs_entity_info_get_field (info, name);

      g_assert (field != NULL);
      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (values, text ? kurs_field_parse_value (field, text, NULL) : NULL);
    }
  va_end (args);

  record = kurs_store_createv (b->store, entity, parent_id, names->len,
                              (const char * const *) names->pdata,
                              (GVariant * const *) values->pdata, &b->error);

  return record ? kurs_record_get_id (record) : 0;
}

static gint64
add_milestone (Builder    *b,
               const char *kind,
               const char *title,
               const char *start,
               const char *end,
               const char *held,
               const char *agenda)
{
  return add (b, KURS_ENTITY_MILESTONE, b->strategy_id,
              "kind", kind, "title", title, "start_date", start, "end_date", end,
              "committee", "Socialudvalget", "held", held, "agenda", agenda, NULL);
}

static gint64
add_recurring (Builder    *b,
               const char *kind,
               const char *title,
               const char *start,
               const char *end,
               const char *every,
               const char *until,
               const char *agenda)
{
  return add (b, KURS_ENTITY_MILESTONE, b->strategy_id,
              "kind", kind, "title", title, "start_date", start, "end_date", end,
              "committee", "Socialudvalget", "repeat_every_years", every,
              "repeat_until_year", until, "agenda", agenda, NULL);
}

static gint64
add_stakeholder (Builder    *b,
                 const char *name,
                 const char *kind,
                 const char *notes)
{
  return add (b, KURS_ENTITY_STAKEHOLDER, b->strategy_id,
              "name", name, "kind", kind, "notes", notes, NULL);
}

static void
involve (Builder    *b,
         gint64      stakeholder,
         gint64      milestone,
         const char *role)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, milestone);

  add (b, KURS_ENTITY_INVOLVEMENT, stakeholder, "milestone_id", id, "role", role, NULL);
}

static void
build (Builder *b)
{
  gint64 s = b->strategy_id;
  gint64 focus1, focus2, goal1, goal2, plan1, plan2, plan3;
  gint64 seminar, sep6, theme, hearing, round;
  gint64 politicians, chairs, committees, disability, seniors, boards, region, actors, key_staff;
  const char *initiative_note =
    "Fra procesplanen: »Interne arbejdsmøder – konkrete indsatser og handleplaner«. "
    "Status og fremdrift er ikke angivet i kildematerialet.";
  char id[3][24];

  /* Mandate (seed 000) */
  add (b, KURS_ENTITY_MANDATE_ITEM, s,
       "source", "Budget 2021, punkt 1.4.2",
       "text", "Ballerup Kommune vil ifølge Budget 2021 punkt 1.4.2 udarbejde forslag til en "
               "“strategi for udsatte borgere” med fokus på, hvordan der kan sikres helhed og "
               "sammenhæng i indsatserne på tværs af de kommunale områder, og i samarbejde med "
               "regionen og andre lokale aktører. (Oprindeligt var Social- og Sundhedsudvalget "
               "fagudvalg på opgaven. Opgaven er udsat til 2022 og med Socialudvalget som fagudvalg.)",
       NULL);
  add (b, KURS_ENTITY_MANDATE_ITEM, s,
       "source", "Budget 2022, punkt 1.3.5",
       "text", "Der skal udarbejdes en strategi for, hvordan der arbejdes med Hjemløseindsatsen. "
               "Strategien for hjemløse indarbejdes i Strategien for Udsatte, som er under "
               "udarbejdelse, jf. budgetaftale 2021. I strategien skal metoder og tilgange til "
               "borgersamarbejdet fremgå. (Opgaven har nu Socialudvalget som fagudvalg.)",
       NULL);

  /* Links to other policies, as the seeds name them */
  add (b, KURS_ENTITY_POLICY_LINK, s, "title", "Vision 2029",
       "relation", "Ballerup Kommunes vision. Eksempeltekst: beskriv sammenhængen her.", NULL);
  add (b, KURS_ENTITY_POLICY_LINK, s, "title", "Psykiatripolitik",
       "relation", "Eksempeltekst: beskriv sammenhængen her.", NULL);
  add (b, KURS_ENTITY_POLICY_LINK, s, "title", "Beskæftigelsesstrategi",
       "relation", "Eksempeltekst: beskriv sammenhængen her.", NULL);
  add (b, KURS_ENTITY_POLICY_LINK, s, "title", "Sundhedspolitik",
       "relation", "Eksempeltekst: beskriv sammenhængen her.", NULL);

  /* Target group (seeds 000, 001) */
  add (b, KURS_ENTITY_TARGET_GROUP, s, "name", "Socialt udsatte voksne borgere",
       "description", "Eksempeltekst: strategien afgrænser målgruppen "
                      "(»Hvem er målgruppen – hvem er ikke?«).",
       "included", "true", NULL);
  add (b, KURS_ENTITY_TARGET_GROUP, s, "name", "Hjemløse borgere",
       "description", "Strategien for hjemløse indarbejdes i udsattestrategien, "
                      "jf. Budget 2022 punkt 1.3.5.",
       "included", "true", NULL);
  add (b, KURS_ENTITY_TARGET_GROUP, s, "name", "Grupper uden for målgruppen (eksempel)",
       "description", "Eksempeltekst: her skrives, hvem strategien ikke omfatter.",
       "included", "false", NULL);

  /* Focus areas and goals: the seeds give the headings, not the text */
  focus1 = add (b, KURS_ENTITY_FOCUS_AREA, s, "title", "Indsatsområde 1 (eksempel)",
                "description", "Eksempeltekst: indsatsområderne drøftes på temamødet den "
                               "19. september 2022 og er ikke gengivet i kildematerialet.",
                NULL);
  focus2 = add (b, KURS_ENTITY_FOCUS_AREA, s, "title", "Indsatsområde 2 (eksempel)",
                "description", "Eksempeltekst: beskriv indsatsområdet og dets sammenhæng "
                               "med de øvrige.",
                NULL);

  /* Action plans 2023–2029 (seed 001) */
  plan1 = add (b, KURS_ENTITY_ACTION_PLAN, s, "title", "Handleplan 2023–24",
               "start_date", "2023-01-01", "end_date", "2024-12-31",
               "description", "Administrationens handleplan for udsattestrategien.", NULL);
  plan2 = add (b, KURS_ENTITY_ACTION_PLAN, s, "title", "Handleplan 2025–26",
               "start_date", "2025-01-01", "end_date", "2026-12-31", NULL);
  plan3 = add (b, KURS_ENTITY_ACTION_PLAN, s, "title", "Handleplan 2027–28",
               "start_date", "2027-01-01", "end_date", "2028-12-31", NULL);
  add (b, KURS_ENTITY_ACTION_PLAN, s, "title", "Handleplan 2029",
               "start_date", "2029-01-01", "end_date", "2029-12-31", NULL);

  g_snprintf (id[0], sizeof id[0], "%" G_GINT64_FORMAT, focus1);
  g_snprintf (id[1], sizeof id[1], "%" G_GINT64_FORMAT, focus2);
  goal1 = add (b, KURS_ENTITY_GOAL, s, "title", "Det modsatte af udsathed (eksempel på udviklingsmål)",
               "description", "Udviklingsmålene beskriver »det modsatte af udsathed«: hvad målgruppen "
                              "skal hjælpes til, jf. forandringsstrategien, og Ballerup Kommunes "
                              "intentioner. Eksempeltekst.",
               "focus_area_id", id[0], NULL);
  goal2 = add (b, KURS_ENTITY_GOAL, s, "title", "Udviklingsmål 2 (eksempel)",
               "description", "Eksempeltekst: udviklingsmål opdeles i delmål med tidshorisont.",
               "focus_area_id", id[1], NULL);

  g_snprintf (id[0], sizeof id[0], "%" G_GINT64_FORMAT, plan1);
  g_snprintf (id[1], sizeof id[1], "%" G_GINT64_FORMAT, plan2);
  add (b, KURS_ENTITY_SUBGOAL, goal1, "title", "Delmål (eksempel) i handleplan 2023–24",
       "horizon_plan_id", id[0], NULL);
  add (b, KURS_ENTITY_SUBGOAL, goal1, "title", "Delmål (eksempel) inden 2029",
       "horizon_year", "2029", NULL);
  add (b, KURS_ENTITY_SUBGOAL, goal2, "title", "Delmål (eksempel) i handleplan 2025–26",
       "horizon_plan_id", id[1], NULL);

  /* Indicators: what the seeds say will be measured, without figures */
  add (b, KURS_ENTITY_INDICATOR, s, "name", "Hjemløse borgere i Ballerup (VIVE's hjemløsetælling)",
       "unit", "personer", "source", "VIVE – national kortlægning af hjemløshed, hvert andet år", NULL);
  add (b, KURS_ENTITY_INDICATOR, s, "name", "Nøgletal på udsatteområdet",
       "source", "Socialudvalgets årlige nøgletal", NULL);

  /* Initiatives of the first plan (seed 001) */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const titles[] = {
        "Interne arbejdsmøder om konkrete indsatser",
        "Fokus på implementering og drift",
        "Inddragelse af eksterne interessenter",
      };
      gint64 initiative;

      initiative = add (b, KURS_ENTITY_INITIATIVE, plan1, "title", titles[i],
                        "description", initiative_note,
                        "owner", "Administrationen (ledere og medarbejdere i velfærdscentre og bolig)",
                        "start_date", "2023-01-01", "end_date", "2024-12-31", NULL);
      g_snprintf (id[2], sizeof id[2], "%" G_GINT64_FORMAT, goal1);
      add (b, KURS_ENTITY_INITIATIVE_GOAL, initiative, "goal_id", id[2], NULL);
    }

  /* Course corrections ("Kurs") and data between the plans (seed 001) */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const dates[] = { "2024-12-01", "2026-12-01", "2028-12-01" };
      gint64 plans[] = { plan1, plan2, plan3 };

      g_snprintf (id[2], sizeof id[2], "%" G_GINT64_FORMAT, plans[i]);
      add (b, KURS_ENTITY_COURSE_CORRECTION, s, "date", dates[i],
           "text", "Kursjustering før næste handleplan, på baggrund af data. "
                   "Eksempeltekst: indholdet skrives, når kursen justeres.",
           "action_plan_id", id[2], NULL);
    }

  /* The process plan 2022 (seed 000), held or planned as the slide shows */
  seminar = add_milestone (b, "seminar", "Seminar: Udsattestrategi – for hvem og hvilke fokusområder?",
                           "2022-05-20", "2022-05-21", "true",
                           "Udsattestrategi – for hvem?\n"
                           "Udsattestrategi – hvilke fokusområder? (Evt. pointer omkring mål? "
                           "Om tidshorisont?)");
  add_milestone (b, "committee-meeting", "Socialudvalgsmøde: opsamling fra seminar og forslag til proces",
                 "2022-05-31", NULL, "true",
                 "Drøfter/justerer administrationens opsamling på pointer fra seminar\n"
                 "Drøfter/justerer forslag til proces med involvering af relevante interessenter "
                 "(fx borgere, råd, nævn, andre politiske udvalg o.l.)");
  add_milestone (b, "committee-meeting", "Socialudvalgsmøde: godkendelse af opsamling og proces",
                 "2022-08-09", NULL, "false",
                 "Godkendelse af administrationens opsamling på pointer fra seminar – sendes til "
                 "relevante råd, nævn o.l.\n"
                 "Godkendelse af forslag til proces");
  sep6 = add_milestone (b, "committee-meeting", "Socialudvalgsmøde: temamødets rammer og deltagere",
                        "2022-09-06", NULL, "false",
                        "Orientering om temamødets rammer og deltagere\n"
                        "Evt. præsentation af, hvad de forskellige interessenter har budt ind med "
                        "ift. konkrete dilemmaer, problematikker, tendenser eller forslag til "
                        "udviklingsmål inden for de politisk definerede områder");
  theme = add_milestone (b, "theme-meeting", "Temamøde (halvdagsworkshop): indsatsområder og udviklingsmål",
                         "2022-09-19", NULL, "false",
                         "Drøfte konkrete indsatsområder og udviklingsmål\n"
                         "Arbejde videre med »forandringsstrategien« i samarbejde med relevante "
                         "aktører (herunder alle formandsskaber for udvalg i kommunen)");
  add_milestone (b, "committee-meeting", "Socialudvalgsmøde: første udkast til samlet strategi",
                 "2022-10-04", NULL, "false",
                 "Første udkast til samlet strategi drøftes af Socialudvalget");
  add_milestone (b, "committee-meeting", "Socialudvalgsmøde: strategien godkendes og sendes i høring",
                 "2022-11-08", NULL, "false",
                 "Strategien godkendes og sendes til høring hos relevante andre udvalg og "
                 "eventuelle interessenter");
  hearing = add_milestone (b, "hearing", "Høring hos råd, nævn og andre udvalg",
                           "2022-11-08", "2022-11-29", "false",
                           "Kildematerialet angiver ikke høringsfristen; høringen ligger mellem "
                           "Socialudvalgets møder den 8. og 29. november 2022.");
  add_milestone (b, "approval", "Socialudvalget godkender strategien endeligt",
                 "2022-11-29", NULL, "false", "Strategien godkendes endeligt");
  add (b, KURS_ENTITY_MILESTONE, s, "kind", "council-adoption",
       "title", "Kommunalbestyrelsen (KMB) behandler strategien",
       "start_date", "2022-12-01", "end_date", "2022-12-31", "committee", "Kommunalbestyrelsen",
       "agenda", "Kilden angiver kun »herefter KMB«; mødedatoen er ikke angivet.", NULL);

  /* Implementation and follow-up 2023–2029 (seed 001); where the seed
   * gives only a year or months, the milestone spans them. */
  add_milestone (b, "committee-meeting", "Handleplan 2023–24 præsenteres for Socialudvalget",
                 "2023-01-01", "2023-12-31", "false",
                 "Kilden angiver kun året 2023.");
  add_recurring (b, "data-release", "Årlige nøgletal på udsatteområdet præsenteres for Socialudvalget",
                 "2023-01-01", "2023-12-31", "1", "2028",
                 "Relevante data på udsatteområdet indarbejdes i de årlige nøgletal. "
                 "Kilden angiver kun årene.");
  add_recurring (b, "data-release", "VIVE's hjemløsetælling: dataindsamling",
                 "2024-02-01", "2024-02-29", "2", "2028",
                 "Nye tal fra VIVE: hjemløsetællingen samles i februar.");
  add_recurring (b, "data-release", "VIVE's hjemløsetælling offentliggøres",
                 "2024-08-01", "2024-09-30", "2", "2028",
                 "Offentliggøres ca. august/september.");
  add_recurring (b, "status-review", "Status på udsattestrategien drøftes i Socialudvalget",
                 "2024-09-01", "2024-10-31", "2", "2026",
                 "Status drøftes på socialudvalgsmøde i september/oktober.");
  add_milestone (b, "committee-meeting", "Handleplan 2025–26 præsenteres for Socialudvalget",
                 "2024-11-01", "2024-12-31", "false",
                 "November/december. (Kilden skriver »handleplan (2024-’26)«.)");
  add_milestone (b, "committee-meeting", "Handleplan 2027–28 præsenteres for Socialudvalget",
                 "2026-11-01", "2026-12-31", "false",
                 "November/december. (Kilden skriver også her »handleplan (2024-’26)«; "
                 "overblikket over implementeringen viser handleplan 2027–28.)");
  add_milestone (b, "evaluation", "Udsattestrategien 2022–29 evalueres i Socialudvalget",
                 "2028-01-01", "2028-12-31", "false",
                 "Evalueres med henblik på at udfase eller justere strategien. "
                 "Kilden angiver kun året 2028.");

  /* Stakeholders the seeds name, and how each was involved */
  add_stakeholder (b, "Socialudvalget", "committee", "Fagudvalg for strategien.");
  politicians = add_stakeholder (b, "Politikere", "politician",
                                 "Inputgivere; deltager i seminaret.");
  chairs = add_stakeholder (b, "Formandsskaber for kommunens udvalg", "committee",
                            "Deltager i temamødet.");
  committees = add_stakeholder (b, "Andre politiske udvalg", "committee", "Høringspart.");
  disability = add_stakeholder (b, "Handicaprådet", "council",
                                "Eksempel på et råd; kildematerialet nævner »råd« generelt.");
  seniors = add_stakeholder (b, "Seniorrådet", "council",
                             "Eksempel på et råd; kildematerialet nævner »råd« generelt.");
  boards = add_stakeholder (b, "Nævn", "board", "Relevante nævn; høringspart.");
  region = add_stakeholder (b, "Regionen", "partner",
                            "Budget 2021: i samarbejde med regionen og andre lokale aktører.");
  actors = add_stakeholder (b, "Lokale aktører og samarbejdspartnere", "partner",
                            "Eksterne interessenter; input og deltagelse i temamødet.");
  key_staff = add_stakeholder (b, "Nøglemedarbejdere i administrationen", "employee",
                               "Medarbejdere og ledere interviewes for input til udfordringer "
                               "og muligheder.");
  add_stakeholder (b, "Ledere og medarbejdere i velfærdscentre og bolig", "employee",
                   "Interne arbejdsmøder om konkrete indsatser og handleplaner.");
  add_stakeholder (b, "Borgere", "citizen", "Nævnt blandt de interessenter, der kan inddrages.");

  involve (b, politicians, seminar, "participant");
  involve (b, chairs, theme, "participant");
  involve (b, actors, theme, "participant");
  involve (b, region, sep6, "input");
  involve (b, key_staff, sep6, "interviewed");
  involve (b, committees, hearing, "hearing-party");
  involve (b, disability, hearing, "hearing-party");
  involve (b, seniors, hearing, "hearing-party");
  involve (b, boards, hearing, "hearing-party");

  /* The hearing round; the seeds give neither the deadline nor responses */
  g_snprintf (id[0], sizeof id[0], "%" G_GINT64_FORMAT, hearing);
  round = add (b, KURS_ENTITY_HEARING_ROUND, s,
               "title", "Høring om udkast til udsattestrategi (frist: eksempel)",
               "milestone_id", id[0], "sent_date", "2022-11-08", "deadline", "2022-11-22", NULL);
  {
    gint64 parties[] = { committees, disability, seniors, boards };

    for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
      {
        g_snprintf (id[1], sizeof id[1], "%" G_GINT64_FORMAT, parties[i]);
        add (b, KURS_ENTITY_HEARING_PARTY, round, "stakeholder_id", id[1], NULL);
      }
  }
}

/**
 * kurs_example_create:
 * @store: a library
 *
 * Adds the Ballerup example strategy to @store as one action.
 *
 * Returns: (transfer full): the new strategy, or %NULL with @error set
 */
KursRecord *
kurs_example_create (KursStore  *store,
                     GError    **error)
{
  g_autoptr(KursRecord) strategy = NULL;
  Builder b = { store, 0, NULL };

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);

  if (!kurs_store_begin (store, _("Add example strategy"), error))
    return NULL;

  strategy = kurs_store_create (store, KURS_ENTITY_STRATEGY, 0, &b.error,
                                "title", g_variant_new_string ("Strategi for udsatte borgere"),
                                "short_name", g_variant_new_string ("Udsattestrategi"),
                                "start_year", g_variant_new_int64 (2022),
                                "end_year", g_variant_new_int64 (2029),
                                "committee", g_variant_new_string ("Socialudvalget"),
                                "vision", g_variant_new_string (
                                  "Eksempeltekst: kildematerialet gengiver ikke selve visionen. "
                                  "Her skrives strategiens vision og dens sammenhæng til "
                                  "Ballerup Kommunes øvrige politikker."),
                                NULL);
  if (strategy != NULL)
    {
      g_autoptr(GPtrArray) history = kurs_store_list (store, KURS_ENTITY_STATUS_CHANGE,
                                                       kurs_record_get_id (strategy));

      /* The draft began with the seminar, not on the day the example is
       * opened. */
      kurs_store_set_internal (store, history->pdata[0], "date",
                               g_variant_new_string ("2022-05-20"), &b.error);
      b.strategy_id = kurs_record_get_id (strategy);
      build (&b);
    }

  if (b.error != NULL)
    {
      kurs_store_rollback (store);
      g_propagate_error (error, b.error);
      return NULL;
    }

  if (!kurs_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&strategy);
}
