import { recognise } from '../../../src/core/read/recognise';
import { FollowUpError } from '../../../src/core/errors';
import type { Source, SourceLine } from '../../../src/core/sources';
import { drammen, drammenRegnskap, grid, loData, loPivot } from '../fixtures/workbooks';

const figures = (l: SourceLine) => l.values.map((v) => (v ? v.value.toFixed() : null));
const grandTotal = (s: Source) => s.totals[s.totals.length - 1];
const lineOf = (s: Source, key: string) => s.lines.find((l) => l.key === key) as SourceLine;

describe('the Drammen workbook', () => {
  const r = recognise(drammen());

  it('is Norwegian', () => {
    expect(r.language).toBe('nb');
  });

  it('finds the two pivots; the latest year is actuals, the earlier last year\'s', () => {
    expect(r.sources.map((s) => [s.range, s.kind, s.role])).toEqual([
      ['Regnskap!A3:D9', 'pivot', 'prior-actual'],
      ['Regnskap!F3:I9', 'pivot', 'actual'],
    ]);
    const [p2021, p2022] = r.sources;
    expect(p2021.series.map((s) => s.measure)).toEqual(['prior-actual', 'prior-actual', 'prior-actual']);
    expect(p2022.series.map((s) => s.measure)).toEqual(['actual', 'actual', 'actual']);
    expect(p2021.description).toBe("pivot, last year's actuals by month 2021-01..2021-02, 4 lines, grand total row and column");
    expect(p2022.description).toBe('pivot, actuals by month 2022-01..2022-02, 4 lines, grand total row and column');
  });

  it('reads salaries 147 910 283.6 → 150 756 008 and all lines 152 183 795.2 → 152 663 978.2', () => {
    const [p2021, p2022] = r.sources;
    expect(figures(lineOf(p2021, '1'))[2]).toBe('147910283.6');
    expect(figures(lineOf(p2022, '1'))[2]).toBe('150756008');
    expect(figures(grandTotal(p2021))[2]).toBe('152183795.2');
    expect(figures(grandTotal(p2022))[2]).toBe('152663978.2');
  });

  it('finds the measures table, taking its unit from the stated measures total (Tiltak (mill. kr))', () => {
    expect(r.measures).toHaveLength(1);
    const m = r.measures[0];
    expect(m.range).toBe('Tiltak!A2:C7');
    expect(m.unit).toBe('mkr');
    expect(m.items.map((i) => i.effectThisYear?.value.toNumber())).toEqual([16, 3, 3, 27, 6]);
  });

  it('finds the frame, last year\'s accounts and the measures total', () => {
    expect(r.keyFigures.map((k) => [k.kind, k.year, k.amount.value.toFixed(), k.unit])).toEqual([
      ['frame', 2022, '1000712', 'tkr'],
      ['frame', 2023, '1011512', 'tkr'],
      ['frame', 2024, '1028112', 'tkr'],
      ['frame', 2025, '1052712', 'tkr'],
      ['prior-accounts', 2021, '1113438321', 'kr'],
      ['measures-total', null, '70', 'mkr'],
    ]);
  });

  it('has nothing to warn about', () => {
    expect(r.findings).toEqual([]);
    expect(r.sources.flatMap((s) => s.findings)).toEqual([]);
  });
});

describe('the LibreOffice workbook (ledger + pivot)', () => {
  it('reads the pivot and leaves the ledger alone', () => {
    const r = recognise([loData(), loPivot()]);
    expect(r.sources.map((s) => s.range)).toEqual(['Pivot!A3:E8']);
    expect(r.sources[0].findings.map((f) => f.code)).toEqual(['ambiguous-role']);
    expect(r.measures).toEqual([]);
    expect(r.keyFigures).toEqual([]);
  });

  it('reads a real PivotTable with the exact bounds it is given', () => {
    const r = recognise([loData(), loPivot()], { pivotRanges: [{ sheet: 'Pivot', range: { top: 2, left: 0, bottom: 7, right: 4 } }] });
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0].range).toBe('Pivot!A3:E8');
    expect(figures(grandTotal(r.sources[0]))).toEqual(['25757', '41595', '57433', '124785']);
  });
});

