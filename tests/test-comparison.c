/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-comparison"

#include "config.h"

#include <string.h>

#include "kurs-approval.h"
#include "kurs-baseline.h"
#include "kurs-comparison.h"
#include "kurs-example.h"
#include "kurs-test-util.h"
#include "kurs-xml-export.h"

/* A strategy with a row of every kind, approved as version 1, then in
 * draft again */
typedef struct {
  char       *dir;
  KursStore  *store;
  KursRecord *strategy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = NULL;

  f->dir = kurs_test_make_dir ();
  f->store = kurs_test_open_library (f->dir);
  f->strategy = kurs_test_create_full_strategy (f->store);
  version = kurs_approval_approve (f->store, f->strategy, "2024-03-01", "Socialudvalget", &error);
  g_assert_no_error (error);
  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->strategy);
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
}

static KursComparison *
compare_with_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KursComparison *comparison = kurs_comparison_new (f->store, f->strategy, 0, KURS_COMPARISON_DRAFT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  g_assert_cmpint (kurs_comparison_get_from (comparison), ==, 1);
  return comparison;
}

/* The change of the row with @uid, or NULL */
static const KursChange *
find_change (KursComparison *comparison,
             KursEntity      entity,
             gint64          uid)
{
  for (guint i = 0; i < kurs_comparison_get_n_changes (comparison); i++)
    {
      const KursChange *change = kurs_comparison_get_change (comparison, i);

      if (change->entity == entity && change->uid == uid)
        return change;
    }
  return NULL;
}

static const KursFieldChange *
find_field (const KursChange *change,
            const char       *name)
{
  int index = kurs_entity_info_find_field (kurs_entity_info (change->entity), name);

  for (guint i = 0; i < change->n_fields; i++)
    if ((int) change->fields[i].field == index)
      return &change->fields[i];
  return NULL;
}

static KursRecord *
first_row (Fixture    *f,
           KursEntity  entity)
{
  g_autoptr(GPtrArray) rows = kurs_store_list_by_strategy (f->store, entity, kurs_record_get_id (f->strategy), NULL);

  g_assert_cmpuint (rows->len, >, 0);
  return g_object_ref (rows->pdata[0]);
}

static void
test_identical (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KursComparison) draft = compare_with_draft (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursComparison) itself = kurs_comparison_new (f->store, f->strategy, 1, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kurs_comparison_get_n_changes (draft), ==, 0);
  g_assert_cmpuint (kurs_comparison_get_n_changes (itself), ==, 0);
}

/* A text field of every kind of row the comparison looks at, changed: each
 * is told as changed, old → new, in its section; nothing else is */
static void
test_every_section (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KursComparison) comparison = NULL;
  guint expected = 0;
  gboolean sections[KURS_N_SECTIONS] = { FALSE };

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      g_autoptr(KursRecord) row = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      int field = -1;

      if (!info->content && e != KURS_ENTITY_STRATEGY && e != KURS_ENTITY_ACTION_PLAN
          && e != KURS_ENTITY_INITIATIVE && e != KURS_ENTITY_MILESTONE && e != KURS_ENTITY_STAKEHOLDER
          && e != KURS_ENTITY_WORKSHOP_OUTPUT && e != KURS_ENTITY_HEARING_ROUND)
        continue;
      for (guint i = 0; i < info->n_fields && field < 0; i++)
        if (info->fields[i].type == KURS_FIELD_TEXT
            && !(info->fields[i].flags & (KURS_FIELD_INTERNAL | KURS_FIELD_FOLLOW_UP)))
          field = i;
      g_assert_cmpint (field, >=, 0);

      row = e == KURS_ENTITY_STRATEGY ? g_object_ref (f->strategy) : first_row (f, e);
      text = g_strdup_printf ("Ændret %s", info->name);
      g_assert_true (kurs_store_set_text (f->store, row, info->fields[field].name, text, &error));
      g_assert_no_error (error);
      expected++;
    }

  comparison = compare_with_draft (f);
  g_assert_cmpuint (kurs_comparison_get_n_changes (comparison), ==, expected);
  for (guint i = 0; i < kurs_comparison_get_n_changes (comparison); i++)
    {
      const KursChange *change = kurs_comparison_get_change (comparison, i);
      g_autofree char *text = g_strdup_printf ("Ændret %s", kurs_entity_info (change->entity)->name);

      g_assert_cmpint (change->kind, ==, KURS_CHANGE_CHANGED);
      g_assert_cmpint (change->section, ==, kurs_section_of_entity (change->entity));
      g_assert_cmpuint (change->n_fields, ==, 1);
      g_assert_cmpstr (change->fields[0].new_text, ==, text);
      g_assert_nonnull (change->fields[0].old_text);
      g_assert_cmpstr (change->fields[0].old_text, !=, text);
      g_assert_cmpint (change->row_id, >, 0);
      /* section by section */
      if (i > 0)
        g_assert_cmpint (kurs_comparison_get_change (comparison, i - 1)->section, <=, change->section);
      sections[change->section] = TRUE;
    }
  for (guint s = 0; s < KURS_N_SECTIONS; s++)
    g_assert_true (sections[s]);
}

