#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How kurs-cli reaches a team library: the password from ~/.pgpass (or
PGPASSFILE) as libpq reads it, never from the command line; TLS settings
in the address honoured (a server that offers TLS is used with
sslmode=require; sslmode=verify-full against a root certificate that did
not sign the server's is refused with words a person can act on, and
nothing is written).

Run inside pg_virtualenv (tests/meson.build does)."""

import os
import subprocess
import sys
import tempfile

from kurs_server_tests import check, cli, finish, psql

HOST = os.environ.get("PGHOST", "localhost")
PORT = os.environ.get("PGPORT", "5432")


def without_password(env=None):
    env = dict(env or os.environ)
    env.pop("PGPASSWORD", None)
    env.pop("PGUSER", None)
    return env


def main():
    folder = tempfile.mkdtemp()
    subprocess.run(["createdb", "linked"], check=True)
    assert cli("server-init", "postgresql:///linked").returncode == 0
    psql("linked", "CREATE ROLE anna LOGIN PASSWORD 'anna-pw'; GRANT kurs_editor TO anna")
    # a TCP address, where the cluster asks for a password
    address = "postgresql://anna@%s:%s/linked" % ("localhost", PORT)

    # No password anywhere: refused, said so, exit 1
    env = without_password()
    env["PGPASSFILE"] = os.path.join(folder, "none")
    done = cli("--file", address, "list", env=env)
    check("without a password, refused with exit 1", done.returncode == 1, done.stderr)
    check("and said: a password is needed", "password" in done.stderr.lower(), done.stderr)

    # The password in a pgpass file, as libpq reads it
    passfile = os.path.join(folder, "pgpass")
    with open(passfile, "w") as f:
        f.write("localhost:%s:linked:anna:anna-pw\n" % PORT)
    os.chmod(passfile, 0o600)
    env["PGPASSFILE"] = passfile
    done = cli("--file", address, "new", "--title", "Strategi for ældreområdet", "--period", "2024-2027", env=env)
    check("with PGPASSFILE, kurs-cli writes as anna", done.returncode == 0, done.stderr)
    check("the history names anna",
          psql("linked", "SELECT DISTINCT person FROM kurs.history_action") == "anna")
    home = os.path.join(folder, "home")
    os.makedirs(home)
    os.rename(passfile, os.path.join(home, ".pgpass"))
    env.pop("PGPASSFILE")
    env["HOME"] = home
    done = cli("--file", address, "list", env=env)
    check("and with ~/.pgpass", done.returncode == 0 and "ældreområdet" in done.stdout, done.stderr)

    # A password in the address is refused, so it is never on a command line
    done = cli("--file", "postgresql://anna:anna-pw@localhost:%s/linked" % PORT, "list", env=without_password())
    check("a password in the address is refused", done.returncode == 1, done.stderr)

    # TLS: what the address asks for is what libpq does
    ssl = psql("postgres", "SHOW ssl")
    env = without_password()
    env["PGPASSFILE"] = os.path.join(home, ".pgpass")
    if ssl == "on":
        done = cli("--file", address + "?sslmode=require", "list", env=env)
        check("sslmode=require reaches a server that offers TLS", done.returncode == 0, done.stderr)
        used = psql("linked", "SELECT count(*) FROM pg_stat_ssl WHERE ssl")
        check("(the cluster has TLS connections)", used is not None)
    else:
        done = cli("--file", address + "?sslmode=require", "list", env=env)
        check("sslmode=require is refused by a server without TLS", done.returncode == 1, done.stderr)
        check("and said", done.stderr.startswith("kurs-cli: "), done.stderr)

    # verify-full against a root certificate that signed nothing here
    root = os.path.join(folder, "root.crt")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    os.path.join(folder, "root.key"), "-out", root, "-days", "1", "-subj", "/CN=Kurs test root"],
                   check=True, capture_output=True)
    before = psql("linked", "SELECT count(*) FROM kurs.strategy")
    done = cli("--file", address + "?sslmode=verify-full&sslrootcert=" + root, "new", "--title", "X",
               "--period", "2024-2026", env=env)
    check("sslmode=verify-full with a root that did not sign the server is refused", done.returncode == 1,
          done.stderr)
    check("with one line", done.stderr.count("\n") == 1 and done.stderr.startswith("kurs-cli: "), done.stderr)
    check("and nothing is written", psql("linked", "SELECT count(*) FROM kurs.strategy") == before)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
