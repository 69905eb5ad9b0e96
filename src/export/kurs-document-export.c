/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-document-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kurs-approval.h"
#include "kurs-document-export.h"
#include "kurs-hearing-summary.h"
#include "kurs-language.h"
#include "kurs-odt.h"
#include "kurs-strategy-document.h"
#include "kurs-xml-export.h"
#include "kurs-xml-import.h"

/* The strategy and the hearing summary as OpenDocument texts: the same
 * documents as on paper (kurs_strategy_document_new(),
 * kurs_hearing_summary_new()), written by kurs_odt_write().
 *
 * An approved version is the text as it was frozen.  While the strategy
 * is approved that is the library's own text; otherwise (an older version,
 * or a revision under way) the version's XML is read into a library of
 * its own in a temporary folder, and the document made from there, so
 * that a version is never mixed with the draft that followed. */

/* BCP 47 for the strategy's language; the language Kurs speaks where the
 * strategy's text does not say */
static const char *
language_tag (KursRecord *strategy)
{
  switch (strategy ? kurs_language_of_strategy (strategy) : KURS_LANGUAGE_UNKNOWN)
    {
    case KURS_LANGUAGE_DANISH:
      return "da-DK";
    case KURS_LANGUAGE_ENGLISH:
      return "en";
    default:
      return g_str_has_prefix (g_get_language_names ()[0], "da") ? "da-DK" : "en";
    }
}

/* A version's library, in a folder of its own, gone with it */
typedef struct {
  char      *dir;
  char      *path;
  KursStore *store;
} VersionLibrary;

