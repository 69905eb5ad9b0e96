# SPDX-License-Identifier: GPL-3.0-or-later
"""The keyboard's paths through the real window, read back over AT-SPI:
Tab from the list of pages into the page and Shift+Tab back, Alt+N and a
page's row put the focus in the page, Ctrl+Page Down from anywhere, an
added row's first field focused with its text selected, Enter in a
dialog's field as its default button, and names for the parties' check
boxes."""

import time

import pyatspi

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

library = library_path()
strategy = cli("--file", library, "example").stdout.strip()
# The example's strategy for vulnerable adults, in a new revision: its text
# can be changed
cli("--file", library, "status", strategy, "draft")
kurs = Kurs(library, extra_args=("--strategy", strategy))


def ancestors(node):
    names = []
    while node is not None:
        names.append((node.getRoleName(), node.name))
        try:
            node = node.parent
        except Exception:
            break
    return names


def focus_in_page(title):
    """Whether the focus is inside the page of that (accessible) title."""
    node = kurs.focused()
    return node is not None and any(name == title and role != "list item" for role, name in ancestors(node))


def focus_on_page_row(title):
    node = kurs.focused()
    return node is not None and node.getRoleName() == "list item" and node.name == title


# Alt+5: the goals page, with the focus in it
kurs.page(5)
check(focus_in_page("Development Goals"), "Alt+5 puts the focus in the Development Goals page")

# Shift+Tab back to the list of pages, on the page's own row; Tab in again
kurs.key("shift+Tab")
check(focus_on_page_row("Development Goals"), "Shift+Tab from the page's first control goes to its row in the list")
kurs.key("Tab")
check(focus_in_page("Development Goals"), "Tab from the list of pages goes into the page, not down the list")

# Arrows walk the list; Enter on a row puts the focus in that page
kurs.key("shift+Tab")
kurs.key("Down")
check(focus_on_page_row("Indicators"), "Down walks the list of pages")
kurs.key("Return")
check(focus_in_page("Indicators"), "Enter on a page's row puts the focus in that page")

# Ctrl+Page Down wherever the focus is: in a page…
kurs.key("ctrl+Page_Down")
check(focus_in_page("Process Plan"), "Ctrl+Page Down from inside a page goes to the next, focus and all")
# …and in the list
kurs.key("shift+Tab")
kurs.key("ctrl+Page_Down")
check(focus_on_page_row("Stakeholders"), "Ctrl+Page Down from the list moves along it")
kurs.key("ctrl+Page_Up")
kurs.key("ctrl+Page_Up")
check(focus_on_page_row("Indicators"), "Ctrl+Page Up goes back")

# An added goal: the focus in its first field, its text selected to be typed over
kurs.page(5)
goals_before = query(library, "SELECT count(*) FROM goal")[0][0]
kurs.press(contains="Add Goal")
# Typed at once, with nothing but the keys: what is typed replaces the
# whole new title only if the focus is there and the title selected
kurs.key("F", "l", "e", "r", "e")
time.sleep(1.0)
check(query(library, "SELECT count(*) FROM goal")[0][0] == goals_before + 1
      and query(library, "SELECT title FROM goal ORDER BY id DESC LIMIT 1") == [("Flere",)],
      "Add Goal puts the focus in the new goal's title, selected: what is typed replaces it")

# A row of a list is named, and can be opened by its action; in Add
# Parties, the check boxes are named after the stakeholders and can be
# ticked by their action
kurs.page(9)
rounds = [r for r in kurs.find_all("list item") if "Høring om udkast" in (r.name or "")
          and r.queryAction().nActions > 0]
check(len(rounds) == 1, "the hearing round's row is named and has actions")
if rounds:
    action = rounds[0].queryAction()
    action.doAction([action.getName(i) for i in range(action.nActions)].index("row.toggle"))
    time.sleep(0.5)
kurs.press(contains="Add Parties")
checks = [c for c in kurs.find_all("check box") if not (c.name or "").startswith("Held")]
names = [c.name for c in checks]
check(len(checks) > 3 and all(names) and "Borgere" in names,
      f"every check box in Add Parties has the stakeholder's name: {names}")
citizens = checks[names.index("Borgere")] if "Borgere" in names else None
if citizens is not None:
    check(citizens.queryAction().nActions > 0, "and an action")
    citizens.queryAction().doAction(0)
    time.sleep(0.3)
    check(citizens.getState().contains(pyatspi.STATE_CHECKED), "which ticks it")
kurs.key("Escape")
time.sleep(0.5)

# Enter in the Plan dialog's field plans
kurs.page(7)
before = query(library, "SELECT count(*) FROM milestone")[0][0]
kurs.press(contains="Plan…")
ids = kurs.window_ids()
check(len(ids) > 1, "Plan… opens its dialog")
field = kurs.find("text", name="Final approval")
check(field is not None, "the dialog asks for the day of the final approval")
if field is not None:
    field.queryEditableText().setTextContents("2031-11-25")
    # the dialog opens with the focus in its first field
    kurs.key("Return")
    time.sleep(0.5)
    check(query(library, "SELECT count(*) FROM milestone WHERE start_date = '2031-11-25'") == [(1,)],
          "Enter in the dialog's field plans the process")

kurs.quit()
finish()
