/**
 * `followup rollup <a.xlsx> <b.xlsx> … -o <area.xlsx>` — one follow-up for an area made of its units'
 * workbooks: a group per unit, the units' lines and people's text, the area's total, each figure
 * linked back to its unit's follow-up sheet. Same exit codes as `generate` (README, "Command line").
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { parsePeriod, type FollowUpConfig } from '../core/config';
import { FORECAST_METHODS, OUTPUT_LANGUAGES, type ForecastMethod, type OutputLanguage } from '../core/model';
import { jsonReportText } from '../report/json';
import { rollUpWorkbooks, type UnitWorkbook } from '../workbook/rollup';
import { checkWritable, deflatesDone, inputTarget, outputTarget, readWorkbookFile, sameFile, writeFileAtomic, type FileTarget } from '../workbook/xlsx/file';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';
import { inFile } from './in-file';
import { summaryLines } from './summary';

export const ROLLUP_USAGE = `Usage: followup rollup <unit.xlsx> <unit.xlsx> … -o <area.xlsx> [--json <file|->]
                       [--period YYYY-MM] [--lang nb|sv|en] [--forecast <method>] [--title <text>]

Reads each unit's workbook as generate does and writes one workbook for the area: a group of lines
per unit (named by the title in its settings, else its file name), the units' people's text, the
area's total, and each figure linked to its cell on the unit's follow-up sheet (generate each unit
first; the links' values are kept, so the area opens without the units' files). Units must be for
the same period, year, sign convention and unit of amounts. The first unit that cannot be read
stops the roll-up, naming its file, and nothing is written.

  -o, --output <file>   the area's workbook (required; a new file, never one of the units)
  --json <file|->       also write the area's follow-up as JSON (- for standard output)
  --period YYYY-MM      report month for every unit (default: each unit's last month with actuals)
  --lang nb|sv|en       language of the area's sheets (default: the first unit's)
  --forecast <method>   ${FORECAST_METHODS.join(' | ')}
  --title <text>        the area's name on its sheets
  -h, --help            this text`;

export interface RollupArgs {
  readonly units: readonly string[];
  readonly output: string;
  readonly json: string | null;
  readonly config: FollowUpConfig;
}

type Fail = (message: string) => never;

function oneOf<T extends string>(fail: Fail, flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
  return fail(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
}

/** The command's arguments after `rollup`; `fail` throws the command line's usage error. */
export function parseRollup(argv: readonly string[], fail: Fail): RollupArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'string' },
        period: { type: 'string' },
        lang: { type: 'string' },
        forecast: { type: 'string' },
        title: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values: v, positionals: units } = parsed;
  if (v.help) return 'help';
  if (units.length === 0) fail("missing the units' workbooks to roll up");
  if (v.output === undefined) fail('missing -o <area.xlsx>: the roll-up writes a new workbook');
  let period: string | undefined;
  try {
    period = v.period === undefined ? undefined : parsePeriod(v.period, '--period');
  } catch (e) {
    fail((e as Error).message);
  }
  const method = oneOf<ForecastMethod>(fail, '--forecast', v.forecast, FORECAST_METHODS);
  const config: FollowUpConfig = {
    period,
    language: oneOf<OutputLanguage>(fail, '--lang', v.lang, OUTPUT_LANGUAGES),
    forecast: method ? { method } : undefined,
    title: v.title,
  };
  return { units, output: v.output as string, json: v.json ?? null, config };
}

/**
 * Before anything is read: each unit given once, no output over a unit or over the other output, and
 * every output writable. Usage mistakes go to `fail` (exit 2); the rest are bad input (exit 1).
 */
function checkFiles(args: RollupArgs, fail: Fail): void {
  const units = args.units.map(inputTarget);
  units.forEach((u, i) => {
    const twice = units.findIndex((v, j) => j < i && sameFile(u, v));
    if (twice >= 0) fail(`"${args.units[i]}" and "${args.units[twice]}" are the same workbook; give each unit once`);
  });
  const outputs: [string, FileTarget][] = [['-o', outputTarget(args.output)]];
  if (args.json !== null && args.json !== '-') outputs.push(['--json', outputTarget(args.json)]);
  for (const [flag, out] of outputs) {
    const unit = units.findIndex((u) => sameFile(out, u));
    if (unit >= 0) fail(`${flag} "${out.given}" is the unit workbook "${args.units[unit]}"; the roll-up never writes into a unit — name another file`);
  }
  if (outputs.length === 2 && sameFile(outputs[0][1], outputs[1][1]))
    fail(`-o "${args.output}" and --json "${args.json}" are the same file; name two different files`);
  for (const [, out] of outputs) checkWritable(out);
}

/** Where the area's links find a unit: its path from the area's folder, with forward slashes as the file format wants. */
function linkTarget(output: string, unit: string): string {
  return path
    .relative(path.dirname(path.resolve(output)), path.resolve(unit))
    .split(path.sep)
    .join('/');
}

export async function runRollup(args: RollupArgs, io: { out: (t: string) => void; err: (t: string) => void; now?: () => Date }, fail: Fail): Promise<void> {
  checkFiles(args, fail);
  const units: UnitWorkbook[] = args.units.map((file) => ({
    file: path.basename(file),
    target: linkTarget(args.output, file),
    wb: XlsxWorkbook.open(readWorkbookFile(file), path.basename(file)),
  }));
  const area = XlsxWorkbook.create(path.basename(args.output));
  const now = (io.now ?? (() => new Date()))();
  const paths = new Map(units.map((u, i) => [u, args.units[i]]));
  const result = await rollUpWorkbooks(units, area, {
    config: args.config,
    generatedAt: now.toISOString().slice(0, 16).replace('T', ' '),
    inUnit: (unit, work) => inFile(paths.get(unit) as string, work),
  });
  // Both made before either is written: a failure making one leaves no file half done.
  await deflatesDone();
  const workbook = area.save();
  const json = args.json === null ? null : jsonReportText(result.model);
  writeFileAtomic(args.output, workbook);
  if (json !== null) {
    if (args.json === '-') io.out(json);
    else writeFileAtomic(args.json as string, new TextEncoder().encode(json));
  }
  const say = args.json === '-' ? io.err : io.out;
  say(summaryLines(result.model, args.output, result.sheets).join('\n') + '\n');
}
