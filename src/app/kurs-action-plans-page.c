/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-action-plans-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-action-plans-page.h"
#include "kurs-boxed-list.h"
#include "kurs-field-binding.h"
#include "kurs-field-editors.h"
#include "kurs-baseline.h"
#include "kurs-health.h"
#include "kurs-link-group.h"
#include "kurs-record-list.h"
#include "kurs-record-row.h"

/**
 * KursActionPlansPage:
 *
 * The action plans, one at a time: the plan chosen at the top (the
 * current one to begin with), its period and text, its progress, the
 * development goals none of its initiatives serves, and its initiatives
 * with owner, dates, status, progress and the goals they serve.  Each
 * initiative's health is derived from its progress against the time
 * elapsed and shown beside what was typed; the thresholds are stated on
 * the page.  Below, the course corrections between the plans.  Plans are
 * follow-up, not the strategy's text: they stay editable once approved.
 */
struct _KursActionPlansPage
{
  KursPage        parent_instance;

  KursRecordList *plans;
  AdwComboRow    *chooser;
  GtkStringList  *titles;
  KursRecord     *plan;
  GPtrArray      *plan_groups;   /* the groups of the plan shown */
  GtkWidget      *coverage;
  GtkListBox     *coverage_list;
  GtkWidget      *corrections;   /* kept below the plan's groups when another plan is shown */
  GtkWidget      *progress_row;
  GtkProgressBar *progress;
  gboolean        updating;
  /* the latest approved version, each plan's baseline; NULL for none */
  KursBaseline   *baseline;
  GtkWidget      *baseline_group;
  GtkListBox     *baseline_list;
};

G_DEFINE_FINAL_TYPE (KursActionPlansPage, kurs_action_plans_page, KURS_TYPE_PAGE)

static const char * const initiative_fields[] = {
  "title", "description", "owner", "start_date", "end_date", "status", "progress", NULL
};
static const char * const correction_fields[] = { "date", "action_plan_id", "text", NULL };

/**
 * kurs_action_plans_describe_initiative:
 *
 * Returns: (transfer full): "Owner · On track · 40 % · Behind: 40 % done,
 *   70 % expected by now", for a row
 */
char *
kurs_action_plans_describe_initiative (KursStore  *store,
                                       KursRecord *initiative)
{
  g_autoptr(KursRecord) plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_parent_id (initiative));
  g_autofree char *health_text = NULL;
  int status = kurs_record_get_enum (initiative, "status");
  const char *owner = kurs_record_get_text (initiative, "owner");
  GString *text = g_string_new (NULL);
  KursInitiativeHealth health;

  kurs_health_of_initiative (initiative, plan, kurs_date_today (), &health);
  if (owner != NULL && *owner)
    g_string_append_printf (text, "%s · ", owner);
  if (status >= 0)
    g_string_append (text, kurs_enum_info_to_label (&kurs_initiative_status_enum, status));
  g_string_append_printf (text, " · %d %%", health.progress);

  /* What the calendar says, where it says otherwise than the status */
  if (health.health == KURS_HEALTH_AT_RISK || health.health == KURS_HEALTH_BEHIND)
    {
      health_text = kurs_health_describe (&health);
      g_string_append_printf (text, " · %s", health_text);
    }
  return g_string_free (text, FALSE);
}

static void
update_initiative_state (GtkWidget *row)
{
  KursRecordRow *record_row = KURS_RECORD_ROW (row);
  KursRecord *initiative = kurs_record_row_get_record (record_row);
  g_autoptr(KursRecord) plan = NULL;
  KursInitiativeHealth health;
  int status;

  if (kurs_record_is_deleted (initiative))
    return;

  plan = kurs_store_get (kurs_record_row_get_store (record_row), KURS_ENTITY_ACTION_PLAN,
                         kurs_record_get_parent_id (initiative));
  kurs_health_of_initiative (initiative, plan, kurs_date_today (), &health);
  status = kurs_record_get_enum (initiative, "status");

  gtk_widget_remove_css_class (row, "overdue");
  gtk_widget_remove_css_class (row, "at-risk");
  if (health.health == KURS_HEALTH_BEHIND || status == KURS_INITIATIVE_DELAYED)
    gtk_widget_add_css_class (row, "overdue");
  else if (health.health == KURS_HEALTH_AT_RISK || status == KURS_INITIATIVE_AT_RISK)
    gtk_widget_add_css_class (row, "at-risk");
}

