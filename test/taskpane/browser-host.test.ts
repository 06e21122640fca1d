/**
 * The browser as the pane's host (the preview page), without a browser: a file's bytes opened with the
 * xlsx adapter; what the pane asks Excel to do becomes the sheet preview's view; settings and
 * generated sheets go into the workbook that is downloaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateInTurn } from '../../src/commands/one-run';
import { FollowUpError } from '../../src/core/errors';
import { BrowserSession, followUpFileName } from '../../src/taskpane/browser-host';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const bytesOf = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));

describe('the download’s file name', () => {
  it('is the workbook’s name with .followup before the extension, as the command line names it', () => {
    expect(followUpFileName('helse-og-omsorg-2024-04.xlsx')).toBe('helse-og-omsorg-2024-04.followup.xlsx');
    expect(followUpFileName('Budsjett.XLSX')).toBe('Budsjett.followup.xlsx');
    expect(followUpFileName('makro.xlsm')).toBe('makro.followup.xlsm');
    expect(followUpFileName('C:\\fakepath\\drift.xlsx')).toBe('drift.followup.xlsx');
    expect(followUpFileName('uten-endelse')).toBe('uten-endelse.followup.xlsx');
  });
});

describe('opening a file', () => {
  it('refuses what is not a workbook with the adapter’s message, naming the file', async () => {
    await expect(BrowserSession.open(new TextEncoder().encode('a;b\n1;2\n'), 'budsjett.xlsx')).rejects.toThrow(
      new FollowUpError('bad-input', '"budsjett.xlsx" is not an Excel workbook (.xlsx): it is not a zip package'),
    );
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(BrowserSession.open(ole, 'låst.xlsx')).rejects.toThrow(/"låst\.xlsx" is password-protected/);
  });

  it('shows the first visible sheet, with nothing selected and nothing written yet', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    const snap = session.getSnapshot();
    expect(snap.view).toMatchObject({ sheet: 'Hovedbok', selection: null, origin: 'open' });
    expect(snap.written).toEqual([]);
    expect(snap.downloadName).toBe('helse-og-omsorg-2024-04.followup.xlsx');
    const host = session.hostOf('nb', 'light');
    expect(host).toMatchObject({ language: 'nb', theme: 'light', supported: true });
    expect(host.onCommandReport).toBeUndefined();
    expect(await host.selectedRange()).toBeNull();
  });
});

describe('what the pane asks Excel to do, in the sheet preview', () => {
  it("selectCell shows the cell's sheet with the cell selected, whatever the sheet name's quoting and case", async () => {
    const session = await BrowserSession.open(bytesOf('vard-och-omsorg-2024-04.xlsx'), 'vard-och-omsorg-2024-04.xlsx');
    const host = session.hostOf('sv', 'light');
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getSnapshot().view?.sheet ?? ''));
    await host.selectCell("'Rapport T1'!D7");
    expect(session.getSnapshot().view).toMatchObject({ sheet: 'Rapport T1', selection: { top: 6, left: 3, bottom: 6, right: 3 }, origin: 'pane' });
    expect(await host.selectedRange()).toBe("'Rapport T1'!D7");
    await host.selectCell("'rapport t1'!B4:C5");
    expect(session.getSnapshot().view).toMatchObject({ sheet: 'Rapport T1', selection: { top: 3, left: 1, bottom: 4, right: 2 } });
    await host.selectCell('A1'); // unqualified: on the sheet shown
    expect(await host.selectedRange()).toBe("'Rapport T1'!A1");
    expect(seen).toEqual(['Rapport T1', 'Rapport T1', 'Rapport T1']);
  });

  it('refuses a sheet the workbook lacks and what is not an address, so the pane can say so', async () => {
    const session = await BrowserSession.open(bytesOf('vard-och-omsorg-2024-04.xlsx'), 'vard-och-omsorg-2024-04.xlsx');
    const host = session.hostOf('sv', 'light');
    await expect(host.selectCell('Borta!A1')).rejects.toThrow('"vard-och-omsorg-2024-04.xlsx" has no sheet named "Borta"');
    await expect(host.selectCell('inte en adress')).rejects.toThrow(FollowUpError);
    await expect(host.activateSheet('Borta')).rejects.toThrow(FollowUpError);
    expect(session.getSnapshot().view?.sheet).toBe('Huvudbok');
  });

  it("activateSheet shows the sheet; the user's selection in the preview is the pane's selected range", async () => {
    const session = await BrowserSession.open(bytesOf('vard-och-omsorg-2024-04.xlsx'), 'vard-och-omsorg-2024-04.xlsx');
    const host = session.hostOf('en', 'dark');
    await host.activateSheet('budget');
    expect(session.getSnapshot().view).toMatchObject({ sheet: 'Budget', selection: null, origin: 'pane' });
    session.select('Budget', { top: 2, left: 0, bottom: 10, right: 13 });
    expect(session.getSnapshot().view?.origin).toBe('user');
    expect(await host.selectedRange()).toBe('Budget!A3:N11');
    await session.showRange("'Rapport T1'!A3:E10", 'user');
    expect(await host.selectedRange()).toBe("'Rapport T1'!A3:E10");
  });
});

describe('generating and downloading', () => {
  it('records the sheets the pipeline writes, shows the follow-up sheet, and saves them with the settings', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    const host = session.hostOf('nb', 'light');
    const settings = JSON.stringify({ forecast: { method: 'deviation-run-rate' } });
    await host.writeSettings(settings);
    expect(await host.readSettings()).toBe(settings);
    expect(session.getSnapshot().written).toEqual([]); // settings are not follow-up sheets

    const result = await generateFollowUp(host.workbook);
    expect(result.sheets).toEqual(['Oppfølging 2024-04', 'Tiltak 2024-04', 'Grafer 2024-04', 'Sammendrag 2024-04', 'Måned for måned 2024-04', 'Kontroller 2024-04']);
    const snap = session.getSnapshot();
    expect(snap.written).toEqual(result.sheets);
    expect(snap.version).toBe(6);
    expect(snap.view).toMatchObject({ sheet: 'Oppfølging 2024-04', selection: null, origin: 'pane' });

    const saved = XlsxWorkbook.open(session.save(), snap.downloadName);
    const names = (await saved.listSheets()).filter((s) => s.visible).map((s) => s.name);
    expect(names).toEqual(['Hovedbok', 'Regnskap', 'Budsjett', 'Tiltak', ...result.sheets]);
    expect(await saved.readSettings()).toBe(settings);
    // Generating again replaces the same sheets: the list does not grow.
    await generateFollowUp(host.workbook);
    expect(session.getSnapshot().written).toEqual(result.sheets);
  });

  it('lists the sheets for the tabs as the workbook has them, with those the pipeline added and the settings sheet hidden', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    const host = session.hostOf('nb', 'light');
    const asListed = async (): Promise<{ name: string; visible: boolean }[]> =>
      (await XlsxWorkbook.open(session.save(), 'saved.xlsx').listSheets()).map(({ name, visible }) => ({ name, visible }));
    expect(session.getSnapshot().sheets).toEqual(await asListed());
    await host.writeSettings(JSON.stringify({ forecast: { method: 'deviation-run-rate' } }));
    await generateFollowUp(host.workbook);
    const sheets = session.getSnapshot().sheets;
    expect(sheets.filter((s) => !s.visible).map((s) => s.name)).toEqual(['_BudgetFollowup']);
    expect(sheets).toEqual(await asListed());
    await generateFollowUp(host.workbook); // written again: the same sheets, in the same places
    expect(session.getSnapshot().sheets).toEqual(sheets);
  });

  it('reads a sheet once until it is written, and then what was written', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    const host = session.hostOf('nb', 'light');
    const read = jest.spyOn(session.file, 'readSheet');
    await generateFollowUp(host.workbook, { dryRun: true }); // the pane, looking for the sources
    const first = read.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    const { sheets } = await generateFollowUp(host.workbook); // "Generate follow-up": the same sheets, not parsed again
    expect(read.mock.calls.length).toBe(first);

    const followUp = sheets[0];
    const before = await session.readSheet(followUp);
    await host.writeSettings(JSON.stringify({ forecast: { method: 'deviation-run-rate' } }));
    await generateFollowUp(host.workbook);
    const after = await session.readSheet(followUp);
    const saved = await XlsxWorkbook.open(session.save(), 'saved.xlsx').readSheet(followUp);
    expect(after.values).toEqual(saved.values);
    expect(after.values).not.toEqual(before.values);
  });

  it('yields to the page between sheets, so that the pane can paint its progress', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await generateFollowUp(session.workbook, { dryRun: true });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('draws the sheet the run shows once the run has ended, as the sheet the run wrote', async () => {
    const session = await BrowserSession.open(bytesOf('helse-og-omsorg-2024-04.xlsx'), 'helse-og-omsorg-2024-04.xlsx');
    const host = session.hostOf('nb', 'light');
    const events: string[] = [];
    let shownRead: Promise<unknown> | null = null;
    const run = generateInTurn(host.workbook, {
      onProgress: (step) => {
        // the follow-up sheet is written and shown: the preview asks for it while the run goes on
        const view = session.getSnapshot().view;
        if (step === 'writing' && !shownRead && view?.origin === 'pane')
          shownRead = session.readSheetWhenIdle(view.sheet).then(() => events.push('preview read'));
      },
    }).then((result) => {
      events.push('run ended');
      return result;
    });
    const { sheets } = await run;
    expect(shownRead).not.toBeNull();
    await shownRead;
    expect(events).toEqual(['run ended', 'preview read']);
    const grid = await session.readSheetWhenIdle(sheets[0]);
    expect(grid.values).toEqual((await XlsxWorkbook.open(session.save(), 'saved.xlsx').readSheet(sheets[0])).values);
  });
});
