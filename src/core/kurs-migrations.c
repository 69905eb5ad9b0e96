/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-migrations"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-migrations.h"
#include "kurs-xml.h"
#include "kurs-store.h"

/* Each migration takes a library from user_version N to N + 1 in one
 * transaction.  A migration, once released, never changes: a new need is
 * a new migration at the end of the list.
 *
 * Rules that tie two fields of a row together (a period's end after its
 * start) are checked by the store when an action is committed, not by SQL
 * CHECKs, so that an edit may pass through such a state within an action. */

static const char * const migrations[] = {
  /* 1: the whole model of a strategy, its process and its implementation */
  "PRAGMA application_id = 1263882835;\n" /* KURS_APPLICATION_ID */

  "CREATE TABLE strategy (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  short_name TEXT,\n"
  "  start_year INTEGER NOT NULL CHECK (start_year BETWEEN 1900 AND 2200),\n"
  "  end_year INTEGER NOT NULL CHECK (end_year BETWEEN 1900 AND 2200),\n"
  "  committee TEXT,\n"
  "  vision TEXT,\n"
  "  core_value TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'draft'\n"
  "    CHECK (status IN ('draft', 'in-hearing', 'approved', 'adopted')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL\n"
  ");\n"

  "CREATE TABLE mandate_item (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  source TEXT NOT NULL CHECK (trim (source) <> ''),\n"
  "  text TEXT\n"
  ");\n"
  "CREATE INDEX mandate_item_strategy ON mandate_item (strategy_id);\n"

  "CREATE TABLE policy_link (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  relation TEXT\n"
  ");\n"
  "CREATE INDEX policy_link_strategy ON policy_link (strategy_id);\n"

  "CREATE TABLE target_group (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),\n"
  "  description TEXT,\n"
  "  included INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1))\n"
  ");\n"
  "CREATE INDEX target_group_strategy ON target_group (strategy_id);\n"

  "CREATE TABLE focus_area (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  description TEXT\n"
  ");\n"
  "CREATE INDEX focus_area_strategy ON focus_area (strategy_id);\n"

  "CREATE TABLE bearing (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  focus_area_id INTEGER NOT NULL REFERENCES focus_area (id) ON DELETE CASCADE,\n"
  "  text TEXT NOT NULL CHECK (trim (text) <> '')\n"
  ");\n"
  "CREATE INDEX bearing_focus_area ON bearing (focus_area_id);\n"
  "CREATE INDEX bearing_strategy ON bearing (strategy_id);\n"

  "CREATE TABLE principle (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  text TEXT\n"
  ");\n"
  "CREATE INDEX principle_strategy ON principle (strategy_id);\n"

  "CREATE TABLE action_plan (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  start_date TEXT NOT NULL CHECK (date (start_date) IS start_date),\n"
  "  end_date TEXT NOT NULL CHECK (date (end_date) IS end_date),\n"
  "  description TEXT\n"
  ");\n"
  "CREATE INDEX action_plan_strategy ON action_plan (strategy_id);\n"

  "CREATE TABLE goal (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  description TEXT,\n"
  "  focus_area_id INTEGER REFERENCES focus_area (id) ON DELETE SET NULL\n"
  ");\n"
  "CREATE INDEX goal_strategy ON goal (strategy_id);\n"
  "CREATE INDEX goal_focus_area ON goal (focus_area_id);\n"

  "CREATE TABLE subgoal (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  horizon_year INTEGER CHECK (horizon_year BETWEEN 1900 AND 2200),\n"
  "  horizon_plan_id INTEGER REFERENCES action_plan (id) ON DELETE SET NULL\n"
  ");\n"
  "CREATE INDEX subgoal_goal ON subgoal (goal_id);\n"
  "CREATE INDEX subgoal_strategy ON subgoal (strategy_id);\n"
  "CREATE INDEX subgoal_plan ON subgoal (horizon_plan_id);\n"

  "CREATE TABLE indicator (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),\n"
  "  unit TEXT,\n"
  "  baseline REAL,\n"
  "  baseline_year INTEGER CHECK (baseline_year BETWEEN 1900 AND 2200),\n"
  "  target REAL,\n"
  "  target_year INTEGER CHECK (target_year BETWEEN 1900 AND 2200),\n"
  "  source TEXT,\n"
  "  goal_id INTEGER REFERENCES goal (id) ON DELETE SET NULL\n"
  ");\n"
  "CREATE INDEX indicator_strategy ON indicator (strategy_id);\n"
  "CREATE INDEX indicator_goal ON indicator (goal_id);\n"

  "CREATE TABLE measurement (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date (date) IS date),\n"
  "  value REAL NOT NULL,\n"
  "  note TEXT\n"
  ");\n"
  "CREATE INDEX measurement_indicator ON measurement (indicator_id);\n"
  "CREATE INDEX measurement_strategy ON measurement (strategy_id);\n"

  "CREATE TABLE milestone (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('seminar', 'committee-meeting',\n"
  "    'theme-meeting', 'hearing', 'approval', 'council-adoption',\n"
  "    'data-release', 'status-review', 'evaluation', 'other')),\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  start_date TEXT NOT NULL CHECK (date (start_date) IS start_date),\n"
  "  end_date TEXT CHECK (end_date IS NULL OR date (end_date) IS end_date),\n"
  "  committee TEXT,\n"
  "  held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),\n"
  "  case_number TEXT,\n"
  "  earlier_treatment TEXT,\n"
  "  agenda TEXT,\n"
  "  recommendation TEXT,\n"
  "  decision TEXT,\n"
  "  repeat_every_years INTEGER CHECK (repeat_every_years BETWEEN 1 AND 10),\n"
  "  repeat_until_year INTEGER CHECK (repeat_until_year BETWEEN 1900 AND 2200)\n"
  ");\n"
  "CREATE INDEX milestone_strategy ON milestone (strategy_id);\n"

  "CREATE TABLE workshop_output (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  milestone_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,\n"
  "  text TEXT NOT NULL CHECK (trim (text) <> '')\n"
  ");\n"
  "CREATE INDEX workshop_output_milestone ON workshop_output (milestone_id);\n"
  "CREATE INDEX workshop_output_strategy ON workshop_output (strategy_id);\n"

  "CREATE TABLE output_goal (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  output_id INTEGER NOT NULL REFERENCES workshop_output (id) ON DELETE CASCADE,\n"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,\n"
  "  UNIQUE (output_id, goal_id)\n"
  ");\n"
  "CREATE INDEX output_goal_goal ON output_goal (goal_id);\n"
  "CREATE INDEX output_goal_strategy ON output_goal (strategy_id);\n"

  "CREATE TABLE stakeholder (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('politician', 'council', 'board',\n"
  "    'committee', 'partner', 'citizen', 'employee')),\n"
  "  contact TEXT,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE INDEX stakeholder_strategy ON stakeholder (strategy_id);\n"

  "CREATE TABLE involvement (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,\n"
  "  milestone_id INTEGER NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL CHECK (role IN ('participant', 'interviewed',\n"
  "    'input', 'hearing-party')),\n"
  "  UNIQUE (stakeholder_id, milestone_id)\n"
  ");\n"
  "CREATE INDEX involvement_milestone ON involvement (milestone_id);\n"
  "CREATE INDEX involvement_strategy ON involvement (strategy_id);\n"

  "CREATE TABLE hearing_round (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  milestone_id INTEGER REFERENCES milestone (id) ON DELETE SET NULL,\n"
  "  sent_date TEXT NOT NULL CHECK (date (sent_date) IS sent_date),\n"
  "  deadline TEXT NOT NULL CHECK (date (deadline) IS deadline)\n"
  ");\n"
  "CREATE INDEX hearing_round_strategy ON hearing_round (strategy_id);\n"
  "CREATE INDEX hearing_round_milestone ON hearing_round (milestone_id);\n"

  "CREATE TABLE hearing_party (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  hearing_round_id INTEGER NOT NULL REFERENCES hearing_round (id) ON DELETE CASCADE,\n"
  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder (id) ON DELETE CASCADE,\n"
  "  response_date TEXT CHECK (response_date IS NULL OR date (response_date) IS response_date),\n"
  "  response_text TEXT,\n"
  "  handling_note TEXT,\n"
  "  UNIQUE (hearing_round_id, stakeholder_id)\n"
  ");\n"
  "CREATE INDEX hearing_party_stakeholder ON hearing_party (stakeholder_id);\n"
  "CREATE INDEX hearing_party_strategy ON hearing_party (strategy_id);\n"

  "CREATE TABLE initiative (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  action_plan_id INTEGER NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,\n"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),\n"
  "  description TEXT,\n"
  "  owner TEXT,\n"
  "  start_date TEXT CHECK (start_date IS NULL OR date (start_date) IS start_date),\n"
  "  end_date TEXT CHECK (end_date IS NULL OR date (end_date) IS end_date),\n"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started',\n"
  "    'on-track', 'at-risk', 'delayed', 'done')),\n"
  "  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100)\n"
  ");\n"
  "CREATE INDEX initiative_plan ON initiative (action_plan_id);\n"
  "CREATE INDEX initiative_strategy ON initiative (strategy_id);\n"

  "CREATE TABLE initiative_goal (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  initiative_id INTEGER NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,\n"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,\n"
  "  UNIQUE (initiative_id, goal_id)\n"
  ");\n"
  "CREATE INDEX initiative_goal_goal ON initiative_goal (goal_id);\n"
  "CREATE INDEX initiative_goal_strategy ON initiative_goal (strategy_id);\n"

  "CREATE TABLE course_correction (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date (date) IS date),\n"
  "  text TEXT NOT NULL CHECK (trim (text) <> ''),\n"
  "  action_plan_id INTEGER REFERENCES action_plan (id) ON DELETE SET NULL\n"
  ");\n"
  "CREATE INDEX course_correction_strategy ON course_correction (strategy_id);\n"
  "CREATE INDEX course_correction_plan ON course_correction (action_plan_id);\n"

  "CREATE TABLE status_change (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  status TEXT NOT NULL CHECK (status IN ('draft', 'in-hearing', 'approved', 'adopted')),\n"
  "  date TEXT NOT NULL CHECK (date (date) IS date),\n"
  "  body TEXT\n"
  ");\n"
  "CREATE INDEX status_change_strategy ON status_change (strategy_id);\n"

  "CREATE TABLE version (\n"
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  strategy_id INTEGER NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,\n"
  "  number INTEGER NOT NULL CHECK (number >= 1),\n"
  "  approved_date TEXT NOT NULL CHECK (date (approved_date) IS approved_date),\n"
  "  approved_by TEXT,\n"
  "  content TEXT NOT NULL,\n"
  "  UNIQUE (strategy_id, number)\n"
  ");\n",

  /* 2: the search index, kept by the library itself: each row's title and
   * texts, under a rowid made of its entity and id, written by triggers in
   * the same transaction as the row; an approved version's frozen text
   * through kurs_text_of_xml(), which each writing connection of Kurs
   * has (kurs_migrations_add_functions()) */
  "CREATE VIRTUAL TABLE search_index USING fts5 (\n"
  "  title, body, entity UNINDEXED, row_id UNINDEXED, strategy_id UNINDEXED,\n"
  "  tokenize = 'unicode61 remove_diacritics 0'\n"
  ");\n"
  "CREATE TRIGGER search_strategy_insert AFTER INSERT ON strategy BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (0 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.short_name, '') || char(10) || "
    "coalesce(NEW.committee, '') || char(10) || coalesce(NEW.vision, '') || char(10) || "
    "coalesce(NEW.core_value, ''), 0, NEW.id, NEW.id);\n"
  "END;\n"
  "CREATE TRIGGER search_strategy_update AFTER UPDATE OF title, short_name, committee, vision, "
    "core_value ON strategy BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 0 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (0 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.short_name, '') || char(10) || "
    "coalesce(NEW.committee, '') || char(10) || coalesce(NEW.vision, '') || char(10) || "
    "coalesce(NEW.core_value, ''), 0, NEW.id, NEW.id);\n"
  "END;\n"
  "CREATE TRIGGER search_strategy_delete AFTER DELETE ON strategy BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 0 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 0 * 1099511627776 + r.id, r.title, coalesce(r.short_name, '') || char(10) || "
    "coalesce(r.committee, '') || char(10) || coalesce(r.vision, '') || char(10) || coalesce(r.core_value, "
    "''), 0, r.id, r.id FROM strategy r;\n"
  "CREATE TRIGGER search_mandate_item_insert AFTER INSERT ON mandate_item BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (1 * 1099511627776 + NEW.id, NEW.source, coalesce(NEW.text, ''), 1, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_mandate_item_update AFTER UPDATE OF source, text ON mandate_item BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 1 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (1 * 1099511627776 + NEW.id, NEW.source, coalesce(NEW.text, ''), 1, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_mandate_item_delete AFTER DELETE ON mandate_item BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 1 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 1 * 1099511627776 + r.id, r.source, coalesce(r.text, ''), 1, r.id, "
    "r.strategy_id FROM mandate_item r;\n"
  "CREATE TRIGGER search_policy_link_insert AFTER INSERT ON policy_link BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (2 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.relation, ''), 2, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_policy_link_update AFTER UPDATE OF title, relation ON policy_link BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 2 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (2 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.relation, ''), 2, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_policy_link_delete AFTER DELETE ON policy_link BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 2 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 2 * 1099511627776 + r.id, r.title, coalesce(r.relation, ''), 2, r.id, "
    "r.strategy_id FROM policy_link r;\n"
  "CREATE TRIGGER search_target_group_insert AFTER INSERT ON target_group BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (3 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.description, ''), 3, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_target_group_update AFTER UPDATE OF name, description ON target_group BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 3 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (3 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.description, ''), 3, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_target_group_delete AFTER DELETE ON target_group BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 3 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 3 * 1099511627776 + r.id, r.name, coalesce(r.description, ''), 3, r.id, "
    "r.strategy_id FROM target_group r;\n"
  "CREATE TRIGGER search_focus_area_insert AFTER INSERT ON focus_area BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (4 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 4, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_focus_area_update AFTER UPDATE OF title, description ON focus_area BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 4 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (4 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 4, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_focus_area_delete AFTER DELETE ON focus_area BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 4 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 4 * 1099511627776 + r.id, r.title, coalesce(r.description, ''), 4, r.id, "
    "r.strategy_id FROM focus_area r;\n"
  "CREATE TRIGGER search_bearing_insert AFTER INSERT ON bearing BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (5 * 1099511627776 + NEW.id, NEW.text, '', 5, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_bearing_update AFTER UPDATE OF text ON bearing BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 5 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (5 * 1099511627776 + NEW.id, NEW.text, '', 5, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_bearing_delete AFTER DELETE ON bearing BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 5 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 5 * 1099511627776 + r.id, r.text, '', 5, r.id, r.strategy_id FROM bearing r;\n"
  "CREATE TRIGGER search_principle_insert AFTER INSERT ON principle BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (6 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.text, ''), 6, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_principle_update AFTER UPDATE OF title, text ON principle BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 6 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (6 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.text, ''), 6, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_principle_delete AFTER DELETE ON principle BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 6 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 6 * 1099511627776 + r.id, r.title, coalesce(r.text, ''), 6, r.id, "
    "r.strategy_id FROM principle r;\n"
  "CREATE TRIGGER search_action_plan_insert AFTER INSERT ON action_plan BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (7 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 7, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_action_plan_update AFTER UPDATE OF title, description ON action_plan BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 7 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (7 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 7, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_action_plan_delete AFTER DELETE ON action_plan BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 7 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 7 * 1099511627776 + r.id, r.title, coalesce(r.description, ''), 7, r.id, "
    "r.strategy_id FROM action_plan r;\n"
  "CREATE TRIGGER search_goal_insert AFTER INSERT ON goal BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (8 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 8, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_goal_update AFTER UPDATE OF title, description ON goal BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 8 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (8 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, ''), 8, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_goal_delete AFTER DELETE ON goal BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 8 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 8 * 1099511627776 + r.id, r.title, coalesce(r.description, ''), 8, r.id, "
    "r.strategy_id FROM goal r;\n"
  "CREATE TRIGGER search_subgoal_insert AFTER INSERT ON subgoal BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (9 * 1099511627776 + NEW.id, NEW.title, '', 9, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_subgoal_update AFTER UPDATE OF title ON subgoal BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 9 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (9 * 1099511627776 + NEW.id, NEW.title, '', 9, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_subgoal_delete AFTER DELETE ON subgoal BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 9 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 9 * 1099511627776 + r.id, r.title, '', 9, r.id, r.strategy_id FROM subgoal r;\n"
  "CREATE TRIGGER search_indicator_insert AFTER INSERT ON indicator BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (10 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.unit, '') || char(10) || "
    "coalesce(NEW.source, ''), 10, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_indicator_update AFTER UPDATE OF name, unit, source ON indicator BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 10 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (10 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.unit, '') || char(10) || "
    "coalesce(NEW.source, ''), 10, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_indicator_delete AFTER DELETE ON indicator BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 10 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 10 * 1099511627776 + r.id, r.name, coalesce(r.unit, '') || char(10) || "
    "coalesce(r.source, ''), 10, r.id, r.strategy_id FROM indicator r;\n"
  "CREATE TRIGGER search_milestone_insert AFTER INSERT ON milestone BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (12 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.committee, '') || char(10) || "
    "coalesce(NEW.case_number, '') || char(10) || coalesce(NEW.earlier_treatment, '') || char(10) || "
    "coalesce(NEW.agenda, '') || char(10) || coalesce(NEW.recommendation, '') || char(10) || "
    "coalesce(NEW.decision, ''), 12, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_milestone_update AFTER UPDATE OF title, committee, case_number, earlier_treatment"
    ", agenda, recommendation, decision ON milestone BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 12 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (12 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.committee, '') || char(10) || "
    "coalesce(NEW.case_number, '') || char(10) || coalesce(NEW.earlier_treatment, '') || char(10) || "
    "coalesce(NEW.agenda, '') || char(10) || coalesce(NEW.recommendation, '') || char(10) || "
    "coalesce(NEW.decision, ''), 12, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_milestone_delete AFTER DELETE ON milestone BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 12 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 12 * 1099511627776 + r.id, r.title, coalesce(r.committee, '') || char(10) || "
    "coalesce(r.case_number, '') || char(10) || coalesce(r.earlier_treatment, '') || char(10) || "
    "coalesce(r.agenda, '') || char(10) || coalesce(r.recommendation, '') || char(10) || coalesce(r.decision"
    ", ''), 12, r.id, r.strategy_id FROM milestone r;\n"
  "CREATE TRIGGER search_workshop_output_insert AFTER INSERT ON workshop_output BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (13 * 1099511627776 + NEW.id, NEW.text, '', 13, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_workshop_output_update AFTER UPDATE OF text ON workshop_output BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 13 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (13 * 1099511627776 + NEW.id, NEW.text, '', 13, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_workshop_output_delete AFTER DELETE ON workshop_output BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 13 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 13 * 1099511627776 + r.id, r.text, '', 13, r.id, "
    "r.strategy_id FROM workshop_output r;\n"
  "CREATE TRIGGER search_stakeholder_insert AFTER INSERT ON stakeholder BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (15 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.contact, '') || char(10) || "
    "coalesce(NEW.notes, ''), 15, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_stakeholder_update AFTER UPDATE OF name, contact, notes ON stakeholder BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 15 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (15 * 1099511627776 + NEW.id, NEW.name, coalesce(NEW.contact, '') || char(10) || "
    "coalesce(NEW.notes, ''), 15, NEW.id, NEW.strategy_id);\n"
  "  DELETE FROM search_index WHERE rowid IN (SELECT 18 * 1099511627776 + id FROM hearing_party WHERE stakeholder_id = NEW.id);\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 18 * 1099511627776 + p.id, "
    "(SELECT s.name FROM stakeholder s WHERE s.id = p.stakeholder_id), coalesce(p.response_text, '') || "
    "char(10) || coalesce(p.handling_note, ''), 18, p.id, "
    "p.strategy_id FROM hearing_party p WHERE p.stakeholder_id = NEW.id;\n"
  "END;\n"
  "CREATE TRIGGER search_stakeholder_delete AFTER DELETE ON stakeholder BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 15 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 15 * 1099511627776 + r.id, r.name, coalesce(r.contact, '') || char(10) || "
    "coalesce(r.notes, ''), 15, r.id, r.strategy_id FROM stakeholder r;\n"
  "CREATE TRIGGER search_hearing_round_insert AFTER INSERT ON hearing_round BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (17 * 1099511627776 + NEW.id, NEW.title, '', 17, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_hearing_round_update AFTER UPDATE OF title ON hearing_round BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 17 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (17 * 1099511627776 + NEW.id, NEW.title, '', 17, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_hearing_round_delete AFTER DELETE ON hearing_round BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 17 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 17 * 1099511627776 + r.id, r.title, '', 17, r.id, "
    "r.strategy_id FROM hearing_round r;\n"
  "CREATE TRIGGER search_hearing_party_insert AFTER INSERT ON hearing_party BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (18 * 1099511627776 + NEW.id, "
    "(SELECT s.name FROM stakeholder s WHERE s.id = NEW.stakeholder_id), coalesce(NEW.response_text, '') || "
    "char(10) || coalesce(NEW.handling_note, ''), 18, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_hearing_party_update AFTER UPDATE OF stakeholder_id, response_text, "
    "handling_note ON hearing_party BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 18 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (18 * 1099511627776 + NEW.id, "
    "(SELECT s.name FROM stakeholder s WHERE s.id = NEW.stakeholder_id), coalesce(NEW.response_text, '') || "
    "char(10) || coalesce(NEW.handling_note, ''), 18, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_hearing_party_delete AFTER DELETE ON hearing_party BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 18 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 18 * 1099511627776 + r.id, "
    "(SELECT s.name FROM stakeholder s WHERE s.id = r.stakeholder_id), coalesce(r.response_text, '') || "
    "char(10) || coalesce(r.handling_note, ''), 18, r.id, r.strategy_id FROM hearing_party r;\n"
  "CREATE TRIGGER search_initiative_insert AFTER INSERT ON initiative BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (19 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, '') || char(10)"
    " || coalesce(NEW.owner, ''), 19, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_initiative_update AFTER UPDATE OF title, description, owner ON initiative BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 19 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (19 * 1099511627776 + NEW.id, NEW.title, coalesce(NEW.description, '') || char(10)"
    " || coalesce(NEW.owner, ''), 19, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_initiative_delete AFTER DELETE ON initiative BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 19 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 19 * 1099511627776 + r.id, r.title, coalesce(r.description, '') || char(10) || "
    "coalesce(r.owner, ''), 19, r.id, r.strategy_id FROM initiative r;\n"
  "CREATE TRIGGER search_course_correction_insert AFTER INSERT ON course_correction BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (21 * 1099511627776 + NEW.id, NEW.text, '', 21, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_course_correction_update AFTER UPDATE OF text ON course_correction BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 21 * 1099511627776 + OLD.id;\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (21 * 1099511627776 + NEW.id, NEW.text, '', 21, NEW.id, NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_course_correction_delete AFTER DELETE ON course_correction BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 21 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 21 * 1099511627776 + r.id, r.text, '', 21, r.id, "
    "r.strategy_id FROM course_correction r;\n"
  "CREATE TRIGGER search_version_insert AFTER INSERT ON version BEGIN\n"
  "  INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) VALUES (23 * 1099511627776 + NEW.id, '', kurs_text_of_xml (NEW.content), 23, NEW.id, "
    "NEW.strategy_id);\n"
  "END;\n"
  "CREATE TRIGGER search_version_delete AFTER DELETE ON version BEGIN\n"
  "  DELETE FROM search_index WHERE rowid = 23 * 1099511627776 + OLD.id;\n"
  "END;\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, "
    "strategy_id) SELECT 23 * 1099511627776 + r.id, '', kurs_text_of_xml (r.content), 23, r.id, "
    "r.strategy_id FROM version r;\n",
  /* 3: every row but a strategy gets a lasting identity, its uid, which
   * the XML carries (attribute "uid") and by which two versions of a
   * strategy are compared: it stays with the row through edits, moves,
   * freezing, export and import (a copy too), and copying a library.
   * Unique within its strategy and kind.  A new row's uid is drawn at
   * random by the store (at least 2^32, KURS_RECORD_FIRST_RANDOM_UID); rows made
   * before uids existed are numbered here as a file without uids is read
   * (kurs-xml-import.c): 1, 2, 3… in the order their strategy's XML
   * writes them, that is by their owner's uid and then in their own
   * order, so that a version frozen before uids still meets the rows it
   * was written from. */
  "ALTER TABLE mandate_item ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE policy_link ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE target_group ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE focus_area ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE bearing ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE principle ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE action_plan ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE goal ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE subgoal ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE indicator ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE measurement ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE milestone ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE workshop_output ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE output_goal ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE stakeholder ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE involvement ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE hearing_round ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE hearing_party ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE initiative ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE initiative_goal ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE course_correction ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE status_change ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "ALTER TABLE version ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;\n"
  "UPDATE mandate_item SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM mandate_item t) o WHERE mandate_item.id = o.id;\n"
  "UPDATE policy_link SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM policy_link t) o WHERE policy_link.id = o.id;\n"
  "UPDATE target_group SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM target_group t) o WHERE target_group.id = o.id;\n"
  "UPDATE focus_area SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM focus_area t) o WHERE focus_area.id = o.id;\n"
  "UPDATE bearing SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM focus_area p WHERE p.id = t.focus_area_id), t.position, t.id) AS n FROM bearing t) o WHERE bearing.id = o.id;\n"
  "UPDATE principle SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM principle t) o WHERE principle.id = o.id;\n"
  "UPDATE action_plan SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.start_date, t.end_date, t.id) AS n FROM action_plan t) o WHERE action_plan.id = o.id;\n"
  "UPDATE goal SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM goal t) o WHERE goal.id = o.id;\n"
  "UPDATE subgoal SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM goal p WHERE p.id = t.goal_id), t.position, t.id) AS n FROM subgoal t) o WHERE subgoal.id = o.id;\n"
  "UPDATE indicator SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM indicator t) o WHERE indicator.id = o.id;\n"
  "UPDATE measurement SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM indicator p WHERE p.id = t.indicator_id), t.date, t.id) AS n FROM measurement t) o WHERE measurement.id = o.id;\n"
  "UPDATE milestone SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.start_date, t.id) AS n FROM milestone t) o WHERE milestone.id = o.id;\n"
  "UPDATE workshop_output SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM milestone p WHERE p.id = t.milestone_id), t.position, t.id) AS n FROM workshop_output t) o WHERE workshop_output.id = o.id;\n"
  "UPDATE output_goal SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM workshop_output p WHERE p.id = t.output_id), t.id) AS n FROM output_goal t) o WHERE output_goal.id = o.id;\n"
  "UPDATE stakeholder SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.position, t.id) AS n FROM stakeholder t) o WHERE stakeholder.id = o.id;\n"
  "UPDATE involvement SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM stakeholder p WHERE p.id = t.stakeholder_id), t.id) AS n FROM involvement t) o WHERE involvement.id = o.id;\n"
  "UPDATE hearing_round SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.sent_date, t.id) AS n FROM hearing_round t) o WHERE hearing_round.id = o.id;\n"
  "UPDATE hearing_party SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM hearing_round p WHERE p.id = t.hearing_round_id), t.id) AS n FROM hearing_party t) o WHERE hearing_party.id = o.id;\n"
  "UPDATE initiative SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM action_plan p WHERE p.id = t.action_plan_id), t.start_date, t.id) AS n FROM initiative t) o WHERE initiative.id = o.id;\n"
  "UPDATE initiative_goal SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY (SELECT p.uid FROM initiative p WHERE p.id = t.initiative_id), t.id) AS n FROM initiative_goal t) o WHERE initiative_goal.id = o.id;\n"
  "UPDATE course_correction SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.date, t.id) AS n FROM course_correction t) o WHERE course_correction.id = o.id;\n"
  "UPDATE status_change SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.id) AS n FROM status_change t) o WHERE status_change.id = o.id;\n"
  "UPDATE version SET uid = o.n FROM (SELECT t.id, row_number () OVER (PARTITION BY t.strategy_id "
    "ORDER BY t.number) AS n FROM version t) o WHERE version.id = o.id;\n",

  /* 4: the search index without its table of each row's length in words
   * (columnsize = 0), which the search's ranking (kurs_rank(), in
   * kurs-store-search.c) does not read: it cost every edit of a searched
   * text a write of its own.  The index is made again from what it holds;
   * its triggers, which name it, stay as they are. */
  "CREATE TEMP TABLE search_copy AS SELECT rowid AS copy_rowid, title, body, entity, row_id, strategy_id "
    "FROM search_index;\n"
  "DROP TABLE search_index;\n"
  "CREATE VIRTUAL TABLE search_index USING fts5 (\n"
  "  title, body, entity UNINDEXED, row_id UNINDEXED, strategy_id UNINDEXED,\n"
  "  tokenize = 'unicode61 remove_diacritics 0', columnsize = 0\n"
  ");\n"
  "INSERT INTO search_index (rowid, title, body, entity, row_id, strategy_id) "
    "SELECT copy_rowid, title, body, entity, row_id, strategy_id FROM search_copy;\n"
  "DROP TABLE search_copy;\n",

  /* 5: who changed what, and when, and who is here (kurs-store-log.c).  Each action
   * written is a row of history_action: when, by whom (the person's name
   * on a file, the database role on a server), from which open library
   * (session: a window or a command, so that each sees the others'
   * actions and undoes only its own) and what it was called; each row it
   * changed is a row of history_change, with a field's value before and
   * after as text.  An action of very many changes (an import) keeps its
   * count, not each change.  Nothing refers to a strategy: the history
   * outlives what it tells of, and is never changed, only added to. */
  "CREATE TABLE history_action (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  strategy_id INTEGER,\n"
  "  made_at TEXT NOT NULL,\n"
  "  person TEXT NOT NULL,\n"
  "  session_id TEXT NOT NULL,\n"
  "  label TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'decision')),\n"
  "  n_changes INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX history_action_by_strategy ON history_action (strategy_id, id);\n"
  "CREATE TABLE history_change (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  action_id INTEGER NOT NULL REFERENCES history_action (id),\n"
  "  entity TEXT NOT NULL,\n"
  "  row_id INTEGER NOT NULL,\n"
  "  row_name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('insert', 'delete', 'set', 'move')),\n"
  "  field TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ");\n"
  "CREATE INDEX history_change_by_action ON history_change (action_id);\n"
  "CREATE INDEX history_change_by_row ON history_change (entity, row_id, action_id);\n"
  /* and who has which strategy open now: a line per open window, kept
   * fresh while it is open (kurs_store_set_presence()) */
  "CREATE TABLE presence (\n"
  "  session_id TEXT PRIMARY KEY,\n"
  "  person TEXT NOT NULL,\n"
  "  strategy_id INTEGER,\n"
  "  seen_at TEXT NOT NULL\n"
  ");\n",

  /* 6: each CHECK of a list of values, "kind IN ('seminar', …)", written
   * as comparisons, "kind = 'seminar' OR …", which mean the same: SQLite
   * looks a value up in a list of more than two in a table it makes for
   * each statement, and at 100,000 imported items that was a tenth of
   * their writing.  Done by checks_as_comparisons(), not by SQL. */
  "",
};