/* A goal renamed stays the goal: changed, not removed and added; a new
 * goal is added; a stakeholder deleted is removed, with its involvements
 * told as its own; a link added names the goal it links */
static void
test_added_removed_renamed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KursRecord) goal = first_row (f, KURS_ENTITY_GOAL);
  g_autoptr(KursRecord) stakeholder = first_row (f, KURS_ENTITY_STAKEHOLDER);
  g_autoptr(KursRecord) initiative = first_row (f, KURS_ENTITY_INITIATIVE);
  g_autoptr(KursRecord) added = NULL;
  g_autoptr(KursRecord) link = NULL;
  g_autoptr(KursComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const KursChange *change;
  const KursFieldChange *title;
  g_autoptr(KursRecord) involvement = first_row (f, KURS_ENTITY_INVOLVEMENT);
  g_autoptr(KursRecord) party = first_row (f, KURS_ENTITY_HEARING_PARTY);
  gint64 stakeholder_uid = kurs_record_get_uid (stakeholder);

  g_assert_true (kurs_store_set_text (f->store, goal, "title", "Boligsocial indsats", &error));
  added = kurs_store_create (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (f->strategy), &error,
                             "title", g_variant_new_string ("Færre udsættelser"), NULL);
  link = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                            "goal_id", g_variant_new_int64 (kurs_record_get_id (added)), NULL);
  g_assert_true (kurs_store_delete (f->store, stakeholder, &error));
  g_assert_no_error (error);

  comparison = compare_with_draft (f);

  change = find_change (comparison, KURS_ENTITY_GOAL, kurs_record_get_uid (goal));
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_CHANGED);
  g_assert_cmpstr (change->title, ==, "Boligsocial indsats");
  g_assert_cmpint (change->row_id, ==, kurs_record_get_id (goal));
  title = find_field (change, "title");
  g_assert_nonnull (title);
  g_assert_cmpstr (title->old_text, ==, "Tekst med æøå & <tegn>");
  g_assert_cmpstr (title->new_text, ==, "Boligsocial indsats");

  change = find_change (comparison, KURS_ENTITY_GOAL, kurs_record_get_uid (added));
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_ADDED);
  g_assert_cmpstr (change->title, ==, "Færre udsættelser");
  g_assert_cmpint (change->section, ==, KURS_SECTION_GOALS);

  change = find_change (comparison, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_uid (link));
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_ADDED);
  g_assert_cmpstr (change->title, ==, "Færre udsættelser");
  g_assert_cmpstr (change->owner, ==, kurs_record_get_text (initiative, "title"));
  g_assert_cmpint (change->section, ==, KURS_SECTION_ACTION_PLANS);

  change = find_change (comparison, KURS_ENTITY_STAKEHOLDER, stakeholder_uid);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_REMOVED);
  g_assert_cmpint (change->row_id, ==, 0);
  g_assert_cmpuint (change->n_owned, ==, 1);    /* its involvement */
  g_assert_null (find_change (comparison, KURS_ENTITY_INVOLVEMENT, kurs_record_get_uid (involvement)));
  /* the hearing party it was, in a round that is still there */
  change = find_change (comparison, KURS_ENTITY_HEARING_PARTY, kurs_record_get_uid (party));
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_REMOVED);
}

