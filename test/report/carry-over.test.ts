/**
 * Last month's forecasts read back from an earlier follow-up sheet as people leave it: a column they
 * moved, a formula, a text number with a true minus and no-break spaces. A figure that cannot be read
 * is said, naming the sheet and cell, and never guessed.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { readNotes } from '../../src/report/carry-over';
import { notesColumns } from '../../src/report/followup-sheet';

const SHEET = 'Oppfølging 2024-03';

/** An earlier follow-up sheet from row 3 (header) on, the header in `header`, each line as [key, name, forecast, formula]. */
function earlier(header: readonly string[], lines: readonly [string, string, CellValue, string | null][]): Grid {
  const at = (h: string): number => header.indexOf(h);
  const values: CellValue[][] = [[...header]];
  const formulas: (string | null)[][] = [header.map(() => null)];
  for (const [key, name, forecast, formula] of lines) {
    const row: CellValue[] = header.map(() => null);
    const f: (string | null)[] = header.map(() => null);
    row[at('#key')] = key;
    row[at('Navn')] = name;
    row[at('Årsprognose') >= 0 ? at('Årsprognose') : at('Prognose år')] = forecast;
    f[at('Årsprognose') >= 0 ? at('Årsprognose') : at('Prognose år')] = formula;
    values.push(row);
    formulas.push(f);
  }
  return { sheet: SHEET, top: 3, left: 0, values, formats: values.map((r) => r.map(() => 'General')), formulas };
}

const read = (g: Grid) => readNotes(g, (h) => notesColumns(h, g.left));
const forecasts = (g: Grid) => [...read(g).lines.values()].map((n) => [n.key, n.forecast?.toFixed() ?? null]);

describe("reading last month's forecasts", () => {
  it('finds the forecast by its heading wherever a person moved it, and reads numbers, formula values and text numbers exactly', () => {
    // A person put a column of their own before the forecast; the sheet's columns are found by their headings.
    const g = earlier(
      ['Nr.', 'Navn', 'Mine tall', 'Regnskap hittil', 'Årsprognose', 'Kommentar', '#key'],
      [
        ['100', 'Hjemmetjeneste', 12300, null],
        ['200', 'Sykehjem', 23850.25, 'D5+8000.25'],
        ['300', 'Rus', '\u22121\u00a0234', null],
        ['400', 'Barnevern', ' 12 300,50 ', null],
        ['500', 'Helsestasjon', null, null],
      ],
    );
    expect(forecasts(g)).toEqual([
      ['100', '12300'],
      ['200', '23850.25'],
      ['300', '-1234'],
      ['400', '12300.5'],
      ['500', null],
    ]);
    expect(read(g).unreadable).toEqual([]);
  });

  it("reads an older version's heading of the forecast", () => {
    const g = earlier(['Nr.', 'Navn', 'Prognose år', '#key'], [['100', 'Hjemmetjeneste', 12300, null]]);
    expect(forecasts(g)).toEqual([['100', '12300']]);
  });

  it('says which figures it cannot read, naming the sheet and cell, and takes none of them', () => {
    const g = earlier(
      ['Nr.', 'Navn', 'Årsprognose', '#key'],
      [
        ['100', 'Hjemmetjeneste', { error: '#REF!' }, 'K5+#REF!'],
        ['200', 'Sykehjem', null, 'SUM(Z1:Z9)'],
        ['300', 'Rus', 'se notat', null],
        // "1.234" is a thousand or one and a quarter: the sheet does not say which, so it is not guessed.
        ['400', 'Barnevern', '1.234', null],
        ['500', 'Helsestasjon', '12 %', null],
      ],
    );
    expect(forecasts(g).map(([, v]) => v)).toEqual([null, null, null, null, null]);
    expect(read(g).unreadable.map((f) => [f.code, f.cell, f.params.label, f.params.text])).toEqual([
      ['previous-forecast-unreadable', `'${SHEET}'!C5`, '100 Hjemmetjeneste', '#REF!'],
      ['previous-forecast-unreadable', `'${SHEET}'!C6`, '200 Sykehjem', '=SUM(Z1:Z9)'],
      ['previous-forecast-unreadable', `'${SHEET}'!C7`, '300 Rus', 'se notat'],
      ['previous-forecast-unreadable', `'${SHEET}'!C8`, '400 Barnevern', '1.234'],
      ['previous-forecast-unreadable', `'${SHEET}'!C9`, '500 Helsestasjon', '12 %'],
    ]);
  });
});
