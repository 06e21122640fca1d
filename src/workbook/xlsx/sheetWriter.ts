/**
 * SheetLayout → worksheet XML (plus the comments and VML parts for notes), written straight to UTF-8
 * bytes: linear in the number of cells, no DOM and no joined string of the whole sheet. Element order
 * follows the CT_Worksheet sequence of the schema. Loops over the cells are indexed: the command line
 * runs them once, mostly before they are optimised, and until then for-of makes an object per cell.
 */
import { cellA1, columnLetters, rangeA1 } from '../../core/grid';
import { rowHeightFor, type CellStyle, type ConditionalFormat, type LayoutCell, type PageSetup, type SheetLayout } from '../../report/layout';
import { ByteWriter, ascii } from './bytes';
import { argb, sameStyle, type Styles } from './styles';
import { encodeOoxmlText, escapeAttr, escapeText } from './xml';
import { orderedCells } from '../conventions';
import { mergeRanges, sqref } from '../layout-check';
export { MAX_COLS, MAX_ROWS, validateLayout } from '../layout-check';

const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NS = 'http://schemas.microsoft.com/office/excel/2006/main';
const EXT_CF_ID = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
const EXT_CFS = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
/**
 * Room per cell, to size the buffer once: the generated sheets take 40 to 50 bytes a cell, links and
 * all. Room not written costs next to nothing (the memory is not touched); growing copies the sheet.
 */
const BYTES_PER_CELL = 64;

