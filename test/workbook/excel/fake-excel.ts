/**
 * A faithful fake of the subset of the Excel JavaScript API (Office.js) the Excel adapter uses.
 *
 * Like Office.js, every object is a proxy: setting a property or calling a method QUEUES an action;
 * nothing happens to the workbook until `context.sync()`, which runs the queued actions in order
 * against an in-memory workbook the tests can inspect. Reading a property that was not `load`ed, or
 * before the sync that loads it, THROWS (PropertyNotLoaded), as Office.js does. `*OrNullObject`
 * methods give objects whose `isNullObject` is known after a sync that loaded them.
 *
 * Excel's own behaviour is modelled where the adapter depends on it: text written through
 * `values`/`formulas` is interpreted as Excel interprets typed input (`=…` a formula, `+…`/`-…` a
 * formula or a number, `123`/`2024-01-31`/`TRUE`/`#N/A` coerced, a leading apostrophe swallowed and
 * the rest kept as text, a Text-formatted cell keeping anything as text); a 1×1 input fills a larger
 * range ("single input copy"); a formula Excel cannot parse is refused (InvalidArgument); formulas are
 * computed when read (fake-formula.ts); a linked empty cell shows the link's address; new conditional
 * formats go on top; a protected sheet refuses edits and a protected workbook structure refuses
 * adding, deleting and renaming sheets (AccessDenied); the last visible sheet cannot be hidden or
 * deleted.
 *
 * It COUNTS round trips (a sync with queued actions), MEASURES each request's size as Office.js would
 * serialize it (object paths + actions with their arguments, UTF-8 JSON) and each response's size,
 * refuses either above Excel on the web's 5 MB, and can be told to fail at the Nth sync after some of
 * its actions ran — as a real batch fails: what ran before the failing action stays done.
 *
 * APIs beyond the fake's `apiVersion` throw ApiNotFound when called, so ExcelApi 1.8 fallbacks can be
 * tested. Anything outside the supported surface throws a plain Error naming it.
 *
 * And what real Excel refuses or does to people's formulas: a veryHidden sheet cannot be deleted
 * (InvalidOperation); renaming a sheet rewrites every formula and defined name that points at it,
 * deleting it turns those references into #REF!; inserting rows moves references into the sheet
 * (`insertRows`, a person's edit); while a person edits a cell every request fails
 * (InvalidOperationInCellEditMode); two `run`s started together interleave their syncs, as two
 * contexts of one add-in do.
 */
import type { CellRange, CellValue, Grid } from '../../../src/core/grid';
import { cellA1, columnIndex, quoteSheet, rangeA1 } from '../../../src/core/grid';
import type { ExcelRun } from '../../../src/workbook/excel/workbook';
import { FormulaSyntaxError, computeFormula, parseFormula, type Env, type FScalar } from './fake-formula';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// ------------------------------------------------------------------------------------------ errors

const MESSAGES: Record<string, string> = {
  PropertyNotLoaded: 'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  AccessDenied: 'You cannot perform the requested operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  GeneralException: 'An internal error has occurred.',
  InvalidOperationInCellEditMode: 'The operation is not available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.',
};

/** Shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, detail?: string, location?: string) {
    super(detail ? `${MESSAGES[code] ?? code} ${detail}` : (MESSAGES[code] ?? code));
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message: this.message, errorLocation: location };
  }
}

const fail = (code: string, detail?: string, location?: string): never => {
  throw new FakeOfficeError(code, detail, location);
};

// ------------------------------------------------------------------------------------------ model

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeBorder {
  style: string;
  weight?: string;
  color?: string;
}

export interface FakeLink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  /** Constant value (null: none). */
  value: string | number | boolean | null;
  /** Constant error value (`#N/A` typed in). */
  error: string | null;
  /** Formula without the leading `=`. */
  formula: string | null;
  /** The value stored with a formula in a file (read until the cell is written); undefined: compute. */
  cached: FScalar | undefined;
  numberFormat: string;
  quotePrefix: boolean;
  font: { bold?: boolean; italic?: boolean; size?: number; color?: string; name?: string };
  fill: string | null;
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
  borders: Record<string, FakeBorder>;
  hyperlink: FakeLink | null;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export interface FakeConditionalFormat {
  readonly id: string;
  readonly type: string;
  areas: CellRange[];
  rule: Record<string, unknown>;
  format: { font: { bold?: boolean; italic?: boolean; color?: string }; fill: string | null };
  dataBar: { positive: Record<string, unknown>; negative: Record<string, unknown>; axisFormat?: string; barDirection?: string };
  stopIfTrue: boolean;
}

export interface FakePivot {
  readonly id: string;
  name: string;
  range: CellRange;
  rowLabelRange?: CellRange;
  columnLabelRange?: CellRange;
  dataBodyRange?: CellRange;
  /** What the PivotTable API says of its fields and layout (absent: no hierarchies, Excel's defaults). */
  definition?: FakePivotDefinition;
}

/** A pivot's hierarchies and layout as the PivotTable API shows them. */
export interface FakePivotDefinition {
  rows: string[];
  columns: string[];
  filters: string[];
  data: { name: string; summarizeBy: string; showAs: string }[];
  layoutType: 'Compact' | 'Outline' | 'Tabular';
  subtotalLocation: 'AtTop' | 'AtBottom' | 'Off';
  showRowGrandTotals: boolean;
  showColumnGrandTotals: boolean;
  /** `getDataSourceString()` (ExcelApi 1.15): the source range's address or table's name. */
  source: string;
}

export interface FakePageLayout {
  orientation: string;
  zoom: Record<string, unknown> | null;
  printTitleRows: string | null;
  /** `setPrintArea` (ExcelApi 1.9): the address given, or null. */
  printArea?: string | null;
  footers: { left: string; center: string; right: string };
  margins: Record<string, number>;
  paperSize: string | null;
}

export interface FakeNote {
  readonly kind: 'note' | 'comment';
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  visibility: Visibility;
  tabColor: string | null;
  showGridlines: boolean;
  protected: boolean;
  cells: Map<number, FakeCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  merges: CellRange[];
  names: FakeName[];
  freeze: { rows: number; cols: number } | null;
  conditionalFormats: FakeConditionalFormat[];
  pageLayout: FakePageLayout;
  notes: FakeNote[];
  pivots: FakePivot[];
  /** Charts on the sheet (made by Worksheet.charts.add). */
  charts?: FakeChart[];
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

function newCell(): FakeCell {
  return {
    value: null,
    error: null,
    formula: null,
    cached: undefined,
    numberFormat: 'General',
    quotePrefix: false,
    font: {},
    fill: null,
    horizontalAlignment: null,
    verticalAlignment: null,
    wrapText: false,
    indentLevel: 0,
    locked: true,
    borders: {},
    hyperlink: null,
  };
}

const hasContent = (c: FakeCell): boolean => c.value !== null || c.error !== null || c.formula !== null;

function versionLess(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 < b2);
}

const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Excel's date serial of an ISO or US date typed in, or null. */
function dateSerial(s: string): number | null {
  let y: number;
  let m: number;
  let d: number;
  let mm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (mm) [y, m, d] = [Number(mm[1]), Number(mm[2]), Number(mm[3])];
  else {
    mm = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!mm) return null;
    [m, d, y] = [Number(mm[1]), Number(mm[2]), Number(mm[3])];
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Parses an A1 address of a sheet: `A1`, `$A$1:B2`, `A:C`, `3:5`, optionally `'Sheet'!…`. */
export function parseAddress(address: string): { sheet: string | null; area: CellRange } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(.+)$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] !== undefined ? m[2] : null;
  const ref = m[3].replace(/\$/g, '').toUpperCase();
  let r = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(ref);
  if (r) {
    const r1 = Number(r[2]) - 1;
    const c1 = columnIndex(r[1]);
    const r2 = r[4] !== undefined ? Number(r[4]) - 1 : r1;
    const c2 = r[3] !== undefined ? columnIndex(r[3]) : c1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { sheet, area: { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) } };
  }
  r = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref);
  if (r) {
    const c1 = columnIndex(r[1]);
    const c2 = columnIndex(r[2]);
    return { sheet, area: { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) } };
  }
  r = /^(\d{1,7}):(\d{1,7})$/.exec(ref);
  if (r) {
    const r1 = Number(r[1]) - 1;
    const r2 = Number(r[2]) - 1;
    return { sheet, area: { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 } };
  }
  return null;
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

function normalColor(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v)) fail('InvalidArgument', `bad colour ${String(v)}`);
  return (v as string).toUpperCase();
}

function visibleCount(fake: FakeExcel): number {
  return fake.sheets.filter((s) => s.visibility === 'Visible').length;
}

export interface RequestRecord {
  readonly sync: number;
  /** Request bytes as Office.js would send them (UTF-8 JSON of object paths and actions). */
  readonly bytes: number;
  readonly actions: number;
  responseBytes: number;
  /** suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync in this request. */
  suspendedCalculation: boolean;
  suspendedScreen: boolean;
}

interface Failure {
  readonly code: string;
  /** Actions of the failing request that run before it fails (default: half of them). */
  readonly afterActions?: number;
}

/** Sheet-qualified references in a formula, and string literals (skipped): `'Name'!A1`, `Name!A1:B2`, `Name!A:A`. */
const SHEET_REF =
  /("(?:[^"]|"")*")|('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/g;

/** A formula with each reference to `sheet` replaced by what `to` makes of it (the reference without the sheet). */
export function rewriteSheetRefs(formula: string, sheet: string, to: (ref: string) => string): string {
  return formula.replace(SHEET_REF, (m: string, str: string | undefined, prefix: string, ref: string) => {
    if (str !== undefined) return m;
    const name = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
    return name.toLowerCase() === sheet.toLowerCase() ? to(ref) : m;
  });
}

