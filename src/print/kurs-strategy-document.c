/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-strategy-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kurs-chart.h"
#include "kurs-health.h"
#include "kurs-strategy-document.h"
#include "kurs-timeline-drawing.h"
#include "kurs-word-diff.h"

/* The strategy on paper, for the committee: its text section by section
 * (mandate, vision and links to other policies, target group, focus areas
 * with their bearings, principles, development goals with sub-goals,
 * indicators with their key figures drawn), then the action plans with
 * their initiatives, the course corrections, and the timeline.  Text is
 * printed exactly as typed. */

#define CHART_HEIGHT 170.0

typedef struct {
  KursStore  *store;
  KursRecord *indicator;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_object_unref (chart->indicator);
  g_object_unref (chart->store);
  g_free (chart);
}

static double
chart_measure (double   width,
               gpointer user_data)
{
  return CHART_HEIGHT;
}

static void
chart_draw (cairo_t *cr,
            double   width,
            double   height,
            gpointer user_data)
{
  Chart *chart = user_data;
  KursChartStyle style;

  kurs_chart_style_for_paper (&style);
  kurs_chart_draw (cr, MIN (width, 460), height, chart->store, chart->indicator, &style, NULL);
}

static GPtrArray *
children (KursStore  *store,
          KursEntity  entity,
          KursRecord *parent)
{
  return kurs_store_list (store, entity, kurs_record_get_id (parent), NULL);
}

static char *
number (KursRecord *record,
        const char *field)
{
  return kurs_chart_format_number (kurs_record_get_real (record, field));
}

/* "1 Jan 2024 – 31 Dec 2025", or the one end a row has */
static char *
dates_text (KursRecord *record)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (kurs_record_has_value (record, "start_date"))
    start = kurs_date_format_local (kurs_record_get_date (record, "start_date"));
  if (kurs_record_has_value (record, "end_date"))
    end = kurs_date_format_local (kurs_record_get_date (record, "end_date"));
  if (start && end)
    return g_strdup_printf ("%s – %s", start, end);
  return g_strdup (start ? start : end ? end : "");
}

/* "Title: text" for a named row with a text of its own, "–" where it has none */
static void
add_titled (KursPrintDocument *document,
            KursRecord        *record,
            const char        *field)
{
  kurs_print_document_add_field (document, kurs_record_get_title (record),
                                 kurs_record_has_value (record, field) ? kurs_record_get_text (record, field) : "–");
}

/* An indicator's baseline or target, with its year where it has one */
static void
add_level (KursPrintDocument *document,
           KursRecord        *indicator,
           const char        *label,
           const char        *field,
           const char        *year_field)
{
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (!kurs_record_has_value (indicator, field))
    return;

  value = number (indicator, field);
  text = kurs_record_has_value (indicator, year_field)
         ? g_strdup_printf ("%s (%d)", value, (int) kurs_record_get_int (indicator, year_field))
         : g_strdup (value);
  kurs_print_document_add_field (document, label, text);
}

