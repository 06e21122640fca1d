/**
 * Findings as people read them: the same finding for many lines (a column of text where figures
 * belong, three hundred lines missing from one source) is one warning that counts them and names the
 * first few, in the user's language. The model and the JSON keep every finding with its cell; the
 * command line's summary and the checks sheet show the groups.
 */
import type { OutputLanguage } from './model';
import type { Warning, WarningCode } from './warnings';

/** How many members a grouped message names before it counts the rest. */
export const NAMED_IN_GROUP = 3;

export interface WarningGroup {
  readonly code: WarningCode;
  /** The first member's cell (where a reviewer starts), or null. */
  readonly cell: string | null;
  /** The finding itself when alone; the first one's message with the count and the next few named. */
  readonly message: string;
  /** Every finding of the group, in order. */
  readonly members: readonly Warning[];
}

interface GroupWords {
  /** [one, many] */
  readonly cells: readonly [string, string];
  readonly lines: readonly [string, string];
  readonly same: (n: number, what: string, items: string, rest: number) => string;
}

const WORDS: Record<OutputLanguage, GroupWords> = {
  en: {
    cells: ['cell', 'cells'],
    lines: ['line', 'lines'],
    same: (n, what, items, rest) => `The same for ${n} more ${what}: ${items}${rest > 0 ? ` and ${rest} more` : ''}.`,
  },
  nb: {
    cells: ['celle', 'celler'],
    lines: ['linje', 'linjer'],
    same: (n, what, items, rest) => `Det samme gjelder ${n} ${what} til: ${items}${rest > 0 ? ` og ${rest} til` : ''}.`,
  },
  sv: {
    cells: ['cell', 'celler'],
    lines: ['rad', 'rader'],
    same: (n, what, items, rest) => `Detsamma gäller ${n} ${what} till: ${items}${rest > 0 ? ` och ${rest} till` : ''}.`,
  },
};

/** The sheet a sheet-qualified cell is on (`'Budget 2024'!D7` → `'Budget 2024'`), or '' for none. */
function sheetOf(cell: string | null): string {
  if (!cell) return '';
  const bang = cell.lastIndexOf('!');
  return bang < 0 ? '' : cell.slice(0, bang);
}

/**
 * What makes two findings "the same finding": the code, the sheet they are on, the source a line is
 * missing from and the error a cell holds (#REF! and #N/A are told apart). The text, the label and the
 * figures differ from line to line.
 */
function groupKey(w: Warning): string {
  return `${w.code}\u0000${sheetOf(w.cell)}\u0000${w.params.missingIn ?? ''}\u0000${w.params.error ?? ''}`;
}

/** How a member is named in a group's message: its cell, else its line's label, else its key. */
function itemOf(w: Warning): string {
  if (w.cell) return w.cell;
  const label = w.params.label ?? w.params.name ?? w.line ?? '';
  return `"${label}"`;
}

/** The findings grouped, in the order each group first appears. Linear in the number of findings. */
export function groupWarnings(warnings: readonly Warning[], lang: OutputLanguage): WarningGroup[] {
  const byKey = new Map<string, Warning[]>();
  for (const w of warnings) {
    const key = groupKey(w);
    const members = byKey.get(key);
    if (members) members.push(w);
    else byKey.set(key, [w]);
  }
  const t = WORDS[lang];
  return [...byKey.values()].map((members) => {
    const [first] = members;
    if (members.length === 1) return { code: first.code, cell: first.cell, message: first.message, members };
    const named = members
      .slice(1, 1 + NAMED_IN_GROUP)
      .map(itemOf)
      .join(', ');
    const [one, many] = members.every((m) => m.cell) ? t.cells : t.lines;
    const what = members.length === 2 ? one : many;
    const rest = members.length - 1 - Math.min(NAMED_IN_GROUP, members.length - 1);
    return { code: first.code, cell: first.cell, message: `${first.message} ${t.same(members.length - 1, what, named, rest)}`, members };
  });
}
