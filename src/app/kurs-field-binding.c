/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-field-binding"

#include "config.h"

#include <glib/gi18n.h>

#include "kurs-field-binding.h"

/* What every editor of one field shares: it shows the record's value, is
 * told when the value changes elsewhere (undo, another window), checks
 * what is typed against the field's rules before anything is stored, and
 * writes to the library at once, or, for typing, after a short pause.
 * There is no Save button: a pending edit is written when the pause ends,
 * when the editor goes away, and whenever the store is about to do
 * anything else (#KursStore::prepare): before an action, undo or an
 * export.
 *
 * Another Kurs on the same library (a colleague's window, a command) may
 * change the field meanwhile: its change is shown at once, unless the
 * person is in the editor, where it waits until they leave it.  An edit
 * is written only over the value the editor showed (kurs_store_set_from());
 * where someone changed it meanwhile, the editor shows theirs, and the
 * window says who and when and offers to put the person's own back ("Use
 * Mine"): nothing typed is lost.
 *
 * An edit the library refuses by a rule (the strategy was approved, an
 * end before its start) is undone in the editor, with the reason.  One
 * that could not be written for a reason that passes — a full disk, a
 * library another program is busy writing, an I/O error — is not: what
 * was typed stays, marked as not saved, is tried again every few
 * seconds, and can be copied from the message meanwhile. */

struct _KursFieldBinding
{
  GtkWidget              *widget;     /* not owned: it owns us */
  KursStore              *store;
  KursRecord             *record;
  const KursField        *field;
  KursFieldBindingUpdate  update;
  gulong                  changed_handler;
  gulong                  prepare_handler;
  gboolean                has_pending;
  GVariant               *pending;       /* NULL: clear the field */
  guint                   timeout;
  gboolean                saving;
  /* A save failed for a reason that passes (a full disk, a busy
   * library): the typed value is kept, marked, and tried again */
  gboolean                unsaved;
  /* What the editor shows, from which an edit is made, and the library's
   * revision it was taken at */
  GVariant               *base;
  gint64                  base_revision;
  /* Another's change came while the person was in the editor */
  gboolean                stale;
  GtkEventController     *focus;
};

/* How often a save that failed for a passing reason is tried again */
#define RETRY_SECONDS 3

static void
unschedule (KursFieldBinding *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_pointer (&self->pending, g_variant_unref);
  self->has_pending = FALSE;
}


/* The editor shows the stored value again */
static void
show_stored (KursFieldBinding *self)
{
  GVariant *value = kurs_record_get_value (self->record, self->field->name);

  self->stale = FALSE;
  g_clear_pointer (&self->base, g_variant_unref);
  self->base = value ? g_variant_ref (value) : NULL;
  self->base_revision = kurs_store_get_revision (self->store);
  if (self->update)
    self->update (self->widget);
}

/* Whether the person is in the editor: it has the focus of the window
 * they are using */
static gboolean
has_focus (KursFieldBinding *self)
{
  GtkRoot *root = gtk_widget_get_root (self->widget);

  return gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->focus))
         && GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root));
}

static void
record_changed_cb (KursRecord       *record,
                   const char       *field,
                   KursFieldBinding *self)
{
  /* What we wrote ourselves, or are about to, is already on screen; an
   * edit waiting is written over what the editor showed, or refused */
  if (self->saving || self->has_pending)
    return;

  /* Another's change is not put under the cursor of someone in the editor */
  if (kurs_store_is_catching_up (self->store) && has_focus (self))
    {
      self->stale = TRUE;
      return;
    }

  show_stored (self);
}

static void
focus_changed_cb (KursFieldBinding *self)
{
  if (!has_focus (self) && self->stale && !self->has_pending && !self->saving)
    show_stored (self);
}

/**
 * kurs_field_binding_new:
 * @widget: the editor, which frees the binding in its dispose
 * @update: (nullable): called when the field changes elsewhere
 */
KursFieldBinding *
kurs_field_binding_new (GtkWidget              *widget,
                        KursStore              *store,
                        KursRecord             *record,
                        const char             *field,
                        KursFieldBindingUpdate  update)
{
  KursFieldBinding *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KURS_IS_STORE (store), NULL);
  g_return_val_if_fail (KURS_IS_RECORD (record), NULL);

  self = g_new0 (KursFieldBinding, 1);
  self->widget = widget;
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  self->field = kurs_entity_info_get_field (kurs_record_get_info (record), field);
  self->update = update;
  g_assert (self->field != NULL);

  self->base = kurs_record_get_value (record, field);
  if (self->base != NULL)
    g_variant_ref (self->base);
  self->base_revision = kurs_store_get_revision (store);
  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->focus, "notify::contains-focus", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (widget, self->focus);

  signal = g_strdup_printf ("changed::%s", self->field->name);
  self->changed_handler = g_signal_connect (record, signal, G_CALLBACK (record_changed_cb), self);
  /* An edit waiting is written before anything else is done to the
   * library: an action, undo, an export */
  self->prepare_handler = g_signal_connect_swapped (store, "prepare", G_CALLBACK (kurs_field_binding_flush), self);

  return self;
}

