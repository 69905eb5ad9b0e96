/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-changes-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-change-entry.h"
#include "kurs-changes-window.h"
#include "kurs-strategy-view.h"

/**
 * KursChangesWindow:
 *
 * What changed between two states of a strategy (KursComparison), in a
 * window of its own beside the main one: section by section, each record
 * added, removed, changed or moved; a short field as old → new, a long
 * text with its deleted words struck through and its inserted words
 * underlined, as track changes marks them.  The comparison runs in a
 * thread, and the list makes only the rows in sight (a GtkListView of
 * KursChangeEntry), so the window answers throughout, whatever the number
 * of changes.  Activating a change opens the record on its page in the
 * main window.  Escape closes it.
 */
struct _KursChangesWindow
{
  AdwWindow       parent_instance;

  GtkWidget      *title;
  GtkWidget      *print_button;
  GtkWidget      *stack;
  GtkWidget      *spinner;
  GtkWidget      *none_page;
  GtkWidget      *failed_page;
  GtkWidget      *list;
  GtkWidget      *summary;

  KursRecord     *strategy;
  KursComparison *comparison;
  GCancellable   *cancellable;
  GListStore     *entries;         /* KursChangeEntry */
  GPtrArray      *pending;         /* KursChangeEntry not yet in the list */
  guint           pending_id;
};

/* Entries added to the list at a time: GTK 4.8's list view makes rows for
 * up to 200 of them at once, and laying out 200 cards takes 100 ms; a few
 * at a time, each frame lays out a few */
#define ENTRIES_AT_A_TIME 12

G_DEFINE_FINAL_TYPE (KursChangesWindow, kurs_changes_window, ADW_TYPE_WINDOW)

static GtkWidget *
field_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
value_label (const char *markup,
             const char *description)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return label;
}

/* old → new, the old struck through */
static GtkWidget *
short_value (const KursChange      *change,
             const KursFieldChange *field)
{
  g_autofree char *before = kurs_comparison_format_value (change, field, field->old_text);
  g_autofree char *after = kurs_comparison_format_value (change, field, field->new_text);
  g_autofree char *markup = g_markup_printf_escaped ("<s>%s</s> → %s", before, after);
  /* TRANSLATORS: a field's value before and after, for a screen reader */
  g_autofree char *description = g_strdup_printf (_("Was “%s”, now “%s”."), before, after);

  return value_label (markup, description);
}

static GtkWidget *
long_value (const KursFieldChange *field)
{
  g_autoptr(GArray) pieces = kurs_word_diff (field->old_text, field->new_text);
  g_autofree char *markup = kurs_word_diff_to_markup (pieces);
  g_autofree char *description = kurs_word_diff_describe (pieces);
  GtkWidget *label = value_label (markup, description);

  gtk_widget_add_css_class (label, "changed-text");
  return label;
}

static char *
subtitle_of (const KursChange *change)
{
  const char *kind = _(kurs_entity_info (change->entity)->label);

  if (change->kind == KURS_CHANGE_MOVED)
    /* TRANSLATORS: "Sub-goal · moved from Goal A to Goal B" */
    return g_strdup_printf (_("%s · moved from “%s” to “%s”"), kind, change->old_owner, change->owner);
  if (change->owner != NULL)
    /* TRANSLATORS: "Initiative · in Action plan 2023–24" */
    return g_strdup_printf (_("%s · in “%s”"), kind, change->owner);
  return g_strdup (kind);
}

