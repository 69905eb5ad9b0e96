# SPDX-License-Identifier: GPL-3.0-or-later
"""Council-ready documents, checked by the programs people open them with.

kurs-cli writes the strategy and a hearing summary as OpenDocument texts
and the action plans as a spreadsheet; LibreOffice (headless) turns the
texts into PDF and the spreadsheet into CSV, and what comes out is read:
the headings, the Danish text exactly as typed, every initiative, dates
and numbers as values.  Then the window does the same through its menu
and the save chooser, driven over AT-SPI."""

import csv
import glob
import os
import shutil
import subprocess
import tempfile
import time
import zipfile

from kurs_e2e import Kurs, check, cli, finish, library_path, query, wait_for

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

library = library_path()
folder = os.path.dirname(library)
strategy = cli("--file", library, "example").stdout.strip()
check(strategy != "", "the example is in the library")

# What the consultant typed, with Danish letters and a run of spaces, in
# a new revision's draft
VISION = "Vi vil et Ballerup, hvor udsatte borgere får  et godt liv – også på Ærø og i Åbenrå."
cli("--file", library, "status", strategy, "draft")
changed = cli("--file", library, "set", strategy, "focus_area", "1", f"description={VISION}")
check(changed.returncode == 0, f"the draft's first focus area is changed: {changed.stderr!r}")

STRATEGY_ID = query(library, "SELECT id FROM strategy WHERE title = 'Strategi for udsatte borgere'")[0][0]
initiatives = [row[0] for row in query(library, "SELECT i.title FROM initiative i JOIN action_plan p "
                                                f"ON p.id = i.action_plan_id WHERE p.strategy_id = {STRATEGY_ID}")]
check(len(initiatives) >= 5, f"the example has initiatives: {len(initiatives)}")

odt = os.path.join(folder, "strategi.odt")
summary = os.path.join(folder, "høringsnotat.odt")
xlsx = os.path.join(folder, "handleplaner.xlsx")

# The latest approved version is the default; the draft when asked for
run = cli("--file", library, "export-odt", strategy, "--draft", "-o", odt)
check(run.returncode == 0 and os.path.exists(odt), f"export-odt --draft writes the document: {run.stderr!r}")
rounds = cli("--file", library, "hearing", strategy).stdout.split()
round_id = rounds[0] if rounds else "1"
run = cli("--file", library, "hearing-summary", strategy, round_id, "-o", summary)
check(run.returncode == 0 and os.path.exists(summary), f"hearing-summary writes .odt by its name: {run.stderr!r}")
run = cli("--file", library, "export-sheet", strategy, "-o", xlsx)
check(run.returncode == 0 and os.path.exists(xlsx), f"export-sheet writes the spreadsheet: {run.stderr!r}")

# Bad conditions: one line, exit 1, no file
never = cli("--file", library, "new", "--title", "Klimastrategi", "--period", "2027-2030").stdout.strip()
missing = os.path.join(folder, "aldrig.odt")
run = cli("--file", library, "export-odt", never, "-o", missing)
check(run.returncode == 1 and "no approved version" in run.stderr and len(run.stderr.strip().splitlines()) == 1,
      f"a strategy never approved, without --draft: one line, exit 1: {run.stderr!r}")
check(not os.path.exists(missing), "and no file")
run = cli("--file", library, "export-odt", strategy, "-o", "/proc/kurs/strategi.odt")
check(run.returncode == 1 and "could not be written" in run.stderr, f"a path that cannot be written: {run.stderr!r}")
run = cli("--file", library, "export-sheet", strategy, "-o", "/proc/kurs/ark.xlsx")
check(run.returncode == 1 and "could not be written" in run.stderr, f"nor a spreadsheet: {run.stderr!r}")
run = cli("--file", library, "hearing-summary", strategy, round_id, "-o", os.path.join(folder, "notat.txt"))
check(run.returncode == 2, "a hearing summary of another kind of file is a usage error")

