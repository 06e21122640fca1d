/**
 * The words of the generated sheets in Norwegian, Swedish and English.
 */
import { GLOSSARY, type Glossary } from '../core/glossary';
import type { ColumnReading, ColumnRoleName, ForecastMethod, Gap, OutputLanguage, SignConvention, SourceSummary } from '../core/model';
import type { Role, SourceKind, Unit } from '../core/sources';

export interface SheetWords {
  readonly followUpSheet: string;
  readonly checksSheet: string;
  readonly measuresSheet: string;
  readonly title: string;
  readonly amountsIn: string;
  readonly units: Record<Unit, string>;
  readonly months: readonly string[];
  readonly columns: {
    readonly key: string;
    readonly name: string;
    readonly annualBudget: string;
    readonly budget: string;
    readonly actual: string;
    readonly variance: string;
    readonly variancePct: string;
    readonly bar: string;
    readonly prior: string;
    readonly change: string;
    readonly forecast: string;
    readonly forecastVariance: string;
    readonly method: string;
    readonly manualForecast: string;
    readonly outcome: string;
    readonly analysis: string;
    readonly action: string;
    /** Last month's forecast; {month} is the earlier follow-up's month. */
    readonly previousForecast: string;
    /** The forecast's change since; {month} as above. */
    readonly forecastChange: string;
  };
  /** The checks sheet's list of the lines whose forecast moved most since {month}, and what it says when none did. */
  readonly moves: { readonly title: string; readonly none: string };
  readonly total: string;
  readonly archive: string;
  /** Note on a comment that may be out of date; {seen} and {now} are variances. */
  readonly stale: string;
  readonly generated: string;
  readonly sign: Record<SignConvention, string>;
  readonly methods: Record<ForecastMethod, string>;
  readonly checks: {
    readonly title: string;
    readonly warnings: string;
    readonly noWarnings: string;
    readonly cell: string;
    readonly message: string;
    readonly sources: string;
    readonly range: string;
    readonly role: string;
    readonly recognised: string;
    readonly settings: string;
    readonly period: string;
    readonly signConvention: string;
    readonly forecastMethod: string;
    readonly generatedAt: string;
  };
  readonly roles: Record<Role, string>;
  readonly kinds: Record<SourceKind, string>;
  /** "{months}" per month, "{n}" lines, "with totals". */
  readonly describe: { readonly byMonth: string; readonly lines: string; readonly totals: string };
  readonly gapBasis: Record<Gap['basis'], string>;
  readonly measures: {
    readonly title: string;
    readonly name: string;
    readonly fullYear: string;
    readonly thisYear: string;
    readonly status: string;
    readonly owner: string;
    readonly unquantified: string;
    readonly gap: string;
    readonly effect: string;
    readonly uncovered: string;
    readonly coverage: string;
  };
}

const G_NB: Glossary = GLOSSARY.nb;
const G_SV: Glossary = GLOSSARY.sv;
const G_EN: Glossary = GLOSSARY.en;

