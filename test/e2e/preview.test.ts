/**
 * The task pane in a browser, end to end: the preview page (dist/preview/, built by
 * `npm run build:preview`) served from a local static server and driven in Debian's Chromium by
 * playwright-core. A person's path through it: open the page, open a workbook (file input or drag
 * and drop), see the sources, generate, read the figures and warnings, click a warning to see its
 * cell, download the workbook — which is then checked in Node with the xlsx adapter — and bad files
 * that must give a clear error. Every page is watched: no request leaves the local server, no page
 * error, no console error (a CSP violation is one). Screenshots of each state go to
 * test/e2e/screenshots/, and axe-core scans each state for serious or critical violations.
 *
 * Without /usr/bin/chromium the tests are skipped with a message, except when FOLLOWUP_REQUIRE_TOOLS
 * is set (CI), where a missing browser fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { renderMessage } from '../../src/core/messages';
import type { FollowUpModel } from '../../src/core/model';
import { periodText } from '../../src/report/i18n';
import { keyFigures } from '../../src/taskpane/figures';
import type { UiLanguage } from '../../src/taskpane/host';
import { STRINGS } from '../../src/taskpane/i18n';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { ZipPackage } from '../../src/workbook/xlsx/zip';
import { undecidedWorkbook } from '../workbook/builders';
import {
  CHROMIUM,
  ROOT,
  axeScan,
  ensurePreviewBuilt,
  foreignRequests,
  isSerious,
  keepRealTimers,
  launchChromium,
  openRecordedPage,
  screenshot,
  startPreviewServer,
  type AxeFinding,
  type PreviewServer,
  type RecordedPage,
} from './harness';

const toolsRequired = Boolean(process.env.FOLLOWUP_REQUIRE_TOOLS);
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && toolsRequired) throw new Error(`Chromium is missing (${CHROMIUM}; Debian: chromium) and FOLLOWUP_REQUIRE_TOOLS is set`);
if (!haveChromium)
  console.warn(`Chromium not installed (${CHROMIUM}; Debian package "chromium"): the end-to-end tests of the preview page are skipped (see README)`);
const e2e = haveChromium ? describe : describe.skip;

const NB_EXAMPLE = path.join(ROOT, 'examples', 'helse-og-omsorg-2024-04.xlsx');
const SV_EXAMPLE = path.join(ROOT, 'examples', 'vard-och-omsorg-2024-04.xlsx');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Parts the xlsx adapter edits when it adds its sheets; every other part must come back byte for byte. */
const EDITED_PARTS = new Set(['[content_types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docprops/app.xml']);

/** toHaveText-like comparisons: amounts carry no-break spaces, the page's text too. */
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

let server: PreviewServer;
let browser: Browser;
const pages: RecordedPage[] = [];
const axeLog: Record<string, AxeFinding[]> = {};

async function open(locale: string, beforeLoad?: (page: Page) => Promise<void>): Promise<RecordedPage> {
  const rec = await openRecordedPage(browser, { locale });
  pages.push(rec);
  await beforeLoad?.(rec.page);
  await rec.page.goto(`${server.url}preview.html`);
  await rec.page.waitForSelector('body[data-ready="true"]');
  return rec;
}

/** The page did nothing it should not: no request beyond the local server, no error. */
function expectClean(rec: RecordedPage): void {
  expect(foreignRequests(rec, server.url)).toEqual([]);
  expect(rec.problems).toEqual([]);
}

/** axe-core finds no serious or critical violation in this state (the others are logged). */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const findings = await axeScan(page);
  axeLog[state] = findings;
  expect(findings.filter(isSerious)).toEqual([]);
}

/** Waits until the pane has looked through the workbook (its sources section is no longer busy). */
async function sourcesReady(page: Page): Promise<void> {
  await page.waitForSelector('section[aria-labelledby="bf-sources"][aria-busy="false"]', { timeout: 30_000 });
}

/** The pipeline in Node on the same file: what the page must show. */
async function expected(file: string): Promise<FollowUpModel> {
  const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  return (await generateFollowUp(wb, { dryRun: true })).model;
}

