/**
 * The browser as the pane's host (the preview page, preview.tsx): the workbook is an .xlsx file the
 * user opened, held in memory by the xlsx adapter; nothing leaves the browser. What Excel does for the
 * pane — select a cell, open a sheet, tell which range is selected — is done by the page's read-only
 * sheet preview, through the session's view (the sheet shown and the selected range).
 *
 * The session is a small external store (subscribe/snapshot) so that React renders from it; the pane
 * itself gets a Host (`hostOf`), one per UI language, all over the same workbook.
 */
/* global setTimeout */
import { FollowUpError } from '../core/errors';
import { parseSheetRange, sheetRange, type CellRange, type Grid } from '../core/grid';
import { FOLLOWUP_MARKER } from '../report/followup-sheet';
import type { SheetLayout } from '../report/layout';
import type { PivotInfo, SheetInfo, Workbook } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx/workbook';
import type { Host, ThemeKind, UiLanguage } from './host';

/** What the sheet preview shows: a sheet, and the selected range on it (null: none). */
export interface SheetView {
  readonly sheet: string;
  readonly selection: CellRange | null;
  /** Who chose it: the pane (a warning's cell, a generated sheet) or the user in the preview. */
  readonly origin: 'pane' | 'user' | 'open';
  /** Counts every change of view, so the preview can call attention to a repeated "show". */
  readonly seq: number;
}

export interface SessionSnapshot {
  readonly fileName: string;
  /** The file name of the download: `<name>.followup.xlsx` (`.xlsm` keeps its type, as the CLI does). */
  readonly downloadName: string;
  readonly view: SheetView | null;
  /** The sheets the pipeline wrote in this session, in order (empty until a follow-up is generated). */
  readonly written: readonly string[];
  /** Goes up with every change to the workbook's sheets: cached sheet contents are stale then. */
  readonly version: number;
}

/** `budget.xlsx` → `budget.followup.xlsx` (as the command line names its default output). */
export function followUpFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm)$/i, '') || 'workbook';
  return `${base}.followup${/\.xlsm$/i.test(fileName) ? '.xlsm' : '.xlsx'}`;
}

/** A turn of the event loop, so the page can paint the pane's progress between sheets. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class BrowserSession {
  /** The workbook the pane's pipeline uses: the file's, yielding to the page between sheets. */
  readonly workbook: Workbook;
  private readonly listeners = new Set<() => void>();
  private snapshot: SessionSnapshot;

  private constructor(
    /** The file's workbook itself (for the sheet preview, which must not wait between sheets). */
    readonly file: XlsxWorkbook,
    fileName: string,
  ) {
    this.snapshot = { fileName, downloadName: followUpFileName(fileName), view: null, written: [], version: 0 };
    const wb = file;
    this.workbook = {
      listSheets: () => wb.listSheets(),
      readSheet: async (sheet: string, range?: CellRange): Promise<Grid> => {
        await nextTask();
        return wb.readSheet(sheet, range);
      },
      listPivots: (): Promise<readonly PivotInfo[]> => wb.listPivots(),
      writeSheet: async (layout: SheetLayout, marker: string): Promise<void> => {
        await nextTask();
        await wb.writeSheet(layout, marker);
        this.wrote(layout.name, marker === FOLLOWUP_MARKER);
      },
      readSettings: () => wb.readSettings(),
      writeSettings: (json: string) => wb.writeSettings(json),
    };
  }

  /**
   * Opens a file's bytes. Throws the xlsx adapter's FollowUpError (naming the file) when it is not a
   * workbook it can read: another format renamed .xlsx, a password-protected or damaged file.
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<BrowserSession> {
    const session = new BrowserSession(XlsxWorkbook.open(bytes, fileName), fileName);
    const first = (await session.file.listSheets()).find((s) => s.visible);
    if (first) session.update({ view: { sheet: first.name, selection: null, origin: 'open', seq: 0 } });
    return session;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.forEach((l) => l());
  }

  /** A sheet was written; the follow-up sheet itself is shown, as the run's visible outcome. */
  private wrote(sheet: string, show: boolean): void {
    const written = this.snapshot.written.includes(sheet) ? this.snapshot.written : [...this.snapshot.written, sheet];
    this.update({ written, version: this.snapshot.version + 1 });
    if (show) this.setView(sheet, null, 'pane');
  }

  /** The sheet's name as the workbook spells it, or a FollowUpError when it has none such. */
  private async sheetNamed(name: string): Promise<SheetInfo> {
    const sheets = await this.file.listSheets();
    const found = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new FollowUpError('not-found', `"${this.snapshot.fileName}" has no sheet named "${name}"`);
    return found;
  }

  /** Shows a sheet in the preview (Excel: activates it). */
  async showSheet(name: string, origin: SheetView['origin'] = 'pane'): Promise<void> {
    const sheet = await this.sheetNamed(name);
    this.setView(sheet.name, null, origin);
  }

  /** Shows and selects a cell or range given sheet-qualified (`'Rapport T1'!D7`); unqualified: on the sheet shown. */
  async showRange(address: string, origin: SheetView['origin'] = 'pane'): Promise<void> {
    const ref = parseSheetRange(address);
    if (!ref) throw new FollowUpError('usage', `"${address}" is not a cell or range address`);
    const current = this.snapshot.view?.sheet;
    if (ref.sheet === null && !current) throw new FollowUpError('usage', `"${address}" names no sheet`);
    const sheet = ref.sheet === null ? (current as string) : (await this.sheetNamed(ref.sheet)).name;
    this.setView(sheet, ref.range, origin);
  }

  /** The user selected a range in the preview. */
  select(sheet: string, range: CellRange | null): void {
    this.setView(sheet, range, 'user');
  }

  private setView(sheet: string, selection: CellRange | null, origin: SheetView['origin']): void {
    this.update({ view: { sheet, selection, origin, seq: (this.snapshot.view?.seq ?? 0) + 1 } });
  }

  /** The selected range, sheet-qualified (`'Budget 2024'!A1:N13`), or null. */
  selectedRange(): string | null {
    const view = this.snapshot.view;
    return view && view.selection ? sheetRange(view.sheet, view.selection) : null;
  }

  /** The workbook as it is now, with the generated sheets: the download's bytes. */
  save(): Uint8Array {
    return this.file.save();
  }

  /** The pane's host over this session, in a UI language and theme. */
  hostOf(language: UiLanguage, theme: ThemeKind): Host {
    const wb = this.workbook;
    return {
      language,
      theme,
      supported: true,
      workbook: wb,
      readSettings: () => wb.readSettings(),
      writeSettings: (json) => wb.writeSettings(json),
      selectedRange: async () => this.selectedRange(),
      selectCell: (address) => this.showRange(address, 'pane'),
      activateSheet: (name) => this.showSheet(name, 'pane'),
    };
  }
}