void
kurs_field_binding_free (KursFieldBinding *self)
{
  if (self == NULL)
    return;

  /* An edit still waiting is written, not lost (where it cannot be, the
   * message about it has the text to copy) */
  kurs_field_binding_flush (self);
  unschedule (self);

  g_clear_signal_handler (&self->changed_handler, self->record);
  g_clear_signal_handler (&self->prepare_handler, self->store);
  g_signal_handlers_disconnect_by_data (self->focus, self);
  g_clear_pointer (&self->base, g_variant_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_free (self);
}

KursStore *
kurs_field_binding_get_store (KursFieldBinding *self)
{
  return self->store;
}

KursRecord *
kurs_field_binding_get_record (KursFieldBinding *self)
{
  return self->record;
}

const KursField *
kurs_field_binding_get_field (KursFieldBinding *self)
{
  return self->field;
}

/**
 * kurs_field_binding_get_value:
 *
 * Returns: (transfer none) (nullable): the value as stored
 */
GVariant *
kurs_field_binding_get_value (KursFieldBinding *self)
{
  return kurs_record_get_value (self->record, self->field->name);
}

/**
 * kurs_field_binding_is_writable:
 *
 * Returns: whether an edit can be stored: the library is writable and the
 *   field is not part of an approved strategy's frozen text
 */
gboolean
kurs_field_binding_is_writable (KursFieldBinding *self)
{
  return kurs_field_binding_check_writable (self, NULL);
}

/**
 * kurs_field_binding_check_writable:
 *
 * Returns: whether an edit can be stored, or %FALSE with @error saying
 *   why not: the library is read-only, or the strategy approved
 */
gboolean
kurs_field_binding_check_writable (KursFieldBinding  *self,
                                   GError           **error)
{
  if (kurs_record_is_deleted (self->record))
    {
      g_set_error (error, KURS_STORE_ERROR, KURS_STORE_ERROR_NOT_FOUND,
                   _("“%s” has been deleted"), kurs_record_get_title (self->record));
      return FALSE;
    }

  return kurs_store_check_field_editable (self->store, kurs_record_get_entity (self->record), self->field->name,
                                          kurs_record_get_strategy_id (self->record), error);
}

/**
 * kurs_field_binding_check:
 * @value: (nullable): a value that may be stored; a floating one is
 *   consumed
 *
 * Checks @value against the field's rules and those that tie it to the
 * row's other fields, storing nothing.
 */
gboolean
kurs_field_binding_check (KursFieldBinding  *self,
                          GVariant          *value,
                          GError           **error)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;

  return kurs_store_check_change (self->store, self->record, self->field->name, owned, error);
}

/* Whether a save failed for a reason that passes, rather than by a rule */
static gboolean
is_passing (const GError *error)
{
  return g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FULL)
         || g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_LOCKED)
         || g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FAILED);
}

/* Marks the editor as holding what is not saved (@error set), or not */
static void
set_unsaved (KursFieldBinding *self,
             const GError     *error,
             GVariant         *value)
{
  if (error == NULL)
    {
      if (!self->unsaved)
        return;
      self->unsaved = FALSE;
      gtk_widget_remove_css_class (self->widget, "unsaved");
      gtk_widget_set_tooltip_text (self->widget, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_activate_action (self->widget, "win.show-saved", NULL);
      return;
    }

  /* Said once, not at every try */
  if (!self->unsaved)
    {
      g_autofree char *note = NULL;
      const char *text = value && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
                         ? g_variant_get_string (value, NULL) : "";

      if (g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_FULL))
        note = g_strdup (_("The disk is full, so what you typed is not saved yet. Kurs tries again "
                           "every few seconds."));
      else if (g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_LOCKED))
        note = g_strdup (_("Another program is writing the library, so what you typed is not saved yet. "
                           "Kurs tries again every few seconds."));
      else
        note = g_strdup_printf (_("What you typed is not saved yet (%s). Kurs tries again every few seconds."),
                                error->message);

      self->unsaved = TRUE;
      gtk_widget_add_css_class (self->widget, "unsaved");
      gtk_widget_set_tooltip_text (self->widget, note);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note, -1);
      if (!gtk_widget_activate_action (self->widget, "win.show-unsaved", "(ss)", note, text))
        g_warning ("%s", note);
    }
}

static gboolean timeout_cb (gpointer data);

/**
 * kurs_field_binding_save:
 * @value: (nullable): the new value; a floating one is consumed
 *
 * Writes the value to the library now.  A failure (the strategy was
 * approved meanwhile, a rule between fields) is shown to the user and the
 * editor shows the stored value again.
 */
