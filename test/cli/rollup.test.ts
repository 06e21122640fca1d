/**
 * `followup rollup`: an area's workbook from its units' workbooks, as a leader with several units
 * runs it. Figures are the units' own engine figures (their `generate --json`), each unit is a group
 * with its subtotal, the area's total adds the units' totals, people's text comes along, each figure
 * links to its cell on the unit's follow-up sheet, and LibreOffice opens the area without the units.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { dec } from '../../src/core/money';
import { col } from '../../src/report/followup-sheet';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { budgetWorkbook, typeInto } from '../workbook/builders';
import { runCli, tempDir } from '../robustness/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE_NB = path.join(ROOT, 'examples', 'helse-og-omsorg-2024-04.xlsx');
const EXAMPLE_SV = path.join(ROOT, 'examples', 'vard-och-omsorg-2024-04.xlsx');
const TOOLS = path.resolve(ROOT, '..', 'shared', 'tools');

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-rollup-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = runCli;

type Figure = 'annualBudget' | 'budget' | 'actual' | 'variance' | 'priorYearActual' | 'forecast' | 'forecastVariance';
const FIGURES: readonly Figure[] = ['annualBudget', 'budget', 'actual', 'variance', 'priorYearActual', 'forecast', 'forecastVariance'];
interface Report {
  period: string;
  lines: ({ key: string; name: string; group: string | null } & Record<Figure, string | null>)[];
  total: Record<Figure, string | null>;
}
const report = (file: string): Report => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;

/** A unit as its economist leaves it: the follow-up generated into its workbook, with its JSON beside it. */
async function unit(source: Uint8Array, file: string, ...flags: string[]): Promise<Report> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
  const r = await run('generate', file, '--in-place', '--json', `${file}.json`, ...flags);
  expect(r).toMatchObject({ code: 0, err: '' });
  return report(`${file}.json`);
}

/** A leader writes an analysis on the unit's follow-up sheet (its first line). */
async function writeAnalysis(file: string, sheet: string, text: string): Promise<void> {
  const wb = XlsxWorkbook.open(fs.readFileSync(file), path.basename(file));
  await typeInto(wb, sheet, { [`${String.fromCharCode(65 + col('analysis'))}5`]: text }, 'followup');
  fs.writeFileSync(file, wb.save());
}

async function withTitle(file: string, title: string): Promise<Uint8Array> {
  const wb = XlsxWorkbook.open(fs.readFileSync(file), path.basename(file));
  await wb.writeSettings(JSON.stringify({ title }));
  return wb.save();
}

const sum = (values: readonly (string | null)[]): string => values.reduce((s, v) => (v === null ? s : s.plus(dec(v))), dec(0)).toFixed();

/** The area's follow-up sheet: each row's cells by column id, and the formulas. */
async function areaSheet(file: string, sheet: string): Promise<{ rows: { name: unknown; key: unknown; analysis: unknown; values: unknown[]; formulas: (string | null)[] }[] }> {
  const g = await XlsxWorkbook.open(fs.readFileSync(file)).readSheet(sheet);
  return {
    rows: g.values.map((row, r) => ({
      key: row[col('hiddenKey') - g.left],
      name: row[col('name') - g.left],
      analysis: row[col('analysis') - g.left],
      values: [...row],
      formulas: [...(g.formulas?.[r] ?? [])],
    })),
  };
}

/**
 * What makes a package one Excel opens without repair: every internal relationship's part is there,
 * every part has a content type, links to other files are marked external, and the workbook's
 * children (sheets, external references, defined names, calculation) and each external link's rows
 * come in the schema's order.
 */