static void
populate_initiative (KursRecordRow *row,
                     gpointer       user_data)
{
  kurs_record_row_add_fields (row, initiative_fields);
  kurs_record_row_add_editor (row, kurs_link_group_new (kurs_record_row_get_store (row),
                                                        kurs_record_row_get_record (row),
                                                        KURS_ENTITY_INITIATIVE_GOAL, NULL, KURS_ENTITY_GOAL,
                                                        _("Development Goals It Serves"),
                                                        _("The strategy has no development goals yet")));
}

static GtkWidget *
create_initiative_row (KursRecord *record,
                       gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, kurs_action_plans_describe_initiative);

  kurs_record_row_set_populate (KURS_RECORD_ROW (row), populate_initiative, page);
  g_signal_connect_object (record, "changed", G_CALLBACK (update_initiative_state), row, G_CONNECT_SWAPPED);
  update_initiative_state (row);
  return row;
}

static KursRecord *
add_initiative (gpointer user_data)
{
  KursNestedContext *context = user_data;

  return kurs_page_create (context->page, KURS_ENTITY_INITIATIVE, kurs_record_get_id (context->parent),
                           "title", g_variant_new_string (kurs_page_content_text (context->page, N_("New initiative"))), NULL);
}

/* The plan shown: its groups, made anew when another is chosen */

static void
update_plan_state (KursActionPlansPage *self)
{
  KursStore *store = kurs_page_get_store (KURS_PAGE (self));
  g_autoptr(GPtrArray) uncovered = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *counts = NULL;
  GtkListBox *list;
  guint n_on_track = 0, n_at_risk = 0, n_behind = 0, n_done = 0;
  int progress;

  if (self->plan == NULL || kurs_record_is_deleted (self->plan))
    return;

  /* Progress: the mean of the initiatives, and how they are doing */
  progress = kurs_health_plan_progress (store, self->plan);
  initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (self->plan), NULL);
  for (guint i = 0; i < initiatives->len; i++)
    {
      KursInitiativeHealth health;

      kurs_health_of_initiative (initiatives->pdata[i], self->plan, kurs_date_today (), &health);
      n_on_track += health.health == KURS_HEALTH_ON_TRACK || health.health == KURS_HEALTH_NOT_DUE;
      n_at_risk += health.health == KURS_HEALTH_AT_RISK;
      n_behind += health.health == KURS_HEALTH_BEHIND;
      n_done += health.health == KURS_HEALTH_DONE;
    }
  gtk_progress_bar_set_fraction (self->progress, progress < 0 ? 0 : progress / 100.0);
  progress_text = progress < 0 ? g_strdup (_("No initiatives yet")) : g_strdup_printf (_("%d %% done"), progress);
  gtk_progress_bar_set_text (self->progress, progress_text);
  /* Translators: how a plan's initiatives are doing */
  counts = g_strdup_printf (_("%u on track · %u at risk · %u behind · %u done"), n_on_track, n_at_risk, n_behind,
                            n_done);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->progress_row), counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL, progress_text, -1);

  /* Coverage: the goals no initiative of the plan serves */
  list = self->coverage_list;
  kurs_boxed_list_clear (list);
  uncovered = kurs_health_uncovered_goals (store, self->plan);
  for (guint i = 0; i < uncovered->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (kurs_record_get_title (uncovered->pdata[i]), -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No initiative in this plan serves this goal"));
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "at-risk");
      gtk_list_box_append (list, row);
    }
}

/* Against the baseline: each initiative of the plan shown, how it has
 * moved since the latest approved version and what it planned by now;
 * the initiatives added and dropped since */

