/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kurs-record.h"

G_BEGIN_DECLS

/*
 * The language of a strategy's content, which need not be the language
 * of whoever runs Kurs: what Kurs writes into a strategy for the user
 * (the process template's titles, a hearing round's title, "(copy)")
 * is written in the strategy's language, read from its own text.
 */
typedef enum {
  KURS_LANGUAGE_UNKNOWN,
  KURS_LANGUAGE_ENGLISH,
  KURS_LANGUAGE_DANISH,
} KursLanguage;

KursLanguage  kurs_language_detect      (const char   *text);
KursLanguage  kurs_language_of_strategy (KursRecord   *strategy);
const char   *kurs_language_gettext     (KursLanguage  language,
                                         const char   *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
