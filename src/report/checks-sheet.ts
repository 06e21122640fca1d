/**
 * The checks sheet for reviewers: the findings grouped, each with a link to its cell, the sources used
 * and what was recognised in each, and the settings the follow-up was made with. It stays inside
 * Excel's grid and its cells' text limit whatever the workbook holds: long lists are cut with a count.
 */
import type { FollowUpModel, OutputLanguage } from '../core/model';
import { groupWarnings } from '../core/warning-groups';
import { amountWithUnit } from '../core/format';
import { MAX_CELL_TEXT, REPORT_PAGE, type CellStyle, type LayoutCell, type SheetLayout } from './layout';
import { describeColumn, describeSource, periodText, withMonth, WORDS } from './i18n';
import { sheetName } from './sheet-name';

/** Year end or year to date, as the follow-up was made. */
const EVALUATION = {
  nb: { label: 'Vurdering', 'year-end': 'årsavslutning: hele året, uten prognose', 'year-to-date': 'hittil i år' },
  sv: { label: 'Uppföljning', 'year-end': 'årsbokslut: hela året, utan prognos', 'year-to-date': 'hittills i år' },
  en: { label: 'Evaluation', 'year-end': 'year end: the whole year, no forecast', 'year-to-date': 'year to date' },
} as const;

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', borderBottom: 'thin' };
const SECTION: CellStyle = { bold: true, size: 12 };

export function checksSheetName(model: FollowUpModel): string {
  return sheetName(WORDS[model.language].checksSheet, model.period);
}

/**
 * Rows a list on the checks sheet may take before the rest is counted instead: far inside Excel's
 * 1,048,576 rows, and a sheet a reviewer can still scroll. Every finding is in the JSON report.
 */
export const MAX_LIST_ROWS = 20_000;

const LEFT_OUT: Record<OutputLanguage, (n: number) => string> = {
  en: (n) => `… ${n} more not listed here (the JSON report lists them all).`,
  nb: (n) => `… ${n} til er ikke listet her (JSON-rapporten har alle).`,
  sv: (n) => `… ${n} till listas inte här (JSON-rapporten har alla).`,
};

