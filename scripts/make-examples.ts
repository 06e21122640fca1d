/**
 * Makes the example workbooks in examples/: a municipal health and care area with a ledger, an
 * actuals pivot (this year and last year side by side), a budget pivot by unit and month, and a
 * measures table — in Norwegian (kr) and in Swedish (tkr). Deterministic: the same content every
 * run (only the zip entries' timestamps change).
 *
 *   npm run examples
 */
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import type { LayoutCell, SheetLayout } from '../src/report/layout';
import { XlsxWorkbook } from '../src/workbook/xlsx/workbook';
import { random } from './random';

interface Unit {
  label: string;
  annual: number;
  /** Yearly drift of the actuals against budget (0.04 = 4 % over). */
  drift: number;
}

interface Words {
  lang: 'nb' | 'sv';
  ledgerSheet: string;
  ledgerHeader: string[];
  actualType: string;
  budgetType: string;
  actualSheet: string;
  budgetSheet: string;
  measuresSheet: string;
  dataField: string;
  columnLabels: string;
  rowLabels: string;
  grandTotal: string;
  actualTitle: (year: number) => string;
  budgetTitle: (year: number) => string;
  measuresTitle: string;
  measuresHeader: string[];
  accounts: { label: string; share: number }[];
  /** Divide kr by this before writing (1000 for tkr). */
  scale: number;
  /** A report table a controller typed by hand (with a typo for the cross-checks to find). */
  report?: { sheet: string; title: string; header: string[]; total: string; typoRow: number };
}

const YEAR = 2024;
const MONTHS_DONE = 4; // January–April: the first tertial

/** Holiday months cost more (temps), July less of the rest. */
const PROFILE = [1, 0.95, 1, 0.97, 1, 1.08, 1.12, 1.05, 0.97, 1, 0.96, 0.9];
const PROFILE_SUM = PROFILE.reduce((a, b) => a + b, 0);

function ledgerRows(units: Unit[], words: Words, rnd: () => number): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const cents = (v: number): number => Math.round(v * 100) / 100;
  for (const u of units) {
    for (const acc of words.accounts) {
      for (let m = 1; m <= 12; m++) {
        const budget = cents((u.annual * acc.share * PROFILE[m - 1]) / PROFILE_SUM / words.scale);
        const period = YEAR * 100 + m;
        rows.push([u.label, acc.label, period, words.budgetType, budget]);
        const noise = 1 + (rnd() - 0.5) * 0.06;
        rows.push([u.label, acc.label, period - 100, words.actualType, cents(budget * (1 + u.drift * 0.6) * noise)]);
        if (m <= MONTHS_DONE) rows.push([u.label, acc.label, period, words.actualType, cents(budget * (1 + u.drift) * noise)]);
      }
    }
  }
  return rows;
}

function text(row: number, col: number, value: string, bold = false): LayoutCell {
  return { row, col, value, style: bold ? { bold: true } : undefined };
}

function amount(row: number, col: number, value: number, format: string): LayoutCell {
  return { row, col, value, style: { numberFormat: format } };
}

/** Pivot output as Excel writes it in compact layout: data field, column labels, row labels, grand totals. */
function pivot(words: Words, top: number, left: number, title: string, data: Map<string, Map<number, Decimal>>, periods: number[]): LayoutCell[] {
  const fmt = '#,##0';
  const cells: LayoutCell[] = [
    text(top, left, title, true),
    text(top + 2, left, words.dataField, true),
    text(top + 2, left + 1, words.columnLabels, true),
    text(top + 3, left, words.rowLabels, true),
    ...periods.map((p, i) => text(top + 3, left + 1 + i, String(p), true)),
    text(top + 3, left + 1 + periods.length, words.grandTotal, true),
  ];
  const colTotals = periods.map(() => new Decimal(0));
  let row = top + 4;
  for (const [unit, byPeriod] of data) {
    cells.push(text(row, left, unit));
    let lineTotal = new Decimal(0);
    periods.forEach((p, i) => {
      const v = byPeriod.get(p) ?? new Decimal(0);
      lineTotal = lineTotal.plus(v);
      colTotals[i] = colTotals[i].plus(v);
      cells.push(amount(row, left + 1 + i, v.toNumber(), fmt));
    });
    cells.push(amount(row, left + 1 + periods.length, lineTotal.toNumber(), fmt));
    row++;
  }
  cells.push(text(row, left, words.grandTotal, true));
  colTotals.forEach((v, i) => cells.push({ ...amount(row, left + 1 + i, v.toNumber(), fmt), style: { bold: true, numberFormat: fmt } }));
  const grand = colTotals.reduce((a, b) => a.plus(b), new Decimal(0));
  cells.push({ ...amount(row, left + 1 + periods.length, grand.toNumber(), fmt), style: { bold: true, numberFormat: fmt } });
  return cells;
}