static void
version_library_clear (VersionLibrary *library)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&library->store);
  if (library->dir != NULL && (dir = g_dir_open (library->dir, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (library->dir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (library->dir);
    }
  g_clear_pointer (&library->dir, g_free);
  g_clear_pointer (&library->path, g_free);
}

/* The approved version @number (0: the latest) of @strategy, read from
 * its frozen XML into a library of its own */
static KursRecord *
open_version (KursStore       *store,
              KursRecord      *strategy,
              gint64           number,
              VersionLibrary  *library,
              GError         **error)
{
  g_autoptr(GBytes) xml = kurs_xml_export_version (store, strategy, number, error);

  if (xml == NULL
      || (library->dir = g_dir_make_tmp ("kurs-version-XXXXXX", error)) == NULL)
    return NULL;
  library->path = g_build_filename (library->dir, "version.kurs", NULL);
  if (!(library->store = kurs_store_open (library->path, KURS_STORE_OPEN_DEFAULT, error)))
    return NULL;
  return kurs_xml_import (library->store, xml, KURS_XML_IMPORT_DEFAULT, error);
}

static gboolean export_strategy (KursStore                 *store,
                                 KursRecord                *strategy,
                                 gint64                     version,
                                 KursCalendarLayers         calendar,
                                 const char                *path,
                                 KursDocumentProgressFunc   progress,
                                 gpointer                   progress_data,
                                 GError                   **error);

/**
 * kurs_document_export_strategy:
 * @version: an approved version's number, %KURS_DOCUMENT_LATEST_VERSION or
 *   %KURS_DOCUMENT_DRAFT
 * @path: the .odt to write
 *
 * Writes the strategy as it is printed — title page, its text section by
 * section, key figures drawn, action plans with their initiatives, the
 * timeline — as an OpenDocument text.  A strategy without an approved
 * version is refused unless the draft is asked for.  Nothing is left of
 * a document that could not be written.  Its timeline shows all of the
 * Danish calendar.
 */
gboolean
kurs_document_export_strategy (KursStore   *store,
                               KursRecord  *strategy,
                               gint64       version,
                               const char  *path,
                               GError     **error)
{
  return export_strategy (store, strategy, version, KURS_CALENDAR_ALL, path, NULL, NULL, error);
}

static gboolean
export_strategy (KursStore                 *store,
                 KursRecord                *strategy,
                 gint64                     version,
                 KursCalendarLayers         calendar,
                 const char                *path,
                 KursDocumentProgressFunc   progress,
                 gpointer                   progress_data,
                 GError                   **error)
{
  VersionLibrary library = { 0 };
  g_autoptr(KursRecord) shown = NULL;
  g_autoptr(KursPrintDocument) document = NULL;
  g_autoptr(GDateTime) approved = NULL;
  g_autofree char *version_text = NULL;
  KursOdtInfo info = { 0 };
  gboolean ok;

  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (version == KURS_DOCUMENT_DRAFT)
    {
      shown = g_object_ref (strategy);
      version_text = g_strdup (_("Draft"));
      document = kurs_strategy_document_new_full (store, shown, calendar);
    }
  else
    {
      g_autoptr(KursRecord) frozen = NULL;
      KursStore *from = store;

      /* While the strategy is approved, its text is its latest version's:
       * the document is made from the library itself, the key figures
       * and progress as they are today.  An older version, or the last
       * one while a revision is under way, is read from its frozen XML. */
      if (version == KURS_DOCUMENT_LATEST_VERSION
          && kurs_store_is_frozen (store, kurs_record_get_id (strategy))
          && (frozen = kurs_approval_get_version (store, strategy, 0)) != NULL)
        shown = g_object_ref (strategy);
      else if ((shown = open_version (store, strategy, version, &library, error)) != NULL)
        {
          from = library.store;
          frozen = kurs_approval_get_version (from, shown, 0);
        }
      else
        {
          version_library_clear (&library);
          return FALSE;
        }
      if (frozen != NULL)
        {
          KursDate date = kurs_record_get_date (frozen, "approved_date");
          int year, month, day;

          kurs_date_to_ymd (date, &year, &month, &day);
          approved = g_date_time_new_utc (year, month, day, 0, 0, 0);
          /* Translators: an approved version of a strategy, in a document's properties */
          version_text = g_strdup_printf (_("Version %d"), (int) kurs_record_get_int (frozen, "number"));
        }
      document = kurs_strategy_document_new_full (from, shown, calendar);
    }

  info.language = language_tag (shown);
  info.version = version_text;
  info.date = approved;
  info.progress = progress;
  info.progress_data = progress_data;
  ok = kurs_odt_write (document, &info, path, error);

  /* the document's drawings hold the version's library until here */
  g_clear_object (&document);
  version_library_clear (&library);
  return ok;
}

/**
 * kurs_document_export_hearing_summary:
 * @round: a hearing round
 * @path: the .odt to write
 *
 * Writes the round's hearing summary (høringsnotat) as an OpenDocument
 * text: the same as printed.
 */
gboolean
kurs_document_export_hearing_summary (KursStore   *store,
                                      KursRecord  *round,
                                      const char  *path,
                                      GError     **error)
{
  g_autoptr(KursPrintDocument) document = NULL;
  g_autoptr(KursRecord) strategy = NULL;
  KursOdtInfo info = { 0 };

  g_return_val_if_fail (KURS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KURS_IS_RECORD (round), FALSE);

  document = kurs_hearing_summary_new (store, round);
  strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, kurs_record_get_strategy_id (round));
  info.language = language_tag (strategy);
  return kurs_odt_write (document, &info, path, error);
}

/* In the background */

/* Where the progress goes: the caller's function, in the caller's main
 * context; shared by the export and each update on its way there, and
 * freed (there) with the last of them */
typedef struct {
  gint                      ref_count;
  KursDocumentProgressFunc  func;
  gpointer                  data;
  GDestroyNotify            destroy;
  GMainContext             *context;
} Sink;

static Sink *
sink_ref (Sink *sink)
{
  g_atomic_int_inc (&sink->ref_count);
  return sink;
}

static gboolean
sink_destroy_cb (gpointer data)
{
  Sink *sink = data;

  if (sink->destroy)
    sink->destroy (sink->data);
  g_main_context_unref (sink->context);
  g_free (sink);
  return G_SOURCE_REMOVE;
}

static void
sink_unref (Sink *sink)
{
  if (g_atomic_int_dec_and_test (&sink->ref_count))
    g_main_context_invoke (sink->context, sink_destroy_cb, sink);
}

typedef struct {
  Sink   *sink;
  double  fraction;
} Update;

static gboolean
update_cb (gpointer data)
{
  Update *update = data;

  update->sink->func (update->fraction, update->sink->data);
  return G_SOURCE_REMOVE;
}

static void
update_free (gpointer data)
{
  Update *update = data;

  sink_unref (update->sink);
  g_free (update);
}

/* From the threads that draw: on to the caller's context */
static void
send_progress (double   fraction,
               gpointer data)
{
  Sink *sink = data;
  Update *update = g_new0 (Update, 1);

  update->sink = sink_ref (sink);
  update->fraction = fraction;
  g_main_context_invoke_full (sink->context, G_PRIORITY_DEFAULT, update_cb, update, update_free);
}

typedef struct {
  gint64              version;
  KursCalendarLayers  calendar;
  char               *path;
  Sink               *sink;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_free (export->path);
  if (export->sink)
    sink_unref (export->sink);
  g_free (export);
}

static gpointer
export_in_thread (KursStore   *store,
                  KursRecord  *strategy,
                  gpointer     data,
                  GError     **error)
{
  Export *export = data;

  if (!export_strategy (store, strategy, export->version, export->calendar, export->path,
                        export->sink ? send_progress : NULL, export->sink, error))
    return NULL;
  return g_strdup (export->path);
}

/**
 * kurs_document_export_strategy_async:
 * @library: the library's file
 * @strategy: a strategy of a store on @library
 * @calendar: what of the Danish calendar its timeline shows, as the
 *   window's does
 * @progress: (nullable): told how far the document is, from 0 to 1, in
 *   the thread-default main context of the caller
 * @progress_destroy: frees @progress_data, there too, when it is no
 *   longer told anything
 *
 * Writes the document as kurs_document_export_strategy() does, in a
 * thread with a read-only store of its own.  Let the caller's store save
 * what is being typed first (kurs_store_prepare()).
 */
void
kurs_document_export_strategy_async (const char               *library,
                                     KursRecord               *strategy,
                                     gint64                    version,
                                     KursCalendarLayers        calendar,
                                     const char               *path,
                                     KursDocumentProgressFunc  progress,
                                     gpointer                  progress_data,
                                     GDestroyNotify            progress_destroy,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  Export *export = g_new0 (Export, 1);

  export->version = version;
  export->calendar = calendar;
  export->path = g_strdup (path);
  if (progress != NULL)
    {
      export->sink = g_new0 (Sink, 1);
      export->sink->ref_count = 1;
      export->sink->func = progress;
      export->sink->data = progress_data;
      export->sink->destroy = progress_destroy;
      export->sink->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);
  kurs_store_read_strategy_async (library, strategy, export_in_thread, export, export_free, g_free,
                                  kurs_document_export_strategy_async, cancellable, callback, user_data);
}

gboolean
kurs_document_export_strategy_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_autofree char *path = kurs_store_read_strategy_finish (result, kurs_document_export_strategy_async, error);

  return path != NULL;
}
