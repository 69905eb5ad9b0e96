/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kurs-date.h"
#include "kurs-schema.h"

G_DEFINE_QUARK (kurs-schema-error-quark, kurs_schema_error)

/* This file describes, once, every entity a library holds: its table,
 * its fields and their rules.  The store, the JSON and XML writers and the
 * command line all work from it.  The SQL that creates the tables lives in
 * kurs-migrations.c; test-store checks that the two agree. */

#define NONE KURS_FIELD_FLAG_NONE
#define REQ KURS_FIELD_REQUIRED
#define LONG KURS_FIELD_LONG
#define INTERNAL KURS_FIELD_INTERNAL
#define FOLLOW KURS_FIELD_FOLLOW_UP

#define TEXT(n, f, l) { n, KURS_FIELD_TEXT, f, KURS_ENTITY_NONE, NULL, 0, 0, l }
#define INT(n, f, lo, hi, l) { n, KURS_FIELD_INT, f, KURS_ENTITY_NONE, NULL, lo, hi, l }
#define REAL(n, f, l) { n, KURS_FIELD_REAL, f, KURS_ENTITY_NONE, NULL, 0, 0, l }
#define BOOL(n, f, l) { n, KURS_FIELD_BOOL, f, KURS_ENTITY_NONE, NULL, 0, 0, l }
#define DATE(n, f, l) { n, KURS_FIELD_DATE, f, KURS_ENTITY_NONE, NULL, 0, 0, l }
#define ENUM(n, f, e, l) { n, KURS_FIELD_ENUM, f, KURS_ENTITY_NONE, &e, 0, 0, l }
#define REF(n, f, t, l) { n, KURS_FIELD_REF, f, t, NULL, 0, 0, l }
#define PARENT(n, t) { n, KURS_FIELD_REF, REQ | KURS_FIELD_PARENT | INTERNAL, t, NULL, 0, 0, NULL }
#define STAMP(n, l) { n, KURS_FIELD_TIMESTAMP, INTERNAL, KURS_ENTITY_NONE, NULL, 0, 0, l }
/* The same, with a value for a new row that does not name one */
#define INT_D(n, f, lo, hi, d, l) { n, KURS_FIELD_INT, f, KURS_ENTITY_NONE, NULL, lo, hi, l, d }
#define BOOL_D(n, f, d, l) { n, KURS_FIELD_BOOL, f, KURS_ENTITY_NONE, NULL, 0, 0, l, d }
#define ENUM_D(n, f, e, d, l) { n, KURS_FIELD_ENUM, f, KURS_ENTITY_NONE, &e, 0, 0, l, d }


/* Enumerations */

static const KursEnumValue strategy_status_values[] = {
  { "draft", N_("Draft") },
  { "in-hearing", N_("In hearing") },
  { "approved", N_("Approved") },
  { "adopted", N_("Adopted") },
};

static const KursEnumValue milestone_kind_values[] = {
  { "seminar", N_("Seminar") },
  { "committee-meeting", N_("Committee meeting") },
  { "theme-meeting", N_("Theme meeting or workshop") },
  { "hearing", N_("Hearing") },
  { "approval", N_("Approval") },
  { "council-adoption", N_("Council adoption") },
  { "data-release", N_("Data release") },
  { "status-review", N_("Status review") },
  { "evaluation", N_("Evaluation") },
  { "other", N_("Other") },
};

static const KursEnumValue stakeholder_kind_values[] = {
  { "politician", N_("Politician") },
  { "council", N_("Council") },
  { "board", N_("Board") },
  { "committee", N_("Committee") },
  { "partner", N_("Partner") },
  { "citizen", N_("Citizen") },
  { "employee", N_("Employee") },
};

static const KursEnumValue involvement_role_values[] = {
  { "participant", N_("Participant") },
  { "interviewed", N_("Interviewed") },
  { "input", N_("Gave input") },
  { "hearing-party", N_("Hearing party") },
};

static const KursEnumValue initiative_status_values[] = {
  { "not-started", N_("Not started") },
  { "on-track", N_("On track") },
  { "at-risk", N_("At risk") },
  { "delayed", N_("Delayed") },
  { "done", N_("Done") },
};

#define ENUM_INFO(var, name, values) \
  const KursEnumInfo var = { name, values, G_N_ELEMENTS (values) }

ENUM_INFO (kurs_strategy_status_enum, "status", strategy_status_values);
ENUM_INFO (kurs_milestone_kind_enum, "milestone-kind", milestone_kind_values);
ENUM_INFO (kurs_stakeholder_kind_enum, "stakeholder-kind", stakeholder_kind_values);
ENUM_INFO (kurs_involvement_role_enum, "involvement-role", involvement_role_values);
ENUM_INFO (kurs_initiative_status_enum, "initiative-status", initiative_status_values);

/* Fields, entity by entity, each at its constant of kurs-fields.h */
#define AT(field) [KURS_FIELD_INDEX (field)] =

