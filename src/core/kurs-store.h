/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kurs-history.h"
#include "kurs-record.h"
#include "kurs-schema.h"

G_BEGIN_DECLS

#define KURS_STORE_ERROR (kurs_store_error_quark ())
GQuark kurs_store_error_quark (void);

typedef enum {
  KURS_STORE_ERROR_FAILED,
  /* The file is not an SQLite database at all. */
  KURS_STORE_ERROR_NOT_A_LIBRARY,
  /* An SQLite database of another program. */
  KURS_STORE_ERROR_FOREIGN,
  /* Truncated or damaged. */
  KURS_STORE_ERROR_CORRUPT,
  /* Written by a newer Kurs. */
  KURS_STORE_ERROR_TOO_NEW,
  /* The file or its folder cannot be written. */
  KURS_STORE_ERROR_READ_ONLY,
  /* Another Kurs has the library open for writing. */
  KURS_STORE_ERROR_LOCKED,
  /* No such row or strategy. */
  KURS_STORE_ERROR_NOT_FOUND,
  /* A value that breaks a rule: a bad date, an empty title… */
  KURS_STORE_ERROR_INVALID,
  /* The strategy is approved; its text is frozen. */
  KURS_STORE_ERROR_FROZEN,
  /* The disk is full. */
  KURS_STORE_ERROR_FULL,
  /* Someone else changed it meanwhile: the edit was made from a value
   * that is no longer there, or undo would take back over theirs */
  KURS_STORE_ERROR_CONFLICT,
} KursStoreError;

typedef enum {
  KURS_STORE_OPEN_DEFAULT             = 0,
  /* Open for reading only: nothing is ever written to the file. */
  KURS_STORE_OPEN_READ_ONLY           = 1 << 0,
  /* Wait a few seconds for a library another program is writing */
  KURS_STORE_OPEN_WAIT                = 1 << 1,
  /* Open for writing where it can be, else read-only: see
   * kurs_store_get_access() */
  KURS_STORE_OPEN_READ_ONLY_IF_NEEDED = 1 << 2,
} KursStoreOpenFlags;

typedef enum {
  KURS_STORE_ACCESS_WRITE,
  /* Read-only as asked (%KURS_STORE_OPEN_READ_ONLY) */
  KURS_STORE_ACCESS_READ_ONLY_ASKED,
  /* The file may not be written */
  KURS_STORE_ACCESS_READ_ONLY_FILE,
  /* Its folder or its disk cannot be written */
  KURS_STORE_ACCESS_READ_ONLY_FOLDER,
  /* Its disk is full */
  KURS_STORE_ACCESS_READ_ONLY_FULL,
  /* A server's library, and the person's role there only reads */
  KURS_STORE_ACCESS_READ_ONLY_ROLE,
} KursStoreAccess;

#define KURS_TYPE_STORE (kurs_store_get_type ())
G_DECLARE_FINAL_TYPE (KursStore, kurs_store, KURS, STORE, GObject)

KursStore  *kurs_store_open                (const char          *path,
                                            KursStoreOpenFlags   flags,
                                            GError             **error);
