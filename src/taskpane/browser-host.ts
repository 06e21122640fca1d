/**
 * The browser as the pane's host (the preview page, preview.tsx): the workbook is an .xlsx file the
 * user opened, held in memory by the xlsx adapter; nothing leaves the browser. What Excel does for the
 * pane — select a cell, open a sheet, tell which range is selected — is done by the page's read-only
 * sheet preview, through the session's view (the sheet shown and the selected range).
 *
 * The session is a small external store (subscribe/snapshot) so that React renders from it; the pane
 * itself gets a Host (`hostOf`), one per UI language, all over the same workbook.
 */
/* global setTimeout, requestAnimationFrame */
import { oneAtATime } from '../commands/one-run';
import { FollowUpError } from '../core/errors';
import { parseSheetRange, sheetRange, type CellRange, type Grid } from '../core/grid';
import { FOLLOWUP_MARKER } from '../report/followup-sheet';
import type { SheetLayout } from '../report/layout';
import { SETTINGS_SHEET } from '../workbook/conventions';
import type { PivotInfo, Workbook } from '../workbook/port';
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

/** A sheet as the preview's tabs list it. */
export interface SheetTab {
  readonly name: string;
  readonly visible: boolean;
}

export interface SessionSnapshot {
  readonly fileName: string;
  /** The file name of the download: `<name>.followup.xlsx` (`.xlsm` keeps its type, as the CLI does). */
  readonly downloadName: string;
  readonly view: SheetView | null;
  /** The workbook's sheets, in order. */
  readonly sheets: readonly SheetTab[];
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

/**
 * After the page has painted what is pending now: a frame, then a task (the frame's callbacks run just
 * before it paints). Where there are no frames, a task.
 */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The key of a sheet's grid read whole or of one range of it: sheet names are the same in any case. */
const gridKey = (sheet: string, range?: CellRange): string =>
  `${sheet.toLowerCase()}\u0000${range ? `${range.top}:${range.left}:${range.bottom}:${range.right}` : ''}`;

export class BrowserSession {
  /** The workbook the pane's pipeline uses: the file's, yielding to the page between sheets. */
  readonly workbook: Workbook;
  private readonly listeners = new Set<() => void>();
  private snapshot: SessionSnapshot;
  /**
   * The grids read so far, until their sheet is written. The pane looks through the workbook when the
   * file opens (its sources) and the sheet preview shows a sheet; "Generate follow-up" then reads the
   * same sheets again, and parsing a sheet's XML is most of what reading costs.
   */
  private readonly grids = new Map<string, Promise<Grid>>();

  private constructor(
    /** The file's workbook itself (for the sheet preview, which must not wait between sheets). */
    readonly file: XlsxWorkbook,
    fileName: string,
  ) {
    this.snapshot = { fileName, downloadName: followUpFileName(fileName), sheets: [], view: null, written: [], version: 0 };
    const wb = file;
    this.workbook = {
      listSheets: () => wb.listSheets(),
      readSheet: async (sheet: string, range?: CellRange): Promise<Grid> => {
        await nextTask();
        return this.readSheet(sheet, range);
      },
      listPivots: (): Promise<readonly PivotInfo[]> => wb.listPivots(),
      writeSheet: async (layout: SheetLayout, marker: string): Promise<void> => {
        await nextTask();
        this.forget(layout.name);
        try {
          await wb.writeSheet(layout, marker);
        } catch (e) {
          await this.listSheets();
          throw e;
        }
        this.wrote(layout.name, marker === FOLLOWUP_MARKER);
      },
      readSettings: () => wb.readSettings(),
      writeSettings: async (json: string): Promise<void> => {
        this.forget(SETTINGS_SHEET);
        await wb.writeSettings(json);
        // the settings' sheet is very hidden: no tab, but a sheet of the workbook all the same
        if (!this.snapshot.sheets.some((s) => s.name.toLowerCase() === SETTINGS_SHEET.toLowerCase())) {
          this.update({ sheets: [...this.snapshot.sheets, { name: SETTINGS_SHEET, visible: false }] });
        }
      },
    };
  }

  /** A sheet's grid (or a range of it) as the file holds it now: read once, until the sheet is written. */
  readSheet(sheet: string, range?: CellRange): Promise<Grid> {
    const key = gridKey(sheet, range);
    let grid = this.grids.get(key);
    if (!grid) {
      grid = this.file.readSheet(sheet, range);
      this.grids.set(key, grid);
      // a sheet that could not be read is tried again next time (and says why again)
      grid.catch(() => this.grids.get(key) === grid && this.grids.delete(key));
    }
    return grid;
  }

  /**
   * A sheet's grid for the sheet preview: read once every run of the pane started before has ended and
   * its outcome is on screen. The preview stands in for Excel's own grid, which the pane's run does not
   * draw: the follow-up sheet the run shows is read and drawn after the pane's result, not while the
   * person waits for it (reading it and drawing its thousands of cells cost about as much as the run).
   */
  readSheetWhenIdle(sheet: string): Promise<Grid> {
    return oneAtATime(() => Promise.resolve())
      .then(afterPaint)
      .then(() => this.readSheet(sheet));
  }

  /** The grids read from a sheet about to be written. */
  private forget(sheet: string): void {
    const prefix = gridKey(sheet); // the name and the separator no name holds
    for (const key of [...this.grids.keys()]) if (key.startsWith(prefix)) this.grids.delete(key);
  }

  /**
   * Opens a file's bytes. Throws the xlsx adapter's FollowUpError (naming the file) when it is not a
   * workbook it can read: another format renamed .xlsx, a password-protected or damaged file.
   */
  static async open(bytes: Uint8Array, fileName: string): Promise<BrowserSession> {
    const session = new BrowserSession(XlsxWorkbook.open(bytes, fileName), fileName);
    const first = (await session.listSheets()).find((s) => s.visible);
    if (first) session.update({ view: { sheet: first.name, selection: null, origin: 'open', seq: 0 } });
    return session;
  }

  /**
   * The sheets as the file lists them, into the snapshot. Only on opening (and after a failed write):
   * listing a sheet the pipeline wrote costs a pass over all its XML for its used range, which the
   * tabs do not need; a sheet written is added to the list as the xlsx adapter adds it (`wrote`).
   */
  private async listSheets(): Promise<readonly SheetTab[]> {
    const sheets = (await this.file.listSheets()).map(({ name, visible }) => ({ name, visible }));
    this.update({ sheets });
    return sheets;
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
    // A new sheet comes last and visible; one written again keeps its place and its visibility.
    const known = this.snapshot.sheets.some((s) => s.name.toLowerCase() === sheet.toLowerCase());
    const sheets = known ? this.snapshot.sheets : [...this.snapshot.sheets, { name: sheet, visible: true }];
    this.update({ sheets, written, version: this.snapshot.version + 1 });
    if (show) this.setView(sheet, null, 'pane');
  }

  /** The sheet's name as the workbook spells it, or a FollowUpError when it has none such. */
  private async sheetNamed(name: string): Promise<SheetTab> {
    const sheets = this.snapshot.sheets;
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
