/**
 * `npm run bench`: how long the follow-up takes at 100, 1,000, 10,000 and 50,000 lines × 12 months,
 * step by step, against the FLOOR — reading and writing the same workbook without computing anything.
 *
 * Each workbook has an actuals pivot and a budget pivot laid out as Excel writes pivot output (the
 * example workbooks' layout: data field, column labels, row labels, months, grand total row and
 * column). For each size, three child processes run (so each peak memory is its own):
 *   steps  read · recognise · compute · render · write, calling the pipeline's own functions in the
 *          order generateFollowUp calls them;
 *   whole  the command line's main() (read the file, generate, write the file atomically);
 *   floor  read the file, open, list and read every sheet, write one sheet as large as the follow-up
 *          sheet (no computing), save, write the file atomically.
 * Times are the best of a few repeats (one at 50,000 lines). Nothing is asserted: this prints figures.
 *
 *   npm run build:cli && npm run bench            all sizes
 *   node dist/scripts/bench.js 100 1000           chosen sizes
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main as cliMain } from '../src/cli/main';
import { mergeConfig, parseConfig } from '../src/core/config';
import { buildFollowUp } from '../src/core/engine/followup';
import type { Grid } from '../src/core/grid';
import { recognise } from '../src/core/read/recognise';
import type { CellStyle, LayoutCell, SheetLayout } from '../src/report/layout';
import { engineOptions, layouts, peopleSheets } from '../src/workbook/generate';
import { readWorkbookFile, writeFileAtomic } from '../src/workbook/xlsx/file';
import { XlsxWorkbook } from '../src/workbook/xlsx/workbook';

export const SIZES = [100, 1000, 10000, 50000] as const;
const YEAR = 2024;
const MONTHS = 12;

/** A small deterministic generator (mulberry32): the same workbook every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FMT: CellStyle = { numberFormat: '#,##0' };
const BOLD: CellStyle = { bold: true };
const BOLD_FMT: CellStyle = { bold: true, numberFormat: '#,##0' };

/**
 * Pivot output in compact layout (what Excel writes): a title, `Summer av Beløp` / `Kolonneetiketter`,
 * `Radetiketter` over the months and `Totalsum`, one row per line, the grand total row.
 * `cents[i][m]` is line i's amount in month m, in øre (exact sums).
 */
export function pivotCells(title: string, labels: readonly string[], cents: readonly (readonly number[])[], top = 0, left = 0): LayoutCell[] {
  const months = cents[0]?.length ?? MONTHS;
  const cells: LayoutCell[] = [
    { row: top, col: left, value: title, style: BOLD },
    { row: top + 2, col: left, value: 'Summer av Beløp', style: BOLD },
    { row: top + 2, col: left + 1, value: 'Kolonneetiketter', style: BOLD },
    { row: top + 3, col: left, value: 'Radetiketter', style: BOLD },
  ];
  for (let m = 0; m < months; m++) cells.push({ row: top + 3, col: left + 1 + m, value: String(YEAR * 100 + m + 1), style: BOLD });
  cells.push({ row: top + 3, col: left + 1 + months, value: 'Totalsum', style: BOLD });
  const colTotals = new Array<number>(months).fill(0);
  labels.forEach((label, i) => {
    const row = top + 4 + i;
    cells.push({ row, col: left, value: label });
    let lineTotal = 0;
    for (let m = 0; m < months; m++) {
      const v = cents[i][m];
      lineTotal += v;
      colTotals[m] += v;
      cells.push({ row, col: left + 1 + m, value: v / 100, style: FMT });
    }
    cells.push({ row, col: left + 1 + months, value: lineTotal / 100, style: FMT });
  });
  const row = top + 4 + labels.length;
  cells.push({ row, col: left, value: 'Totalsum', style: BOLD });
  colTotals.forEach((v, m) => cells.push({ row, col: left + 1 + m, value: v / 100, style: BOLD_FMT }));
  cells.push({ row, col: left + 1 + months, value: colTotals.reduce((a, b) => a + b, 0) / 100, style: BOLD_FMT });
  return cells;
}

