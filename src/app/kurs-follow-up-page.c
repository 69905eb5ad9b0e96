/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-follow-up-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-baseline.h"
#include "kurs-boxed-list.h"
#include "kurs-chart.h"
#include "kurs-follow-up-page.h"
#include "kurs-milestone.h"
#include "kurs-hearing.h"
#include "kurs-health.h"
#include "kurs-process-page.h"
#include "kurs-recurrence.h"

/**
 * KursFollowUpPage:
 *
 * Where the strategy stands, in a minute — the start page of an approved
 * strategy: the current action plan's progress, what is coming up in the
 * next 90 days, what is overdue (milestones not held, hearing responses
 * not in, initiatives past their end), the initiatives at risk or
 * delayed, those that slipped most since the plan was approved (against
 * the latest approved version, KursBaseline), and the latest value of
 * each key figure against its target.
 * Each entry opens its editor on its own page.
 */
struct _KursFollowUpPage
{
  KursPage   parent_instance;

  GPtrArray    *groups;
  guint         rebuild;
  /* the latest approved version, read once until another is approved */
  KursBaseline *baseline;
};

G_DEFINE_FINAL_TYPE (KursFollowUpPage, kurs_follow_up_page, KURS_TYPE_PAGE)

static GtkWidget *
entry_row (const char *title,
           const char *subtitle,
           const char *page,
           KursRecord *record,
           const char *css_class)
{
  GtkWidget *row = kurs_open_row_new (title, subtitle, page, record);

  if (css_class)
    gtk_widget_add_css_class (row, css_class);
  return row;
}

static GtkListBox *
add_group (KursFollowUpPage *self,
           const char       *title,
           const char       *description,
           const char       *empty)
{
  GtkWidget *group = kurs_heading_group_new (title, description);
  GtkWidget *list = kurs_boxed_list_new (title, empty);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  kurs_page_add (KURS_PAGE (self), group);
  g_ptr_array_add (self->groups, group);
  return GTK_LIST_BOX (list);
}

/* The current action plan */
static void
fill_plan (KursFollowUpPage *self,
           KursStore        *store,
           KursRecord       *strategy,
           KursDate          today)
{
  g_autoptr(KursRecord) plan = kurs_health_current_plan (store, strategy, today);
  GtkListBox *list = add_group (self, _("Current Action Plan"), NULL, _("The strategy has no action plans yet"));
  g_autoptr(GPtrArray) uncovered = NULL;
  g_autofree char *start = NULL, *end = NULL, *subtitle = NULL;
  GtkWidget *row, *bar;
  int progress;

  if (plan == NULL)
    return;

  start = kurs_date_format_local (kurs_record_get_date (plan, "start_date"));
  end = kurs_date_format_local (kurs_record_get_date (plan, "end_date"));
  uncovered = kurs_health_uncovered_goals (store, plan);
  if (uncovered->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s · %u goal without an initiative",
                                             "%s – %s · %u goals without an initiative", uncovered->len),
                                start, end, uncovered->len);
  else
    subtitle = g_strdup_printf ("%s – %s", start, end);

  row = entry_row (kurs_record_get_title (plan), subtitle, "action-plans", plan, uncovered->len ? "at-risk" : NULL);
  progress = kurs_health_plan_progress (store, plan);
  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), MAX (progress, 0) / 100.0);
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  {
    g_autofree char *text = progress < 0 ? g_strdup (_("No initiatives yet")) : g_strdup_printf (_("%d %% done"), progress);

    gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  }
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 140, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  /* the bar before the button that opens the plan */
  gtk_widget_insert_before (bar, gtk_widget_get_parent (bar), gtk_widget_get_prev_sibling (bar));
  gtk_list_box_append (list, row);
}

typedef struct {
  KursDate    date;
  char       *title;
  char       *subtitle;
  const char *page;
  KursRecord *record;
  const char *css_class;
} Entry;

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->title);
  g_free (entry->subtitle);
  g_clear_object (&entry->record);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  return x->date < y->date ? -1 : x->date > y->date;
}

static void
add_entry (GArray     *entries,
           KursDate    date,
           char       *title,
           char       *subtitle,
           const char *page,
           KursRecord *record,
           const char *css_class)
{
  Entry entry = { date, title, subtitle, page, g_object_ref (record), css_class };

  g_array_append_val (entries, entry);
}