/* A row added and a row removed in every section: a copy of a row of a
 * kind the section holds made, and the row deleted; each told as added or
 * removed, in its section */
static void
test_added_removed_every_section (Fixture       *f,
                                  gconstpointer  data)
{
  static const KursEntity kinds[KURS_N_SECTIONS] = {
    [KURS_SECTION_VISION] = KURS_ENTITY_MANDATE_ITEM,
    [KURS_SECTION_TARGET_GROUPS] = KURS_ENTITY_TARGET_GROUP,
    [KURS_SECTION_GOALS] = KURS_ENTITY_GOAL,
    [KURS_SECTION_INDICATORS] = KURS_ENTITY_INDICATOR,
    [KURS_SECTION_ACTION_PLANS] = KURS_ENTITY_ACTION_PLAN,
    [KURS_SECTION_PROCESS] = KURS_ENTITY_MILESTONE,
    [KURS_SECTION_STAKEHOLDERS] = KURS_ENTITY_STAKEHOLDER,
  };
  gint64 added[KURS_N_SECTIONS], removed[KURS_N_SECTIONS];
  g_autoptr(KursComparison) comparison = NULL;

  for (guint s = 0; s < KURS_N_SECTIONS; s++)
    {
      const KursEntityInfo *info = kurs_entity_info (kinds[s]);
      g_autoptr(KursRecord) original = first_row (f, kinds[s]);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autoptr(KursRecord) copy = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (kurs_section_of_entity (kinds[s]), ==, s);
      for (guint i = 0; i < info->n_fields; i++)
        if ((int) i != info->parent_field && !(info->fields[i].flags & KURS_FIELD_INTERNAL)
            && kurs_record_get_value_at (original, i) != NULL)
          {
            g_ptr_array_add (names, (gpointer) info->fields[i].name);
            g_ptr_array_add (values, kurs_record_get_value_at (original, i));
          }
      copy = kurs_store_createv (f->store, kinds[s], kurs_record_get_parent_id (original), names->len,
                                 (const char * const *) names->pdata, (GVariant * const *) values->pdata, &error);
      g_assert_no_error (error);
      added[s] = kurs_record_get_uid (copy);
      removed[s] = kurs_record_get_uid (original);
      g_assert_true (kurs_store_delete (f->store, original, &error));
      g_assert_no_error (error);
    }

  comparison = compare_with_draft (f);
  for (guint s = 0; s < KURS_N_SECTIONS; s++)
    {
      const KursChange *change = find_change (comparison, kinds[s], added[s]);

      g_assert_nonnull (change);
      g_assert_cmpint (change->kind, ==, KURS_CHANGE_ADDED);
      g_assert_cmpint (change->section, ==, s);
      g_assert_cmpint (change->row_id, >, 0);
      change = find_change (comparison, kinds[s], removed[s]);
      g_assert_nonnull (change);
      g_assert_cmpint (change->kind, ==, KURS_CHANGE_REMOVED);
      g_assert_cmpint (change->section, ==, s);
      g_assert_cmpint (change->row_id, ==, 0);
    }
}

/* What the follow-up writes is not a change of the plan */
static void
test_follow_up_left_out (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KursRecord) initiative = first_row (f, KURS_ENTITY_INITIATIVE);
  g_autoptr(KursRecord) milestone = first_row (f, KURS_ENTITY_MILESTONE);
  g_autoptr(KursRecord) indicator = first_row (f, KURS_ENTITY_INDICATOR);
  g_autoptr(KursRecord) measurement = NULL;
  g_autoptr(KursComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kurs_store_set (f->store, initiative, "progress", g_variant_new_int64 (40), &error));
  g_assert_true (kurs_store_set (f->store, milestone, "held", g_variant_new_boolean (FALSE), &error));
  measurement = kurs_store_create (f->store, KURS_ENTITY_MEASUREMENT, kurs_record_get_id (indicator), &error,
                                   "date", g_variant_new_string ("2025-01-01"),
                                   "value", g_variant_new_double (3), NULL);
  g_assert_no_error (error);

  comparison = compare_with_draft (f);
  g_assert_cmpuint (kurs_comparison_get_n_changes (comparison), ==, 0);
}

