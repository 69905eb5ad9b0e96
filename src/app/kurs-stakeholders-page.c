/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-stakeholders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-involvement-matrix.h"
#include "kurs-record-row.h"
#include "kurs-stakeholders-page.h"

/* The stakeholders — politicians, councils, boards, committees, partners,
 * citizens, employees — with a contact and notes each, and the matrix of
 * how each is involved in the milestones of the process. */

struct _KursStakeholdersPage
{
  KursPage parent_instance;
};

G_DEFINE_FINAL_TYPE (KursStakeholdersPage, kurs_stakeholders_page, KURS_TYPE_PAGE)

static const char * const stakeholder_fields[] = { "name", "kind", "contact", "notes", NULL };

static char *
describe_stakeholder (KursStore  *store,
                      KursRecord *stakeholder)
{
  g_autoptr(GPtrArray) involvements = kurs_store_list (store, KURS_ENTITY_INVOLVEMENT,
                                                       kurs_record_get_id (stakeholder), NULL);
  int kind = kurs_record_get_enum (stakeholder, "kind");
  const char *kind_label = kind >= 0 ? kurs_enum_info_to_label (&kurs_stakeholder_kind_enum, kind) : "";

  if (involvements->len == 0)
    /* Translators: a stakeholder's kind, and that it takes no part yet */
    return g_strdup_printf (_("%s · not involved yet"), kind_label);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · involved in %u milestone",
                                       "%s · involved in %u milestones", involvements->len),
                          kind_label, involvements->len);
}

static GtkWidget *
create_stakeholder_row (KursRecord *record,
                        gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_stakeholder);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), stakeholder_fields);
  return row;
}

static KursRecord *
add_stakeholder (gpointer user_data)
{
  KursPage *page = user_data;

  return kurs_page_create (page, KURS_ENTITY_STAKEHOLDER, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "name", g_variant_new_string (kurs_page_content_text (page, N_("New stakeholder"))),
                           "kind", g_variant_new_string ("partner"), NULL);
}

static void
kurs_stakeholders_page_build (KursPage *page)
{
  GtkWidget *group;

  kurs_page_add_section (page, KURS_ENTITY_STAKEHOLDER, _("Stakeholders"),
                         _("No stakeholders yet: the politicians, councils, boards, committees, partners, "
                           "employees and citizens the strategy involves"),
                         create_stakeholder_row, _("Add Stakeholder"), add_stakeholder);

  group = kurs_heading_group_new (_("Involvement"),
                                  _("How each stakeholder takes part in the milestones of the process: "
                                    "choose a cell to change it"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             kurs_involvement_matrix_new (kurs_page_get_store (page), kurs_page_get_strategy (page)));
  kurs_page_add (page, group);
}

static void
kurs_stakeholders_page_class_init (KursStakeholdersPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  page_class->name = "stakeholders";
  page_class->title = N_("Stakeholders");
  page_class->icon_name = "x-office-address-book-symbolic";
  page_class->build = kurs_stakeholders_page_build;
}

static void
kurs_stakeholders_page_init (KursStakeholdersPage *self)
{
}
