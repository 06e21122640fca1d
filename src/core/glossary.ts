/**
 * One glossary per language: the terms the task pane, the sheets and the command line share, written as
 * Norwegian and Swedish municipal economists write them in their reports. Each term is defined once
 * here and used as it is everywhere, so a figure is called the same in the pane, on the sheet and in
 * the terminal.
 */
import type { Money } from './money';
import type { ForecastMethod, OutputLanguage } from './model';
import type { Unit } from './sources';
import type { BridgeVerdict } from './status';

export interface Glossary {
  readonly annualBudget: string;
  readonly budgetSoFar: string;
  readonly actualSoFar: string;
  /** The variance so far (year to date). */
  readonly variance: string;
  readonly variancePct: string;
  readonly priorYear: string;
  readonly change: string;
  readonly forecast: string;
  readonly forecastVariance: string;
  readonly forecastMethod: string;
  readonly measures: string;
  readonly effect: string;
  readonly coverage: string;
  /** What the measures leave, by how it stands. */
  readonly verdict: Record<BridgeVerdict, string>;
  /** A unit after a figure in running text ("−14 360 tkr"). */
  readonly unitAfterFigure: Record<Unit, string>;
  /** A unit in a heading ("beløp i 1000 kr"). */
  readonly unitInHeading: Record<Unit, string>;
  readonly amountsIn: string;
  /** Each forecast method's name. */
  readonly methods: Record<ForecastMethod, string>;
  /** A month's own budget and actuals (month by month). */
  readonly monthBudget: string;
  readonly monthActual: string;
  /** The report month's variance alone. */
  readonly monthVariance: string;
  /** Actuals so far as a share of the annual budget (*forbruksprosent*). */
  readonly used: string;
  /** The months gone as a share of the year, what an even pace would have used. */
  readonly yearGone: string;
}

const NB: Glossary = {
  annualBudget: 'Årsbudsjett',
  budgetSoFar: 'Budsjett hittil',
  actualSoFar: 'Regnskap hittil',
  variance: 'Avvik hittil',
  variancePct: 'Avvik %',
  priorYear: 'Regnskap i fjor',
  change: 'Endring fra i fjor',
  forecast: 'Årsprognose',
  forecastVariance: 'Avvik årsprognose',
  forecastMethod: 'Prognosemetode',
  measures: 'Tiltak',
  effect: 'Effekt av tiltak',
  coverage: 'Dekningsgrad',
  verdict: { uncovered: 'Udekket', 'over-covered': 'Overdekket', covered: 'Dekket' },
  unitAfterFigure: { kr: 'kr', tkr: 'tusen kr', mkr: 'mill. kr' },
  unitInHeading: { kr: 'kr', tkr: '1000 kr', mkr: 'mill. kr' },
  amountsIn: 'beløp i',
  methods: {
    'budget-profile': 'budsjettprofil',
    'deviation-run-rate': 'avvik fremskrevet',
    'last-year-profile': 'fjorårets profil',
    manual: 'egen prognose',
  },
  monthBudget: 'Budsjett',
  monthActual: 'Regnskap',
  monthVariance: 'Avvik denne måned',
  used: 'Forbruk %',
  yearGone: 'Andel av året som er gått',
};

const SV: Glossary = {
  annualBudget: 'Årsbudget',
  budgetSoFar: 'Budget ack.',
  actualSoFar: 'Utfall ack.',
  variance: 'Avvikelse ack.',
  variancePct: 'Avvikelse %',
  priorYear: 'Utfall fg år',
  change: 'Förändring mot fg år',
  forecast: 'Prognos helår',
  forecastVariance: 'Prognosavvikelse helår',
  forecastMethod: 'Prognosmetod',
  measures: 'Åtgärder',
  effect: 'Effekt av åtgärder',
  coverage: 'Täckningsgrad',
  verdict: { uncovered: 'Otäckt', 'over-covered': 'Övertäckt', covered: 'Täckt' },
  unitAfterFigure: { kr: 'kr', tkr: 'tkr', mkr: 'mnkr' },
  unitInHeading: { kr: 'kr', tkr: 'tkr', mkr: 'mnkr' },
  amountsIn: 'belopp i',
  methods: {
    'budget-profile': 'budgetprofil',
    'deviation-run-rate': 'avvikelse framskriven',
    'last-year-profile': 'fg års profil',
    manual: 'egen prognos',
  },
  monthBudget: 'Budget',
  monthActual: 'Utfall',
  monthVariance: 'Avvikelse månaden',
  used: 'Förbrukning %',
  yearGone: 'Andel av året som gått',
};

