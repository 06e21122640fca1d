/**
 * XML helpers: escaping for the string-built parts we write, OOXML string escapes (`_xHHHH_`), and
 * a thin DOM layer (@xmldom/xmldom) for the small parts we edit in place (workbook, rels, content
 * types, styles). The DOM keeps every element and attribute it does not know about.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 forbids: C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes characters that XML 1.0 cannot hold at all (keeps valid surrogate pairs). */
export function stripInvalidXmlChars(s: string): string {
  if (!SUSPECT.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    out += s[i];
  }
  return out;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;
// What escapeText or escapeAttr may change, in one test: most text has none of it (one pass, not two).
// eslint-disable-next-line no-control-regex
const TEXT_OR_SUSPECT = /[\u0000-\u001F&<>\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const ATTR_OR_SUSPECT = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes element text (after stripping forbidden characters). CR survives as `&#13;`. */
export function escapeText(s: string): string {
  if (!TEXT_OR_SUSPECT.test(s)) return s;
  const t = stripInvalidXmlChars(s);
  if (!TEXT_SPECIAL.test(t)) return t;
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (newlines and tabs as character references so they survive). */
export function escapeAttr(s: string): string {
  if (!ATTR_OR_SUSPECT.test(s)) return s;
  const t = stripInvalidXmlChars(s);
  if (!ATTR_SPECIAL.test(t)) return t;
  return t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const OOXML_ESCAPE = /_x[0-9A-Fa-f]{4}_/;

/** Cell text as OOXML stores it: a literal `_x0041_` must be written `_x005F_x0041_`. */
export function encodeOoxmlText(s: string): string {
  return OOXML_ESCAPE.test(s) ? s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : s;
}

/** Decodes OOXML `_xHHHH_` escapes in cell text (`_x000D_` → CR, `_x005F_` → `_`). */
export function decodeOoxmlText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class XmlError extends Error {}

/**
 * An XML part as UTF-8 bytes. XML may be stored as UTF-16 (legal, and some tools write it): told by
 * its byte order mark, or without one by the `<` of its first character being two bytes wide. The
 * encoding declaration is rewritten to match. UTF-8 bytes are returned as they are (no copy).
 */
export function utf8Xml(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2) return bytes;
  const [a, b] = bytes;
  const le = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00);
  const be = (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c);
  if (!le && !be) return bytes;
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
  return new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?encoding=["'])utf-16(?:le|be)?(["'])/i, '$1UTF-8$2'));
}

/** Parses a small part into a DOM. Throws XmlError on malformed XML. */
export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') throw new XmlError(msg);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new XmlError(e instanceof Error ? e.message : String(e));
  }
  if (!doc.documentElement) throw new XmlError('no root element');
  return doc;
}

export function serializeXml(doc: Document): string {
  const s = new XMLSerializer().serializeToString(doc);
  return s.startsWith('<?xml') ? s : XML_DECL + s;
}

/** Local name of a node (without prefix). */
export function localName(n: Node): string {
  const el = n as Element;
  if (el.localName) return el.localName;
  const name = el.nodeName;
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function childElements(parent: Element | Document, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || localName(n) === name)) out.push(n as Element);
  }
  return out;
}

export function firstChild(parent: Element, name: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && localName(n) === name) return n as Element;
  }
  return null;
}

/** Creates an element in `parent`'s namespace, with `parent`'s prefix. */
export function createLike(parent: Element, name: string): Element {
  const doc = parent.ownerDocument as Document;
  const ns = parent.namespaceURI;
  const prefix = parent.prefix;
  return doc.createElementNS(ns ?? null, prefix ? `${prefix}:${name}` : name) as Element;
}

/**
 * Inserts `child` among `parent`'s children respecting a schema sequence: before the first existing
 * child that comes later in `order`. Children not in `order` are stepped over.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): Element {
  const rank = order.indexOf(localName(child));
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const r = order.indexOf(localName(n));
    if (r > rank) {
      parent.insertBefore(child, n);
      return child;
    }
  }
  parent.appendChild(child);
  return child;
}

/** Gets or creates a child in schema order. */
export function ensureChild(parent: Element, name: string, order: readonly string[]): Element {
  return firstChild(parent, name) ?? insertInOrder(parent, createLike(parent, name), order);
}

/** An element to `build`: its name, its attributes in order, its child elements. */
export interface ElementSpec {
  readonly name: string;
  readonly attrs?: readonly (readonly [string, string])[];
  readonly children?: readonly ElementSpec[];
}

/**
 * Creates an element (and its children) in `parent`'s namespace, with `parent`'s prefix. Cheaper
 * than parsing the same XML and importing it into the document, and nothing to escape.
 */
export function build(parent: Element, spec: ElementSpec): Element {
  const el = createLike(parent, spec.name);
  for (const [k, v] of spec.attrs ?? []) el.setAttribute(k, v);
  for (const c of spec.children ?? []) el.appendChild(build(el, c));
  return el;
}

/** A canonical text of an element (local names, sorted attributes without namespace declarations). */
export function canonical(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a) continue;
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs.push(`${a.localName ?? a.name}=${a.value}`);
  }
  attrs.sort();
  let s = `<${localName(el)} ${attrs.join(' ')}>`;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) s += canonical(n as Element);
    else if (n.nodeType === 3 || n.nodeType === 4) {
      const t = (n.nodeValue ?? '').trim();
      if (t) s += t;
    }
  }
  return s + '</>';
}

export function attr(el: Element, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** `1`/`true` → true. */
export function xmlBool(v: string | null | undefined): boolean {
  return v === '1' || v === 'true';
}
