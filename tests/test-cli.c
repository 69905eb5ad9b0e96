/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kurs-csv-import.h"
#include "kurs-store.h"
#include "kurs-test-util.h"

/* Drives the real kurs-cli binary (its path is in $KURS_CLI). */

typedef struct {
  char *dir;
  char *library;
  char *data_home;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = kurs_test_make_dir ();
  f->library = g_build_filename (f->dir, "library.kurs", NULL);
  f->data_home = g_build_filename (f->dir, "data", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kurs_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->library);
  g_free (f->data_home);
}

static Result
run_argv (Fixture            *f,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };

  g_ptr_array_add (argv, (gpointer) g_getenv ("KURS_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &r.out, &r.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  r.status = g_subprocess_get_exit_status (process);

  return r;
}

#define RUN(f, ...) run_argv (f, (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_one_line_error (Result *r)
{
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "kurs-cli: "));
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  /* exactly one line */
  g_assert_true (strchr (r->err, '\n') == r->err + strlen (r->err) - 1);
}

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;

  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}

/* The README's first experience: example, then list, on the default library */
static void
test_example_then_list (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "example");
  g_auto(Result) list = { 0 };
  g_autofree char *id = strip (example.out);
  g_autofree char *expected = NULL;
  g_autofree char *library = g_build_filename (f->data_home, "kurs", "library.kurs", NULL);

  g_assert_cmpint (example.status, ==, 0);
  g_assert_cmpstr (example.err, ==, "");
  g_assert_cmpuint (strlen (id), ==, 8);
  g_assert_true (g_file_test (library, G_FILE_TEST_IS_REGULAR));

  /* Both strategies of the example, by title; the id printed is the
   * strategy for vulnerable adults, approved in 2022 */
  list = RUN (f, "list");
  g_assert_cmpint (list.status, ==, 0);
  expected = g_strdup_printf ("\tdraft\tStrategi for Socialområdet 2024–2026\n%s\tapproved\tStrategi for udsatte borgere\n",
                              id);
  g_assert_true (g_str_has_suffix (list.out, expected));
  g_assert_cmpuint (strlen (list.out), ==, 8 + strlen (expected));
}

static void
test_new_and_show_json (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Æblestrategi for Ørestad",
                                "--period", "2024–2026", "--committee", "Børne- og Skoleudvalget");
  g_auto(Result) shown = { 0 };
  g_autofree char *id = strip (created.out);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpint (created.status, ==, 0);
  shown = RUN (f, "--file", f->library, "show", id, "--json");
  g_assert_cmpint (shown.status, ==, 0);

  node = parse_json (shown.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Æblestrategi for Ørestad");
  g_assert_cmpstr (json_object_get_string_member (object, "committee"), ==, "Børne- og Skoleudvalget");
  g_assert_cmpint (json_object_get_int_member (object, "start_year"), ==, 2024);
  g_assert_cmpint (json_object_get_int_member (object, "end_year"), ==, 2026);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "goals")), ==, 0);
}

static void
test_show_example (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_auto(Result) json = RUN (f, "--file", f->library, "show", id, "--json");
  g_auto(Result) text = RUN (f, "--file", f->library, "show", id);
  g_autoptr(JsonNode) node = parse_json (json.out);
  JsonObject *object = json_node_get_object (node);
  JsonArray *plans = json_object_get_array_member (object, "action_plans");
  JsonArray *milestones = json_object_get_array_member (object, "milestones");
  JsonObject *seminar = json_array_get_object_element (milestones, 0);

  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (plans), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (plans, 0), "title"),
                   ==, "Handleplan 2023–24");
  /* Milestones by date: the seminar of 20–21 May 2022 comes first */
  g_assert_cmpstr (json_object_get_string_member (seminar, "start_date"), ==, "2022-05-20");
  g_assert_true (json_object_get_boolean_member (seminar, "held"));

  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Budget 2022, punkt 1.3.5"));
  g_assert_nonnull (strstr (text.out, "Handleplan 2029"));
}

static void
test_list_json (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) a = RUN (f, "--file", f->library, "example");
  g_auto(Result) b = RUN (f, "--file", f->library, "new", "--title", "Sundhedspolitik", "--period", "2021-2025");
  g_auto(Result) list = RUN (f, "--file", f->library, "list", "--json");
  g_autoptr(JsonNode) node = parse_json (list.out);
  JsonArray *array = json_node_get_array (node);

  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  /* In title order */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "title"),
                   ==, "Strategi for Socialområdet 2024–2026");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "title"),
                   ==, "Strategi for udsatte borgere");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 2), "title"),
                   ==, "Sundhedspolitik");
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Result) none = RUN (f, "--file", f->library);
  g_auto(Result) unknown = RUN (f, "--file", f->library, "frobnicate");
  g_auto(Result) bad_option = RUN (f, "--file", f->library, "list", "--colour");
  g_auto(Result) missing_id = RUN (f, "--file", f->library, "show");
  g_auto(Result) missing_title = RUN (f, "--file", f->library, "new", "--period", "2022-2029");
  g_auto(Result) extra = RUN (f, "--file", f->library, "list", "extra");

  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  g_assert_cmpint (bad_option.status, ==, 2);
  g_assert_cmpint (missing_id.status, ==, 2);
  g_assert_cmpint (missing_title.status, ==, 2);
  g_assert_cmpint (extra.status, ==, 2);
}

static void
test_user_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "example");
  g_auto(Result) bad_id = RUN (f, "--file", f->library, "show", "ffffffff");
  g_auto(Result) bad_period = RUN (f, "--file", f->library, "new", "--title", "X", "--period", "2029-2022");
  g_auto(Result) bad_years = RUN (f, "--file", f->library, "new", "--title", "X", "--period", "tyve-tredive");
  g_auto(Result) blank_title = RUN (f, "--file", f->library, "new", "--title", "  ", "--period", "2022-2029");
  g_auto(Result) list = RUN (f, "--file", f->library, "list");

  g_assert_cmpint (bad_id.status, ==, 1);
  assert_one_line_error (&bad_id);
  g_assert_cmpint (bad_period.status, ==, 1);
  assert_one_line_error (&bad_period);
  g_assert_cmpint (bad_years.status, ==, 1);
  assert_one_line_error (&bad_years);
  g_assert_cmpint (blank_title.status, ==, 1);
  assert_one_line_error (&blank_title);

  /* Nothing was added by the failed commands: the example's two
   * strategies, a line each */
  {
    g_auto(GStrv) lines = g_strsplit (list.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[2], ==, "");
  }
}

static void
test_bad_library_untouched (Fixture       *f,
                            gconstpointer  data)
{
  const char *text = "Dette er et referat, ikke et bibliotek.\n";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Result) list = { 0 };
  g_auto(Result) create = { 0 };

  kurs_test_write_file (f->library, text, -1);
  before = kurs_test_checksum_file (f->library);

  list = RUN (f, "--file", f->library, "list");
  create = RUN (f, "--file", f->library, "new", "--title", "X", "--period", "2022-2029");

  g_assert_cmpint (list.status, ==, 1);
  assert_one_line_error (&list);
  g_assert_nonnull (strstr (list.err, "not a Kurs library"));
  g_assert_cmpint (create.status, ==, 1);

  after = kurs_test_checksum_file (f->library);
  g_assert_cmpstr (before, ==, after);
}

/* While Kurs has the library open, the command line may read it and
 * write it too (a nightly import of key figures), and Kurs takes in what
 * it wrote */
