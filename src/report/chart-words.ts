/**
 * The words of the charts sheet in Norwegian, Swedish and English (kept apart from the other sheets'
 * words: the charts sheet is the only one using them).
 */
import type { OutputLanguage } from '../core/model';

export interface ChartWords {
  readonly sheet: string;
  readonly title: string;
  readonly cumulative: {
    readonly title: string;
    readonly month: string;
    readonly budget: string;
    readonly actual: string;
    readonly prior: string;
    readonly forecast: string;
  };
  readonly bridge: {
    readonly title: string;
    readonly step: string;
    readonly base: string;
    readonly rise: string;
    readonly fall: string;
    readonly amount: string;
    readonly gap: string;
  };
  readonly variances: { readonly title: string; readonly line: string; readonly variance: string; readonly note: string };
  readonly monthsShort: readonly string[];
}

const NB: ChartWords = {
  sheet: 'Grafer',
  title: 'Grafer',
  cumulative: {
    title: 'Regnskap og budsjett hittil i år, akkumulert',
    month: 'Måned',
    budget: 'Budsjett',
    actual: 'Regnskap',
    prior: 'Regnskap i fjor',
    forecast: 'Prognose',
  },
  bridge: {
    title: 'Fra gap til udekket: tiltakenes effekt',
    step: 'Steg',
    base: 'Grunnlag (usynlig)',
    rise: 'Over null',
    fall: 'Under null',
    amount: 'Beløp',
    gap: 'Gap',
  },
  variances: {
    title: 'Avvik hittil per linje, største merforbruk først',
    line: 'Linje',
    variance: 'Avvik hittil',
    note: 'Negativt avvik er merforbruk (rødt), positivt er mindreforbruk (grønt).',
  },
  monthsShort: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
};

const SV: ChartWords = {
  sheet: 'Diagram',
  title: 'Diagram',
  cumulative: {
    title: 'Utfall och budget hittills i år, ackumulerat',
    month: 'Månad',
    budget: 'Budget',
    actual: 'Utfall',
    prior: 'Utfall i fjol',
    forecast: 'Prognos',
  },
  bridge: {
    title: 'Från gap till otäckt: åtgärdernas effekt',
    step: 'Steg',
    base: 'Bas (osynlig)',
    rise: 'Över noll',
    fall: 'Under noll',
    amount: 'Belopp',
    gap: 'Gap',
  },
  variances: {
    title: 'Avvikelse hittills per rad, största överskridande först',
    line: 'Rad',
    variance: 'Avvikelse hittills',
    note: 'Negativ avvikelse är överskridande (rött), positiv är underskridande (grönt).',
  },
  monthsShort: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

const EN: ChartWords = {
  sheet: 'Charts',
  title: 'Charts',
  cumulative: {
    title: 'Actuals and budget so far this year, cumulative',
    month: 'Month',
    budget: 'Budget',
    actual: 'Actuals',
    prior: 'Actuals last year',
    forecast: 'Forecast',
  },
  bridge: {
    title: 'From the gap to what is uncovered: the measures’ effect',
    step: 'Step',
    base: 'Base (invisible)',
    rise: 'Above zero',
    fall: 'Below zero',
    amount: 'Amount',
    gap: 'Gap',
  },
  variances: {
    title: 'Variance so far by line, largest overspends first',
    line: 'Line',
    variance: 'Variance so far',
    note: 'A negative variance is an overspend (red), a positive one an underspend (green).',
  },
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export const CHART_WORDS: Record<OutputLanguage, ChartWords> = { nb: NB, sv: SV, en: EN };
