# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's search, as a keyboard and a screen reader use it: Ctrl+F
puts the focus in a named search field; what is typed lists the records
found, each named by its title and described by the text the words were
found in; Down goes to the results and Enter opens
one on its page; Escape ends the search and the strategies are back."""

import time

from kurs_e2e import Kurs, check, cli, finish, library_path

library = library_path()
strategy = cli("--file", library, "example").stdout.strip()

kurs = Kurs(library, extra_args=("--strategy", strategy))
kurs.key("ctrl+f")
entry = kurs.find("entry", name="Search the library", timeout=5)
check(entry is not None, "Ctrl+F shows the search field, named for a screen reader")
# Proof that it has the keyboard: what is typed goes into it
kurs.key("b", "o", "s", "t")
time.sleep(0.6)
typed = entry.queryText().getText(0, entry.queryText().characterCount) if entry is not None else ""
check(typed == "bost", f"what is typed goes into the search field: {typed!r}")

TITLE = "Flere hjemløse i egen bolig med bostøtte (eksempel)"
found = kurs.find("list item", name=TITLE, timeout=5)
check(found is not None, "a result is a list item named by the record's title, once")
# what was found, in its text, is its description: the approved version
# holds the word in its frozen text
version = kurs.find("list item", contains="Approved version 1", timeout=5)
check(version is not None and "bostøtte" in (version.description or "") and "Eksempeltekst" in version.description,
      f"and described by the text it was found in: {version.description if version else None!r}")

kurs.screenshot("search-results")

# Down from the field to the first result, Enter opens it on its page,
# where its row is open: its fields are there to read
kurs.key("Down")
kurs.key("Return")
time.sleep(1.0)
check(kurs.find("text", name="Owner", timeout=5) is not None,
      "Enter opens the initiative on its page, its fields open")
kurs.screenshot("search-opened")

# Escape ends the search: the strategies are listed again
kurs.key("ctrl+f")
kurs.key("Escape")
time.sleep(0.5)
check(kurs.find("list item", contains="Strategi for udsatte borgere", timeout=5) is not None,
      "Escape ends the search; the strategies are back")
kurs.quit()
finish()
