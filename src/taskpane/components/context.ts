/** The pane's language and words, for every component below App. */
import { createContext, useContext } from 'react';
import type { UiLanguage } from '../host';
import { STRINGS, type PaneStrings } from '../i18n';

export interface PaneLanguage {
  readonly lang: UiLanguage;
  readonly t: PaneStrings;
}

export const LanguageContext = createContext<PaneLanguage>({ lang: 'en', t: STRINGS.en });

export function useStrings(): PaneLanguage {
  return useContext(LanguageContext);
}
