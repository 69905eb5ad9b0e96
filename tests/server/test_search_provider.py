#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell's search provider on a team library: kurs-search-provider
given a server's address (as Kurs remembers the last library) answers the
overview's search from the server, names the result, and starts Kurs on the
server's address at the record.

Run inside pg_virtualenv and a session bus (tests/meson.build and
build-aux/dev do); the password reaches libpq as PGPASSWORD, as ~/.pgpass
or the keyring would give it."""

import os
import re
import subprocess
import sys
import tempfile
import time

from kurs_server_tests import check, cli, finish

PROVIDER = os.environ["KURS_SEARCH_PROVIDER"]
BUS_NAME = "dk.kurs.Kurs.SearchProvider"
PATH = "/dk/kurs/Kurs/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", *args], capture_output=True, text=True, timeout=30)


def call(method, *args):
    return gdbus("--dest", BUS_NAME, "--object-path", PATH, "--method", f"{IFACE}.{method}", *args)


def has_owner():
    out = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
                "--method", "org.freedesktop.DBus.NameHasOwner", BUS_NAME)
    return "true" in out.stdout


def wait_for(predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return None


def main():
    folder = tempfile.mkdtemp()
    original = os.path.join(folder, "original.kurs")
    assert cli("--file", original, "example").returncode == 0
    subprocess.run(["createdb", "shell"], check=True)
    server = "postgresql:///shell"
    assert cli("server-init", server).returncode == 0
    assert cli("copy", original, server).returncode == 0
    strategy = [line.split("\t")[0] for line in cli("--file", server, "list").stdout.splitlines()
                if "udsatte" in line][0]

    launched = os.path.join(folder, "launched")
    stub = os.path.join(folder, "kurs")
    with open(stub, "w") as f:
        f.write(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{launched}"\n')
    os.chmod(stub, 0o755)
    env = dict(os.environ)
    env["KURS_SEARCH_PROVIDER_KURS"] = stub
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    provider = subprocess.Popen([PROVIDER, "--file", server], env=env)
    try:
        check("the provider is on the session bus", wait_for(has_owner) is not None)
        found = call("GetInitialResultSet", "['bostøtte']")
        ids = re.findall(r"'([^']+)'", found.stdout)
        check("the server's library answers the search",
              found.returncode == 0 and any(i.startswith(f"{strategy}:initiative:") for i in ids),
              found.stdout + found.stderr)
        metas = call("GetResultMetas", str(ids))
        check("and names the result by its title", "Flere hjemløse i egen bolig med bostøtte" in metas.stdout,
              metas.stdout)
        record = next((i for i in ids if ":initiative:" in i), "")
        activated = call("ActivateResult", record, "['bostøtte']", "0")
        check("ActivateResult answers", activated.returncode == 0, activated.stderr)
        args = wait_for(lambda: open(launched).read().split("\n") if os.path.exists(launched) else None, timeout=10)
        check("it starts Kurs on the server's address at the record",
              args is not None and args[:4] == ["--file", server, "--record", record], str(args))
    finally:
        provider.terminate()
        provider.wait(timeout=10)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
