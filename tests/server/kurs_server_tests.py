# SPDX-License-Identifier: GPL-3.0-or-later
"""What the team-library tests share: run inside pg_virtualenv, whose
PGHOST, PGPORT, PGUSER (a superuser) and PGPASSWORD reach its cluster."""

import os
import subprocess

KURS_CLI = os.environ["KURS_CLI"]
FAILED = []


def check(name, condition, detail=""):
    print(("ok " if condition else "not ok ") + name + (("  # " + detail) if detail and not condition else ""))
    if not condition:
        FAILED.append(name)


def as_user(user=None, env=None):
    """The environment of a login role `user` whose password is
    "USER-pw", or the cluster's superuser when None"""
    env = dict(env or os.environ)
    if user:
        env["PGUSER"] = user
        env["PGPASSWORD"] = user + "-pw"
    return env


def cli(*args, user=None, env=None):
    return subprocess.run([KURS_CLI, *args], capture_output=True, text=True, env=as_user(user, env))


def psql_run(database, sql, user=None):
    """psql's completed process, output unaligned and without headers"""
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                          capture_output=True, text=True, env=as_user(user))


def psql(database, sql, user=None):
    done = psql_run(database, sql, user)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def finish():
    print("%d failed" % len(FAILED))
    return 1 if FAILED else 0
