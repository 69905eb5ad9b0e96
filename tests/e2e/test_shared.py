# SPDX-License-Identifier: GPL-3.0-or-later
"""Two Kurs on one library: the second shows it read-only and says so; the
first goes on writing; when the first is closed, the second may write;
the file stays whole.  A command that holds the library for a moment
makes a window wait for it, not stay read-only."""

import subprocess
import time

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

# Holds the library's lock for three seconds, as a command writing would
HOLD_LOCK = """
import fcntl, sys, time
with open(sys.argv[1], "rb") as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    time.sleep(3)
"""

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
check(refused.returncode == 1 and "already open in another Kurs window (process " in refused.stderr,
      "the command line may not write meanwhile, and is told which process has it")

# The first goes: the second may now write, and says so
first.quit()
check(second.find("label", contains="free again", timeout=10) is not None,
      "the second window says the library is free again")
check(second.find("label", contains="open in another Kurs window", timeout=1) is None,
      "and is no longer read-only")
check(second.find("text", name="Title") is not None, "it shows the strategy again")
second.type_into("Title", "Skrevet af det andet vindue")
check(wait_for(lambda: query(library, "SELECT title FROM strategy") == [("Skrevet af det andet vindue",)]),
      "the second window writes")
second.quit()
check(query(library, "PRAGMA integrity_check") == [("ok",)], "the file is whole")

# A command writing while a window starts: the window shows the library
# read-only, and takes it over when the command is done
holder = subprocess.Popen(["/usr/bin/python3", "-c", HOLD_LOCK, library])
time.sleep(0.5)
third = Kurs(library)
check(third.find("label", contains="is using this library") is not None,
      "a window started while another program writes says who has it")
holder.wait()
check(third.find("label", contains="free again", timeout=10) is not None,
      "and takes the library over when the program lets go")
third.quit()

finish()
