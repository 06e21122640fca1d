/**
 * SheetLayout → an ordered list of Excel write operations, as plain data with the size each adds to
 * a request. Pure: nothing here touches Office.js, so the grouping (rectangular value blocks, style
 * runs merged into few ranges) and the payload estimate are testable on their own.
 *
 * The number of operations depends on the layout's SHAPE (columns, distinct styles, runs), not on its
 * number of lines: values go as one 2-D array per rectangular block; number formats and every style
 * attribute go as one property per rectangle, using Excel's "single input copy" (a 1×1 input applied
 * to the whole range, as Ctrl+Enter does), rectangles gathered into multi-area ranges.
 */
import type { CellRange } from '../../core/grid';
import { cellA1, columnLetters, parseSheetRange, rangeA1 } from '../../core/grid';
import type { CellStyle, ConditionalFormat, LayoutCell, PageSetup, SheetLayout } from '../../report/layout';
import { orderedCells } from '../conventions';
export { orderedCells };

/** What a cell receives through `Range.formulas`: text, number, boolean, `=formula`, or null (untouched). */
export type CellInput = string | number | boolean | null;

export interface LinkTarget {
  /** Internal target (`'Regnskap'!A5`). */
  readonly documentReference?: string;
  /** External target (`https://…`). */
  readonly address?: string;
  readonly textToDisplay?: string;
}

/** A style attribute Excel sets as one property on a range. */
export type StyleProp =
  | { readonly prop: 'bold' | 'italic' | 'wrap' | 'unlocked'; readonly value: boolean }
  | { readonly prop: 'size' | 'indent'; readonly value: number }
  | { readonly prop: 'color' | 'fill'; readonly value: string }
  | { readonly prop: 'align'; readonly value: 'Left' | 'Center' | 'Right' }
  | { readonly prop: 'verticalAlign'; readonly value: 'Top' | 'Center' | 'Bottom' }
  | { readonly prop: 'borderTop' | 'borderBottom'; readonly value: 'thin' | 'medium' | 'double' };

export type WriteOp =
  | { readonly kind: 'sheet'; readonly tabColor?: string; readonly hideGridlines?: boolean }
  | { readonly kind: 'columns'; readonly address: string; readonly widthPt?: number; readonly hidden?: boolean }
  /** Hyperlinks of a rectangle of cells (null: no link), set before the values so the values win. */
  | { readonly kind: 'links'; readonly address: string; readonly links: (LinkTarget | null)[][] }
  | { readonly kind: 'cells'; readonly address: string; readonly rows: CellInput[][] }
  | { readonly kind: 'numberFormat'; readonly address: string; readonly format: string }
  | { readonly kind: 'style'; readonly addresses: readonly string[]; readonly style: StyleProp }
  | { readonly kind: 'merge'; readonly address: string }
  | { readonly kind: 'note'; readonly address: string; readonly text: string }
  /** Added in reverse layout order: Excel puts a new rule on top, so the layout's first rule ends first. */
  | { readonly kind: 'conditional'; readonly addresses: readonly string[]; readonly format: ConditionalFormat }
  | { readonly kind: 'freeze'; readonly rows: number; readonly cols: number }
  | { readonly kind: 'page'; readonly page: PageSetup }
  /** Rows as tall as their wrapped text (people's long comments grow the row, never spill over the next). */
  | { readonly kind: 'autofitRows'; readonly address: string }
  | { readonly kind: 'marker'; readonly marker: string }
  /** Contents of cells a regenerated sheet no longer fills, cleared after the new contents are in. */
  | { readonly kind: 'clear'; readonly addresses: readonly string[] };

/** The first and last row holding wrapped text, or null (a loop: a big sheet has too many cells to spread). */
function wrappedRows(layout: SheetLayout): { first: number; last: number } | null {
  let first = Infinity;
  let last = -1;
  for (const c of layout.cells) {
    if (!c.style?.wrap || c.value === null || c.value === '') continue;
    if (c.row < first) first = c.row;
    if (c.row > last) last = c.row;
  }
  return last < 0 ? null : { first, last };
}

