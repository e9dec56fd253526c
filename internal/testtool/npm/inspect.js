// Open workbooks with ExcelJS and SheetJS and print, as JSON, what each
// library sees: sheets (state: visible, hidden or veryHidden; protection),
// workbook-scoped defined names, the text of the cells the op_* names point
// at, and tables. The Go
// interop tests compare it with what opkit wrote. SheetJS's reader keeps
// neither sheet protection nor tables, so it reports none.
//
// usage: node inspect.js FILE...
'use strict';
const ExcelJS = require('exceljs');
const XLSX = require('xlsx');

// A single-cell reference "'Next steps'!$B$5" as [sheet, "B5"], or null.
function oneCell(ref) {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref || '');
  if (!m) return null;
  return [m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], m[3] + m[4]];
}

async function exceljs(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names = wb.definedNames.model.map((n) => ({ name: n.name, refersTo: (n.ranges || []).join(',') }));
  const values = {};
  for (const n of names) {
    const at = n.name.startsWith('op_') && oneCell(n.refersTo);
    const ws = at && wb.getWorksheet(at[0]);
    if (ws) values[n.name] = ws.getCell(at[1]).text;
  }
  const sheets = wb.worksheets.map((ws) => ({
    name: ws.name,
    state: ws.state || 'visible',
    protected: !!(ws.sheetProtection && ws.sheetProtection.sheet),
    tables: (ws.getTables ? ws.getTables() : []).map((t) => {
      const m = t.table || t;
      return { name: m.name, headerRow: m.headerRow !== false, columns: (m.columns || []).map((c) => c.name) };
    }),
  }));
  return { names, values, sheets };
}

function sheetjs(file) {
  const wb = XLSX.readFile(file, { cellDates: false });
  const names = ((wb.Workbook && wb.Workbook.Names) || [])
    .filter((n) => n.Sheet === undefined)
    .map((n) => ({ name: n.Name, refersTo: n.Ref }));
  const values = {};
  for (const n of names) {
    const at = n.name.startsWith('op_') && oneCell(n.refersTo);
    const ws = at && wb.Sheets[at[0]];
    if (ws) values[n.name] = ws[at[1]] ? String(ws[at[1]].w !== undefined ? ws[at[1]].w : ws[at[1]].v) : '';
  }
  const meta = (wb.Workbook && wb.Workbook.Sheets) || [];
  const sheets = wb.SheetNames.map((name, i) => ({
    name,
    state: ['visible', 'hidden', 'veryHidden'][(meta[i] && meta[i].Hidden) || 0],
    protected: false,
    tables: [],
  }));
  return { names, values, sheets, noProtection: true, noTables: true };
}

(async () => {
  const out = [];
  for (const file of process.argv.slice(2)) {
    const r = { file };
    try { r.exceljs = await exceljs(file); } catch (e) { r.exceljsError = String(e && e.message || e); }
    try { r.sheetjs = sheetjs(file); } catch (e) { r.sheetjsError = String(e && e.message || e); }
    out.push(r);
  }
  process.stdout.write(JSON.stringify(out));
})();
