# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window, end to end, on a fresh library: create a strategy, type
a vision, add a goal with a sub-goal, quit, start again, check the
contents, undo an edit; a screenshot of each page, in English and Danish."""

import time

from kurs_e2e import DANISH, ENGLISH, Kurs, check, cli, finish, library_path, query

PAGES = ["overview", "vision", "target-groups", "focus-areas", "goals", "indicators", "process", "stakeholders",
         "hearings", "action-plans", "follow-up", "timeline"]
SAVED = 1.0  # longer than the pause after which typing is saved

library = library_path()

# A fresh library: the empty state, then a new strategy
kurs = Kurs(library)
check(kurs.find("label", name="No Strategies Yet") is not None, "a fresh library shows the empty state")
kurs.screenshot("en-empty")

kurs.press(name="New Strategy")
kurs.type_into("Title", "Plads til alle")
kurs.type_into("Committee", "Socialudvalget")

kurs.page(2)
kurs.type_into("Vision", "Alle borgere har et hjem\nog et fællesskab.")

kurs.page(5)
kurs.press(contains="Add Goal")
kurs.type_into("Development goal", "Flere i egen bolig")
kurs.press(contains="Add Sub-goal")
kurs.type_into("Sub-goal", "Færre borgere på herberg")
time.sleep(SAVED)

check(kurs.quit() == 0, "Kurs quits cleanly with Ctrl+Q")

rows = query(library, "SELECT title, committee, vision FROM strategy")
check(rows == [("Plads til alle", "Socialudvalget", "Alle borgere har et hjem\nog et fællesskab.")],
      f"the strategy is in the file as typed: {rows!r}")
rows = query(library, "SELECT goal.title, subgoal.title FROM subgoal JOIN goal ON goal.id = subgoal.goal_id")
check(rows == [("Flere i egen bolig", "Færre borgere på herberg")], f"the goal and its sub-goal are in the file: {rows!r}")

# Started again: the same contents
kurs = Kurs(library)
check(kurs.find("list item", contains="Plads til alle") is not None, "the strategy is listed after a restart")
kurs.page(5)
check(kurs.find(contains="Flere i egen bolig", timeout=5) is not None, "the goal is shown after a restart")

# Undo takes back an edit, in the window and in the file
kurs.page(2)
kurs.type_into("Vision", "En anden vision")
time.sleep(SAVED)
check(query(library, "SELECT vision FROM strategy") == [("En anden vision",)], "the edited vision is saved")
kurs.key("ctrl+z")
time.sleep(SAVED)
check(query(library, "SELECT vision FROM strategy") == [("Alle borgere har et hjem\nog et fællesskab.",)],
      "Ctrl+Z puts the vision back in the file")
kurs.key("ctrl+shift+z")
time.sleep(SAVED)
check(query(library, "SELECT vision FROM strategy") == [("En anden vision",)], "Ctrl+Shift+Z redoes it")

# Ctrl+N, and undo of it
kurs.key("ctrl+n")
check(len(query(library, "SELECT id FROM strategy")) == 2, "Ctrl+N adds a strategy")
kurs.key("ctrl+z")
check(len(query(library, "SELECT id FROM strategy")) == 1, "and Ctrl+Z takes it back")
check(kurs.quit() == 0, "Kurs quits cleanly again")

# Screenshots of every page of the example, in English and in Danish
example = library_path("example.kurs")
strategy = cli("--file", example, "example").stdout.strip()
for language, prefix in ((ENGLISH, "en"), (DANISH, "da")):
    kurs = Kurs(example, language, extra_args=("--strategy", strategy))
    kurs.page(1)
    for number, name in enumerate(PAGES, start=1):
        if number > 1:
            kurs.key("ctrl+Page_Down")
        kurs.screenshot(f"{prefix}-{name}")
    if prefix == "da":
        check(kurs.find("list item", name="Udviklingsmål") is not None, "the pages are named in Danish")
        check(kurs.find("label", contains="Godkendt") is not None, "the status reads in Danish")
    kurs.quit()

finish()