function aggregate(rows: (string | number)[][], type: string, periods: number[]): Map<string, Map<number, Decimal>> {
  const out = new Map<string, Map<number, Decimal>>();
  for (const [unit, , period, t, v] of rows) {
    if (t !== type || !periods.includes(period as number)) continue;
    const byPeriod = out.get(unit as string) ?? new Map<number, Decimal>();
    byPeriod.set(period as number, (byPeriod.get(period as number) ?? new Decimal(0)).plus(v as number));
    out.set(unit as string, byPeriod);
  }
  return out;
}

function ledgerSheet(words: Words, rows: (string | number)[][]): SheetLayout {
  const cells: LayoutCell[] = words.ledgerHeader.map((h, c) => text(0, c, h, true));
  rows.forEach((r, i) => r.forEach((v, c) => cells.push(typeof v === 'number' && c === 4 ? amount(i + 1, c, v, '#,##0.00') : { row: i + 1, col: c, value: v })));
  return { name: words.ledgerSheet, cells, columns: [{ col: 0, width: 28 }, { col: 1, width: 22 }, { col: 2, width: 10 }, { col: 3, width: 12 }, { col: 4, width: 14 }] };
}

function measuresSheet(words: Words, measures: (string | number | null)[][]): SheetLayout {
  const cells: LayoutCell[] = [text(0, 0, words.measuresTitle, true), ...words.measuresHeader.map((h, c) => text(2, c, h, true))];
  measures.forEach((m, i) =>
    m.forEach((v, c) => {
      if (v === null) return;
      cells.push(typeof v === 'number' ? amount(3 + i, c, v, '#,##0.0') : { row: 3 + i, col: c, value: v });
    }),
  );
  return { name: words.measuresSheet, cells, columns: [{ col: 0, width: 44 }, { col: 1, width: 14 }, { col: 2, width: 14 }, { col: 3, width: 60 }, { col: 4, width: 22 }] };
}

async function workbook(words: Words, units: Unit[], measures: (string | number | null)[][], seed: number): Promise<Uint8Array> {
  const rows = ledgerRows(units, words, random(seed));
  const months = (year: number, n: number): number[] => Array.from({ length: n }, (_, i) => year * 100 + i + 1);
  const wb = XlsxWorkbook.create();
  await wb.addPlainSheet(ledgerSheet(words, rows));
  const thisYear = months(YEAR, MONTHS_DONE);
  const lastYear = months(YEAR - 1, MONTHS_DONE);
  await wb.addPlainSheet({
    name: words.actualSheet,
    cells: [
      ...pivot(words, 0, 0, words.actualTitle(YEAR - 1), aggregate(rows, words.actualType, lastYear), lastYear),
      ...pivot(words, 0, MONTHS_DONE + 3, words.actualTitle(YEAR), aggregate(rows, words.actualType, thisYear), thisYear),
    ],
    columns: [{ col: 0, width: 28 }, { col: MONTHS_DONE + 3, width: 28 }],
  });
  const all = months(YEAR, 12);
  await wb.addPlainSheet({
    name: words.budgetSheet,
    cells: pivot(words, 0, 0, words.budgetTitle(YEAR), aggregate(rows, words.budgetType, all), all),
    columns: [{ col: 0, width: 28 }],
  });
  await wb.addPlainSheet(measuresSheet(words, measures));
  if (words.report) await wb.addPlainSheet(reportSheet(words, words.report, rows, thisYear));
  return wb.save();
}

/**
 * The tertial report as a controller types it: whole amounts, variance and percent rounded, and one
 * variance with two digits swapped — the kind of error the checks sheet is for.
 */
