/**
 * The words Excel and people write in budget workbooks, in Norwegian (nb), Swedish (sv), Danish (da)
 * and English (en): pivot captions and totals, what a column holds, measures-table columns, units,
 * key-figure labels. All matching is case-insensitive and independent of the detected language.
 *
 * Case-insensitive by lower-casing the text once rather than by the `i` flag where the patterns can:
 * with `u`, `i` turns every letter and `\p{L}` class into a Unicode case class, and compiling the
 * vocabulary's patterns that way cost some 30–40 ms of every command-line run. Only patterns with
 * `\p{…}` have `u`; those that keep a text's case (captions' and totals' names) have `i` alone.
 */
import { collapseSpaces, isPlain } from './labels';
import { yearInText } from './periods';
import type { KeyFigureKind, Language, Measure, Role, Unit } from './sources';

/** Lower-case, NFC, spaces collapsed. */
export function norm(text: string): string {
  return collapseSpaces(text).toLowerCase();
}

/**
 * The letters of the Latin script (Latin-1 and Latin Extended-A and -B: the Nordic and Sami letters
 * among them), as a character class's contents. Words are bounded by these rather than by `\p{L}`,
 * whose class is large to compile and adds nothing for the texts of Nordic budgets.
 */
const LATIN_LETTER = 'a-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f';
/** A run of letters (what `\p{L}*` would match in such texts). */
const LETTERS = `[${LATIN_LETTER}]*`;
/** Letters and digits (ASCII and Latin-1's superscripts and fractions): what continues a word. */
const WORD = `${LATIN_LETTER}0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be`;
/** A regex matching `src` as whole words, for lower-case text. */
function w(src: string): RegExp {
  return new RegExp(`(?<![${WORD}])(?:${src})(?![${WORD}])`);
}

// ---------------------------------------------------------------------------------------------
// Pivot words
// ---------------------------------------------------------------------------------------------

export type Aggregate = 'sum' | 'count' | 'other';

export interface DataCaption {
  /** The value field (`Beløp` of `Summer av Beløp`). */
  readonly field: string;
  readonly aggregate: Aggregate;
  /** Language the caption is written in; null for LibreOffice's `Sum - X`. */
  readonly language: Language | null;
  /** True when the caption is a total column's (`Totalt Summer av Budsjett`, `Total Sum of Budget`). */
  readonly total: boolean;
}

const CAPTIONS: readonly (readonly [RegExp, Language | null, Aggregate])[] = [
  [/^(?:summer|sum) av (.+)$/i, 'nb', 'sum'],
  [/^antall av (.+)$/i, 'nb', 'count'],
  [/^(?:gjennomsnitt|maks|maksimum|min|minimum|produkt|antall tall|standardavvik|varians) av (.+)$/i, 'nb', 'other'],
  [/^summa av (.+)$/i, 'sv', 'sum'],
  [/^antal av (.+)$/i, 'sv', 'count'],
  [/^(?:medel|medelvärde|max|min|produkt|stdav|varians) av (.+)$/i, 'sv', 'other'],
  [/^sum af (.+)$/i, 'da', 'sum'],
  [/^antal af (.+)$/i, 'da', 'count'],
  [/^(?:gennemsnit|maks|min|produkt|stdafv|varians) af (.+)$/i, 'da', 'other'],
  [/^sum of (.+)$/i, 'en', 'sum'],
  [/^count of (.+)$/i, 'en', 'count'],
  [/^(?:average|max|min|product|stddev|stdev|var|count numbers) of (.+)$/i, 'en', 'other'],
  [/^sum - (.+)$/i, null, 'sum'],
  [/^count - (.+)$/i, null, 'count'],
  [/^(?:average|mean|max|min|product) - (.+)$/i, null, 'other'],
  // German and Finnish Excel (read, not written: their workbooks get English sheets).
  [/^summe von (.+)$/i, null, 'sum'],
  [/^anzahl von (.+)$/i, null, 'count'],
  [/^(?:mittelwert|maximum|minimum|produkt) von (.+)$/i, null, 'other'],
  [/^summa\s*\/\s*(.+)$/i, null, 'sum'],
  [/^määrä\s*\/\s*(.+)$/i, null, 'count'],
  [/^(?:keskiarvo|maksimi|minimi|tulo)\s*\/\s*(.+)$/i, null, 'other'],
];

