/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KURS_SCHEMA_ERROR (kurs_schema_error_quark ())
GQuark kurs_schema_error_quark (void);

typedef enum {
  KURS_SCHEMA_ERROR_INVALID_VALUE,
} KursSchemaError;

/**
 * KursEntity:
 *
 * Every kind of row a library holds.  The order is the order of creation:
 * a row only refers to rows of entities listed before its own, except for
 * the sub-goal's horizon, which may name an action plan.
 */
typedef enum {
  KURS_ENTITY_STRATEGY,
  KURS_ENTITY_MANDATE_ITEM,
  KURS_ENTITY_POLICY_LINK,
  KURS_ENTITY_TARGET_GROUP,
  KURS_ENTITY_FOCUS_AREA,
  KURS_ENTITY_BEARING,
  KURS_ENTITY_PRINCIPLE,
  KURS_ENTITY_ACTION_PLAN,
  KURS_ENTITY_GOAL,
  KURS_ENTITY_SUBGOAL,
  KURS_ENTITY_INDICATOR,
  KURS_ENTITY_MEASUREMENT,
  KURS_ENTITY_MILESTONE,
  KURS_ENTITY_WORKSHOP_OUTPUT,
  KURS_ENTITY_OUTPUT_GOAL,
  KURS_ENTITY_STAKEHOLDER,
  KURS_ENTITY_INVOLVEMENT,
  KURS_ENTITY_HEARING_ROUND,
  KURS_ENTITY_HEARING_PARTY,
  KURS_ENTITY_INITIATIVE,
  KURS_ENTITY_INITIATIVE_GOAL,
  KURS_ENTITY_COURSE_CORRECTION,
  KURS_ENTITY_STATUS_CHANGE,
  KURS_ENTITY_VERSION,
  KURS_N_ENTITIES,
  KURS_ENTITY_NONE = -1,
} KursEntity;

G_END_DECLS

#include "kurs-fields.h"

G_BEGIN_DECLS

typedef enum {
  KURS_FIELD_TEXT,
  KURS_FIELD_INT,
  KURS_FIELD_REAL,
  KURS_FIELD_BOOL,
  KURS_FIELD_DATE,
  KURS_FIELD_ENUM,
  KURS_FIELD_REF,
  KURS_FIELD_TIMESTAMP,
} KursFieldType;

/* The most characters (not bytes) a text field may hold: the one limit,
 * which the store, the importers and the XML schema
 * (data/kurs-strategy.xsd, type "text") all keep. */
#define KURS_TEXT_MAX_CHARS 1000000

typedef enum {
  KURS_FIELD_FLAG_NONE     = 0,
  /* Must have a value; text must not be empty. */
  KURS_FIELD_REQUIRED      = 1 << 0,
  /* The row that owns this one; deleting it deletes this row. */
  KURS_FIELD_PARENT        = 1 << 1,
  /* A reference whose target's deletion deletes this row (a link row). */
  KURS_FIELD_CASCADE       = 1 << 2,
  /* Multi-line text. */
  KURS_FIELD_LONG          = 1 << 3,
  /* Set by the store itself, never by a caller's edit. */
  KURS_FIELD_INTERNAL      = 1 << 4,
  /* Bulky; left out of summaries (the JSON of `show`). */
  KURS_FIELD_BULK          = 1 << 5,
  /* Written as the strategy is followed up, not part of the plan that is
   * approved: progress, measurements, course corrections, milestones held,
   * hearing responses.  Comparing versions leaves it out. */
  KURS_FIELD_FOLLOW_UP     = 1 << 6,
} KursFieldFlags;

typedef struct {
  const char *nick;
  const char *label;   /* N_() */
} KursEnumValue;

typedef struct {
  const char          *name;
  const KursEnumValue *values;
  guint                n_values;
} KursEnumInfo;

typedef struct {
  const char         *name;        /* column, JSON member and XML name */
  KursFieldType       type;
  KursFieldFlags      flags;
  KursEntity          ref;         /* KURS_FIELD_REF: the target entity */
  const KursEnumInfo *enum_info;   /* KURS_FIELD_ENUM */
  gint64              min;         /* KURS_FIELD_INT: range when min < max */
  gint64              max;
  const char         *label;       /* N_(), for people */
  const char         *default_value; /* for a new row, in the text form */
} KursField;

typedef struct {
  KursEntity       entity;
  const char      *name;           /* table name and XML element */
  const char      *plural;         /* JSON member and XML container */
  const char      *label;          /* N_(), for people */
  KursEntity       parent;         /* KURS_ENTITY_NONE for a strategy */
  int              parent_field;   /* index into fields, or -1 */
  const KursField *fields;
  guint            n_fields;
  /* Rows are kept in a user-chosen order in a "position" column. */
  gboolean         ordered;
  /* The SQL ORDER BY for siblings, from the fixed schema (never user text). */
  const char      *order_by;
  /* Part of the strategy's text: read-only once the strategy is approved. */
  gboolean         content;
  /* Created and changed only by the store's own operations. */
  gboolean         internal;
  /* N_(), what undo calls adding, deleting and moving such a row ("Add
   * development goal"); NULL where people never do it */
  const char      *add_label;
  const char      *delete_label;
  const char      *move_label;
} KursEntityInfo;