/** A workbook with `lines` lines × 12 months: sheet `Regnskap` (actuals pivot) and sheet `Budsjett` (budget pivot). */
export async function pivotWorkbook(lines: number, seed = lines): Promise<Uint8Array> {
  const rnd = random(seed);
  const labels: string[] = [];
  const budget: number[][] = [];
  const actual: number[][] = [];
  for (let i = 0; i < lines; i++) {
    labels.push(`${100000 + i} Enhet ${i + 1}`);
    const monthly = Math.round((20_000 + rnd() * 2_000_000) * 100);
    const b: number[] = [];
    const a: number[] = [];
    for (let m = 0; m < MONTHS; m++) {
      b.push(monthly);
      a.push(Math.round(monthly * (0.9 + rnd() * 0.2)));
    }
    budget.push(b);
    actual.push(a);
  }
  const wb = XlsxWorkbook.create('bench.xlsx');
  await wb.addPlainSheet({ name: 'Regnskap', cells: pivotCells(`Regnskap ${YEAR} (kr)`, labels, actual), columns: [{ col: 0, width: 28 }] });
  await wb.addPlainSheet({ name: 'Budsjett', cells: pivotCells(`Budsjett ${YEAR} (kr)`, labels, budget), columns: [{ col: 0, width: 28 }] });
  return wb.save();
}

// ---------------------------------------------------------------- measuring (in a child process)

type Mode = 'steps' | 'whole' | 'floor';

interface Shape {
  /** Positions and kinds of the follow-up sheet's cells, for the floor's sheet of the same size. */
  readonly cells: readonly { row: number; col: number; kind: 'n' | 's' | 'f' | 'x' }[];
  readonly widths: number;
}

interface ChildResult {
  readonly mode: Mode;
  readonly lines: number;
  /** Milliseconds per step (best of the repeats). */
  readonly ms: Record<string, number>;
  readonly maxRssMb: number;
  readonly modelLines?: number;
  readonly followUpCells?: number;
  readonly warnings?: number;
  readonly shape?: Shape;
}

function now(): number {
  return performance.now();
}

async function readAll(file: string): Promise<{ wb: XlsxWorkbook; grids: Grid[] }> {
  const wb = XlsxWorkbook.open(readWorkbookFile(file), path.basename(file));
  const sheets = await wb.listSheets();
  const grids: Grid[] = [];
  for (const s of peopleSheets(sheets)) grids.push(await wb.readSheet(s.name));
  return { wb, grids };
}

/** The pipeline, step by step, as generateFollowUp runs it. */
async function steps(file: string, out: string): Promise<{ ms: Record<string, number>; extra: Partial<ChildResult> }> {
  const ms: Record<string, number> = {};
  let t = now();
  const wb = XlsxWorkbook.open(readWorkbookFile(file), path.basename(file));
  const sheets = await wb.listSheets();
  const stored = await wb.readSettings();
  const config = mergeConfig(stored ? parseConfig(stored, 'settings') : null, {});
  const grids: Grid[] = [];
  for (const s of peopleSheets(sheets)) grids.push(await wb.readSheet(s.name));
  const pivots = await wb.listPivots();
  ms.read = now() - t;

  t = now();
  const rec = recognise(grids, {
    sources: config.sources ? [...config.sources] : undefined,
    measures: config.measures,
    language: null,
    pivotRanges: pivots.map((p) => ({ sheet: p.sheet, range: p.range })),
  });
  ms.recognise = now() - t;

  t = now();
  const model = buildFollowUp(rec, engineOptions(config, {}));
  ms.compute = now() - t;

  t = now();
  const out3 = layouts(model, sheets, '2024-05-06 08:00', config, null);
  ms.render = now() - t;

  t = now();
  for (const [layout, marker] of out3) await wb.writeSheet(layout, marker);
  const bytes = wb.save();
  writeFileAtomic(out, bytes);
  ms.write = now() - t;

  const follow = out3[0][0];
  const shape: Shape = {
    cells: follow.cells.map((c) => ({ row: c.row, col: c.col, kind: c.formula ? 'f' : typeof c.value === 'number' ? 'n' : typeof c.value === 'string' ? 's' : 'x' })),
    widths: follow.columns?.length ?? 0,
  };
  return { ms, extra: { modelLines: model.lines.length, followUpCells: follow.cells.length, warnings: model.warnings.length, shape } };
}

