/**
 * `npm run bench`: the time people wait for a follow-up. For each size (100, 2,000, 10,000 and 50,000
 * lines × 12 months of actuals and budget pivots), the command line's wall time from a cold start: a
 * fresh `node bin/followup.js generate` process per run, the real command on a generated workbook. And
 * the pane's generate time in the browser preview at 2,000 lines. Medians of a few runs, against the
 * goals (bench-report.ts); also the Excel adapter's round trips and largest request for the follow-up
 * sheet of each size, on its fake Excel. It exits non-zero only on an error, never because the machine
 * was slow: the figures are for people to read.
 *
 *   npm run bench                                   (builds the command line first)
 *   npm run bench -- --sizes 100,2000 --repeats 3 --no-pane
 *   npm run bench -- --readme                       also writes the table into README.md
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, excelWrite, followUpOf } from './bench-excel';
import { paneGenerateMs } from './bench-pane';
import { BenchUsageError, USAGE, parseOptions, report, withBenchBlock, type BenchOptions, type PaneResult, type SizeResult } from './bench-report';
import { pivotWorkbook } from './bench-workbook';

const BIN = path.join(ROOT, 'bin', 'followup.js');
/** GNU time, when installed, gives each run's CPU time and peak memory (node cannot ask for a child's). */
const GNU_TIME = '/usr/bin/time';

interface ColdRun {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly peakMb?: number;
}

/** CPU time and peak memory as GNU time wrote them (`%U %S %M`: seconds user, seconds system, KB). */
function gnuTimeOf(file: string): Omit<ColdRun, 'wallMs'> {
  const [user, system, kb] = fs.readFileSync(file, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  return [user, system, kb].every(Number.isFinite) ? { cpuMs: (user + system) * 1000, peakMb: kb / 1024 } : {};
}

/** One `followup generate` in a process of its own: node's start, loading the code, the whole command. */
function coldRun(file: string, out: string): ColdRun {
  const command = [BIN, 'generate', file, '-o', out];
  const timed = fs.existsSync(GNU_TIME);
  const times = `${out}.time`;
  const started = performance.now();
  const r = timed
    ? spawnSync(GNU_TIME, ['-o', times, '-f', '%U %S %M', process.execPath, ...command], { encoding: 'utf8', maxBuffer: 16 << 20 })
    : spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 16 << 20 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`followup generate ${path.basename(file)} exited ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  return { wallMs, ...(timed ? gnuTimeOf(times) : {}) };
}

async function measureSize(lines: number, repeats: number, dir: string): Promise<SizeResult> {
  const bytes = await pivotWorkbook(lines);
  const file = path.join(dir, `bench-${lines}.xlsx`);
  fs.writeFileSync(file, bytes);
  const runs: ColdRun[] = [];
  for (let i = 0; i < repeats; i++) runs.push(coldRun(file, path.join(dir, `out-${lines}.xlsx`)));
  // Then once in this process, untimed: the follow-up has a line per line of the sources (or the
  // workbook is not what the figures claim), and the Excel adapter's counts for its follow-up sheet.
  // After the timed runs, not before: this process's collector would still be at work on that
  // garbage on the second core while the command line ran.
  const followUp = await followUpOf(bytes);
  if (followUp.lines !== lines) throw new Error(`the ${lines}-line workbook gave ${followUp.lines} lines in the follow-up`);
  const excel = await excelWrite(followUp.sheet);
  const measured = (values: (number | undefined)[]): number[] | undefined => (values.every((v) => v !== undefined) ? (values as number[]) : undefined);
  return { lines, inputBytes: bytes.length, runsMs: runs.map((r) => r.wallMs), cpuMs: measured(runs.map((r) => r.cpuMs)), peakMb: measured(runs.map((r) => r.peakMb)), excel };
}

async function measurePane(lines: number, repeats: number): Promise<PaneResult | string> {
  const runs = await paneGenerateMs(ROOT, await pivotWorkbook(lines), repeats);
  return typeof runs === 'string' ? runs : { lines, runsMs: runs };
}

/** The machine and how busy it was (the 1-minute load average, sampled between the measurements). */
function machine(loads: readonly number[]): string {
  const cpu = os.cpus();
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  return (
    `${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ` +
    `node ${process.version}; load average ${load} while it ran (${cpu.length} cores).`
  );
}

async function bench(options: BenchOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-bench-'));
  const loads = [os.loadavg()[0]];
  const log = (text: string): boolean => process.stderr.write(`${text}\n`);
  try {
    const results: SizeResult[] = [];
    for (const lines of options.sizes) {
      results.push(await measureSize(lines, options.repeats, dir));
      loads.push(os.loadavg()[0]);
      log(`  ${lines.toLocaleString('en-US')} lines: command line measured`);
    }
    let pane: PaneResult | string | null = null;
    if (options.paneLines !== null) {
      pane = await measurePane(options.paneLines, options.repeats);
      loads.push(os.loadavg()[0]);
      log(`  ${options.paneLines.toLocaleString('en-US')} lines: pane ${typeof pane === 'string' ? `not measured: ${pane}` : 'measured'}`);
    }
    const text = report(results, pane, machine(loads), options.repeats);
    process.stdout.write(`\n${text}\n`);
    if (options.readme) {
      const readme = path.join(ROOT, 'README.md');
      fs.writeFileSync(readme, withBenchBlock(fs.readFileSync(readme, 'utf8'), text));
      log('README.md: table written');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): void {
  let options: BenchOptions;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  bench(options).catch((e: unknown) => {
    process.stderr.write(`bench: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}

main(process.argv.slice(2));
