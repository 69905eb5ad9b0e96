/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kurs-record-section.h"
#include "kurs-store.h"

G_BEGIN_DECLS

#define KURS_TYPE_PAGE (kurs_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (KursPage, kurs_page, KURS, PAGE, AdwBin)

struct _KursPageClass
{
  AdwBinClass parent_class;

  /* For the strategy's navigation */
  const char *name;        /* "goals": --page and tests */
  const char *title;       /* N_("Development Goals") */
  const char *icon_name;

  /* Fills the page from its store and strategy */
  void (*build) (KursPage *self);

  /* Opens the editor of a record the page shows; the default finds its
   * row, opening the rows of its parents first */
  gboolean (*reveal) (KursPage   *self,
                      KursRecord *record);
};

/* What a nested section's add function gets: the page, and the row that
 * owns the new one. */
typedef struct {
  KursPage   *page;
  KursRecord *parent;
} KursNestedContext;

KursStore  *kurs_page_get_store      (KursPage   *self);
KursRecord *kurs_page_get_strategy   (KursPage   *self);
const char *kurs_page_content_text   (KursPage   *self,
                                      const char *msgid);
gboolean    kurs_page_is_writable    (KursPage   *self);
gboolean    kurs_page_can_edit       (KursPage   *self,
                                      KursEntity  entity);
gboolean    kurs_page_can_edit_field (KursPage   *self,
                                      KursEntity  entity,
                                      const char *field);
void        kurs_page_set_section_refusal (KursPage   *self,
                                           GtkWidget  *section,
                                           KursEntity  entity);
GSettings  *kurs_page_get_settings   (KursPage   *self);
void        kurs_page_add            (KursPage   *self,
                                      GtkWidget  *group);
void        kurs_page_remove         (KursPage   *self,
                                      GtkWidget  *group);
gboolean    kurs_page_reveal         (KursPage   *self,
                                      KursRecord *record);
KursRecord *kurs_page_create         (KursPage   *self,
                                      KursEntity  entity,
                                      gint64      parent_id,
                                      const char *first_field,
                                      ...) G_GNUC_NULL_TERMINATED;
GtkWidget  *kurs_page_add_section    (KursPage                 *self,
                                      KursEntity                entity,
                                      const char               *title,
                                      const char               *empty,
                                      KursRecordSectionRowFunc  create_row,
                                      const char               *add_label,
                                      KursRecordSectionAddFunc  add);
GtkWidget  *kurs_page_nested_section (KursPage                 *self,
                                      KursRecord               *parent,
                                      KursEntity                entity,
                                      const char               *title,
                                      const char               *empty,
                                      KursRecordSectionRowFunc  create_row,
                                      const char               *add_label,
                                      KursRecordSectionAddFunc  add);

G_END_DECLS