/** A reference's rows (1-based) at or below `row` moved down by `count`, as inserting rows does. */
function shiftRows(ref: string, row: number, count: number): string {
  return ref.replace(/(\$?[A-Za-z]{1,3}\$?)(\d+)/g, (_m, col: string, r: string) => `${col}${Number(r) >= row ? Number(r) + count : Number(r)}`);
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped defined names. */
  names: FakeName[] = [];
  /** A person is editing a cell: every request fails (InvalidOperationInCellEditMode). */
  cellEditMode = false;
  /** Each `run`'s options, in order (mergeUndoGroup). */
  readonly runs: { mergeUndoGroup: boolean }[] = [];
  activeId: string | null = null;
  /** Workbook structure protection: no adding, deleting, renaming, moving or hiding sheets. */
  structureProtected = false;
  /** The highest ExcelApi requirement set this "Excel" supports. */
  apiVersion: string;
  syncCount = 0;
  readonly requests: RequestRecord[] = [];
  private readonly failures = new Map<number, Failure>();
  private nextSheetId = 1;
  private nextObjectId = 1;

  /** The workbook counts dates in the 1904 system (a Mac setting): its date cells hold 1904 serials. */
  date1904: boolean;

  constructor(opts: { apiVersion?: string; date1904?: boolean } = {}) {
    this.apiVersion = opts.apiVersion ?? '1.18';
    this.date1904 = !!opts.date1904;
  }

  /** `Office.context.requirements.isSetSupported` of this Excel. */
  readonly isSetSupported = (set: string, version: string): boolean => set === 'ExcelApi' && !versionLess(this.apiVersion, version);

  /** `Excel.run`: runs the batch, then syncs what it left queued. */
  readonly run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T> => {
    const merge = !!options?.mergeUndoGroup;
    if (merge && versionLess(this.apiVersion, '1.20')) fail('ApiNotFound', 'RunOptions.mergeUndoGroup needs ExcelApi 1.20.');
    this.runs.push({ mergeUndoGroup: merge });
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  };

  /** Makes the Nth sync from now (1-based, counted over the fake's life) fail with `code`. */
  failAtSync(n: number, failure: Failure = { code: 'GeneralException' }): void {
    this.failures.set(n, failure);
  }

  /** @internal */
  takeFailure(n: number): Failure | undefined {
    const f = this.failures.get(n);
    this.failures.delete(n);
    return f;
  }

  /** @internal */
  newId(prefix: string): string {
    return `{${prefix}-${this.nextObjectId++}}`;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requests.length = 0;
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  // -------------------------------------------------------------------- building and inspecting

  addSheet(name: string, opts: { visibility?: Visibility; protected?: boolean } = {}): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextSheetId++}}`,
      name,
      visibility: opts.visibility ?? 'Visible',
      tabColor: null,
      showGridlines: true,
      protected: !!opts.protected,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
      merges: [],
      names: [],
      freeze: null,
      conditionalFormats: [],
      pageLayout: { orientation: 'Portrait', zoom: null, printTitleRows: null, footers: { left: '', center: '', right: '' }, margins: {}, paperSize: null },
      notes: [],
      pivots: [],
    };
    this.sheets.push(sheet);
    if (this.activeId === null && sheet.visibility === 'Visible') this.activeId = sheet.id;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  findSheet(keyOrName: string): FakeSheet | null {
    const lower = keyOrName.toLowerCase();
    return this.sheets.find((s) => s.id === keyOrName) ?? this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet holding a Grid's content as a file would (formulas with their stored values). */
  addGridSheet(grid: Grid, opts: { name?: string; visibility?: Visibility } = {}): FakeSheet {
    const s = this.addSheet(opts.name ?? grid.sheet, opts);
    grid.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = grid.top + i;
        const c = grid.left + j;
        const f = grid.formulas?.[i]?.[j] ?? null;
        const fmt = grid.formats[i]?.[j] ?? 'General';
        if (v === null && f === null && fmt === 'General') return;
        const cell = this.cellAt(s, r, c);
        cell.numberFormat = fmt;
        if (f !== null) {
          cell.formula = f;
          cell.cached = toScalar(v);
        } else if (typeof v === 'object' && v !== null) cell.error = v.error;
        else cell.value = v;
      }),
    );
    for (const r of grid.hiddenRows ?? []) s.hiddenRows.add(r);
    for (const m of grid.merges ?? []) s.merges.push({ ...m });
    return s;
  }

  addPivot(sheet: string, name: string, range: CellRange, parts: Partial<Pick<FakePivot, 'rowLabelRange' | 'columnLabelRange' | 'dataBodyRange'>> = {}): FakePivot {
    const p: FakePivot = { id: this.newId('pivot'), name, range, ...parts };
    this.sheet(sheet).pivots.push(p);
    return p;
  }

  /** A sheet-scoped defined name (`="followup"` style formulas for markers). */
  addName(sheet: string, name: string, formula: string): void {
    this.sheet(sheet).names.push({ name, formula, visible: true, comment: '' });
  }

  /** @internal */
  cellAt(s: FakeSheet, row: number, col: number): FakeCell {
    const k = key(row, col);
    let c = s.cells.get(k);
    if (!c) {
      c = newCell();
      s.cells.set(k, c);
    }
    return c;
  }

  cell(sheet: string, a1: string): FakeCell | null {
    const p = parseAddress(a1);
    if (!p) throw new Error(`fake: bad address ${a1}`);
    return this.sheet(sheet).cells.get(key(p.area.top, p.area.left)) ?? null;
  }

  /** What a cell shows as a value (formulas computed), as Range.values gives it. */
  valueOf(s: FakeSheet, row: number, col: number): FScalar {
    return new Evaluator(this, s).value(row, col);
  }

  /** The value at an address as a CellValue (errors as `{ error }`), for assertions. */
  value(sheet: string, a1: string): CellValue {
    const p = parseAddress(a1);
    if (!p) throw new Error(`fake: bad address ${a1}`);
    const v = this.valueOf(this.sheet(sheet), p.area.top, p.area.left);
    return v;
  }

  /** The whole workbook as deterministic JSON: equal snapshots, same workbook. */
  snapshot(): string {
    return JSON.stringify({
      active: this.activeId,
      sheets: this.sheets.map((s) => ({
        ...s,
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
      })),
    });
  }

  // -------------------------------------------------------------------- Excel's behaviour

  /** @internal Adds a sheet as WorksheetCollection.add does. */
  addSheetApi(name: string | undefined): FakeSheet {
    if (this.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkName(n);
    if (this.sheets.some((s) => s.name.toLowerCase() === (n as string).toLowerCase())) fail('ItemAlreadyExists', `A sheet named "${n}" already exists.`);
    return this.addSheet(n);
  }

  /** @internal */
  renameSheet(s: FakeSheet, name: string): void {
    if (s.name === name) return;
    if (this.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
    checkName(name);
    if (this.sheets.some((o) => o !== s && o.name.toLowerCase() === name.toLowerCase())) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const old = s.name;
    s.name = name;
    // Excel follows the sheet: every formula and name pointing at it now names it anew
    this.rewriteRefs(old, (ref) => `${quoteSheet(name)}!${ref}`);
  }

  /** @internal Every formula and defined name of the workbook, rewritten where it refers to `sheet`. */
  rewriteRefs(sheet: string, to: (ref: string) => string): void {
    for (const o of this.sheets) {
      for (const c of o.cells.values()) if (c.formula !== null) c.formula = rewriteSheetRefs(c.formula, sheet, to);
      for (const n of o.names) n.formula = rewriteSheetRefs(n.formula, sheet, to);
    }
    for (const n of this.names) n.formula = rewriteSheetRefs(n.formula, sheet, to);
  }

  /**
   * A person inserts `count` rows above row `at` (0-based) of a sheet: its cells move down, and so do
   * the references to them that name the sheet (defined names, other sheets' formulas).
   */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    const moved = new Map<number, FakeCell>();
    for (const [k, c] of s.cells) {
      const row = Math.floor(k / MAX_COLS);
      moved.set(row >= at ? key(row + count, k % MAX_COLS) : k, c);
    }
    s.cells = moved;
    this.rewriteRefs(s.name, (ref) => `${quoteSheet(s.name)}!${shiftRows(ref, at + 1, count)}`);
  }

  /** @internal */
  moveSheet(s: FakeSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail('InvalidArgument', `position ${position}`);
    const from = this.sheets.indexOf(s);
    if (from === position) return;
    if (this.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
    this.sheets.splice(from, 1);
    this.sheets.splice(position, 0, s);
  }

  /** @internal */
  setVisibility(s: FakeSheet, v: Visibility): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') fail('InvalidArgument', `visibility ${String(v)}`);
    if (s.visibility === v) return;
    if (this.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
    if (v !== 'Visible' && s.visibility === 'Visible' && visibleCount(this) === 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    s.visibility = v;
    if (v !== 'Visible' && this.activeId === s.id) this.activateNext(s);
  }

  /** @internal */
  deleteSheet(s: FakeSheet): void {
    if (this.structureProtected) fail('AccessDenied', 'The workbook structure is protected.');
    if (s.visibility === 'VeryHidden') fail('InvalidOperation', 'A very hidden sheet cannot be deleted.');
    if (s.visibility === 'Visible' && visibleCount(this) === 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    if (this.activeId === s.id) this.activateNext(s);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    // what pointed at the sheet is broken for good, even if a sheet of that name comes back
    this.rewriteRefs(s.name, () => '#REF!');
  }

  private activateNext(s: FakeSheet): void {
    const i = this.sheets.indexOf(s);
    const next = this.sheets.slice(i + 1).find((o) => o.visibility === 'Visible') ?? [...this.sheets.slice(0, i)].reverse().find((o) => o.visibility === 'Visible');
    this.activeId = next ? next.id : null;
  }

  /** @internal */
  activate(s: FakeSheet): void {
    if (s.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
    this.activeId = s.id;
  }

  /** @internal Throws AccessDenied when the sheet is protected. */
  editable(s: FakeSheet): void {
    if (s.protected) fail('AccessDenied', `The sheet "${s.name}" is protected.`);
  }

  /** @internal Writes one input as typing it would (Range.values / Range.formulas). */
  writeInput(s: FakeSheet, row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return; // null: leave the cell as it is
    const c = this.cellAt(s, row, col);
    c.cached = undefined;
    c.formula = null;
    c.error = null;
    c.value = null;
    c.quotePrefix = false;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) fail('InvalidArgument', 'not a finite number');
      c.value = input;
      return;
    }
    if (typeof input === 'boolean') {
      c.value = input;
      return;
    }
    if (typeof input !== 'string') return fail('InvalidArgument', `cannot write ${typeof input}`);
    if (input.length > 32767) fail('InvalidArgument', 'text longer than 32,767 characters');
    if (input === '') return; // cleared
    if (c.numberFormat === '@') {
      c.value = input;
      return;
    }
    if (input.startsWith("'")) {
      c.value = input.slice(1);
      c.quotePrefix = true;
      return;
    }
    const t = input.trim();
    const numeric = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?%?$/.test(t) && /\d/.test(t);
    if (numeric) {
      const pct = t.endsWith('%');
      const n = Number(t.replace(/[,%]/g, ''));
      if (Number.isFinite(n)) {
        c.value = pct ? n / 100 : n;
        if (pct && c.numberFormat === 'General') c.numberFormat = '0%';
        return;
      }
    }
    if (input.startsWith('=') || input.startsWith('+') || input.startsWith('-') || input.startsWith('@')) {
      const f = input.startsWith('=') ? input.slice(1) : input;
      try {
        parseFormula(f);
      } catch (e) {
        if (e instanceof FormulaSyntaxError) fail('InvalidArgument', `There's a problem with this formula: ${input}`);
        throw e;
      }
      c.formula = f;
      return;
    }
    const date = dateSerial(t);
    if (date !== null) {
      c.value = date;
      if (c.numberFormat === 'General') c.numberFormat = 'm/d/yyyy';
      return;
    }
    if (/^(TRUE|FALSE)$/i.test(t)) {
      c.value = t.toUpperCase() === 'TRUE';
      return;
    }
    if (ERROR_VALUES.includes(t.toUpperCase())) {
      c.error = t.toUpperCase();
      return;
    }
    c.value = input;
  }

  /** @internal Bounds of the cells with content (valuesOnly) or any cell record. */
  usedRange(s: FakeSheet, valuesOnly: boolean, within?: CellRange): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of s.cells) {
      if (valuesOnly && !hasContent(c)) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

function toScalar(v: CellValue): FScalar {
  return v;
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    fail('InvalidArgument', `"${name}" is not a valid sheet name.`);
  }
}

/** Computes formula cells, each once per read, with a guard against circular references. */
class Evaluator implements Env {
  private readonly memo = new Map<string, FScalar>();
  private readonly busy = new Set<string>();
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {}

  value(row: number, col: number, s: FakeSheet = this.sheet): FScalar {
    const c = s.cells.get(key(row, col));
    if (!c) return null;
    if (c.formula === null) return c.error !== null ? { error: c.error } : c.value;
    if (c.cached !== undefined) return c.cached;
    const k = `${s.id}:${row}:${col}`;
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    if (this.busy.has(k)) return 0;
    this.busy.add(k);
    const v = computeFormula(c.formula, { cell: (sheet, r, cc) => this.cell(sheet, r, cc, s) });
    this.busy.delete(k);
    this.memo.set(k, v);
    return v;
  }

  cell(sheet: string | null, row: number, col: number, from: FakeSheet = this.sheet): FScalar {
    const s = sheet === null ? from : this.fake.sheets.find((o) => o.name.toLowerCase() === sheet.toLowerCase());
    if (!s) return { error: '#REF!' };
    return this.value(row, col, s);
  }
}

// ------------------------------------------------------------------------------------------ proxies

interface Completion {
  readonly bytes: number;
  readonly apply: () => void;
}

interface Action {
  readonly obj: FakeObject<unknown>;
  readonly type: 'set' | 'method' | 'load';
  readonly name: string;
  readonly args: readonly unknown[];
  readonly run: () => Completion | void;
}

const ACTION_TYPE = { set: 4, method: 3, load: 2 } as const;

