/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-xml-import"

/* libFuzzer target: any bytes at all, given to the XML importer and to the
 * reader that compares versions (kurs-snapshot.c's stream reader).  They
 * must refuse or read, never crash, leak or hang; and an approved
 * version's words, which an import reads with its rows for the search
 * index, must be the words kurs_xml_text_content() reads from its text;
 * and what an import takes, the whole schema takes.  Build with
 * CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false */

#include "config.h"

#include <stdint.h>

#include "kurs-comparison.h"
#include "kurs-xml-import.h"
#include "kurs-xml-rows.h"
#include "kurs-xml.h"

static KursStore *store;

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kurs-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "library.kurs", NULL);
  store = kurs_store_open (path, KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) strategy = NULL;

  /* As a copy, so that a valid file goes all the way in every time */
  strategy = kurs_xml_import (store, bytes, KURS_XML_IMPORT_AS_COPY, &error);
  g_assert ((strategy == NULL) == (error != NULL));

  /* Keep the library small */
  if (strategy != NULL)
    {
      g_autoptr(GError) delete_error = NULL;

      /* what the import took, the whole schema takes: the import's check
       * leaves out the schema's ids and references, which the importer
       * checks itself (kurs_xml_checker_new_without_keys()) */
      g_assert_true (kurs_xml_validate (bytes, NULL, NULL));

      kurs_store_delete (store, strategy, &delete_error);
      g_assert_no_error (delete_error);
    }

  /* The words read with the rows, where the file is a version */
  {
    g_autoptr(KursXmlRows) rows = kurs_xml_rows_read ((const char *) data, size, TRUE, NULL);
    g_autofree char *words = rows != NULL ? kurs_xml_rows_steal_words (rows) : NULL;

    if (words != NULL)
      {
        g_autofree char *from_text = kurs_xml_text_content ((const char *) data, size);

        g_assert_cmpstr (words, ==, from_text);
      }
  }

  /* The same bytes as a version to compare, with itself */
  {
    g_autofree char *text = g_strndup ((const char *) data, size);
    g_autoptr(GError) compare_error = NULL;
    g_autoptr(KursComparison) comparison = kurs_comparison_new_from_xml (text, text, &compare_error);

    g_assert ((comparison == NULL) == (compare_error != NULL));
  }

  return 0;
}