static GtkWidget *
baseline_row (const char *title,
              const char *text,
              const char *icon_name,
              const char *css_class)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_text);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (css_class != NULL)
        gtk_widget_add_css_class (icon, css_class);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

static void
update_baseline (KursActionPlansPage *self)
{
  KursPage *page = KURS_PAGE (self);
  KursStore *store = kurs_page_get_store (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) initiatives = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autofree char *title = NULL;
  gint64 version;

  if (self->baseline_group == NULL || self->plan == NULL || kurs_record_is_deleted (self->plan))
    return;

  kurs_baseline_update (&self->baseline, store, kurs_page_get_strategy (page), kurs_date_today (), &error);

  gtk_widget_set_visible (self->baseline_group, self->baseline != NULL);
  kurs_boxed_list_clear (self->baseline_list);
  if (self->baseline == NULL)
    return;

  version = kurs_baseline_get_version (self->baseline);
  title = g_strdup_printf (_("Since Version %d"), (int) version);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->baseline_group), title);

  initiatives = kurs_store_list (store, KURS_ENTITY_INITIATIVE, kurs_record_get_id (self->plan), NULL);
  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];
      const KursBaselineInitiative *entry = kurs_baseline_find (self->baseline, kurs_record_get_id (initiative));
      g_autofree char *text = NULL;
      KursInitiativeHealth health;

      if (entry == NULL)
        continue;
      kurs_health_of_initiative (initiative, self->plan, kurs_date_today (), &health);
      text = kurs_baseline_describe (entry, version, health.progress);
      gtk_list_box_append (self->baseline_list,
                           baseline_row (kurs_record_get_title (initiative), text,
                                         !entry->in_baseline ? "list-add-symbolic"
                                         : entry->end_moved > 0 ? "dialog-warning-symbolic" : NULL,
                                         entry->end_moved > 0 ? "warning" : NULL));
    }
  dropped = kurs_baseline_get_dropped (self->baseline, kurs_record_get_id (self->plan));
  for (guint i = 0; i < dropped->len; i++)
    {
      const KursBaselineInitiative *entry = dropped->pdata[i];
      g_autofree char *text = kurs_baseline_describe (entry, version, -1);

      gtk_list_box_append (self->baseline_list, baseline_row (entry->title, text, "list-remove-symbolic", NULL));
    }
}

