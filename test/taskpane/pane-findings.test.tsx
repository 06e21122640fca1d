/**
 * @jest-environment jsdom
 *
 * The pane's warnings as a person reads them: the same finding for many cells is one item that counts
 * them and names the first few, and selects the first cell; the checks sheet and the JSON list each.
 */
import './polyfills';
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { budgetSheet, months, pivot, workbookOf } from '../robustness/helpers';
import { fakeHost } from './fake-host';

it('1,200 cells of text where figures belong are one warning, counting them and selecting the first cell', async () => {
  const lines = Array.from({ length: 300 }, (_, i) => [`${5000 + i} Enhet ${i}`, 'ukjent', 'ukjent', 'ukjent', 'ukjent'] as const);
  const wb = XlsxWorkbook.open(await workbookOf(budgetSheet(), pivot('Regnskap', 'Regnskap 2024 (kr)', months(2024, 4), lines)), 'mange.xlsx');
  const host = fakeHost(wb);
  const user = userEvent.setup();
  render(<App host={host} />);
  await waitFor(() => expect(screen.getByRole('region', { name: 'Sources' })).toHaveAttribute('aria-busy', 'false'), { timeout: 15000 });
  await user.click(screen.getByRole('button', { name: 'Generate follow-up' }));
  const heading = await screen.findByRole('heading', { name: /^Warnings \(\d+\)$/ }, { timeout: 15000 });
  const list = heading.nextElementSibling as HTMLElement;
  const grouped = within(list).getAllByRole('button', { name: /is not a number/ });
  expect(grouped).toHaveLength(1);
  expect(grouped[0]).toHaveTextContent(/The same for 1199 more cells: Regnskap!C\d+, Regnskap!D\d+, Regnskap!E\d+ and 1196 more\./);
  await user.click(grouped[0]);
  expect(host.selected).toHaveLength(1);
  expect(host.selected[0]).toMatch(/^Regnskap!B\d+$/);
}, 60_000);
