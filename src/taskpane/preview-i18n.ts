/**
 * The words of the preview page around the pane (opening a file, downloading, the sheet preview), in
 * Norwegian (bokmål), Swedish and English. The pane's own words are in i18n.ts.
 */
import type { UiLanguage } from './host';

export interface PreviewStrings {
  readonly tagline: string;
  readonly language: string;
  readonly privacy: string;
  readonly empty: {
    readonly heading: string;
    readonly body: string;
    readonly drop: string;
    readonly dropActive: string;
    readonly or: string;
    readonly choose: string;
    readonly accepts: string;
  };
  readonly opening: (name: string) => string;
  readonly openError: string;
  readonly unreadable: (name: string) => string;
  readonly oneFile: string;
  readonly file: {
    readonly label: string;
    readonly sheets: (n: number) => string;
    readonly another: string;
    readonly download: string;
    readonly downloadPending: string;
    readonly downloadReady: (file: string, sheets: number) => string;
    readonly downloaded: (file: string) => string;
    readonly downloadFailed: string;
  };
  readonly sheet: {
    readonly heading: string;
    readonly tabs: string;
    readonly table: (sheet: string) => string;
    readonly showing: (ref: string) => string;
    readonly rows: (from: number, to: number, total: number) => string;
    readonly empty: string;
    readonly unreadable: string;
    readonly selection: string;
    readonly selectionHint: string;
    readonly badRange: (text: string) => string;
    readonly generated: string;
    readonly earlier: string;
    readonly later: string;
  };
}

const EN: PreviewStrings = {
  tagline: 'in your browser',
  language: 'Language',
  privacy: 'Nothing leaves your browser: the workbook is read and written on this computer.',
  empty: {
    heading: 'Open a workbook',
    body: 'Choose the Excel workbook (.xlsx) with your budget and actuals. The follow-up is made here, as the add-in makes it in Excel, and you download the workbook with the new sheets.',
    drop: 'Drop the workbook here',
    dropActive: 'Release to open the workbook',
    or: 'or',
    choose: 'Choose a workbook…',
    accepts: 'Excel workbooks: .xlsx, .xlsm',
  },
  opening: (name) => `Opening ${name}…`,
  openError: 'Could not open the workbook',
  unreadable: (name) => `"${name}" could not be read. Check that it is an Excel workbook (.xlsx) and try again.`,
  oneFile: 'Drop one workbook at a time.',
  file: {
    label: 'Workbook',
    sheets: (n) => `${n} sheet${n === 1 ? '' : 's'}`,
    another: 'Open another workbook',
    download: 'Download workbook',
    downloadPending: 'Generate the follow-up first; then download the workbook with its new sheets.',
    downloadReady: (file, sheets) => `${file}, with ${sheets} follow-up sheet${sheets === 1 ? '' : 's'}. The sheets of the original are unchanged.`,
    downloaded: (file) => `Downloaded ${file}.`,
    downloadFailed: 'The workbook could not be saved for download.',
  },
  sheet: {
    heading: 'Workbook preview',
    tabs: 'Sheets',
    table: (sheet) => `Sheet ${sheet}`,
    showing: (ref) => `Showing ${ref}`,
    rows: (from, to, total) => `Rows ${from}–${to} of ${total}`,
    empty: 'This sheet is empty.',
    unreadable: 'This sheet cannot be shown.',
    selection: 'Selected range',
    selectionHint: 'Click a cell, shift-click to extend, or type a range such as A3:N12. “Add selected range” in the pane adds it.',
    badRange: (text) => `“${text}” is not a range. Write it as A3 or A3:N12.`,
    generated: 'new',
    earlier: 'Previous rows',
    later: 'Next rows',
  },
};

