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
  'line-missing-many': '"{label}" is not in {count} of the sources ({missingIn} …); it counts as zero there.',
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
  'seen-view': 'Another view of the same data ({role} {total}, grand total agreeing with {with}); used only as a cross-check.',
  'view-total-differs': 'This view of the same data as {with} has a grand total of {role} of {stated}, but {with} has {computed}; it is not used.',
  'seen-duplicate': 'The same lines and figures as {with}; not counted twice.',
  'seen-not-money': 'No sum of money ({fields}): counts, averages and shares are not budget or actuals.',
  'seen-data-table': 'The data the pivots {pivots} summarise; the pivots are used, not the rows.',
  'seen-variance-view': "The author's variance, grand total {stated}; budget against actuals in {with} gives {computed}.",
  'views-cannot-tell': 'Could not tell whether this and {with} are parts of one whole or views of the same data; only {with} is used.',
  'seen-values-on-rows': 'Its data fields ({fields}) stand on rows, one under the other; such a pivot is not read. Put Values in the columns to use it.',
  'danish-as-norwegian':
    'The workbook is in Danish; the sheets are written in Norwegian, the nearest language they can be written in. Choose English in the settings (or --lang en) if you prefer.',
  'seen-lone-value': 'A figure standing alone, without a label: not a line of the follow-up.',
  'seen-list': 'A list of {rows} rows (data, people or transactions) with no column named as budget, actuals or forecast: not read as lines.',
  'seen-kpi': 'A few labelled figures (key figures), not lines of the follow-up.',
  'seen-block': 'Figures under headers that name no budget, actuals, forecast or month: not read. Add the range as a source with its role to use it.',
  'reading-unclear':
    'Could not tell which column of {range} holds this year\'s actuals: its typed-in variances fit none of them. Its variances are left empty; choose the column in the pane or the config ("columns").',
  'typed-column-disagrees':
    '{count} of {of} figures typed in "{header}" disagree with the columns beside them; they are not checked one by one. Check the column\'s role in the pane or the config ("columns").',
  'unreadable-cell': 'The cell could not be read ({reason}); its row is kept as a line without a label.',
  'previous-forecast-unreadable': 'Last month\'s forecast for "{label}" ("{text}") is not a number; the change since then is left empty for the line.',
  'rollup-unlinked':
    '{file}: {count} lines are figures, not links to the unit\'s workbook: it has no sheet "{sheet}", or the sheet shows other figures than its sources now give; generate the unit\'s follow-up again and roll up again.',
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
  'line-missing-many': '«{label}» finnes ikke i {count} av kildene ({missingIn} …); den teller som null der.',
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
  'seen-view': 'En annen visning av de samme dataene ({role} {total}, totalsummen stemmer med {with}); brukt bare til kontroll.',
  'view-total-differs': 'Denne visningen av de samme dataene som {with} har totalsum {role} {stated}, men {with} har {computed}; den er ikke brukt.',
  'seen-duplicate': 'De samme linjene og tallene som {with}; ikke regnet to ganger.',
  'seen-not-money': 'Ingen sum av beløp ({fields}): antall, gjennomsnitt og andeler er ikke budsjett eller regnskap.',
  'seen-data-table': 'Dataene som pivotene {pivots} oppsummerer; pivotene er brukt, ikke radene.',
  'seen-variance-view': 'Forfatterens avvik, totalsum {stated}; budsjett mot regnskap i {with} gir {computed}.',
  'views-cannot-tell': 'Kunne ikke se om denne og {with} er deler av en helhet eller visninger av de samme dataene; bare {with} er brukt.',
  'seen-values-on-rows': 'Dataene ({fields}) står i rader, under hverandre; en slik pivot leses ikke. Flytt Verdier til kolonnene for å bruke den.',
  'danish-as-norwegian':
    'Arbeidsboken er på dansk; arkene er skrevet på norsk, det nærmeste språket de kan skrives på. Velg engelsk i innstillingene (eller --lang en) om du vil.',
  'seen-lone-value': 'Et tall som står alene, uten tekst: ikke en linje i oppfølgingen.',
  'seen-list': 'En liste på {rows} rader (data, personer eller posteringer) uten kolonne for budsjett, regnskap eller prognose: ikke lest som linjer.',
  'seen-kpi': 'Noen få tall med tekst (nøkkeltall), ikke linjer i oppfølgingen.',
  'seen-block':
    'Tall under overskrifter som ikke sier budsjett, regnskap, prognose eller måned: ikke lest. Legg området til som kilde med rolle for å bruke det.',
  'reading-unclear':
    'Kunne ikke se hvilken kolonne i {range} som har årets regnskap: de innskrevne avvikene passer ikke med noen av dem. Avvikene står tomme; velg kolonnen i panelet eller i innstillingene («columns»).',
  'typed-column-disagrees':
    '{count} av {of} tall skrevet inn i «{header}» stemmer ikke med kolonnene ved siden av; de kontrolleres ikke enkeltvis. Sjekk kolonnens rolle i panelet eller i innstillingene («columns»).',
  'unreadable-cell': 'Cellen kunne ikke leses ({reason}); raden er tatt med som en linje uten navn.',
  'previous-forecast-unreadable': 'Forrige måneds prognose for «{label}» («{text}») er ikke et tall; endringen siden da er tom for linjen.',
  'rollup-unlinked':
    '{file}: {count} linjer er tall, ikke lenker til enhetens arbeidsbok: den har ikke arket «{sheet}», eller arket viser andre tall enn kildene gir nå; lag enhetens oppfølging på nytt og slå sammen igjen.',
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
  'line-missing-many': '”{label}” finns inte i {count} av källorna ({missingIn} …); den räknas som noll där.',
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
  'seen-view': 'En annan vy av samma data ({role} {total}, totalsumman stämmer med {with}); används bara som kontroll.',
  'view-total-differs': 'Denna vy av samma data som {with} har totalsumma {role} {stated}, men {with} har {computed}; den används inte.',
  'seen-duplicate': 'Samma rader och belopp som {with}; räknas inte två gånger.',
  'seen-not-money': 'Ingen summa av belopp ({fields}): antal, medelvärden och andelar är inte budget eller utfall.',
  'seen-data-table': 'Data som pivottabellerna {pivots} sammanfattar; pivottabellerna används, inte raderna.',
  'seen-variance-view': 'Författarens avvikelse, totalsumma {stated}; budget mot utfall i {with} ger {computed}.',
  'views-cannot-tell': 'Kunde inte avgöra om denna och {with} är delar av en helhet eller vyer av samma data; bara {with} används.',
  'seen-values-on-rows': 'Värdena ({fields}) står i rader, under varandra; en sådan pivottabell läses inte. Flytta Värden till kolumnerna för att använda den.',
  'danish-as-norwegian':
    'Arbetsboken är på danska; bladen är skrivna på norska, det närmaste språk de kan skrivas på. Välj engelska i inställningarna (eller --lang en) om du vill.',
  'seen-lone-value': 'Ett tal som står ensamt, utan text: inte en rad i uppföljningen.',
  'seen-list': 'En lista på {rows} rader (data, personer eller transaktioner) utan kolumn för budget, utfall eller prognos: inte läst som rader.',
  'seen-kpi': 'Några få tal med text (nyckeltal), inte rader i uppföljningen.',
  'seen-block': 'Tal under rubriker som inte anger budget, utfall, prognos eller månad: inte lästa. Lägg till området som källa med roll för att använda det.',
  'reading-unclear':
    'Kunde inte avgöra vilken kolumn i {range} som har årets utfall: de inskrivna avvikelserna passar ingen av dem. Avvikelserna lämnas tomma; välj kolumnen i panelen eller i inställningarna (”columns”).',
  'typed-column-disagrees':
    '{count} av {of} tal inskrivna i ”{header}” stämmer inte med kolumnerna bredvid; de kontrolleras inte ett och ett. Kontrollera kolumnens roll i panelen eller i inställningarna (”columns”).',
  'unreadable-cell': 'Cellen kunde inte läsas ({reason}); raden tas med som en rad utan namn.',
  'previous-forecast-unreadable': 'Förra månadens prognos för ”{label}” (”{text}”) är inte ett tal; förändringen sedan dess lämnas tom för raden.',
  'rollup-unlinked':
    '{file}: {count} rader är tal, inte länkar till enhetens arbetsbok: den saknar bladet ”{sheet}”, eller bladet visar andra tal än källorna ger nu; gör enhetens uppföljning på nytt och slå ihop igen.',
};

