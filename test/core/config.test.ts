import { mergeConfig, parseConfig } from '../../src/core/config';
import { FollowUpError } from '../../src/core/errors';

describe('follow-up settings (--config)', () => {
  it('reads the documented example', () => {
    const c = parseConfig(
      JSON.stringify({
        sources: [{ range: "'Budget 2024'!A1:N13", role: 'budget' }, { range: 'Regnskap!A3:D9' }],
        measures: 'Tiltak!A2:C11',
        signConvention: 'auto',
        forecast: { method: 'deviation-run-rate' },
        period: '2024-03',
      }),
      'cfg.json',
    );
    expect(c.sources).toEqual([{ range: "'Budget 2024'!A1:N13", role: 'budget' }, { range: 'Regnskap!A3:D9', role: undefined }]);
    expect(c.forecast?.method).toBe('deviation-run-rate');
    expect(c.period).toBe('2024-03');
  });

  it.each([
    ['{"sources": [{"range": "A1:"}]}', /cfg\.json sources\[0\]: "range" must be a range/],
    ['{"signConvention": "up"}', /"signConvention" must be one of auto, costs-positive, costs-negative/],
    ['{"forecast": {"method": "magic"}}', /"forecast.method" must be one of budget-profile/],
    ['{"period": "2024-13"}', /"2024-13" is not a month/],
    ['{"colour": "red"}', /unknown setting "colour"/],
    ['{not json', /cfg\.json: not valid JSON/],
    ['{"forecast": {"manual": {"100": "12 000"}}}', /"forecast.manual.100" must be an amount/],
  ])('rejects %s with a message that says what is wrong', (text, message) => {
    expect(() => parseConfig(text, 'cfg.json')).toThrow(FollowUpError);
    expect(() => parseConfig(text, 'cfg.json')).toThrow(message);
  });

  it('lets later settings win, key by key, and merges manual forecasts', () => {
    const stored = parseConfig('{"period": "2024-02", "forecast": {"method": "budget-profile", "manual": {"100": "5"}}}', 'a');
    const cli = parseConfig('{"forecast": {"method": "last-year-profile", "manual": {"200": "7"}}}', 'b');
    const m = mergeConfig(stored, cli);
    expect(m.period).toBe('2024-02');
    expect(m.forecast).toEqual({ method: 'last-year-profile', manual: { '100': '5', '200': '7' } });
  });
});

describe('a person\'s reading of the columns (--config "columns", "unit", "evaluation")', () => {
  it('takes roles by letter or header, with a year, months and a unit', () => {
    const c = parseConfig(
      JSON.stringify({
        sources: [{ range: 'Resultat!A3:H7', columns: { B: 'actual', 'Utfall 2020-12': { role: 'prior-actual', year: 2019, months: '01-12', unit: 'kr' }, I: 'ignored' }, unit: 'tkr' }],
        evaluation: 'year-end',
      }),
      'cfg.json',
    );
    expect(c.sources?.[0]).toEqual({
      range: 'Resultat!A3:H7',
      role: undefined,
      columns: { B: { role: 'actual' }, 'Utfall 2020-12': { role: 'prior-actual', year: 2019, months: '01-12', unit: 'kr' }, I: { role: 'ignored' } },
      unit: 'tkr',
    });
    expect(c.evaluation).toBe('year-end');
  });

  it.each([
    ['{"sources": [{"range": "A1:B2", "columns": {"B": "actuals"}}]}', /columns\["B"\]: "role" must be one of key, label, budget/],
    ['{"sources": [{"range": "A1:B2", "columns": {"B": {"role": "actual", "yr": 2020}}}]}', /unknown key "yr"/],
    ['{"sources": [{"range": "A1:B2", "columns": {"B": {"year": "2020"}}}]}', /"year" must be a year/],
    ['{"sources": [{"range": "A1:B2", "columns": {"B": {"months": "04-01"}}}]}', /"months" must be months such as "01-04"/],
    ['{"sources": [{"range": "A1:B2", "unit": "NOK"}]}', /"unit" must be one of kr, tkr, mkr/],
    ['{"evaluation": "annual"}', /"evaluation" must be one of year-to-date, year-end/],
  ])('rejects %s, saying what is wrong', (text, message) => {
    expect(() => parseConfig(text, 'cfg.json')).toThrow(message);
  });
});
