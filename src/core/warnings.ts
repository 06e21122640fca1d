/**
 * A finding is something the user should see but that does not stop the follow-up: a cross-check
 * that failed beyond rounding, a number that could be read two ways, a line found in only one source.
 * Findings carry a code and parameters; `messages.ts` renders them in the user's language.
 */
export type WarningCode =
  /** params: text, readings (e.g. "1.234 | 1234"), chosen (the reading used, e.g. "1234") */
  | 'ambiguous-number'
  /** params: text */
  | 'unreadable-number'
  /** params: error (e.g. "#REF!") */
  | 'cell-error'
  /** params: what ("line"|"column"), label, stated, computed */
  | 'total-mismatch'
  /** params: stated, computed */
  | 'variance-mismatch'
  /** params: stated, computed (percent as written, e.g. "-3.5 %") */
  | 'variance-pct-mismatch'
  /** params: stated, computed */
  | 'forecast-variance-mismatch'
  /** params: label, missingIn (source range) */
  | 'line-missing'
  /** params: label, count (sources it is missing from), missingIn (the first few, comma separated) */
  | 'line-missing-many'
  /** params: label */
  | 'duplicate-line'
  /** params: units (comma separated), chosen */
  | 'mixed-units'
  | 'no-budget'
  | 'no-actuals'
  /** params: method, used, reason */
  | 'forecast-fallback'
  /** params: name */
  | 'unquantified-measure'
  /** params: stated, computed */
  | 'measures-total-mismatch'
  /** params: range, roles (the roles it could have, comma separated), chosen (the role used: actual) */
  | 'ambiguous-role'
  /** params: count, range (the source) */
  | 'hidden-rows'
  /** params: period */
  | 'period-without-actuals'
  /** params: sign */
  | 'sign-convention-unclear'
  /** Seen, not used: another view of data used. params: with (the range used), role, total (its grand total) */
  | 'seen-view'
  /** A view whose grand total differs from the one used. params: with, role, stated, computed */
  | 'view-total-differs'
  /** params: with */
  | 'seen-duplicate'
  /** params: fields (the data fields, comma separated) */
  | 'seen-not-money'
  /** params: pivots (the pivots summarising it, comma separated) */
  | 'seen-data-table'
  /** Left over: a figure alone (no label). params: none */
  | 'seen-lone-value'
  /** Left over: a long list (people, transactions). params: rows */
  | 'seen-list'
  /** Left over: a few labelled figures. params: none */
  | 'seen-kpi'
  /** Left over: figures under no header a word names. params: none */
  | 'seen-block'
  /** A pivot with its data fields on rows (one row per field under each item): not read. params: fields */
  | 'seen-values-on-rows'
  /** A view of typed-in variances. params: with, stated (its grand total), computed (budget against actuals there) */
  | 'seen-variance-view'
  /** The workbook is in Danish: the sheets are written in Norwegian. params: none */
  | 'danish-as-norwegian'
  /** Views whose grand totals disagree (not parts, not the same view). params: with (the range used) */
  | 'views-cannot-tell'
  /** params: range (a table whose typed-in variances fit no reading of its columns) */
  | 'reading-unclear'
  /** params: header, count, of (a typed-in column most of whose figures disagree with the reading) */
  | 'typed-column-disagrees'
  /** params: reason */
  | 'unreadable-cell'
  /** Last month's forecast for a line, on the earlier follow-up sheet, is not a number. params: label, text */
  | 'previous-forecast-unreadable'
  /** A roll-up's unit whose figures are values, not links. params: file, count (lines), sheet (the follow-up sheet looked for) */
  | 'rollup-unlinked';

export type WarningParams = Readonly<Record<string, string>>;

export interface Finding {
  readonly code: WarningCode;
  /** Sheet-qualified cell (`'Budget 2024'!D7`), or null when it concerns no single cell. */
  readonly cell: string | null;
  /** Key of the line it concerns, or null. */
  readonly line: string | null;
  readonly params: WarningParams;
}

export interface Warning extends Finding {
  /** The finding in the user's language. */
  readonly message: string;
}

export function finding(code: WarningCode, params: WarningParams = {}, cell: string | null = null, line: string | null = null): Finding {
  return { code, cell, line, params };
}
