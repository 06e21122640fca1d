/**
 * `npm run bench`: how long the follow-up takes at 100, 1,000, 10,000 and 50,000 lines × 12 months,
 * step by step, against the FLOOR — reading and writing the same workbook without computing anything.
 *
 * Each workbook has an actuals pivot and a budget pivot laid out as Excel writes pivot output (the
 * example workbooks' layout: data field, column labels, row labels, months, grand total row and
 * column). For each size, one child process times, taking turns:
 *   steps  read · recognise · compute · render · write, calling the pipeline's own functions in the
 *          order generateFollowUp calls them (the follow-up sheet's lines are made as the sheet is
 *          written, so making them counts in write, not render);
 *   whole  the command line's main() (read the file, generate, write the file atomically);
 *   floor  read the file, open, list and read every sheet, write the very sheets the command writes
 *          (rendered by the first `steps` run, every line's cells made, loaded before timing), save,
 *          write the file atomically:
 *          the same workbook in and out, with no recognising, computing or rendering;
 * and two more run whole and floor once each for their peak memory (max RSS). Times are the best of a
 * few repeats, each after a full garbage collection (so no run pays for the one before). The ratio
 * whole/floor is the median of each round's own ratio: on a shared machine a round's whole and floor
 * meet the same spell, while the best whole and the best floor may come from spells far apart (both
 * are printed). When the Excel adapter and its fake are in the tree, the steps also count the sync
 * round trips and the largest request of the adapter writing the follow-up sheet on the fake.
 * Nothing is asserted: this prints figures.
 *
 *   npm run build:cli && npm run bench            all sizes
 *   node dist/scripts/bench.js 100 1000           chosen sizes
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { main as cliMain } from '../src/cli/main';
import { mergeConfig, parseConfig } from '../src/core/config';
import { buildFollowUp } from '../src/core/engine/followup';
import type { Grid } from '../src/core/grid';
import { recognise } from '../src/core/read/recognise';
import { type CellStyle, type LayoutCell, type SheetLayout } from '../src/report/layout';
import { engineOptions, layouts, peopleSheets } from '../src/workbook/generate';
import { readWorkbookFile, writeFileAtomic } from '../src/workbook/xlsx/file';
import { XlsxWorkbook } from '../src/workbook/xlsx/workbook';
import { random } from './random';

export const SIZES = [100, 1000, 10000, 50000] as const;
const YEAR = 2024;
const MONTHS = 12;

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

type Mode = 'time' | 'mem-whole' | 'mem-floor';

/** The sheets the command writes, with their markers: what the floor writes (saved by the first timed run). */
type FloorSheets = readonly (readonly [SheetLayout, string])[];

interface ExcelCounts {
  readonly syncs: number;
  readonly largestRequestBytes: number;
  readonly ms: number;
}

interface ChildResult {
  readonly mode: Mode;
  readonly lines: number;
  /** Milliseconds per step (best of the repeats); `…Cpu` keys are CPU milliseconds (user + system). */
  readonly ms: Record<string, number>;
  readonly maxRssMb: number;
  /** The median of whole / floor over the rounds, each round's two runs taken one after the other. */
  readonly pairedRatio?: number;
  readonly modelLines?: number;
  readonly followUpCells?: number;
  readonly warnings?: number;
  readonly excel?: ExcelCounts | string;
}

function now(): number {
  return performance.now();
}

function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** The pipeline, step by step, as generateFollowUp runs it (same functions, same order). */
async function steps(file: string, out: string): Promise<{ ms: Record<string, number>; sheets: FloorSheets; modelLines: number; warnings: number }> {
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
  const sheetsOut = layouts(model, sheets, '2024-05-06 08:00', config, null);
  ms.render = now() - t;

  t = now();
  for (const [layout, marker] of sheetsOut) await wb.writeSheet(layout, marker);
  writeFileAtomic(out, wb.save());
  ms.write = now() - t;
  return { ms, sheets: sheetsOut, modelLines: model.lines.length, warnings: model.warnings.length };
}

async function whole(file: string, out: string): Promise<Record<string, number>> {
  const t = now();
  const c = process.cpuUsage();
  let err = '';
  const code = await cliMain(['generate', file, '-o', out], { out: () => undefined, err: (s) => (err += s), now: () => new Date('2024-05-06T08:00:00Z') });
  if (code !== 0) throw new Error(`followup exited ${code}: ${err}`);
  return { whole: now() - t, wholeCpu: cpuMs(c) };
}

/**
 * The sheets for the floor, kept as V8's structured clone: unlike JSON it keeps what the writer sees
 * of the rendered cells — their fields in the same order (absent ones as undefined, so the cells keep
 * the renderer's few shapes) and one shared object per style (the writer looks styles up by object).
 */
function saveFloorSheets(file: string, sheets: FloorSheets): void {
  fs.writeFileSync(file, v8.serialize(sheets));
}

function loadFloorSheets(file: string): FloorSheets {
  return v8.deserialize(fs.readFileSync(file)) as FloorSheets;
}

