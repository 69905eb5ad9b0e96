# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests and the team-library tests share: waiting for
something to come true, and asking kurs-search-provider as GNOME Shell's
overview does (gdbus on the session bus), with a stand-in for Kurs that
writes down how it was started."""

import os
import subprocess
import time

BUS_NAME = "dk.kurs.Kurs.SearchProvider"
PATH = "/dk/kurs/Kurs/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"


def wait_for(predicate, timeout=10.0, step=0.05):
    """The predicate's first true value within `timeout` seconds, or None"""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(step)
    return None


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", *args], capture_output=True, text=True, timeout=30)


def call(method, *args):
    return gdbus("--dest", BUS_NAME, "--object-path", PATH, "--method", f"{IFACE}.{method}", *args)


def has_owner():
    out = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                "--method", "org.freedesktop.DBus.NameHasOwner", BUS_NAME)
    return "true" in out.stdout


def start_provider(library, folder):
    """The provider on `library`, a process of its own, starting a stand-in
    for Kurs; and the file in `folder` where the stand-in writes its
    arguments"""
    launched = os.path.join(folder, "launched")
    stub = os.path.join(folder, "kurs")
    with open(stub, "w") as f:
        f.write(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{launched}"\n')
    os.chmod(stub, 0o755)
    env = dict(os.environ)
    env["KURS_SEARCH_PROVIDER_KURS"] = stub
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    return subprocess.Popen([os.environ["KURS_SEARCH_PROVIDER"], "--file", library], env=env), launched


def launched_args(launched, timeout=10):
    """The arguments the stand-in for Kurs was started with, one a line"""
    return wait_for(lambda: open(launched).read().split("\n") if os.path.exists(launched) else None, timeout=timeout)