class FakeContext {
  readonly workbook: WorkbookProxy;
  private pending: Action[] = [];
  private nextPath = 1;
  private readonly root: RootProxy;

  constructor(readonly fake: FakeExcel) {
    this.root = new RootProxy(this);
    this.workbook = new WorkbookProxy(this, this.root);
  }

  pathId(): number {
    return this.nextPath++;
  }

  queue(a: Action): void {
    this.pending.push(a);
  }

  requireApi(version: string | undefined, what: string): void {
    if (version && versionLess(this.fake.apiVersion, version)) fail('ApiNotFound', `${what} needs ExcelApi ${version}.`);
  }

  private requestBytes(actions: readonly Action[]): number {
    const paths: Record<number, unknown> = {};
    const instantiate: unknown[] = [];
    let id = 1000000;
    const argJson = (x: unknown): unknown => (x instanceof FakeObject ? { ObjectPathId: x.pathId } : x);
    const addPath = (o: FakeObject<unknown>): void => {
      if (paths[o.pathId] !== undefined) return;
      if (o.parent) addPath(o.parent);
      paths[o.pathId] = {
        Id: o.pathId,
        ObjectPathType: o.parent ? 3 : 1,
        Name: o.pathName,
        ParentId: o.parent?.pathId,
        ArgumentInfo: { Arguments: o.pathArgs.map(argJson) },
      };
      instantiate.push({ Id: id++, ActionType: 1, Name: '', ObjectPathId: o.pathId });
    };
    const list = actions.map((a) => {
      addPath(a.obj);
      return { Id: id++, ActionType: ACTION_TYPE[a.type], Name: a.name, ObjectPathId: a.obj.pathId, ArgumentInfo: { Arguments: a.args.map(argJson) } };
    });
    return utf8(JSON.stringify({ Actions: [...instantiate, ...list], ObjectPaths: paths }));
  }

  async sync(): Promise<void> {
    if (this.pending.length === 0) return; // nothing queued: no round trip
    const actions = this.pending;
    this.pending = [];
    if (this.fake.cellEditMode) fail('InvalidOperationInCellEditMode');
    const n = ++this.fake.syncCount;
    const record: RequestRecord = {
      sync: n,
      bytes: this.requestBytes(actions),
      actions: actions.length,
      responseBytes: 0,
      suspendedCalculation: actions.some((a) => a.name === 'suspendApiCalculationUntilNextSync'),
      suspendedScreen: actions.some((a) => a.name === 'suspendScreenUpdatingUntilNextSync'),
    };
    this.fake.requests.push(record);
    await Promise.resolve();
    if (record.bytes > PAYLOAD_LIMIT) fail('RequestPayloadSizeLimitExceeded', `${record.bytes} bytes`);
    const failure = this.fake.takeFailure(n);
    const failAt = failure ? Math.min(actions.length, failure.afterActions ?? Math.floor(actions.length / 2)) : -1;
    const done: Completion[] = [];
    for (let i = 0; i < actions.length; i++) {
      if (i === failAt && failure) fail(failure.code, `(injected at sync ${n}, action ${i})`);
      const c = actions[i].run();
      if (c && typeof c.apply === 'function') done.push(c);
    }
    if (failure) fail(failure.code, `(injected at sync ${n}, after all actions)`);
    record.responseBytes = done.reduce((s, c) => s + c.bytes, 0);
    if (record.responseBytes > PAYLOAD_LIMIT) fail('ResponsePayloadSizeLimitExceeded', `${record.responseBytes} bytes`);
    for (const c of done) c.apply();
  }
}

function jsonSize(v: unknown): number {
  return utf8(JSON.stringify(v) ?? 'null');
}

abstract class FakeObject<T> {
  readonly pathId: number;
  private located = false;
  private target: T | null = null;
  private readonly props = new Map<string, unknown>();
  private loadedOnce = false;
  private isNull = false;
  private readonly children = new Map<string, FakeObject<unknown>>();
  /** Items of a loaded collection. */
  protected itemList: FakeObject<unknown>[] | null = null;

  constructor(
    readonly ctx: FakeContext,
    readonly parent: FakeObject<unknown> | null,
    readonly pathName: string,
    readonly pathArgs: readonly unknown[],
    private readonly locateFn: () => T | null,
    private readonly orNull = false,
  ) {
    this.pathId = ctx.pathId();
  }

  protected get fake(): FakeExcel {
    return this.ctx.fake;
  }

  /** Whether a model object is still there (a deleted sheet is not). */
  protected alive(_t: T): boolean {
    return true;
  }

  /** The model object, located once (at the first action that needs it), or null for a null object. */
  resolve(): T | null {
    if (!this.located) {
      this.target = this.locateFn();
      this.located = true;
      if (this.target === null && !this.orNull) fail('ItemNotFound', `(${this.pathName}(${this.pathArgs.map(String).join(', ')}))`);
    }
    if (this.target !== null && !this.alive(this.target)) fail('ItemNotFound', `(${this.pathName}: the object was deleted)`);
    return this.target;
  }

  must(): T {
    const t = this.resolve();
    if (t === null) return fail('InvalidOperation', `(${this.pathName}: the object is a null object)`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) fail('PropertyNotLoaded', '(isNullObject)');
    return this.isNull;
  }

  /** A loaded (or locally set) property; throws PropertyNotLoaded otherwise. */
  protected get<V>(prop: string): V {
    if (!this.props.has(prop)) fail('PropertyNotLoaded', `(${this.constructor.name.replace('Proxy', '')}.${prop})`);
    return this.props.get(prop) as V;
  }

  protected child<C extends FakeObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c as C;
  }

  protected queueSet(name: string, value: unknown, apply: (t: T) => void, version?: string): void {
    this.ctx.requireApi(version, `${this.constructor.name.replace('Proxy', '')}.${name}`);
    this.props.set(name, value); // as Office.js: the proxy keeps what was set
    this.ctx.queue({
      obj: this,
      type: 'set',
      name,
      args: [value],
      run: () => {
        apply(this.must());
      },
    });
  }

  protected queueCall(name: string, args: readonly unknown[], run: (t: T) => Completion | void, version?: string): void {
    this.ctx.requireApi(version, `${this.constructor.name.replace('Proxy', '')}.${name}`);
    this.ctx.queue({ obj: this, type: 'method', name, args, run: () => run(this.must()) });
  }

  load(spec?: string | string[]): this {
    if (spec === undefined || (typeof spec !== 'string' && !Array.isArray(spec))) {
      throw new Error('fake: load() needs property names (load what you read)');
    }
    const paths = (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter(Boolean);
    this.ctx.queue({ obj: this, type: 'load', name: 'Query', args: [{ Select: paths }], run: () => this.collect(paths) });
    return this;
  }

  /** @internal Reads what a load asks for, now; applied to the proxies once the sync succeeds. */
  collect(paths: readonly string[]): Completion {
    const t = this.resolve();
    if (t === null) {
      return {
        bytes: 20,
        apply: () => {
          this.loadedOnce = true;
          this.isNull = true;
        },
      };
    }
    const scalars = new Map<string, unknown>();
    const navs = new Map<string, string[]>();
    for (const p of paths) {
      const i = p.indexOf('/');
      if (i < 0) scalars.set(p, this.read(p, t));
      else {
        const head = p.slice(0, i);
        const list = navs.get(head) ?? [];
        list.push(p.slice(i + 1));
        navs.set(head, list);
      }
    }
    const subs: Completion[] = [];
    let items: FakeObject<unknown>[] | null = null;
    for (const [head, rest] of navs) {
      if (head === 'items') {
        items = this.makeItems(t);
        for (const it of items) subs.push(it.collect(rest));
      } else subs.push(this.nav(head).collect(rest));
    }
    const bytes = jsonSize(Object.fromEntries(scalars)) + subs.reduce((s, c) => s + c.bytes, 0);
    return {
      bytes,
      apply: () => {
        this.loadedOnce = true;
        this.isNull = false;
        for (const [k, v] of scalars) this.props.set(k, v);
        if (items) this.itemList = items;
        for (const c of subs) c.apply();
      },
    };
  }

  /** The current value of a property in the model. */
  protected read(prop: string, _t: T): unknown {
    throw new Error(`fake: ${this.constructor.name}.${prop} cannot be loaded`);
  }

  /** A navigation property, for load paths. */
  protected nav(name: string): FakeObject<unknown> {
    throw new Error(`fake: ${this.constructor.name} has no navigation property "${name}"`);
  }

  /** The item proxies of a collection. */
  protected makeItems(_t: T): FakeObject<unknown>[] {
    throw new Error(`fake: ${this.constructor.name} is not a collection`);
  }

  /** Items of a loaded collection. */
  protected loadedItems<I extends FakeObject<unknown>>(): I[] {
    if (this.itemList === null) fail('PropertyNotLoaded', `(${this.constructor.name.replace('Proxy', '')}.items)`);
    return this.itemList as I[];
  }
}

class RootProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext) {
    super(ctx, null, 'Workbook', [], () => ctx.fake);
  }
}

/** A client result (`getRowProperties`): its value after the sync. */
class FakeResult<V> {
  private ready = false;
  private v: V | undefined;
  get value(): V {
    if (!this.ready) fail('PropertyNotLoaded', '(ClientResult.value)');
    return this.v as V;
  }
  complete(bytes: number, value: V): Completion {
    return {
      bytes,
      apply: () => {
        this.v = value;
        this.ready = true;
      },
    };
  }
}

class WorkbookProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext, root: RootProxy) {
    super(ctx, root, 'workbook', [], () => ctx.fake);
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.child('worksheets', () => new WorksheetCollectionProxy(this.ctx, this));
  }
  get pivotTables(): PivotTableCollectionProxy {
    return this.child('pivotTables', () => new PivotTableCollectionProxy(this.ctx, this, () => this.fake.sheets));
  }
  get application(): ApplicationProxy {
    return this.child('application', () => new ApplicationProxy(this.ctx, this));
  }
  get names(): NamedItemCollectionProxy {
    return this.child('names', () => new NamedItemCollectionProxy(this.ctx, this, () => this.fake.names));
  }
  get protection(): WorkbookProtectionProxy {
    return this.child('protection', () => new WorkbookProtectionProxy(this.ctx, this));
  }
  get functions(): FunctionsProxy {
    return this.child('functions', () => new FunctionsProxy(this.ctx, this));
  }
  protected nav(name: string): FakeObject<unknown> {
    if (name === 'names') return this.names;
    if (name === 'protection') return this.protection;
    if (name === 'worksheets') return this.worksheets;
    if (name === 'pivotTables') return this.pivotTables;
    return super.nav(name);
  }
}

/** Workbook.protection: whether the structure is protected (ExcelApi 1.7). */
class WorkbookProtectionProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>) {
    super(ctx, parent, 'protection', [], () => ctx.fake);
  }
  protected read(prop: string, t: FakeExcel): unknown {
    if (prop === 'protected') return t.structureProtected;
    return super.read(prop, t);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

/** `workbook.functions` (ExcelApi 1.2): only DATE, which tells the workbook's date system. */
class FunctionsProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>) {
    super(ctx, parent, 'functions', [], () => ctx.fake);
  }
  date(year: number, month: number, day: number): FunctionResultProxy {
    this.ctx.requireApi('1.2', 'Functions.date');
    return new FunctionResultProxy(this.ctx, this, 'date', [year, month, day], () => {
      // Excel's serial of the date in the workbook's system (from 1 March 1900 on, where the 1900 system is plain)
      const serial = Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
      return { value: this.fake.date1904 ? serial - 1462 : serial };
    });
  }
}

class FunctionResultProxy extends FakeObject<{ value: number }> {
  get value(): number {
    return this.get<number>('value');
  }
  get error(): string | null {
    return this.get<string | null>('error');
  }
  protected read(prop: string, t: { value: number }): unknown {
    if (prop === 'value') return t.value;
    if (prop === 'error') return null;
    return super.read(prop, t);
  }
}

class ApplicationProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>) {
    super(ctx, parent, 'application', [], () => ctx.fake);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueCall('suspendApiCalculationUntilNextSync', [], () => undefined, '1.6');
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall('suspendScreenUpdatingUntilNextSync', [], () => undefined, '1.9');
  }
}

class WorksheetCollectionProxy extends FakeObject<FakeExcel> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>) {
    super(ctx, parent, 'worksheets', [], () => ctx.fake);
  }
  get items(): WorksheetProxy[] {
    return this.loadedItems<WorksheetProxy>();
  }
  protected makeItems(t: FakeExcel): FakeObject<unknown>[] {
    return t.sheets.map((s) => new WorksheetProxy(this.ctx, this, 'getItem', [s.id], () => s));
  }
  add(name?: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    const proxy = new WorksheetProxy(this.ctx, this, 'add', name === undefined ? [] : [name], () => created);
    this.queueCall('add', name === undefined ? [] : [name], (fake) => {
      created = fake.addSheetApi(name);
      proxy.resolve();
    });
    return proxy;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this, 'getItem', [key], () => this.fake.findSheet(key));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this, 'getItemOrNullObject', [key], () => this.fake.findSheet(key), true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this, 'getActiveWorksheet', [], () => this.fake.sheets.find((s) => s.id === this.fake.activeId) ?? null);
  }
}

interface Area {
  readonly sheet: FakeSheet;
  readonly area: CellRange;
}
interface Areas {
  readonly sheet: FakeSheet;
  readonly areas: readonly CellRange[];
}

