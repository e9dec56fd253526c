#!/usr/bin/python3
"""The consolidation a member of staff would script with pandas and openpyxl.

scripts/bench runs it on the same returns as `opkit consolidate`, to compare
the two. For every workbook in RETURNS_DIR it reads the values behind the
workbook's op_* defined names and every table (the Opportunities,
Challenges, NextSteps and CasesRaised tables) with openpyxl, collects them in
pandas DataFrames (one row per return; one row per table row, with the
country code), and writes them to OUT.xlsx, one sheet each. It checks nothing,
anonymises nothing and writes no PDF: it is the floor of what the scripted
alternative does, so the comparison flatters it.

    /usr/bin/python3 scripts/consolidate_pandas.py RETURNS_DIR OUT.xlsx

Needs Debian's python3-pandas and python3-openpyxl (/usr/bin/python3; the
pyenv python3 on PATH has neither).
"""
import os
import sys

import openpyxl
import pandas as pd
from openpyxl.utils.cell import range_boundaries


def defined_names(wb):
    dn = wb.defined_names
    if hasattr(dn, "items"):  # openpyxl >= 3.1
        return list(dn.items())
    return [(d.name, d) for d in dn.definedName]  # openpyxl 3.0


def read_return(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    scalars = {"file": os.path.basename(path)}
    for name, d in defined_names(wb):
        if not name.startswith("op_"):
            continue
        for sheet, ref in d.destinations:
            cell = wb[sheet][ref.replace("$", "").split(":")[0]]
            scalars[name] = cell.value
    tables = {}
    for ws in wb.worksheets:
        for name, t in ws.tables.items():
            ref = t.ref if hasattr(t, "ref") else t
            c1, r1, c2, r2 = range_boundaries(ref)
            rows = list(ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2, values_only=True))
            header, body = [str(h) for h in rows[0]], rows[1:]
            body = [r for r in body if any(v not in (None, "") for v in r)]
            tables[name] = pd.DataFrame(body, columns=header)
    wb.close()
    return scalars, tables


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: consolidate_pandas.py RETURNS_DIR OUT.xlsx")
    src, out = sys.argv[1], sys.argv[2]
    rows, parts = [], {}
    for f in sorted(os.listdir(src)):
        if not f.lower().endswith(".xlsx") or f.startswith("."):
            continue
        scalars, tables = read_return(os.path.join(src, f))
        rows.append(scalars)
        for name, df in tables.items():
            df.insert(0, "country", scalars.get("op_country_code"))
            parts.setdefault(name, []).append(df)
    with pd.ExcelWriter(out, engine="openpyxl") as xw:
        pd.DataFrame(rows).to_excel(xw, sheet_name="Returns", index=False)
        for name in sorted(parts):
            pd.concat(parts[name], ignore_index=True).to_excel(xw, sheet_name=name[:31], index=False)
    print(f"{len(rows)} returns, {sum(len(p) for p in parts.values())} table parts -> {out}")


if __name__ == "__main__":
    main()
