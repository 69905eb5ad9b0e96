/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "kurs-store.h"

G_BEGIN_DECLS

/* What every command shares: the library named by --file, once opened. */
typedef struct {
  const char *file;
  KursStore  *store;
  GError     *read_error;   /* the first read of the library that failed */
} KursCli;

typedef struct {
  const char *name;
  const char *synopsis;
  const char *summary;   /* N_() */
  int       (*run) (KursCli  *cli,
                    int       argc,
                    char    **argv);
} KursCliCommand;

enum {
  KURS_CLI_EXIT_OK = 0,
  KURS_CLI_EXIT_ERROR = 1,
  KURS_CLI_EXIT_USAGE = 2,
};

gboolean    kurs_cli_open          (KursCli        *cli,
                                    gboolean        writes,
                                    GError        **error);
KursRecord *kurs_cli_find_strategy (KursCli        *cli,
                                    const char     *id,
                                    GError        **error);
KursRecord *kurs_cli_find_record   (KursCli        *cli,
                                    KursRecord     *strategy,
                                    KursEntity      entity,
                                    gint64          id,
                                    GError        **error);
KursRecord *kurs_cli_find_record_text (KursCli     *cli,
                                    KursRecord     *strategy,
                                    KursEntity      entity,
                                    const char     *text,
                                    GError        **error);
int         kurs_cli_fail          (GError         *error);
int         kurs_cli_usage         (const char     *command,
                                    const char     *message);
int         kurs_cli_parse         (const char     *command,
                                    const char     *synopsis,
                                    GOptionEntry   *entries,
                                    int            *argc,
                                    char         ***argv,
                                    int             min_args,
                                    int             max_args);
void        kurs_cli_print_json    (JsonNode       *node);
int         kurs_cli_check_version (const char     *command,
                                    int             version,
                                    gboolean        draft,
                                    gint64         *number);
gboolean    kurs_cli_parse_period  (const char     *text,
                                    int            *start,
                                    int            *end,
                                    GError        **error);
void        kurs_cli_json_add_string (JsonBuilder  *builder,
                                    const char     *name,
                                    const char     *value);
void        kurs_cli_append_one_line (GString      *out,
                                    const char     *text);
char       *kurs_cli_marked_words  (const char     *old_text,
                                    const char     *new_text);
gboolean    kurs_cli_check_text    (const char     *what,
                                    const char     *text,
                                    GError        **error);

/* The commands, each in the file of its subject */
int kurs_cli_run_status   (KursCli *cli, int argc, char **argv);
int kurs_cli_run_approve  (KursCli *cli, int argc, char **argv);
int kurs_cli_run_versions (KursCli *cli, int argc, char **argv);
int kurs_cli_run_diff     (KursCli *cli, int argc, char **argv);
int kurs_cli_run_history  (KursCli *cli, int argc, char **argv);
int kurs_cli_run_search   (KursCli *cli, int argc, char **argv);
int kurs_cli_run_export   (KursCli *cli, int argc, char **argv);
int kurs_cli_run_import   (KursCli *cli, int argc, char **argv);
int kurs_cli_run_validate (KursCli *cli, int argc, char **argv);
int kurs_cli_run_add      (KursCli *cli, int argc, char **argv);
int kurs_cli_run_server_init (KursCli *cli, int argc, char **argv);
int kurs_cli_run_copy     (KursCli *cli, int argc, char **argv);
int kurs_cli_run_set      (KursCli *cli, int argc, char **argv);
int kurs_cli_run_list_records     (KursCli *cli, int argc, char **argv);
int kurs_cli_run_plan_process     (KursCli *cli, int argc, char **argv);
int kurs_cli_run_send_to_hearing  (KursCli *cli, int argc, char **argv);
int kurs_cli_run_hearing          (KursCli *cli, int argc, char **argv);
int kurs_cli_run_hearing_summary  (KursCli *cli, int argc, char **argv);
int kurs_cli_run_plan             (KursCli *cli, int argc, char **argv);
int kurs_cli_run_initiative       (KursCli *cli, int argc, char **argv);
int kurs_cli_run_measure          (KursCli *cli, int argc, char **argv);
int kurs_cli_run_import_csv       (KursCli *cli, int argc, char **argv);
int kurs_cli_run_export_ics       (KursCli *cli, int argc, char **argv);
int kurs_cli_run_print_pdf        (KursCli *cli, int argc, char **argv);
int kurs_cli_run_export_odt       (KursCli *cli, int argc, char **argv);
int kurs_cli_run_export_sheet     (KursCli *cli, int argc, char **argv);

G_END_DECLS
