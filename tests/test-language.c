/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-language"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-language.h"
#include "kurs-test-util.h"

/* The language of a strategy's text, and Kurs' words looked up in it
 * whatever the locale.  The tests run in the C locale. */

static void
test_detect (void)
{
  /* The seeds' own titles and sentences */
  g_assert_cmpint (kurs_language_detect ("Strategi for socialt udsatte voksne 2022–2029"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Strategi for Socialområdet 2024–2026"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Socialudvalget"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Flere i egen bolig"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Udsattestrategi"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Strategy for socially vulnerable adults"), ==, KURS_LANGUAGE_ENGLISH);
  g_assert_cmpint (kurs_language_detect ("The council wants fewer people to be homeless."), ==,
                   KURS_LANGUAGE_ENGLISH);
  g_assert_cmpint (kurs_language_detect ("New Strategy"), ==, KURS_LANGUAGE_ENGLISH);

  /* Case does not matter; Æ, Ø and Å are Danish letters */
  g_assert_cmpint (kurs_language_detect ("BØRN OG UNGE"), ==, KURS_LANGUAGE_DANISH);
  g_assert_cmpint (kurs_language_detect ("Ærø"), ==, KURS_LANGUAGE_DANISH);

  /* Nothing either way: a name, a number, nothing, not text */
  g_assert_cmpint (kurs_language_detect ("Vision 2029"), ==, KURS_LANGUAGE_UNKNOWN);
  g_assert_cmpint (kurs_language_detect ("2027"), ==, KURS_LANGUAGE_UNKNOWN);
  g_assert_cmpint (kurs_language_detect (""), ==, KURS_LANGUAGE_UNKNOWN);
  g_assert_cmpint (kurs_language_detect (NULL), ==, KURS_LANGUAGE_UNKNOWN);
  g_assert_cmpint (kurs_language_detect ("\xff\xfe og"), ==, KURS_LANGUAGE_UNKNOWN);
}

static void
test_of_strategy (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autoptr(KursStore) store = kurs_test_open_library (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KursRecord) danish = NULL;
  g_autoptr(KursRecord) english = NULL;
  g_autoptr(KursRecord) unknown = NULL;

  /* The title says little; the committee and the vision decide */
  danish = kurs_store_create_strategy (store, "Vision 2029", 2027, 2030, "Socialudvalget", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_language_of_strategy (danish), ==, KURS_LANGUAGE_DANISH);

  english = kurs_store_create_strategy (store, "Vision 2029", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_language_of_strategy (english), ==, KURS_LANGUAGE_UNKNOWN);
  g_assert_true (kurs_store_set (store, english, "vision",
                                 g_variant_new_string ("Everyone who needs a home has one, and the help to keep it."),
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (kurs_language_of_strategy (english), ==, KURS_LANGUAGE_ENGLISH);

  unknown = kurs_store_create_strategy (store, "2027", 2027, 2030, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kurs_language_of_strategy (unknown), ==, KURS_LANGUAGE_UNKNOWN);

  kurs_store_close (store);
  kurs_test_remove_dir (dir);
}

/* Danish from Kurs' own catalog in the C locale, English as written,
 * and the user interface's language when the strategy's is unknown. */
static void
test_gettext (void)
{
  const char *msgid = N_("Municipal council");

  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, msgid), ==, "Kommunalbestyrelsen");
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, N_("Hearing on the draft strategy")), ==,
                   "Høring om udkast til strategi");
  g_assert_true (kurs_language_gettext (KURS_LANGUAGE_ENGLISH, msgid) == msgid);
  /* The locale is C, so the user interface is English */
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_UNKNOWN, msgid), ==, "Municipal council");
  /* A message the catalog does not have stays as it is */
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, "No such message in Kurs"), ==,
                   "No such message in Kurs");
  /* The catalog's header is not a translation of the empty message */
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, ""), ==, "");
}

/* Without a catalog, or with a damaged one, the words stay English. */
static void
test_gettext_without_catalog (void)
{
  g_autofree char *dir = kurs_test_make_dir ();
  g_autofree char *messages = g_build_filename (dir, "da", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *localedir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *damaged_dir = kurs_test_make_dir ();
  g_autofree char *damaged_messages = g_build_filename (damaged_dir, "da", "LC_MESSAGES", NULL);
  g_autofree char *damaged = g_build_filename (damaged_messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *original = g_build_filename (localedir, "da", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  guint32 huge = 0x7fffffff;

  /* No catalog where the domain is bound */
  bindtextdomain (GETTEXT_PACKAGE, dir);
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, "Municipal council"), ==, "Municipal council");

  /* A catalog cut short, and one whose tables point outside the file */
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  kurs_test_write_file (mo, "\xde\x12\x04\x95", 4);
  g_assert_cmpint (g_mkdir_with_parents (damaged_messages, 0700), ==, 0);
  contents = kurs_test_read_file (original, &length);
  g_assert_cmpuint (length, >, 28);
  memcpy (contents + 12, &huge, 4);
  kurs_test_write_file (damaged, contents, length);

  bindtextdomain (GETTEXT_PACKAGE, dir);
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, "Municipal council"), ==, "Municipal council");
  bindtextdomain (GETTEXT_PACKAGE, damaged_dir);
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, "Municipal council"), ==, "Municipal council");

  /* Bound back, the real catalog is read again */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  g_assert_cmpstr (kurs_language_gettext (KURS_LANGUAGE_DANISH, "Municipal council"), ==, "Kommunalbestyrelsen");

  kurs_test_remove_dir (dir);
  kurs_test_remove_dir (damaged_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR"));

  g_test_add_func ("/language/detect", test_detect);
  g_test_add_func ("/language/of-strategy", test_of_strategy);
  g_test_add_func ("/language/gettext", test_gettext);
  g_test_add_func ("/language/gettext-without-catalog", test_gettext_without_catalog);

  return g_test_run ();
}
