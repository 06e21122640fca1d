/**
 * Open Packaging Conventions: part names, relationship parts and [Content_Types].xml, edited as DOM
 * so that relationships and content types we do not touch stay as they were.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { NS_CT, NS_PKG_REL, XML_DECL, attr, childElements, parseXml, serializeXml } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  pivotTable: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  externalLink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink',
  externalLinkPath: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath',
} as const;

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  externalLink: 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
} as const;

/** The last path segment of a relationship type: `worksheet`, `pivotTable` (also for Strict OOXML). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** Folder of a part name (`xl/worksheets/sheet1.xml` → `xl/worksheets`). */
export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const d = dirOf(part);
  const base = part.slice(d.length ? d.length + 1 : 0);
  return `${d ? d + '/' : ''}_rels/${base}.rels`;
}

/** Resolves a relationship target (relative or absolute `/xl/...`) against its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const segs = t.startsWith('/') ? [] : dirOf(sourcePart).split('/').filter(Boolean);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segs.pop();
    else segs.push(s);
  }
  return segs.join('/');
}

/** The relative target from a source part's folder to a part. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = dirOf(sourcePart).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return '../'.repeat(from.length - i) + to.slice(i).join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** A relationships part kept as DOM: unknown attributes and relationships survive edits. */
export class RelsPart {
  readonly doc: Document;
  dirty = false;

  constructor(
    readonly partName: string,
    text: string | null,
  ) {
    this.doc = parseXml(text ?? `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`);
    if (text === null) this.dirty = true;
  }

  private get root(): Element {
    return this.doc.documentElement as Element;
  }

  list(): Relationship[] {
    return childElements(this.root, 'Relationship').map((el) => ({
      id: attr(el, 'Id') ?? '',
      type: attr(el, 'Type') ?? '',
      target: attr(el, 'Target') ?? '',
      external: attr(el, 'TargetMode') === 'External',
    }));
  }

  byId(id: string): Relationship | null {
    return this.list().find((r) => r.id === id) ?? null;
  }

  /** Adds a relationship with a fresh `rIdN` and returns the id. */
  add(type: string, target: string, external = false): string {
    const used = new Set(this.list().map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = this.doc.createElementNS(this.root.namespaceURI ?? NS_PKG_REL, this.root.prefix ? `${this.root.prefix}:Relationship` : 'Relationship');
    el.setAttribute('Id', id);
    el.setAttribute('Type', type);
    el.setAttribute('Target', target);
    if (external) el.setAttribute('TargetMode', 'External');
    this.root.appendChild(el);
    this.dirty = true;
    return id;
  }

  remove(id: string): void {
    for (const el of childElements(this.root, 'Relationship')) {
      if (attr(el, 'Id') === id) {
        this.root.removeChild(el);
        this.dirty = true;
      }
    }
  }

  isEmpty(): boolean {
    return childElements(this.root, 'Relationship').length === 0;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

/** [Content_Types].xml as DOM. */
export class ContentTypes {
  readonly doc: Document;
  dirty = false;

  constructor(text: string) {
    this.doc = parseXml(text);
  }

  private get root(): Element {
    return this.doc.documentElement as Element;
  }

  private make(name: 'Default' | 'Override'): Element {
    const root = this.root;
    return this.doc.createElementNS(root.namespaceURI ?? NS_CT, root.prefix ? `${root.prefix}:${name}` : name) as Element;
  }

  /** The content type of a part (override, else default by extension), or null. */
  typeOf(part: string): string | null {
    const name = '/' + part.toLowerCase();
    for (const el of childElements(this.root, 'Override')) {
      if ((attr(el, 'PartName') ?? '').toLowerCase() === name) return attr(el, 'ContentType');
    }
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const el of childElements(this.root, 'Default')) {
      if ((attr(el, 'Extension') ?? '').toLowerCase() === ext) return attr(el, 'ContentType');
    }
    return null;
  }

  /** Part names the overrides name (without the leading slash). */
  overrides(): string[] {
    return childElements(this.root, 'Override').map((el) => (attr(el, 'PartName') ?? '').replace(/^\//, ''));
  }

  setOverride(part: string, type: string): void {
    const name = '/' + part;
    for (const el of childElements(this.root, 'Override')) {
      if ((attr(el, 'PartName') ?? '').toLowerCase() === name.toLowerCase()) {
        if (attr(el, 'ContentType') !== type) {
          el.setAttribute('ContentType', type);
          this.dirty = true;
        }
        return;
      }
    }
    const el = this.make('Override');
    el.setAttribute('PartName', name);
    el.setAttribute('ContentType', type);
    this.root.appendChild(el);
    this.dirty = true;
  }

  removeOverride(part: string): void {
    const name = ('/' + part).toLowerCase();
    for (const el of childElements(this.root, 'Override')) {
      if ((attr(el, 'PartName') ?? '').toLowerCase() === name) {
        this.root.removeChild(el);
        this.dirty = true;
      }
    }
  }

  ensureDefault(ext: string, type: string): void {
    const defaults = childElements(this.root, 'Default');
    if (defaults.some((el) => (attr(el, 'Extension') ?? '').toLowerCase() === ext.toLowerCase())) return;
    const el = this.make('Default');
    el.setAttribute('Extension', ext);
    el.setAttribute('ContentType', type);
    const firstOverride = childElements(this.root, 'Override')[0];
    if (firstOverride) this.root.insertBefore(el, firstOverride);
    else this.root.appendChild(el);
    this.dirty = true;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}
