# SPDX-License-Identifier: GPL-3.0-or-later
"""A file that is not a library: Kurs says why, stays usable, and writes
nothing to it.  A library on a disk that cannot be written is shown
read-only, and nothing is made beside it."""

import hashlib
import os
import subprocess

from kurs_e2e import KURS_CLI, Kurs, check, cli, finish, library_path, read_only_mount

library = library_path("minutes.kurs")
with open(library, "w") as f:
    f.write("REFERAT Socialudvalget d. 28-03-2023\n")
before = hashlib.sha256(open(library, "rb").read()).hexdigest()

kurs = Kurs(library)
check(kurs.find("label", contains="not a Kurs library") is not None, "a dialog says the file is not a Kurs library")
kurs.screenshot("en-bad-library")
check(kurs.find("label", name="The Library Could Not Be Opened") is not None, "the window shows why it is empty")
check(kurs.find("push button", contains="Open Library") is not None, "and offers to open another library")
kurs.quit()

after = hashlib.sha256(open(library, "rb").read()).hexdigest()
check(before == after, "the file is exactly as it was")
check(not os.path.exists(library + "-wal"), "nothing was written beside it")

# A library on a read-only disk
shelf = os.path.join(os.path.dirname(library), "shelf")
os.mkdir(shelf)
on_shelf = os.path.join(shelf, "library.kurs")
cli("--file", on_shelf, "example")
names = sorted(os.listdir(shelf))
before = hashlib.sha256(open(on_shelf, "rb").read()).hexdigest()

listed = subprocess.run([*read_only_mount(shelf), KURS_CLI, "--file", on_shelf, "list"],
                        capture_output=True, text=True)
print("# " + listed.stderr.strip())
check(listed.returncode == 0 and "Strategi for udsatte borgere" in listed.stdout,
      "kurs-cli lists a library on a read-only disk")
check("cannot be changed" in listed.stderr, "with a note that it cannot be changed")

kurs = Kurs(on_shelf, wrapper=read_only_mount(shelf))
check(kurs.find("label", contains="cannot be written to, so it is shown read-only") is not None,
      "the window shows it read-only, and says why")
check(kurs.find("label", name="Strategi for udsatte borgere") is not None, "with its strategies")
kurs.screenshot("en-read-only-disk")
kurs.quit()
check(sorted(os.listdir(shelf)) == names, "nothing was made beside it")
check(hashlib.sha256(open(on_shelf, "rb").read()).hexdigest() == before, "and the file is as it was")

finish()
