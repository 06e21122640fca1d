/**
 * The pipeline every front end runs (Excel, browser preview, command line): read the workbook through
 * the port, recognise its sources, build the follow-up model, render the sheets and write them back.
 */
import { mergeConfig, parseConfig, type FollowUpConfig } from '../core/config';
import { buildFollowUp } from '../core/engine/followup';
import type { Grid } from '../core/grid';
import type { FollowUpModel } from '../core/model';
import { recognise } from '../core/read/recognise';
import { checksSheet, checksSheetName } from '../report/checks-sheet';
import { FOLLOWUP_MARKER, followUpSheet, followUpSheetName } from '../report/followup-sheet';
import type { SheetLayout } from '../report/layout';
import type { SheetInfo, Workbook } from './port';

export const SETTINGS_MARKER = 'settings';

export type Step = 'reading' | 'recognising' | 'computing' | 'writing' | 'done';

export interface GenerateOptions {
  /** Settings from the caller (command line, task pane); they win over the workbook's stored settings. */
  readonly config?: FollowUpConfig;
  /** When the follow-up was made, as shown on the sheets (ISO timestamp). */
  readonly generatedAt?: string;
  /** Compute only; write nothing back. */
  readonly dryRun?: boolean;
  readonly onProgress?: (step: Step, done: number, of: number) => void;
}

export interface GenerateResult {
  readonly model: FollowUpModel;
  /** Names of the sheets written. */
  readonly sheets: readonly string[];
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

async function storedConfig(wb: Workbook): Promise<FollowUpConfig | null> {
  const text = await wb.readSettings();
  if (!text) return null;
  return parseConfig(text, 'the settings stored in the workbook');
}

function layouts(model: FollowUpModel, sheets: readonly SheetInfo[], generatedAt: string): SheetLayout[] {
  return [
    followUpSheet(model, generatedAt, freeSheetName(followUpSheetName(model), sheets, FOLLOWUP_MARKER)),
    checksSheet(model, generatedAt, freeSheetName(checksSheetName(model), sheets, FOLLOWUP_MARKER)),
  ];
}

export async function generateFollowUp(wb: Workbook, options: GenerateOptions = {}): Promise<GenerateResult> {
  const { onProgress } = options;
  const sheets = await wb.listSheets();
  const config = mergeConfig(await storedConfig(wb), options.config);
  const grids = await readGrids(wb, peopleSheets(sheets), onProgress);
  onProgress?.('recognising', 0, 1);
  const pivots = await wb.listPivots();
  const rec = recognise(grids, {
    sources: config.sources ? [...config.sources] : undefined,
    measures: config.measures,
    language: null,
    pivotRanges: pivots.map((p) => ({ sheet: p.sheet, range: p.range })),
  });
  onProgress?.('computing', 0, 1);
  const model = buildFollowUp(rec, {
    period: config.period ?? null,
    signConvention: config.signConvention,
    forecastMethod: config.forecast?.method,
    manualForecasts: config.forecast?.manual,
    gap: config.gap ?? null,
    language: config.language,
    title: config.title ?? null,
  });
  if (options.dryRun) return { model, sheets: [] };
  const out = layouts(model, sheets, options.generatedAt ?? new Date().toISOString().slice(0, 16).replace('T', ' '));
  for (const [i, layout] of out.entries()) {
    onProgress?.('writing', i, out.length);
    await wb.writeSheet(layout, FOLLOWUP_MARKER);
  }
  onProgress?.('done', 1, 1);
  return { model, sheets: out.map((l) => l.name) };
}
