/**
 * @jest-environment jsdom
 *
 * The task pane as a user meets it: with a fake host over real workbooks (the xlsx adapter) and the
 * real pipeline. What is checked is what a person notices: what the pane says, what it saves in the
 * workbook, and what it asks Excel to do.
 */
import './polyfills';
import '@testing-library/jest-dom';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { parseConfig, type FollowUpConfig } from '../../src/core/config';
import { FollowUpError } from '../../src/core/errors';
import { App } from '../../src/taskpane/components/App';
import type { Workbook } from '../../src/workbook/port';
import { generateFollowUp } from '../../src/workbook/generate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { budgetWorkbook } from '../workbook/builders';
import { drammen, fakeHost, gate, heldAtWriting, type FakeHost } from './fake-host';

const LINES = [
  { label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000, 2600] },
  { label: '200 Sykehjem', monthlyBudget: 2000, actual: [1900, 1950, 2000, 2000] },
  { label: '300 Rus og psykisk helse', monthlyBudget: 500, actual: [500, 500, 500, 500] },
];
const MINUS = '\u2212';
const NBSP = '\u00a0';
/** toHaveTextContent collapses white space, the no-break spaces of amounts too. */
const text = (s: string): string => s.split(NBSP).join(' ');

async function saved(wb: Workbook): Promise<FollowUpConfig | null> {
  const text = await wb.readSettings();
  return text ? parseConfig(text, 'saved settings') : null;
}

/** Renders the pane and waits until it has looked through the workbook. */
async function open(host: FakeHost): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<App host={host} />);
  await waitFor(() => expect(screen.getByRole('region', { name: host.language === 'en' ? 'Sources' : /Kilder|Källor/ })).toHaveAttribute('aria-busy', 'false'), { timeout: 15000 });
  return user;
}

const sourceItem = (range: string): HTMLElement => screen.getByRole('heading', { name: range, level: 3 }).closest('li') as HTMLElement;