const TOTAL_AFFIX = '(?:totalt|total|totalsum|totalsumma|summa|i alt|hovedtotal|grand total)';
/** `Totalt Summer av Beløp`, `Summer av Beløp Totalt` (compiled once: captions are asked for every label). */
const TOTAL_BEFORE_CAPTION = new RegExp(`^${TOTAL_AFFIX}\\s+(.+)$`, 'i');
const TOTAL_AFTER_CAPTION = new RegExp(`^(.+?)\\s+${TOTAL_AFFIX}$`, 'i');

/** A pivot data-field caption: `Summer av Beløp`, `Summa av Belopp`, `Sum af Beløb`, `Sum of Amount`, `Sum - Beløp`. */
export function dataCaption(text: string): DataCaption | null {
  const t = collapseSpaces(text);
  const direct = matchCaption(t);
  if (direct) return { ...direct, total: false };
  const pre = TOTAL_BEFORE_CAPTION.exec(t);
  if (pre) {
    const c = matchCaption(pre[1]);
    if (c) return { ...c, total: true };
  }
  const post = TOTAL_AFTER_CAPTION.exec(t);
  if (post) {
    const c = matchCaption(post[1]);
    if (c) return { ...c, total: true };
  }
  return null;
}

function matchCaption(t: string): Omit<DataCaption, 'total'> | null {
  for (const [re, language, aggregate] of CAPTIONS) {
    const m = re.exec(t);
    if (m) return { field: m[1].trim(), aggregate, language };
  }
  return null;
}

const ROW_LABELS = /^(?:radetiketter|rækkenavne|rækkeetiketter|row labels|zeilenbeschriftungen|rivitunnisteet|riviotsikot)$/i;
const COLUMN_LABELS =
  /^(?:kolonneetiketter|kolumnetiketter|kolonnenavne|kolonneetiketter|column labels|spaltenbeschriftungen|saraketunnisteet|sarakeotsikot)$/i;
const VALUES_HEADER = /^(?:σ\s*)?(?:verdier|värden|værdier|values|werte|arvot)$/i;
const GRAND_TOTAL =
  /^(?:totalsum|totalsumma|hovedtotal|grand total|total result|totalt resultat|sum total|total sum|gesamtergebnis|gesamtsumme|kokonaissumma)$/i;

/** `Radetiketter` (nb, sv), `Rækkenavne` (da), `Row Labels` (en). */
export function isRowLabelsHeader(text: string): boolean {
  return ROW_LABELS.test(collapseSpaces(text));
}

/** `Kolonneetiketter` (nb), `Kolumnetiketter` (sv), `Kolonnenavne` (da), `Column Labels` (en). */
export function isColumnLabelsHeader(text: string): boolean {
  return COLUMN_LABELS.test(collapseSpaces(text));
}

/** The header Excel writes over several value fields: `Verdier`, `Värden`, `Værdier`, `Values`. */
export function isValuesHeader(text: string): boolean {
  return VALUES_HEADER.test(collapseSpaces(text));
}

/** A pivot's grand total: `Totalsum` (nb), `Totalsumma` (sv), `Hovedtotal` (da), `Grand Total` (en), `Total Result` (LibreOffice). */
export function isGrandTotalLabel(text: string): boolean {
  return GRAND_TOTAL.test(collapseSpaces(text));
}

/** Any word that marks a pivot (caption, row/column labels header, values header, grand total). */
export function isPivotWord(text: string): boolean {
  return dataCaption(text) !== null || isRowLabelsHeader(text) || isColumnLabelsHeader(text) || isValuesHeader(text) || isGrandTotalLabel(text);
}

// ---------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------

export type TotalLabel =
  /** A total word alone or a pivot grand total: `Sum`, `Totalt`, `I alt`, `Totalsum`, `Grand Total`. */
  | { readonly kind: 'total' }
  /** `<item> Totalt` (nb), `<item> Summa` (sv), `<item> I alt` (da), `<item> Total` (en). */
  | { readonly kind: 'subtotal'; readonly item: string }
  /** A total word and more: `Sum drift`, `Totalt enheter`, `Summa kostnader`. */
  | { readonly kind: 'named'; readonly name: string };

