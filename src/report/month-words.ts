/**
 * The words of the month-by-month sheet in Norwegian, Swedish and English that are its own; the
 * figures' names come from the glossary, as on the other sheets.
 */
import type { OutputLanguage } from '../core/model';

export interface MonthWords {
  /** The sheet's name (the period follows it) and the title's first words. */
  readonly sheet: string;
  /** Below the table: how to read the share used and its colours. */
  readonly note: string;
}

export const MONTH_WORDS: Record<OutputLanguage, MonthWords> = {
  nb: {
    sheet: 'Måned for måned',
    note: 'Forbruk % er regnskap hittil delt på årsbudsjettet. Rødt: mer brukt enn andelen av året som er gått tilsier (merforbruk); grønt: mindre.',
  },
  sv: {
    sheet: 'Månad för månad',
    note: 'Förbrukning % är utfall ack. delat med årsbudgeten. Rött: mer förbrukat än andelen av året som gått (budgetunderskott); grönt: mindre.',
  },
  en: {
    sheet: 'Month by month',
    note: 'Budget used % is actuals to date divided by the annual budget. Red: more used than the share of the year gone (overspend); green: less.',
  },
};
