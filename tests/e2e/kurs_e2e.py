# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving the real kurs window over AT-SPI, with xdotool for keys and
ImageMagick for screenshots.  Each test runs inside the private D-Bus
session and X server that build-aux/dev test provides."""

import atexit
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

from kurs_test_shared import wait_for  # noqa: F401 (the tests take it from here)

KURS = os.environ["KURS"]
KURS_CLI = os.environ["KURS_CLI"]
SCREENSHOTS = os.path.join(os.environ.get("KURS_SCREENSHOT_DIR", tempfile.gettempdir()), "e2e")

ENGLISH = {"LC_ALL": "C.UTF-8", "LANGUAGE": ""}
DANISH = {"LC_ALL": "da_DK.UTF-8", "LANG": "da_DK.UTF-8", "LANGUAGE": "da"}

_failures = 0
_started = []


@atexit.register
def _stop_leftovers():
    """A test that ends early leaves no Kurs behind to hang the run."""
    for process in _started:
        if process.poll() is None:
            process.kill()
            process.wait()


def check(condition, what):
    """Reports one check in TAP-like lines; the test fails at the end if any
    check failed."""
    global _failures
    print(("ok - " if condition else "not ok - ") + what, flush=True)
    if not condition:
        _failures += 1
    return condition


def finish():
    print(f"# {_failures} failed checks", flush=True)
    sys.exit(1 if _failures else 0)




class Kurs:
    """One running kurs process and its accessible tree."""

    def __init__(self, library=None, language=ENGLISH, extra_args=(), env=None, wrapper=()):
        """Starts kurs on `library`, or with no library named when None;
        `wrapper` is a command that execs kurs in the same process (see
        read_only_mount())."""
        env = dict(env or os.environ)
        env.update(language)
        # Memory errors stop the app; the widget tests check our leaks.
        env["ASAN_OPTIONS"] = "detect_leaks=0"
        env["G_DEBUG"] = "fatal-criticals"
        files = ["--file", library] if library is not None else []
        self.process = subprocess.Popen([*wrapper, KURS, "--new-instance", *files, *extra_args], env=env)
        _started.append(self.process)
        self.app = wait_for(self._find_app, timeout=30)
        if self.app is None:
            raise RuntimeError("kurs did not appear on the accessibility bus")
        self.window = wait_for(self._window_id, timeout=10)
        # Without a window manager, nothing gives the window the keyboard.
        if self.window:
            subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=False)
        time.sleep(0.3)

    def _find_app(self):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == self.process.pid and app.childCount > 0:
                return app
        return None

    def _window_id(self):
        ids = self.window_ids()
        return ids[0] if ids else None

    def window_ids(self):
        """The visible windows, the main window first."""
        return subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                              capture_output=True, text=True).stdout.split()

    # Finding things

    def find(self, role=None, name=None, contains=None, timeout=10.0, where=None):
        def match(node):
            if node is None:
                return False
            if where is not None and not where(node):
                return False
            if role is not None and node.getRoleName() != role:
                return False
            if name is not None and node.name != name:
                return False
            if contains is not None and contains not in (node.name or ""):
                return False
            return True

        return wait_for(lambda: pyatspi.findDescendant(self.app, match, breadth_first=True), timeout)

    def focused(self, timeout=3.0, where=None):
        """The accessible that has the keyboard focus (and matches `where`),
        waiting for it as long as `timeout`."""
        def has_focus(node):
            try:
                return (node is not None and node.getState().contains(pyatspi.STATE_FOCUSED)
                        and (where is None or where(node)))
            except Exception:
                return False
        return wait_for(lambda: pyatspi.findDescendant(self.app, has_focus, breadth_first=False), timeout)

    def find_all(self, role=None, name=None):
        return pyatspi.findAllDescendants(
            self.app, lambda n: n is not None and (role is None or n.getRoleName() == role)
            and (name is None or n.name == name))

    # Doing things

    def press(self, name=None, contains=None, where=None):
        button = self.find("push button", name=name, contains=contains, where=where)
        if button is None:
            raise RuntimeError(f"No button {name or contains!r}")
        button.queryAction().doAction(0)
        time.sleep(0.4)

    def type_into(self, name, text, index=-1):
        """Types into the field labelled `name`: the last one when several
        are, which is the one just added."""
        fields = wait_for(lambda: self.find_all("text", name))
        if not fields:
            raise RuntimeError(f"No field {name!r}")
        fields[index].queryEditableText().setTextContents(text)

    def key(self, *keys):
        subprocess.run(["xdotool", "key", *keys], check=True)
        time.sleep(0.5)

    def page(self, number):
        """The strategy's page at that place in its list, from 1 to 9; 0 for the last, the timeline."""
        self.key(f"alt+{number}")

    def screenshot(self, name, window=None):
        """The main window, or another (a dialog) by its X id."""
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.join(SCREENSHOTS, f"{name}.png")
        subprocess.run(["import", "-window", window or self.window, path], check=False)
        print(f"# screenshot {path}", flush=True)
        return path

    # Ending

    def focus(self):
        """Gives this Kurs' window the keyboard (with two on one display,
        keys go to the one focused last)."""
        if self.window:
            subprocess.run(["xdotool", "windowfocus", "--sync", self.window], check=False)
            time.sleep(0.2)

    def quit(self):
        self.focus()
        self.key("ctrl+q")
        try:
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return None

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        return self.process.wait(timeout=10)


def read_only_mount(folder):
    """A command prefix that runs a program with `folder` mounted
    read-only: in a mount namespace of its own, so that even root cannot
    write there.  The program is exec'd, keeping the process id."""
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--map-root-user", "--mount"]
    return [*namespace, "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', folder]


def query(library, sql):
    """What the library file holds, read by SQLite itself."""
    db = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def cli(*args, env=None):
    return subprocess.run([KURS_CLI, *args], capture_output=True, text=True, env=env)


def library_path(name="library.kurs"):
    return os.path.join(tempfile.mkdtemp(prefix="kurs-e2e-"), name)
