/**
 * The real pipeline, `generateFollowUp`, run through the Excel adapter on workbooks holding real
 * PivotTables: the same follow-up as the command line computes from the same workbook, the same
 * number of round trips for 10 and 10,000 lines, and a workbook the command line generated
 * regenerated in Excel (and the other way round) with people's text carried over.
 */
import type { Grid } from '../../../src/core/grid';
import { generateFollowUp } from '../../../src/workbook/generate';
import type { XlsxWorkbook } from '../../../src/workbook/xlsx/workbook';
import { MARKER_NAME } from '../../../src/workbook/xlsx/workbook';
import type { FakeExcel } from './fake-excel';
import { DRAMMEN, LEDGER, excelOn, fakeFromXlsx, openFixture, pivotWorkbook, xlsxFromFake } from './helpers';

const AT = '2024-04-05 14:03';

/** Values and formulas of two grids agree (numbers to 9 digits: Excel computes, the file stores). */
function expectSameGrid(a: Grid, b: Grid): void {
  expect([b.top, b.left, b.values.length]).toEqual([a.top, a.left, a.values.length]);
  a.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const w = b.values[i]?.[j] ?? null;
      const where = `${a.sheet}!R${a.top + i + 1}C${a.left + j + 1}`;
      if (typeof v === 'number' && typeof w === 'number') expect([where, w]).toEqual([where, expect.closeTo(v, 6)]);
      else if (v === '') expect([where, w]).toEqual([where, null]); // Excel cannot hold an empty text
      else expect([where, w]).toEqual([where, v]);
      expect([where, b.formulas?.[i]?.[j] ?? null]).toEqual([where, a.formulas?.[i]?.[j] ?? null]);
      expect([where, b.formats[i]?.[j]]).toEqual([where, a.formats[i][j]]);
    }),
  );
}

/** The column of a header on a follow-up sheet (0-based), from its header row. */
function columnOf(g: Grid, header: string): number {
  for (const row of g.values) {
    const i = row.findIndex((v) => v === header);
    if (i >= 0) return g.left + i;
  }
  throw new Error(`no header ${header}`);
}

