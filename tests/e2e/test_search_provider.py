# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell's search provider: kurs-search-provider on a private
session bus, asked as the overview asks it (with gdbus), on a library of
the example; what it launches for a result; and Kurs opened at that
record (--record), with the keyboard in the record's first field."""

import re
import subprocess
import tempfile
import time

from kurs_e2e import Kurs, check, cli, finish, library_path, wait_for
from kurs_test_shared import call, has_owner, launched_args, start_provider

library = library_path()
example = cli("--file", library, "example")
check(example.returncode == 0, "the example is in the library")
strategy = example.stdout.strip()

# A stand-in for Kurs: it writes down how it was started
started = time.monotonic()
provider, launched = start_provider(library, tempfile.mkdtemp(prefix="kurs-search-provider-"))
try:
    check(wait_for(has_owner, timeout=20) is not None, "the provider is on the session bus")

    first = call("GetInitialResultSet", "['bostøtte']")
    answered = time.monotonic() - started
    check(first.returncode == 0, f"GetInitialResultSet answers ({first.stderr.strip()})")
    ids = re.findall(r"'([^']+)'", first.stdout)
    wanted = f"{strategy}:initiative:"
    check(len(ids) == 2 and ids[0].startswith(wanted) and ids[1].startswith(f"{strategy}:version:"),
          f"the initiative with bostøtte, then the approved version that holds it "
          f"({first.stdout.strip()}, in {answered:.2f} s)")
    record = ids[0] if ids else ""

    sub = call("GetSubsearchResultSet", str(ids), "['bostøtte', 'hjemløse']")
    check(re.findall(r"'([^']+)'", sub.stdout) == ids, "the subsearch narrows to the same result")
    none = call("GetInitialResultSet", "['aeldre']")
    check(none.returncode == 0 and re.findall(r"'([^']+)'", none.stdout) == [], "æ is a letter of its own")

    metas = call("GetResultMetas", str(ids))
    check("'name': <'Flere hjemløse i egen bolig med bostøtte (eksempel)'>" in metas.stdout,
          "the result is named by its title")
    check("Initiative in “Strategi for udsatte borgere”" in metas.stdout,
          "its description says what it is and in which strategy")
    check("'icon'" in metas.stdout, "it has Kurs's icon")
    check("'name': <'Approved version 1, Nov 29, 2022'>" in metas.stdout, "the approved version is named as such")

    # It holds no lock: a script writes the library meanwhile
    written = cli("--file", library, "set", strategy, "initiative", record.split(":")[-1], "progress=55")
    check(written.returncode == 0, f"kurs-cli writes while the provider has the library open ({written.stderr.strip()})")

    activated = call("ActivateResult", record, "['bostøtte']", "0")
    check(activated.returncode == 0, "ActivateResult answers")
    args = launched_args(launched)
    check(args is not None and args[:4] == ["--file", library, "--record", record],
          f"it starts Kurs on the library at the record ({args})")
finally:
    provider.terminate()
    provider.wait(timeout=10)

# Kurs at the record: its page, its row open, the keyboard in its title,
# selected, so that what is typed replaces it
kurs = Kurs(library, extra_args=("--record", record))
check(kurs.find(name="Initiatives", timeout=10) is not None, "Kurs opens on the action plans page")
time.sleep(1.5)
kurs.focus()
# (ASCII: xdotool maps other letters to spare keys, which a loaded
# machine can drop)
subprocess.run(["xdotool", "type", "--delay", "30", "Bolig foerst"], check=True)
number = record.split(":")[-1]


def typed():
    listed = cli("--file", library, "list", strategy, "initiative").stdout
    return any(line.startswith(number + "\t") and "title=Bolig foerst\t" in line for line in listed.splitlines())


check(wait_for(typed, timeout=10) is not None, "what is typed goes into the record's title")
kurs.screenshot("search-provider-record")
kurs.quit()

finish()
