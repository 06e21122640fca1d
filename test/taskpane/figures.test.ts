import { buildFollowUp } from '../../src/core/engine/followup';
import { recognise } from '../../src/core/read/recognise';
import { keyFigures } from '../../src/taskpane/figures';
import { STRINGS } from '../../src/taskpane/i18n';
import { yearEndEvaluation } from '../core/fixtures/workbooks';

describe('the key figures of a year-end evaluation in the pane', () => {
  it('the variance of the year, and no forecast figure', () => {
    const model = buildFollowUp(recognise([yearEndEvaluation()]));
    const figures = keyFigures(model, 'nb', STRINGS.nb);
    expect(figures.map((f) => f.id)).toEqual(['variance']);
    expect(figures[0].label).toBe('Avvik 2023');
  });
});
