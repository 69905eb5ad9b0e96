/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-library-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kurs-library-lock.h"

/* One Kurs at a time writes a library; the lock that says so is an
 * advisory flock() on the library's file, which SQLite's own POSIX locks
 * do not see.  A command waits a few seconds for it, as another command
 * is usually about to finish; a window does not wait, but shows the
 * library read-only and asks again now and then.
 *
 * Who holds the lock is read from /proc/locks, which lists each flock()
 * with its process and the file's device and inode, and the program
 * from /proc/PID/comm: enough to say "kurs-cli (process 4242)" rather
 * than "another Kurs window" when it was a command.  Where that cannot
 * be read (another system, another PID namespace), the holder is
 * unknown, and said to be. */

#define POLL_MS 50

void
kurs_lock_holder_clear (KursLockHolder *holder)
{
  g_clear_pointer (&holder->program, g_free);
  holder->kind = KURS_LOCK_HOLDER_NONE;
  holder->pid = 0;
}

static char *
program_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", pid);
  g_autofree char *comm = NULL;

  if (!g_file_get_contents (path, &comm, NULL, NULL))
    return NULL;
  g_strstrip (comm);
  return *comm != '\0' && g_utf8_validate (comm, -1, NULL) ? g_steal_pointer (&comm) : NULL;
}

/* The process holding a flock() on the file with this device and inode,
 * from a line of /proc/locks such as
 *   "3: FLOCK  ADVISORY  WRITE 4242 fd:01:1311836 0 EOF" */
static int
holder_pid (dev_t  dev,
            ino_t  ino)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    return 0;

  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned int major_number, minor_number;
      unsigned long long inode;
      char kind[16], mode[16], access[16];
      int pid;

      /* "->" marks a process waiting for the lock, not holding it */
      if (strstr (lines[i], "->") != NULL)
        continue;
      if (sscanf (lines[i], "%*d: %15s %15s %15s %d %x:%x:%llu",
                  kind, mode, access, &pid, &major_number, &minor_number, &inode) != 7)
        continue;
      if (g_str_equal (kind, "FLOCK") && pid > 0
          && major_number == major (dev) && minor_number == minor (dev) && inode == (unsigned long long) ino)
        return pid;
    }
  return 0;
}

/**
 * kurs_library_lock_find_holder:
 * @holder: (out caller-allocates): who holds the lock of @path
 *
 * Who holds the lock of the library at @path now, as far as can be known.
 */
void
kurs_library_lock_find_holder (const char     *path,
                               KursLockHolder *holder)
{
  GStatBuf st;

  holder->kind = KURS_LOCK_HOLDER_UNKNOWN;
  holder->pid = 0;
  holder->program = NULL;

  if (g_stat (path, &st) != 0 || (holder->pid = holder_pid (st.st_dev, st.st_ino)) == 0)
    return;

  holder->program = program_of (holder->pid);
  if (holder->program == NULL)
    return;
  if (g_str_equal (holder->program, "kurs"))
    holder->kind = KURS_LOCK_HOLDER_KURS;
  else if (g_str_equal (holder->program, "kurs-cli"))
    holder->kind = KURS_LOCK_HOLDER_CLI;
  else
    holder->kind = KURS_LOCK_HOLDER_OTHER;
}

/**
 * kurs_library_lock_take:
 * @wait_ms: how long to wait for a lock another process holds
 * @holder: (out caller-allocates): when the lock is not taken, who holds
 *   it; its kind is %KURS_LOCK_HOLDER_NONE when the file could not be
 *   opened at all
 *
 * Returns: the descriptor that holds the lock until it is closed, or -1
 */
int
kurs_library_lock_take (const char     *path,
                        guint           wait_ms,
                        KursLockHolder *holder)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  int fd;

  holder->kind = KURS_LOCK_HOLDER_NONE;
  holder->pid = 0;
  holder->program = NULL;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return -1;

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if ((errno != EWOULDBLOCK && errno != EINTR) || g_get_monotonic_time () >= deadline)
        {
          close (fd);
          kurs_library_lock_find_holder (path, holder);
          return -1;
        }
      g_usleep (POLL_MS * 1000);
    }

  return fd;
}

/**
 * kurs_library_lock_try:
 * @fd: a descriptor of the library's file that holds no lock
 *
 * Whether nobody holds the lock now (a moment later somebody may).  The
 * lock is let go again at once.  The descriptor is one kept open for the
 * purpose: closing a descriptor of a file lets go of every POSIX lock the
 * process holds on it, SQLite's included.
 */
gboolean
kurs_library_lock_try (int fd)
{
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    return FALSE;
  flock (fd, LOCK_UN);
  return TRUE;
}
