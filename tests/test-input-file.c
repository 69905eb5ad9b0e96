/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-input-file"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "kurs-input-file.h"
#include "kurs-test-util.h"

/* A named file read within a limit, whatever kind of file it is */

static void
test_limit (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sheet.csv", NULL);
  g_autofree char *text = g_strnfill (1000, 'x');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean too_large = TRUE;

  kurs_test_write_file (path, text, 1000);

  /* exactly at the limit: read */
  bytes = kurs_input_file_read (path, 1000, &too_large, &error);
  g_assert_no_error (error);
  g_assert_false (too_large);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 1000);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* one byte over: refused, without an error of its own */
  bytes = kurs_input_file_read (path, 999, &too_large, &error);
  g_assert_null (bytes);
  g_assert_no_error (error);
  g_assert_true (too_large);

  kurs_test_remove_dir (dir);
}

/* A file that says it is empty and is not: the limit holds */
static void
test_size_not_trusted (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean too_large = FALSE;
  GStatBuf st;

  g_assert_cmpint (g_stat ("/proc/self/maps", &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  bytes = kurs_input_file_read ("/proc/self/maps", 16, &too_large, &error);
  g_assert_null (bytes);
  g_assert_no_error (error);
  g_assert_true (too_large);
}

/* A device, a pipe nobody writes to, a folder: refused at once */
static void
test_not_a_file (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GError) error = NULL;
  gboolean too_large = FALSE;

  g_assert_null (kurs_input_file_read ("/dev/zero", 1024, &too_large, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "pipe or a device"));
  g_assert_false (too_large);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (kurs_input_file_read (fifo, 1024, &too_large, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_null (kurs_input_file_read (dir, 1024, &too_large, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);

  g_assert_null (kurs_input_file_read ("/nonexistent/sheet.csv", 1024, &too_large, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  kurs_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/input-file/limit", test_limit);
  g_test_add_func ("/input-file/size-not-trusted", test_size_not_trusted);
  g_test_add_func ("/input-file/not-a-file", test_not_a_file);

  return g_test_run ();
}
