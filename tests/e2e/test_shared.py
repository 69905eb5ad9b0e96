# SPDX-License-Identifier: GPL-3.0-or-later
"""Two Kurs windows and a command on one library file, all writing: each
shows who else has the strategy open; what one writes, the other shows
within a second or two, with no reload; a
command may write while the windows are open; someone typing in a field
does not have it replaced under the cursor; when both change one field,
the one who wrote second sees the other's text, is told who changed it,
and keeps their own ("Use Mine"), even when the other put the old value
back; the file stays whole."""

import subprocess
import time

import pyatspi

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

library = library_path()
cli("--file", library, "new", "--title", "Strategi for udsatte borgere", "--period", "2022-2029")

first = Kurs(library)
second = Kurs(library)


def text_of(kurs, name):
    field = kurs.find("text", name=name)
    if field is None:
        return None
    text = field.queryText()
    return text.getText(0, text.characterCount)


def click_into(kurs, name):
    """Puts the person in the field by the mouse, as they would: it has the
    keyboard focus of a window they are using."""
    field = kurs.find("text", name=name)
    box = field.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(["xdotool", "mousemove", "--window", kurs.window, str(box.x + box.width // 2),
                    str(box.y + box.height // 2), "click", "1"], check=False)
    time.sleep(0.5)


check(second.find("label", contains="read-only", timeout=2) is None, "the second window is not read-only")
check(first.find("label", contains="read-only", timeout=1) is None, "nor is the first")

# Each shows who else has the strategy open
check(first.find(contains="Also here:", timeout=20) is not None, "the first window shows the second's person")
check(second.find(contains="Also here:", timeout=20) is not None, "and the second the first's")

# What the first writes, the second shows
first.type_into("Title", "Skrevet af det første vindue")
check(wait_for(lambda: query(library, "SELECT title FROM strategy") == [("Skrevet af det første vindue",)]),
      "the first window writes")
check(wait_for(lambda: text_of(second, "Title") == "Skrevet af det første vindue", timeout=3),
      "the second window shows it, with no reload")

# A command writes while both are open, and both show it
done = cli("--file", library, "new", "--title", "Strategi for ældreområdet", "--period", "2024-2027")
check(done.returncode == 0, "a command may write while the windows are open: " + done.stderr)
check(first.find("label", name="Strategi for ældreområdet", timeout=5) is not None,
      "the first window lists the command's strategy")
check(second.find("label", name="Strategi for ældreområdet", timeout=5) is not None, "and so does the second")

# The second is in the Title field: the first's change waits for them to leave it
second.focus()
click_into(second, "Title")
first.type_into("Title", "Fra det første vindue")
check(wait_for(lambda: query(library, "SELECT title FROM strategy WHERE title LIKE 'Fra%'")
               == [("Fra det første vindue",)]), "the first window writes again")
time.sleep(1.5)
check(text_of(second, "Title") == "Skrevet af det første vindue",
      "the field the second is in is not replaced under the cursor")

# The second writes over a value that is no longer there: refused, told, kept
second.type_into("Title", "Fra det andet vindue")
toast = second.find("label", contains="What you wrote is kept here", timeout=5)
check(toast is not None, "the second window says someone else changed the title first")
check(toast is not None and "Fra det første vindue" in toast.name, "and to what: " + (toast.name if toast else ""))
check(wait_for(lambda: text_of(second, "Title") == "Fra det første vindue", timeout=3),
      "the second's field shows the other's title")
check(query(library, "SELECT count(*) FROM strategy WHERE title = 'Fra det andet vindue'") == [(0,)],
      "nothing was written over the first's title")
second.screenshot("shared-conflict")

# "Use Mine" puts the second's own back, knowingly
second.press(contains="Mine")
check(wait_for(lambda: query(library, "SELECT count(*) FROM strategy WHERE title = 'Fra det andet vindue'") == [(1,)]),
      "Use Mine writes what the second typed")
check(wait_for(lambda: text_of(first, "Title") == "Fra det andet vindue", timeout=3),
      "and the first window shows it")

# A title changed and put back while the second is in the field is a
# change too: what the second then types is refused, though the title is
# the one it began from
click_into(second, "Title")
first.type_into("Title", "Et mellemspil")
check(wait_for(lambda: query(library, "SELECT count(*) FROM strategy WHERE title = 'Et mellemspil'") == [(1,)]),
      "the first window changes the title")
first.type_into("Title", "Fra det andet vindue")
check(wait_for(lambda: query(library, "SELECT count(*) FROM strategy WHERE title = 'Fra det andet vindue'") == [(1,)]),
      "and puts it back")
time.sleep(1.5)
second.type_into("Title", "Tredje forsøg")
toast = second.find("label", contains="What you wrote is kept here", timeout=5)
check(toast is not None, "the second window is told the title was changed meanwhile, though it is as before: "
      + (toast.name if toast else ""))
check(query(library, "SELECT count(*) FROM strategy WHERE title = 'Tredje forsøg'") == [(0,)],
      "and nothing was written over it")

first.quit()
second.quit()
check(query(library, "PRAGMA integrity_check") == [("ok",)], "the file is whole")
persons = query(library, "SELECT DISTINCT person FROM history_action")
check(len(persons) == 1 and persons[0][0] != "", "the history names the person: %r" % (persons,))

finish()