static void
add_strategy_text (KursPrintDocument *document,
                   KursStore         *store,
                   KursRecord        *strategy)
{
  g_autoptr(GPtrArray) mandate = children (store, KURS_ENTITY_MANDATE_ITEM, strategy);
  g_autoptr(GPtrArray) links = children (store, KURS_ENTITY_POLICY_LINK, strategy);
  g_autoptr(GPtrArray) groups = children (store, KURS_ENTITY_TARGET_GROUP, strategy);
  g_autoptr(GPtrArray) areas = children (store, KURS_ENTITY_FOCUS_AREA, strategy);
  g_autoptr(GPtrArray) principles = children (store, KURS_ENTITY_PRINCIPLE, strategy);
  g_autoptr(GPtrArray) goals = children (store, KURS_ENTITY_GOAL, strategy);
  g_autoptr(GPtrArray) indicators = children (store, KURS_ENTITY_INDICATOR, strategy);

  if (mandate->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Mandate"));
      for (guint i = 0; i < mandate->len; i++)
        {
          kurs_print_document_add_heading (document, 3, kurs_record_get_text (mandate->pdata[i], "source"));
          kurs_print_document_add_text (document, kurs_record_get_text (mandate->pdata[i], "text"));
        }
    }

  if (kurs_record_has_value (strategy, "vision") || links->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Vision"));
      kurs_print_document_add_text (document, kurs_record_get_text (strategy, "vision"));
      if (kurs_record_has_value (strategy, "core_value"))
        kurs_print_document_add_field (document, _("Core value"), kurs_record_get_text (strategy, "core_value"));
      if (links->len > 0)
        kurs_print_document_add_heading (document, 3, _("Links to Other Policies"));
      for (guint i = 0; i < links->len; i++)
        add_titled (document, links->pdata[i], "relation");
    }

  if (groups->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Target Group"));
      for (int included = 1; included >= 0; included--)
        {
          gboolean any = FALSE;

          for (guint i = 0; i < groups->len; i++)
            {
              KursRecord *group = groups->pdata[i];
              g_autofree char *item = NULL;

              if (kurs_record_get_bool (group, "included") != included)
                continue;
              if (!any)
                kurs_print_document_add_heading (document, 3, included ? _("Included") : _("Not Included"));
              any = TRUE;
              item = kurs_record_has_value (group, "description")
                     ? g_strdup_printf ("%s: %s", kurs_record_get_title (group),
                                        kurs_record_get_text (group, "description"))
                     : g_strdup (kurs_record_get_title (group));
              kurs_print_document_add_item (document, "•", item);
            }
        }
    }

  if (areas->len > 0 || principles->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Focus Areas"));
      for (guint i = 0; i < areas->len; i++)
        {
          g_autoptr(GPtrArray) bearings = children (store, KURS_ENTITY_BEARING, areas->pdata[i]);

          kurs_print_document_add_heading (document, 3, kurs_record_get_title (areas->pdata[i]));
          kurs_print_document_add_text (document, kurs_record_get_text (areas->pdata[i], "description"));
          for (guint k = 0; k < bearings->len; k++)
            kurs_print_document_add_item (document, "→", kurs_record_get_text (bearings->pdata[k], "text"));
        }
      if (principles->len > 0)
        kurs_print_document_add_heading (document, 3, _("Principles"));
      for (guint i = 0; i < principles->len; i++)
        add_titled (document, principles->pdata[i], "text");
    }

  if (goals->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Development Goals"));
      for (guint i = 0; i < goals->len; i++)
        {
          KursRecord *goal = goals->pdata[i];
          g_autoptr(GPtrArray) subgoals = children (store, KURS_ENTITY_SUBGOAL, goal);
          g_autoptr(KursRecord) area = NULL;

          kurs_print_document_add_heading (document, 3, kurs_record_get_title (goal));
          kurs_print_document_add_text (document, kurs_record_get_text (goal, "description"));
          if (kurs_record_has_value (goal, "focus_area_id")
              && (area = kurs_store_get (store, KURS_ENTITY_FOCUS_AREA, kurs_record_get_int (goal, "focus_area_id"))))
            kurs_print_document_add_field (document, _("Focus area"), kurs_record_get_title (area));
          for (guint k = 0; k < subgoals->len; k++)
            {
              KursRecord *subgoal = subgoals->pdata[k];
              g_autoptr(KursRecord) plan = NULL;
              g_autofree char *horizon = NULL;
              g_autofree char *item = NULL;

              if (kurs_record_has_value (subgoal, "horizon_plan_id"))
                plan = kurs_store_get (store, KURS_ENTITY_ACTION_PLAN, kurs_record_get_int (subgoal, "horizon_plan_id"));
              if (plan != NULL)
                horizon = g_strdup (kurs_record_get_title (plan));
              else if (kurs_record_has_value (subgoal, "horizon_year"))
                horizon = g_strdup_printf (_("By %d"), (int) kurs_record_get_int (subgoal, "horizon_year"));
              item = horizon ? g_strdup_printf ("%s (%s)", kurs_record_get_title (subgoal), horizon)
                             : g_strdup (kurs_record_get_title (subgoal));
              kurs_print_document_add_item (document, "–", item);
            }
        }
    }

  if (indicators->len > 0)
    {
      kurs_print_document_add_heading (document, 2, _("Indicators"));
      for (guint i = 0; i < indicators->len; i++)
        {
          KursRecord *indicator = indicators->pdata[i];
          g_autoptr(GPtrArray) measurements = children (store, KURS_ENTITY_MEASUREMENT, indicator);
          const char *unit = kurs_record_get_text (indicator, "unit");

          kurs_print_document_add_heading (document, 3, kurs_record_get_title (indicator));
          kurs_print_document_add_field (document, _("Unit"), unit);
          add_level (document, indicator, _("Baseline"), "baseline", "baseline_year");
          add_level (document, indicator, _("Target"), "target", "target_year");
          kurs_print_document_add_field (document, _("Source"), kurs_record_get_text (indicator, "source"));
          if (measurements->len > 0)
            {
              /* in order of their dates */
              KursRecord *latest = measurements->pdata[measurements->len - 1];
              g_autofree char *value = number (latest, "value");
              g_autofree char *date = kurs_date_format_local (kurs_record_get_date (latest, "date"));
              /* Translators: an indicator's latest key figure and its date, "1190 (1 Jan 2024)" */
              g_autofree char *text = g_strdup_printf (_("%s (%s)"), value, date);

              kurs_print_document_add_field (document, _("Latest figure"), text);
            }
          if (measurements->len > 0)
            {
              Chart *chart = g_new0 (Chart, 1);

              chart->store = g_object_ref (store);
              chart->indicator = g_object_ref (indicator);
              kurs_print_document_add_drawing (document, chart_measure, chart_draw, 0, chart, chart_free);
            }
        }
    }
}