/** A text as a cell holds it: never longer than Excel's limit (a longer one is cut, and says so). */
function cellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT - 1)}…`;
}

const LINK: CellStyle = { color: '0563C1' };

/** One row of a list: a cell (linked when there is one) and a text. */
function listRow(row: number, cell: string | null, text: string, indent = false): LayoutCell[] {
  return [
    { row, col: 0, value: cell ?? '', link: cell ?? undefined, style: cell ? LINK : undefined },
    { row, col: 1, value: cellText(indent ? `   ${text}` : text), style: { wrap: true } },
  ];
}

/** One row of a list, and whether it is one of the list's items (a finding, a source) or says more about the item above it (a column's reading). */
interface ListRow {
  readonly cells: (row: number) => LayoutCell[];
  readonly item: boolean;
}

/**
 * A list's rows from `row`, added to `cells`, cut at MAX_LIST_ROWS rows from `top` with a count of
 * the items not listed (of `items` in all). Returns the row after the last one written.
 */
function cutList(model: FollowUpModel, rows: Iterable<ListRow>, items: number, top: number, row: number, cells: LayoutCell[]): number {
  let listed = 0;
  for (const r of rows) {
    if (row - top >= MAX_LIST_ROWS) break;
    cells.push(...r.cells(row++));
    if (r.item) listed++;
  }
  if (listed < items) cells.push({ row: row++, col: 1, value: LEFT_OUT[model.language](items - listed), style: { italic: true } });
  return row;
}

/** Each finding's row: a group's first with its message, the others under it, indented; every one an item. */
function* warningList(model: FollowUpModel): Iterable<ListRow> {
  for (const g of groupWarnings(model.warnings, model.language)) {
    yield { cells: (row) => listRow(row, g.cell, g.message), item: true };
    for (const m of g.members.slice(1)) yield { cells: (row) => listRow(row, m.cell, m.message, true), item: true };
  }
}

/** Each source's row, and under it each column's reading, so a reviewer sees which column was taken for what. */
function* sourceList(model: FollowUpModel): Iterable<ListRow> {
  for (const s of model.sources) {
    yield { cells: (row) => listRow(row, s.range, describeSource(s, model.language)), item: true };
    for (const c of s.columns ?? []) {
      const style = { color: c.role === 'ignored' ? '7F7F7F' : undefined };
      yield { cells: (row) => [{ row, col: 1, value: cellText(describeColumn(c, model.language)), style }], item: false };
    }
  }
}

/**
 * The findings, grouped: one row for the same finding on many lines (counted, the first few named),
 * then a row for each of the others with its cell. A list past MAX_LIST_ROWS is cut with a count.
 */
function warningRows(model: FollowUpModel, start: number): { cells: LayoutCell[]; rows: number } {
  const w = WORDS[model.language].checks;
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: `${w.warnings} (${model.warnings.length})`, style: SECTION },
    { row: start + 1, col: 0, value: w.cell, style: HEAD },
    { row: start + 1, col: 1, value: w.message, style: HEAD },
  ];
  let row = start + 2;
  if (model.warnings.length === 0) cells.push({ row: row++, col: 1, value: w.noWarnings });
  row = cutList(model, warningList(model), model.warnings.length, start + 2, row, cells);
  return { cells, rows: Math.max(row - start - 2, 1) };
}

/**
 * The lines whose forecast moved most since last month's follow-up, largest first, each with its
 * source's cell: "100 Hjemmetjeneste: 21 000 → 23 500 (+2 500)". Nothing without an earlier follow-up.
 */
function moveRows(model: FollowUpModel, start: number): { cells: LayoutCell[]; rows: number } {
  const previous = model.previous;
  if (!previous) return { cells: [], rows: 0 };
  const words = WORDS[model.language].moves;
  const lang = model.language;
  const cells: LayoutCell[] = [{ row: start, col: 0, value: withMonth(words.title, previous.period, lang), style: SECTION }];
  const byKey = new Map(model.lines.map((l) => [l.key, l]));
  const moved = previous.largestMoves.flatMap((k) => byKey.get(k) ?? []);
  if (moved.length === 0) cells.push({ row: start + 1, col: 1, value: withMonth(words.none, previous.period, lang) });
  moved.forEach((l, i) => {
    const amount = (v: typeof l.forecast | undefined, plus = false): string => amountWithUnit(v ?? null, model.unit, lang, plus);
    const text = `${l.label}: ${amount(l.previousForecast)} → ${amount(l.forecast)} (${amount(l.forecastChange, true)})`;
    cells.push(...listRow(start + 1 + i, l.origin.rows[0] ?? null, text));
  });
  return { cells, rows: 1 + Math.max(1, moved.length) + 1 };
}

function sourceRows(model: FollowUpModel, start: number): { cells: LayoutCell[]; rows: number } {
  const w = WORDS[model.language].checks;
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: w.sources, style: SECTION },
    { row: start + 1, col: 0, value: w.range, style: HEAD },
    { row: start + 1, col: 1, value: w.recognised, style: HEAD },
  ];
  const row = cutList(model, sourceList(model), model.sources.length, start + 2, start + 2, cells);
  return { cells, rows: row - start - 2 };
}

function settingRows(model: FollowUpModel, start: number, generatedAt: string): { cells: LayoutCell[]; rows: number } {
  const w = WORDS[model.language];
  const rows: [string, string][] = [
    [w.checks.period, model.period ? `${model.period} (${periodText(model.period, model.language)})` : '—'],
    [EVALUATION[model.language].label, EVALUATION[model.language][model.evaluation ?? 'year-to-date']],
    [w.checks.signConvention, w.sign[model.signConvention]],
    [w.checks.forecastMethod, w.methods[model.forecastMethod]],
    [w.checks.generatedAt, generatedAt],
  ];
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: w.checks.settings, style: SECTION },
    ...rows.flatMap(([k, v], i) => [
      { row: start + 1 + i, col: 0, value: k, style: { bold: true } },
      { row: start + 1 + i, col: 1, value: v },
    ]),
  ];
  return { cells, rows: rows.length };
}

/** Words of the "seen, not used" section (kept here: the section is this sheet's alone). */
const SEEN_WORDS: Record<OutputLanguage, { readonly title: string; readonly why: string }> = {
  nb: { title: 'Sett, ikke brukt', why: 'Hvorfor' },
  sv: { title: 'Sett, inte använt', why: 'Varför' },
  en: { title: 'Seen, not used', why: 'Why' },
};

/** What was seen but not used (other views, the pivots' own data, counts), each with why. */
function seenRows(model: FollowUpModel, start: number): LayoutCell[] {
  const seen = model.seen ?? [];
  if (seen.length === 0) return [];
  const w = WORDS[model.language].checks;
  const words = SEEN_WORDS[model.language];
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: words.title, style: SECTION },
    { row: start + 1, col: 0, value: w.range, style: HEAD },
    { row: start + 1, col: 1, value: words.why, style: HEAD },
  ];
  const rows = seen.map((s): ListRow => ({ cells: (row) => listRow(row, s.range, s.reason), item: true }));
  cutList(model, rows, seen.length, start + 2, start + 2, cells);
  return cells;
}

export function checksSheet(model: FollowUpModel, generatedAt: string, name = checksSheetName(model)): SheetLayout {
  const w = WORDS[model.language].checks;
  const warnings = warningRows(model, 2);
  const moves = moveRows(model, 2 + 2 + warnings.rows + 1);
  const sourcesStart = 2 + 2 + warnings.rows + 1 + moves.rows;
  const sources = sourceRows(model, sourcesStart);
  const settingsStart = sourcesStart + 2 + sources.rows + 1;
  const settings = settingRows(model, settingsStart, generatedAt);
  return {
    name,
    cells: [
      { row: 0, col: 0, value: w.title, style: { bold: true, size: 14 } },
      ...warnings.cells,
      ...moves.cells,
      ...sources.cells,
      ...settings.cells,
      ...seenRows(model, settingsStart + 1 + settings.rows + 1),
    ],
    columns: [
      { col: 0, width: 28 },
      { col: 1, width: 110 },
    ],
    page: { ...REPORT_PAGE, footer: `&L${w.title.replace(/&/g, '&&')} · ${generatedAt}&R&P / &N` },
  };
}
