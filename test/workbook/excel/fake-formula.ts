/**
 * A small Excel formula engine for the fake: enough to parse what Excel would parse (and refuse what
 * it would refuse, e.g. `=+47 22 00 00 00`) and to compute the formulas the report writes
 * (references, arithmetic, comparisons, SUM/IF/ABS/AND/OR/NOT/ISNUMBER/IFERROR/MIN/MAX/ROUND …).
 * Unknown names and functions give #NAME?, as in Excel.
 */
import { columnIndex } from '../../../src/core/grid';

export interface FError {
  readonly error: string;
}
export interface FRange {
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
export type FScalar = number | string | boolean | FError | null;
export type FValue = FScalar | FRange;

export type Node =
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'err'; readonly v: string }
  | { readonly t: 'ref'; readonly r: FRange }
  | { readonly t: 'name'; readonly v: string }
  | { readonly t: 'fn'; readonly name: string; readonly args: readonly Node[] }
  | { readonly t: 'un'; readonly op: string; readonly a: Node }
  | { readonly t: 'pct'; readonly a: Node }
  | { readonly t: 'bin'; readonly op: string; readonly a: Node; readonly b: Node };

export class FormulaSyntaxError extends Error {}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];

interface Tok {
  readonly k: 'num' | 'str' | 'err' | 'ref' | 'id' | 'op' | 'lp' | 'rp' | 'comma' | 'ws';
  readonly v: string;
  readonly ref?: FRange;
}

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?![A-Za-z0-9_(])/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      let j = i;
      while (j < src.length && /\s/.test(src[j])) j++;
      out.push({ k: 'ws', v: ' ' });
      i = j;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const e = ERRORS.find((x) => src.startsWith(x, i));
      if (!e) throw new FormulaSyntaxError(`bad error literal at ${i}`);
      out.push({ k: 'err', v: e });
      i += e.length;
      continue;
    }
    const rest = src.slice(i);
    const ref = REF.exec(rest);
    if (ref && (ref[1] !== undefined || ref[2] !== undefined || !/^[A-Za-z]{1,3}\d+[A-Za-z_]/.test(rest))) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2] !== undefined ? ref[2] : null;
      const r1 = Number(ref[4]) - 1;
      const c1 = columnIndex(ref[3]);
      const r2 = ref[6] !== undefined ? Number(ref[6]) - 1 : r1;
      const c2 = ref[5] !== undefined ? columnIndex(ref[5]) : c1;
      out.push({ k: 'ref', v: ref[0], ref: { sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) } });
      i += ref[0].length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      out.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(rest);
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%@:'.includes(ch)) {
      out.push({ k: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '(') out.push({ k: 'lp', v: ch });
    else if (ch === ')') out.push({ k: 'rp', v: ch });
    else if (ch === ',') out.push({ k: 'comma', v: ch });
    else throw new FormulaSyntaxError(`unexpected "${ch}"`);
    i++;
  }
  return out;
}

