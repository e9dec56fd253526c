// Fill an outcome workbook through its defined names with ExcelJS, as a
// staff script would, and save it with ExcelJS.
//
// usage: node fill.js SPEC.json IN.xlsx OUT.xlsx
//
// SPEC: {"names": {"op_x": VALUE}, "tables": {"NextSteps": [[VALUE|null, ...]|null, ...]}}
// VALUE: {"s": "text"} | {"n": 12} | {"d": "2027-08-05"}
// A table's rows start below its header, found through the defined name
// opkit writes over its range (op_table_NAME); rows past the range are
// written below it without extending it, as partners do.
'use strict';
const fs = require('fs');
const ExcelJS = require('exceljs');

function value(v) {
  if (v === null || v === undefined) return null;
  if ('s' in v) return v.s;
  if ('n' in v) return v.n;
  if ('d' in v) {
    const [y, m, d] = v.d.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  throw new Error('value ' + JSON.stringify(v));
}

// "'Next steps'!$A$4:$D$19" -> {sheet, col, row} of its first cell.
function first(ref) {
  const i = ref.lastIndexOf('!');
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(ref.slice(i + 1));
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet, col, row: Number(m[2]) };
}

function put(cell, v) {
  cell.value = value(v);
  if (v && 'd' in v) cell.numFmt = 'yyyy-mm-dd';
}

(async () => {
  const [specPath, src, dst] = process.argv.slice(2);
  const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ref = (name) => {
    const r = wb.definedNames.getRanges(name);
    if (!r || !r.ranges || r.ranges.length === 0) throw new Error('no defined name ' + name);
    return first(r.ranges[0]);
  };
  for (const [name, v] of Object.entries(spec.names || {})) {
    const at = ref(name);
    put(wb.getWorksheet(at.sheet).getCell(at.row, at.col), v);
  }
  for (const [table, rows] of Object.entries(spec.tables || {})) {
    const at = ref('op_table_' + table);
    const ws = wb.getWorksheet(at.sheet);
    rows.forEach((row, i) => {
      if (!row) return;
      row.forEach((v, j) => { if (v) put(ws.getCell(at.row + 1 + i, at.col + j), v); });
    });
  }
  await wb.xlsx.writeFile(dst);
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
