/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"
#include "kurs-word-diff.h"

G_BEGIN_DECLS

/* The parts of a strategy a comparison is told in, in this order */
typedef enum {
  KURS_SECTION_VISION,          /* the strategy's own texts, mandate, policies, principles */
  KURS_SECTION_TARGET_GROUPS,
  KURS_SECTION_GOALS,           /* focus areas and bearings, goals and sub-goals */
  KURS_SECTION_INDICATORS,      /* and their measurements */
  KURS_SECTION_ACTION_PLANS,    /* and initiatives, course corrections */
  KURS_SECTION_PROCESS,         /* milestones, workshop outputs, hearing rounds */
  KURS_SECTION_STAKEHOLDERS,
  KURS_N_SECTIONS,
} KursSection;

typedef enum {
  KURS_CHANGE_ADDED,
  KURS_CHANGE_REMOVED,
  KURS_CHANGE_CHANGED,
  /* to another owner (and maybe changed too) */
  KURS_CHANGE_MOVED,
} KursChangeKind;

/* A field with another value: the values in their text form (a reference
 * as the title of the row it names), %NULL for none */
typedef struct {
  guint       field;           /* index into the entity's fields */
  const char *old_text;
  const char *new_text;
} KursFieldChange;

typedef struct {
  KursChangeKind         kind;
  KursSection            section;
  KursEntity             entity;
  gint64                 uid;
  /* the row in the library now, when the newer side is the draft: 0
   * for a row removed */
  gint64                 row_id;
  /* the row's name, and its owner's (NULL for the strategy's own rows),
   * on the newer side, or the older for a row removed */
  const char            *title;
  const char            *owner;
  const char            *old_owner;    /* KURS_CHANGE_MOVED: where it was */
  const KursFieldChange *fields;
  guint                  n_fields;
  /* rows it owns, added or removed with it (not told one by one) */
  guint                  n_owned;
} KursChange;

typedef struct _KursComparison KursComparison;

/* The draft, as the newer side */
#define KURS_COMPARISON_DRAFT 0

KursComparison   *kurs_comparison_new          (KursStore      *store,
                                                KursRecord     *strategy,
                                                gint64          from_version,
                                                gint64          to_version,
                                                GError        **error);
KursComparison   *kurs_comparison_new_from_xml (const char     *old_xml,
                                                const char     *new_xml,
                                                GError        **error);
void              kurs_comparison_new_async    (const char          *path,
                                                KursRecord          *strategy,
                                                gint64               from_version,
                                                gint64               to_version,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
KursComparison   *kurs_comparison_new_finish   (GAsyncResult        *result,
                                                GError             **error);
void              kurs_comparison_free         (KursComparison *self);

gint64            kurs_comparison_get_from     (KursComparison *self);
gint64            kurs_comparison_get_to       (KursComparison *self);
guint             kurs_comparison_get_n_changes (KursComparison *self);
const KursChange *kurs_comparison_get_change   (KursComparison *self,
                                                guint           index);
gboolean          kurs_comparison_is_long_text (const KursChange      *change,
                                                const KursFieldChange *field);

const char       *kurs_section_get_label       (KursSection     section);
KursSection       kurs_section_of_entity       (KursEntity      entity);
const char       *kurs_change_kind_to_nick     (KursChangeKind  kind);
const char       *kurs_change_kind_get_label   (KursChangeKind  kind);
const char       *kurs_comparison_field_label  (const KursChange      *change,
                                                const KursFieldChange *field);
char             *kurs_comparison_format_value (const KursChange      *change,
                                                const KursFieldChange *field,
                                                const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursComparison, kurs_comparison_free)

G_END_DECLS
