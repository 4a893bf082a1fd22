"""Round trip through LibreOffice Calc: CSV (UTF-8 import filter) → .xlsx → CSV.

/usr/bin/python3 tests/consumers/libreoffice.py WORKDIR CSV [CSV …]
Each CSV is converted to .xlsx and back; every text cell must come back as it
went in (after the apostrophe rule for cells neutralised against formulas), and
no cell may have been evaluated as a formula. Prints one JSON line per file.
"""
import csv
import json
import os
import re
import subprocess
import sys

work, files = sys.argv[1], sys.argv[2:]
os.makedirs(os.path.join(work, "xlsx"), exist_ok=True)
os.makedirs(os.path.join(work, "back"), exist_ok=True)
profile = "file://" + os.path.join(work, "profile")
base = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore"]
# Tokens: comma, double quote, UTF-8, from line 1, default column types, English (US), quoted fields as text
# (so a printed figure such as "330,000" stays text, as the README tells spreadsheet users to do).
subprocess.run(base + ["--infilter=CSV:44,34,76,1,,1033,true", "--convert-to", "xlsx", "--outdir", os.path.join(work, "xlsx"), *files], check=True, capture_output=True, timeout=300)
xlsx = [os.path.join(work, "xlsx", os.path.basename(f)[:-4] + ".xlsx") for f in files]
subprocess.run(base + ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir", os.path.join(work, "back"), *xlsx], check=True, capture_output=True, timeout=300)

PREFIXED = re.compile(r"^'+[=+\-@\t\r]")


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


for original in files:
    name = os.path.basename(original)
    back = os.path.join(work, "back", name)
    if not os.path.exists(back):
        print(json.dumps({"check": f"LibreOffice round trip of {name}", "ok": False, "detail": "no CSV came back"}), flush=True)
        continue
    before, after = rows(original), rows(back)
    problems = []
    numeric = re.compile(r"^-?\d+(\.\d+)?$")
    for r, (row_in, row_out) in enumerate(zip(before, after)):
        for c, cell in enumerate(row_in):
            out = row_out[c] if c < len(row_out) else ""
            if numeric.match(cell) or cell in ("true", "false", ""):
                continue  # numbers and booleans may be re-formatted by the spreadsheet; text must not change
            expected = cell[1:] if PREFIXED.match(cell) else cell
            if out not in (cell, expected):
                problems.append(f"row {r + 1} column {c + 1}: {cell[:40]!r} came back as {out[:40]!r}")
    if len(before) != len(after):
        problems.append(f"{len(before)} rows in, {len(after)} rows out")
    print(json.dumps({"check": f"LibreOffice round trip of {name}: text intact, nothing evaluated", "ok": not problems, "detail": "; ".join(problems[:3])}, ensure_ascii=False), flush=True)