static gboolean checks_as_comparisons (sqlite3  *db,
                                       GError  **error);

/* What a migration does that SQL cannot say, after its SQL */
static gboolean (* const migration_code[G_N_ELEMENTS (migrations)]) (sqlite3 *, GError **) = {
  [5] = checks_as_comparisons,
};

/* The migration that made the search index, and fills it */
#define SEARCH_MIGRATION 2

/* How the index has an approved version's words: from its frozen XML;
 * in a fill, from ?3 instead for the version whose id is ?2, where its
 * words are known (a version imported: they were read with the file),
 * and its text not read at all */
#define VERSION_WORDS "kurs_text_of_xml (r.content)"
#define VERSION_WORDS_KNOWN "CASE r.id WHEN ?2 THEN ?3 ELSE kurs_text_of_xml (r.content) END"

static gpointer
build_search_fills (gpointer data)
{
  g_auto(GStrv) statements = g_strsplit (migrations[SEARCH_MIGRATION - 1], ";\n", -1);
  GPtrArray *fills = g_ptr_array_new ();

  for (guint i = 0; statements[i] != NULL; i++)
    {
      g_autoptr(GString) statement = NULL;
      const char *table;

      /* "INSERT INTO search_index (…) SELECT … FROM table r", at the top,
       * not in a trigger's body */
      if (!g_str_has_prefix (statements[i], "INSERT INTO search_index") || !g_str_has_suffix (statements[i], " r"))
        continue;
      statement = g_string_new (statements[i]);
      g_string_replace (statement, VERSION_WORDS, VERSION_WORDS_KNOWN, 0);
      table = g_strrstr (statement->str, " FROM ") + strlen (" FROM ");
      g_ptr_array_add (fills, g_strdup_printf ("%s WHERE r.%s = ?1", statement->str,
                                               g_str_has_prefix (table, "strategy r") ? "id" : "strategy_id"));
    }
  g_ptr_array_add (fills, NULL);
  return g_ptr_array_free (fills, FALSE);
}

