/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-example"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "kurs-example.h"
#include "kurs-xml-import.h"

/* The example library: two strategies of Ballerup Kommune, from the public
 * slides, minutes and strategy text in shared/seeds, shipped as Kurs XML
 * (data/example/) and imported as any strategy is.
 *
 * - "Strategi for udsatte borgere" (seeds 000, 001): the 2022 process,
 *   held; its hearing, answered; approved by Socialudvalget on
 *   29 November 2022 as version 1; then followed up in four action plans
 *   2023–2029, with yearly key figures and VIVE's biennial homelessness
 *   counts.
 * - "Strategi for Socialområdet 2024–2026" (seed 002): its core value,
 *   principles, focus areas with their bearings, and measurement.
 *
 * Where the seeds are silent (the vision of the first, the hearing
 * responses, the initiatives after 2024, every figure), the text says that
 * it is an example rather than inventing facts in Ballerup's name.
 *
 * The follow-up goes on as the years do: the file holds the strategy as it
 * was approved, and kurs_example_follow_up() lives its years until today —
 * what is past is held or done, what is current in progress (one
 * initiative of each plan lagging), and the key figures that are out by
 * now are measured. */

#define RESOURCE "/dk/kurs/Kurs/core/example/"

/* In each plan the initiative begun last lags: at risk while it runs,
 * nearly done when its time is up */
#define LAGGING_PACE  0.8
#define LAGGING_END   95

/* The key figures, in the units their indicators give (example figures,
 * as the indicators' sources say).  A figure is known some time after the
 * day it is about: VIVE counts in February and publishes in the autumn;
 * the yearly figures are presented to the committee the spring after. */
typedef struct {
  const char *indicator;
  int         first_year;
  int         every_years;
  int         month;        /* of the day the figure is about… */
  int         day;
  int         known_months; /* …and how long after it is known */
  double      values[8];
} KeyFigures;

static const KeyFigures key_figures[] = {
  { "Hjemløse borgere i Ballerup (VIVE's hjemløsetælling)", 2022, 2, 2, 7, 7, { 61, 58, 53, 47 } },
  { "Nøgletal på udsatteområdet: borgere på forsorgshjem", 2022, 1, 12, 31, 2, { 48, 47, 45, 44, 41, 39, 37, 35 } },
  { "Udsatte borgere i uddannelse eller beskæftigelse", 2022, 1, 12, 31, 2, { 18, 19, 19.5, 21, 22, 23, 24, 25 } },
};

static KursRecord *
import_resource (KursStore   *store,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE, name, NULL);
  g_autoptr(GBytes) xml = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (xml == NULL)
    return NULL;

  /* A new identity each time: the example may be opened more than once */
  return kurs_xml_import (store, xml, KURS_XML_IMPORT_NEW_IDENTITY, error);
}

static gboolean
set_int (KursStore   *store,
         KursRecord  *record,
         const char  *field,
         gint64       value,
         GError     **error)
{
  return kurs_record_get_int (record, field) == value
         || kurs_store_set (store, record, field, g_variant_new_int64 (value), error);
}

/* Past milestones were held; a recurring one is a series, which is never
 * all held */
static gboolean
hold_past_milestones (KursStore   *store,
                      KursRecord  *strategy,
                      KursDate     today,
                      GError     **error)
{
  g_autoptr(GPtrArray) milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), NULL);

  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      KursDate last = kurs_record_has_value (milestone, "end_date") ? kurs_record_get_date (milestone, "end_date")
                                                                    : kurs_record_get_date (milestone, "start_date");

      if (kurs_record_has_value (milestone, "repeat_every_years") || last >= today
          || kurs_record_get_bool (milestone, "held"))
        continue;
      if (!kurs_store_set (store, milestone, "held", g_variant_new_boolean (TRUE), error))
        return FALSE;
    }

  return TRUE;
}

/* An initiative's status and progress as of @today */
static gboolean
progress_initiative (KursStore   *store,
                     KursRecord  *initiative,
                     gboolean     lagging,
                     KursDate     today,
                     GError     **error)
{
  KursDate start = kurs_record_get_date (initiative, "start_date");
  KursDate end = kurs_record_get_date (initiative, "end_date");
  KursInitiativeStatus status;
  gint64 progress;

  if (start == KURS_DATE_NONE || end == KURS_DATE_NONE || end <= start)
    return TRUE;

  if (today < start)
    {
      status = KURS_INITIATIVE_NOT_STARTED;
      progress = 0;
    }
  else if (today > end)
    {
      status = lagging ? KURS_INITIATIVE_ON_TRACK : KURS_INITIATIVE_DONE;
      progress = lagging ? LAGGING_END : 100;
    }
  else
    {
      double expected = 100.0 * (today - start) / (end - start);

      /* On track is at least the pace the calendar asks for; lagging is
       * below it, enough for its health to say so */
      status = lagging ? KURS_INITIATIVE_AT_RISK : KURS_INITIATIVE_ON_TRACK;
      progress = lagging ? (gint64) floor (expected * LAGGING_PACE) : (gint64) ceil (expected);
      progress = CLAMP (progress, 0, 100);
    }

  return kurs_store_set (store, initiative, "status",
                         g_variant_new_string (kurs_enum_info_to_nick (&kurs_initiative_status_enum, status)),
                         error)
         && set_int (store, initiative, "progress", progress, error);
}