class WorksheetProxy extends FakeObject<FakeSheet> {
  protected alive(t: FakeSheet): boolean {
    return this.fake.sheets.includes(t);
  }
  protected read(prop: string, t: FakeSheet): unknown {
    switch (prop) {
      case 'id':
        return t.id;
      case 'name':
        return t.name;
      case 'position':
        return this.fake.sheets.indexOf(t);
      case 'visibility':
        return t.visibility;
      case 'tabColor':
        return t.tabColor ?? '';
      case 'showGridlines':
        return t.showGridlines;
      default:
        return super.read(prop, t);
    }
  }
  protected nav(name: string): FakeObject<unknown> {
    if (name === 'names') return this.names;
    if (name === 'protection') return this.protection;
    return super.nav(name);
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queueSet('name', v, (s) => this.fake.renameSheet(s, v));
  }
  get position(): number {
    return this.get('position');
  }
  set position(v: number) {
    this.queueSet('position', v, (s) => this.fake.moveSheet(s, v));
  }
  get visibility(): Visibility {
    return this.get('visibility');
  }
  set visibility(v: Visibility) {
    this.queueSet('visibility', v, (s) => this.fake.setVisibility(s, v), '1.2');
  }
  get tabColor(): string {
    return this.get('tabColor');
  }
  set tabColor(v: string) {
    this.queueSet('tabColor', v, (s) => (s.tabColor = v === '' ? null : normalColor(v)), '1.7');
  }
  get showGridlines(): boolean {
    return this.get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this.queueSet('showGridlines', v, (s) => (s.showGridlines = v), '1.8');
  }
  get names(): NamedItemCollectionProxy {
    return this.child('names', () => new NamedItemCollectionProxy(this.ctx, this, () => this.must().names));
  }
  get pivotTables(): PivotTableCollectionProxy {
    return this.child('pivotTables', () => new PivotTableCollectionProxy(this.ctx, this, () => [this.must()]));
  }
  get freezePanes(): FreezePanesProxy {
    return this.child('freezePanes', () => new FreezePanesProxy(this.ctx, this, () => this.resolve()));
  }
  get pageLayout(): PageLayoutProxy {
    this.ctx.requireApi('1.9', 'Worksheet.pageLayout');
    return this.child('pageLayout', () => new PageLayoutProxy(this.ctx, this, 'pageLayout', [], () => this.resolve()));
  }
  get comments(): NotesProxy {
    this.ctx.requireApi('1.10', 'Worksheet.comments');
    return this.child('comments', () => new NotesProxy(this.ctx, this, 'comments', 'comment', () => this.resolve()));
  }
  get notes(): NotesProxy {
    this.ctx.requireApi('1.18', 'Worksheet.notes');
    return this.child('notes', () => new NotesProxy(this.ctx, this, 'notes', 'note', () => this.resolve()));
  }
  get protection(): ProtectionProxy {
    return this.child('protection', () => new ProtectionProxy(this.ctx, this, () => this.resolve()));
  }
  get charts(): ChartCollectionProxy {
    return this.child('charts', () => new ChartCollectionProxy(this.ctx, this, 'charts', [], () => this.resolve()));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, 'getRange', address === undefined ? [] : [address], () => {
      const s = this.must();
      if (address === undefined) return { sheet: s, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      return { sheet: s, area: areaOn(s, address) };
    });
  }
  getRanges(address: string): RangeAreasProxy {
    this.ctx.requireApi('1.9', 'Worksheet.getRanges');
    return new RangeAreasProxy(this.ctx, this, 'getRanges', [address], () => {
      const s = this.must();
      const parts = address.split(',').map((a) => a.trim());
      if (parts.some((p) => p === '')) fail('InvalidArgument', `(getRanges "${address}")`);
      return { sheet: s, areas: parts.map((p) => areaOn(s, p)) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.ctx.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    return new RangeProxy(this.ctx, this, 'getRangeByIndexes', [row, col, rows, cols], () => {
      if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS) fail('InvalidArgument', '(getRangeByIndexes)');
      return { sheet: this.must(), area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this, 'getCell', [row, col], () => ({ sheet: this.must(), area: { top: row, left: col, bottom: row, right: col } }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      () => {
        const s = this.must();
        const u = this.fake.usedRange(s, valuesOnly);
        return u ? { sheet: s, area: u } : null;
      },
      true,
    );
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, this, 'getUsedRange', [valuesOnly], () => {
      const s = this.must();
      return { sheet: s, area: this.fake.usedRange(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  delete(): void {
    this.queueCall('delete', [], (s) => this.fake.deleteSheet(s));
  }
  activate(): void {
    this.queueCall('activate', [], (s) => this.fake.activate(s));
  }
}

function areaOn(s: FakeSheet, address: string): CellRange {
  const p = parseAddress(address);
  if (!p) return fail('InvalidArgument', `(address "${address}")`);
  if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) fail('InvalidArgument', `(address "${address}" is on another sheet)`);
  return p.area;
}

function excelAddress(s: FakeSheet, a: CellRange): string {
  const full = a.top === 0 && a.bottom === MAX_ROWS - 1;
  const ref = full ? `${rangeA1({ ...a, top: 0, bottom: 0 }).replace(/\d+/g, '')}` : rangeA1(a);
  const text = full && a.left === a.right ? `${ref}:${ref}` : ref;
  return `${quoteSheet(s.name)}!${text}`;
}

function cellsIn(a: CellRange): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/** Applies a 2-D input to an area: same shape, or one value copied to every cell (single input copy). */
function eachInput(a: CellRange, input: unknown, put: (row: number, col: number, v: unknown) => void): void {
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(a.top + r, a.left + c, input);
    return;
  }
  const grid = input as unknown[];
  if (grid.length === 1 && Array.isArray(grid[0]) && (grid[0] as unknown[]).length === 1) {
    const v = (grid[0] as unknown[])[0];
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(a.top + r, a.left + c, v);
    return;
  }
  if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || (row as unknown[]).length !== cols)) {
    fail('InvalidArgument', `(the input is not ${rows}×${cols})`);
  }
  grid.forEach((row, r) => (row as unknown[]).forEach((v, c) => put(a.top + r, a.left + c, v)));
}

function valueType(v: FScalar, c: FakeCell | undefined): string {
  if (!c || (!hasContent(c) && v === null)) return 'Empty';
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

class RangeProxy extends FakeObject<Area> {
  private sheetOf(): FakeSheet {
    return this.must().sheet;
  }
  protected read(prop: string, t: Area): unknown {
    const { sheet: s, area: a } = t;
    const grid = <V>(f: (row: number, col: number) => V): V[][] => {
      if (cellsIn(a) > 5_000_000) fail('ResponsePayloadSizeLimitExceeded', `(${cellsIn(a)} cells)`);
      const out: V[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const line: V[] = [];
        for (let c = a.left; c <= a.right; c++) line.push(f(r, c));
        out.push(line);
      }
      return out;
    };
    const ev = new Evaluator(this.fake, s);
    switch (prop) {
      case 'address':
        return excelAddress(s, a);
      case 'rowIndex':
        return a.top;
      case 'columnIndex':
        return a.left;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'cellCount':
        return cellsIn(a);
      case 'values':
        return grid((r, c) => {
          const v = ev.value(r, c);
          return v === null ? '' : typeof v === 'object' ? v.error : v;
        });
      case 'valueTypes':
        return grid((r, c) => valueType(ev.value(r, c), s.cells.get(key(r, c))));
      case 'formulas':
        return grid((r, c) => {
          const cell = s.cells.get(key(r, c));
          if (!cell) return '';
          if (cell.formula !== null) return '=' + cell.formula;
          if (cell.error !== null) return cell.error;
          return cell.value ?? '';
        });
      case 'numberFormat':
        return grid((r, c) => s.cells.get(key(r, c))?.numberFormat ?? 'General');
      case 'rowHidden': {
        let hidden = 0;
        for (let r = a.top; r <= a.bottom; r++) if (s.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === a.bottom - a.top + 1 ? true : null;
      }
      case 'columnHidden': {
        let hidden = 0;
        for (let c = a.left; c <= a.right; c++) if (s.hiddenColumns.has(c)) hidden++;
        return hidden === 0 ? false : hidden === a.right - a.left + 1 ? true : null;
      }
      case 'hyperlink':
        return s.cells.get(key(a.top, a.left))?.hyperlink ?? null;
      default:
        return super.read(prop, t);
    }
  }
  protected nav(name: string): FakeObject<unknown> {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return super.nav(name);
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.queueSet('values', v, ({ sheet, area }) => {
      this.fake.editable(sheet);
      eachInput(area, v, (r, c, x) => this.fake.writeInput(sheet, r, c, x));
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.queueSet('formulas', v, ({ sheet, area }) => {
      this.fake.editable(sheet);
      eachInput(area, v, (r, c, x) => this.fake.writeInput(sheet, r, c, x));
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queueSet('numberFormat', v, ({ sheet, area }) => {
      this.fake.editable(sheet);
      eachInput(area, v, (r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') fail('InvalidArgument', '(numberFormat)');
        this.fake.cellAt(sheet, r, c).numberFormat = x === '' ? 'General' : (x as string);
      });
    });
  }
  get rowHidden(): boolean {
    return this.get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this.queueSet('rowHidden', v, ({ sheet, area }) => {
      for (let r = area.top; r <= area.bottom; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  get columnHidden(): boolean {
    return this.get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.queueSet('columnHidden', v, ({ sheet, area }) => {
      for (let c = area.left; c <= area.right; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get hyperlink(): FakeLink | null {
    return this.get('hyperlink');
  }
  set hyperlink(v: FakeLink | null) {
    this.queueSet(
      'hyperlink',
      v,
      ({ sheet, area }) => {
        this.fake.editable(sheet);
        for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) setLink(this.fake, sheet, r, c, v);
      },
      '1.7',
    );
  }
  get format(): RangeFormatProxy {
    return this.child('format', () => new RangeFormatProxy(this.ctx, this, () => this.areas()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child('conditionalFormats', () => new ConditionalFormatCollectionProxy(this.ctx, this, () => this.areas()));
  }
  get worksheet(): WorksheetProxy {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, this, 'worksheet', [], () => this.sheetOf()));
  }
  /** @internal */
  areas(): Areas | null {
    const t = this.resolve();
    return t ? { sheet: t.sheet, areas: [t.area] } : null;
  }
  private sub(name: string, args: readonly unknown[], f: (a: CellRange) => CellRange | null, orNull = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this,
      name,
      args,
      () => {
        const t = this.must();
        const a = f(t.area);
        return a ? { sheet: t.sheet, area: a } : null;
      },
      orNull,
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return this.sub('getCell', [row, col], (a) => ({ top: a.top + row, left: a.left + col, bottom: a.top + row, right: a.left + col }));
  }
  getRow(row: number): RangeProxy {
    return this.sub('getRow', [row], (a) => ({ top: a.top + row, left: a.left, bottom: a.top + row, right: a.right }));
  }
  getColumn(col: number): RangeProxy {
    return this.sub('getColumn', [col], (a) => ({ top: a.top, left: a.left + col, bottom: a.bottom, right: a.left + col }));
  }
  getResizedRange(dRows: number, dCols: number): RangeProxy {
    return this.sub('getResizedRange', [dRows, dCols], (a) => ({ top: a.top, left: a.left, bottom: a.bottom + dRows, right: a.right + dCols }));
  }
  getOffsetRange(dRows: number, dCols: number): RangeProxy {
    return this.sub('getOffsetRange', [dRows, dCols], (a) => ({ top: a.top + dRows, left: a.left + dCols, bottom: a.bottom + dRows, right: a.right + dCols }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      this,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      () => {
        const t = this.must();
        const u = this.fake.usedRange(t.sheet, valuesOnly, t.area);
        return u ? { sheet: t.sheet, area: u } : null;
      },
      true,
    );
  }
  getRowProperties(opts: { rowIndex?: boolean; rowHidden?: boolean }): FakeResult<{ rowIndex?: number; rowHidden?: boolean }[]> {
    const result = new FakeResult<{ rowIndex?: number; rowHidden?: boolean }[]>();
    this.queueCall(
      'getRowProperties',
      [opts],
      ({ sheet, area }) => {
        const rows: { rowIndex?: number; rowHidden?: boolean }[] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          const p: { rowIndex?: number; rowHidden?: boolean } = {};
          if (opts.rowIndex) p.rowIndex = r;
          if (opts.rowHidden) p.rowHidden = sheet.hiddenRows.has(r);
          rows.push(p);
        }
        return result.complete(jsonSize(rows), rows);
      },
      '1.9',
    );
    return result;
  }
  setCellProperties(props: Record<string, unknown>[][]): void {
    this.queueCall(
      'setCellProperties',
      [props],
      ({ sheet, area }) => {
        this.fake.editable(sheet);
        if (props.length !== area.bottom - area.top + 1 || props.some((r) => r.length !== area.right - area.left + 1)) fail('InvalidArgument', '(setCellProperties: shape)');
        props.forEach((row, i) =>
          row.forEach((p, j) => {
            for (const k of Object.keys(p)) {
              if (k === 'hyperlink') setLink(this.fake, sheet, area.top + i, area.left + j, p.hyperlink as FakeLink);
              else throw new Error(`fake: setCellProperties supports hyperlink only, not ${k}`);
            }
          }),
        );
      },
      '1.9',
    );
  }
  merge(across = false): void {
    this.queueCall('merge', [across], ({ sheet, area }) => {
      this.fake.editable(sheet);
      if (across) throw new Error('fake: merge(across) is not supported');
      if (sheet.merges.some((m) => intersect(m, area))) fail('InvalidArgument', '(merge overlaps a merged area)');
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (r === area.top && c === area.left) continue;
          const cell = sheet.cells.get(key(r, c));
          if (cell) {
            cell.value = null;
            cell.formula = null;
            cell.error = null;
          }
        }
      }
      sheet.merges.push({ ...area });
    });
  }
  clear(applyTo: string = 'All'): void {
    this.queueCall('clear', [applyTo], (t) => clearAreas(this.fake, { sheet: t.sheet, areas: [t.area] }, applyTo), applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks' ? '1.7' : undefined);
  }
  unmerge(): void {
    this.queueCall('unmerge', [], ({ sheet, area }) => {
      this.fake.editable(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, area));
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new RangeAreasProxy(
      this.ctx,
      this,
      'getMergedAreasOrNullObject',
      [],
      () => {
        const t = this.must();
        const areas = t.sheet.merges.filter((m) => intersect(m, t.area));
        return areas.length > 0 ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }
}

/** Range.clear: contents, formats (merges and conditional formats with them), hyperlinks, or all (notes too). */
function clearAreas(fake: FakeExcel, t: Areas, applyTo: string): void {
  if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks'].includes(applyTo)) fail('InvalidArgument', `(clear ${applyTo})`);
  fake.editable(t.sheet);
  const s = t.sheet;
  const all = applyTo === 'All';
  const inside = (row: number, col: number): boolean => t.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
  for (const [k, c] of s.cells) {
    if (!inside(Math.floor(k / MAX_COLS), k % MAX_COLS)) continue;
    if (all || applyTo === 'Contents') {
      c.value = null;
      c.formula = null;
      c.error = null;
      c.cached = undefined;
      c.quotePrefix = false;
    }
    if (all || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks') c.hyperlink = null;
    if (all || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks') {
      const blank = newCell();
      Object.assign(c, { numberFormat: blank.numberFormat, font: blank.font, fill: blank.fill, horizontalAlignment: null, verticalAlignment: null, wrapText: false, indentLevel: 0, locked: true, borders: {} });
    }
  }
  if (all || applyTo === 'Formats') {
    s.merges = s.merges.filter((m) => !t.areas.some((a) => intersect(m, a)));
    s.conditionalFormats = s.conditionalFormats.filter((cf) => !cf.areas.some((x) => t.areas.some((a) => intersect(x, a))));
  }
  if (all) s.notes = s.notes.filter((n) => !inside(n.row, n.col));
}

function setLink(fake: FakeExcel, s: FakeSheet, row: number, col: number, link: FakeLink | null): void {
  const c = fake.cellAt(s, row, col);
  if (link === null) {
    c.hyperlink = null;
    return;
  }
  if (typeof link !== 'object' || (!link.address && !link.documentReference)) fail('InvalidArgument', '(hyperlink without a target)');
  c.hyperlink = { ...link };
  if (link.textToDisplay !== undefined) {
    // the display text becomes the cell's text, as it is (not interpreted)
    c.value = link.textToDisplay;
    c.formula = null;
    c.error = null;
    c.cached = undefined;
  } else if (!hasContent(c)) c.value = link.documentReference ?? link.address ?? null; // Excel shows the target
}

class RangeAreasProxy extends FakeObject<Areas> {
  protected read(prop: string, t: Areas): unknown {
    if (prop === 'address') return t.areas.map((a) => excelAddress(t.sheet, a)).join(',');
    if (prop === 'areaCount') return t.areas.length;
    return super.read(prop, t);
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  clear(applyTo: string = 'All'): void {
    this.queueCall('clear', [applyTo], (t) => clearAreas(this.fake, t, applyTo), '1.9');
  }
  get format(): RangeFormatProxy {
    return this.child('format', () => new RangeFormatProxy(this.ctx, this, () => this.resolve()));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child('conditionalFormats', () => new ConditionalFormatCollectionProxy(this.ctx, this, () => this.resolve()));
  }
}

/** Runs `f` over every cell of the areas, refusing a protected sheet. */
function eachCell(fake: FakeExcel, t: Areas, f: (c: FakeCell, row: number, col: number, a: CellRange) => void): void {
  fake.editable(t.sheet);
  for (const a of t.areas) {
    if (cellsIn(a) > 20_000_000) throw new Error('fake: formatting whole columns cell by cell is not supported');
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(fake.cellAt(t.sheet, r, c), r, c, a);
  }
}

class RangeFormatProxy extends FakeObject<Areas> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => Areas | null) {
    super(ctx, parent, 'format', [], locate);
  }
  private cells(name: string, value: unknown, f: (c: FakeCell, row: number, col: number, a: CellRange) => void, version?: string): void {
    this.queueSet(name, value, (t) => eachCell(this.fake, t, f), version);
  }
  set columnWidth(v: number) {
    this.queueSet('columnWidth', v, (t) => {
      if (typeof v !== 'number' || v < 0) fail('InvalidArgument', '(columnWidth)');
      for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  /** As Excel does: each row as tall as its wrapped text needs at its column's width (about 5.5 points a character, 15 a line). */
  autofitRows(): void {
    this.queueCall('autofitRows', [], (t) => {
      for (const a of t.areas) {
        for (let r = a.top; r <= a.bottom; r++) {
          let lines = 1;
          for (const [k, cell] of t.sheet.cells) {
            const c = k - r * MAX_COLS;
            if (c < 0 || c >= MAX_COLS || !cell.wrapText || cell.value === null || cell.value === '') continue;
            const chars = Math.max(1, Math.floor((t.sheet.columnWidths.get(c) ?? 48) / 5.5));
            lines = Math.max(lines, Math.ceil(String(cell.value).length / chars));
          }
          t.sheet.rowHeights.set(r, Math.min(409, lines * 15));
        }
      }
    }, '1.2');
  }
  set rowHeight(v: number) {
    this.queueSet('rowHeight', v, (t) => {
      if (typeof v !== 'number' || v < 0 || v > 409) fail('InvalidArgument', '(rowHeight)');
      for (const a of t.areas) for (let r = a.top; r <= a.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  set horizontalAlignment(v: string) {
    this.cells('horizontalAlignment', v, (c) => (c.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.cells('verticalAlignment', v, (c) => (c.verticalAlignment = v));
  }
  set wrapText(v: boolean) {
    this.cells('wrapText', v, (c) => (c.wrapText = v));
  }
  set indentLevel(v: number) {
    this.cells('indentLevel', v, (c) => (c.indentLevel = v), '1.9');
  }
  get font(): FontProxy {
    return this.child('font', () => new FontProxy(this.ctx, this, 'font', [], () => this.resolve()));
  }
  get fill(): FillProxy {
    return this.child('fill', () => new FillProxy(this.ctx, this, 'fill', [], () => this.resolve()));
  }
  get borders(): BordersProxy {
    return this.child('borders', () => new BordersProxy(this.ctx, this, () => this.resolve()));
  }
  get protection(): FormatProtectionProxy {
    return this.child('protection', () => new FormatProtectionProxy(this.ctx, this, () => this.resolve()));
  }
}

class FontProxy extends FakeObject<Areas> {
  private cells(name: string, value: unknown, f: (c: FakeCell) => void): void {
    this.queueSet(name, value, (t) => eachCell(this.fake, t, f));
  }
  set bold(v: boolean) {
    this.cells('bold', v, (c) => (c.font.bold = v));
  }
  set italic(v: boolean) {
    this.cells('italic', v, (c) => (c.font.italic = v));
  }
  set size(v: number) {
    this.cells('size', v, (c) => (c.font.size = v));
  }
  set color(v: string) {
    this.cells('color', v, (c) => (c.font.color = normalColor(v)));
  }
  set name(v: string) {
    this.cells('name', v, (c) => (c.font.name = v));
  }
}

class FillProxy extends FakeObject<Areas> {
  set color(v: string) {
    this.queueSet('color', v, (t) => eachCell(this.fake, t, (c) => (c.fill = normalColor(v))));
  }
}

class FormatProtectionProxy extends FakeObject<Areas> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => Areas | null) {
    super(ctx, parent, 'protection', [], locate);
  }
  set locked(v: boolean) {
    this.queueSet('locked', v, (t) => eachCell(this.fake, t, (c) => (c.locked = v)));
  }
}

const SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

class BordersProxy extends FakeObject<Areas> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => Areas | null) {
    super(ctx, parent, 'borders', [], locate);
  }
  getItem(side: string): BorderProxy {
    if (!SIDES.includes(side)) throw new Error(`fake: border ${side} is not supported`);
    return new BorderProxy(this.ctx, this, side, () => this.resolve());
  }
}

class BorderProxy extends FakeObject<Areas> {
  constructor(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    private readonly side: string,
    locate: () => Areas | null,
  ) {
    super(ctx, parent, 'getItem', [side], locate);
  }
  private edges(name: 'style' | 'weight' | 'color', value: string): void {
    this.queueSet(name, value, (t) =>
      eachCell(this.fake, t, (c, r, col, a) => {
        const sides: string[] = [];
        if (this.side === 'EdgeTop' && r === a.top) sides.push('EdgeTop');
        if (this.side === 'EdgeBottom' && r === a.bottom) sides.push('EdgeBottom');
        if (this.side === 'EdgeLeft' && col === a.left) sides.push('EdgeLeft');
        if (this.side === 'EdgeRight' && col === a.right) sides.push('EdgeRight');
        if (this.side === 'InsideHorizontal') {
          if (r > a.top) sides.push('EdgeTop');
          if (r < a.bottom) sides.push('EdgeBottom');
        }
        if (this.side === 'InsideVertical') {
          if (col > a.left) sides.push('EdgeLeft');
          if (col < a.right) sides.push('EdgeRight');
        }
        for (const s of sides) {
          const b = c.borders[s] ?? { style: 'Continuous' };
          if (name === 'style') {
            if (value === 'None') {
              delete c.borders[s];
              continue;
            }
            b.style = value;
          } else if (name === 'weight') b.weight = value;
          else b.color = normalColor(value);
          c.borders[s] = b;
        }
      }),
    );
  }
  set style(v: string) {
    this.edges('style', v);
  }
  set weight(v: string) {
    this.edges('weight', v);
  }
  set color(v: string) {
    this.edges('color', v);
  }
}

class ConditionalFormatCollectionProxy extends FakeObject<Areas> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => Areas | null) {
    super(ctx, parent, 'conditionalFormats', [], locate);
  }
  clearAll(): void {
    this.queueCall(
      'clearAll',
      [],
      (t) => {
        this.fake.editable(t.sheet);
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !cf.areas.some((x) => t.areas.some((a) => intersect(x, a))));
      },
      '1.6',
    );
  }
  add(type: string): ConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    const proxy = new ConditionalFormatProxy(this.ctx, this, 'add', [type], () => created);
    this.queueCall(
      'add',
      [type],
      (t) => {
        this.fake.editable(t.sheet);
        if (!['CellValue', 'Custom', 'DataBar'].includes(type)) throw new Error(`fake: conditional format ${type} is not supported`);
        created = {
          id: this.fake.newId('cf'),
          type,
          areas: t.areas.map((a) => ({ ...a })),
          rule: {},
          format: { font: {}, fill: null },
          dataBar: { positive: {}, negative: {} },
          stopIfTrue: false,
        };
        t.sheet.conditionalFormats.unshift(created); // a new rule goes on top
      },
      '1.6',
    );
    return proxy;
  }
}

class ConditionalFormatProxy extends FakeObject<FakeConditionalFormat> {
  private typed(type: string): FakeConditionalFormat {
    const t = this.must();
    if (t.type !== type) fail('InvalidArgument', `(a ${t.type} rule has no ${type} part)`);
    return t;
  }
  protected read(prop: string, t: FakeConditionalFormat): unknown {
    if (prop === 'type') return t.type;
    if (prop === 'id') return t.id;
    return super.read(prop, t);
  }
  get cellValue(): CfPartProxy {
    return this.child('cellValue', () => new CfPartProxy(this.ctx, this, 'cellValue', [], () => this.typed('CellValue')));
  }
  get custom(): CfPartProxy {
    return this.child('custom', () => new CfPartProxy(this.ctx, this, 'custom', [], () => this.typed('Custom')));
  }
  get dataBar(): DataBarProxy {
    return this.child('dataBar', () => new DataBarProxy(this.ctx, this, 'dataBar', [], () => this.typed('DataBar')));
  }
  set stopIfTrue(v: boolean) {
    this.queueSet('stopIfTrue', v, (t) => (t.stopIfTrue = v));
  }
}

function checkCfFormula(f: unknown): string {
  if (typeof f !== 'string' || !f.startsWith('=')) return fail('InvalidArgument', `(conditional format formula ${String(f)})`);
  try {
    parseFormula(f.slice(1));
  } catch {
    fail('InvalidArgument', `(conditional format formula ${f})`);
  }
  return f;
}

class CfPartProxy extends FakeObject<FakeConditionalFormat> {
  get format(): CfFormatProxy {
    return this.child('format', () => new CfFormatProxy(this.ctx, this, 'format', [], () => this.resolve()));
  }
  /** cellValue.rule (an object). */
  set rule(v: { formula1: string; formula2?: string; operator: string }) {
    this.queueSet('rule', v, (t) => {
      checkCfFormula(v.formula1);
      if (v.formula2 !== undefined) checkCfFormula(v.formula2);
      if (!['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'].includes(v.operator)) fail('InvalidArgument', '(operator)');
      t.rule = { ...v };
    });
  }
  /** custom.rule (a navigation object with `formula`). */
  get rule(): CfRuleProxy {
    return this.child('rule', () => new CfRuleProxy(this.ctx, this, 'rule', [], () => this.resolve()));
  }
}

class CfRuleProxy extends FakeObject<FakeConditionalFormat> {
  set formula(v: string) {
    this.queueSet('formula', v, (t) => (t.rule = { formula: checkCfFormula(v) }));
  }
}

class CfFormatProxy extends FakeObject<FakeConditionalFormat> {
  get font(): CfFontProxy {
    return this.child('font', () => new CfFontProxy(this.ctx, this, 'font', [], () => this.resolve()));
  }
  get fill(): CfFillProxy {
    return this.child('fill', () => new CfFillProxy(this.ctx, this, 'fill', [], () => this.resolve()));
  }
}

class CfFontProxy extends FakeObject<FakeConditionalFormat> {
  set color(v: string) {
    this.queueSet('color', v, (t) => (t.format.font.color = normalColor(v)));
  }
  set bold(v: boolean) {
    this.queueSet('bold', v, (t) => (t.format.font.bold = v));
  }
  set italic(v: boolean) {
    this.queueSet('italic', v, (t) => (t.format.font.italic = v));
  }
}

class CfFillProxy extends FakeObject<FakeConditionalFormat> {
  set color(v: string) {
    this.queueSet('color', v, (t) => (t.format.fill = normalColor(v)));
  }
}

class DataBarProxy extends FakeObject<FakeConditionalFormat> {
  get positiveFormat(): BarFormatProxy {
    return this.child('positiveFormat', () => new BarFormatProxy(this.ctx, this, 'positiveFormat', () => this.resolve(), 'positive'));
  }
  get negativeFormat(): BarFormatProxy {
    return this.child('negativeFormat', () => new BarFormatProxy(this.ctx, this, 'negativeFormat', () => this.resolve(), 'negative'));
  }
  set axisFormat(v: string) {
    this.queueSet('axisFormat', v, (t) => (t.dataBar.axisFormat = v));
  }
  set barDirection(v: string) {
    this.queueSet('barDirection', v, (t) => (t.dataBar.barDirection = v));
  }
}

class BarFormatProxy extends FakeObject<FakeConditionalFormat> {
  constructor(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    name: string,
    locate: () => FakeConditionalFormat | null,
    private readonly which: 'positive' | 'negative',
  ) {
    super(ctx, parent, name, [], locate);
  }
  private put(name: string, v: unknown, check?: (v: unknown) => unknown): void {
    this.queueSet(name, v, (t) => (t.dataBar[this.which][name] = check ? check(v) : v));
  }
  set fillColor(v: string) {
    this.put('fillColor', v, normalColor);
  }
  set borderColor(v: string) {
    this.put('borderColor', v, normalColor);
  }
  set gradientFill(v: boolean) {
    this.put('gradientFill', v);
  }
  set matchPositiveFillColor(v: boolean) {
    this.put('matchPositiveFillColor', v);
  }
  set matchPositiveBorderColor(v: boolean) {
    this.put('matchPositiveBorderColor', v);
  }
}

class NamedItemCollectionProxy extends FakeObject<FakeName[]> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => FakeName[] | null) {
    super(ctx, parent, 'names', [], locate);
  }
  get items(): NamedItemProxy[] {
    return this.loadedItems<NamedItemProxy>();
  }
  protected makeItems(t: FakeName[]): FakeObject<unknown>[] {
    return t.map((n) => new NamedItemProxy(this.ctx, this, 'getItem', [n.name], () => n));
  }
  private find(name: string): FakeName | null {
    return this.must().find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, this, 'getItem', [name], () => this.find(name));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, this, 'getItemOrNullObject', [name], () => this.find(name), true);
  }
  add(name: string, reference: string | RangeProxy, comment?: string): NamedItemProxy {
    let created: FakeName | null = null;
    const proxy = new NamedItemProxy(this.ctx, this, 'add', [name], () => created);
    this.queueCall('add', comment === undefined ? [name, reference] : [name, reference, comment], (list) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) fail('InvalidArgument', `(name "${name}")`);
      if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) fail('ItemAlreadyExists', `(name "${name}")`);
      let formula: string;
      if (typeof reference === 'string') {
        if (!reference.startsWith('=')) fail('InvalidArgument', '(a name reference is a formula starting with "=")');
        try {
          parseFormula(reference.slice(1));
        } catch {
          fail('InvalidArgument', `(name formula ${reference})`);
        }
        formula = reference;
      } else {
        const t = reference.must();
        formula = `=${quoteSheet(t.sheet.name)}!${cellA1(t.area.top, t.area.left, true)}${cellsIn(t.area) > 1 ? ':' + cellA1(t.area.bottom, t.area.right, true) : ''}`;
      }
      created = { name, formula, visible: true, comment: comment ?? '' };
      list.push(created);
    });
    return proxy;
  }
}

class NamedItemProxy extends FakeObject<FakeName> {
  protected read(prop: string, t: FakeName): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'formula':
        return t.formula;
      case 'visible':
        return t.visible;
      case 'comment':
        return t.comment;
      case 'type':
        return /^="(?:[^"]|"")*"$/.test(t.formula) ? 'String' : /!/.test(t.formula) ? 'Range' : 'Double';
      case 'value': {
        const m = /^="((?:[^"]|"")*)"$/.exec(t.formula);
        return m ? m[1].replace(/""/g, '"') : t.formula.slice(1);
      }
      default:
        return super.read(prop, t);
    }
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.queueSet(
      'formula',
      v,
      (n) => {
        if (typeof v !== 'string' || !v.startsWith('=')) fail('InvalidArgument', '(a name formula starts with "=")');
        try {
          parseFormula(v.slice(1));
        } catch {
          fail('InvalidArgument', `(name formula ${v})`);
        }
        n.formula = v;
      },
      '1.7',
    );
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.queueSet('comment', v, (n) => (n.comment = String(v)), '1.4');
  }
  get value(): unknown {
    return this.get('value');
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.queueCall('delete', [], (n) => {
      for (const list of [this.fake.names, ...this.fake.sheets.map((o) => o.names)]) {
        const i = list.indexOf(n);
        if (i >= 0) list.splice(i, 1);
      }
    });
  }
}

interface PivotRef {
  readonly sheet: FakeSheet;
  readonly pivot: FakePivot;
}

class PivotTableCollectionProxy extends FakeObject<FakeSheet[]> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => FakeSheet[] | null) {
    super(ctx, parent, 'pivotTables', [], locate, false);
  }
  get items(): PivotTableProxy[] {
    return this.loadedItems<PivotTableProxy>();
  }
  protected makeItems(t: FakeSheet[]): FakeObject<unknown>[] {
    return t.flatMap((s) => s.pivots.map((p) => new PivotTableProxy(this.ctx, this, 'getItem', [p.name], () => ({ sheet: s, pivot: p }))));
  }
  getItem(name: string): PivotTableProxy {
    return new PivotTableProxy(this.ctx, this, 'getItem', [name], () => {
      for (const s of this.must()) for (const p of s.pivots) if (p.name.toLowerCase() === name.toLowerCase()) return { sheet: s, pivot: p };
      return null;
    });
  }
}

class PivotTableProxy extends FakeObject<PivotRef> {
  protected read(prop: string, t: PivotRef): unknown {
    if (prop === 'name') return t.pivot.name;
    if (prop === 'id') return t.pivot.id;
    return super.read(prop, t);
  }
  protected nav(name: string): FakeObject<unknown> {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'layout') return this.layout;
    if (name === 'rowHierarchies') return this.rowHierarchies;
    if (name === 'columnHierarchies') return this.columnHierarchies;
    if (name === 'filterHierarchies') return this.filterHierarchies;
    if (name === 'dataHierarchies') return this.dataHierarchies;
    return super.nav(name);
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get worksheet(): WorksheetProxy {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, this, 'worksheet', [], () => this.must().sheet));
  }
  get layout(): PivotLayoutProxy {
    this.ctx.requireApi('1.8', 'PivotTable.layout');
    return this.child('layout', () => new PivotLayoutProxy(this.ctx, this, 'layout', [], () => this.resolve()));
  }
  private hierarchies(kind: HierarchyKind): PivotHierarchyCollectionProxy {
    this.ctx.requireApi('1.8', `PivotTable.${kind}Hierarchies`);
    return this.child(`${kind}Hierarchies`, () => new PivotHierarchyCollectionProxy(this.ctx, this, kind, () => this.resolve()));
  }
  get rowHierarchies(): PivotHierarchyCollectionProxy {
    return this.hierarchies('rows');
  }
  get columnHierarchies(): PivotHierarchyCollectionProxy {
    return this.hierarchies('columns');
  }
  get filterHierarchies(): PivotHierarchyCollectionProxy {
    return this.hierarchies('filters');
  }
  get dataHierarchies(): PivotHierarchyCollectionProxy {
    return this.hierarchies('data');
  }
  getDataSourceString(): FakeResult<string> {
    const result = new FakeResult<string>();
    this.queueCall('getDataSourceString', [], (t) => result.complete(jsonSize(definitionOf(t.pivot).source), definitionOf(t.pivot).source), '1.15');
    return result;
  }
}

/** The pivot's definition, or Excel's defaults for a pivot made without one. */
function definitionOf(p: FakePivot): FakePivotDefinition {
  return (
    p.definition ?? { rows: [], columns: [], filters: [], data: [], layoutType: 'Compact', subtotalLocation: 'AtTop', showRowGrandTotals: true, showColumnGrandTotals: true, source: '' }
  );
}

type HierarchyKind = 'rows' | 'columns' | 'filters' | 'data';

/** `rowHierarchies`, `columnHierarchies`, `filterHierarchies`, `dataHierarchies` (ExcelApi 1.8). */
class PivotHierarchyCollectionProxy extends FakeObject<PivotRef> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, private readonly kind: HierarchyKind, locate: () => PivotRef | null) {
    super(ctx, parent, `${kind}Hierarchies`, [], locate);
  }
  get items(): PivotHierarchyProxy[] {
    return this.loadedItems<PivotHierarchyProxy>();
  }
  protected makeItems(t: PivotRef): FakeObject<unknown>[] {
    const d = definitionOf(t.pivot);
    const list = this.kind === 'data' ? d.data : d[this.kind].map((name) => ({ name, summarizeBy: '', showAs: '' }));
    return list.map((h) => new PivotHierarchyProxy(this.ctx, this, 'getItem', [h.name], () => h));
  }
}

class PivotHierarchyProxy extends FakeObject<{ name: string; summarizeBy: string; showAs: string }> {
  protected read(prop: string, t: { name: string; summarizeBy: string; showAs: string }): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'summarizeBy') return t.summarizeBy;
    if (prop === 'showAs') return { calculation: t.showAs };
    return super.read(prop, t);
  }
  get name(): string {
    return this.get('name');
  }
  get summarizeBy(): string {
    return this.get('summarizeBy');
  }
  get showAs(): { calculation: string } {
    return this.get('showAs');
  }
}