static void
show_entries (GtkListBox *list,
              GArray     *entries)
{
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      gtk_list_box_append (list, entry_row (entry->title, entry->subtitle, entry->page, entry->record,
                                            entry->css_class));
    }
}

static char *
when (KursDate    date,
      const char *what)
{
  g_autofree char *text = kurs_date_format_local (date);

  return what ? g_strdup_printf ("%s · %s", text, what) : g_steal_pointer (&text);
}

/* What is coming up, and what is overdue */
static void
fill_dates (KursFollowUpPage *self,
            KursStore        *store,
            KursRecord       *strategy,
            KursDate          today)
{
  gint64 strategy_id = kurs_record_get_id (strategy);
  g_autoptr(GPtrArray) milestones = kurs_store_list (store, KURS_ENTITY_MILESTONE, strategy_id, NULL);
  g_autoptr(GPtrArray) rounds = kurs_store_list (store, KURS_ENTITY_HEARING_ROUND, strategy_id, NULL);
  g_autoptr(GPtrArray) parties = kurs_store_list_by_strategy (store, KURS_ENTITY_HEARING_PARTY, strategy_id, NULL);
  g_autoptr(GPtrArray) initiatives = kurs_store_list_by_strategy (store, KURS_ENTITY_INITIATIVE, strategy_id, NULL);
  g_autoptr(GArray) coming = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GArray) overdue = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autofree char *coming_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next %d Day", "Next %d Days",
                                                                KURS_FOLLOW_UP_DAYS),
                                                   KURS_FOLLOW_UP_DAYS);
  GtkListBox *list;

  g_array_set_clear_func (coming, clear_entry);
  g_array_set_clear_func (overdue, clear_entry);

  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      g_autoptr(GArray) occurrences = kurs_recurrence_expand_milestone (milestone, today,
                                                                        today + KURS_FOLLOW_UP_DAYS);
      int kind = kurs_record_get_enum (milestone, "kind");
      const char *kind_label = kind >= 0 ? kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind) : NULL;

      for (guint k = 0; k < occurrences->len; k++)
        {
          KursOccurrence *occurrence = &g_array_index (occurrences, KursOccurrence, k);

          /* what begins in the window, not what is already under way */
          if (occurrence->start >= today)
            add_entry (coming, occurrence->start, g_strdup (kurs_record_get_title (milestone)),
                       when (occurrence->start, kind_label), "process", milestone, NULL);
        }
      if (kurs_milestone_is_overdue (milestone, today))
        {
          KursDate start = kurs_record_get_date (milestone, "start_date");

          add_entry (overdue, start, g_strdup (kurs_record_get_title (milestone)),
                     when (start, _("not marked held")), "process", milestone, "overdue");
        }
    }

  for (guint i = 0; i < rounds->len; i++)
    {
      KursRecord *round = rounds->pdata[i];
      KursDate deadline = kurs_record_get_date (round, "deadline");
      KursHearingTally tally;

      kurs_hearing_tally_parties (parties, kurs_record_get_id (round), deadline, today, &tally);
      if (deadline >= today && deadline <= today + KURS_FOLLOW_UP_DAYS && tally.n_awaiting > 0)
        add_entry (coming, deadline, g_strdup (kurs_record_get_title (round)),
                   when (deadline, _("hearing deadline")), "hearings", round, NULL);
      if (tally.n_overdue > 0)
        {
          g_autofree char *summary = kurs_hearing_describe_tally (&tally);

          add_entry (overdue, deadline, g_strdup (kurs_record_get_title (round)), when (deadline, summary),
                     "hearings", round, "overdue");
        }
    }

  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];
      g_autoptr(KursRecord) plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_parent_id (initiative));
      KursInitiativeHealth health;

      kurs_health_of_initiative (initiative, plan, today, &health);
      if (health.health == KURS_HEALTH_DONE)
        continue;
      if (health.end >= today && health.end <= today + KURS_FOLLOW_UP_DAYS && kurs_record_has_value (initiative, "end_date"))
        add_entry (coming, health.end, g_strdup (kurs_record_get_title (initiative)),
                   when (health.end, _("initiative ends")), "action-plans", initiative, NULL);
      else if (health.end < today && health.end != KURS_DATE_NONE)
        add_entry (overdue, health.end, g_strdup (kurs_record_get_title (initiative)),
                   when (health.end, _("ended, not done")), "action-plans", initiative, "overdue");
    }

  list = add_group (self, coming_title, NULL, _("Nothing in the next 90 days"));
  show_entries (list, coming);
  list = add_group (self, _("Overdue"), _("Milestones not marked held, hearing responses not in, initiatives "
                                          "past their end"),
                    _("Nothing is overdue"));
  show_entries (list, overdue);
}

