/**
 * @jest-environment jsdom
 *
 * Office as the host, against a stand-in for Office.js: the language and theme it reads, the Excel
 * calls it makes to select a cell or open a sheet, the ribbon function's registration and completion,
 * and the ribbon's reports reaching the pane. And: no module but office-host.ts calls Office.js.
 */
import './polyfills';
import * as fs from 'fs';
import * as path from 'path';
import type { CommandReport } from '../../src/taskpane/host';

const ROOT = path.resolve(__dirname, '..', '..');

interface Call {
  readonly op: string;
  readonly arg?: string;
}

interface OfficeOptions {
  language?: string;
  background?: string;
  supported?: boolean;
  shared?: boolean;
  /** The highest ExcelApi set (1.9 by default). */
  api?: number;
  /** Areas of the selection (1 by default). */
  areas?: number;
  /** A person is editing a cell: every request fails. */
  editing?: boolean;
}

function installOffice(options: OfficeOptions = {}): {
  calls: Call[];
  associated: Map<string, (event: { completed: () => void }) => void>;
  visibility: ((args: { visibilityMode: string }) => void)[];
} {
  const calls: Call[] = [];
  const associated = new Map<string, (event: { completed: () => void }) => void>();
  const visibility: ((args: { visibilityMode: string }) => void)[] = [];
  const range = (address: string) => ({
    address,
    load: () => calls.push({ op: 'load', arg: 'address' }),
    select: () => calls.push({ op: 'select', arg: address }),
  });
  const sheet = (name: string) => ({
    activate: () => calls.push({ op: 'activate', arg: name }),
    getRange: (a: string) => range(a),
  });
  const context = {
    workbook: {
      getSelectedRange: () => range("'Budget 2024'!A3:N13"),
      getSelectedRanges: () => ({
        address: options.areas && options.areas > 1 ? "'Budget 2024'!A3:N13,'Budget 2024'!P3:P13" : "'Budget 2024'!A3:N13",
        areaCount: options.areas ?? 1,
        load: () => calls.push({ op: 'load', arg: 'address,areaCount' }),
      }),
      worksheets: { getItem: (name: string) => sheet(name), getActiveWorksheet: () => sheet('(active)') },
    },
    sync: async () => {
      if (options.editing) throw Object.assign(new Error('The operation is not available while Excel is in Edit cell mode.'), { name: 'RichApi.Error', code: 'InvalidOperationInCellEditMode', debugInfo: {} });
      calls.push({ op: 'sync' });
    },
  };
  Object.assign(globalThis, {
    Office: {
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
      context: {
        displayLanguage: options.language ?? 'en-US',
        officeTheme: options.background ? { bodyBackgroundColor: options.background } : undefined,
        requirements: { isSetSupported: (name: string, version: string) => (options.supported ?? true) && name === 'ExcelApi' && Number(version) <= (options.api ?? 1.9) },
      },
      addin:
        options.shared === false
          ? undefined
          : {
              showAsTaskpane: async () => calls.push({ op: 'showAsTaskpane' }),
              onVisibilityModeChanged: async (handler: (args: { visibilityMode: string }) => void) => visibility.push(handler),
            },
      actions: { associate: (name: string, fn: (event: { completed: () => void }) => void) => associated.set(name, fn) },
    },
    Excel: { run: async <T>(batch: (c: typeof context) => Promise<T>) => batch(context) },
  });
  return { calls, associated, visibility };
}

beforeEach(() => jest.resetModules());

