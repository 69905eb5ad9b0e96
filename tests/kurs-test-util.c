/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-test"
#define _GNU_SOURCE

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "kurs-test-util.h"

/* A fresh folder under the test's temporary directory. */
char *
kurs_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("kurs-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

void
kurs_test_remove_dir (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_chmod (path, 0700);
  remove_tree (file);
}

char *
kurs_test_read_file (const char *path,
                     gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

char *
kurs_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  contents = kurs_test_read_file (path, &length);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
kurs_test_write_file (const char *path,
                      const void *data,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/**
 * kurs_test_run_tool:
 * @argv: a program on the PATH and its arguments
 *
 * Runs a tool that must succeed (pdfinfo, pdftotext…).
 *
 * Returns: (transfer full): what it printed on standard output
 */
char *
kurs_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* One row of every entity, every field set, texts with Danish letters,
 * markup characters and line breaks: what a round trip must keep. */

#include <sqlite3.h>

#include "kurs-example.h"
#include "kurs-store-private.h"

static GVariant *
sample_value (const KursField *field,
              gint64           ids[KURS_N_ENTITIES])
{
  switch (field->type)
    {
    case KURS_FIELD_TEXT:
      if (field->flags & KURS_FIELD_LONG)
        return g_variant_new_string ("Første linje: æøå ÆØÅ <&> \"citat\" 'apostrof'\nAnden linje ✓\r\n  indrykket ");
      return g_variant_new_string ("Tekst med æøå & <tegn>");

    case KURS_FIELD_INT:
      return g_variant_new_int64 (field->min < field->max ? field->max : 2025);

    case KURS_FIELD_REAL:
      return g_variant_new_double (12.375);

    case KURS_FIELD_BOOL:
      return g_variant_new_boolean (TRUE);

    case KURS_FIELD_DATE:
      return g_variant_new_string ("2024-02-29");

    case KURS_FIELD_ENUM:
      return g_variant_new_string (field->enum_info->values[field->enum_info->n_values - 1].nick);

    case KURS_FIELD_REF:
      return g_variant_new_int64 (ids[field->ref]);

    case KURS_FIELD_TIMESTAMP:
      return g_variant_new_string ("2024-02-29T12:00:00Z");

    default:
      g_assert_not_reached ();
    }
}

KursRecord *
kurs_test_create_full_strategy (KursStore *store)
{
  gint64 ids[KURS_N_ENTITIES] = { 0 };
  KursRecord *strategy = NULL;

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      const KursEntityInfo *info = kurs_entity_info (e);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(KursRecord) record = NULL;
      gint64 parent = info->parent == KURS_ENTITY_NONE ? 0 : ids[info->parent];

      /* Versions are made by approving. */
      if (e == KURS_ENTITY_VERSION)
        continue;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const KursField *field = &info->fields[i];

          if ((int) i == info->parent_field
              || ((field->flags & KURS_FIELD_INTERNAL) && !info->internal))
            continue;
          /* A sub-goal's horizon is a year or a plan, not both. */
          if (e == KURS_ENTITY_SUBGOAL && g_str_equal (field->name, "horizon_year"))
            continue;

          g_ptr_array_add (names, (gpointer) field->name);
          g_ptr_array_add (values, sample_value (field, ids));
        }

      if (info->internal)
        record = kurs_store_create_internal (store, e, parent, names->len,
                                             (const char * const *) names->pdata,
                                             (GVariant * const *) values->pdata, 0, &error);
      else
        record = kurs_store_createv (store, e, parent, names->len,
                                     (const char * const *) names->pdata,
                                     (GVariant * const *) values->pdata, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);

      ids[e] = kurs_record_get_id (record);
      if (e == KURS_ENTITY_STRATEGY)
        strategy = g_object_ref (record);
    }

  return strategy;
}

/* Everything in the library's tables, read through SQLite itself. */
char *
kurs_test_dump_library (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint e = 0; e < KURS_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", kurs_entity_info (e)->name);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", kurs_entity_info (e)->name);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, c)
                                                 ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* A new library, library.kurs in @dir */
