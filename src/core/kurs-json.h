/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "kurs-store.h"

G_BEGIN_DECLS

JsonNode *kurs_json_strategy         (KursStore  *store,
                                      KursRecord *strategy);
JsonNode *kurs_json_strategy_summary (KursStore  *store,
                                      KursRecord *strategy);

char     *kurs_json_to_string        (JsonNode   *node);

G_END_DECLS
