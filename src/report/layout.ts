/**
 * A declarative sheet layout: what a generated sheet holds, independent of how it is written.
 * Both workbook adapters (xlsx file and Excel) write exactly this; nothing about a sheet's content is
 * decided in an adapter. Rows and columns are 0-based.
 */

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
  /** Internal link target, e.g. `'Regnskap'!A5`. */
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
    };

export interface PageSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide (height unlimited). */
  readonly fitToWidth?: number;
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
}
