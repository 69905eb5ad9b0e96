/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-milestone-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-field-editors.h"
#include "kurs-hearing-round-group.h"
#include "kurs-link-group.h"
#include "kurs-milestone-row.h"
#include "kurs-milestone.h"
#include "kurs-recurrence.h"

/**
 * KursMilestoneRow:
 *
 * A milestone on the process page: a tick for "held" before its title,
 * red while it is overdue, and inside, the editors its kind wants — what
 * the minutes record of an agenda item, a workshop's participants and
 * outputs, a hearing's round — shown and hidden as the kind changes, and
 * the dates of a recurring milestone's occurrences.
 */
struct _KursMilestoneRow
{
  KursRecordRow parent_instance;

  GtkWidget *held;
  gboolean   updating;          /* the tick follows the record: not a toggle */

  KursPage  *page;              /* not owned: the row is inside it */

  /* Made the first time the row is expanded */
  GPtrArray *meeting_editors;   /* for meetings only */
  GtkWidget *workshop;          /* participants and outputs */
  GtkWidget *hearing;           /* the hearing round */
  GtkWidget *occurrences;
};

G_DEFINE_FINAL_TYPE (KursMilestoneRow, kurs_milestone_row, KURS_TYPE_RECORD_ROW)

static const char * const common_fields[] = {
  "title", "kind", "start_date", "end_date", "committee", "held", NULL
};
/* What the minutes record of an agenda item (seeds 003, 004) */
static const char * const meeting_fields[] = {
  "case_number", "earlier_treatment", "recommendation", "decision", NULL
};
static const char * const repeat_fields[] = { "repeat_every_years", "repeat_until_year", NULL };

static char *
describe_dates (KursRecord *milestone)
{
  g_autofree char *start = kurs_date_format_local (kurs_record_get_date (milestone, "start_date"));
  int every = kurs_record_get_int (milestone, "repeat_every_years");

  if (every > 0)
    {
      int from = kurs_date_get_year (kurs_record_get_date (milestone, "start_date"));
      int until = kurs_record_get_int (milestone, "repeat_until_year");

      if (until < from)
        until = from;
      if (every == 1)
        /* Translators: a yearly milestone, "every year, 2023–2028" */
        return g_strdup_printf (_("Every year, %d–%d"), from, until);
      /* Translators: a recurring milestone, "every 2 years, 2024–2028" */
      return g_strdup_printf (_("Every %d years, %d–%d"), every, from, until);
    }

  if (kurs_record_has_value (milestone, "end_date")
      && kurs_record_get_date (milestone, "end_date") != kurs_record_get_date (milestone, "start_date"))
    {
      g_autofree char *end = kurs_date_format_local (kurs_record_get_date (milestone, "end_date"));

      return g_strdup_printf ("%s – %s", start, end);
    }

  return g_steal_pointer (&start);
}

/**
 * kurs_milestone_row_describe:
 *
 * Returns: (transfer full): "20. maj 2022 · Seminar · Held", for a row
 */
char *
kurs_milestone_row_describe (KursStore  *store,
                             KursRecord *milestone)
{
  g_autofree char *dates = describe_dates (milestone);
  int kind = kurs_record_get_enum (milestone, "kind");
  const char *state;

  if (kurs_record_get_bool (milestone, "held"))
    state = _("Held");
  else if (kurs_milestone_is_overdue (milestone, kurs_date_today ()))
    state = _("Overdue: not marked held");
  else
    state = _("Planned");

  return g_strdup_printf ("%s · %s · %s", dates,
                          kind >= 0 ? kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind) : "",
                          state);
}

/* The row of an editor inside an expander: text areas are wrapped in one */
static void
set_shown (GtkWidget *editor,
           gboolean   shown)
{
  GtkWidget *parent = gtk_widget_get_parent (editor);

  gtk_widget_set_visible (editor, shown);
  if (GTK_IS_LIST_BOX_ROW (parent) && !ADW_IS_PREFERENCES_ROW (editor))
    gtk_widget_set_visible (parent, shown);
}

