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

from kurs_test_shared import call, has_owner, launched_args, start_provider, wait_for
from kurs_server_tests import check, cli, finish

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

    provider, launched = start_provider(server, folder)
    try:
        check("the provider is on the session bus", wait_for(has_owner, timeout=20) is not None)
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
        args = launched_args(launched)
        check("it starts Kurs on the server's address at the record",
              args is not None and args[:4] == ["--file", server, "--record", record], str(args))
    finally:
        provider.terminate()
        provider.wait(timeout=10)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
