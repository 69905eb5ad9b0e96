/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs-search-provider"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "kurs-search.h"
#include "kurs-server-passwords.h"
#include "kurs-server.h"
#include "kurs-store.h"

/**
 * KursSearchProvider:
 *
 * Kurs's answer to the searches of GNOME's overview
 * (org.gnome.Shell.SearchProvider2 on the session bus, as
 * dk.kurs.Kurs.SearchProvider): the strategies and records of the library
 * used last that hold every word typed.  It reads the library read-only,
 * so it never holds its lock, starts without opening it until asked, and
 * leaves when it has not been asked for a while.  A result is opened in
 * Kurs at its record (kurs --file LIBRARY --record STRATEGY:KIND:N).
 */

#define KURS_TYPE_SEARCH_PROVIDER (kurs_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (KursSearchProvider, kurs_search_provider, KURS, SEARCH_PROVIDER, GApplication)

struct _KursSearchProvider
{
  GApplication  parent_instance;

  char         *path;       /* the library, or NULL for the one used last */
  KursStore    *store;
  guint         object_id;
};

G_DEFINE_FINAL_TYPE (KursSearchProvider, kurs_search_provider, G_TYPE_APPLICATION)

#define OBJECT_PATH "/dk/kurs/Kurs/SearchProvider"
#define RESULTS_SHOWN 20
#define IDLE_MS (20 * 1000)

static const char interface_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The library used last, as Kurs remembers it, or its default one */
static char *
library_path (KursSearchProvider *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *last = NULL;

  if (self->path != NULL)
    return g_strdup (self->path);

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      last = g_settings_get_string (settings, "last-library");
    }
  if (last != NULL && *last != '\0')
    return g_steal_pointer (&last);
  return kurs_store_get_default_path ();
}

/* Opened the first time it is asked, read-only: Kurs or kurs-cli may be
 * writing it */
static KursStore *
ensure_store (KursSearchProvider *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    return self->store;

  path = library_path (self);
  /* a team library: its password from the keyring, where Kurs kept it
   * (libpq also reads ~/.pgpass) */
  if (kurs_server_is_address (path))
    kurs_server_passwords_recall_sync (path);
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  self->store = kurs_store_open (path, KURS_STORE_OPEN_READ_ONLY, &error);
  if (self->store == NULL)
    g_debug ("%s: %s", path, error->message);
  return self->store;
}

/* "STRATEGY:KIND:N", the short id of the strategy, the kind of record, its number */
static char *
result_id (KursStore        *store,
           KursSearchResult *result)
{
  g_autoptr(KursRecord) strategy = kurs_store_get (store, KURS_ENTITY_STRATEGY, result->strategy_id);
  g_autofree char *short_id = strategy ? kurs_store_get_short_id (store, strategy) : NULL;

  return g_strdup_printf ("%s:%s:%" G_GINT64_FORMAT, short_id ? short_id : "", kurs_entity_info (result->entity)->name,
                          result->id);
}

static gboolean
parse_id (const char  *id,
          char       **strategy,
          KursEntity  *entity,
          gint64      *number)
{
  g_auto(GStrv) parts = g_strsplit (id, ":", 3);
  const KursEntityInfo *info;

  if (g_strv_length (parts) != 3 || !(info = kurs_entity_info_by_name (parts[1]))
      || !g_ascii_string_to_signed (parts[2], 10, 1, G_MAXINT64, number, NULL))
    return FALSE;
  *strategy = g_strdup (parts[0]);
  *entity = info->entity;
  return TRUE;
}

static GVariant *
search (KursSearchProvider *self,
        GVariant           *terms)
{
  g_autofree const char **words = g_variant_get_strv (terms, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **) words);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder builder;
  KursStore *store = ensure_store (self);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  if (store != NULL && (results = kurs_store_search (store, text, 0, KURS_ENTITY_NONE, RESULTS_SHOWN, &error)))
    for (guint i = 0; i < results->len; i++)
      {
        g_autofree char *id = result_id (store, results->pdata[i]);

        g_variant_builder_add (&builder, "s", id);
      }
  return g_variant_new ("(as)", &builder);
}

