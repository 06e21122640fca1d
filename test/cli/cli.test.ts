/**
 * The command line as automation and our acceptance checks use it: real workbooks in, a workbook and
 * JSON out, exit codes 0 / 1 / 2, one-line messages and never a stack trace.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { runCli as run } from '../robustness/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures');
const DRAMMEN = path.join(FIXTURES, 'no-drammen-p06-2022-02.xlsx');
const LEDGER = path.join(FIXTURES, 'lo-real-pivot-ledger.xlsx');
const EXAMPLE_NB = path.join(ROOT, 'examples', 'helse-og-omsorg-2024-04.xlsx');
const EXAMPLE_SV = path.join(ROOT, 'examples', 'vard-och-omsorg-2024-04.xlsx');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function copy(file: string, name = path.basename(file)): string {
  const to = path.join(dir, name);
  fs.copyFileSync(file, to);
  fs.chmodSync(to, 0o644); // the shared fixtures are read-only, and --in-place refuses a read-only file
  return to;
}

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

interface JsonLine {
  key: string;
  name: string;
  actual: string | null;
  budget: string | null;
  variance: string | null;
  priorYearActual: string | null;
  forecast: string | null;
  forecastMethod: string | null;
}

describe('followup generate on the Drammen workbook', () => {
  it('writes the follow-up next to the input and leaves the input as it was', async () => {
    const input = copy(DRAMMEN);
    const before = sha(input);
    const r = await run('generate', input);
    expect(r.code).toBe(0);
    const output = path.join(dir, 'no-drammen-p06-2022-02.followup.xlsx');
    expect(fs.existsSync(output)).toBe(true);
    expect(sha(input)).toBe(before);
    expect(r.out).toContain(output);
    const sheets = (await XlsxWorkbook.open(fs.readFileSync(output)).listSheets()).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(['Regnskap', 'Tiltak', 'Ramme', 'Oppfølging 2022-02', 'Kontroller 2022-02']));
  });

  it('prints the JSON report to standard output with exact figures (DOMAIN.md)', async () => {
    const r = await run('generate', copy(DRAMMEN), '--json', '-');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      period: string;
      signConvention: string;
      lines: JsonLine[];
      total: Record<string, string | null>;
      measures: { totalThisYear: string; unquantified: string[]; unit: string; gap: { amount: string; uncovered: string } };
      sources: { range: string; role: string; kind: string }[];
      warnings: { code: string; cell: string | null; message: string }[];
    };
    expect(report.period).toBe('2022-02');
    const lonn = report.lines.find((l) => l.key === '1');
    expect(lonn).toMatchObject({ name: 'LØNN', actual: '150756008', priorYearActual: '147910283.6', budget: null, variance: null });
    expect(report.total.actual).toBe('152663978.2');
    expect(report.total.priorYearActual).toBe('152183795.2');
    expect(report.lines.map((l) => l.name)).not.toContain('Totalsum');
    expect(report.measures.totalThisYear).toBe('55');
    expect(report.measures.unit).toBe('mkr');
    // last year's accounts 1 113 438 321 kr against the 2022 frame 1 000 712 000 kr
    expect(report.measures.gap.amount).toBe('112.726321');
    expect(report.sources.map((s) => [s.range, s.role, s.kind])).toEqual([
      ['Regnskap!A3:D9', 'prior-actual', 'pivot'],
      ['Regnskap!F3:I9', 'actual', 'pivot'],
    ]);
    // the summary goes to standard error when standard output carries the JSON
    expect(r.err).toContain('Oppfølging 2022-02');
    expect(report.warnings.find((w) => w.code === 'measures-total-mismatch')?.cell).toBe('Ramme!B5');
  });

  it('writes the report in the asked language and to a JSON file', async () => {
    const json = path.join(dir, 'out.json');
    const r = await run('generate', copy(DRAMMEN), '-o', path.join(dir, 'ut.xlsx'), '--json', json, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Wrote');
    expect(r.out).toContain('No budget was found');
    const sheets = (await XlsxWorkbook.open(fs.readFileSync(path.join(dir, 'ut.xlsx'))).listSheets()).map((s) => s.name);
    expect(sheets).toContain('Follow-up 2022-02');
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).warnings[0].message).toMatch(/No budget/);
  });
});

describe('followup generate on the example workbooks', () => {
  it('Norwegian: budget against actuals by unit, forecasts and measures', async () => {
    const r = await run('generate', copy(EXAMPLE_NB), '--json', '-', '--forecast', 'deviation-run-rate');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.period).toBe('2024-04');
    expect(report.unit).toBe('kr');
    expect(report.lines).toHaveLength(7);
    const nord = report.lines.find((l: JsonLine) => l.key === '3100');
    expect(nord.name).toBe('Hjemmetjenesten Nord');
    expect(nord.forecastMethod).toBe('deviation-run-rate');
    // variance = budget − actual (costs positive), and the lines add up to the total
    const sum = report.lines.reduce((t: number, l: { variance: string }) => t + Math.round(Number(l.variance) * 100), 0);
    expect(sum).toBe(Math.round(Number(report.total.variance) * 100));
    expect(report.measures.unquantified).toEqual(['Gjennomgang av vedtak om praktisk bistand']);
  });

  it('Swedish: tkr, Swedish pivot words and sheets', async () => {
    const r = await run('generate', copy(EXAMPLE_SV), '--json', '-');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.unit).toBe('tkr');
    expect(report.lines.map((l: JsonLine) => l.key)).toEqual(['512', '520', '521', '530', '540', '550']);
    expect(r.err).toContain('Uppföljning 2024-04');
  });

  it('--period chooses an earlier month', async () => {
    const r = await run('generate', copy(EXAMPLE_NB), '--json', '-', '--period', '2024-02');
    expect(JSON.parse(r.out).period).toBe('2024-02');
  });
});

describe('nothing lost', () => {
  function parts(file: string): Record<string, Uint8Array> {
    return unzipSync(fs.readFileSync(file));
  }

  it.each([
    ['-o', false],
    ['--in-place', true],
  ])('%s keeps every part of a workbook with a pivot table, a chart and a defined name', async (_flag, inPlace) => {
    const input = copy(LEDGER);
    const before = parts(input);
    const output = inPlace ? input : path.join(dir, 'out.xlsx');
    const r = await run('generate', input, ...(inPlace ? ['--in-place'] : ['-o', output]));
    expect(r.code).toBe(0);
    const after = parts(output);
    const edited = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
    for (const [name, bytes] of Object.entries(before)) {
      expect(after[name]).toBeDefined();
      if (!edited.has(name)) expect(Buffer.from(after[name]).equals(Buffer.from(bytes))).toBe(true);
    }
    const workbookXml = Buffer.from(after['xl/workbook.xml']).toString('utf8');
    expect(workbookXml).toContain('<pivotCache ');
    expect(workbookXml).toMatch(/definedName[^>]*name="Ledger"/);
    expect(Object.keys(after)).toEqual(expect.arrayContaining(['xl/pivotTables/pivotTable1.xml', 'xl/charts/chart1.xml']));
  });
});

describe('errors a user can act on', () => {
  it.each([
    [['generate'], /missing the workbook/],
    [[], /missing command "generate"/],
    [['make', 'x.xlsx'], /unknown command "make"/],
    [['generate', 'x.xlsx', '--colour'], /Unknown option '--colour'/],
    [['generate', 'x.xlsx', '--period', '2024-3'], /"2024-3" is not a month/],
    [['generate', 'x.xlsx', '--forecast', 'guess'], /--forecast must be one of budget-profile/],
    [['generate', 'x.xlsx', '--lang', 'fi'], /--lang must be one of nb, sv, en/],
    [['generate', 'x.xlsx', '--in-place', '-o', 'y.xlsx'], /cannot be used together/],
  ])('wrong usage %j exits 2 with the usage', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: followup generate');
  });

  it('a missing workbook exits 1 naming the file', async () => {
    const r = await run('generate', path.join(dir, 'nope.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('nope.xlsx');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a file that is not a workbook exits 1 naming the file, without a stack trace', async () => {
    const bad = path.join(dir, 'budget.xlsx');
    fs.writeFileSync(bad, 'Ansvar;Beløp\n100;5\n');
    const r = await run('generate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('budget.xlsx');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, 'budget.followup.xlsx'))).toBe(false);
  });

  it('a config naming a sheet that does not exist exits 1 naming the range', async () => {
    const cfg = path.join(dir, 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ sources: [{ range: "'Budsjett 2024'!A1:N13", role: 'budget' }] }));
    const r = await run('generate', copy(DRAMMEN), '--config', cfg);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^followup: no-drammen-p06-2022-02\.xlsx: .*Budsjett 2024/);
  });

  it('a config with a wrong value exits 1 saying which and what is allowed', async () => {
    const cfg = path.join(dir, 'cfg.json');
    fs.writeFileSync(cfg, '{"signConvention": "sideways"}');
    const r = await run('generate', copy(DRAMMEN), '--config', cfg);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cfg\.json: "signConvention" must be one of auto, costs-positive, costs-negative/);
  });

  it('--config "columns" and "unit" correct the reading of a source, by header text or letter', async () => {
    const cfg = path.join(dir, 'cfg.json');
    const range = "'Rapport T1'!A3:E10";
    fs.writeFileSync(cfg, JSON.stringify({ sources: [{ range, columns: { Avvikelse: 'ignored', E: 'ignored' }, unit: 'mkr' }] }));
    const r = await run('generate', copy(EXAMPLE_SV), '--config', cfg, '--json', '-');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.unit).toBe('mkr');
    expect(report.sources).toHaveLength(1);
    const columns = report.sources[0].columns;
    expect(columns.map((c: { column: string; role: string }) => [c.column, c.role])).toEqual([
      ['A', 'label'],
      ['B', 'budget'],
      ['C', 'actual'],
      ['D', 'ignored'],
      ['E', 'ignored'],
    ]);
    // The typed-in variances are not read, so none is checked: D7's typo goes unremarked.
    expect(report.warnings.filter((w: { code: string }) => /variance/.test(w.code))).toEqual([]);
  });

  it('an explicit mapping in --config overrides detection', async () => {
    const cfg = path.join(dir, 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ sources: [{ range: 'Regnskap!F3:I9', role: 'actual' }], signConvention: 'costs-negative' }));
    const r = await run('generate', copy(DRAMMEN), '--config', cfg, '--json', '-');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.sources).toHaveLength(1);
    expect(report.signConvention).toBe('costs-negative');
    expect(report.lines[0].priorYearActual).toBeNull();
  });
});

describe('the installed command', () => {
  const bin = path.join(ROOT, 'bin', 'followup.js');
  const built = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'));
  (built ? it : it.skip)('runs as `followup` with exit codes for the shell', () => {
    const ok = spawnSync(process.execPath, [bin, 'generate', copy(DRAMMEN), '-o', path.join(dir, 'o.xlsx')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Oppfølging 2022-02');
    const usage = spawnSync(process.execPath, [bin, 'generate'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    const bad = spawnSync(process.execPath, [bin, 'generate', path.join(dir, 'missing.xlsx')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('Usage: followup generate');
    // The roll-up is loaded only when asked for: it is there in whichever build runs.
    expect(execFileSync(process.execPath, [bin, 'rollup', '--help'], { encoding: 'utf8' })).toContain('Usage: followup rollup');
  });

  /** A copy of bin/followup.js beside two stand-in builds that each say which one ran. */
  function binWithBuilds(): { bin: string; bundle: string; compiled: string } {
    const at = (...p: string[]) => path.join(dir, ...p);
    fs.mkdirSync(at('bin'));
    fs.mkdirSync(at('dist', 'src', 'cli'), { recursive: true });
    fs.copyFileSync(bin, at('bin', 'followup.js'));
    const build = (file: string, name: string) => {
      fs.writeFileSync(file, `exports.main = async () => { process.stdout.write(${JSON.stringify(name)}); return 0; };`);
      return file;
    };
    return {
      bin: at('bin', 'followup.js'),
      bundle: build(at('dist', 'followup.js'), 'one file'),
      compiled: build(at('dist', 'src', 'cli', 'main.js'), "tsc's output"),
    };
  }
  const ranBy = (file: string) => execFileSync(process.execPath, [file, '--help'], { encoding: 'utf8' });

  it("runs the one-file build when it was built after tsc, and tsc's newer output after a bare `tsc`", () => {
    const { bin: copied, bundle, compiled } = binWithBuilds();
    const builtAt = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
    builtAt(compiled, 1_700_000_000);
    builtAt(bundle, 1_700_000_010);
    expect(ranBy(copied)).toBe('one file');
    builtAt(compiled, 1_700_000_020);
    expect(ranBy(copied)).toBe("tsc's output");
    fs.rmSync(bundle);
    expect(ranBy(copied)).toBe("tsc's output");
  });
});
