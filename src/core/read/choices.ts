/**
 * A person's reading of a source's columns (from the pane or `--config`), matched to the columns: by
 * letter (`"C"`) or by header text (`"Utfall 2020-12"`, case and spaces aside). A choice that names no
 * column of the source is an error naming it, never ignored.
 */
import type { ColumnChoice } from '../config';
import { FollowUpError } from '../errors';
import { columnLetters } from '../grid';
import { collapseSpaces } from '../labels';

export interface ColumnAt {
  readonly col: number;
  readonly header: string;
}

/** The chosen reading of each column, by sheet column (0-based). */
export function choicesByColumn(
  choices: Readonly<Record<string, ColumnChoice>> | undefined,
  columns: readonly ColumnAt[],
  range: string,
): Map<number, ColumnChoice> {
  const out = new Map<number, ColumnChoice>();
  if (!choices) return out;
  const norm = (t: string): string => collapseSpaces(t).toLowerCase();
  for (const [name, choice] of Object.entries(choices)) {
    const byLetter = /^[A-Za-z]{1,3}$/.test(name) ? columns.find((c) => columnLetters(c.col) === name.toUpperCase()) : undefined;
    const at = byLetter ?? columns.find((c) => norm(c.header) === norm(name));
    // A column to leave out, or to read as labels, that the range does not have asks nothing of it.
    if (!at && (choice.role === 'ignored' || choice.role === 'label' || choice.role === 'key')) continue;
    if (!at) {
      const known = columns.map((c) => `${columnLetters(c.col)} "${c.header}"`).join(', ');
      throw new FollowUpError('bad-input', `The column "${name}" chosen for ${range} is not one of its columns (${known}).`, range);
    }
    out.set(at.col, { ...out.get(at.col), ...choice });
  }
  return out;
}