class PivotLayoutProxy extends FakeObject<PivotRef> {
  protected read(prop: string, t: PivotRef): unknown {
    const d = definitionOf(t.pivot);
    if (prop === 'layoutType') return d.layoutType;
    if (prop === 'subtotalLocation') return d.subtotalLocation;
    if (prop === 'showRowGrandTotals') return d.showRowGrandTotals;
    if (prop === 'showColumnGrandTotals') return d.showColumnGrandTotals;
    return super.read(prop, t);
  }
  get layoutType(): string {
    return this.get('layoutType');
  }
  get subtotalLocation(): string {
    return this.get('subtotalLocation');
  }
  get showRowGrandTotals(): boolean {
    return this.get('showRowGrandTotals');
  }
  get showColumnGrandTotals(): boolean {
    return this.get('showColumnGrandTotals');
  }
  private part(name: string, pick: (p: FakePivot) => CellRange | undefined): RangeProxy {
    return new RangeProxy(this.ctx, this, name, [], () => {
      const t = this.must();
      const r = pick(t.pivot);
      if (!r) return fail('ItemNotFound', `(${name})`);
      return { sheet: t.sheet, area: r };
    });
  }
  getRange(): RangeProxy {
    return this.part('getRange', (p) => p.range);
  }
  getRowLabelRange(): RangeProxy {
    return this.part('getRowLabelRange', (p) => p.rowLabelRange);
  }
  getColumnLabelRange(): RangeProxy {
    return this.part('getColumnLabelRange', (p) => p.columnLabelRange);
  }
  getDataBodyRange(): RangeProxy {
    return this.part('getDataBodyRange', (p) => p.dataBodyRange);
  }
}

