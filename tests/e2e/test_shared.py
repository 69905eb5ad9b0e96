# SPDX-License-Identifier: GPL-3.0-or-later
"""Two Kurs on one library: the second shows it read-only and says so; the
first goes on writing; the file stays whole."""

import time

from kurs_e2e import Kurs, check, cli, finish, library_path, query

library = library_path()
cli("--file", library, "new", "--title", "Strategi for udsatte borgere", "--period", "2022-2029")

first = Kurs(library)
second = Kurs(library)

check(second.find("label", contains="open in another Kurs window") is not None,
      "the second window says the library is open elsewhere")
check(second.find("label", contains="read-only") is not None, "and shows it read-only")
check(first.find("label", contains="open in another Kurs window", timeout=1) is None,
      "the first window is not read-only")

# The first writes; the command line may read but not write meanwhile
first.type_into("Title", "Skrevet af det første vindue")
time.sleep(1.0)
check(query(library, "SELECT title FROM strategy") == [("Skrevet af det første vindue",)], "the first window writes")
refused = cli("--file", library, "new", "--title", "X", "--period", "2024-2026")
check(refused.returncode == 1 and "already open" in refused.stderr, "the command line may not write meanwhile")

second.quit()
first.quit()
check(query(library, "PRAGMA integrity_check") == [("ok",)], "the file is whole")

finish()