/** Operations that only change how the sheet looks or prints, sent last in a request of their own. */
export function isCosmetic(op: WriteOp): boolean {
  return op.kind === 'freeze' || op.kind === 'page' || op.kind === 'autofitRows';
}

export interface SizedOp {
  readonly op: WriteOp;
  /** Estimated bytes this operation adds to a request (object paths, actions and arguments). */
  readonly size: number;
}

export interface PlanOptions {
  /** `Worksheet.getRanges` (ExcelApi 1.9): several rectangles as one multi-area range. */
  readonly multiArea: boolean;
  /** `Range.setCellProperties` (ExcelApi 1.9): a block's links in one call; else one call a cell. */
  readonly cellProperties?: boolean;
  /** Largest payload of one value block; bigger blocks are split by rows. */
  readonly maxBlockBytes?: number;
  /** Longest address list handed to one `getRanges` call. */
  readonly maxAreasChars?: number;
}

/**
 * Office.js sends, per object a batch touches, its object path and an "instantiate" action, and per
 * property set or method call one action. These are upper bounds of their JSON (ids, type codes, names).
 */
export const OBJECT_BYTES = 260;
export const ACTION_BYTES = 130;
const DEFAULT_MAX_BLOCK_BYTES = 1_000_000;
const DEFAULT_MAX_AREAS_CHARS = 2_000;

/** Bytes of a value once serialized as JSON and encoded as UTF-8. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? 'null';
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/**
 * Text that `Range.values`/`formulas` would NOT keep as the same text: formulas (`=`, `+`, `-`, `@`),
 * anything Excel may coerce to a number, date, time, percentage, currency or fraction (it holds a
 * digit), TRUE/FALSE, error literals (`#N/A`) and a leading apostrophe (Excel swallows one). Such text
 * is written behind an apostrophe, which Excel swallows and stores the rest as text.
 */
export function needsTextPrefix(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  // = + - @ ' #
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 39 || c === 35) return true;
  if (/\d/.test(s)) return true;
  const t = s.trim().toUpperCase();
  if (t === 'TRUE' || t === 'FALSE') return true;
  // leading/trailing blanks before a sign or formula character
  return /^\s+[=+\-@'#]/.test(s);
}

