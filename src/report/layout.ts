/**
 * A declarative sheet layout: what a generated sheet holds, independent of how it is written.
 * Both workbook adapters (xlsx file and Excel) write exactly this; nothing about a sheet's content is
 * decided in an adapter. Rows and columns are 0-based.
 */
import { FollowUpError } from '../core/errors';
import { sheetCell } from '../core/grid';

export type HorizontalAlign = 'left' | 'center' | 'right';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  /** Font colour, `RRGGBB`. */
  readonly color?: string;
  /** Fill colour, `RRGGBB`. */
  readonly fill?: string;
  /** Locale-free number format code: `#,##0`, `0.0%`, `@`. */
  readonly numberFormat?: string;
  readonly align?: HorizontalAlign;
  readonly wrap?: boolean;
  readonly verticalAlign?: 'top' | 'center' | 'bottom';
  /** Thin rule above the cell (totals). */
  readonly borderTop?: 'thin' | 'medium' | 'double';
  readonly borderBottom?: 'thin' | 'medium' | 'double';
  /** Indent level (subordinate lines). */
  readonly indent?: number;
  /** Unlocked cells stay editable when the sheet is protected (people's columns). */
  readonly unlocked?: boolean;
}

export type LayoutValue = string | number | boolean | null;

/** The most characters a cell's text (or note) can have in Excel. */
export const MAX_CELL_TEXT = 32767;

/** The error for a text (a cell's value or note) longer than a cell can hold. */
export function textTooLong(sheet: string, row: number, col: number): FollowUpError {
  const where = sheetCell(sheet, row, col);
  return new FollowUpError(
    'unsupported',
    `the text for ${where} is longer than the ${MAX_CELL_TEXT.toLocaleString('en-US')} characters a cell can hold`,
    where,
  );
}

export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  /**
   * The value. Strings are always written as text, never interpreted (a label starting with `=`
   * stays text). With a formula, this is the value the engine computed (cached result).
   */
  readonly value: LayoutValue;
  /** Formula without the leading `=`, in English function names and A1 references. */
  readonly formula?: string;
  readonly style?: CellStyle;
  /** Internal link target, e.g. `'Regnskap'!A5`; a cell of another workbook as `[../units/a.xlsx]'Regnskap'!A5` (its path from this one). */
  readonly link?: string;
  /** A cell note (comment) for reviewers. */
  readonly note?: string;
}

export interface ColumnSpec {
  readonly col: number;
  /** Width in characters. */
  readonly width: number;
  readonly hidden?: boolean;
}

export type ConditionalFormat =
  | {
      readonly kind: 'cell-is';
      /** A1 range on this sheet, e.g. `F5:F20`. */
      readonly range: string;
      readonly operator: 'lessThan' | 'greaterThan' | 'between' | 'equal';
      /** Formula operands without `=` (numbers or references). */
      readonly operands: readonly string[];
      readonly style: Pick<CellStyle, 'color' | 'fill' | 'bold'>;
    }
  | {
      readonly kind: 'expression';
      readonly range: string;
      /** Formula relative to the range's top-left cell, without `=`. */
      readonly formula: string;
      readonly style: Pick<CellStyle, 'color' | 'fill' | 'bold'>;
    }
  | {
      readonly kind: 'data-bar';
      readonly range: string;
      /** Bar colour `RRGGBB` (negative bars are drawn in red by the applications). */
      readonly color: string;
      /** Negative bars' colour `RRGGBB`; red where absent. */
      readonly negativeColor?: string;
    };

export interface PageSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide (height unlimited unless `fitToHeight` says). */
  readonly fitToWidth?: number;
  /** Fit to this many pages tall (with `fitToWidth`): 1 for a sheet that must print on one page. */
  readonly fitToHeight?: number;
  /** The range printed (A1 on this sheet, `A1:F60`); the used range where absent. */
  readonly printArea?: string;
  /** Sheet rows (0-based, inclusive) repeated at the top of each printed page. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** Footer text in Excel header/footer codes (`&P`, `&N`, `&D`). */
  readonly footer?: string;
  /** Page margins in inches; Excel's defaults (0.7/0.7/0.75/0.75, header/footer 0.3) where absent. */
  readonly margins?: {
    readonly left?: number;
    readonly right?: number;
    readonly top?: number;
    readonly bottom?: number;
    readonly header?: number;
    readonly footer?: number;
  };
  /** Paper size; the printer's default where absent. */
  readonly paperSize?: 'A4' | 'A3' | 'letter';
}

export interface SheetLayout {
  /** Sheet name the layout wants; the writer may be told to use another if a person's sheet has it. */
  readonly name: string;
  /** The cells, in any order. */
  readonly cells: readonly LayoutCell[];
  readonly columns?: readonly ColumnSpec[];
  /** Merged ranges in A1 form (`A1:H1`). */
  readonly merges?: readonly string[];
  /** Rows and columns frozen at the top-left. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly page?: PageSetup;
  /** Tab colour `RRGGBB`. */
  readonly tabColor?: string;
  /** Hide gridlines for a printed-report look. */
  readonly hideGridlines?: boolean;
  /** Native, editable charts over this sheet's own cells. */
  readonly charts?: readonly ChartSpec[];
}

