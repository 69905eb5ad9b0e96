/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-language.h"
#include "kurs-page.h"
#include "kurs-record-list.h"
#include "kurs-record-row.h"

/**
 * KursPage:
 *
 * A page of a strategy — its overview, vision, goals… — as a scrolling
 * preferences page of groups.  A page gets what it shows through its
 * "store" and "strategy" properties; its subclass fills it in build().
 */
typedef struct
{
  AdwPreferencesPage *content;
  KursStore          *store;
  KursRecord         *strategy;
  GSettings          *settings;
} KursPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (KursPage, kurs_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_STRATEGY,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kurs_page_constructed (GObject *object)
{
  KursPage *self = KURS_PAGE (object);
  KursPageClass *klass = KURS_PAGE_GET_CLASS (self);

  G_OBJECT_CLASS (kurs_page_parent_class)->constructed (object);

  if (klass->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(klass->title), -1);
  if (klass->build != NULL)
    klass->build (self);
}

static void
kurs_page_dispose (GObject *object)
{
  KursPage *self = KURS_PAGE (object);
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_clear_object (&priv->strategy);
  g_clear_object (&priv->store);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (kurs_page_parent_class)->dispose (object);
}

static void
kurs_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (KURS_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_STRATEGY:
      g_value_set_object (value, priv->strategy);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, priv->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kurs_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (KURS_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_STRATEGY:
      priv->strategy = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      priv->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GtkWidget *
find_row (GtkWidget  *widget,
          KursRecord *record)
{
  if (KURS_IS_RECORD_ROW (widget) && kurs_record_row_get_record (KURS_RECORD_ROW (widget)) == record)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, record);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
kurs_page_real_reveal (KursPage   *self,
                       KursRecord *record)
{
  const KursEntityInfo *info = kurs_record_get_info (record);
  GtkWidget *row = find_row (GTK_WIDGET (self), record);

  /* Not made yet: its parent's row makes it when it opens */
  if (row == NULL && info->parent != KURS_ENTITY_NONE && info->parent != KURS_ENTITY_STRATEGY)
    {
      g_autoptr(KursRecord) parent = kurs_store_get (kurs_page_get_store (self), info->parent,
                                                     kurs_record_get_parent_id (record));

      if (parent != NULL && kurs_page_reveal (self, parent))
        row = find_row (GTK_WIDGET (self), record);
    }
  if (row == NULL)
    return FALSE;

  kurs_record_row_open (KURS_RECORD_ROW (row));
  return TRUE;
}

static void
kurs_page_class_init (KursPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->reveal = kurs_page_real_reveal;

  object_class->constructed = kurs_page_constructed;
  object_class->dispose = kurs_page_dispose;
  object_class->get_property = kurs_page_get_property;
  object_class->set_property = kurs_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KURS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STRATEGY] =
    g_param_spec_object ("strategy", NULL, NULL,
                         KURS_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The application's settings, from the window the page is shown in;
   * none in a test */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kurs_page_init (KursPage *self)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  priv->content = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (priv->content));
}

KursStore *
kurs_page_get_store (KursPage *self)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);

  return priv->store;
}

KursRecord *
kurs_page_get_strategy (KursPage *self)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);

  return priv->strategy;
}

/**
 * kurs_page_content_text:
 * @msgid: a text marked with N_()
 *
 * A text Kurs writes into the strategy, such as the title of a new row,
 * in the strategy's language rather than the user interface's
 * (kurs_language_of_strategy()).
 */
const char *
kurs_page_content_text (KursPage   *self,
                        const char *msgid)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), msgid);

  if (priv->strategy == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  return kurs_language_gettext (kurs_language_of_strategy (priv->strategy), msgid);
}

/**
 * kurs_page_is_writable:
 *
 * Returns: whether the strategy's text can be edited: the library is
 *   writable and the strategy is not approved
 */
gboolean
kurs_page_is_writable (KursPage *self)
{
  return kurs_page_can_edit (self, KURS_ENTITY_STRATEGY);
}

/**
 * kurs_page_can_edit:
 * @entity: a kind of row the page shows
 *
 * Returns: whether rows of @entity can be added and changed: the library
 *   is writable, and they are not part of an approved strategy's text
 *   (its process and follow-up never freeze)
 */
gboolean
kurs_page_can_edit (KursPage   *self,
                    KursEntity  entity)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), FALSE);

  return kurs_store_check_editable (priv->store, entity, kurs_record_get_id (priv->strategy), NULL);
}

/**
 * kurs_page_can_edit_field:
 * @entity: a kind of row the page shows
 * @field: one of its fields
 *
 * Returns: whether @field of rows of @entity can be changed (a manager's
 *   role on a server changes an initiative's progress, not its title)
 */
gboolean
kurs_page_can_edit_field (KursPage   *self,
                          KursEntity  entity,
                          const char *field)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), FALSE);

  return kurs_store_check_field_editable (priv->store, entity, field, kurs_record_get_id (priv->strategy), NULL);
}

/**
 * kurs_page_set_section_refusal:
 * @section: a #KursRecordSection of rows of @entity
 *
 * Says at @section why its rows cannot be added, if they cannot.
 */