function packageProblems(parts: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const types = strFromU8(parts['[Content_Types].xml']);
  for (const name of Object.keys(parts)) {
    // An XML part needs its own type (the default for .xml is plain application/xml); others their extension's.
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const typed = ext === 'xml' ? types.includes(`PartName="/${name}"`) : types.includes(`Extension="${ext}"`);
    if (name !== '[Content_Types].xml' && !typed) problems.push(`${name}: no content type`);
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    for (const rel of strFromU8(parts[name]).matchAll(/<Relationship [^>]*>/g)) {
      const target = /Target="([^"]*)"/.exec(rel[0])?.[1] ?? '';
      if (/TargetMode="External"/.test(rel[0])) continue;
      if (/externalLinkPath/.test(rel[0])) problems.push(`${name}: a link to another file not marked external`);
      const resolved = path.posix.normalize(target.startsWith('/') ? target.slice(1) : path.posix.join(m[1], target));
      if (!parts[resolved]) problems.push(`${name}: ${target} is missing`);
    }
  }
  const order = ['<sheets>', '<externalReferences>', '<definedNames>', '<calcPr'].map((t) => strFromU8(parts['xl/workbook.xml']).indexOf(t)).filter((i) => i >= 0);
  if (order.join() !== [...order].sort((a, b) => a - b).join()) problems.push('xl/workbook.xml: children out of order');
  for (const [name, bytes] of Object.entries(parts).filter(([n]) => /^xl\/externalLinks\/externalLink\d+\.xml$/.test(n))) {
    const xml = strFromU8(bytes);
    if (!/^<\?xml[^>]*>\s*<externalLink [^>]*><externalBook r:id="rId\d+"><sheetNames>(<sheetName val="[^"]*"\/>)+<\/sheetNames><sheetDataSet>/.test(xml)) problems.push(`${name}: not externalBook > sheetNames, sheetDataSet`);
    const rows = [...xml.matchAll(/<row r="(\d+)">/g)].map((r) => Number(r[1]));
    if (rows.join() !== [...rows].sort((a, b) => a - b).join()) problems.push(`${name}: rows out of order`);
  }
  return problems;
}

function expectLinesAsUnits(area: Report, units: readonly [string, Report][]): void {
  const expected = units.flatMap(([name, u]) => u.lines.map((l) => ({ key: `${name}/${l.key}`, group: name, ...Object.fromEntries(FIGURES.map((f) => [f, l[f]])) })));
  expect(area.lines.map((l) => ({ key: l.key, group: l.group, ...Object.fromEntries(FIGURES.map((f) => [f, l[f]])) }))).toEqual(expected);
  for (const f of FIGURES) expect({ f, total: area.total[f] }).toEqual({ f, total: sum(units.map(([, u]) => u.total[f])) });
}

