/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * kurs_make_settings_without_default_theme:
 *
 * Makes GTK's settings for the display before adw_init() would, without
 * parsing GTK's Default theme.
 *
 * GTK 4.8 parses its own Default theme as it makes the display's settings,
 * which adw_init() asks for, and libadwaita replaces that theme a moment
 * later with an empty one ("Adwaita-empty", in its resources) under its own
 * style sheet: the parse, ~20 ms of every start, is thrown away.  Making the
 * settings first, while GTK_THEME names the empty theme, skips it.
 * GTK_THEME is unset again before adw_init(), which leaves its style sheet
 * out while it is set; a GTK_THEME the user set is left as it is.  (GTK's
 * own start-up unsets DESKTOP_STARTUP_ID and DESKTOP_AUTOSTART_ID the same
 * way, with the same threads running.)
 *
 * Inline, so that the benchmark's bare window starts exactly as Kurs does
 * without linking Kurs.
 */
static inline void
kurs_make_settings_without_default_theme (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  if (gtk_init_check ())
    gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
}

G_END_DECLS
