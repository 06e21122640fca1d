/**
 * What the task pane needs from where it runs. Office is one host (office-host.ts, the only module that
 * calls Office.js); a browser preview over the xlsx adapter and the tests' fake host are others. The
 * pane's components know only this interface, never the Office globals.
 */
import type { GenerateResult } from '../workbook/generate';
import type { Workbook } from '../workbook/port';

export type UiLanguage = 'nb' | 'sv' | 'en';
export type ThemeKind = 'light' | 'dark';

/** What the ribbon's "Generate follow-up" did, so that the pane can show it. */
export type CommandReport =
  | { readonly kind: 'generated'; readonly result: GenerateResult }
  | { readonly kind: 'failed'; readonly error: unknown }
  /** The workbook had no saved settings: the pane was opened to choose them. */
  | { readonly kind: 'needs-settings' };

export interface Host {
  /** The language of the pane's words (from Office's display language). */
  readonly language: UiLanguage;
  readonly theme: ThemeKind;
  /** False when the application lacks the API the add-in needs (Excel API 1.8); the pane then says so. */
  readonly supported: boolean;
  /** The workbook, through the port the pipeline reads and writes. */
  readonly workbook: Workbook;
  /** The add-in's settings saved in the workbook (JSON), through the port; null when none. */
  readSettings(): Promise<string | null>;
  writeSettings(json: string): Promise<void>;
  /** The selected range, sheet-qualified (`'Budget 2024'!A1:N13`), or null when there is none. */
  selectedRange(): Promise<string | null>;
  /** Selects a cell or range given sheet-qualified (`Ramme!B5`), activating its sheet. */
  selectCell(address: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Reports of the ribbon's command, when the host has one; returns the unsubscribe function. */
  onCommandReport?(listener: (report: CommandReport) => void): () => void;
}

/** The pane's language for a BCP 47 tag: Norwegian (bokmål, nynorsk, "no") → nb, Swedish → sv, else English. */
export function uiLanguageOf(tag: string | null | undefined): UiLanguage {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
  if (primary === 'sv') return 'sv';
  return 'en';
}

/** Dark when the background colour (`#RRGGBB`) is dark; light when unknown. */
export function themeOfBackground(color: string | null | undefined): ThemeKind {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? '').trim());
  if (!m) return 'light';
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}