static GtkWidget *
baseline_group (KursActionPlansPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = kurs_boxed_list_new (_("Since the Baseline"), _("The plan has no initiatives"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The latest approved version is the plan’s baseline: how each "
                                           "initiative has moved since, and the initiatives added and "
                                           "dropped."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  self->baseline_list = GTK_LIST_BOX (list);
  self->baseline_group = group;
  return group;
}

static GtkWidget *
coverage_group (KursActionPlansPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = kurs_boxed_list_new (_("Goals Without an Initiative"),
                                         _("Every development goal has an initiative in this plan"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Goals Without an Initiative"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  self->coverage_list = GTK_LIST_BOX (list);
  return group;
}

static void
clear_plan (KursActionPlansPage *self)
{
  for (guint i = 0; i < self->plan_groups->len; i++)
    kurs_page_remove (KURS_PAGE (self), self->plan_groups->pdata[i]);
  g_ptr_array_set_size (self->plan_groups, 0);
  self->coverage = NULL;
  self->coverage_list = NULL;
  self->baseline_group = NULL;
  self->baseline_list = NULL;
  self->progress_row = NULL;
  self->progress = NULL;
  g_clear_object (&self->plan);
}

static void
add_plan_group (KursActionPlansPage *self,
                GtkWidget           *group)
{
  kurs_page_add (KURS_PAGE (self), group);
  g_ptr_array_add (self->plan_groups, group);
}

static void
build_plan (KursActionPlansPage *self,
            KursRecord          *plan)
{
  KursPage *page = KURS_PAGE (self);
  KursStore *store = kurs_page_get_store (page);
  GtkWidget *details = adw_preferences_group_new ();
  GtkWidget *list = kurs_boxed_list_new (_("Plan"), NULL);
  GtkWidget *initiatives;
  g_autofree char *rule = kurs_health_describe_rule ();
  static const char * const plan_fields[] = { "title", "start_date", "end_date", "description", NULL };

  clear_plan (self);
  if (plan == NULL)
    return;
  self->plan = g_object_ref (plan);

  /* The plan itself, and how far it has come */
  for (guint i = 0; plan_fields[i]; i++)
    {
      GtkWidget *editor = kurs_field_editor_new (store, plan, plan_fields[i]);

      /* The plan's title, under the chooser of which plan is shown, is a
       * title: "Action plan" twice would say nothing */
      if (g_str_equal (plan_fields[i], "title") && ADW_IS_PREFERENCES_ROW (editor))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor), _("Title"));

      if (!ADW_IS_PREFERENCES_ROW (editor))
        {
          gtk_widget_set_margin_start (editor, 12);
          gtk_widget_set_margin_end (editor, 12);
          gtk_widget_set_margin_top (editor, 8);
          gtk_widget_set_margin_bottom (editor, 12);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), editor);
    }
  self->progress_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("Progress"));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 160, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->progress_row), GTK_WIDGET (self->progress));
  gtk_list_box_append (GTK_LIST_BOX (list), self->progress_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), list);
  add_plan_group (self, details);

  self->coverage = coverage_group (self);
  add_plan_group (self, self->coverage);

  initiatives = kurs_page_nested_section (page, plan, KURS_ENTITY_INITIATIVE, _("Initiatives"),
                                          _("No initiatives yet: what the plan does, by whom and when, and the "
                                            "development goals each serves"),
                                          create_initiative_row, _("Add Initiative"), add_initiative);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (initiatives), rule);
  gtk_widget_set_margin_start (initiatives, 0);
  gtk_widget_set_margin_end (initiatives, 0);
  gtk_widget_set_margin_top (initiatives, 0);
  gtk_widget_set_margin_bottom (initiatives, 0);
  add_plan_group (self, initiatives);
  add_plan_group (self, baseline_group (self));

  update_plan_state (self);
  update_baseline (self);
}

/* The plans to choose from */

static void
fill_chooser (KursActionPlansPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  guint selected = GTK_INVALID_LIST_POSITION;

  self->updating = TRUE;
  gtk_string_list_splice (self->titles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->titles)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KursRecord) plan = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      gtk_string_list_append (self->titles, kurs_record_get_title (plan));
      if (plan == self->plan)
        selected = i;
    }
  adw_combo_row_set_selected (self->chooser, selected);
  self->updating = FALSE;
}

static void
plan_chosen_cb (KursActionPlansPage *self)
{
  guint selected = adw_combo_row_get_selected (self->chooser);
  g_autoptr(KursRecord) plan = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  plan = g_list_model_get_item (G_LIST_MODEL (self->plans), selected);
  kurs_action_plans_page_show_plan (self, plan);
}

static void
plans_changed_cb (KursActionPlansPage *self)
{
  /* The plan shown went (deleted, or undone): show the current one */
  if (self->plan == NULL || kurs_record_is_deleted (self->plan))
    {
      g_autoptr(KursRecord) current = kurs_health_current_plan (kurs_page_get_store (KURS_PAGE (self)),
                                                                kurs_page_get_strategy (KURS_PAGE (self)),
                                                                kurs_date_today ());

      if (current != NULL)
        kurs_action_plans_page_show_plan (self, current);
      else
        clear_plan (self);
    }
  fill_chooser (self);
}

static void
store_changed_cb (KursActionPlansPage *self,
                  guint                entities)
{
  if (kurs_record_is_deleted (kurs_page_get_strategy (KURS_PAGE (self))))
    return;
  if (entities & ((1u << KURS_ENTITY_INITIATIVE) | (1u << KURS_ENTITY_INITIATIVE_GOAL)
                  | (1u << KURS_ENTITY_GOAL) | (1u << KURS_ENTITY_ACTION_PLAN)))
    update_plan_state (self);
  /* a new approval is a new baseline */
  if (entities & (1u << KURS_ENTITY_VERSION))
    g_clear_pointer (&self->baseline, kurs_baseline_free);
  if (entities & ((1u << KURS_ENTITY_INITIATIVE) | (1u << KURS_ENTITY_ACTION_PLAN) | (1u << KURS_ENTITY_VERSION)))
    update_baseline (self);
}