/* The example's approved strategy, as a file: version 1, read back */
static char *
example_xml (Fixture     *f,
             KursRecord **strategy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) example = kurs_example_create (f->store, &error);
  g_autoptr(GBytes) xml = NULL;

  g_assert_no_error (error);
  xml = kurs_xml_export_version (f->store, example, 1, &error);
  g_assert_no_error (error);
  if (strategy != NULL)
    *strategy = g_steal_pointer (&example);
  return g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
}

/* A sub-goal under another goal is moved, and says from where */
static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *old_xml = example_xml (f, NULL);
  g_autoptr(GString) new_xml = g_string_new (old_xml);
  const char *subgoal = "        <subgoal uid=\"2\" horizon-year=\"2029\">\n"
                        "          <title>Delmål (eksempel) inden 2029</title>\n"
                        "        </subgoal>\n";
  const char *goal_2 = "      <subgoals>\n        <subgoal uid=\"3\"";
  g_autofree char *moved_in = g_strdup_printf ("      <subgoals>\n%s        <subgoal uid=\"3\"", subgoal);
  g_autoptr(KursComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const KursChange *change;

  g_assert_cmpuint (g_string_replace (new_xml, subgoal, "", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (new_xml, goal_2, moved_in, 1), ==, 1);

  comparison = kurs_comparison_new_from_xml (old_xml, new_xml->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kurs_comparison_get_n_changes (comparison), ==, 1);
  change = kurs_comparison_get_change (comparison, 0);
  g_assert_cmpint (change->kind, ==, KURS_CHANGE_MOVED);
  g_assert_cmpint (change->entity, ==, KURS_ENTITY_SUBGOAL);
  g_assert_cmpint (change->uid, ==, 2);
  g_assert_cmpstr (change->old_owner, ==, "Det modsatte af udsathed (eksempel på udviklingsmål)");
  g_assert_cmpstr (change->owner, ==, "Udviklingsmål 2 (eksempel)");
  g_assert_cmpuint (change->n_fields, ==, 0);

  /* an initiative into another action plan: the last plan's one, put
   * before the second initiative of the plan of 2027–28 */
  {
    g_autoptr(KursComparison) plans = NULL;
    g_autoptr(GString) replanned = g_string_new (old_xml);
    const char *anchor = "        <initiative uid=\"8\"";
    const char *start = strstr (old_xml, "        <initiative uid=\"9\"");
    const char *end = start ? strstr (start, "        </initiative>\n") : NULL;
    g_autofree char *initiative = NULL;
    g_autofree char *with = NULL;

    g_assert_nonnull (end);
    initiative = g_strndup (start, end + strlen ("        </initiative>\n") - start);
    with = g_strconcat (initiative, anchor, NULL);
    g_assert_cmpuint (g_string_replace (replanned, initiative, "", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (replanned, anchor, with, 1), ==, 1);
    plans = kurs_comparison_new_from_xml (old_xml, replanned->str, &error);
    g_assert_no_error (error);
    change = find_change (plans, KURS_ENTITY_INITIATIVE, 9);
    g_assert_nonnull (change);
    g_assert_cmpint (change->kind, ==, KURS_CHANGE_MOVED);
    g_assert_cmpint (change->section, ==, KURS_SECTION_ACTION_PLANS);
    g_assert_cmpstr (change->old_owner, ==, "Handleplan 2029");
    g_assert_cmpstr (change->owner, ==, "Handleplan 2027–28");
  }
}

/* A version frozen before uids compares with the same rows numbered as
 * the migration and the importer number them: nothing changed; a
 * reference changed is told by the titles of the rows it names */
static void
test_without_uids (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xml = example_xml (f, NULL);
  g_autoptr(GRegex) uids = g_regex_new (" uid=\"[0-9]+\"", 0, 0, NULL);
  g_autofree char *keyless = g_regex_replace_literal (uids, xml, -1, 0, "", 0, NULL);
  g_autoptr(GString) refocused = g_string_new (xml);
  g_autoptr(KursComparison) same = NULL;
  g_autoptr(KursComparison) other = NULL;
  g_autoptr(GError) error = NULL;
  const KursFieldChange *field;

  g_assert_null (strstr (keyless, " uid="));
  same = kurs_comparison_new_from_xml (keyless, xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kurs_comparison_get_n_changes (same), ==, 0);

  g_assert_cmpuint (g_string_replace (refocused, "<goal id=\"goal-1\" uid=\"1\" focus-area=\"focus-area-1\">",
                                      "<goal id=\"goal-1\" uid=\"1\" focus-area=\"focus-area-2\">", 1), ==, 1);
  other = kurs_comparison_new_from_xml (keyless, refocused->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kurs_comparison_get_n_changes (other), ==, 1);
  field = find_field (kurs_comparison_get_change (other, 0), "focus_area_id");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->old_text, ==, "Indsatsområde 1 (eksempel)");
  g_assert_cmpstr (field->new_text, ==, "Indsatsområde 2 (eksempel)");
}

/* Two versions, not the draft; and a version that is not there */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KursRecord) goal = first_row (f, KURS_ENTITY_GOAL);
  g_autoptr(KursRecord) second = NULL;
  g_autoptr(KursComparison) comparison = NULL;
  g_autoptr(KursComparison) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kurs_store_set_text (f->store, goal, "description", "Ny beskrivelse", &error));
  second = kurs_approval_approve (f->store, f->strategy, "2025-03-01", "Socialudvalget", &error);
  g_assert_no_error (error);

  comparison = kurs_comparison_new (f->store, f->strategy, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_comparison_get_to (comparison), ==, 2);
  g_assert_cmpuint (kurs_comparison_get_n_changes (comparison), ==, 1);
  g_assert_cmpint (kurs_comparison_get_change (comparison, 0)->row_id, ==, 0);
  g_assert_true (kurs_comparison_is_long_text (kurs_comparison_get_change (comparison, 0),
                                               &kurs_comparison_get_change (comparison, 0)->fields[0]));

  missing = kurs_comparison_new (f->store, f->strategy, 7, KURS_COMPARISON_DRAFT, &error);
  g_assert_null (missing);
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND);
}

