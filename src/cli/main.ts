/**
 * `followup generate <workbook.xlsx> …` — the command line. A stable contract (README, "Command line"):
 * exit 0 on success (warnings printed), 1 on bad input with one line naming file, sheet and cell,
 * 2 on wrong usage. Never a stack trace for a user's mistake.
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { parseConfig, parsePeriod, type FollowUpConfig } from '../core/config';
import { FollowUpError, isFollowUpError } from '../core/errors';
import { FORECAST_METHODS, OUTPUT_LANGUAGES, type ForecastMethod, type OutputLanguage } from '../core/model';
import { jsonReportText } from '../report/json';
import { generateFollowUp } from '../workbook/generate';
import {
  checkWritable,
  deflatesDone,
  inputTarget,
  outputTarget,
  readRegularFile,
  readWorkbookFile,
  sameFile,
  writeFileAtomic,
  type FileTarget,
} from '../workbook/xlsx/file';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';
import { summaryLines, wroteLine } from './summary';
import { inFile } from './in-file';

// The PDF (LibreOffice, child processes) and the roll-up are loaded when asked for, not on every
// `generate`: a cold start loads only what the command runs.
const pdfModule = () => import('./pdf');
const rollupModule = () => import('./rollup');

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now?: () => Date;
}

const USAGE = `Usage: followup generate <workbook.xlsx> [-o <out.xlsx>] [--json <file|->] [--config <file.json>]
                         [--period YYYY-MM] [--lang nb|sv|en] [--forecast <method>] [--in-place]
                         [--pdf <file.pdf>]
       followup rollup <unit.xlsx> <unit.xlsx> … -o <area.xlsx>   (followup rollup --help)

Reads the workbook's actuals and budget (pivots and report tables), computes variances, forecasts and
measures, and writes the workbook with its follow-up sheets added.

  -o, --output <file>   where to write (default: next to the input, ending .followup.xlsx)
  --json <file|->       also write the follow-up as JSON (- for standard output)
  --config <file.json>  sources, measures, sign convention, forecast method, period (see README)
  --period YYYY-MM      report month (default: the last month with actuals)
  --lang nb|sv|en       language of the sheets (default: the workbook's)
  --forecast <method>   ${FORECAST_METHODS.join(' | ')}
  --in-place            write the follow-up sheets into the input workbook itself
  --pdf <file.pdf>      also write the committee summary and the follow-up sheet as PDF (needs LibreOffice)
  -h, --help            this text`;

class UsageError extends Error {
  /** The usage text printed with the message: the command's own. */
  constructor(
    message: string,
    readonly usage: string = USAGE,
  ) {
    super(message);
  }
}

interface Args {
  readonly input: string;
  readonly output: string;
  /** How the user named the workbook output, for messages: `-o`, `--in-place` or the default. */
  readonly outputFlag: string;
  readonly json: string | null;
  /** The committee's PDF to write, if asked for. */
  readonly pdf: string | null;
  readonly config: FollowUpConfig;
  /** The config file read, if any: no output may replace it either. */
  readonly configFile: string | null;
}

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm)$/i, '');
  const ext = /\.xlsm$/i.test(input) ? '.xlsm' : '.xlsx';
  return path.join(dir, `${base}.followup${ext}`);
}

function readConfigFile(file: string): FollowUpConfig {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(file);
  } catch (e) {
    if (isFollowUpError(e) && e.kind !== 'not-found') throw e;
    throw new FollowUpError('not-found', `${file}: cannot read the config file`);
  }
  return parseConfig(new TextDecoder().decode(bytes), file);
}

function parse(argv: readonly string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'string' },
        pdf: { type: 'string' },
        config: { type: 'string' },
        period: { type: 'string' },
        lang: { type: 'string' },
        forecast: { type: 'string' },
        'in-place': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return 'help';
  const [command, input, ...rest] = positionals;
  if (command !== 'generate') throw new UsageError(command ? `unknown command "${command}"` : 'missing command "generate"');
  if (!input) throw new UsageError('missing the workbook to read');
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (v['in-place'] && v.output) throw new UsageError('--in-place and -o cannot be used together');
  // A PDF is a file for the committee's papers, not a stream: "-" would be a file named "-".
  if (v.pdf === '-' || v.pdf === '') throw new UsageError('--pdf needs the name of the PDF file to write');
  let period: string | undefined;
  try {
    period = v.period === undefined ? undefined : parsePeriod(v.period, '--period');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const fileConfig = v.config ? readConfigFile(v.config) : {};
  const method = oneOf<ForecastMethod>('--forecast', v.forecast, FORECAST_METHODS);
  const config: FollowUpConfig = {
    ...fileConfig,
    period: period ?? fileConfig.period,
    language: oneOf<OutputLanguage>('--lang', v.lang, OUTPUT_LANGUAGES) ?? fileConfig.language,
    forecast: method ? { ...fileConfig.forecast, method } : fileConfig.forecast,
  };
  const outputFlag = v['in-place'] ? '--in-place' : v.output !== undefined ? '-o' : 'the default output';
  return {
    input,
    output: v['in-place'] ? input : (v.output ?? defaultOutput(input)),
    outputFlag,
    json: v.json ?? null,
    pdf: v.pdf ?? null,
    config,
    configFile: v.config ?? null,
  };
}