/* A plan's initiatives as a table: what each is, who owns it, its days,
 * its status with how it is going, how far it has come, the goals it
 * serves */
static void
add_initiatives_table (KursPrintDocument *document,
                       KursRecord        *plan,
                       GPtrArray         *initiatives,
                       GHashTable        *served,
                       KursDate           today)
{
  const char *header[] = {
    _("Initiative"), _("Owner"), _("Period"), _("Status"), _("Progress"), _("Serves"),
  };

  kurs_print_document_add_table (document, G_N_ELEMENTS (header), header);
  for (guint k = 0; k < initiatives->len; k++)
    {
      KursRecord *initiative = initiatives->pdata[k];
      gint64 id = kurs_record_get_id (initiative);
      const char *serves = g_hash_table_lookup (served, &id);
      g_autoptr(GString) status_text = g_string_new (NULL);
      g_autofree char *period = NULL;
      g_autofree char *progress = NULL;
      int status = kurs_record_get_enum (initiative, "status");
      KursInitiativeHealth health;
      const char *cells[6];

      kurs_health_of_initiative (initiative, plan, today, &health);
      if (status >= 0)
        g_string_append (status_text, kurs_enum_info_to_label (&kurs_initiative_status_enum, status));
      if (health.health == KURS_HEALTH_AT_RISK || health.health == KURS_HEALTH_BEHIND)
        {
          g_autofree char *flag = kurs_health_describe (&health);

          g_string_append_printf (status_text, status_text->len > 0 ? " (%s)" : "%s", flag);
        }
      period = dates_text (initiative);
      progress = g_strdup_printf ("%d %%", health.progress);

      cells[0] = kurs_record_get_title (initiative);
      cells[1] = kurs_record_get_text (initiative, "owner");
      cells[2] = period;
      cells[3] = status_text->str;
      cells[4] = progress;
      cells[5] = serves ? serves : "";
      kurs_print_document_add_table_row (document, cells);
    }
}

