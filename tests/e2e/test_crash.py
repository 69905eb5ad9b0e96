# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety: Kurs is killed (SIGKILL) one second after an edit; the
edit is in the file, and the file is whole."""

import time

from kurs_e2e import Kurs, check, cli, finish, library_path, query

library = library_path()
cli("--file", library, "new", "--title", "Strategi for udsatte borgere", "--period", "2022-2029")

kurs = Kurs(library)
kurs.type_into("Title", "Plads til alle Ballerup")
time.sleep(1.0)
kurs.kill()

check(query(library, "SELECT title FROM strategy") == [("Plads til alle Ballerup",)],
      "the edit made a second before the kill is in the file")
check(query(library, "PRAGMA integrity_check") == [("ok",)], "the file passes SQLite's integrity check")
check(query(library, "PRAGMA foreign_key_check") == [], "and its references are whole")

# It opens again, and the command line reads it
listed = cli("--file", library, "list")
check(listed.returncode == 0 and "Plads til alle Ballerup" in listed.stdout, "the library opens again after the crash")

finish()
