/**
 * What Excel refuses that a person can put right, said in their language (the pane's: nb, sv or en):
 * a cell being edited, a protected workbook structure.
 */
export type RefusalLanguage = 'nb' | 'sv' | 'en';

/** Excel runs no request while a cell is being edited (InvalidOperationInCellEditMode). */
export const CELL_EDIT: Record<RefusalLanguage, string> = {
  en: 'Excel is busy: a cell is being edited. Finish editing the cell (press Enter or Esc), then try again.',
  nb: 'Excel er opptatt: en celle redigeres. Fullfør redigeringen av cellen (trykk Enter eller Esc), og prøv igjen.',
  sv: 'Excel är upptaget: en cell redigeras. Avsluta redigeringen av cellen (tryck Enter eller Esc) och försök igen.',
};

/** The structure is protected and a sheet must be added (the first run, the first settings save). */
export function structureProtected(language: RefusalLanguage, sheet: string): string {
  switch (language) {
    case 'nb':
      return (
        `Arbeidsbokens struktur er beskyttet (Se gjennom › Beskytt arbeidsbok), så Budsjettoppfølging kan ikke legge til arket «${sheet}». ` +
        'Opphev beskyttelsen og prøv igjen; ark den har laget før, skrives om på stedet også mens strukturen er beskyttet.'
      );
    case 'sv':
      return (
        `Arbetsbokens struktur är skyddad (Granska › Skydda arbetsbok), så Budgetuppföljning kan inte lägga till bladet ”${sheet}”. ` +
        'Ta bort skyddet och försök igen; blad som den har skapat tidigare skrivs om på plats även när strukturen är skyddad.'
      );
    default:
      return (
        `the workbook's structure is protected (Review › Protect Workbook), so Budget Follow-up cannot add the sheet "${sheet}". ` +
        'Unprotect the structure and generate again; sheets it made before are rewritten in place even while the structure is protected.'
      );
  }
}

/** What Excel refused without failing the run: said to the person after it, in their language. */
export const NOTICES = {
  chartsNotDrawn: (language: RefusalLanguage, sheet: string, code: string | null): string => {
    const why = code ? ` (${code})` : '';
    switch (language) {
      case 'nb':
        return `Excel tegnet ikke grafene på arket «${sheet}»${why}; arket og tabellene de leser, er skrevet.`;
      case 'sv':
        return `Excel ritade inte diagrammen på bladet ”${sheet}”${why}; bladet och tabellerna de läser är skrivna.`;
      default:
        return `Excel did not draw the charts on "${sheet}"${why}; the sheet and the tables they read are written.`;
    }
  },
  noPageSetup: (language: RefusalLanguage, sheet: string, code: string | null): string => {
    const why = code ? ` (${code})` : '';
    switch (language) {
      case 'nb':
        return `Excel satte ikke faste overskrifter eller utskriftsoppsett på arket «${sheet}»${why}; arket er skrevet, sett dem for hånd om du skal skrive det ut.`;
      case 'sv':
        return `Excel satte inte fasta rubriker eller utskriftsformat på bladet ”${sheet}”${why}; bladet är skrivet, ställ in dem för hand om du ska skriva ut det.`;
      default:
        return `Excel did not set the frozen headings or page setup of "${sheet}"${why}; the sheet is written, set them by hand if you print it.`;
    }
  },
  temporarySheetsLeft: (language: RefusalLanguage, names: readonly string[]): string => {
    const list = names.join(', ');
    switch (language) {
      case 'nb':
        return `Excel lot ikke Budsjettoppfølging fjerne de midlertidige arkene en tidligere versjon etterlot (${list}).`;
      case 'sv':
        return `Excel lät inte Budgetuppföljning ta bort de tillfälliga blad som en tidigare version lämnade (${list}).`;
      default:
        return `Excel did not let Budget Follow-up remove the temporary sheets an earlier version left (${list}).`;
    }
  },
};
