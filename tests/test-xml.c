/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-xml"

#include "config.h"


#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "kurs-approval.h"
#include "kurs-history.h"
#include "kurs-example.h"
#include "kurs-test-util.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"
#include "kurs-xml.h"

/* The golden file stands in for the example's random UUID with this one. */
#define GOLDEN_UUID "00000000-0000-4000-8000-000000000001"

typedef struct {
  char      *dir;
  char      *path;
  KursStore *store;
} Fixture;

static KursStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KursStore *store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = kurs_test_make_dir ();
  f->path = g_build_filename (f->dir, "library.kurs", NULL);
  f->store = open_store (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A second, empty library beside the first */
static KursStore *
open_other (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return open_store (path);
}

static KursRecord *
approved_example (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, &error);
  g_autoptr(KursRecord) version = NULL;

  /* The example was approved in 2022, as version 1 */
  g_assert_no_error (error);
  version = kurs_approval_get_version (f->store, strategy, 0);
  g_assert_nonnull (version);
  g_assert_cmpint (kurs_record_get_int (version, "number"), ==, 1);
  g_assert_cmpstr (kurs_record_get_text (version, "approved_by"), ==, "Socialudvalget");

  return g_steal_pointer (&strategy);
}

/* The example's strategy in draft: the one for the social area */
static KursRecord *
draft_example (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) approved = kurs_example_create (f->store, &error);
  g_autoptr(GPtrArray) strategies = kurs_store_list_strategies (f->store, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (approved);
  for (guint i = 0; i < strategies->len; i++)
    if (kurs_record_get_enum (strategies->pdata[i], "status") == KURS_STATUS_DRAFT)
      return g_object_ref (strategies->pdata[i]);
  g_error ("The example has no strategy in draft");
}

static GBytes *
export_version (KursStore  *store,
                KursRecord *strategy,
                gint64      number)
{
  g_autoptr(GError) error = NULL;
  GBytes *xml = kurs_xml_export_version (store, strategy, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The root element's start tag */
static char *
root_tag (const char *text)
{
  const char *start = strstr (text, "<strategy ");

  g_assert_nonnull (start);
  return g_strndup (start, strchr (start, '>') - start + 1);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *x = bytes_to_string (a);
      g_autofree char *y = bytes_to_string (b);

      g_assert_cmpstr (x, ==, y);
    }
}

/* Export */

static void
test_example_is_valid (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) draft = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_autoptr(GBytes) version = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (kurs_xml_validate (draft, &messages, &error));
  g_assert_cmpuint (messages->len, ==, 0);
  text = bytes_to_string (draft);
  {
    g_autofree char *root = root_tag (text);

    g_assert_nonnull (strstr (root, " draft=\"true\""));
    g_assert_null (strstr (root, " version=\""));
  }

  version = export_version (f->store, strategy, 0);
  g_clear_pointer (&messages, g_ptr_array_unref);
  g_assert_true (kurs_xml_validate (version, &messages, &error));
  g_clear_pointer (&text, g_free);
  text = bytes_to_string (version);
  g_assert_nonnull (strstr (text, " status=\"approved\" version=\"1\" approved-date=\"2022-11-29\" "
                                  "approved-by=\"Socialudvalget\""));
  {
    g_autofree char *root = root_tag (text);

    g_assert_null (strstr (root, "draft="));
  }
  /* Danish text intact, not escaped into entities */
  g_assert_nonnull (strstr (text, "<title>Strategi for udsatte borgere</title>"));
  g_assert_nonnull (strstr (text, "Hjemløse borgere"));
}

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 1);
  /* The example is the file Kurs ships: the version it imports exports to
   * the same bytes (its UUID apart, made new for each example) */
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "..", "data", "example",
                                                        "udsattestrategi.xml", NULL);
  g_autofree char *golden = kurs_test_read_file (golden_path, NULL);
  g_autofree char *actual = bytes_to_string (xml);
  g_autoptr(GString) normalised = g_string_new (actual);

  g_string_replace (normalised, kurs_record_get_text (strategy, "uuid"), GOLDEN_UUID, 1);
  g_assert_cmpstr (normalised->str, ==, golden);
}

static void
test_no_version (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_store_create_strategy (f->store, "Ny strategi", 2027, 2030, NULL, &error);
  g_autoptr(GBytes) xml = kurs_xml_export_version (f->store, strategy, 0, &error);

  g_assert_null (xml);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NO_VERSION);
  g_assert_nonnull (strstr (error->message, "approve"));
}

/* The export refuses to hand out a file its schema refuses, for
 * example where the library was changed outside Kurs. */
static void
test_export_guard (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *id = NULL;
  sqlite3 *db = NULL;

  strategy = kurs_example_create (f->store, &error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, kurs_record_get_id (strategy));
  g_clear_object (&strategy);
  g_clear_object (&f->store);

  /* A title is one line; write one with a line break behind Kurs's back */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE strategy SET title = 'To' || char(10) || 'linjer'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = open_store (f->path);
  strategy = kurs_store_get (f->store, KURS_ENTITY_STRATEGY, g_ascii_strtoll (id, NULL, 10));
  xml = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
}

/* Round trips */

static void
test_round_trip_example (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) original = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  imported = kurs_xml_import (other, original, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (imported, "uuid"), ==, kurs_record_get_text (strategy, "uuid"));
  g_assert_cmpint (kurs_record_get_enum (imported, "status"), ==, KURS_STATUS_APPROVED);

  again = export_version (other, imported, 0);
  assert_same_bytes (original, again);

  /* and written anew from the imported rows */
  {
    KursXmlVersionInfo info = { 1, "2022-11-29", "Socialudvalget" };
    g_autoptr(GBytes) regenerated = kurs_xml_export_live (other, imported, &info, &error);

    g_assert_no_error (error);
    assert_same_bytes (original, regenerated);
  }
}

static void
test_round_trip_every_entity (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = kurs_test_create_full_strategy (f->store);
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 sid;

  version = kurs_approval_approve (f->store, strategy, "2024-02-29", "Kommunalbestyrelsen", &error);
  g_assert_no_error (error);
  original = export_version (f->store, strategy, 0);

  imported = kurs_xml_import (other, original, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  again = export_version (other, imported, 0);
  assert_same_bytes (original, again);

  /* The frozen version is the file itself; written anew from the imported
   * rows, it is still the same file: nothing was lost on the way in. */
  {
    KursXmlVersionInfo info = { 1, "2024-02-29", "Kommunalbestyrelsen" };
    g_autoptr(GBytes) regenerated = kurs_xml_export_live (other, imported, &info, &error);

    g_assert_no_error (error);
    assert_same_bytes (original, regenerated);
  }

  /* Every kind of row made it, with its values */
  sid = kurs_record_get_id (imported);
  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) rows = kurs_store_list_by_strategy (other, e, sid, NULL);

      /* Three status changes: the new strategy's draft, the sample one,
       * then the approval */
      g_assert_cmpuint (rows->len, ==, e == KURS_ENTITY_STATUS_CHANGE ? 3 : 1);
    }

  g_assert_cmpstr (kurs_record_get_text (imported, "vision"), ==,
                   "Første linje: æøå ÆØÅ <&> \"citat\" 'apostrof'\nAnden linje ✓\r\n  indrykket ");
  text = bytes_to_string (original);
  /* the carriage return survives as a character reference */
  g_assert_nonnull (strstr (text, "&#13;"));
  {
    g_autoptr(GPtrArray) measurements = kurs_store_list_by_strategy (other, KURS_ENTITY_MEASUREMENT, sid, NULL);

    g_assert_cmpfloat (kurs_record_get_real (measurements->pdata[0], "value"), ==, 12.375);
    g_assert_cmpstr (kurs_record_get_text (measurements->pdata[0], "date"), ==, "2024-02-29");
  }
}

