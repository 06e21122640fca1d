/**
 * What people wrote on a follow-up sheet, carried into the next one: the outcome, analysis and action
 * texts and their own forecasts, by line key. Nothing typed is ever dropped: text of a line that
 * disappeared goes to the sheet's archive section and stays there.
 *
 * The forecast each line showed is read back too: last month's forecast, which the next follow-up
 * compares its own with. It is read as people may have left it (a moved column, a formula's value, a
 * text number with a true minus or no-break spaces); a figure that cannot be read is said, never guessed.
 *
 * Each generated sheet has three hidden columns the add-in reads back (headers `#key`, `#seen`,
 * `#text`): the line key, the variance when the text was first seen, and a fingerprint of the text.
 */
import { formatAt, formulaAt, isCellError, sheetCell, type CellValue, type Grid } from '../core/grid';
import { normaliseName } from '../core/labels';
import { dec, type Money } from '../core/money';
import { readAmount } from '../core/numbers';
import { finding, type Finding } from '../core/warnings';

export const HIDDEN_HEADERS = { key: '#key', seen: '#seen', text: '#text' } as const;

export interface LineNotes {
  readonly key: string;
  readonly name: string;
  readonly outcome: string;
  readonly analysis: string;
  readonly action: string;
  /** A forecast the person typed for the line (exact decimal string), or null. */
  readonly manualForecast: string | null;
  /** The variance shown when this text was first seen by the add-in. */
  readonly seenVariance: Money | null;
  /** Fingerprint of the texts when seenVariance was recorded. */
  readonly fingerprint: string | null;
  /** The variance the sheet showed for the line (what the author saw while writing). */
  readonly shownVariance: Money | null;
  /** The forecast the sheet showed for the line, exact; null when it had none or it could not be read. */
  readonly forecast: Money | null;
}

export interface SheetNotes {
  readonly lines: ReadonlyMap<string, LineNotes>;
  /** Forecasts on the sheet that could not be read, each naming its cell. */
  readonly unreadable: readonly Finding[];
}

/** Column of each field, found by the headers the sheet was written with. */
export interface NotesColumns {
  readonly name: number;
  readonly variance: number;
  readonly forecast: number;
  readonly manualForecast: number;
  readonly outcome: number;
  readonly analysis: number;
  readonly action: number;
  readonly key: number;
  readonly seen: number;
  readonly text: number;
}

/** FNV-1a over the texts: enough to tell that a person changed them. */
export function fingerprint(texts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of texts.join('\u241e')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function hasText(n: Pick<LineNotes, 'outcome' | 'analysis' | 'action'>): boolean {
  return Boolean(n.outcome || n.analysis || n.action);
}

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return '';
  return String(v).trim();
}

function amount(v: CellValue): Money | null {
  if (typeof v === 'number' && Number.isFinite(v)) return dec(v.toPrecision(15));
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return dec(v.trim());
  return null;
}

/**
 * The forecast in a line's cell, exact: a number, a formula's value or a text number as people write
 * it. Anything else (an error, a word, a formula without a value, a number that reads two ways) gives
 * a finding naming the cell and no figure.
 */
function forecastAt(grid: Grid, row: number, col: number, label: string): { value: Money | null; unreadable: Finding | null } {
  if (col < 0) return { value: null, unreadable: null };
  const v = grid.values[row - grid.top]?.[col - grid.left] ?? null;
  const cell = sheetCell(grid.sheet, row, col);
  const formula = formulaAt(grid, row, col);
  if (v === null || (typeof v === 'string' && v.trim() === '')) {
    return { value: null, unreadable: formula === null ? null : unreadableForecast(label, `=${formula}`, cell) };
  }
  const read = readAmount(v, formatAt(grid, row, col), cell, null);
  if (read.amount !== null && read.finding === null && !read.isPercent) return { value: read.amount.value, unreadable: null };
  return { value: null, unreadable: unreadableForecast(label, isCellError(v) ? v.error : String(v), cell) };
}

function unreadableForecast(label: string, text: string, cell: string): Finding {
  return finding('previous-forecast-unreadable', { label, text }, cell);
}

function findHeaderRow(grid: Grid): number {
  return grid.values.findIndex((row) => row.some((v) => v === HIDDEN_HEADERS.key));
}

/**
 * Reads the notes of a sheet the add-in generated. `columns` maps the header row's fields; rows
 * without a key are not lines (title, totals, archive headings).
 */
export function readNotes(grid: Grid, columnsOf: (header: readonly CellValue[]) => NotesColumns | null): SheetNotes {
  const lines = new Map<string, LineNotes>();
  const unreadable: Finding[] = [];
  const h = findHeaderRow(grid);
  if (h < 0) return { lines, unreadable };
  const cols = columnsOf(grid.values[h]);
  if (!cols) return { lines, unreadable };
  const at = (row: readonly CellValue[], c: number): CellValue => (c < 0 ? null : (row[c - grid.left] ?? null));
  for (const [i, row] of grid.values.slice(h + 1).entries()) {
    const key = text(at(row, cols.key));
    if (!key) continue;
    const manual = amount(at(row, cols.manualForecast));
    const name = text(at(row, cols.name));
    // The line as the person knows it: "300 Rus og psykisk helse" (the key shows apart from the name when it is a code).
    const label = name && key !== normaliseName(name) ? `${key} ${name}` : name || key;
    const forecast = forecastAt(grid, grid.top + h + 1 + i, cols.forecast, label);
    if (forecast.unreadable) unreadable.push(forecast.unreadable);
    lines.set(key, {
      key,
      name,
      outcome: text(at(row, cols.outcome)),
      analysis: text(at(row, cols.analysis)),
      action: text(at(row, cols.action)),
      manualForecast: manual === null ? null : manual.toFixed(),
      seenVariance: amount(at(row, cols.seen)),
      fingerprint: text(at(row, cols.text)) || null,
      shownVariance: amount(at(row, cols.variance)),
      forecast: forecast.value,
    });
  }
  return { lines, unreadable };
}

export interface Staleness {
  /** The variance to remember for this text. */
  readonly seen: Money | null;
  readonly fingerprint: string | null;
  /** True when the variance moved more than the allowed share of the budget since the text was written. */
  readonly stale: boolean;
}

/** A line with nothing written for it (most lines): one object for them all. */
const NOTHING_WRITTEN: Staleness = { seen: null, fingerprint: null, stale: false };

/**
 * Whether a comment may be out of date: the variance has moved by more than `share` of |budget| since
 * the text was written. A text that changed since the last run is taken as written against the
 * variance the sheet showed then.
 */
export function staleness(notes: LineNotes | undefined, variance: Money | null, budget: Money | null, share: Money): Staleness {
  if (!notes || !hasText(notes)) return NOTHING_WRITTEN;
  const print = fingerprint([notes.outcome, notes.analysis, notes.action]);
  const seen = notes.fingerprint === print && notes.seenVariance !== null ? notes.seenVariance : notes.shownVariance;
  if (seen === null || variance === null) return { seen, fingerprint: print, stale: false };
  const allowed = budget === null ? dec(0) : budget.abs().times(share);
  return { seen, fingerprint: print, stale: variance.minus(seen).abs().gt(allowed) };
}