const NB: SheetWords = {
  followUpSheet: 'Oppfølging',
  checksSheet: 'Kontroller',
  measuresSheet: 'Tiltak',
  title: 'Budsjettoppfølging',
  amountsIn: G_NB.amountsIn,
  units: G_NB.unitInHeading,
  months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  columns: {
    key: 'Nr.',
    name: 'Navn',
    annualBudget: G_NB.annualBudget,
    budget: G_NB.budgetSoFar,
    actual: G_NB.actualSoFar,
    variance: G_NB.variance,
    variancePct: G_NB.variancePct,
    // The bar has no heading of its own: it draws the variance beside its figures.
    bar: '',
    prior: G_NB.priorYear,
    change: G_NB.change,
    forecast: G_NB.forecast,
    forecastVariance: G_NB.forecastVariance,
    method: 'Metode',
    manualForecast: 'Egen prognose',
    outcome: 'Kommentar',
    analysis: 'Årsak/forklaring',
    action: 'Tiltak',
    previousForecast: 'Prognose {month}',
    forecastChange: 'Endring siden {month}',
  },
  moves: { title: 'Største endringer i prognosen siden {month}', none: 'Ingen linje har fått endret prognose siden {month}.' },
  total: 'Sum',
  archive: 'Arkiv: tekst for linjer som ikke lenger er med i kildene',
  stale: 'Kan være utdatert: avviket var {seen} da teksten ble skrevet, nå {now}.',
  generated: 'Laget av Budget Follow-up',
  sign: { 'costs-positive': 'kostnader som positive tall', 'costs-negative': 'kostnader som negative tall' },
  methods: G_NB.methods,
  checks: {
    title: 'Kontroller for revisor',
    warnings: 'Merknader',
    noWarnings: 'Ingen merknader: alle kontroller stemmer innenfor avrunding.',
    cell: 'Celle',
    message: 'Merknad',
    sources: 'Kilder',
    range: 'Område',
    role: 'Rolle',
    recognised: 'Gjenkjent',
    settings: 'Innstillinger',
    period: 'Periode',
    signConvention: 'Fortegn',
    forecastMethod: G_NB.forecastMethod,
    generatedAt: 'Laget',
  },
  roles: { budget: 'budsjett', actual: 'regnskap', 'prior-actual': 'regnskap i fjor', forecast: 'prognose', table: 'rapporttabell' },
  kinds: { pivot: 'pivottabell', table: 'tabell' },
  describe: { byMonth: 'per måned {from}–{to}', lines: '{n} linjer', totals: 'med summer' },
  gapBasis: { stated: 'Oppgitt gap', 'accounts-vs-frame': 'Regnskap i fjor mot ramme', 'forecast-deficit': 'Prognostisert merforbruk' },
  measures: {
    title: 'Tiltak',
    name: 'Tiltak',
    fullYear: 'Helårseffekt',
    thisYear: 'Effekt i år',
    status: 'Status',
    owner: 'Ansvarlig',
    unquantified: 'ikke tallfestet',
    gap: 'Gap som skal dekkes',
    effect: G_NB.effect,
    uncovered: G_NB.verdict.uncovered,
    coverage: G_NB.coverage,
  },
};

const SV: SheetWords = {
  followUpSheet: 'Uppföljning',
  checksSheet: 'Kontroller',
  measuresSheet: 'Åtgärder',
  title: 'Budgetuppföljning',
  amountsIn: G_SV.amountsIn,
  units: G_SV.unitInHeading,
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  columns: {
    key: 'Nr',
    name: 'Namn',
    annualBudget: G_SV.annualBudget,
    budget: G_SV.budgetSoFar,
    actual: G_SV.actualSoFar,
    variance: G_SV.variance,
    variancePct: G_SV.variancePct,
    // The bar has no heading of its own: it draws the variance beside its figures.
    bar: '',
    prior: G_SV.priorYear,
    change: G_SV.change,
    forecast: G_SV.forecast,
    forecastVariance: G_SV.forecastVariance,
    method: 'Metod',
    manualForecast: 'Egen prognos',
    outcome: 'Kommentar',
    analysis: 'Analys',
    action: 'Åtgärd',
    previousForecast: 'Prognos {month}',
    forecastChange: 'Förändring sedan {month}',
  },
  moves: { title: 'Största förändringarna i prognosen sedan {month}', none: 'Ingen rad har fått ändrad prognos sedan {month}.' },
  total: 'Summa',
  archive: 'Arkiv: text för rader som inte längre finns i källorna',
  stale: 'Kan vara inaktuell: avvikelsen var {seen} när texten skrevs, nu {now}.',
  generated: 'Skapad av Budget Follow-up',
  sign: { 'costs-positive': 'kostnader som positiva tal', 'costs-negative': 'kostnader som negativa tal' },
  methods: G_SV.methods,
  checks: {
    title: 'Kontroller för granskare',
    warnings: 'Anmärkningar',
    noWarnings: 'Inga anmärkningar: alla kontroller stämmer inom avrundning.',
    cell: 'Cell',
    message: 'Anmärkning',
    sources: 'Källor',
    range: 'Område',
    role: 'Roll',
    recognised: 'Igenkänt',
    settings: 'Inställningar',
    period: 'Period',
    signConvention: 'Tecken',
    forecastMethod: G_SV.forecastMethod,
    generatedAt: 'Skapad',
  },
  roles: { budget: 'budget', actual: 'utfall', 'prior-actual': 'utfall fg år', forecast: 'prognos', table: 'rapporttabell' },
  kinds: { pivot: 'pivottabell', table: 'tabell' },
  describe: { byMonth: 'per månad {from}–{to}', lines: '{n} rader', totals: 'med summor' },
  gapBasis: { stated: 'Angivet gap', 'accounts-vs-frame': 'Utfall fg år mot ram', 'forecast-deficit': 'Prognostiserat underskott' },
  measures: {
    title: 'Åtgärder',
    name: 'Åtgärd',
    fullYear: 'Helårseffekt',
    thisYear: 'Effekt i år',
    status: 'Status',
    owner: 'Ansvarig',
    unquantified: 'ej beräknad',
    gap: 'Gap att täcka',
    effect: G_SV.effect,
    uncovered: G_SV.verdict.uncovered,
    coverage: G_SV.coverage,
  },
};

