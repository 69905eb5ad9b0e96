# SPDX-License-Identifier: GPL-3.0-or-later
"""A file that is not a library: Kurs says why, stays usable, and writes
nothing to it."""

import hashlib
import os

from kurs_e2e import Kurs, check, finish, library_path

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

finish()