/**
 * Read the file, open, list and read every sheet, write the very sheets the command writes (rendered
 * beforehand, not timed), save, write the file: everything the command does but recognising,
 * computing and rendering.
 */
async function floor(file: string, out: string, sheetsOut: FloorSheets): Promise<Record<string, number>> {
  const t = now();
  const c = process.cpuUsage();
  const wb = XlsxWorkbook.open(readWorkbookFile(file), path.basename(file));
  const sheets = await wb.listSheets();
  for (const s of peopleSheets(sheets)) await wb.readSheet(s.name);
  for (const [layout, marker] of sheetsOut) await wb.writeSheet(layout, marker);
  writeFileAtomic(out, wb.save());
  return { floor: now() - t, floorCpu: cpuMs(c) };
}

/**
 * A full garbage collection before each timed run, so that no run pays for collecting what the one
 * before it left (the child runs with --expose-gc).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Repeats per size. 10,000 lines, where the target ratio is, gets ten: on a shared machine whole and
 * floor each need a quiet turn for their best to count, and six were often not enough.
 */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function repeatsFor(lines: number): number {
  return lines <= 1000 ? 7 : lines <= 10000 ? 10 : 2;
}

async function child(mode: Mode, lines: number, file: string, floorFile: string): Promise<void> {
  const out = path.join(path.dirname(file), `out-${mode}-${lines}.xlsx`);
  const best: Record<string, number> = {};
  const keep = (ms: Record<string, number>): void => {
    for (const [k, v] of Object.entries(ms)) best[k] = Math.min(best[k] ?? Infinity, v);
  };
  let result: Omit<ChildResult, 'maxRssMb' | 'ms'> = { mode, lines };
  const ratios: number[] = [];
  if (mode === 'time') {
    // Steps, whole and floor take turns, so that a busy machine slows them alike; the best of each counts.
    for (let r = 0; r < repeatsFor(lines); r++) {
      collectGarbage();
      const s = await steps(file, out);
      keep(s.ms);
      if (r === 0) {
        saveFloorSheets(floorFile, s.sheets);
        const follow = s.sheets[0][0];
        result = { ...result, modelLines: s.modelLines, followUpCells: follow.cells.length, warnings: s.warnings, excel: await excelWrite(follow) };
      }
      const floorSheets = loadFloorSheets(floorFile);
      // Whole and floor swap places every round: reading gets slower after a few runs in one process
      // (see README), and neither may always have the earlier, faster turn.
      const pair = [(): Promise<Record<string, number>> => whole(file, out), (): Promise<Record<string, number>> => floor(file, out, floorSheets)];
      const round: Record<string, number> = {};
      for (const run of r % 2 === 0 ? pair : [...pair].reverse()) {
        collectGarbage();
        Object.assign(round, await run());
      }
      keep(round);
      ratios.push(round.whole / round.floor);
    }
    result = { ...result, pairedRatio: median(ratios) };
  } else if (mode === 'mem-whole') keep(await whole(file, out));
  else keep(await floor(file, out, loadFloorSheets(floorFile)));
  process.stdout.write(`${JSON.stringify({ ...result, ms: best, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

// ---------------------------------------------------------------- the Excel adapter on its fake (when present)

interface FakeExcelLike {
  readonly run: unknown;
  readonly isSetSupported: unknown;
  readonly syncCount: number;
  readonly maxRequestBytes: number;
  resetCounters(): void;
  addSheet(name: string): unknown;
}
type FakeExcelClass = new () => FakeExcelLike;
type ExcelWorkbookClass = new (run: unknown, options: { isSetSupported: unknown }) => { writeSheet(layout: SheetLayout, marker: string): Promise<void> };

const ROOT = path.resolve(__dirname, '..', '..');
const EXCEL_ADAPTER = path.join(ROOT, 'src', 'workbook', 'excel', 'workbook.ts');
const FAKE_EXCEL = path.join(ROOT, 'test', 'workbook', 'excel', 'fake-excel.ts');

/**
 * The Excel adapter and the fake Excel its tests use, loaded from their TypeScript sources (they are
 * not part of the command line's build): a require hook transpiles .ts files as they are required.
 * A reason instead when they are not there or do not load.
 */
function loadExcel(): { Fake: FakeExcelClass; Adapter: ExcelWorkbookClass } | string {
  if (!fs.existsSync(EXCEL_ADAPTER) || !fs.existsSync(FAKE_EXCEL)) return 'src/workbook/excel/workbook.ts or test/workbook/excel/fake-excel.ts is not in this tree';
  try {
    const ts = require('typescript') as typeof import('typescript');
    const hooks = require.extensions as unknown as Record<string, (m: { _compile(code: string, file: string): void }, file: string) => void>;
    if (!hooks['.ts']) {
      hooks['.ts'] = (m, file) => {
        const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
          fileName: file,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
        });
        m._compile(out.outputText, file);
      };
    }
    const Fake = (require(FAKE_EXCEL) as { FakeExcel?: FakeExcelClass }).FakeExcel;
    const Adapter = (require(EXCEL_ADAPTER) as { ExcelWorkbook?: ExcelWorkbookClass }).ExcelWorkbook;
    if (!Fake || !Adapter) return 'the Excel adapter or its fake does not export FakeExcel / ExcelWorkbook';
    return { Fake, Adapter };
  } catch (e) {
    return `the Excel adapter or its fake did not load (${(e as Error).message.split('\n')[0]})`;
  }
}

/** Sync round trips and the largest request for the Excel adapter writing `layout` on the fake. */
async function excelWrite(layout: SheetLayout): Promise<ExcelCounts | string> {
  const excel = loadExcel();
  if (typeof excel === 'string') return excel;
  try {
    const fake = new excel.Fake();
    fake.addSheet('Ark1');
    const wb = new excel.Adapter(fake.run, { isSetSupported: fake.isSetSupported });
    fake.resetCounters();
    const t = now();
    await wb.writeSheet(layout, 'followup');
    return { syncs: fake.syncCount, largestRequestBytes: fake.maxRequestBytes, ms: now() - t };
  } catch (e) {
    return `the Excel adapter failed on its fake (${(e as Error).message.split('\n')[0]})`;
  }
}

// ---------------------------------------------------------------- the table (parent)

function runChild(mode: Mode, lines: number, file: string, floorFile: string): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', __filename, '--child', mode, String(lines), file, floorFile], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`bench child ${mode} ${lines} failed (${r.status}): ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

const f0 = (v: number): string => Math.round(v).toLocaleString('en-US');
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
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n` +
      `Workbooks: an actuals pivot and a budget pivot, N lines × ${MONTHS} months each (compact pivot output with grand totals).\n` +
      'Times in ms, best of 7 (≤1,000 lines), 10 (10,000) or 2 (50,000) runs taking turns in one process; peak memory from a process of its own.\n\n',
  );
  const rows: string[][] = [];
  const memRows: string[][] = [];
  const notes = new Set<string>();
  for (const n of sizes) {
    const file = path.join(dir, `bench-${n}.xlsx`);
    const t = now();
    fs.writeFileSync(file, await pivotWorkbook(n));
    const buildMs = now() - t;
    const floorFile = path.join(dir, `floor-sheets-${n}.v8`);
    const timed = runChild('time', n, file, floorFile);
    const mw = runChild('mem-whole', n, file, floorFile);
    const mf = runChild('mem-floor', n, file, floorFile);
    if (timed.modelLines !== n) notes.add(`${n} lines in the sources gave ${timed.modelLines} lines in the follow-up`);
    const ms = timed.ms;
    rows.push([
      f0(n),
      f0(ms.read),
      f0(ms.recognise),
      f0(ms.compute),
      f0(ms.render),
      f0(ms.write),
      f0(ms.whole),
      f0(ms.floor),
      f2(timed.pairedRatio ?? ms.whole / ms.floor),
      f2(ms.whole / ms.floor),
      f2(ms.wholeCpu / ms.floorCpu),
      f3(ms.whole / n),
    ]);
    const excel = timed.excel;
    if (typeof excel === 'string') notes.add(`Excel adapter: ${excel}; round trips not measured`);
    memRows.push([
      f0(n),
      (fs.statSync(file).size / 1e6).toFixed(1),
      f0(timed.followUpCells ?? 0),
      f0(mw.maxRssMb),
      f0(mf.maxRssMb),
      excel && typeof excel !== 'string' ? f0(excel.syncs) : '—',
      excel && typeof excel !== 'string' ? f0(excel.largestRequestBytes) : '—',
      excel && typeof excel !== 'string' ? f0(excel.ms) : '—',
      f0(buildMs),
    ]);
    process.stdout.write(`  ${f0(n)} lines done\n`);
  }
  process.stdout.write(
    '\n' +
      table(['lines', 'read', 'recognise', 'compute', 'render', 'write', 'whole', 'floor', 'whole/floor', 'best/best', 'best/best CPU', 'ms/line (whole)'], rows) +
      '\n\n' +
      table(['lines', 'input MB', 'follow-up cells', 'peak RSS whole MB', 'peak RSS floor MB', 'Excel syncs', 'Excel largest request B', 'Excel write ms', 'make input ms'], memRows) +
      '\n\n' +
      'read = read the file + open + listSheets + readSettings + readSheet of every sheet + listPivots; write = writeSheet ×3 (making the follow-up sheet\'s lines as it goes) + save + atomic file write.\n' +
      'whole = the command line main(); floor = read the file, open, read every sheet, write the sheets the command writes (rendered beforehand), save, write the file.\n' +
      'whole/floor = the median, over the rounds, of the round\'s whole over its floor (run one after the other, so a busy spell slows both);\n' +
      'best/best = the best whole over the best floor, which may come from rounds far apart; CPU = user + system time of the process (all threads).\n' +
      'Excel = the Excel adapter writing the follow-up sheet on its fake Excel (test/workbook/excel/fake-excel.ts): sync round trips, largest request.\n' +
      [...notes].map((x) => `note: ${x}\n`).join(''),
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
