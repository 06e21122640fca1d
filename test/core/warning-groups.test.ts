/**
 * Grouping findings for people: one warning for the same finding on many lines, counting them and
 * naming the first few, in the user's language; findings that differ stay apart, in order.
 */
import { groupWarnings } from '../../src/core/warning-groups';
import type { Warning } from '../../src/core/warnings';

const notNumber = (cell: string, text = 'ukjent'): Warning => ({ code: 'unreadable-number', cell, line: null, params: { text }, message: `"${text}" is not a number; the cell is left out.` });
const cellError = (cell: string, error: string): Warning => ({ code: 'cell-error', cell, line: null, params: { error }, message: `The cell holds the error ${error}; it is left out.` });
const missing = (label: string, missingIn: string): Warning => ({ code: 'line-missing', cell: null, line: label, params: { label, missingIn }, message: `"${label}" is not in ${missingIn}; it counts as zero there.` });

describe('groupWarnings', () => {
  it('a finding alone is shown as it is', () => {
    const [g] = groupWarnings([notNumber('Regnskap!B5')], 'en');
    expect(g.message).toBe('"ukjent" is not a number; the cell is left out.');
    expect(g.cell).toBe('Regnskap!B5');
    expect(g.members).toHaveLength(1);
  });

  it('many on one sheet: one warning at the first cell, counting the others and naming three', () => {
    const cells = ['B5', 'C5', 'D5', 'E5', 'B6', 'C6'].map((c) => notNumber(`Regnskap!${c}`));
    const groups = groupWarnings(cells, 'en');
    expect(groups).toHaveLength(1);
    expect(groups[0].cell).toBe('Regnskap!B5');
    expect(groups[0].message).toBe('"ukjent" is not a number; the cell is left out. The same for 5 more cells: Regnskap!C5, Regnskap!D5, Regnskap!E5 and 2 more.');
    expect(groups[0].members).toEqual(cells);
  });

  it('two more are named without "and more"', () => {
    const [g] = groupWarnings([notNumber('S!A1'), notNumber('S!A2'), notNumber('S!A3')], 'nb');
    expect(g.message).toMatch(/Det samme gjelder 2 celler til: S!A2, S!A3\.$/);
  });

  it('lines without a cell are named by their label, in Swedish too', () => {
    const [g] = groupWarnings([missing('Lønn', 'Budsjett!A3:M9'), missing('Drift', 'Budsjett!A3:M9')], 'sv');
    expect(g.message).toMatch(/Detsamma gäller 1 rad till: "Drift"\.$/);
    expect(g.cell).toBeNull();
  });

  it('different sheets, sources and errors stay apart, in the order they first appear', () => {
    const groups = groupWarnings(
      [notNumber('A!B1'), cellError('A!C1', '#REF!'), notNumber('B!B1'), cellError('A!C2', '#N/A'), notNumber('A!B2'), missing('Lønn', 'X'), missing('Lønn', 'Y')],
      'en',
    );
    expect(groups.map((g) => [g.code, g.cell, g.members.length])).toEqual([
      ['unreadable-number', 'A!B1', 2],
      ['cell-error', 'A!C1', 1],
      ['unreadable-number', 'B!B1', 1],
      ['cell-error', 'A!C2', 1],
      ['line-missing', null, 1],
      ['line-missing', null, 1],
    ]);
  });

  it('a quoted sheet name with "!" in it groups by the whole sheet name', () => {
    const groups = groupWarnings([notNumber("'Ja!'!B1"), notNumber("'Ja!'!B2"), notNumber("'Nei'!B1")], 'en');
    expect(groups.map((g) => g.members.length)).toEqual([2, 1]);
  });
});
