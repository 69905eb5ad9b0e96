/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-link-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-check-row.h"
#include "kurs-link-group.h"

/**
 * KursLinkGroup:
 *
 * The links of one record to rows of another kind, as a check list of
 * those rows: the development goals a workshop's output shaped, or an
 * initiative serves; the stakeholders who took part in a workshop.  A
 * tick adds the link row, and taking it off deletes it; each is one
 * action, which undo takes back.
 *
 * The link row either belongs to the owner (an output's goal links: the
 * owner is the link's parent, the target its reference) or to the target
 * (a stakeholder's involvement in a milestone: the target is the parent,
 * the owner the reference).  A link may carry a role (a participant), so
 * that only links of that role count, and ticking turns another role of
 * the same pair into it.
 */
struct _KursLinkGroup
{
  AdwPreferencesGroup  parent_instance;

  KursStore           *store;
  KursRecord          *owner;
  KursEntity           link;
  KursEntity           target;
  /* the link's reference to the owner, or NULL where the owner is its parent */
  const char          *owner_field;
  /* the link's reference to the target, or NULL where the target is its parent */
  const char          *target_field;
  const char          *role_field;
  char                *role;
  GtkListBox          *list;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (KursLinkGroup, kurs_link_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_writable (KursLinkGroup *self)
{
  return kurs_store_check_editable (self->store, self->link, kurs_record_get_strategy_id (self->owner), NULL);
}

/* The links of the owner, of any role */
static GPtrArray *
list_links (KursLinkGroup *self)
{
  if (self->owner_field == NULL)
    return kurs_store_list (self->store, self->link, kurs_record_get_id (self->owner), NULL);
  return kurs_store_list_by_field (self->store, self->link, self->owner_field, kurs_record_get_id (self->owner), NULL);
}

static gint64
link_target (KursLinkGroup *self,
             KursRecord    *link)
{
  return self->target_field ? kurs_record_get_int (link, self->target_field) : kurs_record_get_parent_id (link);
}

static KursRecord *
find_link (GPtrArray     *links,
           KursLinkGroup *self,
           gint64         target_id)
{
  for (guint i = 0; i < links->len; i++)
    if (link_target (self, links->pdata[i]) == target_id)
      return links->pdata[i];
  return NULL;
}

static gboolean
has_role (KursLinkGroup *self,
          KursRecord    *link)
{
  return self->role == NULL || g_strcmp0 (kurs_record_get_text (link, self->role_field), self->role) == 0;
}

static void
toggled_cb (KursCheckRow  *row,
            KursLinkGroup *self)
{
  gint64 target_id = kurs_check_row_get_target_id (row);
  gboolean active = kurs_check_row_get_active (row);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) created = NULL;
  KursRecord *link;
  gboolean ok = TRUE;

  if (self->updating)
    return;

  links = list_links (self);
  link = find_link (links, self, target_id);

  if (active && link == NULL)
    {
      const char *ref_field = self->owner_field ? self->owner_field : self->target_field;
      gint64 ref_id = self->owner_field ? kurs_record_get_id (self->owner) : target_id;
      gint64 parent_id = self->owner_field ? target_id : kurs_record_get_id (self->owner);

      created = kurs_store_create (self->store, self->link, parent_id, &error,
                                   ref_field, g_variant_new_int64 (ref_id),
                                   self->role ? self->role_field : NULL,
                                   self->role ? g_variant_new_string (self->role) : NULL,
                                   NULL);
      ok = created != NULL;
    }
  else if (active && !has_role (self, link))
    ok = kurs_store_set (self->store, link, self->role_field, g_variant_new_string (self->role), &error);
  else if (!active && link != NULL && has_role (self, link))
    ok = kurs_store_delete (self->store, link, &error);

  if (!ok)
    kurs_show_error (GTK_WIDGET (self), error);
}

static void
update_row (KursLinkGroup *self,
            GtkWidget     *row,
            KursRecord    *target,
            GPtrArray     *links,
            gboolean       writable)
{
  GtkWidget *check = GTK_WIDGET (kurs_check_row_get_check (KURS_CHECK_ROW (row)));
  KursRecord *link = find_link (links, self, kurs_record_get_id (target));
  const char *title = kurs_record_get_title (target);
  g_autofree char *escaped = g_markup_escape_text (*title ? title : _("Untitled"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), link != NULL && has_role (self, link));
  gtk_widget_set_sensitive (check, writable);
}

static GtkWidget *
make_row (KursLinkGroup *self,
          KursRecord    *target)
{
  GtkWidget *row = kurs_check_row_new (kurs_record_get_id (target));

  g_signal_connect (row, "toggled", G_CALLBACK (toggled_cb), self);
  return row;
}

static gint64
row_target (GtkListBoxRow *row)
{
  return row ? kurs_check_row_get_target_id (KURS_CHECK_ROW (row)) : -1;
}

/* The rows stay where the targets are the same, so that a tick keeps the
 * keyboard focus where it was */
static void
rebuild (KursLinkGroup *self)
{
  g_autoptr(GPtrArray) targets = kurs_store_list_by_strategy (self->store, self->target,
                                                              kurs_record_get_strategy_id (self->owner), NULL);
  g_autoptr(GPtrArray) links = list_links (self);
  gboolean writable = is_writable (self);
  GtkListBoxRow *row;

  self->updating = TRUE;
  for (guint i = 0; i < targets->len; i++)
    {
      KursRecord *target = targets->pdata[i];
      gint64 id = kurs_record_get_id (target);

      /* A row whose target is gone, or has moved on, goes */
      while ((row = gtk_list_box_get_row_at_index (self->list, i)) != NULL && row_target (row) != id)
        {
          gboolean later = FALSE;

          for (guint k = i + 1; k < targets->len && !later; k++)
            later = row_target (row) == kurs_record_get_id (targets->pdata[k]);
          if (later)
            break;
          gtk_list_box_remove (self->list, GTK_WIDGET (row));
        }

      if (row == NULL || row_target (row) != id)
        {
          row = GTK_LIST_BOX_ROW (make_row (self, target));
          gtk_list_box_insert (self->list, GTK_WIDGET (row), i);
        }
      update_row (self, GTK_WIDGET (row), target, links, writable);
    }

  while ((row = gtk_list_box_get_row_at_index (self->list, targets->len)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  self->updating = FALSE;
}

static void
store_changed_cb (KursLinkGroup *self,
                  guint          entities)
{
  if (kurs_record_is_deleted (self->owner))
    return;
  if (entities & ((1u << self->link) | (1u << self->target)))
    rebuild (self);
}

static void
kurs_link_group_dispose (GObject *object)
{
  KursLinkGroup *self = (KursLinkGroup *) object;

  g_clear_object (&self->owner);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_link_group_parent_class)->dispose (object);
}

static void
kurs_link_group_finalize (GObject *object)
{
  KursLinkGroup *self = (KursLinkGroup *) object;

  g_free (self->role);

  G_OBJECT_CLASS (kurs_link_group_parent_class)->finalize (object);
}

static void
kurs_link_group_class_init (KursLinkGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_link_group_dispose;
  object_class->finalize = kurs_link_group_finalize;
}

static void
kurs_link_group_init (KursLinkGroup *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}

/**
 * kurs_link_group_new:
 * @owner: the record whose links are shown
 * @link: the entity of the link rows
 * @owner_field: (nullable): the link's reference to @owner, or %NULL
 *   where @owner is the link's parent
 * @target: the entity linked to
 * @empty: what the list says when there is nothing to link to
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
kurs_link_group_new (KursStore  *store,
                     KursRecord *owner,
                     KursEntity  link,
                     const char *owner_field,
                     KursEntity  target,
                     const char *title,
                     const char *empty)
{
  const KursEntityInfo *info = kurs_entity_info (link);
  KursLinkGroup *self;
  GtkWidget *placeholder;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (owner), NULL);

  self = g_object_new (KURS_TYPE_LINK_GROUP, "title", title, NULL);
  self->store = g_object_ref (store);
  self->owner = g_object_ref (owner);
  self->link = link;
  self->target = target;

  /* The other side: the parent, or the reference to the other entity */
  if (owner_field == NULL)
    {
      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type == KURS_FIELD_REF && info->fields[i].ref == target
            && (int) i != info->parent_field)
          self->target_field = info->fields[i].name;
      g_return_val_if_fail (self->target_field != NULL, NULL);
    }
  else
    {
      const KursField *field = kurs_entity_info_get_field (info, owner_field);

      g_return_val_if_fail (field != NULL && field->type == KURS_FIELD_REF, NULL);
      g_return_val_if_fail (info->parent == target, NULL);
      self->owner_field = field->name;
    }

  placeholder = gtk_label_new (empty);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_link_group_set_role:
 * @field: an enumeration field of the link
 * @nick: the role the links shown have
 */
void
kurs_link_group_set_role (KursLinkGroup *self,
                          const char    *field,
                          const char    *nick)
{
  const KursField *info;

  g_return_if_fail (KURS_IS_LINK_GROUP (self));

  info = kurs_entity_info_get_field (kurs_entity_info (self->link), field);
  g_return_if_fail (info != NULL && info->type == KURS_FIELD_ENUM);

  self->role_field = info->name;
  g_free (self->role);
  self->role = g_strdup (nick);
  rebuild (self);
}
