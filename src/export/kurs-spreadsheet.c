/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-spreadsheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "kurs-export-file.h"
#include "kurs-health.h"
#include "kurs-print-document.h"
#include "kurs-spreadsheet.h"

/* The action plans as a spreadsheet (.xlsx, by libxlsxwriter), for the
 * managers who report on their initiatives upward: a sheet an action
 * plan with its initiatives (owner, dates, status, the health Kurs
 * derives, progress, the goals served), a sheet of the key figures'
 * measurements and one of the milestones.  Dates are dates, numbers
 * numbers and progress a percentage, not text; each sheet's header row
 * stays in sight and has an autofilter. */

/* Excel's limit on a sheet's name */
#define SHEET_NAME_MAX 31

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *date;
  lxw_format   *percent;
  lxw_format   *number;
  lxw_format   *wrap;
  GHashTable   *names;    /* sheet names taken, folded */
} Sheets;

/* A sheet's name from a plan's title: no []:*?/\, at most 31 characters,
 * not taken already (Excel compares them without case) */
static char *
sheet_name (Sheets     *sheets,
            const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = title; *p && g_utf8_strlen (name->str, -1) < SHEET_NAME_MAX; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) (c < 128 ? c : 'a')) != NULL && c < 128)
        g_string_append_c (name, '-');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  while (name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  g_string_set_size (name, strlen (name->str));
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, _("Sheet"));

  base = g_strdup (name->str);
  for (guint n = 2; ; n++)
    {
      g_autofree char *folded = g_utf8_casefold (name->str, -1);

      if (!g_hash_table_contains (sheets->names, folded))
        {
          g_hash_table_add (sheets->names, g_steal_pointer (&folded));
          return g_string_free (g_steal_pointer (&name), FALSE);
        }
      {
        g_autofree char *suffix = g_strdup_printf (" (%u)", n);
        glong room = SHEET_NAME_MAX - g_utf8_strlen (suffix, -1);
        glong length = MIN (g_utf8_strlen (base, -1), room);
        const char *cut = g_utf8_offset_to_pointer (base, length);

        g_string_truncate (name, 0);
        g_string_append_len (name, base, cut - base);
        g_string_append (name, suffix);
      }
    }
}

static lxw_worksheet *
add_sheet (Sheets            *sheets,
           const char        *title,
           const char *const *header,
           const double      *widths,
           guint              n_columns)
{
  g_autofree char *name = sheet_name (sheets, title);
  lxw_worksheet *sheet = workbook_add_worksheet (sheets->workbook, name);

  if (sheet == NULL)
    return NULL;
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (sheet, 0, c, header[c], sheets->header);
      worksheet_set_column (sheet, c, c, widths[c], NULL);
    }
  /* the header stays in sight */
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

static void
finish_sheet (lxw_worksheet *sheet,
              guint          n_rows,
              guint          n_columns)
{
  worksheet_autofilter (sheet, 0, 0, n_rows, n_columns - 1);
}

static void
write_text (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && *text)
    worksheet_write_string (sheet, row, column, text, format);
}

static void
write_date (Sheets        *sheets,
            lxw_worksheet *sheet,
            guint          row,
            guint          column,
            KursRecord    *record,
            const char    *field)
{
  lxw_datetime date = { 0 };
  int year, month, day;

  if (!kurs_record_has_value (record, field))
    return;
  kurs_date_to_ymd (kurs_record_get_date (record, field), &year, &month, &day);
  date.year = year;
  date.month = month;
  date.day = day;
  worksheet_write_datetime (sheet, row, column, &date, sheets->date);
}