static void
add_plan_cb (KursActionPlansPage *self)
{
  KursPage *page = KURS_PAGE (self);
  KursRecord *strategy = kurs_page_get_strategy (page);
  g_autoptr(GPtrArray) plans = kurs_store_list (kurs_page_get_store (page), KURS_ENTITY_ACTION_PLAN,
                                                kurs_record_get_id (strategy), NULL);
  g_autoptr(KursRecord) plan = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  KursDate first;

  /* The next plan begins the day after the last one ends, for two years */
  first = plans->len > 0 ? kurs_record_get_date (plans->pdata[plans->len - 1], "end_date") + 1
                         : kurs_date_from_ymd (kurs_record_get_int (strategy, "start_year"), 1, 1);
  start = kurs_date_to_iso (first);
  end = kurs_date_to_iso (kurs_date_add_years (first, 2) - 1);
  plan = kurs_page_create (page, KURS_ENTITY_ACTION_PLAN, kurs_record_get_id (strategy),
                           "title", g_variant_new_string (kurs_page_content_text (page, N_("New action plan"))),
                           "start_date", g_variant_new_string (start),
                           "end_date", g_variant_new_string (end), NULL);
  if (plan != NULL)
    kurs_action_plans_page_show_plan (self, plan);
}

static char *
describe_correction (KursStore  *store,
                     KursRecord *correction)
{
  g_autofree char *date = kurs_date_format_local (kurs_record_get_date (correction, "date"));
  g_autoptr(KursRecord) plan = NULL;

  if (kurs_record_has_value (correction, "action_plan_id"))
    plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_int (correction, "action_plan_id"));
  if (plan == NULL)
    return g_steal_pointer (&date);
  /* Translators: a course correction: when, and after which plan */
  return g_strdup_printf (_("%s · after %s"), date, kurs_record_get_title (plan));
}

static GtkWidget *
create_correction_row (KursRecord *record,
                       gpointer    user_data)
{
  KursPage *page = user_data;
  GtkWidget *row = kurs_record_row_new (kurs_page_get_store (page), record, describe_correction);

  kurs_record_row_set_fields (KURS_RECORD_ROW (row), correction_fields);
  return row;
}

static KursRecord *
add_correction (gpointer user_data)
{
  KursActionPlansPage *self = user_data;
  KursPage *page = KURS_PAGE (self);
  g_autofree char *today = kurs_date_to_iso (kurs_date_today ());

  return kurs_page_create (page, KURS_ENTITY_COURSE_CORRECTION, kurs_record_get_id (kurs_page_get_strategy (page)),
                           "date", g_variant_new_string (today),
                           "text", g_variant_new_string (kurs_page_content_text (page, N_("New course correction"))),
                           "action_plan_id", self->plan ? g_variant_new_int64 (kurs_record_get_id (self->plan)) : NULL,
                           NULL);
}

static gboolean
kurs_action_plans_page_reveal (KursPage   *page,
                               KursRecord *record)
{
  KursActionPlansPage *self = KURS_ACTION_PLANS_PAGE (page);

  /* An initiative, or a goal link of one: show its plan first */
  if (kurs_record_get_entity (record) == KURS_ENTITY_INITIATIVE)
    {
      g_autoptr(KursRecord) plan = kurs_store_get (kurs_page_get_store (page), KURS_ENTITY_ACTION_PLAN,
                                                   kurs_record_get_parent_id (record));

      if (plan != NULL)
        kurs_action_plans_page_show_plan (self, plan);
    }
  else if (kurs_record_get_entity (record) == KURS_ENTITY_ACTION_PLAN)
    {
      kurs_action_plans_page_show_plan (self, record);
      return TRUE;
    }

  return KURS_PAGE_CLASS (kurs_action_plans_page_parent_class)->reveal (page, record);
}

