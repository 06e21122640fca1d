/**
 * Streaming readers (saxes) for the parts that can be large: worksheets and the shared strings.
 * A 50,000-row sheet is never held as a DOM; only the cells inside the asked range are kept.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { CellError, CellRange, CellValue } from '../../core/grid';
import { in1900DateSystem } from '../../core/numbers';
import { UNREADABLE_PREFIX } from '../../core/grid';
import { MAX_CELL_TEXT } from '../../report/layout';
import { shiftFormula } from './formula';
import { decodeOoxmlText, xmlBool } from './xml';
import { readRef, scanSheetData } from './sheetData-scan';

const CHUNK = 1 << 20;

type Parser = SaxesParser<{ xmlns: false; position: false }>;

interface Handlers {
  readonly opentag: (tag: SaxesTagPlain) => void;
  readonly text: (t: string) => void;
  readonly closetag: (tag: SaxesTagPlain) => void;
}

/**
 * Parsers that finished a part cleanly, for the next part. Why reuse: with a new parser per part,
 * V8 throws away saxes' optimised character reader whenever a dead parser's hidden class is
 * collected, and after a few workbooks in one process (the browser preview, a long-lived command
 * line) it stops optimising it: reading became three times slower. A pool, not one parser, because
 * a worksheet's reader parses the shared strings in the middle of its own parse.
 */
const idle: Parser[] = [];

// Chunks are decoded whole, not as a stream: a streaming TextDecoder gives two-byte strings even for
// Latin-1 text, and every cell text sliced out of them was twice the size and slower to work with
// (labels are split, matched and hashed many times). The first chunk drops a byte order mark; a
// U+FEFF at the start of a later chunk is text.
/** Decodes a part, or its first chunk (a byte order mark is dropped). */
const utf8 = new TextDecoder('utf-8');
const laterChunks = new TextDecoder('utf-8', { ignoreBOM: true });

/** Where the chunk from `p` ends: CHUNK bytes on, moved back to the start of a UTF-8 character. */
export function chunkEnd(bytes: Uint8Array, p: number, size = CHUNK): number {
  let end = p + size;
  if (end >= bytes.length) return bytes.length;
  // Continuation bytes are 10xxxxxx; a character is at most 4 bytes, so this steps back at most 3.
  while (end > p + 1 && (bytes[end] & 0xc0) === 0x80) end--;
  return end;
}

/** Feeds UTF-8 bytes to a non-namespace saxes parser in chunks (no second full-size copy). */
function parse(bytes: Uint8Array, handlers: Handlers): void {
  withParser(handlers, (parser) => {
    for (let p = 0; p < bytes.length;) {
      const end = chunkEnd(bytes, p);
      parser.write((p === 0 ? utf8 : laterChunks).decode(bytes.subarray(p, end)));
      p = end;
    }
  });
}

/** Feeds a decoded part (or what is left of one) to a non-namespace saxes parser. */
function parseText(text: string, handlers: Handlers): void {
  withParser(handlers, (parser) => parser.write(text));
}

function withParser(handlers: Handlers, write: (parser: Parser) => void): void {
  const parser = idle.pop() ?? new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', handlers.opentag);
  parser.on('text', handlers.text);
  parser.on('closetag', handlers.closetag);
  write(parser);
  // close() checks the end and resets the parser (saxes' _init); a parser that threw midway is dropped.
  parser.close();
  parser.on('opentag', ignore);
  parser.on('text', ignore);
  parser.on('closetag', ignore);
  idle.push(parser);
}

// Handlers of an idle parser: its last part's handlers would keep that part's cells alive.
function ignore(): void {}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * A cell's text, decoded, as a string of its own. The parser hands out texts as slices of the part's
 * decoded chunks (megabytes each), and a slice keeps its whole chunk alive as long as the grid lives
 * and is slower to read character by character (labels are split, matched and hashed many times).
 * Joining the last character back on and reading one makes V8 copy the text out (a flat string).
 */
function cellText(raw: string): string {
  const s = decodeOoxmlText(raw);
  if (s.length < 2) return s;
  const own = s.slice(0, -1) + s[s.length - 1];
  own.charCodeAt(0);
  return own;
}

