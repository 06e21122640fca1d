/**
 * Findings rendered in the user's language. A template names its parameters in braces; amounts are
 * formatted as people read them ("13 207 429"), and the cell is appended by the caller's layout.
 */
import { formatDecimal } from './format';
import { GLOSSARY } from './glossary';
import type { OutputLanguage } from './model';
import type { Finding, Warning, WarningCode, WarningParams } from './warnings';

type Templates = Record<WarningCode, string>;

const EN: Templates = {
  'ambiguous-number': '"{text}" can be read as {readings}; the workbook does not say which. Write it without the separator or set the language.',
  'unreadable-number': '"{text}" is not a number; the cell is left out.',
  'cell-error': 'The cell holds the error {error}; it is left out.',
  'total-mismatch': 'Stated total for "{label}" is {stated}, but its parts add up to {computed}.',
  'variance-mismatch': 'Typed variance {stated} differs from budget against actuals: {computed}.',
  'variance-pct-mismatch': 'Typed variance {stated} % differs from the computed {computed} %.',
  'forecast-variance-mismatch': 'Typed forecast variance {stated} differs from annual budget against forecast: {computed}.',
  'line-missing': '"{label}" is not in {missingIn}; it counts as zero there.',
  'duplicate-line': '"{label}" appears more than once in the same source; the rows are added together.',
  'mixed-units': 'The sources use different units ({units}); all amounts are shown in {chosen}.',
  'no-budget': 'No budget was found: variances and forecast variances are left empty.',
  'no-actuals': 'No actuals were found.',
  'forecast-fallback': 'The {method} forecast lacks {reason} for {count} line(s) ({lines}); {used} was used instead.',
  'unquantified-measure': 'The measure "{name}" has no amount yet; it is not counted.',
  'measures-total-mismatch': 'Stated measures total {stated} differs from the sum of the measures: {computed}.',
  'ambiguous-role': 'Could not tell what {range} holds ({roles}); it is read as actuals. Set its role to be sure.',
  'hidden-rows': '{count} hidden or filtered row(s) in the source are included.',
  'period-without-actuals': 'The chosen period {period} has no actuals.',
  'sign-convention-unclear': 'Could not tell whether costs are stored as positive or negative numbers; {sign} is assumed.',
};

const NB: Templates = {
  'ambiguous-number': '«{text}» kan leses som {readings}; arbeidsboken sier ikke hvilken. Skriv tallet uten skilletegn eller velg språk.',
  'unreadable-number': '«{text}» er ikke et tall; cellen er utelatt.',
  'cell-error': 'Cellen inneholder feilen {error}; den er utelatt.',
  'total-mismatch': 'Oppgitt sum for «{label}» er {stated}, men delene summerer seg til {computed}.',
  'variance-mismatch': 'Innskrevet avvik {stated} stemmer ikke med budsjett mot regnskap: {computed}.',
  'variance-pct-mismatch': 'Innskrevet avvik {stated} % stemmer ikke med beregnet {computed} %.',
  'forecast-variance-mismatch': 'Innskrevet prognoseavvik {stated} stemmer ikke med årsbudsjett mot prognose: {computed}.',
  'line-missing': '«{label}» finnes ikke i {missingIn}; den teller som null der.',
  'duplicate-line': '«{label}» står flere ganger i samme kilde; radene er lagt sammen.',
  'mixed-units': 'Kildene bruker ulike enheter ({units}); alle beløp vises i {chosen}.',
  'no-budget': 'Fant ikke noe budsjett: avvik og prognoseavvik står tomme.',
  'no-actuals': 'Fant ikke noe regnskap.',
  'forecast-fallback': 'Prognosemetoden {method} mangler {reason} for {count} linje(r) ({lines}); {used} er brukt i stedet.',
  'unquantified-measure': 'Tiltaket «{name}» har ikke noe beløp ennå; det er ikke regnet med.',
  'measures-total-mismatch': 'Oppgitt sum for tiltakene {stated} stemmer ikke med summen av tiltakene: {computed}.',
  'ambiguous-role': 'Kunne ikke se hva {range} inneholder ({roles}); det leses som regnskap. Angi rollen for å være sikker.',
  'hidden-rows': '{count} skjulte eller filtrerte rader i kilden er tatt med.',
  'period-without-actuals': 'Valgt periode {period} har ikke regnskapstall.',
  'sign-convention-unclear': 'Kunne ikke se om kostnader er lagret som positive eller negative tall; {sign} er lagt til grunn.',
};

