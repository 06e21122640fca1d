/**
 * What changed since last month, as a leader sees it on real .xlsx files: generate the follow-up for
 * March, write in it, generate April on the result with the command line. April's sheet shows March's
 * forecast and the change per line and in total (a live formula over its own cells), people's text
 * still follows by line key, the checks sheet lists the lines whose forecast moved most, and the JSON
 * and the summary say the same. In Norwegian and in Swedish.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { columnLetters } from '../../src/core/grid';
import type { LayoutCell, SheetLayout } from '../../src/report/layout';
import { col, FOLLOWUP_MARKER } from '../../src/report/followup-sheet';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { runCli } from '../robustness/helpers';
import { budgetWorkbook, months, nbPivot, nbTabularPivot, typeInto } from './builders';
import { outFile, TOOLS } from './helpers';

const soffice = ['/usr/bin/soffice', ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'soffice'))].some((p) => fs.existsSync(p));
if (!soffice) console.warn('SKIPPED: LibreOffice (soffice) is not installed; the recalculation of the change did not run.');
const withLibreOffice = soffice ? it : it.skip;

interface RecalcCell {
  readonly formula?: string;
  readonly value: string | number | null;
  readonly display: string;
  readonly error?: string;
  readonly cached?: string | number | null;
}

const LINES = [
  { label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000, 2600] },
  { label: '200 Sykehjem', monthlyBudget: 2000, actual: [1900, 1950, 2000, 1500] },
  { label: '300 Rus og psykisk helse', monthlyBudget: 500, actual: [500, 500, 500, 800] },
];
// Budget profile: actuals so far + the rest of the year's budget. March: 3 300 + 9 000, 5 850 + 18 000,
// 1 500 + 4 500; April: 5 900 + 8 000, 7 350 + 16 000, 2 300 + 4 000.
const MARCH = { '100': 12300, '200': 23850, '300': 6000 };
const APRIL = { '100': 13900, '200': 23350, '300': 6300 };

/** The same workbook as a Swedish ledger's pivots: "Summa av Belopp", "Kolumnetiketter", "Totalsumma". */
async function swedishWorkbook(): Promise<XlsxWorkbook> {
  const sv = (layout: SheetLayout): SheetLayout => ({
    ...layout,
    cells: layout.cells.map((c: LayoutCell) => {
      const words: Record<string, string> = { 'Summer av Beløp': 'Summa av Belopp', Kolonneetiketter: 'Kolumnetiketter', Totalsum: 'Totalsumma' };
      return typeof c.value === 'string' && words[c.value] ? { ...c, value: words[c.value] } : c;
    }),
  });
  const wb = XlsxWorkbook.create();
  await wb.addPlainSheet(
    sv(
      nbPivot(
        'Budget',
        'Budget 2024 (kr)',
        months(2024, 12),
        LINES.map((l) => [l.label, ...Array<number>(12).fill(l.monthlyBudget)]),
      ),
    ),
  );
  await wb.addPlainSheet(
    sv(
      nbPivot(
        'Utfall',
        'Utfall 2024 (kr)',
        months(2024, 4),
        LINES.map((l) => [l.label, ...l.actual]),
      ),
    ),
  );
  return wb;
}

interface Language {
  readonly lang: 'nb' | 'sv';
  readonly make: () => Promise<XlsxWorkbook>;
  readonly sheet: (period: string) => string;
  readonly checks: string;
  readonly headings: readonly [string, string];
  readonly moves: string;
  readonly summary: string;
}

const LANGUAGES: readonly Language[] = [
  {
    lang: 'nb',
    make: () => budgetWorkbook(LINES, 4),
    sheet: (p) => `Oppfølging ${p}`,
    checks: 'Kontroller 2024-04',
    headings: ['Prognose mars', 'Endring siden mars'],
    moves: 'Største endringer i prognosen siden mars',
    summary: 'Prognose mars: 42\u00a0150\u00a0kr · Endring siden mars: +1\u00a0400\u00a0kr',
  },
  {
    lang: 'sv',
    make: swedishWorkbook,
    sheet: (p) => `Uppföljning ${p}`,
    checks: 'Kontroller 2024-04',
    headings: ['Prognos mars', 'Förändring sedan mars'],
    moves: 'Största förändringarna i prognosen sedan mars',
    summary: 'Prognos mars: 42\u00a0150\u00a0kr · Förändring sedan mars: +1\u00a0400\u00a0kr',
  },
];