export interface Note {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface WriterContext {
  readonly styles: Styles;
  /** Adds an external hyperlink relationship, returning its id. */
  readonly externalLink: (url: string) => string;
  /** Adds the legacy drawing (VML) relationship for notes, returning its id. */
  readonly legacyDrawing: () => string;
  /** A fresh `{GUID}` for the x14 data-bar link. */
  readonly guid: () => string;
  /** Adds the drawing relationship for the layout's charts, returning its id. */
  readonly drawing?: () => string;
}

export interface WrittenSheet {
  /** The worksheet part, UTF-8. */
  readonly bytes: Uint8Array;
  readonly notes: readonly Note[];
}

interface Link {
  readonly row: number;
  readonly col: number;
  readonly target: string;
  readonly display: string | null;
}

interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function buildWorksheet(layout: SheetLayout, ctx: WriterContext): WrittenSheet {
  const cells = orderedCells(layout.cells);
  const w = new ByteWriter(cells.length * BYTES_PER_CELL + 4096);
  w.str(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );
  writeHead(w, layout, bounds(cells));

  const notes: Note[] = [];
  const links: Link[] = [];
  writeCells(w, layout, cells, ctx.styles, notes, links);

  // mergeCells
  if (layout.merges && layout.merges.length > 0) {
    const ranges = mergeRanges(layout);
    if (ranges.length > 0) {
      w.str(`<mergeCells count="${ranges.length}">`);
      for (const r of ranges) w.str(`<mergeCell ref="${rangeA1(r)}"/>`);
      w.str('</mergeCells>');
    }
  }

  // conditionalFormatting
  const bars: { id: string; sqref: string; negative: string }[] = [];
  let priority = 1;
  for (const cf of layout.conditionalFormats ?? []) w.str(conditional(cf, layout.name, ctx.styles, priority++, ctx, bars));

  writeHyperlinks(w, links, ctx);
  writePage(w, layout.page);
  if (layout.charts && layout.charts.length > 0 && ctx.drawing) w.str(`<drawing r:id="${ctx.drawing()}"/>`);
  if (notes.length > 0) w.str(`<legacyDrawing r:id="${ctx.legacyDrawing()}"/>`);
  writeDataBarExtensions(w, bars);
  w.str('</worksheet>');
  return { bytes: w.bytes(), notes };
}

/** The used range of ordered cells (rows come in order; columns do not). */
function bounds(cells: readonly LayoutCell[]): Bounds | null {
  if (cells.length === 0) return null;
  let left = Infinity;
  let right = -1;
  for (let i = 0; i < cells.length; i++) {
    const col = cells[i].col;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  return { top: cells[0].row, left, bottom: cells[cells.length - 1].row, right };
}

/** sheetPr, dimension, sheetViews, sheetFormatPr and cols. */
function writeHead(w: ByteWriter, layout: SheetLayout, used: Bounds | null): void {
  const page = layout.page;
  const fit = page?.fitToWidth !== undefined && page.fitToWidth > 0;
  if (layout.tabColor || fit) {
    w.str('<sheetPr>');
    if (layout.tabColor) w.str(`<tabColor rgb="${argb(layout.tabColor)}"/>`);
    if (fit) w.str('<pageSetUpPr fitToPage="1"/>');
    w.str('</sheetPr>');
  }
  w.str(`<dimension ref="${used ? rangeA1(used) : 'A1'}"/>`);

  const frozenRows = Math.max(0, Math.floor(layout.freeze?.rows ?? 0));
  const frozenCols = Math.max(0, Math.floor(layout.freeze?.cols ?? 0));
  w.str(`<sheetViews><sheetView${layout.hideGridlines ? ' showGridLines="0"' : ''} workbookViewId="0">`);
  if (frozenRows > 0 || frozenCols > 0) {
    const pane = frozenRows > 0 && frozenCols > 0 ? 'bottomRight' : frozenRows > 0 ? 'bottomLeft' : 'topRight';
    const tl = cellA1(frozenRows, frozenCols);
    w.str(
      `<pane${frozenCols > 0 ? ` xSplit="${frozenCols}"` : ''}${frozenRows > 0 ? ` ySplit="${frozenRows}"` : ''} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>`,
    );
  }
  w.str('</sheetView></sheetViews>');
  w.str('<sheetFormatPr defaultRowHeight="15"/>');

  if (layout.columns && layout.columns.length > 0) {
    const byCol = new Map<number, { width: number; hidden?: boolean }>();
    for (const c of layout.columns) byCol.set(c.col, c);
    w.str('<cols>');
    for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
      const c = byCol.get(col) as { width: number; hidden?: boolean };
      const width = Math.min(255, Math.max(0, c.width));
      w.str(`<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`);
    }
    w.str('</cols>');
  }
}

const SHEET_DATA_OPEN = ascii('<sheetData>');
const ROW_OPEN = ascii('<row r="');
const ROW_OPENED = ascii('">');
const ROW_CLOSE = ascii('</row>');
const F_END = ascii('</f></c>');
const F_V = ascii('</f><v>');
const F_TRUE = ascii('</f><v>1</v></c>');
const F_FALSE = ascii('</f><v>0</v></c>');
const F_NUM_ERROR = ascii('</f><v>#NUM!</v></c>');
const V_END = ascii('</v></c>');
const T_END = ascii('</t></is></c>');
const TRUE_END = ascii('1</v></c>');
const FALSE_END = ascii('0</v></c>');

/** sheetData: the ordered cells; collects the notes and links the cells carry. */
function writeCells(w: ByteWriter, layout: SheetLayout, cells: readonly LayoutCell[], styles: Styles, notes: Note[], links: Link[]): void {
  const cw = new CellWriter(w, styles);
  const widths = new Map((layout.columns ?? []).map((c) => [c.col, c.width]));
  // Rows whose wrapped text needs more than one line get the height it needs: a row left at the
  // default height shows one line and the rest runs over the rows below.
  const heights = rowHeights(cells, widths);
  let currentRow = -1;
  const put = (c: LayoutCell): void => {
    const row = c.row;
    if (row !== currentRow) {
      w.raw(currentRow >= 0 ? ROW_CLOSE : SHEET_DATA_OPEN);
      currentRow = row;
      w.raw(ROW_OPEN);
      const digits = w.length;
      w.num(row + 1);
      cw.rowDigits(digits, w.length);
      const ht = heights.get(row);
      if (ht !== undefined) w.str(`" ht="${ht}" customHeight="1`);
      w.raw(ROW_OPENED);
    }
    cw.cell(c);
    if (c.note) notes.push({ row, col: c.col, text: c.note });
    if (c.link) links.push({ row, col: c.col, target: c.link, display: typeof c.value === 'string' ? c.value : null });
  };
  for (let i = 0; i < cells.length; i++) put(cells[i]);
  w.str(currentRow >= 0 ? '</row></sheetData>' : '<sheetData/>');
}

/** Heights of the rows whose wrapped texts need more than one line. */
function rowHeights(cells: readonly LayoutCell[], widths: ReadonlyMap<number, number>): Map<number, number> {
  const byRow = new Map<number, LayoutCell[]>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.style?.wrap !== true || typeof c.value !== 'string') continue;
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const heights = new Map<number, number>();
  for (const [row, list] of byRow) {
    const ht = rowHeightFor(list, widths);
    if (ht !== null) heights.set(row, ht);
  }
  return heights;
}