void
kurs_page_set_section_refusal (KursPage   *self,
                               GtkWidget  *section,
                               KursEntity  entity)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KURS_IS_PAGE (self));
  g_return_if_fail (KURS_IS_RECORD_SECTION (section));

  kurs_store_check_editable (priv->store, entity, kurs_record_get_id (priv->strategy), &error);
  kurs_record_section_set_refusal (KURS_RECORD_SECTION (section), error ? error->message : NULL);
}

/**
 * kurs_page_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, as the
 *   strategy view gave them
 */
GSettings *
kurs_page_get_settings (KursPage *self)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);

  return priv->settings;
}

void
kurs_page_add (KursPage  *self,
               GtkWidget *group)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_if_fail (KURS_IS_PAGE (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  adw_preferences_page_add (priv->content, ADW_PREFERENCES_GROUP (group));
}

void
kurs_page_remove (KursPage  *self,
                  GtkWidget *group)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);

  g_return_if_fail (KURS_IS_PAGE (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  adw_preferences_page_remove (priv->content, ADW_PREFERENCES_GROUP (group));
}

/**
 * kurs_page_reveal:
 * @record: a record the page shows: a milestone, an initiative…
 *
 * Opens @record's editor and moves the keyboard focus to it.
 *
 * Returns: whether the page shows @record
 */
gboolean
kurs_page_reveal (KursPage   *self,
                  KursRecord *record)
{
  g_return_val_if_fail (KURS_IS_PAGE (self), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (record), FALSE);

  return KURS_PAGE_GET_CLASS (self)->reveal (self, record);
}

/**
 * kurs_page_create:
 * @first_field: the first field name, then its #GVariant, … %NULL
 *
 * Adds a row for the page's user; a failure is shown, not thrown.
 *
 * Returns: (transfer full) (nullable): the new record
 */
KursRecord *
kurs_page_create (KursPage   *self,
                  KursEntity  entity,
                  gint64      parent_id,
                  const char *first_field,
                  ...)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  KursRecord *record;
  va_list args;

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (values, va_arg (args, GVariant *));
    }
  va_end (args);

  record = kurs_store_createv (priv->store, entity, parent_id, names->len,
                               (const char * const *) names->pdata,
                               (GVariant * const *) values->pdata, &error);
  if (record == NULL)
    kurs_show_error (GTK_WIDGET (self), error);

  return record;
}

/**
 * kurs_page_add_section:
 * @entity: rows the strategy owns directly: goals, principles…
 * @create_row: makes a row; it gets the page as its data
 * @add: adds a row; it gets the page as its data
 *
 * Adds a section listing the strategy's rows of @entity to the page.
 *
 * Returns: (transfer none): the section
 */
GtkWidget *
kurs_page_add_section (KursPage                 *self,
                       KursEntity                entity,
                       const char               *title,
                       const char               *empty,
                       KursRecordSectionRowFunc  create_row,
                       const char               *add_label,
                       KursRecordSectionAddFunc  add)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);
  g_autoptr(KursRecordList) rows = NULL;
  GtkWidget *section;

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);

  /* the section's list keeps the rows' model */
  rows = kurs_record_list_new_children (priv->store, entity, kurs_record_get_id (priv->strategy));
  section = kurs_record_section_new (title, empty, G_LIST_MODEL (rows), create_row, self);
  kurs_record_section_set_add (KURS_RECORD_SECTION (section), add_label, add, self, NULL);
  kurs_page_set_section_refusal (self, section, entity);
  kurs_page_add (self, section);

  return section;
}

static void
nested_context_free (gpointer data)
{
  KursNestedContext *context = data;

  g_object_unref (context->parent);
  g_free (context);
}

/**
 * kurs_page_nested_section:
 * @parent: the row that owns the listed rows (a focus area, a goal)
 * @create_row: makes a row; it gets the page as its data
 * @add: adds a row; it gets a #KursNestedContext as its data
 *
 * A section for the rows that belong to a row, to go inside that row's
 * expander: a focus area's bearings, a goal's sub-goals.
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
kurs_page_nested_section (KursPage                 *self,
                          KursRecord               *parent,
                          KursEntity                entity,
                          const char               *title,
                          const char               *empty,
                          KursRecordSectionRowFunc  create_row,
                          const char               *add_label,
                          KursRecordSectionAddFunc  add)
{
  KursPagePrivate *priv = kurs_page_get_instance_private (self);
  g_autoptr(KursRecordList) rows = NULL;
  KursNestedContext *context;
  GtkWidget *section;

  g_return_val_if_fail (KURS_IS_PAGE (self), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (parent), NULL);

  /* the section's list keeps the rows' model */
  rows = kurs_record_list_new_children (priv->store, entity, kurs_record_get_id (parent));
  section = kurs_record_section_new (title, empty, G_LIST_MODEL (rows), create_row, self);

  context = g_new0 (KursNestedContext, 1);
  context->page = self;
  context->parent = g_object_ref (parent);
  kurs_record_section_set_add (KURS_RECORD_SECTION (section), add_label, add, context, nested_context_free);
  kurs_page_set_section_refusal (self, section, entity);
  gtk_widget_set_margin_start (section, 12);
  gtk_widget_set_margin_end (section, 12);
  gtk_widget_set_margin_top (section, 12);
  gtk_widget_set_margin_bottom (section, 12);

  return section;
}
