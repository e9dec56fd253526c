"""Fill an outcome workbook through its defined names and table names, as a
partner's script or a second spreadsheet writer would, and save it.

usage: fill.py SPEC.json IN.xlsx OUT.xlsx

SPEC: {"names": {"op_x": VALUE}, "tables": {"NextSteps": [[VALUE|null, ...], ...]}}
VALUE: {"s": "text"} | {"n": 12} | {"d": "2027-08-05"} | {"f": "=TRUE()"}
Table rows fill the table from its first data row on; rows past the table's
range are written below it without extending it, as partners do.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries, get_column_letter


def value(v):
    if v is None:
        return None
    if "s" in v:
        return v["s"]
    if "n" in v:
        return v["n"]
    if "d" in v:
        return datetime.datetime.strptime(v["d"], "%Y-%m-%d")
    if "f" in v:
        return v["f"]
    raise ValueError(v)


def defined_names(wb):
    dn = wb.defined_names
    if hasattr(dn, "definedName"):  # openpyxl < 3.1
        return {d.name: d for d in dn.definedName}
    return dict(dn.items())


def main():
    spec_path, src, dst = sys.argv[1:4]
    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    wb = openpyxl.load_workbook(src)
    names = defined_names(wb)
    for name, v in spec.get("names", {}).items():
        for sheet, coord in names[name].destinations:
            cell = wb[sheet][coord.replace("$", "")]
            cell.value = value(v)
            if v is not None and "d" in v:
                cell.number_format = "yyyy-mm-dd"
    tables = {}
    for ws in wb.worksheets:
        for tname, t in ws.tables.items():
            tables[tname] = (ws, t.ref if hasattr(t, "ref") else t)
    for tname, rows in spec.get("tables", {}).items():
        ws, ref = tables[tname]
        c1, r1, c2, r2 = range_boundaries(ref)
        for i, row in enumerate(rows):
            if row is None:
                continue
            for j, v in enumerate(row):
                if v is None:
                    continue
                cell = ws["%s%d" % (get_column_letter(c1 + j), r1 + 1 + i)]
                cell.value = value(v)
                if "d" in v:
                    cell.number_format = "yyyy-mm-dd"
    wb.save(dst)


if __name__ == "__main__":
    main()