KursStore *
kurs_test_open_library (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "library.kurs", NULL);
  KursStore *store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/**
 * kurs_test_make_large_library:
 * @path: where to make it
 * @n_measurements: how many measurements to give its indicator
 *
 * Makes a library of the example strategy, grown with measurements (about
 * 120 bytes each: 850,000 make 100 MB), written by SQLite directly, as
 * years of imported key figures would leave it.  Checking it reads every
 * page.
 */
void
kurs_test_make_large_library (const char *path,
                              guint       n_measurements)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(KursRecord) strategy = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_no_error (error);
  strategy = kurs_example_create (store, &error);
  g_assert_no_error (error);
  kurs_store_close (store);

  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                         "INSERT INTO measurement (strategy_id, indicator_id, date, value, note) "
                         "SELECT (SELECT min(id) FROM strategy), (SELECT min(id) FROM indicator), "
                         "date ('2000-01-01', '+' || (i %% 9000) || ' days'), i, "
                         "'Måling nummer ' || i || ' fra den store test af at åbne et stort bibliotek' FROM n",
                         n_measurements);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Growing %s: %s", path, message);
  sqlite3_close (db);
}

/* Opening in the background, with a timer ticking on the main loop */
typedef struct {
  GMainLoop *loop;
  KursStore *store;
  GError    *error;
  gint64     last_tick;
  gint64     longest_gap;
} Opening;

static gboolean
opening_tick_cb (gpointer user_data)
{
  Opening *opening = user_data;
  gint64 now = g_get_monotonic_time ();

  opening->longest_gap = MAX (opening->longest_gap, now - opening->last_tick);
  opening->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
opening_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Opening *opening = user_data;

  opening->store = kurs_store_open_finish (result, &opening->error);
  g_main_loop_quit (opening->loop);
}

/**
 * kurs_test_open_in_background:
 * @tick_ms: how often a timer ticks on the main loop meanwhile
 * @longest_wait_us: (out): the longest the main loop made the timer wait
 *
 * Opens @path with kurs_store_open_async(), running the main loop until
 * it is open.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KursStore *
kurs_test_open_in_background (const char  *path,
                              guint        tick_ms,
                              gint64      *longest_wait_us,
                              GError     **error)
{
  Opening opening = { g_main_loop_new (NULL, FALSE), NULL, NULL, g_get_monotonic_time (), 0 };
  guint timer = g_timeout_add (tick_ms, opening_tick_cb, &opening);

  kurs_store_open_async (path, KURS_STORE_OPEN_READ_ONLY_IF_NEEDED, NULL, opening_done_cb, &opening);
  g_main_loop_run (opening.loop);
  opening_tick_cb (&opening);
  g_source_remove (timer);
  g_main_loop_unref (opening.loop);

  *longest_wait_us = opening.longest_gap;
  if (opening.error != NULL)
    g_propagate_error (error, opening.error);
  return opening.store;
}

/**
 * kurs_test_mount_small_disk:
 * @dir: an empty folder
 * @size: the disk's size, as tmpfs takes it ("1m")
 *
 * Puts a small disk (a tmpfs) on @dir, in a mount namespace of this
 * process's own, so that a test can fill it up.  For a test's subprocess
 * only (g_test_trap_subprocess()): the process stays in the namespace.
 * As root, or in a user namespace of its own where the system allows.
 */
void
kurs_test_mount_small_disk (const char *dir,
                            const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s", size);

  if (geteuid () == 0)
    g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
  else
    {
      uid_t uid = geteuid ();
      gid_t gid = getegid ();
      g_autofree char *uid_map = g_strdup_printf ("0 %d 1", (int) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %d 1", (int) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        g_error ("A small disk cannot be made here: %s", g_strerror (errno));
      g_assert_true (g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL));
      g_assert_true (g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL));
      g_assert_true (g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL));
    }
  g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    g_error ("A small disk cannot be mounted on %s: %s", dir, g_strerror (errno));
}

/**
 * kurs_test_fill_disk:
 * @path: a file to make, which takes what room is left on its disk
 */
void
kurs_test_fill_disk (const char *path)
{
  static const char block[4096];
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  setvbuf (file, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, file) == sizeof block)
    ;
  while (fwrite (block, 1, 1, file) == 1)
    ;
  fclose (file);
}