/**
 * kurs_migrations_get_search_fills:
 *
 * The statements that write one strategy's rows into the search index,
 * as the index's triggers write them row by row: each takes the
 * strategy's id as ?1; the versions' takes as ?2 and ?3 a version's id
 * and its words, where they are known (kurs_xml_text_content() of its
 * text), and reads them from its text where not (?2 unbound, NULL).
 * They are the statements with which its migration filled the index for
 * every row, narrowed to a strategy, so that the two cannot differ; a
 * later migration that changes the index changes these.
 *
 * Returns: (transfer none) (array zero-terminated=1): the statements
 */
const char * const *
kurs_migrations_get_search_fills (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_search_fills, NULL);
}

static void
text_of_xml (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  const char *xml = (const char *) sqlite3_value_text (argv[0]);
  char *text = kurs_xml_text_content (xml, sqlite3_value_bytes (argv[0]));

  sqlite3_result_text (context, text, -1, g_free);
}

/**
 * kurs_migrations_add_functions:
 * @db: a connection that writes a library
 *
 * Gives @db the SQL functions the library's triggers call: the words of
 * an approved version's frozen XML, for the search index.
 */
gboolean
kurs_migrations_add_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "kurs_text_of_xml", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                     text_of_xml, NULL, NULL, NULL) == SQLITE_OK;
}