describe('Office as the host', () => {
  it("reads the pane's language, theme and whether Excel is new enough", async () => {
    installOffice({ language: 'nb-NO', background: '#262626' });
    const { createOfficeHost } = await import('../../src/taskpane/office-host');
    const host = createOfficeHost();
    expect([host.language, host.theme, host.supported]).toEqual(['nb', 'dark', true]);

    installOffice({ language: 'sv-FI', background: '#FFFFFF', supported: false });
    const again = (await import('../../src/taskpane/office-host')).createOfficeHost();
    expect([again.language, again.theme, again.supported]).toEqual(['sv', 'light', false]);

    installOffice({ language: 'de-DE' });
    const other = (await import('../../src/taskpane/office-host')).createOfficeHost();
    expect([other.language, other.theme]).toEqual(['en', 'light']);
  });

  it('selects a sheet-qualified cell on its sheet, opens sheets and reads the selection', async () => {
    const { calls } = installOffice();
    const host = (await import('../../src/taskpane/office-host')).createOfficeHost();
    await host.selectCell("'Budget 2024'!D7");
    expect(calls.splice(0)).toEqual([{ op: 'activate', arg: 'Budget 2024' }, { op: 'select', arg: 'D7' }, { op: 'sync' }]);
    await host.activateSheet('Oppfølging 2024-03');
    expect(calls.splice(0)).toEqual([{ op: 'activate', arg: 'Oppfølging 2024-03' }, { op: 'sync' }]);
    expect(await host.selectedRange()).toBe("'Budget 2024'!A3:N13");
  });

  it('registers the ribbon function named in the manifest, and always completes its event', async () => {
    const { associated, calls } = installOffice();
    await import('../../src/commands/commands');
    const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const name = /<FunctionName>([^<]+)<\/FunctionName>/.exec(manifest)?.[1];
    expect(name).toBe('generateFollowUp');
    expect([...associated.keys()]).toEqual([name]);

    const { associateRibbonFunction } = await import('../../src/taskpane/office-host');
    const completed = jest.fn();
    associateRibbonFunction('failing', () => Promise.reject(new Error('boom')));
    associated.get('failing')?.({ completed });
    await new Promise((r) => setTimeout(r, 0));
    expect(completed).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });

  it("hands the ribbon's reports to the pane, also to a pane that opens after them", async () => {
    const { calls } = installOffice();
    const office = await import('../../src/taskpane/office-host');
    const commands = office.createOfficeCommandHost();
    expect(await commands.showTaskpane()).toBe(true);
    expect(calls).toEqual([{ op: 'showAsTaskpane' }]);

    commands.report({ kind: 'needs-settings' });
    const seen: CommandReport[] = [];
    const stop = office.createOfficeHost().onCommandReport?.((r) => seen.push(r));
    commands.report({ kind: 'failed', error: new Error('x') });
    stop?.();
    commands.report({ kind: 'needs-settings' });
    expect(seen.map((r) => r.kind)).toEqual(['needs-settings', 'failed']);

    installOffice({ shared: false });
    const noShared = (await import('../../src/taskpane/office-host')).createOfficeCommandHost();
    expect(await noShared.showTaskpane()).toBe(false);
  });
});

describe('what Excel refuses, said clearly', () => {
  it('is not supported on Excel 2019 (ExcelApi 1.8), which would run the pane in Internet Explorer', async () => {
    installOffice({ api: 1.8 });
    expect((await import('../../src/taskpane/office-host')).createOfficeHost().supported).toBe(false);
  });

  it('a selection of several areas: select one range, in the pane’s language', async () => {
    installOffice({ language: 'nb-NO', areas: 2 });
    const host = (await import('../../src/taskpane/office-host')).createOfficeHost();
    await expect(host.selectedRange()).rejects.toThrow('Utvalget har 2 områder: merk ett område');
    installOffice({ language: 'en-GB', areas: 3 });
    const en = (await import('../../src/taskpane/office-host')).createOfficeHost();
    await expect(en.selectedRange()).rejects.toThrow('The selection has 3 areas: select one range');
  });

  it('while a cell is being edited: finish editing the cell, then try again', async () => {
    installOffice({ editing: true });
    const host = (await import('../../src/taskpane/office-host')).createOfficeHost();
    await expect(host.selectCell('Ramme!B5')).rejects.toThrow(/Finish editing the cell \(press Enter or Esc\), then try again/);
    await expect(host.selectedRange()).rejects.toThrow(/Finish editing the cell/);
    installOffice({ editing: true, language: 'sv-SE' });
    const sv = (await import('../../src/taskpane/office-host')).createOfficeHost();
    await expect(sv.activateSheet('Ramme')).rejects.toThrow('Avsluta redigeringen av cellen (tryck Enter eller Esc) och försök igen.');
  });
});

describe('the pane in the shared runtime', () => {
  afterEach(() => Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }));

  it('does nothing while the page is hidden (the ribbon ran first), and starts when the pane is shown', async () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const { visibility } = installOffice();
    const { paneShown } = await import('../../src/taskpane/office-host');
    let started = false;
    const waiting = paneShown().then(() => (started = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(false);
    visibility.forEach((h) => h({ visibilityMode: 'Hidden' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(false);
    visibility.forEach((h) => h({ visibilityMode: 'Taskpane' }));
    await waiting;
    expect(started).toBe(true);
  });

  it('starts at once when the page is shown', async () => {
    installOffice();
    const { paneShown } = await import('../../src/taskpane/office-host');
    await expect(paneShown()).resolves.toBeUndefined();
  });
});

describe('where Office.js is called', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  it('only office-host.ts touches the Office and Excel globals', () => {
    const sources = [...files(path.join(ROOT, 'src', 'taskpane')), ...files(path.join(ROOT, 'src', 'commands'))].filter((f) => /\.tsx?$/.test(f));
    const offenders = sources
      .filter((f) => !/office-host\.ts$/.test(f))
      .filter((f) => /\b(Office|Excel)\.[a-zA-Z]/.test(fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
