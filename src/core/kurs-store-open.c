/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kurs-migrations.h"
#include "kurs-server.h"
#include "kurs-store-internal.h"

/* Opening a library: looking at a file without writing to it, the
 * connection, and why a file cannot be opened, said truly.  Several Kurs
 * (windows, commands) may write one file at once: SQLite's own locks, its
 * write-ahead log and a busy timeout take their actions one after
 * another, and each takes in the others' (kurs-store-log.c).  The rest
 * of the store is in kurs-store.c. */

/* @format has one %s, for the file's name. */
static gboolean
set_open_error (GError     **error,
                int          code,
                const char  *format,
                ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_open_error (GError     **error,
                int          code,
                const char  *format,
                ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (KURS_STORE_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* How long a connection waits for another that is writing: a command
 * a few seconds, a window (whose person is waiting) a moment. */
static int
busy_timeout_ms (KursStoreOpenFlags flags)
{
  return (flags & KURS_STORE_OPEN_WAIT) ? 5000 : 2000;
}

/* The files SQLite keeps beside a library: its write-ahead log, the log's
 * shared-memory index and a rollback journal.  Which were there before
 * Kurs looked, so that a refused or failed open can take away those it
 * made, and leave the folder as it was. */
typedef struct {
  gboolean wal;
  gboolean shm;
  gboolean journal;
} Beside;

static char *
beside_path (const char *path,
             const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static void
beside_note (const char *path,
             Beside     *beside)
{
  g_autofree char *wal = beside_path (path, "-wal");
  g_autofree char *shm = beside_path (path, "-shm");
  g_autofree char *journal = beside_path (path, "-journal");

  beside->wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  beside->shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  beside->journal = g_file_test (journal, G_FILE_TEST_EXISTS);
}

static gboolean
beside_any (const Beside *beside)
{
  return beside->wal || beside->shm || beside->journal;
}

/* Takes away what Kurs made beside @path since @before, after its own
 * connection is closed.  A log with something in it is never removed. */
static void
beside_remove_new (const char   *path,
                   const Beside *before)
{
  g_autofree char *wal = beside_path (path, "-wal");
  g_autofree char *shm = beside_path (path, "-shm");
  g_autofree char *journal = beside_path (path, "-journal");
  GStatBuf st;

  if (!before->wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
  if (!before->shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
  if (!before->journal && g_stat (journal, &st) == 0 && st.st_size == 0)
    g_unlink (journal);
}

/* A connection is used by one thread at a time (a store opened in a
 * thread is handed to the caller whole; a thread that reads opens a store
 * of its own), so SQLite need not lock it for every call: reading 100,000
 * rows spent a fifth of its time taking and giving back that lock. */
#define OPEN_THREADING SQLITE_OPEN_NOMUTEX

/* Opens a connection that never writes.  With nothing beside the library
 * (no program has it open for writing), it is opened as immutable, which
 * needs and makes nothing beside it; otherwise as SQLite reads a library
 * in use, through its log. */
static int
open_read_only (const char  *path,
                gboolean     immutable,
                int          busy_ms,
                sqlite3    **db)
{
  int rc = SQLITE_CANTOPEN;

  if (immutable)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *with_flag = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

      if (with_flag != NULL)
        rc = sqlite3_open_v2 (with_flag, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | OPEN_THREADING, NULL);
    }
  if (!immutable || rc != SQLITE_OK)
    {
      if (*db != NULL)
        {
          sqlite3_close (*db);
          *db = NULL;
        }
      rc = sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY | OPEN_THREADING, NULL);
    }

  if (*db != NULL)
    {
      sqlite3_extended_result_codes (*db, TRUE);
      sqlite3_busy_timeout (*db, busy_ms);
    }
  return rc;
}

/* Why SQLite could not read a file, said truly: "damaged" only when it
 * is, never of a library that another program is busy writing, a full
 * disk or a file one may not read. */
static gboolean
set_read_error (sqlite3     *db,
                int          rc,
                const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  int code = db != NULL ? sqlite3_extended_errcode (db) : rc;

  if (code == SQLITE_IOERR_SHORT_READ)
    return set_open_error (error, KURS_STORE_ERROR_CORRUPT,
                           _("“%s” cannot be opened: the file is damaged or truncated"), name);
  if (db != NULL && ((code & 0xff) == SQLITE_FULL
                     || ((code & 0xff) == SQLITE_IOERR && sqlite3_system_errno (db) == ENOSPC)))
    return set_open_error (error, KURS_STORE_ERROR_FULL,
                           _("“%s” cannot be opened: the disk is full"), name);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return set_open_error (error, KURS_STORE_ERROR_LOCKED,
                             _("“%s” is being written by another program; try again in a moment"), name);
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      if (g_access (folder, W_OK) != 0)
        return set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                               _("“%s” cannot be opened: its folder is read-only and the library needs to write beside it"), name);
      return set_open_error (error, KURS_STORE_ERROR_FAILED,
                             _("“%s” cannot be read: you do not have permission"), name);
    case SQLITE_NOTADB:
      return set_open_error (error, KURS_STORE_ERROR_NOT_A_LIBRARY,
                             _("“%s” is not a Kurs library: it is not a database file"), name);
    case SQLITE_CORRUPT:
      return set_open_error (error, KURS_STORE_ERROR_CORRUPT,
                             _("“%s” cannot be opened: the file is damaged or truncated"), name);
    case SQLITE_IOERR:
      return set_open_error (error, KURS_STORE_ERROR_FAILED,
                             _("“%s” cannot be read: the disk reports an error (%s)"), name,
                             db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    case SQLITE_NOMEM:
      return set_open_error (error, KURS_STORE_ERROR_FAILED,
                             _("“%s” cannot be opened: there is not enough memory"), name);
    default:
      return set_open_error (error, KURS_STORE_ERROR_FAILED,
                             _("“%s” cannot be opened: %s"), name,
                             db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
}

/* Reads every page: a truncated or damaged file fails here.  Returns
 * whether the check could be made, with @out_whole set to its verdict. */
static gboolean
quick_check (sqlite3  *db,
             gboolean *out_whole)
{
  sqlite3_stmt *stmt = NULL;
  gboolean made = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_whole = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      made = TRUE;
    }
  sqlite3_finalize (stmt);
  return made;
}

/* Looks at an existing file without writing to it: is it a Kurs library
 * this build can open?  A file that is not becomes an error, and the file
 * and its folder stay exactly as they were. */
static gboolean
probe_with_sqlite (const char          *path,
                   gboolean             immutable,
                   KursStoreOpenFlags   flags,
                   gboolean            *out_new,
                   int                 *out_version,
                   GError             **error)
{
  g_autofree char *name = g_filename_display_name (path);
  sqlite3 *db = NULL;
  int rc, application_id, n_tables, version;
  gboolean whole = FALSE;
  gboolean ok = FALSE;

  rc = open_read_only (path, immutable, busy_timeout_ms (flags), &db);
  if (rc != SQLITE_OK)
    {
      set_read_error (db, rc, path, error);
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &application_id)
      || !query_int (db, "PRAGMA user_version", &version)
      || !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables))
    {
      set_read_error (db, SQLITE_ERROR, path, error);
      goto out;
    }

  if (application_id != KURS_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      set_open_error (error, KURS_STORE_ERROR_FOREIGN,
                      _("“%s” is a database of another program, not a Kurs library"), name);
      goto out;
    }

  if (version > kurs_migrations_get_latest ())
    {
      set_open_error (error, KURS_STORE_ERROR_TOO_NEW,
                      _("“%s” was saved by a newer version of Kurs; update Kurs to open it"), name);
      goto out;
    }

  if (!quick_check (db, &whole))
    {
      set_read_error (db, SQLITE_ERROR, path, error);
      goto out;
    }
  if (!whole)
    {
      /* Read as immutable, a page another program was writing at that
       * moment can look torn: only a second look through the log, as
       * SQLite reads a library in use, may say "damaged". */
      if (immutable)
        {
          sqlite3_close (db);
          db = NULL;
          return probe_with_sqlite (path, FALSE, flags, out_new, out_version, error);
        }
      set_open_error (error, KURS_STORE_ERROR_CORRUPT,
                      _("“%s” cannot be opened: the file is damaged or truncated"), name);
      goto out;
    }

  *out_new = n_tables == 0;
  *out_version = version;
  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

static gboolean
probe_file (const char          *path,
            KursStoreOpenFlags   flags,
            gboolean            *out_new,
            int                 *out_version,
            GError             **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *name = g_filename_display_name (path);
  char header[100];
  GStatBuf st;
  Beside before;
  int fd;
  gssize n_read;
  gboolean ok;

  *out_new = FALSE;
  *out_version = 0;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        {
          *out_new = TRUE;
          return TRUE;
        }
      return set_open_error (error, KURS_STORE_ERROR_FAILED,
                             _("“%s” cannot be opened: no access"), name);
    }

  if (S_ISDIR (st.st_mode))
    return set_open_error (error, KURS_STORE_ERROR_NOT_A_LIBRARY,
                           _("“%s” is a folder, not a Kurs library"), name);
  if (!S_ISREG (st.st_mode))
    return set_open_error (error, KURS_STORE_ERROR_NOT_A_LIBRARY,
                           _("“%s” is not a file but a device or pipe, so it cannot be a Kurs library"), name);

  if (st.st_size == 0)
    {
      *out_new = TRUE;
      return TRUE;
    }

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return set_open_error (error, KURS_STORE_ERROR_FAILED,
                           _("“%s” cannot be read: you do not have permission"), name);
  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return set_open_error (error, KURS_STORE_ERROR_NOT_A_LIBRARY,
                           _("“%s” is not a Kurs library: it is not a database file"), name);

  /* With nothing beside it, no program is writing the file, and it can
   * be read without making anything beside it */
  beside_note (path, &before);
  ok = probe_with_sqlite (path, !beside_any (&before), flags, out_new, out_version, error);
  if (!ok)
    beside_remove_new (path, &before);
  return ok;
}

/* Whether the library can be written, and if not, why: with the reason
 * as an error, and the kind of read-only access it leaves. */
static gboolean
check_writable (const char       *path,
                gboolean          is_new,
                KursStoreAccess  *out_access,
                GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (path);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return set_open_error (error, KURS_STORE_ERROR_FAILED,
                           _("“%s” cannot be created: its folder does not exist"), name);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      *out_access = errno == EROFS ? KURS_STORE_ACCESS_READ_ONLY_FOLDER : KURS_STORE_ACCESS_READ_ONLY_FILE;
      if (errno == EROFS)
        return set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                               _("“%s” is on a disk that cannot be written to; Kurs can only show it, not change it"),
                               name);
      return set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                             _("“%s” is read-only; Kurs can only show it, not change it"), name);
    }

  /* SQLite keeps its log beside the library. */
  if (g_access (folder, W_OK) != 0)
    {
      *out_access = KURS_STORE_ACCESS_READ_ONLY_FOLDER;
      return (is_new
                ? set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                                  _("“%s” cannot be created: its folder is read-only"), name)
                : set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                                  _("“%s” is in a read-only folder; Kurs needs to write beside the library"), name));
    }

  return TRUE;
}

