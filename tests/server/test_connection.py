#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How kurs-cli reaches a team library: the password from ~/.pgpass (or
PGPASSFILE) as libpq reads it, never from the command line; TLS settings
in the address honoured: with the cluster given a certificate signed by a
test root, sslmode=verify-full connects with that root, and is refused
with another root or another host name, with words a person can act on,
nothing written.

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

    # TLS: the cluster is given a certificate of its own (signed by a test
    # root) and TLS is turned on, as a DBA would
    env = without_password()
    env["PGPASSFILE"] = os.path.join(home, ".pgpass")
    tls = os.path.join(folder, "tls")
    os.makedirs(tls)
    root_key, root_crt = os.path.join(tls, "root.key"), os.path.join(tls, "root.crt")
    key, csr, crt = os.path.join(tls, "server.key"), os.path.join(tls, "server.csr"), os.path.join(tls, "server.crt")
    openssl = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", root_key, "-out", root_crt, "-days", "1",
            "-subj", "/CN=Kurs test root")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=localhost")
    openssl("x509", "-req", "-in", csr, "-CA", root_crt, "-CAkey", root_key, "-CAcreateserial", "-out", crt,
            "-days", "1")
    other_key, other_crt = os.path.join(tls, "other.key"), os.path.join(tls, "other.crt")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", other_key, "-out", other_crt, "-days", "1",
            "-subj", "/CN=Another root")
    # the server reads its key as its own user, and only if no one else may
    owner = psql("postgres", "SELECT pg_catalog.pg_get_userbyid (datdba) FROM pg_database WHERE datname = 'postgres'")
    for path in (tls, key, crt):
        try:
            subprocess.run(["chown", "postgres", path], check=False, capture_output=True)
        except OSError:
            pass
    os.chmod(folder, 0o755)
    os.chmod(tls, 0o755)
    os.chmod(key, 0o600)
    os.chmod(crt, 0o644)
    psql("postgres", "ALTER SYSTEM SET ssl_cert_file = '%s'" % crt)
    psql("postgres", "ALTER SYSTEM SET ssl_key_file = '%s'" % key)
    psql("postgres", "ALTER SYSTEM SET ssl = on")
    psql("postgres", "SELECT pg_reload_conf ()")
    ssl = psql("postgres", "SHOW ssl")
    check("the cluster has TLS now", ssl == "on", "%s (owner %s)" % (ssl, owner))

    done = cli("--file", address + "?sslmode=verify-full&sslrootcert=" + root_crt, "list", env=env)
    check("sslmode=verify-full with the root that signed the server's certificate connects",
          done.returncode == 0 and "ældreområdet" in done.stdout, done.stderr)
    before = psql("linked", "SELECT count(*) FROM kurs.strategy")
    done = cli("--file", address + "?sslmode=verify-full&sslrootcert=" + other_crt, "new", "--title", "X",
               "--period", "2024-2026", env=env)
    check("sslmode=verify-full with a root that did not sign it is refused", done.returncode == 1, done.stderr)
    check("with one line", done.stderr.count("\n") == 1 and done.stderr.startswith("kurs-cli: "), done.stderr)
    check("and nothing is written", psql("linked", "SELECT count(*) FROM kurs.strategy") == before)
    done = cli("--file", "postgresql://anna@127.0.0.1:%s/linked?sslmode=verify-full&sslrootcert=%s" % (PORT, root_crt),
               "list", env=env)
    check("and so is a server whose name is not the certificate's", done.returncode == 1, done.stderr)
    psql("postgres", "ALTER SYSTEM RESET ssl")
    psql("postgres", "SELECT pg_reload_conf ()")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