/* Baselines, on the example: an initiative moved is told by how many days,
 * with the progress the baseline planned by a day; one added is new; one
 * deleted is dropped from its plan; the slipped come most first */
static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KursRecord) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(KursRecord) added = NULL;
  g_autoptr(KursRecord) fresh = NULL;
  g_autoptr(KursBaseline) none = NULL;
  g_autoptr(KursBaseline) baseline = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GPtrArray) slipped = NULL;
  g_autofree char *moved_text = NULL;
  g_autofree char *dropped_title = NULL;
  const KursBaselineInitiative *entry;
  KursRecord *plan, *moved, *later, *gone;
  KursDate today = kurs_date_from_ymd (2023, 7, 1);

  example = kurs_example_create (f->store, &error);
  g_assert_no_error (error);

  /* a draft never approved has none */
  fresh = kurs_store_create_strategy (f->store, "Ny strategi", 2026, 2029, NULL, &error);
  none = kurs_baseline_new (f->store, fresh, today, &error);
  g_assert_null (none);
  g_assert_no_error (error);

  g_assert_true (kurs_approval_start_revision (f->store, example, &error));
  plans = kurs_store_list (f->store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (example), &error);
  plan = plans->pdata[0];   /* Handleplan 2023–24 */
  initiatives = kurs_store_list (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), &error);
  g_assert_cmpuint (initiatives->len, ==, 3);
  moved = initiatives->pdata[0];   /* 2023-01-01 – 2024-06-30 */
  later = initiatives->pdata[1];   /* 2023-03-01 – 2024-12-31 */
  gone = initiatives->pdata[2];
  dropped_title = g_strdup (kurs_record_get_title (gone));

  g_assert_true (kurs_store_set_text (f->store, moved, "start_date", "2023-01-15", &error));
  g_assert_true (kurs_store_set_text (f->store, moved, "end_date", "2024-07-30", &error));
  g_assert_true (kurs_store_set_text (f->store, later, "end_date", "2025-01-10", &error));
  g_assert_true (kurs_store_delete (f->store, gone, &error));
  added = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (plan), &error,
                             "title", g_variant_new_string ("Ny indsats mod udsættelser"), NULL);
  g_assert_no_error (error);

  baseline = kurs_baseline_new (f->store, example, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (baseline);
  g_assert_cmpint (kurs_baseline_get_version (baseline), ==, 1);

  entry = kurs_baseline_find (baseline, kurs_record_get_id (moved));
  g_assert_nonnull (entry);
  g_assert_true (entry->in_baseline);
  g_assert_cmpint (entry->baseline_start, ==, kurs_date_from_ymd (2023, 1, 1));
  g_assert_cmpint (entry->baseline_end, ==, kurs_date_from_ymd (2024, 6, 30));
  g_assert_cmpint (entry->start_moved, ==, 14);
  g_assert_cmpint (entry->end_moved, ==, 30);
  /* 181 of 547 days begun by 1 July 2023 */
  g_assert_cmpint (entry->planned, ==, 100 * 182 / 547);
  moved_text = kurs_baseline_describe (entry, 1, 25);
  g_assert_cmpstr (moved_text, ==, "Since version 1 it starts 14 days later and ends 30 days later; "
                                   "25 % done, 33 % planned by now");

  entry = kurs_baseline_find (baseline, kurs_record_get_id (added));
  g_assert_nonnull (entry);
  g_assert_false (entry->in_baseline);

  dropped = kurs_baseline_get_dropped (baseline, kurs_record_get_id (plan));
  g_assert_cmpuint (dropped->len, ==, 1);
  entry = dropped->pdata[0];
  g_assert_cmpstr (entry->title, ==, dropped_title);
  g_assert_cmpint (entry->row_id, ==, 0);
  g_clear_pointer (&dropped, g_ptr_array_unref);
  dropped = kurs_baseline_get_dropped (baseline, 0);
  g_assert_cmpuint (dropped->len, ==, 1);

  /* kept up to date: made where there is none, refreshed where there is;
   * none, and no error, for a strategy never approved */
  {
    KursBaseline *kept = NULL;

    g_assert_true (kurs_baseline_update (&kept, f->store, example, today, &error));
    g_assert_nonnull (kept);
    g_assert_true (kurs_store_set_text (f->store, later, "end_date", "2025-01-20", &error));
    g_assert_true (kurs_baseline_update (&kept, f->store, example, today, &error));
    g_assert_cmpint (kurs_baseline_find (kept, kurs_record_get_id (later))->end_moved, ==, 20);
    g_clear_pointer (&kept, kurs_baseline_free);
    g_assert_true (kurs_baseline_update (&kept, f->store, fresh, today, &error));
    g_assert_null (kept);
    g_assert_no_error (error);
    g_assert_true (kurs_store_set_text (f->store, later, "end_date", "2025-01-10", &error));
  }

  slipped = kurs_baseline_get_slipped (baseline, 5);
  g_assert_cmpuint (slipped->len, ==, 2);
  g_assert_cmpint (((KursBaselineInitiative *) slipped->pdata[0])->row_id, ==, kurs_record_get_id (moved));
  g_assert_cmpint (((KursBaselineInitiative *) slipped->pdata[1])->row_id, ==, kurs_record_get_id (later));
  g_assert_cmpint (((KursBaselineInitiative *) slipped->pdata[1])->end_moved, ==, 10);
}

