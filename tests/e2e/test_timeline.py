# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline through the real window: find an initiative with the
mouse, drag it one month later, check the store, undo, check again."""

import configparser
import datetime
import os
import re
import subprocess
import tempfile
import time

import pyatspi

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

# The timeline's drawing, as kurs-timeline-view.c lays it out
SCALE_HEIGHT = 48
LANE_HEADER = 28
ROW_HEIGHT = 30
MARGIN = 24

library = library_path()
cli("--file", library, "example")
(initiative_id, title, start, end), = query(
    library, "SELECT id, title, start_date, end_date FROM initiative WHERE title LIKE 'Fokus%'")
first_year, last_year = query(library, "SELECT start_year, end_year FROM strategy")[0]

# Settings in a file of their own, to see the visible range remembered
home = tempfile.mkdtemp(prefix="kurs-home-")
env = dict(os.environ)
env.update({"XDG_CONFIG_HOME": home, "GSETTINGS_BACKEND": "keyfile"})
keyfile = os.path.join(home, "glib-2.0", "settings", "keyfile")


def remembered_range():
    parser = configparser.ConfigParser()
    parser.read(keyfile)
    return parser.get("dk/kurs/Kurs", "timeline-ranges", fallback="")


kurs = Kurs(library, extra_args=("--page", "timeline"), env=env)


def timeline_view():
    """The drawing: of the accessibles named "Timeline", the one below the
    page's toolbar."""
    candidates = [n for n in kurs.find_all("filler", "Timeline")]
    return max(candidates, key=lambda n: n.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y, default=None)


view = wait_for(timeline_view)
check(view is not None, "the timeline page shows the timeline")
box = view.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
origin = subprocess.run(["xdotool", "getwindowgeometry", "--shell", kurs.window],
                        capture_output=True, text=True).stdout
window_x = int(origin.split("X=")[1].split()[0])
window_y = int(origin.split("Y=")[1].split()[0])


def click(x, y):
    subprocess.run(["xdotool", "mousemove", "--sync", str(window_x + box.x + x), str(window_y + box.y + y),
                    "click", "1"], check=True)
    time.sleep(0.15)


def description():
    return timeline_view().description or ""


# Fitted to the period: day d is at MARGIN + (d - first) * zoom
first = datetime.date(first_year, 1, 1)
days = (datetime.date(last_year, 12, 31) - first).days + 1
zoom = (box.width - 2 * MARGIN) / days


def x_of(date):
    return MARGIN + (date - first).days * zoom


# Fold the Process and Hearings lanes by their headers, so that the
# action plans come first and their rows are in sight
click(60, SCALE_HEIGHT + LANE_HEADER / 2)
click(60, SCALE_HEIGHT + LANE_HEADER + LANE_HEADER / 2)
kurs.screenshot("en-timeline-folded")

start_date = datetime.date.fromisoformat(start)
end_date = datetime.date.fromisoformat(end)
x = x_of(start_date + (end_date - start_date) / 2)
rows_top = SCALE_HEIGHT + 3 * LANE_HEADER
y = None
for row in range(12):
    probe = rows_top + row * ROW_HEIGHT + ROW_HEIGHT / 2
    if probe > box.height:
        break
    click(x, probe)
    if description().startswith(title):
        y = probe
        break
check(y is not None, f"a click on the bar selects the initiative: {description()!r}")

# Drag it one month later: the zoom is below three pixels a day, so moves
# snap to months
month = 30.44 * zoom
if y is not None:
    subprocess.run(["xdotool", "mousemove", "--sync", str(window_x + box.x + x), str(window_y + box.y + y),
                    "mousedown", "1"], check=True)
    for step in range(1, 6):
        subprocess.run(["xdotool", "mousemove", "--sync", str(int(window_x + box.x + x + month * step / 5)),
                        str(window_y + box.y + y)], check=True)
        time.sleep(0.05)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    time.sleep(0.5)
kurs.screenshot("en-timeline-dragged")

moved = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(moved == ("2023-02-01", "2025-01-31"), f"the drag moved it one month in the store: {moved}")
check(description().startswith(f"{title}, Initiative, Feb 1, 2023 – Jan 31, 2025"),
      f"the timeline describes the new dates: {description()!r}")

kurs.key("ctrl+z")
restored = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(restored == (start, end), f"Ctrl+Z puts it back in one step: {restored}")

kurs.key("ctrl+shift+z")
again = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(again == moved, f"and Ctrl+Shift+Z moves it again: {again}")

# Zoomed in, the range is remembered for the strategy and shown again
kurs.key("KP_Add", "KP_Add", "KP_Add")
kurs.screenshot("en-timeline-zoomed")
kurs.quit()
uuid = query(library, "SELECT uuid FROM strategy")[0][0]
zoomed = remembered_range()
check(uuid in zoomed, f"the visible range is remembered by the strategy's UUID: {zoomed}")
numbers = [int(n) for pair in re.findall(r"\((?:uint32 )?(\d+), (?:uint32 )?(\d+)\)", zoomed) for n in pair]
check(len(numbers) == 2 and numbers[1] - numbers[0] < days * 0.9,
      f"narrower than the whole period after zooming in: {numbers}")

kurs = Kurs(library, extra_args=("--page", "timeline"), env=env)
kurs.quit()
check(remembered_range() == zoomed, f"and shown again when the timeline opens: {remembered_range()}")

finish()
