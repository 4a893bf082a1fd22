"""pandas reads the three overviews: declared columns and types, one row per record in the
order of the JSON data, names (not ids) for people and bodies, and a site page for every row.

Run with Debian's Python: /usr/bin/python3 tests/consumers/overviews.py DIST
Prints one JSON line per check: {"check": ..., "ok": true|false, "detail": ...}.
"""
import json
import os
import re
import sys

import pandas as pd

dist = sys.argv[1]
package = json.load(open(os.path.join(dist, "datapackage.json"), encoding="utf-8"))
resources = {r["name"]: r for r in package["resources"]}
home = package["homepage"]


def report(check, ok, detail=""):
    print(json.dumps({"check": check, "ok": bool(ok), "detail": detail}, ensure_ascii=False), flush=True)


def records(collection):
    return json.load(open(os.path.join(dist, "data", f"{collection}.json"), encoding="utf-8"))


DTYPES = {"string": "string", "list": "string", "integer": "Int64", "number": "float64", "boolean": "string"}
actors = {a["id"]: a for a in records("actors")}
actor_names = {a["name"] for a in actors.values()}

overviews = [
    ("stations-overview", "stations", lambda r: f"{home}stations/{r['id']}.html"),
    ("statements-overview", "statements", lambda r: f"{home}statements/{r['id']}.html"),
    ("figures-overview", "figures", lambda r: f"{home}figures.html#{r['id']}"),
]
frames = {}
for name, collection, page in overviews:
    resource = resources.get(name)
    if resource is None:
        report(f"datapackage.json describes {name}", False)
        continue
    fields = resource["schema"]["fields"]
    try:
        frame = pd.read_csv(os.path.join(dist, resource["path"]), encoding="utf-8", keep_default_na=False, na_values=[""],
                            dtype={f["name"]: DTYPES[f["type"]] for f in fields})
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        report(f"pandas reads {resource['path']} with the declared types", False, repr(error))
        continue
    frames[name] = frame
    report(f"pandas reads {resource['path']} with exactly the declared columns", list(frame.columns) == [f["name"] for f in fields])
    data = records(collection)
    report(f"pandas finds one row per record of {collection}, in order", list(frame["id"]) == [r["id"] for r in data], f"{len(frame)} rows, {len(data)} records")
    required = [f["name"] for f in fields if f.get("constraints", {}).get("required")]
    empty = [c for c in required if frame[c].isna().any()]
    report(f"{name}: no required column is empty", not empty, ", ".join(empty))
    numbers = [f["name"] for f in fields if f["type"] in ("number", "integer")]
    report(f"{name}: number columns are numeric in pandas", all(pd.api.types.is_numeric_dtype(frame[c]) for c in numbers), ", ".join(numbers))
    pages = [page(r) for r in data]
    report(f"{name}: every row links its page on the site", list(frame["page"]) == pages, pages[0] if pages else "")
    report(f"{name}: every row has its main source's URL", frame["source_url"].notna().all() and frame["source_url"].str.startswith("http").all())

if "stations-overview" in frames:
    frame = frames["stations-overview"]
    listed = {name for cell in frame["reported_by"].dropna() for name in cell.split("; ")}
    report("stations-overview names the reporters (actor names, not ids)", listed and listed <= actor_names, ", ".join(sorted(listed - actor_names))[:200])
    listed = {name for cell in frame["operators"].dropna() for name in cell.split("; ")}
    report("stations-overview names the operators (actor names, not ids)", listed and listed <= actor_names, ", ".join(sorted(listed - actor_names))[:200])
    report("stations-overview gives a country name beside each code", frame["country"].notna().all() and (frame["country"].str.len() > 2).all())
    italy = frame[frame["country_code"] == "IT"]
    report("stations-overview: the Italian stations are in Italy", len(italy) > 0 and set(italy["country"]) == {"Italy"})

if "statements-overview" in frames:
    frame = frames["statements-overview"]
    data = records("statements")
    report("statements-overview names each speaker", list(frame["speaker"]) == [actors[s["speaker"]]["name"] for s in data])
    texts = [re.sub(r"^'(?='*[=+\-@\t\r])", "", t) for t in frame["text"]]
    report("statements-overview keeps the verbatim text (after the documented apostrophe rule)", texts == [s["text"] for s in data])

if "figures-overview" in frames:
    frame = frames["figures-overview"]
    data = records("figures")
    report("figures-overview keeps every value as a number", [float(v) for v in frame["value"]] == [float(f["value"]) for f in data])
    report("figures-overview names each claimant", list(frame["claimed_by"]) == [actors[f["claimed_by"]]["name"] for f in data])