describe('explicit sources', () => {
  it('reads only the ranges given, with the role given', () => {
    const r = recognise(drammen(), { sources: [{ range: "'Regnskap'!F3:I9", role: 'budget' }] });
    expect(r.sources.map((s) => [s.range, s.role])).toEqual([['Regnskap!F3:I9', 'budget']]);
    expect(r.sources[0].series.map((s) => s.measure)).toEqual(['budget', 'budget', 'budget']);
    // Measures and key figures are still found.
    expect(r.measures).toHaveLength(1);
    expect(r.keyFigures).toHaveLength(6);
  });

  it('lets the words decide when no role is given', () => {
    const r = recognise(drammen(), { sources: [{ range: 'Regnskap!A3:D9' }, { range: 'Regnskap!F3:I9' }] });
    expect(r.sources.map((s) => s.role)).toEqual(['prior-actual', 'actual']);
  });

  it('refuses a range on a sheet the workbook does not have, naming the range', () => {
    const run = () => recognise(drammen(), { sources: [{ range: "'Regnskapet'!F3:I9" }] });
    expect(run).toThrow(FollowUpError);
    expect(run).toThrow(/'Regnskapet'!F3:I9/);
    try {
      run();
    } catch (e) {
      expect((e as FollowUpError).kind).toBe('bad-input');
      expect((e as FollowUpError).cell).toBe("'Regnskapet'!F3:I9");
    }
  });

  it('refuses a malformed range and a range with no figures', () => {
    expect(() => recognise(drammen(), { sources: [{ range: 'Regnskap!A3:' }] })).toThrow(/Regnskap!A3:/);
    expect(() => recognise(drammen(), { sources: [{ range: 'Regnskap!K20:L30' }] })).toThrow(/Found no figures in the source range "Regnskap!K20:L30"/);
  });

  it('reads an explicit measures range', () => {
    const r = recognise(drammen(), { measures: 'Tiltak!A2:C7' });
    expect(r.measures.map((m) => m.items.length)).toEqual([5]);
    expect(() => recognise(drammen(), { measures: 'Tiltakk!A2:C7' })).toThrow(FollowUpError);
  });
});

describe('workbooks in other shapes', () => {
  it('reads a Swedish workbook: pivots stacked on one sheet, budget and actuals by month names', () => {
    const g = grid('Uppföljning', [
      ['Utfall 2024'],
      ['Summa av Belopp', 'Kolumnetiketter'],
      ['Radetiketter', 'jan', 'feb', 'mar', 'Totalsumma'],
      ['512 Verksamhetsstöd', 10, 20, 30, 60],
      ['513 Hemtjänst', 1, 2, 3, 6],
      ['Totalsumma', 11, 22, 33, 66],
      [],
      ['Budget 2024'],
      ['Summa av Belopp', 'Kolumnetiketter'],
      ['Radetiketter', 'jan', 'feb', 'mar', 'Totalsumma'],
      ['512 Verksamhetsstöd', 12, 22, 32, 66],
      ['513 Hemtjänst', 1, 2, 3, 6],
      ['Totalsumma', 13, 24, 35, 72],
    ]);
    const r = recognise([g]);
    expect(r.language).toBe('sv');
    expect(r.sources.map((s) => [s.range, s.role, s.series[0].period])).toEqual([
      ["'Uppföljning'!A2:E6", 'actual', '2024-01'],
      ["'Uppföljning'!A9:E13", 'budget', '2024-01'],
    ]);
  });

  it('reads a table of actuals by year next to a pivot of the same year: the earlier year is last year\'s', () => {
    const table = grid('Oversikt', [
      ['Enhet', 'Regnskap 2021'],
      ['1 LØNN', 147910283.6],
    ]);
    const r = recognise([drammenRegnskap(), table]);
    const t = r.sources.find((s) => s.sheet === 'Oversikt') as Source;
    expect(t.series.map((s) => s.measure)).toEqual(['prior-actual']);
    expect(t.role).toBe('prior-actual');
  });

  it('uses each cell for one thing only', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['A', 10, 12],
      [],
      ['Regnskap 2021 (kr)', 100],
    ]);
    const r = recognise([g]);
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0].lines.map((l) => l.label)).toEqual(['A']);
    expect(r.keyFigures.map((k) => k.kind)).toEqual(['prior-accounts']);
  });

  it('names the language it is told, and reads the numbers by it', () => {
    const g = grid('Ark1', [
      ['Enhet', 'Budsjett', 'Regnskap'],
      ['A', '1.234', '1.500'],
    ]);
    expect(recognise([g], { language: 'en' }).sources[0].lines[0].values.map((v) => v?.value.toFixed())).toEqual(['1.234', '1.5']);
    expect(recognise([g]).sources[0].lines[0].values.map((v) => v?.value.toFixed())).toEqual(['1234', '1500']);
  });
});
