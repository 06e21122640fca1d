/**
 * The pane's settings: the follow-up configuration saved in the workbook (through the Workbook port),
 * edited by the pane, and the sources it maps explicitly. Kept in the same JSON the command line's
 * `--config` reads, so the ribbon button, the pane and the command line agree.
 */
import { mappingOfSource, parseConfig, type FollowUpConfig, type SourceMapping } from '../core/config';
import { isFollowUpError } from '../core/errors';
import { parseSheetRange, type CellValue } from '../core/grid';
import type { SeenSummary, SourceSummary } from '../core/model';
import { formatDecimal } from '../core/format';
import type { OutputLanguage } from '../core/model';
import type { Workbook } from '../workbook/port';
import type { Host } from './host';

const WHERE = 'the settings saved in the workbook';

export interface LoadedSettings {
  readonly config: FollowUpConfig;
  /** True when the workbook had settings. */
  readonly saved: boolean;
  /** The stored settings could not be read: the message says why; config is then empty. */
  readonly error: string | null;
}

export async function loadSettings(host: Host): Promise<LoadedSettings> {
  const text = await host.readSettings();
  if (!text) return { config: {}, saved: false, error: null };
  try {
    return { config: parseConfig(text, WHERE), saved: true, error: null };
  } catch (e) {
    if (isFollowUpError(e)) return { config: {}, saved: true, error: e.message };
    throw e;
  }
}

/** The JSON to save: what is set, without empty parts (parseConfig reads it back unchanged). */
export function settingsJson(config: FollowUpConfig): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    if (key === 'sources' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'forecast') {
      const f = value as NonNullable<FollowUpConfig['forecast']>;
      const manual = f.manual && Object.keys(f.manual).length ? f.manual : undefined;
      if (f.method === undefined && manual === undefined) continue;
      out.forecast = { method: f.method, manual };
      continue;
    }
    if (key === 'thresholds') {
      const t = value as NonNullable<FollowUpConfig['thresholds']>;
      if (t.neutralPct === undefined && t.stalePct === undefined) continue;
    }
    out[key] = value;
  }
  return JSON.stringify(out);
}

/** The sources as an explicit mapping (what the pane saves once the user changes one). */
export function mappingOf(sources: readonly SourceSummary[]): SourceMapping[] {
  return sources.map(mappingOfSource);
}

/** A person's answer to "two views, or two parts?": keep the source used, use the other instead, or add both. */
export type ViewsChoice = 'keep' | 'other' | 'both';

/**
 * The sources as an explicit mapping after a person's answer about `seen`, a source the reader could
 * not tell apart from the one it used (`seen.undecidedWith`). Saved, the mapping is read as it
 * stands: the ribbon and the command line use the same sources, and the question is not asked again.
 */
export function mappingForViews(sources: readonly SourceSummary[], seen: SeenSummary, choice: ViewsChoice): SourceMapping[] {
  const mapping = mappingOf(sources);
  // The other view's role is read from its own words: it may hold fewer roles than the one it replaces.
  const other: SourceMapping = { range: seen.range };
  if (choice === 'both') return [...mapping, other];
  if (choice === 'other') return mapping.map((m) => (seen.undecidedWith && sameRange(m.range, seen.undecidedWith) ? other : m));
  return mapping;
}

/** The same range, whatever the quoting and case: `'Data'!a1:b2` = `Data!A1:B2`. */
export function sameRange(a: string, b: string): boolean {
  const x = parseSheetRange(a);
  const y = parseSheetRange(b);
  if (!x || !y) return a === b;
  const r = (v: typeof x): string => `${v.range.top},${v.range.left},${v.range.bottom},${v.range.right}`;
  return (x.sheet ?? '').toLowerCase() === (y.sheet ?? '').toLowerCase() && r(x) === r(y);
}

/**
 * The workbook as the pipeline sees it with other settings than the saved ones: lets the pane try a
 * change (a dry run) before saving it.
 */
export function withSettings(wb: Workbook, json: string): Workbook {
  return {
    listSheets: () => wb.listSheets(),
    readSheet: (sheet, range) => wb.readSheet(sheet, range),
    listPivots: () => wb.listPivots(),
    writeSheet: (layout, marker) => wb.writeSheet(layout, marker),
    readSettings: async () => json,
    writeSettings: (text) => wb.writeSettings(text),
  };
}

/** Text of a preview cell: numbers grouped as people read them, errors as Excel shows them. */
export function previewText(v: CellValue, lang: OutputLanguage): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const rounded = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
    return formatDecimal(String(rounded), lang);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  return v.length > 40 ? `${v.slice(0, 39)}…` : v;
}

/** The first rows and columns of a source range, as text, for a small preview. */
export async function readPreview(wb: Workbook, range: string, lang: OutputLanguage, rows = 5, cols = 5): Promise<string[][]> {
  const ref = parseSheetRange(range);
  if (!ref || ref.sheet === null) return [];
  const r = ref.range;
  const grid = await wb.readSheet(ref.sheet, {
    top: r.top,
    left: r.left,
    bottom: Math.min(r.bottom, r.top + rows - 1),
    right: Math.min(r.right, r.left + cols - 1),
  });
  const out: string[][] = [];
  for (let row = r.top; row <= Math.min(r.bottom, r.top + rows - 1); row++) {
    const cells: string[] = [];
    for (let col = r.left; col <= Math.min(r.right, r.left + cols - 1); col++) {
      const v = grid.values[row - grid.top]?.[col - grid.left] ?? null;
      cells.push(previewText(v, lang));
    }
    out.push(cells);
  }
  return out.filter((row) => row.some((c) => c !== ''));
}