int
kurs_migrations_get_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/* What SQLite said of the last call on @db that failed, @rc */
static gboolean
upgrade_failed (sqlite3     *db,
                int          rc,
                const char  *message,
                GError     **error)
{
  /* A full disk is said as such by the store (KURS_STORE_ERROR_FULL) */
  gboolean full = (rc & 0xff) == SQLITE_FULL
                  || ((rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno (db) == ENOSPC);

  g_set_error (error, KURS_STORE_ERROR, full ? KURS_STORE_ERROR_FULL : KURS_STORE_ERROR_FAILED,
               _("Could not upgrade the library: %s"), message ? message : sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      upgrade_failed (db, rc, message, error);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* "CHECK (kind IN ('a', 'b'))" as "CHECK (kind = 'a' OR kind = 'b')" */
static gboolean
list_as_comparisons (const GMatchInfo *match,
                     GString          *result,
                     gpointer          data)
{
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *list = g_match_info_fetch (match, 2);
  g_auto(GStrv) values = g_strsplit (list, ",", -1);

  g_string_append (result, "CHECK (");
  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (result, "%s%s = %s", i > 0 ? " OR " : "", column, g_strstrip (values[i]));
  g_string_append_c (result, ')');
  return FALSE;
}

/* Migration 6: the tables' definitions rewritten in place, as SQLite's
 * documentation allows for a change of CHECK constraints
 * (lang_altertable.html, "other kinds of table schema changes"): the
 * rows are as they were, and meet the new checks as they met the old. */
static gboolean
checks_as_comparisons (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(GRegex) list = g_regex_new ("CHECK \\((\\w+) IN \\(([^()]*)\\)\\)", 0, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) definitions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *set_schema_version = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 schema_version = 0;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    schema_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return upgrade_failed (db, rc, NULL, error);

  rc = sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK (% IN (%'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (definitions, g_regex_replace_eval (list, sql, -1, 0, 0, list_as_comparisons, NULL, NULL));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return upgrade_failed (db, rc, NULL, error);
  if (names->len == 0)
    return TRUE;

  if (!exec (db, "PRAGMA writable_schema = ON", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ?2 WHERE type = 'table' AND name = ?1", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, names->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, definitions->pdata[i], -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
        rc = sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  /* (the number is ours; every connection reads the schema again) */
  set_schema_version = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, schema_version + 1);
  ok = (rc == SQLITE_OK || upgrade_failed (db, rc, NULL, error)) && exec (db, set_schema_version, error);
  /* (off whatever happened; its failure said only if nothing failed before) */
  return exec (db, "PRAGMA writable_schema = OFF", ok ? error : NULL) && ok;
}

/**
 * kurs_migrations_run:
 * @db: an open, writable connection
 * @from_version: the library's current user_version
 *
 * Brings the library to the latest version, one migration per
 * transaction, so that a failure leaves it at the last version that
 * completed.
 */
gboolean
kurs_migrations_run (sqlite3  *db,
                     int       from_version,
                     GError  **error)
{
  return kurs_migrations_run_to (db, from_version, kurs_migrations_get_latest (), error);
}

/**
 * kurs_migrations_run_to:
 * @to_version: the version to stop at
 *
 * As kurs_migrations_run(), to a version before the latest: a library as
 * an older Kurs left it, for the tests of a migration.
 */
gboolean
kurs_migrations_run_to (sqlite3  *db,
                        int       from_version,
                        int       to_version,
                        GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= kurs_migrations_get_latest (), FALSE);

  for (int version = from_version; version < to_version; version++)
    {
      g_autofree char *set_version = NULL;

      if (!exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* The version number is ours, never text from outside. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec (db, migrations[version], error)
          || (migration_code[version] != NULL && !migration_code[version] (db, error))
          || !exec (db, set_version, error)
          || !exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Upgraded library to version %d", version + 1);
    }

  return TRUE;
}
