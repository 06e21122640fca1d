/**
 * Bad input gets a clear answer, through the real command line (`main(argv, io)`): a follow-up with
 * warnings naming the cells (exit 0), or ONE message naming the file, sheet or cell (exit 1) — never a
 * crash, a hang or a stack trace. Every workbook here is made by the test: the xlsx adapter writes it,
 * and byte-level edits of the package add what the adapter cannot (error cells, hidden rows, filters,
 * damaged or foreign bytes).
 */
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { LayoutCell } from '../../src/report/layout';
import {
  UNITS,
  actualSheet,
  budgetSheet,
  editSheetXml,
  expectClear,
  hideRows,
  months,
  pivot,
  put,
  replaceCell,
  runCli,
  tempDir,
  workbookOf,
  type CliRun,
} from './helpers';

interface JsonReport {
  period: string | null;
  unit: string | null;
  lines: { key: string; name: string; budget: string | null; actual: string | null; annualBudget: string | null }[];
  total: { budget: string | null; actual: string | null };
  warnings: { code: string; cell: string | null; message: string }[];
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `followup generate <file> -o <out> --json <json> --lang en`; the report when it succeeded. */
async function generate(name: string, bytes: Uint8Array | string, ...extra: string[]): Promise<{ r: CliRun; out: string; report: JsonReport | null }> {
  const input = put(dir, name, bytes);
  const out = path.join(dir, `out-${name.replace(/\.\w+$/, '')}.xlsx`);
  const json = path.join(dir, 'report.json');
  const r = await runCli('generate', input, '-o', out, '--json', json, '--lang', 'en', ...extra);
  expectClear(r);
  const report = r.code === 0 ? (JSON.parse(fs.readFileSync(json, 'utf8')) as JsonReport) : null;
  if (r.code !== 0) {
    expect(fs.existsSync(out)).toBe(false);
    expect(r.err).toMatch(/^followup: /);
  }
  return { r, out, report };
}

function warningsOf(report: JsonReport | null, code: string): { cell: string | null; message: string }[] {
  return (report?.warnings ?? []).filter((w) => w.code === code);
}

const lineOf = (report: JsonReport | null, key: string): JsonReport['lines'][number] | undefined => report?.lines.find((l) => l.key === key);

describe('files that are not usable workbooks: one message naming the file (exit 1)', () => {
  it('an empty workbook (one sheet, no cells)', async () => {
    const { r } = await generate('tom.xlsx', await workbookOf({ name: 'Ark1', cells: [] }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/tom\.xlsx/);
    expect(r.err).toMatch(/no sheet with data/);
  });

  it('a workbook with words but no figures names the sheets it looked in', async () => {
    const { r } = await generate('notater.xlsx', await workbookOf({ name: 'Notater', cells: [{ row: 0, col: 0, value: 'Husk å oppdatere budsjettet' }] }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/notater\.xlsx: found no actuals or budget .* Notater/);
  });

  it.each([
    ['a CSV renamed to .xlsx', 'regnskap.xlsx', 'Ansvar;Beløp\n3100;25\n', /not an Excel workbook/],
    ['an empty file', 'null.xlsx', '', /not an Excel workbook/],
    ['a PDF', 'rapport.xlsx', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', /not an Excel workbook/],
  ])('not an xlsx: %s', async (_what, name, bytes, message) => {
    const { r } = await generate(name, bytes);
    expect(r.code).toBe(1);
    expect(r.err).toContain(name);
    expect(r.err).toMatch(message);
  });

  it('a corrupt zip (bytes of a compressed part damaged)', async () => {
    const good = await workbookOf(budgetSheet(), actualSheet());
    const bad = good.slice();
    for (let i = 120; i < 200; i++) bad[i] ^= 0x5a;
    const { r } = await generate('skadet.xlsx', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"skadet\.xlsx" is damaged/);
  });

  it('a truncated download', async () => {
    const good = await workbookOf(budgetSheet(), actualSheet());
    const { r } = await generate('halv.xlsx', good.slice(0, Math.floor(good.length * 0.6)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"halv\.xlsx" is damaged .*incomplete/);
  });

  it('a damaged XML part names the part', async () => {
    const files = unzipSync(await workbookOf(budgetSheet(), actualSheet()));
    files['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>');
    const { r } = await generate('xml.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/xml\.xlsx/);
    expect(r.err).toMatch(/sheet "Budsjett" .*cannot be read|not well-formed/);
  });

  it('a password-protected workbook (an OLE compound file)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const { r } = await generate('hemmelig.xlsx', ole);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"hemmelig\.xlsx" is password-protected/);
  });

  it('a folder given as the workbook', async () => {
    fs.mkdirSync(path.join(dir, 'mappe.xlsx'));
    const r = await runCli('generate', path.join(dir, 'mappe.xlsx'));
    expectClear(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mappe\.xlsx" is a folder/);
  });

  it('an output folder that does not exist', async () => {
    const input = put(dir, 'ok.xlsx', await workbookOf(budgetSheet(), actualSheet()));
    const r = await runCli('generate', input, '-o', path.join(dir, 'finnes-ikke', 'ut.xlsx'));
    expectClear(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/finnes-ikke.*folder does not exist/);
  });

});

describe('sources with problems: a follow-up with warnings naming the cells (exit 0)', () => {
  it('error values (#REF!, #N/A) in the sources are left out and named', async () => {
    let bytes = await workbookOf(budgetSheet(), actualSheet());
    bytes = editSheetXml(bytes, 'Regnskap', (x) => replaceCell(x, 'C6', '<c r="C6" t="e"><v>#REF!</v></c>'));
    bytes = editSheetXml(bytes, 'Budsjett', (x) => replaceCell(x, 'D5', '<c r="D5" t="e"><f>VLOOKUP(A5,Data!A:B,2,0)</f><v>#N/A</v></c>'));
    const { r, report } = await generate('feil.xlsx', bytes);
    expect(r.code).toBe(0);
    const errors = warningsOf(report, 'cell-error');
    expect(errors.map((w) => w.cell).sort()).toEqual(['Budsjett!D5', 'Regnskap!C6']);
    expect(errors.map((w) => w.message).join(' ')).toMatch(/#REF!.*|#N\/A/);
    expect(r.out).toContain('Regnskap!C6');
    // 3200 Sykehjem: three months of actuals read, the fourth (#REF!) left out
    expect(lineOf(report, '3200')?.actual).toBe(String(3 * 2_100_000));
  });

  it('formulas in the sources: their cached results are the figures', async () => {
    const cells = actualSheet().cells.map((c) =>
      typeof c.value === 'number' && c.row >= 4 && c.col >= 1 && c.col <= 4 ? { ...c, formula: `${c.value}/1`, value: c.value } : c,
    );
    const { r, report } = await generate('formler.xlsx', await workbookOf(budgetSheet(), { name: 'Regnskap', cells }));
    expect(r.code).toBe(0);
    expect(lineOf(report, '3100')?.actual).toBe(String(4 * 1_050_000));
    expect(report?.total.actual).toBe(String(4 * (1_050_000 + 2_100_000 + 525_000)));
  });

  it('SUM formulas on a total row make it a total, never a line', async () => {
    const base = actualSheet();
    const cells = [...base.cells.filter((c) => c.row !== 7), { row: 7, col: 0, value: 'Sum' }];
    for (let c = 1; c <= 5; c++) {
      const col = String.fromCharCode(65 + c);
      const v = base.cells.filter((x) => x.row >= 4 && x.row <= 6 && x.col === c).reduce((a, x) => a + (x.value as number), 0);
      cells.push({ row: 7, col: c, value: v, formula: `SUM(${col}5:${col}7)` });
    }
    const { r, report } = await generate('summer.xlsx', await workbookOf(budgetSheet(), { name: 'Regnskap', cells }));
    expect(r.code).toBe(0);
    expect(report?.lines.map((l) => l.key)).toEqual(['3100', '3200', '3300']);
  });

  it('merged cells (titles, headers, a merged label) change nothing', async () => {
    const plain = await generate('umerket.xlsx', await workbookOf(budgetSheet(), actualSheet()));
    const merged = await generate(
      'flettet.xlsx',
      await workbookOf({ ...budgetSheet(), merges: ['A1:N1', 'A2:N2'] }, { ...actualSheet(), merges: ['A1:F1', 'B3:F3', 'H5:I7'] }),
    );
    expect(merged.r.code).toBe(0);
    expect(merged.report?.lines).toEqual(plain.report?.lines);
    expect(merged.report?.total).toEqual(plain.report?.total);
  });

  it('hidden rows and rows a filter hides are counted, and the user is told', async () => {
    let bytes = await workbookOf(budgetSheet(), actualSheet());
    bytes = editSheetXml(bytes, 'Regnskap', (x) => hideRows(x, [6]));
    bytes = editSheetXml(bytes, 'Budsjett', (x) => hideRows(x, [5, 7]).replace('</sheetData>', '</sheetData><autoFilter ref="A4:N8"/>'));
    const { r, report } = await generate('skjult.xlsx', bytes);
    expect(r.code).toBe(0);
    const hidden = warningsOf(report, 'hidden-rows');
    expect(hidden.map((w) => w.cell?.split('!')[0]).sort()).toEqual(['Budsjett', 'Regnskap']);
    expect(hidden.map((w) => w.message).join(' ')).toMatch(/2 hidden or filtered row/);
    expect(lineOf(report, '3200')?.actual).toBe(String(4 * 2_100_000));
    expect(report?.lines).toHaveLength(3);
  });

  it('duplicate labels in a source are added together and named', async () => {
    const dup: (readonly [string, number])[] = [...UNITS, ['3100 Hjemmetjenesten', 100]];
    const { r, report } = await generate('dobbel.xlsx', await workbookOf(budgetSheet(dup), actualSheet(dup)));
    expect(r.code).toBe(0);
    expect(warningsOf(report, 'duplicate-line').map((w) => w.cell).sort()).toEqual(['Budsjett!A8', 'Regnskap!A8']);
    expect(lineOf(report, '3100')?.actual).toBe(String(4 * (1_050_000 + 105)));
  });

  it('lines with different codes and the same name stay apart (3100 Administrasjon, 3200 Administrasjon)', async () => {
    const same: [string, number][] = [
      ['3100 Administrasjon', 1000],
      ['3200 Administrasjon', 2000],
      ['3300 Administrasjon', 4000],
    ];
    const { r, report } = await generate('samme-navn.xlsx', await workbookOf(budgetSheet(same), actualSheet(same)));
    expect(r.code).toBe(0);
    expect(report?.lines.map((l) => [l.key, l.actual])).toEqual([
      ['3100', String(4 * 1050)],
      ['3200', String(4 * 2100)],
      ['3300', String(4 * 4200)],
    ]);
    expect(warningsOf(report, 'duplicate-line')).toEqual([]);
  });

  it('mixed units (budget in tkr, actuals in kr): one unit, amounts converted, the user told', async () => {
    const tkr = pivot('Budsjett', 'Budsjett 2024 (tkr)', months(2024, 12), UNITS.map(([l, m]) => [l, ...Array<number>(12).fill(m / 1000)] as const));
    const { r, report } = await generate('enheter.xlsx', await workbookOf(tkr, actualSheet()));
    expect(r.code).toBe(0);
    expect(report?.unit).toBe('kr');
    expect(warningsOf(report, 'mixed-units')).toHaveLength(1);
    expect(lineOf(report, '3100')?.budget).toBe(String(4 * 1_000_000));
    expect(lineOf(report, '3100')?.annualBudget).toBe(String(12 * 1_000_000));
  });

  it('text where numbers belong: numbers as people paste them are read, the rest named', async () => {
    const actual = pivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), [
      ['3100 Hjemmetjenesten', '1 050 000', '1\u00a0050\u00a0000', '- 12 500', 'mye'],
      ['3200 Sykehjem', 2_100_000, 'n/a', '#REF!', 2_100_000],
      ['3300 Rus og psykisk helse', 525_000, 525_000, 525_000, '525.000,00'],
    ]);
    const { r, report } = await generate('tekst.xlsx', await workbookOf(budgetSheet(), actual));
    expect(r.code).toBe(0);
    const unreadable = warningsOf(report, 'unreadable-number');
    expect(unreadable.map((w) => w.cell).sort()).toEqual(['Regnskap!D6', 'Regnskap!E5']);
    expect(unreadable.map((w) => w.message).join(' ')).toMatch(/"mye" is not a number/);
    expect(lineOf(report, '3100')?.actual).toBe(String(1_050_000 + 1_050_000 - 12_500));
    expect(lineOf(report, '3300')?.actual).toBe(String(4 * 525_000));
  });

  it('a budget with no actuals', async () => {
    const { r, report } = await generate('bare-budsjett.xlsx', await workbookOf(budgetSheet()));
    expect(r.code).toBe(0);
    expect(warningsOf(report, 'no-actuals')).toHaveLength(1);
    expect(r.out).toMatch(/No actuals were found/);
    expect(report?.lines.every((l) => l.actual === null)).toBe(true);
  });

  it('a budget with no actuals, in Norwegian: the words of the engine are Norwegian too', async () => {
    const input = put(dir, 'bare-budsjett-nb.xlsx', await workbookOf(budgetSheet()));
    const r = await runCli('generate', input, '-o', path.join(dir, 'ut-nb.xlsx'), '--lang', 'nb');
    expectClear(r);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Fant ikke noe regnskap/);
    expect(r.out).toMatch(/Prognosemetoden budsjettprofil mangler regnskap for 3 linje\(r\) .*; ingen prognose er brukt i stedet/);
    expect(r.out).not.toMatch(/budget-profile|annual budget|\bnone\b/);
  });

  it('actuals with no budget', async () => {
    const { r, report } = await generate('bare-regnskap.xlsx', await workbookOf(actualSheet()));
    expect(r.code).toBe(0);
    expect(warningsOf(report, 'no-budget')).toHaveLength(1);
    expect(r.out).toMatch(/No budget was found/);
    expect(report?.lines.every((l) => l.budget === null)).toBe(true);
  });

  it('a sheet of 10,000 separate little blocks beside the pivots does not hang the readers (each block looked at once)', async () => {
    const cells: LayoutCell[] = [];
    for (let i = 0; i < 10_000; i++) cells.push({ row: 2 * i, col: 0, value: `Notat ${i}` }, { row: 2 * i, col: 1, value: i });
    const { r, report } = await generate('blokker.xlsx', await workbookOf(budgetSheet(), actualSheet(), { name: 'Notater', cells }));
    expect(r.code).toBe(0);
    expect(report?.lines).toHaveLength(3);
  }, 120_000);

  it('thousands of warnings: the terminal gets one line for the same finding on many cells (findings.test.ts has more)', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => [`${5000 + i} Enhet ${i}`, 'ukjent', 'ukjent', 'ukjent', 'ukjent'] as const);
    const { r, report } = await generate('mange.xlsx', await workbookOf(budgetSheet(), pivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), lines)));
    expect(r.code).toBe(0);
    expect(warningsOf(report, 'unreadable-number').length).toBe(1200);
    const printed = r.out.split('\n').filter((l) => /^ {2}Regnskap!/.test(l));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/The same for 1199 more cells/);
  });
});
