import { readKeyFigures } from '../../../src/core/read/key-figures';
import { gridRange } from '../../../src/core/grid';
import { drammenRamme, grid } from '../fixtures/workbooks';

const brief = (k: { kind: string; year: number | null; unit: string | null; amount: { value: { toFixed(): string }; cell: string } }) => [
  k.kind,
  k.year,
  k.amount.value.toFixed(),
  k.unit,
  k.amount.cell,
];

describe('the Drammen key figures (sheet Ramme)', () => {
  const g = drammenRamme();
  const { figures, findings } = readKeyFigures(g, gridRange(g), { language: 'nb' });

  it('reads the frame per year in thousands, last year\'s accounts in kr and the measures total in millions', () => {
    expect(figures.map(brief)).toEqual([
      ['frame', 2022, '1000712', 'tkr', 'Ramme!B2'],
      ['frame', 2023, '1011512', 'tkr', 'Ramme!C2'],
      ['frame', 2024, '1028112', 'tkr', 'Ramme!D2'],
      ['frame', 2025, '1052712', 'tkr', 'Ramme!E2'],
      ['prior-accounts', 2021, '1113438321', 'kr', 'Ramme!B4'],
      ['measures-total', null, '70', 'mkr', 'Ramme!B5'],
    ]);
    expect(figures[0].label).toBe('Budsjettramme (1000 kr): P06 Hjemmetjenester og institusjon');
    expect(figures[4].label).toBe('Regnskap 2021 (kr)');
    expect(findings).toEqual([]);
  });
});

describe('other layouts', () => {
  it('reads a figure below its label, a gap, and a figure written as text', () => {
    const g = grid('Nøkkeltall', [
      ['Omstillingsbehov', null, 'Rammebudget 2024'],
      ['12,5 mill.', null, '250 000 tkr'],
    ]);
    const { figures } = readKeyFigures(g, gridRange(g), { language: 'nb' });
    expect(figures.map(brief)).toEqual([
      ['gap', null, '12.5', 'mkr', "'Nøkkeltall'!A2"],
      ['frame', 2024, '250000', 'tkr', "'Nøkkeltall'!C2"],
    ]);
  });

  it('ignores labels with no figure', () => {
    const g = grid('Ark1', [['Tiltak', 'se eget ark'], ['Regnskap 2021', null]]);
    expect(readKeyFigures(g, gridRange(g), { language: 'nb' })).toEqual({ figures: [], findings: [], cells: [] });
  });
});