static void
test_library_open_in_kurs (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) open_in_kurs = kurs_store_open (f->library, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) strategies = NULL;
  g_auto(Result) list = { 0 };
  g_auto(Result) create = { 0 };

  g_assert_no_error (error);
  list = RUN (f, "--file", f->library, "list");
  create = RUN (f, "--file", f->library, "new", "--title", "Strategi for ældreområdet", "--period", "2024-2027");

  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Strategi for udsatte borgere"));
  g_assert_cmpstr (list.err, ==, "");
  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpstr (create.err, ==, "");

  g_assert_true (kurs_store_catch_up (open_in_kurs, &error));
  g_assert_no_error (error);
  strategies = kurs_store_list_strategies (open_in_kurs, &error);
  g_assert_cmpuint (strategies->len, ==, 3);
}

/* history: who changed what, newest first, as lines and as JSON; --since */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Strategi for udsatte borgere",
                                "--period", "2022-2029");
  g_autofree char *id = strip (created.out);
  g_auto(Result) added = RUN (f, "--file", f->library, "add", id, "goal", "title=Egen bolig");
  g_autofree char *goal = strip (added.out);
  g_auto(Result) renamed = RUN (f, "--file", f->library, "set", id, "goal", goal, "title=Flere i egen bolig æøå");
  g_auto(Result) hearing = RUN (f, "--file", f->library, "status", id, "in-hearing", "--date", "2022-09-01");
  g_auto(Result) text = RUN (f, "--file", f->library, "history", id);
  g_auto(Result) json = RUN (f, "--file", f->library, "history", id, "--json");
  g_auto(Result) later = RUN (f, "--file", f->library, "history", id, "--since", "2999-01-01");
  g_auto(Result) today = RUN (f, "--file", f->library, "history", id, "--since", "2000-01-01");
  g_auto(Result) bad = RUN (f, "--file", f->library, "history", id, "--since", "i går");
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) title = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *actions;
  JsonObject *set;
  JsonObject *change;
  guint title_line = G_MAXUINT;

  g_assert_cmpint (renamed.status, ==, 0);
  g_assert_cmpint (hearing.status, ==, 0);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  lines = g_strsplit (text.out, "\n", -1);
  /* newest first: the status change, a decision, then the new title */
  g_assert_nonnull (strstr (lines[0], "\tdecision\t"));
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\ttitle\t") != NULL && strstr (lines[i], "\tgoal\t") != NULL)
      title_line = i;
  g_assert_cmpuint (title_line, !=, G_MAXUINT);
  title = g_strsplit (lines[title_line], "\t", -1);
  g_assert_cmpuint (g_strv_length (title), ==, 9);
  g_assert_true (g_str_has_suffix (title[0], "Z"));
  g_assert_cmpstr (title[1], !=, "");
  g_assert_cmpstr (title[2], ==, "edit");
  g_assert_cmpstr (title[4], ==, "goal");
  g_assert_cmpstr (title[5], ==, "Flere i egen bolig æøå");
  g_assert_cmpstr (title[6], ==, "set");
  g_assert_cmpstr (title[7], ==, "title");
  g_assert_cmpstr (title[8], ==, "Egen bolig → Flere i egen bolig æøå");

  g_assert_cmpint (json.status, ==, 0);
  root = json_from_string (json.out, NULL);
  g_assert_nonnull (root);
  actions = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (actions), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (actions, 0), "kind"), ==, "decision");
  set = json_array_get_object_element (actions, 1);
  g_assert_cmpstr (json_object_get_string_member (set, "kind"), ==, "edit");
  g_assert_cmpint (json_object_get_int_member (set, "n_changes"), ==, 1);
  change = json_array_get_object_element (json_object_get_array_member (set, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "set");
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "title");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "Egen bolig");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "Flere i egen bolig æøå");
  g_assert_cmpstr (json_object_get_string_member (set, "person"), ==, json_object_get_string_member (
                     json_array_get_object_element (actions, 3), "person"));

  g_assert_cmpint (later.status, ==, 0);
  g_assert_cmpstr (later.out, ==, "");
  g_assert_cmpstr (today.out, ==, text.out);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--since"));
}

/* show --json is JSON that a strict parser reads, whatever the numbers:
 * read back by Python's json, with NaN and Infinity refused, each value
 * exactly as stored (-0 is stored by SQLite as 0, which equals it) */
static void
test_json_numbers (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const values[] = {
    "1e20", "1e-300", "1e308", "-0", "1.7976931348623157e308", "4.9e-324", "-2.2250738585072014e-308",
    "0.1", "100", "-3.5",
  };
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Tal", "--period", "2024-2026");
  g_autofree char *id = strip (created.out);
  g_autofree char *indicator = NULL;
  g_autoptr(GString) script = g_string_new (NULL);
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;

  {
    g_auto(Result) added = RUN (f, "--file", f->library, "add", id, "indicator", "name=Målt", "baseline=1e20");

    g_assert_cmpint (added.status, ==, 0);
    indicator = strip (added.out);
  }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-01-%02u", i + 1);
      g_auto(Result) measured = RUN (f, "--file", f->library, "measure", id, indicator, "--date", date,
                                     "--value", values[i]);

      g_test_message ("%s: %s", values[i], measured.err);
      g_assert_cmpint (measured.status, ==, 0);
    }

  /* Python compares each value with the same text read as a double */
  g_string_append (script,
                   "import json, sys\n"
                   "def refuse(name): raise ValueError(name)\n"
                   "doc = json.load(sys.stdin, parse_constant=refuse)\n"
                   "values = [m['value'] for i in doc['indicators'] for m in i['measurements']]\n"
                   "expected = [float(v) for v in sys.argv[1:]]\n"
                   "assert values == expected, (values, expected)\n"
                   "assert all(isinstance(v, float) for v in values)\n"
                   "assert doc['indicators'][0]['baseline'] == 1e20\n"
                   "print('ok')\n");
  {
    g_auto(Result) shown = RUN (f, "--file", f->library, "show", id, "--json");
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();

    g_assert_cmpint (shown.status, ==, 0);
    g_ptr_array_add (argv, (gpointer) "/usr/bin/python3");
    g_ptr_array_add (argv, (gpointer) "-c");
    g_ptr_array_add (argv, script->str);
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      g_ptr_array_add (argv, (gpointer) values[i]);
    g_ptr_array_add (argv, NULL);
    python = g_subprocess_newv ((const char * const *) argv->pdata,
                                G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (python, shown.out, NULL, &out, &err, &error);
    g_assert_no_error (error);
    g_test_message ("%s", err);
    g_assert_cmpstr (out, ==, "ok\n");
  }
}

/* Odd files named as input: a device, a pipe that nobody writes to, a
 * folder.  Each is refused at once, in one line, the library untouched
 * (before, /dev/zero was read to 2 GB and a pipe waited for ever). */
static void
test_odd_input_files (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.xml", NULL);
  g_autofree char *before = kurs_test_dump_library (f->library);
  g_autofree char *after = NULL;
  const char *odd[] = { "/dev/zero", fifo, f->dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_auto(Result) imported = RUN (f, "--file", f->library, "import", odd[i]);
      g_auto(Result) validated = RUN (f, "validate", odd[i]);
      g_auto(Result) sheet = RUN (f, "--file", f->library, "import-csv", id, odd[i]);

      g_test_message ("%s: %s", odd[i], imported.err);
      g_assert_cmpint (imported.status, ==, 1);
      assert_one_line_error (&imported);
      g_assert_cmpint (validated.status, ==, 1);
      g_assert_cmpint (sheet.status, ==, 1);
      assert_one_line_error (&sheet);
      if (i < 2)
        {
          g_assert_nonnull (strstr (imported.err, "pipe or a device"));
          g_assert_nonnull (strstr (sheet.err, "pipe or a device"));
        }
      else
        g_assert_nonnull (strstr (imported.err, "is a folder"));
    }

  after = kurs_test_dump_library (f->library);
  g_assert_cmpstr (before, ==, after);
}

