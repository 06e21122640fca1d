/**
 * A grid of cells as the workbook port hands it to the core: values, number formats and formulas of
 * one rectangular range of one sheet. Rows and columns are 0-based sheet coordinates.
 */

/** An Excel error value such as `#REF!` or `#N/A`, kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | CellError | null;

/**
 * How a reader marks a cell it could not read (a shared string the workbook does not have, a cell type
 * it does not know): an error whose text starts so, and says what went wrong after it.
 */
export const UNREADABLE_PREFIX = '#UNREADABLE: ';

/** The reason a cell could not be read, or null when it was read. */
export function unreadableReason(v: CellValue): string | null {
  return isCellError(v) && v.error.startsWith(UNREADABLE_PREFIX) ? v.error.slice(UNREADABLE_PREFIX.length) : null;
}

export interface Grid {
  readonly sheet: string;
  /** Sheet row of values[0] (0-based). */
  readonly top: number;
  /** Sheet column of values[r][0] (0-based). */
  readonly left: number;
  readonly values: readonly (readonly CellValue[])[];
  /** Number format code per cell (`General` where none); same shape as values. */
  readonly formats: readonly (readonly string[])[];
  /** Formula text without the leading `=` where the cell holds one; same shape as values, or absent. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Sheet rows (0-based) that are hidden or filtered out. */
  readonly hiddenRows?: ReadonlySet<number>;
  /** Merged areas, in sheet coordinates. */
  readonly merges?: readonly CellRange[];
}

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function parseA1(ref: string): CellAddress | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Quotes a sheet name for use in a reference when Excel would: `'Budget 2024'`, `Data`. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Budget 2024'!D7` — the sheet-qualified address that warnings and reviewers use. */
export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellA1(row, col)}`;
}

export function rangeA1(r: CellRange): string {
  const a = cellA1(r.top, r.left);
  const b = cellA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function sheetRange(sheet: string, r: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeA1(r)}`;
}

export interface SheetRangeRef {
  readonly sheet: string | null;
  readonly range: CellRange;
}

/** Parses `'Budget 2024'!A1:N13`, `Tiltak!A2:C11`, `A1:B2` or `B7`. Returns null when malformed. */
export function parseSheetRange(text: string): SheetRangeRef | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] !== undefined ? m[2] : null;
  const a = parseA1(m[3]);
  const b = m[4] ? parseA1(m[4]) : a;
  if (!a || !b) return null;
  return {
    sheet,
    range: {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    },
  };
}

/** Whether two ranges share a cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function gridRange(g: Grid): CellRange {
  const rows = g.values.length;
  // A loop, not Math.max(...rows): spreading a million rows overflows the call stack.
  let cols = 0;
  // Indexed: a for…of makes an iterator result per row in code not yet optimised.
  for (let i = 0; i < rows; i++) if (g.values[i].length > cols) cols = g.values[i].length;
  return { top: g.top, left: g.left, bottom: g.top + Math.max(rows, 1) - 1, right: g.left + Math.max(cols, 1) - 1 };
}

/** The value at sheet coordinates, or null outside the grid. */
export function valueAt(g: Grid, row: number, col: number): CellValue {
  const r = g.values[row - g.top];
  if (!r) return null;
  const v = r[col - g.left];
  return v === undefined ? null : v;
}

export function formatAt(g: Grid, row: number, col: number): string {
  const r = g.formats[row - g.top];
  return (r && r[col - g.left]) || 'General';
}

export function formulaAt(g: Grid, row: number, col: number): string | null {
  const r = g.formulas?.[row - g.top];
  return (r && r[col - g.left]) || null;
}

/** Builds a grid from plain rows, for tests and for adapters that read values only. */
export function gridOf(sheet: string, values: CellValue[][], opts: { top?: number; left?: number; formats?: string[][] } = {}): Grid {
  return {
    sheet,
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values,
    formats: opts.formats ?? values.map((r) => r.map(() => 'General')),
  };
}
