/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-approval"

#include "config.h"

#include "kurs-approval.h"
#include "kurs-test-util.h"
#include "kurs-xml-export.h"

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

  f->dir = kurs_test_make_dir ();
  f->store = kurs_test_open_library (f->dir);
  /* A draft, to be approved */
  f->strategy = kurs_store_create_strategy (f->store, "Strategi for udsatte borgere", 2022, 2029,
                                            "Socialudvalget", &error);
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

static KursStrategyStatus
status_of (Fixture *f)
{
  return kurs_record_get_enum (f->strategy, "status");
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  struct { KursStrategyStatus from, to; gboolean ok; } rules[] = {
    { KURS_STATUS_DRAFT, KURS_STATUS_IN_HEARING, TRUE },
    { KURS_STATUS_IN_HEARING, KURS_STATUS_DRAFT, TRUE },
    { KURS_STATUS_APPROVED, KURS_STATUS_ADOPTED, TRUE },
    { KURS_STATUS_APPROVED, KURS_STATUS_DRAFT, TRUE },
    { KURS_STATUS_ADOPTED, KURS_STATUS_DRAFT, TRUE },
    { KURS_STATUS_DRAFT, KURS_STATUS_DRAFT, FALSE },
    { KURS_STATUS_DRAFT, KURS_STATUS_ADOPTED, FALSE },
    { KURS_STATUS_DRAFT, KURS_STATUS_APPROVED, FALSE },
    { KURS_STATUS_APPROVED, KURS_STATUS_IN_HEARING, FALSE },
    { KURS_STATUS_ADOPTED, KURS_STATUS_APPROVED, FALSE },
    { KURS_STATUS_ADOPTED, KURS_STATUS_IN_HEARING, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_cmpint (kurs_approval_can_change (rules[i].from, rules[i].to), ==, rules[i].ok);
}

static void
test_workflow_recorded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(KursRecord) version = NULL;

  g_assert_true (kurs_approval_set_status (f->store, f->strategy, KURS_STATUS_IN_HEARING,
                                           "2022-11-08", "Socialudvalget", &error));
  g_assert_no_error (error);

  /* Approving is not a plain status change */
  g_assert_false (kurs_approval_set_status (f->store, f->strategy, KURS_STATUS_APPROVED,
                                            NULL, NULL, &error));
  g_assert_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (kurs_approval_set_status (f->store, f->strategy, KURS_STATUS_ADOPTED,
                                            NULL, NULL, &error));
  g_assert_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Default date today, default body the strategy's committee */
  version = kurs_approval_approve (f->store, f->strategy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (version, "approved_date"), ==, "2026-11-24");
  g_assert_cmpstr (kurs_record_get_text (version, "approved_by"), ==, "Socialudvalget");
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_APPROVED);

  g_assert_true (kurs_approval_set_status (f->store, f->strategy, KURS_STATUS_ADOPTED,
                                           "2026-12-15", "Kommunalbestyrelsen", &error));
  g_assert_no_error (error);

  history = kurs_store_list (f->store, KURS_ENTITY_STATUS_CHANGE, kurs_record_get_id (f->strategy), NULL);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (kurs_record_get_text (history->pdata[1], "status"), ==, "in-hearing");
  g_assert_cmpstr (kurs_record_get_text (history->pdata[1], "date"), ==, "2022-11-08");
  g_assert_cmpstr (kurs_record_get_text (history->pdata[2], "status"), ==, "approved");
  g_assert_cmpstr (kurs_record_get_text (history->pdata[3], "status"), ==, "adopted");
  g_assert_cmpstr (kurs_record_get_text (history->pdata[3], "body"), ==, "Kommunalbestyrelsen");
}

static void
test_bad_date_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = kurs_approval_approve (f->store, f->strategy, "2022-11-31", NULL, &error);
  g_autoptr(GPtrArray) versions = NULL;

  g_assert_null (version);
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  /* Nothing of the approval is left */
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_DRAFT);
  versions = kurs_store_list (f->store, KURS_ENTITY_VERSION, kurs_record_get_id (f->strategy), NULL);
  g_assert_cmpuint (versions->len, ==, 0);
}

