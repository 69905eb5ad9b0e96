# SPDX-License-Identifier: GPL-3.0-or-later
"""A full disk, made real: a small tmpfs in a mount namespace of the test's
own.  Kurs says the disk is full (not that the file is damaged, nor "disk
I/O error"), changes nothing, leaves nothing behind, and can still read.
In the window, what was typed on a full disk is kept, marked, and saved
when there is room again."""

import os
import subprocess
import tempfile

from kurs_e2e import KURS_CLI, Kurs, check, cli, finish, library_path, wait_for

library = library_path()
strategy = cli("--file", library, "example").stdout.strip()

# Everything on the full disk happens in one shell in the namespace: the
# tmpfs goes with it
SCRIPT = r'''
set -u
disk="$1"; cli="$2"; library="$3"; strategy="$4"
mkdir -p "$disk"

mount -t tmpfs -o size=64k tmpfs "$disk"
"$cli" --file "$disk/new.kurs" new --title Ny --period 2027-2030 2>&1
echo "new-status=$?"
echo "new-left=$(ls -A "$disk" | tr '\n' ' ')"
umount "$disk"

mount -t tmpfs -o size=1m tmpfs "$disk"
cp "$library" "$disk/library.kurs"
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
"$cli" --file "$disk/library.kurs" add "$strategy" stakeholder name=Fuldrådet kind=council 2>&1
echo "add-status=$?"
"$cli" --file "$disk/library.kurs" list "$strategy" stakeholder 2>&1
echo "list-status=$?"
rm "$disk/filler"
"$cli" --file "$disk/library.kurs" list "$strategy" stakeholder 2>&1 | grep -c Fuldrådet
echo "left=$(ls -A "$disk" | tr '\n' ' ')"
sqlite3 "$disk/library.kurs" "PRAGMA integrity_check"
'''

namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--map-root-user", "--mount"]
with tempfile.TemporaryDirectory(prefix="kurs-full-") as folder:
    disk = os.path.join(folder, "disk")
    run = subprocess.run([*namespace, "sh", "-c", SCRIPT, "sh", disk, KURS_CLI, library, strategy],
                         capture_output=True, text=True)
    out = run.stdout
    for line in out.splitlines():
        print("# " + line)
    check(run.returncode == 0 or "new-status=" in out, "a full disk can be made here")

    check("new.kurs” cannot be created: the disk is full" in out and "new-status=1" in out,
          "a new library on a full disk: the disk is full, said so")
    check("new-left= \n" in out + "\n" or "new-left=\n" in out, "and no empty library is left behind")

    check("The disk is full; nothing was changed" in out and "add-status=1" in out,
          "a change on a full disk: the disk is full, nothing was changed")
    check("damaged" not in out and "I/O error" not in out, "never 'damaged', never 'disk I/O error'")
    check("list-status=0" in out and "cannot be changed (the disk is full)" in out,
          "the library can still be read, with a note why it cannot be changed")
    check("\n0\n" in out, "the refused change is not in it")
    check("left=library.kurs \n" in out, "nothing is left beside it")
    check(out.rstrip().endswith("ok"), "the file is whole")

# The window on a disk that fills up while it is open.  A helper in the
# same namespace fills the disk, and frees it, when told by a file outside.
WINDOW = r'''
disk="$1"; library="$2"; signals="$3"; shift 3
mkdir -p "$disk"
mount -t tmpfs -o size=2m tmpfs "$disk" || exit 3
cp "$library" "$disk/library.kurs"
(
  while [ ! -e "$signals/fill" ]; do sleep 0.1; done
  dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
  touch "$signals/filled"
  while [ ! -e "$signals/free" ]; do sleep 0.1; done
  rm "$disk/filler"
  touch "$signals/freed"
) &
exec "$@" --file "$disk/library.kurs"
'''

with tempfile.TemporaryDirectory(prefix="kurs-full-window-") as folder:
    disk = os.path.join(folder, "disk")
    signals = os.path.join(folder, "signals")
    os.mkdir(signals)
    draft = cli("--file", library, "list").stdout.split("\n")[0].split("\t")[0]
    kurs = Kurs(None, wrapper=[*namespace, "sh", "-c", WINDOW, "sh", disk, library, signals],
                extra_args=("--strategy", draft))
    open(os.path.join(signals, "fill"), "w").close()
    check(wait_for(lambda: os.path.exists(os.path.join(signals, "filled"))), "the disk fills up")

    typed = "Strategi skrevet på en fuld disk"
    kurs.type_into("Title", typed)
    check(kurs.find("label", contains="The disk is full, so what you typed is not saved yet") is not None,
          "what is typed on a full disk is said to be not saved")
    check(kurs.find("push button", contains="Copy Text") is not None, "with the text to copy")
    field = kurs.find("text", name="Title")
    shown = field.queryText().getText(0, field.queryText().characterCount) if field is not None else None
    print(f"# the field shows {shown!r}")
    check(shown == typed, "and it stays as typed")
    kurs.screenshot("en-full-disk")

    open(os.path.join(signals, "free"), "w").close()
    check(wait_for(lambda: os.path.exists(os.path.join(signals, "freed"))), "room again")
    check(kurs.find("label", name="What you typed is saved", timeout=10) is not None,
          "it is saved at the next try, and said to be")
    kurs.quit()

finish()
