/**
 * Shared formulas: a file stores the formula text once, on the master cell; the other cells of the
 * shared range hold only a reference to it. Their own text is the master's with relative references
 * moved by the cell's offset — what Excel shows for them.
 */
import { columnIndex, columnLetters } from '../../core/grid';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c > 127;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;

function shiftRow(abs: string, row1: number, d: number): string | null {
  if (abs) return `$${row1}`;
  const r = row1 + d;
  return r < 1 || r > MAX_ROW ? null : String(r);
}

function shiftCol(abs: string, letters: string, d: number): string | null {
  if (abs) return `$${letters.toUpperCase()}`;
  const c = columnIndex(letters) + d;
  return c < 0 || c >= MAX_COL ? null : columnLetters(c);
}

/** Moves the relative A1 references in a formula by (dRow, dCol); absolute parts stay. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      // string literal or quoted sheet name: copy through to the closing quote ("" / '' escape)
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === ch) {
          if (formula.charCodeAt(j + 1) === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === 91 /* [ */) {
      // structured reference or external book index: copy through the matching bracket
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const c = formula.charCodeAt(j);
        if (c === 91) depth++;
        else if (c === 93 && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if (isIdentChar(ch) || ch === 36 /* $ */) {
      if (!isIdentChar(prev)) {
        const rest = formula.slice(i, i + 24);
        let m = ROWS.exec(rest);
        if (m && !isIdentChar(rest.charCodeAt(m[0].length)) && rest.charCodeAt(m[0].length) !== 40) {
          const a = shiftRow(m[1], Number(m[2]), dRow);
          const b = shiftRow(m[3], Number(m[4]), dRow);
          out += a && b ? `${a}:${b}` : '#REF!';
          i += m[0].length;
          continue;
        }
        m = COLS.exec(rest);
        if (m && !isIdentChar(rest.charCodeAt(m[0].length)) && rest.charCodeAt(m[0].length) !== 40) {
          const a = shiftCol(m[1], m[2], dCol);
          const b = shiftCol(m[3], m[4], dCol);
          out += a && b ? `${a}:${b}` : '#REF!';
          i += m[0].length;
          continue;
        }
        m = CELL.exec(rest);
        const after = m ? rest.charCodeAt(m[0].length) : 0;
        if (m && !isIdentChar(after) && after !== 40 /* ( */ && after !== 33 /* ! */) {
          const c = shiftCol(m[1], m[2], dCol);
          const r = shiftRow(m[3], Number(m[4]), dRow);
          out += c && r ? c + r : '#REF!';
          i += m[0].length;
          continue;
        }
      }
      // any other name, function or number: copy the whole run
      let j = i + 1;
      while (j < n && (isIdentChar(formula.charCodeAt(j)) || formula.charCodeAt(j) === 36)) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += formula[i];
    i++;
  }
  return out;
}
