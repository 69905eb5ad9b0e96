/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KursDate:
 *
 * A calendar date as a Julian day number (day 1 is 1 January of year 1,
 * as in #GDate).  0 means "no date".  Dates are written to the library and
 * to XML as ISO 8601 calendar dates, `YYYY-MM-DD`.
 */
typedef guint32 KursDate;

#define KURS_DATE_NONE ((KursDate) 0)

#define KURS_DATE_ERROR (kurs_date_error_quark ())
GQuark kurs_date_error_quark (void);

typedef enum {
  KURS_DATE_ERROR_INVALID,
} KursDateError;

gboolean  kurs_date_parse             (const char  *text,
                                       KursDate    *out_date,
                                       GError     **error);
gboolean  kurs_date_check             (const char  *text,
                                       GError     **error);
gboolean  kurs_date_is_valid_iso      (const char  *text);
char     *kurs_date_normalise         (const char  *text);
gboolean  kurs_date_parse_typed       (const char  *text,
                                       KursDate    *out_date,
                                       GError     **error);
KursDate  kurs_date_from_ymd          (int          year,
                                       int          month,
                                       int          day);
void      kurs_date_to_ymd            (KursDate     date,
                                       int         *year,
                                       int         *month,
                                       int         *day);
int       kurs_date_get_year          (KursDate     date);
int       kurs_date_get_month         (KursDate     date);
int       kurs_date_get_day           (KursDate     date);
int       kurs_date_days_in_month     (int          year,
                                       int          month);
char     *kurs_date_to_iso            (KursDate     date);
KursDate  kurs_date_add_months        (KursDate     date,
                                       int          months);
KursDate  kurs_date_add_years         (KursDate     date,
                                       int          years);
KursDate  kurs_date_today             (void);
char     *kurs_date_format_local      (KursDate     date);

G_END_DECLS