const EN: Glossary = {
  annualBudget: 'Annual budget',
  budgetSoFar: 'Budget to date',
  actualSoFar: 'Actual to date',
  variance: 'Variance to date',
  variancePct: 'Variance %',
  priorYear: 'Last year',
  change: 'Change from last year',
  forecast: 'Year-end forecast',
  forecastVariance: 'Forecast variance',
  forecastMethod: 'Forecast method',
  measures: 'Measures',
  effect: 'Effect of measures',
  coverage: 'Coverage',
  verdict: { uncovered: 'Uncovered', 'over-covered': 'Over-covered', covered: 'Covered' },
  unitAfterFigure: { kr: 'kr', tkr: 'thousand kr', mkr: 'million kr' },
  unitInHeading: { kr: 'kr', tkr: 'thousand kr', mkr: 'million kr' },
  amountsIn: 'amounts in',
  methods: {
    'budget-profile': 'budget profile',
    'deviation-run-rate': 'variance run rate',
    'last-year-profile': "last year's profile",
    manual: 'own forecast',
  },
  monthBudget: 'Budget',
  monthActual: 'Actuals',
  monthVariance: 'Variance this month',
  used: 'Budget used %',
  yearGone: 'Share of the year gone',
};

export const GLOSSARY: Record<OutputLanguage, Glossary> = { nb: NB, sv: SV, en: EN };

/**
 * What a forecast method assumes, in one short sentence for beside the forecast. The default method
 * hides an overspend's course (the year-end variance is the variance so far), so it says so plainly.
 */
const ASSUMPTIONS: Record<OutputLanguage, Record<ForecastMethod | 'budget-profile-overspend', string>> = {
  nb: {
    'budget-profile': 'Forutsetter at resten av året går etter budsjett: avviket hittil blir stående som det er.',
    'budget-profile-overspend': 'Forutsetter at merforbruket stopper nå: resten av året går etter budsjett.',
    'deviation-run-rate': 'Forutsetter at avviket fortsetter i samme takt resten av året.',
    'last-year-profile': 'Forutsetter at resten av året følger fjorårets månedsprofil.',
    manual: 'Bygger på prognosene skrevet inn per linje; linjer uten forutsetter at resten av året går etter budsjett.',
  },
  sv: {
    'budget-profile': 'Förutsätter att resten av året går enligt budget: avvikelsen hittills står kvar som den är.',
    'budget-profile-overspend': 'Förutsätter att överskridandet upphör nu: resten av året går enligt budget.',
    'deviation-run-rate': 'Förutsätter att avvikelsen fortsätter i samma takt resten av året.',
    'last-year-profile': 'Förutsätter att resten av året följer fg års månadsprofil.',
    manual: 'Bygger på prognoserna som skrivits in per rad; rader utan förutsätter att resten av året går enligt budget.',
  },
  en: {
    'budget-profile': 'Assumes the rest of the year goes to budget: the variance so far stays as it is.',
    'budget-profile-overspend': 'Assumes the overspend stops now: the rest of the year goes to budget.',
    'deviation-run-rate': 'Assumes the variance goes on at the same pace for the rest of the year.',
    'last-year-profile': "Assumes the rest of the year follows last year's monthly pattern.",
    manual: 'Uses the forecasts typed in per line; lines without one assume the rest of the year goes to budget.',
  },
};

/** The assumption of the method, given the total variance so far (an overspend is named as one). */
export function forecastAssumption(method: ForecastMethod, varianceSoFar: Money | null, lang: OutputLanguage): string {
  const overspend = method === 'budget-profile' && varianceSoFar !== null && varianceSoFar.isNegative();
  return ASSUMPTIONS[lang][overspend ? 'budget-profile-overspend' : method];
}
