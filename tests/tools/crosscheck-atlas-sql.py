#!/usr/bin/env python3
"""Cross-checks hcl2json's model against the migration Atlas generated from the same HCL.

Usage: crosscheck-atlas-sql.py MODEL.json ATLAS.sql
Reads the CREATE TABLE statements Atlas wrote (one column per line) and compares, for every
column: the type text, NULL/NOT NULL, the default and (MySQL) the inline comment; and for
every table: the set of columns, the primary key, the index names and their columns. Prints
each difference; exit 1 if any. A check on the model, independent of our own emitter.
"""
import json, re, sys

model = json.load(open(sys.argv[1]))
sql = open(sys.argv[2]).read()
pg = model["dialect"] == "postgres"
q = '"' if pg else "`"
errs = []

tables, indexes = {}, {}
for m in re.finditer(r"CREATE TABLE (?:\"\w+\"\.)?" + q + r"(\w+)" + q + r" \(\n(.*?)\n\)", sql, re.S):
    cols, pk = {}, None
    for line in m.group(2).split("\n"):
        line = line.strip().rstrip(",")
        cm = re.match(q + r"(\w+)" + q + r" (.*)$", line)
        if cm:
            cols[cm.group(1)] = cm.group(2)
        pm = re.match(r"PRIMARY KEY \((.*)\)", line)
        if pm:
            pk = [c.strip().strip(q) for c in pm.group(1).split(",")]
    tables[m.group(1)] = (cols, pk)
    for im in re.finditer(r"^\s+(UNIQUE )?INDEX `(\w+)` \(([^)]*)\)", m.group(2), re.M):
        indexes[(m.group(1), im.group(2))] = (bool(im.group(1)), [c.strip().strip("`") for c in im.group(3).split(",")])

for m in re.finditer(r"CREATE (UNIQUE )?INDEX \"(\w+)\" ON (?:\"\w+\"\.)?\"(\w+)\" \((.*)\);", sql):
    indexes[(m.group(3), m.group(2))] = (bool(m.group(1)), [c.strip().strip('"') for c in m.group(4).split(",")])

def lit(c):
    d = c.get("default")
    if not d:
        return None
    v = d["value"]
    if d["kind"] == "expr":
        return v
    numeric = c["type"]["kind"] in ("integer", "decimal", "float", "bool", "bit", "serial")
    if numeric:
        return v
    if pg:
        return "'" + v.replace("'", "''") + "'"
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'

for s in model["schemas"]:
    for t in s["tables"]:
        if t["name"] not in tables:
            errs.append(f"table {t['name']}: not in Atlas's SQL")
            continue
        acols, apk = tables[t["name"]]
        if [c["name"] for c in t["columns"]] != list(acols):
            errs.append(f"table {t['name']}: columns {[c['name'] for c in t['columns']]} != {list(acols)}")
        for c in t["columns"]:
            text = acols.get(c["name"], "")
            want = c["type"]["sql"] if not c["type"].get("enum") else f"\"{c['type']['enum_schema']}\".\"{c['type']['enum']}\""
            if not text.startswith(want + " "):
                errs.append(f"{t['name']}.{c['name']}: type {want!r}, Atlas wrote {text!r}")
            nn = " NULL" if c["null"] else " NOT NULL"
            if nn + " " not in " " + text + " " and not text.endswith(nn):
                errs.append(f"{t['name']}.{c['name']}: nullability {nn.strip()!r}, Atlas wrote {text!r}")
            d = lit(c)
            if not pg and c["type"]["kind"] == "bool" and d in ("true", "false"):
                d = "1" if d == "true" else "0"  # MySQL keeps bool as tinyint(1)
            if d is not None and f" DEFAULT {d}" not in text:
                errs.append(f"{t['name']}.{c['name']}: default {d!r}, Atlas wrote {text!r}")
            if d is None and re.search(r"(?<!BY) DEFAULT ", text):
                errs.append(f"{t['name']}.{c['name']}: no default, Atlas wrote {text!r}")
            if not pg and c.get("comment") is not None and f'COMMENT "{c["comment"]}"' not in text:
                errs.append(f"{t['name']}.{c['name']}: comment {c['comment']!r}, Atlas wrote {text!r}")
            if pg and c.get("identity") and "GENERATED " + c["identity"]["generated"] + " AS IDENTITY" not in text:
                errs.append(f"{t['name']}.{c['name']}: identity, Atlas wrote {text!r}")
            if not pg and c.get("auto_increment") and "AUTO_INCREMENT" not in text:
                errs.append(f"{t['name']}.{c['name']}: auto_increment, Atlas wrote {text!r}")
        mpk = [p["column"] for p in t["primary_key"]["parts"]] if t.get("primary_key") else None
        if mpk != apk:
            errs.append(f"table {t['name']}: primary key {mpk} != {apk}")
        for ix in t["indexes"]:
            got = indexes.get((t["name"], ix["name"]))
            want = (ix["unique"], [p["column"] for p in ix["parts"]])
            if got != want:
                errs.append(f"index {ix['name']}: {want} != Atlas {got}")
model_tables = {t["name"] for s in model["schemas"] for t in s["tables"]}
for name in tables:
    if name not in model_tables:
        errs.append(f"table {name}: in Atlas's SQL, not in the model")
for e in errs:
    print(e)
sys.exit(1 if errs else 0)
