/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-target-groups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-record-list.h"
#include "kurs-record-row.h"
#include "kurs-record-section.h"
#include "kurs-target-groups-page.h"

/* The target group: who the strategy is for, and who it is not for.
 * Both lists are one entity, split by its "included" field; switching it
 * moves a group from one list to the other. */

struct _KursTargetGroupsPage
{
  KursPage        parent_instance;

  KursRecordList *groups;
  GtkFilter      *included;
  GtkFilter      *excluded;
};

G_DEFINE_FINAL_TYPE (KursTargetGroupsPage, kurs_target_groups_page, KURS_TYPE_PAGE)

static gboolean
is_included (gpointer item,
             gpointer user_data)
{
  return kurs_record_get_bool (item, "included") == GPOINTER_TO_INT (user_data);
}

static void
store_changed_cb (KursTargetGroupsPage *self,
                  guint                 entities)
{
  /* A group changed sides: the filters decide again */
  if (entities & (1u << KURS_ENTITY_TARGET_GROUP))
    {
      gtk_filter_changed (self->included, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->excluded, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static const char * const group_fields[] = { "name", "description", "included", NULL };

static GtkWidget *
create_group_row (KursRecord *record,
                  gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, NULL);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), group_fields);
  return row;
}

static KursRecord *
add_group (KursPage *page,
           gboolean  included)
{
  return kurs_page_create (page, KURS_ENTITY_TARGET_GROUP, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "name", g_variant_new_string (kurs_page_content_text (page, N_("New group"))),
                           "included", g_variant_new_boolean (included), NULL);
}

static KursRecord *
add_included (gpointer user_data)
{
  return add_group (user_data, TRUE);
}

static KursRecord *
add_excluded (gpointer user_data)
{
  return add_group (user_data, FALSE);
}

static GtkWidget *
section (KursTargetGroupsPage     *self,
         GtkFilter                *filter,
         const char               *title,
         const char               *empty,
         const char               *add_label,
         KursRecordSectionAddFunc  add)
{
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)),
                                                                   g_object_ref (filter));
  GtkWidget *widget = kurs_record_section_new (title, empty, G_LIST_MODEL (model), create_group_row, self);

  kurs_record_section_set_add (KURS_RECORD_SECTION (widget), add_label, add, self, NULL);
  kurs_page_set_section_refusal (KURS_PAGE (self), widget, KURS_ENTITY_TARGET_GROUP);
  return widget;
}

static void
kurs_target_groups_page_build (KursPage *page)
{
  KursTargetGroupsPage *self = KURS_TARGET_GROUPS_PAGE (page);
  KursStore *store = kurs_page_get_store (page);

  self->groups = kurs_record_list_new_children (store, KURS_ENTITY_TARGET_GROUP,
                                                kurs_record_get_id (kurs_page_get_strategy (page)));
  self->included = GTK_FILTER (gtk_custom_filter_new (is_included, GINT_TO_POINTER (TRUE), NULL));
  self->excluded = GTK_FILTER (gtk_custom_filter_new (is_included, GINT_TO_POINTER (FALSE), NULL));
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  kurs_page_add (page, section (self, self->included, _("In the Target Group"),
                                _("No groups yet: who is the strategy for?"),
                                _("Add Group"), add_included));
  kurs_page_add (page, section (self, self->excluded, _("Not in the Target Group"),
                                _("No groups yet: who is the strategy not for?"),
                                _("Add Group Left Out"), add_excluded));
}

static void
kurs_target_groups_page_dispose (GObject *object)
{
  KursTargetGroupsPage *self = (KursTargetGroupsPage *) object;

  g_clear_object (&self->groups);
  g_clear_object (&self->included);
  g_clear_object (&self->excluded);

  G_OBJECT_CLASS (kurs_target_groups_page_parent_class)->dispose (object);
}

static void
kurs_target_groups_page_class_init (KursTargetGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  object_class->dispose = kurs_target_groups_page_dispose;

  page_class->name = "target-groups";
  page_class->title = N_("Target Group");
  page_class->icon_name = "system-users-symbolic";
  page_class->build = kurs_target_groups_page_build;
}

static void
kurs_target_groups_page_init (KursTargetGroupsPage *self)
{
}
