/**
 * Every word the task pane shows, in Norwegian (bokmål), Swedish and English; the figures' names and
 * units are the glossary's (core/glossary.ts), as on the sheets and the command line. Sources are described
 * with the sheets' own words (report/i18n.ts, describeSource), so the pane and the checks sheet agree.
 */
import { GLOSSARY } from '../core/glossary';
import type { ForecastMethod, OutputLanguage } from '../core/model';
import type { Role, SourceKind, Unit } from '../core/sources';
import type { Step } from '../workbook/generate';
import type { UiLanguage } from './host';

export interface PaneStrings {
  readonly appTitle: string;
  readonly intro: string;
  readonly unsupported: { readonly title: string; readonly body: string };
  readonly loading: string;
  readonly genericError: string;
  readonly errorTitle: string;
  readonly storedSettingsInvalid: string;
  readonly needsSettings: string;
  readonly sources: {
    readonly heading: string;
    readonly explicit: string;
    readonly automatic: string;
    readonly none: { readonly title: string; readonly body: string };
    readonly role: string;
    readonly roleFor: (range: string) => string;
    readonly remove: string;
    readonly removeLabel: (range: string) => string;
    readonly addSelection: string;
    readonly noSelection: string;
    readonly alreadyListed: (range: string) => string;
    readonly useAutomatic: string;
    readonly preview: (range: string) => string;
    readonly previewUnavailable: string;
    readonly saved: string;
    /** Two sources the reader could not tell apart (views of one data set, or parts of one whole). */
    readonly views: {
      readonly title: string;
      readonly body: (range: string, used: string) => string;
      readonly keep: (used: string) => string;
      readonly other: (range: string) => string;
      readonly both: string;
    };
  };
  readonly roles: Record<Role, string>;
  readonly kinds: Record<SourceKind, string>;
  readonly settings: {
    readonly heading: string;
    readonly period: string;
    readonly latest: string;
    readonly month: string;
    readonly monthHint: string;
    readonly badMonth: string;
    readonly method: string;
    readonly neutralBand: string;
    readonly neutralBandHint: string;
    readonly badNeutralBand: string;
    readonly language: string;
    readonly languageAuto: string;
    /** The unit a person states for a workbook that does not say. */
    readonly unit: string;
    readonly unitHint: string;
    readonly unitAuto: string;
  };
  readonly methods: Record<ForecastMethod, { readonly name: string; readonly explanation: string }>;
  readonly languages: Record<OutputLanguage, string>;
  readonly generate: {
    readonly button: string;
    readonly running: string;
    readonly progressLabel: string;
    readonly steps: Record<Step, (done: number, of: number) => string>;
    readonly done: (sheets: number, warnings: number) => string;
  };
  readonly result: {
    readonly heading: (period: string) => string;
    readonly headingNoPeriod: string;
    readonly keyFigures: string;
    readonly variance: string;
    readonly varianceHint: string;
    readonly forecastVariance: string;
    readonly measuresEffect: string;
    readonly uncovered: string;
    /** When the measures are worth more than the gap. */
    readonly overCovered: string;
    /** When the measures are worth exactly the gap. */
    readonly covered: string;
    readonly notAvailable: string;
    readonly warnings: (n: number) => string;
    readonly noWarnings: string;
    readonly showCell: (cell: string) => string;
    readonly cellFailed: (cell: string) => string;
    readonly sheets: string;
    readonly openSheet: (name: string) => string;
    readonly sheetFailed: (name: string) => string;
    readonly fromRibbon: string;
  };
  readonly units: Record<Unit, string>;
}