/* A command that finds the library busy (another Kurs in the middle of an
 * action holds SQLite's write lock) waits for it: the holder commits a
 * second later, and the command goes through */
static void
test_lock_waits (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) holder = kurs_store_open (f->library, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GSubprocess) command = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) strategies = kurs_store_list_strategies (holder, NULL);

    g_assert_true (kurs_store_begin (holder, "Hold", &error));
    g_assert_true (kurs_store_set_text (holder, strategies->pdata[0], "committee", "Ældreudvalget", &error));
    g_assert_no_error (error);
  }
  command = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("KURS_CLI"), "--file", f->library, "add", id, "stakeholder",
                              "name=Ældrerådet", "kind=council", NULL);
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC);
  g_assert_true (kurs_store_commit (holder, &error));
  g_assert_no_error (error);
  kurs_store_close (holder);

  g_subprocess_communicate_utf8 (command, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (command), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* Commands that write at the same time wait their turn: none fails */
static void
test_concurrent_writers (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(Result) listed = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_councils = 0;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("name=Råd %u", i);
      GSubprocess *command = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                               &error, g_getenv ("KURS_CLI"), "--file", f->library, "add", id,
                                               "stakeholder", name, "kind=council", NULL);

      g_assert_no_error (error);
      g_ptr_array_add (commands, command);
    }
  for (guint i = 0; i < commands->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_subprocess_communicate_utf8 (commands->pdata[i], NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_cmpint (g_subprocess_get_exit_status (commands->pdata[i]), ==, 0);
    }

  listed = RUN (f, "--file", f->library, "list", id, "stakeholder");
  lines = g_strsplit (listed.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "name=Råd "))
      n_councils++;
  g_assert_cmpuint (n_councils, ==, 8);
}

static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Result) r = RUN (f, "--file", f->library, "new", "--title", "Bad \xff\xfe title",
                          "--period", "2022-2029");

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "UTF-8"));
}

/* The example's strategy in draft (the one for the social area): its id,
 * from the list */
static char *
draft_example_id (Fixture *f)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_auto(Result) list = RUN (f, "--file", f->library, "list");
  g_auto(GStrv) lines = g_strsplit (list.out, "\n", -1);

  g_assert_cmpint (example.status, ==, 0);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "\tdraft\t"))
      return g_strndup (lines[i], strcspn (lines[i], "\t"));
  g_error ("The example has no strategy in draft");
}

/* Approval and XML from the command line */
static void
test_approve_export_import (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.kurs", NULL);
  g_autofree char *xml = g_build_filename (f->dir, "strategy.xml", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.xml", NULL);
  g_autofree char *id = draft_example_id (f);
  g_auto(Result) hearing = RUN (f, "--file", f->library, "status", id, "in-hearing", "--date", "2023-11-08");
  g_auto(Result) approve = RUN (f, "--file", f->library, "approve", id, "--date", "2023-11-29");
  g_auto(Result) versions = RUN (f, "--file", f->library, "versions", id);
  g_auto(Result) export = RUN (f, "--file", f->library, "export", id, "-o", xml);
  g_auto(Result) validate = RUN (f, "validate", xml);
  g_auto(Result) import = RUN (f, "--file", other, "import", xml);
  g_autofree char *imported = strip (import.out);
  g_auto(Result) export_again = RUN (f, "--file", other, "export", imported, "-o", again);
  g_auto(Result) list = RUN (f, "--file", f->library, "list");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_cmpint (hearing.status, ==, 0);
  g_assert_cmpint (approve.status, ==, 0);
  g_assert_cmpstr (approve.out, ==, "1\n");
  g_assert_cmpstr (versions.out, ==, "1\t2023-11-29\tSocialudvalget\n");
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_true (g_str_has_suffix (validate.out, ": valid\n"));
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (imported, ==, id);
  g_assert_cmpint (export_again.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, id));
  g_assert_nonnull (strstr (list.out, "\tapproved\tStrategi for Socialområdet"));

  /* Into an empty library, import then export gives the same bytes */
  a = kurs_test_checksum_file (xml);
  b = kurs_test_checksum_file (again);
  g_assert_cmpstr (a, ==, b);
}

static void
test_xml_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "strategy.xml", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.xml", NULL);
  g_autofree char *never = g_build_filename (f->dir, "never.xml", NULL);
  g_autofree char *id = draft_example_id (f);
  g_auto(Result) no_version = RUN (f, "--file", f->library, "export", id, "-o", never);
  g_auto(Result) no_output = RUN (f, "--file", f->library, "export", id);
  g_auto(Result) draft = RUN (f, "--file", f->library, "export", id, "--draft", "-o", xml);
  g_auto(Result) to_approved = RUN (f, "--file", f->library, "status", id, "approved");
  g_auto(Result) bad_status = RUN (f, "--file", f->library, "status", id, "finished");
  g_auto(Result) bad_date = RUN (f, "--file", f->library, "approve", id, "--date", "2022-02-30");
  g_auto(Result) validate = { 0 };
  g_auto(Result) import = { 0 };
  g_auto(Result) duplicate = { 0 };
  g_auto(Result) copy = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (no_version.status, ==, 1);
  assert_one_line_error (&no_version);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_cmpint (draft.status, ==, 0);
  g_assert_cmpint (to_approved.status, ==, 1);
  g_assert_cmpint (bad_status.status, ==, 1);
  g_assert_cmpint (bad_date.status, ==, 1);
  assert_one_line_error (&bad_date);

  /* A broken file: validate names the line, import refuses it */
  contents = kurs_test_read_file (xml, NULL);
  {
    g_autoptr(GString) s = g_string_new (contents);

    g_string_replace (s, "included=\"true\"", "included=\"picnic\"", 1);
    kurs_test_write_file (broken, s->str, s->len);
  }
  before = kurs_test_dump_library (f->library);
  validate = RUN (f, "validate", broken);
  import = RUN (f, "--file", f->library, "import", broken);
  duplicate = RUN (f, "--file", f->library, "import", xml);
  after = kurs_test_dump_library (f->library);

  g_assert_cmpint (validate.status, ==, 1);
  g_assert_nonnull (strstr (validate.err, "broken.xml: line "));
  g_assert_nonnull (strstr (validate.err, "picnic"));
  g_assert_cmpint (import.status, ==, 1);
  assert_one_line_error (&import);
  g_assert_cmpint (duplicate.status, ==, 1);
  assert_one_line_error (&duplicate);
  g_assert_cmpstr (before, ==, after);

  copy = RUN (f, "--file", f->library, "import", "--as-copy", xml);
  g_assert_cmpint (copy.status, ==, 0);
}

/* add and set: a process built from the command line, each bad value
 * refused with one line and nothing written */
