# SPDX-License-Identifier: GPL-3.0-or-later
"""Approving through the window: the dialog, a frozen version, a read-only
text with a banner saying so, and a new revision."""

import time

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

library = library_path()
cli("--file", library, "new", "--title", "Strategi for udsatte borgere", "--period", "2022-2029",
    "--committee", "Socialudvalget")
kurs = Kurs(library)

kurs.press(name="Send to _Hearing Send to Hearing")
check(query(library, "SELECT status FROM strategy") == [("in-hearing",)], "Send to Hearing sets the status")

kurs.press(contains="Approve…")
dialog = kurs.find("label", name="Approve Strategy?")
check(dialog is not None, "Approve… asks first")
ids = kurs.window_ids()
if len(ids) > 1:
    kurs.screenshot("en-approve-dialog", window=ids[-1])
# The dialog's own button, not the page's "Approve…"
kurs.press(where=lambda n: "Approve" in (n.name or "") and "…" not in (n.name or ""))
time.sleep(0.5)

check(query(library, "SELECT status FROM strategy") == [("approved",)], "the strategy is approved")
check(query(library, "SELECT number, approved_by FROM version") == [(1, "Socialudvalget")],
      "version 1 is frozen, approved by the committee")
check(kurs.find("label", contains="its text is frozen") is not None, "a banner says the text is frozen")
kurs.screenshot("en-approved")

# Read-only in behaviour, not only in looks: typing into the title changes nothing
before = query(library, "SELECT title FROM strategy")
kurs.type_into("Title", "XYZ")
time.sleep(1.0)
check(query(library, "SELECT title FROM strategy") == before, "the title can no longer be edited")

# …and typing into it is not silently ignored: the window says why, with
# the way to change it
def refusals():
    return len(kurs.find_all("label", name="The strategy is approved and its text is frozen; "
                                           "start a new revision to change it"))


# (the title set above through AT-SPI may have said so already, and a
# toast's label stays in the accessible tree after it is gone: the count
# is taken once it has settled, and a new message adds to it)
def settled_refusals():
    last = refusals()
    for _ in range(20):
        time.sleep(0.5)
        now = refusals()
        if now == last:
            return now
        last = now
    return last


kurs.page(2)
kurs.page(1)   # the focus in the page's first field, the title
before_typing = settled_refusals()
kurs.key("x")
# (on a loaded machine the page may take the focus after the first key;
# the key is refused either way, so a second is harmless)
if not wait_for(lambda: refusals() > before_typing, timeout=3):
    kurs.key("y")
check(wait_for(lambda: refusals() > before_typing, timeout=5), "typing into a frozen field says why it cannot change")
check(kurs.find("push button", contains="Start New Revision", timeout=2) is not None, "with the way to change it")
kurs.screenshot("en-approved-typing")

uuid = query(library, "SELECT uuid FROM strategy")[0][0]
exported = cli("--file", library, "export", uuid, "-o", "-")
check(exported.returncode == 0 and 'approved-by="Socialudvalget"' in exported.stdout,
      "the command line exports the approved version while the window is open")

# The approval is a decision of its own: Ctrl+Z does not take it back
kurs.key("ctrl+z")
check(query(library, "SELECT status FROM strategy") == [("approved",)], "Ctrl+Z does not undo the approval")
check(query(library, "SELECT count(*) FROM version") == [(1,)], "nor the version it froze")

kurs.press(contains="Start New Revision")
check(kurs.find("label", name="Start a New Revision?") is not None, "Start New Revision asks first")
check(query(library, "SELECT status FROM strategy") == [("approved",)], "and changes nothing before it is confirmed")
# The dialog's own button, not the page's "Start New Revision…"
kurs.press(where=lambda n: "Revision" in (n.name or "").replace("_", "") and "New" not in (n.name or ""))
time.sleep(0.5)
check(query(library, "SELECT status FROM strategy") == [("draft",)], "Start Revision returns it to draft")
check(query(library, "SELECT count(*) FROM version") == [(1,)], "and keeps version 1")
check(kurs.find("label", contains="This strategy is approved", timeout=1) is None, "the banner is gone")

# What changed since version 1: the draft renamed, compared over AT-SPI
kurs.type_into("Title", "Strategi for socialt udsatte borgere")
time.sleep(1.0)
check(query(library, "SELECT title FROM strategy") == [("Strategi for socialt udsatte borgere",)],
      "the new revision's title is saved")
def activate(where, what):
    """Does the first action of the node `where` finds, or of the first of
    its descendants that has one (a menu button's own button)"""
    node = kurs.find(where=where)
    check(node is not None, what)
    todo = [node]
    while todo:
        candidate = todo.pop(0)
        try:
            if candidate.queryAction().nActions > 0:
                candidate.queryAction().doAction(0)
                time.sleep(0.5)
                return
        except NotImplementedError:
            pass
        todo.extend(candidate[i] for i in range(candidate.childCount))
    check(False, what + " can be done")


activate(lambda n: (n.name or "") == "Compare version 1", "each version offers Compare…")
activate(lambda n: (n.name or "").replace("_", "") == "Compare with Draft", "Compare… offers Compare with Draft")
check(kurs.find("label", name="Changes Since Version 1") is not None, "Compare with Draft opens the changes")
change = kurs.find(contains="Changed: Strategi for socialt udsatte borgere")
check(change is not None, "the rename is a change, read by its name")
check(kurs.find("label", name="Vision and Basis") is not None, "in its section")
ids = kurs.window_ids()
if len(ids) > 1:
    kurs.screenshot("en-changes", window=ids[-1])
kurs.key("Escape")

kurs.quit()
finish()
