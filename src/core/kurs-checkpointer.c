/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include "kurs-checkpointer.h"

/* A library's write-ahead log copied back into the library's file in a
 * thread of its own, on a connection of its own, instead of by the
 * commit that filled it.
 *
 * SQLite's own way (wal_autocheckpoint) has the commit that leaves more
 * than a thousand pages in the log copy them all into the file and sync
 * it before the commit returns: after an import of 100,000 items, 80 MB,
 * a third of a second more that the window waited.  The commit has
 * already made the action safe — the log is synced (synchronous = FULL),
 * and a library opened after a crash reads it — so the copying can come
 * after, beside whatever the window does next.  A PASSIVE checkpoint
 * waits for no one: a frame another connection still reads is left for
 * the next.  Closing the library waits for a checkpoint under way, and
 * SQLite's last connection then copies what is left and removes the log,
 * as before. */

/* when SQLite's own would (its default wal_autocheckpoint) */
#define CHECKPOINT_PAGES 1000

struct _KursCheckpointer
{
  sqlite3  *writer;
  char     *path;
  GThread  *thread;
  GMutex    lock;
  GCond     wanted_cond;
  gboolean  wanted;     /* the log has grown past CHECKPOINT_PAGES */
  gboolean  stopping;
  gboolean  failed;     /* no connection of its own: the commits copy */
};

static gpointer
checkpoint_in_thread (gpointer data)
{
  KursCheckpointer *self = data;
  sqlite3 *db = NULL;

  /* its own connection, to the file the writer has open (not made), its
   * log opened by a first read: SQLite 3.40 checkpoints only a log it
   * has open */
  if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK
      || sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("The log of %s cannot be copied in a thread: %s", self->path, db ? sqlite3_errmsg (db) : "");
      g_mutex_lock (&self->lock);
      self->failed = TRUE;
      g_mutex_unlock (&self->lock);
      sqlite3_close (db);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  for (;;)
    {
      int rc;

      while (!self->wanted && !self->stopping)
        g_cond_wait (&self->wanted_cond, &self->lock);
      if (self->stopping)
        break;
      self->wanted = FALSE;
      g_mutex_unlock (&self->lock);

      /* a full disk or a reader in the way leaves the log as it is: the
       * next commit asks again */
      rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      if (rc != SQLITE_OK)
        g_debug ("The log of %s was not copied: %s", self->path, sqlite3_errstr (rc));

      g_mutex_lock (&self->lock);
    }
  g_mutex_unlock (&self->lock);

  sqlite3_close (db);
  return NULL;
}

/* After each commit of the writer, with the pages in the log */
static int
on_commit (gpointer    data,
           sqlite3    *writer,
           const char *name,
           int         n_pages)
{
  KursCheckpointer *self = data;
  gboolean failed;

  if (n_pages < CHECKPOINT_PAGES)
    return SQLITE_OK;

  g_mutex_lock (&self->lock);
  if (self->thread == NULL)
    self->thread = g_thread_new ("kurs-checkpoint", checkpoint_in_thread, self);
  failed = self->failed;
  self->wanted = TRUE;
  g_cond_signal (&self->wanted_cond);
  g_mutex_unlock (&self->lock);

  /* as SQLite's own, if there is no thread to do it */
  if (failed)
    sqlite3_wal_checkpoint_v2 (writer, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return SQLITE_OK;
}

/**
 * kurs_checkpointer_new:
 * @writer: a connection that writes a library in WAL mode
 *
 * Copies @writer's log back into its library in a thread, once a commit
 * leaves it long; @writer's commits no longer do it themselves.  Free it
 * before closing @writer.
 *
 * Returns: (transfer full): the checkpointer
 */
KursCheckpointer *
kurs_checkpointer_new (sqlite3 *writer)
{
  KursCheckpointer *self = g_new0 (KursCheckpointer, 1);

  g_return_val_if_fail (writer != NULL, NULL);

  self->writer = writer;
  self->path = g_strdup (sqlite3_db_filename (writer, "main"));
  g_mutex_init (&self->lock);
  g_cond_init (&self->wanted_cond);
  /* (in place of the hook of wal_autocheckpoint) */
  sqlite3_wal_hook (writer, on_commit, self);
  return self;
}

/**
 * kurs_checkpointer_free:
 *
 * Waits for a checkpoint under way, and ends the thread.  The writer's
 * commits no longer copy the log at all until it is closed: free this
 * just before.
 */
void
kurs_checkpointer_free (KursCheckpointer *self)
{
  if (self == NULL)
    return;

  sqlite3_wal_hook (self->writer, NULL, NULL);
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->wanted_cond);
  g_mutex_unlock (&self->lock);
  if (self->thread != NULL)
    g_thread_join (self->thread);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->wanted_cond);
  g_free (self->path);
  g_free (self);
}