static void
test_add_and_set (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Planstrategi", "--period", "2027-2030");
  g_autofree char *id = strip (created.out);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object, *milestone, *party;
  gsize before_length, after_length;

  {
    g_auto(Result) seminar = RUN (f, "--file", f->library, "add", id, "milestone", "kind=seminar",
                                  "title=Seminar på Rådhuset", "start_date=2027-03-01", "committee=Økonomiudvalget");
    g_auto(Result) figures = RUN (f, "--file", f->library, "add", id, "milestone", "kind=data-release",
                                  "title=Nøgletal", "start_date=2027-09-01", "repeat_every_years=2",
                                  "repeat_until_year=2030");
    g_auto(Result) council = RUN (f, "--file", f->library, "add", id, "stakeholder", "name=Ældrerådet", "kind=council");
    g_auto(Result) round = RUN (f, "--file", f->library, "add", id, "hearing_round", "title=Høring",
                                "sent_date=2027-05-01", "deadline=2027-06-01");
    g_auto(Result) added = { 0 };
    g_auto(Result) answered = { 0 };
    g_autofree char *parent = strip (round.out);
    g_autofree char *stakeholder = g_strdup_printf ("stakeholder_id=%s", g_strstrip (council.out));
    g_autofree char *number = NULL;

    g_assert_cmpint (seminar.status, ==, 0);
    g_assert_cmpint (figures.status, ==, 0);
    g_assert_cmpint (council.status, ==, 0);
    g_assert_cmpint (round.status, ==, 0);
    added = RUN (f, "--file", f->library, "add", id, "hearing_party", "--parent", parent, stakeholder);
    g_assert_cmpint (added.status, ==, 0);
    number = strip (added.out);
    answered = RUN (f, "--file", f->library, "set", id, "hearing_party", number,
                    "response_date=2027-05-20", "response_text=Vi støtter strategien");
    g_assert_cmpint (answered.status, ==, 0);
    g_assert_cmpstr (answered.err, ==, "");
  }

  {
    g_auto(Result) shown = RUN (f, "--file", f->library, "show", id, "--json");

    node = parse_json (shown.out);
    object = json_node_get_object (node);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "milestones")), ==, 2);
    milestone = json_array_get_object_element (json_object_get_array_member (object, "milestones"), 1);
    g_assert_cmpstr (json_object_get_string_member (milestone, "title"), ==, "Nøgletal");
    g_assert_cmpint (json_object_get_int_member (milestone, "repeat_every_years"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (milestone, "repeat_until_year"), ==, 2030);
    party = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (object, "hearing_rounds"), 0),
                                    "parties"), 0);
    g_assert_cmpstr (json_object_get_string_member (party, "response_date"), ==, "2027-05-20");
    g_assert_cmpstr (json_object_get_string_member (party, "response_text"), ==, "Vi støtter strategien");
  }

  /* Refused, each with one line, exit 1, and the library as it was */
  g_assert_true (g_file_get_contents (f->library, &before, &before_length, NULL));
  {
    const char *bad[][6] = {
      { "add", id, "milestone", "kind=bogus", "title=X", "start_date=2027-01-01" },
      { "add", id, "milestone", "kind=seminar", "title=X", "start_date=2027-02-30" },
      { "add", id, "milestone", "kind=seminar", "title", "start_date=2027-01-01" },
      { "add", id, "milestone", "kind=seminar", "colour=red", "start_date=2027-01-01" },
      { "add", id, "version", "number=2", "title=X", "start_date=2027-01-01" },
      { "set", id, "milestone", "99", "title=X", "held=true" },
      { "set", id, "milestone", "1", "title=Nyt navn", "start_date=2027-13-01" },
      { "add", id, "hearing_party", "--parent=99", "stakeholder_id=1", "handling_note=X" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Result) r = RUN (f, "--file", f->library, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5]);

        g_test_message ("%s %s %s %s: %s", bad[i][0], bad[i][2], bad[i][3], bad[i][4], r.err);
        g_assert_cmpint (r.status, ==, 1);
        assert_one_line_error (&r);
      }
  }
  g_assert_true (g_file_get_contents (f->library, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* A record that needs one, without --parent, is a usage error */
  {
    g_auto(Result) r = RUN (f, "--file", f->library, "add", id, "hearing_party", "stakeholder_id=1");

    g_assert_cmpint (r.status, ==, 2);
  }
}

/* The text of a PDF, through poppler's pdftotext */
static char *
pdf_text (const char *path)
{
  return kurs_test_run_tool ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
}

/* The consultant's workbench, by script: plan the process from a target
 * date, send the draft to three parties, record two responses, see who
 * is overdue, and print the hearing summary */
static void
test_process_and_hearing (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Ældrestrategi", "--period", "2026-2030",
                                "--committee", "Social- og Sundhedsudvalget");
  g_autofree char *id = strip (created.out);
  g_autofree char *council = NULL, *seniors = NULL, *board = NULL;
  g_autofree char *round = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "høringsnotat.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_length, after_length;

  {
    g_auto(Result) a = RUN (f, "--file", f->library, "add", id, "stakeholder", "name=Handicaprådet", "kind=council");
    g_auto(Result) b = RUN (f, "--file", f->library, "add", id, "stakeholder", "name=Ældrerådet", "kind=council");
    g_auto(Result) c = RUN (f, "--file", f->library, "add", id, "stakeholder", "name=Fritidsnævnet", "kind=board");

    council = strip (a.out);
    seniors = strip (b.out);
    board = strip (c.out);
  }

  /* The path to a final approval on 30 November 2027, with a hearing of
   * three weeks; the stakeholders are its parties */
  {
    g_auto(Result) planned = RUN (f, "--file", f->library, "plan-process", id, "--approval", "2027-11-30",
                                  "--hearing-weeks", "3");
    g_auto(Result) milestones = { 0 };
    g_auto(Result) hearing = { 0 };

    g_assert_cmpint (planned.status, ==, 0);
    round = strip (planned.out);
    milestones = RUN (f, "--file", f->library, "list", id, "milestone");
    g_assert_cmpint (milestones.status, ==, 0);
    g_assert_nonnull (strstr (milestones.out, "kind=seminar\t"));
    /* The strategy is Danish, so its steps are */
    g_assert_nonnull (strstr (milestones.out, "kind=approval\ttitle=Udvalgsmøde: strategien godkendes endeligt"
                                              "\tstart_date=2027-11-30\tcommittee=Social- og Sundhedsudvalget"));
    g_assert_nonnull (strstr (milestones.out, "kind=hearing\ttitle=Høring hos råd, nævn og andre udvalg"
                                              "\tstart_date=2027-11-02\tend_date=2027-11-23"));
    {
      g_auto(GStrv) lines = g_strsplit (milestones.out, "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), ==, 11);
    }

    hearing = RUN (f, "--file", f->library, "hearing", id, round);
    g_assert_cmpint (hearing.status, ==, 0);
    g_assert_cmpuint (strlen (hearing.out), >, 0);
  }

  /* A hearing of its own, sent to three parties */
  {
    g_auto(Result) sent = RUN (f, "--file", f->library, "send-to-hearing", id, "--title", "Høring om ældrestrategien",
                               "--sent", "2026-09-01", "--deadline", "29.09.2026",
                               "--party", council, "--party", seniors, "--party", board);
    g_auto(Result) first = { 0 }, second = { 0 }, parties = { 0 }, hearing = { 0 };
    g_autofree char *expected = NULL;
    g_auto(GStrv) lines = NULL;
    g_autofree char *parent = NULL;

    g_assert_cmpint (sent.status, ==, 0);
    g_free (round);
    round = strip (sent.out);
    parent = g_strdup_printf ("--parent=%s", round);

    parties = RUN (f, "--file", f->library, "list", id, "hearing_party", parent);
    lines = g_strsplit (g_strstrip (parties.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);

    /* two respond, one on time and one late; Fritidsnævnet does not */
    first = RUN (f, "--file", f->library, "set", id, "hearing_party", strtok (lines[0], "\t"),
                 "response_date=2026-09-20", "response_text=Vi støtter strategien.",
                 "handling_note=Tilgængelighed er skrevet ind i afsnit 2.");
    second = RUN (f, "--file", f->library, "set", id, "hearing_party", strtok (lines[1], "\t"),
                  "response_date=2026-10-02", "response_text=Æ, ø og å: ældre skal høres.");
    g_assert_cmpint (first.status, ==, 0);
    g_assert_cmpint (second.status, ==, 0);

    /* KURS_TODAY is 2026-11-24: the deadline has passed */
    hearing = RUN (f, "--file", f->library, "hearing", id, round);
    expected = g_strdup_printf ("%s\t%s\tanswered\t2026-09-20\tHandicaprådet\n"
                                "%s\t%s\tanswered\t2026-10-02\tÆldrerådet\n"
                                "%s\t%s\toverdue\t-\tFritidsnævnet\n",
                                round, council, round, seniors, round, board);
    g_assert_cmpstr (hearing.out, ==, expected);
  }

  /* The hearing summary, as PDF */
  {
    g_auto(Result) printed = RUN (f, "--file", f->library, "hearing-summary", id, round, "-o", pdf);

    g_assert_cmpint (printed.status, ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Hearing Summary"));
    g_assert_nonnull (strstr (text, "Høring om ældrestrategien"));
    g_assert_nonnull (strstr (text, "2 of 3 answered · 1 overdue"));
    g_assert_nonnull (strstr (text, "Vi støtter strategien."));
    g_assert_nonnull (strstr (text, "Tilgængelighed er skrevet ind i afsnit 2."));
    g_assert_nonnull (strstr (text, "Æ, ø og å: ældre skal høres."));
    g_assert_nonnull (strstr (text, "after the deadline"));
    g_assert_nonnull (strstr (text, "Fritidsnævnet (Overdue)"));
  }

  /* Refused, each with one line, exit 1, and the library as it was */
  g_assert_true (g_file_get_contents (f->library, &before, &before_length, NULL));
  {
    const char *bad[][7] = {
      { "plan-process", id, "--approval", "2027-02-30", NULL },
      { "plan-process", id, "--approval", "2027-11-30", "--by-law", "--hearing-weeks=6", NULL },
      { "plan-process", id, "--approval", "2027-11-30", "--hearing-weeks=0", NULL },
      { "send-to-hearing", id, "--party", "999", NULL },
      { "send-to-hearing", id, "--party", council, "--milestone", "999" },
      { "send-to-hearing", id, "--party", council, "--sent", "2027-05-01", "--deadline=2027-04-01" },
      { "hearing", id, "999", NULL },
      { "hearing-summary", id, "999", "-o", pdf, NULL },
      { "list", id, "nonsense", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Result) r = run_argv (f, (const char * const[]) { "--file", f->library, bad[i][0], bad[i][1], bad[i][2],
                                                                 bad[i][3], bad[i][4], bad[i][5], bad[i][6], NULL });

        g_test_message ("%s %s %s: %s", bad[i][0], bad[i][2], bad[i][3], r.err);
        g_assert_cmpint (r.status, ==, 1);
        assert_one_line_error (&r);
      }
  }
  g_assert_true (g_file_get_contents (f->library, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* The manager's desk, by script: plans and initiatives with their health
 * and coverage, measurements one by one and from CSV, the calendar and
 * the strategy as PDF */
static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_autofree char *csv = g_build_filename (f->dir, "nøgletal.csv", NULL);
  g_autofree char *bad_csv = g_build_filename (f->dir, "fejl.csv", NULL);
  g_autofree char *ics = g_build_filename (f->dir, "udsattestrategi.ics", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "udsattestrategi.pdf", NULL);
  g_autofree char *before = NULL, *after = NULL, *text = NULL;
  gsize before_length, after_length;

  /* The plans: progress, goals uncovered, which is current (KURS_TODAY
   * is 2026-11-24); the example's first plan is all but done, its second
   * nearly so, the others not begun */
  {
    g_auto(Result) plans = RUN (f, "--file", f->library, "plan", id);

    g_assert_cmpint (plans.status, ==, 0);
    g_assert_cmpstr (plans.out, ==,
                     "1\t2023-01-01\t2024-12-31\t98\t0\t-\tHandleplan 2023–24\n"
                     "2\t2025-01-01\t2026-12-31\t90\t0\tcurrent\tHandleplan 2025–26\n"
                     "3\t2027-01-01\t2028-12-31\t0\t0\t-\tHandleplan 2027–28\n"
                     "4\t2029-01-01\t2029-12-31\t0\t0\t-\tHandleplan 2029\n");
  }

  /* An initiative in it: a fifth of the way, nearly all the time gone */
  {
    g_auto(Result) added = RUN (f, "--file", f->library, "initiative", id, "2", "--title", "Boligsocial indsats",
                                "--owner", "Center for Social Indsats", "--start", "2025-01-01", "--end", "2026-12-31",
                                "--status", "on-track", "--progress", "20", "--goal", "1", "--goal", "2");
    g_auto(Result) plan = { 0 };

    g_assert_cmpint (added.status, ==, 0);
    plan = RUN (f, "--file", f->library, "plan", id, "2");
    /* typed on track; 20 % of the 94 % the calendar asks: behind */
    g_assert_nonnull (strstr (plan.out, "\ton-track\t20\t94\tbehind\tBoligsocial indsats\n"));
  }

  /* Measurements, one and from a Danish sheet */
  {
    g_auto(Result) one = RUN (f, "--file", f->library, "measure", id, "1", "--date", "2022-02-01", "--value", "61",
                              "--note", "VIVE 2022");
    g_auto(Result) imported = { 0 }, listed = { 0 };

    g_assert_cmpint (one.status, ==, 0);
    kurs_test_write_file (csv, "Måleparameter;Dato;Værdi;Note\n"
                               "Hjemløse borgere i Ballerup (VIVE's hjemløsetælling);01.02.2024;58;VIVE 2024\n"
                               "1;01.02.2026;52,5;\n", -1);
    imported = RUN (f, "--file", f->library, "import-csv", id, csv);
    g_assert_cmpint (imported.status, ==, 0);
    g_assert_cmpstr (imported.out, ==, "2\n");
    listed = RUN (f, "--file", f->library, "measure", id, "1");
    /* beside the example's own */
    g_assert_cmpstr (listed.out, ==, "2022-02-01\t61\tVIVE 2022\n2022-02-07\t61\tEksempeltal\n"
                                     "2024-02-01\t58\tVIVE 2024\n2024-02-07\t58\tEksempeltal\n"
                                     "2026-02-01\t52.5\t\n2026-02-07\t53\tEksempeltal\n");
  }

  /* Bad lines: one message each, exit 1, nothing imported */
  g_assert_true (g_file_get_contents (f->library, &before, &before_length, NULL));
  {
    g_auto(Result) refused = { 0 };
    g_auto(GStrv) lines = NULL;

    kurs_test_write_file (bad_csv, "indikator,dato,værdi\n"
                                   "Nøgletal på udsatteområdet: borgere på forsorgshjem,2025-12-31,12\n"
                                   "Nøgletal på udsatteområdet: borgere på forsorgshjem,31.02.2025,12\n"
                                   "Ukendt,2025-12-31,12\n"
                                   "Nøgletal på udsatteområdet: borgere på forsorgshjem,2025-12-31,tolv\n", -1);
    refused = RUN (f, "--file", f->library, "import-csv", id, bad_csv);
    g_assert_cmpint (refused.status, ==, 1);
    g_assert_cmpstr (refused.out, ==, "");
    lines = g_strsplit (g_strstrip (refused.err), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_nonnull (strstr (lines[0], "Line 3: “31.02.2025” is not a date"));
    g_assert_nonnull (strstr (lines[1], "Line 4: the strategy has no indicator “Ukendt”"));
    g_assert_nonnull (strstr (lines[2], "Line 5: “tolv” is not a number"));
    g_assert_nonnull (strstr (lines[3], "3 lines are not measurements; nothing was imported"));
  }
  /* A file too large to be a sheet of measurements: refused before it is read */
  {
    g_autofree char *huge = g_build_filename (f->dir, "huge.csv", NULL);
    g_auto(Result) refused = { 0 };
    FILE *out = fopen (huge, "w");

    g_assert_nonnull (out);
    g_assert_cmpint (fseek (out, KURS_CSV_MAX_BYTES, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc ('\n', out), ==, '\n');
    g_assert_cmpint (fclose (out), ==, 0);
    refused = RUN (f, "--file", f->library, "import-csv", id, huge);
    g_assert_cmpint (refused.status, ==, 1);
    g_assert_nonnull (strstr (refused.err, "too large to be a sheet of measurements (more than 16 MB)"));
  }
  {
    const char *bad[][8] = {
      { "measure", id, "1", "--date", "2025-13-01", "--value", "3", NULL },
      { "measure", id, "99", "--date", "2025-12-01", "--value", "3", NULL },
      { "measure", id, "1", "--date", "2025-12-01", "--value", "tre", NULL },
      { "measure", id, "1", "--date", "2025-12-01", "--value", "0x1p3", NULL },
      { "measure", id, "1", "--date", "2025-12-01", "--value", "nan", NULL },
      { "initiative", id, "2", "--title", "X", "--status", "soon", NULL },
      { "initiative", id, "2", "--title", "X", "--progress", "140", NULL },
      { "initiative", id, "2", "--title", "X", "--goal", "99", NULL },
      { "initiative", id, "2", "--title", "X", "--start", "2026-05-01", "--end=2026-04-01" },
      { "plan", id, "99", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Result) r = run_argv (f, (const char * const[]) { "--file", f->library, bad[i][0], bad[i][1], bad[i][2],
                                                                 bad[i][3], bad[i][4], bad[i][5], bad[i][6], bad[i][7],
                                                                 NULL });

        g_test_message ("%s %s %s %s: %s", bad[i][0], bad[i][2], bad[i][3], bad[i][4], r.err);
        g_assert_cmpint (r.status, ==, 1);
        assert_one_line_error (&r);
      }
  }
  g_assert_true (g_file_get_contents (f->library, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* The calendar */
  {
    g_auto(Result) exported = RUN (f, "--file", f->library, "export-ics", id, "-o", ics);
    g_autofree char *calendar = NULL;

    g_assert_cmpint (exported.status, ==, 0);
    g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
    g_assert_true (g_str_has_prefix (calendar, "BEGIN:VCALENDAR\r\n"));
    g_assert_nonnull (strstr (calendar, "RRULE:FREQ=YEARLY;UNTIL=20281231;INTERVAL=2\r\n"));
    g_assert_nonnull (strstr (calendar, "SUMMARY:Deadline: Boligsocial indsats\r\n"));
  }

  /* The strategy as PDF: its pages, its text as typed, the timeline */
  {
    g_auto(Result) printed = RUN (f, "--file", f->library, "print-pdf", id, "-o", pdf);
    g_autofree char *info = NULL;

    g_assert_cmpint (printed.status, ==, 0);
    info = kurs_test_run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
    g_assert_nonnull (strstr (info, "Title:           Strategi for udsatte borgere"));
    {
      const char *pages = strstr (info, "Pages:");

      g_assert_nonnull (pages);
      g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 4);
    }

    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Strategi for udsatte borgere"));
    g_assert_nonnull (strstr (text, "Mandate"));
    g_assert_nonnull (strstr (text, "Budget 2021, punkt 1.4.2"));
    g_assert_nonnull (strstr (text, "Development Goals"));
    g_assert_nonnull (strstr (text, "Det modsatte af udsathed (eksempel på udviklingsmål)"));
    g_assert_nonnull (strstr (text, "Action Plans"));
    g_assert_nonnull (strstr (text, "Boligsocial indsats"));
    /* the initiatives are a table: a cell's lines follow one another in
     * the PDF's own order */
    {
      g_autofree char *raw = kurs_test_run_tool ((const char *[]) { "pdftotext", "-raw", pdf, "-", NULL });
      g_auto(GStrv) words = g_strsplit_set (raw, " \n", -1);
      g_autofree char *flat = NULL;
      guint kept = 0;

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          words[kept++] = words[i];
        else
          g_free (words[i]);
      words[kept] = NULL;
      flat = g_strjoinv (" ", words);
      g_assert_nonnull (strstr (flat, "Behind: 20 % done"));
    }
    g_assert_nonnull (strstr (text, "Timeline"));
    g_assert_nonnull (strstr (text, "Høring hos råd, nævn og andre udvalg"));
    g_assert_nonnull (strstr (text, "page 1 of"));
  }
}


/* The process commands do what they say: --by-law alone plans a hearing of
 * eight weeks; a second plan is refused unless it replaces the first;
 * sending the planned hearing fills its round; a response outside its
 * round's dates is refused */
static void
test_process_commands (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Result) created = RUN (f, "--file", f->library, "new", "--title", "Planstrategi 2027", "--period", "2027-2030",
                                "--committee", "Teknik- og Miljøudvalget");
  g_autofree char *id = strip (created.out);
  g_autofree char *council = NULL;
  g_autofree char *round = NULL;
  g_autofree char *hearing_milestone = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_length, after_length;

  {
    g_auto(Result) a = RUN (f, "--file", f->library, "add", id, "stakeholder", "name=Handicaprådet", "kind=council");

    g_assert_cmpint (a.status, ==, 0);
    council = strip (a.out);
  }

  /* --by-law alone: eight weeks, the hearing ending a week before approval */
  {
    g_auto(Result) planned = RUN (f, "--file", f->library, "plan-process", id, "--approval", "2027-11-30",
                                  "--by-law");
    g_auto(Result) milestones = { 0 };
    g_auto(GStrv) lines = NULL;

    g_test_message ("%s", planned.err);
    g_assert_cmpint (planned.status, ==, 0);
    round = strip (planned.out);
    milestones = RUN (f, "--file", f->library, "list", id, "milestone");
    /* in the strategy's language, Danish, though kurs-cli runs in the C locale */
    g_assert_nonnull (strstr (milestones.out, "kind=hearing\ttitle=Høring hos råd, nævn og andre udvalg"
                                              "\tstart_date=2027-09-28\tend_date=2027-11-23"));
    g_assert_nonnull (strstr (milestones.out, "title=Seminar: for hvem og hvilke indsatsområder?"));
    g_assert_nonnull (strstr (milestones.out, "committee=Kommunalbestyrelsen"));
    lines = g_strsplit (g_strstrip (milestones.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 10);
    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], "kind=hearing\t"))
        hearing_milestone = g_strndup (lines[i], strcspn (lines[i], "\t"));
    g_assert_nonnull (hearing_milestone);
  }

  /* Planned again: refused, in one line naming the way on, nothing added */
  g_assert_true (g_file_get_contents (f->library, &before, &before_length, NULL));
  {
    g_auto(Result) again = RUN (f, "--file", f->library, "plan-process", id, "--approval", "2028-03-14");

    g_assert_cmpint (again.status, ==, 1);
    assert_one_line_error (&again);
    g_assert_nonnull (strstr (again.err, "has a process plan already (10 steps)"));
    g_assert_nonnull (strstr (again.err, "--replace"));
  }
  g_assert_true (g_file_get_contents (f->library, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);

  /* --replace: the ten steps not yet held give way to the new plan */
  {
    g_auto(Result) replaced = RUN (f, "--file", f->library, "plan-process", id, "--approval", "2028-03-14",
                                   "--replace");
    g_auto(Result) milestones = { 0 };
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (replaced.status, ==, 0);
    g_free (round);
    round = strip (replaced.out);
    milestones = RUN (f, "--file", f->library, "list", id, "milestone");
    lines = g_strsplit (g_strstrip (milestones.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 10);
    g_assert_nonnull (strstr (milestones.out, "start_date=2028-03-14"));
    g_assert_null (strstr (milestones.out, "start_date=2027-11-30"));
    g_clear_pointer (&hearing_milestone, g_free);
    for (guint i = 0; lines[i]; i++)
      if (strstr (lines[i], "kind=hearing\t"))
        hearing_milestone = g_strndup (lines[i], strcspn (lines[i], "\t"));
    g_assert_nonnull (hearing_milestone);
  }

  /* send-to-hearing --milestone fills the planned round: the same round,
   * still one, with its dates as sent */
  {
    g_auto(Result) sent = RUN (f, "--file", f->library, "send-to-hearing", id, "--milestone", hearing_milestone,
                               "--party", council, "--sent", "2027-12-01", "--deadline", "2028-02-29");
    g_auto(Result) rounds = RUN (f, "--file", f->library, "list", id, "hearing_round");
    g_autofree char *sent_round = strip (sent.out);
    g_auto(GStrv) lines = g_strsplit (g_strstrip (rounds.out), "\n", -1);

    g_test_message ("%s", sent.err);
    g_assert_cmpint (sent.status, ==, 0);
    g_assert_cmpstr (sent_round, ==, round);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (rounds.out, "sent_date=2027-12-01\tdeadline=2028-02-29"));
  }

  /* A response dated before the round was sent, or years after it: refused */
  {
    g_auto(Result) parties = { 0 };
    g_autofree char *parent = g_strdup_printf ("--parent=%s", round);
    g_autofree char *party = NULL;

    parties = RUN (f, "--file", f->library, "list", id, "hearing_party", parent);
    g_assert_cmpint (parties.status, ==, 0);
    party = g_strndup (parties.out, strcspn (parties.out, "\t"));

    g_clear_pointer (&before, g_free);
    g_clear_pointer (&after, g_free);
    g_assert_true (g_file_get_contents (f->library, &before, &before_length, NULL));
    for (guint i = 0; i < 2; i++)
      {
        const char *date = i == 0 ? "response_date=2027-11-30" : "response_date=2032-01-15";
        g_auto(Result) r = RUN (f, "--file", f->library, "set", id, "hearing_party", party, date);

        g_test_message ("%s: %s", date, r.err);
        g_assert_cmpint (r.status, ==, 1);
        assert_one_line_error (&r);
        g_assert_nonnull (strstr (r.err, i == 0 ? "before the hearing was sent" : "after the deadline"));
      }
    g_assert_true (g_file_get_contents (f->library, &after, &after_length, NULL));
    g_assert_cmpmem (before, before_length, after, after_length);

    {
      g_auto(Result) r = RUN (f, "--file", f->library, "set", id, "hearing_party", party, "response_date=2028-02-20");

      g_assert_cmpint (r.status, ==, 0);
    }
  }
}

/* A library that cannot be read in part (another program took the
 * milestones' table away): a command that reads it fails with one line
 * and exit 1, rather than print what it could */
static void
test_read_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_auto(Result) before = { 0 };
  g_auto(Result) after = { 0 };
  g_auto(Result) exported = { 0 };
  sqlite3 *db = NULL;

  g_assert_cmpint (example.status, ==, 0);
  before = RUN (f, "--file", f->library, "list", id, "milestone");
  g_assert_cmpint (before.status, ==, 0);
  g_assert_cmpstr (before.err, ==, "");
  g_assert_cmpuint (strlen (before.out), >, 0);

  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DROP TABLE workshop_output; "
                                     "DROP TABLE involvement; DROP TABLE milestone", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  after = RUN (f, "--file", f->library, "list", id, "milestone");
  g_assert_cmpint (after.status, ==, 1);
  assert_one_line_error (&after);
  g_assert_nonnull (strstr (after.err, "could not be read"));

  exported = RUN (f, "--file", f->library, "export", id, "--draft", "-o", "-");
  g_assert_cmpint (exported.status, ==, 1);
  assert_one_line_error (&exported);
}

/* search: one result a line, five fields, the words found in [ ]; JSON
 * with the same; narrowed by strategy and kind; an unknown kind is a
 * usage error */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_auto(Result) found = RUN (f, "--file", f->library, "search", "hjemløse", "bostøtte");
  g_auto(Result) narrowed = RUN (f, "--file", f->library, "search", "bolig", "--strategy", id, "--kind", "initiative");
  g_auto(Result) json = RUN (f, "--file", f->library, "search", "--json", "Seniorrådet");
  g_auto(Result) none = RUN (f, "--file", f->library, "search", "aeldre");
  g_auto(Result) unknown = RUN (f, "--file", f->library, "search", "bolig", "--kind", "picnic");
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;

  g_assert_cmpint (example.status, ==, 0);
  g_assert_cmpint (found.status, ==, 0);
  lines = g_strsplit (found.out, "\n", -1);
  /* the initiative, and the approved version that holds it */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpstr (fields[0], ==, id);
      if (g_str_equal (fields[1], "initiative"))
        g_assert_cmpstr (fields[3], ==, "Flere hjemløse i egen bolig med bostøtte (eksempel)");
      else
        {
          g_assert_cmpstr (fields[1], ==, "version");
          g_assert_cmpstr (fields[3], ==, "Approved version 1, Nov 29, 2022");
        }
      g_assert_nonnull (strstr (fields[4], "[bostøtte]"));
    }

  g_assert_cmpint (narrowed.status, ==, 0);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (narrowed.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpstr (fields[0], ==, id);
      g_assert_cmpstr (fields[1], ==, "initiative");
    }

  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  results = json_node_get_array (root);
  /* the stakeholder, and its hearing response named by it */
  {
    gboolean stakeholder = FALSE, party = FALSE;

    for (guint i = 0; i < json_array_get_length (results); i++)
      {
        JsonObject *result = json_array_get_object_element (results, i);
        const char *kind = json_object_get_string_member (result, "kind");

        g_assert_cmpstr (json_object_get_string_member (result, "strategy"), ==, id);
        if (g_str_equal (json_object_get_string_member (result, "title"), "Seniorrådet"))
          {
            stakeholder |= g_str_equal (kind, "stakeholder");
            party |= g_str_equal (kind, "hearing_party");
          }
      }
    g_assert_true (stakeholder);
    g_assert_true (party);
  }

  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "picnic"));
}

/* diff: nothing since approval; then, after scripted edits, each change a
 * line, and the same as JSON; between two versions; bad versions refused */
static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_auto(Result) unchanged = RUN (f, "--file", f->library, "diff", id);
  g_auto(Result) reopened = RUN (f, "--file", f->library, "status", id, "draft");
  g_auto(Result) goals = RUN (f, "--file", f->library, "list", id, "goal");
  g_auto(GStrv) goal_fields = g_strsplit (goals.out, "\t", 2);
  const char *goal = goal_fields[0];
  g_auto(Result) renamed = RUN (f, "--file", f->library, "set", id, "goal", goal, "title=Færre hjemløse",
                                "description=Udviklingsmålene beskriver »det modsatte af udsathed«: hvad borgerne "
                                "skal hjælpes til, jf. forandringsstrategien, og Ballerup Kommunes intentioner. "
                                "Eksempeltekst.");
  g_auto(Result) added = RUN (f, "--file", f->library, "add", id, "goal", "title=Flere i egen bolig");
  g_autofree char *added_number = strip (added.out);
  g_auto(Result) text = RUN (f, "--file", f->library, "diff", id);
  g_auto(Result) json = RUN (f, "--file", f->library, "diff", id, "--json");
  g_auto(Result) approved = RUN (f, "--file", f->library, "approve", id, "--date", "2026-11-24");
  g_auto(Result) versions = RUN (f, "--file", f->library, "diff", id, "--from", "1", "--to", "2");
  g_auto(Result) no_version = RUN (f, "--file", f->library, "diff", id, "--from", "9");
  g_auto(Result) bad_to = RUN (f, "--file", f->library, "diff", id, "--to", "later");
  g_autofree char *title_line = g_strdup_printf ("changed\tgoal\t%s\tFærre hjemløse\ttitle\t"
                                                 "Det modsatte af udsathed (eksempel på udviklingsmål) → Færre hjemløse",
                                                 goal);
  g_autofree char *added_line = g_strdup_printf ("added\tgoal\t%s\tFlere i egen bolig", added_number);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) version_lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *changes;
  JsonObject *first;
  JsonArray *fields;

  g_assert_cmpint (unchanged.status, ==, 0);
  g_assert_cmpstr (unchanged.out, ==, "");
  g_assert_cmpint (reopened.status, ==, 0);
  g_assert_cmpint (renamed.status, ==, 0);
  g_assert_cmpint (added.status, ==, 0);

  g_assert_cmpint (text.status, ==, 0);
  lines = g_strsplit (text.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, title_line);
  g_assert_true (g_str_has_prefix (lines[1], "changed\tgoal\t"));
  g_assert_nonnull (strstr (lines[1], "\tdescription\t"));
  g_assert_nonnull (strstr (lines[1], "hvad [-målgruppen-]{+borgerne+} skal"));
  g_assert_cmpstr (lines[2], ==, added_line);
  g_assert_cmpstr (lines[3], ==, "");

  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "from"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "to"), ==, "draft");
  changes = json_object_get_array_member (json_node_get_object (root), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  first = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "section"), ==, "goals");
  g_assert_cmpstr (json_object_get_string_member (first, "change"), ==, "changed");
  g_assert_cmpint (json_object_get_int_member (first, "uid"), ==, 1);
  fields = json_object_get_array_member (first, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "new"), ==,
                   "Færre hjemløse");
  g_assert_true (json_object_has_member (json_array_get_object_element (fields, 1), "words"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 1), "change"), ==,
                   "added");

  /* on paper, as the appendix of the strategy */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "changes.pdf", NULL);
    g_auto(Result) printed = RUN (f, "--file", f->library, "print-pdf", id, "-o", pdf, "--changes-since", "1");
    g_auto(Result) missing = RUN (f, "--file", f->library, "print-pdf", id, "-o", pdf, "--changes-since", "7");
    g_autofree char *raw = NULL;
    const char *appendix;

    g_assert_cmpint (printed.status, ==, 0);
    raw = kurs_test_run_tool ((const char *[]) { "pdftotext", "-raw", pdf, "-", NULL });
    /* lines as they wrap on the page: one text */
    g_strdelimit (raw, "\n", ' ');
    appendix = strstr (raw, "Changes since version 1");
    g_assert_nonnull (appendix);
    g_assert_nonnull (strstr (appendix, "2 changes."));
    g_assert_nonnull (strstr (appendix, "Goals"));
    g_assert_nonnull (strstr (appendix, "Changed: Færre hjemløse (Development goal)"));
    g_assert_nonnull (strstr (appendix, "Title: Det modsatte af udsathed (eksempel på udviklingsmål) → Færre hjemløse"));
    /* both the word deleted and the word inserted are there, marked */
    g_assert_nonnull (strstr (appendix, "hvad målgruppenborgerne skal"));
    g_assert_nonnull (strstr (appendix, "Added: Flere i egen bolig (Development goal)"));
    g_assert_cmpint (missing.status, ==, 1);
    assert_one_line_error (&missing);
  }

  g_assert_cmpint (approved.status, ==, 0);
  g_assert_cmpint (versions.status, ==, 0);
  version_lines = g_strsplit (versions.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (version_lines), ==, 4);
  /* not the draft's: no number */
  g_assert_true (g_str_has_prefix (version_lines[0], "changed\tgoal\t-\tFærre hjemløse\ttitle\t"));
  g_assert_true (g_str_has_prefix (version_lines[2], "added\tgoal\t-\tFlere i egen bolig"));

  g_assert_cmpint (no_version.status, ==, 1);
  assert_one_line_error (&no_version);
  g_assert_cmpint (bad_to.status, ==, 2);
  g_assert_nonnull (strstr (bad_to.err, "later"));
}

