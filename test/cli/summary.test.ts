import { summaryLines } from '../../src/cli/summary';
import { buildFollowUp } from '../../src/core/engine/followup';
import { recognise } from '../../src/core/read/recognise';
import { yearEndEvaluation } from '../core/fixtures/workbooks';

const yearEndModel = (): ReturnType<typeof buildFollowUp> => buildFollowUp(recognise([yearEndEvaluation()]));

describe('a year-end evaluation, summed up', () => {
  it('on the command line: the variance of the year, no "hittil", no forecast line, no warnings', () => {
    const lines = summaryLines(yearEndModel(), 'ut.xlsx', ['Oppfølging']);
    expect(lines).toContain('Avvik 2023: \u22121\u00a0500\u00a0tusen kr (\u22121,5\u00a0%)');
    expect(lines.filter((l) => /hittil|Prognose/.test(l))).toEqual([]);
    expect(lines).toContain('Merknader: ingen');
  });
});

describe('the title line', () => {
  it('names the year once, with no double space, and counts lines in the right number', () => {
    const model = yearEndModel();
    const title = summaryLines(model, 'ut.xlsx', ['Oppfølging'])[1];
    expect(title).not.toMatch(/ {2}/);
    expect(title).toMatch(new RegExp(` · ${model.lines.length} ${model.lines.length === 1 ? 'linje' : 'linjer'}$`));
    const one = { ...model, period: null, year: null, lines: model.lines.slice(0, 1) };
    expect(summaryLines(one, 'ut.xlsx', ['Oppfølging'])[1]).toMatch(/^\S.*[^ ] · 1 linje$/);
  });
});
