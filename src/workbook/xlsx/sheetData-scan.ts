/**
 * A scanner for the inside of a worksheet's `<sheetData>`: rows of cells, as Excel and other tools
 * write them, read several times faster than a general XML parser reads them (saxes makes an object
 * per tag and per attribute, and walks the text a character at a time through a state machine).
 *
 * It reads only what it is sure of and says so by returning false otherwise; the caller then reads
 * the whole part with saxes, so a part reads the same whichever way it is read (a test compares both
 * on every workbook we have). Returned false for: a comment, CDATA or processing instruction; a
 * prefixed element name; a carriage return (XML turns CR LF into LF); an attribute value holding `&`,
 * `<`, a control character, a tab or a newline (XML would replace the last two by spaces); any entity
 * other than XML's five and numeric character references; a character XML forbids; `]]>` in text;
 * and anything not well-formed.
 */
import type { SheetCellsBuilder } from './sheetReader';

/**
 * Reads the cell reference `s[from, to)` (`B12`, `$B$12`) into `into` (0-based row and column), leaving
 * it as it was and returning false when it is not one. Positions, not a slice: the worksheet scanner
 * reads a reference per cell.
 */
export function readRef(s: string, from: number, to: number, into: { row: number; col: number }): boolean {
  let i = from;
  let col = 0;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
    i++;
  }
  let row = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return false;
  }
  if (col === 0 || row === 0) return false;
  into.row = row - 1;
  into.col = col - 1;
  return true;
}

// Element names the reader acts on, by code; every other name is OTHER.
const OTHER = 0;
const ROW = 1;
const C = 2;
const V = 3;
const F = 4;
const IS = 5;
const T = 6;
const RPH = 7;
const SHEET_DATA = 8;

