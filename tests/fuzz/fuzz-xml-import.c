/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-xml-import"

/* libFuzzer target: any bytes at all, given to the XML importer and to the
 * reader that compares versions (kurs-snapshot.c's stream reader).  They
 * must refuse or read, never crash, leak or hang.  Build with
 * CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false */

#include "config.h"

#include <stdint.h>

#include "kurs-comparison.h"
#include "kurs-xml-import.h"

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

      kurs_store_delete (store, strategy, &delete_error);
      g_assert_no_error (delete_error);
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