const EN: SheetWords = {
  followUpSheet: 'Follow-up',
  checksSheet: 'Checks',
  measuresSheet: 'Measures',
  title: 'Budget follow-up',
  amountsIn: G_EN.amountsIn,
  units: G_EN.unitInHeading,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  columns: {
    key: 'No.',
    name: 'Name',
    annualBudget: G_EN.annualBudget,
    budget: G_EN.budgetSoFar,
    actual: G_EN.actualSoFar,
    variance: G_EN.variance,
    variancePct: G_EN.variancePct,
    // The bar has no heading of its own: it draws the variance beside its figures.
    bar: '',
    prior: G_EN.priorYear,
    change: G_EN.change,
    forecast: G_EN.forecast,
    forecastVariance: G_EN.forecastVariance,
    method: 'Method',
    manualForecast: 'Own forecast',
    outcome: 'Comment',
    analysis: 'Analysis',
    action: 'Action',
    previousForecast: 'Forecast {month}',
    forecastChange: 'Change since {month}',
  },
  moves: { title: 'Largest forecast changes since {month}', none: "No line's forecast has changed since {month}." },
  total: 'Total',
  archive: 'Archive: text of lines no longer in the sources',
  stale: 'May be out of date: the variance was {seen} when this was written, now {now}.',
  generated: 'Made by Budget Follow-up',
  sign: { 'costs-positive': 'costs as positive numbers', 'costs-negative': 'costs as negative numbers' },
  methods: G_EN.methods,
  checks: {
    title: 'Checks for reviewers',
    warnings: 'Findings',
    noWarnings: 'No findings: every check agrees within rounding.',
    cell: 'Cell',
    message: 'Finding',
    sources: 'Sources',
    range: 'Range',
    role: 'Role',
    recognised: 'Recognised',
    settings: 'Settings',
    period: 'Period',
    signConvention: 'Sign convention',
    forecastMethod: G_EN.forecastMethod,
    generatedAt: 'Generated',
  },
  roles: { budget: 'budget', actual: 'actuals', 'prior-actual': "last year's actuals", forecast: 'forecast', table: 'report table' },
  kinds: { pivot: 'pivot table', table: 'table' },
  describe: { byMonth: 'by month {from}–{to}', lines: '{n} lines', totals: 'with totals' },
  gapBasis: { stated: 'Stated gap', 'accounts-vs-frame': "Last year's accounts against the frame", 'forecast-deficit': 'Forecast overspend' },
  measures: {
    title: 'Measures',
    name: 'Measure',
    fullYear: 'Full-year effect',
    thisYear: 'Effect this year',
    status: 'Status',
    owner: 'Owner',
    unquantified: 'not quantified',
    gap: 'Gap to close',
    effect: G_EN.effect,
    uncovered: G_EN.verdict.uncovered,
    coverage: G_EN.coverage,
  },
};

export const WORDS: Record<OutputLanguage, SheetWords> = { nb: NB, sv: SV, en: EN };

/** A heading or title naming the earlier follow-up's month ("Prognose mars"). */
export function withMonth(template: string, period: string, lang: OutputLanguage): string {
  return template.replace('{month}', WORDS[lang].months[Number(period.slice(5, 7)) - 1] ?? period);
}

/** "februar 2022" for a period, or "" when there is none. */
export function periodText(period: string | null, lang: OutputLanguage): string {
  if (!period) return '';
  const [y, m] = period.split('-');
  return `${WORDS[lang].months[Number(m) - 1]} ${y}`;
}

