/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-comparison"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kurs-word-diff.h"

/* The words inserted and deleted between two texts, as a word processor's
 * track changes marks them.  The texts are cut into tokens: a word (letters
 * and digits, æ, ø and å among them, with the marks that combine with
 * them), a run of white space, or one other character (punctuation); the
 * shortest edit between the two token sequences is found with Myers's
 * O(ND) algorithm after the common beginning and end are set aside.  Two
 * texts that differ in more than MAX_EDITS tokens are shown as the one
 * replaced by the other: a rewrite, not a revision. */

#define MAX_EDITS 1000

typedef struct {
  const char *start;
  guint       len;
  guint       hash;
  gboolean    space;
} Token;

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c)
         || type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
         || type == G_UNICODE_ENCLOSING_MARK;
}

static guint
hash_bytes (const char *s,
            guint       len)
{
  guint h = 2166136261u;

  for (guint i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);
      Token token;

      if (is_word_char (c))
        while (*end != '\0' && is_word_char (g_utf8_get_char (end)))
          end = g_utf8_next_char (end);
      else if (g_unichar_isspace (c))
        while (*end != '\0' && g_unichar_isspace (g_utf8_get_char (end)))
          end = g_utf8_next_char (end);

      token.start = p;
      token.len = end - p;
      token.hash = hash_bytes (p, token.len);
      token.space = g_unichar_isspace (c);
      g_array_append_val (tokens, token);
      p = end;
    }

  return tokens;
}

static inline gboolean
same_token (const Token *a,
            const Token *b)
{
  return a->hash == b->hash && a->len == b->len && memcmp (a->start, b->start, a->len) == 0;
}

/* One token's fate, in order: kept, deleted from the old text, inserted
 * from the new */
typedef struct {
  KursTextMark  mark;
  const Token  *token;
} Op;

/* The shortest edit of a[0..n) into b[0..m), appended to @ops in order;
 * FALSE when it takes more than MAX_EDITS */
