/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-smoke"

/* A fuzz target run without libFuzzer, in the ordinary sanitizer build:
 * every file of its seed corpus, then for a few seconds inputs made from
 * them by the mutations a fuzzer makes — bytes flipped, inserted, cut,
 * repeated, the dictionary's words put in.  The seed is fixed, so a
 * failure can be run again.  It keeps the targets compiling and catches
 * what a short fuzz would; the long fuzzing is libFuzzer's (README).
 *
 * Usage: fuzz-smoke SECONDS CORPUS [DICTIONARY] */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define LONGEST_INPUT (64 * 1024)

/* The dictionary's words, from lines such as "abc\x0a" */
static GPtrArray *
read_dictionary (const char *path)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return words;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *start = strchr (lines[i], '"');
      const char *end = strrchr (lines[i], '"');
      GByteArray *word;

      if (lines[i][0] == '#' || start == NULL || end <= start)
        continue;
      word = g_byte_array_new ();
      for (const char *c = start + 1; c < end; c++)
        {
          guint8 byte = (guint8) *c;

          if (*c == '\\' && c + 3 < end && c[1] == 'x')
            {
              byte = (guint8) (g_ascii_xdigit_value (c[2]) * 16 + g_ascii_xdigit_value (c[3]));
              c += 3;
            }
          else if (*c == '\\' && c + 1 < end)
            byte = (guint8) *++c;
          g_byte_array_append (word, &byte, 1);
        }
      g_ptr_array_add (words, g_byte_array_free_to_bytes (word));
    }
  return words;
}

static void
insert_bytes (GByteArray    *array,
              guint          at,
              gconstpointer  data,
              gsize          size)
{
  guint len = array->len;
  g_autofree guint8 *copy = g_memdup2 (data, size);

  g_byte_array_set_size (array, len + size);
  memmove (array->data + at + size, array->data + at, len - at);
  memcpy (array->data + at, copy, size);
}

static void
mutate (GByteArray *input,
        GRand      *rand,
        GPtrArray  *corpus,
        GPtrArray  *words)
{
  guint n = g_rand_int_range (rand, 1, 9);

  for (guint i = 0; i < n; i++)
    {
      guint len = input->len;
      guint at = len > 0 ? g_rand_int_range (rand, 0, len) : 0;
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);
      /* (MIN() takes its arguments twice: no g_rand_*() in it) */
      guint short_run = g_rand_int_range (rand, 1, 64);
      guint long_run = g_rand_int_range (rand, 1, 256);

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:   /* flip a byte */
          if (len > 0)
            input->data[at] ^= (guint8) (1u << g_rand_int_range (rand, 0, 8));
          break;
        case 1:   /* a new byte */
          if (len < LONGEST_INPUT)
            insert_bytes (input, at, &byte, 1);
          break;
        case 2:   /* cut a run */
          if (len > 0)
            g_byte_array_remove_range (input, at, MIN (len - at, short_run));
          break;
        case 3:   /* repeat a run */
          if (len > 0 && len < LONGEST_INPUT / 2)
            {
              guint run = MIN (len - at, long_run);
              g_autofree guint8 *copy = g_memdup2 (input->data + at, run);

              insert_bytes (input, g_rand_int_range (rand, 0, len + 1), copy, run);
            }
          break;
        case 4:   /* a word of the dictionary */
          if (words->len > 0 && len < LONGEST_INPUT)
            {
              GBytes *word = words->pdata[g_rand_int_range (rand, 0, words->len)];
              gsize size;
              gconstpointer data = g_bytes_get_data (word, &size);

              insert_bytes (input, at, data, size);
            }
          break;
        case 5:   /* cut it short */
          g_byte_array_set_size (input, at);
          break;
        default:  /* splice in part of another input */
          {
            GBytes *other = corpus->pdata[g_rand_int_range (rand, 0, corpus->len)];
            gsize size;
            const guint8 *data = g_bytes_get_data (other, &size);

            if (size > 0 && len < LONGEST_INPUT)
              {
                guint from = g_rand_int_range (rand, 0, size);

                insert_bytes (input, at, data + from, MIN (size - from, (gsize) 512));
              }
          }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) corpus = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GRand *rand;
  gint64 deadline;
  const char *name;
  guint runs = 0;

  if (argc < 3)
    {
      g_printerr ("usage: %s SECONDS CORPUS [DICTIONARY]\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  words = read_dictionary (argc > 3 ? argv[3] : NULL);

  dir = g_dir_open (argv[2], 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[2], name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      runs++;
      g_ptr_array_add (corpus, g_bytes_new_take (g_steal_pointer (&contents), length));
    }
  g_assert_cmpuint (corpus->len, >, 0);

  rand = g_rand_new_with_seed (20261205);
  deadline = g_get_monotonic_time () + (gint64) (g_ascii_strtod (argv[1], NULL) * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < deadline)
    {
      GBytes *seed = corpus->pdata[g_rand_int_range (rand, 0, corpus->len)];
      gsize size;
      const guint8 *data = g_bytes_get_data (seed, &size);
      g_autoptr(GByteArray) input = g_byte_array_sized_new (size);

      g_byte_array_append (input, data, size);
      mutate (input, rand, corpus, words);
      LLVMFuzzerTestOneInput (input->data, input->len);
      runs++;
    }
  g_rand_free (rand);

  g_print ("%s: %u inputs, %u from the corpus, none crashed\n", argv[2], runs, corpus->len);
  return 0;
}
