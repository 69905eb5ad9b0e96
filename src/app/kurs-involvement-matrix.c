/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-involvement-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"
#include "kurs-involvement-matrix.h"

/**
 * KursInvolvementMatrix:
 *
 * Who is involved in which milestone, and how: the strategy's
 * stakeholders down, its milestones across (those of the process, and
 * any other that has someone involved), each cell one of participant,
 * interviewed, gave input, hearing party — or nobody.  A cell is a menu
 * of the roles; choosing one stores it as one action.
 */
struct _KursInvolvementMatrix
{
  GtkWidget       parent_instance;

  KursStore      *store;
  KursRecord     *strategy;
  GtkWidget      *scrolled;
  GtkGrid        *grid;
  GPtrArray      *stakeholders;
  GPtrArray      *milestones;
  GHashTable     *cells;       /* "stakeholder:milestone" → GtkMenuButton */
};

G_DEFINE_FINAL_TYPE (KursInvolvementMatrix, kurs_involvement_matrix, GTK_TYPE_WIDGET)

static char *
cell_key (gint64 stakeholder_id,
          gint64 milestone_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, stakeholder_id, milestone_id);
}

static gboolean
is_process_kind (int kind)
{
  return kind != KURS_MILESTONE_DATA_RELEASE && kind != KURS_MILESTONE_STATUS_REVIEW
         && kind != KURS_MILESTONE_EVALUATION;
}

/* The involvement of a stakeholder in a milestone, if any */
static KursRecord *
find_involvement (GPtrArray *involvements,
                  gint64     stakeholder_id,
                  gint64     milestone_id)
{
  for (guint i = 0; i < involvements->len; i++)
    if (kurs_record_get_parent_id (involvements->pdata[i]) == stakeholder_id
        && kurs_record_get_int (involvements->pdata[i], "milestone_id") == milestone_id)
      return involvements->pdata[i];
  return NULL;
}

static void
update_cell (KursInvolvementMatrix *self,
             GtkWidget             *cell,
             KursRecord            *stakeholder,
             KursRecord            *milestone,
             KursRecord            *involvement)
{
  int role = involvement ? kurs_record_get_enum (involvement, "role") : -1;
  const char *label = role >= 0 ? kurs_enum_info_to_label (&kurs_involvement_role_enum, role) : "–";
  g_autofree char *accessible = NULL;

  /* a label of its own, not the menu button's: no arrow in every cell */
  gtk_label_set_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (cell))), label);
  if (role >= 0)
    gtk_widget_add_css_class (cell, "involved");
  else
    gtk_widget_remove_css_class (cell, "involved");

  /* Translators: a cell of the involvement matrix, for a screen reader:
   * "Handicaprådet in Høring…: Hearing party" */
  accessible = g_strdup_printf (_("%s in %s: %s"), kurs_record_get_title (stakeholder),
                                kurs_record_get_title (milestone),
                                role >= 0 ? label : _("Not involved"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (cell, accessible);
}

/* What a cell's menu is made for: a stakeholder at a milestone */
typedef struct {
  gint64 stakeholder_id;
  gint64 milestone_id;
} CellIds;

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  const CellIds *ids = user_data;
  gint64 stakeholder_id = ids->stakeholder_id;
  gint64 milestone_id = ids->milestone_id;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) none = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  menu = g_menu_new ();
  none = g_menu_item_new (_("Not Involved"), NULL);
  g_menu_item_set_action_and_target (none, "matrix.set-role", "(xxs)", stakeholder_id, milestone_id, "");
  g_menu_append_item (menu, none);
  for (guint i = 0; i < kurs_involvement_role_enum.n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (kurs_enum_info_to_label (&kurs_involvement_role_enum, i), NULL);

      g_menu_item_set_action_and_target (item, "matrix.set-role", "(xxs)", stakeholder_id, milestone_id,
                                         kurs_involvement_role_enum.values[i].nick);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
milestone_header (KursRecord *milestone)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *date = kurs_date_format_local (kurs_record_get_date (milestone, "start_date"));
  int kind = kurs_record_get_enum (milestone, "kind");
  GtkWidget *title = header_label (kurs_record_get_title (milestone), NULL);

  gtk_box_append (GTK_BOX (box), header_label (date, "caption-heading"));
  if (kind >= 0)
    gtk_box_append (GTK_BOX (box), header_label (kurs_enum_info_to_label (&kurs_milestone_kind_enum, kind),
                                                 "dim-label"));
  gtk_widget_add_css_class (title, "caption");
  gtk_label_set_width_chars (GTK_LABEL (title), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 14);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_tooltip_text (box, kurs_record_get_title (milestone));
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  return box;
}