/** What was recognised in a source, in the sheet's language. */
export function describeSource(s: SourceSummary, lang: OutputLanguage): string {
  const w = WORDS[lang];
  const parts = [`${w.kinds[s.kind]}, ${w.roles[s.role]}`];
  if (s.months) parts.push(w.describe.byMonth.replace('{from}', s.months[0]).replace('{to}', s.months[1]));
  parts.push(w.describe.lines.replace('{n}', String(s.lineCount)));
  if (s.hasTotals) parts.push(w.describe.totals);
  if (s.unit) parts.push(`${w.amountsIn} ${w.units[s.unit]}`);
  return parts.join(', ');
}

/** What a column holds, in the reader's words (the checks sheet and the pane show each source's reading). */
export const COLUMN_ROLE_WORDS: Record<OutputLanguage, Record<ColumnRoleName, string>> = {
  nb: {
    key: 'nøkkel',
    label: 'navn',
    budget: 'budsjett',
    'annual-budget': 'årsbudsjett',
    actual: 'regnskap',
    'prior-actual': 'regnskap i fjor',
    forecast: 'prognose',
    variance: 'avvik (innskrevet)',
    'variance-pct': 'avvik % (innskrevet)',
    'forecast-variance': 'prognoseavvik (innskrevet)',
    ignored: 'ikke brukt',
  },
  sv: {
    key: 'nyckel',
    label: 'namn',
    budget: 'budget',
    'annual-budget': 'årsbudget',
    actual: 'utfall',
    'prior-actual': 'utfall föregående år',
    forecast: 'prognos',
    variance: 'avvikelse (inskriven)',
    'variance-pct': 'avvikelse % (inskriven)',
    'forecast-variance': 'prognosavvikelse (inskriven)',
    ignored: 'används inte',
  },
  en: {
    key: 'key',
    label: 'name',
    budget: 'budget',
    'annual-budget': 'annual budget',
    actual: 'actuals',
    'prior-actual': "last year's actuals",
    forecast: 'forecast',
    variance: 'variance (typed in)',
    'variance-pct': 'variance % (typed in)',
    'forecast-variance': 'forecast variance (typed in)',
    ignored: 'not used',
  },
};

const TOTAL_COLUMN: Record<OutputLanguage, string> = { nb: 'sum av månedene', sv: 'summa av månaderna', en: 'sum of the months' };

/** One column's reading: `C «Utfall 2020-12»: utfall, 2020, 01–12, 1000 kr`. */
/** A header quoted as each language quotes (Swedish ”…”, Norwegian «…»). */
const HEADER_QUOTES: Record<OutputLanguage, (t: string) => string> = {
  nb: (t) => `\u00ab${t}\u00bb`,
  sv: (t) => `\u201d${t}\u201d`,
  en: (t) => `\u201c${t}\u201d`,
};

export function describeColumn(c: ColumnReading, lang: OutputLanguage): string {
  const parts = [COLUMN_ROLE_WORDS[lang][c.role]];
  if (c.total) parts.push(TOTAL_COLUMN[lang]);
  if (c.year !== null) parts.push(String(c.year));
  // One month is named once ("04", not "04–04"), a span with an en dash ("01–04").
  if (c.months !== null) parts.push(c.months.replace(/^(\d\d)-\1$/, '$1').replace('-', '\u2013'));
  if (c.unit !== null && c.role !== 'ignored') parts.push(WORDS[lang].units[c.unit]);
  const header = c.header ? ` ${HEADER_QUOTES[lang](c.header)}` : '';
  return `${c.column}${header}: ${parts.join(', ')}`;
}

/** A year-end evaluation's variance is the year's, not "so far": `Avvik 2023`, `Avvikelse 2023`, `Variance 2023`. */
export function yearEndVarianceLabel(lang: OutputLanguage, year: number | null): string {
  return yearEndHeading(lang, year, 'variance');
}

/** A year-end evaluation's headings name the year (`Budsjett 2023`), never the period so far. */
const YEAR_END_WORDS: Record<OutputLanguage, Readonly<Record<'budget' | 'actual' | 'variance', string>>> = {
  nb: { budget: 'Budsjett', actual: 'Regnskap', variance: 'Avvik' },
  sv: { budget: 'Budget', actual: 'Utfall', variance: 'Avvikelse' },
  en: { budget: 'Budget', actual: 'Actuals', variance: 'Variance' },
};

export function yearEndHeading(lang: OutputLanguage, year: number | null, figure: 'budget' | 'actual' | 'variance'): string {
  const word = YEAR_END_WORDS[lang][figure];
  return year === null ? word : `${word} ${year}`;
}
