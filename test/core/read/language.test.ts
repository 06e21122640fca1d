/**
 * The sheets' language follows the workbook's: nb, sv and en as they are, Danish in Norwegian (said
 * on the checks sheet), anything else in English; never decided from one word. German and Finnish
 * pivots are read: their totals are totals, not lines.
 */
import { buildFollowUp } from '../../../src/core/engine/followup';
import { recognise } from '../../../src/core/read/recognise';
import { grid } from '../fixtures/workbooks';

const follow = (...grids: Parameters<typeof recognise>[0]) => buildFollowUp(recognise(grids));

describe('German and Finnish pivots: read, and written in English', () => {
  it('Gesamtergebnis is the grand total, not a line; the sheets are English', () => {
    const m = follow(
      grid('Ist', [
        ['Summe von Ist', 'Spaltenbeschriftungen'],
        ['Zeilenbeschriftungen', 202401, 202402, 'Gesamtergebnis'],
        ['100 Pflege', 10, 20, 30],
        ['200 Verwaltung', 5, 5, 10],
        ['Gesamtergebnis', 15, 25, 40],
      ]),
    );
    expect(m.language).toBe('en');
    expect(m.lines.map((l) => l.key)).toEqual(['100', '200']);
    expect(m.total.actual?.toFixed()).toBe('40');
    expect(m.warnings.filter((w) => w.code === 'total-mismatch')).toEqual([]);
  });

  it('Finnish: Kokonaissumma is the grand total, not a line', () => {
    const r = recognise([
      grid('Toteuma', [
        ['Summa / Toteuma', 'Saraketunnisteet'],
        ['Rivitunnisteet', 202401, 202402, 'Kokonaissumma'],
        ['100 Hoito', 10, 20, 30],
        ['200 Hallinto', 5, 5, 10],
        ['300 Muu', 1, 1, 2],
        ['Kokonaissumma', 16, 26, 42],
      ]),
    ]);
    expect(r.sources[0].lines.map((l) => l.key)).toEqual(['100', '200', '300']);
    expect(r.sources[0].totals.map((t) => t.label)).toEqual(['Kokonaissumma']);
    expect(buildFollowUp(r).language).toBe('en');
  });
});

describe('the workbook\'s language', () => {
  const pivot = (caption: string, rowLabels: string, total: string) =>
    grid('Pivot', [
      [caption, ''],
      [rowLabels, 202401, 202402, total],
      ['512 Verksamhetsstöd', 12, 22, 34],
      ['513 Hemtjänst', 1, 2, 3],
      [total, 13, 24, 37],
    ]);

  it('Swedish, Norwegian and English pivots give sheets in their language', () => {
    expect(follow(pivot('Summa av Utfall', 'Radetiketter', 'Totalsumma')).language).toBe('sv');
    expect(follow(pivot('Summer av Regnskap', 'Radetiketter', 'Totalsum')).language).toBe('nb');
    expect(follow(pivot('Sum of Actual', 'Row Labels', 'Grand Total')).language).toBe('en');
  });

  it('Danish gives Norwegian sheets, and the checks say so', () => {
    const m = follow(pivot('Sum af Regnskab', 'Rækkenavne', 'Hovedtotal'));
    expect(m.language).toBe('nb');
    expect(m.warnings.find((w) => w.code === 'danish-as-norwegian')?.message).toBe(
      'Arbeidsboken er på dansk; arkene er skrevet på norsk, det nærmeste språket de kan skrives på. Velg engelsk i innstillingene (eller --lang en) om du vil.',
    );
  });

  it('one word does not decide: a table whose only word in any language is "Budsjett" is written in English', () => {
    const m = follow(
      grid('Ark1', [
        ['', 'Budsjett'],
        ['100', 10],
        ['200', 20],
      ]),
    );
    expect(m.language).toBe('en');
  });
});