function reportSheet(words: Words, report: NonNullable<Words['report']>, rows: (string | number)[][], periods: number[]): SheetLayout {
  const budget = aggregate(rows, words.budgetType, periods);
  const actual = aggregate(rows, words.actualType, periods);
  const sumOf = (m: Map<number, Decimal> | undefined): Decimal => [...(m?.values() ?? [])].reduce((a, b) => a.plus(b), new Decimal(0));
  const cells: LayoutCell[] = [text(0, 0, report.title, true), ...report.header.map((h, c) => text(2, c, h, true))];
  let row = 3;
  const totals = [new Decimal(0), new Decimal(0)];
  for (const unit of budget.keys()) {
    const b = sumOf(budget.get(unit));
    const a = sumOf(actual.get(unit));
    totals[0] = totals[0].plus(b);
    totals[1] = totals[1].plus(a);
    let variance = b.minus(a).toDecimalPlaces(0).toNumber();
    if (row - 3 === report.typoRow) variance = Number(String(variance).replace(/(\d)(\d)$/, '$2$1'));
    cells.push(text(row, 0, unit), amount(row, 1, b.toDecimalPlaces(0).toNumber(), '#,##0'), amount(row, 2, a.toDecimalPlaces(0).toNumber(), '#,##0'));
    cells.push(amount(row, 3, variance, '#,##0'), amount(row, 4, b.minus(a).div(b.abs()).toDecimalPlaces(3).toNumber(), '0.0%'));
    row++;
  }
  const [b, a] = totals;
  cells.push(text(row, 0, report.total, true), amount(row, 1, b.toDecimalPlaces(0).toNumber(), '#,##0'), amount(row, 2, a.toDecimalPlaces(0).toNumber(), '#,##0'));
  cells.push(amount(row, 3, b.minus(a).toDecimalPlaces(0).toNumber(), '#,##0'), amount(row, 4, b.minus(a).div(b.abs()).toDecimalPlaces(3).toNumber(), '0.0%'));
  return { name: report.sheet, cells, columns: [{ col: 0, width: 30 }, ...[1, 2, 3, 4].map((c) => ({ col: c, width: 14 }))] };
}

const NB: Words = {
  lang: 'nb',
  ledgerSheet: 'Hovedbok',
  ledgerHeader: ['Ansvar', 'Art', 'Periode', 'Type', 'Beløp'],
  actualType: 'Regnskap',
  budgetType: 'Budsjett',
  actualSheet: 'Regnskap',
  budgetSheet: 'Budsjett',
  measuresSheet: 'Tiltak',
  dataField: 'Summer av Beløp',
  columnLabels: 'Kolonneetiketter',
  rowLabels: 'Radetiketter',
  grandTotal: 'Totalsum',
  actualTitle: (y) => `Regnskap ${y} (kr)`,
  budgetTitle: (y) => `Budsjett ${y} (kr)`,
  measuresTitle: 'Tiltak for å komme i balanse (mill. kr)',
  measuresHeader: ['Tiltak', 'Helårseffekt', `Effekt ${YEAR}`, 'Status', 'Ansvarlig'],
  accounts: [
    { label: '10 Lønn', share: 0.78 },
    { label: '11 Sosiale utgifter', share: 0.14 },
    { label: '12 Kjøp av varer og tjenester', share: 0.16 },
    { label: '16 Salgsinntekter', share: -0.05 },
    { label: '17 Refusjoner', share: -0.03 },
  ],
  scale: 1,
};

const NB_UNITS: Unit[] = [
  { label: '3100 Hjemmetjenesten Nord', annual: 84_500_000, drift: 0.082 },
  { label: '3110 Hjemmetjenesten Sør', annual: 77_200_000, drift: 0.031 },
  { label: '3200 Sykehjem Sentrum', annual: 126_800_000, drift: 0.054 },
  { label: '3210 Sykehjem Elvebakken', annual: 98_300_000, drift: -0.012 },
  { label: '3300 Rus og psykisk helse', annual: 54_600_000, drift: 0.094 },
  { label: '3400 Tildelingskontoret', annual: 12_900_000, drift: -0.022 },
  { label: '3900 Felles helse og omsorg', annual: 21_400_000, drift: 0.004 },
];

