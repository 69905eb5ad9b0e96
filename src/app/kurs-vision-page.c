/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-vision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-record-row.h"
#include "kurs-record-section.h"
#include "kurs-text-area.h"
#include "kurs-vision-page.h"

/* The vision, and the links to other policies. */

struct _KursVisionPage
{
  KursPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KursVisionPage, kurs_vision_page, KURS_TYPE_PAGE)

static const char * const link_fields[] = { "title", "relation", NULL };

static GtkWidget *
create_link_row (KursRecord *record,
                 gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, NULL);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), link_fields);
  return row;
}

static KursRecord *
add_link (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_POLICY_LINK, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New policy"))), NULL);
}

static void
kurs_vision_page_build (KursPage *page)
{
  KursStore *store = kurs_page_get_store (page);
  KursRecord *strategy = kurs_page_get_strategy (page);
  GtkWidget *texts = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (box), kurs_text_area_new (store, strategy, "vision"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (texts), box);
  kurs_page_add (page, texts);

  kurs_page_add_section (page, KURS_ENTITY_POLICY_LINK, _("Links to Other Policies"),
                         _("No links yet: add the policies the strategy builds on, such as Vision 2029"),
                         create_link_row, _("Add Policy"), add_link);
}

static void
kurs_vision_page_class_init (KursVisionPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "vision";
  page_class->title = N_("Vision");
  page_class->icon_name = "weather-clear-symbolic";
  page_class->build = kurs_vision_page_build;
}

static void
kurs_vision_page_init (KursVisionPage *self)
{
}
