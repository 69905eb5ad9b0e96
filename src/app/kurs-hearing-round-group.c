/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-hearing-round-group"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-boxed-list.h"
#include "kurs-hearing-dialog.h"
#include "kurs-hearing-round-group.h"
#include "kurs-hearing.h"
#include "kurs-page.h"

/**
 * KursHearingRoundGroup:
 *
 * Inside a hearing milestone's row on the process page: the hearing
 * round it was sent in, with who has answered, and "Send to Hearing…"
 * while it has not been sent.  The rounds themselves are edited on the
 * Hearings page, which each row leads to.
 */
struct _KursHearingRoundGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget  *send;
  GtkWidget  *list;

  KursStore  *store;
  KursRecord *milestone;
};

G_DEFINE_FINAL_TYPE (KursHearingRoundGroup, kurs_hearing_round_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
create_round_row (KursHearingRoundGroup *self,
                  KursRecord            *round)
{
  KursHearingTally tally;
  g_autofree char *summary = NULL;
  g_autofree char *escaped = g_markup_escape_text (kurs_record_get_title (round), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  kurs_hearing_tally_round (self->store, round, kurs_date_today (), &tally);
  summary = kurs_hearing_describe_tally (&tally);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  if (tally.n_overdue > 0)
    gtk_widget_add_css_class (row, "overdue");
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Show on the Hearings page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show on the Hearings page"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", "hearings");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static void
fill (KursHearingRoundGroup *self)
{
  g_autoptr(GPtrArray) rounds = NULL;

  if (kurs_record_is_deleted (self->milestone))
    return;

  kurs_boxed_list_clear (GTK_LIST_BOX (self->list));
  rounds = kurs_store_list_by_field (self->store, KURS_ENTITY_HEARING_ROUND, "milestone_id",
                                     kurs_record_get_id (self->milestone), NULL);
  for (guint i = 0; i < rounds->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), create_round_row (self, rounds->pdata[i]));
}

static void
store_changed_cb (KursHearingRoundGroup *self,
                  guint                  entities)
{
  if (entities & ((1u << KURS_ENTITY_HEARING_ROUND) | (1u << KURS_ENTITY_HEARING_PARTY)))
    fill (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KursHearingRoundGroup *self = KURS_HEARING_ROUND_GROUP (widget);
  GtkWidget *page = gtk_widget_get_ancestor (widget, KURS_TYPE_PAGE);
  GtkWidget *dialog;

  g_return_if_fail (page != NULL);

  dialog = kurs_hearing_dialog_new_round (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                          kurs_page_get_strategy (KURS_PAGE (page)), self->milestone,
                                          kurs_page_get_settings (KURS_PAGE (page)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kurs_hearing_round_group_dispose (GObject *object)
{
  KursHearingRoundGroup *self = KURS_HEARING_ROUND_GROUP (object);

  g_clear_object (&self->milestone);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_hearing_round_group_parent_class)->dispose (object);
}

static void
kurs_hearing_round_group_class_init (KursHearingRoundGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_hearing_round_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-hearing-round-group.ui");
  gtk_widget_class_bind_template_child (widget_class, KursHearingRoundGroup, send);
  gtk_widget_class_install_action (widget_class, "hearing-round.send", NULL, send_action);
}

static void
kurs_hearing_round_group_init (KursHearingRoundGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list = kurs_boxed_list_new (_("Hearing Round"), _("Not sent to hearing yet"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list);
}

/**
 * kurs_hearing_round_group_new:
 * @milestone: a hearing milestone
 * @can_send: whether the person may send it to hearing
 *
 * Returns: (transfer floating): the group, kept up to date with the store
 */
GtkWidget *
kurs_hearing_round_group_new (KursStore  *store,
                              KursRecord *milestone,
                              gboolean    can_send)
{
  KursHearingRoundGroup *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (milestone), NULL);

  self = g_object_new (KURS_TYPE_HEARING_ROUND_GROUP, NULL);
  self->store = g_object_ref (store);
  self->milestone = g_object_ref (milestone);
  gtk_widget_set_visible (self->send, can_send);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_hearing_round_group_get_list:
 *
 * Returns: (transfer none): the list of the milestone's rounds, a row each
 */
GtkListBox *
kurs_hearing_round_group_get_list (KursHearingRoundGroup *self)
{
  g_return_val_if_fail (KURS_IS_HEARING_ROUND_GROUP (self), NULL);

  return GTK_LIST_BOX (self->list);
}