const EN: PaneStrings = {
  appTitle: 'Budget Follow-up',
  intro: 'Checks the budget and actuals in this workbook and writes the follow-up sheets: variances, forecast and measures.',
  unsupported: {
    title: 'This version of Excel is too old',
    body: 'Budget Follow-up needs Excel for Microsoft 365 (Windows version 1903 or later, Mac 16.24 or later), Excel 2021 or later, or Excel on the web (Excel API 1.9). Open the workbook in one of them to use it.',
  },
  loading: 'Looking through the workbook…',
  genericError: 'Something went wrong while working with the workbook. Try again; if it happens again, save the workbook, reopen it and retry.',
  errorTitle: 'Could not finish',
  storedSettingsInvalid: 'The settings saved in this workbook could not be read, so the defaults are shown. Saving a change replaces them.',
  needsSettings: 'Choose the sources and settings below, then generate the follow-up. From then on the ribbon button uses them.',
  sources: {
    heading: 'Sources',
    explicit: 'You chose these ranges. New rows or months outside them are not read.',
    automatic: 'Found automatically. Change a role, add the selected range or remove one to choose them yourself.',
    none: {
      title: 'No sources found',
      body: 'No pivot table or budget table was recognised. Select the range with your budget or actuals and choose “Add selected range”.',
    },
    role: 'Role',
    roleFor: (range) => `Role of ${range}`,
    remove: 'Remove',
    removeLabel: (range) => `Remove ${range}`,
    addSelection: 'Add selected range',
    noSelection: 'Select a range in the workbook first.',
    alreadyListed: (range) => `${range} is already a source.`,
    useAutomatic: 'Find sources automatically',
    preview: (range) => `First rows of ${range}`,
    previewUnavailable: 'No preview',
    saved: 'Saved in the workbook.',
    views: {
      title: 'Two views, or two parts?',
      body: (range, used) =>
        `${range} and ${used} share lines but not their totals: they may be two views of the same data or two parts of one whole. Only ${used} is used now; nothing is added twice. Which should the follow-up use?`,
      keep: (used) => `Use ${used}`,
      other: (range) => `Use ${range} instead`,
      both: 'They are parts: add both',
    },
  },
  roles: { budget: 'Budget', actual: 'Actuals', 'prior-actual': "Last year's actuals", forecast: 'Forecast', table: 'Table (several roles)' },
  kinds: { pivot: 'Pivot table', table: 'Table' },
  settings: {
    heading: 'Settings',
    period: 'Period',
    latest: 'Latest month with actuals',
    month: 'Month',
    monthHint: 'The month the follow-up is for.',
    badMonth: 'Write the month as YYYY-MM, for example 2024-03.',
    method: 'Forecast method',
    neutralBand: 'Neutral band (%)',
    neutralBandHint: 'Variances within this share of the budget are shown as on track.',
    badNeutralBand: 'Give a percentage from 0 to 99, for example 2.',
    language: 'Language of the sheets',
    languageAuto: 'As the workbook',
    unit: 'Unit of the amounts',
    unitHint: 'For a workbook that does not say. Where its headings name the unit, they win.',
    unitAuto: 'As the workbook says (or none)',
  },
  methods: {
    'budget-profile': { name: 'Rest of the year on budget', explanation: 'Actuals so far plus the budget for the months left.' },
    'deviation-run-rate': { name: 'Variance so far, extrapolated', explanation: 'The variance so far scaled to twelve months, against the annual budget.' },
    'last-year-profile': { name: "Last year's seasonal profile", explanation: 'Actuals so far grown as last year grew from the same months to the full year.' },
    manual: {
      name: 'Your own forecast',
      explanation: 'The figure typed per line on the follow-up sheet; lines without one use the rest of the year on budget.',
    },
  },
  languages: { nb: 'Norsk bokmål', sv: 'Svenska', en: 'English' },
  generate: {
    button: 'Generate follow-up',
    running: 'Generating…',
    progressLabel: 'Progress',
    steps: {
      reading: (done, of) => `Reading sheet ${done + 1} of ${of}`,
      recognising: () => 'Recognising the sources',
      computing: () => 'Computing variances and forecasts',
      writing: (done, of) => `Writing sheet ${done + 1} of ${of}`,
      done: () => 'Done',
    },
    done: (sheets, warnings) => `Follow-up generated: ${sheets} sheet${sheets === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  },
  result: {
    heading: (period) => `Follow-up for ${period}`,
    headingNoPeriod: 'Follow-up',
    keyFigures: 'Key figures',
    variance: GLOSSARY.en.variance,
    varianceHint: 'Positive: under budget. Negative: overspend.',
    forecastVariance: GLOSSARY.en.forecastVariance,
    measuresEffect: GLOSSARY.en.effect,
    uncovered: GLOSSARY.en.verdict.uncovered,
    overCovered: GLOSSARY.en.verdict['over-covered'],
    covered: GLOSSARY.en.verdict.covered,
    notAvailable: 'not available',
    warnings: (n) => `Warnings (${n})`,
    noWarnings: 'No warnings: every check agrees within rounding.',
    showCell: (cell) => `Show ${cell}`,
    cellFailed: (cell) => `Could not select ${cell}; the sheet may be hidden or renamed.`,
    sheets: 'Generated sheets',
    openSheet: (name) => `Open sheet ${name}`,
    sheetFailed: (name) => `Could not open the sheet ${name}.`,
    fromRibbon: 'Generated from the ribbon.',
  },
  units: GLOSSARY.en.unitAfterFigure,
};

const NB: PaneStrings = {
  appTitle: 'Budsjettoppfølging',
  intro: 'Kontrollerer budsjett og regnskap i arbeidsboken og lager oppfølgingsarkene: avvik, prognose og tiltak.',
  unsupported: {
    title: 'Denne versjonen av Excel er for gammel',
    body: 'Budsjettoppfølging krever Excel for Microsoft 365 (Windows versjon 1903 eller nyere, Mac 16.24 eller nyere), Excel 2021 eller nyere, eller Excel på nettet (Excel API 1.9). Åpne arbeidsboken i en av dem for å bruke den.',
  },
  loading: 'Ser gjennom arbeidsboken …',
  genericError: 'Noe gikk galt under arbeidet med arbeidsboken. Prøv igjen; skjer det igjen, lagre arbeidsboken, åpne den på nytt og prøv en gang til.',
  errorTitle: 'Kunne ikke fullføre',
  storedSettingsInvalid: 'Innstillingene som er lagret i arbeidsboken, kunne ikke leses, så standardverdiene vises. En endring du lagrer, erstatter dem.',
  needsSettings: 'Velg kilder og innstillinger nedenfor, og lag oppfølgingen. Deretter bruker knappen på båndet disse.',
  sources: {
    heading: 'Kilder',
    explicit: 'Du har valgt disse områdene. Nye rader eller måneder utenfor dem blir ikke lest.',
    automatic: 'Funnet automatisk. Endre en rolle, legg til det merkede området eller fjern et for å velge selv.',
    none: {
      title: 'Fant ingen kilder',
      body: 'Ingen pivottabell eller budsjettabell ble gjenkjent. Merk området med budsjett eller regnskap og velg «Legg til merket område».',
    },
    role: 'Rolle',
    roleFor: (range) => `Rolle for ${range}`,
    remove: 'Fjern',
    removeLabel: (range) => `Fjern ${range}`,
    addSelection: 'Legg til merket område',
    noSelection: 'Merk et område i arbeidsboken først.',
    alreadyListed: (range) => `${range} er allerede en kilde.`,
    useAutomatic: 'Finn kilder automatisk',
    preview: (range) => `Første rader i ${range}`,
    previewUnavailable: 'Ingen forhåndsvisning',
    saved: 'Lagret i arbeidsboken.',
    views: {
      title: 'To visninger eller to deler?',
      body: (range, used) =>
        `${range} og ${used} har felles linjer, men ikke samme totaler: de kan være to visninger av de samme dataene eller to deler av en helhet. Nå brukes bare ${used}; ingenting legges sammen to ganger. Hva skal oppfølgingen bruke?`,
      keep: (used) => `Bruk ${used}`,
      other: (range) => `Bruk ${range} i stedet`,
      both: 'De er deler: legg sammen begge',
    },
  },
  roles: { budget: 'Budsjett', actual: 'Regnskap', 'prior-actual': 'Regnskap i fjor', forecast: 'Prognose', table: 'Tabell (flere roller)' },
  kinds: { pivot: 'Pivottabell', table: 'Tabell' },
  settings: {
    heading: 'Innstillinger',
    period: 'Periode',
    latest: 'Siste måned med regnskap',
    month: 'Måned',
    monthHint: 'Måneden oppfølgingen gjelder.',
    badMonth: 'Skriv måneden som ÅÅÅÅ-MM, for eksempel 2024-03.',
    method: 'Prognosemetode',
    neutralBand: 'Nøytralt intervall (%)',
    neutralBandHint: 'Avvik innenfor denne andelen av budsjettet vises som i rute.',
    badNeutralBand: 'Oppgi en prosent fra 0 til 99, for eksempel 2.',
    language: 'Språk i arkene',
    languageAuto: 'Som arbeidsboken',
    unit: 'Enhet for beløpene',
    unitHint: 'For en arbeidsbok som ikke sier det. Der overskriftene oppgir enheten, gjelder de.',
    unitAuto: 'Som arbeidsboken sier (eller ingen)',
  },
  methods: {
    'budget-profile': { name: 'Resten av året på budsjett', explanation: 'Regnskap hittil pluss budsjettet for månedene som er igjen.' },
    'deviation-run-rate': { name: 'Avviket hittil, fremskrevet', explanation: 'Avviket hittil skalert til tolv måneder, mot årsbudsjettet.' },
    'last-year-profile': {
      name: 'Fjorårets sesongprofil',
      explanation: 'Regnskap hittil fremskrevet slik fjoråret utviklet seg fra de samme månedene til hele året.',
    },
    manual: { name: 'Egen prognose', explanation: 'Tallet som er skrevet inn per linje i oppfølgingsarket; linjer uten bruker resten av året på budsjett.' },
  },
  languages: { nb: 'Norsk bokmål', sv: 'Svenska', en: 'English' },
  generate: {
    button: 'Lag oppfølging',
    running: 'Lager oppfølging …',
    progressLabel: 'Fremdrift',
    steps: {
      reading: (done, of) => `Leser ark ${done + 1} av ${of}`,
      recognising: () => 'Gjenkjenner kildene',
      computing: () => 'Beregner avvik og prognoser',
      writing: (done, of) => `Skriver ark ${done + 1} av ${of}`,
      done: () => 'Ferdig',
    },
    done: (sheets, warnings) => `Oppfølgingen er laget: ${sheets} ark, ${warnings} ${warnings === 1 ? 'merknad' : 'merknader'}.`,
  },
  result: {
    heading: (period) => `Oppfølging for ${period}`,
    headingNoPeriod: 'Oppfølging',
    keyFigures: 'Nøkkeltall',
    variance: GLOSSARY.nb.variance,
    varianceHint: 'Positivt: mindreforbruk. Negativt: merforbruk.',
    forecastVariance: GLOSSARY.nb.forecastVariance,
    measuresEffect: GLOSSARY.nb.effect,
    uncovered: GLOSSARY.nb.verdict.uncovered,
    overCovered: GLOSSARY.nb.verdict['over-covered'],
    covered: GLOSSARY.nb.verdict.covered,
    notAvailable: 'ikke tilgjengelig',
    warnings: (n) => `Merknader (${n})`,
    noWarnings: 'Ingen merknader: alle kontroller stemmer innenfor avrunding.',
    showCell: (cell) => `Vis ${cell}`,
    cellFailed: (cell) => `Kunne ikke merke ${cell}; arket kan være skjult eller ha fått nytt navn.`,
    sheets: 'Ark som ble laget',
    openSheet: (name) => `Åpne arket ${name}`,
    sheetFailed: (name) => `Kunne ikke åpne arket ${name}.`,
    fromRibbon: 'Laget fra båndet.',
  },
  units: GLOSSARY.nb.unitAfterFigure,
};

const SV: PaneStrings = {
  appTitle: 'Budgetuppföljning',
  intro: 'Kontrollerar budget och utfall i arbetsboken och skapar uppföljningsbladen: avvikelser, prognos och åtgärder.',
  unsupported: {
    title: 'Den här versionen av Excel är för gammal',
    body: 'Budgetuppföljning kräver Excel för Microsoft 365 (Windows version 1903 eller senare, Mac 16.24 eller senare), Excel 2021 eller senare, eller Excel på webben (Excel API 1.9). Öppna arbetsboken i någon av dem för att använda den.',
  },
  loading: 'Går igenom arbetsboken …',
  genericError: 'Något gick fel när arbetsboken bearbetades. Försök igen; händer det igen, spara arbetsboken, öppna den på nytt och försök en gång till.',
  errorTitle: 'Kunde inte slutföra',
  storedSettingsInvalid: 'Inställningarna som sparats i arbetsboken kunde inte läsas, så standardvärdena visas. En ändring som du sparar ersätter dem.',
  needsSettings: 'Välj källor och inställningar nedan och skapa uppföljningen. Därefter använder knappen i menyfliksområdet dem.',
  sources: {
    heading: 'Källor',
    explicit: 'Du har valt de här områdena. Nya rader eller månader utanför dem läses inte.',
    automatic: 'Hittade automatiskt. Ändra en roll, lägg till det markerade området eller ta bort ett för att välja själv.',
    none: {
      title: 'Hittade inga källor',
      body: 'Ingen pivottabell eller budgettabell kändes igen. Markera området med budget eller utfall och välj ”Lägg till markerat område”.',
    },
    role: 'Roll',
    roleFor: (range) => `Roll för ${range}`,
    remove: 'Ta bort',
    removeLabel: (range) => `Ta bort ${range}`,
    addSelection: 'Lägg till markerat område',
    noSelection: 'Markera ett område i arbetsboken först.',
    alreadyListed: (range) => `${range} är redan en källa.`,
    useAutomatic: 'Hitta källor automatiskt',
    preview: (range) => `Första raderna i ${range}`,
    previewUnavailable: 'Ingen förhandsvisning',
    saved: 'Sparat i arbetsboken.',
    views: {
      title: 'Två vyer eller två delar?',
      body: (range, used) =>
        `${range} och ${used} har gemensamma rader men inte samma summor: de kan vara två vyer av samma data eller två delar av en helhet. Nu används bara ${used}; inget läggs ihop två gånger. Vilken ska uppföljningen använda?`,
      keep: (used) => `Använd ${used}`,
      other: (range) => `Använd ${range} i stället`,
      both: 'De är delar: lägg ihop båda',
    },
  },
  roles: { budget: 'Budget', actual: 'Utfall', 'prior-actual': 'Utfall föregående år', forecast: 'Prognos', table: 'Tabell (flera roller)' },
  kinds: { pivot: 'Pivottabell', table: 'Tabell' },
  settings: {
    heading: 'Inställningar',
    period: 'Period',
    latest: 'Senaste månaden med utfall',
    month: 'Månad',
    monthHint: 'Månaden som uppföljningen gäller.',
    badMonth: 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2024-03.',
    method: 'Prognosmetod',
    neutralBand: 'Neutralt intervall (%)',
    neutralBandHint: 'Avvikelser inom den här andelen av budgeten visas som enligt plan.',
    badNeutralBand: 'Ange en procentsats från 0 till 99, till exempel 2.',
    language: 'Språk i bladen',
    languageAuto: 'Som arbetsboken',
    unit: 'Enhet för beloppen',
    unitHint: 'För en arbetsbok som inte anger den. Där rubrikerna anger enheten gäller de.',
    unitAuto: 'Som arbetsboken anger (eller ingen)',
  },
  methods: {
    'budget-profile': { name: 'Resten av året enligt budget', explanation: 'Utfall hittills plus budgeten för de månader som återstår.' },
    'deviation-run-rate': { name: 'Avvikelsen hittills, framskriven', explanation: 'Avvikelsen hittills uppräknad till tolv månader, mot årsbudgeten.' },
    'last-year-profile': {
      name: 'Fjolårets säsongsprofil',
      explanation: 'Utfall hittills uppräknat som fjolåret utvecklades från samma månader till helåret.',
    },
    manual: { name: 'Egen prognos', explanation: 'Beloppet som skrivits in per rad i uppföljningsbladet; rader utan använder resten av året enligt budget.' },
  },
  languages: { nb: 'Norsk bokmål', sv: 'Svenska', en: 'English' },
  generate: {
    button: 'Skapa uppföljning',
    running: 'Skapar uppföljning …',
    progressLabel: 'Förlopp',
    steps: {
      reading: (done, of) => `Läser blad ${done + 1} av ${of}`,
      recognising: () => 'Känner igen källorna',
      computing: () => 'Beräknar avvikelser och prognoser',
      writing: (done, of) => `Skriver blad ${done + 1} av ${of}`,
      done: () => 'Klart',
    },
    done: (sheets, warnings) => `Uppföljningen är skapad: ${sheets} blad, ${warnings} ${warnings === 1 ? 'anmärkning' : 'anmärkningar'}.`,
  },
  result: {
    heading: (period) => `Uppföljning för ${period}`,
    headingNoPeriod: 'Uppföljning',
    keyFigures: 'Nyckeltal',
    variance: GLOSSARY.sv.variance,
    varianceHint: 'Positiv: budgetöverskott. Negativ: budgetunderskott.',
    forecastVariance: GLOSSARY.sv.forecastVariance,
    measuresEffect: GLOSSARY.sv.effect,
    uncovered: GLOSSARY.sv.verdict.uncovered,
    overCovered: GLOSSARY.sv.verdict['over-covered'],
    covered: GLOSSARY.sv.verdict.covered,
    notAvailable: 'inte tillgängligt',
    warnings: (n) => `Anmärkningar (${n})`,
    noWarnings: 'Inga anmärkningar: alla kontroller stämmer inom avrundning.',
    showCell: (cell) => `Visa ${cell}`,
    cellFailed: (cell) => `Kunde inte markera ${cell}; bladet kan vara dolt eller ha bytt namn.`,
    sheets: 'Skapade blad',
    openSheet: (name) => `Öppna bladet ${name}`,
    sheetFailed: (name) => `Kunde inte öppna bladet ${name}.`,
    fromRibbon: 'Skapad från menyfliksområdet.',
  },
  units: GLOSSARY.sv.unitAfterFigure,
};

export const STRINGS: Readonly<Record<UiLanguage, PaneStrings>> = { en: EN, nb: NB, sv: SV };