/**
 * Whether a cell's text needs escaping (XML or OOXML `_xHHHH_`), stripping, or xml:space: most
 * labels need none, and one test costs less than the four that tell which.
 */
// eslint-disable-next-line no-control-regex
const TEXT_NEEDS_WORK = /[\u0000-\u001F&<>_\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$/;

// What follows a cell's style attribute: its type and the opening of its content (two close the cell).
const NUMBER = 0;
const NOT_FINITE = 1;
const TEXT = 2;
const SPACED_TEXT = 3;
const BOOLEAN = 4;
const EMPTY = 5;
const FORMULA = 6;
const TEXT_FORMULA = 7;
const BOOLEAN_FORMULA = 8;
const ERROR_FORMULA = 9;
const TAILS = [
  '><v>',
  ' t="e"><v>#NUM!</v></c>',
  ' t="inlineStr"><is><t>',
  ' t="inlineStr"><is><t xml:space="preserve">',
  ' t="b"><v>',
  '/>',
  '><f>',
  ' t="str"><f>',
  ' t="b"><f>',
  ' t="e"><f>',
];

/**
 * Writes `<c>` elements. The fixed text around a cell's value is encoded once (per column, per style
 * and kind), so a cell takes a handful of copies.
 */
class CellWriter {
  /** `<c r="B` per column. */
  private readonly opens: Uint8Array[] = [];
  /** `" s="3" t="…"><…>` per style index and kind. */
  private readonly heads: Uint8Array[] = [];
  // Rows repeat the same styles column by column, as the same object or as an equal one made per
  // row: remembering each column's last style skips most style lookups.
  private readonly lastStyle: (CellStyle | undefined)[] = [];
  private readonly lastXf: number[] = [];
  /** Where the current row's number is in the buffer (written in `<row r="…">`), for its cells' references. */
  private digitsStart = 0;
  private digitsEnd = 0;

  constructor(
    private readonly w: ByteWriter,
    private readonly styles: Styles,
  ) {}

  /** The current row's number is at `start` to `end` in the buffer. */
  rowDigits(start: number, end: number): void {
    this.digitsStart = start;
    this.digitsEnd = end;
  }

  private xf(col: number, style: CellStyle | undefined): number {
    let xf = this.lastXf[col];
    const last = this.lastStyle[col];
    if (xf === undefined || (last !== style && !(last && style && sameStyle(last, style)))) {
      xf = this.styles.xfFor(style);
      this.lastXf[col] = xf;
    }
    this.lastStyle[col] = style;
    return xf;
  }

  /** `<c r="B7" s="3" t="…">` and the opening of the content of this kind. */
  private open(c: LayoutCell, xf: number, kind: number): void {
    const w = this.w;
    w.raw(this.opens[c.col] ?? (this.opens[c.col] = ascii(`<c r="${columnLetters(c.col)}`)));
    w.again(this.digitsStart, this.digitsEnd);
    const i = xf * TAILS.length + kind;
    w.raw(this.heads[i] ?? (this.heads[i] = ascii((xf ? `" s="${xf}"` : '"') + TAILS[kind])));
  }

  /** One cell; nothing at all for an empty cell without a style. */
  cell(c: LayoutCell): void {
    const w = this.w;
    const xf = this.xf(c.col, c.style);
    const v = c.value;
    let formula = c.formula;
    if (formula !== undefined && formula !== null && formula.charCodeAt(0) === 61) formula = formula.slice(1);
    if (formula) {
      const kind =
        typeof v === 'string'
          ? TEXT_FORMULA
          : typeof v === 'boolean'
            ? BOOLEAN_FORMULA
            : typeof v === 'number' && !Number.isFinite(v)
              ? ERROR_FORMULA
              : FORMULA;
      this.open(c, xf, kind);
      w.str(escapeText(formula));
      if (typeof v === 'string') {
        w.raw(F_V);
        w.str(escapeText(encodeOoxmlText(v)));
        w.raw(V_END);
      } else if (typeof v === 'boolean') w.raw(v ? F_TRUE : F_FALSE);
      else if (typeof v === 'number') {
        if (kind === ERROR_FORMULA) w.raw(F_NUM_ERROR);
        else {
          w.raw(F_V);
          w.num(v);
          w.raw(V_END);
        }
      } else w.raw(F_END);
    } else if (typeof v === 'string') {
      let t = v;
      let spaced = false;
      if (TEXT_NEEDS_WORK.test(v)) {
        t = escapeText(encodeOoxmlText(v));
        spaced = t.length > 0 && (/^\s|\s$/.test(t) || t.includes('\n'));
      }
      this.open(c, xf, spaced ? SPACED_TEXT : TEXT);
      w.str(t);
      w.raw(T_END);
    } else if (typeof v === 'number') {
      if (Number.isFinite(v)) {
        this.open(c, xf, NUMBER);
        w.num(v);
        w.raw(V_END);
      } else this.open(c, xf, NOT_FINITE);
    } else if (typeof v === 'boolean') {
      this.open(c, xf, BOOLEAN);
      w.raw(v ? TRUE_END : FALSE_END);
    } else if (xf) this.open(c, xf, EMPTY);
  }
}

const LINK_OPEN = ascii('<hyperlink ref="');
const LINK_ID = ascii('" r:id="');
const LINK_LOCATION = ascii('" location="');
const LINK_DISPLAY = ascii('" display="');
const LINK_CLOSE = ascii('"/>');

function writeHyperlinks(w: ByteWriter, links: readonly Link[], ctx: WriterContext): void {
  if (links.length === 0) return;
  const letters: Uint8Array[] = [];
  w.str('<hyperlinks>');
  for (const l of links) {
    w.raw(LINK_OPEN);
    w.raw(letters[l.col] ?? (letters[l.col] = ascii(columnLetters(l.col))));
    w.num(l.row + 1);
    const book = l.target.charCodeAt(0) === 91 ? /^\[([^\]]+)\](.+)$/.exec(l.target) : null;
    if (/^(https?|mailto|ftp):/i.test(l.target)) {
      w.raw(LINK_ID);
      w.str(ctx.externalLink(l.target));
    } else if (book) {
      // A cell in another workbook (`[../units/a.xlsx]'Regnskap'!A5`): the file, and the cell within it.
      w.raw(LINK_ID);
      w.str(ctx.externalLink(book[1]));
      w.raw(LINK_LOCATION);
      w.str(escapeAttr(book[2]));
    } else {
      w.raw(LINK_LOCATION);
      w.str(escapeAttr(l.target.charCodeAt(0) === 35 ? l.target.slice(1) : l.target)); // without a leading #
    }
    if (l.display !== null) {
      w.raw(LINK_DISPLAY);
      w.str(escapeAttr(l.display.slice(0, 255)));
    }
    w.raw(LINK_CLOSE);
  }
  w.str('</hyperlinks>');
}