/** Shared strings, rich-text runs concatenated, phonetic runs (rPh) left out. */
export function readSharedStrings(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rph = 0;
  let buf = '';
  const opentag = (tag: SaxesTagPlain): void => {
    const n = local(tag.name);
    if (n === 'si') {
      inSi = true;
      buf = '';
    } else if (n === 'rPh') rph++;
    else if (n === 't' && inSi && rph === 0) inT = true;
  };
  const text = (t: string): void => {
    if (inT) buf += t;
  };
  const closetag = (tag: SaxesTagPlain): void => {
    const n = local(tag.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') rph--;
    else if (n === 'si') {
      inSi = false;
      out.push(cellText(buf));
    }
  };
  parse(bytes, { opentag, text, closetag });
  return out;
}

export interface ReadOptions {
  /** Only cells inside this range are kept (all when absent). */
  readonly range?: CellRange;
  /** Scan only: find the used range, keep no values. */
  readonly scanOnly?: boolean;
  readonly sharedStrings: () => readonly string[];
  /** Number format code per cellXfs index (the cell's `s`). */
  readonly xfFormats: readonly string[];
  readonly date1904: boolean;
}

export interface SheetCells {
  /** Bounds of the cells holding a value or formula (whole sheet), or null when none. */
  readonly used: CellRange | null;
  /** Each kept cell's row, column and style, in the order read. */
  readonly rows: Float64Array;
  readonly cols: Float64Array;
  /** The cell's style (its `s`): its number format is `formatCodes[xf] ?? 'General'`. */
  readonly xfs: Float64Array;
  /**
   * The cells' values, a line per run of cells of one row (a row read twice, or broken by another
   * row's cell, is two lines): line k holds cells `lineStarts[k]` on, as many as its length. A line
   * that is a whole row of the grid becomes that row as it is: the grid made from these takes them.
   */
  readonly lines: CellValue[][];
  readonly lineStarts: number[];
  /** Number format code per style index (the reader's `xfFormats`). */
  readonly formatCodes: readonly string[];
  /** Formula per kept cell (null where none); empty when the kept cells have no formulas. */
  readonly formulas: (string | null)[];
  readonly hasFormulas: boolean;
  readonly hiddenRows: Set<number>;
  readonly merges: CellRange[];
}

/** The kept cells' values in the order read. */
export function keptValues(cells: SheetCells): CellValue[] {
  return cells.lines.flat();
}

function parseRef(ref: string): { row: number; col: number } | null {
  const p = { row: 0, col: 0 };
  return readRef(ref, 0, ref.length, p) ? p : null;
}

export function parseRangeRef(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const ERROR_REF: CellError = { error: '#REF!' };

/** A cell whose text is longer than a cell holds: the adapter names the sheet and the cell. */
export class CellTextTooLong extends Error {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly length: number,
  ) {
    super(`a cell's text is ${length} characters long`);
  }
}
function isoToSerial(iso: string, date1904: boolean): number | null {
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(iso);
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(iso) ? iso + 'T00:00:00Z' : hasZone ? iso : iso + 'Z');
  if (Number.isNaN(ms)) return null;
  let serial = ms / 86400000 + (date1904 ? 24107 : 25569);
  if (!date1904 && serial < 61) serial -= 1; // Excel's fictitious 1900-02-29
  return serial;
}

function isDelim(c: number): boolean {
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
}

/** The `r` attribute of a cell start tag's attribute text, parsed; null when absent. */
function cellRefAttr(attrs: string): { row: number; col: number } | null {
  let i = attrs.indexOf('r=');
  while (i > 0 && !isDelim(attrs.charCodeAt(i - 1))) i = attrs.indexOf('r=', i + 2);
  if (i < 0) return null;
  const q = attrs.charCodeAt(i + 2);
  if (q !== 34 && q !== 39) return null;
  const close = attrs.indexOf(String.fromCharCode(q), i + 3);
  return close < 0 ? null : parseRef(attrs.slice(i + 3, close));
}

/**
 * The used range (cells holding a value or formula) found by a fast scan of the cell start tags,
 * for listing sheets without a full parse. Returns undefined when the sheet uses anything the
 * scan does not handle (cells without `r`, comments or CDATA in the data): then parse it fully.
 */
