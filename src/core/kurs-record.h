/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kurs-date.h"
#include "kurs-schema.h"

G_BEGIN_DECLS

/* Uids from here up are drawn at random for new rows; below are the
 * 1, 2, 3… of rows made before uids existed (kurs_record_get_uid()) */
#define KURS_RECORD_FIRST_RANDOM_UID (G_GINT64_CONSTANT (1) << 32)

#define KURS_TYPE_RECORD (kurs_record_get_type ())
G_DECLARE_FINAL_TYPE (KursRecord, kurs_record, KURS, RECORD, GObject)

KursEntity            kurs_record_get_entity      (KursRecord *self);
const KursEntityInfo *kurs_record_get_info        (KursRecord *self);
gint64                kurs_record_get_id          (KursRecord *self);
gint64                kurs_record_get_parent_id   (KursRecord *self);
gint64                kurs_record_get_strategy_id (KursRecord *self);
gint64                kurs_record_get_position    (KursRecord *self);
gint64                kurs_record_get_uid         (KursRecord *self);
gboolean              kurs_record_is_deleted      (KursRecord *self);

GVariant             *kurs_record_get_value       (KursRecord *self,
                                                   const char *field);
GVariant             *kurs_record_get_value_at    (KursRecord *self,
                                                   guint       index);
gboolean              kurs_record_has_value       (KursRecord *self,
                                                   const char *field);
const char           *kurs_record_get_text        (KursRecord *self,
                                                   const char *field);
gint64                kurs_record_get_int         (KursRecord *self,
                                                   const char *field);
double                kurs_record_get_real        (KursRecord *self,
                                                   const char *field);
gboolean              kurs_record_get_bool        (KursRecord *self,
                                                   const char *field);
int                   kurs_record_get_enum        (KursRecord *self,
                                                   const char *field);
KursDate              kurs_record_get_date        (KursRecord *self,
                                                   const char *field);
const char           *kurs_record_get_title       (KursRecord *self);

/* By a constant of kurs-fields.h (KURS_FIELD_MILESTONE_TITLE…) */
gboolean              kurs_record_has_field_value (KursRecord *self,
                                                   guint       field);
const char           *kurs_record_get_field_text  (KursRecord *self,
                                                   guint       field);
gint64                kurs_record_get_field_int   (KursRecord *self,
                                                   guint       field);
double                kurs_record_get_field_real  (KursRecord *self,
                                                   guint       field);
gboolean              kurs_record_get_field_bool  (KursRecord *self,
                                                   guint       field);
int                   kurs_record_get_field_enum  (KursRecord *self,
                                                   guint       field);
KursDate              kurs_record_get_field_date  (KursRecord *self,
                                                   guint       field);

G_END_DECLS
