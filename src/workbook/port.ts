/**
 * The one seam to the outside: what the pipeline needs from a workbook. Two adapters implement it:
 * the xlsx file adapter (command line, browser preview, tests) and the Excel adapter (Office.js).
 */
import type { CellRange, Grid } from '../core/grid';
import type { PivotDefinition } from '../core/read/pivot-definition';

export type { PivotDefinition } from '../core/read/pivot-definition';
import type { SheetLayout } from '../report/layout';

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  /** The marker the add-in left on a sheet it generated (e.g. `followup`), or null for people's sheets. */
  readonly generated: string | null;
  /** Used range, or null for an empty sheet. */
  readonly usedRange: CellRange | null;
}

/** A real PivotTable the workbook holds (its layout range as Excel shows it). */
export interface PivotInfo {
  readonly name: string;
  readonly sheet: string;
  readonly range: CellRange;
  /** What the pivot's definition says, when the adapter could read it (see PivotDefinition). */
  readonly definition?: PivotDefinition;
}

export interface Workbook {
  listSheets(): Promise<readonly SheetInfo[]>;
  /** Values, number formats and formulas of a range, or of the sheet's used range when none is given. */
  readSheet(sheet: string, range?: CellRange): Promise<Grid>;
  listPivots(): Promise<readonly PivotInfo[]>;
  /**
   * Creates the sheet `layout.name`, or replaces it when it carries a generated marker. Refuses (throws
   * FollowUpError) to replace a sheet without a marker: a person's sheet is never overwritten.
   * `marker` is stored with the sheet so the next run recognises it.
   */
  writeSheet(layout: SheetLayout, marker: string): Promise<void>;
  /** The add-in's settings stored in the workbook (JSON text), or null when none. */
  readSettings(): Promise<string | null>;
  writeSettings(json: string): Promise<void>;
  /**
   * What went wrong without failing a write (Excel refused to freeze the headings or draw a chart), in
   * the person's language, each said once: the list is emptied. Adapters with nothing to say omit it.
   */
  takeNotices?(): readonly string[];
}
