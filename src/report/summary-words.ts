/**
 * The words of the committee summary in Norwegian, Swedish and English (kept apart from the other
 * sheets' words: only the summary uses them). Figures keep the glossary's names.
 */
import type { OutputLanguage } from '../core/model';

export interface SummaryWords {
  readonly sheet: string;
  readonly title: string;
  readonly keyFigures: string;
  readonly unfavourable: string;
  readonly favourable: string;
  readonly line: string;
  /** The heading over what people wrote for a line. */
  readonly texts: string;
  /** In place of the texts when nobody has written any for the line yet. */
  readonly noText: string;
  readonly noUnfavourable: string;
  readonly noFavourable: string;
  /** The heading over the tables the summary's charts read (beside the page, not printed). */
  readonly chartData: string;
}

const NB: SummaryWords = {
  sheet: 'Sammendrag',
  title: 'Sammendrag for utvalget',
  keyFigures: 'Nøkkeltall',
  unfavourable: 'Største merforbruk',
  favourable: 'Største mindreforbruk',
  line: 'Linje',
  texts: 'Forklaring og tiltak',
  noText: 'Ikke kommentert ennå.',
  noUnfavourable: 'Ingen linjer har merforbruk.',
  noFavourable: 'Ingen linjer har mindreforbruk.',
  chartData: 'Tallene grafene på sammendraget viser',
};

const SV: SummaryWords = {
  sheet: 'Sammanfattning',
  title: 'Sammanfattning för nämnden',
  keyFigures: 'Nyckeltal',
  unfavourable: 'Största budgetunderskott',
  favourable: 'Största budgetöverskott',
  line: 'Rad',
  texts: 'Analys och åtgärd',
  noText: 'Ännu inte kommenterad.',
  noUnfavourable: 'Inga rader har underskott.',
  noFavourable: 'Inga rader har överskott.',
  chartData: 'Siffrorna diagrammen i sammanfattningen visar',
};

const EN: SummaryWords = {
  sheet: 'Summary',
  title: 'Summary for the committee',
  keyFigures: 'Key figures',
  unfavourable: 'Largest overspends',
  favourable: 'Largest underspends',
  line: 'Line',
  texts: 'Analysis and action',
  noText: 'No comment yet.',
  noUnfavourable: 'No line is overspent.',
  noFavourable: 'No line is underspent.',
  chartData: 'The figures the summary’s charts show',
};

export const SUMMARY_WORDS: Record<OutputLanguage, SummaryWords> = { nb: NB, sv: SV, en: EN };
