/**
 * A host for the pane's tests: a real workbook (the xlsx adapter) behind the Workbook port, and a
 * record of what the pane asked Excel to do (select a cell, open a sheet).
 */
import './polyfills';
import * as fs from 'fs';
import * as path from 'path';
import type { CommandReport, Host, ThemeKind, UiLanguage } from '../../src/taskpane/host';
import type { Workbook } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';

export const DRAMMEN = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'no-drammen-p06-2022-02.xlsx');

/** The Drammen fixture: two pivots (2021 and 2022 actuals), measures and a budget frame. */
export function drammen(): XlsxWorkbook {
  return XlsxWorkbook.open(new Uint8Array(fs.readFileSync(DRAMMEN)), 'no-drammen-p06-2022-02.xlsx');
}

export interface FakeHost extends Host {
  readonly selected: string[];
  readonly activated: string[];
  selection: string | null;
  /** Sends a report as the ribbon's command would. */
  report(r: CommandReport): void;
}

export function fakeHost(workbook: Workbook, options: { language?: UiLanguage; theme?: ThemeKind; supported?: boolean; selection?: string | null } = {}): FakeHost {
  const listeners = new Set<(r: CommandReport) => void>();
  const host: FakeHost = {
    language: options.language ?? 'en',
    theme: options.theme ?? 'light',
    supported: options.supported ?? true,
    workbook,
    selected: [],
    activated: [],
    selection: options.selection ?? null,
    readSettings: () => workbook.readSettings(),
    writeSettings: (json) => workbook.writeSettings(json),
    selectedRange: async () => host.selection,
    selectCell: async (address) => {
      host.selected.push(address);
    },
    activateSheet: async (name) => {
      host.activated.push(name);
    },
    onCommandReport: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: (r) => listeners.forEach((l) => l(r)),
  };
  return host;
}

/** A promise with its resolve, to hold the pipeline at a step. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The workbook, with writing held until `hold` opens (to see the progress mid-run). */
export function heldAtWriting(wb: Workbook, hold: Promise<void>): Workbook {
  return {
    listSheets: () => wb.listSheets(),
    readSheet: (s, r) => wb.readSheet(s, r),
    listPivots: () => wb.listPivots(),
    writeSheet: async (layout, marker) => {
      await hold;
      return wb.writeSheet(layout, marker);
    },
    readSettings: () => wb.readSettings(),
    writeSettings: (json) => wb.writeSettings(json),
  };
}
