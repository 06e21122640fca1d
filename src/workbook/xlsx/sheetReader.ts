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
  const parser = idle.pop() ?? new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', handlers.opentag);
  parser.on('text', handlers.text);
  parser.on('closetag', handlers.closetag);
  for (let p = 0; p < bytes.length;) {
    const end = chunkEnd(bytes, p);
    parser.write((p === 0 ? utf8 : laterChunks).decode(bytes.subarray(p, end)));
    p = end;
  }
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
  readonly rows: number[];
  readonly cols: number[];
  readonly values: CellValue[];
  readonly formats: string[];
  /** Formula per kept cell (null where none); empty when the kept cells have no formulas. */
  readonly formulas: (string | null)[];
  readonly hasFormulas: boolean;
  readonly hiddenRows: Set<number>;
  readonly merges: CellRange[];
}

function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
    i++;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return null;
  }
  if (col === 0 || row === 0) return null;
  return { row: row - 1, col: col - 1 };
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

/** Reads a worksheet part in one streaming pass. */
export function readWorksheet(bytes: Uint8Array, opts: ReadOptions): SheetCells {
  const range = opts.range;
  const scan = !!opts.scanOnly;
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formats: string[] = [];
  const formulas: (string | null)[] = [];
  let hasFormulas = false;
  const hiddenRows = new Set<number>();
  const merges: CellRange[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let sst: readonly string[] | null = null;
  const xfFormats = opts.xfFormats;

  let inSheetData = false;
  let row = -1;
  let col = -1;
  let inCell = false;
  let cellType = 'n';
  let cellXf = 0;
  let capture = 0; // 1 = <v>, 2 = <f>, 3 = <t> inside <is>
  let vText = '';
  let hasV = false;
  let fText: string | null = null;
  let fType = '';
  let fSi = '';
  let fRef = '';
  let isText = '';
  let hasIs = false;
  let rph = 0;

  const opentag = (tag: SaxesTagPlain): void => {
    const n = local(tag.name);
    if (inCell) {
      if (n === 'v') {
        capture = 1;
        hasV = true;
      } else if (n === 'f') {
        capture = 2;
        fText = '';
        fType = tag.attributes.t ?? '';
        fSi = tag.attributes.si ?? '';
        fRef = tag.attributes.ref ?? '';
      } else if (n === 'is') hasIs = true;
      else if (n === 'rPh') rph++;
      else if (n === 't' && hasIs && rph === 0) capture = 3;
      return;
    }
    if (inSheetData) {
      if (n === 'c') {
        inCell = true;
        const r = tag.attributes.r;
        const p = r ? parseRef(r) : null;
        if (p) {
          col = p.col;
          row = p.row;
        } else col++;
        cellType = tag.attributes.t ?? 'n';
        const s = tag.attributes.s;
        cellXf = s ? Number(s) : 0;
        vText = '';
        hasV = false;
        fText = null;
        isText = '';
        hasIs = false;
        rph = 0;
      } else if (n === 'row') {
        const r = tag.attributes.r;
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        if (xmlBool(tag.attributes.hidden)) hiddenRows.add(row);
      }
      return;
    }
    if (n === 'sheetData') inSheetData = !tag.isSelfClosing;
    else if (n === 'mergeCell') {
      const m = tag.attributes.ref ? parseRangeRef(tag.attributes.ref) : null;
      if (m) merges.push(m);
    }
  };
  const text = (t: string): void => {
    if (capture === 1) vText += t;
    else if (capture === 2) fText += t;
    else if (capture === 3) isText += t;
  };
  const closetag = (tag: SaxesTagPlain): void => {
    if (inCell) {
      const n = local(tag.name);
      if (n === 'v' || n === 'f' || n === 't') capture = 0;
      else if (n === 'rPh') rph--;
      else if (n === 'c') {
        inCell = false;
        finishCell();
      }
      return;
    }
    if (inSheetData && local(tag.name) === 'sheetData') inSheetData = false;
  };

  function finishCell(): void {
    let formula: string | null = null;
    if (fText !== null) {
      if (fType === 'shared') {
        const master = masters.get(fSi);
        if (fText !== '' && (fRef || !master)) {
          masters.set(fSi, { text: fText, row, col });
          formula = fText;
        } else if (master) formula = shiftFormula(master.text, row - master.row, col - master.col);
      } else if (fType !== 'dataTable') formula = fText;
      if (formula === '') formula = null;
    }
    const content = hasV || hasIs || fText !== null;
    if (content) {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    } else if (cellXf === 0) return; // an empty, unformatted cell says nothing
    if (scan) return;
    if (range && (row < range.top || row > range.bottom || col < range.left || col > range.right)) return;
    let value: CellValue = null;
    switch (cellType) {
      case 's': {
        if (hasV) {
          if (!sst) sst = opts.sharedStrings();
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
        value = hasIs ? cellText(isText) : hasV ? cellText(vText) : null;
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
          const num = Number(vText);
          value = Number.isNaN(num) ? cellText(vText) : in1900DateSystem(num, xfFormats[cellXf] ?? 'General', opts.date1904);
        }
        break;
      default:
        if (hasV || hasIs) value = { error: `${UNREADABLE_PREFIX}cell type "${cellType}"` };
    }
    if (typeof value === 'string' && value.length > MAX_CELL_TEXT) throw new CellTextTooLong(row, col, value.length);
    rows.push(row);
    cols.push(col);
    values.push(value);
    formats.push(xfFormats[cellXf] ?? 'General');
    formulas.push(formula);
    if (formula !== null) hasFormulas = true;
  }

  parse(bytes, { opentag, text, closetag });
  return {
    used: bottom < 0 ? null : { top, left, bottom, right },
    rows,
    cols,
    values,
    formats,
    formulas,
    hasFormulas,
    hiddenRows,
    merges,
  };
}
