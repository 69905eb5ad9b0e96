/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-csv-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-csv-import.h"

G_DEFINE_QUARK (kurs-csv-error-quark, kurs_csv_error)

/* Measurements of key figures from a spreadsheet: one a line, as
 * `indicator,date,value[,note]`.  The indicator is named as in the
 * strategy (or by its number); the date is ISO or Danish (29.11.2022);
 * the value has a point or, where the fields are separated by
 * semicolons as a Danish spreadsheet writes them, a comma for its
 * decimals.  A first line of headings is skipped.  Every line is checked
 * before anything is stored: a file with one bad line is refused with a
 * message per bad line, and nothing is imported. */

void
kurs_csv_problem_free (KursCsvProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray    *problems,
             guint         line,
             KursCsvError  code,
             const char   *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (GPtrArray    *problems,
             guint         line,
             KursCsvError  code,
             const char   *format,
             ...)
{
  KursCsvProblem *problem = g_new0 (KursCsvProblem, 1);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  problem->line = line;
  problem->code = code;
  /* Translators: a problem in a CSV file, "Line 4: …" */
  problem->message = g_strdup_printf (_("Line %u: %s"), line, what);
  g_ptr_array_add (problems, problem);
}

/* Splits one record at @separator, with "quoted" fields ("" for a quote
 * inside them); a quoted field may hold line breaks.  Moves *p past it. */
static GPtrArray *
read_record (const char **p,
             const char  *end,
             char         separator,
             guint       *line,
             gboolean    *open_quote)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *s = *p;

  *open_quote = FALSE;
  while (s < end)
    {
      char c = *s;

      if (quoted)
        {
          if (c == '"' && s + 1 < end && s[1] == '"')
            {
              g_string_append_c (field, '"');
              s += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                (*line)++;
              g_string_append_c (field, c);
            }
          s++;
          continue;
        }

      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == separator)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && s + 1 < end && s[1] == '\n')
            s++;
          s++;
          break;
        }
      else
        g_string_append_c (field, c);
      s++;
    }

  *open_quote = quoted;
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  *p = s;
  return fields;
}

/* An indicator as the sheet names it: taken from its record before the
 * sheet is read, so that reading needs no store (and may be done in a
 * thread) */
typedef struct {
  gint64  id;
  char   *name;
} Indicator;

static void
clear_indicator (gpointer data)
{
  g_free (((Indicator *) data)->name);
}

/* The indicator's id, by name or by id; 0 when the strategy has none */
static gint64
find_indicator (GArray     *indicators,
                const char *name)
{
  gint64 id;

  for (guint i = 0; i < indicators->len; i++)
    if (g_utf8_collate (g_array_index (indicators, Indicator, i).name, name) == 0)
      return g_array_index (indicators, Indicator, i).id;

  if (g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < indicators->len; i++)
      if (g_array_index (indicators, Indicator, i).id == id)
        return id;

  return 0;
}

/* "1.190", "12.500.000": one to three digits (not a lone 0), then groups
 * of a point and three digits */
static gboolean
groups_thousands (const char *text)
{
  const char *p = text;
  guint lead = 0;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (p[lead]))
    lead++;
  if (lead == 0 || lead > 3 || (lead == 1 && p[0] == '0') || p[lead] != '.')
    return FALSE;
  for (p += lead; *p == '.'; p += 4)
    if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]))
      return FALSE;
  return *p == '\0';
}

static gboolean
parse_value (const char *text,
             char        separator,
             double     *value)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  char *end = NULL;

  /* 1.234,5 in a Danish sheet: the points group thousands; and so they do
   * in 1.190 or 12.500.000 there, with no comma (a decimal point would
   * not be followed by groups of three) */
  if (separator == ';' && (strchr (number, ',') || groups_thousands (number)))
    {
      g_autoptr(GString) plain = g_string_new (NULL);

      for (const char *c = number; *c; c++)
        if (*c != '.')
          g_string_append_c (plain, *c == ',' ? '.' : *c);
      g_free (number);
      number = g_string_free (g_steal_pointer (&plain), FALSE);
    }

  /* Decimal numbers only: not "0x1p3", "inf" or "nan", which strtod()
   * would read */
  if (!kurs_text_is_decimal (number))
    return FALSE;
  *value = g_ascii_strtod (number, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

typedef struct {
  gint64      indicator;
  char       *date;
  double      value;
  char       *note;
} Row;

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_free (row->date);
  g_free (row->note);
}