void
kurs_field_binding_save (KursFieldBinding *self,
                         GVariant         *value)
{
  /* The change may take the editor away — a milestone whose date moved
   * it in its list gets a new row — so it is kept until this is done */
  g_autoptr(GtkWidget) keep = g_object_ref (self->widget);
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  (void) keep;

  unschedule (self);

  self->saving = TRUE;
  ok = kurs_store_set_from (self->store, self->record, self->field->name, self->base, self->base_revision,
                            owned, &error);
  self->saving = FALSE;

  if (ok)
    {
      g_clear_pointer (&self->base, g_variant_unref);
      self->base = owned ? g_variant_ref (owned) : NULL;
      set_unsaved (self, NULL, NULL);
      return;
    }

  /* Someone changed it meanwhile: theirs is shown, and the person's own
   * is kept in the message, to be put back (win.use-mine) */
  if (g_error_matches (error, KURS_STORE_ERROR, KURS_STORE_ERROR_CONFLICT))
    {
      set_unsaved (self, NULL, NULL);
      show_stored (self);
      /* with theirs as the editor now shows it, to put the person's own
       * back over (win.use-mine) */
      if (!gtk_widget_activate_action (self->widget, "win.show-conflict", "(ssxsmvmvx)", error->message,
                                       kurs_record_get_info (self->record)->name,
                                       kurs_record_get_id (self->record), self->field->name, owned,
                                       self->base, self->base_revision))
        g_warning ("%s", error->message);
      return;
    }

  if (is_passing (error))
    {
      /* Kept as typed, and tried again */
      set_unsaved (self, error, owned);
      self->has_pending = TRUE;
      self->pending = owned ? g_variant_ref (owned) : NULL;
      self->timeout = g_timeout_add_seconds (RETRY_SECONDS, timeout_cb, self);
      return;
    }

  set_unsaved (self, NULL, NULL);
  kurs_show_error (self->widget, error);
  show_stored (self);
}

static gboolean
timeout_cb (gpointer data)
{
  KursFieldBinding *self = data;

  self->timeout = 0;
  kurs_field_binding_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * kurs_field_binding_save_later:
 * @value: (nullable): the value to write once typing pauses; a floating
 *   one is consumed
 */
void
kurs_field_binding_save_later (KursFieldBinding *self,
                               GVariant         *value)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  GVariant *stored = kurs_field_binding_get_value (self);

  unschedule (self);

  /* Nothing to write where the value is what is stored */
  if (owned == stored || (owned != NULL && stored != NULL && g_variant_equal (owned, stored)))
    return;

  self->has_pending = TRUE;
  self->pending = g_steal_pointer (&owned);
  self->timeout = g_timeout_add (KURS_SAVE_DELAY_MS, timeout_cb, self);
}

/**
 * kurs_field_binding_flush:
 *
 * Writes a waiting edit now.
 */
void
kurs_field_binding_flush (KursFieldBinding *self)
{
  g_autoptr(GVariant) value = NULL;

  if (!self->has_pending)
    return;

  value = g_steal_pointer (&self->pending);
  kurs_field_binding_save (self, value);
}

/**
 * kurs_field_binding_cancel:
 *
 * Drops a waiting edit (the text went back to what is stored, or became
 * invalid).
 */
void
kurs_field_binding_cancel (KursFieldBinding *self)
{
  unschedule (self);
}

/**
 * kurs_field_binding_is_unsaved:
 *
 * Returns: whether the editor holds what could not be saved yet
 */
gboolean
kurs_field_binding_is_unsaved (KursFieldBinding *self)
{
  return self->unsaved;
}

static gboolean
typing_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               KursFieldBinding      *self)
{
  g_autoptr(GError) error = NULL;
  gunichar c = gdk_keyval_to_unicode (keyval);
  gboolean edits = (c >= 0x20 && c != 0x7f) || keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete
                   || keyval == GDK_KEY_KP_Delete;

  if (!edits || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0
      || kurs_field_binding_check_writable (self, &error))
    return FALSE;

  gtk_widget_activate_action (self->widget, "win.show-refusal", "s", error->message);
  return TRUE;
}

/**
 * kurs_field_binding_watch_typing:
 * @editable: the widget typed into: the editor, or the text inside it
 *
 * Typing into a field that cannot be changed (a frozen text, a read-only
 * library) is not silently ignored: the window says why, and how to
 * change it where there is a way.
 */
void
kurs_field_binding_watch_typing (KursFieldBinding *self,
                                 GtkWidget        *editable)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (typing_key_cb), self);
  gtk_widget_add_controller (editable, keys);
}

/**
 * kurs_show_error:
 *
 * Tells the user, through the window's "win.show-error" action, that an
 * edit could not be stored and why.
 */
void
kurs_show_error (GtkWidget    *widget,
                 const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  if (!gtk_widget_activate_action (widget, "win.show-error", "s", error->message))
    g_warning ("%s", error->message);
}

/**
 * kurs_set_invalid:
 * @message: (nullable): why the value is refused, or %NULL when it is fine
 *
 * Marks an editor whose value is refused: red, with the reason as its
 * tooltip and its accessible description.
 */
void
kurs_set_invalid (GtkWidget  *widget,
                  const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* as it was: nothing to do (an editor says it at every key, and a
   * tooltip set again, the same, costs a third of a key's time) */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), message) == 0
      && gtk_widget_has_css_class (widget, "error") == (message != NULL))
    return;

  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");

  gtk_widget_set_tooltip_text (widget, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                  -1);
  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
}
