/**
 * `followup generate <workbook> --pdf <file>`: the committee's papers through LibreOffice headless, in
 * nb and sv. The PDF's first page is the summary, whole (the follow-up sheet starts on the second page),
 * with the engine's figures and the analysis a leader wrote; the summary's charts open in LibreOffice;
 * a missing LibreOffice is said in the workbook's language, naming what to install, and nothing is written.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from '../robustness/helpers';
import { columnLetters } from '../../src/core/grid';
import { col, FOLLOWUP_MARKER } from '../../src/report/followup-sheet';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { typeInto } from '../workbook/builders';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.resolve(ROOT, '..', 'shared', 'tools');
const EXAMPLE_NB = path.join(ROOT, 'examples', 'helse-og-omsorg-2024-04.xlsx');
const EXAMPLE_SV = path.join(ROOT, 'examples', 'vard-och-omsorg-2024-04.xlsx');

const onPath = (cmd: string): boolean => (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
const available = onPath('soffice') && onPath('pdftotext');
if (!available) console.warn('SKIPPED: LibreOffice (soffice) or poppler (pdftotext) is not installed; no PDF was made.');
const maybe = available ? test : test.skip;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-pdf-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A page's text, spaces as spaces (LibreOffice separates thousands with a no-break space). */
const page = (pdf: string, n: number): string =>
  execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
const pages = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

maybe(
  'nb: the first page is the whole summary, with the engine’s figures and the analysis a leader wrote',
  async () => {
    const book = path.join(dir, 'helse.xlsx');
    fs.copyFileSync(EXAMPLE_NB, book);
    fs.chmodSync(book, 0o644);
    expect((await run('generate', book, '--in-place')).code).toBe(0);
    // The leader writes the analysis for Hjemmetjenesten Nord (the largest overspend) on the follow-up sheet.
    const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(book)), 'helse.xlsx');
    const g = await wb.readSheet('Oppfølging 2024-04');
    const r = g.values.findIndex((row) => row[col('hiddenKey') - g.left] === '3100');
    await typeInto(wb, 'Oppfølging 2024-04', { [`${columnLetters(col('analysis'))}${g.top + r + 1}`]: 'Ekstra vikarer under sykefravær i vinter' }, FOLLOWUP_MARKER);
    fs.writeFileSync(book, wb.save());

    const pdf = path.join(dir, 'utvalg.pdf');
    const res = await run('generate', book, '--in-place', '--pdf', pdf);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    const first = page(pdf, 1);
    expect(first).toContain('Sammendrag for utvalget · april 2024');
    expect(first).toMatch(/Avvik hittil\s+−6 251 646\s+−4,0 %/);
    expect(first).toMatch(/3100 Hjemmetjenesten Nord\s+−2 480 662\s+−9,0 %\s+Ekstra vikarer under sykefravær i vinter/);
    expect(first).toContain('3210 Sykehjem Elvebakken');
    expect(first).not.toContain('Budsjettoppfølging april 2024');
    // the follow-up sheet follows on the next page; no other sheet is printed
    expect(page(pdf, 2)).toContain('Budsjettoppfølging april 2024');
    const all = Array.from({ length: pages(pdf) }, (_, i) => page(pdf, i + 1)).join('\n');
    expect(all.match(/Sammendrag for utvalget/g)).toHaveLength(1);
    expect(all).not.toContain('Kontroller for revisor');
    expect(all).not.toContain('Grafer · april 2024');
    expect(all).not.toContain('Radetiketter');

    // LibreOffice finds the summary's three charts in the workbook written beside the PDF
    const recalc = JSON.parse(execFileSync('/usr/bin/python3', [path.join(TOOLS, 'xlsx_recalc.py'), book], { encoding: 'utf8', timeout: 180000 })) as {
      sheets: Record<string, { charts?: number }>;
    };
    expect(recalc.sheets['Sammendrag 2024-04'].charts).toBe(3);
  },
  300000,
);

maybe(
  'sv: the summary first, on one page, then the follow-up sheet',
  async () => {
    const out = path.join(dir, 'vard.xlsx');
    const pdf = path.join(dir, 'namnd.pdf');
    const res = await run('generate', EXAMPLE_SV, '-o', out, '--pdf', pdf);
    expect(res.code).toBe(0);
    expect(res.out.split('\n')[1]).toBe(`Skrev ${pdf}: ”Sammanfattning 2024-04”, ”Uppföljning 2024-04”`);
    const first = page(pdf, 1);
    expect(first).toContain('Sammanfattning för nämnden · april 2024');
    expect(first).toMatch(/Avvikelse ack\.\s+−5 322\s+−3,6 %/);
    expect(first).toMatch(/540 Funktionsstöd LSS\s+−2 455\s+−8,5 %\s+Ännu inte kommenterad\./);
    expect(first).not.toContain('Budgetuppföljning april 2024');
    expect(page(pdf, 2)).toContain('Budgetuppföljning april 2024');
    expect(fs.existsSync(out)).toBe(true);
  },
  300000,
);

test('without LibreOffice it says so in the workbook’s language, naming what to install, and writes nothing', async () => {
  const out = path.join(dir, 'helse.followup.xlsx');
  const pdf = path.join(dir, 'utvalg.pdf');
  const saved = process.env.PATH;
  process.env.PATH = path.join(dir, 'no-such-folder');
  let res;
  try {
    res = await run('generate', EXAMPLE_NB, '-o', out, '--pdf', pdf);
  } finally {
    process.env.PATH = saved;
  }
  expect(res.code).toBe(1);
  expect(res.err).toMatch(/^followup: for å lage PDF trengs LibreOffice, men det ble ikke funnet \(kommandoen soffice\)\./);
  expect(res.err).toContain('apt-get install libreoffice-calc-nogui');
  expect(res.err).toContain('Ingenting ble skrevet.');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.existsSync(pdf)).toBe(false);
});

test('the PDF’s path is checked like the other outputs, before anything is read', async () => {
  const book = path.join(dir, 'helse.xlsx');
  fs.copyFileSync(EXAMPLE_NB, book);
  const same = await run('generate', book, '--pdf', book);
  expect(same.code).toBe(2);
  expect(same.err).toContain(`--pdf "${book}" is the workbook being read`);
  const twice = await run('generate', book, '-o', path.join(dir, 'a.xlsx'), '--pdf', path.join(dir, 'a.xlsx'));
  expect(twice.code).toBe(2);
  expect(twice.err).toContain('are the same file');
  const stream = await run('generate', book, '--pdf', '-');
  expect(stream.code).toBe(2);
  expect(stream.err).toContain('--pdf needs the name of the PDF file to write');
  const nowhere = await run('generate', book, '--pdf', path.join(dir, 'missing', 'utvalg.pdf'));
  expect(nowhere.code).toBe(1);
  expect(nowhere.err).toContain('its folder does not exist');
});