describe('the sources', () => {
  it('lists the sources it found, with kind, role, what was recognised and the first rows', async () => {
    const host = fakeHost(drammen());
    await open(host);
    const list = screen.getByRole('list', { name: 'Sources' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const last = sourceItem('Regnskap!A3:D9');
    expect(within(last).getByText('Pivot table')).toBeInTheDocument();
    expect(within(last).getByRole('combobox', { name: 'Role of Regnskap!A3:D9' })).toHaveValue('prior-actual');
    expect(within(last).getByText(/last year's actuals, by month 2021-01–2021-02, 4 lines/)).toBeInTheDocument();
    const preview = within(last).getByRole('table', { name: 'First rows of Regnskap!A3:D9' });
    expect(within(preview).getByText('1 LØNN')).toBeInTheDocument();
    expect(within(preview).getByText('67,579,886')).toBeInTheDocument();
    expect(within(sourceItem('Regnskap!F3:I9')).getByRole('combobox', { name: 'Role of Regnskap!F3:I9' })).toHaveValue('actual');
    expect(screen.getByText(/Found automatically/)).toBeInTheDocument();
    expect(await saved(host.workbook)).toBeNull(); // looking saves nothing
  });

  it('saves a changed role in the workbook as an explicit mapping of the sources', async () => {
    const host = fakeHost(drammen());
    const user = await open(host);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of Regnskap!F3:I9' }), 'budget');
    expect(await screen.findByText('Saved in the workbook.')).toBeInTheDocument();
    expect((await saved(host.workbook))?.sources).toEqual([
      { range: 'Regnskap!A3:D9', role: 'prior-actual' },
      { range: 'Regnskap!F3:I9', role: 'budget' },
    ]);
    expect(screen.getByRole('combobox', { name: 'Role of Regnskap!F3:I9' })).toHaveValue('budget');
    expect(screen.getByText(/You chose these ranges/)).toBeInTheDocument();
  });

  it('adds the selected range, removes a source, and goes back to finding them automatically', async () => {
    const host = fakeHost(await budgetWorkbook(LINES, 3));
    const user = await open(host);
    await user.click(screen.getByRole('button', { name: 'Remove Regnskap!A3:E8' }));
    await screen.findByText('Saved in the workbook.');
    expect((await saved(host.workbook))?.sources).toEqual([{ range: 'Budsjett!A3:N8', role: 'budget' }]);
    expect(screen.queryByRole('heading', { name: 'Regnskap!A3:E8' })).toBeNull();

    host.selection = "'Regnskap'!A3:E8";
    await user.click(screen.getByRole('button', { name: 'Add selected range' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Regnskap!A3:E8' })).toBeInTheDocument());
    expect((await saved(host.workbook))?.sources).toEqual([{ range: 'Budsjett!A3:N8', role: 'budget' }, { range: "'Regnskap'!A3:E8" }]);
    expect(screen.getByRole('combobox', { name: 'Role of Regnskap!A3:E8' })).toHaveValue('actual');

    await user.click(screen.getByRole('button', { name: 'Find sources automatically' }));
    await waitFor(() => expect(screen.getByText(/Found automatically/)).toBeInTheDocument());
    expect((await saved(host.workbook))?.sources).toBeUndefined();
  });

  it('says why a selection cannot be added, and saves nothing', async () => {
    const host = fakeHost(await budgetWorkbook(LINES, 3), { selection: null });
    const user = await open(host);
    await user.click(screen.getByRole('button', { name: 'Add selected range' }));
    expect(await screen.findByText('Select a range in the workbook first.')).toBeInTheDocument();

    host.selection = 'Budsjett!A3:N8';
    await user.click(screen.getByRole('button', { name: 'Add selected range' }));
    expect(await screen.findByText('Budsjett!A3:N8 is already a source.')).toBeInTheDocument();

    host.selection = 'Budsjett!A1:B2';
    await user.click(screen.getByRole('button', { name: 'Add selected range' }));
    expect(await screen.findByText(/Found no figures in the source range "Budsjett!A1:B2"/)).toBeInTheDocument();
    expect(await saved(host.workbook)).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('says so when the workbook holds nothing it recognises', async () => {
    const wb = XlsxWorkbook.create();
    await wb.addPlainSheet({ name: 'Notater', cells: [{ row: 0, col: 0, value: 'Møtenotater' }] });
    await open(fakeHost(wb));
    expect(screen.getByText('No sources found')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add selected range' })).toBeEnabled();
  });
});

/** A Swedish report whose two outcome columns the words cannot tell apart (no years, no typed variance). */
async function twoOutcomes(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  const rows: (string | number)[][] = [
    ['Belopp i tkr'],
    ['Enhet', 'Utfall', 'Utfall', 'Budget'],
    ['Hemtjänst', 900, 1100, 1000],
    ['Särskilt boende', 1800, 1900, 2000],
  ];
  await wb.addPlainSheet({ name: 'Rapport', cells: rows.flatMap((r, row) => r.map((value, col) => ({ row, col, value }))) });
  return wb;
}

describe("the sources' columns", () => {
  it('shows how each column was read, and a person changes one: saved in the workbook, and the command line reads it so', async () => {
    const host = fakeHost(await twoOutcomes(), { language: 'sv' });
    const user = await open(host);
    const card = sourceItem('Rapport!A2:D4');
    const columns = within(card).getByRole('table', { name: 'Kolumnerna i Rapport!A2:D4 som de lästs' });
    expect(within(columns).getByRole('combobox', { name: 'Vad kolumn A (Enhet) innehåller' })).toHaveDisplayValue('namn');
    expect(within(columns).getByRole('combobox', { name: 'Vad kolumn B (Utfall) innehåller' })).toHaveDisplayValue('utfall');
    expect(within(columns).getByRole('combobox', { name: 'Vad kolumn D (Budget) innehåller' })).toHaveDisplayValue('budget');
    expect(within(columns).getByRole('combobox', { name: 'Enhet för kolumn B' })).toHaveDisplayValue('tkr');

    await user.selectOptions(within(columns).getByRole('combobox', { name: 'Vad kolumn B (Utfall) innehåller' }), 'prior-actual');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Vad kolumn B (Utfall) innehåller' })).toHaveDisplayValue('utfall föregående år'), { timeout: 15000 });
    const mapping = (await saved(host.workbook))?.sources?.[0];
    expect(mapping?.columns?.B).toEqual({ role: 'prior-actual', unit: 'tkr' });
    expect(mapping?.columns?.C).toEqual({ role: 'actual', unit: 'tkr' });

    // What the ribbon button and the command line do: the workbook's saved settings, nothing else.
    const result = await generateFollowUp(host.workbook, { dryRun: true });
    expect(result.model.total.actual?.toFixed()).toBe('3000');
    expect(result.model.total.priorYearActual?.toFixed()).toBe('2700');
  });
});

describe('the settings', () => {
  it('saves the period, forecast method, neutral band and language in the workbook', async () => {
    const host = fakeHost(await budgetWorkbook(LINES, 3));
    const user = await open(host);
    const latest = screen.getByRole('checkbox', { name: 'Latest month with actuals' });
    expect(latest).toBeChecked();
    expect(screen.getByLabelText('Month')).toHaveValue('2024-03'); // what the pipeline found
    await user.click(latest);
    await waitFor(async () => expect((await saved(host.workbook))?.period).toBe('2024-03'));

    await user.click(screen.getByRole('radio', { name: 'Variance so far, extrapolated' }));
    expect(screen.getByRole('radio', { name: 'Variance so far, extrapolated' })).toHaveAccessibleDescription(
      'The variance so far scaled to twelve months, against the annual budget.',
    );

    const band = screen.getByRole('spinbutton', { name: 'Neutral band (%)' });
    expect(band).toHaveValue(2);
    await user.clear(band);
    await user.type(band, '150');
    expect(screen.getByText('Give a percentage from 0 to 99, for example 2.')).toBeInTheDocument();
    await user.clear(band);
    await user.type(band, '2.5');
    await user.tab();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the sheets' }), 'sv');
    await waitFor(async () =>
      expect(await saved(host.workbook)).toEqual(
        expect.objectContaining({ period: '2024-03', forecast: { method: 'deviation-run-rate', manual: {} }, thresholds: { neutralPct: '0.025', stalePct: undefined }, language: 'sv' }),
      ),
    );

    await user.click(latest);
    await waitFor(async () => expect((await saved(host.workbook))?.period).toBeUndefined());
  });

  it('reads settings saved earlier, and says so when they cannot be read', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    await wb.writeSettings(JSON.stringify({ forecast: { method: 'last-year-profile' }, thresholds: { neutralPct: '0.05' }, period: '2024-02' }));
    await open(fakeHost(wb));
    expect(screen.getByRole('radio', { name: "Last year's seasonal profile" })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Neutral band (%)' })).toHaveValue(5);
    expect(screen.getByRole('checkbox', { name: 'Latest month with actuals' })).not.toBeChecked();
    expect(screen.getByLabelText('Month')).toHaveValue('2024-02');

    cleanup();
    const broken = await budgetWorkbook(LINES, 3);
    await broken.writeSettings('{"colour": "red"}');
    await open(fakeHost(broken));
    expect(screen.getByText(/The settings saved in this workbook could not be read.*unknown setting "colour"/)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
  });
});

describe('generating', () => {
  it('shows determinate progress through the steps, then the key figures', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const hold = gate();
    const host = fakeHost(heldAtWriting(wb, hold.promise));
    const user = await open(host);
    await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));

    const bar = await screen.findByRole('progressbar');
    const run = screen.getByRole('region', { name: 'Generate follow-up' });
    await waitFor(() => expect(within(run).getByRole('status')).toHaveTextContent('Writing sheet 1 of 5'));
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0.5);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(1);
    expect(screen.getByRole('button', { name: 'Generating…' })).toBeDisabled();

    await act(async () => hold.open());
    const result = await screen.findByRole('region', { name: 'Follow-up for March 2024' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(run).getByRole('status')).toHaveTextContent('Follow-up generated: 5 sheets, 0 warnings.');
    const figure = (id: string): HTMLElement => result.querySelector(`[data-figure="${id}"]`) as HTMLElement;
    expect(figure('variance')).toHaveTextContent(text(`Variance to date-150${NBSP}kr (-1.4${NBSP}%)`));
    // −1.4 % is inside the ±2 % neutral band: plain, not red, as on the sheet.
    expect(figure('variance').querySelector('[data-status]')).toHaveAttribute('data-status', 'neutral');
    expect(figure('forecast-variance')).toHaveTextContent(text(`Forecast variance-150${NBSP}kr`));
    // What the default method assumes, said plainly beside the forecast.
    expect(figure('forecast-variance')).toHaveTextContent('Assumes the overspend stops now: the rest of the year goes to budget.');
    expect(within(result).getByText('No warnings: every check agrees within rounding.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Follow-up for March 2024' })).toHaveFocus();
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(expect.arrayContaining(['Oppfølging 2024-03', 'Kontroller 2024-03']));
  });

  it('lists the warnings, each selecting its cell, and links to the sheets it wrote', async () => {
    const host = fakeHost(drammen());
    const user = await open(host);
    await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));
    const result = await screen.findByRole('region', { name: 'Follow-up for February 2022' });
    expect(within(result).getByRole('heading', { name: 'Warnings (2)' })).toBeInTheDocument();
    expect(within(result).getByText('No budget was found: variances and forecast variances are left empty.')).toBeInTheDocument();
    await user.click(within(result).getByRole('button', { name: /Stated measures total 70 differs from the sum of the measures: 55\. Show Ramme!B5/ }));
    expect(host.selected).toEqual(['Ramme!B5']);

    expect(result.querySelector('[data-figure="variance"]')).toHaveTextContent('not available');
    expect(result.querySelector('[data-figure="measures-effect"]')).toHaveTextContent(text(`Effect of measures55.0${NBSP}million kr`));
    expect(result.querySelector('[data-figure="uncovered"]')).toHaveTextContent(text(`Uncovered-57.7${NBSP}million kr`));
    expect(result.querySelector('[data-figure="uncovered"] [data-status]')).toHaveAttribute('data-status', 'unfavourable');

    await user.click(within(result).getByRole('button', { name: 'Open sheet Oppfølging 2022-02' }));
    await user.click(within(result).getByRole('button', { name: 'Open sheet Kontroller 2022-02' }));
    expect(host.activated).toEqual(['Oppfølging 2022-02', 'Kontroller 2022-02']);
  });

  it('says what Excel would not do without failing the run (a chart, the page setup), once', async () => {
    const wb = drammen();
    const notices = ['Excel did not draw the charts on "Grafer 2022-02" (InvalidArgument); the sheet and the tables they read are written.'];
    // the adapter's notices, handed on once, as the Excel adapter does
    const withNotices: Workbook = Object.assign(Object.create(wb) as Workbook, { takeNotices: () => notices.splice(0) });
    const host = fakeHost(withNotices);
    const user = await open(host);
    await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));
    let result = await screen.findByRole('region', { name: 'Follow-up for February 2022' });
    expect(within(result).getByText(/Excel did not draw the charts on "Grafer 2022-02"/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));
    await waitFor(() => expect(screen.queryByText(/Excel did not draw the charts/)).toBeNull(), { timeout: 15000 });
    result = await screen.findByRole('region', { name: 'Follow-up for February 2022' });
    expect(result).toBeInTheDocument();
  });

  it("shows a FollowUpError's message as it is, and anything else as a friendly message", async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const refusing: Workbook = {
      ...wb,
      listSheets: () => wb.listSheets(),
      readSheet: (s, r) => wb.readSheet(s, r),
      listPivots: () => wb.listPivots(),
      readSettings: () => wb.readSettings(),
      writeSettings: (j) => wb.writeSettings(j),
      writeSheet: async (layout) => {
        throw new FollowUpError('bad-input', `The sheet "${layout.name}" was made by a person; rename it and try again.`, `'${layout.name}'!A1`);
      },
    };
    const user = await open(fakeHost(refusing));
    await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not finish The sheet "Oppfølging 2024-03" was made by a person; rename it and try again.');

    const crashing: Workbook = { ...refusing, writeSheet: async () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'sync')")) };
    cleanup();
    const again = await open(fakeHost(crashing));
    await again.click(screen.getByRole('button', { name: 'Generate follow-up' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not finish Something went wrong while working with the workbook.');
    expect(alert).not.toHaveTextContent('sync');
  });

  it('says what went wrong when the workbook cannot be read at all', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const damaged: Workbook = { ...wb, listSheets: () => wb.listSheets(), readSheet: () => Promise.reject(new FollowUpError('bad-input', 'The file workbook.xlsx is damaged: xl/worksheets/sheet1.xml is not well-formed XML.')), listPivots: () => wb.listPivots(), readSettings: () => wb.readSettings(), writeSettings: (j) => wb.writeSettings(j), writeSheet: (l, m) => wb.writeSheet(l, m) };
    await open(fakeHost(damaged));
    expect(screen.getByRole('alert')).toHaveTextContent('The file workbook.xlsx is damaged: xl/worksheets/sheet1.xml is not well-formed XML.');
  });

  it("shows what the ribbon's command did", async () => {
    const host = fakeHost(drammen());
    await open(host);
    act(() => host.report({ kind: 'needs-settings' }));
    expect(screen.getByText(/Choose the sources and settings below, then generate the follow-up/)).toBeInTheDocument();
    act(() => host.report({ kind: 'failed', error: new FollowUpError('bad-input', 'The source range "Data!A1:B2" names the sheet "Data", which the workbook does not have.') }));
    expect(screen.getByRole('alert')).toHaveTextContent('The source range "Data!A1:B2" names the sheet "Data"');
  });
});

describe('language, theme and the keyboard', () => {
  it('speaks Norwegian and Swedish', async () => {
    const nb = fakeHost(await budgetWorkbook(LINES, 3), { language: 'nb' });
    const user = await open(nb);
    expect(screen.getByRole('heading', { name: 'Budsjettoppfølging', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kilder' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Rolle for Regnskap!A3:E8' })).toHaveDisplayValue('Regnskap');
    expect(screen.getByText(/regnskap, per måned 2024-01–2024-03, 3 linjer/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lag oppfølging' }));
    const result = await screen.findByRole('region', { name: 'Oppfølging for mars 2024' });
    expect(result.querySelector('[data-figure="variance"]')).toHaveTextContent(text(`Avvik hittil${MINUS}150${NBSP}kr (${MINUS}1,4${NBSP}%)`));
    expect(within(result).getByText('Positivt: mindreforbruk. Negativt: merforbruk.')).toBeInTheDocument();

    cleanup();
    const sv = fakeHost(await budgetWorkbook(LINES, 3), { language: 'sv' });
    await open(sv);
    expect(screen.getByRole('heading', { name: 'Budgetuppföljning', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skapa uppföljning' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Resten av året enligt budget' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Roll för Budsjett!A3:N8' })).toHaveDisplayValue('Budget');
  });

  it('can be worked from the keyboard alone, in a sensible order', async () => {
    const host = fakeHost(await budgetWorkbook(LINES, 3));
    const user = await open(host);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Generate follow-up' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Role of Budsjett!A3:N8' })).toHaveFocus();
    await user.selectOptions(document.activeElement as HTMLElement, 'forecast');
    await waitFor(async () => expect((await saved(host.workbook))?.sources?.[0]).toEqual({ range: 'Budsjett!A3:N8', role: 'forecast' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove Budsjett!A3:N8' })).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: 'Rest of the year on budget' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Variance so far, extrapolated' })).toBeChecked();

    screen.getByRole('button', { name: 'Generate follow-up' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Follow-up for March 2024' })).toHaveFocus();
  });

  it('follows the Office theme', async () => {
    await open(fakeHost(await budgetWorkbook(LINES, 3), { theme: 'dark' }));
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((r) => r.cssText))
      .join('\n');
    expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
    expect(css).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
  });

  it('explains instead of failing when Excel is too old', () => {
    render(<App host={fakeHost(XlsxWorkbook.create(), { supported: false, language: 'sv' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Den här versionen av Excel är för gammal');
    expect(screen.queryByRole('button', { name: 'Skapa uppföljning' })).toBeNull();
  });
});