/** The sheet's cells as A1 → value, and A1 → formula. */
async function cellsOf(wb: XlsxWorkbook, sheet: string): Promise<{ values: Map<string, unknown>; formulas: Map<string, string> }> {
  const g = await wb.readSheet(sheet);
  const values = new Map<string, unknown>();
  const formulas = new Map<string, string>();
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const a1 = `${columnLetters(g.left + c)}${g.top + r + 1}`;
      if (v !== null) values.set(a1, v);
      const f = g.formulas?.[r]?.[c];
      if (f) formulas.set(a1, f);
    }),
  );
  return { values, formulas };
}

async function rowOf(wb: XlsxWorkbook, sheet: string, key: string): Promise<number> {
  const g = await wb.readSheet(sheet);
  const r = g.values.findIndex((row) => row[col('hiddenKey') - g.left] === key);
  if (r < 0) throw new Error(`no line ${key} on ${sheet}`);
  return g.top + r + 1;
}

const at = (id: Parameters<typeof col>[0], row: number): string => `${columnLetters(col(id))}${row}`;

describe.each(LANGUAGES)('what changed since last month ($lang)', (l) => {
  const march = l.sheet('2024-03');
  const april = l.sheet('2024-04');
  let files: { source: string; march: string; edited: string; april: string; json: string };
  let out = '';

  beforeAll(async () => {
    files = {
      source: outFile(`changes-${l.lang}-source.xlsx`, (await l.make()).save()),
      march: outFile(`changes-${l.lang}-march.xlsx`),
      edited: outFile(`changes-${l.lang}-march-edited.xlsx`),
      april: outFile(`changes-${l.lang}-april.xlsx`),
      json: outFile(`changes-${l.lang}-april.json`),
    };
    const first = await runCli('generate', files.source, '-o', files.march, '--period', '2024-03', '--lang', l.lang);
    expect(first.code).toBe(0);
    // A leader writes on March's sheet; people's text must follow into April by line key.
    const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(files.march)), files.march);
    await typeInto(wb, march, { [at('outcome', await rowOf(wb, march, '100'))]: 'Vikarer i ferien' }, FOLLOWUP_MARKER);
    fs.writeFileSync(files.edited, wb.save());
    const second = await runCli('generate', files.edited, '-o', files.april, '--period', '2024-04', '--lang', l.lang, '--json', files.json);
    expect(second.code).toBe(0);
    out = second.out;
  }, 120000);

  it("March's sheet, the first, has no forecast to compare with: its columns are hidden and empty", async () => {
    const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(files.march)), files.march);
    const { values } = await cellsOf(wb, march);
    for (const id of ['previousForecast', 'forecastChange'] as const) {
      const letters = columnLetters(col(id));
      expect([...values.keys()].filter((a1) => a1.replace(/\d+$/, '') === letters)).toEqual([]);
    }
    expect((await wb.listSheets()).find((s) => s.name === march)?.generated).toBe(FOLLOWUP_MARKER);
  });

  it("shows March's forecast and the change for each line and the total, the change as a formula over the sheet's cells", async () => {
    const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(files.april)), files.april);
    const { values, formulas } = await cellsOf(wb, april);
    expect(values.get(at('previousForecast', 4))).toBe(l.headings[0]);
    expect(values.get(at('forecastChange', 4))).toBe(l.headings[1]);
    for (const key of ['100', '200', '300'] as const) {
      const r = await rowOf(wb, april, key);
      expect([key, values.get(at('forecast', r)), values.get(at('previousForecast', r)), values.get(at('forecastChange', r))]).toEqual([
        key,
        APRIL[key],
        MARCH[key],
        APRIL[key] - MARCH[key],
      ]);
      expect(formulas.get(at('forecastChange', r))).toBe(`${at('forecast', r)}-${at('previousForecast', r)}`);
    }
    const total = (await rowOf(wb, april, '300')) + 1;
    expect(values.get(at('previousForecast', total))).toBe(42150);
    expect(values.get(at('forecastChange', total))).toBe(1400);
    expect(formulas.get(at('forecastChange', total))).toBe(`SUBTOTAL(9,${at('forecastChange', 5)}:${at('forecastChange', total - 1)})`);
    // People's text still follows by line key.
    expect(values.get(at('outcome', await rowOf(wb, april, '100')))).toBe('Vikarer i ferien');
  });

  it('lists the lines whose forecast moved most on the checks sheet, largest first, in the language', async () => {
    const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(files.april)), files.april);
    const texts = [...(await cellsOf(wb, l.checks)).values.values()].filter((v): v is string => typeof v === 'string');
    const i = texts.indexOf(l.moves);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(texts.slice(i + 1, i + 7).filter((t) => t.includes('→'))).toEqual([
      '100 Hjemmetjeneste: 12\u00a0300\u00a0kr → 13\u00a0900\u00a0kr (+1\u00a0600\u00a0kr)',
      '200 Sykehjem: 23\u00a0850\u00a0kr → 23\u00a0350\u00a0kr (\u2212500\u00a0kr)',
      '300 Rus og psykisk helse: 6\u00a0000\u00a0kr → 6\u00a0300\u00a0kr (+300\u00a0kr)',
    ]);
  });

  it('says the same in the JSON report and the command line summary', () => {
    const json = JSON.parse(fs.readFileSync(files.json, 'utf8')) as {
      lines: { key: string; previousForecast: string; forecastChange: string }[];
      total: { previousForecast: string; forecastChange: string };
      previous: { sheet: string; period: string; largestMoves: string[] };
    };
    expect(json.lines.map((x) => [x.key, x.previousForecast, x.forecastChange])).toEqual([
      ['100', '12300', '1600'],
      ['200', '23850', '-500'],
      ['300', '6000', '300'],
    ]);
    expect(json.total).toMatchObject({ previousForecast: '42150', forecastChange: '1400' });
    expect(json.previous).toEqual({ sheet: march, period: '2024-03', largestMoves: ['100', '200', '300'] });
    expect(out).toContain(l.summary);
  });

  withLibreOffice(
    'LibreOffice recalculates the change to the values cached, and shows them as the sheet means',
    async () => {
      const json = execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), '--locale', l.lang === 'nb' ? 'nb-NO' : 'sv-SE', files.april], {
        encoding: 'utf8',
        timeout: 180000,
      });
      const cells = (JSON.parse(json) as { sheets: Record<string, { cells: Record<string, RecalcCell> }> }).sheets[april].cells;
      const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(files.april)), files.april);
      const total = (await rowOf(wb, april, '300')) + 1;
      const change = (r: number) => cells[at('forecastChange', r)];
      expect([5, 6, 7, total].map((r) => [change(r).value, change(r).error, change(r).cached])).toEqual([
        [1600, undefined, undefined],
        [-500, undefined, undefined],
        [300, undefined, undefined],
        [1400, undefined, undefined],
      ]);
      expect(change(6).display).toBe('\u2212500');
      expect(cells[at('previousForecast', total)].value).toBe(42150);
      // Every formula on the sheet still gives what was cached.
      const stale = Object.entries(cells).filter(([, c]) => c.formula && (c.error !== undefined || c.cached !== undefined));
      expect(stale).toEqual([]);
    },
    240000,
  );
});