/** The key figures and the warnings on screen are the pipeline's, in the pane's language. */
async function expectResultOf(page: Page, model: FollowUpModel, lang: UiLanguage): Promise<void> {
  const t = STRINGS[lang];
  for (const f of keyFigures(model, lang, t)) {
    if (f.value === null) continue;
    const shown = squash(await page.locator(`[data-figure="${f.id}"] dd`).first().innerText());
    expect(shown).toContain(squash(f.value));
  }
  await page.getByRole('heading', { name: t.result.warnings(model.warnings.length) }).waitFor();
  // The result's first list is the warnings (the key figures are a description list).
  const items = model.warnings.length ? await page.locator('[aria-labelledby="bf-result"] ul').first().locator('li').allInnerTexts() : [];
  expect(items.map(squash)).toEqual(model.warnings.map((w) => squash(`${renderMessage(w.code, w.params, lang)}${w.cell ? ` (${w.cell})` : ''}`)));
}

/** Downloads the workbook; returns its file name and bytes. */
async function downloadWorkbook(page: Page, buttonName: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
}

/** The download holds the follow-up sheets, and every part of the original as it was. */
async function expectDownloadOf(original: string, bytes: Uint8Array, sheets: readonly string[]): Promise<XlsxWorkbook> {
  const before = ZipPackage.read(new Uint8Array(fs.readFileSync(original)));
  const after = ZipPackage.read(bytes);
  for (const name of before.names()) {
    expect(after.has(name)).toBe(true);
    if (!EDITED_PARTS.has(name.toLowerCase()))
      expect(Buffer.from(after.get(name) as Uint8Array).equals(Buffer.from(before.get(name) as Uint8Array))).toBe(true);
  }
  const wb = XlsxWorkbook.open(bytes, 'download.xlsx');
  const originalSheets = (await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(original)), 'original.xlsx').listSheets()).map((s) => s.name);
  const names = (await wb.listSheets()).map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining([...originalSheets, ...sheets]));
  expect(names.slice(0, originalSheets.length)).toEqual(originalSheets);
  return wb;
}