describe('generateFollowUp through the Excel adapter', () => {
  test.each([LEDGER, DRAMMEN])('computes and writes what the command line does (%s)', async (file) => {
    const cli = openFixture(file);
    const fake = await fakeFromXlsx(openFixture(file));
    const wb = excelOn(fake);
    const viaCli = await generateFollowUp(cli, { generatedAt: AT });
    const viaExcel = await generateFollowUp(wb, { generatedAt: AT });
    expect(viaExcel.sheets).toEqual(viaCli.sheets);
    expect(JSON.stringify(viaExcel.model)).toBe(JSON.stringify(viaCli.model));
    for (const name of viaCli.sheets) expectSameGrid(await cli.readSheet(name), await wb.readSheet(name));
    expect(await wb.listSheets()).toEqual(await cli.listSheets());
  });

  test('running it again replaces the add-in’s sheets and nothing else', async () => {
    const fake = await fakeFromXlsx(openFixture(DRAMMEN));
    const wb = excelOn(fake);
    const first = await generateFollowUp(wb, { generatedAt: AT });
    const names = fake.sheetNames();
    const people = JSON.stringify(fake.sheets.slice(0, 3));
    const second = await generateFollowUp(wb, { generatedAt: '2024-04-06 09:00' });
    expect(second.sheets).toEqual(first.sheets);
    expect(fake.sheetNames()).toEqual(names);
    expect(JSON.stringify(fake.sheets.slice(0, 3))).toBe(people);
    const g = await wb.readSheet(first.sheets[0]);
    expect(JSON.stringify(g.values)).toContain('2024-04-06 09:00');
  });

  test('round trips grow only with the bytes read (a few for 10,000 lines), none over 5 MB either way', async () => {
    const seen: { lines: number; syncs: number; maxBytes: number; maxResponse: number }[] = [];
    for (const lines of [10, 1000, 10000]) {
      const fake = pivotWorkbook(lines);
      const result = await generateFollowUp(excelOn(fake), { generatedAt: AT });
      expect(result.model.lines).toHaveLength(lines);
      const written = fake.sheet(result.sheets[0]);
      const names = new Set([...written.cells.values()].map((c) => c.value));
      for (const line of [result.model.lines[0], result.model.lines[lines - 1]]) expect(names.has(line.name)).toBe(true);
      seen.push({ lines, syncs: fake.syncCount, maxBytes: fake.maxRequestBytes, maxResponse: Math.max(...fake.requests.map((r) => r.responseBytes)) });
    }
    // writing takes the same round trips whatever the size; reading one more per ~3 MB of answer
    expect(seen[1].syncs).toBe(seen[0].syncs);
    expect(seen[2].syncs).toBeLessThanOrEqual(seen[0].syncs + 3);
    for (const s of seen) expect(s.maxBytes).toBeLessThan(5_000_000);
    for (const s of seen) expect(s.maxResponse).toBeLessThan(3_500_000);
  });

  test('a workbook the command line generated is regenerated in Excel, people’s text carried over', async () => {
    const cli = openFixture(DRAMMEN);
    const first = await generateFollowUp(cli, { generatedAt: AT });
    const fake = await fakeFromXlsx(cli);
    const sheet = first.sheets[0];
    await typeOutcome(fake, sheet, 'Lønn over budsjett: vikarbruk i februar');
    const wb = excelOn(fake);
    const second = await generateFollowUp(wb, { generatedAt: '2024-04-06 09:00' });
    expect(second.sheets).toEqual(first.sheets); // replaced, not "(2)"
    expect(fake.sheetNames()).toEqual((await cli.listSheets()).map((s) => s.name));
    const g = await wb.readSheet(sheet);
    expect(JSON.stringify(g.values)).toContain('Lønn over budsjett: vikarbruk i februar');
    expect(fake.sheet(sheet).names.map((n) => n.name)).toEqual([MARKER_NAME]);
  });

  test('a workbook generated in Excel is regenerated by the command line, people’s text carried over', async () => {
    const fake = await fakeFromXlsx(openFixture(LEDGER));
    const first = await generateFollowUp(excelOn(fake), { generatedAt: AT });
    await typeOutcome(fake, first.sheets[0], 'Inntekt lavere enn ventet');
    const saved: XlsxWorkbook = await xlsxFromFake(fake);
    expect((await saved.listSheets()).map((s) => s.generated)).toEqual([null, null, 'followup', 'charts', 'summary', 'months', 'checks']);
    const second = await generateFollowUp(saved, { generatedAt: '2024-04-06 09:00' });
    expect(second.sheets).toEqual(first.sheets);
    const g = await saved.readSheet(first.sheets[0]);
    expect(JSON.stringify(g.values)).toContain('Inntekt lavere enn ventet');
  });
});

/** A person types into the outcome column of the first line of a follow-up sheet, in Excel. */
async function typeOutcome(fake: FakeExcel, sheet: string, text: string): Promise<void> {
  const wb = excelOn(fake);
  const g = await wb.readSheet(sheet);
  const headers = ['Utfall', 'Outcome', 'Utfall/forklaring', 'Forklaring', 'Kommentar'];
  let col = -1;
  for (const h of headers) {
    try {
      col = columnOf(g, h);
      break;
    } catch {
      // next
    }
  }
  if (col < 0) throw new Error(`no outcome column on ${sheet}: ${JSON.stringify(g.values.slice(0, 6))}`);
  const keyCol = columnOf(g, '#key');
  const row = g.values.findIndex((r, i) => i > 0 && typeof r[keyCol - g.left] === 'string' && r[keyCol - g.left] !== '#key');
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getCell(g.top + row, col).values = [[text]];
    await ctx.sync();
  });
}
