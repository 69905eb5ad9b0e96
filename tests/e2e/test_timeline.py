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

from kurs_e2e import DANISH, Kurs, check, cli, finish, library_path, query, wait_for

# The timeline's drawing, as kurs-timeline-view.c lays it out
SCALE_HEIGHT = 48
LANE_HEADER = 28
ROW_HEIGHT = 30
MARGIN = 24

library = library_path()
strategy = cli("--file", library, "example").stdout.strip()
(initiative_id, title, start, end), = query(
    library, "SELECT id, title, start_date, end_date FROM initiative WHERE title LIKE 'Fokus%'")
first_year, last_year = query(library, "SELECT start_year, end_year FROM strategy WHERE title = 'Strategi for udsatte borgere'")[0]

# Settings in a file of their own, to see the visible range remembered
home = tempfile.mkdtemp(prefix="kurs-home-")
env = dict(os.environ)
env.update({"XDG_CONFIG_HOME": home, "GSETTINGS_BACKEND": "keyfile"})
keyfile = os.path.join(home, "glib-2.0", "settings", "keyfile")


def remembered_range():
    parser = configparser.ConfigParser()
    parser.read(keyfile)
    return parser.get("dk/kurs/Kurs", "timeline-ranges", fallback="")


kurs = Kurs(library, extra_args=("--strategy", strategy, "--page", "timeline"), env=env)


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


def drag(from_x, to_x, at_y):
    """Presses at from_x, moves in steps to to_x, lets go."""
    subprocess.run(["xdotool", "mousemove", "--sync", str(int(window_x + box.x + from_x)),
                    str(int(window_y + box.y + at_y)), "mousedown", "1"], check=True)
    for step in range(1, 6):
        subprocess.run(["xdotool", "mousemove", "--sync", str(int(window_x + box.x + from_x + (to_x - from_x) * step / 5)),
                        str(int(window_y + box.y + at_y))], check=True)
        time.sleep(0.05)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    time.sleep(0.5)


# Fitted to the period: day d is at MARGIN + (d - first) * zoom
first = datetime.date(first_year, 1, 1)
days = (datetime.date(last_year, 12, 31) - first).days + 1
zoom = (box.width - 2 * MARGIN) / days


def red_columns(path, row):
    """The x of the red pixels in one row of a screenshot."""
    text = subprocess.run(["convert", path, "-crop", f"{box.width}x1+{window_x + box.x}+{row}", "txt:-"],
                          capture_output=True, text=True).stdout
    found = []
    for line in text.splitlines()[1:]:
        match = re.match(r"(\d+),\d+: \((\d+),(\d+),(\d+)", line)
        if match and int(match.group(2)) > 180 and int(match.group(3)) < 80 and int(match.group(4)) < 80:
            found.append(int(match.group(1)))
    return found


# Where the drawing really begins: the accessible's box may hold a frame
# around it, so the today line (KURS_TODAY) in a screenshot tells
today = datetime.date.fromisoformat(os.environ["KURS_TODAY"])
reds = red_columns(kurs.screenshot("en-timeline-calibrate"), window_y + box.y + SCALE_HEIGHT + 4)
offset = (sum(reds) / len(reds) if reds else MARGIN + (today - first).days * zoom) \
    - (MARGIN + (today - first).days * zoom + 0.5)
check(bool(reds) and abs(offset) < 10, f"the today line is where the scale puts it (off by {offset:.1f} px)")


def x_of(date):
    return offset + MARGIN + (date - first).days * zoom


# The strategy is approved: what is followed up, the action plans, is the
# top lane, and its rows are in sight under its header
kurs.screenshot("en-timeline-approved")

rows_top = SCALE_HEIGHT + LANE_HEADER


def find_row(at_x):
    """Clicks down the action plans' rows at at_x until the initiative is
    selected; its row's middle, or None."""
    for row in range(12):
        probe = rows_top + row * ROW_HEIGHT + ROW_HEIGHT / 2
        if probe > box.height:
            break
        click(at_x, probe)
        if description().startswith(title):
            return probe
    return None


start_date = datetime.date.fromisoformat(start)
end_date = datetime.date.fromisoformat(end)


def month_later(day):
    """The same day a month later; the last day of a month stays the last"""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    was_last = (day + datetime.timedelta(days=1)).month != day.month
    return datetime.date(year, month, last if was_last else min(day.day, last))


def spoken(day):
    return f"{day:%b} {day.day}, {day.year}"


moved_start, moved_end = month_later(start_date), month_later(end_date)
longer_end = month_later(moved_end)
x = x_of(start_date + (end_date - start_date) / 2)
y = find_row(x)
check(y is not None, f"a click on the bar, in the top lane, selects the initiative: {description()!r}")

# Drag it one month later: the zoom is below three pixels a day, so moves
# snap to months
month = 30.44 * zoom
if y is not None:
    drag(x, x + month, y)
kurs.screenshot("en-timeline-dragged")

moved = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(moved == (moved_start.isoformat(), moved_end.isoformat()), f"the drag moved it one month in the store: {moved}")
check(description().startswith(f"{title}, Initiative, {spoken(moved_start)} – {spoken(moved_end)}"),
      f"the timeline describes the new dates: {description()!r}")

kurs.key("ctrl+z")
restored = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(restored == (start, end), f"Ctrl+Z puts it back in one step: {restored}")