static gboolean
progress_initiatives (KursStore   *store,
                      KursRecord  *strategy,
                      KursDate     today,
                      GError     **error)
{
  g_autoptr(GPtrArray) plans = kurs_store_list (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy), NULL);

  for (guint p = 0; p < plans->len; p++)
    {
      g_autoptr(GPtrArray) initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE,
                                                          kurs_record_get_id (plans->pdata[p]), NULL);
      KursRecord *lagging = NULL;

      /* Listed by start: the last began last */
      if (initiatives->len > 1)
        lagging = initiatives->pdata[initiatives->len - 1];

      for (guint i = 0; i < initiatives->len; i++)
        if (!progress_initiative (store, initiatives->pdata[i], initiatives->pdata[i] == (gpointer) lagging,
                                  today, error))
          return FALSE;
    }

  return TRUE;
}

/* The key figures known by @today */
static gboolean
measure_key_figures (KursStore   *store,
                     KursRecord  *strategy,
                     KursDate     today,
                     GError     **error)
{
  g_autoptr(GPtrArray) indicators = kurs_store_list (store, KURS_ENTITY_INDICATOR, kurs_record_get_id (strategy), NULL);

  for (guint i = 0; i < indicators->len; i++)
    for (guint f = 0; f < G_N_ELEMENTS (key_figures); f++)
      {
        const KeyFigures *figures = &key_figures[f];

        if (!g_str_equal (kurs_record_get_title (indicators->pdata[i]), figures->indicator))
          continue;

        for (guint k = 0; k < G_N_ELEMENTS (figures->values) && figures->values[k] > 0; k++)
          {
            KursDate day = kurs_date_from_ymd (figures->first_year + k * figures->every_years,
                                               figures->month, figures->day);
            g_autofree char *iso = kurs_date_to_iso (day);
            g_autoptr(KursRecord) measurement = NULL;

            if (kurs_date_add_months (day, figures->known_months) > today)
              break;

            measurement = kurs_store_create (store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (indicators->pdata[i]),
                                             error,
                                             "date", g_variant_new_string (iso),
                                             "value", g_variant_new_double (figures->values[k]),
                                             "note", g_variant_new_string ("Eksempeltal"),
                                             NULL);
            if (measurement == NULL)
              return FALSE;
          }
      }

  return TRUE;
}

/**
 * kurs_example_follow_up:
 * @strategy: a strategy as it was approved
 * @today: the day to bring it to
 *
 * Lives a strategy's years until @today, as the example's story has it:
 * past milestones held, initiatives done or under way by their dates (each
 * plan's last begun lagging), and the key figures known by then measured.
 * Joins the action under way, or is one of its own.
 */
gboolean
kurs_example_follow_up (KursStore   *store,
                        KursRecord  *strategy,
                        KursDate     today,
                        GError     **error)
{
  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);

  if (!kurs_store_begin (store, _("Add the example"), error))
    return FALSE;

  if (!hold_past_milestones (store, strategy, today, error)
      || !progress_initiatives (store, strategy, today, error)
      || !measure_key_figures (store, strategy, today, error))
    {
      kurs_store_rollback (store);
      return FALSE;
    }

  return kurs_store_commit (store, error);
}

/**
 * kurs_example_create:
 * @store: a library
 *
 * Adds the example's two strategies to @store as one action, the first
 * followed up until today.
 *
 * Returns: (transfer full): the first strategy ("Strategi for udsatte
 *   borgere"), or %NULL with @error set and nothing added
 */
KursRecord *
kurs_example_create (KursStore  *store,
                     GError    **error)
{
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) second = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);

  if (!kurs_store_begin (store, _("Add the example"), error))
    return NULL;

  if (!(strategy = import_resource (store, "udsattestrategi.xml", error))
      || !(second = import_resource (store, "socialomraadet.xml", error))
      || !kurs_example_follow_up (store, strategy, kurs_date_today (), error))
    {
      kurs_store_rollback (store);
      return NULL;
    }

  if (!kurs_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&strategy);
}