# The package's own rules
with zipfile.ZipFile(odt) as package:
    first = package.infolist()[0]
    check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED,
          "mimetype is the first entry, stored")
    check(package.read("mimetype") == b"application/vnd.oasis.opendocument.text", "and says what it is")
    check(package.testzip() is None, "every entry reads back")


def soffice(*args, outdir):
    """LibreOffice without its GUI, with a profile of its own"""
    profile = tempfile.mkdtemp(prefix="kurs-lo-")
    try:
        run = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                              *args, "--outdir", outdir], capture_output=True, text=True, timeout=180)
        print("# " + (run.stdout + run.stderr).replace("\n", "\n# "), flush=True)
        return run.returncode
    finally:
        shutil.rmtree(profile, ignore_errors=True)


check(SOFFICE is not None, "LibreOffice is installed")
out = os.path.join(folder, "libreoffice")
os.makedirs(out)

# The texts, as PDF, read by pdftotext
soffice("--convert-to", "pdf", odt, summary, outdir=out)
strategy_pdf = os.path.join(out, "strategi.pdf")
summary_pdf = os.path.join(out, "høringsnotat.pdf")
check(os.path.exists(strategy_pdf), "LibreOffice opens the strategy and makes a PDF of it")
check(os.path.exists(summary_pdf), "and the hearing summary")


def pdf_text(path, *options):
    if not os.path.exists(path):
        return ""
    return subprocess.run(["pdftotext", *options, path, "-"], capture_output=True, text=True).stdout


text = pdf_text(strategy_pdf)
flat = " ".join(text.split())
for heading in ["Strategi for udsatte borgere", "Vision", "Target Group", "Focus Areas", "Development Goals",
                "Indicators", "Action Plans", "Timeline"]:
    check(heading in text, f"the strategy has “{heading}”")
check(" ".join(VISION.split()) in flat, "the focus area's Danish text is there as typed")
# in the order LibreOffice wrote them: a table's cells one after another
flat_raw = " ".join(pdf_text(strategy_pdf, "-raw").split())
missing_initiatives = [title for title in initiatives if " ".join(title.split()) not in flat_raw]
check(not missing_initiatives, f"every initiative is there: missing {missing_initiatives}")
pages = subprocess.run(["pdfinfo", strategy_pdf], capture_output=True, text=True).stdout if os.path.exists(strategy_pdf) else ""
check("Pages:" in pages and int(pages.split("Pages:")[1].split()[0]) >= 4, "over several pages")

summary_text = pdf_text(summary_pdf)
check("Hearing Summary" in summary_text and "Responses and Their Handling" in summary_text,
      "the hearing summary has its headings")
responses = [row[0] for row in query(library, "SELECT response_text FROM hearing_party WHERE response_text != ''")]
flat_summary = " ".join(summary_text.split())
check(responses and all(" ".join(r.split())[:60] in flat_summary for r in responses),
      "with each response as typed")

# The spreadsheet, every sheet as CSV
soffice("--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', xlsx,
        outdir=out)
sheets = sorted(glob.glob(os.path.join(out, "handleplaner-*.csv")))
names = [os.path.basename(s)[len("handleplaner-"):-4] for s in sheets]
print(f"# sheets: {names}", flush=True)
plans = [row[0] for row in query(library, f"SELECT title FROM action_plan WHERE strategy_id = {STRATEGY_ID}")]
check(all(plan in names for plan in plans), f"a sheet for each action plan: {plans}")
check("Key Figures" in names and "Milestones" in names, "and for key figures and milestones")

rows = []
for sheet in sheets:
    if os.path.basename(sheet)[len("handleplaner-"):-4] in plans:
        with open(sheet, newline="") as f:
            rows += list(csv.reader(f))[1:]
titles = [row[0] for row in rows]
check(sorted(titles) == sorted(initiatives), "every initiative is a row")
check(rows and all(len(row[2]) == 10 and row[2][4] == "-" for row in rows if row[2]),
      "start dates are dates (shown as dates, not day numbers)")
