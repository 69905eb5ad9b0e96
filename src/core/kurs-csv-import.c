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

static KursRecord *
find_indicator (GPtrArray  *indicators,
                const char *name)
{
  gint64 id;

  for (guint i = 0; i < indicators->len; i++)
    if (g_utf8_collate (kurs_record_get_text (indicators->pdata[i], "name"), name) == 0)
      return indicators->pdata[i];

  if (g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &id, NULL))
    for (guint i = 0; i < indicators->len; i++)
      if (kurs_record_get_id (indicators->pdata[i]) == id)
        return indicators->pdata[i];

  return NULL;
}

static gboolean
parse_value (const char *text,
             char        separator,
             double     *value)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  char *end = NULL;

  /* 1.234,5 in a Danish sheet: the points group thousands */
  if (separator == ';' && strchr (number, ','))
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
  KursRecord *indicator;
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
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) kurs_csv_problem_free);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  const char *p, *end, *first_line_end;
  char separator;
  guint line = 0;

  g_return_val_if_fail (KURS_IS_STORE (store), -1);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), -1);
  g_return_val_if_fail (text != NULL, -1);

  g_array_set_clear_func (rows, clear_row);
  if (length < 0)
    length = strlen (text);
  if (!kurs_csv_check_size (length, error))
    return -1;
  end = text + length;

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_ENCODING,
                   _("The file is not UTF-8 text; save it from the spreadsheet as “CSV UTF-8”"));
      return -1;
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

  indicators = kurs_store_list (store, KURS_ENTITY_INDICATOR, kurs_record_get_id (strategy), error);
  if (error != NULL && *error != NULL)
    return -1;

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

      row.indicator = find_indicator (indicators, fields->pdata[0]);
      /* A first line of headings is not a measurement */
      if (at == 1 && row.indicator == NULL && !kurs_date_parse_typed (fields->pdata[1], &date, NULL))
        continue;

      if (row.indicator == NULL)
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

      if (row.indicator == NULL || found->len > 0)
        continue;
      row.date = kurs_date_to_iso (date);
      row.note = fields->len > 3 && *(char *) fields->pdata[3] ? g_strdup (fields->pdata[3]) : NULL;
      g_array_append_val (rows, row);
    }

  if (found->len == 0 && rows->len == 0)
    {
      g_set_error (error, KURS_CSV_ERROR, KURS_CSV_ERROR_EMPTY, _("The file holds no measurements"));
      return -1;
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
        *problems = g_steal_pointer (&found);
      return -1;
    }

  if (!kurs_store_begin (store, _("Import measurements"), error))
    return -1;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr(KursRecord) measurement = NULL;

      measurement = kurs_store_create (store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (row->indicator), error,
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

  if (problems)
    *problems = g_steal_pointer (&found);
  return rows->len;
}
