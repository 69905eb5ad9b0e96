# SPDX-License-Identifier: GPL-3.0-or-later
"""The consultant's workbench end to end: plan the process from a target
date, which sends the draft to hearing with the three councils and
boards; record two responses; the third party shows as overdue.  Then
the pages in Danish, for a person to look at."""

import os
import time

from kurs_e2e import DANISH, Kurs, check, cli, finish, library_path, query

SAVED = 1.0  # longer than the pause after which typing is saved

library = library_path()
strategy = cli("--file", library, "new", "--title", "Ældrestrategi 2027–2030", "--period", "2027-2030",
               "--committee", "Social- og Sundhedsudvalget").stdout.strip()
for name, kind in (("Handicaprådet", "council"), ("Ældrerådet", "council"), ("Fritidsnævnet", "board"),
                   ("Borgere", "citizen")):
    cli("--file", library, "add", strategy, "stakeholder", f"name={name}", f"kind={kind}")

# Two days after the hearing's deadline
env = dict(os.environ, KURS_TODAY="2027-01-14")
kurs = Kurs(library, extra_args=("--page", "process"), env=env)
check(kurs.find("label", contains="No milestones yet") is not None, "a new strategy has no milestones")

# Plan the Process: the dialog, the target date, the plan
kurs.press(contains="Plan…")
check(kurs.find("label", name="Plan the Process") is not None, "Plan the Process opens its dialog")
kurs.type_into("Final approval", "19.01.2027")
time.sleep(0.5)
check(kurs.find("label", contains="Dec 15, 2026") is not None, "the dialog shows the steps before they are made")
dialogs = kurs.window_ids()
kurs.screenshot("en-plan-dialog", window=dialogs[-1] if len(dialogs) > 1 else None)
kurs.press(name="_Plan Plan")
time.sleep(SAVED)

milestones = query(library, "SELECT kind, start_date, end_date, committee FROM milestone ORDER BY start_date, id")
check(len(milestones) == 10, f"ten steps are planned: {len(milestones)}")
check(milestones[0][:2] == ("seminar", "2026-06-26"), f"the seminar comes first: {milestones[0]!r}")
check(("hearing", "2026-12-15", "2027-01-12", "Social- og Sundhedsudvalget") in milestones,
      "a hearing of four weeks ends a week before the final approval")
check(("approval", "2027-01-19", None, "Social- og Sundhedsudvalget") in milestones,
      "the final approval is on the target date")
rounds = query(library, "SELECT sent_date, deadline FROM hearing_round")
check(rounds == [("2026-12-15", "2027-01-12")], f"the draft is sent to hearing: {rounds!r}")
parties = query(library, "SELECT s.name FROM hearing_party p JOIN stakeholder s ON s.id = p.stakeholder_id "
                         "ORDER BY s.position")
check(parties == [("Handicaprådet",), ("Ældrerådet",), ("Fritidsnævnet",)],
      f"the councils and the board are its three parties, the citizens not: {parties!r}")
check(kurs.find(contains="Final approval of the strategy") is None
      or kurs.find(contains="final approval of the strategy") is not None, "the plan's steps are listed")
kurs.screenshot("en-process")

# Hearings: all three overdue; record two responses
kurs.page(9)
check(kurs.find("push button", name="Record the response of Fritidsnævnet") is not None,
      "the overdue parties are listed")
kurs.press(name="Record the response of Handicaprådet")
kurs.type_into("Response received", "05.01.2027")
kurs.type_into("Response", "Handicaprådet støtter strategien.")
time.sleep(SAVED)
kurs.press(name="Record the response of Ældrerådet")
kurs.type_into("Response received", "13.01.2027")
kurs.type_into("Response", "Ældrerådet ønsker flere aktiviteter.")
time.sleep(SAVED)

answers = query(library, "SELECT s.name, p.response_date, p.response_text FROM hearing_party p "
                         "JOIN stakeholder s ON s.id = p.stakeholder_id WHERE p.response_date IS NOT NULL "
                         "ORDER BY s.position")
check(answers == [("Handicaprådet", "2027-01-05", "Handicaprådet støtter strategien."),
                  ("Ældrerådet", "2027-01-13", "Ældrerådet ønsker flere aktiviteter.")],
      f"two responses are in the file: {answers!r}")
time.sleep(0.5)
check(kurs.find("push button", name="Record the response of Fritidsnævnet", timeout=3) is not None,
      "the party that did not answer is still overdue")
check(kurs.find("push button", name="Record the response of Handicaprådet", timeout=1) is None
      and kurs.find("push button", name="Record the response of Ældrerådet", timeout=1) is None,
      "those that answered are not")
check(kurs.find("label", contains="2 of 3 answered · 1 overdue") is not None, "the overview counts them")
kurs.screenshot("en-hearings")

# The same as kurs-cli reads it, while the window holds the library
status = cli("--file", library, "hearing", strategy, env=env)
states = [line.split("\t")[2] for line in status.stdout.splitlines()]
check(states == ["answered", "answered", "overdue"], f"kurs-cli sees the same: {states!r}")

# The timeline marks the overdue hearing
kurs.page(0)
toggle = kurs.find("push button", name="_List List")
check(toggle is not None, "the timeline has its list of items")
toggle.queryAction().doAction(0)
check(kurs.find(contains="1 response overdue", timeout=5) is not None, "the timeline says a response is overdue")
kurs.screenshot("en-timeline-hearing")
check(kurs.quit() == 0, "Kurs quits cleanly")

# In Danish, for a person to look at
kurs = Kurs(library, DANISH, extra_args=("--page", "process"), env=env)
check(kurs.find("label", name="Milepæle") is not None, "the process plan is in Danish")
kurs.screenshot("da-process")
kurs.page(8)
check(kurs.find("label", name="Inddragelse") is not None, "the stakeholders page is in Danish")
kurs.screenshot("da-stakeholders")
kurs.page(9)
check(kurs.find("label", contains="2 af 3 har svaret · 1 overskredet") is not None, "the hearing overview is in Danish")
kurs.screenshot("da-hearings")
check(kurs.quit() == 0, "Kurs quits cleanly in Danish too")

finish()