static void
update_editors (KursMilestoneRow *self)
{
  KursRecord *milestone = kurs_record_row_get_record (KURS_RECORD_ROW (self));
  int kind = kurs_record_get_enum (milestone, "kind");
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GString) dates = g_string_new (NULL);

  if (self->meeting_editors == NULL || kurs_record_is_deleted (milestone))
    return;

  for (guint i = 0; i < self->meeting_editors->len; i++)
    set_shown (self->meeting_editors->pdata[i], kurs_milestone_kind_is_agenda_item (kind));
  set_shown (self->workshop, kurs_milestone_kind_is_workshop (kind));
  set_shown (self->hearing, kind == KURS_MILESTONE_HEARING);

  /* A series is edited as one; its occurrences are listed */
  occurrences = kurs_recurrence_expand_milestone (milestone, KURS_DATE_NONE, KURS_DATE_NONE);
  for (guint i = 0; i < occurrences->len; i++)
    {
      KursOccurrence *occurrence = &g_array_index (occurrences, KursOccurrence, i);
      g_autofree char *start = kurs_date_format_local (occurrence->start);

      g_string_append_printf (dates, "%s%s", i ? ", " : "", start);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->occurrences), dates->str);
  set_shown (self->occurrences, occurrences->len > 1);
}

/* A workshop's outputs, each linked to the goals it shaped */
static void
populate_output (KursRecordRow *row,
                 gpointer       user_data)
{
  static const char * const output_fields[] = { "text", NULL };

  kurs_record_row_add_fields (row, output_fields);
  kurs_record_row_add_editor (row, kurs_link_group_new (kurs_record_row_get_store (row),
                                                        kurs_record_row_get_record (row),
                                                        KURS_ENTITY_OUTPUT_GOAL, NULL, KURS_ENTITY_GOAL,
                                                        _("Development Goals It Shaped"),
                                                        _("The strategy has no development goals yet")));
}

static char *
describe_output (KursStore  *store,
                 KursRecord *output)
{
  g_autoptr(GPtrArray) links = kurs_store_list (store, KURS_ENTITY_OUTPUT_GOAL, kurs_record_get_id (output), NULL);

  if (links->len == 0)
    return g_strdup (_("Linked to no development goal"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Shaped %u development goal", "Shaped %u development goals",
                                       links->len),
                          links->len);
}

static GtkWidget *
create_output_row (KursRecord *record,
                   gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_output);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_output, page);
  return row;
}

static KursRecord *
add_output (gpointer user_data)
{
  KursNestedContext *context = user_data;

  return kurs_page_create (context->page, KURS_ENTITY_WORKSHOP_OUTPUT, kurs_record_get_id (context->parent),
                           "text", g_variant_new_string (kurs_page_content_text (context->page, N_("New output"))), NULL);
}

static GtkWidget *
workshop_editors (KursPage   *page,
                  KursRecord *milestone)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *participants;

  participants = kurs_link_group_new (kurs_page_get_store (page), milestone, KURS_ENTITY_INVOLVEMENT,
                                      "milestone_id", KURS_ENTITY_STAKEHOLDER, _("Participants"),
                                      _("No stakeholders yet: add them on the Stakeholders page"));
  kurs_link_group_set_role (KURS_LINK_GROUP (participants), "role", "participant");
  gtk_box_append (GTK_BOX (box), participants);
  gtk_box_append (GTK_BOX (box),
                  kurs_page_nested_section (page, milestone, KURS_ENTITY_WORKSHOP_OUTPUT, _("Outputs"),
                                            _("No outputs yet: what the workshop produced, linked to the "
                                              "development goals it shaped"),
                                            create_output_row, _("Add Output"), add_output));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  /* the nested section brings margins of its own */
  gtk_widget_set_margin_start (gtk_widget_get_last_child (box), 0);
  gtk_widget_set_margin_end (gtk_widget_get_last_child (box), 0);
  return box;
}