static gboolean
open_connection (KursStore           *self,
                 gboolean             is_new,
                 int                  version,
                 KursStoreOpenFlags   flags,
                 GError             **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autoptr(GError) local_error = NULL;
  int application_id = 0;
  sqlite3 *lite = NULL;
  int rc;

  if (self->read_only)
    {
      g_autofree char *folder = g_path_get_dirname (self->path);
      Beside beside;
      /* Nothing beside it, and nothing can be written here: nothing is
       * made beside it either */
      gboolean unchanging = self->access == KURS_STORE_ACCESS_READ_ONLY_FILE
                            || self->access == KURS_STORE_ACCESS_READ_ONLY_FOLDER
                            || self->access == KURS_STORE_ACCESS_READ_ONLY_FULL
                            || g_access (self->path, W_OK) != 0 || g_access (folder, W_OK) != 0;

      beside_note (self->path, &beside);
      rc = open_read_only (self->path, unchanging && !beside_any (&beside), busy_timeout_ms (flags), &lite);
    }
  else
    {
      rc = sqlite3_open_v2 (self->path, &lite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | OPEN_THREADING,
                            NULL);
      if (lite != NULL)
        {
          sqlite3_extended_result_codes (lite, TRUE);
          sqlite3_busy_timeout (lite, busy_timeout_ms (flags));
          kurs_migrations_add_functions (lite);
        }
    }

  if (lite != NULL)
    self->db = kurs_db_new_sqlite (lite);
  if (rc != SQLITE_OK)
    return set_read_error (lite, rc, self->path, error);
  _kurs_store_add_search_rank (lite);

  if (!kurs_store_exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!self->read_only)
    {
      /* WAL keeps the library whole if Kurs or the computer stops in the
       * middle of a write; FULL syncs each committed action to disk. */
      if (!kurs_store_exec_sql (self, "PRAGMA journal_mode = WAL", error)
          || !kurs_store_exec_sql (self, "PRAGMA synchronous = FULL", error))
        return FALSE;

      /* Room for a large library's working set: 16 MB of pages */
      kurs_store_exec_sql (self, "PRAGMA cache_size = -16000", NULL);
      /* and the log copied back into the file beside the actions, not by
       * the commit of each that fills it */
      kurs_db_checkpoint_in_thread (self->db);

      if (!kurs_migrations_run (lite, is_new ? 0 : version, &local_error))
        {
          if (g_error_matches (local_error, KURS_STORE_ERROR, KURS_STORE_ERROR_FULL) || kurs_store_is_disk_full (self->db))
            return (is_new
                      ? set_open_error (error, KURS_STORE_ERROR_FULL,
                                        _("“%s” cannot be created: the disk is full"), name)
                      : set_open_error (error, KURS_STORE_ERROR_FULL,
                                        _("“%s” cannot be opened: the disk is full"), name));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else if (is_new || version < kurs_migrations_get_latest ())
    {
      return (is_new
                ? set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                                  _("“%s” is not a library yet, and cannot be created read-only"), name)
                : set_open_error (error, KURS_STORE_ERROR_READ_ONLY,
                                  _("“%s” was saved by an older Kurs and must be opened once for writing to upgrade it"), name));
    }

  if (!query_int (lite, "PRAGMA application_id", &application_id))
    return set_read_error (lite, SQLITE_ERROR, self->path, error);
  if (application_id != KURS_APPLICATION_ID)
    return set_open_error (error, KURS_STORE_ERROR_FOREIGN,
                           _("“%s” is not a Kurs library"), name);

  return TRUE;
}

/* Opens @self->path read-only, as @access says why */
static gboolean
open_for_reading (KursStore           *self,
                  KursStoreAccess      access,
                  gboolean             is_new,
                  int                  version,
                  KursStoreOpenFlags   flags,
                  GError             **error)
{
  self->read_only = TRUE;
  self->access = access;


  return open_connection (self, is_new, version, flags, error);
}

/**
 * kurs_store_open:
 * @path: the library's file
 * @flags: how to open it
 * @error: a #GError
 *
 * Opens a library, creating it when @path does not exist or is empty.
 *
 * A file that is not a Kurs library — not SQLite, truncated or damaged,
 * another program's database, or a library from a newer Kurs — is
 * refused with an error a person understands, and neither it nor its
 * folder is changed: what SQLite made beside it is taken away, and a new
 * library that could not be made is not left behind empty.
 *
 * With %KURS_STORE_OPEN_READ_ONLY_IF_NEEDED, a library that cannot be
 * written (another program writes it, or the file, its folder or its disk
 * is read-only) is opened read-only instead; kurs_store_get_access() says
 * why.
 *
 * Returns: (transfer full): the store, or %NULL
 */
/* A team library on a server (kurs-server.c): the same store over a
 * connection.  What the person may change is the server's to say: a role
 * that only reads opens the library read-only. */
static KursStore *
open_server (const char          *address,
             KursStoreOpenFlags   flags,
             GError             **error)
{
  g_autoptr(KursServer) server = NULL;
  g_autoptr(KursStore) self = NULL;
  KursServerRights rights;

  if (!(server = kurs_server_connect (address, error)) || !kurs_server_check_library (server, error))
    return NULL;
  rights = kurs_server_get_rights (server);

  self = g_object_new (KURS_TYPE_STORE, NULL);
  self->path = g_strdup (address);
  self->db = kurs_db_new_server (kurs_server_steal_connection (server));
  if (!kurs_db_set_session (self->db, KURS_SERVER_SESSION))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED, _("The %s cannot be read: %s"),
                   kurs_server_describe (server), kurs_db_errmsg (self->db));
      return NULL;
    }

  self->follow_up_only = rights == KURS_SERVER_RIGHTS_FOLLOW_UP;
  if (rights == KURS_SERVER_RIGHTS_READ)
    {
      self->read_only = TRUE;
      self->access = KURS_STORE_ACCESS_READ_ONLY_ROLE;
    }
  if (flags & KURS_STORE_OPEN_READ_ONLY)
    {
      self->read_only = TRUE;
      self->access = KURS_STORE_ACCESS_READ_ONLY_ASKED;
    }
  return g_steal_pointer (&self);
}