function nameCode(s: string, a: number, z: number): number {
  const c0 = s.charCodeAt(a);
  switch (z - a) {
    case 1:
      return c0 === 99 ? C : c0 === 118 ? V : c0 === 102 ? F : c0 === 116 ? T : OTHER;
    case 2:
      return c0 === 105 && s.charCodeAt(a + 1) === 115 ? IS : OTHER;
    case 3:
      if (c0 !== 114) return OTHER;
      if (s.charCodeAt(a + 1) === 111 && s.charCodeAt(a + 2) === 119) return ROW;
      return s.charCodeAt(a + 1) === 80 && s.charCodeAt(a + 2) === 104 ? RPH : OTHER;
    case 9:
      // a sheetData inside the sheetData: saxes' handlers stop reading cells at its end
      return c0 === 115 && s.startsWith('sheetData', a) ? SHEET_DATA : OTHER;
    default:
      return OTHER;
  }
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** ASCII name characters without `:` (a prefixed name is left to saxes). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

function sameText(s: string, a1: number, z1: number, a2: number, z2: number): boolean {
  if (z1 - a1 !== z2 - a2) return false;
  for (let k = 0; k < z1 - a1; k++) if (s.charCodeAt(a1 + k) !== s.charCodeAt(a2 + k)) return false;
  return true;
}

/** An attribute value as a number the way `Number` reads it (digits counted directly). */
function numberAt(s: string, a: number, z: number): number {
  if (z - a > 9) return Number(s.slice(a, z));
  let n = 0;
  for (let k = a; k < z; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return Number(s.slice(a, z));
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A cell's type, as the same string constants the reader compares with (no slice for the usual ones). */
function typeAt(s: string, a: number, z: number): string {
  const c0 = s.charCodeAt(a);
  if (z - a === 1) {
    if (c0 === 115) return 's';
    if (c0 === 110) return 'n';
    if (c0 === 98) return 'b';
    if (c0 === 101) return 'e';
    if (c0 === 100) return 'd';
  } else if (z - a === 3 && c0 === 115 && s.charCodeAt(a + 1) === 116 && s.charCodeAt(a + 2) === 114) return 'str';
  return s.slice(a, z);
}

const XML_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** XML 1.0's Char production. */
function isXmlChar(c: number): boolean {
  return (c >= 0x20 && c <= 0xd7ff) || c === 9 || c === 10 || c === 13 || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/;

/**
 * Text holding `&`, `]` or a character XML may forbid, as XML reads it (entities and character
 * references decoded), or null when saxes should judge it.
 */
function xmlText(raw: string): string | null {
  if (FORBIDDEN.test(raw) || raw.includes(']]>')) return null;
  let out = '';
  let last = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) return null;
    const name = raw.slice(amp + 1, semi);
    let ch = XML_ENTITIES.get(name);
    if (ch === undefined) {
      // saxes reads hexadecimal references with a lower-case x only
      const code = /^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
      if (!isXmlChar(code)) return null;
      ch = String.fromCodePoint(code);
    }
    out += raw.slice(last, amp) + ch;
    last = semi + 1;
  }
  return out + raw.slice(last);
}

// Attribute name positions of the tag being read, for the duplicate check (reused: no array per tag).
const attrFrom: number[] = [];
const attrTo: number[] = [];

/**
 * Reads the cells of `s[from, to)`, the inside of a `<sheetData>`, into `b`, as the worksheet's saxes
 * handlers would. Returns false, having read part of it, when it meets anything it does not read:
 * then the part must be read again by saxes, from the start.
 */
export function scanSheetData(s: string, from: number, to: number, b: SheetCellsBuilder): boolean {
  const open: number[] = []; // the codes of the open elements
  const otherNames: string[] = []; // the names of open OTHER elements, innermost last
  let inCell = false;
  let capture = 0; // 1 = <v>, 2 = <f>, 3 = <t> inside <is>
  let rph = 0;
  let i = from;
  while (i < to) {
    // the text up to the next tag (s[to] is the `<` of `</sheetData>`), and whether it needs a closer look
    let lt = i;
    let special = false;
    for (let c = s.charCodeAt(lt); c !== 60; c = s.charCodeAt(++lt)) {
      if (c < 32 ? c !== 9 && c !== 10 : c === 38 || c === 93 || c >= 0xfffe) special = true;
    }
    if (lt > i) {
      if (capture === 0) {
        // text the reader does not keep (white space between tags, a phonetic run's) must still be XML
        if (special && xmlText(s.slice(i, lt)) === null) return false;
      } else {
        const t = special ? xmlText(s.slice(i, lt)) : s.slice(i, lt);
        if (t === null) return false;
        if (capture === 1) b.v += t;
        else if (capture === 2) b.f += t;
        else b.is += t;
      }
    }
    if (lt >= to) break;
    const a = lt + 1;
    if (s.charCodeAt(a) === 47) {
      // a closing tag
      let z = a + 1;
      while (isNameChar(s.charCodeAt(z))) z++;
      let j = z;
      while (isSpace(s.charCodeAt(j))) j++;
      if (z === a + 1 || s.charCodeAt(j) !== 62 || j >= to || open.length === 0) return false;
      const code = nameCode(s, a + 1, z);
      if (open.pop() !== code) return false;
      if (code === OTHER && otherNames.pop() !== s.slice(a + 1, z)) return false;
      if (inCell) {
        if (code === V || code === F || code === T) capture = 0;
        else if (code === RPH) rph--;
        else if (code === C) {
          inCell = false;
          b.finishCell();
        }
      }
      i = j + 1;
      continue;
    }
    // an opening tag: its name, then its attributes
    if (!isNameStart(s.charCodeAt(a))) return false;
    let z = a + 1;
    while (isNameChar(s.charCodeAt(z))) z++;
    const code = nameCode(s, a, z);
    if (code === SHEET_DATA) return false;
    let r0 = -1;
    let r1 = -1;
    let t0 = -1;
    let t1 = -1;
    let x0 = -1; // a cell's s, a row's hidden, a formula's si
    let x1 = -1;
    let ref0 = -1;
    let ref1 = -1;
    let attrs = 0;
    let j = z;
    let selfClosing = false;
    for (;;) {
      const spaced = j;
      while (isSpace(s.charCodeAt(j))) j++;
      const c = s.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (s.charCodeAt(j + 1) !== 62) return false;
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === spaced || !isNameStart(c)) return false;
      const na = j;
      j++;
      for (let d = s.charCodeAt(j); isNameChar(d) || d === 58; d = s.charCodeAt(++j));
      const nz = j;
      while (isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61) return false;
      j++;
      while (isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) return false;
      const va = j + 1;
      let vz = va;
      for (let d = s.charCodeAt(vz); d !== q; d = s.charCodeAt(++vz)) {
        if (d < 32 || d === 38 || d === 60 || d === 0xfffe || d === 0xffff || vz >= to) return false;
      }
      for (let k = 0; k < attrs; k++) if (sameText(s, attrFrom[k], attrTo[k], na, nz)) return false;
      attrFrom[attrs] = na;
      attrTo[attrs] = nz;
      attrs++;
      j = vz + 1;
      // what the reader uses: a cell's r, t and s; a row's r and hidden; a formula's t, si and ref
      const len = nz - na;
      const n0 = s.charCodeAt(na);
      if (len === 1) {
        if (n0 === 114 && code !== F) ((r0 = va), (r1 = vz));
        else if (n0 === 116 && code !== ROW) ((t0 = va), (t1 = vz));
        else if (n0 === 115 && code === C) ((x0 = va), (x1 = vz));
      } else if (code === F) {
        if (len === 2 && n0 === 115 && s.charCodeAt(na + 1) === 105) ((x0 = va), (x1 = vz));
        else if (len === 3 && s.startsWith('ref', na)) ((ref0 = va), (ref1 = vz));
      } else if (code === ROW && len === 6 && s.startsWith('hidden', na)) ((x0 = va), (x1 = vz));
    }
    if (j > to) return false;
    i = j;
    if (inCell) {
      if (code === V) {
        capture = 1;
        b.hasV = true;
      } else if (code === F) {
        capture = 2;
        b.f = '';
        b.fType = t0 < 0 ? '' : s.slice(t0, t1);
        b.fSi = x0 < 0 ? '' : s.slice(x0, x1);
        b.fRef = ref0 < 0 ? '' : s.slice(ref0, ref1);
      } else if (code === IS) b.hasIs = true;
      else if (code === RPH) rph++;
      else if (code === T && b.hasIs && rph === 0) capture = 3;
      if (selfClosing) {
        if (code === V || code === F || code === T) capture = 0;
        else if (code === RPH) rph--;
      }
    } else if (code === C) {
      if (r1 <= r0 || !readRef(s, r0, r1, b)) b.col++;
      b.type = t0 < 0 ? 'n' : typeAt(s, t0, t1);
      b.xf = x1 > x0 ? numberAt(s, x0, x1) : 0;
      b.startCell();
      rph = 0;
      if (selfClosing) b.finishCell();
      else inCell = true;
    } else if (code === ROW) {
      b.row = r1 > r0 ? numberAt(s, r0, r1) - 1 : b.row + 1;
      b.col = -1;
      if (x0 >= 0 && isTrue(s, x0, x1)) b.hiddenRows.add(b.row);
    }
    if (!selfClosing) {
      open.push(code);
      if (code === OTHER) otherNames.push(s.slice(a, z));
    }
  }
  return open.length === 0;
}

/** `1` or `true`, as xmlBool reads it. */
function isTrue(s: string, a: number, z: number): boolean {
  const c = s.charCodeAt(a);
  return (z - a === 1 && c === 49) || (z - a === 4 && c === 116 && s.startsWith('true', a));
}
