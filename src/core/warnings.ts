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
  /** params: range (a table whose typed-in variances fit no reading of its columns) */
  | 'reading-unclear'
  /** params: header, count, of (a typed-in column most of whose figures disagree with the reading) */
  | 'typed-column-disagrees'
  /** params: reason */
  | 'unreadable-cell';

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
