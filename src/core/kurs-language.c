/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-language"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-language.h"

/* The language of a strategy's content, and the words Kurs writes into
 * it in that language.
 *
 * A consultant who runs kurs-cli in an English terminal, or a colleague
 * whose desktop is in English, still plans a Danish strategy in Danish:
 * the titles of its milestones are part of the strategy, read aloud at
 * the committee meeting, not part of the user interface.  So the
 * language is read from the strategy's own text (its title, committee,
 * vision and core value), and the words are looked up in Kurs' own
 * compiled translation for that language, whatever the locale is.
 * Only when the text says nothing either way does the user interface's
 * language decide. */

/* Words that occur in one language's strategy texts and not (as words)
 * in the other's. */
static const char * const danish_words[] = {
  "af", "alle", "at", "blive", "bliver", "borger", "borgere", "borgerne",
  "de", "den", "der", "det", "egen", "eget", "eller", "en", "er", "et",
  "flere", "fra", "har", "hvad", "hvem", "hvor", "i", "ikke", "kan",
  "kommune", "kommunes", "med", "mere", "mål", "når", "ny", "nye", "og",
  "også", "om", "område", "på", "sig", "sin", "sine", "skal", "som",
  "strategi", "til", "udsatte", "udvalg", "vil", "voksne", "være",
};

static const char * const english_words[] = {
  "a", "adults", "an", "and", "are", "be", "by", "citizens", "council",
  "draft", "goals", "hearing", "homeless", "is", "it", "its", "new", "not",
  "of", "on", "or", "people", "should", "strategy", "that", "the", "this",
  "to", "vulnerable", "which", "who", "will", "with",
};

/* Danish compounds end in these ("Socialudvalget", "Udsattestrategi",
 * "Sundhedspolitikken"). */
static const char * const danish_endings[] = {
  "udvalg", "udvalget", "strategi", "strategien", "politik", "politikken",
  "området", "kommune",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_danish_word (const char *word)
{
  if (in_list (word, danish_words, G_N_ELEMENTS (danish_words)))
    return TRUE;
  /* æ, ø and å are letters of Danish words only */
  if (strstr (word, "æ") != NULL || strstr (word, "ø") != NULL || strstr (word, "å") != NULL)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (danish_endings); i++)
    if (g_str_has_suffix (word, danish_endings[i]))
      return TRUE;
  return FALSE;
}

static void
count_words (const char *text,
             guint      *danish,
             guint      *english)
{
  g_autofree char *folded = NULL;
  GString *word = g_string_new (NULL);
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_string_free (word, TRUE);
      return;
    }

  folded = g_utf8_strdown (text, -1);
  for (p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (is_danish_word (word->str))
            (*danish)++;
          else if (in_list (word->str, english_words, G_N_ELEMENTS (english_words)))
            (*english)++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}

/**
 * kurs_language_detect:
 * @text: (nullable): some of a strategy's text
 *
 * Whether @text reads as Danish or English, by the words in it that
 * belong to one of them only.
 *
 * Returns: the language, or %KURS_LANGUAGE_UNKNOWN when the text says
 *   nothing either way (it is empty, or a name, or evenly mixed)
 */
KursLanguage
kurs_language_detect (const char *text)
{
  guint danish = 0, english = 0;

  count_words (text, &danish, &english);
  if (danish > english)
    return KURS_LANGUAGE_DANISH;
  if (english > danish)
    return KURS_LANGUAGE_ENGLISH;
  return KURS_LANGUAGE_UNKNOWN;
}

/**
 * kurs_language_of_strategy:
 * @strategy: a strategy
 *
 * The language the strategy is written in, read from its title,
 * short name, committee, vision and core value.
 */
KursLanguage
kurs_language_of_strategy (KursRecord *strategy)
{
  static const char * const fields[] = { "title", "short_name", "committee", "vision", "core_value" };
  guint danish = 0, english = 0;

  g_return_val_if_fail (KURS_IS_RECORD (strategy), KURS_LANGUAGE_UNKNOWN);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    count_words (kurs_record_get_text (strategy, fields[i]), &danish, &english);
  if (danish > english)
    return KURS_LANGUAGE_DANISH;
  if (english > danish)
    return KURS_LANGUAGE_ENGLISH;
  return KURS_LANGUAGE_UNKNOWN;
}

