/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who holds a library's lock, as far as can be known */
typedef enum {
  KURS_LOCK_HOLDER_NONE,     /* nobody: the lock is free */
  KURS_LOCK_HOLDER_UNKNOWN,  /* somebody, not known who */
  KURS_LOCK_HOLDER_KURS,     /* a Kurs window */
  KURS_LOCK_HOLDER_CLI,      /* kurs-cli */
  KURS_LOCK_HOLDER_OTHER,    /* another program, named in program */
} KursLockHolderKind;

typedef struct {
  KursLockHolderKind  kind;
  int                 pid;      /* 0 when not known */
  char               *program;  /* nullable */
} KursLockHolder;

#define KURS_LIBRARY_LOCK_WAIT_MS 5000

int       kurs_library_lock_take      (const char      *path,
                                       guint            wait_ms,
                                       KursLockHolder  *holder);
gboolean  kurs_library_lock_try       (int              fd);
void      kurs_library_lock_find_holder (const char    *path,
                                         KursLockHolder *holder);
void      kurs_lock_holder_clear      (KursLockHolder  *holder);

G_END_DECLS