/** What to hand Excel for a layout cell so it stores exactly that value (or formula). */
export function cellInput(cell: LayoutCell): CellInput {
  const f = cell.formula;
  if (f !== undefined && f !== null && f !== '') return '=' + (f.charCodeAt(0) === 61 ? f.slice(1) : f);
  const v = cell.value;
  if (typeof v === 'string') {
    // An empty text cell cannot be written through the API: it stays empty.
    if (v === '') return null;
    return needsTextPrefix(v) ? "'" + v : v;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : '=#NUM!';
  return v;
}

/**
 * Covers a set of cells (given in row-major order) with few rectangles: runs of adjacent columns per
 * row, then identical runs of consecutive rows joined. `singleRows` keeps every rectangle one row high
 * (borders: an edge set on a taller rectangle would not reach its inner rows).
 */
export function rectangles(cells: readonly { readonly row: number; readonly col: number }[], singleRows = false): CellRange[] {
  const out: CellRange[] = [];
  let row = -1;
  let previous = new Map<string, number>(); // "left:right" → index in out, for runs ending on the row above
  let current = new Map<string, number>();
  let i = 0;
  while (i < cells.length) {
    const r = cells[i].row;
    if (r !== row) {
      previous = !singleRows && r === row + 1 ? current : new Map<string, number>();
      current = new Map<string, number>();
      row = r;
    }
    const left = cells[i].col;
    let right = left;
    i++;
    while (i < cells.length && cells[i].row === r && cells[i].col <= right + 1) {
      right = Math.max(right, cells[i].col);
      i++;
    }
    const key = `${left}:${right}`;
    const prev = previous.get(key);
    if (prev !== undefined) {
      const p = out[prev];
      out[prev] = { top: p.top, left: p.left, bottom: r, right: p.right };
      current.set(key, prev);
    } else {
      out.push({ top: r, left, bottom: r, right });
      current.set(key, out.length - 1);
    }
  }
  return out;
}

/** Address lists for `getRanges` (comma-separated, each at most `maxChars`), or single addresses. */
function addressGroups(rects: readonly CellRange[], opts: PlanOptions): string[][] {
  const addrs = rects.map(rangeA1);
  if (!opts.multiArea) return addrs.map((a) => [a]);
  const max = opts.maxAreasChars ?? DEFAULT_MAX_AREAS_CHARS;
  const groups: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of addrs) {
    if (cur.length > 0 && len + a.length + 1 > max) {
      groups.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length > 0) groups.push(cur);
  return groups;
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a digit, 5 px padding). */
export function widthToPoints(chars: number): number {
  const w = Math.min(255, Math.max(0, chars));
  if (w === 0) return 0;
  return Math.round(Math.floor(w * 7 + 5) * 0.75 * 100) / 100;
}

function styleProps(s: CellStyle): StyleProp[] {
  const out: StyleProp[] = [];
  if (s.bold) out.push({ prop: 'bold', value: true });
  if (s.italic) out.push({ prop: 'italic', value: true });
  if (s.size !== undefined) out.push({ prop: 'size', value: s.size });
  if (s.color) out.push({ prop: 'color', value: '#' + s.color.replace(/^#/, '').toUpperCase().slice(-6) });
  if (s.fill) out.push({ prop: 'fill', value: '#' + s.fill.replace(/^#/, '').toUpperCase().slice(-6) });
  if (s.align) out.push({ prop: 'align', value: s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right' });
  if (s.wrap) out.push({ prop: 'wrap', value: true });
  if (s.verticalAlign) out.push({ prop: 'verticalAlign', value: s.verticalAlign === 'top' ? 'Top' : s.verticalAlign === 'center' ? 'Center' : 'Bottom' });
  if (s.borderTop) out.push({ prop: 'borderTop', value: s.borderTop });
  if (s.borderBottom) out.push({ prop: 'borderBottom', value: s.borderBottom });
  if (s.indent !== undefined && s.indent > 0) out.push({ prop: 'indent', value: Math.min(250, Math.floor(s.indent)) });
  if (s.unlocked) out.push({ prop: 'unlocked', value: true });
  return out;
}

function styleKey(p: StyleProp): string {
  return `${p.prop}=${String(p.value)}`;
}

function linkTarget(cell: LayoutCell): LinkTarget | null {
  const target = cell.link;
  if (!target) return null;
  // Excel fills an empty linked cell with the link's address; the xlsx writer's link on an empty cell
  // shows nothing, so there is no link to write for it.
  if (cell.value === null && !cell.formula) return null;
  const display = typeof cell.value === 'string' && !cell.formula ? cell.value : undefined;
  if (/^(https?|mailto|ftp):/i.test(target)) return display !== undefined ? { address: target, textToDisplay: display } : { address: target };
  const reference = target.replace(/^#/, '');
  return display !== undefined ? { documentReference: reference, textToDisplay: display } : { documentReference: reference };
}

interface Block {
  top: number;
  bottom: number;
  left: number;
  right: number;
  count: number;
  /** Indexes into the ordered cells: [start, end). */
  start: number;
  end: number;
}

/** Groups ordered cells into rectangular blocks whose 2-D arrays are mostly filled. */
function blocks(cells: readonly LayoutCell[], include: (c: LayoutCell) => boolean): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  let i = 0;
  while (i < cells.length) {
    const row = cells[i].row;
    let j = i;
    let left = Infinity;
    let right = -1;
    let count = 0;
    while (j < cells.length && cells[j].row === row) {
      if (include(cells[j])) {
        left = Math.min(left, cells[j].col);
        right = Math.max(right, cells[j].col);
        count++;
      }
      j++;
    }
    if (count > 0) {
      if (cur) {
        const l = Math.min(cur.left, left);
        const r = Math.max(cur.right, right);
        const area = (row - cur.top + 1) * (r - l + 1);
        if (row - cur.bottom <= 2 && area <= 2 * (cur.count + count) + 64) {
          cur.left = l;
          cur.right = r;
          cur.bottom = row;
          cur.count += count;
          cur.end = j;
        } else cur = null;
      }
      if (!cur) {
        cur = { top: row, bottom: row, left, right, count, start: i, end: j };
        out.push(cur);
      }
    }
    i = j;
  }
  return out;
}

/** The block's rows as 2-D arrays, split by rows so that no piece exceeds `maxBytes`. */
function blockArrays<T>(
  b: Block,
  cells: readonly LayoutCell[],
  value: (c: LayoutCell) => T | null,
  maxBytes: number,
  /** Request bytes a non-null entry costs beyond its JSON (a call of its own). */
  perEntry = 0,
): { range: CellRange; rows: (T | null)[][]; bytes: number }[] {
  const width = b.right - b.left + 1;
  const pieces: { range: CellRange; rows: (T | null)[][]; bytes: number }[] = [];
  let rows: (T | null)[][] = [];
  let top = b.top;
  let bytes = 2;
  let k = b.start;
  for (let r = b.top; r <= b.bottom; r++) {
    const line: (T | null)[] = new Array<T | null>(width).fill(null);
    while (k < b.end && cells[k].row === r) {
      const c = cells[k];
      if (c.col >= b.left && c.col <= b.right) line[c.col - b.left] = value(c);
      k++;
    }
    const lineBytes = jsonBytes(line) + 1 + (perEntry > 0 ? perEntry * line.filter((x) => x !== null).length : 0);
    if (rows.length > 0 && bytes + lineBytes > maxBytes) {
      pieces.push({ range: { top, left: b.left, bottom: r - 1, right: b.right }, rows, bytes });
      rows = [];
      top = r;
      bytes = 2;
    }
    rows.push(line);
    bytes += lineBytes;
  }
  if (rows.length > 0) pieces.push({ range: { top, left: b.left, bottom: b.bottom, right: b.right }, rows, bytes });
  return pieces;
}

function parseAreas(sheet: string, text: string): CellRange[] {
  return text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((p) => {
      const parsed = parseSheetRange(p);
      if (!parsed || parsed.sheet !== null) throw new Error(`the layout of sheet "${sheet}" has an invalid range "${text}"`);
      return parsed.range;
    });
}

const sized = (op: WriteOp, objects: number, actions: number, args: number): SizedOp => ({
  op,
  size: objects * OBJECT_BYTES + actions * ACTION_BYTES + args,
});

/** Objects and actions of a property set on one (multi-area) range: the range, its format, a sub-object. */
function rangeOpSize(addresses: readonly string[], actionsPer: number, argBytes: number): { objects: number; actions: number; args: number } {
  const addrBytes = addresses.reduce((n, a) => n + a.length + 1, 4);
  return { objects: 3, actions: actionsPer, args: addrBytes + argBytes * actionsPer };
}

/**
 * The write operations for a layout, in the order they must run: sheet options, columns, links,
 * values and formulas, number formats, styles, merges, notes, conditional formats, freeze panes,
 * page setup, and last the marker (a sheet without its marker is never taken for the add-in's).
 */
export function planSheet(layout: SheetLayout, marker: string | null, opts: PlanOptions): SizedOp[] {
  const ops: SizedOp[] = [];
  const maxBlock = opts.maxBlockBytes ?? DEFAULT_MAX_BLOCK_BYTES;
  const cells = orderedCells(layout.cells);

  if (layout.tabColor || layout.hideGridlines) {
    const op: WriteOp = {
      kind: 'sheet',
      tabColor: layout.tabColor ? '#' + layout.tabColor.replace(/^#/, '').toUpperCase().slice(-6) : undefined,
      hideGridlines: layout.hideGridlines || undefined,
    };
    ops.push(sized(op, 1, 2, 20));
  }

  // columns: runs of adjacent columns with the same width and hidden state
  const byCol = new Map<number, { width: number; hidden: boolean }>();
  for (const c of layout.columns ?? []) byCol.set(c.col, { width: c.width, hidden: !!c.hidden });
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  for (let i = 0; i < cols.length;) {
    const spec = byCol.get(cols[i]) as { width: number; hidden: boolean };
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) {
      const n = byCol.get(cols[j + 1]) as { width: number; hidden: boolean };
      if (n.width !== spec.width || n.hidden !== spec.hidden) break;
      j++;
    }
    const address = `${columnLetters(cols[i])}:${columnLetters(cols[j])}`;
    ops.push(sized({ kind: 'columns', address, widthPt: widthToPoints(spec.width), hidden: spec.hidden || undefined }, 3, 2, 40));
    i = j + 1;
  }

  // hyperlinks, by blocks of linked cells
  const linked = cells.filter((c) => linkTarget(c) !== null);
  const perCell = !(opts.cellProperties ?? opts.multiArea);
  for (const b of blocks(linked, () => true)) {
    for (const p of blockArrays(b, linked, linkTarget, maxBlock, perCell ? OBJECT_BYTES + ACTION_BYTES : 0)) {
      const count = p.rows.reduce((n, row) => n + row.filter((l) => l !== null).length, 0);
      // setCellProperties wraps each link ({"hyperlink":…}, {} for none); per cell, each its own call
      const bytes = perCell ? p.bytes - count * (OBJECT_BYTES + ACTION_BYTES) : jsonBytes(p.rows.map((row) => row.map((l) => (l ? { hyperlink: l } : {}))));
      ops.push(sized({ kind: 'links', address: rangeA1(p.range), links: p.rows }, perCell ? 1 + count : 1, perCell ? count : 1, bytes + 20));
    }
  }

  // values and formulas, by blocks
  const withInput = (c: LayoutCell): boolean => cellInput(c) !== null;
  for (const b of blocks(cells, withInput)) {
    for (const p of blockArrays(b, cells, cellInput, maxBlock)) {
      ops.push(sized({ kind: 'cells', address: rangeA1(p.range), rows: p.rows }, 1, 1, p.bytes + 20));
    }
  }

  // number formats and style attributes: each value's cells as few rectangles
  const formatCells = new Map<string, LayoutCell[]>();
  const styleCells = new Map<string, { prop: StyleProp; cells: LayoutCell[] }>();
  const propsCache = new WeakMap<CellStyle, StyleProp[]>();
  for (const c of cells) {
    const s = c.style;
    if (!s) continue;
    if (s.numberFormat && s.numberFormat !== 'General') {
      const list = formatCells.get(s.numberFormat);
      if (list) list.push(c);
      else formatCells.set(s.numberFormat, [c]);
    }
    let props = propsCache.get(s);
    if (!props) {
      props = styleProps(s);
      propsCache.set(s, props);
    }
    for (const p of props) {
      const k = styleKey(p);
      const entry = styleCells.get(k);
      if (entry) entry.cells.push(c);
      else styleCells.set(k, { prop: p, cells: [c] });
    }
  }
  // Range.numberFormat (there is none on a multi-area range): one rectangle each, a 1×1 input
  for (const [format, list] of formatCells) {
    for (const r of rectangles(list)) {
      const address = rangeA1(r);
      ops.push(sized({ kind: 'numberFormat', address, format }, 1, 1, address.length + jsonBytes([[format]]) + 4));
    }
  }
  for (const { prop, cells: list } of styleCells.values()) {
    const borders = prop.prop === 'borderTop' || prop.prop === 'borderBottom';
    for (const addresses of addressGroups(rectangles(list, borders), opts)) {
      const s = rangeOpSize(addresses, borders ? 2 : 1, 24);
      ops.push(sized({ kind: 'style', addresses, style: prop }, s.objects + (borders ? 1 : 0), s.actions, s.args));
    }
  }

  for (const m of layout.merges ?? []) {
    for (const r of parseAreas(layout.name, m)) {
      if (r.top === r.bottom && r.left === r.right) continue;
      ops.push(sized({ kind: 'merge', address: rangeA1(r) }, 1, 1, 30));
    }
  }

  for (const c of cells) {
    if (c.note) ops.push(sized({ kind: 'note', address: cellA1(c.row, c.col), text: c.note }, 2, 1, jsonBytes(c.note) + 20));
  }

  for (const cf of [...(layout.conditionalFormats ?? [])].reverse()) {
    const addresses = parseAreas(layout.name, cf.range).map(rangeA1);
    const groups = opts.multiArea || addresses.length === 1 ? [addresses] : addresses.map((a) => [a]);
    for (const g of groups) ops.push(sized({ kind: 'conditional', addresses: g, format: cf }, 8, 8, jsonBytes(cf) + 40));
  }

  const fr = Math.max(0, Math.floor(layout.freeze?.rows ?? 0));
  const fc = Math.max(0, Math.floor(layout.freeze?.cols ?? 0));
  if (fr > 0 || fc > 0) ops.push(sized({ kind: 'freeze', rows: fr, cols: fc }, 2, 1, 20));

  if (layout.page) ops.push(sized({ kind: 'page', page: layout.page }, 5, 12, jsonBytes(layout.page)));
  const wrapped = wrappedRows(layout);
  if (wrapped) ops.push(sized({ kind: 'autofitRows', address: `${wrapped.first + 1}:${wrapped.last + 1}` }, 2, 1, 30));

  if (marker !== null) ops.push(sized({ kind: 'marker', marker }, 2, 1, jsonBytes(marker) + 60));
  return ops;
}

/**
 * Clearing the contents of the cells of `used` (a regenerated sheet's previous extent) that the layout
 * leaves empty: the cells it writes, and those inside its merged areas, are not touched, so until the
 * last request every cell holds either its old or its new content (people's texts are never blank in
 * between).
 */
export function leftoverClears(layout: SheetLayout, used: CellRange | null, opts: PlanOptions): SizedOp[] {
  if (!used) return [];
  const filled = new Set<number>();
  const at = (row: number, col: number): number => row * 16384 + col;
  for (const c of layout.cells) if (cellInput(c) !== null) filled.add(at(c.row, c.col));
  for (const m of layout.merges ?? []) {
    for (const r of parseAreas(layout.name, m))
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) filled.add(at(row, col));
  }
  const empty: { row: number; col: number }[] = [];
  for (let row = used.top; row <= used.bottom; row++)
    for (let col = used.left; col <= used.right; col++) if (!filled.has(at(row, col))) empty.push({ row, col });
  return addressGroups(rectangles(empty), opts).map((addresses) => {
    const s = rangeOpSize(addresses, 1, 20);
    return sized({ kind: 'clear', addresses }, s.objects, s.actions, s.args);
  });
}

/**
 * Splits the operations into requests of at most `budget` bytes, in order. An operation bigger than
 * the budget on its own (it cannot be, value blocks are split to `maxBlockBytes`) gets a request alone.
 */
export function packRequests(ops: readonly SizedOp[], budget: number, firstOverhead = 0): SizedOp[][] {
  const out: SizedOp[][] = [];
  let cur: SizedOp[] = [];
  let size = firstOverhead;
  for (const o of ops) {
    if (cur.length > 0 && size + o.size > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(o);
    size += o.size;
  }
  if (cur.length > 0 || out.length === 0) out.push(cur);
  return out;
}

/** Splits a footer in Excel header/footer codes into its left (`&L`), centre (`&C`) and right (`&R`) parts. */
export function footerSections(text: string): { left: string; center: string; right: string } {
  const parts = { left: '', center: '', right: '' };
  let section: 'left' | 'center' | 'right' = 'center';
  let i = 0;
  let buf = '';
  while (i < text.length) {
    const ch = text[i];
    if (ch === '&' && i + 1 < text.length) {
      const code = text[i + 1];
      if (code === 'L' || code === 'C' || code === 'R') {
        parts[section] += buf;
        buf = '';
        section = code === 'L' ? 'left' : code === 'C' ? 'center' : 'right';
        i += 2;
        continue;
      }
      buf += ch + code; // other codes (&P, &N, &D, &&) stay as they are
      i += 2;
      continue;
    }
    buf += ch;
    i++;
  }
  parts[section] += buf;
  return parts;
}