static void
add_action_plans (KursPrintDocument *document,
                  KursStore         *store,
                  KursRecord        *strategy)
{
  g_autoptr(GPtrArray) plans = children (store, KURS_ENTITY_ACTION_PLAN, strategy);
  g_autoptr(GPtrArray) corrections = children (store, KURS_ENTITY_COURSE_CORRECTION, strategy);
  g_autoptr(GHashTable) served = kurs_health_goals_served (store, strategy, "\n");
  KursDate today = kurs_date_today ();

  if (plans->len > 0)
    kurs_print_document_add_heading (document, 2, _("Action Plans"));
  for (guint i = 0; i < plans->len; i++)
    {
      KursRecord *plan = plans->pdata[i];
      g_autoptr(GPtrArray) initiatives = children (store, KURS_ENTITY_INITIATIVE, plan);
      g_autoptr(GPtrArray) uncovered = kurs_health_uncovered_goals (store, plan);
      g_autofree char *start = kurs_date_format_local (kurs_record_get_date (plan, "start_date"));
      g_autofree char *end = kurs_date_format_local (kurs_record_get_date (plan, "end_date"));
      g_autofree char *period = g_strdup_printf ("%s – %s", start, end);
      int progress = kurs_health_plan_progress (store, plan);

      kurs_print_document_add_heading (document, 3, kurs_record_get_title (plan));
      kurs_print_document_add_field (document, _("Period"), period);
      if (progress >= 0)
        {
          g_autofree char *text = g_strdup_printf (_("%d %% done"), progress);

          kurs_print_document_add_field (document, _("Progress"), text);
        }
      kurs_print_document_add_text (document, kurs_record_get_text (plan, "description"));

      if (initiatives->len > 0)
        add_initiatives_table (document, plan, initiatives, served, today);
      if (initiatives->len == 0)
        kurs_print_document_add_note (document, _("No initiatives yet."));
      for (guint k = 0; k < uncovered->len; k++)
        {
          /* Translators: a goal no initiative of a printed plan serves */
          g_autofree char *note = g_strdup_printf (_("No initiative serves “%s”."),
                                                   kurs_record_get_title (uncovered->pdata[k]));

          kurs_print_document_add_note (document, note);
        }
    }

  if (corrections->len > 0)
    kurs_print_document_add_heading (document, 2, _("Course Corrections"));
  for (guint i = 0; i < corrections->len; i++)
    {
      g_autofree char *date = kurs_date_format_local (kurs_record_get_date (corrections->pdata[i], "date"));

      kurs_print_document_add_heading (document, 3, date);
      kurs_print_document_add_text (document, kurs_record_get_text (corrections->pdata[i], "text"));
    }
}

/**
 * kurs_strategy_document_new:
 *
 * Returns: (transfer full): @strategy as a document to print: its text,
 *   its action plans and its timeline, with all of the Danish calendar
 */
KursPrintDocument *
kurs_strategy_document_new (KursStore  *store,
                            KursRecord *strategy)
{
  return kurs_strategy_document_new_full (store, strategy, KURS_CALENDAR_ALL);
}

/**
 * kurs_strategy_document_new_full:
 * @calendar: what of the Danish calendar its timeline shows, as the
 *   window's does
 *
 * Returns: (transfer full): @strategy as a document to print
 */
