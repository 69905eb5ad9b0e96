#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kurs-cli copy between .kurs files and a real, throwaway PostgreSQL server.

Run inside pg_virtualenv (tests/meson.build does). Covers: a file copied to
a server and back, and from server to server, gives the same bytes when
every strategy's draft and every approved version is exported; the same
rows in every table; ids go on after the copied ones; search finds the
copy's words; copies into a library that holds strategies, into a server
not set up, into itself, from a file that is not there, and by a role
without the right to write are refused with a message and exit 1, and
nothing is written.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile


from kurs_server_tests import check, cli, finish, psql


def server(name):
    subprocess.run(["createdb", name], check=True)
    address = "postgresql:///" + name
    done = cli("server-init", address)
    assert done.returncode == 0, done.stderr
    return address


def exports(library, folder, tag):
    """Every strategy's draft and approved versions, exported: {name: bytes}"""
    found = {}
    listed = cli("--file", library, "list")
    assert listed.returncode == 0, listed.stderr
    for line in listed.stdout.splitlines():
        sid = line.split("\t")[0]
        versions = cli("--file", library, "versions", sid)
        assert versions.returncode == 0, versions.stderr
        kinds = [("draft", ["--draft"])] + [("v" + v.split("\t")[0], ["--version", v.split("\t")[0]])
                                            for v in versions.stdout.splitlines()]
        for kind, option in kinds:
            path = os.path.join(folder, "%s-%s-%s.xml" % (tag, sid, kind))
            done = cli("--file", library, "export", sid, *option, "-o", path)
            assert done.returncode == 0, done.stderr
            with open(path, "rb") as f:
                found["%s %s" % (sid, kind)] = f.read()
    return found


TABLES = ["strategy", "goal", "initiative", "milestone", "measurement", "stakeholder", "hearing_party", "version",
          "history_action", "history_change"]


def file_history(path):
    db = sqlite3.connect(path)
    rows = db.execute("SELECT a.made_at, a.person, a.label, a.kind, c.entity, c.kind, c.field, c.new_value "
                      "FROM history_action a JOIN history_change c ON c.action_id = a.id ORDER BY c.id").fetchall()
    db.close()
    return ["|".join("" if v is None else str(v) for v in row) for row in rows]


def server_history(database):
    return psql(database, "SELECT concat_ws ('|', a.made_at, a.person, a.label, a.kind, c.entity, c.kind, "
                          "coalesce (c.field, ''), coalesce (c.new_value, '')) "
                          "FROM kurs.history_action a JOIN kurs.history_change c ON c.action_id = a.id "
                          "ORDER BY c.id").splitlines()


def file_counts(path):
    db = sqlite3.connect(path)
    counts = {t: db.execute("SELECT count(*) FROM %s" % t).fetchone()[0] for t in TABLES}
    db.close()
    return counts


def server_counts(database):
    return {t: int(psql(database, "SELECT count(*) FROM kurs.%s" % t)) for t in TABLES}


def test_round_trips(folder):
    original = os.path.join(folder, "original.kurs")
    assert cli("--file", original, "example").returncode == 0
    before = exports(original, folder, "before")
    check("the example has drafts and versions", len(before) >= 3, str(list(before)))

    first = server("first")
    done = cli("copy", original, first)
    check("a file is copied to a server", done.returncode == 0, done.stderr)
    check("and it says how much", "Copied 2 strategies" in done.stdout, done.stdout)
    check("the server has the same rows", server_counts("first") == file_counts(original),
          "%s != %s" % (server_counts("first"), file_counts(original)))

    history = file_history(original)
    check("the file has a history", len(history) > 10, str(len(history)))
    check("the history is copied as it was, persons and all", server_history("first") == history,
          "%s… != %s…" % (server_history("first")[:2], history[:2]))

    back = os.path.join(folder, "back.kurs")
    done = cli("copy", first, back)
    check("a server is copied to a new file", done.returncode == 0, done.stderr)
    check("and the history comes back whole", file_history(back) == history)
    check("exports of the copy are the same bytes", exports(back, folder, "back") == before)

    second = server("second")
    done = cli("copy", first, second)
    check("a server is copied to a server", done.returncode == 0, done.stderr)
    again = os.path.join(folder, "again.kurs")
    assert cli("copy", second, again).returncode == 0
    check("and its exports are the same bytes too", exports(again, folder, "again") == before)

    found = cli("--file", back, "search", "bostøtte")
    check("the copy is searchable", found.returncode == 0 and "bostøtte" in found.stdout, found.stdout + found.stderr)
    check("the server's index holds every row", int(psql("first", "SELECT count(*) FROM kurs.search_index")) > 50)

    highest = int(psql("first", "SELECT max (id) FROM kurs.goal"))
    new_id = int(psql("first", "INSERT INTO kurs.goal (strategy_id, position, title) "
                               "SELECT min (id), 99, 'Nyt mål' FROM kurs.strategy RETURNING id").splitlines()[0])
    check("ids go on after the copied ones", new_id > highest, "%d <= %d" % (new_id, highest))
    return original, first


def test_refusals(folder, original, first):
    done = cli("copy", original, first)
    check("a server that holds strategies is refused", done.returncode == 1 and "empty" in done.stderr, done.stderr)
    full = os.path.join(folder, "full.kurs")
    assert cli("--file", full, "example").returncode == 0
    size = os.path.getsize(full)
    done = cli("copy", first, full)
    check("a file that holds strategies is refused", done.returncode == 1 and "empty" in done.stderr, done.stderr)
    check("and left alone", os.path.getsize(full) == size)

    subprocess.run(["createdb", "bare"], check=True)
    done = cli("copy", original, "postgresql:///bare")
    check("a server not set up is refused", done.returncode == 1 and "server-init" in done.stderr, done.stderr)
    check("and nothing is made there", psql("bare", "SELECT count(*) FROM pg_namespace WHERE nspname = 'kurs'") == "0")

    done = cli("copy", original, original)
    check("a library is not copied into itself", done.returncode == 1, done.stderr)
    missing = os.path.join(folder, "missing.kurs")
    done = cli("copy", missing, first)
    check("a file that is not there is said so", done.returncode == 1 and "no library" in done.stderr, done.stderr)
    check("and not made", not os.path.exists(missing))

    # A role that may only read: the server refuses, nothing is written
    target = server("readers")
    psql("readers", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rita') THEN "
                    "CREATE ROLE rita LOGIN PASSWORD 'rita-pw'; END IF; END $$; GRANT kurs_reader TO rita")
    done = cli("copy", original, target, user="rita")
    check("a reader may not copy into a server", done.returncode == 1 and "may not write" in done.stderr,
          done.stderr)
    check("and nothing is written", psql("readers", "SELECT count(*) FROM kurs.strategy") == "0")
    # An editor may
    psql("readers", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eddie') THEN "
                    "CREATE ROLE eddie LOGIN PASSWORD 'eddie-pw'; END IF; END $$; GRANT kurs_editor TO eddie")
    done = cli("copy", original, target, user="eddie")
    check("an editor may copy into a server", done.returncode == 0, done.stderr)
    new_file = os.path.join(folder, "from-reader.kurs")
    done = cli("copy", target, new_file, user="rita")
    check("a reader may copy a server out to a file", done.returncode == 0, done.stderr)


def main():
    with tempfile.TemporaryDirectory() as folder:
        try:
            original, first = test_round_trips(folder)
            test_refusals(folder, original, first)
        except Exception as error:
            check("the cases ran to their end", False, repr(error))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