const NB_MEASURES: (string | number | null)[][] = [
  ['Redusere innleie av vikarer', 6.5, 4.2, 'Iverksatt fra mars; ukentlig oppfølging av bemanningsplaner', 'Enhetsleder sykehjem'],
  ['Omdisponere korttidsplasser', 4.0, 2.5, 'Ni av tolv plasser er omdisponert', 'Tildelingskontoret'],
  ['Velferdsteknologi i hjemmetjenesten', 3.0, 1.0, 'Pilot i sone nord; utrulling fra september', 'Hjemmetjenesten'],
  ['Redusere kjøp av private plasser', 5.0, 3.0, 'Egen gruppe jobber med å ta hjem brukere', 'Rus og psykisk helse'],
  ['Gjennomgang av vedtak om praktisk bistand', null, null, 'Kartlegging pågår; effekten er ikke beregnet', 'Tildelingskontoret'],
];

const SV: Words = {
  lang: 'sv',
  ledgerSheet: 'Huvudbok',
  ledgerHeader: ['Ansvar', 'Konto', 'Period', 'Typ', 'Belopp'],
  actualType: 'Utfall',
  budgetType: 'Budget',
  actualSheet: 'Utfall',
  budgetSheet: 'Budget',
  measuresSheet: 'Åtgärder',
  dataField: 'Summa av Belopp',
  columnLabels: 'Kolumnetiketter',
  rowLabels: 'Radetiketter',
  grandTotal: 'Totalsumma',
  actualTitle: (y) => `Utfall ${y} (tkr)`,
  budgetTitle: (y) => `Budget ${y} (tkr)`,
  measuresTitle: 'Åtgärder för budget i balans (mnkr)',
  measuresHeader: ['Åtgärd', 'Helårseffekt', `Effekt ${YEAR}`, 'Status', 'Ansvarig'],
  accounts: [
    { label: '50 Personalkostnader', share: 0.8 },
    { label: '54 Lokalkostnader', share: 0.08 },
    { label: '56 Köp av verksamhet', share: 0.17 },
    { label: '30 Avgifter', share: -0.03 },
    { label: '35 Bidrag', share: -0.02 },
  ],
  scale: 1000,
  report: {
    sheet: 'Rapport T1',
    title: 'Tertialrapport januari–april 2024 (tkr)',
    header: ['Enhet', 'Budget ack.', 'Utfall ack.', 'Avvikelse', 'Avvikelse %'],
    total: 'Summa',
    typoRow: 3,
  },
};

const SV_UNITS: Unit[] = [
  { label: '512 Verksamhetsstöd', annual: 18_600_000, drift: -0.03 },
  { label: '520 Hemtjänst Centrum', annual: 96_400_000, drift: 0.052 },
  { label: '521 Hemtjänst Väster', annual: 71_300_000, drift: 0.018 },
  { label: '530 Särskilt boende Linden', annual: 112_700_000, drift: 0.024 },
  { label: '540 Funktionsstöd LSS', annual: 88_900_000, drift: 0.071 },
  { label: '550 Individ- och familjeomsorg', annual: 64_200_000, drift: -0.011 },
];

const SV_MEASURES: (string | number | null)[][] = [
  ['Minskad timanställning i hemtjänsten', 5.5, 3.5, 'Pågår; nytt schema från april', 'Enhetschef hemtjänst'],
  ['Samordnad nattpatrull', 2.4, 1.6, 'Beslutad, start maj', 'Verksamhetschef'],
  ['Översyn av köpta LSS-platser', 6.0, 2.0, 'Förhandling med två utförare pågår', 'Funktionsstöd'],
  ['Digitala tillsynsbesök', null, null, 'Utreds; effekt ej beräknad', 'Hemtjänst Väster'],
];

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', 'examples');
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, Uint8Array][] = [
    ['helse-og-omsorg-2024-04.xlsx', await workbook(NB, NB_UNITS, NB_MEASURES, 2024)],
    ['vard-och-omsorg-2024-04.xlsx', await workbook(SV, SV_UNITS, SV_MEASURES, 4202)],
  ];
  for (const [name, bytes] of files) {
    fs.writeFileSync(path.join(dir, name), bytes);
    process.stdout.write(`wrote examples/${name}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`make-examples: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