KursPrintDocument *
kurs_strategy_document_new_full (KursStore          *store,
                                 KursRecord         *strategy,
                                 KursCalendarLayers  calendar)
{
  KursPrintDocument *document;
  g_autofree char *period = NULL;
  int status;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  /* with what is being typed */
  kurs_store_prepare (store);
  document = kurs_print_document_new (kurs_record_get_title (strategy));
  kurs_print_document_add_heading (document, 1, kurs_record_get_title (strategy));
  kurs_print_document_add_field (document, _("Short name"), kurs_record_get_text (strategy, "short_name"));
  period = g_strdup_printf ("%d–%d", (int) kurs_record_get_int (strategy, "start_year"),
                            (int) kurs_record_get_int (strategy, "end_year"));
  kurs_print_document_add_field (document, _("Period"), period);
  kurs_print_document_add_field (document, _("Committee"), kurs_record_get_text (strategy, "committee"));
  status = kurs_record_get_enum (strategy, "status");
  if (status >= 0)
    kurs_print_document_add_field (document, _("Status"), kurs_enum_info_to_label (&kurs_strategy_status_enum, status));
  /* the title has a page of its own */
  kurs_print_document_add_page_break (document);

  add_strategy_text (document, store, strategy);
  add_action_plans (document, store, strategy);

  kurs_print_document_add_page_break (document);
  kurs_print_document_add_heading (document, 2, _("Timeline"));
  kurs_timeline_drawing_add (document, store, strategy, calendar);

  return document;
}

/* The appendix of changes */

static void
add_change (KursPrintDocument *document,
            const KursChange  *change)
{
  const KursEntityInfo *info = kurs_entity_info (change->entity);
  const char *kind = _(info->label);
  g_autofree char *what = NULL;

  if (change->kind == KURS_CHANGE_MOVED)
    /* TRANSLATORS: "Sub-goal title (sub-goal, moved from “A” to “B”)" */
    what = g_strdup_printf (_("%s (%s, moved from “%s” to “%s”)"), change->title, kind, change->old_owner,
                            change->owner);
  else if (change->owner != NULL)
    /* TRANSLATORS: "Initiative title (initiative, in “Action plan”)" */
    what = g_strdup_printf (_("%s (%s, in “%s”)"), change->title, kind, change->owner);
  else
    what = g_strdup_printf ("%s (%s)", change->title, kind);
  kurs_print_document_add_field (document, kurs_change_kind_get_label (change->kind), what);

  if (change->n_owned > 0)
    {
      g_autofree char *owned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "With %u record of its own",
                                                             "With %u records of its own", change->n_owned),
                                                change->n_owned);

      kurs_print_document_add_note (document, owned);
    }

  for (guint f = 0; f < change->n_fields; f++)
    {
      const KursFieldChange *field = &change->fields[f];
      const char *name = kurs_comparison_field_label (change, field);
      g_autofree char *label = g_markup_escape_text (name, -1);
      g_autofree char *markup = NULL;
      g_autofree char *plain = NULL;

      if (kurs_comparison_is_long_text (change, field))
        {
          g_autoptr(GArray) pieces = kurs_word_diff (field->old_text, field->new_text);
          g_autofree char *marked = kurs_word_diff_to_markup (pieces);
          g_autofree char *words = kurs_word_diff_to_plain (pieces);

          markup = g_strdup_printf ("<b>%s:</b> %s", label, marked);
          plain = g_strdup_printf ("%s: %s", name, words);
        }
      else
        {
          g_autofree char *before = kurs_comparison_format_value (change, field, field->old_text);
          g_autofree char *after = kurs_comparison_format_value (change, field, field->new_text);

          markup = g_markup_printf_escaped ("<b>%s:</b> <s>%s</s> → %s", name, before, after);
          plain = g_strdup_printf ("%s: [-%s-] {+%s+}", name, before, after);
        }
      kurs_print_document_add_marked (document, markup, plain);
    }
}

/**
 * kurs_strategy_document_add_changes:
 * @comparison: what changed since an approved version
 *
 * Adds the appendix "Changes since version N": each change, section by
 * section, the words deleted struck through and those inserted underlined,
 * as the Changes window shows them.  What goes to the committee with a
 * revised strategy.
 */
