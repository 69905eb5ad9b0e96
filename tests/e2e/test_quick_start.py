# SPDX-License-Identifier: GPL-3.0-or-later
"""The README's Quick start: `./build-aux/dev run` opens the default
library, and `./build-aux/dev run FILE.kurs` opens FILE, found from where
the command was typed.  The command is run as the README gives it, with
the tree this test was built in (KURS_DEV_BUILDDIR) instead of a release
build of its own."""

import os
import subprocess
import tempfile

from kurs_e2e import check, finish, query

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEV = os.path.join(SOURCE, "build-aux", "dev")
BUILD = os.path.dirname(os.path.dirname(os.path.dirname(os.environ["KURS"])))


def files_in(folder):
    return sorted(os.listdir(folder))


def run_dev(cwd, data_home, *args):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = data_home
    env["KURS_DEV_BUILDDIR"] = BUILD
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    return subprocess.run([DEV, "run", *args, "--quit-after-first-frame"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def is_library(path):
    return os.path.isfile(path) and query(path, "PRAGMA application_id") == [(0x4B555253,)]


source_before = files_in(SOURCE)

# 1. No library named: the default one, created on first use
work = tempfile.mkdtemp(prefix="kurs-quick-start-")
data_home = os.path.join(work, "data")
result = run_dev(work, data_home)
print(result.stdout + result.stderr)
check(result.returncode == 0, "`build-aux/dev run` runs Kurs and exits cleanly")
default = os.path.join(data_home, "kurs", "library.kurs")
check(is_library(default), "it opened (and so created) the default library " + default)
check(files_in(work) == ["data"], "it made no file where the command was typed")
check(not os.path.exists(os.path.join(SOURCE, "run")), "nor a library called “run” in the repository")

# 2. A library named with a path relative to where the command is typed
result = run_dev(work, data_home, "Min strategi.kurs")
print(result.stdout + result.stderr)
check(result.returncode == 0, "`build-aux/dev run FILE.kurs` runs Kurs")
check(is_library(os.path.join(work, "Min strategi.kurs")), "it opened FILE.kurs where the command was typed")
check(files_in(SOURCE) == source_before, "the repository holds no new file")

finish()