static void
populate (KursRecordRow *row,
          gpointer       user_data)
{
  KursMilestoneRow *self = KURS_MILESTONE_ROW (row);
  KursStore *store = kurs_record_row_get_store (row);
  KursRecord *milestone = kurs_record_row_get_record (row);

  self->meeting_editors = g_ptr_array_new ();

  kurs_record_row_add_fields (row, common_fields);
  kurs_record_row_add_editor (row, kurs_field_editor_new (store, milestone, "agenda"));
  for (guint i = 0; meeting_fields[i]; i++)
    {
      GtkWidget *editor = kurs_field_editor_new (store, milestone, meeting_fields[i]);

      kurs_record_row_add_editor (row, editor);
      g_ptr_array_add (self->meeting_editors, editor);
    }
  kurs_record_row_add_fields (row, repeat_fields);

  self->occurrences = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->occurrences), _("Occurrences"));
  kurs_record_row_add_editor (row, self->occurrences);

  self->workshop = workshop_editors (self->page, milestone);
  kurs_record_row_add_editor (row, self->workshop);
  self->hearing = kurs_hearing_round_group_new (store, milestone,
                                                kurs_page_can_edit (self->page, KURS_ENTITY_HEARING_ROUND));
  kurs_record_row_add_editor (row, self->hearing);

  update_editors (self);
}

/* The row itself: a tick for "held", and red when it is overdue */

static void
update_state (KursMilestoneRow *self)
{
  KursRecord *milestone = kurs_record_row_get_record (KURS_RECORD_ROW (self));
  g_autofree char *label = NULL;

  if (kurs_record_is_deleted (milestone))
    return;

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->held), kurs_record_get_bool (milestone, "held"));
  self->updating = FALSE;

  /* Translators: the tick before a milestone, for a screen reader */
  label = g_strdup_printf (_("Held: %s"), kurs_record_get_title (milestone));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->held), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (kurs_milestone_is_overdue (milestone, kurs_date_today ()))
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
}

static void
record_changed_cb (KursMilestoneRow *self)
{
  update_state (self);
  update_editors (self);
}

static void
held_toggled_cb (KursMilestoneRow *self,
                 GtkCheckButton   *held)
{
  KursRecordRow *row = KURS_RECORD_ROW (self);
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  if (!kurs_store_set (kurs_record_row_get_store (row), kurs_record_row_get_record (row), "held",
                       g_variant_new_boolean (gtk_check_button_get_active (held)), &error))
    {
      kurs_show_error (GTK_WIDGET (self), error);
      update_state (self);
    }
}

static void
kurs_milestone_row_finalize (GObject *object)
{
  KursMilestoneRow *self = KURS_MILESTONE_ROW (object);

  g_clear_pointer (&self->meeting_editors, g_ptr_array_unref);

  G_OBJECT_CLASS (kurs_milestone_row_parent_class)->finalize (object);
}

static void
kurs_milestone_row_class_init (KursMilestoneRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = kurs_milestone_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-milestone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KursMilestoneRow, held);
  gtk_widget_class_bind_template_callback (widget_class, held_toggled_cb);
}

static void
kurs_milestone_row_init (KursMilestoneRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kurs_milestone_row_new:
 * @page: the page the row is in, which outlives it
 *
 * Returns: (transfer floating): the row of @milestone
 */
GtkWidget *
kurs_milestone_row_new (KursPage   *page,
                        KursRecord *milestone)
{
  KursMilestoneRow *self;

  g_return_val_if_fail (KURS_IS_PAGE (page), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (milestone), NULL);

  self = g_object_new (KURS_TYPE_MILESTONE_ROW, "store", kurs_page_get_store (page), "record", milestone, NULL);
  self->page = page;
  kurs_record_row_set_describe (KURS_RECORD_ROW (self), kurs_milestone_row_describe);
  gtk_widget_set_sensitive (self->held, kurs_page_can_edit_field (page, KURS_ENTITY_MILESTONE, "held"));
  g_signal_connect_object (milestone, "changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
  kurs_record_row_set_populate (KURS_RECORD_ROW (self), populate, NULL);

  return GTK_WIDGET (self);
}

/**
 * kurs_milestone_row_get_held_check:
 *
 * Returns: (transfer none): the tick for "held" before the row's title
 */
GtkCheckButton *
kurs_milestone_row_get_held_check (KursMilestoneRow *self)
{
  g_return_val_if_fail (KURS_IS_MILESTONE_ROW (self), NULL);

  return GTK_CHECK_BUTTON (self->held);
}
