/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KURS_TEXT_SAME,
  KURS_TEXT_INSERTED,
  KURS_TEXT_DELETED,
} KursTextMark;

/* A run of text that both versions have, or only the new one, or only
 * the old one */
typedef struct {
  KursTextMark  mark;
  char         *text;
} KursTextPiece;

GArray *kurs_word_diff           (const char *old_text,
                                  const char *new_text);
char   *kurs_word_diff_to_markup (GArray     *pieces);
char   *kurs_word_diff_describe  (GArray     *pieces);
char   *kurs_word_diff_to_plain  (GArray     *pieces);

G_END_DECLS
