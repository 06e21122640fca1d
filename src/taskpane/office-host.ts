/**
 * Office as the pane's host: the ONLY module that calls Office.js (Office.*, Excel.*). The pane's
 * components and the ribbon's command logic get what they need through the Host and CommandHost
 * interfaces, so tests and a browser preview run them with another host.
 */
/* global Office, Excel, window, Window, CustomEvent, Event, document */
import { FollowUpError } from '../core/errors';
import { parseSheetRange, rangeA1 } from '../core/grid';
import { ExcelWorkbook, excelError } from '../workbook/excel/workbook';
import type { Workbook } from '../workbook/port';
import { themeOfBackground, uiLanguageOf, type CommandReport, type Host, type UiLanguage } from './host';
import type { CommandHost } from '../commands/run';

/**
 * The requirement set the add-in needs (also in manifest.xml): 1.9, which Excel 2019 lacks — it would
 * run the pane in Internet Explorer, where the pane cannot run.
 */
export const REQUIRED_API = { name: 'ExcelApi', version: '1.9' } as const;

/** Office is initialised: render after this (Office.onReady). */
export function officeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}

/**
 * The pane is on screen. In the shared runtime the page also loads hidden, when the ribbon's command
 * runs first: the pane then does no work (no reading, no dry run) until the person opens it.
 */
export function paneShown(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState !== 'hidden') {
      resolve();
      return;
    }
    const shown = (): void => {
      document.removeEventListener('visibilitychange', onVisibility);
      resolve();
    };
    const onVisibility = (): void => {
      if (document.visibilityState !== 'hidden') shown();
    };
    document.addEventListener('visibilitychange', onVisibility);
    try {
      void Office.addin?.onVisibilityModeChanged?.((args) => {
        if (String(args.visibilityMode) === 'Taskpane') shown();
      });
    } catch {
      // no shared runtime: the page's own visibility is the answer
    }
  });
}

const ONE_RANGE: Record<UiLanguage, (areas: number) => string> = {
  en: (n) => `The selection has ${n} areas: select one range (without Ctrl), then choose Add selected range again.`,
  nb: (n) => `Utvalget har ${n} områder: merk ett område (uten Ctrl), og velg Legg til merket område igjen.`,
  sv: (n) => `Markeringen har ${n} områden: markera ett område (utan Ctrl) och välj Lägg till markerat område igen.`,
};

/** Excel's refusals (cell-edit mode, protection…) as a FollowUpError saying what to do. */
async function inExcel<T>(doing: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw excelError(e, null, doing, null, uiLanguageOf(Office.context.displayLanguage));
  }
}

let workbookInstance: Workbook | null = null;

/** The Workbook port over Excel.run (one per page: the pane and the ribbon's function share it). */
export function excelWorkbook(): Workbook {
  workbookInstance ??= ExcelWorkbook.inExcel({ language: uiLanguageOf(Office.context.displayLanguage) });
  return workbookInstance;
}

/*
 * The ribbon's command and the pane share one runtime (manifest.xml: <Runtimes>), but they are two
 * bundles' entry points: the command's reports travel as DOM events, and the last one is kept on the
 * window for a pane that mounts after it was sent.
 */
const REPORT_EVENT = 'budget-followup:command-report';
const LAST_REPORT = Symbol.for('budget-followup.lastCommandReport');
type ReportWindow = Window & { [LAST_REPORT]?: CommandReport };

function publishReport(report: CommandReport): void {
  (window as ReportWindow)[LAST_REPORT] = report;
  window.dispatchEvent(new CustomEvent<CommandReport>(REPORT_EVENT, { detail: report }));
}

function subscribeReports(listener: (report: CommandReport) => void): () => void {
  const last = (window as ReportWindow)[LAST_REPORT];
  if (last) {
    delete (window as ReportWindow)[LAST_REPORT];
    listener(last);
  }
  const handler = (e: Event): void => {
    delete (window as ReportWindow)[LAST_REPORT];
    listener((e as CustomEvent<CommandReport>).detail);
  };
  window.addEventListener(REPORT_EVENT, handler);
  return () => window.removeEventListener(REPORT_EVENT, handler);
}

function isSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported(REQUIRED_API.name, REQUIRED_API.version);
  } catch {
    return false;
  }
}

export function createOfficeHost(): Host {
  const workbook = excelWorkbook();
  const language = uiLanguageOf(Office.context.displayLanguage);
  return {
    language,
    theme: themeOfBackground(Office.context.officeTheme?.bodyBackgroundColor),
    supported: isSupported(),
    workbook,
    readSettings: () => workbook.readSettings(),
    writeSettings: (json) => workbook.writeSettings(json),
    selectedRange: () =>
      inExcel('read the selection in', async (context) => {
        // getSelectedRange refuses a selection of several areas with a bare InvalidSelection
        const ranges = context.workbook.getSelectedRanges();
        ranges.load('address,areaCount');
        await context.sync();
        if (ranges.areaCount > 1) throw new FollowUpError('usage', ONE_RANGE[language](ranges.areaCount));
        return ranges.address || null;
      }),
    selectCell: (address) =>
      inExcel('select a cell in', async (context) => {
        const ref = parseSheetRange(address);
        if (!ref) throw new Error(`not a cell address: ${address}`);
        const sheet = ref.sheet === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(ref.sheet);
        sheet.activate();
        sheet.getRange(rangeA1(ref.range)).select();
        await context.sync();
      }),
    activateSheet: (name) =>
      inExcel('open a sheet of', async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),
    onCommandReport: subscribeReports,
  };
}

/** Opens the task pane (shared runtime only); false when this Office cannot. */
async function showTaskpane(): Promise<boolean> {
  try {
    if (!Office.addin?.showAsTaskpane) return false;
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

export function createOfficeCommandHost(): CommandHost {
  return { workbook: excelWorkbook(), showTaskpane, report: publishReport };
}

/** Registers a ribbon function (ExecuteFunction); Office's event is completed when `run` settles. */
export function associateRibbonFunction(name: string, run: () => Promise<void>): void {
  Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
    run()
      .catch(() => undefined)
      .finally(() => event.completed());
  });
}