check(rows and all(row[6].endswith("%") and row[6][:-1].isdigit() for row in rows), "progress is a percentage")
with open(os.path.join(out, "handleplaner-Key Figures.csv"), newline="") as f:
    figures = list(csv.reader(f))[1:]
check(figures and all(float(row[3]) == float(row[3]) for row in figures), "key figures are numbers")

# The same from the window: the strategy menu, the save chooser, a toast
window_odt = os.path.join(folder, "fra-vinduet.odt")
kurs = Kurs(library, extra_args=("--strategy", strategy))
# F10 opens the main menu; D is Export as _Document…
kurs.key("F10")
item = kurs.find("menu item", name="Export as Document…", timeout=5)
check(item is not None, "the main menu has Export as Document…")
if item is not None:
    kurs.key("d")
    name = kurs.find("text", name="Name:", timeout=10)
    check(name is not None, "a save chooser asks for the name")
    if name is not None:
        suggested = name.queryText()
        suggested = suggested.getText(0, suggested.characterCount)
        check(suggested == "Strategi for udsatte borgere (draft).odt", f"suggesting a draft's name: {suggested!r}")
        kurs.screenshot("export-document-chooser", window=(kurs.window_ids() or [None])[-1])
        name.queryEditableText().setTextContents(window_odt)
        # Enter in the name is Export
        kurs.key("Return")
        check(wait_for(lambda: os.path.exists(window_odt), timeout=30), "the window writes the document")
        check(kurs.find(contains="Exported to “fra-vinduet.odt”", timeout=15) is not None, "and says so")
        with zipfile.ZipFile(window_odt) as package:
            content = package.read("content.xml").decode()
        check("Ærø og i Åbenrå" in content, "with the draft's text")
        kurs.screenshot("export-document-done")

# The spreadsheet: F10, then S for Export as _Spreadsheet…
window_xlsx = os.path.join(folder, "fra-vinduet.xlsx")
kurs.key("F10")
check(kurs.find("menu item", name="Export as Spreadsheet…", timeout=5) is not None,
      "the main menu has Export as Spreadsheet…")
kurs.key("s")
name = kurs.find("text", name="Name:", timeout=10)
check(name is not None, "a save chooser asks for the spreadsheet's name")
if name is not None:
    name.queryEditableText().setTextContents(window_xlsx)
    kurs.key("Return")
    check(wait_for(lambda: os.path.exists(window_xlsx), timeout=30), "the window writes the spreadsheet")
    if os.path.exists(window_xlsx):
        with zipfile.ZipFile(window_xlsx) as package:
            check("Handleplan 2023–24" in package.read("xl/workbook.xml").decode(), "with a sheet for each plan")

# The hearing summary, from the Hearings page
window_summary = os.path.join(folder, "høringsnotat-fra-vinduet.odt")
kurs.page(9)
# the round's row under Hearing Rounds, opened by its action
rounds = [r for r in kurs.find_all("list item") if "Høring om udkast" in (r.name or "")
          and r.queryAction().nActions > 0]
check(len(rounds) == 1, "the Hearings page lists the round")
if rounds:
    action = rounds[0].queryAction()
    action.doAction([action.getName(i) for i in range(action.nActions)].index("row.toggle"))
    time.sleep(0.5)
kurs.screenshot("hearings-round")
kurs.press(contains="Export Summary")
name = kurs.find("text", name="Name:", timeout=10)
check(name is not None, "Export Summary… asks where to save")
if name is not None:
    suggested = name.queryText()
    suggested = suggested.getText(0, suggested.characterCount)
    check(suggested.startswith("Hearing summary – ") and suggested.endswith(".odt"),
          f"suggesting the round's name: {suggested!r}")
    name.queryEditableText().setTextContents(window_summary)
    kurs.key("Return")
    check(wait_for(lambda: os.path.exists(window_summary), timeout=30), "the page writes the summary")
    check(kurs.find(contains="Exported to “høringsnotat-fra-vinduet.odt”", timeout=15) is not None, "and says so")
    kurs.screenshot("export-summary-done")
kurs.quit()

finish()
