/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-field-binding.h"
#include "kurs-store.h"

G_BEGIN_DECLS

/* A page of the example strategy in a window of its own, for the widget
 * tests: drive its widgets, then read the library file back. */

/* Longer than the pause after which typing is saved */
#define AFTER_SAVE (KURS_SAVE_DELAY_MS + 150)

typedef struct {
  char       *dir;
  char       *path;
  KursStore  *store;
  KursRecord *strategy;
  GtkWidget  *window;
  GtkWidget  *page;
} Fixture;

void       fixture_set_up    (Fixture       *f,
                              gconstpointer  data);
void       fixture_set_up_in (Fixture       *f,
                              char          *dir);
void       fixture_tear_down (Fixture       *f,
                              gconstpointer  data);
void       show_page         (Fixture       *f,
                              GType          type);
GtkWidget *row               (Fixture       *f,
                              const char    *title);
GtkWidget *row_in            (GtkWidget     *parent,
                              const char    *title);
GtkWidget *expand            (Fixture       *f,
                              const char    *title);
void       click             (GtkWidget     *root,
                              const char    *label);
void       type              (GtkWidget     *editable,
                              const char    *text);
char      *stored            (Fixture       *f,
                              const char    *sql);

#define assert_stored(f, sql, expected) \
  G_STMT_START { \
    g_autofree char *__value = stored ((f), (sql)); \
    g_assert_cmpstr (__value, ==, (expected)); \
  } G_STMT_END

G_END_DECLS
