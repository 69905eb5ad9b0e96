/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kurs-store.h"

G_BEGIN_DECLS

/* How long typing may pause before it is written to the library. */
#define KURS_SAVE_DELAY_MS 400

/* Values passed in are consumed when floating and borrowed otherwise, as
 * GLib does with GVariant. */
typedef struct _KursFieldBinding KursFieldBinding;

/* Called when the field changed from elsewhere: undo, another editor. */
typedef void (*KursFieldBindingUpdate) (GtkWidget *widget);

KursFieldBinding *kurs_field_binding_new           (GtkWidget              *widget,
                                                    KursStore              *store,
                                                    KursRecord             *record,
                                                    const char             *field,
                                                    KursFieldBindingUpdate  update);
void              kurs_field_binding_free          (KursFieldBinding       *self);

KursStore        *kurs_field_binding_get_store     (KursFieldBinding       *self);
KursRecord       *kurs_field_binding_get_record    (KursFieldBinding       *self);
const KursField  *kurs_field_binding_get_field     (KursFieldBinding       *self);
GVariant         *kurs_field_binding_get_value     (KursFieldBinding       *self);
gboolean          kurs_field_binding_is_writable   (KursFieldBinding       *self);
gboolean          kurs_field_binding_check_writable (KursFieldBinding      *self,
                                                     GError               **error);
void              kurs_field_binding_watch_typing   (KursFieldBinding      *self,
                                                     GtkWidget             *editable);

gboolean          kurs_field_binding_check         (KursFieldBinding       *self,
                                                    GVariant               *value,
                                                    GError                **error);
void              kurs_field_binding_save          (KursFieldBinding       *self,
                                                    GVariant               *value);
void              kurs_field_binding_save_later    (KursFieldBinding       *self,
                                                    GVariant               *value);
void              kurs_field_binding_flush         (KursFieldBinding       *self);
void              kurs_field_binding_cancel        (KursFieldBinding       *self);

gboolean          kurs_field_binding_is_unsaved    (KursFieldBinding       *self);

void              kurs_show_error                  (GtkWidget              *widget,
                                                    const GError           *error);
void              kurs_set_invalid                 (GtkWidget              *widget,
                                                    const char             *message);

G_END_DECLS
