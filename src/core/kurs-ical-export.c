/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-ical-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "kurs-ical-export.h"

/* The strategy's dates for a calendar program (RFC 5545), written with
 * libical: each milestone an all-day event over its days, a recurring
 * one with its RRULE (every N years, until its last year), and each
 * initiative's deadline an all-day event on its last day.  A calendar
 * that imports the file twice finds the same UIDs, so it updates rather
 * than doubles the events. */

static struct icaltimetype
ical_date (KursDate date)
{
  struct icaltimetype time = icaltime_null_date ();
  int year, month, day;

  kurs_date_to_ymd (date, &year, &month, &day);
  time.year = year;
  time.month = month;
  time.day = day;
  time.is_date = 1;
  return time;
}

static icalcomponent *
all_day_event (const char *uid,
               const char *summary,
               const char *description,
               KursDate    start,
               KursDate    end,
               struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (start)));
  /* DTEND of an all-day event is the day after its last */
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date ((end > start ? end : start) + 1)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  return event;
}

/**
 * kurs_ical_export:
 *
 * Returns: (transfer full): the strategy's milestones and initiative
 *   deadlines as an iCalendar file, or %NULL with @error set
 */
char *
kurs_ical_export (KursStore   *store,
                  KursRecord  *strategy,
                  GError     **error)
{
  gint64 strategy_id;
  const char *uuid;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  char *text;
  char *out;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  strategy_id = kurs_record_get_id (strategy);
  uuid = kurs_record_get_text (strategy, "uuid");
  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Kurs//Kurs " PACKAGE_VERSION "//DA"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  {
    icalproperty *name = icalproperty_new_x (kurs_record_get_title (strategy));

    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, strategy_id);
  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      KursDate start = kurs_record_get_date (milestone, "start_date");
      KursDate end = kurs_record_has_value (milestone, "end_date") ? kurs_record_get_date (milestone, "end_date")
                                                                   : start;
      int every = kurs_record_get_int (milestone, "repeat_every_years");
      g_autofree char *uid = g_strdup_printf ("milestone-%" G_GINT64_FORMAT "-%s@kurs.dk",
                                              kurs_record_get_id (milestone), uuid);
      icalcomponent *event = all_day_event (uid, kurs_record_get_title (milestone),
                                            kurs_record_get_text (milestone, "agenda"), start, end, stamp);
      const char *committee = kurs_record_get_text (milestone, "committee");
      int kind = kurs_record_get_enum (milestone, "kind");

      if (committee != NULL)
        icalcomponent_add_property (event, icalproperty_new_location (committee));
      if (kind >= 0)
        icalcomponent_add_property (event,
                                    icalproperty_new_categories (kurs_enum_info_to_label (&kurs_milestone_kind_enum,
                                                                                          kind)));
      if (every > 0)
        {
          struct icalrecurrencetype rule;
          int until = kurs_record_get_int (milestone, "repeat_until_year");

          icalrecurrencetype_clear (&rule);
          rule.freq = ICAL_YEARLY_RECURRENCE;
          rule.interval = every;
          if (until >= kurs_date_get_year (start))
            rule.until = ical_date (kurs_date_from_ymd (until, 12, 31));
          icalcomponent_add_property (event, icalproperty_new_rrule (rule));
        }
      icalcomponent_add_component (calendar, event);
    }

  plans = kurs_store_list (store, KURS_ENTITY_ACTION_PLAN, strategy_id);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GPtrArray) initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE,
                                                          kurs_record_get_id (plans->pdata[i]));

      for (guint k = 0; k < initiatives->len; k++)
        {
          KursRecord *initiative = initiatives->pdata[k];
          KursDate deadline = kurs_record_has_value (initiative, "end_date")
                              ? kurs_record_get_date (initiative, "end_date")
                              : kurs_record_get_date (plans->pdata[i], "end_date");
          g_autofree char *uid = g_strdup_printf ("initiative-%" G_GINT64_FORMAT "-%s@kurs.dk",
                                                  kurs_record_get_id (initiative), uuid);
          /* Translators: an initiative's deadline, in a calendar */
          g_autofree char *summary = g_strdup_printf (_("Deadline: %s"), kurs_record_get_title (initiative));
          icalcomponent *event = all_day_event (uid, summary, kurs_record_get_text (initiative, "description"),
                                                deadline, deadline, stamp);

          icalcomponent_add_property (event, icalproperty_new_categories (_("Initiative")));
          icalcomponent_add_component (calendar, event);
        }
    }

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The calendar could not be written: %s"),
                   icalerror_strerror (icalerrno));
      return NULL;
    }
  out = g_strdup (text);
  icalmemory_free_buffer (text);
  return out;
}

/**
 * kurs_ical_export_file:
 *
 * Writes kurs_ical_export() to @path, safely: all of it or nothing.
 */
gboolean
kurs_ical_export_file (KursStore   *store,
                       KursRecord  *strategy,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *text = kurs_ical_export (store, strategy, error);

  return text != NULL && g_file_set_contents (path, text, -1, error);
}
