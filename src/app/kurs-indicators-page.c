/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-csv-import.h"
#include "kurs-field-binding.h"
#include "kurs-indicators-page.h"
#include "kurs-input-file.h"
#include "kurs-key-figure-chart.h"
#include "kurs-record-row.h"

/* The indicators the strategy is measured by — unit, baseline, target,
 * source and the goal each one measures — and their key figures: the
 * measurements over time, drawn against the baseline and the target, and
 * imported from a spreadsheet's CSV. */

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

static const char * const measurement_fields[] = { "date", "value", "note", NULL };

/* A measurement is named by its date and value */
static char *
measurement_title (KursStore  *store,
                   KursRecord *measurement)
{
  g_autofree char *date = kurs_date_format_local (kurs_record_get_date (measurement, "date"));
  g_autofree char *value = kurs_chart_format_number (kurs_record_get_real (measurement, "value"));

  return g_strdup_printf ("%s · %s", date, value);
}

static char *
measurement_note (KursStore  *store,
                  KursRecord *measurement)
{
  return g_strdup (kurs_record_get_text (measurement, "note"));
}

static GtkWidget *
create_measurement_row (KursRecord *record,
                        gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, measurement_note);

  kurs_record_row_set_title_func (KURS_RECORD_ROW (row), measurement_title);
  kurs_record_row_set_fields (KURS_RECORD_ROW (row), measurement_fields);
  return row;
}

static KursRecord *
add_measurement (gpointer user_data)
{
  KursNestedContext *context = user_data;
  g_autofree char *today = kurs_date_to_iso (kurs_date_today ());
  g_autoptr(GPtrArray) earlier = kurs_store_list (kurs_page_get_store (context->page), KURS_ENTITY_MEASUREMENT,
                                                  kurs_record_get_id (context->parent), NULL);
  /* the latest value, or the baseline, to type over */
  double value = earlier->len > 0 ? kurs_record_get_real (earlier->pdata[earlier->len - 1], "value")
                                  : kurs_record_get_real (context->parent, "baseline");

  return kurs_page_create (context->page, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (context->parent),
                           "date", g_variant_new_string (today),
                           "value", g_variant_new_double (value), NULL);
}

static void
populate_indicator (KursRecordRow *row,
                    gpointer       user_data)
{
  KursPage *page = user_data;
  KursRecord *indicator = kurs_record_row_get_record (row);
  GtkWidget *chart = kurs_key_figure_chart_new (kurs_page_get_store (page), indicator);

  kurs_record_row_add_fields (row, indicator_fields);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 6);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  kurs_record_row_add_editor (row, chart);
  kurs_record_row_add_editor (row, kurs_page_nested_section (page, indicator, KURS_ENTITY_MEASUREMENT,
                                                             _("Measurements"),
                                                             _("No measurements yet: add them one by one, or "
                                                               "import a CSV file from a spreadsheet"),
                                                             create_measurement_row, _("Add Measurement"),
                                                             add_measurement));
}

static GtkWidget *
create_indicator_row (KursRecord *record,
                      gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_indicator);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_indicator, page);
  return row;
}

/* CSV */

static void
show_problems (KursPage   *page,
               GError     *error,
               GPtrArray  *problems)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                              _("Nothing Was Imported"), error->message);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len && i < 20; i++)
    g_string_append_printf (lines, "%s%s", i ? "\n" : "", ((KursCsvProblem *) problems->pdata[i])->message);
  if (problems != NULL && problems->len > 20)
    g_string_append_printf (lines, "\n%s", _("…and more"));

  if (lines->len > 0)
    {
      GtkWidget *label = gtk_label_new (lines->str);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sheet read and checked in the background: its measurements are
 * added here, in one action */
static void
csv_read_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KursPage) page = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KursCsvSheet) sheet = kurs_csv_read_finish (result, &problems, &error);
  int n;

  if (sheet == NULL)
    {
      show_problems (page, error, problems);
      return;
    }

  n = kurs_csv_sheet_import (kurs_page_get_store (page), sheet, &error);
  if (n < 0)
    show_problems (page, error, NULL);
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d measurement imported",
                                                            "%d measurements imported", n), n);

      gtk_widget_activate_action (GTK_WIDGET (page), "win.show-undo-toast", "s", text);
    }
}

static void
csv_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KursPage) page = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  gboolean too_large;

  contents = kurs_input_file_read_finish (result, &too_large, &error);
  if (too_large)
    {
      kurs_csv_check_size (G_MAXINT64, &error);
      show_problems (page, error, NULL);
      return;
    }
  if (contents == NULL)
    {
      kurs_show_error (GTK_WIDGET (page), error);
      return;
    }

  kurs_csv_read_async (kurs_page_get_store (page), kurs_page_get_strategy (page), contents, NULL, csv_read_cb,
                       g_object_ref (page));
}

static void
csv_chosen_cb (GtkNativeDialog *chooser,
               int              response,
               KursPage        *page)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      /* Read in a thread, and no more than a sheet can be */
      if (path != NULL)
        kurs_input_file_read_async (path, KURS_CSV_MAX_BYTES, NULL, csv_loaded_cb, g_object_ref (page));
      else
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                         _("Only files on this computer can be imported"));

          kurs_show_error (GTK_WIDGET (page), error);
        }
    }
  g_object_unref (chooser);
}

static void
import_csv_cb (KursPage *page)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  chooser = gtk_file_chooser_native_new (_("Import Measurements"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (csv_chosen_cb), page, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static KursRecord *
add_indicator (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_INDICATOR, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "name", g_variant_new_string (kurs_page_content_text (page, N_("New indicator"))), NULL);
}

static void
kurs_indicators_page_build (KursPage *page)
{
  GtkWidget *section;

  section = kurs_page_add_section (page, KURS_ENTITY_INDICATOR, _("Indicators"),
                                   _("No indicators yet: what will show whether the strategy works"),
                                   create_indicator_row, _("Add Indicator"), add_indicator);

  /* Key figures from a spreadsheet act on the indicators: beside their title */
  if (kurs_page_can_edit (page, KURS_ENTITY_MEASUREMENT))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import CSV…"));

      gtk_widget_set_tooltip_text (button, _("Key figures from a spreadsheet: a CSV file of indicator, date and "
                                             "value, one measurement a line"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (import_csv_cb), page, G_CONNECT_SWAPPED);
      kurs_record_section_add_button (KURS_RECORD_SECTION (section), button);
    }
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