kurs.key("ctrl+shift+z")
again = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(again == moved, f"and Ctrl+Shift+Z moves it again: {again}")


# Dragging the bar's end changes its length, not its start.  Moved, it
# may have taken another row: find it again
x = x + month
y = find_row(x)
if y is not None:
    end_x = x_of(datetime.date.fromisoformat(again[1]) + datetime.timedelta(days=1)) - 2
    drag(end_x, end_x + month, y)
resized = query(library, f"SELECT start_date, end_date FROM initiative WHERE id = {initiative_id}")[0]
check(resized == (moved_start.isoformat(), longer_end.isoformat()), f"dragging the end makes it a month longer: {resized}")

# Hovering shows a tooltip with the title, the dates and the status
if y is not None:
    subprocess.run(["xdotool", "mousemove", "--sync", str(int(window_x + box.x + x)),
                    str(int(window_y + box.y + y + 1))], check=True)
tip = kurs.find(where=lambda n: n.getRoleName() in ("tool tip", "label")
                and (n.name or "").startswith(f"{title}, Initiative, {spoken(moved_start)} – {spoken(longer_end)}"),
                timeout=5)
in_tooltip = tip is not None and tip.parent is not None and tip.parent.parent is not None \
    and tip.parent.parent.name == "GtkTooltipWindow"
check(in_tooltip, "a tooltip names the initiative with its dates and status")
tip_windows = kurs.window_ids()
kurs.screenshot("en-timeline-tooltip", window="root" if len(tip_windows) > 1 else None)

# Ctrl+wheel zooms in at the pointer; the range is remembered for the
# strategy and shown again
subprocess.run(["xdotool", "mousemove", "--sync", str(window_x + box.x + box.width // 2),
                str(window_y + box.y + box.height // 2), "keydown", "ctrl",
                "click", "4", "click", "4", "click", "4", "keyup", "ctrl"], check=True)
time.sleep(0.5)
kurs.screenshot("en-timeline-zoomed")
kurs.quit()
uuid = query(library, "SELECT uuid FROM strategy WHERE title = 'Strategi for udsatte borgere'")[0][0]


def remembered_days():
    text = remembered_range()
    pair = re.search(r"'" + uuid + r"': \((?:uint32 )?(\d+), (?:uint32 )?(\d+)\)", text)
    return (int(pair.group(1)), int(pair.group(2))) if pair else None


zoomed = remembered_days()
check(zoomed is not None and zoomed[1] - zoomed[0] < days * 0.8,
      f"Ctrl+wheel zooms in, and the range is remembered by the strategy's UUID: {zoomed}")

# Shown again, and the wheel alone scrolls it later in time
kurs = Kurs(library, extra_args=("--strategy", strategy, "--page", "timeline"), env=env)
subprocess.run(["xdotool", "mousemove", "--sync", str(window_x + box.x + box.width // 2),
                str(window_y + box.y + box.height // 2), "click", "5", "click", "5", "click", "5"], check=True)
time.sleep(0.5)
kurs.quit()
scrolled = remembered_days()
check(zoomed is not None and scrolled is not None and abs((scrolled[1] - scrolled[0]) - (zoomed[1] - zoomed[0])) <= 1
      and scrolled[0] > zoomed[0],
      f"shown again as it was, then the wheel scrolls it later: {zoomed} → {scrolled}")

# The keyboard zooms too
kurs = Kurs(library, extra_args=("--strategy", strategy, "--page", "timeline"), env=env)
kurs.key("KP_Add")
kurs.quit()
keyed = remembered_days()
check(scrolled is not None and keyed is not None and keyed[1] - keyed[0] < (scrolled[1] - scrolled[0]) * 0.8,
      f"+ zooms in: {scrolled} → {keyed}")

# A screen reader's walk through the timeline by keyboard, in Danish: each
# step puts the focus on an item, a list item named in words that begin
# with the record's title
titles = set()
for (table,) in query(library, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"):
    if any(column[1] == "title" for column in query(library, f"PRAGMA table_info('{table}')")):
        titles.update(title for (title,) in query(library, f"SELECT title FROM \"{table}\"") if title)

kurs = Kurs(library, language=DANISH, extra_args=("--strategy", strategy, "--page", "timeline"), env=env)
wait_for(timeline_view)
walk = []
for keys in [("Home",)] + [("Right",)] * 4 + [("Down",)] * 6 + [("End",)]:
    kurs.key(*keys)
    item = kurs.focused(where=lambda n: n.getRoleName() == "list item")
    name = item.name if item is not None else None
    walk.append(name)
    check(name is not None and any(name.startswith(title + ", ") for title in titles),
          f"{keys[0]}: the focus is on a timeline item, named by its record: {name!r}")
check(len(set(walk)) >= 6, f"the walk meets {len(set(walk))} items")
check(not any(name and (", Action plan," in name or ", Initiative," in name or ", Milestone," in name) for name in walk),
      "the items are described in Danish")
check(kurs.focused(where=lambda n: n.getRoleName() == "list item") is not None, "the focus stays on an item")
kurs.key("Escape")
check(wait_for(lambda: kurs.focused(where=lambda n: n.getRoleName() == "filler" and n.name == "Tidslinje")) is not None,
      "Escape lets go of the item, and the focus is on the timeline")
kurs.screenshot("da-timeline-walked")
kurs.quit()

finish()
