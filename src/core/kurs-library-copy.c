/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-copy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kurs-library-copy.h"
#include "kurs-server.h"
#include "kurs-store-private.h"

/* Copying a whole library, every strategy, version, record and
 * measurement with its id and uid, from a .kurs file or a server to an
 * empty .kurs file or server: each engine gives its tables row by row
 * (kurs_store_dump_tables(), kurs_server_dump_tables()) and takes them
 * in one transaction (their load_tables pairs), so a copy that fails
 * leaves the target as it was, and a file it made is removed again. */

typedef struct {
  KursStore  *store;
  KursServer *server;
  char       *made;      /* a file this copy made, removed if it fails */
} Library;

static void
library_clear (Library *library)
{
  g_clear_object (&library->store);
  g_clear_pointer (&library->server, kurs_server_free);
  g_clear_pointer (&library->made, g_free);
}

static void
remove_made (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static gboolean
library_open (Library     *library,
              const char  *name,
              gboolean     target,
              GError     **error)
{
  if (kurs_server_is_address (name))
    {
      library->server = kurs_server_connect (name, error);
      /* a target is checked as it is made ready (kurs_server_load_tables_begin()) */
      return library->server != NULL && (target || kurs_server_check_library (library->server, error));
    }

  if (!target && !g_file_test (name, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no library %s"), name);
      return FALSE;
    }
  if (target && !g_file_test (name, G_FILE_TEST_EXISTS))
    library->made = g_strdup (name);
  library->store = kurs_store_open (name, target ? KURS_STORE_OPEN_WAIT : KURS_STORE_OPEN_READ_ONLY_IF_NEEDED,
                                    error);
  if (library->store == NULL && library->made != NULL)
    remove_made (library->made);
  return library->store != NULL;
}

/**
 * kurs_library_copy:
 * @from: a .kurs file, or a server's address
 * @to: a .kurs file that does not exist yet or holds no strategy, or the
 *   address of a server set up with kurs_server_init() that holds none
 * @n_strategies: (out) (optional): how many strategies were copied
 * @n_rows: (out) (optional): how many rows, of every kind
 *
 * Copies the whole library @from into @to, in one transaction.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set, and @to
 *   as it was
 */
gboolean
kurs_library_copy (const char  *from,
                   const char  *to,
                   guint64     *n_strategies,
                   guint64     *n_rows,
                   GError     **error)
{
  Library source = { 0 }, target = { 0 };
  KursTableSink *sink = NULL;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (g_str_equal (from, to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A library cannot be copied into itself"));
      return FALSE;
    }
  if (!library_open (&source, from, FALSE, error) || !library_open (&target, to, TRUE, error))
    goto out;

  sink = target.store ? kurs_store_load_tables_begin (target.store, error)
                      : kurs_server_load_tables_begin (target.server, error);
  if (sink == NULL)
    goto out;
  ok = source.store ? kurs_store_dump_tables (source.store, sink, &local_error)
                    : kurs_server_dump_tables (source.server, sink, &local_error);
  if (n_strategies)
    *n_strategies = sink->n_strategies;
  if (n_rows)
    *n_rows = sink->n_rows;
  ok = target.store ? kurs_store_load_tables_end (sink, ok, local_error ? NULL : &local_error)
                    : kurs_server_load_tables_end (sink, ok, local_error ? NULL : &local_error);
  if (!ok)
    {
      g_propagate_prefixed_error (error, local_error, _("The library was not copied, and %s is as it was: "), to);
      local_error = NULL;
    }

out:
  g_clear_error (&local_error);
  if (!ok && target.made != NULL)
    {
      g_autofree char *made = g_strdup (target.made);

      library_clear (&target);
      remove_made (made);
    }
  library_clear (&source);
  library_clear (&target);
  return ok;
}