static void
test_round_trip_draft (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = draft_example (f);
  g_autoptr(GBytes) original = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) imported = kurs_xml_import (other, original, KURS_XML_IMPORT_DEFAULT, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_assert_no_error (error);
  versions = kurs_store_list (other, KURS_ENTITY_VERSION, kurs_record_get_id (imported), NULL);
  g_assert_cmpuint (versions->len, ==, 0);
  g_assert_cmpint (kurs_record_get_enum (imported, "status"), ==, KURS_STATUS_DRAFT);

  again = kurs_xml_export_live (other, imported, NULL, &error);
  assert_same_bytes (original, again);
}

/* The uid of a goal titled @title */
static gint64
goal_uid (KursStore  *store,
          KursRecord *strategy,
          const char *title)
{
  g_autoptr(GPtrArray) goals = kurs_store_list (store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), NULL);

  for (guint i = 0; i < goals->len; i++)
    if (g_str_equal (kurs_record_get_text (goals->pdata[i], "title"), title))
      return kurs_record_get_uid (goals->pdata[i]);
  g_error ("No goal “%s”", title);
}

/* Uids come through an import, a copy's too; a file without them (from
 * before they existed) numbers its rows of each kind 1, 2, 3… in document
 * order; a uid given twice is given once, to the row that comes first */
static void
test_uids_through_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = kurs_store_create_strategy (f->store, "Identitet", 2024, 2026, NULL, &error);
  g_autoptr(KursRecord) goal = kurs_store_create (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), &error,
                                                  "title", g_variant_new_string ("Første mål"), NULL);
  g_autoptr(KursRecord) second = kurs_store_create (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), &error,
                                                    "title", g_variant_new_string ("Andet mål"), NULL);
  g_autoptr(GBytes) xml = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_autofree char *text = bytes_to_string (xml);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) copy = NULL;
  g_autoptr(KursRecord) keyless = NULL;
  g_autoptr(KursRecord) twice = NULL;
  g_autoptr(KursRecord) twice_before = NULL;
  g_autoptr(GRegex) uids = g_regex_new (" uid=\"[0-9]+\"", 0, 0, NULL);
  g_autofree char *without = g_regex_replace_literal (uids, text, -1, 0, "", 0, NULL);
  g_autofree char *first_uid = g_strdup_printf (" uid=\"%" G_GINT64_FORMAT "\"", kurs_record_get_uid (goal));
  g_autofree char *second_uid = g_strdup_printf (" uid=\"%" G_GINT64_FORMAT "\"", kurs_record_get_uid (second));
  g_autoptr(GString) duplicated = g_string_new (text);
  g_autoptr(GBytes) without_bytes = NULL;
  g_autoptr(GBytes) duplicated_bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, first_uid));

  copy = kurs_xml_import (other, xml, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal_uid (other, copy, "Første mål"), ==, kurs_record_get_uid (goal));
  g_assert_cmpint (goal_uid (other, copy, "Andet mål"), ==, kurs_record_get_uid (second));

  g_assert_null (strstr (without, " uid="));
  without_bytes = g_bytes_new (without, strlen (without));
  keyless = kurs_xml_import (other, without_bytes, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal_uid (other, keyless, "Første mål"), ==, 1);
  g_assert_cmpint (goal_uid (other, keyless, "Andet mål"), ==, 2);

  g_string_replace (duplicated, second_uid, first_uid, 1);
  duplicated_bytes = g_bytes_new (duplicated->str, duplicated->len);
  twice = kurs_xml_import (other, duplicated_bytes, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal_uid (other, twice, "Første mål"), ==, kurs_record_get_uid (goal));
  g_assert_cmpint (goal_uid (other, twice, "Andet mål"), !=, kurs_record_get_uid (goal));
  g_assert_cmpint (goal_uid (other, twice, "Andet mål"), >=, KURS_RECORD_FIRST_RANDOM_UID);

  /* the first keeps it whichever uid is the smaller */
  {
    g_autoptr(GString) other_way = g_string_new (text);
    g_autoptr(GBytes) other_way_bytes = NULL;

    g_string_replace (other_way, first_uid, second_uid, 1);
    other_way_bytes = g_bytes_new (other_way->str, other_way->len);
    twice_before = kurs_xml_import (other, other_way_bytes, KURS_XML_IMPORT_AS_COPY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (goal_uid (other, twice_before, "Første mål"), ==, kurs_record_get_uid (second));
    g_assert_cmpint (goal_uid (other, twice_before, "Andet mål"), !=, kurs_record_get_uid (second));
    g_assert_cmpint (goal_uid (other, twice_before, "Andet mål"), >=, KURS_RECORD_FIRST_RANDOM_UID);
  }
}

/* Whitespace is content: a text of only spaces, or only line breaks,
 * comes back exactly, though the indentation between elements does not
 * count. */
static void
test_round_trip_whitespace (Fixture       *f,
                            gconstpointer  data)
{
  const char *texts[] = { "   ", "\n", "\r", "\r\n", " \t ", "  før og efter  " };
  g_autoptr(KursStore) other = open_other (f, "other.kurs");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KursRecord) strategy = kurs_store_create_strategy (f->store, "Mellemrum", 2024, 2026, NULL, &error);
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(KursRecord) imported = NULL;

      g_assert_true (kurs_store_set_text (f->store, strategy, "vision", texts[i], &error));
      g_assert_true (kurs_store_set_text (f->store, strategy, "core_value", texts[i], &error));
      xml = kurs_xml_export_live (f->store, strategy, NULL, &error);
      g_assert_no_error (error);
      imported = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (kurs_record_get_text (imported, "vision"), ==, texts[i]);
      g_assert_cmpstr (kurs_record_get_text (imported, "core_value"), ==, texts[i]);
    }
}

/* A text of exactly the most characters a field may hold: stored,
 * approved, exported (valid against the schema, which counts characters
 * too), imported again as it was.  Two-byte letters, so that characters
 * and bytes differ.  One character more is refused by the store, and a
 * copy whose "(kopi)" would take its title past the limit is refused as
 * it is imported, with nothing stored. */
