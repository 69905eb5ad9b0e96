#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kurs-cli server-init on a real, throwaway PostgreSQL server.

Run inside pg_virtualenv (tests/meson.build does), which starts a cluster
of its own and sets PGHOST, PGPORT, PGUSER (a superuser) and PGPASSWORD.
Each case makes a database of its own.

Covers: setting up an empty database (the same tables and columns as a
.kurs file, at the same migration); a second run changes nothing; a
database holding something else, one set up by a newer Kurs, a password in
the address, an unreachable server and a missing database are refused with
a message and exit 1, and nothing is written; a library of an older Kurs
is refused until brought up to date, unless what it lacks does nothing on
a server; the three roles, given with
the GRANT lines the command prints, may write exactly what they should, on
the server itself (through psql); an approved version is frozen for every
role; a manager's edit of a hearing response keeps the search index
current without the right to write it.
"""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile

KURS_CLI = os.environ["KURS_CLI"]
FAILED = []


def run(*args, env=None):
    return subprocess.run([KURS_CLI, *args], capture_output=True, text=True, env=env)


def psql(database, sql, user=None, password=None):
    """Runs sql as user (the cluster's superuser when None); returns the
    completed process, output unaligned and without headers"""
    env = dict(os.environ)
    if user:
        env["PGUSER"] = user
        env["PGPASSWORD"] = password
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                          capture_output=True, text=True, env=env)


def value(database, sql):
    done = psql(database, sql)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def createdb(name):
    subprocess.run(["createdb", name], check=True)
    return "postgresql:///" + name


def check(name, condition, detail=""):
    print(("ok " if condition else "not ok ") + name + (("  # " + detail) if detail and not condition else ""))
    if not condition:
        FAILED.append(name)


def objects(database):
    """Everything in the database that is not PostgreSQL's own"""
    return value(database, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                           "AND n.nspname NOT LIKE 'pg\\_%'")


def file_columns():
    """Each table's columns in a new .kurs file, as Kurs made it"""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "library.kurs")
        done = run("--file", path, "list")
        assert done.returncode == 0, done.stderr
        db = sqlite3.connect(path)
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'")]
        columns = {t: sorted(r[1] for r in db.execute("PRAGMA table_info (%s)" % t)) for t in tables}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.close()
        return columns, version


def server_columns(database):
    rows = value(database, "SELECT table_name || ' ' || column_name FROM information_schema.columns "
                           "WHERE table_schema = 'kurs' AND table_name NOT IN ('library', 'search_index')")
    columns = {}
    for line in rows.splitlines():
        table, column = line.split(" ")
        columns.setdefault(table, []).append(column)
    return {t: sorted(c) for t, c in columns.items()}


def test_empty_database():
    address = createdb("fresh")
    done = run("server-init", address)
    check("server-init on an empty database succeeds", done.returncode == 0, done.stderr)
    check("it says where", "“fresh”" in done.stdout, done.stdout)
    grants = re.findall(r"^GRANT (kurs_\w+) TO USER;", done.stdout, re.M)
    check("it prints a GRANT line for each role", grants == ["kurs_editor", "kurs_follow_up", "kurs_reader"],
          done.stdout)

    columns, version = file_columns()
    check("the same tables and columns as a .kurs file", server_columns("fresh") == columns,
          "%s != %s" % (server_columns("fresh"), columns))
    check("at the same migration", value("fresh", "SELECT schema_version FROM kurs.library") == str(version))
    roles = value("fresh", "SELECT string_agg (rolname, ' ' ORDER BY rolname) FROM pg_roles "
                           "WHERE rolname LIKE 'kurs\\_%'")
    check("the three roles exist", roles == "kurs_editor kurs_follow_up kurs_reader", roles)

    before = objects("fresh")
    again = run("server-init", address)
    check("a second run succeeds", again.returncode == 0, again.stderr)
    check("and says nothing was changed", "already set up" in again.stdout and "GRANT" not in again.stdout,
          again.stdout)
    check("and changes nothing", objects("fresh") == before)


