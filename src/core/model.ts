/**
 * The follow-up model: one plain data structure from which every sheet, the JSON report and the
 * task pane's summary are rendered. Nothing downstream recomputes a figure.
 */
import type { Money } from './money';
import type { Measure, Period, Role, SourceKind, Unit } from './sources';
import type { Warning } from './warnings';

export type SignConvention = 'costs-positive' | 'costs-negative';
export type SignSetting = SignConvention | 'auto';

export const FORECAST_METHODS = ['budget-profile', 'deviation-run-rate', 'last-year-profile', 'manual'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Languages the generated sheets and messages are written in. */
export const OUTPUT_LANGUAGES = ['nb', 'sv', 'en'] as const;
export type OutputLanguage = (typeof OUTPUT_LANGUAGES)[number];

/** Where a line's figures came from: one sheet-qualified cell or range per figure, for links back. */
export interface LineOrigin {
  /** Sheet-qualified label cell of the line in each source it was found in. */
  readonly rows: readonly string[];
  /**
   * Figures that stand in a cell of another workbook (a roll-up's unit): an external reference per
   * figure, as Excel shows it (`'[a.xlsx]Oppfølging 2024-04'!C5`). The follow-up sheet links to it.
   */
  readonly figures?: LinkedFigures;
}

/** The figures a roll-up links back to a unit's workbook: those a unit's follow-up sheet holds as values. */
export type LinkedFigure = 'annualBudget' | 'budget' | 'actual' | 'priorYearActual' | 'forecast';
export type LinkedFigures = Readonly<Partial<Record<LinkedFigure, string>>>;

export interface Figures {
  readonly annualBudget: Money | null;
  /** Budget for the period so far (year to date), or the table's budget column. */
  readonly budget: Money | null;
  readonly actual: Money | null;
  /** Positive = favourable (under budget), whatever the sign convention. */
  readonly variance: Money | null;
  /** variance / |budget|, a fraction; null when there is no budget or it is zero. */
  readonly variancePct: Money | null;
  /** The same months last year. */
  readonly priorYearActual: Money | null;
  /** actual − priorYearActual, as stored (a cost that grew is a positive change when costs are positive). */
  readonly change: Money | null;
  /** change / |priorYearActual|. */
  readonly changePct: Money | null;
  readonly forecast: Money | null;
  /** Year-end variance: annual budget against forecast, positive = favourable. */
  readonly forecastVariance: Money | null;
  /** The report month alone (not year to date), where the sources are by month. */
  readonly monthBudget: Money | null;
  readonly monthActual: Money | null;
  readonly monthVariance: Money | null;
  /**
   * Last month's forecast: what the earlier follow-up sheet (the latest period before this one, see
   * `PreviousFollowUp`) showed for the line, or for the total the sum of the lines'. Absent when there
   * is no earlier sheet (a year-end evaluation, a first follow-up); null when the line was not on it
   * or its figure there could not be read.
   */
  readonly previousForecast?: Money | null;
  /** forecast − previousForecast; for the total, the sum of the lines' changes. Absent as previousForecast. */
  readonly forecastChange?: Money | null;
}

export interface FollowUpLine extends Figures {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly forecastMethod: ForecastMethod | null;
  readonly origin: LineOrigin;
  /** The subtotal group the line belongs to in its source (`1100 Totalt`), or null. */
  readonly group: string | null;
}

/** A group's subtotal: the sums of a run of consecutive lines of one source group (`1100 Totalt`). */
export interface Subtotal extends Figures {
  /** The group's label, as its source states it. */
  readonly label: string;
  /** Indexes in the model's `lines` of the run's first and last line. */
  readonly first: number;
  readonly last: number;
}

export interface MeasureLine {
  readonly name: string;
  readonly fullYearEffect: Money | null;
  readonly effectThisYear: Money | null;
  readonly status: string | null;
  readonly owner: string | null;
  readonly quantified: boolean;
  /** Sheet-qualified cell of the measure's name. */
  readonly cell: string;
}

export interface Gap {
  /** The amount the measures must cover (positive), in the measures' unit. */
  readonly amount: Money;
  /** Where it comes from: a stated gap, last year's accounts against the frame, or the forecast deficit. */
  readonly basis: 'stated' | 'accounts-vs-frame' | 'forecast-deficit';
  /** The cells it was computed from. */
  readonly cells: readonly string[];
  /** Effect this year (or full-year effect when there is none) / gap. */
  readonly coverage: Money | null;
  /** gap − effect; positive = still uncovered. */
  readonly uncovered: Money;
}

export interface MeasuresSummary {
  readonly items: readonly MeasureLine[];
  readonly totalFullYear: Money | null;
  readonly totalThisYear: Money | null;
  readonly unquantified: readonly string[];
  readonly unit: Unit | null;
  readonly range: string;
  readonly gap: Gap | null;
}

/** What a person can say a column holds (see `COLUMN_ROLES` in config): a key or label column, a measure, or `ignored`. */
export type ColumnRoleName = 'key' | 'label' | Measure;

/** One column of a source as it was read: the reading shown, so that a person can see it and correct it. */
export interface ColumnReading {
  /** The column's letter (`C`). */
  readonly column: string;
  readonly header: string;
  readonly role: ColumnRoleName;
  /** The year its figures belong to, when known. */
  readonly year: number | null;
  /** The months of the year it covers (`01-12`, `01-04`; a month column: `03-03`), or null. */
  readonly months: string | null;
  /** The unit it is written in (a ratio: null). */
  readonly unit: Unit | null;
  /** A stated grand-total column (`Totalsum`): the sum of the month columns, checked, never added. */
  readonly total?: boolean;
  /** True when a person chose this source's reading. */
  readonly chosen?: boolean;
}

export interface SourceSummary {
  readonly range: string;
  readonly role: Role;
  readonly kind: SourceKind;
  /** What was recognised, in English (the JSON report); sheets describe it from the fields below. */
  readonly description: string;
  /** First and last month of the source's month columns, or null when it has none. */
  readonly months: readonly [Period, Period] | null;
  readonly lineCount: number;
  readonly unit: Unit | null;
  /** Whether the source states totals (a grand-total row or column, subtotals). */
  readonly hasTotals: boolean;
  /** Each column as read, in sheet order. Optional only for summaries made before it was added. */
  readonly columns?: readonly ColumnReading[];
}

export interface FollowUpModel {
  /** The report month (`YYYY-MM`), the last month with actuals unless chosen; null for tables without periods. */
  readonly period: Period | null;
  /** The budget year ("this year"). */
  readonly year: number | null;
  /** Months of the year elapsed at the period (1–12), or null. */
  readonly monthsElapsed: number | null;
  readonly signConvention: SignConvention;
  /** True when the convention was detected, false when the user chose it. */
  readonly signDetected: boolean;
  readonly unit: Unit | null;
  readonly language: OutputLanguage;
  /** The forecast method asked for (lines may use manual or a fallback: see each line). */
  readonly forecastMethod: ForecastMethod;
  readonly lines: readonly FollowUpLine[];
  readonly total: Figures;
  /**
   * The subtotals the sources state, in line order: one per run of consecutive lines of one group.
   * Optional only for models made before it was added (they show none).
   */
  readonly subtotals?: readonly Subtotal[];
  readonly measures: MeasuresSummary | null;
  readonly sources: readonly SourceSummary[];
  readonly warnings: readonly Warning[];
  /** A title for the report taken from the workbook (area or organisation), when one was found. */
  readonly title: string | null;
  /** What was seen in the workbook but not used (other views, the pivots' data, counts), with why. */
  readonly seen?: readonly SeenSummary[];
  /**
   * `year-end`: the whole year's accounts against the budget (no months, no forecast, headings name the
   * year); `year-to-date`: the months so far. Optional only for models made before it was added.
   */
  readonly evaluation?: 'year-end' | 'year-to-date';
  /** The figures the charts draw (month by month, the measures' bridge). */
  readonly charts?: ChartFigures;
  /** The earlier follow-up sheet last month's forecasts were read from; absent when there is none. */
  readonly previous?: PreviousFollowUp;
  /** Each line's budget and actuals month by month so far, when the workbook has actuals by month; else null. */
  readonly monthByMonth?: MonthByMonth | null;
}

/** The earlier follow-up the forecasts are compared with: the latest period of the same year before this one. */
export interface PreviousFollowUp {
  /** The sheet's name (`Oppfølging 2024-03`). */
  readonly sheet: string;
  /** Its report month (`YYYY-MM`). */
  readonly period: Period;
  /** Keys of the lines whose forecast moved most since then, the largest absolute change first (a handful). */
  readonly largestMoves: readonly string[];
}

/** A range seen but not used as a source, and why (in the model's language). */
export interface SeenSummary {
  readonly range: string;
  readonly kind: SourceKind | 'block';
  /** Why, in the model's language (the checks sheet). */
  readonly reason: string;
  /** Why, in English (the JSON report, like the sources' descriptions). */
  readonly description: string;
  /**
   * The source used in its place when the reading could not tell views from parts (`views-cannot-tell`):
   * the pane asks which to use, or whether to add both.
   */
  readonly undecidedWith?: string;
}

/** One month of the budget year for the total: the month's own figures and the sums from January. */
export interface MonthTotal {
  /** `YYYY-MM` of the budget year. */
  readonly period: Period;
  readonly budget: Money | null;
  /** Null after the report month (no actuals yet). */
  readonly actual: Money | null;
  /** The same month last year. */
  readonly priorYearActual: Money | null;
  readonly cumulativeBudget: Money | null;
  readonly cumulativeActual: Money | null;
  readonly cumulativePriorYearActual: Money | null;
}

/**
 * One bar of the bridge from the gap through each measure to what is left uncovered, as stacked
 * columns draw it: an invisible base, then the visible part above zero (`rise`) and below zero
 * (`fall`). `amount` is the bar's own figure (the gap, a measure's effect, the uncovered amount).
 */
export interface BridgeStep {
  readonly kind: 'gap' | 'measure' | 'uncovered';
  readonly label: string;
  /** Signed as on the measures sheet: the gap and what is left uncovered negative, a measure's effect positive. */
  readonly amount: Money;
  readonly base: Money;
  readonly rise: Money;
  readonly fall: Money;
  /** Whether the bar is good news: a measure that closes the gap, nothing left uncovered. */
  readonly favourable: boolean;
}

/** What the charts show beyond the model's lines and total (optional: models built before the charts have none). */
export interface ChartFigures {
  /** The twelve months of the budget year, when the workbook has its figures by month; else empty. */
  readonly months: readonly MonthTotal[];
  /** Gap → measures → uncovered, when there are measures and a gap; else empty. */
  readonly bridge: readonly BridgeStep[];
}

/** One line's (or the total's) months so far and how much of its annual budget they used. */
export interface LineMonths {
  /** Budget of each month so far, January first; null where the workbook has no budget by month. */
  readonly budget: readonly (Money | null)[];
  /** Actuals of each month so far, January first (0 for a month the line has none in). */
  readonly actual: readonly (Money | null)[];
  /** The months' actuals added up (what the share used is of). */
  readonly actualSoFar: Money;
  readonly annualBudget: Money | null;
  /** actualSoFar / annualBudget (*forbruksprosent*), a fraction; null without an annual budget or with a zero one. */
  readonly used: Money | null;
}

/** Month by month for every line, January to the report month. */
export interface MonthByMonth {
  /** The months so far, `YYYY-MM`, January first. */
  readonly periods: readonly Period[];
  /** Months gone / 12: the share of the annual budget an even pace would have used. */
  readonly yearGone: Money;
  /** Whether the workbook has the budget by month (else only the actuals are shown by month). */
  readonly budgetByMonth: boolean;
  /** One per line of the model, in the same order. */
  readonly lines: readonly LineMonths[];
  readonly total: LineMonths;
  /** One per subtotal of the model, in the same order: its group's lines' months added up. */
  readonly subtotals: readonly LineMonths[];
}