/** Parses a formula (without the leading `=`); throws FormulaSyntaxError where Excel refuses it. */
export function parseFormula(text: string): Node {
  const toks = tokenize(text).filter((t, i, all) => {
    // blanks are allowed around operators, parentheses and commas; between two operands they are an
    // intersection (two references) or an error
    if (t.k !== 'ws') return true;
    const prev = all[i - 1];
    const next = all[i + 1];
    const operand = (x: Tok | undefined): boolean => !!x && (x.k === 'num' || x.k === 'str' || x.k === 'err' || x.k === 'ref' || x.k === 'id' || x.k === 'rp');
    if (operand(prev) && next && (next.k === 'num' || next.k === 'str' || next.k === 'ref' || next.k === 'id' || next.k === 'lp' || next.k === 'err')) {
      if (prev?.k === 'ref' && next.k === 'ref') return true;
      throw new FormulaSyntaxError('missing operator');
    }
    return false;
  });
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const take = (): Tok => {
    const t = toks[p++];
    if (!t) throw new FormulaSyntaxError('unexpected end');
    return t;
  };
  const isOp = (v: string): boolean => peek()?.k === 'op' && peek()?.v === v;

  function primary(): Node {
    const t = take();
    switch (t.k) {
      case 'num':
        return { t: 'num', v: Number(t.v) };
      case 'str':
        return { t: 'str', v: t.v };
      case 'err':
        return { t: 'err', v: t.v };
      case 'ref':
        return { t: 'ref', r: t.ref as FRange };
      case 'lp': {
        const e = expr(0);
        if (take().k !== 'rp') throw new FormulaSyntaxError('missing )');
        return e;
      }
      case 'id': {
        if (peek()?.k === 'lp') {
          take();
          const args: Node[] = [];
          if (peek()?.k !== 'rp') {
            for (;;) {
              if (peek()?.k === 'comma' || peek()?.k === 'rp') args.push({ t: 'str', v: '' });
              else args.push(expr(0));
              const sep = take();
              if (sep.k === 'rp') break;
              if (sep.k !== 'comma') throw new FormulaSyntaxError('expected , or )');
            }
          } else take();
          return { t: 'fn', name: t.v.toUpperCase(), args };
        }
        const up = t.v.toUpperCase();
        if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' };
        return { t: 'name', v: t.v };
      }
      case 'op':
        if (t.v === '-' || t.v === '+' || t.v === '@') return { t: 'un', op: t.v, a: unary() };
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      default:
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
    }
  }
  function unary(): Node {
    let n = primary();
    while (isOp('%')) {
      take();
      n = { t: 'pct', a: n };
    }
    return n;
  }
  const PREC: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };
  function expr(min: number): Node {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.k !== 'op' || PREC[t.v] === undefined || PREC[t.v] < min) return left;
      take();
      const prec = PREC[t.v];
      const right = expr(t.v === '^' ? prec : prec + 1);
      left = { t: 'bin', op: t.v, a: left, b: right };
    }
  }
  if (toks.length === 0) throw new FormulaSyntaxError('empty formula');
  const root = expr(0);
  if (p !== toks.length) throw new FormulaSyntaxError(`unexpected ${toks[p].v}`);
  return root;
}

export interface Env {
  /** The value of a cell (evaluating its formula); null for an empty cell. */
  cell(sheet: string | null, row: number, col: number): FScalar;
}

const isErr = (v: unknown): v is FError => typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: unknown): v is FRange => typeof v === 'object' && v !== null && 'top' in v;

function scalar(v: FValue, env: Env): FScalar {
  if (isRange(v)) {
    if (v.top !== v.bottom || v.left !== v.right) return { error: '#VALUE!' };
    return env.cell(v.sheet, v.top, v.left);
  }
  return v;
}

function toNumber(v: FScalar): number | FError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (v.trim() === '') return { error: '#VALUE!' };
    const n = Number(v);
    return Number.isFinite(n) ? n : { error: '#VALUE!' };
  }
  return v;
}

function toText(v: FScalar): string | FError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function toBool(v: FScalar): boolean | FError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return { error: '#VALUE!' };
  }
  return v;
}

