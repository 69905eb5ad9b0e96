/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "kurs-table-copy.h"

G_BEGIN_DECLS

#define KURS_SERVER_ERROR (kurs_server_error_quark ())

typedef enum {
  KURS_SERVER_ERROR_ADDRESS,        /* not an address of a server, or one holding a password */
  KURS_SERVER_ERROR_UNREACHABLE,    /* no server answers there */
  KURS_SERVER_ERROR_AUTHENTICATION, /* a wrong password, an unknown user */
  KURS_SERVER_ERROR_NO_DATABASE,    /* the server has no such database */
  KURS_SERVER_ERROR_NOT_INITIALISED,
  KURS_SERVER_ERROR_NEWER,          /* initialised by a newer Kurs */
  KURS_SERVER_ERROR_FOREIGN,        /* holds something else */
  KURS_SERVER_ERROR_PERMISSION,     /* the role may not do it */
  KURS_SERVER_ERROR_FAILED,
  KURS_SERVER_ERROR_PASSWORD_NEEDED, /* the server asks for one, and none was given */
} KursServerError;

typedef enum {
  KURS_SERVER_INIT_CREATED,         /* the schema and roles were made */
  KURS_SERVER_INIT_UPDATED,         /* an older Kurs's schema was brought up to date */
  KURS_SERVER_INIT_ALREADY,         /* nothing to do */
} KursServerInitResult;

/* The three roles a team library's people are given */
#define KURS_SERVER_ROLE_EDITOR    "kurs_editor"
#define KURS_SERVER_ROLE_FOLLOW_UP "kurs_follow_up"
#define KURS_SERVER_ROLE_READER    "kurs_reader"

/* What a person's role may write in a server's library */
typedef enum {
  KURS_SERVER_RIGHTS_ALL,         /* kurs_editor, or the owner */
  KURS_SERVER_RIGHTS_FOLLOW_UP,   /* kurs_follow_up */
  KURS_SERVER_RIGHTS_READ,        /* kurs_reader */
} KursServerRights;

/* What each connection of a store begins with, and again after a lost one */
#define KURS_SERVER_SESSION "SET search_path = kurs, pg_catalog"

/* A connection to a team library's server */
typedef struct _KursServer KursServer;

GQuark    kurs_server_error_quark      (void);
gboolean  kurs_server_is_address       (const char            *library);
void      kurs_server_set_password     (const char            *address,
                                        const char            *password);
gboolean  kurs_server_has_password     (const char            *address);
char     *kurs_server_make_address     (const char            *host,
                                        const char            *database,
                                        const char            *user);
gboolean  kurs_server_split_address    (const char            *address,
                                        char                 **host,
                                        char                 **database,
                                        char                 **user);
gboolean  kurs_server_init             (const char            *address,
                                        KursServerInitResult  *result,
                                        char                 **where,
                                        GError               **error);
char     *kurs_server_describe_grants  (void);

KursServer    *kurs_server_connect           (const char     *address,
                                              GError        **error);
void           kurs_server_free              (KursServer     *server);
const char    *kurs_server_describe          (KursServer     *server);
gboolean       kurs_server_check_library     (KursServer     *server,
                                              GError        **error);
KursServerRights kurs_server_get_rights      (KursServer     *server);
PGconn        *kurs_server_steal_connection  (KursServer     *server);
gboolean       kurs_server_dump_tables       (KursServer     *server,
                                              KursTableSink  *sink,
                                              GError        **error);
KursTableSink *kurs_server_load_tables_begin (KursServer     *server,
                                              GError        **error);
gboolean       kurs_server_load_tables_end   (KursTableSink  *sink,
                                              gboolean        ok,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KursServer, kurs_server_free)

G_END_DECLS
