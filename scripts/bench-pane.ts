/**
 * The pane's generate time as a person waits for it: the browser preview (the task pane on the xlsx
 * adapter) in headless Chromium, from the click on "Generate follow-up" to the result on screen. Each
 * run opens the page afresh, as a person opening the pane, so the first generate is cold. The page's
 * sheet grid (Excel's own grid, in Excel) draws the follow-up sheet after the pane's result: not counted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { ensurePreviewBuilt, previewDir } from './preview-bundle';

const CHROMIUM = process.env.FOLLOWUP_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A run that has not shown its result by then has failed (the bench stops with an error). */
const RUN_TIMEOUT_MS = 120_000;

interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

function startServer(root: string): Promise<PreviewServer> {
  // serve-preview.js is plain JavaScript, shared with `npm run preview` and the end-to-end tests.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer: start } = require(path.join(root, 'scripts', 'serve-preview.js')) as {
    startServer(options: { root: string; port: number }): Promise<PreviewServer>;
  };
  return start({ root: previewDir(root), port: 0 });
}

/**
 * In the page: clicks "Generate follow-up" and resolves with the milliseconds until the result's
 * heading is in the document and painted (the next animation frame), or rejects with the pane's error.
 */
function timeGenerateInPage(timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Generate follow-up');
    if (!button) return reject(new Error('no "Generate follow-up" button'));
    const earlier = new Set(document.querySelectorAll('[role="alert"]'));
    const started = performance.now();
    const timer = setTimeout(() => finish(() => reject(new Error(`no result after ${timeoutMs} ms`))), timeoutMs);
    const observer = new MutationObserver(() => {
      const alert = [...document.querySelectorAll('[role="alert"]')].find((a) => !earlier.has(a));
      if (alert) finish(() => reject(new Error(`the pane said: ${alert.textContent ?? ''}`)));
      else if (document.getElementById('bf-result')) finish(() => requestAnimationFrame(() => resolve(performance.now() - started)));
    });
    function finish(then: () => void): void {
      observer.disconnect();
      clearTimeout(timer);
      then();
    }
    observer.observe(document.body, { childList: true, subtree: true });
    button.click();
  });
}

async function oneRun(browser: Browser, url: string, workbook: Buffer): Promise<number> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RUN_TIMEOUT_MS);
    await page.goto(`${url}preview.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('file-input').setInputFiles({ name: 'bench.xlsx', mimeType: XLSX_TYPE, buffer: workbook });
    await page.waitForSelector('section[aria-labelledby="bf-sources"][aria-busy="false"]');
    return await page.evaluate(timeGenerateInPage, RUN_TIMEOUT_MS);
  } finally {
    await context.close();
  }
}

/**
 * `repeats` runs of the pane generating `workbook`, in ms; or why the pane could not be measured here
 * (no Chromium). Builds the preview bundle first when it is missing or stale.
 */
export async function paneGenerateMs(root: string, workbook: Uint8Array, repeats: number): Promise<number[] | string> {
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (set FOLLOWUP_CHROMIUM)`;
  ensurePreviewBuilt(root);
  const server = await startServer(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const runs: number[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await oneRun(browser, server.url, Buffer.from(workbook)));
    return runs;
  } finally {
    await browser.close();
    await server.close();
  }
}
