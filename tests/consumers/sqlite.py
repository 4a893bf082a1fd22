"""The database read by Debian's sqlite3 command-line shell.

/usr/bin/python3 tests/consumers/sqlite.py DIST
PRAGMA integrity_check, PRAGMA foreign_key_check (with foreign keys on), the
row count of every table against its CSV file, and a full-text query.
Prints one JSON line per check.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

dist = sys.argv[1]
DATABASE = os.path.join(dist, "overseas-police-stations.sqlite")
package = json.load(open(os.path.join(dist, "datapackage.json"), encoding="utf-8"))


def report(check, ok, detail=""):
    print(json.dumps({"check": check, "ok": bool(ok), "detail": detail}, ensure_ascii=False), flush=True)


def sql(query, database=DATABASE, readonly=True):
    run = subprocess.run(["sqlite3", *(["-readonly"] if readonly else []), "-batch", "-noheader", database, query], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip())
    return run.stdout.strip()


try:
    integrity = sql("PRAGMA integrity_check;")
    report("sqlite3: PRAGMA integrity_check is ok", integrity == "ok", integrity[:200])
    dangling = sql("PRAGMA foreign_keys = ON; PRAGMA foreign_key_check;")
    report("sqlite3: PRAGMA foreign_key_check finds nothing", dangling == "", dangling[:200])
except RuntimeError as error:
    report("sqlite3 opens the database", False, str(error))
    sys.exit(0)

problems = []
for resource in package["resources"]:
    if not resource["path"].startswith("csv/"):
        continue
    with open(os.path.join(dist, resource["path"]), encoding="utf-8", newline="") as handle:
        expected = sum(1 for _ in csv.reader(handle)) - 1
    table = resource["name"].replace("-", "_")
    try:
        count = int(sql(f'SELECT count(*) FROM "{table}";'))
    except RuntimeError as error:
        problems.append(f"{table}: {error}")
        continue
    if count != expected:
        problems.append(f"{table}: {count} rows, the CSV has {expected}")
report("sqlite3: every table has as many rows as its CSV file", not problems, "; ".join(problems[:5]))

try:
    hits = sql("SELECT s.id FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid WHERE statements_fts MATCH 'polizia OR police' ORDER BY s.id;").splitlines()
    report("sqlite3: a full-text query on statements (FTS5) finds statements", len(hits) > 0, f"{len(hits)} hits")
    folded = sql("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'piu';")
    accented = sql("SELECT count(*) FROM statements WHERE text LIKE '%più%';")
    report("sqlite3: full-text search folds accents (piu finds più)", int(folded) >= 1 if int(accented) else True, f"{folded} vs {accented}")
except RuntimeError as error:
    report("sqlite3: a full-text query on statements (FTS5) runs", False, str(error))

# The failing fixture: a copy with a dangling reference and a missing row must fail the checks.
broken = os.path.join(tempfile.mkdtemp(prefix="ops-sqlite-"), "broken.sqlite")
shutil.copyfile(DATABASE, broken)
sql("PRAGMA foreign_keys = OFF; UPDATE station_events SET station_id = 'no-such-station' WHERE rowid = (SELECT min(rowid) FROM station_events); DELETE FROM actors WHERE rowid = (SELECT max(rowid) FROM actors WHERE id NOT IN (SELECT member_of FROM actors WHERE member_of IS NOT NULL));", broken, readonly=False)
caught = sql("PRAGMA foreign_key_check;", broken)
report("the foreign-key check fails a database with a dangling reference", "station_events" in caught, caught[:200])
count = int(sql("SELECT count(*) FROM actors;", broken))
report("the row-count check fails a database with a missing row", count != int(sql("SELECT count(*) FROM actors;")), f"{count}")
os.remove(broken)

types = sql("SELECT DISTINCT typeof(date) FROM agreement_signings WHERE date IS NOT NULL;")
report("sqlite3: dates are TEXT", types == "text", types)