/** A workbook followed up for each period in turn, as months go by; the last run's result. */
async function followedUp(...periods: string[]): Promise<{ wb: XlsxWorkbook; last: Awaited<ReturnType<typeof generateFollowUp>> }> {
  const wb = await budgetWorkbook(LINES, 4);
  let last = null as Awaited<ReturnType<typeof generateFollowUp>> | null;
  for (const period of periods) last = await generateFollowUp(wb, { config: { period }, generatedAt: period });
  if (!last) throw new Error('no period');
  return { wb, last };
}

describe('which sheet is last month', () => {
  it('regenerating April in place compares with March, never with the April sheet being replaced', async () => {
    const { last: again } = await followedUp('2024-03', '2024-04', '2024-04');
    expect(again.model.previous?.sheet).toBe('Oppfølging 2024-03');
    expect(again.model.total.forecastChange?.toFixed()).toBe('1400');
  });

  it('an earlier period is last month when the one before is missing; a later one never is', async () => {
    const { wb, last: march } = await followedUp('2024-04', '2024-01', '2024-03');
    expect(march.model.previous?.sheet).toBe('Oppfølging 2024-01');
    // January's own follow-up has nothing before it.
    const january = await generateFollowUp(wb, { config: { period: '2024-01' }, generatedAt: 'january again' });
    expect(january.model.previous).toBeUndefined();
    expect(january.model.total.previousForecast).toBeUndefined();
  });

  it('a year-end evaluation adds nothing, even with an earlier follow-up in the workbook', async () => {
    const { wb } = await followedUp('2024-03');
    // April to date compares with March; April's year-end evaluation does not.
    expect((await generateFollowUp(wb, { config: { period: '2024-04' }, dryRun: true })).model.previous?.sheet).toBe('Oppfølging 2024-03');
    const r = await generateFollowUp(wb, { config: { period: '2024-04', evaluation: 'year-end' }, generatedAt: 'year end' });
    expect(r.model.previous).toBeUndefined();
    expect(r.model.lines.every((x) => x.previousForecast === undefined && x.forecastChange === undefined)).toBe(true);
  });
});

