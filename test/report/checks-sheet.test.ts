import { buildFollowUp } from '../../src/core/engine/followup';
import type { CellValue } from '../../src/core/grid';
import type { FollowUpModel } from '../../src/core/model';
import { recognise } from '../../src/core/read/recognise';
import { checksSheet, MAX_LIST_ROWS } from '../../src/report/checks-sheet';
import { col, followUpSheet, HEADER_ROW } from '../../src/report/followup-sheet';
import { grid, yearEndEvaluation } from '../core/fixtures/workbooks';

const model = (sheet: string, rows: CellValue[][]): FollowUpModel => buildFollowUp(recognise([grid(sheet, rows)]));
const texts = (cells: readonly { value?: unknown }[]): string[] => cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

describe("the checks sheet shows each source's columns as read", () => {
  const m = model('Resultat', [
    ['Resultatrapport december 2020, belopp i tkr'],
    ['Verksamhetschefsområde', 'Utfall 2019-12', 'Utfall 2020-12', 'Budget 2020-12', 'Avvikelse', 'Kommentar'],
    ['Akutsjukvård', -9800, -10500, -10000, -500, 'Ökad bemanning'],
    ['Psykiatri', -5100, -5200, -5400, 200, null],
  ]);

  it('with their roles, years, months and units, in the report language, and the settings below them', () => {
    const sheet = checksSheet(m, '2020-12-31 12:00');
    const all = texts(sheet.cells);
    expect(all).toEqual(
      expect.arrayContaining([
        'A ”Verksamhetschefsområde”: namn',
        'B ”Utfall 2019-12”: utfall föregående år, 2019, 01–12, tkr',
        'C ”Utfall 2020-12”: utfall, 2020, 01–12, tkr',
        'D ”Budget 2020-12”: budget, 2020, 01–12, tkr',
        'E ”Avvikelse”: avvikelse (inskriven), 2020, tkr',
        'F ”Kommentar”: används inte',
      ]),
    );
    // one month is named once
    const months = checksSheet({ ...m, sources: m.sources.map((x) => ({ ...x, columns: x.columns?.map((c) => ({ ...c, months: c.months === null ? null : '04-04' })) })) }, 'x');
    expect(texts(months.cells)).toContain('C ”Utfall 2020-12”: utfall, 2020, 04, tkr');
    // The settings come after the last column's row, not over it.
    const rows = sheet.cells.filter((c) => typeof c.value === 'string');
    const lastColumn = rows.find((c) => c.value === 'F ”Kommentar”: används inte')?.row ?? Infinity;
    const settings = rows.find((c) => c.value === 'Inställningar' || c.value === 'Innstillinger' || c.value === 'Settings')?.row ?? -1;
    expect(settings).toBeGreaterThan(lastColumn);
  });
});

describe('a year-end evaluation on the follow-up sheet', () => {
  const m = buildFollowUp(recognise([yearEndEvaluation()]));
  const sheet = followUpSheet(m, '2024-02-01 09:00');
  const header = sheet.cells.filter((c) => c.row === HEADER_ROW);

  it('names the year in its headings, never "hittil"', () => {
    const at = (id: Parameters<typeof col>[0]) => header.find((c) => c.col === col(id))?.value;
    expect(at('budget')).toBe('Budsjett 2023');
    expect(at('actual')).toBe('Regnskap 2023');
    expect(texts(sheet.cells).filter((t) => /hittil|ack\./i.test(t))).toEqual([]);
  });

  it('says on the checks sheet that it is a year-end evaluation', () => {
    expect(texts(checksSheet(m, '2024-02-01 09:00').cells)).toContain('årsavslutning: hele året, uten prognose');
  });

  it('has no forecast columns to show', () => {
    const hidden = (sheet.columns ?? []).filter((c) => c.hidden).map((c) => c.col);
    expect(hidden).toEqual(expect.arrayContaining([col('forecast'), col('forecastVariance'), col('method'), col('manualForecast')]));
    expect(hidden).not.toContain(col('variance'));
  });
});

describe('the checks sheet cuts its long lists with a count of what is left out', () => {
  const m = model('Resultat', [
    ['Resultatrapport december 2020, belopp i tkr'],
    ['Verksamhetschefsområde', 'Utfall 2020-12', 'Budget 2020-12'],
    ['Akutsjukvård', -10500, -10000],
  ]);

  it('lists the ranges seen but not used up to the limit, and counts the rest', () => {
    const seen = Array.from({ length: MAX_LIST_ROWS + 3 }, (_, i) => ({ range: `'Ark'!A${i + 1}`, kind: 'table' as const, reason: 'r', description: 'd' }));
    const sheet = checksSheet({ ...m, seen }, 'x');
    expect(sheet.cells.filter((c) => c.value === 'r')).toHaveLength(MAX_LIST_ROWS);
    expect(texts(sheet.cells)).toContain('… 3 till listas inte här (JSON-rapporten har alla).');
  });

  it('lists every source with its columns under it, and counts the sources left out past the limit', () => {
    const sources = Array.from({ length: MAX_LIST_ROWS / 2 + 10 }, () => m.sources[0]);
    const sheet = checksSheet({ ...m, sources }, 'x');
    // each source takes its own row and one per column (three): 5 000 sources fit in 20 000 rows
    expect(texts(sheet.cells)).toContain(`… ${sources.length - MAX_LIST_ROWS / 4} till listas inte här (JSON-rapporten har alla).`);
  });
});
