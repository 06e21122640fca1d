/**
 * Which variances are the largest: the five worst overspends and the five best underspends, by amount,
 * with lines without a variance left out and ties kept in the lines' order.
 */
import { largestBySize, largestVariances } from '../../src/core/largest-variances';
import { dec } from '../../src/core/money';
import type { FollowUpLine } from '../../src/core/model';

const line = (name: string, variance: string | null): FollowUpLine => ({ key: name, name, label: name, variance: variance === null ? null : dec(variance) }) as unknown as FollowUpLine;
const names = (lines: readonly FollowUpLine[]): string[] => lines.map((l) => l.name);

const LINES = [
  line('Hjemmetjeneste', '-1200'),
  line('Sykehjem A', '-90000.5'),
  line('Sykehjem B', '-90000.4'),
  line('Psykisk helse', '3000'),
  line('Rus', null),
  line('Legevakt', '0'),
  line('Barnevern', '-5'),
  line('NAV', '-70000'),
  line('Helsestasjon', '120000'),
  line('Fysioterapi', '-40'),
  line('Ergoterapi', '-40'),
  line('Bolig', '15'),
];

describe('the largest variances', () => {
  it('names the five worst overspends, worst first, and leaves the sixth out', () => {
    expect(names(largestVariances(LINES, 5).unfavourable)).toEqual(['Sykehjem A', 'Sykehjem B', 'NAV', 'Hjemmetjeneste', 'Fysioterapi']);
  });

  it('names the favourable ones, best first, even when fewer than five', () => {
    expect(names(largestVariances(LINES, 5).favourable)).toEqual(['Helsestasjon', 'Psykisk helse', 'Bolig']);
  });

  it('never counts a line without a variance or with none at all', () => {
    const all = largestBySize(LINES, 100);
    expect(names(all)).not.toContain('Rus');
    expect(names(all)).not.toContain('Legevakt');
    expect(all).toHaveLength(10);
  });

  it('ranks by amount, whatever the sign, keeping equal amounts in the lines’ order', () => {
    expect(names(largestBySize(LINES, 4))).toEqual(['Helsestasjon', 'Sykehjem A', 'Sykehjem B', 'NAV']);
    expect(names(largestBySize(LINES, 100)).slice(-4)).toEqual(['Fysioterapi', 'Ergoterapi', 'Bolig', 'Barnevern']);
  });
});
