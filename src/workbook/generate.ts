/**
 * The pipeline every front end runs (Excel, browser preview, command line): read the workbook through
 * the port, recognise its sources, build the follow-up model, render the sheets and write them back,
 * carrying over what people wrote on the previous follow-up sheet.
 */
import { mergeConfig, parseConfig, type FollowUpConfig } from '../core/config';
import { FollowUpError } from '../core/errors';
import { followUpBasis, followUpFrom, type EngineOptions } from '../core/engine/followup';
import { lastMonthSheet, periodOfSheetName, withLastMonth, type PreviousForecasts } from '../core/engine/changes';
import { quoteSheet, type Grid } from '../core/grid';
import { dec, type Money } from '../core/money';
import type { FollowUpModel } from '../core/model';
import { recognise } from '../core/read/recognise';
import { readNotes, type SheetNotes } from '../report/carry-over';
import { checksSheet, checksSheetName } from '../report/checks-sheet';
import { DEFAULT_SHEET_OPTIONS, FOLLOWUP_MARKER, followUpSheet, followUpSheetName, notesColumns } from '../report/followup-sheet';
import type { SheetLayout } from '../report/layout';
import { measuresSheet, measuresSheetName } from '../report/measures-sheet';
import { CHARTS_MARKER, chartsSheet, chartsSheetName } from '../report/charts-sheet';
import { SUMMARY_MARKER, summarySheet, summarySheetName } from '../report/summary-sheet';
import { MONTHS_MARKER, monthsSheet, monthsSheetName } from '../report/months-sheet';
import type { SheetInfo, Workbook } from './port';

export { SETTINGS_MARKER } from './conventions';
export const CHECKS_MARKER = 'checks';
export const MEASURES_MARKER = 'measures';

export type Step = 'reading' | 'recognising' | 'computing' | 'writing' | 'done';

export interface GenerateOptions {
  /** Settings from the caller (command line, task pane); they win over the workbook's stored settings. */
  readonly config?: FollowUpConfig;
  /** When the follow-up was made, as shown on the sheets (`2024-04-05 14:03`). */
  readonly generatedAt?: string;
  /** Compute only; write nothing back. */
  readonly dryRun?: boolean;
  readonly onProgress?: (step: Step, done: number, of: number) => void;
}

export interface GenerateResult {
  readonly model: FollowUpModel;
  /** Names of the sheets written. */
  readonly sheets: readonly string[];
  /** What the workbook did not let the run do without failing it (the adapter's notices), for the person to see. */
  readonly notices?: readonly string[];
  /** The sheets of the committee's papers, in print order: the summary, then the follow-up sheet. */
  readonly printed?: readonly string[];
}

/** Sheets a person made: everything the add-in did not generate. */
export function peopleSheets(sheets: readonly SheetInfo[]): SheetInfo[] {
  return sheets.filter((s) => s.generated === null && s.usedRange !== null);
}

