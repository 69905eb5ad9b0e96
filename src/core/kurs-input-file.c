/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-input-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kurs-input-file.h"

/* Reading a file a person names (a strategy's XML, a sheet of
 * measurements) within a limit that holds whatever the file is: a file
 * that says it is small but keeps growing, a /proc file that says it is
 * empty, /dev/zero, or a pipe that nobody writes to.  Only regular files
 * are read; a pipe or a device is refused at once, instead of being
 * waited on for ever. */

#define CHUNK (64 * 1024)

/**
 * kurs_input_file_read:
 * @path: the file
 * @limit: the most bytes it may have
 * @too_large: (out): set when the file has more than @limit bytes; %NULL
 *   is returned then, without an error, for the caller to say so in its
 *   own words
 *
 * Returns: (transfer full): the file's bytes, or %NULL
 */
GBytes *
kurs_input_file_read (const char  *path,
                      gsize        limit,
                      gboolean    *too_large,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GByteArray) data = NULL;
  struct stat st = { 0 };
  int fd;

  *too_large = FALSE;

  /* Not blocking: opening a pipe nobody writes to would wait for ever */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("“%s” cannot be read: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      if (S_ISDIR (st.st_mode))
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("“%s” is a folder, not a file"), name);
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     _("“%s” is a pipe or a device, not a file; save what it gives as a file, and read that"),
                     name);
      return NULL;
    }

  if (st.st_size > 0 && (guint64) st.st_size > limit)
    {
      close (fd);
      *too_large = TRUE;
      return NULL;
    }

  /* The size said is not trusted: read no more than one byte past the
   * limit */
  data = g_byte_array_sized_new (st.st_size > 0 ? (guint) MIN ((guint64) st.st_size, limit) : CHUNK);
  for (;;)
    {
      guint8 buffer[CHUNK];
      gssize n = read (fd, buffer, MIN ((gsize) CHUNK, limit + 1 - data->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("“%s” cannot be read: %s"), name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > limit)
        {
          close (fd);
          *too_large = TRUE;
          return NULL;
        }
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

typedef struct {
  char     *path;
  gsize     limit;
  gboolean  too_large;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  GBytes *contents = kurs_input_file_read (data->path, data->limit, &data->too_large, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contents, contents ? (GDestroyNotify) g_bytes_unref : NULL);
}

/**
 * kurs_input_file_read_async:
 *
 * kurs_input_file_read() in a thread, for a window that must not wait.
 */
void
kurs_input_file_read_async (const char          *path,
                            gsize                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  data->path = g_strdup (path);
  data->limit = limit;
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_set_source_tag (task, kurs_input_file_read_async);
  g_task_run_in_thread (task, read_in_thread);
}

GBytes *
kurs_input_file_read_finish (GAsyncResult  *result,
                             gboolean      *too_large,
                             GError       **error)
{
  GTask *task = G_TASK (result);
  ReadData *data = g_task_get_task_data (task);

  *too_large = data->too_large;
  return g_task_propagate_pointer (task, error);
}
