"""The workbook read by tools we did not write: openpyxl, and LibreOffice Calc.

/usr/bin/python3 tests/consumers/workbook.py DIST WORKDIR
Every table sheet of dist/overseas-police-stations.xlsx must hold the rows of
its CSV file: same header, same number of rows, every text cell equal (after
the CSV's apostrophe rule for cells neutralised against formulas), ids and
dates stored as text (never as date serials), numbers as numbers. Checked once
with openpyxl and once through LibreOffice (every sheet converted to CSV).
Prints one JSON line per check: {"check": ..., "ok": true|false, "detail": ...}.
"""
import csv
import datetime
import glob
import json
import os
import re
import subprocess
import sys

import openpyxl

dist, work = sys.argv[1], sys.argv[2]
WORKBOOK = os.path.join(dist, "overseas-police-stations.xlsx")
package = json.load(open(os.path.join(dist, "datapackage.json"), encoding="utf-8"))
resources = {r["name"]: r for r in package["resources"] if r["path"].startswith("csv/")}
PREFIXED = re.compile(r"^'+[=+\-@\t\r]")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d\d){0,2}$")


def report(check, ok, detail=""):
    print(json.dumps({"check": check, "ok": bool(ok), "detail": detail}, ensure_ascii=False), flush=True)


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def plain(cell):
    """The text a CSV cell stands for: one apostrophe removed from a neutralised formula-like cell."""
    return cell[1:] if PREFIXED.match(cell) else cell


def is_date_field(field):
    return "pattern" in field.get("constraints", {}) and "\\d{4}" in field["constraints"]["pattern"]


def check_openpyxl(path, say):
    book = openpyxl.load_workbook(path, read_only=False)
    say("openpyxl opens the workbook; the first sheet is the cover sheet", book.sheetnames[0] == "About", ", ".join(book.sheetnames[:3]))
    cover = "\n".join(str(c.value) for row in book["About"].iter_rows() for c in row if c.value is not None)
    say("the cover sheet gives version, licence and how to cite", package["version"] in cover and "Creative Commons" in cover and "How to cite" in cover)
    for name, resource in resources.items():
        if name not in book.sheetnames:
            say(f"openpyxl finds sheet {name}", False, "missing")
            continue
        sheet = book[name]
        fields = resource["schema"]["fields"]
        rows = csv_rows(os.path.join(dist, resource["path"]))
        values = list(sheet.iter_rows())
        problems = []
        if [c.value for c in values[0]] != rows[0]:
            problems.append(f"header {[c.value for c in values[0]][:3]}…")
        if len(values) != len(rows):
            problems.append(f"{len(values) - 1} rows, CSV has {len(rows) - 1}")
        if sheet.freeze_panes != "A2":
            problems.append(f"header not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref:
            problems.append("no autofilter")
        for r, (cells, expected) in enumerate(zip(values[1:], rows[1:]), start=2):
            for field, cell, text in zip(fields, cells, expected):
                if text == "":
                    if cell.value not in (None, ""):
                        problems.append(f"{field['name']} row {r}: {cell.value!r} where the CSV is empty")
                    continue
                if field["type"] in ("number", "integer"):
                    if not isinstance(cell.value, (int, float)) or float(cell.value) != float(text):
                        problems.append(f"{field['name']} row {r}: {cell.value!r} is not the number {text}")
                elif field["type"] == "boolean":
                    if cell.value is not (text == "true"):
                        problems.append(f"{field['name']} row {r}: {cell.value!r} is not {text}")
                else:
                    if cell.data_type != "s" or cell.value != plain(text):
                        problems.append(f"{field['name']} row {r}: {cell.value!r} ({cell.data_type}) is not the text {plain(text)[:30]!r}")
                    if is_date_field(field) and not (isinstance(cell.value, str) and PARTIAL_DATE.match(cell.value)):
                        problems.append(f"{field['name']} row {r}: date {cell.value!r} is not text")
            if len(problems) > 5:
                break
        say(f"openpyxl: sheet {name} holds the rows of {resource['path']}, dates and ids as text, numbers as numbers", not problems, "; ".join(problems[:3]))
        urls = [f for f in fields if f.get("format") == "uri"]
        if urls:
            column = fields.index(urls[0])
            linked = [c[column] for c in values[1:] if c[column].value]
            say(f"openpyxl: sheet {name} has {urls[0]['name']} as hyperlinks", linked and all(c.hyperlink is not None and c.hyperlink.target == c.value for c in linked))


def check_libreoffice(path, say, tag):
    """Every sheet to CSV through LibreOffice (cell content as shown, so a date serial would come back as a formatted date)."""
    out = os.path.join(work, f"workbook-csv-{tag}")
    os.makedirs(out, exist_ok=True)
    profile = "file://" + os.path.join(work, "profile-workbook")
    # Token 9 "true": cell content as shown; token 12 "-1": every sheet, to <name>-<sheet>.csv.
    options = "44,34,76,1,,0,false,true,true,false,false,-1"
    run = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", out, path], capture_output=True, timeout=600)
    stem = os.path.basename(path)[:-5] + "-"
    files = {os.path.basename(p)[len(stem):-4]: p for p in glob.glob(os.path.join(out, stem + "*.csv"))}
    say("LibreOffice converts every sheet of the workbook", run.returncode == 0 and all(n in files for n in resources), run.stderr.decode()[-200:] if run.returncode else ", ".join(n for n in resources if n not in files)[:200])
    for name, resource in resources.items():
        if name not in files:
            continue
        fields = resource["schema"]["fields"]
        before, after = csv_rows(os.path.join(dist, resource["path"])), csv_rows(files[name])
        problems = []
        if len(before) != len(after):
            problems.append(f"{len(before)} rows in the CSV, {len(after)} from LibreOffice")
        for r, (row_in, row_out) in enumerate(zip(before, after), start=1):
            for field, cell, out_cell in zip(fields, row_in, row_out + [""] * (len(row_in) - len(row_out))):
                if field["type"] in ("number", "integer", "boolean") and r > 1:
                    continue  # shown with the spreadsheet's number format
                if out_cell != plain(cell):
                    problems.append(f"row {r} {field['name']}: {plain(cell)[:30]!r} came back as {out_cell[:30]!r}")
        say(f"LibreOffice: sheet {name} gives back the text of {resource['path']} (dates still text)", not problems, "; ".join(problems[:3]))


check_openpyxl(WORKBOOK, report)
check_libreoffice(WORKBOOK, report, "release")

# The failing fixture: the same workbook with one partial date turned into a date serial must fail both checks.
broken = openpyxl.load_workbook(WORKBOOK)
events = broken["events"]
date_column = [c.value for c in events[1]].index("date") + 1
events.cell(row=2, column=date_column).value = datetime.datetime(2022, 12, 1)
events.cell(row=2, column=date_column).number_format = "yyyy-mm-dd"
broken_path = os.path.join(work, "date-serial.xlsx")
broken.save(broken_path)
failures = []
check_openpyxl(broken_path, lambda check, ok, detail="": failures.append(check) if not ok else None)
report("the openpyxl check fails a workbook with a date serial", any("sheet events" in f for f in failures), "; ".join(failures))
failures = []
check_libreoffice(broken_path, lambda check, ok, detail="": failures.append(check) if not ok else None, "broken")
report("the LibreOffice check fails a workbook with a date serial", any("sheet events" in f for f in failures), "; ".join(failures))