/** The wanted name, or "name (2)" … when a person's sheet already has it. */
export function freeSheetName(wanted: string, sheets: readonly SheetInfo[], marker: string): string {
  const taken = (n: string): boolean => sheets.some((s) => s.name.toLowerCase() === n.toLowerCase() && s.generated !== marker);
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

async function readGrids(wb: Workbook, sheets: readonly SheetInfo[], onProgress: GenerateOptions['onProgress']): Promise<Grid[]> {
  const grids: Grid[] = [];
  for (const [i, s] of sheets.entries()) {
    onProgress?.('reading', i, sheets.length);
    grids.push(await wb.readSheet(s.name));
  }
  return grids;
}

export async function storedConfig(wb: Workbook): Promise<FollowUpConfig | null> {
  const text = await wb.readSettings();
  return text ? parseConfig(text, 'the settings stored in the workbook') : null;
}

const periodOfName = (name: string): string => periodOfSheetName(name) ?? '';

/**
 * The follow-up sheet whose notes carry over: the one being regenerated, else the latest earlier one.
 * `period` is the report month when known (config), else null (take the latest).
 */
function previousSheet(sheets: readonly SheetInfo[], wanted: string | null): SheetInfo | null {
  const ours = sheets.filter((s) => s.generated === FOLLOWUP_MARKER);
  const same = wanted ? ours.find((s) => s.name === wanted) : undefined;
  if (same) return same;
  const byPeriod = [...ours].sort((a, b) => periodOfName(a.name).localeCompare(periodOfName(b.name)));
  const earlier = wanted ? byPeriod.filter((s) => periodOfName(s.name) <= periodOfName(wanted)) : byPeriod;
  return earlier[earlier.length - 1] ?? byPeriod[byPeriod.length - 1] ?? null;
}

async function previousNotes(wb: Workbook, sheet: SheetInfo | null): Promise<SheetNotes | null> {
  if (!sheet) return null;
  const grid = await wb.readSheet(sheet.name);
  return readNotes(grid, (header) => notesColumns(header, grid.left));
}

/** Last month's forecasts: the figures of the earlier sheet's lines, by key (its notes, when already read). */
async function previousForecasts(wb: Workbook, sheet: SheetInfo, period: string, read: SheetNotes | null): Promise<PreviousForecasts> {
  const notes = read ?? (await previousNotes(wb, sheet));
  const forecasts = new Map<string, Money>();
  for (const n of notes?.lines.values() ?? []) if (n.forecast !== null) forecasts.set(n.key, n.forecast);
  return { sheet: sheet.name, period, forecasts, findings: notes?.unreadable ?? [] };
}

function manualFrom(notes: SheetNotes | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of notes?.lines.values() ?? []) if (n.manualForecast !== null) out[n.key] = n.manualForecast;
  return out;
}

/** The sheets to write, with their markers (exported for the benchmark, which times each step). */
export function layouts(
  model: FollowUpModel,
  sheets: readonly SheetInfo[],
  generatedAt: string,
  config: FollowUpConfig,
  notes: SheetNotes | null,
): [SheetLayout, string][] {
  const opts = {
    neutralBand: config.thresholds?.neutralPct ? dec(config.thresholds.neutralPct) : DEFAULT_SHEET_OPTIONS.neutralBand,
    staleShare: config.thresholds?.stalePct ? dec(config.thresholds.stalePct) : DEFAULT_SHEET_OPTIONS.staleShare,
    notes,
  };
  const out: [SheetLayout, string][] = [
    [followUpSheet(model, generatedAt, freeSheetName(followUpSheetName(model), sheets, FOLLOWUP_MARKER), opts), FOLLOWUP_MARKER],
  ];
  const measures = measuresSheet(model, generatedAt, freeSheetName(measuresSheetName(model), sheets, MEASURES_MARKER), opts.neutralBand);
  if (measures) out.push([measures, MEASURES_MARKER]);
  const charts = chartsSheet(model, generatedAt, freeSheetName(chartsSheetName(model), sheets, CHARTS_MARKER));
  if (charts) out.push([charts, CHARTS_MARKER]);
  out.push([summarySheet(model, generatedAt, freeSheetName(summarySheetName(model), sheets, SUMMARY_MARKER), opts), SUMMARY_MARKER]);
  const months = monthsSheet(model, generatedAt, opts.neutralBand, freeSheetName(monthsSheetName(model), sheets, MONTHS_MARKER));
  if (months) out.push([months, MONTHS_MARKER]);
  out.push([checksSheet(model, generatedAt, freeSheetName(checksSheetName(model), sheets, CHECKS_MARKER)), CHECKS_MARKER]);
  return out;
}

export function engineOptions(config: FollowUpConfig, manual: Record<string, string>): EngineOptions {
  return {
    period: config.period ?? null,
    signConvention: config.signConvention,
    forecastMethod: config.forecast?.method,
    manualForecasts: { ...config.forecast?.manual, ...manual },
    gap: config.gap ?? null,
    language: config.language,
    title: config.title ?? null,
    evaluation: config.evaluation,
    unit: config.unit ?? null,
  };
}