/* Initiatives at risk or delayed, typed or derived */
static void
fill_risks (KursFollowUpPage *self,
            KursStore        *store,
            KursRecord       *strategy,
            KursDate          today)
{
  g_autoptr(GPtrArray) initiatives = kurs_store_list_by_strategy (store, KURS_ENTITY_INITIATIVE,
                                                                  kurs_record_get_id (strategy), NULL);
  g_autofree char *rule = kurs_health_describe_rule ();
  GtkListBox *list = add_group (self, _("Initiatives at Risk or Delayed"), rule,
                                _("No initiative is at risk or delayed"));

  for (guint i = 0; i < initiatives->len; i++)
    {
      KursRecord *initiative = initiatives->pdata[i];
      g_autoptr(KursRecord) plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_parent_id (initiative));
      int status = kurs_record_get_enum (initiative, "status");
      g_autofree char *subtitle = NULL;
      g_autofree char *person = NULL;
      g_autofree char *made_at = NULL;
      KursInitiativeHealth health;

      kurs_health_of_initiative (initiative, plan, today, &health);
      if (health.health == KURS_HEALTH_DONE)
        continue;
      if (status != KURS_INITIATIVE_AT_RISK && status != KURS_INITIATIVE_DELAYED
          && health.health != KURS_HEALTH_AT_RISK && health.health != KURS_HEALTH_BEHIND)
        continue;

      if (health.health == KURS_HEALTH_AT_RISK || health.health == KURS_HEALTH_BEHIND)
        subtitle = kurs_health_describe (&health);
      else
        subtitle = g_strdup (kurs_enum_info_to_label (&kurs_initiative_status_enum, status));
      /* a colleague's hand on it: who, and when */
      if (kurs_store_get_last_change (store, initiative, NULL, TRUE, &person, &made_at))
        {
          g_autofree char *when = kurs_history_format_time (made_at);
          char *with = g_strdup_printf (_("%s · last changed by %s, %s"), subtitle, person, when);

          g_free (subtitle);
          subtitle = with;
        }
      gtk_list_box_append (list, entry_row (kurs_record_get_title (initiative), subtitle, "action-plans", initiative,
                                            status == KURS_INITIATIVE_DELAYED || health.health == KURS_HEALTH_BEHIND
                                            ? "overdue" : "at-risk"));
    }
}

/* The initiatives whose end moved furthest since the latest approved
 * version, the plan's baseline */
#define SLIPPED_SHOWN 5

static void
fill_slipped (KursFollowUpPage *self,
              KursStore        *store,
              KursRecord       *strategy,
              KursDate          today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slipped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *empty = NULL;
  GtkListBox *list;
  gint64 version;

  if (!kurs_baseline_update (&self->baseline, store, strategy, today, &error) || self->baseline == NULL)
    return;

  version = kurs_baseline_get_version (self->baseline);
  title = g_strdup_printf (_("Slipped Most Since Version %d"), (int) version);
  empty = g_strdup_printf (_("No initiative ends later than version %d planned"), (int) version);
  list = add_group (self, title, _("The initiatives whose end has moved furthest since the plan was approved."),
                    empty);
  slipped = kurs_baseline_get_slipped (self->baseline, SLIPPED_SHOWN);
  for (guint i = 0; i < slipped->len; i++)
    {
      const KursBaselineInitiative *entry = slipped->pdata[i];
      g_autoptr(KursRecord) initiative = kurs_store_get (store, KURS_ENTITY_INITIATIVE, entry->row_id);
      g_autofree char *moved = kurs_baseline_describe (entry, version, -1);
      g_autofree char *subtitle = NULL;

      if (initiative == NULL)
        continue;
      subtitle = entry->plan_title ? g_strdup_printf ("%s · %s", moved, entry->plan_title) : g_strdup (moved);
      gtk_list_box_append (list, entry_row (entry->title, subtitle, "action-plans", initiative, "at-risk"));
    }
}