static gboolean
myers (const Token *a,
       int          n,
       const Token *b,
       int          m,
       GArray      *ops)
{
  int max_d = MIN (n + m, MAX_EDITS);
  int offset = max_d + 1;
  g_autofree int *v = g_new0 (int, 2 * max_d + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (Op));
  int found = -1;
  int x, y;

  for (int d = 0; d <= max_d && found < 0; d++)
    {
      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset]))
            x = v[k + 1 + offset];
          else
            x = v[k - 1 + offset] + 1;
          y = x - k;
          while (x < n && y < m && same_token (&a[x], &b[y]))
            x++, y++;
          v[k + offset] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
      /* V from -d to d, after step d */
      g_ptr_array_add (trace, g_memdup2 (&v[-d + offset], (2 * d + 1) * sizeof (int)));
    }

  if (found < 0)
    return FALSE;

  x = n;
  y = m;
  for (int d = found; d > 0; d--)
    {
      const int *before = trace->pdata[d - 1];   /* from -(d - 1) */
      int k = x - y;
      int prev_k, prev_x, prev_y, mid_x;
      Op op;

      if (k == -d || (k != d && before[k - 1 + d - 1] < before[k + 1 + d - 1]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = before[prev_k + d - 1];
      prev_y = prev_x - prev_k;

      /* the snake after the edit, which came down (an insertion) or
       * across (a deletion) onto diagonal k */
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      while (x > mid_x)
        {
          op = (Op) { KURS_TEXT_SAME, &b[--y] };
          x--;
          g_array_append_val (reversed, op);
        }
      if (prev_k == k + 1)
        op = (Op) { KURS_TEXT_INSERTED, &b[--y] };
      else
        op = (Op) { KURS_TEXT_DELETED, &a[--x] };
      g_array_append_val (reversed, op);
      g_assert (x == prev_x && y == prev_y);
    }
  while (x > 0 && y > 0)
    {
      Op op = { KURS_TEXT_SAME, &b[--y] };

      x--;
      g_array_append_val (reversed, op);
    }

  for (guint i = reversed->len; i > 0; i--)
    g_array_append_val (ops, g_array_index (reversed, Op, i - 1));
  return TRUE;
}

static void
clear_piece (gpointer data)
{
  g_free (((KursTextPiece *) data)->text);
}

static void
add_piece (GArray       *pieces,
           KursTextMark  mark,
           GString      *text)
{
  KursTextPiece piece;

  if (text->len == 0)
    return;
  piece.mark = mark;
  piece.text = g_strndup (text->str, text->len);
  g_array_append_val (pieces, piece);
  g_string_truncate (text, 0);
}

/* Is ops[from..to) only white space kept, between two changes? */
static gboolean
is_space_between_changes (GArray *ops,
                          guint   from,
                          guint   to)
{
  if (from == 0 || to >= ops->len)
    return FALSE;
  for (guint i = from; i < to; i++)
    if (!g_array_index (ops, Op, i).token->space)
      return FALSE;
  return TRUE;
}

/* Pieces from the ops: each changed stretch as its deleted words, then its
 * inserted ones; white space alone between two changes is part of the
 * stretch, so that a rewritten phrase reads as one, not word by word */
static GArray *
pieces_of (GArray *ops)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (KursTextPiece));
  g_autoptr(GString) same = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);
  guint i = 0;

  g_array_set_clear_func (pieces, clear_piece);

  while (i < ops->len)
    {
      const Op *op = &g_array_index (ops, Op, i);
      guint end = i;

      if (op->mark == KURS_TEXT_SAME)
        {
          while (end < ops->len && g_array_index (ops, Op, end).mark == KURS_TEXT_SAME)
            end++;
          if (is_space_between_changes (ops, i, end))
            for (guint j = i; j < end; j++)
              {
                const Token *t = g_array_index (ops, Op, j).token;

                g_string_append_len (deleted, t->start, t->len);
                g_string_append_len (inserted, t->start, t->len);
              }
          else
            {
              add_piece (pieces, KURS_TEXT_DELETED, deleted);
              add_piece (pieces, KURS_TEXT_INSERTED, inserted);
              for (guint j = i; j < end; j++)
                g_string_append_len (same, g_array_index (ops, Op, j).token->start,
                                     g_array_index (ops, Op, j).token->len);
              add_piece (pieces, KURS_TEXT_SAME, same);
            }
        }
      else
        {
          while (end < ops->len && g_array_index (ops, Op, end).mark != KURS_TEXT_SAME)
            {
              const Op *e = &g_array_index (ops, Op, end);

              g_string_append_len (e->mark == KURS_TEXT_DELETED ? deleted : inserted, e->token->start, e->token->len);
              end++;
            }
        }
      i = end;
    }
  add_piece (pieces, KURS_TEXT_DELETED, deleted);
  add_piece (pieces, KURS_TEXT_INSERTED, inserted);

  return pieces;
}

/**
 * kurs_word_diff:
 * @old_text: (nullable): the text before (%NULL: none)
 * @new_text: (nullable): the text after
 *
 * Returns: (transfer full) (element-type KursTextPiece): the pieces that
 *   make both texts: the %KURS_TEXT_SAME and %KURS_TEXT_DELETED ones give
 *   the old text, the %KURS_TEXT_SAME and %KURS_TEXT_INSERTED ones the new
 */