describe('followup rollup (Norwegian units)', () => {
  it('adds the units as groups, keeps their text and links each figure to its unit', async () => {
    const nord = path.join(dir, 'units', 'helse.xlsx');
    const nordReport = await unit(await withTitle(EXAMPLE_NB, 'Helse nord'), nord);
    const lines = [
      { label: '100 Sykehjem', monthlyBudget: 500_000, actual: [510_000, 495_000, 530_000, 520_000] },
      { label: '200 Dagsenter', monthlyBudget: 80_000, actual: [75_000, 82_000, 79_000, 90_000] },
    ];
    const sykehjem = path.join(dir, 'units', 'sykehjem.xlsx');
    const sykehjemReport = await unit((await budgetWorkbook(lines, 4)).save(), sykehjem);
    await writeAnalysis(sykehjem, 'Oppfølging 2024-04', 'Flere brukere med store behov');
    const area = path.join(dir, 'area', 'omrade.xlsx');
    fs.mkdirSync(path.dirname(area));

    const r = await run('rollup', nord, sykehjem, '-o', area, '--json', `${area}.json`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('«Oppfølging 2024-04»');
    expect(r.out).toContain(`${nordReport.lines.length + sykehjemReport.lines.length} linjer`);

    // the figures are the units' engine figures, each unit named by its settings or its file
    const areaReport = report(`${area}.json`);
    expectLinesAsUnits(areaReport, [['Helse nord', nordReport], ['sykehjem', sykehjemReport]]);

    // each unit's group ends in its subtotal, equal to the unit's total; the text came along
    const { rows } = await areaSheet(area, 'Oppfølging 2024-04');
    const subtotal = (name: string) => rows.find((row) => row.name === name && row.key === null);
    expect(subtotal('sykehjem')?.values[col('actual')]).toBeCloseTo(Number(sykehjemReport.total.actual), 2);
    expect(subtotal('Helse nord')?.values[col('budget')]).toBeCloseTo(Number(nordReport.total.budget), 2);
    expect(rows.find((row) => row.key === 'sykehjem/100')?.analysis).toBe('Flere brukere med store behov');

    // each figure refers to its unit's cell, the unit's file beside the area's folder
    const first = rows.find((row) => row.key === 'sykehjem/100');
    expect(first?.formulas[col('actual')]).toBe("'[2]Oppfølging 2024-04'!E5");
    expect(first?.formulas[col('variance')]).toMatch(/^D\d+-E\d+$/);
    const parts = unzipSync(fs.readFileSync(area));
    expect(strFromU8(parts['xl/externalLinks/_rels/externalLink2.xml.rels'])).toContain('Target="../units/sykehjem.xlsx" TargetMode="External"');
    expect(packageProblems(parts)).toEqual([]);
    // each line's key opens its row in the unit's workbook, as a line's key opens its source row in one workbook
    const line = areaReport.lines.find((l) => l.key === 'sykehjem/100') as unknown as { source: string[] };
    expect(line.source).toEqual(['[../units/sykehjem.xlsx]Budsjett!A5', '[../units/sykehjem.xlsx]Regnskap!A5']);
    const sheetRels = Object.entries(parts).find(([n]) => /^xl\/worksheets\/_rels\/sheet1\.xml\.rels$/.test(n))?.[1];
    expect(strFromU8(sheetRels as Uint8Array)).toMatch(/relationships\/hyperlink" Target="\.\.\/units\/sykehjem\.xlsx" TargetMode="External"/);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toContain('location="Budsjett!A5"');
    expect(strFromU8(parts['xl/workbook.xml'])).toMatch(/<externalReferences><externalReference r:id="rId\d+"\/><externalReference r:id="rId\d+"\/><\/externalReferences>/);
  }, 120000);

  it('refuses units of different months, naming both', async () => {
    const lines = [{ label: '100 Sykehjem', monthlyBudget: 500_000, actual: [510_000, 495_000, 530_000, 520_000] }];
    const april = path.join(dir, 'april.xlsx');
    const march = path.join(dir, 'mars.xlsx');
    fs.writeFileSync(april, (await budgetWorkbook(lines, 4)).save());
    fs.writeFileSync(march, (await budgetWorkbook(lines, 3)).save());
    const r = await run('rollup', april, march, '-o', path.join(dir, 'area.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mars\.xlsx is for 2024-03 but april\.xlsx is for 2024-04 \(period\)/);
    expect(fs.existsSync(path.join(dir, 'area.xlsx'))).toBe(false);
  }, 60000);

  it('stops at a unit it cannot read, naming its file, and writes nothing', async () => {
    const good = path.join(dir, 'god.xlsx');
    fs.copyFileSync(EXAMPLE_NB, good);
    const broken = path.join(dir, 'ødelagt.xlsx');
    fs.writeFileSync(broken, 'not a workbook');
    const empty = path.join(dir, 'tom.xlsx');
    const blank = XlsxWorkbook.create();
    await blank.addPlainSheet({ name: 'Ark1', cells: [{ row: 0, col: 0, value: 'Ingenting her' }] });
    fs.writeFileSync(empty, blank.save());
    const area = path.join(dir, 'area.xlsx');
    const a = await run('rollup', good, broken, '-o', area);
    expect(a.code).toBe(1);
    expect(a.err).toContain('ødelagt.xlsx');
    const b = await run('rollup', good, empty, '-o', area);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/^followup: tom\.xlsx: found no actuals or budget/);
    expect(fs.existsSync(area)).toBe(false);
  }, 60000);

  it('says which units are figures, not links, when a unit has no follow-up sheet yet', async () => {
    const raw = path.join(dir, 'ny.xlsx');
    fs.copyFileSync(EXAMPLE_NB, raw);
    const r = await run('rollup', raw, '-o', path.join(dir, 'area.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ny\.xlsx: 7 linjer er tall, ikke lenker til enhetens arbeidsbok: den har ikke arket «Oppfølging 2024-04»/);
  }, 60000);

  it('checks the files before reading any: a unit twice, an output over a unit, no output', async () => {
    const a = path.join(dir, 'a.xlsx');
    fs.copyFileSync(EXAMPLE_NB, a);
    const twice = await run('rollup', a, path.join(dir, '.', 'a.xlsx'), '-o', path.join(dir, 'area.xlsx'));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('are the same workbook; give each unit once');
    const over = await run('rollup', a, '-o', a);
    expect(over.code).toBe(2);
    expect(over.err).toContain('the roll-up never writes into a unit');
    const none = await run('rollup', a);
    expect(none.code).toBe(2);
    expect(none.err).toContain('missing -o <area.xlsx>');
    expect(none.err).toContain('Usage: followup rollup');
    const help = await run('rollup', '--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain('followup rollup <unit.xlsx> <unit.xlsx> … -o <area.xlsx>');
  });
});

const haveLibreOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/python3');
if (!haveLibreOffice && !process.env.FOLLOWUP_REQUIRE_TOOLS) console.warn('LibreOffice not installed: the roll-up is not opened in LibreOffice');

describe('followup rollup (Swedish units with the same file name)', () => {
  it('tells the units apart, keeps their text, and LibreOffice opens the area without the units', async () => {
    const north = path.join(dir, 'norr', 'vard.xlsx');
    const south = path.join(dir, 'syd', 'vard.xlsx');
    const northReport = await unit(fs.readFileSync(EXAMPLE_SV), north);
    const southReport = await unit(fs.readFileSync(EXAMPLE_SV), south);
    await writeAnalysis(south, 'Uppföljning 2024-04', 'Fler brukare med stora behov');
    const area = path.join(dir, 'omrade.xlsx');

    const r = await run('rollup', north, south, '-o', area, '--json', `${area}.json`, '--lang', 'sv');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('”Uppföljning 2024-04”');
    const areaReport = report(`${area}.json`);
    expectLinesAsUnits(areaReport, [['vard', northReport], ['vard (2)', southReport]]);
    const { rows } = await areaSheet(area, 'Uppföljning 2024-04');
    const firstKey = southReport.lines[0].key;
    expect(rows.find((row) => row.key === `vard (2)/${firstKey}`)?.analysis).toBe('Fler brukare med stora behov');
    expect(rows.find((row) => row.key === `vard/${firstKey}`)?.analysis).toBeNull();
    const parts = unzipSync(fs.readFileSync(area));
    expect(strFromU8(parts['xl/externalLinks/_rels/externalLink1.xml.rels'])).toContain('Target="norr/vard.xlsx"');
    expect(strFromU8(parts['xl/externalLinks/_rels/externalLink2.xml.rels'])).toContain('Target="syd/vard.xlsx"');

    if (!haveLibreOffice && !process.env.FOLLOWUP_REQUIRE_TOOLS) return;
    // Alone in a folder: the units' files are not there, so what LibreOffice shows comes from the area's file.
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-rollup-lo-'));
    try {
      fs.copyFileSync(area, path.join(alone, 'omrade.xlsx'));
      const json = execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), path.join(alone, 'omrade.xlsx')], { encoding: 'utf8', timeout: 180000 });
      const cells = (JSON.parse(json) as { sheets: Record<string, { cells: Record<string, { formula?: string; value?: unknown; error?: string }> }> }).sheets['Uppföljning 2024-04'].cells;
      const letter = (id: Parameters<typeof col>[0]): string => String.fromCharCode(65 + col(id));
      const keyRows = Object.entries(cells).filter(([a1, c]) => a1.startsWith(letter('hiddenKey')) && typeof c.value === 'string' && c.value.includes('/'));
      expect(keyRows).toHaveLength(areaReport.lines.length);
      for (const [a1, c] of keyRows) {
        const line = areaReport.lines.find((l) => l.key === c.value);
        const row = a1.slice(1);
        const actual = cells[`${letter('actual')}${row}`];
        expect(actual.formula).toMatch(/^='\[\d\]Uppföljning 2024-04'!E\d+$/);
        expect(actual.error).toBeUndefined();
        expect(actual.value as number).toBeCloseTo(Number(line?.actual), 2);
        expect(cells[`${letter('variance')}${row}`].value as number).toBeCloseTo(Number(line?.variance), 2);
      }
      const total = Object.values(cells).find((c) => typeof c.formula === 'string' && c.formula.startsWith(`=SUBTOTAL(9,${letter('actual')}5:`) && (c.value as number) > Number(northReport.total.actual) * 1.5);
      expect(total?.value as number).toBeCloseTo(Number(areaReport.total.actual), 2);
      // Beside the units, LibreOffice finds each unit's file from the link (as the OpenDocument it saves shows).
      const profile = `file://${path.join(alone, 'profile')}`;
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'ods', '--outdir', alone, area], { timeout: 180000, stdio: 'ignore' });
      const content = execFileSync('unzip', ['-p', path.join(alone, 'omrade.ods'), 'content.xml'], { encoding: 'utf8' });
      expect(content).toContain(`[&apos;file://${encodeURI(path.join(dir, 'norr', 'vard.xlsx'))}&apos;#$&apos;Uppföljning 2024-04&apos;.E5]`);
      expect(content).toContain(`[&apos;file://${encodeURI(path.join(dir, 'syd', 'vard.xlsx'))}&apos;#$&apos;Uppföljning 2024-04&apos;.E5]`);
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  }, 300000);
});

describe('followup rollup, month by month', () => {
  it('gives the area a month-by-month sheet: the units’ lines, each unit’s subtotal and the total, month by month', async () => {
    const lines = [
      { label: '100 Sykehjem', monthlyBudget: 500_000, actual: [510_000, 495_000, 530_000, 520_000] },
      { label: '200 Dagsenter', monthlyBudget: 80_000, actual: [75_000, 82_000, 79_000, 90_000] },
    ];
    const nord = path.join(dir, 'nord.xlsx');
    const sor = path.join(dir, 'sor.xlsx');
    await unit((await budgetWorkbook(lines, 4)).save(), nord);
    await unit((await budgetWorkbook(lines, 4)).save(), sor);
    const area = path.join(dir, 'omrade.xlsx');
    expect(await run('rollup', nord, sor, '-o', area)).toMatchObject({ code: 0, err: '' });

    const g = await XlsxWorkbook.open(fs.readFileSync(area)).readSheet('Måned for måned 2024-04');
    const rows = g.values.map((row, r) => ({ name: row[1 - g.left], values: row, formulas: g.formulas?.[r] ?? [] }));
    const named = (name: string) => rows.filter((r) => r.name === name);
    const order = ['Sykehjem', 'Dagsenter', 'nord', 'Sykehjem', 'Dagsenter', 'sor', 'Sum'];
    expect(rows.map((r) => r.name).filter((n) => typeof n === 'string' && order.includes(n))).toEqual(order);
    // April's actuals (the eighth column, J: two columns a month from C): each unit's sum, and the area's
    const april = 9 - g.left;
    expect(named('nord')[0].values[april]).toBe(610_000);
    expect(named('nord')[0].formulas[april]).toMatch(/^SUBTOTAL\(9,J\d+:J\d+\)$/);
    expect(named('Sum')[0].values[april]).toBe(1_220_000);
  }, 120000);
});
