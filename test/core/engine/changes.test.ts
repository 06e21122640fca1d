/** Which follow-up is "last month", and which lines' forecasts moved most. */
import { largestMoves, lastMonthSheet, periodOfSheetName } from '../../../src/core/engine/changes';
import { dec } from '../../../src/core/money';
import type { FollowUpLine } from '../../../src/core/model';

const sheets = (...names: string[]) => names.map((name) => ({ name }));

describe('last month', () => {
  it('is the latest follow-up of the same year before this period, whatever the order of the sheets', () => {
    const all = sheets('Oppfølging 2024-02', 'Oppfølging 2024-04', 'Oppfølging 2023-12', 'Oppfølging 2024-03');
    expect(lastMonthSheet(all, '2024-04')?.name).toBe('Oppfølging 2024-03');
    expect(lastMonthSheet(all, '2024-06')?.name).toBe('Oppfølging 2024-04');
  });

  it("is never the period's own sheet (being regenerated), a later one, or last year's", () => {
    expect(lastMonthSheet(sheets('Uppföljning 2024-03', 'Uppföljning 2024-05'), '2024-03')).toBeNull();
    expect(lastMonthSheet(sheets('Oppfølging 2023-12'), '2024-01')).toBeNull();
    expect(lastMonthSheet(sheets('Oppfølging 2024-03'), null)).toBeNull();
  });

  it('reads the period from a name a clash numbered, and none from a name without one', () => {
    expect(periodOfSheetName('Oppfølging 2024-03 (2)')).toBe('2024-03');
    expect(periodOfSheetName('Oppfølging')).toBeNull();
    expect(periodOfSheetName('Oppfølging 2024-13')).toBeNull();
    expect(lastMonthSheet(sheets('Oppfølging', 'Oppfølging 2024-02 (2)'), '2024-03')?.name).toBe('Oppfølging 2024-02 (2)');
  });
});

describe('the largest moves', () => {
  const line = (key: string, change: string | null | undefined): FollowUpLine =>
    ({ key, forecastChange: change == null ? change : dec(change) }) as unknown as FollowUpLine;

  it('are the largest absolute changes first, a handful, without lines that did not move or have no change', () => {
    const lines = [
      line('a', '100'),
      line('b', '-900'),
      line('c', '0'),
      line('d', null),
      line('e', '300'),
      line('f', '-300'),
      line('g', '50'),
      line('h', '20'),
      line('i', undefined),
    ];
    expect(largestMoves(lines)).toEqual(['b', 'e', 'f', 'a', 'g']);
    expect(largestMoves(lines, 2)).toEqual(['b', 'e']);
  });
});
