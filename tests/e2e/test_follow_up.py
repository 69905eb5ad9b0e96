# SPDX-License-Identifier: GPL-3.0-or-later
"""The manager's desk end to end: an approved strategy opens on its
follow-up page, which shows an initiative behind; its entry opens the
initiative on its plan, where it is marked done; back on the follow-up
page it is gone from what is at risk and the plan's progress shows it.
Screenshots in English and Danish."""

import time

from kurs_e2e import DANISH, Kurs, check, cli, finish, library_path, query

SAVED = 1.0  # longer than the pause after which typing is saved

library = library_path()
strategy = cli("--file", library, "example").stdout.strip()
added = cli("--file", library, "initiative", strategy, "2", "--title", "Boligsocial indsats", "--owner", "Center for Bolig",
            "--start", "2025-01-01", "--end", "2027-01-31", "--status", "on-track", "--progress", "40", "--goal", "1")
check(added.returncode == 0, f"an initiative is added to the current plan: {added.stderr!r}")
cli("--file", library, "measure", strategy, "1", "--date", "2026-06-01", "--value", "57")

# The example's strategy for vulnerable adults, approved in 2022
kurs = Kurs(library, extra_args=("--strategy", strategy))
check(kurs.find("label", name="Initiatives at Risk or Delayed") is not None,
      "an approved strategy opens on its follow-up page")
check(kurs.find("label", contains="Behind: 40 % done") is not None, "the initiative shows as behind")
check(kurs.find("label", contains="57 personer") is not None, "the latest key figure is shown")


def plan_progress():
    """The current plan's progress, as its bar says it"""
    label = kurs.find(contains="% done", where=lambda n: n.getRoleName() != "list item", timeout=3)
    return int(label.name.split(" ")[0]) if label is not None else None


progress_before = plan_progress()
check(progress_before is not None, f"the current plan's progress is shown: {progress_before} %")
kurs.screenshot("en-follow-up")

# The entry opens the initiative on its plan; progress 100 marks it done
kurs.press(name="Open “Boligsocial indsats”")
check(kurs.find("label", name="Development Goals It Serves") is not None, "the entry opens the initiative's editor")
kurs.type_into("Progress", "100")
time.sleep(SAVED)
check(query(library, "SELECT progress FROM initiative WHERE title = 'Boligsocial indsats'") == [(100,)],
      "the progress is in the file")
kurs.screenshot("en-action-plans")

# Back on the follow-up page
kurs.key("ctrl+Page_Down")
check(kurs.find("label", name="Initiatives at Risk or Delayed") is not None, "Ctrl+Page Down goes on to the follow-up page")
time.sleep(0.5)
check(kurs.find("push button", name="Open “Boligsocial indsats”", timeout=2) is None,
      "the initiative done is no longer at risk, nor coming up")
check(kurs.find("label", contains="At risk:", timeout=2) is not None, "the example's own lagging initiative still is")
progress_after = plan_progress()
check(progress_after is not None and progress_before is not None and progress_after > progress_before,
      f"the plan's progress shows it done: {progress_before} % → {progress_after} %")
kurs.screenshot("en-follow-up-done")
check(kurs.quit() == 0, "Kurs quits cleanly")

kurs = Kurs(library, DANISH, extra_args=("--strategy", strategy))
check(kurs.find("label", name="Opfølgning") is not None or kurs.find(name="Opfølgning") is not None,
      "the follow-up page is in Danish")
kurs.screenshot("da-follow-up")
kurs.key("ctrl+Page_Up")
kurs.screenshot("da-action-plans")
check(kurs.quit() == 0, "Kurs quits cleanly in Danish too")

finish()
