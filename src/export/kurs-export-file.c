/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-export-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kurs-export-file.h"

/* An exported file is written beside its place first and renamed into
 * it when whole, so that a failure — a folder that cannot be written, a
 * full disk — leaves no half-written file, and an older file as it was.
 * What went wrong is said of the file the person named, not of the
 * temporary one. */

static void
set_error (GError     **error,
           const char  *path,
           int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                 _("“%s” could not be written: the disk is full"), display);
  else if (saved_errno != 0)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _("“%s” could not be written: %s"), display, g_strerror (saved_errno));
  else
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("“%s” could not be written"), display);
}

/**
 * kurs_export_file_begin:
 * @path: the file to write
 *
 * Returns: (transfer full): a new, empty file beside @path to write
 *   instead, or %NULL with @error set
 */
char *
kurs_export_file_begin (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  char *temporary = g_build_filename (dir, name, NULL);
  /* as any new file: what the umask allows of 0666 */
  int fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      set_error (error, path, errno);
      g_free (temporary);
      return NULL;
    }
  close (fd);
  return temporary;
}

/**
 * kurs_export_file_end:
 * @temporary: what kurs_export_file_begin() gave
 * @written: whether it was written whole
 * @saved_errno: where it was not, why (0 if unknown)
 *
 * Renames @temporary into place, or removes it.
 */
gboolean
kurs_export_file_end (const char  *temporary,
                      const char  *path,
                      gboolean     written,
                      int          saved_errno,
                      GError     **error)
{
  if (written && g_rename (temporary, path) == 0)
    return TRUE;
  if (written)
    saved_errno = errno;
  g_unlink (temporary);
  set_error (error, path, saved_errno);
  return FALSE;
}

/**
 * kurs_export_file_write_bytes:
 *
 * Writes @bytes to @path, whole or not at all.
 */
gboolean
kurs_export_file_write_bytes (const char  *path,
                              GBytes      *bytes,
                              GError     **error)
{
  g_autofree char *temporary = kurs_export_file_begin (path, error);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  int saved = 0;
  int fd;

  if (temporary == NULL)
    return FALSE;

  fd = g_open (temporary, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    saved = errno;
  while (fd >= 0 && saved == 0 && length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        saved = n < 0 ? errno : ENOSPC;
      else
        {
          data += n;
          length -= n;
        }
    }
  /* on the disk before it takes the name */
  if (fd >= 0 && saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;

  return kurs_export_file_end (temporary, path, saved == 0, saved, error);
}
