/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-record-list"

#include "config.h"

#include "kurs-record-list.h"

/**
 * KursRecordList:
 *
 * A #GListModel of the rows of one entity: the library's strategies, the
 * rows a parent owns (a goal's sub-goals), or all rows of a strategy (its
 * initiatives, whichever plan they belong to), in their order.  It follows
 * the store: after each action that touches its entity it reads its rows
 * again and emits one #GListModel::items-changed for the span that
 * differs, so rows that did not move keep their widgets.
 */
struct _KursRecordList
{
  GObject     parent_instance;

  KursStore  *store;
  KursEntity  entity;
  gint64      parent_id;
  gboolean    by_strategy;
  GPtrArray  *records;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KursRecordList, kurs_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
query (KursRecordList *self)
{
  if (self->entity == KURS_ENTITY_STRATEGY)
    return kurs_store_list_strategies (self->store, NULL);
  if (self->by_strategy)
    return kurs_store_list_by_strategy (self->store, self->entity, self->parent_id, NULL);
  return kurs_store_list (self->store, self->entity, self->parent_id, NULL);
}

static void
store_changed_cb (KursRecordList *self,
                  guint           entities)
{
  if (entities & (1u << self->entity))
    kurs_record_list_refresh (self);
}

static GType
get_item_type (GListModel *model)
{
  return KURS_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return KURS_RECORD_LIST (model)->records->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  KursRecordList *self = KURS_RECORD_LIST (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (self->records->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
kurs_record_list_dispose (GObject *object)
{
  KursRecordList *self = (KursRecordList *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_record_list_parent_class)->dispose (object);
}

static void
kurs_record_list_finalize (GObject *object)
{
  KursRecordList *self = (KursRecordList *) object;

  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (kurs_record_list_parent_class)->finalize (object);
}

static void
kurs_record_list_class_init (KursRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_record_list_dispose;
  object_class->finalize = kurs_record_list_finalize;
}

static void
kurs_record_list_init (KursRecordList *self)
{
}

static KursRecordList *
create (KursStore  *store,
        KursEntity  entity,
        gint64      parent_id,
        gboolean    by_strategy)
{
  KursRecordList *self = g_object_new (KURS_TYPE_RECORD_LIST, NULL);

  self->store = g_object_ref (store);
  self->entity = entity;
  self->parent_id = parent_id;
  self->by_strategy = by_strategy;
  self->records = query (self);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * kurs_record_list_new_strategies:
 *
 * Returns: (transfer full): the library's strategies, by title
 */
KursRecordList *
kurs_record_list_new_strategies (KursStore *store)
{
  g_return_val_if_fail (KURS_IS_STORE (store), NULL);

  return create (store, KURS_ENTITY_STRATEGY, 0, FALSE);
}

/**
 * kurs_record_list_new_children:
 *
 * Returns: (transfer full): the rows of @entity that @parent_id owns
 */
KursRecordList *
kurs_record_list_new_children (KursStore  *store,
                               KursEntity  entity,
                               gint64      parent_id)
{
  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, NULL);

  return create (store, entity, parent_id, FALSE);
}

/**
 * kurs_record_list_new_for_strategy:
 *
 * Returns: (transfer full): every row of @entity in the strategy
 */
KursRecordList *
kurs_record_list_new_for_strategy (KursStore  *store,
                                   KursEntity  entity,
                                   gint64      strategy_id)
{
  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (entity > KURS_ENTITY_STRATEGY && entity < KURS_N_ENTITIES, NULL);

  return create (store, entity, strategy_id, TRUE);
}

/**
 * kurs_record_list_refresh:
 *
 * Reads the rows again and announces, in one signal, the span that
 * changed.  The store calls this for you after each action.
 */
void
kurs_record_list_refresh (KursRecordList *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint prefix = 0, suffix = 0, n_old, n_new;

  g_return_if_fail (KURS_IS_RECORD_LIST (self));

  old = g_steal_pointer (&self->records);
  self->records = query (self);
  n_old = old->len;
  n_new = self->records->len;

  while (prefix < n_old && prefix < n_new && old->pdata[prefix] == self->records->pdata[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && old->pdata[n_old - 1 - suffix] == self->records->pdata[n_new - 1 - suffix])
    suffix++;

  if (prefix == n_old && n_old == n_new)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix, n_new - prefix - suffix);
}
