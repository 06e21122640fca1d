import fc from 'fast-check';
import { collect, monthFigure } from '../../../src/core/engine/collect';
import { buildFollowUp } from '../../../src/core/engine/followup';
import { normaliseName } from '../../../src/core/labels';
import type { SourceLine } from '../../../src/core/sources';
import { monthPivot, recognised } from './sources';

/**
 * The lines the sources' lines make, as the rule says: by key, else by normalised name when one of
 * the two has no code (a key that is the normalised name), the first line of a name answering.
 */
function expectedLines(sources: readonly (readonly SourceLine[])[]): { key: string; count: number }[] {
  const lines: { key: string; count: number }[] = [];
  const byKey = new Map<string, { key: string; count: number }>();
  const byName = new Map<string, { key: string; count: number }>();
  for (const source of sources) {
    for (const l of source) {
      const n = normaliseName(l.name);
      const named = byName.get(n);
      let line = byKey.get(l.key) ?? (named && (l.key === n || named.key === n) ? named : undefined);
      if (!line) {
        line = { key: l.key, count: 0 };
        lines.push(line);
        byKey.set(l.key, line);
        if (!named) byName.set(n, line);
      }
      line.count++;
    }
  }
  return lines;
}

describe('collecting lines across sources', () => {
  it('adds a line\'s months in the order they came, even when another source names them in another order', () => {
    // 'A' has February and March; 'B' adds January, then February and March again. The line's
    // months come as March, January, February: decimals this far apart round (40 digits), so the
    // order of the additions shows in the last digits, and it must stay the order they came in.
    const m = buildFollowUp(
      recognised([
        monthPivot({ sheet: 'A', measure: 'actual', year: 2024, months: [2, 3], lines: [['Drift', null, '9123456789012345.6789']] }),
        monthPivot({
          sheet: 'B', measure: 'actual', year: 2024, months: [1, 2, 3],
          lines: [['Drift', '0.000000000000000000001234567890123456789', '-9123456789012345.6788', '0.00000000000000000000000000001']],
        }),
      ]),
    );
    expect(m.period).toBe('2024-03');
    expect(m.lines[0].actual?.toString()).toBe('0.000100000000000000001235');
  });

  it('gives a line\'s figure of one kind in one month, added up across sources and converted to one unit', () => {
    const col = collect(
      [
        monthPivot({ sheet: 'A', measure: 'actual', year: 2024, months: [1, 2], unit: 'kr', lines: [['Drift', 100, '0.5'], ['Helse', 7, null]] }),
        monthPivot({ sheet: 'B', measure: 'actual', year: 2024, months: [2], unit: 'tkr', lines: [['Drift', '0.00225']] }),
        monthPivot({ sheet: 'C', measure: 'budget', year: 2024, months: [1], unit: 'kr', lines: [['Drift', 90]] }),
      ],
      null,
    );
    const drift = col.lines.find((l) => l.key === 'drift');
    const helse = col.lines.find((l) => l.key === 'helse');
    if (!drift || !helse) throw new Error('lines not collected');
    expect(monthFigure(col, drift, 'actual', '2024-01')?.toFixed()).toBe('100');
    expect(monthFigure(col, drift, 'actual', '2024-02')?.toFixed()).toBe('2.75');
    expect(monthFigure(col, drift, 'budget', '2024-01')?.toFixed()).toBe('90');
    expect(monthFigure(col, helse, 'actual', '2024-02')).toBeUndefined();
    expect(monthFigure(col, drift, 'budget', '2024-02')).toBeUndefined();
    expect(monthFigure(col, drift, 'actual', '2023-01')).toBeUndefined();
  });

  it('matches lines by code, else by name when one of them has none, in any order they come', () => {
    const label = fc.constantFrom('512 Verksamhetsstöd', 'Verksamhetsstöd', '513 Verksamhetsstöd', 'verksamhetsstöd.', '3100 Administrasjon', 'Administrasjon', 'P04 Helse', 'Helse', '512 Helse');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(label, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), (labelsBySource) => {
        const sources = labelsBySource.map((labels, i) =>
          monthPivot({ sheet: `S${i}`, measure: 'actual', year: 2024, months: [1], lines: labels.map((l): [string, number] => [l, 1]) }),
        );
        const m = buildFollowUp(recognised(sources));
        const expected = expectedLines(sources.map((s) => s.lines));
        expect(m.lines.map((l) => [l.key, l.actual?.toString()])).toEqual(expected.map((l) => [l.key, String(l.count)]));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells which lines each of more than thirty sources lacks, and the lines found twice in one', () => {
    const sources = Array.from({ length: 33 }, (_, i) =>
      monthPivot({
        sheet: `S${i}`, measure: 'actual', year: 2024, months: [1],
        lines: i === 0 ? [['Lønn', 1], ['Drift', 2]] : i === 32 ? [['Lønn', 1], ['Lønn', 1]] : [['Lønn', 1]],
      }),
    );
    const m = buildFollowUp(recognised(sources));
    // missing from more than three sources: one finding for the line, counting them (the ones past 30 too)
    expect(m.warnings.filter((w) => w.code === 'line-missing')).toHaveLength(0);
    const missing = m.warnings.filter((w) => w.code === 'line-missing-many');
    expect(missing).toHaveLength(1);
    expect(missing[0].line).toBe('drift');
    expect(missing[0].params.count).toBe('32');
    expect(missing[0].params.missingIn).toBe([1, 2, 3].map((i) => sources[i].range).join(', '));
    expect(m.warnings.filter((w) => w.code === 'duplicate-line').map((w) => w.cell)).toEqual(["'S32'!A6"]);
    expect(m.lines.find((l) => l.key === 'lønn')?.actual?.toString()).toBe('34');
  });

  it('adds a line found twice in a source exactly, whole or not: 0.00005 + 0.99995 is 1, 1 + 0.00001 is 1.00001', () => {
    const m = buildFollowUp(
      recognised([
        monthPivot({
          sheet: 'A', measure: 'actual', year: 2024, months: [1, 2],
          lines: [['Drift', '0.00005', 1], ['Drift', '0.99995', '0.00001']],
        }),
      ]),
    );
    expect(m.period).toBe('2024-02');
    expect(m.lines).toHaveLength(1);
    expect(m.lines[0].monthActual?.toString()).toBe('1.00001');
    expect(m.lines[0].actual?.toString()).toBe('2.00001');
  });

  it('adds months whose ten-thousandths pass the safe integers exactly: 3 × 400 000 000 000,0001', () => {
    const m = buildFollowUp(
      recognised([
        monthPivot({ sheet: 'A', measure: 'actual', year: 2024, months: [1, 2, 3], lines: [['Drift', '400000000000.0001', '400000000000.0001', '400000000000.0001']] }),
        monthPivot({ sheet: 'B', measure: 'budget', year: 2024, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], lines: [['Drift', ...Array<string>(12).fill('100000000000.0001')]] }),
      ]),
    );
    expect(m.lines[0].actual?.toString()).toBe('1200000000000.0003');
    expect(m.lines[0].annualBudget?.toString()).toBe('1200000000000.0012');
  });
});
