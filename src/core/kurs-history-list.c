/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-history"

#include "config.h"

#include "kurs-history-list.h"

/**
 * KursHistoryList:
 *
 * A strategy's history as a list, newest first, read from the library a
 * page at a time as it is looked at: a history of 100,000 actions is
 * counted, not read, when it is shown.  The history only grows, so what
 * came since it was last read (kurs_history_list_reload()) is new items
 * at the top.
 */
struct _KursHistoryList
{
  GObject     parent_instance;

  KursStore  *store;
  gint64      strategy_id;
  guint       n_items;
  GHashTable *pages;            /* page number → GPtrArray of KursHistoryEntry */
};

/* Actions read at a time */
#define PAGE_SIZE 100

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KursHistoryList, kurs_history_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return KURS_TYPE_HISTORY_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return KURS_HISTORY_LIST (model)->n_items;
}

static GPtrArray *
read_page (KursHistoryList *self,
           guint            page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GPtrArray *entries;

  /* with their changes: one query more a page, not one a card */
  actions = kurs_store_list_history (self->store, self->strategy_id, NULL, (gint64) page * PAGE_SIZE, PAGE_SIZE,
                                     TRUE, &error);
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  if (actions == NULL)
    {
      g_warning ("The history could not be read: %s", error->message);
      return entries;
    }
  /* the entries take the actions */
  g_ptr_array_set_free_func (actions, NULL);
  for (guint i = 0; i < actions->len; i++)
    g_ptr_array_add (entries, kurs_history_entry_new (actions->pdata[i]));
  return entries;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  KursHistoryList *self = KURS_HISTORY_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *entries;

  if (position >= self->n_items)
    return NULL;
  entries = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (entries == NULL)
    {
      entries = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), entries);
    }
  if (position % PAGE_SIZE >= entries->len)
    return NULL;
  return g_object_ref (entries->pdata[position % PAGE_SIZE]);
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
kurs_history_list_finalize (GObject *object)
{
  KursHistoryList *self = KURS_HISTORY_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_history_list_parent_class)->finalize (object);
}

static void
kurs_history_list_class_init (KursHistoryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kurs_history_list_finalize;
}

static void
kurs_history_list_init (KursHistoryList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static guint
count (KursHistoryList *self)
{
  g_autoptr(GError) error = NULL;
  gint64 n = kurs_store_count_history (self->store, self->strategy_id, NULL, &error);

  if (n < 0)
    {
      g_warning ("The history could not be read: %s", error->message);
      return 0;
    }
  return (guint) MIN (n, G_MAXUINT);
}

/**
 * kurs_history_list_new:
 *
 * Returns: (transfer full): the history of the strategy, newest first
 */
KursHistoryList *
kurs_history_list_new (KursStore *store,
                       gint64     strategy_id)
{
  KursHistoryList *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);

  self = g_object_new (KURS_TYPE_HISTORY_LIST, NULL);
  self->store = g_object_ref (store);
  self->strategy_id = strategy_id;
  self->n_items = count (self);
  return self;
}

/**
 * kurs_history_list_reload:
 *
 * Takes in what was added to the history since it was read: new items at
 * the top.
 */
void
kurs_history_list_reload (KursHistoryList *self)
{
  guint before = self->n_items;
  guint now;

  g_return_if_fail (KURS_IS_HISTORY_LIST (self));

  now = count (self);
  if (now == before)
    return;
  g_hash_table_remove_all (self->pages);
  self->n_items = now;
  if (now > before)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, now - before);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, now);
}