static void
kurs_action_plans_page_build (KursPage *page)
{
  KursActionPlansPage *self = KURS_ACTION_PLANS_PAGE (page);
  KursStore *store = kurs_page_get_store (page);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(KursRecord) current = NULL;
  GtkWidget *section;

  self->plans = kurs_record_list_new_children (store, KURS_ENTITY_ACTION_PLAN,
                                               kurs_record_get_id (kurs_page_get_strategy (page)));
  self->titles = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Action Plans"));
  if (kurs_page_can_edit (page, KURS_ENTITY_ACTION_PLAN))
    {
      GtkWidget *content = adw_button_content_new ();
      GtkWidget *add = gtk_button_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Action Plan"));
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Action Plan"), -1);
      g_signal_connect_object (add, "clicked", G_CALLBACK (add_plan_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->chooser = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chooser), _("Plan shown"));
  adw_combo_row_set_model (self->chooser, G_LIST_MODEL (self->titles));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->chooser));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  kurs_page_add (page, group);

  current = kurs_health_current_plan (store, kurs_page_get_strategy (page), kurs_date_today ());
  build_plan (self, current);
  fill_chooser (self);

  section = kurs_page_add_section (page, KURS_ENTITY_COURSE_CORRECTION, _("Course Corrections"),
                                   _("No course corrections yet: what the data said between two plans, and "
                                     "how the next one changed course"),
                                   create_correction_row, _("Add Course Correction"), add_correction);
  g_set_object (&self->corrections, section);

  g_signal_connect_object (self->chooser, "notify::selected", G_CALLBACK (plan_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plans, "items-changed", G_CALLBACK (plans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
kurs_action_plans_page_dispose (GObject *object)
{
  KursActionPlansPage *self = (KursActionPlansPage *) object;

  g_clear_object (&self->corrections);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->baseline, kurs_baseline_free);
  g_clear_object (&self->plans);
  g_clear_object (&self->titles);

  G_OBJECT_CLASS (kurs_action_plans_page_parent_class)->dispose (object);
}

static void
kurs_action_plans_page_finalize (GObject *object)
{
  KursActionPlansPage *self = (KursActionPlansPage *) object;

  g_ptr_array_unref (self->plan_groups);

  G_OBJECT_CLASS (kurs_action_plans_page_parent_class)->finalize (object);
}

static void
kurs_action_plans_page_class_init (KursActionPlansPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_action_plans_page_dispose;
  object_class->finalize = kurs_action_plans_page_finalize;

  page_class->name = "action-plans";
  page_class->title = N_("Action Plans");
  page_class->icon_name = "view-list-ordered-symbolic";
  page_class->build = kurs_action_plans_page_build;
  page_class->reveal = kurs_action_plans_page_reveal;
}

static void
kurs_action_plans_page_init (KursActionPlansPage *self)
{
  self->plan_groups = g_ptr_array_new ();
}

/**
 * kurs_action_plans_page_show_plan:
 *
 * Shows @plan's period, progress, coverage and initiatives.
 */
void
kurs_action_plans_page_show_plan (KursActionPlansPage *self,
                                  KursRecord          *plan)
{
  GtkWidget *corrections;

  g_return_if_fail (KURS_IS_ACTION_PLANS_PAGE (self));
  g_return_if_fail (KURS_IS_RECORD (plan));

  if (plan == self->plan)
    return;

  /* The corrections stay last */
  corrections = self->corrections;
  if (corrections != NULL)
    kurs_page_remove (KURS_PAGE (self), corrections);
  build_plan (self, plan);
  if (corrections != NULL)
    kurs_page_add (KURS_PAGE (self), corrections);
  fill_chooser (self);
}

/**
 * kurs_action_plans_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
KursRecord *
kurs_action_plans_page_get_plan (KursActionPlansPage *self)
{
  g_return_val_if_fail (KURS_IS_ACTION_PLANS_PAGE (self), NULL);

  return self->plan;
}
