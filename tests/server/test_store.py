#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store on a real, throwaway PostgreSQL server, through kurs-cli
--file ADDRESS: the same commands as on a .kurs file.

Run inside pg_virtualenv (tests/meson.build does). Covers: reading
(list, show, export: the same bytes as the file the library was copied
from), writing (a new strategy, records added and changed, an approval
that freezes a version), searching, each role's allowed and refused writes
through the store with one line and exit 1, and two writers at once.
"""

import os
import subprocess
import sys
import tempfile
import threading

from kurs_server_tests import check, cli, finish, psql


def one_line_refusal(done):
    return done.returncode == 1 and done.stderr.count("\n") == 1 and done.stderr.startswith("kurs-cli: ")


def main():
    folder = tempfile.mkdtemp()
    original = os.path.join(folder, "original.kurs")
    assert cli("--file", original, "example").returncode == 0
    subprocess.run(["createdb", "team"], check=True)
    server = "postgresql:///team"
    assert cli("server-init", server).returncode == 0
    assert cli("copy", original, server).returncode == 0

    listed = cli("--file", server, "list")
    check("list reads the server", listed.returncode == 0 and listed.stdout == cli("--file", original, "list").stdout,
          listed.stdout + listed.stderr)
    sid = [line.split("\t")[0] for line in listed.stdout.splitlines() if "\tapproved\t" in line][0]
    shown = cli("--file", server, "show", sid, "--json")
    check("show reads the server as the file", shown.returncode == 0
          and shown.stdout == cli("--file", original, "show", sid, "--json").stdout)
    for where, library in (("server", server), ("file", original)):
        done = cli("--file", library, "export", sid, "--draft", "-o", os.path.join(folder, where + ".xml"))
        assert done.returncode == 0, done.stderr
    with open(os.path.join(folder, "server.xml"), "rb") as a, open(os.path.join(folder, "file.xml"), "rb") as b:
        check("an export from the server is the file's, byte for byte", a.read() == b.read())

    # Writing
    made = cli("--file", server, "new", "--title", "Klimastrategi", "--period", "2024-2030")
    check("a new strategy on the server", made.returncode == 0, made.stderr)
    klima = made.stdout.strip()
    added = cli("--file", server, "add", klima, "goal", "title=Mindre CO₂ i kommunens bygninger")
    goal = added.stdout.strip()
    check("a goal added", added.returncode == 0 and goal.isdigit(), added.stdout + added.stderr)
    changed = cli("--file", server, "set", klima, "goal", goal, "description=Målt hvert år, æøå")
    check("a goal changed", changed.returncode == 0, changed.stderr)
    check("what was written is on the server, æøå and all",
          psql("team", "SELECT description FROM kurs.goal WHERE title LIKE 'Mindre CO%'") == "Målt hvert år, æøå")
    approved = cli("--file", server, "approve", klima, "--date", "2024-05-01", "--by", "Klimaudvalget")
    check("an approval on the server", approved.returncode == 0, approved.stderr)
    versions = cli("--file", server, "versions", klima)
    check("its version is there", versions.stdout.startswith("1\t2024-05-01"), versions.stdout)
    frozen = cli("--file", server, "set", klima, "goal", goal, "title=Andet")
    check("the approved text is frozen", one_line_refusal(frozen), frozen.stderr)

    found = cli("--file", server, "search", "klimaudvalget", "co")
    check("the server is searched", found.returncode == 0 and klima in found.stdout, found.stdout + found.stderr)
    found = cli("--file", server, "search", "bolig", "--kind", "initiative")
    check("with the words marked", found.returncode == 0 and "[bolig" in found.stdout.lower(), found.stdout)

    # Roles, through the store
    for person, role in (("maja", "kurs_follow_up"), ("rasmus", "kurs_reader")):
        psql("team", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN "
                     "CREATE ROLE %s LOGIN PASSWORD '%s-pw'; END IF; END $$; GRANT %s TO %s"
                     % (person, person, person, role, person))
    plan = cli("--file", server, "plan", sid).stdout.splitlines()[0].split("\t")[0]
    progress = cli("--file", server, "set", sid, "initiative", "1", "progress=55", user="maja")
    check("a manager sets an initiative's progress", progress.returncode == 0, progress.stderr)
    title = cli("--file", server, "set", sid, "initiative", "1", "title=Andet", user="maja")
    check("a manager may not change its title: one line, exit 1", one_line_refusal(title)
          and "role" in title.stderr, title.stderr)
    check("and it is unchanged", psql("team", "SELECT count(*) FROM kurs.initiative WHERE title = 'Andet'") == "0")
    draft = [line.split("\t")[0] for line in listed.stdout.splitlines() if "\tdraft\t" in line][0]
    goal = cli("--file", server, "add", draft, "goal", "title=Nyt mål", user="maja")
    check("a manager may not add a goal: the store says why, one line", one_line_refusal(goal)
          and "follows up" in goal.stderr, goal.stderr)
    measured = cli("--file", server, "measure", sid, "1", "--date", "2025-01-01", "--value", "42", user="maja")
    check("a manager adds a measurement", measured.returncode == 0, measured.stderr)
    read = cli("--file", server, "plan", sid, plan, user="rasmus")
    check("a reader reads", read.returncode == 0 and "55" in read.stdout, read.stdout + read.stderr)
    refused = cli("--file", server, "set", sid, "initiative", "1", "progress=60", user="rasmus")
    check("a reader may not write: one line, exit 1", one_line_refusal(refused) and "only reads" in refused.stderr,
          refused.stderr)

    # Two writers at once, each adding goals to its own strategy
    writers = []
    for n in range(2):
        title = "Strategi %d" % n
        writers.append(cli("--file", server, "new", "--title", title, "--period", "2025-2028").stdout.strip())
    results = []

    def write(strategy):
        for i in range(10):
            results.append(cli("--file", server, "add", strategy, "goal", "title=Mål %d" % i).returncode)

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("two writers at once: every write acknowledged", results == [0] * 20, str(results))
    counts = psql("team", "SELECT string_agg (n::text, ',') FROM (SELECT count(*) AS n FROM kurs.goal g "
                          "JOIN kurs.strategy s ON s.id = g.strategy_id WHERE s.title LIKE 'Strategi _' "
                          "GROUP BY s.id) c")
    check("and every write kept", counts == "10,10", counts)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