static void
test_round_trip_at_limit (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const fields[] = { "title", "vision" };
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  g_autoptr(KursRecord) goal = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(KursRecord) copy = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autofree char *over = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < KURS_TEXT_MAX_CHARS; i++)
    g_string_append (longest, i % 2 ? "æ" : "å");
  g_assert_cmpuint (g_utf8_strlen (longest->str, -1), ==, KURS_TEXT_MAX_CHARS);

  strategy = kurs_store_create_strategy (f->store, "Grænsen", 2024, 2026, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (kurs_store_set_text (f->store, strategy, fields[i], longest->str, &error));
      g_assert_no_error (error);
    }
  goal = kurs_store_create (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), &error,
                            "title", g_variant_new_string (longest->str), NULL);
  g_assert_no_error (error);

  /* one more is refused */
  over = g_strconcat (longest->str, "x", NULL);
  g_assert_false (kurs_store_set_text (f->store, goal, "title", over, &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most a million characters"));
  g_clear_error (&error);

  version = kurs_approval_approve (f->store, strategy, "2024-03-01", "Socialudvalget", &error);
  g_assert_no_error (error);
  xml = export_version (f->store, strategy, 0);

  imported = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (kurs_record_get_text (imported, fields[i]), ==, longest->str);
  goals = kurs_store_list (other, KURS_ENTITY_GOAL, kurs_record_get_id (imported), NULL);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (kurs_record_get_title (goals->pdata[0]), ==, longest->str);

  before = kurs_test_dump_library (f->path);
  copy = kurs_xml_import (f->store, xml, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert_null (copy);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "at most a million characters"));
  after = kurs_test_dump_library (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The schema's limit is the store's */
static void
test_schema_limit (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kurs-strategy.xsd", NULL);
  g_autofree char *xsd = kurs_test_read_file (path, NULL);
  g_autofree char *expected = g_strdup_printf ("<xs:maxLength value=\"%d\"/>", KURS_TEXT_MAX_CHARS);

  g_assert_nonnull (strstr (xsd, expected));
}

static void
test_import_duplicate (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) again = NULL;
  g_autoptr(KursRecord) copy = NULL;
  g_autofree char *before = kurs_test_dump_library (f->path);
  g_autofree char *after = NULL;
  g_autofree char *expected_title = NULL;

  again = kurs_xml_import (f->store, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_DUPLICATE);
  after = kurs_test_dump_library (f->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  copy = kurs_xml_import (f->store, xml, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kurs_record_get_text (copy, "uuid"), !=, kurs_record_get_text (strategy, "uuid"));
  /* says so in the strategy's language, Danish, in the C locale */
  expected_title = g_strdup_printf ("%s (kopi)", kurs_record_get_title (strategy));
  g_assert_cmpstr (kurs_record_get_title (copy), ==, expected_title);
}

/* A file checked against the schema beside the adding of its rows
 * (KursXmlParsed): one that breaks the schema is refused for that, before
 * anything else found wrong with it (here: already in the library), and
 * whether its rows were added in one step or a few at a time */
static void
test_import_invalid_first (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autofree char *other_path = g_build_filename (f->dir, "other.kurs", NULL);
  g_autofree char *before = kurs_test_dump_library (f->path);
  g_autofree char *other_before = kurs_test_dump_library (other_path);
  g_autofree char *after = NULL;
  g_autoptr(KursXmlParsed) parsed = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GError) error = NULL;
  KursXmlImport *import;

  /* the last milestone's title is not a title */
  {
    const char *last = g_strrstr (text->str, "<milestone ");
    gsize at;

    g_assert_nonnull (last);
    at = strstr (last, "<title>") - text->str;
    g_string_erase (text, at, strlen ("<title>"));
    g_string_insert (text, at, "<titel>");
    at = strstr (text->str + at, "</title>") - text->str;
    g_string_erase (text, at, strlen ("</title>"));
    g_string_insert (text, at, "</titel>");
  }
  input = g_bytes_new (text->str, text->len);

  imported = kurs_xml_import (f->store, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (imported);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "titel"));
  g_clear_error (&error);
  after = kurs_test_dump_library (f->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* into a library without it, a step of a few rows at a time */
  parsed = kurs_xml_parsed_new (input, &error);
  g_assert_no_error (error);
  import = kurs_xml_import_begin (other, kurs_xml_parsed_copy (parsed), KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  while (!kurs_xml_import_step (import, 1))
    ;
  imported = kurs_xml_import_end (import, &error);
  g_assert_null (imported);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "titel"));
  after = kurs_test_dump_library (other_path);
  g_assert_cmpstr (other_before, ==, after);
}

/* A library's dump with each strategy's last-changed time left out: a
 * redo is a change, and says when there (an import and its redo a second
 * apart made the test below fail now and then) */
static char *
dump_without_modified (const char *path)
{
  g_autofree char *dump = kurs_test_dump_library (path);
  g_autoptr(GRegex) modified = g_regex_new ("^(\\[strategy\\]\\n[^\\n]*\\|)[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z\\|$",
                                            G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace (modified, dump, -1, 0, "\\1(modified)|", 0, NULL);
}

/* An import is one step of undo: undone, nothing of it is left; made
 * again, every row is back under its id; imported anew after an undo,
 * its rows get ids never given before (as SQLite gives them), though the
 * store gives an import's ids itself (kurs_store_begin_bulk()) */
static void
test_import_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autofree char *other_path = g_build_filename (f->dir, "other.kurs", NULL);
  g_autofree char *empty = kurs_test_dump_library (other_path);
  g_autofree char *imported_dump = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(KursRecord) again = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) goals_again = NULL;
  g_autoptr(GError) error = NULL;

  imported = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  imported_dump = dump_without_modified (other_path);
  g_assert_nonnull (strstr (imported_dump, "|(modified)|\n[mandate_item]"));
  goals = kurs_store_list_by_strategy (other, KURS_ENTITY_GOAL, kurs_record_get_id (imported), NULL);
  g_assert_cmpuint (goals->len, >, 0);

  g_assert_true (kurs_store_undo (other, &error));
  g_assert_no_error (error);
  undone = kurs_test_dump_library (other_path);
  g_assert_cmpstr (undone, ==, empty);

  g_assert_true (kurs_store_redo (other, &error));
  g_assert_no_error (error);
  redone = dump_without_modified (other_path);
  g_assert_cmpstr (redone, ==, imported_dump);

  g_assert_true (kurs_store_undo (other, &error));
  again = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_record_get_id (again), >, kurs_record_get_id (imported));
  goals_again = kurs_store_list_by_strategy (other, KURS_ENTITY_GOAL, kurs_record_get_id (again), NULL);
  g_assert_cmpuint (goals_again->len, ==, goals->len);
  g_assert_cmpint (kurs_record_get_id (goals_again->pdata[0]), >,
                   kurs_record_get_id (goals->pdata[goals->len - 1]));
}

/* An import that fails after it has read one of the rows it made without
 * a record (a hearing party's round, to check the party's dates): the
 * rows' ids are given again to the next import, whose rows are then
 * changed and deleted as any others, not taken for the first's */