/** Nothing recognised: one message saying what was looked for and in which sheets, instead of empty sheets. */
export function nothingToFollowUp(sheets: readonly SheetInfo[]): FollowUpError {
  const withData = peopleSheets(sheets).map((s) => quoteSheet(s.name));
  return new FollowUpError(
    'bad-input',
    withData.length === 0
      ? 'found nothing to follow up: the workbook has no sheet with data'
      : `found no actuals or budget to follow up in the sheets ${withData.join(', ')}: ` +
          'they need a pivot table or a table with a label column and columns of figures named by role (such as "Regnskap", "Budsjett") or by month',
  );
}

/**
 * Reads, recognises and computes. Its own function so that the grids and what was recognised in them
 * (most of the memory a big workbook takes) are garbage once the model is made, before the sheets are
 * rendered and written.
 */
export async function computeModel(
  wb: Workbook,
  sheets: readonly SheetInfo[],
  config: FollowUpConfig,
  onProgress: GenerateOptions['onProgress'],
): Promise<{ model: FollowUpModel; notes: SheetNotes | null; recognisedSomething: boolean }> {
  const grids = await readGrids(wb, peopleSheets(sheets), onProgress);
  onProgress?.('recognising', 0, 1);
  const pivots = await wb.listPivots();
  const rec = recognise(grids, {
    sources: config.sources ? [...config.sources] : undefined,
    measures: config.measures,
    language: null,
    pivotRanges: pivots.map((p) => ({ sheet: p.sheet, range: p.range, name: p.name, definition: p.definition })),
  });
  // The grids are done with: let them go before computing (they are most of the memory a big workbook takes).
  grids.length = 0;
  onProgress?.('computing', 0, 1);
  // The period (and so the sheet being regenerated) is known once the lines are collected; people's
  // own forecasts on that sheet go into the forecasts made after it.
  const basis = followUpBasis(rec, engineOptions(config, {}));
  const notesSheet = previousSheet(sheets, followUpSheetName(basis));
  const notes = await previousNotes(wb, notesSheet);
  // Last month's forecasts, to show what changed since (a year-end evaluation has no forecast).
  const earlier = basis.yearEnd
    ? null
    : lastMonthSheet(
        sheets.filter((s) => s.generated === FOLLOWUP_MARKER),
        basis.period,
      );
  const previous = earlier && (await previousForecasts(wb, earlier, periodOfName(earlier.name), earlier === notesSheet ? notes : null));
  const model = withLastMonth(followUpFrom(basis, engineOptions(config, manualFrom(notes)).manualForecasts ?? {}), previous);
  return { model, notes, recognisedSomething: rec.sources.length > 0 || rec.measures.length > 0 };
}

export async function generateFollowUp(wb: Workbook, options: GenerateOptions = {}): Promise<GenerateResult> {
  const { onProgress } = options;
  const sheets = await wb.listSheets();
  const config = mergeConfig(await storedConfig(wb), options.config);
  const { model, notes, recognisedSomething } = await computeModel(wb, sheets, config, onProgress);
  if (options.dryRun) return { model, sheets: [] };
  if (!recognisedSomething) throw nothingToFollowUp(sheets);
  const out = layouts(model, sheets, options.generatedAt ?? new Date().toISOString().slice(0, 16).replace('T', ' '), config, notes);
  for (const [i, [layout, marker]] of out.entries()) {
    onProgress?.('writing', i, out.length);
    await wb.writeSheet(layout, marker);
  }
  onProgress?.('done', 1, 1);
  const printed = [SUMMARY_MARKER, FOLLOWUP_MARKER].flatMap((m) => out.filter(([, marker]) => marker === m).map(([l]) => l.name));
  return { model, sheets: out.map(([l]) => l.name), notices: wb.takeNotices?.() ?? [], printed };
}