const NB: PreviewStrings = {
  tagline: 'i nettleseren',
  language: 'Språk',
  privacy: 'Ingenting forlater nettleseren: arbeidsboken leses og skrives på denne maskinen.',
  empty: {
    heading: 'Åpne en arbeidsbok',
    body: 'Velg Excel-arbeidsboken (.xlsx) med budsjett og regnskap. Oppfølgingen lages her, slik tillegget lager den i Excel, og du laster ned arbeidsboken med de nye arkene.',
    drop: 'Slipp arbeidsboken her',
    dropActive: 'Slipp for å åpne arbeidsboken',
    or: 'eller',
    choose: 'Velg arbeidsbok …',
    accepts: 'Excel-arbeidsbøker: .xlsx, .xlsm',
  },
  opening: (name) => `Åpner ${name} …`,
  openError: 'Kunne ikke åpne arbeidsboken',
  unreadable: (name) => `«${name}» kunne ikke leses. Sjekk at det er en Excel-arbeidsbok (.xlsx), og prøv igjen.`,
  oneFile: 'Slipp én arbeidsbok om gangen.',
  file: {
    label: 'Arbeidsbok',
    sheets: (n) => `${n} ark`,
    another: 'Åpne en annen arbeidsbok',
    download: 'Last ned arbeidsboken',
    downloadPending: 'Lag oppfølgingen først; deretter kan du laste ned arbeidsboken med de nye arkene.',
    downloadReady: (file, sheets) => `${file}, med ${sheets} oppfølgingsark. Arkene i originalen er uendret.`,
    downloaded: (file) => `Lastet ned ${file}.`,
    downloadFailed: 'Arbeidsboken kunne ikke lagres for nedlasting.',
  },
  sheet: {
    heading: 'Forhåndsvisning av arbeidsboken',
    tabs: 'Ark',
    table: (sheet) => `Arket ${sheet}`,
    showing: (ref) => `Viser ${ref}`,
    rows: (from, to, total) => `Rad ${from}–${to} av ${total}`,
    empty: 'Arket er tomt.',
    unreadable: 'Arket kan ikke vises.',
    selection: 'Merket område',
    selectionHint: 'Klikk i en celle, skift-klikk for å utvide, eller skriv et område som A3:N12. «Legg til merket område» i panelet legger det til.',
    badRange: (text) => `«${text}» er ikke et område. Skriv det som A3 eller A3:N12.`,
    generated: 'ny',
    earlier: 'Forrige rader',
    later: 'Neste rader',
  },
};

const SV: PreviewStrings = {
  tagline: 'i webbläsaren',
  language: 'Språk',
  privacy: 'Ingenting lämnar webbläsaren: arbetsboken läses och skrivs på den här datorn.',
  empty: {
    heading: 'Öppna en arbetsbok',
    body: 'Välj Excel-arbetsboken (.xlsx) med budget och utfall. Uppföljningen skapas här, så som tillägget skapar den i Excel, och du laddar ned arbetsboken med de nya bladen.',
    drop: 'Släpp arbetsboken här',
    dropActive: 'Släpp för att öppna arbetsboken',
    or: 'eller',
    choose: 'Välj arbetsbok …',
    accepts: 'Excel-arbetsböcker: .xlsx, .xlsm',
  },
  opening: (name) => `Öppnar ${name} …`,
  openError: 'Kunde inte öppna arbetsboken',
  unreadable: (name) => `”${name}” kunde inte läsas. Kontrollera att det är en Excel-arbetsbok (.xlsx) och försök igen.`,
  oneFile: 'Släpp en arbetsbok i taget.',
  file: {
    label: 'Arbetsbok',
    sheets: (n) => `${n} blad`,
    another: 'Öppna en annan arbetsbok',
    download: 'Ladda ned arbetsboken',
    downloadPending: 'Skapa uppföljningen först; sedan kan du ladda ned arbetsboken med de nya bladen.',
    downloadReady: (file, sheets) => `${file}, med ${sheets} uppföljningsblad. Originalets blad är oförändrade.`,
    downloaded: (file) => `Laddade ned ${file}.`,
    downloadFailed: 'Arbetsboken kunde inte sparas för nedladdning.',
  },
  sheet: {
    heading: 'Förhandsvisning av arbetsboken',
    tabs: 'Blad',
    table: (sheet) => `Bladet ${sheet}`,
    showing: (ref) => `Visar ${ref}`,
    rows: (from, to, total) => `Rad ${from}–${to} av ${total}`,
    empty: 'Bladet är tomt.',
    unreadable: 'Bladet kan inte visas.',
    selection: 'Markerat område',
    selectionHint: 'Klicka i en cell, skift-klicka för att utöka, eller skriv ett område som A3:N12. ”Lägg till markerat område” i panelen lägger till det.',
    badRange: (text) => `”${text}” är inte ett område. Skriv det som A3 eller A3:N12.`,
    generated: 'ny',
    earlier: 'Föregående rader',
    later: 'Nästa rader',
  },
};

export const PREVIEW_STRINGS: Readonly<Record<UiLanguage, PreviewStrings>> = { en: EN, nb: NB, sv: SV };
