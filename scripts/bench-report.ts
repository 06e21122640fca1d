/**
 * What `npm run bench` is asked and what it says: its options, the goals and whether the figures meet
 * them, the table, and the table's place in README.md. No measuring here (see bench.ts), so that all
 * of it can be tested without timing anything.
 */

export const SIZES: readonly number[] = [100, 2000, 10000, 50000];
export const PANE_LINES = 2000;
export const REPEATS = 5;

/** Cold command line goals: the wall time people wait, at the sizes a municipality has and beyond. */
export const COLD_GOALS: readonly { readonly lines: number; readonly ms: number }[] = [
  { lines: 2000, ms: 1000 },
  { lines: 10000, ms: 3000 },
];
/** Linear beyond 10,000 lines: time per line at 50,000 at most this many times that at 10,000 (room for a shared machine's noise). */
export const LINEAR = { from: 10000, to: 50000, atMost: 1.2 } as const;

export const README_BEGIN = '<!-- bench:begin (npm run bench -- --readme rewrites this block) -->';
export const README_END = '<!-- bench:end -->';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Runs per figure; the median counts. */
  readonly repeats: number;
  /** Lines of the workbook the pane generates in the browser preview, or null to leave the pane out. */
  readonly paneLines: number | null;
  /** Rewrite README.md's table with the figures. */
  readonly readme: boolean;
}

export const USAGE = `Usage: npm run bench -- [--sizes 100,2000,10000,50000] [--repeats ${REPEATS}] [--pane-lines ${PANE_LINES} | --no-pane] [--readme]
  --sizes       workbook sizes (lines × 12 months) the command line generates, each in a fresh process
  --repeats     runs per figure; the median counts (default ${REPEATS})
  --pane-lines  lines of the workbook the pane generates in the browser preview (default ${PANE_LINES})
  --no-pane     leave the browser preview out
  --readme      write the table into README.md (between its bench markers)`;

export class BenchUsageError extends Error {}

function wholeNumbers(flag: string, text: string | undefined): number[] {
  const parts = (text ?? '').split(',').map((p) => p.trim().replace(/_/g, ''));
  if (parts.some((p) => !/^[1-9]\d*$/.test(p))) throw new BenchUsageError(`${flag} takes whole numbers above 0, comma-separated (got "${text ?? ''}")`);
  return parts.map(Number);
}

function oneWholeNumber(flag: string, text: string | undefined): number {
  const values = wholeNumbers(flag, text);
  if (values.length !== 1) throw new BenchUsageError(`${flag} takes one whole number (got "${text}")`);
  return values[0];
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  let sizes = SIZES;
  let repeats = REPEATS;
  let paneLines: number | null = PANE_LINES;
  let readme = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--sizes') sizes = wholeNumbers(flag, argv[++i]);
    else if (flag === '--repeats') repeats = oneWholeNumber(flag, argv[++i]);
    else if (flag === '--pane-lines') paneLines = oneWholeNumber(flag, argv[++i]);
    else if (flag === '--no-pane') paneLines = null;
    else if (flag === '--readme') readme = true;
    else throw new BenchUsageError(`unknown option "${flag}"`);
  }
  return { sizes, repeats, paneLines, readme };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** What the Excel adapter does writing the follow-up sheet on the fake Excel its tests use. */
export interface ExcelCounts {
  readonly syncs: number;
  readonly largestRequestBytes: number;
}

export interface SizeResult {
  readonly lines: number;
  readonly inputBytes: number;
  /** Wall time of each cold command line run, in ms. */
  readonly runsMs: readonly number[];
  /** CPU time (user + system) of each run, in ms, when it could be measured: what a busy machine inflates least. */
  readonly cpuMs?: readonly number[];
  /** Peak memory (resident) of each run, in MB, when it could be measured. */
  readonly peakMb?: readonly number[];
  /** The Excel adapter's counts, or why they were not measured. */
  readonly excel: ExcelCounts | string;
}

export interface PaneResult {
  readonly lines: number;
  /** From the click on "Generate follow-up" to the result on screen, each run in a fresh page, in ms. */
  readonly runsMs: readonly number[];
}

