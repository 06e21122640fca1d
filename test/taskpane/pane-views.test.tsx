/**
 * @jest-environment jsdom
 *
 * Two sources the reader cannot tell apart (lines in common, totals that differ: two views of the
 * same data, or two parts of one whole?). The follow-up uses one and says which; the pane asks the
 * person, saves the answer as the sources' mapping, and the ribbon's Generate and the command line
 * honour it: the question is not asked again.
 */
import './polyfills';
import '@testing-library/jest-dom';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseConfig, type FollowUpConfig } from '../../src/core/config';
import { App } from '../../src/taskpane/components/App';
import type { UiLanguage } from '../../src/taskpane/host';
import { generateFollowUp } from '../../src/workbook/generate';
import type { Workbook } from '../../src/workbook/port';
import { undecidedWorkbook } from '../workbook/builders';
import { fakeHost, type FakeHost } from './fake-host';

afterEach(cleanup);

async function saved(wb: Workbook): Promise<FollowUpConfig | null> {
  const text = await wb.readSettings();
  return text ? parseConfig(text, 'saved settings') : null;
}

async function open(language: UiLanguage = 'en'): Promise<{ host: FakeHost; user: ReturnType<typeof userEvent.setup> }> {
  const host = fakeHost(await undecidedWorkbook(), { language });
  const user = userEvent.setup();
  render(<App host={host} />);
  await waitFor(() => expect(screen.getByRole('region', { name: /Sources|Kilder|Källor/ })).toHaveAttribute('aria-busy', 'false'), { timeout: 15000 });
  return { host, user };
}

const question = (name: RegExp | string): HTMLElement => screen.getByRole('group', { name });

/** The follow-up the ribbon's Generate would make with what is saved in the workbook. */
async function generated(wb: Workbook) {
  return (await generateFollowUp(wb, { dryRun: true })).model;
}

describe('two sources the reader cannot tell apart', () => {
  it('the pane asks which to use, naming both and the one used now, and saves nothing by looking', async () => {
    const { host } = await open();
    const q = question('Two views, or two parts?');
    expect(q).toHaveTextContent(
      'Avdeling!A3:F7 and Regnskap!A3:F7 share lines but not their totals: they may be two views of the same data or two parts of one whole. Only Regnskap!A3:F7 is used now',
    );
    expect(within(q).getByRole('button', { name: 'Use Regnskap!A3:F7' })).toBeEnabled();
    expect(within(q).getByRole('button', { name: 'Use Avdeling!A3:F7 instead' })).toBeEnabled();
    expect(within(q).getByRole('button', { name: 'They are parts: add both' })).toBeEnabled();
    expect(screen.getByRole('heading', { name: 'Regnskap!A3:F7', level: 3 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Avdeling!A3:F7', level: 3 })).toBeNull();
    expect(await saved(host.workbook)).toBeNull();
  });

  it('asks in Norwegian and Swedish', async () => {
    await open('nb');
    expect(question('To visninger eller to deler?')).toHaveTextContent('Nå brukes bare Regnskap!A3:F7');
    expect(screen.getByRole('button', { name: 'Bruk Avdeling!A3:F7 i stedet' })).toBeInTheDocument();
    cleanup();
    await open('sv');
    expect(question('Två vyer eller två delar?')).toHaveTextContent('Nu används bara Regnskap!A3:F7');
    expect(screen.getByRole('button', { name: 'De är delar: lägg ihop båda' })).toBeInTheDocument();
  });

  it('"use the other instead" saves it in place of the one used; Generate uses it, and the question is gone', async () => {
    const { host, user } = await open();
    const before = await generated(host.workbook);
    expect(before.warnings.map((w) => w.code)).toContain('views-cannot-tell');
    await user.click(screen.getByRole('button', { name: 'Use Avdeling!A3:F7 instead' }));
    expect(await screen.findByText('Saved in the workbook.')).toBeInTheDocument();
    expect((await saved(host.workbook))?.sources).toEqual([{ range: 'Budsjett!A3:N7', role: 'budget' }, { range: 'Avdeling!A3:F7' }]);
    expect(screen.queryByRole('group', { name: 'Two views, or two parts?' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Avdeling!A3:F7', level: 3 })).toBeInTheDocument();
    const after = await generated(host.workbook);
    expect(after.sources.map((s) => [s.range, s.role])).toEqual([
      ['Budsjett!A3:N7', 'budget'],
      ['Avdeling!A3:F7', 'actual'],
    ]);
    expect(after.total.actual?.toFixed()).toBe('3300');
    expect(after.warnings.map((w) => w.code)).not.toContain('views-cannot-tell');
  });

  it('"they are parts" adds both; "use the one used" keeps it; either way it is not asked again', async () => {
    const { host, user } = await open();
    expect((await generated(host.workbook)).total.actual?.toFixed()).toBe('2400');
    await user.click(screen.getByRole('button', { name: 'They are parts: add both' }));
    expect(await screen.findByText('Saved in the workbook.')).toBeInTheDocument();
    expect((await saved(host.workbook))?.sources?.map((s) => s.range)).toEqual(['Budsjett!A3:N7', 'Regnskap!A3:F7', 'Avdeling!A3:F7']);
    expect((await generated(host.workbook)).total.actual?.toFixed()).toBe('5700');
    cleanup();

    const kept = await open();
    await kept.user.click(screen.getByRole('button', { name: 'Use Regnskap!A3:F7' }));
    expect(await screen.findByText('Saved in the workbook.')).toBeInTheDocument();
    expect((await saved(kept.host.workbook))?.sources?.map((s) => s.range)).toEqual(['Budsjett!A3:N7', 'Regnskap!A3:F7']);
    const m = await generated(kept.host.workbook);
    expect(m.total.actual?.toFixed()).toBe('2400');
    expect(m.warnings.map((w) => w.code)).not.toContain('views-cannot-tell');
    cleanup();
    render(<App host={kept.host} />);
    await waitFor(() => expect(screen.getByRole('region', { name: 'Sources' })).toHaveAttribute('aria-busy', 'false'), { timeout: 15000 });
    expect(screen.queryByRole('group', { name: 'Two views, or two parts?' })).toBeNull();
  });
});