static gboolean
add_plan (Sheets      *sheets,
          KursStore   *store,
          KursRecord  *plan,
          GHashTable  *served,
          KursDate     today,
          GError     **error)
{
  const char *header[] = {
    _("Initiative"), _("Owner"), _("Start"), _("End"), _("Status"), _("Health"),
    _("Progress"), _("Expected by now"), _("Serves"),
  };
  const double widths[] = { 40, 28, 12, 12, 14, 16, 10, 16, 40 };
  g_autoptr(GPtrArray) initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), error);
  lxw_worksheet *sheet;

  if (initiatives == NULL || (error && *error))
    return FALSE;
  sheet = add_sheet (sheets, kurs_record_get_title (plan), header, widths, G_N_ELEMENTS (header));
  if (sheet == NULL)
    return FALSE;

  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];
      gint64 id = kurs_record_get_id (initiative);
      int status = kurs_record_get_enum (initiative, "status");
      KursInitiativeHealth health;
      guint row = i + 1;

      kurs_health_of_initiative (initiative, plan, today, &health);

      write_text (sheet, row, 0, kurs_record_get_title (initiative), NULL);
      write_text (sheet, row, 1, kurs_record_get_text (initiative, "owner"), NULL);
      write_date (sheets, sheet, row, 2, initiative, "start_date");
      write_date (sheets, sheet, row, 3, initiative, "end_date");
      if (status >= 0)
        write_text (sheet, row, 4, kurs_enum_info_to_label (&kurs_initiative_status_enum, status), NULL);
      write_text (sheet, row, 5, kurs_health_get_label (health.health), NULL);
      worksheet_write_number (sheet, row, 6, health.progress / 100.0, sheets->percent);
      worksheet_write_number (sheet, row, 7, health.expected / 100.0, sheets->percent);
      write_text (sheet, row, 8, g_hash_table_lookup (served, &id), NULL);
    }
  finish_sheet (sheet, initiatives->len, G_N_ELEMENTS (header));
  return TRUE;
}

static gboolean
add_key_figures (Sheets      *sheets,
                 KursStore   *store,
                 KursRecord  *strategy,
                 GError     **error)
{
  const char *header[] = { _("Indicator"), _("Unit"), _("Date"), _("Value"), _("Note") };
  const double widths[] = { 40, 16, 12, 12, 40 };
  g_autoptr(GPtrArray) indicators = kurs_store_list (store, KURS_ENTITY_INDICATOR, kurs_record_get_id (strategy), error);
  lxw_worksheet *sheet;
  guint row = 0;

  if (indicators == NULL || (error && *error))
    return FALSE;
  /* Translators: a spreadsheet's sheet of measurements; at most 31 characters */
  sheet = add_sheet (sheets, _("Key Figures"), header, widths, G_N_ELEMENTS (header));
  if (sheet == NULL)
    return FALSE;

  for (guint i = 0; i < indicators->len; i++)
    {
      KursRecord *indicator = indicators->pdata[i];
      g_autoptr(GPtrArray) measurements = kurs_store_list (store, KURS_ENTITY_MEASUREMENT,
                                                           kurs_record_get_id (indicator), error);

      if (measurements == NULL || (error && *error))
        return FALSE;
      for (guint k = 0; k < measurements->len; k++)
        {
          KursRecord *measurement = measurements->pdata[k];

          row++;
          write_text (sheet, row, 0, kurs_record_get_title (indicator), NULL);
          write_text (sheet, row, 1, kurs_record_get_text (indicator, "unit"), NULL);
          write_date (sheets, sheet, row, 2, measurement, "date");
          worksheet_write_number (sheet, row, 3, kurs_record_get_real (measurement, "value"), sheets->number);
          write_text (sheet, row, 4, kurs_record_get_text (measurement, "note"), NULL);
        }
    }
  finish_sheet (sheet, row, G_N_ELEMENTS (header));
  return TRUE;
}

static gboolean
add_milestones (Sheets      *sheets,
                KursStore   *store,
                KursRecord  *strategy,
                GError     **error)
{
  const char *header[] = { _("Milestone"), _("Kind"), _("Date"), _("End date"), _("Committee"), _("Held") };
  const double widths[] = { 44, 20, 12, 12, 30, 8 };
  g_autoptr(GPtrArray) milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), error);
  lxw_worksheet *sheet;

  if (milestones == NULL || (error && *error))
    return FALSE;
  /* Translators: a spreadsheet's sheet of milestones; at most 31 characters */
  sheet = add_sheet (sheets, _("Milestones"), header, widths, G_N_ELEMENTS (header));
  if (sheet == NULL)
    return FALSE;

  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      int kind = kurs_record_get_enum (milestone, "kind");
      guint row = i + 1;

      write_text (sheet, row, 0, kurs_record_get_title (milestone), NULL);
      if (kind >= 0)
        write_text (sheet, row, 1, kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind), NULL);
      write_date (sheets, sheet, row, 2, milestone, "start_date");
      write_date (sheets, sheet, row, 3, milestone, "end_date");
      write_text (sheet, row, 4, kurs_record_get_text (milestone, "committee"), NULL);
      worksheet_write_boolean (sheet, row, 5, kurs_record_get_bool (milestone, "held"), NULL);
    }
  finish_sheet (sheet, milestones->len, G_N_ELEMENTS (header));
  return TRUE;
}

