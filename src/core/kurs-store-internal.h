/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's own: its instance and what its source files share
 * (kurs-store.c: the class, rows and actions; kurs-store-open.c: opening
 * and probing a library).  Nothing outside the store includes this. */

#include "kurs-db.h"
#include "kurs-store.h"

G_BEGIN_DECLS

typedef enum {
  CHANGE_INSERT,
  CHANGE_DELETE,
  CHANGE_SET,
  CHANGE_MOVE,
  /* rows an import made without records (kurs_store_create_lean()), ids
   * first_id to last_id of one kind and strategy: records are read for
   * them only when undo needs them (_kurs_store_take_rows()) */
  CHANGE_INSERT_ROWS,
} ChangeKind;

typedef struct {
  ChangeKind  kind;
  KursRecord *record;         /* NULL for CHANGE_INSERT_ROWS */
  KursEntity  entity;         /* CHANGE_INSERT_ROWS */
  gint64      strategy_id;    /* CHANGE_INSERT_ROWS */
  gint64      first_id;       /* CHANGE_INSERT_ROWS */
  gint64      last_id;        /* CHANGE_INSERT_ROWS */
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
  /* Its line in the library's history, once committed (and of its undo
   * or redo, once taken back or made again) */
  gint64     log_id;
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

/* A row of a kind, as a key of a hash table */
typedef struct {
  KursEntity entity;
  gint64     id;
} KursRowKey;

/* An import's rows, written many to a statement */
typedef struct _KursStoreBulk KursStoreBulk;
/* The deferred search index, written a part at a time */
typedef struct _KursIndexFill KursIndexFill;
#define KURS_STORE_BULK_ROWS 256  /* rows to a statement */

/* SQL for each entity, built once from the schema's fixed names. */
typedef struct {
  char  *by_id;
  char  *by_id_range;    /* ids ?1 to ?2, in their order */
  char  *by_parent;
  char  *by_strategy;
  char  *select;
  char  *insert;         /* with the row's id: a row put back */
  char  *insert_new;     /* without: a new row */
  char  *insert_returning; /* the same, saying its id (a server) */
  char  *insert_rows;    /* KURS_STORE_BULK_ROWS rows, with their ids */
  char  *delete;
  char  *delete_range;   /* ids ?1 to ?2 */
  char  *set_position;
  char  *next_position;
  char **set_field;
  char **read_field;     /* a bulky field's value (not read with its row), or NULL */
} EntitySql;

struct _KursStore
{
  GObject      parent_instance;

  char        *path;
  KursDb      *db;
  gboolean     read_only;
  /* A server's library, and the person's role writes only what the
   * follow-up writes (kurs_follow_up) */
  gboolean     follow_up_only;
  KursStoreAccess access;

  GHashTable  *statements;                 /* SQL → KursDbStmt * */
  GHashTable  *records[KURS_N_ENTITIES];   /* gint64 * → KursRecord * */

  /* The action under way */
  guint        depth;
  Action      *pending;
  GArray      *marks;                      /* Mark, at each nested begin */
  HistoryMode  mode;

  /* The search index's triggers are off until the action ends: its
   * strategies are indexed afresh then (kurs_store_defer_search_index()) */
  gboolean     search_deferred;
  KursIndexFill *index_fill;               /* its parts written so far */
  /* and an imported version's words, known: its row in the index is
   * written from them, not from its text read back (kurs_store_add_version_lean()) */
  gint64       known_words_version;
  char        *known_words;
  /* gint64: the strategies made while it waited, which it holds nothing
   * of yet (an import's): nothing of theirs is taken out of it */
  GArray      *new_strategies;

  /* An import's rows, written many to a statement (kurs-store-bulk.c) */
  KursStoreBulk *bulk;

  /* The time a row is made at, to the second (_kurs_store_now_value()) */
  GVariant    *now;
  gint64       now_second;

  GPtrArray   *undo;                       /* Action * */
  GPtrArray   *redo;                       /* Action * */
  char        *origin;                     /* for the actions to come */

  /* Working together (kurs-store-log.c) */
  char        *session_id;                 /* this store's, in the history */
  gint64       seen_action;                /* the history read up to here */
  gint64       data_version;               /* a file's, when last read */
  gboolean     watching;
  guint        watch_source;
  guint        trailing_source;
  guint        socket_source;
  guint        reconnect_source;
  GPtrArray   *monitors;                   /* GFileMonitor * */
  gboolean     disconnected;
  gboolean     pinging;                    /* asking whether it is back */
  gboolean     catching_up;
  gint64       presence_strategy;          /* open here, said to others */
  guint        presence_source;
};

void     kurs_store_ensure_sql       (void);
gboolean kurs_store_exec_sql         (KursStore   *self,
                                      const char  *sql,
                                      GError     **error);
gboolean kurs_store_begin_sql        (KursStore   *self,
                                      GError     **error);
gboolean kurs_store_is_disk_full     (KursDb      *db);
void     kurs_store_close_database   (KursStore   *self);

/* Shared by kurs-store.c (rows) and kurs-store-history.c (actions and
 * their history); prefixed with an underscore, as they are the store's
 * own */
Action       *_kurs_store_action_new (const char *label);
void          _kurs_store_action_free (Action *action);
gboolean      _kurs_store_run_cached (KursStore   *self,
                                      const char  *sql,
                                      GError     **error);
KursDbStmt   *_kurs_store_prepare_statement (KursStore   *self,
                                             const char  *sql,
                                             GError     **error);
void          _kurs_store_finish (KursDbStmt *stmt);
gint64        _kurs_store_next_position (KursStore *self,
                                         KursEntity entity,
                                         gint64     parent_id);
int           _kurs_store_bind_row (KursDbStmt *stmt,
                                    int         column,
                                    KursRecord *record);
int           _kurs_store_bind_cells (KursDbStmt     *stmt,
                                      int             column,
                                      KursEntity      entity,
                                      gint64          id,
                                      gint64          strategy_id,
                                      gint64          position,
                                      gint64          uid,
                                      const KursCell *cells);
const char   *_kurs_store_insert_rows_sql (KursEntity entity,
                                           guint      n);

guint         _kurs_row_key_hash (gconstpointer key);
gboolean      _kurs_row_key_equal (gconstpointer a,
                                   gconstpointer b);

gint64        _kurs_change_get_strategy (Change *change);
KursEntity    _kurs_change_get_entity   (Change *change);
guint         _kurs_change_count_rows   (Change *change);
GPtrArray    *_kurs_store_get_range     (KursStore  *self,
                                         KursEntity  entity,
                                         gint64      first,
                                         gint64      last);
void          _kurs_store_take_rows     (KursStore  *self,
                                         Action     *action);

/* kurs-store-bulk.c */
gboolean      _kurs_store_bulk_strategy_of (KursStore  *self,
                                            KursEntity  entity,
                                            gint64      id,
                                            gint64     *strategy_id);
gboolean      _kurs_store_bulk_take_id (KursStore   *self,
                                        KursEntity   entity,
                                        gint64      *id,
                                        GError     **error);
gint64        _kurs_store_bulk_next_position (KursStore *self,
                                              KursEntity entity,
                                              gint64     parent_id);
gboolean      _kurs_store_bulk_add (KursStore   *self,
                                    KursRecord  *record,
                                    GError     **error);
gboolean      _kurs_store_bulk_add_cells (KursStore       *self,
                                          KursEntity       entity,
                                          gint64           id,
                                          gint64           strategy_id,
                                          gint64           position,
                                          gint64           uid,
                                          const KursCell  *cells,
                                          GError         **error);
gboolean      _kurs_store_write_bulk (KursStore  *self,
                                      GError    **error);
void          _kurs_store_end_bulk (KursStore *self);
void          _kurs_store_know_words (KursStore *self,
                                      gint64     id,
                                      char      *words);
void          _kurs_store_note_new_strategy (KursStore *self,
                                             gint64     id);
gboolean      _kurs_store_step_done (KursStore     *self,
                                     KursDbStmt    *stmt,
                                     GError       **error);
void          _kurs_store_remember (KursStore  *self,
                                    KursRecord *record);
void          _kurs_store_forget (KursStore  *self,
                                  KursRecord *record);
gboolean      _kurs_store_check_row (KursStore   *self,
                                     KursRecord  *record,
                                     GError     **error);
gboolean      _kurs_store_check_can_write (KursStore  *self,
                                           GError    **error);
gboolean      _kurs_store_row_restore (KursStore   *self,
                                       KursRecord  *record,
                                       GError     **error);
gboolean      _kurs_store_rows_delete (KursStore   *self,
                                       KursRecord **records,
                                       guint        n,
                                       GError     **error);
gboolean      _kurs_store_row_delete (KursStore   *self,
                                      KursRecord  *record,
                                      GError     **error);
gboolean      _kurs_store_row_set (KursStore   *self,
                                   KursRecord  *record,
                                   guint        index,
                                   GVariant    *value,
                                   GError     **error);
gboolean      _kurs_store_row_set_from (KursStore   *self,
                                        KursRecord  *record,
                                        guint        index,
                                        GVariant    *base,
                                        gint64       revision,
                                        GVariant    *value,
                                        GError     **error);
gboolean      _kurs_store_row_move (KursStore   *self,
                                    KursRecord  *record,
                                    gint64       position,
                                    GError     **error);
gboolean      _kurs_store_begin_action_full (KursStore   *self,
                                             const char  *label,
                                             gboolean     single_write,
                                             GError     **error);
gboolean      _kurs_store_begin_action (KursStore   *self,
                                        const char  *label,
                                        GError     **error);
char         *_kurs_store_now_timestamp (void);
GVariant     *_kurs_store_now_value     (KursStore *self);
void          _kurs_store_read_failed (KursStore  *self,
                                       GError     *failure,
                                       GError    **error);
gboolean      _kurs_store_end_action (KursStore  *self,
                                      gboolean    ok,
                                      GError    **error);
gboolean      _kurs_store_invalid (GError     **error,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
KursRecord   *_kurs_store_create_row (KursStore           *self,
                                      KursEntity           entity,
                                      gint64               parent_id,
                                      guint                n_fields,
                                      const char * const  *fields,
                                      GVariant * const    *given,
                                      gboolean             internal,
                                      gint64               uid,
                                      gboolean             lean,
                                      GError             **error);
KursRecord   *_kurs_store_create_in_action (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               parent_id,
                                            guint                n_fields,
                                            const char * const  *fields,
                                            GVariant * const    *values,
                                            gboolean             internal,
                                            gint64               uid,
                                            gboolean             lean,
                                            GError             **error);
void          _kurs_store_notify_history (KursStore *self);
void          _kurs_store_emit_changed (KursStore *self,
                                        guint      entities);
void          _kurs_store_emit_prepare (KursStore *self);
gboolean      _kurs_store_add_search_rank (sqlite3 *db);
void          _kurs_store_db_failed (KursStore  *self,
                                     GError    **error);
gboolean      _kurs_store_refresh_record (KursStore   *self,
                                          KursRecord  *record,
                                          guint       *mask,
                                          GError     **error);
void          _kurs_store_notify_connected (KursStore *self);
void          _kurs_store_emit_others_wrote (KursStore *self);
char         *_kurs_store_change_label (KursStore       *self,
                                        KursRecord      *record,
                                        const KursField *field);

/* kurs-store-log.c */
void          _kurs_store_log_open (KursStore *self);
gboolean      _kurs_store_log_action (KursStore   *self,
                                      Action      *action,
                                      const char  *now,
                                      GError     **error);
char         *_kurs_store_value_text (GVariant *value);
void          _kurs_store_set_conflict (KursStore   *self,
                                        KursRecord  *record,
                                        int          index,
                                        GError     **error);
gboolean      _kurs_store_check_undo (KursStore   *self,
                                      Action      *action,
                                      const char  *verb,
                                      GError     **error);
void          _kurs_store_check_notifications (KursStore *self);
void          _kurs_store_after_conflict (KursStore    *self,
                                          const GError *error);
gboolean      _kurs_store_check_unseen (KursStore   *self,
                                        KursRecord  *record,
                                        GError     **error);
void          _kurs_store_unwatch (KursStore *self);

G_END_DECLS