/* A field's value without a GVariant, for a row an import adds
 * (kurs_store_create_cells()): 100,000 items are half a million values,
 * and a GVariant each, made, checked, bound and let go, was a third of
 * adding them.  Its text is not its own. */
typedef enum {
  KURS_CELL_NONE,     /* no value */
  KURS_CELL_NUMBER,   /* an int's, a reference's, a boolean's (0 or 1) */
  KURS_CELL_REAL,
  KURS_CELL_TEXT,     /* a text's, a date's, a choice's nick, a timestamp's */
} KursCellKind;

typedef struct {
  KursCellKind kind;
  gsize        length;   /* a text's, in bytes; followed by a NUL but for
                          * a bulky text given as its bytes */
  union {
    gint64      number;
    double      real;
    const char *text;
  };
} KursCell;

/* Enumerations */
typedef enum {
  KURS_STATUS_DRAFT,
  KURS_STATUS_IN_HEARING,
  KURS_STATUS_APPROVED,
  KURS_STATUS_ADOPTED,
} KursStrategyStatus;

typedef enum {
  KURS_MILESTONE_SEMINAR,
  KURS_MILESTONE_COMMITTEE_MEETING,
  KURS_MILESTONE_THEME_MEETING,
  KURS_MILESTONE_HEARING,
  KURS_MILESTONE_APPROVAL,
  KURS_MILESTONE_COUNCIL_ADOPTION,
  KURS_MILESTONE_DATA_RELEASE,
  KURS_MILESTONE_STATUS_REVIEW,
  KURS_MILESTONE_EVALUATION,
  KURS_MILESTONE_OTHER,
} KursMilestoneKind;

typedef enum {
  KURS_STAKEHOLDER_POLITICIAN,
  KURS_STAKEHOLDER_COUNCIL,
  KURS_STAKEHOLDER_BOARD,
  KURS_STAKEHOLDER_COMMITTEE,
  KURS_STAKEHOLDER_PARTNER,
  KURS_STAKEHOLDER_CITIZEN,
  KURS_STAKEHOLDER_EMPLOYEE,
} KursStakeholderKind;

typedef enum {
  KURS_INVOLVEMENT_PARTICIPANT,
  KURS_INVOLVEMENT_INTERVIEWED,
  KURS_INVOLVEMENT_INPUT,
  KURS_INVOLVEMENT_HEARING_PARTY,
} KursInvolvementRole;

typedef enum {
  KURS_INITIATIVE_NOT_STARTED,
  KURS_INITIATIVE_ON_TRACK,
  KURS_INITIATIVE_AT_RISK,
  KURS_INITIATIVE_DELAYED,
  KURS_INITIATIVE_DONE,
} KursInitiativeStatus;

extern const KursEnumInfo kurs_strategy_status_enum;
extern const KursEnumInfo kurs_milestone_kind_enum;
extern const KursEnumInfo kurs_stakeholder_kind_enum;
extern const KursEnumInfo kurs_involvement_role_enum;
extern const KursEnumInfo kurs_initiative_status_enum;

/* The fields that name a row for a person, in the order one is looked
 * for (kurs_record_get_title()); NULL-terminated */
extern const char * const kurs_title_field_names[];

const KursEntityInfo *kurs_entity_info            (KursEntity            entity);
const KursEntityInfo *kurs_entity_info_by_name    (const char           *name);
gboolean              kurs_entity_info_is_follow_up (const KursEntityInfo *info);
GVariant             *kurs_entity_info_get_default (const KursEntityInfo *info,
                                                   guint                 index);
int                   kurs_entity_info_find_field (const KursEntityInfo *info,
                                                   const char           *name);
const KursField      *kurs_entity_info_get_field  (const KursEntityInfo *info,
                                                   const char           *name);

GVariant             *kurs_field_parse_value      (const KursField      *field,
                                                   const char           *text,
                                                   GError              **error);
char                 *kurs_field_format_value     (const KursField      *field,
                                                   GVariant             *value);
const GVariantType   *kurs_field_get_variant_type (const KursField      *field);
char                 *kurs_field_format_for_people (const KursField     *field,
                                                    const char          *text);

int                   kurs_enum_info_from_nick    (const KursEnumInfo   *info,
                                                   const char           *nick);
const char           *kurs_enum_info_to_nick      (const KursEnumInfo   *info,
                                                   int                   value);
const char           *kurs_enum_info_to_label     (const KursEnumInfo   *info,
                                                   int                   value);

gboolean    kurs_text_is_decimal (const char *text);
const char *kurs_format_double   (double      number,
                                  char       *buffer);

const char *kurs_field_get_label   (const KursField  *field);
gboolean    kurs_field_check_value (const KursField  *field,
                                    GVariant         *value,
                                    GError          **error);

gboolean    kurs_field_parse_cell    (const KursField  *field,
                                      const char       *text,
                                      KursCell         *cell,
                                      GError          **error);
gboolean    kurs_field_check_cell    (const KursField  *field,
                                      const KursCell   *cell,
                                      GError          **error);
void        kurs_field_value_to_cell (const KursField  *field,
                                      GVariant         *value,
                                      KursCell         *cell);
GVariant   *kurs_field_cell_to_value (const KursField  *field,
                                      const KursCell   *cell);

G_END_DECLS
