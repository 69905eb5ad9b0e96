/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-search-results"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-search-results.h"
#include "kurs-search.h"

/**
 * KursSearchResults:
 *
 * What a search of the library found, in the sidebar where the
 * strategies are: grouped by strategy and by kind, each with its title and
 * the words found marked in a snippet.  A row opens its record on its
 * page ("win.show-found"); an empty search says so, and what to try.
 */
struct _KursSearchResults
{
  AdwBin      parent_instance;

  GtkWidget  *list;
  GtkWidget  *empty;

  KursStore  *store;
};

G_DEFINE_FINAL_TYPE (KursSearchResults, kurs_search_results, ADW_TYPE_BIN)

#define RESULTS_SHOWN 100

/* The kinds, named for people, as the results are grouped */
static const char *
kind_label (KursEntity entity)
{
  switch (entity)
    {
    case KURS_ENTITY_STRATEGY:
    case KURS_ENTITY_MANDATE_ITEM:
    case KURS_ENTITY_POLICY_LINK:
    case KURS_ENTITY_TARGET_GROUP:
    case KURS_ENTITY_FOCUS_AREA:
    case KURS_ENTITY_BEARING:
    case KURS_ENTITY_PRINCIPLE:
      return _("Text");
    case KURS_ENTITY_GOAL:
    case KURS_ENTITY_SUBGOAL:
      return _("Goals");
    case KURS_ENTITY_INDICATOR:
      return _("Indicators");
    case KURS_ENTITY_MILESTONE:
    case KURS_ENTITY_WORKSHOP_OUTPUT:
      return _("Process");
    case KURS_ENTITY_STAKEHOLDER:
      return _("Stakeholders");
    case KURS_ENTITY_HEARING_ROUND:
    case KURS_ENTITY_HEARING_PARTY:
      return _("Hearing responses");
    case KURS_ENTITY_VERSION:
      return _("Approved versions");
    case KURS_ENTITY_ACTION_PLAN:
    case KURS_ENTITY_INITIATIVE:
    case KURS_ENTITY_COURSE_CORRECTION:
    default:
      return _("Action plans");
    }
}

static void
clear (KursSearchResults *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), GTK_WIDGET (row));
}

static GtkWidget *
heading_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
result_row (KursSearchResult *result)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (result->title && *result->title ? result->title : _("Untitled"),
                                                 -1);
  g_autofree char *snippet = kurs_search_mark (result->snippet ? result->snippet : "", "<b>", "</b>", TRUE);
  g_autofree char *plain = kurs_search_mark (result->snippet ? result->snippet : "", "", "", FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snippet);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-found");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xix)", result->strategy_id, (int) result->entity,
                                    result->id);
  /* Read by a screen reader as the title, then what was found (the row's
   * own relations to its labels would name it twice in GTK 4.8) */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  result->title ? result->title : "", GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain,
                                  -1);
  return row;
}

/**
 * kurs_search_results_search:
 * @text: what was typed
 *
 * Shows what the library holds of every word of @text.
 */
void
kurs_search_results_search (KursSearchResults *self,
                            const char        *text)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) strategies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;

  g_return_if_fail (KURS_IS_SEARCH_RESULTS (self));

  clear (self);
  if (self->store == NULL || text == NULL)
    return;

  results = kurs_store_search (self->store, text, 0, KURS_ENTITY_NONE, RESULTS_SHOWN, &error);
  if (results == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->empty), error->message);
      return;
    }
  /* Translators: a search found nothing */
  empty = g_strdup_printf (_("Nothing holds “%s”. Fewer words may find more."), text);
  gtk_label_set_label (GTK_LABEL (self->empty), empty);

  /* Strategies in the order of their best result, kinds likewise */
  strategies = g_ptr_array_new ();
  for (guint i = 0; i < results->len; i++)
    {
      KursSearchResult *result = results->pdata[i];
      gboolean seen = FALSE;

      for (guint s = 0; s < strategies->len && !seen; s++)
        seen = GPOINTER_TO_SIZE (strategies->pdata[s]) == (gsize) result->strategy_id;
      if (!seen)
        g_ptr_array_add (strategies, GSIZE_TO_POINTER (result->strategy_id));
    }

  for (guint s = 0; s < strategies->len; s++)
    {
      gint64 strategy_id = (gint64) GPOINTER_TO_SIZE (strategies->pdata[s]);
      g_autoptr(KursRecord) strategy = kurs_store_get (self->store, KURS_ENTITY_STRATEGY, strategy_id);
      g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

      gtk_list_box_append (GTK_LIST_BOX (self->list),
                           heading_row (strategy ? kurs_record_get_title (strategy) : ""));
      for (guint i = 0; i < results->len; i++)
        {
          KursSearchResult *result = results->pdata[i];
          const char *kind = kind_label (result->entity);

          if (result->strategy_id == strategy_id && !g_ptr_array_find (kinds, kind, NULL))
            g_ptr_array_add (kinds, (gpointer) kind);
        }
      for (guint k = 0; k < kinds->len; k++)
        {
          GtkWidget *kind_heading = heading_row (kinds->pdata[k]);

          gtk_widget_remove_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (kind_heading)), "heading");
          gtk_widget_set_margin_top (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (kind_heading)), 6);
          gtk_list_box_append (GTK_LIST_BOX (self->list), kind_heading);
          for (guint i = 0; i < results->len; i++)
            {
              KursSearchResult *result = results->pdata[i];

              if (result->strategy_id == strategy_id && kind_label (result->entity) == kinds->pdata[k])
                gtk_list_box_append (GTK_LIST_BOX (self->list), result_row (result));
            }
        }
    }
}

static void
kurs_search_results_dispose (GObject *object)
{
  KursSearchResults *self = KURS_SEARCH_RESULTS (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_search_results_parent_class)->dispose (object);
}

static void
kurs_search_results_class_init (KursSearchResultsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_search_results_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kurs/Kurs/kurs-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, KursSearchResults, list);
  gtk_widget_class_bind_template_child (widget_class, KursSearchResults, empty);
}

static void
kurs_search_results_init (KursSearchResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kurs_search_results_set_store:
 * @store: (nullable): the library to search
 */
void
kurs_search_results_set_store (KursSearchResults *self,
                               KursStore         *store)
{
  g_return_if_fail (KURS_IS_SEARCH_RESULTS (self));

  g_set_object (&self->store, store);
  clear (self);
}

/**
 * kurs_search_results_get_list:
 *
 * Returns: (transfer none): the list of headings and results
 */
GtkListBox *
kurs_search_results_get_list (KursSearchResults *self)
{
  g_return_val_if_fail (KURS_IS_SEARCH_RESULTS (self), NULL);

  return GTK_LIST_BOX (self->list);
}