static void
test_import_after_failed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GError) error = NULL;
  /* an element the schema does not know, last of all: the rows are all
   * made by then, the hearing's parties checked against their round */
  g_assert_nonnull (strstr (text->str, "<hearing-party"));
  g_assert_cmpuint (g_string_replace (text, "</strategy>", "<unknown/></strategy>", 1), ==, 1);
  broken = g_bytes_new (text->str, text->len);
  imported = kurs_xml_import (other, broken, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (imported);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_clear_error (&error);

  /* the file as it was, its round named otherwise */
  g_string_truncate (text, 0);
  g_string_append_len (text, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_assert_cmpuint (g_string_replace (text, "<title>Høring om udkast til udsattestrategi",
                                      "<title>Anden høring om udkast til udsattestrategi", 1), ==, 1);
  second = g_bytes_new (text->str, text->len);
  imported = kurs_xml_import (other, second, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  rounds = kurs_store_list_by_strategy (other, KURS_ENTITY_HEARING_ROUND, kurs_record_get_id (imported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_true (g_str_has_prefix (kurs_record_get_title (rounds->pdata[0]), "Anden høring"));
  g_assert_true (kurs_store_set_text (other, rounds->pdata[0], "title", "Høring, anden runde", &error));
  g_assert_no_error (error);
  g_assert_true (kurs_store_delete (other, imported, &error));
  g_assert_no_error (error);
}

/* Two stores on one library: what one imports (rows without records) the
 * other reads; once the other has changed one of its rows, the first's
 * undo of the import is refused and says so, and nothing is taken back */
static void
test_import_seen_by_another (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autofree char *path = g_build_filename (f->dir, "shared.kurs", NULL);
  g_autoptr(KursStore) first = open_store (path);
  g_autoptr(KursStore) second = open_store (path);
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(KursRecord) seen = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(GPtrArray) still = NULL;
  g_autoptr(GError) error = NULL;
  KursRecord *changed;

  imported = kurs_xml_import (first, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (kurs_store_catch_up (second, &error));
  g_assert_no_error (error);
  seen = kurs_store_get (second, KURS_ENTITY_STRATEGY, kurs_record_get_id (imported));
  g_assert_nonnull (seen);
  initiatives = kurs_store_list_by_strategy (second, KURS_ENTITY_INITIATIVE, kurs_record_get_id (imported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (initiatives->len, >, 0);
  /* (the strategy is approved: the follow-up's progress is what may change) */
  changed = initiatives->pdata[initiatives->len - 1];
  g_assert_true (kurs_store_set (second, changed, "progress",
                                 g_variant_new_int64 ((kurs_record_get_int (changed, "progress") + 7) % 100), &error));
  g_assert_no_error (error);

  g_assert_true (kurs_store_catch_up (first, &error));
  g_assert_false (kurs_store_undo (first, &error));
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  still = kurs_store_list_by_strategy (first, KURS_ENTITY_INITIATIVE, kurs_record_get_id (imported), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (still->len, ==, initiatives->len);
}

/* An import's rows are made without records (kurs_store_create_lean()):
 * its line in the history still counts every row, names them, and the
 * rows read back are whole */
static void
test_import_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) original_goals = NULL;
  g_autoptr(GError) error = NULL;
  KursHistoryAction *action = NULL;
  gint64 rows = 1;

  imported = kurs_xml_import (other, xml, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint e = KURS_ENTITY_STRATEGY + 1; e < KURS_N_ENTITIES; e++)
    {
      g_autoptr(GPtrArray) of_kind = kurs_store_list_by_strategy (other, e, kurs_record_get_id (imported), &error);

      g_assert_no_error (error);
      rows += of_kind->len;
    }

  history = kurs_store_list_history (other, kurs_record_get_id (imported), NULL, 0, -1, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    if (g_str_equal (((KursHistoryAction *) history->pdata[i])->label, "Import strategy"))
      action = history->pdata[i];
  g_assert_nonnull (action);
  /* every row made, and the strategy's status set */
  g_assert_cmpint (action->n_changes, ==, rows + 1);
  g_assert_cmpuint (action->changes->len, ==, action->n_changes);

  /* each goal named in it as the file has it, and read back whole */
  goals = kurs_store_list_by_strategy (other, KURS_ENTITY_GOAL, kurs_record_get_id (imported), &error);
  original_goals = kurs_store_list_by_strategy (f->store, KURS_ENTITY_GOAL, kurs_record_get_id (strategy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, original_goals->len);
  g_assert_cmpuint (goals->len, >, 0);
  for (guint g = 0; g < goals->len; g++)
    {
      const char *title = kurs_record_get_title (goals->pdata[g]);
      gboolean named = FALSE;

      g_assert_cmpstr (title, ==, kurs_record_get_title (original_goals->pdata[g]));
      g_assert_cmpstr (kurs_record_get_text (goals->pdata[g], "description"), ==,
                       kurs_record_get_text (original_goals->pdata[g], "description"));
      for (guint i = 0; i < action->changes->len; i++)
        {
          KursHistoryChange *change = action->changes->pdata[i];

          named = named || (change->kind == KURS_HISTORY_CHANGE_INSERT && g_str_equal (change->entity, "goal")
                            && change->row_id == kurs_record_get_id (goals->pdata[g])
                            && g_strcmp0 (change->row_name, title) == 0);
        }
      g_assert_true (named);
    }
}

/* A row the schema lets through and the library refuses (a goal linked
 * twice to one initiative), among rows written many at a time
 * (kurs_store_begin_bulk()): the message gives the line of the row
 * refused, not of the row made last, and nothing is added */
static void
test_import_refused_row (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, NULL);
  g_autoptr(GPtrArray) plans = kurs_store_list_by_strategy (f->store, KURS_ENTITY_ACTION_PLAN,
                                                            kurs_record_get_id (strategy), NULL);
  g_autoptr(GPtrArray) goals = kurs_store_list_by_strategy (f->store, KURS_ENTITY_GOAL,
                                                            kurs_record_get_id (strategy), NULL);
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *element = NULL;
  g_autofree char *expected = NULL;
  const char *at;
  gsize end;
  int line = 1;

  g_assert_true (kurs_store_begin (f->store, "Many", NULL));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Indsats nr. %u", i + 1);
      g_autoptr(KursRecord) initiative = NULL;
      g_autoptr(KursRecord) link = NULL;

      initiative = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE,
                                      kurs_record_get_id (plans->pdata[0]), &error,
                                      "title", g_variant_new_string (title), NULL);
      g_assert_no_error (error);
      link = kurs_store_create (f->store, KURS_ENTITY_INITIATIVE_GOAL, kurs_record_get_id (initiative), &error,
                                "goal_id", g_variant_new_int64 (kurs_record_get_id (goals->pdata[0])), NULL);
      g_assert_no_error (error);
    }
  g_assert_true (kurs_store_commit (f->store, NULL));
  xml = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kurs_store_delete (f->store, strategy, NULL));
  before = kurs_test_dump_library (f->path);

  /* the 200th link, written again after itself */
  text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  at = text->str;
  for (guint i = 0; i < 200; i++)
    {
      at = strstr (at + 1, "<initiative-goal ");
      g_assert_nonnull (at);
    }
  end = strstr (at, "/>") + 2 - text->str;
  element = g_strndup (at, text->str + end - at);
  for (const char *p = text->str; p < at; p++)
    line += *p == '\n';
  g_string_insert (text, end, "\n");
  g_string_insert (text, end + 1, element);
  input = g_bytes_new (text->str, text->len);

  imported = kurs_xml_import (f->store, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (imported);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("Line %d: ", line + 1);
  g_assert_true (g_str_has_prefix (error->message, expected));
  after = kurs_test_dump_library (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* An attribute's references are read as the text they stand for: the
 * approving body "Social- & Sundhedsudvalget <SUU>" written with "&amp;"
 * and character references comes back as typed */
static void
test_import_attribute_references (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, "approved-by=\"Socialudvalget\"",
                                      "approved-by=\"Social- &amp; Sundhedsudvalget &#60;SUU&#x3E;\"", 1), ==, 1);
  input = g_bytes_new (text->str, text->len);
  imported = kurs_xml_import (other, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  version = kurs_approval_get_version (other, imported, 0);
  g_assert_nonnull (version);
  g_assert_cmpstr (kurs_record_get_text (version, "approved_by"), ==, "Social- & Sundhedsudvalget <SUU>");
}

/* A file in another encoding than UTF-8 (as another program may write
 * one): its texts are read as written, and its approved version, whose
 * frozen text a library keeps in UTF-8, is written anew from what was
 * read, not kept as the file's bytes */
static void
test_import_other_encoding (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(KursRecord) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latin1 = NULL;
  const char *vision = kurs_record_get_text (strategy, "vision");
  const char *content;
  gsize length = 0;

  g_assert_nonnull (strstr (vision, "sammenhæng"));
  g_assert_cmpuint (g_string_replace (text, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", 1), ==, 1);
  /* (what Latin-1 has no letter for, a dash, is written as "-") */
  latin1 = g_convert_with_fallback (text->str, text->len, "ISO-8859-1", "UTF-8", "-", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (latin1, length, NULL));
  input = g_bytes_new (latin1, length);

  imported = kurs_xml_import (other, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpstr (kurs_record_get_text (imported, "vision"), ==, vision);
  version = kurs_approval_get_version (other, imported, 0);
  g_assert_nonnull (version);
  content = kurs_record_get_text (version, "content");
  g_assert_true (g_utf8_validate (content, -1, NULL));
  g_assert_nonnull (strstr (content, "encoding=\"UTF-8\""));
  g_assert_nonnull (strstr (content, "sammenhæng"));
}

/* A problem far into a large file is told at its own line, past the
 * 65,535 lines a tree's nodes count to: the last link of an initiative to
 * a goal written again, 70,000 lines on, which the schema lets through and
 * the library refuses */
static void
test_import_far_line (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GBytes) xml = export_version (f->store, strategy, 0);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autofree char *other_path = g_build_filename (f->dir, "other.kurs", NULL);
  g_autofree char *before = kurs_test_dump_library (other_path);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *element = NULL;
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) input = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = g_strnfill (70000, '\n');
  const char *link = g_strrstr (text->str, "<initiative-goal ");
  gsize end;
  int line = 1;

  g_assert_nonnull (link);
  end = strstr (link, "/>") + 2 - text->str;
  element = g_strndup (link, text->str + end - link);
  for (const char *p = text->str; p < text->str + end; p++)
    line += *p == '\n';
  g_string_insert (text, end, element);
  g_string_insert (text, end, lines);
  input = g_bytes_new (text->str, text->len);

  imported = kurs_xml_import (other, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (imported);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("Line %d: ", line + 70000);
  g_assert_true (g_str_has_prefix (error->message, expected));
  after = kurs_test_dump_library (other_path);
  g_assert_cmpstr (before, ==, after);
}

/* Refusals: each bad file gets a clear error, fast, and the library is
 * exactly as it was. */

typedef struct {
  const char *name;
  int         code;      /* -1: any refusal */
  char     *(*make) (const char *valid);
} BadFile;

static char *
replace (const char *text,
         const char *find,
         const char *with)
{
  g_autoptr(GString) s = g_string_new (text);

  g_assert_nonnull (strstr (text, find));
  g_string_replace (s, find, with, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
make_truncated (const char *valid)
{
  return g_strndup (valid, strlen (valid) / 2);
}

static char *
make_not_xml (const char *valid)
{
  return g_strdup ("Strategi for udsatte borgere, 2022–2029\nVision: …\n");
}

static char *
make_wrong_root (const char *valid)
{
  return g_strdup ("<?xml version=\"1.0\"?>\n<project xmlns=\"https://kurs.dk/ns/strategy/1\"/>\n");
}

static char *
make_wrong_namespace (const char *valid)
{
  return replace (valid, "https://kurs.dk/ns/strategy/1", "https://kurs.dk/ns/strategy/2");
}

static char *
make_no_namespace (const char *valid)
{
  return replace (valid, " xmlns=\"https://kurs.dk/ns/strategy/1\"", "");
}

static char *
make_schema_invalid (const char *valid)
{
  return replace (valid, "<title>Strategi for udsatte borgere</title>",
                  "<titel>Strategi for udsatte borgere</titel>");
}

static char *
make_impossible_date (const char *valid)
{
  return replace (valid, "start-date=\"2023-01-01\" end-date=\"2024-12-31\"",
                  "start-date=\"2023-02-29\" end-date=\"2024-12-31\"");
}

static char *
make_reversed_dates (const char *valid)
{
  /* Each date is real, but the plan ends before it starts: a rule of the
   * library, not of the schema. */
  return replace (valid, "start-date=\"2023-01-01\" end-date=\"2024-12-31\"",
                  "start-date=\"2024-12-31\" end-date=\"2023-01-01\"");
}

static char *
make_dangling (const char *valid)
{
  return replace (valid, "<goal id=\"goal-1\" uid=\"1\" focus-area=\"focus-area-1\">",
                  "<goal id=\"goal-1\" focus-area=\"focus-area-9\">");
}

static char *
make_duplicate_id (const char *valid)
{
  return replace (valid, "<goal id=\"goal-2\"", "<goal id=\"goal-1\"");
}

static char *
make_missing_id (const char *valid)
{
  return replace (valid, "<goal id=\"goal-2\"", "<goal");
}

/* The root without its status: refused by the schema, whose verdict the
 * import asks for last; the importer must not trip over it meanwhile */
static char *
make_no_status (const char *valid)
{
  const char *at = strstr (valid, " status=\"");
  g_autofree char *head = NULL;
  const char *end;

  g_assert_nonnull (at);
  end = strchr (at + strlen (" status=\""), '"');
  g_assert_nonnull (end);
  head = g_strndup (valid, at - valid);
  return g_strconcat (head, end + 1, NULL);
}

static char *
make_external_entity (const char *valid)
{
  g_autofree char *with_ref = replace (valid, "<title>Strategi for udsatte borgere</title>",
                                       "<title>&secret;</title>");

  return replace (with_ref, "<strategy ",
                  "<!DOCTYPE strategy [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<strategy ");
}

static char *
make_external_dtd (const char *valid)
{
  return replace (valid, "<strategy ",
                  "<!DOCTYPE strategy SYSTEM \"http://example.com/kurs.dtd\">\n<strategy ");
}

static char *
make_entity_bomb (const char *valid)
{
  GString *dtd = g_string_new ("<!DOCTYPE strategy [\n<!ENTITY a0 \"lol\">\n");
  g_autofree char *with_ref = replace (valid, "<title>Strategi for udsatte borgere</title>",
                                       "<title>&a9;</title>");
  g_autofree char *head = NULL;

  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (dtd, "<!ENTITY a%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (dtd, "&a%d;", i - 1);
      g_string_append (dtd, "\">\n");
    }
  g_string_append (dtd, "]>\n<strategy ");
  head = g_string_free (dtd, FALSE);

  return replace (with_ref, "<strategy ", head);
}

static char *
make_deep (const char *valid)
{
  GString *deep = g_string_new ("<title>");

  for (int i = 0; i < 100000; i++)
    g_string_append (deep, "<k>");
  g_string_append (deep, "x");
  for (int i = 0; i < 100000; i++)
    g_string_append (deep, "</k>");
  g_string_append (deep, "</title>");

  {
    g_autofree char *inner = g_string_free (deep, FALSE);

    return replace (valid, "<title>Strategi for udsatte borgere</title>", inner);
  }
}

static char *
make_huge_text (const char *valid)
{
  /* 12 million characters in the vision */
  g_autoptr(GString) vision = g_string_new ("<vision>");
  g_autofree char *filler = g_strnfill (12 * 1000 * 1000, 'v');

  g_string_append (vision, filler);
  g_string_append (vision, "</vision>");
  return replace (valid, "<committee>Socialudvalget</committee>", vision->str);
}

static char *
make_long_text (const char *valid)
{
  /* Within libxml2's limits, but over the million characters a text may have */
  g_autoptr(GString) vision = g_string_new ("<committee>Socialudvalget</committee><vision>");
  g_autofree char *filler = g_strnfill (1000 * 1000 + 1, 'v');

  g_string_append (vision, filler);
  g_string_append (vision, "</vision>");
  return replace (valid, "<committee>Socialudvalget</committee>", vision->str);
}

static char *
make_bad_utf8 (const char *valid)
{
  return replace (valid, "Strategi for udsatte borgere</title>", "Strategi for udsatte \xff\xfe borgere</title>");
}

static char *
make_control_character (const char *valid)
{
  return replace (valid, "Strategi for udsatte borgere</title>", "Strategi&#1; for udsatte borgere</title>");
}

static char *
make_too_large (const char *valid)
{
  g_autofree char *padding = g_strnfill (KURS_XML_MAX_BYTES, ' ');

  return g_strconcat (valid, padding, NULL);
}

static char *
make_empty (const char *valid)
{
  return g_strdup ("");
}

static const BadFile bad_files[] = {
  { "truncated", KURS_XML_ERROR_MALFORMED, make_truncated },
  { "not-xml", KURS_XML_ERROR_MALFORMED, make_not_xml },
  { "empty", KURS_XML_ERROR_MALFORMED, make_empty },
  { "wrong-root", KURS_XML_ERROR_NOT_KURS, make_wrong_root },
  { "wrong-namespace", KURS_XML_ERROR_NOT_KURS, make_wrong_namespace },
  { "no-namespace", KURS_XML_ERROR_NOT_KURS, make_no_namespace },
  { "schema-invalid", KURS_XML_ERROR_INVALID, make_schema_invalid },
  { "impossible-date", KURS_XML_ERROR_INVALID, make_impossible_date },
  { "reversed-dates", KURS_XML_ERROR_INVALID, make_reversed_dates },
  { "dangling-reference", KURS_XML_ERROR_INVALID, make_dangling },
  { "duplicate-id", KURS_XML_ERROR_INVALID, make_duplicate_id },
  { "missing-id", KURS_XML_ERROR_INVALID, make_missing_id },
  { "no-status", KURS_XML_ERROR_INVALID, make_no_status },
  { "external-entity", KURS_XML_ERROR_FORBIDDEN, make_external_entity },
  { "external-dtd", KURS_XML_ERROR_FORBIDDEN, make_external_dtd },
  { "entity-bomb", KURS_XML_ERROR_FORBIDDEN, make_entity_bomb },
  { "deep-nesting", KURS_XML_ERROR_MALFORMED, make_deep },
  { "huge-text", -1, make_huge_text },   /* libxml2's text limit or the schema's */
  { "long-text", KURS_XML_ERROR_INVALID, make_long_text },
  { "bad-utf8", KURS_XML_ERROR_MALFORMED, make_bad_utf8 },
  { "control-character", KURS_XML_ERROR_MALFORMED, make_control_character },
  { "too-large", KURS_XML_ERROR_TOO_LARGE, make_too_large },
};

/* The process's peak memory (VmHWM) since the last reset_peak_memory() */
static void
reset_peak_memory (void)
{
  /* (Linux 4.0 on: "5" resets it) */
  FILE *clear = fopen ("/proc/self/clear_refs", "w");

  g_assert_nonnull (clear);
  g_assert_cmpint (fputs ("5", clear), >=, 0);
  g_assert_cmpint (fclose (clear), ==, 0);
}

static gsize
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  const BadFile *bad = data;
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, NULL);
  g_autoptr(GBytes) draft = kurs_xml_export_live (f->store, strategy, NULL, NULL);
  g_autofree char *valid = bytes_to_string (draft);
  g_autofree char *text = bad->make (valid);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 start;

  /* Give the importer a library where the strategy is not there yet */
  g_assert_true (kurs_store_delete (f->store, strategy, NULL));
  before = kurs_test_dump_library (f->path);
  input = g_bytes_new_take (text, strlen (text));
  text = NULL;

  reset_peak_memory ();
  start = g_get_monotonic_time ();
  imported = kurs_xml_import (f->store, input, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_null (imported);
  g_assert_nonnull (error);
  g_assert_true (error->domain == KURS_XML_ERROR);
  if (bad->code >= 0)
    g_assert_cmpint (error->code, ==, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  /* one line, for a person */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  after = kurs_test_dump_library (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Memory stayed bounded: the process's peak while it read this file,
   * well under 1 GiB */
  g_test_message ("peak memory: %" G_GSIZE_FORMAT " MB", peak_memory_kb () / 1024);
  g_assert_cmpuint (peak_memory_kb (), <, 768 * 1024);
}

/* "line N: ", N the line of @text that @needle is on */
static char *
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int number = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    number += *p == '\n';
  return g_strdup_printf ("line %d: ", number);
}

static void
test_validate_messages (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, NULL);
  g_autoptr(GBytes) draft = kurs_xml_export_live (f->store, strategy, NULL, NULL);
  g_autofree char *valid = bytes_to_string (draft);
  g_autofree char *broken = replace (valid, "held=\"true\"", "held=\"kinda\"");
  g_autoptr(GBytes) input = g_bytes_new (broken, strlen (broken));
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_false (kurs_xml_validate (input, &messages, &error));
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_assert_cmpuint (messages->len, >=, 1);

  /* The message names the line the bad attribute is on */
  line = line_of (broken, "held=\"kinda\"");
  g_assert_true (g_str_has_prefix (messages->pdata[0], line));
}

/* An import's check against the schema leaves out its identity
 * constraints (kurs_xml_checker_new_without_keys()): the importer refuses
 * a reference to nothing, and an id taken by another row, itself, naming
 * the line; an id left out is still the schema's (its attribute is
 * required); the whole schema (kurs_xml_validate()) refuses each */
static void
test_refuse_ids_and_references (Fixture       *f,
                                gconstpointer  data)
{
  static const struct {
    char *(*make) (const char *valid);
    const char *find;      /* in the valid file, on the line named */
    const char *message;   /* the importer's, or a part of the schema's */
    gboolean    schema;
  } cases[] = {
    { make_dangling, "<goal id=\"goal-1\"", "“focus-area” refers to “focus-area-9”, which is not in the file", FALSE },
    { make_duplicate_id, "<goal id=\"goal-2\"", "Every row that others refer to needs an id of its own", FALSE },
    { make_missing_id, "<goal id=\"goal-2\"", "The attribute 'id' is required but missing", TRUE },
  };
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, NULL);
  g_autoptr(GBytes) draft = kurs_xml_export_live (f->store, strategy, NULL, NULL);
  g_autofree char *valid = bytes_to_string (draft);

  g_assert_true (kurs_store_delete (f->store, strategy, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].make (valid);
      g_autoptr(GBytes) input = g_bytes_new (text, strlen (text));
      g_autofree char *line = line_of (valid, cases[i].find);
      g_autofree char *expected = NULL;
      g_autoptr(KursRecord) imported = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) messages = NULL;

      imported = kurs_xml_import (f->store, input, KURS_XML_IMPORT_DEFAULT, &error);
      g_assert_null (imported);
      g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
      if (cases[i].schema)
        {
          expected = g_strdup_printf ("The file does not follow the Kurs strategy format: %s", line);
          g_assert_true (g_str_has_prefix (error->message, expected));
          g_assert_nonnull (strstr (error->message, cases[i].message));
        }
      else
        {
          /* "line N: " as line_of() gives it, as the importer says it */
          line[0] = 'L';
          line[strlen (line) - 2] = '\0';
          expected = g_strdup_printf ("%s: %s", line, cases[i].message);
          g_assert_cmpstr (error->message, ==, expected);
        }
      g_clear_error (&error);

      g_assert_false (kurs_xml_validate (input, &messages, &error));
      g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
    }
}

/* The check of what Kurs writes, as it is written (kurs_xml_checker_new()),
 * in pieces, with no tree: it takes what the tree's check takes and
 * refuses what it refuses, bad files of every kind and a file at the
 * limits; and says why, as the tree's check does */
static gboolean
check_in_pieces (const char  *text,
                 gsize        piece,
                 GError     **error)
{
  KursXmlChecker *checker = kurs_xml_checker_new ();
  gsize length = strlen (text);

  for (gsize at = 0; at < length; at += piece)
    kurs_xml_checker_feed (checker, text + at, MIN (piece, length - at));
  return kurs_xml_checker_finish (checker, error);
}

static void
test_checker (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = kurs_example_create (f->store, NULL);
  g_autoptr(GBytes) draft = kurs_xml_export_live (f->store, strategy, NULL, NULL);
  g_autofree char *valid = bytes_to_string (draft);
  g_autofree char *broken = replace (valid, "held=\"true\"", "held=\"kinda\"");
  g_autoptr(GError) error = NULL;
  guint refused = 0;

  /* whatever the pieces */
  g_assert_true (check_in_pieces (valid, 1, &error));
  g_assert_true (check_in_pieces (valid, 7, &error));
  g_assert_true (check_in_pieces (valid, strlen (valid), &error));
  g_assert_no_error (error);

  g_assert_false (check_in_pieces (broken, 100, &error));
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "kinda"));
  /* on the line the bad attribute is on */
  {
    g_autofree char *line = line_of (broken, "held=\"kinda\"");

    g_assert_nonnull (strstr (error->message, line));
  }
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autofree char *text = NULL;
      g_autoptr(GBytes) input = NULL;
      g_autoptr(GError) tree_error = NULL;
      gboolean by_tree, in_pieces;

      /* (those the reading refuses before any check: not what Kurs writes) */
      if (bad->code == KURS_XML_ERROR_FORBIDDEN || bad->code == KURS_XML_ERROR_TOO_LARGE
          || bad->code == KURS_XML_ERROR_NOT_KURS || g_str_equal (bad->name, "empty"))
        continue;
      text = bad->make (valid);
      input = g_bytes_new (text, strlen (text));
      by_tree = kurs_xml_validate (input, NULL, &tree_error);
      in_pieces = check_in_pieces (text, 4096, &error);
      g_test_message ("%s: %s / %s", bad->name, tree_error ? tree_error->message : "taken",
                      error ? error->message : "taken");
      g_assert_cmpint (by_tree, ==, in_pieces);
      if (!in_pieces)
        {
          /* (a file both badly nested and too deep may be refused for
           * either first) */
          g_assert_true (error->code == KURS_XML_ERROR_MALFORMED || error->code == KURS_XML_ERROR_INVALID);
          g_assert_true (tree_error->code != KURS_XML_ERROR_INVALID || error->code == KURS_XML_ERROR_INVALID);
          refused++;
        }
      g_clear_error (&error);
    }
  /* (reversed dates are a rule of the store, not of the schema) */
  g_assert_cmpuint (refused, >=, 8);
}

/* Exported in the background, from a connection of the thread's own while
 * the library is open for writing here: the same bytes as in the
 * foreground, draft and version alike; a strategy deleted meanwhile is
 * said to be gone */
typedef struct {
  GMainLoop *loop;
  GBytes    *xml;
  GError    *error;
} Exported;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exported *exported = user_data;

  exported->xml = kurs_xml_export_finish (result, &exported->error);
  g_main_loop_quit (exported->loop);
}

static GBytes *
export_in_background (Fixture    *f,
                      KursRecord *strategy,
                      gint64      number,
                      GError    **error)
{
  Exported exported = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  kurs_xml_export_async (f->path, strategy, number, NULL, exported_cb, &exported);
  g_main_loop_run (exported.loop);
  g_main_loop_unref (exported.loop);
  if (exported.error != NULL)
    g_propagate_error (error, exported.error);
  return exported.xml;
}

static void
test_export_in_background (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) version = kurs_xml_export_version (f->store, strategy, 0, &error);
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GBytes) version_behind = NULL;
  g_autoptr(GBytes) draft_behind = NULL;
  g_autoptr(GBytes) gone = NULL;
  g_autoptr(KursRecord) milestone = NULL;

  g_assert_no_error (error);
  /* The process stays open after approval: the draft has what is added */
  milestone = kurs_store_create (f->store, KURS_ENTITY_MILESTONE, kurs_record_get_id (strategy), &error,
                                 "kind", g_variant_new_string ("committee-meeting"),
                                 "title", g_variant_new_string ("Status på handleplanen for Ældrerådet"),
                                 "start_date", g_variant_new_string ("2027-03-02"),
                                 NULL);
  g_assert_no_error (error);
  draft = kurs_xml_export_live (f->store, strategy, NULL, &error);
  g_assert_no_error (error);

  version_behind = export_in_background (f, strategy, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (version_behind, version));
  draft_behind = export_in_background (f, strategy, KURS_XML_EXPORT_DRAFT, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (draft_behind, draft));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (draft_behind, NULL), g_bytes_get_size (draft_behind),
                                  "Status på handleplanen for Ældrerådet"));

  g_assert_true (kurs_store_delete (f->store, strategy, &error));
  g_assert_no_error (error);
  gone = export_in_background (f, strategy, KURS_XML_EXPORT_DRAFT, &error);
  g_assert_null (gone);
  g_assert_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND);
}

