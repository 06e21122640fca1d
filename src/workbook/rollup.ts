/**
 * The roll-up pipeline: each unit's workbook read and computed as `generate` does (its stored
 * settings, its people's own forecasts), the area's model made from the units' models, and the same
 * sheets rendered into a new workbook, each unit's figures linked to its follow-up sheet's cells.
 */
import { mergeConfig, type FollowUpConfig } from '../core/config';
import type { FollowUpModel } from '../core/model';
import { finding } from '../core/warnings';
import { renderFinding } from '../core/messages';
import { areaKey, rollUp, unitNames, type UnitFollowUp } from '../core/rollup';
import type { LineNotes, SheetNotes } from '../report/carry-over';
import { FOLLOWUP_MARKER, followUpSheetName } from '../report/followup-sheet';
import type { SheetLayout } from '../report/layout';
import { unitLinks, type UnitLinks } from '../report/rollup-links';
import { computeModel, layouts, nothingToFollowUp, storedConfig } from './generate';
import type { Workbook } from './port';
import type { XlsxWorkbook } from './xlsx/workbook';

export interface UnitWorkbook {
  /** The file's name (`a.xlsx`): names the unit when its settings do not, and its figures' links. */
  readonly file: string;
  /** Where the area's links find the file: its path relative to the area workbook's folder. */
  readonly target: string;
  readonly wb: Workbook;
}

export interface RollupOptions {
  /** Settings for every unit (period, forecast method) and the area (language, title); a unit's stored settings give way to them. */
  readonly config?: FollowUpConfig;
  readonly generatedAt: string;
  /** Runs `work` for a unit, so that errors name its file (the command line's `inFile`). */
  readonly inUnit?: <T>(unit: UnitWorkbook, work: () => Promise<T>) => Promise<T>;
}

export interface RollupResult {
  readonly model: FollowUpModel;
  readonly sheets: readonly string[];
}

interface ReadUnit {
  readonly unit: UnitWorkbook;
  readonly name: string;
  readonly model: FollowUpModel;
  readonly notes: SheetNotes | null;
  /** The unit's follow-up sheet for the period (its name whether or not it is there), and the links to it. */
  readonly sheet: string;
  readonly links: UnitLinks | null;
}

/** The settings a unit is computed with: its own, then the caller's, except the language (its sheet names are in its own). */
function unitConfig(stored: FollowUpConfig | null, given: FollowUpConfig | undefined): FollowUpConfig {
  const { language: _area, title: _title, ...rest } = given ?? {};
  return mergeConfig(stored, rest);
}

async function readUnit(unit: UnitWorkbook, given: FollowUpConfig | undefined, book: string): Promise<Omit<ReadUnit, 'name'> & { wanted: string }> {
  const sheets = await unit.wb.listSheets();
  const stored = await storedConfig(unit.wb);
  const { model, notes, recognisedSomething } = await computeModel(unit.wb, sheets, unitConfig(stored, given), undefined);
  if (!recognisedSomething) throw nothingToFollowUp(sheets);
  const sheet = followUpSheetName(model);
  const own = sheets.find((s) => s.generated === FOLLOWUP_MARKER && s.name === sheet);
  const links = own ? unitLinks(model, book, await unit.wb.readSheet(own.name)) : null;
  return { unit, model, notes, sheet, links, wanted: stored?.title?.trim() || unit.file.replace(/\.(xlsx|xlsm)$/i, '') };
}

/** What people wrote in each unit, under the lines' keys in the area. */
function areaNotes(units: readonly ReadUnit[]): SheetNotes {
  const lines = new Map<string, LineNotes>();
  for (const u of units) {
    for (const n of u.notes?.lines.values() ?? []) {
      const key = areaKey(u.name, n.key);
      lines.set(key, { ...n, key });
    }
  }
  // Last month's forecasts are each unit's own business: the area is a new workbook with no earlier sheet.
  return { lines, unreadable: [] };
}

/** The name a unit's links give its workbook: the file's name, or its path when two units share a file name. */
function bookLabels(units: readonly UnitWorkbook[]): string[] {
  return units.map((u) => (units.filter((v) => v.file.toLowerCase() === u.file.toLowerCase()).length > 1 ? u.target : u.file));
}

/**
 * The layout with each unit's links written as the file wants them: `'[a.xlsx]Sheet'!C5` becomes
 * `'[1]Sheet'!C5`, N being the unit's place among the workbook's external references.
 */
function numberedLinks(layout: SheetLayout, books: ReadonlyMap<string, number>): SheetLayout {
  if (books.size === 0) return layout;
  const cells = layout.cells.map((c) => {
    if (!c.formula?.startsWith("'[")) return c;
    for (const [book, n] of books) {
      const prefix = `'[${book.replace(/'/g, "''")}]`;
      if (c.formula.startsWith(prefix)) return { ...c, formula: `'[${n}]${c.formula.slice(prefix.length)}` };
    }
    return c;
  });
  return { ...layout, cells };
}

/**
 * Reads every unit (in order; the first that cannot be read stops the roll-up, naming its file, and
 * nothing is written), makes the area's model and writes its sheets into `out`.
 */
export async function rollUpWorkbooks(units: readonly UnitWorkbook[], out: XlsxWorkbook, options: RollupOptions): Promise<RollupResult> {
  const inUnit = options.inUnit ?? (<T>(_: UnitWorkbook, work: () => Promise<T>) => work());
  const labels = bookLabels(units);
  const read = [];
  for (const [i, unit] of units.entries()) read.push(await inUnit(unit, () => readUnit(unit, options.config, labels[i])));
  const names = unitNames(read.map((r) => ({ name: r.wanted, file: r.unit.file })));
  const readUnits: ReadUnit[] = read.map((r, i) => ({ ...r, name: names[i] }));
  const followUps: UnitFollowUp[] = readUnits.map((r) => ({
    name: r.name,
    file: r.unit.file,
    path: r.unit.target,
    model: r.model,
    links: r.links?.links ?? new Map(),
  }));
  const language = options.config?.language ?? readUnits[0]?.model.language ?? 'en';
  const area = rollUp(followUps, language, options.config?.title ?? null);
  const unlinked = readUnits.flatMap((r) => {
    const count = r.links === null ? r.model.lines.length : r.links.unlinked;
    return count === 0 ? [] : [renderFinding(finding('rollup-unlinked', { file: r.unit.file, count: String(count), sheet: r.sheet }), language)];
  });
  const model: FollowUpModel = { ...area, warnings: [...unlinked, ...area.warnings] };
  const books = new Map<string, number>();
  readUnits.forEach((r, i) => {
    if (r.links && r.links.cells.length > 0) books.set(labels[i], out.addExternalBook(r.unit.target, [{ name: r.sheet, cells: r.links.cells }]));
  });
  const sheets = await out.listSheets();
  const written = layouts(model, sheets, options.generatedAt, mergeConfig(options.config), areaNotes(readUnits));
  for (const [layout, marker] of written) await out.writeSheet(numberedLinks(layout, books), marker);
  return { model, sheets: written.map(([l]) => l.name) };
}
