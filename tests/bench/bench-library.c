/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-library"

/* Writes the 20,000-item library of the benchmarks to a file, for the
 * benchmarks that run Kurs's programs on it */

#include "config.h"

#include "kurs-bench-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KursStore) store = NULL;
  g_autoptr(KursRecord) strategy = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: bench-library FILE.kurs\n");
      return 2;
    }
  store = kurs_store_open (argv[1], KURS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  strategy = kurs_bench_generate_strategy (store, 10000, 10000);
  return 0;
}
