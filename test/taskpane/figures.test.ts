import { buildFollowUp } from '../../src/core/engine/followup';
import { recognise } from '../../src/core/read/recognise';
import { keyFigures } from '../../src/taskpane/figures';
import { STRINGS } from '../../src/taskpane/i18n';
import { yearEndEvaluation } from '../core/fixtures/workbooks';
import { generateFollowUp } from '../../src/workbook/generate';
import { budgetWorkbook } from '../workbook/builders';

describe('the key figures of a year-end evaluation in the pane', () => {
  it('the variance of the year, and no forecast figure', () => {
    const model = buildFollowUp(recognise([yearEndEvaluation()]));
    const figures = keyFigures(model, 'nb', STRINGS.nb);
    expect(figures.map((f) => f.id)).toEqual(['variance']);
    expect(figures[0].label).toBe('Avvik 2023');
  });
});

describe('what changed since last month in the pane', () => {
  const lines = [
    { label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000, 2600] },
    { label: '200 Sykehjem', monthlyBudget: 2000, actual: [1900, 1950, 2000, 1500] },
  ];

  it("shows the total forecast's change since the earlier follow-up, with that month's forecast beside it; nothing without one", async () => {
    const wb = await budgetWorkbook(lines, 4);
    const march = await generateFollowUp(wb, { config: { period: '2024-03' }, generatedAt: 'march' });
    expect(keyFigures(march.model, 'nb', STRINGS.nb).map((f) => f.id)).not.toContain('forecast-change');
    const april = await generateFollowUp(wb, { config: { period: '2024-04' }, generatedAt: 'april' });
    const change = keyFigures(april.model, 'nb', STRINGS.nb).find((f) => f.id === 'forecast-change');
    // March: 12 300 + 23 850; April: 13 900 + 23 350.
    expect(change).toMatchObject({ label: 'Endring siden mars', value: '+1\u00a0100\u00a0kr', hint: 'Prognose mars: 36\u00a0150\u00a0kr' });
  });
});
