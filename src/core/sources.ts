/**
 * What the readers recognise in a workbook: sources of figures (pivots and role-named report tables),
 * measures tables and key figures (frame, last year's accounts). The engine works only on these.
 */
import type { Money } from './money';
import type { RowFigures } from './row-figures';
import type { Finding } from './warnings';

/** The role of a whole source, as in `--config` (`table` holds several role columns). */
export type Role = 'budget' | 'actual' | 'prior-actual' | 'forecast' | 'table';

/**
 * What one column of figures holds.
 * - `budget`: budget for the column's month, or for the period so far when the column has no month.
 * - `annual-budget`: the whole year's budget.
 * - `actual`, `prior-actual`, `forecast`: likewise (prior-actual = the same months last year).
 * - `variance`, `variance-pct`: a variance the author typed in (amount; percent as a fraction).
 * - `forecast-variance`: a typed-in forecast variance.
 * - `ignored`: read for no figure.
 */
export type Measure =
  | 'budget'
  | 'annual-budget'
  | 'actual'
  | 'prior-actual'
  | 'forecast'
  | 'variance'
  | 'variance-pct'
  | 'forecast-variance'
  /** A column the reading leaves out (a person's choice, or actuals the workbook's arithmetic could not place). */
  | 'ignored';

/** Unit of amounts: kr, thousands (1000 kr, tkr), millions (mill., mkr). */
export type Unit = 'kr' | 'tkr' | 'mkr';

export const UNIT_FACTOR: Readonly<Record<Unit, number>> = { kr: 1, tkr: 1000, mkr: 1_000_000 };

/** A month as `YYYY-MM`. */
export type Period = string;

/** A figure read from a cell: its exact value, how it was shown, and where it is. */
export interface Amount {
  /** Exact value in the source's unit (percent columns: a fraction, 3.5 % = 0.035). */
  readonly value: Money;
  /**
   * Decimals shown to the reader (from the number format or the pasted text), in the same scale as
   * value (a `0.0%` cell shows 3 decimals of the fraction); null when shown in full (General).
   * Cross-checks allow half a unit of the last shown digit per value involved.
   */
  readonly decimals: number | null;
  /** Sheet-qualified cell, e.g. `'Budget 2024'!D7`. */
  readonly cell: string;
}

export interface Series {
  readonly measure: Measure;
  /** The month this column holds, or null for a year-to-date/annual/aggregate column. */
  readonly period: Period | null;
  /** Year the column's figures belong to when known (from the period or a header like "Regnskap 2021"). */
  readonly year: number | null;
  /** True for a pivot's grand-total column (`Totalsum`): the stated sum of the month columns. */
  readonly isTotal: boolean;
  /** The months of the year a column without a period covers, from its header (`01-04` of `Regnskap 2023 jan–apr`). */
  readonly months?: string | null;
  /** The unit the column was written in (its figures are in the source's unit), or null for a ratio. */
  readonly unit?: Unit | null;
  /** Sheet column (0-based). */
  readonly column: number;
  /** Header text as written. */
  readonly header: string;
}

export interface SourceLine {
  /** Code when the label has one (`512` of `512 Verksamhetsstöd`, `P04` of `P04 Helse`), else the normalised name. */
  readonly key: string;
  readonly name: string;
  /** Label as written. */
  readonly label: string;
  /** Sheet row (0-based). */
  readonly row: number;
  /** One figure per series (same order); none where the cell is empty or unreadable. */
  readonly values: RowFigures;
  /** Subtotal rows only: the rows of the lines it sums (sheet rows). */
  readonly sums?: readonly number[];
}

export type SourceKind = 'pivot' | 'table';

