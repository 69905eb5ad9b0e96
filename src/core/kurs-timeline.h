/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kurs-store.h"
#include "kurs-timeline-layout.h"

G_BEGIN_DECLS

typedef enum {
  KURS_LANE_PROCESS,
  KURS_LANE_HEARINGS,
  KURS_LANE_ACTION_PLANS,
  KURS_LANE_DATA,
  KURS_LANE_CORRECTIONS,
  KURS_N_LANES
} KursLane;

typedef enum {
  KURS_TIMELINE_MILESTONE,
  KURS_TIMELINE_HEARING,
  KURS_TIMELINE_ACTION_PLAN,
  KURS_TIMELINE_INITIATIVE,
  KURS_TIMELINE_CORRECTION,
} KursTimelineKind;

typedef enum {
  KURS_TIMELINE_HELD      = 1 << 0,   /* a milestone that took place */
  KURS_TIMELINE_OVERDUE   = 1 << 1,   /* planned, its date passed, not done */
  KURS_TIMELINE_RECURRING = 1 << 2,   /* one occurrence of a series */
  KURS_TIMELINE_UNDATED   = 1 << 3,   /* an initiative shown over its plan */
  KURS_TIMELINE_BAR       = 1 << 4,   /* drawn as a bar, not a mark */
} KursTimelineFlags;

/* What the filter can hide: a milestone kind (KursMilestoneKind), or one of
 * these */
#define KURS_TIMELINE_FILTER_HEARINGS     (1u << 16)
#define KURS_TIMELINE_FILTER_ACTION_PLANS (1u << 17)
#define KURS_TIMELINE_FILTER_INITIATIVES  (1u << 18)
#define KURS_TIMELINE_FILTER_CORRECTIONS  (1u << 19)

typedef struct {
  gint64            id;           /* of its row, of kurs_timeline_item_get_entity() */
  const char       *title;        /* the timeline's, until it changes */
  const char       *detail;       /* a milestone's committee, an initiative's owner: or NULL */
  KursTimelineKind  kind;
  KursLane          lane;
  guint             row;          /* within its lane */
  guint             occurrence;   /* of a recurring milestone: 0, 1… */
  guint             flags;
  int               subkind;      /* the milestone kind or initiative status */
  int               progress;     /* an initiative's, 0–100 */
  guint             n_parties;    /* a hearing's parties… */
  guint             n_overdue;    /* …and those with no response by the deadline */
} KursTimelineItem;

/* The colours of the timeline's marks (kurs_timeline_item_color()); the
 * initiatives' follow KursInitiativeStatus */
typedef enum {
  KURS_TIMELINE_COLOR_PROCESS,
  KURS_TIMELINE_COLOR_DATA,
  KURS_TIMELINE_COLOR_HEARING,
  KURS_TIMELINE_COLOR_PLAN,
  KURS_TIMELINE_COLOR_NOT_STARTED,
  KURS_TIMELINE_COLOR_ON_TRACK,
  KURS_TIMELINE_COLOR_AT_RISK,
  KURS_TIMELINE_COLOR_DELAYED,
  KURS_TIMELINE_COLOR_DONE,
  KURS_TIMELINE_COLOR_CORRECTION,
  KURS_TIMELINE_COLOR_OVERDUE,
  KURS_TIMELINE_N_COLORS
} KursTimelineColor;

KursTimelineColor  kurs_timeline_item_color (const KursTimelineItem *item);
void               kurs_timeline_color_rgb  (KursTimelineColor       color,
                                             double                 *rgb);
const char        *kurs_timeline_color_name (KursTimelineColor       color);

#define KURS_TYPE_TIMELINE (kurs_timeline_get_type ())
G_DECLARE_FINAL_TYPE (KursTimeline, kurs_timeline, KURS, TIMELINE, GObject)

KursTimeline           *kurs_timeline_new             (KursStore        *store,
                                                       KursRecord       *strategy);
KursStore              *kurs_timeline_get_store       (KursTimeline     *self);
void                    kurs_timeline_get_range       (KursTimeline     *self,
                                                       KursDate         *first,
                                                       KursDate         *last);
KursDate                kurs_timeline_get_today       (KursTimeline     *self);

guint                   kurs_timeline_get_n_items     (KursTimeline     *self);
const KursTimelineItem *kurs_timeline_get_item        (KursTimeline     *self,
                                                       guint             index);
const KursSpan         *kurs_timeline_get_spans       (KursTimeline     *self);
int                     kurs_timeline_find            (KursTimeline     *self,
                                                       KursRecord       *record,
                                                       guint             occurrence);
int                     kurs_timeline_find_row        (KursTimeline     *self,
                                                       KursEntity        entity,
                                                       gint64            id,
                                                       guint             occurrence);
KursRecord             *kurs_timeline_get_record      (KursTimeline     *self,
                                                       guint             index);
KursEntity              kurs_timeline_item_get_entity (const KursTimelineItem *item);

guint                   kurs_timeline_get_min_days    (KursTimeline     *self);
gboolean                kurs_timeline_prepare_min_days (KursTimeline    *self,
                                                        guint            min_days);
void                    kurs_timeline_set_min_days    (KursTimeline     *self,
                                                       guint             min_days);
guint                   kurs_timeline_get_n_rows      (KursTimeline     *self,
                                                       KursLane          lane);
const guint            *kurs_timeline_get_row         (KursTimeline     *self,
                                                       KursLane          lane,
                                                       guint             row,
                                                       guint            *n_items);

void                    kurs_timeline_set_filter      (KursTimeline     *self,
                                                       guint             hidden,
                                                       const char       *committee,
                                                       const char       *owner);
guint                   kurs_timeline_get_hidden      (KursTimeline     *self);
const char             *kurs_timeline_get_committee   (KursTimeline     *self);
const char             *kurs_timeline_get_owner       (KursTimeline     *self);
GStrv                   kurs_timeline_list_committees (KursTimeline     *self);
GStrv                   kurs_timeline_list_owners     (KursTimeline     *self);

gboolean                kurs_timeline_move            (KursTimeline     *self,
                                                       guint             index,
                                                       KursTimeUnit      unit,
                                                       int               start_steps,
                                                       int               end_steps,
                                                       GError          **error);

const char             *kurs_lane_get_title           (KursLane          lane);
KursLane                kurs_timeline_get_lane_at     (KursTimeline    *self,
                                                       guint            position);
char                   *kurs_timeline_item_get_kind_label (const KursTimelineItem *item);
char                   *kurs_timeline_format_dates        (KursTimeline           *self,
                                                           guint                   index);
char                   *kurs_timeline_item_describe   (KursTimeline     *self,
                                                       guint             index);

G_END_DECLS
