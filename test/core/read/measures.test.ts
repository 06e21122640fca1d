import { readMeasures } from '../../../src/core/read/measures';
import { gridRange, type Grid } from '../../../src/core/grid';
import type { MeasuresSource } from '../../../src/core/sources';
import { drammenTiltak, grid } from '../fixtures/workbooks';

function read(g: Grid, titles: string[] = []): MeasuresSource {
  const m = readMeasures(g, gridRange(g), { language: 'nb', titles });
  if (!m) throw new Error('no measures table');
  return m;
}

describe('the Drammen measures (sheet Tiltak)', () => {
  const m = read(drammenTiltak());

  it('reads the five measures with this year\'s effect and status, under the title row', () => {
    expect(m.range).toBe('Tiltak!A2:C7');
    expect(m.items.map((i) => [i.name, i.effectThisYear?.value.toFixed(), i.fullYearEffect, i.row])).toEqual([
      ['Tildelingspraksis og rett tjeneste til rett tid', '16', null, 2],
      ['Spesialisering av sykehjemsplasser', '3', null, 3],
      ['Omdisponering av plasser', '3', null, 4],
      ['Tiltak knyttet til hjemmetjenesten', '27', null, 5],
      ['Redusere private kjøp', '6', null, 6],
    ]);
    expect(m.items[2].status).toBe('Totalt 13 av planlagt 19 plasser er omdisponert i januar og februar');
    expect(m.items[0].effectThisYear?.cell).toBe('Tiltak!B3');
    expect(m.items.every((i) => i.owner === null)).toBe(true);
  });

  it('has no stated total and no unit of its own', () => {
    expect(m.statedTotal).toBeNull();
    expect(m.unit).toBeNull();
    expect(m.findings).toEqual([]);
  });
});

describe('a Swedish measures table with a total and an unquantified measure', () => {
  const g = grid('Åtgärder', [
    ['Åtgärder 2024 (tkr)'],
    ['Åtgärd', 'Helårseffekt', 'Effekt innevarande år', 'Ansvarig', 'Status'],
    ['Minskad bemanning', 1200, 600, 'Anna', 'Pågår'],
    ['Färre köpta platser', '800', '400', 'Erik', 'Planerad'],
    ['Översyn av scheman', null, null, 'Lisa', 'Ej kvantifierad'],
    ['Summa', 2000, 1000, null, null],
    [null, null, null, null, null],
    ['Anteckning', 'se ovan'],
  ]);
  const m = read(g);

  it('keeps a measure without figures as an item with no amounts', () => {
    expect(m.items.map((i) => i.name)).toEqual(['Minskad bemanning', 'Färre köpta platser', 'Översyn av scheman']);
    expect(m.items[2]).toMatchObject({ fullYearEffect: null, effectThisYear: null, owner: 'Lisa', status: 'Ej kvantifierad' });
    expect(m.items[1].fullYearEffect?.value.toFixed()).toBe('800');
    expect(m.items[0].owner).toBe('Anna');
  });

  it('takes the total row as the stated total, not as a measure, and the unit from the title', () => {
    expect(m.statedTotal?.fullYearEffect?.value.toFixed()).toBe('2000');
    expect(m.statedTotal?.effectThisYear?.cell).toBe("'Åtgärder'!C6");
    expect(m.unit).toBe('tkr');
    expect(m.range).toBe("'Åtgärder'!A2:E6");
  });
});

describe('English and Danish headers', () => {
  it('reads Measures | Full-year effect | Effect this year (mill.) | Owner', () => {
    const g = grid('Measures', [
      ['Measure', 'Full-year effect', 'Effect this year (mill.)', 'Owner'],
      ['Fewer agency staff', '2.5', '1.2', 'HR'],
      ['Total', '2.5', '1.2'],
    ]);
    const m = readMeasures(g, gridRange(g), { language: 'en' });
    expect(m?.items).toHaveLength(1);
    expect(m?.unit).toBe('mkr');
    expect(m?.items[0].fullYearEffect?.value.toFixed()).toBe('2.5');
    expect(m?.statedTotal?.effectThisYear?.value.toFixed()).toBe('1.2');
  });

  it('reads Foranstaltning | Helårsvirkning | Status and names an unreadable cell', () => {
    const g = grid('Ark1', [
      ['Foranstaltning', 'Helårsvirkning', 'Status'],
      ['Færre vikarer', 'ca. 1 mio', 'I gang'],
    ]);
    const m = readMeasures(g, gridRange(g), { language: 'da' });
    expect(m?.items[0].fullYearEffect).toBeNull();
    expect(m?.findings).toEqual([{ code: 'unreadable-number', cell: "'Ark1'!B2", line: 'Færre vikarer', params: { text: 'ca. 1 mio' } }]);
  });

  it('picks this year\'s effect among several years', () => {
    const g = grid('Tiltak', [
      ['Tiltak', 'Effekt 2023', 'Effekt 2022'],
      ['A', 10, 4],
    ]);
    const m = readMeasures(g, gridRange(g), { language: 'nb', contextYear: 2022 });
    expect(m?.items[0].effectThisYear?.value.toFixed()).toBe('4');
  });

  it('is no measures table without an effect or status column', () => {
    const g = grid('Ramme', [['Tiltak (mill. kr)', 70]]);
    expect(readMeasures(g, gridRange(g), { language: 'nb' })).toBeNull();
  });
});

describe('effects in a named year', () => {
  const g = grid('Tiltak', [
    ['Tiltak', 'Helårseffekt', 'Effekt i 2021', 'Ansvarlig'],
    ['Færre kjøpte plasser', 1200, 600, 'Kari'],
    ['Ny turnus', 800, 400, 'Ola'],
  ]);

  it('keeps "Effekt i 2021" as the effect this year when it is the only year named', () => {
    const m = read(g);
    expect(m.items.map((i) => [i.fullYearEffect?.value.toFixed(), i.effectThisYear?.value.toFixed()])).toEqual([
      ['1200', '600'],
      ['800', '400'],
    ]);
  });
});

describe('effect columns in different units', () => {
  it('converts a column in another unit than the table exactly, its total too: never added in two units', () => {
    const g = grid('Tiltak', [
      ['Tiltak', 'Helårseffekt (mill. kr)', 'Effekt i 2021 (tkr)'],
      ['Færre kjøpte plasser', 1.2, 600],
      ['Ny turnus', 0.8, 450],
      ['Sum', 2, 1050],
    ]);
    const m = read(g);
    expect(m.unit).toBe('mkr');
    expect(m.items.map((i) => [i.fullYearEffect?.value.toFixed(), i.effectThisYear?.value.toFixed()])).toEqual([
      ['1.2', '0.6'],
      ['0.8', '0.45'],
    ]);
    expect(m.statedTotal?.effectThisYear?.value.toFixed()).toBe('1.05');
  });
});