export function quickUsedRange(bytes: Uint8Array): CellRange | null | undefined {
  const text = utf8.decode(bytes);
  const open = /<([A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/.exec(text);
  if (!open) return null;
  if (open[2] === '/') return null;
  const prefix = open[1] ?? '';
  const start = open.index + open[0].length;
  const end = text.indexOf(`</${prefix}sheetData>`, start);
  if (end < 0) return undefined;
  const comment = text.indexOf('<!--', start);
  const cdata = text.indexOf('<![CDATA[', start);
  if ((comment >= 0 && comment < end) || (cdata >= 0 && cdata < end)) return undefined;
  const cell = new RegExp(`<${prefix.replace(/\./g, '\\.')}c(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  const fLen = prefix.length + 1;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  cell.lastIndex = start;
  for (let m = cell.exec(text); m && m.index < end; m = cell.exec(text)) {
    if (m[2] === '/') continue;
    // the first child decides: <f>, <v> or <is> hold content; </c> or <extLst> do not
    const lt = text.indexOf('<', m.index + m[0].length);
    if (lt < 0 || text.charCodeAt(lt + 1) === 47 /* / */ || !text.startsWith(prefix, lt + 1)) continue;
    const c1 = text.charCodeAt(lt + fLen);
    const c2 = text.charCodeAt(lt + fLen + 1);
    const content =
      ((c1 === 118 /* v */ || c1 === 102) /* f */ && isDelim(c2)) || (c1 === 105 /* i */ && c2 === 115 /* s */ && isDelim(text.charCodeAt(lt + fLen + 2)));
    if (!content) continue;
    const p = cellRefAttr(m[1]);
    if (!p) return undefined;
    const row = p.row;
    const col = p.col;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/**
 * `Number(text)`, read directly when the text is plain decimal digits with an optional minus and
 * fraction and at most 15 digits: the digits as an integer divided by a power of ten, both exact,
 * and so (one correctly rounded division) the same double `Number` gives. Most of a sheet's cells
 * are such numbers, and `Number` on a string costs several times more.
 */
export function numberOf(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let m = 0;
  let digits = 0;
  let scale = 1;
  let point = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (point) scale *= 10;
    } else if (c === 46 && !point && digits > 0) point = true;
    else return Number(text);
  }
  if (digits === 0 || digits > 15 || (point && scale === 1)) return Number(text);
  const v = m / scale;
  return text.charCodeAt(0) === 45 ? -v : v;
}

/**
 * A worksheet's cells as they are read, whichever parser reads them: the parser sets the cell being
 * read (its place, type, style and texts) and calls `finishCell` at its end, so what a cell means is
 * decided here, once.
 */
export class SheetCellsBuilder {
  // the cell being read
  row = -1;
  col = -1;
  type = 'n';
  xf = 0;
  /** The texts of `<v>`, `<f>` (null when none) and `<is>`'s `<t>`s, and whether `<v>`/`<is>` were there. */
  v = '';
  hasV = false;
  f: string | null = null;
  fType = '';
  fSi = '';
  fRef = '';
  is = '';
  hasIs = false;

  // The kept cells: their places and styles in typed arrays, their values a row at a time. A sheet has
  // hundreds of thousands of cells; pushing each cell's fields onto growing sheet-long arrays took
  // most of the time reading them, where a number written to a typed array costs next to nothing and a
  // row's values are the grid's row (see SheetCells.lines).
  // Formulas only once a cell has one: most sheets people read have none.
  private count = 0;
  private rows: Float64Array;
  private cols: Float64Array;
  private xfs: Float64Array;
  private readonly lines: CellValue[][] = [];
  private readonly lineStarts: number[] = [];
  private line: CellValue[] = [];
  private lineRow = NaN;
  private formulas: (string | null)[] | null = null;
  readonly hiddenRows = new Set<number>();
  readonly merges: CellRange[] = [];
  // The used range so far, -1 until a cell with content is read. Small integers from the start, not
  // Infinity: a field that once held a double gives its value out as a double, the grid's top and left
  // would be ones, and every row and column the core computes from them (for each cell it reads) too.
  private top = -1;
  private left = -1;
  private bottom = -1;
  private right = -1;
  private readonly masters = new Map<string, { text: string; row: number; col: number }>();
  private sst: readonly string[] | null = null;
  private readonly range: CellRange | undefined;
  private readonly scan: boolean;

  /**
   * `bytes`: the size of the XML the cells are read from. The arrays are made room for as many cells
   * as it could hold at 16 bytes a cell (`<c r="A1"><v>1</v></c>` takes 22), so that they seldom grow:
   * growing copies them, and the memory a copy writes is memory the system must first hand over, page
   * by page, where room never written costs nothing.
   */
  constructor(
    private readonly opts: ReadOptions,
    bytes = 0,
  ) {
    this.range = opts.range;
    this.scan = !!opts.scanOnly;
    const room = this.scan ? 16 : Math.max(1024, Math.ceil(bytes / 16));
    this.rows = new Float64Array(room);
    this.cols = new Float64Array(room);
    this.xfs = new Float64Array(room);
  }

  /** A cell starts (its place, type and style already set): nothing read in it yet. */
  startCell(): void {
    this.v = '';
    this.hasV = false;
    this.f = null;
    this.is = '';
    this.hasIs = false;
  }

  finishCell(): void {
    const { row, col, hasV, hasIs, f, xf } = this;
    let formula: string | null = null;
    if (f !== null) {
      if (this.fType === 'shared') {
        const master = this.masters.get(this.fSi);
        if (f !== '' && (this.fRef || !master)) {
          this.masters.set(this.fSi, { text: f, row, col });
          formula = f;
        } else if (master) formula = shiftFormula(master.text, row - master.row, col - master.col);
      } else if (this.fType !== 'dataTable') formula = f;
      if (formula === '') formula = null;
    }
    const content = hasV || hasIs || f !== null;
    if (content) {
      if (this.top < 0 || row < this.top) this.top = row;
      if (row > this.bottom) this.bottom = row;
      if (this.left < 0 || col < this.left) this.left = col;
      if (col > this.right) this.right = col;
    } else if (xf === 0) return; // an empty, unformatted cell says nothing
    if (this.scan) return;
    const range = this.range;
    if (range && (row < range.top || row > range.bottom || col < range.left || col > range.right)) return;
    const vText = this.v;
    let value: CellValue = null;
    switch (this.type) {
      case 's': {
        if (hasV) {
          const sst = this.sst ?? (this.sst = this.opts.sharedStrings());
          const text = sst[Number(vText)];
          // A text the workbook lost is no empty cell: the readers say so, naming the cell.
          value = text ?? { error: `${UNREADABLE_PREFIX}shared string ${vText.trim()} of ${sst.length}` };
        }
        break;
      }
      case 'str':
        value = hasV ? cellText(vText) : formula !== null ? '' : null;
        break;
      case 'inlineStr':
        value = hasIs ? cellText(this.is) : hasV ? cellText(vText) : null;
        break;
      case 'b':
        value = hasV ? vText.trim() === '1' || vText.trim() === 'true' : null;
        break;
      case 'e':
        value = hasV ? (vText.trim() === '#REF!' ? ERROR_REF : { error: vText.trim() }) : null;
        break;
      case 'd':
        // Dates are handed on as 1900-system serials, whatever system the workbook uses (see below).
        value = hasV ? isoToSerial(vText.trim(), false) : null;
        break;
      case 'n':
        if (hasV && vText.trim() !== '') {
          const num = numberOf(vText);
          value = Number.isNaN(num) ? cellText(vText) : in1900DateSystem(num, this.opts.xfFormats[xf] ?? 'General', this.opts.date1904);
        }
        break;
      default:
        if (hasV || hasIs) value = { error: `${UNREADABLE_PREFIX}cell type "${this.type}"` };
    }
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) throw new CellTextTooLong(row, col, value.length);
    const n = this.count;
    if (n === this.rows.length) this.grow();
    this.rows[n] = row;
    this.cols[n] = col;
    this.xfs[n] = xf;
    if (row !== this.lineRow) {
      this.line = [];
      this.lines.push(this.line);
      this.lineStarts.push(n);
      this.lineRow = row;
    }
    this.line.push(value);
    if (formula !== null && this.formulas === null) this.formulas = new Array<string | null>(n).fill(null);
    this.formulas?.push(formula);
    this.count = n + 1;
  }

  /** Twice the room in each field's array. */
  private grow(): void {
    const wider = (a: Float64Array): Float64Array => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.rows = wider(this.rows);
    this.cols = wider(this.cols);
    this.xfs = wider(this.xfs);
  }

  cells(): SheetCells {
    const { top, left, bottom, right } = this;
    return {
      used: bottom < 0 ? null : { top, left, bottom, right },
      rows: this.rows.subarray(0, this.count),
      cols: this.cols.subarray(0, this.count),
      xfs: this.xfs.subarray(0, this.count),
      lines: this.lines,
      lineStarts: this.lineStarts,
      formatCodes: this.opts.xfFormats,
      formulas: this.formulas ?? [],
      hasFormulas: this.formulas !== null,
      hiddenRows: this.hiddenRows,
      merges: this.merges,
    };
  }
}

/** saxes' handlers filling `b`: the whole part, or the part around its sheetData when that is scanned. */
function worksheetHandlers(b: SheetCellsBuilder): Handlers {
  let inSheetData = false;
  let inCell = false;
  let capture = 0; // 1 = <v>, 2 = <f>, 3 = <t> inside <is>
  let rph = 0;
  const opentag = (tag: SaxesTagPlain): void => {
    const n = local(tag.name);
    if (inCell) {
      if (n === 'v') {
        capture = 1;
        b.hasV = true;
      } else if (n === 'f') {
        capture = 2;
        b.f = '';
        b.fType = tag.attributes.t ?? '';
        b.fSi = tag.attributes.si ?? '';
        b.fRef = tag.attributes.ref ?? '';
      } else if (n === 'is') b.hasIs = true;
      else if (n === 'rPh') rph++;
      else if (n === 't' && b.hasIs && rph === 0) capture = 3;
      return;
    }
    if (inSheetData) {
      if (n === 'c') {
        inCell = true;
        const r = tag.attributes.r;
        if (!r || !readRef(r, 0, r.length, b)) b.col++;
        b.type = tag.attributes.t ?? 'n';
        const s = tag.attributes.s;
        b.xf = s ? Number(s) : 0;
        b.startCell();
        rph = 0;
      } else if (n === 'row') {
        const r = tag.attributes.r;
        b.row = r ? Number(r) - 1 : b.row + 1;
        b.col = -1;
        if (xmlBool(tag.attributes.hidden)) b.hiddenRows.add(b.row);
      }
      return;
    }
    if (n === 'sheetData') inSheetData = !tag.isSelfClosing;
    else if (n === 'mergeCell') {
      const m = tag.attributes.ref ? parseRangeRef(tag.attributes.ref) : null;
      if (m) b.merges.push(m);
    }
  };
  const text = (t: string): void => {
    if (capture === 1) b.v += t;
    else if (capture === 2) b.f += t;
    else if (capture === 3) b.is += t;
  };
  const closetag = (tag: SaxesTagPlain): void => {
    if (inCell) {
      const n = local(tag.name);
      if (n === 'v' || n === 'f' || n === 't') capture = 0;
      else if (n === 'rPh') rph--;
      else if (n === 'c') {
        inCell = false;
        b.finishCell();
      }
      return;
    }
    if (inSheetData && local(tag.name) === 'sheetData') inSheetData = false;
  };
  return { opentag, text, closetag };
}

/** Reads a worksheet part with saxes alone, in one streaming pass (what `readWorksheet` must agree with). */
export function readWorksheetWithSaxes(bytes: Uint8Array, opts: ReadOptions): SheetCells {
  const b = new SheetCellsBuilder(opts, bytes.length);
  parse(bytes, worksheetHandlers(b));
  return b.cells();
}

/**
 * Reads a worksheet part the fast way, or returns null when it cannot: its sheetData by
 * `scanSheetData`, the rest of the part (a few hundred bytes to a few kilobytes: the sheet's views,
 * columns, merged cells) by saxes. Null whenever anything is not as the scanner expects, and
 * whenever reading fails at all: then saxes reads the part whole and decides what it says.
 */
export function readWorksheetFast(bytes: Uint8Array, opts: ReadOptions): SheetCells | null {
  const s = utf8.decode(bytes);
  // One sheetData, unprefixed and without attributes, in an XML 1.0 document. (The scanner refuses a
  // sheetData inside it, and a closing tag it did not open: one search from each end is enough.)
  const open = s.indexOf('<sheetData>');
  const close = s.lastIndexOf('</sheetData');
  const from = open + '<sheetData>'.length;
  if (open < 0 || close < from || s.indexOf('sheetData') !== open + 1 || s.indexOf('sheetData', close + 11) >= 0) return null;
  const decl = /^<\?xml\s[^>]*>/.exec(s);
  if (decl && !/\bversion\s*=\s*(["'])1\.0\1/.test(decl[0])) return null;
  const b = new SheetCellsBuilder(opts, close - from);
  try {
    parseText(s.slice(0, from) + s.slice(close), worksheetHandlers(b));
    if (!scanSheetData(s, from, close, b)) return null;
  } catch {
    return null;
  }
  return b.cells();
}

/** Reads a worksheet part: the fast way when it can, else with saxes. */
export function readWorksheet(bytes: Uint8Array, opts: ReadOptions): SheetCells {
  return readWorksheetFast(bytes, opts) ?? readWorksheetWithSaxes(bytes, opts);
}