class FreezePanesProxy extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => FakeSheet | null) {
    super(ctx, parent, 'freezePanes', [], locate);
  }
  freezeAt(range: RangeProxy | string): void {
    this.queueCall(
      'freezeAt',
      [range],
      (s) => {
        const a = typeof range === 'string' ? areaOn(s, range) : range.must().area;
        if (a.top !== 0 || a.left !== 0) fail('InvalidArgument', '(freezeAt: the frozen range starts at A1)');
        s.freeze = { rows: a.bottom + 1, cols: a.right + 1 };
      },
      '1.7',
    );
  }
  freezeRows(count = 1): void {
    this.queueCall('freezeRows', [count], (s) => {
      s.freeze = { rows: count, cols: 0 };
    }, '1.7');
  }
  freezeColumns(count = 1): void {
    this.queueCall('freezeColumns', [count], (s) => {
      s.freeze = { rows: 0, cols: count };
    }, '1.7');
  }
  unfreeze(): void {
    this.queueCall('unfreeze', [], (s) => {
      s.freeze = null;
    }, '1.7');
  }
}

class PageLayoutProxy extends FakeObject<FakeSheet> {
  private put(name: string, v: unknown, f: (p: FakePageLayout) => void): void {
    this.queueSet(name, v, (s) => f(s.pageLayout), '1.9');
  }
  set orientation(v: string) {
    this.put('orientation', v, (p) => {
      if (v !== 'Portrait' && v !== 'Landscape') fail('InvalidArgument', '(orientation)');
      p.orientation = v;
    });
  }
  set zoom(v: Record<string, unknown>) {
    this.put('zoom', v, (p) => (p.zoom = { ...v }));
  }
  set paperSize(v: string) {
    this.put('paperSize', v, (p) => (p.paperSize = v));
  }
  set leftMargin(v: number) {
    this.put('leftMargin', v, (p) => (p.margins.left = v));
  }
  set rightMargin(v: number) {
    this.put('rightMargin', v, (p) => (p.margins.right = v));
  }
  set topMargin(v: number) {
    this.put('topMargin', v, (p) => (p.margins.top = v));
  }
  set bottomMargin(v: number) {
    this.put('bottomMargin', v, (p) => (p.margins.bottom = v));
  }
  set headerMargin(v: number) {
    this.put('headerMargin', v, (p) => (p.margins.header = v));
  }
  set footerMargin(v: number) {
    this.put('footerMargin', v, (p) => (p.margins.footer = v));
  }
  setPrintTitleRows(rows: string | RangeProxy): void {
    this.queueCall(
      'setPrintTitleRows',
      [rows],
      (s) => {
        if (typeof rows !== 'string') throw new Error('fake: setPrintTitleRows takes an address here');
        if (!/^\$?\d+:\$?\d+$/.test(rows)) fail('InvalidArgument', `(print title rows "${rows}")`);
        s.pageLayout.printTitleRows = rows;
      },
      '1.9',
    );
  }
  setPrintArea(area: string | RangeProxy): void {
    this.queueCall(
      'setPrintArea',
      [area],
      (s) => {
        if (typeof area !== 'string') throw new Error('fake: setPrintArea takes an address here');
        if (!/^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(area)) fail('InvalidArgument', `(print area "${area}")`);
        s.pageLayout.printArea = area;
      },
      '1.9',
    );
  }
  get headersFooters(): HeaderFooterGroupProxy {
    return this.child('headersFooters', () => new HeaderFooterGroupProxy(this.ctx, this, 'headersFooters', [], () => this.resolve()));
  }
}

class HeaderFooterGroupProxy extends FakeObject<FakeSheet> {
  get defaultForAllPages(): HeaderFooterProxy {
    return this.child('defaultForAllPages', () => new HeaderFooterProxy(this.ctx, this, 'defaultForAllPages', [], () => this.resolve()));
  }
}

class HeaderFooterProxy extends FakeObject<FakeSheet> {
  private put(name: 'left' | 'center' | 'right', prop: string, v: string): void {
    this.queueSet(prop, v, (s) => (s.pageLayout.footers[name] = v), '1.9');
  }
  set leftFooter(v: string) {
    this.put('left', 'leftFooter', v);
  }
  set centerFooter(v: string) {
    this.put('center', 'centerFooter', v);
  }
  set rightFooter(v: string) {
    this.put('right', 'rightFooter', v);
  }
}

class NotesProxy extends FakeObject<FakeSheet> {
  constructor(
    ctx: FakeContext,
    parent: FakeObject<unknown>,
    name: string,
    private readonly kind: 'note' | 'comment',
    locate: () => FakeSheet | null,
  ) {
    super(ctx, parent, name, [], locate);
  }
  get items(): NoteProxy[] {
    return this.loadedItems<NoteProxy>();
  }
  protected makeItems(s: FakeSheet): FakeObject<unknown>[] {
    return s.notes.filter((n) => n.kind === this.kind).map((n) => new NoteProxy(this.ctx, this, 'getItemAt', [s.notes.indexOf(n)], () => n, s));
  }
  add(cell: RangeProxy | string, content: string): void {
    this.queueCall('add', [cell, content], (s) => {
      this.fake.editable(s);
      if (typeof cell === 'string') throw new Error('fake: notes.add takes a Range here');
      const t = cell.must();
      if (t.sheet !== s || cellsIn(t.area) !== 1) fail('InvalidArgument', '(a note goes on one cell of this sheet)');
      if (s.notes.some((n) => n.row === t.area.top && n.col === t.area.left)) fail('InvalidOperation', '(the cell already has a note)');
      s.notes.push({ kind: this.kind, row: t.area.top, col: t.area.left, text: content });
    });
  }
}

class NoteProxy extends FakeObject<FakeNote> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, name: string, args: readonly unknown[], locate: () => FakeNote | null, private readonly sheet: FakeSheet) {
    super(ctx, parent, name, args, locate);
  }
  protected alive(t: FakeNote): boolean {
    return this.sheet.notes.includes(t);
  }
  protected read(prop: string, t: FakeNote): unknown {
    if (prop === 'content') return t.text;
    return super.read(prop, t);
  }
  get content(): string {
    return this.get('content');
  }
  delete(): void {
    this.queueCall('delete', [], (n) => {
      this.fake.editable(this.sheet);
      this.sheet.notes = this.sheet.notes.filter((x) => x !== n);
    });
  }
}

class ProtectionProxy extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, parent: FakeObject<unknown>, locate: () => FakeSheet | null) {
    super(ctx, parent, 'protection', [], locate);
  }
  protected read(prop: string, t: FakeSheet): unknown {
    if (prop === 'protected') return t.protected;
    return super.read(prop, t);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  unprotect(): void {
    this.queueCall('unprotect', [], (sheet) => {
      sheet.protected = false;
    });
  }
}

// ---------------------------------------------------------------- charts (ExcelApi 1.1–1.8)