/* plan --baseline: on the example, after moving an initiative's end, its
 * line says by how many days; one added is new; a draft never approved has
 * no baseline */
static void
test_plan_baseline (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Result) example = RUN (f, "--file", f->library, "example");
  g_autofree char *id = strip (example.out);
  g_auto(Result) reopened = RUN (f, "--file", f->library, "status", id, "draft");
  g_auto(Result) before = RUN (f, "--file", f->library, "plan", id, "1");
  g_auto(GStrv) first = g_strsplit (before.out, "\t", 2);
  g_auto(Result) moved = RUN (f, "--file", f->library, "set", id, "initiative", first[0], "end_date=2024-09-28");
  g_auto(Result) added = RUN (f, "--file", f->library, "initiative", id, "1", "--title", "Ny indsats");
  g_auto(Result) baseline = RUN (f, "--file", f->library, "plan", id, "1", "--baseline");
  g_auto(Result) fresh = RUN (f, "--file", f->library, "new", "--title", "Ny", "--period", "2026-2029");
  g_autofree char *fresh_id = strip (fresh.out);
  g_auto(Result) fresh_plan = RUN (f, "--file", f->library, "add", fresh_id, "action_plan", "title=Handleplan 2026",
                                   "start_date=2026-01-01", "end_date=2026-12-31");
  g_autofree char *fresh_plan_number = strip (fresh_plan.out);
  g_auto(Result) none = RUN (f, "--file", f->library, "plan", fresh_id, fresh_plan_number, "--baseline");
  g_auto(Result) all_plans = RUN (f, "--file", f->library, "plan", id, "--baseline");
  g_autofree char *moved_line = g_strdup_printf ("%s\tkept\t2023-01-01\t2024-06-30\t+0\t+90\t", first[0]);
  g_auto(GStrv) lines = NULL;
  gboolean found_moved = FALSE, found_new = FALSE;

  g_assert_cmpint (reopened.status, ==, 0);
  g_assert_cmpint (moved.status, ==, 0);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_cmpint (baseline.status, ==, 0);
  lines = g_strsplit (baseline.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      found_moved |= g_str_has_prefix (lines[i], moved_line);
      found_new |= g_str_has_suffix (lines[i], "\tnew\t-\t-\t-\t-\t-\t0\tNy indsats");
    }
  g_assert_true (found_moved);
  g_assert_true (found_new);

  g_assert_cmpint (fresh_plan.status, ==, 0);
  g_assert_cmpint (none.status, ==, 1);
  assert_one_line_error (&none);
  g_assert_nonnull (strstr (none.err, "has no approved version"));
  g_assert_cmpint (all_plans.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("KURS_CLI"));

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("example-then-list", test_example_then_list);
  ADD ("new-and-show-json", test_new_and_show_json);
  ADD ("show-example", test_show_example);
  ADD ("list-json", test_list_json);
  ADD ("usage-errors", test_usage_errors);
  ADD ("user-errors", test_user_errors);
  ADD ("bad-library-untouched", test_bad_library_untouched);
  ADD ("read-failure", test_read_failure);
  ADD ("search", test_search);
  ADD ("diff", test_diff);
  ADD ("history", test_history);
  ADD ("plan-baseline", test_plan_baseline);
  ADD ("library-open-in-kurs", test_library_open_in_kurs);
  ADD ("lock-waits", test_lock_waits);
  ADD ("odd-input-files", test_odd_input_files);
  ADD ("json-numbers", test_json_numbers);
  ADD ("concurrent-writers", test_concurrent_writers);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("approve-export-import", test_approve_export_import);
  ADD ("xml-errors", test_xml_errors);
  ADD ("add-and-set", test_add_and_set);
  ADD ("process-and-hearing", test_process_and_hearing);
  ADD ("process-commands", test_process_commands);
  ADD ("follow-up", test_follow_up);

  return g_test_run ();
}