const SV: Templates = {
  'ambiguous-number': '”{text}” kan läsas som {readings}; arbetsboken säger inte vilket. Skriv talet utan avgränsare eller välj språk.',
  'unreadable-number': '”{text}” är inte ett tal; cellen utelämnas.',
  'cell-error': 'Cellen innehåller felet {error}; den utelämnas.',
  'total-mismatch': 'Angiven summa för ”{label}” är {stated}, men delarna summerar till {computed}.',
  'variance-mismatch': 'Inskriven avvikelse {stated} stämmer inte med budget mot utfall: {computed}.',
  'variance-pct-mismatch': 'Inskriven avvikelse {stated} % stämmer inte med beräknad {computed} %.',
  'forecast-variance-mismatch': 'Inskriven prognosavvikelse {stated} stämmer inte med årsbudget mot prognos: {computed}.',
  'line-missing': '”{label}” finns inte i {missingIn}; den räknas som noll där.',
  'duplicate-line': '”{label}” står flera gånger i samma källa; raderna läggs ihop.',
  'mixed-units': 'Källorna använder olika enheter ({units}); alla belopp visas i {chosen}.',
  'no-budget': 'Ingen budget hittades: avvikelser och prognosavvikelser lämnas tomma.',
  'no-actuals': 'Inget utfall hittades.',
  'forecast-fallback': 'Prognosmetoden {method} saknar {reason} för {count} rad(er) ({lines}); {used} används i stället.',
  'unquantified-measure': 'Åtgärden ”{name}” har inget belopp ännu; den räknas inte med.',
  'measures-total-mismatch': 'Angiven summa för åtgärderna {stated} stämmer inte med åtgärdernas summa: {computed}.',
  'ambiguous-role': 'Kunde inte avgöra vad {range} innehåller ({roles}); det läses som utfall. Ange rollen för att vara säker.',
  'hidden-rows': '{count} dolda eller filtrerade rader i källan är medräknade.',
  'period-without-actuals': 'Vald period {period} har inget utfall.',
  'sign-convention-unclear': 'Kunde inte avgöra om kostnader lagras som positiva eller negativa tal; {sign} antas.',
};

const TEMPLATES: Record<OutputLanguage, Templates> = { en: EN, nb: NB, sv: SV };

const AMOUNT_PARAMS = new Set(['stated', 'computed']);

/**
 * Parameters that are the engine's own words (forecast methods, what a method lacks, the sign
 * convention), in the reader's language: a Norwegian message says "budsjettprofil", not "budget-profile".
 */
const WORD_PARAMS = new Set(['method', 'used', 'reason', 'sign']);
const PARAM_WORDS: Record<OutputLanguage, Readonly<Record<string, string>>> = {
  en: {
    // The methods as the sheets and the pane name them.
    ...GLOSSARY.en.methods,
    none: 'no forecast',
    'no manual forecast': 'a manual forecast',
    'costs-positive': 'costs as positive numbers',
    'costs-negative': 'costs as negative numbers',
  },
  nb: {
    // The methods as the sheets and the pane name them.
    ...GLOSSARY.nb.methods,
    none: 'ingen prognose',
    actuals: 'regnskap',
    'annual budget': 'årsbudsjett',
    'budget and actuals': 'budsjett og regnskap',
    period: 'periode',
    "last year's full year": 'hele fjoråret',
    "last year's same months": 'de samme månedene i fjor',
    'no manual forecast': 'manuell prognose',
    'costs-positive': 'kostnader som positive tall',
    'costs-negative': 'kostnader som negative tall',
  },
  sv: {
    // The methods as the sheets and the pane name them.
    ...GLOSSARY.sv.methods,
    none: 'ingen prognos',
    actuals: 'utfall',
    'annual budget': 'årsbudget',
    'budget and actuals': 'budget och utfall',
    period: 'period',
    "last year's full year": 'hela föregående år',
    "last year's same months": 'samma månader föregående år',
    'no manual forecast': 'manuell prognos',
    'costs-positive': 'kostnader som positiva tal',
    'costs-negative': 'kostnader som negativa tal',
  },
};

function formatParam(name: string, value: string, lang: OutputLanguage): string {
  if (AMOUNT_PARAMS.has(name)) return formatDecimal(value, lang);
  if (WORD_PARAMS.has(name)) return PARAM_WORDS[lang][value] ?? value;
  return value;
}

export function renderMessage(code: WarningCode, params: WarningParams, lang: OutputLanguage): string {
  return TEMPLATES[lang][code].replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] !== undefined ? formatParam(name, params[name], lang) : `{${name}}`,
  );
}

export function renderFinding(f: Finding, lang: OutputLanguage): Warning {
  return { ...f, message: renderMessage(f.code, f.params, lang) };
}