describe("last month's figures as a person left them", () => {
  it('reads a text number with a true minus and no-break spaces, and names the cell of one it cannot read', async () => {
    const { wb } = await followedUp('2024-03');
    const march = 'Oppfølging 2024-03';
    const r200 = await rowOf(wb, march, '200');
    const r300 = await rowOf(wb, march, '300');
    await typeInto(wb, march, { [at('forecast', r200)]: '23\u00a0850', [at('forecast', r300)]: 'se notat' }, FOLLOWUP_MARKER);
    const { model } = await generateFollowUp(wb, { config: { period: '2024-04' }, generatedAt: 'april' });
    const line = (k: string) => model.lines.find((x) => x.key === k);
    expect(line('200')?.previousForecast?.toFixed()).toBe('23850');
    expect(line('300')?.previousForecast).toBeNull();
    expect(line('300')?.forecastChange).toBeNull();
    const w = model.warnings.find((x) => x.code === 'previous-forecast-unreadable');
    expect(w?.cell).toBe(`'${march}'!${at('forecast', r300)}`);
    expect(w?.message).toBe('Forrige måneds prognose for «300 Rus og psykisk helse» («se notat») er ikke et tall; endringen siden da er tom for linjen.');
    // The total sums the lines that have a change: 100 and 200.
    expect(model.total.forecastChange?.toFixed()).toBe('1100');
  });
});

describe('groups', () => {
  it("a subtotal row sums its lines' previous forecasts and changes, as the total does", async () => {
    const wb = XlsxWorkbook.create();
    const groups = (values: (i: number) => number[]): [number, [string, ...number[]][]][] => [
      [
        1100,
        [
          ['1 LØNN', ...values(0)],
          ['2 ANDRE D', ...values(1)],
        ],
      ],
      [1200, [['1 LØNN', ...values(2)]]],
    ];
    const budget = [1000, 200, 500];
    const actual = [
      [1000, 1000, 1000, 1600],
      [200, 200, 200, 100],
      [500, 500, 500, 500],
    ];
    await wb.addPlainSheet(
      nbTabularPivot(
        'Budsjett',
        'Budsjett 2024',
        months(2024, 12),
        groups((i) => Array<number>(12).fill(budget[i])),
      ),
    );
    await wb.addPlainSheet(
      nbTabularPivot(
        'Regnskap',
        'Regnskap 2024',
        months(2024, 4),
        groups((i) => actual[i]),
      ),
    );
    await generateFollowUp(wb, { config: { period: '2024-03' }, generatedAt: 'march' });
    await generateFollowUp(wb, { config: { period: '2024-04' }, generatedAt: 'april' });
    const { values, formulas } = await cellsOf(wb, 'Oppfølging 2024-04');
    // rows 5–6 the lines of 1100, 7 its subtotal, 8 the line of 1200, 9 its subtotal, 10 the total
    expect(values.get('B7')).toBe('1100 Totalt');
    expect([7, 9, 10].map((r) => [values.get(at('previousForecast', r)), values.get(at('forecastChange', r))])).toEqual([
      [14400, 500],
      [6000, 0],
      [20400, 500],
    ]);
    expect(formulas.get(at('forecastChange', 7))).toBe(`SUBTOTAL(9,${at('forecastChange', 5)}:${at('forecastChange', 6)})`);
  });
});