/* Read and checked in a thread, added here: the same strategy as a whole
 * import; a file that is no strategy is refused in the thread, and the
 * library is as it was */
typedef struct {
  GMainLoop     *loop;
  KursXmlParsed *parsed;
  GError        *error;
} Parsing;

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Parsing *parsing = user_data;

  parsing->parsed = kurs_xml_parse_finish (result, &parsing->error);
  g_main_loop_quit (parsing->loop);
}

static KursXmlParsed *
parse_in_background (GBytes  *xml,
                     GError **error)
{
  Parsing parsing = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  kurs_xml_parse_async (xml, NULL, parsed_cb, &parsing);
  g_main_loop_run (parsing.loop);
  g_main_loop_unref (parsing.loop);
  if (parsing.error != NULL)
    g_propagate_error (error, parsing.error);
  return parsing.parsed;
}

static void
test_import_parsed_in_background (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(KursRecord) strategy = approved_example (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = kurs_xml_export_version (f->store, strategy, 0, &error);
  g_autoptr(KursStore) other = open_other (f, "other.kurs");
  g_autoptr(KursXmlParsed) parsed = NULL;
  g_autoptr(KursXmlParsed) not_parsed = NULL;
  g_autoptr(KursRecord) imported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) page = g_bytes_new_static ("<html><body>Dagsorden</body></html>", 35);
  g_autoptr(GPtrArray) strategies = NULL;

  g_assert_no_error (error);
  parsed = parse_in_background (xml, &error);
  g_assert_no_error (error);
  imported = kurs_xml_import_parsed (other, parsed, KURS_XML_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  again = kurs_xml_export_version (other, imported, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, xml));

  /* Added a few rows at a time: many steps, one strategy, one action; an
   * import given up halfway leaves nothing behind */
  {
    g_autoptr(KursStore) third = open_other (f, "third.kurs");
    g_autoptr(KursRecord) stepped = NULL;
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GBytes) stepped_xml = NULL;
    KursXmlImport *import;
    guint steps = 1;

    import = kurs_xml_import_begin (third, kurs_xml_parsed_copy (parsed), KURS_XML_IMPORT_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_false (kurs_xml_import_step (import, 1));
    kurs_xml_import_end (import, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    none = kurs_store_list_strategies (third, NULL);
    g_assert_cmpuint (none->len, ==, 0);

    import = kurs_xml_import_begin (third, kurs_xml_parsed_copy (parsed), KURS_XML_IMPORT_DEFAULT, &error);
    g_assert_no_error (error);
    while (!kurs_xml_import_step (import, 1))
      steps++;
    g_assert_cmpuint (steps, >, 1);
    stepped = kurs_xml_import_end (import, &error);
    g_assert_no_error (error);
    stepped_xml = kurs_xml_export_version (third, stepped, 0, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stepped_xml, xml));
    g_assert_cmpstr (kurs_store_get_undo_label (third), ==, "Import strategy");
  }

  not_parsed = parse_in_background (page, &error);
  g_assert_null (not_parsed);
  g_assert_error (error, KURS_XML_ERROR, KURS_XML_ERROR_NOT_KURS);
  strategies = kurs_store_list_strategies (other, NULL);
  g_assert_cmpuint (strategies->len, ==, 1);
}

