/**
 * One glossary per language, used as it is in the pane, on the sheets and on the command line; units
 * written as people write them; a unit a person states when the workbook does not say.
 */
import { parseConfig } from '../../src/core/config';
import { buildFollowUp } from '../../src/core/engine/followup';
import { amountWithUnit } from '../../src/core/format';
import { forecastAssumption, GLOSSARY } from '../../src/core/glossary';
import { renderMessage } from '../../src/core/messages';
import { dec } from '../../src/core/money';
import type { OutputLanguage } from '../../src/core/model';
import type { Unit } from '../../src/core/sources';
import { summaryLines } from '../../src/cli/summary';
import { followUpSheet } from '../../src/report/followup-sheet';
import { keyFigures } from '../../src/taskpane/figures';
import { STRINGS } from '../../src/taskpane/i18n';
import { monthPivot, recognised } from './engine/sources';

const MINUS = '\u2212';
const NBSP = '\u00a0';

function model(lang: OutputLanguage, unit: Unit | null = 'tkr', stated?: Unit) {
  const M = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return buildFollowUp(
    recognised([
      monthPivot({ sheet: 'Budsjett', measure: 'budget', year: 2024, months: M, unit, lines: [['100 Hjemmetjeneste', ...Array<number>(12).fill(4000)]] }),
      monthPivot({ sheet: 'Regnskap', measure: 'actual', year: 2024, months: [1, 2, 3], unit, lines: [['100 Hjemmetjeneste', 4100, 4200, 4300]] }),
    ]),
    { language: lang, unit: stated },
  );
}

describe('units as people write them', () => {
  it('puts the unit after a figure with a no-break space, and nothing after a missing figure', () => {
    expect(amountWithUnit(dec('-14360'), 'tkr', 'sv')).toBe(`${MINUS}14${NBSP}360${NBSP}tkr`);
    expect(amountWithUnit(dec('-14360'), 'tkr', 'nb')).toBe(`${MINUS}14${NBSP}360${NBSP}tusen kr`);
    expect(amountWithUnit(dec('10.66'), 'mkr', 'nb')).toBe(`10,7${NBSP}mill. kr`);
    expect(amountWithUnit(dec('10.66'), 'mkr', 'sv')).toBe(`10,7${NBSP}mnkr`);
    expect(amountWithUnit(dec('1250000'), 'kr', 'en')).toBe(`1,250,000${NBSP}kr`);
    expect(amountWithUnit(null, 'tkr', 'nb')).toBe('—');
    expect(amountWithUnit(dec('-14360'), null, 'nb')).toBe(`${MINUS}14${NBSP}360`);
    expect(amountWithUnit(dec('4.4'), 'mkr', 'nb', true)).toBe(`+4,4${NBSP}mill. kr`);
  });

  it('writes the same figure with the same unit in the pane and on the command line', () => {
    for (const lang of ['nb', 'sv'] as const) {
      const m = model(lang);
      const pane = keyFigures(m, lang, STRINGS[lang]).find((f) => f.id === 'variance')?.value;
      expect(pane).toBe(amountWithUnit(m.total.variance, 'tkr', lang));
      expect(summaryLines(m, 'out.xlsx', [])).toContain(`${GLOSSARY[lang].variance}: ${pane} (${MINUS}5,0${NBSP}%)`);
    }
    expect(keyFigures(model('sv'), 'sv', STRINGS.sv)[0].value).toBe(`${MINUS}600${NBSP}tkr`);
  });

  it('lets a person state the unit when the workbook does not say, and the title leaves it out until then', () => {
    expect(parseConfig('{"unit": "tkr"}', 'cfg').unit).toBe('tkr');
    expect(() => parseConfig('{"unit": "NOK"}', 'cfg')).toThrow('"unit" must be one of kr, tkr, mkr (found "NOK")');
    const title = (u: Unit | null, stated?: Unit): string => String(followUpSheet(model('nb', u, stated), 'x').cells.find((c) => c.row === 0)?.value);
    expect(title(null)).toBe('Budsjettoppfølging mars 2024');
    expect(title(null, 'tkr')).toBe('Budsjettoppfølging mars 2024 — beløp i 1000 kr');
    // The workbook's own headings win over a stated unit.
    expect(title('mkr', 'tkr')).toBe('Budsjettoppfølging mars 2024 — beløp i mill. kr');
    expect(keyFigures(model('nb', null), 'nb', STRINGS.nb)[0].value).toBe(`${MINUS}600`);
  });
});

describe('one glossary for the pane, the sheets and the command line', () => {
  it.each(['nb', 'sv', 'en'] as const)('%s: the figures have the same names everywhere', (lang) => {
    const g = GLOSSARY[lang];
    const m = model(lang);
    const sheet = followUpSheet(m, 'x');
    const heading = (col: number): unknown => sheet.cells.find((c) => c.row === 3 && c.col === col)?.value;
    expect([heading(2), heading(3), heading(4), heading(5), heading(10), heading(11)]).toEqual([g.annualBudget, g.budgetSoFar, g.actualSoFar, g.variance, g.forecast, g.forecastVariance]);
    const pane = keyFigures(m, lang, STRINGS[lang]).map((f) => f.label);
    expect(pane.slice(0, 2)).toEqual([g.variance, g.forecastVariance]);
    const cli = summaryLines(m, 'out.xlsx', []);
    expect(cli.some((l) => l.startsWith(`${g.variance}: `))).toBe(true);
    expect(cli.some((l) => l.startsWith(`${g.forecastVariance}: `))).toBe(true);
    // The method is named the same in a finding as on the sheet.
    expect(renderMessage('forecast-fallback', { method: 'last-year-profile', reason: 'x', count: '1', lines: '100', used: 'budget-profile' }, lang)).toContain(g.methods['last-year-profile']);
  });

  it('uses "ack." in Swedish wherever the variance so far is named, and "Årsprognose" in Norwegian', () => {
    expect(STRINGS.sv.result.variance).toBe('Avvikelse ack.');
    expect(GLOSSARY.nb.forecast).toBe('Årsprognose');
    expect(STRINGS.nb.units.tkr).toBe('tusen kr');
  });

  it('says what the forecast method assumes in one short sentence', () => {
    expect(forecastAssumption('budget-profile', dec(-1), 'en')).toBe('Assumes the overspend stops now: the rest of the year goes to budget.');
    expect(forecastAssumption('budget-profile', dec(1), 'nb')).toBe('Forutsetter at resten av året går etter budsjett: avviket hittil blir stående som det er.');
    expect(forecastAssumption('deviation-run-rate', dec(-1), 'sv')).toBe('Förutsätter att avvikelsen fortsätter i samma takt resten av året.');
  });

  it('quotes in Swedish messages as Swedish is typeset', () => {
    expect(renderMessage('unquantified-measure', { name: 'Nattpatrull' }, 'sv')).toBe('Åtgärden \u201dNattpatrull\u201d har inget belopp ännu; den räknas inte med.');
  });
});