void
kurs_strategy_document_add_changes (KursPrintDocument *document,
                                    KursComparison    *comparison)
{
  guint n = kurs_comparison_get_n_changes (comparison);
  gint64 from = kurs_comparison_get_from (comparison);
  gint64 to = kurs_comparison_get_to (comparison);
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  int section = -1;

  if (to == KURS_COMPARISON_DRAFT)
    heading = g_strdup_printf (_("Changes since version %d"), (int) from);
  else
    heading = g_strdup_printf (_("Changes from version %d to version %d"), (int) from, (int) to);

  kurs_print_document_add_page_break (document);
  kurs_print_document_add_heading (document, 2, heading);
  if (n == 0)
    {
      kurs_print_document_add_text (document, _("No changes. The follow-up (progress, measurements, course "
                                                "corrections) is not compared."));
      return;
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u change. Deleted words are struck through and inserted words "
                                          "underlined. The follow-up (progress, measurements, course "
                                          "corrections) is not compared.",
                                          "%u changes. Deleted words are struck through and inserted words "
                                          "underlined. The follow-up (progress, measurements, course "
                                          "corrections) is not compared.", n),
                             n);
  kurs_print_document_add_text (document, summary);

  for (guint i = 0; i < n; i++)
    {
      const KursChange *change = kurs_comparison_get_change (comparison, i);

      if ((int) change->section != section)
        {
          section = change->section;
          kurs_print_document_add_heading (document, 3, kurs_section_get_label (change->section));
        }
      add_change (document, change);
    }
}

/* Made in the background */

typedef struct {
  KursCalendarLayers calendar;
  gint64             changes_since;   /* 0: no appendix */
} Options;

static gpointer
make_document (KursStore   *store,
               KursRecord  *strategy,
               gpointer     data,
               GError     **error)
{
  Options *options = data;
  g_autoptr(KursComparison) comparison = NULL;
  KursPrintDocument *document;

  if (options->changes_since > 0
      && !(comparison = kurs_comparison_new (store, strategy, options->changes_since, KURS_COMPARISON_DRAFT, error)))
    return NULL;

  /* the document keeps the thread's store for what it draws later (the
   * key figures' charts) */
  document = kurs_strategy_document_new_full (store, strategy, options->calendar);
  if (comparison != NULL)
    kurs_strategy_document_add_changes (document, comparison);
  return document;
}

/**
 * kurs_strategy_document_new_async:
 * @path: the library's file
 * @strategy: the strategy to print, of a store on @path
 * @calendar: as for kurs_strategy_document_new_full()
 *
 * Makes the document as kurs_strategy_document_new() does, in a thread
 * with a read-only store of its own: a large strategy takes a while to
 * read.  What the caller has not committed is not in it; let its store's
 * bindings save first (kurs_store_prepare()).
 */
void
kurs_strategy_document_new_async (const char          *path,
                                  KursRecord          *strategy,
                                  KursCalendarLayers   calendar,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  kurs_strategy_document_new_with_changes_async (path, strategy, calendar, 0, cancellable, callback, user_data);
}

/**
 * kurs_strategy_document_new_with_changes_async:
 * @changes_since: an approved version: the document ends with the changes
 *   since it (kurs_strategy_document_add_changes()); 0 for none
 *
 * As kurs_strategy_document_new_async(), with the appendix of changes.
 */
void
kurs_strategy_document_new_with_changes_async (const char          *path,
                                               KursRecord          *strategy,
                                               KursCalendarLayers   calendar,
                                               gint64               changes_since,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  Options *options = g_new (Options, 1);

  options->calendar = calendar;
  options->changes_since = changes_since;
  kurs_store_read_strategy_async (path, strategy, make_document, options, g_free, g_object_unref,
                                  kurs_strategy_document_new_async, cancellable, callback, user_data);
}

/**
 * kurs_strategy_document_new_finish:
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KursPrintDocument *
kurs_strategy_document_new_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return kurs_store_read_strategy_finish (result, kurs_strategy_document_new_async, error);
}
