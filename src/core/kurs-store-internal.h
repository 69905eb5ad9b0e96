/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's own: its instance and what its source files share
 * (kurs-store.c: the class, rows and actions; kurs-store-open.c: opening
 * and probing a library).  Nothing outside the store includes this. */

#include <sqlite3.h>

#include "kurs-store.h"

G_BEGIN_DECLS

typedef enum {
  CHANGE_INSERT,
  CHANGE_DELETE,
  CHANGE_SET,
  CHANGE_MOVE,
} ChangeKind;

typedef struct {
  ChangeKind  kind;
  KursRecord *record;
  int         field;          /* CHANGE_SET */
  GVariant   *old_value;      /* CHANGE_SET */
  GVariant   *new_value;      /* CHANGE_SET */
  gint64      old_position;   /* CHANGE_MOVE */
  gint64      new_position;   /* CHANGE_MOVE */
} Change;

typedef struct {
  char      *label;
  GPtrArray *changes;         /* Change *, in the order made */
  gint64     time;
  /* The row the person acted on, and the field where one was set: what
   * undo and redo show; NULL for an action on many rows */
  KursRecord *subject;
  int         subject_field;
  /* Where it was made, as the caller said (kurs_store_set_origin()) */
  char       *origin;
  /* A decision with its own date and body (a status change, an approval):
   * not undone by undo, and nothing before it either */
  gboolean   deliberate;
} Action;

/* Where a nested action began.  Only an action that may write more than
 * once takes a savepoint; a single write is atomic in SQLite itself, and a
 * check that fails before it writes nothing. */
typedef struct {
  guint    changes;
  gboolean savepoint;
} Mark;

typedef enum {
  HISTORY_RECORD,
  HISTORY_UNDO,
  HISTORY_REDO,
} HistoryMode;

/* SQL for each entity, built once from the schema's fixed names. */
typedef struct {
  char  *by_id;
  char  *by_parent;
  char  *by_strategy;
  char  *select;
  char  *insert;
  char  *delete;
  char  *set_position;
  char  *next_position;
  char **set_field;
} EntitySql;

struct _KursStore
{
  GObject      parent_instance;

  char        *path;
  sqlite3     *db;
  int          lock_fd;
  gboolean     read_only;
  KursStoreAccess access;
  /* Kept open while another program writes the library (see
   * kurs_store_is_lock_free()) */
  int          watch_fd;

  GHashTable  *statements;                 /* SQL → sqlite3_stmt * */
  GHashTable  *records[KURS_N_ENTITIES];   /* gint64 * → KursRecord * */

  /* The action under way */
  guint        depth;
  Action      *pending;
  GArray      *marks;                      /* Mark, at each nested begin */
  HistoryMode  mode;

  GPtrArray   *undo;                       /* Action * */
  GPtrArray   *redo;                       /* Action * */
  char        *origin;                     /* for the actions to come */
};

void     kurs_store_ensure_sql       (void);
gboolean kurs_store_exec_sql         (KursStore   *self,
                                      const char  *sql,
                                      GError     **error);
gboolean kurs_store_is_disk_full     (sqlite3     *db);
void     kurs_store_close_database   (KursStore   *self);

G_END_DECLS