/* A change, as a card */
static GtkWidget *
change_card (KursChangesWindow *self,
             guint              index)
{
  const KursChange *change = kurs_comparison_get_change (self->comparison, index);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (change->title);
  GtkWidget *pill = gtk_label_new (kurs_change_kind_get_label (change->kind));
  g_autofree char *subtitle_text = subtitle_of (change);
  GtkWidget *subtitle = gtk_label_new (subtitle_text);
  g_autofree char *name = g_strdup_printf ("%s: %s", kurs_change_kind_get_label (change->kind), change->title);
  g_autofree char *owned = NULL;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (pill, GTK_ALIGN_START);
  gtk_widget_add_css_class (pill, "change-pill");
  gtk_widget_add_css_class (pill, kurs_change_kind_to_nick (change->kind));
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), pill);
  gtk_box_append (GTK_BOX (box), head);

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle);

  if (change->n_owned > 0)
    {
      g_autofree char *escaped = NULL;

      owned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "With %u record of its own", "With %u records of its own",
                                            change->n_owned),
                               change->n_owned);
      escaped = g_markup_escape_text (owned, -1);
      gtk_box_append (GTK_BOX (box), value_label (escaped, NULL));
    }

  for (guint f = 0; f < change->n_fields; f++)
    {
      const KursFieldChange *field = &change->fields[f];

      gtk_box_append (GTK_BOX (box), field_label (kurs_comparison_field_label (change, field)));
      gtk_box_append (GTK_BOX (box), kurs_comparison_is_long_text (change, field)
                                     ? long_value (field) : short_value (change, field));
    }

  gtk_box_append (GTK_BOX (card), box);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "change-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle_text, -1);
  return card;
}

static GtkWidget *
section_heading (KursSection section)
{
  GtkWidget *heading = gtk_label_new (kurs_section_get_label (section));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "change-section");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return heading;
}

/* The list's rows: made when they come in sight */

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         KursChangesWindow        *self)
{
  KursChangeEntry *entry = gtk_list_item_get_item (item);
  int index = kurs_change_entry_get_change (entry);
  const KursChange *change = index >= 0 ? kurs_comparison_get_change (self->comparison, index) : NULL;

  gtk_list_item_set_child (item, change != NULL ? change_card (self, index)
                                                : section_heading (kurs_change_entry_get_section (entry)));
  /* a heading, a row gone, or one of a version, has nothing to open */
  gtk_list_item_set_activatable (item, change != NULL && change->row_id > 0);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KursChangesWindow        *self)
{
  gtk_list_item_set_child (item, NULL);
}

/* The change's record, on its page in the main window */
static void
activate_cb (KursChangesWindow *self,
             guint              position)
{
  g_autoptr(KursChangeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const KursChange *change;

  if (entry == NULL || kurs_change_entry_get_change (entry) < 0 || parent == NULL)
    return;
  change = kurs_comparison_get_change (self->comparison, kurs_change_entry_get_change (entry));
  if (change->row_id <= 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-found", "(xix)",
                              kurs_record_get_id (self->strategy), (int) change->entity, change->row_id);
  /* a strategy's own text is on the page of its field */
  if (change->entity == KURS_ENTITY_STRATEGY && change->n_fields > 0)
    {
      const char *field = kurs_entity_info (change->entity)->fields[change->fields[0].field].name;

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s",
                                  kurs_strategy_view_page_for_record (self->strategy, field));
    }
  gtk_window_present (parent);
}

/* The strategy on paper, with these changes as its appendix (the draft's
 * changes: a version's own document is its export) */
static void
print_clicked_cb (KursChangesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL || self->comparison == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.print-changes", "x",
                              kurs_comparison_get_from (self->comparison));
}

/* The next few entries into the list, a frame at a time; G_SOURCE_REMOVE
 * when all are in */
static gboolean
add_pending (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  KursChangesWindow *self = KURS_CHANGES_WINDOW (widget);
  guint n = MIN (ENTRIES_AT_A_TIME, self->pending->len);

  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       self->pending->pdata, n);
  g_ptr_array_remove_range (self->pending, 0, n);
  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending_id = 0;
  return G_SOURCE_REMOVE;
}