export interface Verdict {
  readonly goal: string;
  /** What was measured, or why nothing was. */
  readonly measured: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

const f0 = (v: number): string => Math.round(v).toLocaleString('en-US');
const f2 = (v: number): string => v.toFixed(2);
const perLine = (r: SizeResult): number => median(r.runsMs) / r.lines;

function bytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`;
}

function coldVerdict(results: readonly SizeResult[], goal: { readonly lines: number; readonly ms: number }): Verdict {
  const text = `${f0(goal.lines)} lines, command line from a cold start, at most ${f0(goal.ms)} ms`;
  const r = results.find((x) => x.lines === goal.lines);
  if (!r) return { goal: text, measured: `not measured (add ${goal.lines} to --sizes)`, met: null };
  const ms = median(r.runsMs);
  return { goal: text, measured: `${f0(ms)} ms`, met: ms <= goal.ms };
}

function linearVerdict(results: readonly SizeResult[]): Verdict {
  const text = `linear beyond ${f0(LINEAR.from)} lines: time per line at ${f0(LINEAR.to)} at most ×${LINEAR.atMost} that at ${f0(LINEAR.from)}`;
  const from = results.find((x) => x.lines === LINEAR.from);
  const to = results.find((x) => x.lines === LINEAR.to);
  if (!from || !to) return { goal: text, measured: `not measured (add ${LINEAR.from} and ${LINEAR.to} to --sizes)`, met: null };
  const ratio = perLine(to) / perLine(from);
  return { goal: text, measured: `${f2(perLine(to))} against ${f2(perLine(from))} ms per line (×${f2(ratio)})`, met: ratio <= LINEAR.atMost };
}

/** The pane is held to the 2,000-line goal too: it is where most people wait for a follow-up. */
function paneVerdict(pane: PaneResult | string | null): Verdict | null {
  const goal = COLD_GOALS.find((g) => g.lines === PANE_LINES);
  if (pane === null || !goal) return null;
  const text = `${f0(goal.lines)} lines, the pane's generate in the browser preview, at most ${f0(goal.ms)} ms`;
  if (typeof pane === 'string') return { goal: text, measured: `not measured (${pane})`, met: null };
  if (pane.lines !== goal.lines) return { goal: text, measured: `not measured (the pane ran ${f0(pane.lines)} lines)`, met: null };
  const ms = median(pane.runsMs);
  return { goal: text, measured: `${f0(ms)} ms`, met: ms <= goal.ms };
}

export function verdicts(results: readonly SizeResult[], pane: PaneResult | string | null): Verdict[] {
  const all = [...COLD_GOALS.map((g) => coldVerdict(results, g)), linearVerdict(results), paneVerdict(pane)];
  return all.filter((v): v is Verdict => v !== null);
}

/** A Markdown table: the second column (words) to the left, the figures to the right. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 1 ? ':---' : '---:'))), ...rows.map(line)].join('\n');
}

function sizeRow(r: SizeResult): string[] {
  const excel = typeof r.excel === 'string' ? ['—', '—'] : [f0(r.excel.syncs), bytes(r.excel.largestRequestBytes)];
  const cpu = r.cpuMs ? f0(median(r.cpuMs)) : '—';
  const peak = r.peakMb ? f0(Math.max(...r.peakMb)) : '—';
  return [f0(r.lines), 'command line, cold', f0(median(r.runsMs)), spread(r.runsMs), f2(perLine(r)), cpu, peak, bytes(r.inputBytes), ...excel];
}

const spread = (ms: readonly number[]): string => `${f0(Math.min(...ms))}–${f0(Math.max(...ms))}`;

function paneRow(p: PaneResult): string[] {
  return [f0(p.lines), 'pane, browser preview', f0(median(p.runsMs)), spread(p.runsMs), f2(median(p.runsMs) / p.lines), '—', '—', '', '—', '—'];
}

const mark = (met: boolean | null): string => (met === null ? '–' : met ? 'met' : 'NOT MET');

/** The table and the goals, in Markdown (it reads as plain text too). `machine`: where and how loaded. */
export function report(results: readonly SizeResult[], pane: PaneResult | string | null, machine: string, repeats: number): string {
  const rows = [...results.map(sizeRow), ...(pane && typeof pane !== 'string' ? [paneRow(pane)] : [])];
  const head = ['lines', 'what', 'ms (median)', 'fastest–slowest', 'ms per line', 'CPU ms', 'peak MB', 'input', 'Excel syncs', 'largest Excel request'];
  const goals = verdicts(results, pane).map((v) => `- ${mark(v.met)}: ${v.goal}: ${v.measured}`);
  return [
    `Wall time, median of ${repeats} runs (CPU: user + system, median; peak: the largest resident memory). ${machine}`,
    '',
    table(head, rows),
    '',
    'Goals:',
    ...goals,
    ...results.filter((r) => typeof r.excel === 'string').map((r) => `- Excel counts at ${f0(r.lines)} lines not measured: ${r.excel as string}`),
  ].join('\n');
}

/** README.md with the block between the bench markers replaced by `block`; the rest as it was. */
export function withBenchBlock(readme: string, block: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no bench block (the lines ${README_BEGIN} … ${README_END})`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n${block}\n${readme.slice(end)}`;
}