async function whole(file: string, out: string): Promise<Record<string, number>> {
  const t = now();
  let err = '';
  const code = await cliMain(['generate', file, '-o', out], { out: () => undefined, err: (s) => (err += s), now: () => new Date('2024-05-06T08:00:00Z') });
  if (code !== 0) throw new Error(`followup exited ${code}: ${err}`);
  return { whole: now() - t };
}

/** The floor's sheet: the follow-up sheet's cells, same positions and kinds, with nothing computed. */
function floorLayout(shape: Shape): SheetLayout {
  const cells: LayoutCell[] = shape.cells.map((c, i) =>
    c.kind === 'n'
      ? { row: c.row, col: c.col, value: (i * 7919) % 1000003, style: FMT }
      : c.kind === 'f'
        ? { row: c.row, col: c.col, value: i % 1000, formula: `D${c.row + 1}-E${c.row + 1}`, style: FMT }
        : c.kind === 's'
          ? { row: c.row, col: c.col, value: `Tekst ${i % 5000}` }
          : { row: c.row, col: c.col, value: null },
  );
  return { name: 'Floor', cells, columns: Array.from({ length: shape.widths }, (_, c) => ({ col: c, width: 14 })) };
}

async function floor(file: string, out: string, shape: Shape): Promise<Record<string, number>> {
  const layout = floorLayout(shape); // made before the clock starts: the floor computes nothing
  const t = now();
  const { wb } = await readAll(file);
  await wb.writeSheet(layout, 'followup');
  writeFileAtomic(out, wb.save());
  return { floor: now() - t };
}

function repeatsFor(lines: number): number {
  return lines <= 1000 ? 5 : lines <= 10000 ? 3 : 1;
}