static GVariant *
result_metas (KursSearchProvider *self,
              GVariant           *ids)
{
  g_autofree const char **list = g_variant_get_strv (ids, NULL);
  KursStore *store = ensure_store (self);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GVariant) serialized_icon = g_icon_serialize (icon);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; store != NULL && list[i] != NULL; i++)
    {
      g_autofree char *short_id = NULL;
      g_autoptr(KursRecord) strategy = NULL;
      g_autoptr(KursRecord) record = NULL;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      KursEntity entity;
      gint64 number;
      GVariantBuilder meta;

      if (!parse_id (list[i], &short_id, &entity, &number)
          || !(strategy = kurs_store_find_strategy (store, short_id, NULL))
          || !(record = kurs_store_get (store, entity, number)))
        continue;

      name = entity == KURS_ENTITY_VERSION ? kurs_search_name_version (record)
                                           : kurs_store_get_record_name (store, record);
      /* Translators: under a search result in GNOME's overview: its kind, and its strategy */
      description = g_strdup_printf (_("%s in “%s”"), _(kurs_entity_info (entity)->label),
                                     kurs_record_get_title (strategy));
      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (list[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name && *name ? name : _("Untitled")));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "icon", serialized_icon);
      g_variant_builder_add_value (&builder, g_variant_builder_end (&meta));
    }
  return g_variant_new ("(aa{sv})", &builder);
}

/* Kurs, at the result: a running Kurs shows it, or a new one starts there */
static void
launch_kurs (KursSearchProvider *self,
             const char         *record)
{
  const char *program = g_getenv ("KURS_SEARCH_PROVIDER_KURS");
  g_autofree char *installed = g_build_filename (BINDIR, "kurs", NULL);
  g_autofree char *path = library_path (self);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) (program != NULL ? program : installed));
  g_ptr_array_add (argv, "--file");
  g_ptr_array_add (argv, path);
  if (record != NULL)
    {
      g_ptr_array_add (argv, "--record");
      g_ptr_array_add (argv, (gpointer) record);
    }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    g_warning ("Could not start Kurs: %s", error->message);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  KursSearchProvider *self = user_data;

  g_application_hold (G_APPLICATION (self));

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);

      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);

      g_dbus_method_invocation_return_value (invocation, result_metas (self, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;

      g_variant_get (parameters, "(&sasu)", &id, NULL, NULL);
      launch_kurs (self, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      launch_kurs (self, NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (G_APPLICATION (self));
}

static gboolean
kurs_search_provider_dbus_register (GApplication     *application,
                                    GDBusConnection  *connection,
                                    const char       *object_path,
                                    GError          **error)
{
  KursSearchProvider *self = KURS_SEARCH_PROVIDER (application);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (interface_xml, error);
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };

  if (node == NULL)
    return FALSE;

  self->object_id = g_dbus_connection_register_object (connection, OBJECT_PATH, node->interfaces[0], &vtable,
                                                       self, NULL, error);
  return self->object_id != 0;
}

static void
kurs_search_provider_dbus_unregister (GApplication    *application,
                                      GDBusConnection *connection,
                                      const char      *object_path)
{
  KursSearchProvider *self = KURS_SEARCH_PROVIDER (application);

  if (self->object_id != 0)
    g_dbus_connection_unregister_object (connection, self->object_id);
  self->object_id = 0;
}

static int
kurs_search_provider_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  KursSearchProvider *self = KURS_SEARCH_PROVIDER (application);
  g_autofree char *file = NULL;

  if (g_variant_dict_lookup (options, "file", "^ay", &file))
    {
      g_autoptr(GFile) library = NULL;

      if (kurs_server_is_address (file))
        {
          self->path = g_strdup (file);
          return -1;
        }
      library = g_file_new_for_commandline_arg (file);
      self->path = g_file_get_path (library);
    }
  return -1;
}

static void
kurs_search_provider_finalize (GObject *object)
{
  KursSearchProvider *self = KURS_SEARCH_PROVIDER (object);

  g_clear_object (&self->store);
  g_free (self->path);

  G_OBJECT_CLASS (kurs_search_provider_parent_class)->finalize (object);
}

static void
kurs_search_provider_class_init (KursSearchProviderClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = kurs_search_provider_finalize;
  application_class->dbus_register = kurs_search_provider_dbus_register;
  application_class->dbus_unregister = kurs_search_provider_dbus_unregister;
  application_class->handle_local_options = kurs_search_provider_handle_local_options;
}

static void
kurs_search_provider_init (KursSearchProvider *self)
{
  static const GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, NULL, N_("The library to search"), N_("LIBRARY") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_inactivity_timeout (G_APPLICATION (self), IDLE_MS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KursSearchProvider) provider = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KURS_LOCALEDIR") ? g_getenv ("KURS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  provider = g_object_new (KURS_TYPE_SEARCH_PROVIDER,
                           "application-id", APP_ID ".SearchProvider",
                           "flags", G_APPLICATION_IS_SERVICE,
                           NULL);
  return g_application_run (G_APPLICATION (provider), argc, argv);
}