def test_refusals():
    address = createdb("busy")
    psql("busy", "CREATE TABLE invoices (id int)")
    done = run("server-init", address)
    check("a database holding something else is refused", done.returncode == 1 and "something else" in done.stderr,
          done.stderr)
    check("one line, no crash", done.stderr.count("\n") == 1, done.stderr)
    check("and nothing is written there", value("busy", "SELECT count(*) FROM pg_namespace WHERE nspname = 'kurs'")
          == "0")

    address = createdb("newer")
    assert run("server-init", address).returncode == 0
    psql("newer", "UPDATE kurs.library SET schema_version = 99")
    before = objects("newer")
    done = run("server-init", address)
    check("a database of a newer Kurs is refused", done.returncode == 1 and "newer Kurs" in done.stderr, done.stderr)
    check("and left as it was", objects("newer") == before
          and value("newer", "SELECT schema_version FROM kurs.library") == "99")

    done = run("server-init", "postgresql://someone:secret@%s:%s/fresh" % (os.environ["PGHOST"], os.environ["PGPORT"]))
    check("a password in the address is refused", done.returncode == 1 and ".pgpass" in done.stderr, done.stderr)
    check("and never repeated", "secret" not in done.stderr + done.stdout)

    done = run("server-init", "postgresql://localhost:1/fresh")
    check("an unreachable server is said so", done.returncode == 1 and "No PostgreSQL server answers" in done.stderr,
          done.stderr)
    done = run("server-init", "postgresql:///nowhere")
    check("a missing database is named", done.returncode == 1 and "no database “nowhere”" in done.stderr,
          done.stderr)
    env = dict(os.environ)
    env["PGPASSWORD"] = "wrong"
    env["PGUSER"] = "nobody_here"
    done = run("server-init", "postgresql://%s:%s/fresh" % (os.environ["PGHOST"], os.environ["PGPORT"]), env=env)
    check("an unknown user or a wrong password is said so",
          done.returncode == 1 and ("refused the password" in done.stderr or "no user" in done.stderr), done.stderr)
    done = run("server-init", "not-a-server.kurs")
    check("a file name is not an address", done.returncode == 1 and "not the address" in done.stderr, done.stderr)


def test_older():
    address = createdb("older")
    assert run("server-init", address).returncode == 0
    psql("older", "UPDATE kurs.library SET schema_version = 4")
    done = run("--file", address, "list")
    check("a library of an older Kurs is refused, with what to do", done.returncode == 1 and "server-init" in done.stderr,
          done.stderr)
    # migration 6 has nothing to do on a server
    psql("older", "UPDATE kurs.library SET schema_version = 5")
    done = run("--file", address, "list")
    check("one behind only by migrations a server has nothing of is used as it is", done.returncode == 0, done.stderr)
    done = run("server-init", address)
    check("and server-init records it at the latest", done.returncode == 0
          and value("older", "SELECT schema_version FROM kurs.library") == str(file_columns()[1]), done.stderr)