async function child(mode: Mode, lines: number, file: string, shapeFile: string): Promise<void> {
  const out = path.join(path.dirname(file), `out-${mode}-${lines}.xlsx`);
  const best: Record<string, number> = {};
  let extra: Partial<ChildResult> = {};
  const shape = mode === 'floor' ? (JSON.parse(fs.readFileSync(shapeFile, 'utf8')) as Shape) : null;
  for (let r = 0; r < repeatsFor(lines); r++) {
    let ms: Record<string, number>;
    if (mode === 'steps') {
      const s = await steps(file, out);
      ms = s.ms;
      extra = s.extra;
    } else if (mode === 'whole') ms = await whole(file, out);
    else ms = await floor(file, out, shape as Shape);
    for (const [k, v] of Object.entries(ms)) best[k] = Math.min(best[k] ?? Infinity, v);
  }
  if (mode === 'steps' && extra.shape) fs.writeFileSync(shapeFile, JSON.stringify(extra.shape));
  const { shape: _s, ...rest } = extra;
  void _s;
  const result: ChildResult = { mode, lines, ms: best, maxRssMb: process.resourceUsage().maxRSS / 1024, ...rest };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------- the Excel adapter on its fake (when present)

interface ExcelCounts {
  readonly syncs: number;
  readonly largestRequest: number;
}

/**
 * The Excel adapter (src/workbook/excel) writing the follow-up sheet on its fake Excel: sync round
 * trips and the largest request. Only when both exist; else null (and the table says so).
 */
function excelAdapterCounts(): ((layout: SheetLayout) => Promise<ExcelCounts>) | null {
  return null;
}

// ---------------------------------------------------------------- the table (parent)

function runChild(mode: Mode, lines: number, file: string, shapeFile: string): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', mode, String(lines), file, shapeFile], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`bench child ${mode} ${lines} failed (${r.status}): ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

const f0 = (v: number): string => Math.round(v).toLocaleString('en-US');
const f1 = (v: number): string => v.toFixed(1);
const f2 = (v: number): string => v.toFixed(2);
const f3 = (v: number): string => v.toFixed(3);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function parent(sizes: readonly number[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-bench-'));
  const cpu = os.cpus();
  process.stdout.write(
    `Budget Follow-up benchmark — node ${process.version}, ${os.platform()} ${os.arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GB\n` +
      `Workbooks: actuals pivot + budget pivot, N lines × ${MONTHS} months each (compact pivot output, grand totals). Times in ms, best of ` +
      `5 (≤1,000 lines) / 3 (10,000) / 1 (50,000) runs; each mode in its own process.\n\n`,
  );
  const rows: string[][] = [];
  const memRows: string[][] = [];
  const excel = excelAdapterCounts();
  for (const n of sizes) {
    const file = path.join(dir, `bench-${n}.xlsx`);
    const t = now();
    fs.writeFileSync(file, await pivotWorkbook(n));
    const buildMs = now() - t;
    const shapeFile = path.join(dir, `shape-${n}.json`);
    const s = runChild('steps', n, file, shapeFile);
    const w = runChild('whole', n, file, shapeFile);
    const f = runChild('floor', n, file, shapeFile);
    if (s.modelLines !== n) process.stdout.write(`  note: ${n} lines in the sources, ${s.modelLines} in the follow-up\n`);
    const ms = s.ms;
    const stepSum = ms.read + ms.recognise + ms.compute + ms.render + ms.write;
    rows.push([
      f0(n),
      f0(ms.read),
      f0(ms.recognise),
      f0(ms.compute),
      f0(ms.render),
      f0(ms.write),
      f0(stepSum),
      f0(w.ms.whole),
      f0(f.ms.floor),
      f2(w.ms.whole / f.ms.floor),
      f3(w.ms.whole / n),
    ]);
    memRows.push([
      f0(n),
      f1(fs.statSync(file).size / 1e6),
      f0(s.followUpCells ?? 0),
      f0(s.warnings ?? 0),
      f0(w.maxRssMb),
      f0(f.maxRssMb),
      f0(s.maxRssMb),
      f0(buildMs),
    ]);
    process.stdout.write(`  ${f0(n)} lines done\n`);
  }
  process.stdout.write(
    '\n' +
      table(['lines', 'read', 'recognise', 'compute', 'render', 'write', 'steps Σ', 'whole', 'floor', 'whole/floor', 'ms/line'], rows) +
      '\n\n' +
      table(['lines', 'input MB', 'follow-up cells', 'warnings', 'peak RSS whole MB', 'peak RSS floor MB', 'peak RSS steps MB', 'build input ms'], memRows) +
      '\n\n' +
      'read = read file + open + listSheets + readSettings + readSheet of every sheet + listPivots; write = writeSheet ×3 + save + atomic file write.\n' +
      'whole = the command line main(); floor = read file, open, read every sheet, write one sheet the size of the follow-up sheet, save, write file.\n' +
      (excel ? '' : 'Excel adapter: src/workbook/excel/workbook.ts or its fake is not in this tree; sync round trips not measured.\n'),
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function entry(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') {
    await child(argv[1] as Mode, Number(argv[2]), argv[3], argv[4]);
    return;
  }
  const sizes = argv.length ? argv.map(Number).filter((n) => Number.isInteger(n) && n > 0) : [...SIZES];
  await parent(sizes);
}

if (require.main === module) {
  entry(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`bench: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
