/**
 * xl/styles.xml: number formats of cell styles for reading, and new cell formats (cellXfs) and
 * differential formats (dxfs, for conditional formats) for writing. New entries are appended;
 * identical ones — also those a previous run wrote — are reused, so regenerating a sheet does not
 * grow the styles part. Existing entries are never changed or reordered (cells point at indices).
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { CellStyle } from '../../report/layout';
import { builtinCode, builtinIdFor } from './numfmt';
import {
  NS_MAIN,
  XML_DECL,
  type ElementSpec,
  attr,
  build,
  canonical,
  childElements,
  createLike,
  firstChild,
  insertInOrder,
  parseXml,
  serializeXml,
  stripInvalidXmlChars,
} from './xml';
import { argb } from '../layout-check';
export { argb };

const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

export const DEFAULT_STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/**
 * The identity of a layout style as text. Built by concatenation: it runs for every style object a
 * report makes (one per row for some columns), and an array join costs several times more.
 */
function styleKey(s: CellStyle): string {
  const SEP = '\u0001';
  return (
    (s.bold ? '1' : '0') +
    SEP +
    (s.italic ? '1' : '0') +
    SEP +
    (s.size ?? '') +
    SEP +
    (s.color ?? '') +
    SEP +
    (s.fill ?? '') +
    SEP +
    (s.numberFormat ?? '') +
    SEP +
    (s.align ?? '') +
    SEP +
    (s.wrap ? '1' : '0') +
    SEP +
    (s.verticalAlign ?? '') +
    SEP +
    (s.borderTop ?? '') +
    SEP +
    (s.borderBottom ?? '') +
    SEP +
    (s.indent ?? '') +
    SEP +
    (s.unlocked ? '1' : '0')
  );
}

/** An element spec for `build`, briefly. */
function el(name: string, attrs: readonly (readonly [string, string])[] = [], children: readonly ElementSpec[] = []): ElementSpec {
  return { name, attrs, children };
}

/** Whether two styles make the same cell format, field by field (cheaper than two keys). */
export function sameStyle(a: CellStyle, b: CellStyle): boolean {
  return (
    !a.bold === !b.bold &&
    !a.italic === !b.italic &&
    a.size === b.size &&
    a.color === b.color &&
    a.fill === b.fill &&
    a.numberFormat === b.numberFormat &&
    a.align === b.align &&
    !a.wrap === !b.wrap &&
    a.verticalAlign === b.verticalAlign &&
    a.borderTop === b.borderTop &&
    a.borderBottom === b.borderBottom &&
    a.indent === b.indent &&
    !a.unlocked === !b.unlocked
  );
}

/** The fields styleKey and sameStyle compare: a field added to CellStyle fails to compile here until they do. */
type ComparedStyleFields =
  'bold' | 'italic' | 'size' | 'color' | 'fill' | 'numberFormat' | 'align' | 'wrap' | 'verticalAlign' | 'borderTop' | 'borderBottom' | 'indent' | 'unlocked';
export type UncomparedStyleFields<T extends never = Exclude<keyof CellStyle, ComparedStyleFields>> = T;

/** A collection element (fonts, fills, ...) with a canonical-text index of its children. */
class Collection {
  private index: Map<string, number> | null = null;
  constructor(
    private readonly styles: Styles,
    private readonly name: string,
    private readonly itemName: string,
  ) {}

  element(): Element {
    return this.styles.ensure(this.name);
  }

  items(): Element[] {
    const el = firstChild(this.styles.root, this.name);
    return el ? childElements(el, this.itemName) : [];
  }

  private map(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      const items = this.items();
      for (let i = items.length - 1; i >= 0; i--) this.index.set(canonical(items[i]), i);
    }
    return this.index;
  }

  /** The index of an identical existing item, or of `item` appended. */
  findOrAdd(item: Element): number {
    const key = canonical(item);
    const map = this.map();
    const found = map.get(key);
    if (found !== undefined) return found;
    const parent = this.element();
    parent.appendChild(item);
    const n = childElements(parent, this.itemName).length;
    parent.setAttribute('count', String(n));
    map.set(key, n - 1);
    this.styles.dirty = true;
    return n - 1;
  }
}

