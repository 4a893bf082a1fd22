"""Checks of the built artifacts with independent consumers: pandas and Python's jsonschema.

Run with Debian's Python: /usr/bin/python3 tests/consumers/checks.py DIST
Prints one JSON line per check: {"check": ..., "ok": true|false, "detail": ...}.
"""
import copy
import json
import os
import sys

import jsonschema
import pandas as pd

dist = sys.argv[1]
package = json.load(open(os.path.join(dist, "datapackage.json"), encoding="utf-8"))
resources = {r["name"]: r for r in package["resources"] if r.get("type") == "table"}


def report(check, ok, detail=""):
    print(json.dumps({"check": check, "ok": bool(ok), "detail": detail}, ensure_ascii=False), flush=True)


frames = {}
for name, resource in resources.items():
    fields = resource["schema"]["fields"]
    try:
        frame = pd.read_csv(os.path.join(dist, resource["path"]), encoding="utf-8", keep_default_na=False, na_values=[""])
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        report(f"pandas reads {resource['path']}", False, repr(error))
        continue
    frames[name] = frame
    expected = [f["name"] for f in fields]
    report(f"pandas reads {resource['path']} with exactly the declared columns", list(frame.columns) == expected, f"{list(frame.columns)[:3]}…")
    problems = []
    for f in fields:
        if f["name"] not in frame.columns:
            problems.append(f"{f['name']} is missing")
            continue
        column = frame[f["name"]].dropna()
        if column.empty:
            continue
        if f["type"] in ("number", "integer") and not pd.api.types.is_numeric_dtype(column):
            problems.append(f"{f['name']} is not numeric")
        if f["type"] == "string" and (f["name"] == "id" or f["name"].endswith("_id")) and not all(isinstance(v, str) for v in column):
            problems.append(f"{f['name']} is not all strings")
    report(f"pandas types of {resource['path']}: numbers numeric, ids strings", not problems, "; ".join(problems))

for collection in ["sources", "actors", "stations", "agreements", "statements", "figures", "events"]:
    records = json.load(open(os.path.join(dist, "data", f"{collection}.json"), encoding="utf-8"))
    if collection in frames:
        report(f"pandas row count of {collection}.csv equals the JSON records", len(frames[collection]) == len(records), f"{len(frames[collection])} vs {len(records)}")

text_checks = [("stations", "name_original", "福州警侨事务海外服务站"), ("statements", "text", "più"), ("actors", "name", "Jan Lipavský")]
for table, column, needle in text_checks:
    found = table in frames and column in frames[table].columns and frames[table][column].astype(str).str.contains(needle, regex=False).any()
    report(f"Chinese and Italian text survive in {table}.{column} ({needle})", found)

for name, resource in resources.items():
    for fk in resource["schema"].get("foreignKeys", []):
        field = fk["fields"][0]
        target = fk["reference"]["resource"]
        if name not in frames or target not in frames or field not in frames[name].columns:
            report(f"foreign key {name}.{field} → {target}.id can be checked", False, "table or column missing")
            continue
        values = set(frames[name][field].dropna())
        missing = values - set(frames[target]["id"])
        report(f"foreign key {name}.{field} → {target}.id holds in pandas", not missing, ", ".join(sorted(missing)[:5]))

checker = jsonschema.FormatChecker()
for collection in ["sources", "actors", "stations", "agreements", "statements", "figures", "events"]:
    schema = json.load(open(os.path.join(dist, "schema", f"{collection}.schema.json"), encoding="utf-8"))
    records = json.load(open(os.path.join(dist, "data", f"{collection}.json"), encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
    errors = list(validator.iter_errors(records))
    report(f"jsonschema (Draft 2020-12, formats) accepts data/{collection}.json", not errors, errors[0].message[:200] if errors else "")
    broken = copy.deepcopy(records[:1])
    broken[0]["unexpected_key"] = True
    report(f"jsonschema rejects a {collection} record with an unknown key", not validator.is_valid(broken))
    missing = copy.deepcopy(records[:1])
    del missing[0]["id"]
    report(f"jsonschema rejects a {collection} record without an id", not validator.is_valid(missing))