void        kurs_store_open_async          (const char          *path,
                                            KursStoreOpenFlags   flags,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
KursStore  *kurs_store_open_finish         (GAsyncResult        *result,
                                            GError             **error);
/* Makes something of a strategy, in a thread (kurs_store_read_strategy_async) */
typedef gpointer (*KursStoreStrategyFunc) (KursStore   *store,
                                           KursRecord  *strategy,
                                           gpointer     data,
                                           GError     **error);
void        kurs_store_read_strategy_async (const char            *path,
                                            KursRecord            *strategy,
                                            KursStoreStrategyFunc  func,
                                            gpointer               data,
                                            GDestroyNotify         data_free,
                                            GDestroyNotify         result_free,
                                            gpointer               source_tag,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gpointer    kurs_store_read_strategy_finish (GAsyncResult         *result,
                                            gpointer               source_tag,
                                            GError               **error);
char       *kurs_store_get_default_path    (void);
const char *kurs_store_get_path            (KursStore           *self);
gboolean    kurs_store_is_read_only        (KursStore           *self);
KursStoreAccess kurs_store_get_access      (KursStore           *self);
void        kurs_store_close               (KursStore           *self);
void        kurs_store_prepare             (KursStore           *self);

/* Reading */
KursRecord *kurs_store_get                 (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               id);
GPtrArray  *kurs_store_list                (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               parent_id,
                                            GError             **error);
GPtrArray  *kurs_store_list_by_strategy    (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               strategy_id,
                                            GError             **error);
GPtrArray  *kurs_store_list_by_field       (KursStore           *self,
                                            KursEntity           entity,
                                            const char          *field,
                                            gint64               id,
                                            GError             **error);
GPtrArray  *kurs_store_list_strategies     (KursStore           *self,
                                            GError             **error);
KursRecord *kurs_store_find_strategy       (KursStore           *self,
                                            const char          *short_id,
                                            GError             **error);
char       *kurs_store_get_short_id        (KursStore           *self,
                                            KursRecord          *strategy);
gboolean    kurs_store_is_frozen           (KursStore           *self,
                                            gint64               strategy_id);
gboolean    kurs_store_check_editable      (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               strategy_id,
                                            GError             **error);
gboolean    kurs_store_is_follow_up_only   (KursStore           *self);
gboolean    kurs_store_check_field_editable (KursStore        *self,
                                             KursEntity        entity,
                                             const char       *field,
                                             gint64            strategy_id,
                                             GError          **error);
char       *kurs_store_get_record_name     (KursStore           *self,
                                            KursRecord          *record);

/* Writing: each call is one action, or joins the action begun with
 * kurs_store_begin(). */
gboolean    kurs_store_begin               (KursStore           *self,
                                            const char          *label,
                                            GError             **error);
gboolean    kurs_store_commit              (KursStore           *self,
                                            GError             **error);
void        kurs_store_rollback            (KursStore           *self);
void        kurs_store_defer_search_index  (KursStore           *self);
gboolean    kurs_store_fill_search_index_step (KursStore        *self,
                                               gboolean         *done,
                                               GError          **error);
double      kurs_store_get_search_index_filled (KursStore       *self);

KursRecord *kurs_store_create              (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               parent_id,
                                            GError             **error,
                                            const char          *first_field,
                                            ...) G_GNUC_NULL_TERMINATED;
KursRecord *kurs_store_createv             (KursStore           *self,
                                            KursEntity           entity,
                                            gint64               parent_id,
                                            guint                n_fields,
                                            const char * const  *fields,
                                            GVariant * const    *values,
                                            GError             **error);
gboolean    kurs_store_set                 (KursStore           *self,
                                            KursRecord          *record,
                                            const char          *field,
                                            GVariant            *value,
                                            GError             **error);
gboolean    kurs_store_set_from            (KursStore           *self,
                                            KursRecord          *record,
                                            const char          *field,
                                            GVariant            *base,
                                            gint64               revision,
                                            GVariant            *value,
                                            GError             **error);
gboolean    kurs_store_set_text            (KursStore           *self,
                                            KursRecord          *record,
                                            const char          *field,
                                            const char          *text,
                                            GError             **error);
gboolean    kurs_store_delete              (KursStore           *self,
                                            KursRecord          *record,
                                            GError             **error);
gboolean    kurs_store_move                (KursStore           *self,
                                            KursRecord          *record,
                                            guint                index,
                                            GError             **error);
gboolean    kurs_store_check_change        (KursStore           *self,
                                            KursRecord          *record,
                                            const char          *field,
                                            GVariant            *value,
                                            GError             **error);
gboolean    kurs_store_check_value         (KursEntity           entity,
                                            const char          *field,
                                            GVariant            *value,
                                            GError             **error);

/* What the store itself changes */
KursRecord *kurs_store_create_strategy     (KursStore           *self,
                                            const char          *title,
                                            int                  start_year,
                                            int                  end_year,
                                            const char          *committee,
                                            GError             **error);
gboolean    kurs_store_change_status       (KursStore           *self,
                                            KursRecord          *strategy,
                                            KursStrategyStatus   status,
                                            const char          *date,
                                            const char          *body,
                                            GError             **error);
KursRecord *kurs_store_add_version         (KursStore           *self,
                                            KursRecord          *strategy,
                                            gint64               number,
                                            const char          *date,
                                            const char          *approved_by,
                                            const char          *content,
                                            GError             **error);

/* Undo and redo, per library */
gboolean    kurs_store_can_undo            (KursStore           *self);
gboolean    kurs_store_can_redo            (KursStore           *self);
const char *kurs_store_get_undo_label      (KursStore           *self);
const char *kurs_store_get_redo_label      (KursStore           *self);
KursRecord *kurs_store_get_undo_subject    (KursStore           *self,
                                            const char         **field,
                                            const char         **origin);
KursRecord *kurs_store_get_redo_subject    (KursStore           *self,
                                            const char         **field,
                                            const char         **origin);
void        kurs_store_set_origin          (KursStore           *self,
                                            const char          *origin);
gboolean    kurs_store_undo                (KursStore           *self,
                                            GError             **error);
gboolean    kurs_store_redo                (KursStore           *self,
                                            GError             **error);

/* Working together: others' changes, and the history */
gboolean    kurs_store_catch_up            (KursStore           *self,
                                            GError             **error);
void        kurs_store_watch               (KursStore           *self);
gboolean    kurs_store_is_connected        (KursStore           *self);
gboolean    kurs_store_is_catching_up      (KursStore           *self);
gint64      kurs_store_get_revision        (KursStore           *self);
void        kurs_store_set_presence        (KursStore           *self,
                                            gint64               strategy_id);
GPtrArray  *kurs_store_list_present        (KursStore           *self,
                                            gint64               strategy_id);
gboolean    kurs_store_get_last_change     (KursStore           *self,
                                            KursRecord          *record,
                                            const char          *field,
                                            gboolean             others_only,
                                            char               **person,
                                            char               **made_at);
gint64      kurs_store_count_history       (KursStore           *self,
                                            gint64               strategy_id,
                                            const char          *since,
                                            GError             **error);
GPtrArray  *kurs_store_list_history        (KursStore           *self,
                                            gint64               strategy_id,
                                            const char          *since,
                                            gint64               offset,
                                            gint64               limit,
                                            gboolean             with_changes,
                                            GError             **error);

G_END_DECLS