/** pageMargins, pageSetup, headerFooter. */
function writePage(w: ByteWriter, page: PageSetup | undefined): void {
  const m = page?.margins;
  w.str(
    `<pageMargins left="${m?.left ?? 0.7}" right="${m?.right ?? 0.7}" top="${m?.top ?? 0.75}" bottom="${m?.bottom ?? 0.75}" header="${m?.header ?? 0.3}" footer="${m?.footer ?? 0.3}"/>`,
  );
  if (!page) return;
  const fit = page.fitToWidth !== undefined && page.fitToWidth > 0;
  let a = '';
  if (page.paperSize) a += ` paperSize="${page.paperSize === 'A3' ? 8 : page.paperSize === 'letter' ? 1 : 9}"`;
  a += ` orientation="${page.orientation === 'landscape' ? 'landscape' : 'portrait'}"`;
  if (fit) a += ` fitToWidth="${Math.floor(page.fitToWidth as number)}" fitToHeight="${Math.max(0, Math.floor(page.fitToHeight ?? 0))}"`;
  w.str(`<pageSetup${a}/>`);
  if (page.footer) w.str(`<headerFooter><oddFooter>${escapeText(page.footer)}</oddFooter></headerFooter>`);
}

/** The x14 extension that gives data bars their negative colour and axis. */
function writeDataBarExtensions(w: ByteWriter, bars: readonly { id: string; sqref: string; negative: string }[]): void {
  if (bars.length === 0) return;
  w.str(`<extLst><ext uri="${EXT_CFS}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>`);
  for (const b of bars) {
    w.str(
      `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${b.id}">` +
        '<x14:dataBar minLength="0" maxLength="100" gradient="0" negativeBarColorSameAsPositive="0" axisPosition="middle">' +
        '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>' +
        `<x14:negativeFillColor rgb="${b.negative}"/><x14:axisColor rgb="FF000000"/>` +
        `</x14:dataBar></x14:cfRule><xm:sqref>${b.sqref}</xm:sqref></x14:conditionalFormatting>`,
    );
  }
  w.str('</x14:conditionalFormattings></ext></extLst>');
}

