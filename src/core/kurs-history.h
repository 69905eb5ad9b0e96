/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who changed what, and when: a library's history as the store reads it
 * (kurs_store_list_history()).  Each action written to a library is a
 * line of it, with the person, the time and the rows it changed. */

typedef enum {
  KURS_HISTORY_EDIT,
  KURS_HISTORY_UNDO,
  KURS_HISTORY_REDO,
  /* A decision with its date and body: a status change, an approval */
  KURS_HISTORY_DECISION,
} KursHistoryKind;

typedef enum {
  KURS_HISTORY_CHANGE_INSERT,
  KURS_HISTORY_CHANGE_DELETE,
  KURS_HISTORY_CHANGE_SET,
  KURS_HISTORY_CHANGE_MOVE,
} KursHistoryChangeKind;

typedef struct {
  char                  *entity;     /* the schema's name: "goal" */
  gint64                 row_id;
  char                  *row_name;   /* its title then */
  KursHistoryChangeKind  kind;
  char                  *field;      /* a field set; else NULL */
  char                  *old_value;  /* as text; NULL for none */
  char                  *new_value;
} KursHistoryChange;

typedef struct {
  gint64           id;
  gint64           strategy_id;
  char            *made_at;          /* UTC, ISO 8601 */
  char            *person;
  char            *label;            /* "Change title" */
  KursHistoryKind  kind;
  gint64           n_changes;
  /* (element-type KursHistoryChange): what it changed; fewer than
   * @n_changes for an action of very many (an import) */
  GPtrArray       *changes;
} KursHistoryAction;

void         kurs_history_action_free       (KursHistoryAction *action);
void         kurs_history_change_free       (KursHistoryChange *change);
const char  *kurs_history_kind_to_string    (KursHistoryKind    kind);
const char  *kurs_history_change_kind_to_string (KursHistoryChangeKind kind);
gboolean     kurs_history_kind_from_string  (const char        *text,
                                             KursHistoryKind   *kind);
gboolean     kurs_history_change_kind_from_string (const char            *text,
                                                   KursHistoryChangeKind *kind);
char        *kurs_history_format_time       (const char        *made_at);
const char  *kurs_history_kind_get_label    (KursHistoryKind    kind);
gboolean     kurs_history_change_is_long_text (const KursHistoryChange *change);
char        *kurs_history_change_describe   (const KursHistoryChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursHistoryAction, kurs_history_action_free)

G_END_DECLS