static void
clear_grid (KursInvolvementMatrix *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cells);
}

/* The milestones of the process, and any other someone is involved in */
static GPtrArray *
shown_milestones (KursInvolvementMatrix *self,
                  GPtrArray             *involvements)
{
  g_autoptr(GPtrArray) milestones = kurs_store_list (self->store, KURS_ENTITY_MILESTONE,
                                                     kurs_record_get_id (self->strategy), NULL);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < milestones->len; i++)
    {
      KursRecord *milestone = milestones->pdata[i];
      gboolean involved = FALSE;

      for (guint k = 0; k < involvements->len && !involved; k++)
        involved = kurs_record_get_int (involvements->pdata[k], "milestone_id") == kurs_record_get_id (milestone);
      if (involved || is_process_kind (kurs_record_get_enum (milestone, "kind")))
        g_ptr_array_add (shown, g_object_ref (milestone));
    }
  return shown;
}

static gboolean
same_records (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
rebuild (KursInvolvementMatrix *self)
{
  gint64 strategy_id = kurs_record_get_id (self->strategy);
  g_autoptr(GPtrArray) involvements = kurs_store_list_by_strategy (self->store, KURS_ENTITY_INVOLVEMENT,
                                                                   strategy_id, NULL);
  gboolean writable = !kurs_store_is_read_only (self->store);

  clear_grid (self);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  self->stakeholders = kurs_store_list (self->store, KURS_ENTITY_STAKEHOLDER, strategy_id, NULL);
  self->milestones = shown_milestones (self, involvements);

  for (guint m = 0; m < self->milestones->len; m++)
    gtk_grid_attach (self->grid, milestone_header (self->milestones->pdata[m]), m + 1, 0, 1, 1);

  for (guint s = 0; s < self->stakeholders->len; s++)
    {
      KursRecord *stakeholder = self->stakeholders->pdata[s];
      gint64 stakeholder_id = kurs_record_get_id (stakeholder);
      GtkWidget *name = header_label (kurs_record_get_title (stakeholder), NULL);

      gtk_label_set_width_chars (GTK_LABEL (name), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
      gtk_label_set_lines (GTK_LABEL (name), 2);
      gtk_widget_set_tooltip_text (name, kurs_record_get_title (stakeholder));
      gtk_grid_attach (self->grid, name, 0, s + 1, 1, 1);

      for (guint m = 0; m < self->milestones->len; m++)
        {
          KursRecord *milestone = self->milestones->pdata[m];
          gint64 milestone_id = kurs_record_get_id (milestone);
          GtkWidget *cell = gtk_menu_button_new ();
          CellIds *ids = g_new (CellIds, 1);

          gtk_menu_button_set_child (GTK_MENU_BUTTON (cell), gtk_label_new (NULL));

          gtk_widget_add_css_class (cell, "flat");
          gtk_widget_add_css_class (cell, "kurs-matrix-cell");
          gtk_widget_set_sensitive (cell, writable);
          ids->stakeholder_id = stakeholder_id;
          ids->milestone_id = milestone_id;
          gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (cell), create_menu_cb, ids, g_free);
          update_cell (self, cell, stakeholder, milestone,
                       find_involvement (involvements, stakeholder_id, milestone_id));
          gtk_grid_attach (self->grid, cell, m + 1, s + 1, 1, 1);
          g_hash_table_insert (self->cells, cell_key (stakeholder_id, milestone_id), cell);
        }
    }

  if (self->stakeholders->len == 0 || self->milestones->len == 0)
    {
      GtkWidget *empty = gtk_label_new (self->stakeholders->len == 0
                                        ? _("No stakeholders yet: add them above")
                                        : _("No milestones yet: plan the process first"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_grid_attach (self->grid, empty, 0, 1, 1, 1);
    }
}

/* A new role changes only the cells' labels, unless it brings in a
 * milestone outside the process, or takes the last one of such away */
static void
update_cells (KursInvolvementMatrix *self)
{
  g_autoptr(GPtrArray) involvements =
    kurs_store_list_by_strategy (self->store, KURS_ENTITY_INVOLVEMENT, kurs_record_get_id (self->strategy), NULL);
  g_autoptr(GPtrArray) shown = shown_milestones (self, involvements);

  if (!same_records (shown, self->milestones))
    {
      rebuild (self);
      return;
    }

  for (guint s = 0; s < self->stakeholders->len; s++)
    for (guint m = 0; m < self->milestones->len; m++)
      {
        gint64 stakeholder_id = kurs_record_get_id (self->stakeholders->pdata[s]);
        gint64 milestone_id = kurs_record_get_id (self->milestones->pdata[m]);
        g_autofree char *key = cell_key (stakeholder_id, milestone_id);
        GtkWidget *cell = g_hash_table_lookup (self->cells, key);

        if (cell != NULL)
          update_cell (self, cell, self->stakeholders->pdata[s], self->milestones->pdata[m],
                       find_involvement (involvements, stakeholder_id, milestone_id));
      }
}

static void
store_changed_cb (KursInvolvementMatrix *self,
                  guint                  entities)
{
  if (kurs_record_is_deleted (self->strategy))
    return;
  if (entities & ((1u << KURS_ENTITY_STAKEHOLDER) | (1u << KURS_ENTITY_MILESTONE)))
    rebuild (self);
  else if (entities & (1u << KURS_ENTITY_INVOLVEMENT))
    update_cells (self);
}

static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KursInvolvementMatrix *self = KURS_INVOLVEMENT_MATRIX (widget);
  g_autoptr(GError) error = NULL;
  gint64 stakeholder_id, milestone_id;
  const char *role;

  g_variant_get (parameter, "(xx&s)", &stakeholder_id, &milestone_id, &role);
  if (!kurs_involvement_matrix_set_role (self, stakeholder_id, milestone_id, *role ? role : NULL, &error))
    kurs_show_error (widget, error);
}

static void
kurs_involvement_matrix_dispose (GObject *object)
{
  KursInvolvementMatrix *self = (KursInvolvementMatrix *) object;

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->strategy);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kurs_involvement_matrix_parent_class)->dispose (object);
}