/**
 * KursCsvSheet:
 *
 * A sheet of measurements for one strategy: the strategy's indicators as
 * they were when it was made (kurs_csv_sheet_new(), which reads the
 * store), then the file read and checked line by line
 * (kurs_csv_sheet_read(), which needs no store and may run in a thread),
 * then added in one action (kurs_csv_sheet_import()).
 */
struct _KursCsvSheet
{
  gint64     strategy_id;
  GArray    *indicators;   /* Indicator */
  GArray    *rows;         /* Row */
  GPtrArray *problems;     /* KursCsvProblem */
};

void
kurs_csv_sheet_free (KursCsvSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_array_unref (sheet->indicators);
  g_array_unref (sheet->rows);
  g_ptr_array_unref (sheet->problems);
  g_free (sheet);
}

/**
 * kurs_csv_sheet_new:
 *
 * Returns: (transfer full): a sheet for @strategy's indicators, or %NULL
 *   with @error set if they cannot be read
 */
KursCsvSheet *
kurs_csv_sheet_new (KursStore   *store,
                    KursRecord  *strategy,
                    GError     **error)
{
  g_autoptr(GPtrArray) indicators = NULL;
  GError *read_error = NULL;
  KursCsvSheet *sheet;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  indicators = kurs_store_list (store, KURS_ENTITY_INDICATOR, kurs_record_get_id (strategy), &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }

  sheet = g_new0 (KursCsvSheet, 1);
  sheet->strategy_id = kurs_record_get_id (strategy);
  sheet->indicators = g_array_sized_new (FALSE, TRUE, sizeof (Indicator), indicators->len);
  g_array_set_clear_func (sheet->indicators, clear_indicator);
  for (guint i = 0; i < indicators->len; i++)
    {
      Indicator indicator = { kurs_record_get_id (indicators->pdata[i]),
                              g_strdup (kurs_record_get_text (indicators->pdata[i], "name")) };

      g_array_append_val (sheet->indicators, indicator);
    }
  sheet->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (sheet->rows, clear_row);
  sheet->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kurs_csv_problem_free);
  return sheet;
}

/**
 * kurs_csv_sheet_read:
 * @text: the file, UTF-8, with its lines
 * @length: its length, or -1
 * @problems: (out) (optional) (element-type KursCsvProblem): every line
 *   that is not a measurement, and why
 *
 * Reads the measurements of @text into @sheet, checking each line; uses
 * no store.
 *
 * Returns: whether every line is a measurement (or a heading), with
 *   @error set to the first problem if not
 */