static KursStore *
open_file (const char          *path,
           KursStoreOpenFlags   flags,
           GError             **error)
{
  g_autoptr(KursStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  KursStoreAccess access = KURS_STORE_ACCESS_WRITE;
  gboolean is_new, created = FALSE;
  Beside before;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);

  if (!probe_file (path, flags, &is_new, &version, error))
    return NULL;

  self = g_object_new (KURS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (flags & KURS_STORE_OPEN_READ_ONLY)
    {
      if (!open_for_reading (self, KURS_STORE_ACCESS_READ_ONLY_ASKED, is_new, version, flags, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!check_writable (path, is_new, &access, &local_error))
    {
      if ((flags & KURS_STORE_OPEN_READ_ONLY_IF_NEEDED)
          && g_error_matches (local_error, KURS_STORE_ERROR, KURS_STORE_ERROR_READ_ONLY) && !is_new)
        {
          if (!open_for_reading (self, access, is_new, version, flags, error))
            return NULL;
          return g_steal_pointer (&self);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* An empty file is a new library: made at once, so that a failure can
   * take away what it made */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) create_error = NULL;

      if (!g_file_set_contents (path, "", 0, &create_error))
        {
          if (g_error_matches (create_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
            set_open_error (error, KURS_STORE_ERROR_FULL, _("“%s” cannot be created: the disk is full"), name);
          else
            set_open_error (error, KURS_STORE_ERROR_FAILED, _("“%s” cannot be created"), name);
          g_unlink (path);
          return NULL;
        }
      created = TRUE;
    }

  beside_note (path, &before);
  if (!open_connection (self, is_new, version, flags, &local_error))
    {
      kurs_store_close_database (self);
      beside_remove_new (path, &before);
      if (created)
        g_unlink (path);

      /* A full disk can still be read */
      if ((flags & KURS_STORE_OPEN_READ_ONLY_IF_NEEDED) && !is_new
          && g_error_matches (local_error, KURS_STORE_ERROR, KURS_STORE_ERROR_FULL))
        {
          if (!open_for_reading (self, KURS_STORE_ACCESS_READ_ONLY_FULL, is_new, version, flags, error))
            return NULL;
          return g_steal_pointer (&self);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

KursStore *
kurs_store_open (const char          *path,
                 KursStoreOpenFlags   flags,
                 GError             **error)
{
  KursStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kurs_store_ensure_sql ();
  self = kurs_server_is_address (path) ? open_server (path, flags, error) : open_file (path, flags, error);
  /* what others change from now on is theirs to say (kurs-store-log.c) */
  if (self != NULL)
    _kurs_store_log_open (self);
  return self;
}

/**
 * kurs_store_get_default_path:
 *
 * Returns: (transfer full): where the library lives when no file is named:
 *   `$XDG_DATA_HOME/kurs/library.kurs`
 */
char *
kurs_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kurs", "library.kurs", NULL);
}


/* Opening in the background */

typedef struct {
  char               *path;
  KursStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->path);
  g_free (open);
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *open = task_data;
  GError *error = NULL;
  KursStore *store = kurs_store_open (open->path, open->flags, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * kurs_store_open_async:
 * @callback: called in the thread-default main context of the caller
 *
 * Opens a library as kurs_store_open() does, in a thread of its own:
 * checking a large file reads every page of it, and a window keeps drawing
 * meanwhile.  The store is the caller's once kurs_store_open_finish()
 * returns it; nothing else uses it before.
 */
void
kurs_store_open_async (const char          *path,
                       KursStoreOpenFlags   flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open;

  g_return_if_fail (path != NULL);

  open = g_new0 (OpenData, 1);
  open->path = g_strdup (path);
  open->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kurs_store_open_async);
  g_task_set_name (task, "kurs-store-open");
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * kurs_store_open_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set as
 *   kurs_store_open() would
 */
KursStore *
kurs_store_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kurs_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reading a strategy in the background */

typedef struct {
  char                  *path;
  gint64                 strategy_id;
  KursStoreStrategyFunc  func;
  gpointer               data;
  GDestroyNotify         data_free;
  GDestroyNotify         result_free;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  if (read->data_free != NULL)
    read->data_free (read->data);
  g_free (read->path);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *read = task_data;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  GError *error = NULL;
  gpointer result;

  /* A connection of the thread's own, reading what is committed */
  store = kurs_store_open (read->path, KURS_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, read->strategy_id);
  if (strategy == NULL)
    {
      g_task_return_new_error (task, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                               _("The strategy is no longer in the library"));
      return;
    }

  if ((result = read->func (store, strategy, read->data, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->result_free);
}

/**
 * kurs_store_read_strategy_async:
 * @path: the library's file
 * @strategy: a strategy of a store on @path
 * @func: makes the result from the strategy, in the thread
 * @result_free: frees a result no one took
 * @source_tag: the caller's function, which _finish() checks
 *
 * Calls @func in a thread, with a read-only store of the thread's own
 * (which a result may keep) and its record of @strategy: for a large
 * strategy's export or document, while a window goes on.  What the caller
 * has not committed is not in it; let its store's bindings save first
 * (kurs_store_prepare()).  A strategy deleted meanwhile is an error.
 */
void
kurs_store_read_strategy_async (const char            *path,
                                KursRecord            *strategy,
                                KursStoreStrategyFunc  func,
                                gpointer               data,
                                GDestroyNotify         data_free,
                                GDestroyNotify         result_free,
                                gpointer               source_tag,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (path != NULL);
  g_return_if_fail (KURS_IS_RECORD (strategy));
  g_return_if_fail (func != NULL);

  read = g_new0 (ReadData, 1);
  read->path = g_strdup (path);
  read->strategy_id = kurs_record_get_id (strategy);
  read->func = func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "kurs-store-read-strategy");
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * kurs_store_read_strategy_finish:
 * @source_tag: as given to kurs_store_read_strategy_async()
 *
 * Returns: (transfer full): what the function made, or %NULL with @error set
 */
gpointer
kurs_store_read_strategy_finish (GAsyncResult  *result,
                                 gpointer       source_tag,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