function compare(a: FScalar, b: FScalar): number {
  const rank = (v: FScalar): number => (typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2);
  const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const y = b === null ? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  const nx = Number(x);
  const ny = Number(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

function cellsOf(v: FValue, env: Env): FScalar[] {
  if (isRange(v)) {
    const out: FScalar[] = [];
    for (let r = v.top; r <= v.bottom; r++) for (let c = v.left; c <= v.right; c++) out.push(env.cell(v.sheet, r, c));
    return out;
  }
  return [v];
}

export function evaluate(node: Node, env: Env): FValue {
  switch (node.t) {
    case 'num':
    case 'str':
    case 'bool':
      return node.v;
    case 'err':
      return { error: node.v };
    case 'ref':
      return node.r;
    case 'name':
      return { error: '#NAME?' };
    case 'pct': {
      const n = toNumber(scalar(evaluate(node.a, env), env));
      return isErr(n) ? n : n / 100;
    }
    case 'un': {
      if (node.op === '@') return scalar(evaluate(node.a, env), env);
      const n = toNumber(scalar(evaluate(node.a, env), env));
      return isErr(n) ? n : node.op === '-' ? -n : n;
    }
    case 'bin': {
      const a = scalar(evaluate(node.a, env), env);
      const b = scalar(evaluate(node.b, env), env);
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      if (node.op === '&') {
        const x = toText(a);
        const y = toText(b);
        return isErr(x) ? x : isErr(y) ? y : x + y;
      }
      if (['=', '<>', '<', '>', '<=', '>='].includes(node.op)) {
        const c = compare(a, b);
        return node.op === '=' ? c === 0 : node.op === '<>' ? c !== 0 : node.op === '<' ? c < 0 : node.op === '>' ? c > 0 : node.op === '<=' ? c <= 0 : c >= 0;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      switch (node.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return y === 0 ? { error: '#DIV/0!' } : x / y;
        default:
          return Math.pow(x, y);
      }
    }
    case 'fn':
      return call(node.name, node.args, env);
  }
}

function call(name: string, args: readonly Node[], env: Env): FValue {
  const arg = (i: number): FScalar => (i < args.length ? scalar(evaluate(args[i], env), env) : null);
  const numbers = (): number[] | FError => {
    const out: number[] = [];
    for (const a of args) {
      const v = evaluate(a, env);
      if (isRange(v)) {
        for (const c of cellsOf(v, env)) {
          if (isErr(c)) return c;
          if (typeof c === 'number') out.push(c);
        }
      } else {
        const n = toNumber(v);
        if (isErr(n)) return n;
        out.push(n);
      }
    }
    return out;
  };
  switch (name) {
    case 'SUM': {
      const n = numbers();
      return isErr(n) ? n : n.reduce((s, x) => s + x, 0);
    }
    case 'MIN':
    case 'MAX': {
      const n = numbers();
      if (isErr(n)) return n;
      return n.length === 0 ? 0 : name === 'MIN' ? Math.min(...n) : Math.max(...n);
    }
    case 'SUBTOTAL': {
      // SUM, AVERAGE, COUNT, MAX, MIN of the ranges (hidden rows and nested subtotals not modelled)
      const fn = toNumber(arg(0));
      if (isErr(fn)) return fn;
      const rest = args.slice(1);
      const vals = rest.flatMap((a) => cellsOf(evaluate(a, env), env));
      const err = vals.find((v) => isErr(v));
      if (err !== undefined) return err;
      const nums = vals.filter((v): v is number => typeof v === 'number');
      switch (fn % 100) {
        case 9:
          return nums.reduce((a, b) => a + b, 0);
        case 1:
          return nums.length === 0 ? { error: '#DIV/0!' } : nums.reduce((a, b) => a + b, 0) / nums.length;
        case 2:
          return nums.length;
        case 4:
          return nums.length === 0 ? 0 : Math.max(...nums);
        case 5:
          return nums.length === 0 ? 0 : Math.min(...nums);
        default:
          return { error: '#VALUE!' };
      }
    }
    case 'COUNT':
      return args.flatMap((a) => cellsOf(evaluate(a, env), env)).filter((c) => typeof c === 'number').length;
    case 'ABS': {
      const n = toNumber(arg(0));
      return isErr(n) ? n : Math.abs(n);
    }
    case 'ROUND': {
      const n = toNumber(arg(0));
      const d = toNumber(arg(1));
      if (isErr(n)) return n;
      if (isErr(d)) return d;
      const f = Math.pow(10, d);
      return Math.round(n * f) / f;
    }
    case 'IF': {
      const c = toBool(arg(0));
      if (isErr(c)) return c;
      if (c) return args.length > 1 ? arg(1) : true;
      return args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      const v = arg(0);
      return isErr(v) ? arg(1) : v;
    }
    case 'AND':
    case 'OR': {
      const vals = args.flatMap((a) => cellsOf(evaluate(a, env), env));
      const bools: boolean[] = [];
      for (const v of vals) {
        if (v === null) continue;
        const b = toBool(v);
        if (isErr(b)) return b;
        bools.push(b);
      }
      return name === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
    }
    case 'NOT': {
      const b = toBool(arg(0));
      return isErr(b) ? b : !b;
    }
    case 'ISNUMBER':
      return typeof arg(0) === 'number';
    case 'ISBLANK':
      return arg(0) === null;
    case 'ISERROR':
      return isErr(arg(0));
    case 'NA':
      return { error: '#N/A' };
    case 'HYPERLINK':
      return args.length > 1 ? arg(1) : arg(0);
    default:
      return { error: '#NAME?' };
  }
}

/** Parses and computes a formula; a range result is its top-left cell (implicit intersection). */
export function computeFormula(text: string, env: Env): FScalar {
  let node: Node;
  try {
    node = parseFormula(text);
  } catch {
    return { error: '#NAME?' };
  }
  const v = evaluate(node, env);
  const s = scalar(isRange(v) ? { ...v, bottom: v.top, right: v.left } : v, env);
  return s === null ? 0 : s;
}