GArray *
kurs_word_diff (const char *old_text,
                const char *new_text)
{
  g_autoptr(GArray) a = tokenize (old_text ? old_text : "");
  g_autoptr(GArray) b = tokenize (new_text ? new_text : "");
  g_autoptr(GArray) ops = g_array_new (FALSE, FALSE, sizeof (Op));
  const Token *ta = (const Token *) (gpointer) a->data;
  const Token *tb = (const Token *) (gpointer) b->data;
  guint prefix = 0, suffix = 0;

  while (prefix < a->len && prefix < b->len && same_token (&ta[prefix], &tb[prefix]))
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix
         && same_token (&ta[a->len - 1 - suffix], &tb[b->len - 1 - suffix]))
    suffix++;

  for (guint i = 0; i < prefix; i++)
    g_array_append_val (ops, ((Op) { KURS_TEXT_SAME, &tb[i] }));

  if (!myers (ta + prefix, a->len - prefix - suffix, tb + prefix, b->len - prefix - suffix, ops))
    {
      /* too many edits: the one replaced by the other */
      for (guint i = prefix; i < a->len - suffix; i++)
        g_array_append_val (ops, ((Op) { KURS_TEXT_DELETED, &ta[i] }));
      for (guint i = prefix; i < b->len - suffix; i++)
        g_array_append_val (ops, ((Op) { KURS_TEXT_INSERTED, &tb[i] }));
    }

  for (guint i = b->len - suffix; i < b->len; i++)
    g_array_append_val (ops, ((Op) { KURS_TEXT_SAME, &tb[i] }));

  return pieces_of (ops);
}

/**
 * kurs_word_diff_to_markup:
 * @pieces: (element-type KursTextPiece): from kurs_word_diff()
 *
 * The pieces as Pango markup, as track changes marks them, and not by
 * colour alone: deleted words struck through, inserted ones underlined,
 * each on a tint that reads on light and dark backgrounds alike.
 *
 * Returns: (transfer full): the markup
 */
char *
kurs_word_diff_to_markup (GArray *pieces)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, i);
      g_autofree char *escaped = g_markup_escape_text (piece->text, -1);

      switch (piece->mark)
        {
        case KURS_TEXT_DELETED:
          g_string_append_printf (markup, "<span strikethrough=\"true\" background=\"#e01b2450\">%s</span>", escaped);
          break;
        case KURS_TEXT_INSERTED:
          g_string_append_printf (markup, "<span underline=\"single\" background=\"#2ec27e50\">%s</span>", escaped);
          break;
        case KURS_TEXT_SAME:
          g_string_append (markup, escaped);
          break;
        }
    }
  return g_string_free (markup, FALSE);
}

/**
 * kurs_word_diff_describe:
 * @pieces: (element-type KursTextPiece): from kurs_word_diff()
 *
 * What a screen reader says for the marks, which it does not read: the
 * words deleted and the words inserted, each stretch in quotes.
 *
 * Returns: (transfer full): the text, translated
 */
char *
kurs_word_diff_describe (GArray *pieces)
{
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, i);
      GString *list = piece->mark == KURS_TEXT_DELETED ? deleted : piece->mark == KURS_TEXT_INSERTED ? inserted : NULL;
      g_autofree char *words = NULL;

      if (list == NULL)
        continue;
      words = g_strstrip (g_strdup (piece->text));
      if (list->len > 0)
        g_string_append (list, ", ");
      /* TRANSLATORS: words quoted, as a screen reader reads them out */
      g_string_append_printf (list, _("“%s”"), words);
    }

  if (deleted->len > 0 && inserted->len > 0)
    return g_strdup_printf (_("Deleted: %s. Inserted: %s."), deleted->str, inserted->str);
  if (deleted->len > 0)
    return g_strdup_printf (_("Deleted: %s."), deleted->str);
  if (inserted->len > 0)
    return g_strdup_printf (_("Inserted: %s."), inserted->str);
  return g_strdup (_("No words changed."));
}

/**
 * kurs_word_diff_to_plain:
 * @pieces: (element-type KursTextPiece): from kurs_word_diff()
 *
 * The pieces as plain text, marked as wdiff marks them: [-deleted-] and
 * {+inserted+}.
 *
 * Returns: (transfer full): the text
 */
char *
kurs_word_diff_to_plain (GArray *pieces)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const KursTextPiece *piece = &g_array_index (pieces, KursTextPiece, i);

      g_string_append_printf (text, piece->mark == KURS_TEXT_DELETED ? "[-%s-]"
                                    : piece->mark == KURS_TEXT_INSERTED ? "{+%s+}" : "%s",
                              piece->text);
    }
  return g_string_free (text, FALSE);
}