gboolean
kurs_csv_sheet_read (KursCsvSheet  *sheet,
                     const char    *text,
                     gssize         length,
                     GPtrArray    **problems,
                     GError       **error)
{
  GPtrArray *found;
  GArray *rows;
  const char *p, *end, *first_line_end;
  char separator;
  guint line = 0;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  found = sheet->problems;
  rows = sheet->rows;
  if (length < 0)
    length = strlen (text);
  if (!kurs_csv_check_size (length, error))
    return FALSE;
  end = text + length;
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_ENCODING,
                   _("The file is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”"));
      return FALSE;
    }

  /* A byte-order mark, as spreadsheets write it */
  p = text;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  /* Semicolons where the first line has them, as a Danish sheet writes */
  first_line_end = memchr (p, '\n', end - p);
  if (first_line_end == NULL)
    first_line_end = end;
  separator = memchr (p, ';', first_line_end - p) ? ';' : ',';

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = NULL;
      gboolean open_quote, blank = TRUE;
      guint at;
      Row row = { 0 };
      KursDate date;

      at = ++line;
      fields = read_record (&p, end, separator, &line, &open_quote);
      for (guint i = 0; i < fields->len && blank; i++)
        blank = *g_strstrip ((char *) fields->pdata[i]) == '\0';
      if (blank)
        continue;

      if (open_quote)
        {
          add_problem (found, at, KURS_CSV_ERROR_QUOTE, _("a quoted field is not closed"));
          break;
        }
      if (fields->len < 3 || fields->len > 4)
        {
          add_problem (found, at, KURS_CSV_ERROR_FIELDS,
                       _("%u fields; a measurement has 3 or 4: indicator, date, value, note"), fields->len);
          continue;
        }

      /* A byte-order mark belongs at the start of a file only; further
       * on (files put together) it is invisible, so it is named */
      {
        gboolean mark = FALSE;

        for (guint i = 0; i < fields->len && !mark; i++)
          mark = strstr (fields->pdata[i], "\xef\xbb\xbf") != NULL;
        if (mark)
          {
            add_problem (found, at, KURS_CSV_ERROR_ENCODING,
                         _("a byte-order mark (an invisible character that belongs at the start of a file) "
                           "is in the middle of the file; were two files put together?"));
            continue;
          }
      }

      row.indicator = find_indicator (sheet->indicators, fields->pdata[0]);
      /* A first line of headings is not a measurement */
      if (at == 1 && row.indicator == 0 && !kurs_date_parse_typed (fields->pdata[1], &date, NULL))
        continue;

      if (row.indicator == 0)
        add_problem (found, at, KURS_CSV_ERROR_INDICATOR, _("the strategy has no indicator “%s”"),
                     (char *) fields->pdata[0]);
      if (!kurs_date_parse_typed (fields->pdata[1], &date, NULL))
        add_problem (found, at, KURS_CSV_ERROR_DATE, _("“%s” is not a date (write 2024-09-30 or 30.09.2024)"),
                     (char *) fields->pdata[1]);
      if (!parse_value (fields->pdata[2], separator, &row.value))
        add_problem (found, at, KURS_CSV_ERROR_VALUE, _("“%s” is not a number"), (char *) fields->pdata[2]);

      /* The note as the store would check it, said with its line */
      if (fields->len > 3 && *(char *) fields->pdata[3])
        {
          g_autoptr(GError) note_error = NULL;

          if (!kurs_store_check_value (KURS_ENTITY_MEASUREMENT, "note",
                                       g_variant_new_string (fields->pdata[3]), &note_error))
            add_problem (found, at, KURS_CSV_ERROR_VALUE, "%s", note_error->message);
        }

      if (row.indicator == 0 || found->len > 0)
        continue;
      row.date = kurs_date_to_iso (date);
      row.note = fields->len > 3 && *(char *) fields->pdata[3] ? g_strdup (fields->pdata[3]) : NULL;
      g_array_append_val (rows, row);
    }

  if (found->len == 0 && rows->len == 0)
    {
      g_set_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_EMPTY, _("The file holds no measurements"));
      return FALSE;
    }

  if (found->len > 0)
    {
      KursCsvProblem *first = found->pdata[0];
      guint n_lines = 0, last_line = 0;

      /* a line may have more than one problem */
      for (guint i = 0; i < found->len; i++)
        {
          KursCsvProblem *problem = found->pdata[i];

          n_lines += problem->line != last_line;
          last_line = problem->line;
        }
      g_set_error (error, KURS_CSV_ERROR, first->code,
                   g_dngettext (GETTEXT_PACKAGE, "%u line is not a measurement; nothing was imported",
                                "%u lines are not measurements; nothing was imported", n_lines),
                   n_lines);
      if (problems)
        *problems = g_ptr_array_ref (found);
      return FALSE;
    }

  if (problems)
    *problems = g_ptr_array_ref (found);
  return TRUE;
}

/**
 * kurs_csv_sheet_import:
 *
 * Adds the measurements read into @sheet to @store, in one action.
 *
 * Returns: how many, or -1 with @error set
 */
