/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-ical-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-ical-export.h"

/* The strategy's dates for a calendar program (RFC 5545): each milestone
 * an all-day event over its days, a recurring one with its RRULE (every N
 * years, until its last year), and each initiative's deadline an all-day
 * event on its last day.  A calendar that imports the file twice finds the
 * same UIDs, so it updates rather than doubles the events.
 *
 * Written here rather than with libical, which with the ICU it links
 * took some 4 ms of every start of Kurs before main() to load; the tests
 * parse the file back with libical. */

/* Appends a content line, "NAME:VALUE" or "NAME;PARAMS:VALUE", folded
 * after 75 octets (never inside a UTF-8 character) and ended by CRLF. */
static void
append_line (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize width = 0;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize size = next - p;

      if (width + size > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, size);
      width += size;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* TEXT values: backslash, semicolon, comma and newline escaped */
static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autoptr(GString) value = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
      case ';':
      case ',':
        g_string_append_c (value, '\\');
        g_string_append_c (value, *p);
        break;
      case '\n':
        g_string_append (value, "\\n");
        break;
      case '\r':
        break;
      default:
        g_string_append_c (value, *p);
      }
  append_line (out, name, value->str);
}

/* A DATE value: 20240131 */
static char *
ical_date (KursDate date)
{
  int year, month, day;

  kurs_date_to_ymd (date, &year, &month, &day);
  return g_strdup_printf ("%04d%02d%02d", year, month, day);
}

static void
append_date (GString    *out,
             const char *name,
             KursDate    date)
{
  g_autofree char *property = g_strconcat (name, ";VALUE=DATE", NULL);
  g_autofree char *value = ical_date (date);

  append_line (out, property, value);
}

static void
begin_all_day_event (GString    *out,
                     const char *uid,
                     const char *summary,
                     const char *description,
                     KursDate    start,
                     KursDate    end,
                     const char *stamp)
{
  append_line (out, "BEGIN", "VEVENT");
  append_text (out, "UID", uid);
  append_line (out, "DTSTAMP", stamp);
  append_text (out, "SUMMARY", summary);
  if (description != NULL && *description != '\0')
    append_text (out, "DESCRIPTION", description);
  append_date (out, "DTSTART", start);
  /* DTEND of an all-day event is the day after its last */
  append_date (out, "DTEND", (end > start ? end : start) + 1);
  append_line (out, "TRANSP", "TRANSPARENT");
}

/**
 * kurs_ical_export:
 *
 * Returns: (transfer full): the strategy's milestones and initiative
 *   deadlines as an iCalendar file (@error is kept for the callers: this
 *   cannot fail)
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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  /* with what is being typed */
  kurs_store_prepare (store);

  strategy_id = kurs_record_get_id (strategy);
  uuid = kurs_record_get_text (strategy, "uuid");

  append_line (out, "BEGIN", "VCALENDAR");
  append_line (out, "VERSION", "2.0");
  append_text (out, "PRODID", "-//Kurs//Kurs " PACKAGE_VERSION "//DA");
  append_line (out, "CALSCALE", "GREGORIAN");
  append_text (out, "X-WR-CALNAME", kurs_record_get_title (strategy));

  milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, strategy_id, NULL);
  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      KursDate start = kurs_record_get_date (milestone, "start_date");
      KursDate end = kurs_record_has_value (milestone, "end_date") ? kurs_record_get_date (milestone, "end_date")
                                                                   : start;
      int every = kurs_record_get_int (milestone, "repeat_every_years");
      g_autofree char *uid = g_strdup_printf ("milestone-%" G_GINT64_FORMAT "-%s@kurs.dk",
                                              kurs_record_get_id (milestone), uuid);
      const char *committee = kurs_record_get_text (milestone, "committee");
      int kind = kurs_record_get_enum (milestone, "kind");

      begin_all_day_event (out, uid, kurs_record_get_title (milestone),
                           kurs_record_get_text (milestone, "agenda"), start, end, stamp);
      if (committee != NULL)
        append_text (out, "LOCATION", committee);
      if (kind >= 0)
        append_text (out, "CATEGORIES", kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind));
      if (every > 0)
        {
          int until = kurs_record_get_int (milestone, "repeat_until_year");
          g_autofree char *rule = NULL;

          if (until >= kurs_date_get_year (start))
            {
              g_autofree char *last = ical_date (kurs_date_from_ymd (until, 12, 31));

              rule = g_strdup_printf ("FREQ=YEARLY;UNTIL=%s;INTERVAL=%d", last, every);
            }
          else
            rule = g_strdup_printf ("FREQ=YEARLY;INTERVAL=%d", every);
          append_line (out, "RRULE", rule);
        }
      append_line (out, "END", "VEVENT");
    }

  plans = kurs_store_list (store, KURS_ENTITY_ACTION_PLAN, strategy_id, NULL);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GPtrArray) initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE,
                                                          kurs_record_get_id (plans->pdata[i]), NULL);

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

          begin_all_day_event (out, uid, summary, kurs_record_get_text (initiative, "description"),
                               deadline, deadline, stamp);
          append_text (out, "CATEGORIES", _("Initiative"));
          append_line (out, "END", "VEVENT");
        }
    }

  append_line (out, "END", "VCALENDAR");
  return g_string_free (out, FALSE);
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