/* The latest value of each key figure, against its target */
static void
fill_figures (KursFollowUpPage *self,
              KursStore        *store,
              KursRecord       *strategy)
{
  g_autoptr(GPtrArray) indicators = kurs_store_list (store, KURS_ENTITY_INDICATOR, kurs_record_get_id (strategy), NULL);
  GtkListBox *list = add_group (self, _("Key Figures"), NULL, _("The strategy has no indicators yet"));

  for (guint i = 0; i < indicators->len; i++)
    {
      KursRecord *indicator = indicators->pdata[i];
      g_autoptr(GPtrArray) measurements = kurs_store_list (store, KURS_ENTITY_MEASUREMENT,
                                                           kurs_record_get_id (indicator), NULL);
      const char *unit = kurs_record_get_text (indicator, "unit");
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (measurements->len > 0)
        {
          KursRecord *last = measurements->pdata[measurements->len - 1];
          g_autofree char *value = kurs_chart_format_number (kurs_record_get_real (last, "value"));
          g_autofree char *date = kurs_date_format_local (kurs_record_get_date (last, "date"));

          /* Translators: a key figure's latest value, its unit and its date */
          g_string_append_printf (subtitle, _("%s %s on %s"), value, unit ? unit : "", date);
        }
      else
        g_string_append (subtitle, _("Not measured yet"));

      if (kurs_record_has_value (indicator, "target"))
        {
          g_autofree char *target = kurs_chart_format_number (kurs_record_get_real (indicator, "target"));

          if (kurs_record_has_value (indicator, "target_year"))
            /* Translators: an indicator's target, and the year it is for */
            g_string_append_printf (subtitle, _(" · target %s by %d"), target,
                                    (int) kurs_record_get_int (indicator, "target_year"));
          else
            g_string_append_printf (subtitle, _(" · target %s"), target);
        }
      gtk_list_box_append (list, entry_row (kurs_record_get_title (indicator), subtitle->str, "indicators",
                                            indicator, NULL));
    }
}

static void
rebuild (KursFollowUpPage *self)
{
  KursPage *page = KURS_PAGE (self);
  KursStore *store = kurs_page_get_store (page);
  KursRecord *strategy = kurs_page_get_strategy (page);
  KursDate today = kurs_date_today ();

  for (guint i = 0; i < self->groups->len; i++)
    kurs_page_remove (page, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  if (kurs_record_is_deleted (strategy))
    return;

  fill_plan (self, store, strategy, today);
  fill_dates (self, store, strategy, today);
  fill_risks (self, store, strategy, today);
  fill_slipped (self, store, strategy, today);
  fill_figures (self, store, strategy);
}

static gboolean
rebuild_cb (gpointer data)
{
  KursFollowUpPage *self = data;

  self->rebuild = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Anything may change what the page shows: it is made again once the
 * action that changed it is over */
static void
store_changed_cb (KursFollowUpPage *self,
                  guint             entities)
{
  /* a new approval is a new baseline */
  if (entities & (1u << KURS_ENTITY_VERSION))
    g_clear_pointer (&self->baseline, kurs_baseline_free);
  if (self->rebuild == 0)
    self->rebuild = g_idle_add (rebuild_cb, self);
}

static void
kurs_follow_up_page_build (KursPage *page)
{
  KursFollowUpPage *self = KURS_FOLLOW_UP_PAGE (page);

  rebuild (self);
  g_signal_connect_object (kurs_page_get_store (page), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
kurs_follow_up_page_dispose (GObject *object)
{
  KursFollowUpPage *self = (KursFollowUpPage *) object;

  g_clear_handle_id (&self->rebuild, g_source_remove);
  g_clear_pointer (&self->baseline, kurs_baseline_free);

  G_OBJECT_CLASS (kurs_follow_up_page_parent_class)->dispose (object);
}

static void
kurs_follow_up_page_finalize (GObject *object)
{
  KursFollowUpPage *self = (KursFollowUpPage *) object;

  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (kurs_follow_up_page_parent_class)->finalize (object);
}

static void
kurs_follow_up_page_class_init (KursFollowUpPageClass *klass)
{
  KursPageClass *page_class = KURS_PAGE_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kurs_follow_up_page_dispose;
  object_class->finalize = kurs_follow_up_page_finalize;

  page_class->name = "follow-up";
  page_class->title = N_("Follow-up");
  page_class->icon_name = "power-profile-performance-symbolic";
  page_class->build = kurs_follow_up_page_build;
}

static void
kurs_follow_up_page_init (KursFollowUpPage *self)
{
  self->groups = g_ptr_array_new ();
}
