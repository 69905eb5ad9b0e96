/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-csv-import"

/* libFuzzer target: any bytes at all, given to the CSV importer as a
 * sheet of measurements for the example's strategy.  It must refuse or
 * import, never crash, leak or hang, and what it imports must be as
 * many measurements as it says.  Build as fuzz-xml-import is. */

#include "config.h"

#include <stdint.h>

#include "kurs-csv-import.h"
#include "kurs-example.h"

static KursStore *store;
static KursRecord *strategy;

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
  strategy = kurs_example_create (store, &error);
  g_assert_no_error (error);

  return 0;
}

static guint
count_measurements (void)
{
  g_autoptr(GPtrArray) all = kurs_store_list_by_strategy (store, KURS_ENTITY_MEASUREMENT,
                                                          kurs_record_get_id (strategy), NULL);

  return all->len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint before = count_measurements ();
  int n;

  n = kurs_csv_import (store, strategy, (const char *) data, size, &problems, &error);
  g_assert ((n < 0) == (error != NULL));
  g_assert_cmpuint (count_measurements (), ==, before + (n > 0 ? (guint) n : 0));

  /* Keep the library as it was */
  if (n > 0)
    g_assert_true (kurs_store_undo (store, NULL));

  return 0;
}