int
kurs_csv_sheet_import (KursStore     *store,
                       KursCsvSheet  *sheet,
                       GError       **error)
{
  g_return_val_if_fail (KURS_IS_STORE (store), -1);
  g_return_val_if_fail (sheet != NULL && sheet->problems->len == 0, -1);

  if (!kurs_store_begin (store, _("Import measurements"), error))
    return -1;
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      Row *row = &g_array_index (sheet->rows, Row, i);
      g_autoptr(KursRecord) measurement = NULL;

      measurement = kurs_store_create (store, KURS_ENTITY_MEASUREMENT, row->indicator, error,
                                       "date", g_variant_new_string (row->date),
                                       "value", g_variant_new_double (row->value),
                                       "note", row->note ? g_variant_new_string (row->note) : NULL,
                                       NULL);
      if (measurement == NULL)
        {
          kurs_store_rollback (store);
          return -1;
        }
    }
  if (!kurs_store_commit (store, error))
    return -1;

  return sheet->rows->len;
}

/* In the background */

typedef struct {
  KursCsvSheet *sheet;
  GBytes       *text;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  kurs_csv_sheet_free (read->sheet);
  g_bytes_unref (read->text);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *read = task_data;
  gsize length;
  const char *text = g_bytes_get_data (read->text, &length);
  GError *error = NULL;

  /* The problems stay in the sheet, for kurs_csv_read_finish() */
  if (!kurs_csv_sheet_read (read->sheet, text != NULL ? text : "", length, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kurs_csv_read_async:
 * @text: the file
 *
 * Reads @text into a sheet of @strategy's indicators in a thread, as
 * kurs_csv_sheet_new() and kurs_csv_sheet_read() do.
 */
void
kurs_csv_read_async (KursStore           *store,
                     KursRecord          *strategy,
                     GBytes              *text,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ReadData *read;
  KursCsvSheet *sheet;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kurs_csv_read_async);
  g_task_set_name (task, "kurs-csv-read");

  if (!(sheet = kurs_csv_sheet_new (store, strategy, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  read = g_new0 (ReadData, 1);
  read->sheet = sheet;
  read->text = g_bytes_ref (text);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * kurs_csv_read_finish:
 * @problems: (out) (optional) (element-type KursCsvProblem): as
 *   kurs_csv_sheet_read() gives them
 *
 * Returns: (transfer full): the sheet, ready for kurs_csv_sheet_import(),
 *   or %NULL with @error set
 */
KursCsvSheet *
kurs_csv_read_finish (GAsyncResult  *result,
                      GPtrArray    **problems,
                      GError       **error)
{
  ReadData *read;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kurs_csv_read_async, NULL);

  read = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (problems != NULL && read != NULL && read->sheet->problems->len > 0)
        *problems = g_ptr_array_ref (read->sheet->problems);
      return NULL;
    }

  return g_steal_pointer (&read->sheet);
}

/**
 * kurs_csv_check_size:
 * @size: the size of a file, in bytes
 *
 * Whether a file of @size can be a sheet of measurements: a larger one is
 * refused, before it is read, with a message that says so.
 */
gboolean
kurs_csv_check_size (goffset   size,
                     GError  **error)
{
  if (size <= KURS_CSV_MAX_BYTES)
    return TRUE;

  g_set_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_TOO_LARGE,
               _("The file is too large to be a sheet of measurements (more than %d MB)"),
               KURS_CSV_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

/**
 * kurs_csv_import:
 * @text: the file's contents
 * @problems: (out) (optional) (element-type KursCsvProblem): each bad line
 *
 * Adds the measurements in @text to @strategy's indicators, as one
 * action; where any line is bad, nothing.
 *
 * Returns: how many were added, or -1 with @error set (and the bad lines
 *   in @problems)
 */
int
kurs_csv_import (KursStore   *store,
                 KursRecord  *strategy,
                 const char  *text,
                 gssize       length,
                 GPtrArray  **problems,
                 GError     **error)
{
  g_autoptr(KursCsvSheet) sheet = NULL;
  int n;

  g_return_val_if_fail (KURS_IS_STORE (store), -1);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), -1);
  g_return_val_if_fail (text != NULL, -1);

  if (!(sheet = kurs_csv_sheet_new (store, strategy, error))
      || !kurs_csv_sheet_read (sheet, text, length, problems, error))
    return -1;

  n = kurs_csv_sheet_import (store, sheet, error);
  return n;
}