def test_roles():
    address = createdb("team")
    done = run("server-init", address)
    assert done.returncode == 0, done.stderr
    people = {"alice": "kurs_editor", "bob": "kurs_follow_up", "carol": "kurs_reader"}
    lines = re.findall(r"^GRANT (kurs_\w+) TO USER;", done.stdout, re.M)
    for person, role in people.items():
        psql("team", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN "
                     "CREATE ROLE %s LOGIN PASSWORD '%s-pw'; END IF; END $$" % (person, person, person))
        assert role in lines
        # the line as printed, for this person
        granted = psql("team", "GRANT %s TO %s" % (role, person))
        assert granted.returncode == 0, granted.stderr

    def as_(person, sql):
        return psql("team", "SET search_path = kurs; " + sql, person, person + "-pw")

    made = as_("alice", "INSERT INTO strategy (uuid, title, start_year, end_year, created, modified) "
                        "VALUES (repeat ('a', 36), 'Boligstrategi', 2023, 2029, 'x', 'x') RETURNING id")
    check("an editor adds a strategy", made.returncode == 0, made.stderr)
    sid = made.stdout.strip().splitlines()[0] if made.returncode == 0 else "0"
    setup = as_("alice",
                "INSERT INTO action_plan (strategy_id, title, start_date, end_date) "
                "VALUES (%s, 'Handleplan', '2023-01-01', '2024-12-31');"
                "INSERT INTO initiative (strategy_id, action_plan_id, title) "
                "SELECT %s, id, 'Flere boliger' FROM action_plan;"
                "INSERT INTO milestone (strategy_id, kind, title, start_date) "
                "VALUES (%s, 'seminar', 'Temamøde', '2023-03-01');"
                "INSERT INTO indicator (strategy_id, position, name) VALUES (%s, 1, 'Hjemløse');"
                "INSERT INTO stakeholder (strategy_id, position, name, kind) VALUES (%s, 1, 'Ældrerådet', 'council');"
                "INSERT INTO hearing_round (strategy_id, title, sent_date, deadline) "
                "VALUES (%s, 'Høring', '2023-04-01', '2023-05-01');"
                "INSERT INTO hearing_party (strategy_id, hearing_round_id, stakeholder_id) "
                "SELECT %s, (SELECT id FROM hearing_round), (SELECT id FROM stakeholder);"
                "INSERT INTO version (strategy_id, number, approved_date, content) VALUES (%s, 1, '2023-06-01', "
                "'<strategy xmlns=\"https://kurs.dk/ns/strategy/1\"><title>Boligstrategi</title></strategy>')"
                % ((sid,) * 8))
    check("an editor writes every kind of row", setup.returncode == 0, setup.stderr)
    bad_date = as_("alice", "UPDATE action_plan SET end_date = '2024-02-30'")
    check("a day that does not exist is refused, as in a file", bad_date.returncode != 0
          and "check constraint" in bad_date.stderr, bad_date.stderr)

    # The follow-up: its own fields, nothing else
    allowed = {
        "initiative status and progress": "UPDATE initiative SET status = 'on-track', progress = 40",
        "a milestone held": "UPDATE milestone SET held = 1",
        "a measurement": "INSERT INTO measurement (strategy_id, indicator_id, date, value) "
                         "SELECT strategy_id, id, '2023-12-31', 120 FROM indicator",
        "a course correction": "INSERT INTO course_correction (strategy_id, date, text) "
                               "VALUES (%s, '2023-09-01', 'Mere tid til boligerne')" % sid,
        "a hearing response": "UPDATE hearing_party SET response_date = '2023-04-20', "
                              "response_text = 'Ældrerådet støtter bostøtte'",
        "the strategy's time of change": "UPDATE strategy SET modified = 'y'",
    }
    for what, sql in allowed.items():
        done = as_("bob", sql)
        check("a manager may write " + what, done.returncode == 0, done.stderr)
    refused = {
        "an initiative's title": "UPDATE initiative SET title = 'Andet'",
        "a goal": "INSERT INTO goal (strategy_id, position, title) VALUES (%s, 1, 'Mål')" % sid,
        "the strategy's title": "UPDATE strategy SET title = 'Andet'",
        "a milestone's day": "UPDATE milestone SET start_date = '2023-03-02'",
        "the search index": "DELETE FROM search_index",
    }
    for what, sql in refused.items():
        done = as_("bob", sql)
        check("a manager may not write " + what, done.returncode != 0 and "permission denied" in done.stderr,
              done.stderr)
    found = value("team", "SELECT string_agg (entity || ' ' || title, ',') FROM kurs.search_index "
                          "WHERE words @@ to_tsquery ('simple', 'bostøtte')")
    # a hearing party (entity 18), named by its stakeholder
    check("the manager's hearing response is in the search index", found == "18 Ældrerådet", found)

    # The reader reads
    read = as_("carol", "SELECT title FROM initiative")
    check("a reader reads", read.returncode == 0 and "Flere boliger" in read.stdout, read.stderr)
    for sql in ("UPDATE initiative SET progress = 50", "INSERT INTO goal (strategy_id, position, title) "
                "VALUES (%s, 1, 'Mål')" % sid, "DELETE FROM strategy"):
        done = as_("carol", sql)
        check("a reader may not: " + sql.split(" ")[0], done.returncode != 0 and "permission denied" in done.stderr,
              done.stderr)

    # Frozen for every role, the owner too
    for person in ("alice", None):
        if person:
            done = as_(person, "UPDATE version SET content = '<strategy/>'")
        else:
            done = psql("team", "UPDATE kurs.version SET content = '<strategy/>'")
        check("an approved version is frozen for " + (person or "the owner"),
              done.returncode != 0 and "frozen" in done.stderr, done.stderr)
    check("and keeps its text", "Boligstrategi" in value("team", "SELECT content FROM kurs.version"))
    gone = as_("alice", "DELETE FROM strategy")
    check("an editor can still delete a strategy with its versions", gone.returncode == 0, gone.stderr)


def main():
    for case in (test_empty_database, test_refusals, test_older, test_roles):
        try:
            case()
        except Exception as error:  # a broken case fails, it does not stop the others
            check(case.__name__, False, repr(error))
    print("%d failed" % len(FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
