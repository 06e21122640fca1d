/**
 * The ranges in the saved settings (each source's range, the measures table) kept as workbook-scoped
 * defined names in Excel, so that they follow what people do to the workbook: rows inserted above or
 * inside a source, a sheet renamed. The settings JSON keeps the range as text too (the command line
 * reads that); each name's comment holds the text it was saved with, so a name is followed only while
 * the settings still say what they said when it was saved.
 */
import type { CellRange } from '../../core/grid';
import { cellA1, parseSheetRange, quoteSheet, sheetRange } from '../../core/grid';

export const SOURCE_NAME_PREFIX = '_BudgetFollowup_Source';
export const MEASURES_NAME = '_BudgetFollowup_Measures';

export interface RangeName {
  readonly name: string;
  readonly sheet: string;
  readonly range: CellRange;
  /** The range as the settings write it. */
  readonly text: string;
}

export interface SavedName {
  readonly formula: string;
  readonly comment: string;
}

interface Settings {
  sources?: { range?: unknown }[];
  measures?: unknown;
}

function parse(json: string): Settings | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Settings) : null;
  } catch {
    return null;
  }
}

function named(name: string, text: unknown): RangeName | null {
  if (typeof text !== 'string') return null;
  const p = parseSheetRange(text);
  return p && p.sheet !== null ? { name, sheet: p.sheet, range: p.range, text } : null;
}

/** The sheet-qualified ranges of a settings JSON, each with the defined name that follows it. */
export function rangeNames(json: string): RangeName[] {
  const s = parse(json);
  if (!s) return [];
  const out: RangeName[] = [];
  if (Array.isArray(s.sources)) {
    s.sources.forEach((src, i) => {
      const r = typeof src === 'object' && src !== null ? named(`${SOURCE_NAME_PREFIX}${i + 1}`, src.range) : null;
      if (r) out.push(r);
    });
  }
  const m = named(MEASURES_NAME, s.measures);
  if (m) out.push(m);
  return out;
}

/** The name's formula: `='Budget 2024'!$A$1:$N$13`. */
export function nameFormula(r: RangeName): string {
  const a = r.range;
  const end = a.top === a.bottom && a.left === a.right ? '' : `:${cellA1(a.bottom, a.right, true)}`;
  return `=${quoteSheet(r.sheet)}!${cellA1(a.top, a.left, true)}${end}`;
}

/** Where a name's formula points now (`='Ny'!$A$3:$N$15` → `Ny!A3:N15`), or null when it no longer points at a range. */
export function currentRange(formula: string): string | null {
  const p = parseSheetRange(formula.replace(/^=/, '').replace(/\$/g, ''));
  return p && p.sheet !== null ? sheetRange(p.sheet, p.range) : null;
}

/**
 * The settings with each range replaced by where its name points now, when the name was saved with
 * that very range (its comment); unchanged text when nothing moved.
 */
export function followNames(json: string, names: ReadonlyMap<string, SavedName>): string {
  const s = parse(json);
  if (!s) return json;
  let moved = false;
  const follow = (name: string, text: unknown): string | null => {
    const n = names.get(name.toLowerCase());
    if (!n || typeof text !== 'string' || n.comment !== text) return null;
    const now = currentRange(n.formula);
    if (now === null || now === text) return null;
    moved = true;
    return now;
  };
  if (Array.isArray(s.sources)) {
    s.sources.forEach((src, i) => {
      if (typeof src !== 'object' || src === null) return;
      const now = follow(`${SOURCE_NAME_PREFIX}${i + 1}`, src.range);
      if (now !== null) src.range = now;
    });
  }
  const m = follow(MEASURES_NAME, s.measures);
  if (m !== null) s.measures = m;
  return moved ? JSON.stringify(s) : json;
}

/** Whether a workbook-scoped name is one of the add-in's range names. */
export function isRangeName(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith(SOURCE_NAME_PREFIX.toLowerCase()) || n === MEASURES_NAME.toLowerCase();
}
