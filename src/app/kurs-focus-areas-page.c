/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-focus-areas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-focus-areas-page.h"
#include "kurs-record-row.h"
#include "kurs-text-area.h"

/* The strategy in the form of the Ballerup social strategy (seed 002):
 * its core value, the principles citizens should experience, the focus
 * areas with their bearings, and how they are measured — the indicators,
 * edited on their own page. */

struct _KursFocusAreasPage
{
  KursPage    parent_instance;

  GtkListBox *measurement;
};

G_DEFINE_FINAL_TYPE (KursFocusAreasPage, kurs_focus_areas_page, KURS_TYPE_PAGE)

static const char * const bearing_fields[] = { "text", NULL };
static const char * const area_fields[] = { "title", "description", NULL };
static const char * const principle_fields[] = { "title", "text", NULL };

static GtkWidget *
create_bearing_row (KursRecord *record,
                    gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, NULL);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), bearing_fields);
  return row;
}

static KursRecord *
add_bearing (gpointer user_data)
{
  KursNestedContext *context = user_data;

  return kurs_page_create (context->page, KURS_ENTITY_BEARING, kurs_record_get_id (context->parent),
                           "text", g_variant_new_string (kurs_page_content_text (context->page, N_("New bearing"))), NULL);
}

static char *
describe_area (KursStore  *store,
               KursRecord *record)
{
  g_autoptr(GPtrArray) bearings = kurs_store_list (store, KURS_ENTITY_BEARING, kurs_record_get_id (record), NULL);

  if (bearings->len == 0)
    return g_strdup (_("No bearings"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bearing", "%u bearings", bearings->len),
                          bearings->len);
}

static void
populate_area (KursRecordRow *row,
               gpointer       user_data)
{
  KursPage *page = user_data;

  kurs_record_row_add_fields (row, area_fields);
  kurs_record_row_add_editor (row, kurs_page_nested_section (page, kurs_record_row_get_record (row),
                                                             KURS_ENTITY_BEARING, _("Bearings"),
                                                             _("No bearings yet"), create_bearing_row,
                                                             _("Add Bearing"), add_bearing));
}

static GtkWidget *
create_area_row (KursRecord *record,
                 gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_area);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_area, page);
  return row;
}

static KursRecord *
add_area (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_FOCUS_AREA, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New focus area"))), NULL);
}

static GtkWidget *
create_principle_row (KursRecord *record,
                      gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, NULL);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), principle_fields);
  return row;
}

static KursRecord *
add_principle (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_PRINCIPLE, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New principle"))), NULL);
}

/* The indicators, each opening its editor on the Indicators page */
static void
fill_measurement (KursFocusAreasPage *self)
{
  KursPage *page = KURS_PAGE (self);
  g_autoptr(GPtrArray) indicators = kurs_store_list (kurs_page_get_store (page), KURS_ENTITY_INDICATOR,
                                                     kurs_record_get_id (kurs_page_get_strategy (page)), NULL);

  kurs_boxed_list_clear (self->measurement);
  for (guint i = 0; i < indicators->len; i++)
    {
      KursRecord *indicator = indicators->pdata[i];

      gtk_list_box_append (self->measurement,
                           kurs_open_row_new (kurs_record_get_title (indicator),
                                              kurs_record_get_text (indicator, "source"), "indicators", indicator));
    }
}

static void
store_changed_cb (KursFocusAreasPage *self,
                  guint               entities)
{
  if (entities & (1u << KURS_ENTITY_INDICATOR))
    fill_measurement (self);
}

static void
kurs_focus_areas_page_build (KursPage *page)
{
  KursFocusAreasPage *self = KURS_FOCUS_AREAS_PAGE (page);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             kurs_text_area_new (kurs_page_get_store (page), kurs_page_get_strategy (page),
                                                 "core_value"));
  kurs_page_add (page, group);

  kurs_page_add_section (page, KURS_ENTITY_PRINCIPLE, _("Principles"),
                         _("No principles yet: what citizens should experience, whatever the area"),
                         create_principle_row, _("Add Principle"), add_principle);
  kurs_page_add_section (page, KURS_ENTITY_FOCUS_AREA, _("Focus Areas"),
                         _("No focus areas yet: the areas the strategy works in, each with its bearings"),
                         create_area_row, _("Add Focus Area"), add_area);

  group = kurs_heading_group_new (_("Measurement"),
                                  _("The indicators that follow the principles and focus areas up; each is "
                                    "edited on the Indicators page"));
  list = kurs_boxed_list_new (_("Measurement"), _("No indicators yet: add them on the Indicators page"));
  self->measurement = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  kurs_page_add (page, group);
  fill_measurement (self);
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
kurs_focus_areas_page_class_init (KursFocusAreasPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "focus-areas";
  page_class->title = N_("Focus Areas");
  page_class->icon_name = "view-grid-symbolic";
  page_class->build = kurs_focus_areas_page_build;
}

static void
kurs_focus_areas_page_init (KursFocusAreasPage *self)
{
}