const TEMPLATES: Record<OutputLanguage, Templates> = { en: EN, nb: NB, sv: SV };

const AMOUNT_PARAMS = new Set(['stated', 'computed', 'total']);

/**
 * Parameters that are the engine's own words (forecast methods, what a method lacks, the sign
 * convention), in the reader's language: a Norwegian message says "budsjettprofil", not "budget-profile".
 */
const WORD_PARAMS = new Set(['method', 'used', 'reason', 'sign', 'role']);
const PARAM_WORDS: Record<OutputLanguage, Readonly<Record<string, string>>> = {
  en: {
    // The methods as the sheets and the pane name them.
    ...GLOSSARY.en.methods,
    none: 'no forecast',
    'no manual forecast': 'a manual forecast',
    'costs-positive': 'costs as positive numbers',
    'costs-negative': 'costs as negative numbers',
    budget: 'budget',
    actual: 'actuals',
    'prior-actual': "last year's actuals",
    forecast: 'forecast',
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
    budget: 'budsjett',
    actual: 'regnskap',
    'prior-actual': 'fjorårets regnskap',
    forecast: 'prognose',
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
    budget: 'budget',
    actual: 'utfall',
    'prior-actual': 'föregående års utfall',
    forecast: 'prognos',
  },
};

function formatParam(name: string, value: string, lang: OutputLanguage): string {
  if (AMOUNT_PARAMS.has(name)) return formatDecimal(value, lang);
  if (WORD_PARAMS.has(name)) return PARAM_WORDS[lang][value] ?? value;
  return value;
}

export function renderMessage(code: WarningCode, params: WarningParams, lang: OutputLanguage): string {
  return TEMPLATES[lang][code].replace(/\{(\w+)\}/g, (_, name: string) => (params[name] !== undefined ? formatParam(name, params[name], lang) : `{${name}}`));
}

export function renderFinding(f: Finding, lang: OutputLanguage): Warning {
  return { ...f, message: renderMessage(f.code, f.params, lang) };
}