function conditional(
  cf: ConditionalFormat,
  sheet: string,
  styles: Styles,
  priority: number,
  ctx: WriterContext,
  bars: { id: string; sqref: string; negative: string }[],
): string {
  const ref = sqref(sheet, cf.range);
  switch (cf.kind) {
    case 'cell-is': {
      const dxf = styles.dxfFor(cf.style);
      const needed = cf.operator === 'between' ? 2 : 1;
      const formulas = cf.operands
        .slice(0, needed)
        .map((o) => `<formula>${escapeText(o.replace(/^=/, ''))}</formula>`)
        .join('');
      return `<conditionalFormatting sqref="${ref}"><cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${cf.operator}">${formulas}</cfRule></conditionalFormatting>`;
    }
    case 'expression': {
      const dxf = styles.dxfFor(cf.style);
      return `<conditionalFormatting sqref="${ref}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${escapeText(cf.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`;
    }
    case 'data-bar': {
      const id = ctx.guid();
      bars.push({ id, sqref: ref, negative: argb(cf.negativeColor ?? 'FF0000') });
      return (
        `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${priority}">` +
        `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(cf.color)}"/></dataBar>` +
        `<extLst><ext uri="${EXT_CF_ID}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst>` +
        '</cfRule></conditionalFormatting>'
      );
    }
  }
}

/** The comments part for a sheet's notes. */
export function buildComments(notes: readonly Note[], author: string): string {
  const sorted = [...notes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${escapeText(author)}</author></authors><commentList>`,
  ];
  for (const n of sorted) {
    out.push(`<comment ref="${cellA1(n.row, n.col)}" authorId="0"><text><t xml:space="preserve">${escapeText(encodeOoxmlText(n.text))}</t></text></comment>`);
  }
  out.push('</commentList></comments>');
  return out.join('');
}

/** The legacy VML drawing Excel needs to show notes. `blocks` are unused o:idmap numbers (1024 shapes each). */
export function buildVml(notes: readonly Note[], blocks: readonly number[]): string {
  const out: string[] = [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>`,
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
  ];
  notes.forEach((n, i) => {
    const id = blocks[Math.floor(i / 1023)] * 1024 + (i % 1023) + 1;
    const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 3}, 15, ${Math.max(0, n.row - 1) + 4}, 4`;
    out.push(
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`,
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>',
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>',
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData>`,
      '</v:shape>',
    );
  });
  out.push('</xml>');
  return out.join('');
}