const TOTAL_ALONE =
  /^(?:sum|summa|summer|total|totalt|totals|i alt|ialt|samlet|samla|samlede|totalsum|totalsumma|hovedtotal|grand total|total result|totalt resultat|sum total|sum totalt|totalt sum|sammanlagt|summe|gesamt|gesamtergebnis|gesamtsumme|yhteensä|kokonaissumma)$/i;
const TOTAL_PREFIX = /^(?:sum|summa|total|totalt|i alt|samlet|samlede|sammanlagt|totalsum)\s*[:\-\u2013]?\s+(.+)$/i;
const TOTAL_SUFFIX = /^(.+?)\s*[:\-\u2013]?\s+(?:totalt|total|summa|i alt|resultat|result|sum|samlet|ergebnis|summe|yhteensä)$/i;

/**
 * A part of every total word above (same flags): a label without one is no total, and most labels
 * are told so by this one test instead of the three patterns and the caption patterns.
 */
const TOTAL_WORD_PART = /sum|total|alt|sam|result|ergebnis|gesamt|yhteens/i;

/** What a row label says about being a total; null for an ordinary label. */
export function totalLabel(label: string): TotalLabel | null {
  const text = collapseSpaces(label);
  if (!TOTAL_WORD_PART.test(text)) return null;
  const t = text.replace(/[:.]$/, '').trim();
  if (t === '') return null;
  if (TOTAL_ALONE.test(t)) return { kind: 'total' };
  if (dataCaption(t)) return null;
  const sub = TOTAL_SUFFIX.exec(t);
  if (sub) return { kind: 'subtotal', item: sub[1].trim() };
  const named = TOTAL_PREFIX.exec(t);
  if (named && !/^(?:av|af|of)\s/i.test(named[1])) return { kind: 'named', name: named[1].trim() };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Column roles
// ---------------------------------------------------------------------------------------------

export interface ColumnRole {
  readonly measure: Measure;
  /** Year the header names ("Regnskap 2021"), else null. */
  readonly year: number | null;
  /** Unit the header names ("(kr)", "tkr"), else null. */
  readonly unit: Unit | null;
  /** True when the header says the column is for the period so far (hittil, ack., period, YTD). */
  readonly toDate: boolean;
}

const VARIANCE =
  /avvik(?!l)|avvikelse|afvig|varian[sc]|deviation|differan|differens|difference|\bdiff\b|merforbruk|mindreforbruk|budgetunderskott|budgetöverskott/;
const FORECAST = /progno|forecast|estimat|\bfc\b|\bfcst\b/;
const PERCENT = /%|prosent|procent|percent|\bpct\b/;
const FRAME = /ramme|budgetram|rammebudget|\bframe\b/;
const ANNUAL_BUDGET =
  /årsbudsj|årsbudget|helårsbudsj|helårsbudget|annual budget|full[- ]year budget|yearly budget|year budget|(?:budsjett|budget|budsjet)\s*(?:for\s+)?(?:helår|hele året|hela året|hele år|år|året|year|annual|full[- ]year)(?![\p{L}])/u;
const BUDGET = /budsj|budget|\bbud\b|\bbgt\b/;
const PRIOR =
  /i\s*fjor|fjorår|forrige år|fg\.? år|f\.g\.? år|föreg(?:ående)? år|foregående år|förra året|sidste år|sidste års|last year|prior year|previous year|\bly\b|\bpy\b/;
const ACTUAL =
  /regnskap|regnskab|bokført|bokfört|bogført|utfall|utfald|forbruk|förbrukning|forbrug|faktisk|actuals?\b|accounts|outcome|consumption|spend|spent|\bact\b|resultat hittil|realisert|realiserat|\butfört/;
const TO_DATE =
  /hittil|hiå|\bhia\b|ack\.?|ackumul|akkumul|perioden|periodens|pr\.?\s*periode|per periode|periodisert|period|to date|\bytd\b|till dags dato|\bi år\b|år til dato|year to date/;

/**
 * What a column header says the column holds, for headers such as `Regnskap 2021 (kr)`, `Budsjett
 * hittil i år`, `Årsbudsjett`, `Avvik i %`, `Prognose`, `Utfall fg år`, `Budget ack.`, `Variance %`.
 * Null when it names no measure (a label header, `Kommentar`, `Forbruk i %`).
 */
export function columnRole(header: string): ColumnRole | null {
  const t = norm(header);
  if (t === '' || FRAME.test(t)) return null;
  const year = yearInText(t);
  const unit = unitInText(t);
  const toDate = TO_DATE.test(t);
  const r = (measure: Measure): ColumnRole => ({ measure, year, unit, toDate });
  const isVariance = VARIANCE.test(t);
  const isForecast = FORECAST.test(t);
  const isPercent = PERCENT.test(t);
  if (isVariance && isForecast) return isPercent ? null : r('forecast-variance');
  if (isVariance) return r(isPercent ? 'variance-pct' : 'variance');
  if (isPercent) return null;
  if (isForecast) return r('forecast');
  if (ANNUAL_BUDGET.test(t) && !/\bi år\b|hittil/.test(t)) return r('annual-budget');
  if (BUDGET.test(t)) return r('budget');
  if (PRIOR.test(t)) return r('prior-actual');
  if (ACTUAL.test(t)) return r('actual');
  return null;
}

const NOTES =
  /^(?:kommentar(?:er)?|kommentarer?\s+.*|comments?|bemærkning(?:er)?|anmärkning(?:ar)?|merknad(?:er)?|notes?|forklaring|årsak(?:\s*\/\s*forklaring)?|orsak|analyse|analys|analysis|åtgärd(?:er)?|tiltak|actions?|status|explanation)$/;

/** A column of people's text (`Kommentar`, `Årsak/forklaring`, `Analys`, `Åtgärd`, `Comment`): never figures, never a label. */
export function isNotesHeader(header: string): boolean {
  return NOTES.test(norm(header));
}

/** True when a header says its column is for the period so far (`Budsjett hittil`, `Budget ack.`, `YTD`). */
export function isToDateHeader(header: string): boolean {
  return TO_DATE.test(norm(header));
}

/** A lone percent header (`%`, `i %`, `Pst.`) that means "percent of the column before it". */
export function isPercentHeader(header: string): boolean {
  return /^(?:%|i %|in %|pst\.?|prosent|procent|percent|pct\.?)$/.test(norm(header));
}

/** Titles of follow-up reports, which name no single role. */
const FOLLOW_UP = /oppfølging|uppföljning|opfølgning|follow-?up|rapport|report|analyse|analys|analysis/;

/** The role a title, heading or sheet name gives a source ("Regnskap 2022" → actual), else null. */
export function roleOfText(text: string): Role | null {
  const roles = rolesOfText(text);
  return roles.length === 1 ? roles[0] : null;
}

/** Every role a title names ("Budsjett og regnskap" → budget, actual). */
export function rolesOfText(text: string): Role[] {
  const t = norm(text);
  if (t === '' || FRAME.test(t)) return [];
  const out: Role[] = [];
  const add = (r: Role): void => {
    if (!out.includes(r)) out.push(r);
  };
  if (VARIANCE.test(t) || FOLLOW_UP.test(t)) return [];
  if (FORECAST.test(t)) add('forecast');
  if (BUDGET.test(t)) add('budget');
  if (PRIOR.test(t)) add('prior-actual');
  else if (ACTUAL.test(t)) add('actual');
  return out;
}

/** The role a measure gives a whole source. */
export function roleOfMeasure(m: Measure): Role | null {
  switch (m) {
    case 'budget':
    case 'annual-budget':
      return 'budget';
    case 'actual':
      return 'actual';
    case 'prior-actual':
      return 'prior-actual';
    case 'forecast':
      return 'forecast';
    default:
      return null;
  }
}

/** The measure of a source's columns when the source has one role. */
export function measureOfRole(r: Role): Measure | null {
  switch (r) {
    case 'budget':
      return 'budget';
    case 'actual':
      return 'actual';
    case 'prior-actual':
      return 'prior-actual';
    case 'forecast':
      return 'forecast';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Measures tables
// ---------------------------------------------------------------------------------------------

export type MeasuresColumn = 'name' | 'full-year-effect' | 'effect-this-year' | 'status' | 'owner';

export interface MeasuresHeader {
  readonly column: MeasuresColumn;
  readonly year: number | null;
  readonly unit: Unit | null;
}

const MEASURE_NAME =
  /^(?:tiltak|tiltaket|tiltakene|åtgärd|åtgärder|åtgärdsförslag|foranstaltning|foranstaltninger|measures?|actions?|savings measures?|sparetiltak|innsparingstiltak|besparingsåtgärder?|spareforslag|tiltak\s*\/\s*beskrivelse|beskrivelse av tiltak|tiltaksbeskrivelse|åtgärdsbeskrivning)(?:\s*\(.*\))?$/;
const FULL_YEAR =
  /helårseffekt|helårsvirkning|helårsverknad|årseffekt|årsvirkning|helårseffekt|effekt\s+(?:på\s+)?helår|effekt\s+(?:hele\s+)?året|full[- ]year effect|annual effect|effect full[- ]year|helårs?effekt/;
const THIS_YEAR =
  /effekt\s+i\s+år|effekt\s+innevarande år|effekt\s+inneværende år|effekt\s+indeværende år|budsjetteffekt|budgeteffekt|effect this year|this year's effect|effect in year|effekt\s+(?:i\s+|för\s+|for\s+)?(?:19|20)\d{2}|effect\s+(?:in\s+|for\s+)?(?:19|20)\d{2}|^effekt$|^effect$|^effekt\s*\(|^effect\s*\(|^(?:beløp|belopp|beløb|amount|innsparing|besparing|besparelse|savings?)\b/;
const STATUS =
  /^(?:status|status\s*\/\s*kommentar|statuskommentar|kommentar|kommentarer|comment|comments|fremdrift|framdrift|progress|status\s+(?:pr\.?|per)\s+.*)$/;
const OWNER = /^(?:ansvarlig|ansvar|ansvarig|ägare|owner|responsible|tiltakseier|tiltaksansvarlig|ansvarlig leder)(?:\s*\(.*\))?$/;

/** What a measures-table header names: `Tiltak`, `Helårseffekt`, `Effekt 2022`, `Status`, `Ansvarlig`. */
export function measuresHeader(header: string): MeasuresHeader | null {
  const t = norm(header);
  if (t === '' || t.length > 60) return null;
  const year = yearInText(t);
  const unit = unitInText(t);
  if (MEASURE_NAME.test(t)) return { column: 'name', year, unit };
  if (FULL_YEAR.test(t)) return { column: 'full-year-effect', year, unit };
  if (THIS_YEAR.test(t)) return { column: 'effect-this-year', year, unit };
  if (OWNER.test(t)) return { column: 'owner', year, unit };
  if (STATUS.test(t)) return { column: 'status', year, unit };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

const UNIT_MKR = w('mill\\.?(?:\\s*kr\\.?)?|millioner(?:\\s*kroner)?|miljoner(?:\\s*kronor)?|millions?|mio\\.?(?:\\s*kr\\.?)?|mkr|mnkr|mnok|msek|mdkk|mill kr');
const UNIT_TKR = w(
  "tkr\\.?|t\\.\\s?kr\\.?|tnok|tsek|tdkk|kkr|knok|ksek|kdkk|tusen(?:\\s*kroner|\\s*kr)?|tusental(?:\\s*kronor)?|tusind(?:\\s*kr\\.?|\\s*kroner)?|thousands?|(?:i\\s+)?1\\s?000(?:\\s*(?:kr\\.?|kroner|kronor|nok|sek|dkk))?|'000|000's|\\(000\\)",
);
const UNIT_KR = w('kr\\.?|kroner|kronor|nok|sek|dkk|hele kroner|i kroner');

/**
 * The unit a header or title names: `(kr)`, `kroner`, `i hele kroner` → kr; `1000 kr`, `tkr`,
 * `tusen kroner`, `i tusen`, `belopp i tkr`, `TNOK`, `kkr` → tkr; `mill.`, `mill. kr`, `mkr`,
 * `MNOK`, `millioner` → mkr. Null when it names none.
 */
export function unitInText(text: string): Unit | null {
  const t = norm(text);
  if (UNIT_MKR.test(t)) return 'mkr';
  if (UNIT_TKR.test(t) || /\(\s*1\s?000\s*\)/u.test(t) || /\(000\)/u.test(t)) return 'tkr';
  if (UNIT_KR.test(t)) return 'kr';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Key figures
// ---------------------------------------------------------------------------------------------

const KF_FRAME = /ramme|budgetram|rammebudget|budget frame|\bframe\b|driftsramme|nettoramme|tildelt ramme|økonomisk ramme/;
const KF_GAP =
  /\bgap\b|budsjettgap|omstillingsbehov|innsparingsbehov|inndekningsbehov|tilpasningsbehov|besparingsbehov|sparbehov|effektiviseringsbehov|udfordring|savings need|savings target|underdekning/;
const KF_MEASURES = /^(?:sum\s+|totalt?\s+|summa\s+)?(?:tiltak|åtgärder|åtgärd|foranstaltninger|measures|savings measures|sparetiltak)(?:\s|\(|$)/;
const KF_ACCOUNTS = /regnskap|regnskab|bokslut|årsregnskap|utfall|accounts|actuals?|outturn/;

/** The kind of key figure a label names: `Budsjettramme (1000 kr)`, `Regnskap 2021 (kr)`, `Tiltak (mill. kr)`, `Omstillingsbehov`. */
export function keyFigureKind(label: string): KeyFigureKind | null {
  const t = norm(label);
  if (t === '' || t.length > 80) return null;
  if (KF_GAP.test(t)) return 'gap';
  if (KF_FRAME.test(t)) return 'frame';
  if (KF_MEASURES.test(t)) return 'measures-total';
  if (KF_ACCOUNTS.test(t) && !VARIANCE.test(t) && !BUDGET.test(t) && !FORECAST.test(t)) return 'prior-accounts';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

const LANGUAGE_WORDS: Readonly<Record<Language, readonly (readonly [RegExp, number])[]>> = {
  nb: [
    [/^(?:summer|antall) av /, 4],
    [/^kolonneetiketter$/, 4],
    [/^totalsum$/, 4],
    [/^radetiketter$/, 2],
    [w(`budsjett${LETTERS}|${LETTERS}budsjett`), 3],
    [w(`regnskap${LETTERS}|${LETTERS}regnskap`), 3],
    [w('avvik|avviket'), 3],
    [w('prognose|årsprognose'), 3],
    [w(`tiltak${LETTERS}`), 3],
    [
      w(
        `totalt|hittil|fjor|forrige|beløp|lønn|kroner|tusen|enhet|tjeneste${LETTERS}|virksomhet${LETTERS}|sykehjem${LETTERS}|helårseffekt|ansvarlig|desember|mai|januar|februar|mars`,
      ),
      1,
    ],
  ],
  sv: [
    [/^(?:summa|antal) av /, 4],
    [/^kolumnetiketter$/, 4],
    [/^totalsumma$/, 4],
    [/^radetiketter$/, 2],
    [
      w(
        `utfall|avvikelse${LETTERS}|${LETTERS}avvikelse|prognos|åtgärd${LETTERS}|förbrukning|föregående|belopp|kronor|verksamhet${LETTERS}|ägare|ansvarig|budgetuppföljning|tertialuppföljning`,
      ),
      3,
    ],
    [w('tkr|enhet|helår|januari|februari|maj|summa'), 1],
    [/[äö]/, 1],
  ],
  da: [
    [/^(?:sum|antal) af /, 4],
    [/^(?:rækkenavne|kolonnenavne)$/, 4],
    [/^hovedtotal$/, 4],
    [w(`regnskab|afvigelse${LETTERS}|forbrug|beløb|foranstaltning${LETTERS}|tusind|udgifter|indtægter`), 3],
    [w('i alt|marts|maj|januar|budget'), 1],
    [/æ/, 1],
  ],
  en: [
    [/^(?:sum|count) of /, 4],
    [/^(?:row labels|column labels|grand total)$/, 4],
    [w('actuals?|variance|forecast|measures|owner|amount|spend|outcome|revised|annual|year to date|last year'), 3],
    [w('budget|total|january|february|march'), 1],
  ],
};

export type LanguageScore = Record<Language, number>;

const LANGUAGES = Object.keys(LANGUAGE_WORDS) as Language[];

/**
 * A text as its language words see it: runs of ASCII digits as one digit. The words hold no digits
 * and look at a digit only as the one character bounding a word, so `1100 Lønn` and `1200 Lønn`
 * score alike and are scored once.
 */
function wordShape(text: string): string {
  return text.replace(/[0-9]+/g, '0');
}

/** A Latin-1 letter (what \p{L} matches below U+0100). */
function isLatin1Letter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c <= 0xff);
}

/**
 * The shape of a text to score, or null when it has no letter (nothing to score). Plain text (most
 * labels) in one pass, without the patterns; anything else collapsed and shaped by them.
 */
function scoredShape(raw: string): string | null {
  if (!isPlain(raw)) {
    const t = collapseSpaces(raw);
    return t === '' || t.length > 200 || !/\p{L}/u.test(t) ? null : wordShape(t);
  }
  if (raw.length > 200) return null;
  let letter = false;
  let shape = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      shape += raw.slice(from, i) + '0';
      while (i + 1 < raw.length && raw.charCodeAt(i + 1) >= 48 && raw.charCodeAt(i + 1) <= 57) i++;
      from = i + 1;
    } else if (!letter && isLatin1Letter(c)) letter = true;
  }
  return letter ? (from === 0 ? raw : shape + raw.slice(from)) : null;
}

/**
 * Whether plain `raw` has the shape `shape` (wordShape of it), told without making its shape: runs of
 * digits in `raw` against single `0`s in `shape`, every other character the same.
 */
function hasShape(raw: string, shape: string): boolean {
  let j = 0;
  for (let i = 0; i < raw.length; i++, j++) {
    if (j >= shape.length) return false;
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A shape's only digits are the 0s that stand for runs of digits.
      if (shape.charCodeAt(j) !== 48) return false;
      while (i + 1 < raw.length && raw.charCodeAt(i + 1) >= 48 && raw.charCodeAt(i + 1) <= 57) i++;
    } else if (c !== shape.charCodeAt(j)) return false;
  }
  return j === shape.length;
}

/** How strongly the texts speak each language (pivot words weigh most); scores of parts add up. */
export function languageScore(texts: readonly string[]): LanguageScore {
  // Ledger labels repeat (and differ mostly by their codes): each shape is scored once, times its count.
  // Labels next to each other mostly share their shape (`1100 Lønn`, `1200 Lønn`): a plain text of the
  // shape before it is counted without making its shape.
  const counts = new Map<string, number>();
  let last: string | null = null;
  // Indexed: a for…of makes an iterator result per text in code not yet optimised.
  for (let i = 0; i < texts.length; i++) {
    const raw = texts[i];
    const shape: string | null = last !== null && raw.length <= 200 && isPlain(raw) && hasShape(raw, last) ? last : scoredShape(raw);
    if (shape === null) continue;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    last = shape;
  }
  const score: LanguageScore = { nb: 0, sv: 0, da: 0, en: 0 };
  for (const [shape, count] of counts) {
    const t = shape.toLowerCase();
    for (const lang of LANGUAGES) {
      for (const [re, weight] of LANGUAGE_WORDS[lang]) if (re.test(t)) score[lang] += weight * count;
    }
  }
  return score;
}

/** The sum of scores (a workbook's from its sheets'). */
export function addScores(scores: readonly LanguageScore[]): LanguageScore {
  const out: LanguageScore = { nb: 0, sv: 0, da: 0, en: 0 };
  for (const s of scores) for (const lang of Object.keys(out) as Language[]) out[lang] += s[lang];
  return out;
}

/** The language that scores highest; null when none scores or two tie. */
export function languageOfScore(score: LanguageScore): Language | null {
  const ranked = (Object.keys(score) as Language[]).sort((a, b) => score[b] - score[a]);
  const [first, second] = ranked;
  if (score[first] === 0 || score[first] === score[second]) return null;
  return first;
}

/**
 * The language the texts of a workbook are written in, from pivot words (the strongest evidence)
 * and budget vocabulary; null when they do not tell (or two languages tie).
 */
export function detectLanguage(texts: readonly string[]): Language | null {
  return languageOfScore(languageScore(texts));
}