/* A compiled message catalog (.mo), read directly so that a language
 * other than the locale's can be looked up.  The format is GNU
 * gettext's: a header, then a table of original strings sorted by
 * strcmp() and a table of their translations, each entry a length and
 * an offset. */
typedef struct {
  GMappedFile  *file;
  const char   *data;
  gsize         size;
  gboolean      swapped;
  guint32       n;
  guint32       originals;
  guint32       translations;
} Catalog;

#define MO_MAGIC 0x950412deU

static gboolean
read_word (const Catalog *catalog,
           gsize          offset,
           guint32       *value)
{
  guint32 word;

  if (offset > catalog->size || catalog->size - offset < 4)
    return FALSE;
  memcpy (&word, catalog->data + offset, 4);
  *value = catalog->swapped ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* The string of table entry @index, checked to lie inside the file and
 * end in a NUL. */
static const char *
read_string (const Catalog *catalog,
             guint32        table,
             guint32        index)
{
  guint32 length, offset;

  if (!read_word (catalog, (gsize) table + 8 * (gsize) index, &length) ||
      !read_word (catalog, (gsize) table + 8 * (gsize) index + 4, &offset))
    return NULL;
  if ((gsize) offset + length >= catalog->size || catalog->data[(gsize) offset + length] != '\0')
    return NULL;
  return catalog->data + offset;
}

static Catalog *
catalog_load (const char *path)
{
  g_autoptr(GMappedFile) file = NULL;
  Catalog *catalog;
  guint32 magic;

  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->data = g_mapped_file_get_contents (file);
  catalog->size = g_mapped_file_get_length (file);
  if (catalog->size < 28)
    {
      g_free (catalog);
      return NULL;
    }
  memcpy (&magic, catalog->data, 4);
  catalog->swapped = magic != MO_MAGIC;
  if ((catalog->swapped && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC) ||
      !read_word (catalog, 8, &catalog->n) ||
      !read_word (catalog, 12, &catalog->originals) ||
      !read_word (catalog, 16, &catalog->translations))
    {
      g_free (catalog);
      return NULL;
    }
  catalog->file = g_steal_pointer (&file);
  return catalog;
}

static const char *
catalog_lookup (const Catalog *catalog,
                const char    *msgid)
{
  guint32 low = 0, high = catalog->n;

  /* The empty message's translation is the catalog's header */
  if (*msgid == '\0')
    return NULL;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = read_string (catalog, catalog->originals, middle);
      int order;

      if (original == NULL)
        return NULL;
      order = strcmp (msgid, original);
      if (order == 0)
        {
          const char *translation = read_string (catalog, catalog->translations, middle);

          return translation != NULL && *translation != '\0' ? translation : NULL;
        }
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

G_LOCK_DEFINE_STATIC (catalogs);

/* The catalogs read so far, by path; kept for the life of the process,
 * like gettext's own. */
static GHashTable *catalogs;

static const Catalog *
catalog_for (const char *language_code)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  const Catalog *catalog;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, language_code, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogs, path, NULL, (gpointer *) &catalog))
    {
      catalog = catalog_load (path);
      /* a missing catalog is remembered too, as NULL */
      g_hash_table_insert (catalogs, g_steal_pointer (&path), (gpointer) catalog);
    }
  G_UNLOCK (catalogs);

  return catalog;
}

/**
 * kurs_language_gettext:
 * @language: the language to write in
 * @msgid: a message marked with N_()
 *
 * @msgid in @language: as it is for English, from Kurs' Danish catalog
 * for Danish (whatever the locale), and in the user interface's
 * language when @language is unknown.  A message the catalog lacks
 * stays English.
 *
 * Returns: the message, owned by Kurs for the life of the process
 */
const char *
kurs_language_gettext (KursLanguage  language,
                       const char   *msgid)
{
  const Catalog *catalog;
  const char *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  switch (language)
    {
    case KURS_LANGUAGE_ENGLISH:
      return msgid;
    case KURS_LANGUAGE_DANISH:
      catalog = catalog_for ("da");
      translation = catalog ? catalog_lookup (catalog, msgid) : NULL;
      return translation ? translation : msgid;
    case KURS_LANGUAGE_UNKNOWN:
    default:
      return g_dgettext (GETTEXT_PACKAGE, msgid);
    }
}
