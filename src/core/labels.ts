/**
 * Line labels: `512 Verksamhetsstöd`, `1 LØNN`, `P04 Helse`, `1.2 Hjemmetjeneste`, or a name alone.
 * The key matches the same line across sources: the code when there is one, else the normalised name.
 */

export interface SplitLabel {
  /** The code (`512`, `P04`, `1.2`), or the normalised name when the label has no code. */
  readonly key: string;
  /** The label without its code, spaces collapsed (`Verksamhetsstöd`); the code itself for a bare code. */
  readonly name: string;
}

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;

/** Collapses runs of (any kind of) space and trims. */
export function collapseSpaces(text: string): string {
  return isPlain(text) ? text : text.normalize('NFC').replace(SPACES, ' ').trim();
}

/**
 * True when collapsing would not change the text: printable ASCII and Latin-1 letters (already NFC),
 * single spaces only between words. Most labels are; they skip the normalising (it is slow).
 */
export function isPlain(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || text.charCodeAt(i + 1) === 32) return false;
    } else if (c < 33 || (c > 126 && c < 161) || c > 255) return false;
  }
  return true;
}

/** A name as a matching key: NFC, lower-case, trimmed, spaces collapsed, no trailing punctuation. */
export function normaliseName(name: string): string {
  // Most names are plain and end in a letter or digit: lower-cased is all they need (every line's name
  // is normalised, and the patterns cost more than the rest).
  return isPlain(name) && !TRAILING_PUNCTUATION.has(name.charCodeAt(name.length - 1)) ? name.toLowerCase() : normaliseByPatterns(name);
}

/** The characters normaliseName drops at the end of a name (besides spaces): `.,:;!?*`. */
const TRAILING_PUNCTUATION = new Set([...'.,:;!?*'].map((c) => c.charCodeAt(0)));

/** normaliseName for any text, by the patterns alone (exported for the test that holds the shortcut to them). */
export function normaliseByPatterns(name: string): string {
  return collapseSpaces(name)
    .toLowerCase()
    .replace(/[\s.,:;!?*]+$/u, '')
    .trim();
}

/** Digits with optional `.`/`-` parts (`512`, `1.2`, `10-200`), or 1–3 letters then digits (`P04`, `AB12`). */
const CODE = '(?:\\d+(?:[.-]\\d+)*|[A-Za-zÆØÅÄÖæøåäö]{1,3}\\d+(?:[.-]\\d+)*)';
const CODED = new RegExp(`^(${CODE})(?:\\s*[-\\u2013:]\\s*|\\s+)(\\S.*)$`, 'u');
const BARE_CODE = new RegExp(`^(${CODE})$`, 'u');

/**
 * Splits a row label into its code and name: `512 Verksamhetsstöd` → 512 / Verksamhetsstöd,
 * `P04 Helse` → P04 / Helse, `1 LØNN` → 1 / LØNN. Without a code, key = normaliseName(label).
 */
export function splitLabel(label: string | number): SplitLabel {
  const text = typeof label === 'number' ? String(label) : collapseSpaces(label);
  return digitsThenName(text) ?? splitByPatterns(text);
}

/**
 * The commonest label, `512 Verksamhetsstöd` (digits, one space, a name not starting with a dash or
 * colon, plain text), split without the patterns: what they give for it, at a fraction of the cost
 * (a ledger has tens of thousands of labels). Null for any other text.
 */
function digitsThenName(text: string): SplitLabel | null {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === 0 || i + 1 >= text.length || text.charCodeAt(i) !== 32) return null;
  const next = text.charCodeAt(i + 1);
  if (next === 32 || next === 45 || next === 58 || !isPlain(text)) return null; // '-', ':' separate a code otherwise
  return { key: text.slice(0, i), name: text.slice(i + 1) };
}

/** splitLabel for a text with its spaces collapsed, by the patterns alone (exported for the test that holds the shortcut to them). */
export function splitByPatterns(text: string): SplitLabel {
  const bare = BARE_CODE.exec(text);
  if (bare) return { key: bare[1].toUpperCase(), name: text };
  const coded = CODED.exec(text);
  if (coded && !/^\d+[.,]\d+\s*%/.test(text)) {
    return { key: coded[1].toUpperCase(), name: coded[2].trim() };
  }
  return { key: normaliseName(text), name: text };
}