/* The words of a tree kurs_xml_parse() builds: each text node, then a
 * space, in document order (how the search index was first filled) */
static void
tree_words (xmlNodePtr  node,
            GString    *text)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        {
          g_string_append (text, (const char *) child->content);
          g_string_append_c (text, ' ');
        }
      else if (child->type == XML_ELEMENT_NODE)
        tree_words (child, text);
    }
}

static char *
words_of_tree (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(xmlDoc) doc = kurs_xml_parse (bytes, NULL);
  GString *text = g_string_new (NULL);

  if (doc != NULL)
    tree_words (xmlDocGetRootElement (doc), text);
  return g_string_free (text, FALSE);
}

/* kurs_xml_text_content() reads the XML as a stream: the same words, with
 * the same spaces, as the tree gives, for the example's XML and for
 * spaces where the tree keeps or drops them (mixed content, an element of
 * only spaces, CDATA, entities); nothing of what is not a Kurs strategy */
static void
test_text_content (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "example", "udsattestrategi.xml", NULL);
  g_autofree char *example = kurs_test_read_file (path, NULL);
  g_autofree char *long_text = NULL;
  const char *samples[] = {
    example,
    "<strategy xmlns=\"" KURS_XML_NAMESPACE "\"><title> </title>\n  <vision>Hjem <em>først</em> <em>og</em> så\n"
    "  </vision>\n  <goals>\n    <goal><title>  Tryghed &amp; trivsel </title></goal>\n  </goals>"
    "<x><![CDATA[rå <tekst>]]></x><y>\n</y><z><a/> <b/></z></strategy>",
    "<strategy xmlns=\"" KURS_XML_NAMESPACE "\">  <a>æ</a>  <b> ø </b>å</strategy>",
    NULL,   /* a long text, below */
  };
  const char *refused[] = {
    "<other xmlns=\"" KURS_XML_NAMESPACE "\"><title>Ikke en strategi</title></other>",
    "<strategy><title>Uden navnerum</title></strategy>",
    "<strategy xmlns=\"" KURS_XML_NAMESPACE "\"><title>Afbrudt",
    "<!DOCTYPE strategy [<!ENTITY a \"aaaa\">]><strategy xmlns=\"" KURS_XML_NAMESPACE "\"><t>&a;</t></strategy>",
    "",
  };
  GString *built = g_string_new ("<strategy xmlns=\"" KURS_XML_NAMESPACE "\">\n  <vision>");

  for (guint i = 0; i < 20000; i++)
    g_string_append (built, i % 50 == 0 ? "&amp; " : "boligsocial ");
  g_string_append (built, "</vision>\n  <t>   </t>\n</strategy>");
  samples[G_N_ELEMENTS (samples) - 1] = long_text = g_string_free (built, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *streamed = kurs_xml_text_content (samples[i], -1);
      g_autofree char *from_tree = words_of_tree (samples[i]);

      g_assert_cmpuint (strlen (from_tree), >, 0);
      g_assert_cmpstr (streamed, ==, from_tree);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *streamed = kurs_xml_text_content (refused[i], -1);

      g_assert_cmpstr (streamed, ==, "");
    }
  {
    g_autofree char *none = kurs_xml_text_content (NULL, -1);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define ADD(path, func) \
  g_test_add ("/xml/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/xml/text-content", test_text_content);
  ADD ("import/ids-and-references-checked-by-importer", test_refuse_ids_and_references);
  ADD ("export/example-is-valid", test_example_is_valid);
  ADD ("export/golden", test_golden);
  ADD ("export/in-background", test_export_in_background);
  ADD ("import/parsed-in-background", test_import_parsed_in_background);
  ADD ("export/no-version", test_no_version);
  ADD ("export/guard", test_export_guard);
  ADD ("round-trip/example", test_round_trip_example);
  ADD ("round-trip/every-entity", test_round_trip_every_entity);
  ADD ("round-trip/draft", test_round_trip_draft);
  ADD ("round-trip/whitespace", test_round_trip_whitespace);
  ADD ("round-trip/uids", test_uids_through_import);
  ADD ("round-trip/at-limit", test_round_trip_at_limit);
  ADD ("schema/text-limit", test_schema_limit);
  ADD ("import/duplicate", test_import_duplicate);
  ADD ("import/invalid-first", test_import_invalid_first);
  ADD ("import/refused-row", test_import_refused_row);
  ADD ("import/undo-redo", test_import_undo_redo);
  ADD ("import/history", test_import_history);
  ADD ("import/after-failed", test_import_after_failed);
  ADD ("import/seen-by-another", test_import_seen_by_another);
  ADD ("import/attribute-references", test_import_attribute_references);
  ADD ("import/far-line", test_import_far_line);
  ADD ("import/other-encoding", test_import_other_encoding);
  ADD ("validate/messages", test_validate_messages);
  ADD ("check/as-written", test_checker);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml/refuse/%s", bad_files[i].name);

      g_test_add (path, Fixture, &bad_files[i], fixture_set_up, test_refuse, fixture_tear_down);
    }

  return g_test_run ();
}