/* Word marks */

static char *
join (GArray       *pieces,
      KursTextMark  without)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    if (g_array_index (pieces, KursTextPiece, i).mark != without)
      g_string_append (text, g_array_index (pieces, KursTextPiece, i).text);
  return g_string_free (text, FALSE);
}

/* "=same" "-deleted" "+inserted", joined by "|" */
static char *
describe (GArray *pieces)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, i);

      g_string_append_printf (text, "%s%c%s", i ? "|" : "", "=+-"[piece->mark], piece->text);
    }
  return g_string_free (text, FALSE);
}

static void
check_words (const char *old_text,
             const char *new_text,
             const char *expected)
{
  g_autoptr(GArray) pieces = kurs_word_diff (old_text, new_text);
  g_autofree char *old_again = join (pieces, KURS_TEXT_INSERTED);
  g_autofree char *new_again = join (pieces, KURS_TEXT_DELETED);
  g_autofree char *description = describe (pieces);

  g_assert_cmpstr (old_again, ==, old_text ? old_text : "");
  g_assert_cmpstr (new_again, ==, new_text ? new_text : "");
  if (expected != NULL)
    g_assert_cmpstr (description, ==, expected);
}

static void
test_words (void)
{
  check_words ("Vi hjælper borgere.", "Vi støtter borgere!", "=Vi |-hjælper|+støtter|= borgere|-.|+!");
  /* a whole word, æøå and all, not a prefix of it */
  check_words ("bolig til alle", "boligsocial indsats til alle", "-bolig|+boligsocial indsats|= til alle");
  /* line breaks are kept where they are */
  check_words ("Første linje\nAnden linje", "Første linje\nTredje linje\n", "=Første linje\n|-Anden|+Tredje|= linje|+\n");
  /* a phrase rewritten reads as one */
  check_words ("det er godt for os", "det bliver bedre for os", "=det |-er godt|+bliver bedre|= for os");
  check_words ("", "Ny tekst", "+Ny tekst");
  check_words ("Gammel tekst", NULL, "-Gammel tekst");
  check_words ("Uændret, også «citat».", "Uændret, også «citat».", "=Uændret, også «citat».");
  check_words ("Ærø og Åbenrå", "Aero og Aabenraa", "-Ærø|+Aero|= og |-Åbenrå|+Aabenraa");
}