static void
kurs_involvement_matrix_class_init (KursInvolvementMatrixClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kurs_involvement_matrix_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kurs-involvement-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_install_action (widget_class, "matrix.set-role", "(xxs)", set_role_action);
}

static void
kurs_involvement_matrix_init (KursInvolvementMatrix *self)
{
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 2);
  gtk_grid_set_column_spacing (self->grid, 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->grid));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Involvement of the stakeholders in the milestones"), -1);
}

/**
 * kurs_involvement_matrix_new:
 *
 * Returns: (transfer floating): the matrix of @strategy
 */
GtkWidget *
kurs_involvement_matrix_new (KursStore  *store,
                             KursRecord *strategy)
{
  KursInvolvementMatrix *self;

  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (strategy), NULL);

  self = g_object_new (KURS_TYPE_INVOLVEMENT_MATRIX, NULL);
  self->store = g_object_ref (store);
  self->strategy = g_object_ref (strategy);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}

/**
 * kurs_involvement_matrix_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's menu button
 */
GtkWidget *
kurs_involvement_matrix_get_cell (KursInvolvementMatrix *self,
                                  gint64                 stakeholder_id,
                                  gint64                 milestone_id)
{
  g_autofree char *key = cell_key (stakeholder_id, milestone_id);

  g_return_val_if_fail (KURS_IS_INVOLVEMENT_MATRIX (self), NULL);

  return g_hash_table_lookup (self->cells, key);
}

/**
 * kurs_involvement_matrix_set_role:
 * @role: (nullable): a role's nick, or %NULL for not involved
 *
 * What choosing in a cell does: the involvement is added, changed or
 * taken away, as one action.
 */
gboolean
kurs_involvement_matrix_set_role (KursInvolvementMatrix  *self,
                                  gint64                  stakeholder_id,
                                  gint64                  milestone_id,
                                  const char             *role,
                                  GError                **error)
{
  g_autoptr(GPtrArray) involvements = NULL;
  g_autoptr(KursRecord) created = NULL;
  KursRecord *involvement;

  g_return_val_if_fail (KURS_IS_INVOLVEMENT_MATRIX (self), FALSE);

  involvements = kurs_store_list (self->store, KURS_ENTITY_INVOLVEMENT, stakeholder_id, NULL);
  involvement = find_involvement (involvements, stakeholder_id, milestone_id);

  if (role == NULL)
    return involvement == NULL || kurs_store_delete (self->store, involvement, error);
  if (involvement != NULL)
    return kurs_store_set (self->store, involvement, "role", g_variant_new_string (role), error);

  created = kurs_store_create (self->store, KURS_ENTITY_INVOLVEMENT, stakeholder_id, error,
                               "milestone_id", g_variant_new_int64 (milestone_id),
                               "role", g_variant_new_string (role), NULL);
  return created != NULL;
}