/* Later edits never change a frozen version. */
static void
test_versions_frozen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) v1 = NULL;
  g_autoptr(KursRecord) v2 = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) first_again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  v1 = kurs_approval_approve (f->store, f->strategy, "2022-11-29", NULL, &error);
  g_assert_no_error (error);
  first = kurs_xml_export_version (f->store, f->strategy, 1, &error);
  g_assert_no_error (error);

  /* Approved: the text is frozen */
  g_assert_false (kurs_store_set_text (f->store, f->strategy, "vision", "Ny vision", &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_null (kurs_approval_approve (f->store, f->strategy, NULL, NULL, &error));
  g_assert_error (error, KURS_APPROVAL_ERROR, KURS_APPROVAL_ERROR_TRANSITION);
  g_clear_error (&error);

  /* A new revision is a draft again; its versions stay */
  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_DRAFT);
  g_assert_true (kurs_store_set_text (f->store, f->strategy, "vision", "Plads til alle", &error));
  g_assert_no_error (error);

  v2 = kurs_approval_approve (f->store, f->strategy, "2024-11-26", "Socialudvalget", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_record_get_int (v2, "number"), ==, 2);

  first_again = kurs_xml_export_version (f->store, f->strategy, 1, &error);
  second = kurs_xml_export_version (f->store, f->strategy, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, first_again));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (second, NULL), g_bytes_get_size (second),
                                  "<vision>Plads til alle</vision>"));
  g_assert_null (g_strstr_len (g_bytes_get_data (first_again, NULL), g_bytes_get_size (first_again),
                               "Plads til alle"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (second, NULL), g_bytes_get_size (second),
                                  "version=\"2\""));

  versions = kurs_store_list (f->store, KURS_ENTITY_VERSION, kurs_record_get_id (f->strategy), NULL);
  g_assert_cmpuint (versions->len, ==, 2);
}

static void
test_delete_approved_strategy (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = kurs_approval_approve (f->store, f->strategy, "2022-11-29", NULL, &error);
  g_autoptr(GPtrArray) strategies = NULL;

  g_assert_no_error (error);
  g_assert_true (kurs_store_delete (f->store, f->strategy, &error));
  g_assert_no_error (error);
  strategies = kurs_store_list_strategies (f->store, NULL);
  g_assert_cmpuint (strategies->len, ==, 0);

  /* and back, frozen version and all */
  kurs_store_undo (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (kurs_record_is_deleted (version));
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_APPROVED);
}

/* Approval, status changes and a new revision are decisions with their own
 * date and body: undo does not take them back, nor reach past them */
static void
test_decisions_not_undone (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_assert_true (kurs_store_set_text (f->store, f->strategy, "title", "Plads til alle", &error));
  g_assert_true (kurs_store_can_undo (f->store));

  g_assert_true (kurs_approval_set_status (f->store, f->strategy, KURS_STATUS_IN_HEARING, "2022-11-08",
                                           "Socialudvalget", &error));
  g_assert_no_error (error);
  g_assert_false (kurs_store_can_undo (f->store));
  g_assert_null (kurs_store_get_undo_label (f->store));

  g_assert_true (kurs_store_set_text (f->store, f->strategy, "vision", "Alle har et hjem.", &error));
  g_assert_true (kurs_store_can_undo (f->store));

  version = kurs_approval_approve (f->store, f->strategy, "2022-11-29", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kurs_store_can_undo (f->store));
  g_assert_false (kurs_store_can_redo (f->store));
  g_assert_true (kurs_store_undo (f->store, &error));   /* nothing to undo */
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_APPROVED);
  g_assert_cmpstr (kurs_record_get_text (f->strategy, "vision"), ==, "Alle har et hjem.");
  versions = kurs_store_list (f->store, KURS_ENTITY_VERSION, kurs_record_get_id (f->strategy), NULL);
  g_assert_cmpuint (versions->len, ==, 1);

  /* A new revision is a decision too */
  g_assert_true (kurs_approval_start_revision (f->store, f->strategy, &error));
  g_assert_false (kurs_store_can_undo (f->store));
  g_assert_cmpint (status_of (f), ==, KURS_STATUS_DRAFT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/approval/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("transitions", test_transitions);
  ADD ("workflow-recorded", test_workflow_recorded);
  ADD ("bad-date-refused", test_bad_date_refused);
  ADD ("versions-frozen", test_versions_frozen);
  ADD ("decisions-not-undone", test_decisions_not_undone);
  ADD ("delete-approved-strategy", test_delete_approved_strategy);

  return g_test_run ();
}
