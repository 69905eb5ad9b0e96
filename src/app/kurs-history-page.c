/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-history-list.h"
#include "kurs-history-page.h"
#include "kurs-word-diff.h"

/**
 * KursHistoryPage:
 *
 * Who changed what in the strategy, and when, newest first: each action a
 * card with the person and the time, and what it changed, a field's old
 * and new value, or for a long text a way to see the difference.  A
 * status change or an approval stands out.  What others do appears at the
 * top as they do it.
 */
struct _KursHistoryPage
{
  KursPage         parent_instance;

  KursHistoryList *history;
  GtkWidget       *stack;
};

G_DEFINE_FINAL_TYPE (KursHistoryPage, kurs_history_page, KURS_TYPE_PAGE)

/* The changes shown on a card; more are counted */
#define MAX_CHANGES_SHOWN 8

/* A long text's change, word by word, in a window of its own */
static void
show_difference_cb (GtkButton *button,
                    gpointer   data)
{
  KursHistoryChange *change = g_object_get_data (G_OBJECT (button), "change");
  g_autoptr(GArray) pieces = kurs_word_diff (change->old_value ? change->old_value : "",
                                             change->new_value ? change->new_value : "");
  g_autofree char *markup = kurs_word_diff_to_markup (pieces);
  g_autofree char *description = kurs_word_diff_describe (pieces);
  g_autofree char *title = kurs_history_change_describe (change);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  /* TRANSLATORS: the title of the window that shows how a text changed */
  gtk_window_set_title (GTK_WINDOW (window), _("Difference"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "changed-text");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
line_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

/* An action, as a card */
static GtkWidget *
action_card (KursHistoryPage  *self,
             KursHistoryEntry *entry)
{
  KursHistoryAction *action = kurs_history_entry_get_action (entry);
  g_autofree char *when = kurs_history_format_time (action->made_at);
  /* TRANSLATORS: who did an action, and when: "Anna Jensen · 14:05" */
  g_autofree char *meta_text = g_strdup_printf (_("%s · %s"), action->person, when);
  const char *kind = kurs_history_kind_get_label (action->kind);
  g_autofree char *name = NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = line_label (action->label);
  GtkWidget *meta = line_label (meta_text);
  g_autoptr(GString) lines = g_string_new (NULL);
  guint shown = 0;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (head), title);
  if (kind != NULL)
    {
      GtkWidget *pill = gtk_label_new (kind);

      gtk_widget_set_valign (pill, GTK_ALIGN_START);
      gtk_widget_add_css_class (pill, "change-pill");
      gtk_widget_add_css_class (pill, kurs_history_kind_to_string (action->kind));
      gtk_box_append (GTK_BOX (head), pill);
    }
  gtk_box_append (GTK_BOX (box), head);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  /* short changes a line each in one label (a card is made for each of
   * up to two hundred actions at once); a long text's with its button */
  for (guint i = 0; action->changes != NULL && i < action->changes->len && shown < MAX_CHANGES_SHOWN; i++, shown++)
    {
      KursHistoryChange *change = action->changes->pdata[i];
      g_autofree char *text = kurs_history_change_describe (change);
      GtkWidget *row, *button;

      if (!kurs_history_change_is_long_text (change))
        {
          g_string_append_printf (lines, "%s%s", lines->len ? "\n" : "", text);
          continue;
        }
      if (lines->len > 0)
        {
          gtk_box_append (GTK_BOX (box), line_label (lines->str));
          g_string_truncate (lines, 0);
        }
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      button = gtk_button_new_with_mnemonic (_("Show _Difference"));
      {
        GtkWidget *line = line_label (text);

        gtk_widget_set_hexpand (line, TRUE);
        gtk_box_append (GTK_BOX (row), line);
      }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      g_object_set_data (G_OBJECT (button), "change", change);
      /* (the card holds the entry, which holds the change) */
      g_object_set_data_full (G_OBJECT (button), "entry", g_object_ref (entry), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (show_difference_cb), NULL);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (box), row);
    }
  if (lines->len > 0)
    gtk_box_append (GTK_BOX (box), line_label (lines->str));
  if (action->n_changes > shown)
    {
      gint64 more = action->n_changes - shown;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %d more change",
                                                            "and %d more changes", (gulong) more), (int) more);
      GtkWidget *line = line_label (text);

      gtk_widget_add_css_class (line, "dim-label");
      gtk_box_append (GTK_BOX (box), line);
    }

  gtk_box_append (GTK_BOX (card), box);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "change-card");
  if (action->kind == KURS_HISTORY_DECISION)
    gtk_widget_add_css_class (card, "decision");
  /* TRANSLATORS: a history entry for a screen reader: "Decision: Approve, Anna Jensen · 14:05" */
  name = kind != NULL ? g_strdup_printf (_("%s: %s, %s"), kind, action->label, meta_text)
                      : g_strdup_printf (_("%s, %s"), action->label, meta_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return card;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         KursHistoryPage          *self)
{
  KursHistoryEntry *entry = gtk_list_item_get_item (item);

  gtk_list_item_set_child (item, entry != NULL ? action_card (self, entry) : NULL);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KursHistoryPage          *self)
{
  gtk_list_item_set_child (item, NULL);
}

static void
update_empty (KursHistoryPage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0 ? "list" : "empty");
}

/* Every action, here or in another Kurs, is a line more */
static void
store_changed_cb (KursHistoryPage *self)
{
  kurs_history_list_reload (self->history);
  update_empty (self);
}

static void
kurs_history_page_build (KursPage *page)
{
  KursHistoryPage *self = KURS_HISTORY_PAGE (page);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_scrollable_new ();
  GtkWidget *list;
  GtkWidget *empty = adw_status_page_new ();

  self->history = kurs_history_list_new (kurs_page_get_store (page), kurs_record_get_id (kurs_page_get_strategy (page)));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)))),
                            factory);
  gtk_widget_add_css_class (list, "changes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 800);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Each change to the strategy is listed here, with who made it and when."));

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  update_empty (self);
  adw_bin_set_child (ADW_BIN (self), self->stack);

  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
kurs_history_page_dispose (GObject *object)
{
  KursHistoryPage *self = KURS_HISTORY_PAGE (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (kurs_history_page_parent_class)->dispose (object);
}

static void
kurs_history_page_class_init (KursHistoryPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_history_page_dispose;

  page_class->name = "history";
  page_class->title = N_("History");
  page_class->icon_name = "document-open-recent-symbolic";
  page_class->build = kurs_history_page_build;
}

static void
kurs_history_page_init (KursHistoryPage *self)
{
}

/**
 * kurs_history_page_get_model:
 *
 * Returns: (transfer none): the list of actions the page shows
 */
GListModel *
kurs_history_page_get_model (KursHistoryPage *self)
{
  g_return_val_if_fail (KURS_IS_HISTORY_PAGE (self), NULL);

  return G_LIST_MODEL (self->history);
}