/**
 * kurs_spreadsheet_write:
 * @path: the .xlsx to write
 *
 * Writes the strategy's action plans, key figures and milestones as a
 * spreadsheet: beside @path first, then renamed into place, so a failure
 * leaves no half-written file.
 */
gboolean
kurs_spreadsheet_write (KursStore   *store,
                        KursRecord  *strategy,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GHashTable) served = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0 };
  Sheets sheets = { 0 };
  KursDate today = kurs_date_today ();
  lxw_error status;
  gboolean ok;
  int saved = 0;

  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* with what is being typed */
  kurs_store_prepare (store);
  plans = kurs_store_list (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy), &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (!(temporary = kurs_export_file_begin (path, error)))
    return FALSE;

  /* libxlsxwriter's own temporary files go beside it too */
  dir = g_path_get_dirname (path);
  options.tmpdir = dir;
  sheets.workbook = workbook_new_opt (temporary, &options);
  sheets.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = sheets.workbook != NULL;
  if (ok)
    {
      lxw_doc_properties properties = { 0 };

      properties.title = (char *) kurs_record_get_title (strategy);
      properties.comments = (char *) "Kurs " PACKAGE_VERSION;
      workbook_set_properties (sheets.workbook, &properties);
      sheets.header = workbook_add_format (sheets.workbook);
      format_set_bold (sheets.header);
      format_set_bottom (sheets.header, LXW_BORDER_THIN);
      sheets.date = workbook_add_format (sheets.workbook);
      format_set_num_format (sheets.date, "yyyy-mm-dd");
      sheets.percent = workbook_add_format (sheets.workbook);
      format_set_num_format (sheets.percent, "0%");
      sheets.number = workbook_add_format (sheets.workbook);
      format_set_num_format (sheets.number, "General");
    }

  served = kurs_health_goals_served (store, strategy, "; ");
  for (guint i = 0; ok && i < plans->len; i++)
    ok = add_plan (&sheets, store, plans->pdata[i], served, today, &read_error);
  ok = ok && add_key_figures (&sheets, store, strategy, &read_error);
  ok = ok && add_milestones (&sheets, store, strategy, &read_error);

  errno = 0;
  status = sheets.workbook ? workbook_close (sheets.workbook) : LXW_ERROR_MEMORY_MALLOC_FAILED;
  saved = errno;
  g_hash_table_unref (sheets.names);

  if (read_error != NULL)
    {
      g_unlink (temporary);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (status != LXW_NO_ERROR && saved == 0)
    g_debug ("libxlsxwriter: %s", lxw_strerror (status));
  return kurs_export_file_end (temporary, path, ok && status == LXW_NO_ERROR, saved, error);
}

/* In the background */

static gpointer
write_in_thread (KursStore   *store,
                 KursRecord  *strategy,
                 gpointer     data,
                 GError     **error)
{
  if (!kurs_spreadsheet_write (store, strategy, data, error))
    return NULL;
  return g_strdup (data);
}

/**
 * kurs_spreadsheet_write_async:
 * @library: the library's file
 * @strategy: a strategy of a store on @library
 *
 * Writes the spreadsheet as kurs_spreadsheet_write() does, in a thread
 * with a read-only store of its own.
 */
void
kurs_spreadsheet_write_async (const char          *library,
                              KursRecord          *strategy,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  kurs_store_read_strategy_async (library, strategy, write_in_thread, g_strdup (path), g_free, g_free,
                                  kurs_spreadsheet_write_async, cancellable, callback, user_data);
}

gboolean
kurs_spreadsheet_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_autofree char *path = kurs_store_read_strategy_finish (result, kurs_spreadsheet_write_async, error);

  return path != NULL;
}