/**
 * Every file this run will write, resolved (symlinks, hard links) and checked before anything is read
 * or written: a folder that does not exist (found first), the workbook or config file being read
 * written over (the workbook only with --in-place), two outputs that are one file, and an output that
 * cannot be written (a folder, a pipe, a read-only file). Usage mistakes exit 2 naming both paths;
 * the rest are bad input (exit 1).
 */
function checkOutputs(args: Args): void {
  const input = inputTarget(args.input);
  const outputs: [string, FileTarget][] = [[args.outputFlag, outputTarget(args.output)]];
  if (args.json !== null && args.json !== '-') outputs.push(['--json', outputTarget(args.json)]);
  if (args.pdf !== null) outputs.push(['--pdf', outputTarget(args.pdf)]);
  for (const [flag, out] of outputs) {
    if (flag !== '--in-place' && sameFile(out, input)) {
      throw new UsageError(
        flag === '--json' || flag === '--pdf'
          ? `${flag} "${out.given}" is the workbook being read ("${args.input}"); the ${flag === '--pdf' ? 'PDF' : 'JSON'} would replace it — name another file`
          : `${flag} "${out.given}" is the workbook being read ("${args.input}"); use --in-place to write into it, or name another file`,
      );
    }
    if (args.configFile !== null && sameFile(out, inputTarget(args.configFile))) {
      throw new UsageError(`${flag} "${out.given}" is the config file being read ("${args.configFile}"); name another file`);
    }
  }
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      const [fa, a] = outputs[i];
      const [fb, b] = outputs[j];
      if (sameFile(a, b)) throw new UsageError(`${fa} "${a.given}" and ${fb} "${b.given}" are the same file; name two different files`);
    }
  }
  for (const [, out] of outputs) checkWritable(out);
}

async function run(args: Args, io: Io): Promise<void> {
  checkOutputs(args);
  const bytes = readWorkbookFile(args.input);
  const wb = XlsxWorkbook.open(bytes, path.basename(args.input));
  const now = (io.now ?? (() => new Date()))();
  const result = await inFile(args.input, () => generateFollowUp(wb, { config: args.config, generatedAt: now.toISOString().slice(0, 16).replace('T', ' ') }));
  // Both made before either is written: a failure making one leaves no file half done.
  await deflatesDone();
  const workbook = wb.save();
  const json = args.json === null ? null : jsonReportText(result.model);
  const pdf = args.pdf === null ? null : (await pdfModule()).printToPdf(workbook, result.printed ?? [], result.model.language);
  writeFileAtomic(args.output, workbook);
  if (pdf !== null) writeFileAtomic(args.pdf as string, pdf);
  if (json !== null) {
    if (args.json === '-') io.out(json);
    else writeFileAtomic(args.json as string, new TextEncoder().encode(json));
  }
  const say = args.json === '-' ? io.err : io.out;
  const lines = summaryLines(result.model, args.output, result.sheets);
  if (args.pdf !== null) lines.splice(1, 0, wroteLine(result.model.language, args.pdf, result.printed ?? []));
  say(lines.join('\n') + '\n');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'rollup') {
      const { parseRollup, ROLLUP_USAGE, runRollup } = await rollupModule();
      const rollupUsage = (message: string): never => {
        throw new UsageError(message, ROLLUP_USAGE);
      };
      const rollup = parseRollup(argv.slice(1), rollupUsage);
      if (rollup === 'help') io.out(ROLLUP_USAGE + '\n');
      else await runRollup(rollup, io, rollupUsage);
      return 0;
    }
    const args = parse(argv);
    if (args === 'help') {
      io.out(USAGE + '\n');
      return 0;
    }
    await run(args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`followup: ${e.message}\n\n${e.usage}\n`);
      return 2;
    }
    // Exit 2 is for the command line's usage only: whatever a workbook holds is bad input (exit 1).
    if (isFollowUpError(e)) {
      io.err(`followup: ${e.message}\n`);
      return 1;
    }
    // Not the user's mistake: say so plainly, and keep the details for a bug report.
    io.err(`followup: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the workbook if you can)\n`);
    if (process.env.FOLLOWUP_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