export interface Source {
  /** Sheet-qualified range, e.g. `'Regnskap'!A3:D9`. */
  readonly range: string;
  readonly sheet: string;
  readonly kind: SourceKind;
  /** The role of the whole source; `table` when its columns carry different measures. */
  readonly role: Role;
  readonly unit: Unit | null;
  readonly series: readonly Series[];
  /** The lines, in sheet order; totals and subtotals are never here. */
  readonly lines: readonly SourceLine[];
  /** Stated total rows: subtotals (with `sums`) and the grand total (last, `sums` absent). */
  readonly totals: readonly SourceLine[];
  /** What was recognised, for people: "pivot, actuals by month 2022-01..2022-02, 4 lines, grand total". */
  readonly description: string;
  readonly findings: readonly Finding[];
  /** True when a person chose the source's columns (the pane or `--config`): the reading is theirs, not tested. */
  readonly chosen?: boolean;
  /** The columns of the lines' labels (sheet column, 0-based, and header), outermost first; with joinLabels, a code column and a name column. */
  readonly labelColumns?: readonly { readonly column: number; readonly header: string }[];
  readonly joinLabels?: boolean;
  /** Columns of the range read for no figure (a comment column), with their headers. */
  readonly ignored?: readonly { readonly column: number; readonly header: string }[];
  /** Read from a real PivotTable: what its definition says (views of one data set are told by it). */
  readonly pivot?: PivotOrigin;
}

/** A source's real PivotTable: its name and the data set it summarises. */
export interface PivotOrigin {
  readonly name: string;
  /** The data set (cache source or cache): pivots with the same one are views of the same data. */
  readonly dataSet: string;
  readonly rowFields: readonly string[];
  /** The report filters' shown items (`Avdeling=Hjemmetjeneste`), when one item each; else empty. */
  readonly filters: readonly string[];
  /** The report filters' fields, whether or not their items are known (Excel's API does not say them). */
  readonly filterFields: readonly string[];
}

/**
 * Something seen in the workbook and deliberately not used as a source: another view of data already
 * used, a duplicate, the raw data a pivot summarises, a pivot of counts. `reason` says why (rendered
 * in the user's language like a finding).
 */
export interface SeenSource {
  readonly range: string;
  readonly kind: SourceKind | 'block';
  readonly reason: Finding;
  /**
   * The source used in its place when the reader could not tell whether the two are views of one data
   * set or parts of one whole: a person decides (the pane asks), the reader never adds them.
   */
  readonly undecidedWith?: string;
}

export interface MeasureItem {
  readonly name: string;
  readonly fullYearEffect: Amount | null;
  readonly effectThisYear: Amount | null;
  readonly status: string | null;
  readonly owner: string | null;
  /** Sheet row (0-based). */
  readonly row: number;
}

export interface MeasuresSource {
  readonly range: string;
  readonly sheet: string;
  readonly unit: Unit | null;
  readonly items: readonly MeasureItem[];
  /** A stated total row of the table, when there is one. */
  readonly statedTotal: { readonly fullYearEffect: Amount | null; readonly effectThisYear: Amount | null } | null;
  readonly findings: readonly Finding[];
}

/**
 * Single labelled figures outside tables, such as the Ramme sheet: `Budsjettramme (1000 kr)` by year,
 * `Regnskap 2021 (kr)`, `Tiltak (mill. kr)`.
 */
export type KeyFigureKind = 'frame' | 'prior-accounts' | 'measures-total' | 'gap';

export interface KeyFigure {
  readonly kind: KeyFigureKind;
  readonly year: number | null;
  readonly amount: Amount;
  readonly unit: Unit | null;
  readonly label: string;
}

/** Everything the readers found in one workbook. */
export interface Recognised {
  readonly sources: readonly Source[];
  readonly measures: readonly MeasuresSource[];
  readonly keyFigures: readonly KeyFigure[];
  /** Language the workbook's words are in, when they tell. */
  readonly language: Language | null;
  readonly findings: readonly Finding[];
  /** What was seen but not used, with the reason (absent: nothing). */
  readonly seen?: readonly SeenSource[];
}

export type Language = 'nb' | 'sv' | 'da' | 'en';