static char *
version_name (gint64 number)
{
  if (number == KURS_COMPARISON_DRAFT)
    return g_strdup (_("the draft"));
  return g_strdup_printf (_("version %d"), (int) number);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(KursChangesWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *summary = NULL;
  gint64 to;
  guint n;

  self->comparison = kurs_comparison_new_finish (result, &error);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  if (self->comparison == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (ADW_STATUS_PAGE (self->failed_page), error->message);
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "failed");
        }
      return;
    }

  to = kurs_comparison_get_to (self->comparison);
  gtk_widget_set_sensitive (self->print_button, to == KURS_COMPARISON_DRAFT);
  older = version_name (kurs_comparison_get_from (self->comparison));
  newer = version_name (to);
  n = kurs_comparison_get_n_changes (self->comparison);
  if (n == 0)
    {
      g_autofree char *same = NULL;

      if (to == KURS_COMPARISON_DRAFT)
        same = g_strdup_printf (_("The draft is the same as version %d, apart from the follow-up "
                                  "(progress, measurements, course corrections)."),
                                (int) kurs_comparison_get_from (self->comparison));
      else
        same = g_strdup_printf (_("Version %d is the same as version %d, apart from the follow-up "
                                  "(progress, measurements, course corrections)."),
                                (int) to, (int) kurs_comparison_get_from (self->comparison));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->none_page), same);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      return;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change from %s to %s. The follow-up (progress, measurements, "
                                                "course corrections) is not compared.",
                                          "%u changes from %s to %s. The follow-up (progress, measurements, "
                                          "course corrections) is not compared.", n),
                             n, older, newer);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);

  /* a heading before each section's changes */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
    int section = -1;

    for (guint i = 0; i < n; i++)
      {
        const KursChange *change = kurs_comparison_get_change (self->comparison, i);

        if ((int) change->section != section)
          {
            section = change->section;
            g_ptr_array_add (entries, kurs_change_entry_new_section (change->section));
          }
        g_ptr_array_add (entries, kurs_change_entry_new_change (change->section, i));
      }
    self->pending = g_steal_pointer (&entries);
    if (add_pending (GTK_WIDGET (self), NULL, NULL) == G_SOURCE_CONTINUE)
      self->pending_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), add_pending, NULL, NULL);
  }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "changes");
}

static void
kurs_changes_window_dispose (GObject *object)
{
  KursChangesWindow *self = KURS_CHANGES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->pending_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_id);
      self->pending_id = 0;
    }
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  /* the rows read the comparison: gone first */
  if (self->list != NULL)
    gtk_list_view_set_model (GTK_LIST_VIEW (self->list), NULL);
  g_clear_object (&self->entries);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->strategy);
  g_clear_pointer (&self->comparison, kurs_comparison_free);

  G_OBJECT_CLASS (kurs_changes_window_parent_class)->dispose (object);
}

static void
kurs_changes_window_class_init (KursChangesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_changes_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-changes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, summary);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kurs_changes_window_init (KursChangesWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (KURS_TYPE_CHANGE_ENTRY);

  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list), factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), GTK_SELECTION_MODEL (selection));
}

/**
 * kurs_changes_window_new:
 * @parent: the main window, where a change's record opens
 * @from_version: the older version, or 0 for the latest
 * @to_version: a later version, or %KURS_COMPARISON_DRAFT
 *
 * Returns: (transfer full): the window, comparing; not yet shown
 */
GtkWidget *
kurs_changes_window_new (GtkWindow  *parent,
                         KursStore  *store,
                         KursRecord *strategy,
                         gint64      from_version,
                         gint64      to_version)
{
  KursChangesWindow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  if (to_version == KURS_COMPARISON_DRAFT)
    title = g_strdup_printf (_("Changes Since Version %d"), (int) from_version);
  else
    title = g_strdup_printf (_("Changes from Version %d to %d"), (int) from_version, (int) to_version);

  self = g_object_new (KURS_TYPE_CHANGES_WINDOW, "title", title, "transient-for", parent, NULL);
  self->strategy = g_object_ref (strategy);

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), kurs_record_get_title (strategy));
  gtk_widget_set_visible (self->print_button, to_version == KURS_COMPARISON_DRAFT);
  gtk_spinner_start (GTK_SPINNER (self->spinner));

  kurs_comparison_new_async (kurs_store_get_path (store), strategy, from_version, to_version,
                             self->cancellable, compared_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

/**
 * kurs_changes_window_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison, once it is made
 */
KursComparison *
kurs_changes_window_get_comparison (KursChangesWindow *self)
{
  g_return_val_if_fail (KURS_IS_CHANGES_WINDOW (self), NULL);

  return self->comparison;
}
