/**
 * What the end-to-end tests of the preview page need: the preview bundle (built once, or reused when
 * dist/preview/ is newer than its sources), the static server on a free port, Debian's Chromium driven
 * by playwright-core, a record of every request and error of a page, and an axe-core scan.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ensurePreviewBuilt as ensureBuilt, previewDir } from '../../scripts/preview-bundle';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PREVIEW_DIR = previewDir(ROOT);
export const SCREENSHOTS = path.join(__dirname, 'screenshots');
export const CHROMIUM = process.env.FOLLOWUP_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags here: no sandbox (containers), no GPU, nothing in the background that goes online. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds dist/preview/ (`npm run build:preview`) unless it is newer than every input. */
export function ensurePreviewBuilt(): { built: boolean; ms: number } {
  return ensureBuilt(ROOT);
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(): Promise<PreviewServer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require(path.join(ROOT, 'scripts', 'serve-preview.js')) as {
    startServer(options: { root: string; port: number }): Promise<PreviewServer>;
  };
  return startServer({ root: PREVIEW_DIR, port: 0 });
}

/**
 * Launches Chromium headless. Playwright gives every launch a fresh, temporary user data dir (and
 * deletes it on close); each test then opens its own context (cookies, storage, cache, downloads).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A page with a record of what it did: every request's URL, and every error it reported. */
export interface RecordedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
}

export async function openRecordedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    reducedMotion: 'reduce',
    colorScheme: 'light',
    acceptDownloads: true,
    ...options,
  });
  // A step that does not happen fails after 20 s, naming the step, rather than at the test's timeout.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('crash', () => problems.push('the page crashed'));
  return { context, page, requests, problems };
}

/** Requests to anywhere but the local server (blob: and data: URLs never leave the browser). */
export function foreignRequests(rec: RecordedPage, serverUrl: string): string[] {
  return rec.requests.filter((u) => !u.startsWith(serverUrl) && !u.startsWith('blob:') && !u.startsWith('data:'));
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
  return file;
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface TimerWindow {
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  __realTimers?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

/**
 * Keeps the page's real timers aside before Playwright's clock replaces them (page.clock.install),
 * so that axe-core can run while the page's clock is paused. Call before the clock is installed.
 */
export async function keepRealTimers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as TimerWindow;
    w.__realTimers = { setTimeout: w.setTimeout.bind(window), clearTimeout: w.clearTimeout.bind(window) } as TimerWindow['__realTimers'];
  });
}

/**
 * Runs axe-core in the page. The page's content security policy (script-src 'self') rightly refuses
 * a script tag added by the test (page.addScriptTag), so axe is evaluated through the DevTools
 * protocol instead, which CSP does not govern: the page's own policy stays on for everything else.
 * axe waits on timers: with the page's clock paused it is given the real ones (keepRealTimers).
 */
export async function axeScan(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as TimerWindow & { axe: typeof import('axe-core') };
    const pageTimers = { setTimeout: w.setTimeout, clearTimeout: w.clearTimeout };
    if (w.__realTimers) Object.assign(w, w.__realTimers);
    try {
      const results = await w.axe.run(document, { resultTypes: ['violations'] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    } finally {
      Object.assign(w, pageTimers);
    }
  });
}

export const isSerious = (f: AxeFinding): boolean => f.impact === 'serious' || f.impact === 'critical';
