/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kurs"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kurs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KursApplication) app = NULL;
  const char *localedir = g_getenv ("KURS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kurs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