export class Styles {
  readonly doc: Document;
  dirty = false;
  private xfFormatCache: string[] | null = null;
  private readonly styleCache = new Map<string, number>();
  private readonly objectCache = new WeakMap<CellStyle, number>();
  private readonly fonts = new Collection(this, 'fonts', 'font');
  private readonly fills = new Collection(this, 'fills', 'fill');
  private readonly borders = new Collection(this, 'borders', 'border');
  private readonly cellXfs = new Collection(this, 'cellXfs', 'xf');
  private readonly dxfs = new Collection(this, 'dxfs', 'dxf');

  constructor(text: string | null) {
    this.doc = parseXml(text ?? DEFAULT_STYLES_XML);
    if (text === null) this.dirty = true;
  }

  get root(): Element {
    return this.doc.documentElement as Element;
  }

  /** Gets or creates a top-level element in schema order. */
  ensure(name: string): Element {
    const found = firstChild(this.root, name);
    if (found) return found;
    const el = createLike(this.root, name);
    el.setAttribute('count', '0');
    this.dirty = true;
    return insertInOrder(this.root, el, STYLESHEET_ORDER);
  }

  private customFormats(): Map<number, string> {
    const m = new Map<number, string>();
    const el = firstChild(this.root, 'numFmts');
    if (el) {
      for (const f of childElements(el, 'numFmt')) m.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? 'General');
    }
    return m;
  }

  /** Number format code of each cellXfs entry (index = the cell's `s`). */
  xfFormats(): string[] {
    if (this.xfFormatCache) return this.xfFormatCache;
    const custom = this.customFormats();
    this.xfFormatCache = this.cellXfs.items().map((xf) => {
      const id = Number(attr(xf, 'numFmtId') ?? '0');
      return custom.get(id) ?? builtinCode(id);
    });
    return this.xfFormatCache;
  }

  formatOf(xfIndex: number): string {
    return this.xfFormats()[xfIndex] ?? 'General';
  }

  /** The numFmtId for a code: built-in, an existing identical custom code, or a new one (164+). */
  numFmtId(code: string): number {
    const builtin = builtinIdFor(code);
    if (builtin !== null) return builtin;
    const custom = this.customFormats();
    let max = 163;
    for (const [id, c] of custom) {
      if (c === code) return id;
      if (id > max) max = id;
    }
    const id = max + 1;
    const numFmts = this.ensure('numFmts');
    numFmts.appendChild(
      build(
        numFmts,
        el('numFmt', [
          ['numFmtId', String(id)],
          ['formatCode', stripInvalidXmlChars(code)],
        ]),
      ),
    );
    numFmts.setAttribute('count', String(childElements(numFmts, 'numFmt').length));
    this.dirty = true;
    this.xfFormatCache = null;
    return id;
  }

  private fontId(s: CellStyle): number {
    if (!s.bold && !s.italic && s.size === undefined && s.color === undefined) return 0;
    const base = this.fonts.items()[0];
    const font = base ? (base.cloneNode(true) as Element) : createLike(this.fonts.element(), 'font');
    const replace = (name: string, make: (() => Element) | null) => {
      for (const c of childElements(font, name)) font.removeChild(c);
      if (make) insertInOrder(font, make(), FONT_ORDER);
    };
    const simple =
      (name: string, attrs: Record<string, string> = {}) =>
      () => {
        const el = createLike(font, name);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        return el;
      };
    if (s.bold) replace('b', simple('b'));
    if (s.italic) replace('i', simple('i'));
    if (s.size !== undefined) replace('sz', simple('sz', { val: String(s.size) }));
    if (s.color !== undefined) replace('color', simple('color', { rgb: argb(s.color) }));
    return this.fonts.findOrAdd(font);
  }

  private fillId(s: CellStyle): number {
    if (s.fill === undefined) return 0;
    const rgb = argb(s.fill);
    const fill = el('fill', [], [el('patternFill', [['patternType', 'solid']], [el('fgColor', [['rgb', rgb]]), el('bgColor', [['indexed', '64']])])]);
    return this.fills.findOrAdd(build(this.fills.element(), fill));
  }

  private borderId(s: CellStyle): number {
    if (!s.borderTop && !s.borderBottom) return 0;
    const edge = (name: string, style: string | undefined): ElementSpec =>
      style ? el(name, [['style', style]], [el('color', [['indexed', '64']])]) : el(name);
    const border = el('border', [], [el('left'), el('right'), edge('top', s.borderTop), edge('bottom', s.borderBottom), el('diagonal')]);
    return this.borders.findOrAdd(build(this.borders.element(), border));
  }

  /** The cellXfs index for a layout style (0, the workbook's default, for no style). */
  xfFor(style: CellStyle | undefined): number {
    if (!style) return 0;
    const cached = this.objectCache.get(style);
    if (cached !== undefined) return cached;
    const key = styleKey(style);
    let id = this.styleCache.get(key);
    if (id === undefined) {
      id = this.makeXf(style);
      this.styleCache.set(key, id);
    }
    this.objectCache.set(style, id);
    return id;
  }

  private makeXf(s: CellStyle): number {
    const numFmtId = s.numberFormat !== undefined ? this.numFmtId(s.numberFormat) : 0;
    const fontId = this.fontId(s);
    const fillId = this.fillId(s);
    const borderId = this.borderId(s);
    if (numFmtId === 0 && fontId === 0 && fillId === 0 && borderId === 0 && !s.align && !s.wrap && !s.verticalAlign && !s.indent && !s.unlocked) {
      return 0;
    }
    const attrs: [string, string][] = [
      ['numFmtId', String(numFmtId)],
      ['fontId', String(fontId)],
      ['fillId', String(fillId)],
      ['borderId', String(borderId)],
      ['xfId', '0'],
    ];
    if (numFmtId) attrs.push(['applyNumberFormat', '1']);
    if (fontId) attrs.push(['applyFont', '1']);
    if (fillId) attrs.push(['applyFill', '1']);
    if (borderId) attrs.push(['applyBorder', '1']);
    const children: ElementSpec[] = [];
    if (s.align || s.wrap || s.verticalAlign || s.indent) {
      const a: [string, string][] = [];
      if (s.align) a.push(['horizontal', s.align]);
      else if (s.indent) a.push(['horizontal', 'left']);
      if (s.verticalAlign) a.push(['vertical', s.verticalAlign]);
      if (s.wrap) a.push(['wrapText', '1']);
      if (s.indent) a.push(['indent', String(Math.max(0, Math.round(s.indent)))]);
      attrs.push(['applyAlignment', '1']);
      children.push(el('alignment', a));
    }
    if (s.unlocked) {
      attrs.push(['applyProtection', '1']);
      children.push(el('protection', [['locked', '0']]));
    }
    const id = this.cellXfs.findOrAdd(build(this.cellXfs.element(), el('xf', attrs, children)));
    this.xfFormatCache = null;
    return id;
  }

  /** A differential format (conditional formatting) for font colour, bold and fill. */
  dxfFor(style: Pick<CellStyle, 'color' | 'fill' | 'bold'>): number {
    const parts: ElementSpec[] = [];
    if (style.bold || style.color) {
      const font: ElementSpec[] = [];
      if (style.bold) font.push(el('b'));
      if (style.color) font.push(el('color', [['rgb', argb(style.color)]]));
      parts.push(el('font', [], font));
    }
    if (style.fill) {
      const rgb = argb(style.fill);
      parts.push(el('fill', [], [el('patternFill', [['patternType', 'solid']], [el('fgColor', [['rgb', rgb]]), el('bgColor', [['rgb', rgb]])])]));
    }
    return this.dxfs.findOrAdd(build(this.dxfs.element(), el('dxf', [], parts)));
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
