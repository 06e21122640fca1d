/**
 * What is not the follow-up — a lone value, a KPI block, a list of people — is listed as seen, not
 * used, with the reason, and never merged into the lines.
 */
import { buildFollowUp } from '../../../src/core/engine/followup';
import { recognise } from '../../../src/core/read/recognise';
import { grid } from '../fixtures/workbooks';

const pivot = () =>
  grid('Pivot', [
    ['Sum of Actual', 'Column Labels'],
    ['Row Labels', 202401, 202402, 'Grand Total'],
    ['100 Care', 10, 20, 30],
    ['200 Admin', 5, 5, 10],
    ['Grand Total', 15, 25, 40],
  ]);

describe('seen, not used', () => {
  const people = grid('Staff', [
    ['Name', 'Department', 'Hired', 'Salary'],
    ...Array.from({ length: 300 }, (_, i) => [`Person ${i}`, `Dept ${i % 7}`, 2000 + (i % 20), 400000 + i * 13]),
  ]);
  const rec = recognise([pivot(), grid('KPI', [[null, null], [null, 8996331.09]]), grid('Summary', [['Cases', 1200], ['Staff', 310], ['Sick leave', 0.07]]), people]);
  const m = buildFollowUp(rec);

  it('the follow-up is the pivot alone: its lines and its grand total', () => {
    expect(m.lines.map((l) => l.key)).toEqual(['100', '200']);
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.warnings.filter((w) => w.code === 'line-missing')).toEqual([]);
  });

  it('the lone value, the key figures and the list of people are listed with why', () => {
    expect(m.seen?.map((s) => [s.range, s.reason])).toEqual([
      ['KPI!B2', 'A figure standing alone, without a label: not a line of the follow-up.'],
      ['Summary!A1:B3', 'A few labelled figures (key figures), not lines of the follow-up.'],
      ['Staff!A1:D301', 'A list of 301 rows (data, people or transactions) with no column named as budget, actuals or forecast: not read as lines.'],
    ]);
  });

  it('a block of words alone (a note) is not listed', () => {
    const r = recognise([pivot(), grid('Notes', [['Remember to refresh the pivots'], ['Ask finance about March']])]);
    expect(r.seen).toEqual([]);
  });
});