export interface FakeChartSeries {
  name: string;
  /** The cells the values and categories come from (one row or one column, on the chart's sheet). */
  values: CellRange | null;
  xValues: CellRange | null;
  /** Fill `#RRGGBB`, 'none' once cleared, null for Excel's automatic colour. */
  fill: string | null;
  line: { color: string | null; style: string | null };
  marker: { style: string | null; background: string | null; foreground: string | null };
  /** Fill of single points, by index. */
  points: Record<number, string>;
  gapWidth: number | null;
}

export interface FakeChartAxis {
  reversePlotOrder: boolean;
  position: string | null;
  numberFormat: string | null;
  tickLabelPosition: string | null;
}

export interface FakeChart {
  readonly id: string;
  readonly sheetId: string;
  readonly type: string;
  name: string;
  title: string;
  legend: { visible: boolean; position: string | null };
  /** Top-left and bottom-right cells. */
  position: { start: CellRange; end: CellRange } | null;
  series: FakeChartSeries[];
  axes: { category: FakeChartAxis; value: FakeChartAxis };
  displayBlanksAs: string | null;
}

/** The chart types Excel.ChartType names that the fake draws; any other is refused as Excel refuses an unknown one. */
const CHART_TYPES = new Set(['Line', 'LineMarkers', 'ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Pie', 'Area', 'XYScatter', 'Waterfall']);

function newSeries(name: string, values: CellRange | null): FakeChartSeries {
  return { name, values, xValues: null, fill: null, line: { color: null, style: null }, marker: { style: null, background: null, foreground: null }, points: {}, gapWidth: null };
}

const newAxis = (): FakeChartAxis => ({ reversePlotOrder: false, position: null, numberFormat: null, tickLabelPosition: null });

/** A range a series can read: one row or one column (Excel refuses a block). */
function seriesRange(r: RangeProxy): CellRange {
  const a = r.must().area;
  if (a.top !== a.bottom && a.left !== a.right) fail('InvalidArgument', '(series data must be one row or one column)');
  return a;
}

function oneOf(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) fail('InvalidArgument', `(${what} ${String(v)})`);
  return v as string;
}

class ChartCollectionProxy extends FakeObject<FakeSheet> {
  protected makeItems(t: FakeSheet): FakeObject<unknown>[] {
    return (t.charts ?? []).map((c, i) => new ChartProxy(this.ctx, this, 'getItemAt', [i], () => c));
  }
  get items(): ChartProxy[] {
    return this.loadedItems<ChartProxy>();
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let made: FakeChart | null = null;
    this.queueCall('add', [type, sourceData, seriesBy], (s) => {
      if (!CHART_TYPES.has(type)) fail('InvalidArgument', `(chart type ${type})`);
      const src = sourceData.must();
      if (src.sheet !== s) fail('InvalidArgument', '(the chart data is on another sheet)');
      const a = src.area;
      const byRows = seriesBy === 'Rows';
      const count = byRows ? a.bottom - a.top + 1 : a.right - a.left + 1;
      const series = Array.from({ length: count }, (_, i) =>
        newSeries(`Series${i + 1}`, byRows ? { ...a, top: a.top + i, bottom: a.top + i } : { ...a, left: a.left + i, right: a.left + i }),
      );
      const charts = (s.charts ??= []);
      made = {
        id: this.fake.newId('chart'),
        sheetId: s.id,
        type,
        name: `Chart ${charts.length + 1}`,
        title: '',
        legend: { visible: true, position: 'Right' },
        position: null,
        series,
        axes: { category: newAxis(), value: newAxis() },
        displayBlanksAs: null,
      };
      charts.push(made);
    });
    return new ChartProxy(this.ctx, this, 'add', [type], () => made);
  }
}

class ChartProxy extends FakeObject<FakeChart> {
  protected alive(t: FakeChart): boolean {
    return this.fake.sheets.some((s) => (s.charts ?? []).includes(t));
  }
  protected read(prop: string, t: FakeChart): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'id') return t.id;
    return super.read(prop, t);
  }
  private sheet(t: FakeChart): FakeSheet {
    return this.fake.sheets.find((s) => s.id === t.sheetId) ?? fail('ItemNotFound', '(the chart sheet)');
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.queueCall('delete', [], (t) => {
      const s = this.sheet(t);
      s.charts = (s.charts ?? []).filter((c) => c !== t);
    });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.queueCall('setPosition', [startCell, endCell], (t) => {
      const s = this.sheet(t);
      const start = areaOn(s, startCell);
      const end = areaOn(s, endCell ?? startCell);
      if (end.bottom < start.top || end.right < start.left) fail('InvalidArgument', '(setPosition: the end is before the start)');
      t.position = { start, end };
    });
  }
  set displayBlanksAs(v: string) {
    this.queueSet('displayBlanksAs', v, (t) => (t.displayBlanksAs = oneOf(v, ['NotPlotted', 'Zero', 'Interplotted'], 'displayBlanksAs')), '1.8');
  }
  get title(): ChartPartProxy {
    return this.child('title', () => new ChartPartProxy(this.ctx, this, 'title', [], () => this.resolve()));
  }
  get legend(): ChartLegendProxy {
    return this.child('legend', () => new ChartLegendProxy(this.ctx, this, 'legend', [], () => this.resolve()));
  }
  get series(): ChartSeriesCollectionProxy {
    return this.child('series', () => new ChartSeriesCollectionProxy(this.ctx, this, 'series', [], () => this.resolve()));
  }
  get axes(): ChartAxesProxy {
    return this.child('axes', () => new ChartAxesProxy(this.ctx, this, 'axes', [], () => this.resolve()));
  }
}

class ChartPartProxy extends FakeObject<FakeChart> {
  set text(v: string) {
    this.queueSet('text', v, (t) => (t.title = v));
  }
}

class ChartLegendProxy extends FakeObject<FakeChart> {
  set visible(v: boolean) {
    this.queueSet('visible', v, (t) => (t.legend.visible = v));
  }
  set position(v: string) {
    this.queueSet('position', v, (t) => (t.legend.position = oneOf(v, ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'], 'legend position')));
  }
}

class ChartSeriesCollectionProxy extends FakeObject<FakeChart> {
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, this, 'getItemAt', [index], () => this.must().series[index] ?? fail('ItemNotFound', `(series ${index})`));
  }
  add(name?: string): ChartSeriesProxy {
    let made: FakeChartSeries | null = null;
    this.queueCall('add', [name], (t) => {
      made = newSeries(name ?? `Series${t.series.length + 1}`, null);
      t.series.push(made);
    }, '1.7');
    return new ChartSeriesProxy(this.ctx, this, 'add', [name], () => made);
  }
}

class ChartSeriesProxy extends FakeObject<FakeChartSeries> {
  set name(v: string) {
    this.queueSet('name', v, (t) => (t.name = v));
  }
  setValues(sourceData: RangeProxy): void {
    this.queueCall('setValues', [sourceData], (t) => {
      t.values = seriesRange(sourceData);
    }, '1.7');
  }
  setXAxisValues(sourceData: RangeProxy): void {
    this.queueCall('setXAxisValues', [sourceData], (t) => {
      t.xValues = seriesRange(sourceData);
    }, '1.7');
  }
  set markerStyle(v: string) {
    this.queueSet('markerStyle', v, (t) => (t.marker.style = oneOf(v, ['Automatic', 'None', 'Square', 'Diamond', 'Triangle', 'X', 'Star', 'Dot', 'Dash', 'Circle', 'Plus'], 'markerStyle')), '1.7');
  }
  set markerBackgroundColor(v: string) {
    this.queueSet('markerBackgroundColor', v, (t) => (t.marker.background = normalColor(v)), '1.7');
  }
  set markerForegroundColor(v: string) {
    this.queueSet('markerForegroundColor', v, (t) => (t.marker.foreground = normalColor(v)), '1.7');
  }
  set gapWidth(v: number) {
    this.queueSet('gapWidth', v, (t) => {
      if (v < 0 || v > 500) fail('InvalidArgument', '(gapWidth)');
      t.gapWidth = v;
    }, '1.8');
  }
  get format(): ChartSeriesFormatProxy {
    return this.child('format', () => new ChartSeriesFormatProxy(this.ctx, this, 'format', [], () => this.resolve()));
  }
  get points(): ChartPointsProxy {
    return this.child('points', () => new ChartPointsProxy(this.ctx, this, 'points', [], () => this.resolve()));
  }
}

class ChartSeriesFormatProxy extends FakeObject<FakeChartSeries> {
  get fill(): ChartFillProxy {
    return this.child('fill', () => new ChartFillProxy(this.ctx, this, 'fill', [], () => {
      const t = this.must();
      return (c: string) => (t.fill = c);
    }));
  }
  get line(): ChartLineProxy {
    return this.child('line', () => new ChartLineProxy(this.ctx, this, 'line', [], () => this.resolve()));
  }
}

/** A fill: the target is what sets it (a series' fill, or one point's). */
class ChartFillProxy extends FakeObject<(color: string) => void> {
  setSolidColor(color: string): void {
    this.queueCall('setSolidColor', [color], (set) => set(normalColor(color)));
  }
  clear(): void {
    this.queueCall('clear', [], (set) => set('none'));
  }
}

class ChartLineProxy extends FakeObject<FakeChartSeries> {
  set color(v: string) {
    this.queueSet('color', v, (t) => (t.line.color = normalColor(v)));
  }
  set lineStyle(v: string) {
    this.queueSet('lineStyle', v, (t) => (t.line.style = oneOf(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Automatic', 'RoundDot'], 'lineStyle')), '1.7');
  }
}

class ChartPointsProxy extends FakeObject<FakeChartSeries> {
  getItemAt(index: number): ChartPointProxy {
    return new ChartPointProxy(this.ctx, this, 'getItemAt', [index], () => {
      const t = this.must();
      const n = t.values ? Math.max(t.values.bottom - t.values.top, t.values.right - t.values.left) + 1 : 0;
      // Excel has a point only for each value the series has.
      if (index < 0 || index >= n) fail('InvalidArgument', `(point ${index} of ${n})`);
      return { series: t, index };
    });
  }
}

class ChartPointProxy extends FakeObject<{ series: FakeChartSeries; index: number }> {
  get format(): ChartPointFormatProxy {
    return this.child('format', () => new ChartPointFormatProxy(this.ctx, this, 'format', [], () => this.resolve()));
  }
}

class ChartPointFormatProxy extends FakeObject<{ series: FakeChartSeries; index: number }> {
  get fill(): ChartFillProxy {
    return this.child('fill', () => new ChartFillProxy(this.ctx, this, 'fill', [], () => {
      const p = this.must();
      return (c: string) => (p.series.points[p.index] = c);
    }));
  }
}

class ChartAxesProxy extends FakeObject<FakeChart> {
  get categoryAxis(): ChartAxisProxy {
    return this.child('categoryAxis', () => new ChartAxisProxy(this.ctx, this, 'categoryAxis', [], () => this.must().axes.category));
  }
  get valueAxis(): ChartAxisProxy {
    return this.child('valueAxis', () => new ChartAxisProxy(this.ctx, this, 'valueAxis', [], () => this.must().axes.value));
  }
}

class ChartAxisProxy extends FakeObject<FakeChartAxis> {
  set reversePlotOrder(v: boolean) {
    this.queueSet('reversePlotOrder', v, (t) => (t.reversePlotOrder = v), '1.7');
  }
  set position(v: string) {
    this.queueSet('position', v, (t) => (t.position = oneOf(v, ['Automatic', 'Maximum', 'Minimum', 'Custom'], 'axis position')), '1.8');
  }
  set numberFormat(v: string) {
    this.queueSet('numberFormat', v, (t) => (t.numberFormat = v), '1.8');
  }
  set tickLabelPosition(v: string) {
    this.queueSet('tickLabelPosition', v, (t) => (t.tickLabelPosition = oneOf(v, ['NextToAxis', 'High', 'Low', 'None'], 'tickLabelPosition')), '1.8');
  }
}