static const KursField strategy_fields[] = {
  AT (KURS_FIELD_STRATEGY_UUID) TEXT ("uuid", REQ | INTERNAL, N_("Identifier")),
  AT (KURS_FIELD_STRATEGY_TITLE) TEXT ("title", REQ, N_("Title")),
  AT (KURS_FIELD_STRATEGY_SHORT_NAME) TEXT ("short_name", NONE, N_("Short name")),
  AT (KURS_FIELD_STRATEGY_START_YEAR) INT ("start_year", REQ, 1900, 2200, N_("First year")),
  AT (KURS_FIELD_STRATEGY_END_YEAR) INT ("end_year", REQ, 1900, 2200, N_("Last year")),
  AT (KURS_FIELD_STRATEGY_COMMITTEE) TEXT ("committee", NONE, N_("Committee")),
  AT (KURS_FIELD_STRATEGY_VISION) TEXT ("vision", LONG, N_("Vision")),
  AT (KURS_FIELD_STRATEGY_CORE_VALUE) TEXT ("core_value", LONG, N_("Core value")),
  AT (KURS_FIELD_STRATEGY_STATUS) ENUM_D ("status", REQ | INTERNAL, kurs_strategy_status_enum, "draft", N_("Status")),
  AT (KURS_FIELD_STRATEGY_CREATED) STAMP ("created", N_("Created")),
  AT (KURS_FIELD_STRATEGY_MODIFIED) STAMP ("modified", N_("Modified")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (strategy_fields) == KURS_FIELD_INDEX (KURS_FIELD_STRATEGY_N));

static const KursField mandate_item_fields[] = {
  AT (KURS_FIELD_MANDATE_ITEM_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_MANDATE_ITEM_SOURCE) TEXT ("source", REQ, N_("Source")),
  AT (KURS_FIELD_MANDATE_ITEM_TEXT) TEXT ("text", LONG, N_("Text")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (mandate_item_fields) == KURS_FIELD_INDEX (KURS_FIELD_MANDATE_ITEM_N));

static const KursField policy_link_fields[] = {
  AT (KURS_FIELD_POLICY_LINK_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_POLICY_LINK_TITLE) TEXT ("title", REQ, N_("Policy")),
  AT (KURS_FIELD_POLICY_LINK_RELATION) TEXT ("relation", LONG, N_("Relation")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (policy_link_fields) == KURS_FIELD_INDEX (KURS_FIELD_POLICY_LINK_N));

static const KursField target_group_fields[] = {
  AT (KURS_FIELD_TARGET_GROUP_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_TARGET_GROUP_NAME) TEXT ("name", REQ, N_("Group")),
  AT (KURS_FIELD_TARGET_GROUP_DESCRIPTION) TEXT ("description", LONG, N_("Description")),
  AT (KURS_FIELD_TARGET_GROUP_INCLUDED) BOOL_D ("included", REQ, "true", N_("Included")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (target_group_fields) == KURS_FIELD_INDEX (KURS_FIELD_TARGET_GROUP_N));

static const KursField focus_area_fields[] = {
  AT (KURS_FIELD_FOCUS_AREA_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_FOCUS_AREA_TITLE) TEXT ("title", REQ, N_("Focus area")),
  AT (KURS_FIELD_FOCUS_AREA_DESCRIPTION) TEXT ("description", LONG, N_("Description")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (focus_area_fields) == KURS_FIELD_INDEX (KURS_FIELD_FOCUS_AREA_N));

static const KursField bearing_fields[] = {
  AT (KURS_FIELD_BEARING_FOCUS_AREA_ID) PARENT ("focus_area_id", KURS_ENTITY_FOCUS_AREA),
  AT (KURS_FIELD_BEARING_TEXT) TEXT ("text", REQ | LONG, N_("Bearing")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (bearing_fields) == KURS_FIELD_INDEX (KURS_FIELD_BEARING_N));

static const KursField principle_fields[] = {
  AT (KURS_FIELD_PRINCIPLE_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_PRINCIPLE_TITLE) TEXT ("title", REQ, N_("Principle")),
  AT (KURS_FIELD_PRINCIPLE_TEXT) TEXT ("text", LONG, N_("Text")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (principle_fields) == KURS_FIELD_INDEX (KURS_FIELD_PRINCIPLE_N));

static const KursField action_plan_fields[] = {
  AT (KURS_FIELD_ACTION_PLAN_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_ACTION_PLAN_TITLE) TEXT ("title", REQ, N_("Action plan")),
  AT (KURS_FIELD_ACTION_PLAN_START_DATE) DATE ("start_date", REQ, N_("Start")),
  AT (KURS_FIELD_ACTION_PLAN_END_DATE) DATE ("end_date", REQ, N_("End")),
  AT (KURS_FIELD_ACTION_PLAN_DESCRIPTION) TEXT ("description", LONG, N_("Description")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (action_plan_fields) == KURS_FIELD_INDEX (KURS_FIELD_ACTION_PLAN_N));

static const KursField goal_fields[] = {
  AT (KURS_FIELD_GOAL_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_GOAL_TITLE) TEXT ("title", REQ, N_("Development goal")),
  AT (KURS_FIELD_GOAL_DESCRIPTION) TEXT ("description", LONG, N_("Description")),
  AT (KURS_FIELD_GOAL_FOCUS_AREA_ID) REF ("focus_area_id", NONE, KURS_ENTITY_FOCUS_AREA, N_("Focus area")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (goal_fields) == KURS_FIELD_INDEX (KURS_FIELD_GOAL_N));

static const KursField subgoal_fields[] = {
  AT (KURS_FIELD_SUBGOAL_GOAL_ID) PARENT ("goal_id", KURS_ENTITY_GOAL),
  AT (KURS_FIELD_SUBGOAL_TITLE) TEXT ("title", REQ, N_("Sub-goal")),
  AT (KURS_FIELD_SUBGOAL_HORIZON_YEAR) INT ("horizon_year", NONE, 1900, 2200, N_("Horizon year")),
  AT (KURS_FIELD_SUBGOAL_HORIZON_PLAN_ID) REF ("horizon_plan_id", NONE, KURS_ENTITY_ACTION_PLAN, N_("Horizon action plan")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (subgoal_fields) == KURS_FIELD_INDEX (KURS_FIELD_SUBGOAL_N));

static const KursField indicator_fields[] = {
  AT (KURS_FIELD_INDICATOR_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_INDICATOR_NAME) TEXT ("name", REQ, N_("Indicator")),
  AT (KURS_FIELD_INDICATOR_UNIT) TEXT ("unit", NONE, N_("Unit")),
  AT (KURS_FIELD_INDICATOR_BASELINE) REAL ("baseline", NONE, N_("Baseline")),
  AT (KURS_FIELD_INDICATOR_BASELINE_YEAR) INT ("baseline_year", NONE, 1900, 2200, N_("Baseline year")),
  AT (KURS_FIELD_INDICATOR_TARGET) REAL ("target", NONE, N_("Target")),
  AT (KURS_FIELD_INDICATOR_TARGET_YEAR) INT ("target_year", NONE, 1900, 2200, N_("Target year")),
  AT (KURS_FIELD_INDICATOR_SOURCE) TEXT ("source", NONE, N_("Source")),
  AT (KURS_FIELD_INDICATOR_GOAL_ID) REF ("goal_id", NONE, KURS_ENTITY_GOAL, N_("Development goal")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (indicator_fields) == KURS_FIELD_INDEX (KURS_FIELD_INDICATOR_N));

static const KursField measurement_fields[] = {
  AT (KURS_FIELD_MEASUREMENT_INDICATOR_ID) PARENT ("indicator_id", KURS_ENTITY_INDICATOR),
  AT (KURS_FIELD_MEASUREMENT_DATE) DATE ("date", REQ | FOLLOW, N_("Date")),
  AT (KURS_FIELD_MEASUREMENT_VALUE) REAL ("value", REQ | FOLLOW, N_("Value")),
  AT (KURS_FIELD_MEASUREMENT_NOTE) TEXT ("note", FOLLOW, N_("Note")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (measurement_fields) == KURS_FIELD_INDEX (KURS_FIELD_MEASUREMENT_N));

static const KursField milestone_fields[] = {
  AT (KURS_FIELD_MILESTONE_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_MILESTONE_KIND) ENUM ("kind", REQ, kurs_milestone_kind_enum, N_("Kind")),
  AT (KURS_FIELD_MILESTONE_TITLE) TEXT ("title", REQ, N_("Title")),
  AT (KURS_FIELD_MILESTONE_START_DATE) DATE ("start_date", REQ, N_("Date")),
  AT (KURS_FIELD_MILESTONE_END_DATE) DATE ("end_date", NONE, N_("End date")),
  AT (KURS_FIELD_MILESTONE_COMMITTEE) TEXT ("committee", NONE, N_("Committee")),
  AT (KURS_FIELD_MILESTONE_HELD) BOOL_D ("held", REQ | FOLLOW, "false", N_("Held")),
  AT (KURS_FIELD_MILESTONE_CASE_NUMBER) TEXT ("case_number", NONE, N_("Case number")),
  AT (KURS_FIELD_MILESTONE_EARLIER_TREATMENT) TEXT ("earlier_treatment", LONG, N_("Earlier treatment")),
  AT (KURS_FIELD_MILESTONE_AGENDA) TEXT ("agenda", LONG, N_("Agenda")),
  AT (KURS_FIELD_MILESTONE_RECOMMENDATION) TEXT ("recommendation", LONG, N_("Recommendation")),
  AT (KURS_FIELD_MILESTONE_DECISION) TEXT ("decision", LONG, N_("Decision")),
  /* A recurring milestone happens every N years in the month of its date,
   * from the year of its date to repeat_until_year. */
  AT (KURS_FIELD_MILESTONE_REPEAT_EVERY_YEARS) INT ("repeat_every_years", NONE, 1, 10, N_("Repeat every (years)")),
  AT (KURS_FIELD_MILESTONE_REPEAT_UNTIL_YEAR) INT ("repeat_until_year", NONE, 1900, 2200, N_("Repeat until")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (milestone_fields) == KURS_FIELD_INDEX (KURS_FIELD_MILESTONE_N));

static const KursField workshop_output_fields[] = {
  AT (KURS_FIELD_WORKSHOP_OUTPUT_MILESTONE_ID) PARENT ("milestone_id", KURS_ENTITY_MILESTONE),
  AT (KURS_FIELD_WORKSHOP_OUTPUT_TEXT) TEXT ("text", REQ | LONG, N_("Output")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (workshop_output_fields) == KURS_FIELD_INDEX (KURS_FIELD_WORKSHOP_OUTPUT_N));

static const KursField output_goal_fields[] = {
  AT (KURS_FIELD_OUTPUT_GOAL_OUTPUT_ID) PARENT ("output_id", KURS_ENTITY_WORKSHOP_OUTPUT),
  AT (KURS_FIELD_OUTPUT_GOAL_GOAL_ID) REF ("goal_id", REQ | KURS_FIELD_CASCADE, KURS_ENTITY_GOAL, N_("Development goal")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (output_goal_fields) == KURS_FIELD_INDEX (KURS_FIELD_OUTPUT_GOAL_N));

static const KursField stakeholder_fields[] = {
  AT (KURS_FIELD_STAKEHOLDER_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_STAKEHOLDER_NAME) TEXT ("name", REQ, N_("Name")),
  AT (KURS_FIELD_STAKEHOLDER_KIND) ENUM ("kind", REQ, kurs_stakeholder_kind_enum, N_("Kind")),
  AT (KURS_FIELD_STAKEHOLDER_CONTACT) TEXT ("contact", NONE, N_("Contact")),
  AT (KURS_FIELD_STAKEHOLDER_NOTES) TEXT ("notes", LONG, N_("Notes")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (stakeholder_fields) == KURS_FIELD_INDEX (KURS_FIELD_STAKEHOLDER_N));

static const KursField involvement_fields[] = {
  AT (KURS_FIELD_INVOLVEMENT_STAKEHOLDER_ID) PARENT ("stakeholder_id", KURS_ENTITY_STAKEHOLDER),
  AT (KURS_FIELD_INVOLVEMENT_MILESTONE_ID) REF ("milestone_id", REQ | KURS_FIELD_CASCADE, KURS_ENTITY_MILESTONE, N_("Milestone")),
  AT (KURS_FIELD_INVOLVEMENT_ROLE) ENUM ("role", REQ, kurs_involvement_role_enum, N_("Role")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (involvement_fields) == KURS_FIELD_INDEX (KURS_FIELD_INVOLVEMENT_N));

static const KursField hearing_round_fields[] = {
  AT (KURS_FIELD_HEARING_ROUND_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_HEARING_ROUND_TITLE) TEXT ("title", REQ, N_("Hearing round")),
  AT (KURS_FIELD_HEARING_ROUND_MILESTONE_ID) REF ("milestone_id", NONE, KURS_ENTITY_MILESTONE, N_("Milestone")),
  AT (KURS_FIELD_HEARING_ROUND_SENT_DATE) DATE ("sent_date", REQ, N_("Sent")),
  AT (KURS_FIELD_HEARING_ROUND_DEADLINE) DATE ("deadline", REQ, N_("Deadline")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (hearing_round_fields) == KURS_FIELD_INDEX (KURS_FIELD_HEARING_ROUND_N));

static const KursField hearing_party_fields[] = {
  AT (KURS_FIELD_HEARING_PARTY_HEARING_ROUND_ID) PARENT ("hearing_round_id", KURS_ENTITY_HEARING_ROUND),
  AT (KURS_FIELD_HEARING_PARTY_STAKEHOLDER_ID) REF ("stakeholder_id", REQ | KURS_FIELD_CASCADE, KURS_ENTITY_STAKEHOLDER, N_("Party")),
  AT (KURS_FIELD_HEARING_PARTY_RESPONSE_DATE) DATE ("response_date", FOLLOW, N_("Response received")),
  AT (KURS_FIELD_HEARING_PARTY_RESPONSE_TEXT) TEXT ("response_text", LONG | FOLLOW, N_("Response")),
  AT (KURS_FIELD_HEARING_PARTY_HANDLING_NOTE) TEXT ("handling_note", LONG | FOLLOW, N_("Handling")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (hearing_party_fields) == KURS_FIELD_INDEX (KURS_FIELD_HEARING_PARTY_N));

static const KursField initiative_fields[] = {
  AT (KURS_FIELD_INITIATIVE_ACTION_PLAN_ID) PARENT ("action_plan_id", KURS_ENTITY_ACTION_PLAN),
  AT (KURS_FIELD_INITIATIVE_TITLE) TEXT ("title", REQ, N_("Initiative")),
  AT (KURS_FIELD_INITIATIVE_DESCRIPTION) TEXT ("description", LONG, N_("Description")),
  AT (KURS_FIELD_INITIATIVE_OWNER) TEXT ("owner", NONE, N_("Owner")),
  AT (KURS_FIELD_INITIATIVE_START_DATE) DATE ("start_date", NONE, N_("Start")),
  AT (KURS_FIELD_INITIATIVE_END_DATE) DATE ("end_date", NONE, N_("End")),
  AT (KURS_FIELD_INITIATIVE_STATUS) ENUM_D ("status", REQ | FOLLOW, kurs_initiative_status_enum, "not-started", N_("Status")),
  AT (KURS_FIELD_INITIATIVE_PROGRESS) INT_D ("progress", REQ | FOLLOW, 0, 100, "0", N_("Progress")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (initiative_fields) == KURS_FIELD_INDEX (KURS_FIELD_INITIATIVE_N));

static const KursField initiative_goal_fields[] = {
  AT (KURS_FIELD_INITIATIVE_GOAL_INITIATIVE_ID) PARENT ("initiative_id", KURS_ENTITY_INITIATIVE),
  AT (KURS_FIELD_INITIATIVE_GOAL_GOAL_ID) REF ("goal_id", REQ | KURS_FIELD_CASCADE, KURS_ENTITY_GOAL, N_("Development goal")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (initiative_goal_fields) == KURS_FIELD_INDEX (KURS_FIELD_INITIATIVE_GOAL_N));

static const KursField course_correction_fields[] = {
  AT (KURS_FIELD_COURSE_CORRECTION_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_COURSE_CORRECTION_DATE) DATE ("date", REQ | FOLLOW, N_("Date")),
  AT (KURS_FIELD_COURSE_CORRECTION_TEXT) TEXT ("text", REQ | LONG | FOLLOW, N_("Course correction")),
  AT (KURS_FIELD_COURSE_CORRECTION_ACTION_PLAN_ID) REF ("action_plan_id", FOLLOW, KURS_ENTITY_ACTION_PLAN, N_("After action plan")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (course_correction_fields) == KURS_FIELD_INDEX (KURS_FIELD_COURSE_CORRECTION_N));

static const KursField status_change_fields[] = {
  AT (KURS_FIELD_STATUS_CHANGE_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_STATUS_CHANGE_STATUS) ENUM ("status", REQ, kurs_strategy_status_enum, N_("Status")),
  AT (KURS_FIELD_STATUS_CHANGE_DATE) DATE ("date", REQ, N_("Date")),
  AT (KURS_FIELD_STATUS_CHANGE_BODY) TEXT ("body", NONE, N_("Decided by")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_change_fields) == KURS_FIELD_INDEX (KURS_FIELD_STATUS_CHANGE_N));

static const KursField version_fields[] = {
  AT (KURS_FIELD_VERSION_STRATEGY_ID) PARENT ("strategy_id", KURS_ENTITY_STRATEGY),
  AT (KURS_FIELD_VERSION_NUMBER) INT ("number", REQ, 1, G_MAXINT32, N_("Version")),
  AT (KURS_FIELD_VERSION_APPROVED_DATE) DATE ("approved_date", REQ, N_("Approved")),
  AT (KURS_FIELD_VERSION_APPROVED_BY) TEXT ("approved_by", NONE, N_("Approved by")),
  AT (KURS_FIELD_VERSION_CONTENT) TEXT ("content", REQ | LONG | KURS_FIELD_BULK, N_("Frozen content")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (version_fields) == KURS_FIELD_INDEX (KURS_FIELD_VERSION_N));

/* The last three: what undo and redo call adding, deleting and moving a
 * row, as whole phrases, each translated as it stands (a noun is never
 * lowercased into another sentence); the store adds the row's name */
#define ENTITY(e, name, plural, label, parent, fields, ordered, order_by, content, internal, add, delete, move) \
  [e] = { e, name, plural, label, parent, parent == KURS_ENTITY_NONE ? -1 : 0, \
          fields, G_N_ELEMENTS (fields), ordered, order_by, content, internal, add, delete, move }

static const KursEntityInfo entities[KURS_N_ENTITIES] = {
  ENTITY (KURS_ENTITY_STRATEGY, "strategy", "strategies", N_("Strategy"),
          KURS_ENTITY_NONE, strategy_fields, FALSE, "title, id", TRUE, FALSE,
          N_("Add strategy"), N_("Delete strategy"), NULL),
  ENTITY (KURS_ENTITY_MANDATE_ITEM, "mandate_item", "mandate", N_("Mandate"),
          KURS_ENTITY_STRATEGY, mandate_item_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add mandate item"), N_("Delete mandate item"), N_("Move mandate item")),
  ENTITY (KURS_ENTITY_POLICY_LINK, "policy_link", "policy_links", N_("Link to other policy"),
          KURS_ENTITY_STRATEGY, policy_link_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add link to another policy"), N_("Delete link to another policy"), N_("Move link to another policy")),
  ENTITY (KURS_ENTITY_TARGET_GROUP, "target_group", "target_groups", N_("Target group"),
          KURS_ENTITY_STRATEGY, target_group_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add target group"), N_("Delete target group"), N_("Move target group")),
  ENTITY (KURS_ENTITY_FOCUS_AREA, "focus_area", "focus_areas", N_("Focus area"),
          KURS_ENTITY_STRATEGY, focus_area_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add focus area"), N_("Delete focus area"), N_("Move focus area")),
  ENTITY (KURS_ENTITY_BEARING, "bearing", "bearings", N_("Bearing"),
          KURS_ENTITY_FOCUS_AREA, bearing_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add bearing"), N_("Delete bearing"), N_("Move bearing")),
  ENTITY (KURS_ENTITY_PRINCIPLE, "principle", "principles", N_("Principle"),
          KURS_ENTITY_STRATEGY, principle_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add principle"), N_("Delete principle"), N_("Move principle")),
  ENTITY (KURS_ENTITY_ACTION_PLAN, "action_plan", "action_plans", N_("Action plan"),
          KURS_ENTITY_STRATEGY, action_plan_fields, FALSE, "start_date, end_date, id", FALSE, FALSE,
          N_("Add action plan"), N_("Delete action plan"), NULL),
  ENTITY (KURS_ENTITY_GOAL, "goal", "goals", N_("Development goal"),
          KURS_ENTITY_STRATEGY, goal_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add development goal"), N_("Delete development goal"), N_("Move development goal")),
  ENTITY (KURS_ENTITY_SUBGOAL, "subgoal", "subgoals", N_("Sub-goal"),
          KURS_ENTITY_GOAL, subgoal_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add sub-goal"), N_("Delete sub-goal"), N_("Move sub-goal")),
  ENTITY (KURS_ENTITY_INDICATOR, "indicator", "indicators", N_("Indicator"),
          KURS_ENTITY_STRATEGY, indicator_fields, TRUE, "position, id", TRUE, FALSE,
          N_("Add indicator"), N_("Delete indicator"), N_("Move indicator")),
  ENTITY (KURS_ENTITY_MEASUREMENT, "measurement", "measurements", N_("Measurement"),
          KURS_ENTITY_INDICATOR, measurement_fields, FALSE, "date, id", FALSE, FALSE,
          N_("Add measurement"), N_("Delete measurement"), NULL),
  ENTITY (KURS_ENTITY_MILESTONE, "milestone", "milestones", N_("Milestone"),
          KURS_ENTITY_STRATEGY, milestone_fields, FALSE, "start_date, id", FALSE, FALSE,
          N_("Add milestone"), N_("Delete milestone"), NULL),
  ENTITY (KURS_ENTITY_WORKSHOP_OUTPUT, "workshop_output", "outputs", N_("Workshop output"),
          KURS_ENTITY_MILESTONE, workshop_output_fields, TRUE, "position, id", FALSE, FALSE,
          N_("Add workshop output"), N_("Delete workshop output"), N_("Move workshop output")),
  ENTITY (KURS_ENTITY_OUTPUT_GOAL, "output_goal", "goal_links", N_("Goal shaped by output"),
          KURS_ENTITY_WORKSHOP_OUTPUT, output_goal_fields, FALSE, "id", FALSE, FALSE,
          N_("Link output to development goal"), N_("Unlink output from development goal"), NULL),
  ENTITY (KURS_ENTITY_STAKEHOLDER, "stakeholder", "stakeholders", N_("Stakeholder"),
          KURS_ENTITY_STRATEGY, stakeholder_fields, TRUE, "position, id", FALSE, FALSE,
          N_("Add stakeholder"), N_("Delete stakeholder"), N_("Move stakeholder")),
  ENTITY (KURS_ENTITY_INVOLVEMENT, "involvement", "involvements", N_("Involvement"),
          KURS_ENTITY_STAKEHOLDER, involvement_fields, FALSE, "id", FALSE, FALSE,
          N_("Add involvement"), N_("Delete involvement"), NULL),
  ENTITY (KURS_ENTITY_HEARING_ROUND, "hearing_round", "hearing_rounds", N_("Hearing round"),
          KURS_ENTITY_STRATEGY, hearing_round_fields, FALSE, "sent_date, id", FALSE, FALSE,
          N_("Add hearing round"), N_("Delete hearing round"), NULL),
  ENTITY (KURS_ENTITY_HEARING_PARTY, "hearing_party", "parties", N_("Hearing party"),
          KURS_ENTITY_HEARING_ROUND, hearing_party_fields, FALSE, "id", FALSE, FALSE,
          N_("Add hearing party"), N_("Delete hearing party"), NULL),
  ENTITY (KURS_ENTITY_INITIATIVE, "initiative", "initiatives", N_("Initiative"),
          KURS_ENTITY_ACTION_PLAN, initiative_fields, FALSE, "start_date, id", FALSE, FALSE,
          N_("Add initiative"), N_("Delete initiative"), NULL),
  ENTITY (KURS_ENTITY_INITIATIVE_GOAL, "initiative_goal", "goal_links", N_("Goal served"),
          KURS_ENTITY_INITIATIVE, initiative_goal_fields, FALSE, "id", FALSE, FALSE,
          N_("Link initiative to development goal"), N_("Unlink initiative from development goal"), NULL),
  ENTITY (KURS_ENTITY_COURSE_CORRECTION, "course_correction", "course_corrections", N_("Course correction"),
          KURS_ENTITY_STRATEGY, course_correction_fields, FALSE, "date, id", FALSE, FALSE,
          N_("Add course correction"), N_("Delete course correction"), NULL),
  ENTITY (KURS_ENTITY_STATUS_CHANGE, "status_change", "status_history", N_("Status change"),
          KURS_ENTITY_STRATEGY, status_change_fields, FALSE, "id", FALSE, TRUE,
          NULL, NULL, NULL),
  ENTITY (KURS_ENTITY_VERSION, "version", "versions", N_("Approved version"),
          KURS_ENTITY_STRATEGY, version_fields, FALSE, "number", FALSE, TRUE,
          NULL, NULL, NULL),
};

const KursEntityInfo *
kurs_entity_info (KursEntity entity)
{
  g_return_val_if_fail (entity >= 0 && entity < KURS_N_ENTITIES, NULL);

  return &entities[entity];
}

const KursEntityInfo *
kurs_entity_info_by_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < KURS_N_ENTITIES; i++)
    if (g_str_equal (entities[i].name, name))
      return &entities[i];

  return NULL;
}

/**
 * kurs_entity_info_is_follow_up:
 *
 * Returns: whether rows of @info are the follow-up's own: every field
 *   people write in them is marked %KURS_FIELD_FOLLOW_UP (measurements,
 *   course corrections), so a manager's role adds and deletes them too
 */
gboolean
kurs_entity_info_is_follow_up (const KursEntityInfo *info)
{
  gboolean any = FALSE;

  g_return_val_if_fail (info != NULL, FALSE);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (info->fields[i].flags & KURS_FIELD_FOLLOW_UP)
        any = TRUE;
      else if ((int) i != info->parent_field && !(info->fields[i].flags & KURS_FIELD_INTERNAL))
        return FALSE;
    }
  return any;
}

const char * const kurs_title_field_names[] = { "title", "name", "source", "text", NULL };

int
kurs_entity_info_find_field (const KursEntityInfo *info,
                             const char           *name)
{
  g_return_val_if_fail (info != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].name, name))
      return i;

  return -1;
}

const KursField *
kurs_entity_info_get_field (const KursEntityInfo *info,
                            const char           *name)
{
  int i = kurs_entity_info_find_field (info, name);

  return i < 0 ? NULL : &info->fields[i];
}

int
kurs_enum_info_from_nick (const KursEnumInfo *info,
                          const char         *nick)
{
  g_return_val_if_fail (info != NULL, -1);

  if (nick == NULL)
    return -1;

  for (guint i = 0; i < info->n_values; i++)
    if (g_str_equal (info->values[i].nick, nick))
      return i;

  return -1;
}

const char *
kurs_enum_info_to_nick (const KursEnumInfo *info,
                        int                 value)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (value >= 0 && (guint) value < info->n_values, NULL);

  return info->values[value].nick;
}

const char *
kurs_enum_info_to_label (const KursEnumInfo *info,
                         int                 value)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (value >= 0 && (guint) value < info->n_values, NULL);

  return _(info->values[value].label);
}

const GVariantType *
kurs_field_get_variant_type (const KursField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_DATE:
    case KURS_FIELD_ENUM:
    case KURS_FIELD_TIMESTAMP:
      return G_VARIANT_TYPE_STRING;

    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      return G_VARIANT_TYPE_INT64;

    case KURS_FIELD_REAL:
      return G_VARIANT_TYPE_DOUBLE;

    case KURS_FIELD_BOOL:
      return G_VARIANT_TYPE_BOOLEAN;

    default:
      g_assert_not_reached ();
    }
}

/* A value's error: what is wrong with it */
static gboolean
check_failed (GError     **error,
              const char  *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
check_failed (GError     **error,
              const char  *format,
              ...)
{
  va_list args;

  if (error != NULL)
    {
      va_start (args, format);
      *error = g_error_new_valist (KURS_SCHEMA_ERROR, KURS_SCHEMA_ERROR_INVALID_VALUE, format, args);
      va_end (args);
    }
  return FALSE;
}

/**
 * kurs_format_double:
 * @buffer: where to write, of %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * @number with the fewest digits (15 to 17) that read back as the same
 * double, whatever the locale.
 *
 * Returns: @buffer
 */
const char *
kurs_format_double (double  number,
                    char   *buffer)
{
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }
  return buffer;
}

/**
 * kurs_text_is_decimal:
 *
 * Whether @text is a decimal number as a person writes one, with a point:
 * [+-] digits [. digits] [e [+-] digits], with digits before or after the
 * point.  Not "0x1p3", "inf" or "nan", which strtod() would also read.
 */
gboolean
kurs_text_is_decimal (const char *text)
{
  const char *c = text;
  guint digits = 0;

  if (*c == '+' || *c == '-')
    c++;
  for (; g_ascii_isdigit (*c); c++)
    digits++;
  if (*c == '.')
    for (c++; g_ascii_isdigit (*c); c++)
      digits++;
  if (digits == 0)
    return FALSE;
  if (*c == 'e' || *c == 'E')
    {
      c++;
      if (*c == '+' || *c == '-')
        c++;
      if (!g_ascii_isdigit (*c))
        return FALSE;
      while (g_ascii_isdigit (*c))
        c++;
    }
  return *c == '\0';
}

static gpointer
parse_defaults (gpointer data)
{
  GVariant ***defaults = g_new0 (GVariant **, KURS_N_ENTITIES);

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);

      defaults[e] = g_new0 (GVariant *, info->n_fields);
      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].default_value != NULL)
          defaults[e][i] = g_variant_ref_sink (kurs_field_parse_value (&info->fields[i],
                                                                       info->fields[i].default_value, NULL));
    }
  return defaults;
}

/**
 * kurs_entity_info_get_default:
 *
 * A field's value for a new row that is not given one, parsed once: an
 * import of 100,000 rows asks for it half a million times.
 *
 * Returns: (transfer none) (nullable): the default, or %NULL for none
 */
GVariant *
kurs_entity_info_get_default (const KursEntityInfo *info,
                              guint                 index)
{
  static GOnce once = G_ONCE_INIT;
  GVariant ***defaults = g_once (&once, parse_defaults, NULL);

  g_return_val_if_fail (index < info->n_fields, NULL);

  return defaults[info->entity][index];
}

/* The message for @text that is not one of @field's choices */
static void
set_not_a_choice (const KursField  *field,
                  const char       *text,
                  GError          **error)
{
  g_autoptr(GString) nicks = g_string_new (NULL);

  if (error == NULL)
    return;
  for (guint i = 0; i < field->enum_info->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i ? ", " : "", field->enum_info->values[i].nick);
  g_set_error (error, KURS_SCHEMA_ERROR, KURS_SCHEMA_ERROR_INVALID_VALUE,
               _("%s must be one of %s, not “%s”"), kurs_field_get_label (field), nicks->str, text);
}

/**
 * kurs_field_parse_cell:
 * @text: a value in its text form, as kurs_field_parse_value() reads it
 * @cell: (out caller-allocates): the value, whose text is @text's
 *
 * kurs_field_parse_value() without a GVariant: @cell holds a text field's
 * @text itself, which must outlive it.
 *
 * Returns: whether @text is a value of @field, or %FALSE with @error set
 */
gboolean
kurs_field_parse_cell (const KursField  *field,
                       const char       *text,
                       KursCell         *cell,
                       GError          **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* (a field's label is looked up in the translation only for a message:
   * an import checks half a million values) */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, KURS_SCHEMA_ERROR, KURS_SCHEMA_ERROR_INVALID_VALUE,
                   _("%s is not valid UTF-8 text"), kurs_field_get_label (field));
      return FALSE;
    }

  cell->length = 0;
  switch (field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_TIMESTAMP:
      break;

    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      cell->kind = KURS_CELL_NUMBER;
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &cell->number, NULL))
        return check_failed (error, _("%s must be a whole number, not “%s”"), kurs_field_get_label (field), text);
      return TRUE;

    case KURS_FIELD_REAL:
      {
        char *end = NULL;

        cell->kind = KURS_CELL_REAL;
        cell->real = g_ascii_strtod (text, &end);
        if (!kurs_text_is_decimal (text) || end == NULL || *end != '\0' || !isfinite (cell->real))
          return check_failed (error, _("%s must be a number, not “%s”"), kurs_field_get_label (field), text);
        return TRUE;
      }

    case KURS_FIELD_BOOL:
      cell->kind = KURS_CELL_NUMBER;
      if (g_str_equal (text, "true") || g_str_equal (text, "1"))
        cell->number = TRUE;
      else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
        cell->number = FALSE;
      else
        return check_failed (error, _("%s must be true or false, not “%s”"), kurs_field_get_label (field), text);
      return TRUE;

    case KURS_FIELD_DATE:
      {
        g_autoptr(GError) local_error = NULL;
        KursDate date;

        if (!kurs_date_parse (text, &date, &local_error))
          return check_failed (error, "%s: %s", kurs_field_get_label (field), local_error->message);
      }
      break;

    case KURS_FIELD_ENUM:
      if (kurs_enum_info_from_nick (field->enum_info, text) < 0)
        {
          set_not_a_choice (field, text, error);
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  cell->kind = KURS_CELL_TEXT;
  cell->text = text;
  cell->length = strlen (text);
  return TRUE;
}

/**
 * kurs_field_parse_value:
 * @field: a field
 * @text: a value in its text form: a number with a point as the decimal
 *   sign, a date as YYYY-MM-DD, `true` or `false`, an enumeration's nick
 *
 * Returns: (transfer floating): the value, or %NULL with @error set
 */
GVariant *
kurs_field_parse_value (const KursField  *field,
                        const char       *text,
                        GError          **error)
{
  KursCell cell;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!kurs_field_parse_cell (field, text, &cell, error))
    return NULL;
  return kurs_field_cell_to_value (field, &cell);
}

/**
 * kurs_field_cell_to_value:
 * @cell: a value of @field
 *
 * Returns: (transfer floating) (nullable): @cell as a GVariant, %NULL for
 *   none
 */
GVariant *
kurs_field_cell_to_value (const KursField *field,
                          const KursCell  *cell)
{
  switch (cell->kind)
    {
    case KURS_CELL_NONE:
      return NULL;
    case KURS_CELL_TEXT:
      return g_variant_new_take_string (g_strndup (cell->text, cell->length));
    case KURS_CELL_REAL:
      return g_variant_new_double (cell->real);
    case KURS_CELL_NUMBER:
      return field->type == KURS_FIELD_BOOL ? g_variant_new_boolean (cell->number != 0)
                                            : g_variant_new_int64 (cell->number);
    default:
      g_assert_not_reached ();
    }
}

/**
 * kurs_field_value_to_cell:
 * @value: (nullable): a value of @field, of its type (or a bulky text's
 *   bytes, as kurs_field_check_value() allows)
 * @cell: (out caller-allocates): @value, whose text is @value's
 */
void
kurs_field_value_to_cell (const KursField *field,
                          GVariant        *value,
                          KursCell        *cell)
{
  cell->length = 0;
  if (value == NULL)
    {
      cell->kind = KURS_CELL_NONE;
      return;
    }

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_DATE:
    case KURS_FIELD_ENUM:
    case KURS_FIELD_TIMESTAMP:
      cell->kind = KURS_CELL_TEXT;
      cell->text = g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING)
                   ? g_variant_get_fixed_array (value, &cell->length, 1)
                   : g_variant_get_string (value, &cell->length);
      break;

    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      cell->kind = KURS_CELL_NUMBER;
      cell->number = g_variant_get_int64 (value);
      break;

    case KURS_FIELD_REAL:
      cell->kind = KURS_CELL_REAL;
      cell->real = g_variant_get_double (value);
      break;

    case KURS_FIELD_BOOL:
      cell->kind = KURS_CELL_NUMBER;
      cell->number = g_variant_get_boolean (value);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * kurs_field_format_value:
 *
 * The inverse of kurs_field_parse_value(): a real is written in the
 * shortest form that reads back as the same number.
 *
 * Returns: (transfer full): the text form of @value
 */
char *
kurs_field_format_value (const KursField *field,
                         GVariant        *value)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
    case KURS_FIELD_TIMESTAMP:
    case KURS_FIELD_DATE:
    case KURS_FIELD_ENUM:
      return g_variant_dup_string (value, NULL);

    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));

    case KURS_FIELD_REAL:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (kurs_format_double (g_variant_get_double (value), buffer));
      }

    case KURS_FIELD_BOOL:
      return g_strdup (g_variant_get_boolean (value) ? "true" : "false");

    default:
      g_assert_not_reached ();
    }
}

/**
 * kurs_field_format_for_people:
 * @text: (nullable): a value of the field in its stored text form
 *
 * Returns: (transfer full): the value as a person reads it: an
 *   enumeration's label, Yes or No, a date in the locale's words,
 *   "(none)" for no value
 */
char *
kurs_field_format_for_people (const KursField *field,
                              const char      *text)
{
  KursDate date;

  g_return_val_if_fail (field != NULL, NULL);

  if (text == NULL || *text == '\0')
    return g_strdup (_("(none)"));

  switch (field->type)
    {
    case KURS_FIELD_ENUM:
      {
        int value = kurs_enum_info_from_nick (field->enum_info, text);

        return g_strdup (value >= 0 ? kurs_enum_info_to_label (field->enum_info, value) : text);
      }
    case KURS_FIELD_BOOL:
      return g_strdup (g_str_equal (text, "true") ? _("Yes") : _("No"));
    case KURS_FIELD_DATE:
      return kurs_date_parse (text, &date, NULL) ? kurs_date_format_local (date) : g_strdup (text);
    default:
      return g_strdup (text);
    }
}

/**
 * kurs_field_get_label:
 *
 * Returns: the field's name for people, translated
 */
const char *
kurs_field_get_label (const KursField *field)
{
  return field->label ? _(field->label) : field->name;
}

/* Every text must be exportable: XML 1.0 has no place for control
 * characters other than tab and line breaks, nor for U+FFFE and U+FFFF.
 * In UTF-8 those are single bytes below 0x20 and EF BF BE / EF BF BF, so a
 * scan of the bytes finds them. */
static gboolean
is_xml_text (const char *text,
             gsize       length)
{
  const guchar *end = (const guchar *) text + length;

  for (const guchar *p = (const guchar *) text; p < end; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      if (p[0] == 0xEF && p + 2 < end && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
        return FALSE;
    }

  return TRUE;
}

/* The kind of cell a value of @field is */
static KursCellKind
cell_kind_of (const KursField *field)
{
  switch (field->type)
    {
    case KURS_FIELD_INT:
    case KURS_FIELD_REF:
    case KURS_FIELD_BOOL:
      return KURS_CELL_NUMBER;
    case KURS_FIELD_REAL:
      return KURS_CELL_REAL;
    default:
      return KURS_CELL_TEXT;
    }
}

/**
 * kurs_field_check_value:
 * @value: (nullable): a value of the field, or %NULL for none
 *
 * Checks a value against its field's own rules, the same for the store,
 * the importers and the editors: a required value, its type, a text's
 * length (KURS_TEXT_MAX_CHARS characters, as the XML schema counts), one
 * line where the field is, characters XML can hold, a number in range, a
 * date that exists, a choice that is one.  Rules between fields are the
 * store's (they need the row).  A bulky text (%KURS_FIELD_BULK: frozen
 * XML, 35 MB at 100,000 items) may be given as its bytes ("ay"), not
 * copied, by a caller that checked they are UTF-8.
 *
 * Returns: whether @value can be the field's, or %FALSE with @error
 *   (%KURS_SCHEMA_ERROR_INVALID_VALUE) saying why
 */
gboolean
kurs_field_check_value (const KursField  *field,
                        GVariant         *value,
                        GError          **error)
{
  KursCell cell;

  if (value != NULL
      && !g_variant_is_of_type (value, kurs_field_get_variant_type (field))
      && !(field->type == KURS_FIELD_TEXT && (field->flags & KURS_FIELD_BULK)
           && g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING)))
    return check_failed (error, _("%s got a value of the wrong kind"), kurs_field_get_label (field));

  kurs_field_value_to_cell (field, value, &cell);
  return kurs_field_check_cell (field, &cell, error);
}

/**
 * kurs_field_check_cell:
 * @cell: a value of the field, or one of kind %KURS_CELL_NONE for none
 *
 * kurs_field_check_value() of a value without a GVariant.
 *
 * Returns: whether @cell can be the field's, or %FALSE with @error
 *   (%KURS_SCHEMA_ERROR_INVALID_VALUE) saying why
 */
gboolean
kurs_field_check_cell (const KursField  *field,
                       const KursCell   *cell,
                       GError          **error)
{
  if (cell->kind == KURS_CELL_NONE)
    {
      if (field->flags & KURS_FIELD_REQUIRED)
        return check_failed (error, _("%s needs a value"), kurs_field_get_label (field));
      return TRUE;
    }

  if (cell->kind != cell_kind_of (field))
    return check_failed (error, _("%s got a value of the wrong kind"), kurs_field_get_label (field));

  switch (field->type)
    {
    case KURS_FIELD_TEXT:
      {
        const char *text = cell->text, *end = cell->text + cell->length;
        const char *p = text;

        while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
        if ((field->flags & KURS_FIELD_REQUIRED) && p >= end)
          return check_failed (error, _("%s cannot be empty"), kurs_field_get_label (field));
        /* Counted in characters, as the XML schema counts them, so that
         * whatever is stored can be exported; more than a million is a
         * mistake (a pasted file), not a strategy */
        if (!(field->flags & KURS_FIELD_BULK) && cell->length > KURS_TEXT_MAX_CHARS
            && g_utf8_strlen (text, cell->length) > KURS_TEXT_MAX_CHARS)
          return check_failed (error, _("%s is too long: at most a million characters"), kurs_field_get_label (field));
        if (!(field->flags & KURS_FIELD_LONG) && memchr (text, '\n', cell->length) != NULL)
          return check_failed (error, _("%s must be a single line"), kurs_field_get_label (field));
        /* Bulky fields hold what Kurs wrote itself (frozen XML). */
        if (!(field->flags & KURS_FIELD_BULK) && !is_xml_text (text, cell->length))
          return check_failed (error, _("%s contains a control character that cannot be kept"), kurs_field_get_label (field));
      }
      break;

    case KURS_FIELD_INT:
      /* The schema's ranges fit in an int. */
      if (field->min < field->max && (cell->number < field->min || cell->number > field->max))
        return check_failed (error, _("%s must be from %d to %d"),
                             kurs_field_get_label (field), (int) field->min, (int) field->max);
      break;

    case KURS_FIELD_REAL:
      if (!isfinite (cell->real))
        return check_failed (error, _("%s must be a number"), kurs_field_get_label (field));
      break;

    case KURS_FIELD_DATE:
      {
        g_autoptr(GError) local_error = NULL;

        if (!kurs_date_check (cell->text, &local_error))
          return check_failed (error, "%s: %s", kurs_field_get_label (field), local_error->message);
      }
      break;

    case KURS_FIELD_ENUM:
      if (kurs_enum_info_from_nick (field->enum_info, cell->text) < 0)
        {
          set_not_a_choice (field, cell->text, error);
          return FALSE;
        }
      break;

    case KURS_FIELD_REF:
      if (cell->number <= 0)
        return check_failed (error, _("%s refers to nothing"), kurs_field_get_label (field));
      break;

    case KURS_FIELD_BOOL:
    case KURS_FIELD_TIMESTAMP:
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}