e2e('the preview page in Chromium', () => {
  beforeAll(async () => {
    const build = ensurePreviewBuilt();
    if (build.built) console.log(`built the preview bundle in ${(build.ms / 1000).toFixed(1)} s`);
    server = await startPreviewServer();
    browser = await launchChromium();
  }, 300_000);

  afterEach(async () => {
    for (const rec of pages.splice(0)) await rec.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    const summary = Object.entries(axeLog).map(([state, f]) => `${state}: ${f.length ? f.map((x) => `${x.id} (${x.impact})`).join(', ') : 'none'}`);
    if (summary.length) console.log(`axe-core violations by state (none may be serious or critical):\n  ${summary.join('\n  ')}`);
  });

  it('opens empty, in the browser’s language, with a drop zone, a file button and a language switch', async () => {
    const rec = await open('nb-NO');
    const { page } = rec;
    expect(await page.getAttribute('html', 'lang')).toBe('nb-NO');
    await page.getByRole('heading', { level: 1, name: 'Åpne en arbeidsbok' }).waitFor();
    expect(await page.getByRole('button', { name: 'Velg arbeidsbok …' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('drop-zone').innerText()).toContain('Slipp arbeidsboken her');
    await expect(page.getByText('Ingenting forlater nettleseren', { exact: false }).isVisible()).resolves.toBe(true);
    await screenshot(page, '01-empty');
    await expectAccessible(page, 'empty');

    await page.getByLabel('Språk', { exact: true }).selectOption('sv');
    await page.getByRole('heading', { level: 1, name: 'Öppna en arbetsbok' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv-SE');
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Open a workbook' }).waitFor();
    expect(await page.title()).toBe('Budget Follow-up — in your browser');
    expectClean(rec);
  });

  it('nb: finds the sources, generates, shows the figures and the warning, shows its cell, downloads the workbook', async () => {
    const model = await expected(NB_EXAMPLE);
    // The page's clock is Playwright's, to hold the run at a step for the progress screenshot.
    const rec = await open('nb-NO', async (p) => {
      await keepRealTimers(p);
      await p.clock.install();
    });
    const { page } = rec;
    await page.getByTestId('file-input').setInputFiles(NB_EXAMPLE);
    await page.getByTestId('file-name').getByText('helse-og-omsorg-2024-04.xlsx').waitFor();
    await sourcesReady(page);
    for (const range of ['Regnskap!A3:F12', 'Regnskap!H3:M12', 'Budsjett!A3:N12']) await page.getByRole('heading', { level: 3, name: range }).waitFor();
    expect(squash(await page.getByTestId('file-name').innerText())).toBe('helse-og-omsorg-2024-04.xlsx · 4 ark');
    // Not yet: focusable (disabledFocusable) with a hint, so keyboard users learn why.
    expect(await page.getByRole('button', { name: 'Last ned arbeidsboken' }).getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, '02-loaded');
    await expectAccessible(page, 'loaded');

    // Generating, held between two sheets: the page's timers stop while the clock is paused.
    await page.clock.pauseAt(Date.now() + 3_600_000);
    await page.getByRole('button', { name: 'Lag oppfølging' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.clock.runFor(0);
    await page.getByText(/Leser ark \d av 4/).waitFor();
    await screenshot(page, '03-progress');
    await expectAccessible(page, 'progress');
    await page.clock.resume();

    await page.getByRole('heading', { name: 'Oppfølging for april 2024' }).waitFor({ timeout: 30_000 });
    expect(squash(await page.locator('[data-figure="variance"] dd').first().innerText())).toBe('−6 251 646 kr (−4,0 %)');
    await expectResultOf(page, model, 'nb');
    const warning = page.getByRole('button', { name: /Gjennomgang av vedtak om praktisk bistand.*Vis Tiltak!A8$/ });
    expect(squash(await warning.innerText())).toContain('har ikke noe beløp ennå; det er ikke regnet med. (Tiltak!A8)');
    // The generated follow-up sheet is shown in the sheet preview.
    await page.locator('table[data-sheet="Oppfølging 2024-04"]').waitFor();
    expect(
      await page
        .getByRole('group', { name: 'Ark' })
        .getByRole('button', { name: /^Oppfølging 2024-04/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await screenshot(page, '04-result');
    await expectAccessible(page, 'result');

    await warning.click();
    await page.getByTestId('sheet-status').getByText('Viser Tiltak!A8').waitFor();
    const cell = page.locator('table[data-sheet="Tiltak"] td[data-cell="A8"]');
    expect(await cell.getAttribute('data-selected')).toBe('true');
    expect(await cell.innerText()).toMatch(/^Gjennomgang av vedtak/);
    expect(await cell.isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Ark' }).getByRole('button', { name: 'Tiltak', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('Merket område').inputValue()).toBe('A8');
    await screenshot(page, '05-warning-cell');

    // The sheets the run wrote open from the pane's list, as they would in Excel.
    await page.getByRole('button', { name: 'Åpne arket Kontroller 2024-04' }).click();
    await page.locator('table[data-sheet="Kontroller 2024-04"]').waitFor();

    const download = await downloadWorkbook(page, 'Last ned arbeidsboken');
    expect(download.name).toBe('helse-og-omsorg-2024-04.followup.xlsx');
    const wb = await expectDownloadOf(NB_EXAMPLE, download.bytes, ['Oppfølging 2024-04', 'Tiltak 2024-04', 'Kontroller 2024-04']);
    const sheet = await wb.readSheet('Oppfølging 2024-04');
    const total = sheet.values.find((row) => row.includes('Sum'));
    expect(total).toBeDefined();
    expect(Math.round((total as readonly unknown[])[5] as number)).toBe(-6251646);
    await page.getByText('Lastet ned helse-og-omsorg-2024-04.followup.xlsx.').waitFor();
    expectClean(rec);
  }, 120_000);

  it("sv: the warnings name 'Rapport T1'!D7, which the sheet preview shows; the language switch re-words the result", async () => {
    const model = await expected(SV_EXAMPLE);
    const rec = await open('sv-SE');
    const { page } = rec;
    await page.getByTestId('file-input').setInputFiles(SV_EXAMPLE);
    await sourcesReady(page);
    await page.getByRole('button', { name: 'Skapa uppföljning' }).click();
    await page.getByRole('heading', { name: 'Uppföljning för april 2024' }).waitFor({ timeout: 30_000 });
    await expectResultOf(page, model, 'sv');
    const d7 = page.getByRole('button', { name: /Visa 'Rapport T1'!D7$/ });
    expect(await d7.innerText()).toContain("('Rapport T1'!D7)");
    await screenshot(page, '06-result-sv');

    await d7.click();
    await page.getByTestId('sheet-status').getByText("Visar 'Rapport T1'!D7").waitFor();
    const cell = page.locator('table[data-sheet="Rapport T1"] td[data-cell="D7"]');
    expect(await cell.getAttribute('data-anchor')).toBe('true');
    expect(await cell.isVisible()).toBe(true);
    await screenshot(page, '07-warning-cell-sv');
    await expectAccessible(page, 'result (sv), cell shown');

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: `Follow-up for ${periodText(model.period, 'en')}` }).waitFor();
    await expectResultOf(page, model, 'en');

    const download = await downloadWorkbook(page, 'Download workbook');
    expect(download.name).toBe('vard-och-omsorg-2024-04.followup.xlsx');
    await expectDownloadOf(SV_EXAMPLE, download.bytes, ['Uppföljning 2024-04', 'Åtgärder 2024-04', 'Kontroller 2024-04']);
    expectClean(rec);
  }, 120_000);

  it("sv: each source card shows how its columns were read, and a column's role is changed there", async () => {
    const rec = await open('sv-SE');
    const { page } = rec;
    await page.getByTestId('file-input').setInputFiles(SV_EXAMPLE);
    await sourcesReady(page);
    const card = page.locator('li', { has: page.getByRole('heading', { name: "'Rapport T1'!A3:E10", level: 3 }) });
    const columns = card.getByRole('table', { name: "Kolumnerna i 'Rapport T1'!A3:E10 som de lästs" });
    const role = (column: string, header: string) => columns.getByRole('combobox', { name: `Vad kolumn ${column} (${header}) innehåller` });
    expect(await role('B', 'Budget ack.').inputValue()).toBe('budget');
    expect(await role('C', 'Utfall ack.').inputValue()).toBe('actual');
    expect(await role('D', 'Avvikelse').inputValue()).toBe('variance');
    expect(await role('E', 'Avvikelse %').inputValue()).toBe('variance-pct');
    await card.scrollIntoViewIfNeeded();
    fs.mkdirSync(path.join(ROOT, 'examples', 'screenshots'), { recursive: true });
    await card.screenshot({ path: path.join(ROOT, 'examples', 'screenshots', 'source-columns-sv.png'), animations: 'disabled', caret: 'hide' });
    await expectAccessible(page, 'source columns (sv)');

    await role('D', 'Avvikelse').selectOption('ignored');
    await page.getByText('Sparat i arbetsboken.').waitFor({ timeout: 30_000 });
    expect(await role('D', 'Avvikelse').inputValue()).toBe('ignored');
    expectClean(rec);
  }, 120_000);

  it('en: two sources the reader cannot tell apart: the pane asks, and the answer is saved', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'followup-e2e-')), 'two-views.xlsx');
    fs.writeFileSync(file, (await undecidedWorkbook()).save());
    const rec = await open('en-GB');
    const { page } = rec;
    await page.getByTestId('file-input').setInputFiles(file);
    await sourcesReady(page);
    const question = page.getByRole('group', { name: 'Two views, or two parts?' });
    await question.scrollIntoViewIfNeeded();
    await question.screenshot({ path: path.join(ROOT, 'examples', 'screenshots', 'views-question-en.png'), animations: 'disabled', caret: 'hide' });
    await expectAccessible(page, 'views question (en)');
    await question.getByRole('button', { name: 'Use Avdeling!A3:F7 instead' }).click();
    await page.getByText('Saved in the workbook.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('group', { name: 'Two views, or two parts?' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Avdeling!A3:F7', level: 3 }).count()).toBe(1);
    expectClean(rec);
  }, 120_000);

  it('bad files show a clear error and no crash: another format renamed .xlsx, a password-protected file, a workbook without figures', async () => {
    const rec = await open('en-US');
    const { page } = rec;
    const input = page.getByTestId('file-input');

    await input.setInputFiles({ name: 'budget.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from('Ansvar;Beløp\n3100;5492500\n') });
    const alert = page.getByTestId('open-error');
    await alert.getByText('"budget.xlsx" is not an Excel workbook (.xlsx): it is not a zip package').waitFor();
    expect(await alert.innerText()).toContain('Could not open the workbook');
    expect(await page.getByRole('button', { name: 'Choose a workbook…' }).isEnabled()).toBe(true);
    await screenshot(page, '08-error');
    await expectAccessible(page, 'error');

    // An encrypted workbook is an OLE compound file, not a zip package.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await input.setInputFiles({ name: 'locked.xlsx', mimeType: XLSX_TYPE, buffer: ole });
    await alert.getByText(/"locked\.xlsx" is password-protected \(encrypted\) or an old Excel 97-2003/).waitFor();

    // A real workbook with no figures: the pane says it found no sources, and generating says why not.
    const notes = XlsxWorkbook.create('notes.xlsx');
    await notes.addPlainSheet({
      name: 'Notes',
      cells: [
        { row: 0, col: 0, value: 'Minutes of the budget meeting' },
        { row: 1, col: 0, value: 'No figures here' },
      ],
    });
    await input.setInputFiles({ name: 'notes.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(notes.save()) });
    await sourcesReady(page);
    await page.getByText('No sources found').waitFor();
    await page.getByRole('button', { name: 'Generate follow-up' }).click();
    const runError = page.getByRole('alert').filter({ hasText: 'Could not finish' });
    await runError.getByText(/found no actuals or budget to follow up in the sheets Notes/).waitFor();
    expect(await page.getByRole('button', { name: 'Download workbook' }).getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, '09-error-generate');
    await expectAccessible(page, 'error after generating');
    expectClean(rec);
  }, 120_000);

  it('opens a workbook dropped on the drop zone', async () => {
    const rec = await open('nb-NO');
    const { page } = rec;
    const bytes = fs.readFileSync(NB_EXAMPLE).toString('base64');
    const transfer = await page.evaluateHandle(
      ({ b64, name, type }) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], name, { type }));
        return dt;
      },
      { b64: bytes, name: 'helse-og-omsorg-2024-04.xlsx', type: XLSX_TYPE },
    );
    const zone = page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.getByText('Slipp for å åpne arbeidsboken').waitFor();
    await screenshot(page, '10-drag-over');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('file-name').getByText('helse-og-omsorg-2024-04.xlsx').waitFor();
    await sourcesReady(page);
    await page.getByRole('heading', { level: 3, name: 'Budsjett!A3:N12' }).waitFor();
    expectClean(rec);
  }, 60_000);

  it('loads fast: time to interactive and bytes transferred (printed, never asserted)', async () => {
    const runs: { interactive: number; wall: number; domContentLoaded: number; bytes: number; requests: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const rec = await openRecordedPage(browser, { locale: 'nb-NO' });
      pages.push(rec);
      const sizes: Promise<number>[] = [];
      rec.page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => s.responseBodySize, () => 0)));
      const started = Date.now();
      await rec.page.goto(`${server.url}preview.html`);
      await rec.page.getByRole('button', { name: 'Velg arbeidsbok …' }).waitFor({ state: 'visible' });
      await rec.page.waitForSelector('body[data-ready="true"]');
      const wall = Date.now() - started;
      const timing = await rec.page.evaluate(() => ({
        interactive: performance.getEntriesByName('bf-interactive')[0]?.startTime ?? NaN,
        domContentLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
      }));
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      runs.push({ ...timing, wall, bytes, requests: rec.requests.length });
      expectClean(rec);
      await rec.context.close();
      pages.splice(pages.indexOf(rec), 1);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`;
    console.log(
      [
        'preview page load (cold cache, local server, headless Chromium; 3 runs):',
        ...runs.map(
          (r, i) =>
            `  run ${i + 1}: interactive ${r.interactive.toFixed(0)} ms after navigation start (DOMContentLoaded ${r.domContentLoaded.toFixed(0)} ms; Playwright wall clock ${r.wall} ms), ${r.requests} requests, ${kib(r.bytes)}`,
        ),
        `  median time to interactive: ${median(runs.map((r) => r.interactive)).toFixed(0)} ms; transferred: ${kib(median(runs.map((r) => r.bytes)))} (uncompressed: the preview server does not gzip)`,
      ].join('\n'),
    );
    expect(runs.every((r) => r.bytes > 0)).toBe(true);
  }, 60_000);
});
