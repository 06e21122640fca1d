/**
 * What a real PivotTable's definition says about it, as the workbook adapters read it (the xlsx
 * adapter from `xl/pivotTables/*.xml` and `xl/pivotCache/*`, the Excel adapter from the PivotTable
 * API). Facts, not guesses: the reader trusts these over what the cells look like.
 */
import { rangesOverlap, type CellRange } from '../grid';

/** How a data field summarises its values (`sum` is the only one that gives money). */
export type PivotSummary = 'sum' | 'count' | 'countNums' | 'average' | 'max' | 'min' | 'product' | 'stdDev' | 'stdDevp' | 'var' | 'varp' | 'unknown';

export interface PivotDataField {
  /** The name shown in the pivot (`Sum of Budget`, `Summer av Beløp`, or one a person typed). */
  readonly name: string;
  /** The source column it summarises (`Budget`), when known. */
  readonly field: string | null;
  readonly summary: PivotSummary;
  /**
   * How its values are shown: null for the values themselves; otherwise what Excel calls it
   * (`percentOfTotal`, `difference`, `runTotal`, …): then the cells are not the sums.
   */
  readonly showAs: string | null;
}

/** Where the pivot's data comes from: a range of a sheet, a table (ListObject) or a defined name. */
export interface PivotCacheSource {
  readonly sheet: string | null;
  readonly range: CellRange | null;
  /** Table or defined name, when the source is one. */
  readonly name: string | null;
}

export interface PivotDefinition {
  /**
   * Identifies the data the pivot summarises: pivots with the same cache are views of one data set.
   * The xlsx adapter gives the cache definition's part; the Excel adapter the data source's text.
   */
  readonly cache: string;
  readonly source: PivotCacheSource | null;
  /** Row fields, outermost first (the Values pseudo-field left out). */
  readonly rowFields: readonly string[];
  readonly columnFields: readonly string[];
  /** Report filters and the one item each shows (null: all items, or several). */
  readonly pageFields: readonly { readonly field: string; readonly item: string | null }[];
  readonly dataFields: readonly PivotDataField[];
  /** True when the data fields stand on rows (the Values field is a row field). */
  readonly valuesOnRows: boolean;
  readonly layout: 'compact' | 'outline' | 'tabular';
  /** Subtotals of the outer row fields: at the top of each group, at the bottom, or none. */
  readonly subtotals: 'top' | 'bottom' | 'off';
  /**
   * The grand total row below the lines (Excel's "grand totals for columns") and the grand total
   * column right of them ("for rows": OOXML `rowGrandTotals`, Office.js `showRowGrandTotals`).
   */
  readonly grandTotalRow: boolean;
  readonly grandTotalColumn: boolean;
}

/** True when a data field's cells are sums of money as they stand (not counts, averages or shares). */
export function isMoneyField(f: PivotDataField): boolean {
  return f.summary === 'sum' && f.showAs === null;
}

/** The pivots whose cache reads from (part of) this range of this sheet: the range is their data. */
export function pivotsSummarising<P extends { readonly definition?: PivotDefinition }>(pivots: readonly P[], sheet: string, range: CellRange): P[] {
  return pivots.filter((p) => {
    const src = p.definition?.source;
    return !!src?.range && src.sheet !== null && src.sheet.toLowerCase() === sheet.toLowerCase() && rangesOverlap(src.range, range);
  });
}