/**
 * A chart over cells of the sheet it is on. `line`: lines over categories (months); `stacked-column`:
 * columns stacked (a bridge, with an invisible base series); `bar`: horizontal bars, the first category
 * at the top.
 */
export interface ChartSpec {
  readonly kind: 'line' | 'stacked-column' | 'bar';
  readonly title: string;
  /** A1 range on this sheet of the category labels (one column). */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: top-left and bottom-right cells (0-based; the chart ends at the start of `to`). */
  readonly anchor: { readonly from: { readonly row: number; readonly col: number }; readonly to: { readonly row: number; readonly col: number } };
  /** Number format of the value axis (locale-free). */
  readonly numberFormat?: string;
  /** Whether the chart shows a legend (a bridge's and a ranking's colours speak for themselves). */
  readonly legend: boolean;
}

export interface ChartSeries {
  /** A1 cell on this sheet holding the series' name. */
  readonly name: string;
  /** A1 range on this sheet of the values (one column, as long as the categories). */
  readonly values: string;
  /** Line or fill colour `RRGGBB`; null draws nothing (a bridge's base). */
  readonly color: string | null;
  /** Colours of single points (bars), by index in the values; the series colour elsewhere. */
  readonly pointColors?: readonly string[];
  /** A dashed line (a forecast). */
  readonly dashed?: boolean;
  /** Markers on a line's points (the year-end forecast). */
  readonly markers?: boolean;
}

/** Points per line of 11-point text, Excel's default row height. */
const LINE_HEIGHT = 15;
/**
 * Characters of ordinary text a column holds per character of its width: the width counts the widest
 * digit, and running text is narrower on average (measured on LibreOffice's renders of Calibri 11).
 */
const TEXT_PER_WIDTH = 1.15;

/** Lines a wrapped text takes in a column of `width` characters, word by word as the applications wrap. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * TEXT_PER_WIDTH));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const len = word.length;
      if (used > 0 && used + 1 + len > perLine) {
        lines++;
        used = 0;
      }
      // A word longer than the line is broken across lines.
      if (len > perLine) {
        lines += Math.ceil(len / perLine) - 1;
        used = len % perLine;
      } else used += (used > 0 ? 1 : 0) + len;
    }
  }
  return lines;
}

/**
 * The height (points) a row needs so its wrapped texts show whole and never run over the rows below,
 * or null when one line is enough (the row keeps the default height and follows its font).
 */
export function rowHeightFor(cells: readonly LayoutCell[], widths: ReadonlyMap<number, number>): number | null {
  let height = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c.value !== 'string' || c.style?.wrap !== true || c.value.length === 0) continue;
    const width = widths.get(c.col);
    if (width === undefined) continue;
    const lines = wrappedLines(c.value, width);
    if (lines > 1) height = Math.max(height, lines * LINE_HEIGHT * ((c.style.size ?? 11) / 11));
  }
  return height > 0 ? Math.ceil(height) : null;
}

/** Printable width of paper in landscape, inches. */
const LANDSCAPE_WIDTH: Record<NonNullable<PageSetup['paperSize']>, number> = { A4: 11.69, A3: 16.54, letter: 11 };

/** A column's width in pixels at 100 %, as Excel reckons it for Calibri 11 (7-pixel digits, 5 pixels of padding). */
export function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/**
 * The scale a sheet prints at when fitted to one page wide: the printable width against the visible
 * columns' width (hidden columns are not printed). 1 when it fits at 100 %.
 */
export function printScale(layout: Pick<SheetLayout, 'columns' | 'page'>): number {
  const pixels = (layout.columns ?? []).filter((c) => !c.hidden).reduce((n, c) => n + columnPixels(c.width), 0);
  return pixels === 0 ? 1 : Math.min(1, printableWidth(layout.page) / pixels);
}

/** The width a page prints on, in pixels at 100 % (96 to the inch). */
export function printableWidth(page: Omit<PageSetup, 'footer' | 'repeatRows'> | undefined): number {
  const paper = page?.orientation === 'landscape' ? LANDSCAPE_WIDTH[page.paperSize ?? 'A4'] : 8.27;
  return (paper - (page?.margins?.left ?? 0.7) - (page?.margins?.right ?? 0.7)) * 96;
}

/**
 * How every sheet the add-in writes prints: A4 landscape with narrow side margins (Excel's "Narrow"),
 * one page wide, as many pages down as it takes.
 */
export const REPORT_PAGE: Omit<PageSetup, 'footer' | 'repeatRows'> = {
  orientation: 'landscape',
  paperSize: 'A4',
  fitToWidth: 1,
  margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
};
