/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-changes-window"

#include "config.h"

#include <glib/gi18n.h>

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
 * thread, and the rows are made a batch at a time, so the window answers
 * throughout.  Activating a change opens the record on its page in the
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
  GtkWidget      *sections;
  GtkWidget      *summary;

  KursRecord     *strategy;
  gint64          from;
  gint64          to;
  KursComparison *comparison;
  GCancellable   *cancellable;
  GtkWidget      *lists[KURS_N_SECTIONS];
  guint           next;            /* the next change to show */
  guint           fill_id;
};

G_DEFINE_FINAL_TYPE (KursChangesWindow, kurs_changes_window, ADW_TYPE_WINDOW)

/* Rows made in one go: a frame's worth */
#define BATCH 60

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

static GtkWidget *
change_row (KursChangesWindow *self,
            guint              index)
{
  const KursChange *change = kurs_comparison_get_change (self->comparison, index);
  GtkWidget *row = gtk_list_box_row_new ();
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
      owned = g_strdup_printf (g_dngettext (NULL, "With %u record of its own", "With %u records of its own",
                                            change->n_owned),
                               change->n_owned);
      gtk_box_append (GTK_BOX (box), value_label (owned, NULL));
    }

  for (guint f = 0; f < change->n_fields; f++)
    {
      const KursFieldChange *field = &change->fields[f];

      gtk_box_append (GTK_BOX (box), field_label (kurs_comparison_field_label (change, field)));
      gtk_box_append (GTK_BOX (box), kurs_comparison_is_long_text (change, field)
                                     ? long_value (field) : short_value (change, field));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* a row gone, or of a version, has nothing to open */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), change->row_id > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle_text, -1);
  g_object_set_data (G_OBJECT (row), "change", GUINT_TO_POINTER (index + 1));
  return row;
}

/* The change's record, on its page in the main window */
static void
row_activated_cb (KursChangesWindow *self,
                  GtkListBoxRow     *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "change"));
  const KursChange *change;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (index == 0 || parent == NULL)
    return;
  change = kurs_comparison_get_change (self->comparison, index - 1);
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

static GtkWidget *
section_list (KursChangesWindow *self,
              KursSection        section)
{
  GtkWidget *group, *heading, *list;

  if (self->lists[section] != NULL)
    return self->lists[section];

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  heading = gtk_label_new (kurs_section_get_label (section));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kurs_section_get_label (section), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (group), heading);
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (GTK_BOX (self->sections), group);
  self->lists[section] = list;
  return list;
}

static gboolean
fill_batch (gpointer data)
{
  KursChangesWindow *self = data;
  guint n = kurs_comparison_get_n_changes (self->comparison);

  for (guint i = 0; i < BATCH && self->next < n; i++, self->next++)
    {
      const KursChange *change = kurs_comparison_get_change (self->comparison, self->next);

      gtk_list_box_append (GTK_LIST_BOX (section_list (self, change->section)), change_row (self, self->next));
    }

  if (self->next < n)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
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

  gtk_widget_set_sensitive (self->print_button, self->to == KURS_COMPARISON_DRAFT);
  older = version_name (kurs_comparison_get_from (self->comparison));
  newer = version_name (self->to);
  n = kurs_comparison_get_n_changes (self->comparison);
  if (n == 0)
    {
      g_autofree char *same = NULL;

      if (self->to == KURS_COMPARISON_DRAFT)
        same = g_strdup_printf (_("The draft is the same as version %d, apart from the follow-up "
                                  "(progress, measurements, course corrections)."),
                                (int) kurs_comparison_get_from (self->comparison));
      else
        same = g_strdup_printf (_("Version %d is the same as version %d, apart from the follow-up "
                                  "(progress, measurements, course corrections)."),
                                (int) self->to, (int) kurs_comparison_get_from (self->comparison));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->none_page), same);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "none");
      return;
    }

  summary = g_strdup_printf (g_dngettext (NULL, "%u change from %s to %s. The follow-up (progress, measurements, "
                                                "course corrections) is not compared.",
                                          "%u changes from %s to %s. The follow-up (progress, measurements, "
                                          "course corrections) is not compared.", n),
                             n, older, newer);
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "changes");
  fill_batch (self);
  if (self->next < n)
    self->fill_id = g_idle_add (fill_batch, self);
}

static void
kurs_changes_window_dispose (GObject *object)
{
  KursChangesWindow *self = KURS_CHANGES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fill_id, g_source_remove);
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
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, KursChangesWindow, summary);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kurs_changes_window_init (KursChangesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
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
  g_autofree char *newer = NULL;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  if (to_version == KURS_COMPARISON_DRAFT)
    title = g_strdup_printf (_("Changes Since Version %d"), (int) from_version);
  else
    title = g_strdup_printf (_("Changes from Version %d to %d"), (int) from_version, (int) to_version);

  self = g_object_new (KURS_TYPE_CHANGES_WINDOW, "title", title, "transient-for", parent, NULL);
  self->strategy = g_object_ref (strategy);
  self->from = from_version;
  self->to = to_version;

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
