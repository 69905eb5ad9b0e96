# SPDX-License-Identifier: GPL-3.0-or-later
"""What Kurs remembers: with no library named, the default library is
made on first run; then the last library opened, and the window's size."""

import configparser
import os
import subprocess
import tempfile

from kurs_e2e import Kurs, check, finish, library_path

home = tempfile.mkdtemp(prefix="kurs-home-")
env = dict(os.environ)
env.update({
    "XDG_DATA_HOME": os.path.join(home, "data"),
    "XDG_CONFIG_HOME": os.path.join(home, "config"),
    "GSETTINGS_BACKEND": "keyfile",
})
default = os.path.join(home, "data", "kurs", "library.kurs")
keyfile = os.path.join(home, "config", "glib-2.0", "settings", "keyfile")


def settings():
    parser = configparser.ConfigParser()
    parser.read(keyfile)
    return parser["dk/kurs/Kurs"] if parser.has_section("dk/kurs/Kurs") else {}


# First run, no library named: the default library, created
kurs = Kurs(env=env)
check(kurs.find("label", name="No Strategies Yet") is not None, "the first run shows an empty library")
check(os.path.exists(default), "the default library was created in $XDG_DATA_HOME/kurs")
kurs.quit()

# Another library, opened by name, and the window made smaller
other = library_path("kommune.kurs")
kurs = Kurs(other, env=env)
subprocess.run(["xdotool", "windowsize", "--sync", kurs.window, "900", "640"], check=False)
kurs.quit()

stored = settings()
check(stored.get("last-library", "").strip("'") == other, "the last library is remembered")
check("kommune.kurs" in stored.get("recent-libraries", "") and "library.kurs" in stored.get("recent-libraries", ""),
      "both libraries are in the recent list")
check(stored.get("window-width") == "900" and stored.get("window-height") == "640",
      f"the window size is remembered: {stored.get('window-width')}x{stored.get('window-height')}")

# With no library named again: the last one, in a window of that size
kurs = Kurs(env=env)
check(kurs.find("label", name="kommune.kurs") is not None, "with no library named, the last one opens")
geometry = subprocess.run(["xdotool", "getwindowgeometry", kurs.window], capture_output=True, text=True).stdout
check("900x640" in geometry, f"at the size it had: {geometry.split('Geometry:')[-1].strip()}")
kurs.quit()

finish()
