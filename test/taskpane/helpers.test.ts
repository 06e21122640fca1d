/**
 * The pane's small rules: which UI language and theme Office's values mean, how far the bar has come
 * at each step, and that the settings the pane saves read back as the command line reads them.
 */
import { parseConfig, type FollowUpConfig } from '../../src/core/config';
import { themeOfBackground, uiLanguageOf } from '../../src/taskpane/host';
import { fractionOf } from '../../src/taskpane/components/SettingsSection';
import { progressFraction } from '../../src/taskpane/progress';
import { previewText, sameRange, settingsJson } from '../../src/taskpane/settings';
import type { Step } from '../../src/workbook/generate';

describe("Office's display language and theme", () => {
  it('speaks Norwegian for bokmål, nynorsk and "no", Swedish for any Swedish, else English', () => {
    expect(['nb-NO', 'nn-NO', 'no', 'NB_no', 'sv-SE', 'sv-FI', 'da-DK', 'en-GB', '', null, undefined].map(uiLanguageOf)).toEqual([
      'nb',
      'nb',
      'nb',
      'nb',
      'sv',
      'sv',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('is dark on a dark body background, light otherwise or when unknown', () => {
    expect(['#262626', '#000000', '3b3a39', '#FFFFFF', '#f3f2f1', 'red', undefined].map(themeOfBackground)).toEqual([
      'dark',
      'dark',
      'dark',
      'light',
      'light',
      'light',
      'light',
    ]);
  });
});

describe('progress', () => {
  it('only moves forward through a run, from 0 to 1', () => {
    const run: [Step, number, number][] = [
      ['reading', 0, 3],
      ['reading', 1, 3],
      ['reading', 2, 3],
      ['recognising', 0, 1],
      ['computing', 0, 1],
      ['writing', 0, 3],
      ['writing', 1, 3],
      ['writing', 2, 3],
      ['done', 1, 1],
    ];
    const fractions = run.map(([s, d, o]) => progressFraction(s, d, o));
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    fractions.slice(1).forEach((f, i) => expect(f).toBeGreaterThan(fractions[i]));
  });
});

describe('the saved settings', () => {
  it('read back unchanged by the parser the command line uses', () => {
    const config: FollowUpConfig = {
      sources: [{ range: "'Budget 2024'!A1:N13", role: 'budget' }, { range: 'Regnskap!A3:E8' }],
      period: '2024-03',
      forecast: { method: 'deviation-run-rate', manual: {} },
      thresholds: { neutralPct: '0.025' },
      language: 'sv',
    };
    const json = settingsJson(config);
    expect(JSON.parse(json)).toEqual({
      sources: [{ range: "'Budget 2024'!A1:N13", role: 'budget' }, { range: 'Regnskap!A3:E8' }],
      period: '2024-03',
      forecast: { method: 'deviation-run-rate' },
      thresholds: { neutralPct: '0.025' },
      language: 'sv',
    });
    expect(parseConfig(json, 'test')).toEqual(expect.objectContaining({ period: '2024-03', language: 'sv', thresholds: { neutralPct: '0.025', stalePct: undefined } }));
  });

  it('leave out what is not set: no sources means "find them"', () => {
    expect(settingsJson({ sources: [], period: undefined, forecast: {}, thresholds: {} })).toBe('{}');
    expect(settingsJson({ forecast: { manual: { '100': '2500000' } } })).toBe('{"forecast":{"manual":{"100":"2500000"}}}');
  });

  it('take the neutral band as people type a percentage', () => {
    expect(['2', '2,5', '0', '99', '0.25', ' 7 '].map(fractionOf)).toEqual(['0.02', '0.025', '0', '0.99', '0.0025', '0.07']);
    expect(['100', '-1', 'two', '', '2.555'].map(fractionOf)).toEqual([null, null, null, null, null]);
  });

  it('know a range whatever its quoting and case', () => {
    expect(sameRange("'Regnskap'!a3:e8", 'Regnskap!A3:E8')).toBe(true);
    expect(sameRange("'Budget 2024'!A1:N13", "'budget 2024'!A1:N13")).toBe(true);
    expect(sameRange('Regnskap!A3:E8', 'Regnskap!A3:E9')).toBe(false);
  });

  it('preview cells as people read them', () => {
    expect(previewText(67579886, 'nb')).toBe('67\u00a0579\u00a0886');
    expect(previewText(-2830683.4, 'en')).toBe('-2,830,683');
    expect(previewText(0.125, 'sv')).toBe('0,13');
    expect(previewText({ error: '#REF!' }, 'en')).toBe('#REF!');
    expect(previewText(null, 'en')).toBe('');
    expect(previewText('x'.repeat(60), 'en')).toHaveLength(40);
  });
});

describe('key figures', () => {
  it('says the measures more than cover the gap, signed and green as on the sheet', async () => {
    const { buildFollowUp } = await import('../../src/core/engine/followup');
    const { keyFigures } = await import('../../src/taskpane/figures');
    const { STRINGS } = await import('../../src/taskpane/i18n');
    const { dec } = await import('../../src/core/money');
    const amount = (v: number, cell: string) => ({ value: dec(v), decimals: 0, cell });
    const model = buildFollowUp({
      sources: [],
      keyFigures: [],
      language: 'nb',
      findings: [],
      measures: [{ range: 'Tiltak!A1:B3', sheet: 'Tiltak', unit: 'mkr', statedTotal: null, findings: [],
        items: [{ name: 'Vikarer', fullYearEffect: null, effectThisYear: amount(5, 'Tiltak!B2'), status: null, owner: null, row: 1 }] }],
    }, { gap: '2', language: 'nb' });
    const f = keyFigures(model, 'nb', STRINGS.nb).find((x) => x.id === 'uncovered');
    // Signed and coloured as the sheet's bridge: what the measures cover beyond the gap is favourable.
    expect(f?.label).toBe('Overdekket');
    expect(f?.value).toBe('+3,0\u00a0mill. kr');
    expect(f?.status).toBe('favourable');
    expect(f?.hint).toBe('Oppgitt gap: \u22122,0\u00a0mill. kr');
  });
});