/* Any two texts come back whole from their pieces */
static void
test_words_rebuild (void)
{
  const char *words[] = { "bolig", "borgere", "æble", "Øst", "å", ",", ".", " ", "\n", "  ", "–", "«", "»", "hjælp" };

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        {
          const char *word = words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];

          if (g_test_rand_int_range (0, 4) != 0)
            g_string_append (a, word);
          if (g_test_rand_int_range (0, 4) != 0)
            g_string_append (b, g_test_rand_int_range (0, 5) ? word : words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
        }
      check_words (a->str, b->str, NULL);
    }
}

/* Texts too different to revise word by word: the one replaced by the
 * other, kept whole */
static void
test_words_rewrite (void)
{
  g_autoptr(GString) a = g_string_new ("Fælles begyndelse. ");
  g_autoptr(GString) b = g_string_new ("Fælles begyndelse. ");

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (a, "ord%u ", i);
      g_string_append_printf (b, "andet%u ", i);
    }
  check_words (a->str, b->str, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/comparison/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("identical", test_identical);
  ADD ("every-section", test_every_section);
  ADD ("added-removed-renamed", test_added_removed_renamed);
  ADD ("added-removed-every-section", test_added_removed_every_section);
  ADD ("follow-up-left-out", test_follow_up_left_out);
  ADD ("moved", test_moved);
  ADD ("without-uids", test_without_uids);
  ADD ("versions", test_versions);
  ADD ("baseline", test_baseline);
  g_test_add_func ("/comparison/words", test_words);
  g_test_add_func ("/comparison/words-rebuild", test_words_rebuild);
  g_test_add_func ("/comparison/words-rewrite", test_words_rewrite);

  return g_test_run ();
}
