/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-indicators-page.h"
#include "kurs-record-row.h"

/* The indicators the strategy is measured by: unit, baseline, target,
 * source and the goal each one measures. */

struct _KursIndicatorsPage
{
  KursPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KursIndicatorsPage, kurs_indicators_page, KURS_TYPE_PAGE)

static char *
describe_indicator (KursStore  *store,
                    KursRecord *indicator)
{
  const char *unit = kurs_record_get_text (indicator, "unit");

  if (!kurs_record_has_value (indicator, "target"))
    return g_strdup (unit ? unit : "");

  /* Translators: an indicator's target, "target 120 persons" */
  return g_strdup_printf (_("Target %g %s"), kurs_record_get_real (indicator, "target"), unit ? unit : "");
}

static const char * const indicator_fields[] = {
  "name", "unit", "baseline", "baseline_year", "target", "target_year", "source", "goal_id", NULL
};

static GtkWidget *
create_indicator_row (KursRecord *record,
                      gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_indicator);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), indicator_fields);
  return row;
}

static KursRecord *
add_indicator (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_INDICATOR, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "name", g_variant_new_string (_("New indicator")), NULL);
}

static void
kurs_indicators_page_build (KursPage *page)
{
  kurs_page_add_section (page, KURS_ENTITY_INDICATOR, _("Indicators"),
                         _("No indicators yet: what will show whether the strategy works"),
                         create_indicator_row, _("Add Indicator"), add_indicator);
}

static void
kurs_indicators_page_class_init (KursIndicatorsPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "indicators";
  page_class->title = N_("Indicators");
  page_class->icon_name = "x-office-spreadsheet-symbolic";
  page_class->build = kurs_indicators_page_build;
}

static void
kurs_indicators_page_init (KursIndicatorsPage *self)
{
}
