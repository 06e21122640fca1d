/**
 * The ribbon's "Generate follow-up": runs with the workbook's saved settings without the pane; the
 * first time, opens the pane instead; reports what happened to the pane. Real workbooks, real pipeline.
 */
import { FollowUpError } from '../../src/core/errors';
import { runGenerateCommand, type CommandHost } from '../../src/commands/run';
import type { CommandReport } from '../../src/taskpane/host';
import type { Workbook } from '../../src/workbook/port';
import { budgetWorkbook } from '../workbook/builders';

const LINES = [
  { label: '100 Hjemmetjeneste', monthlyBudget: 1000, actual: [1100, 1200, 1000, 2600] },
  { label: '200 Sykehjem', monthlyBudget: 2000, actual: [1900, 1950, 2000, 2000] },
];

function commandHost(workbook: Workbook, canShowPane = true): CommandHost & { reports: CommandReport[]; paneShown: number } {
  const host = {
    workbook,
    reports: [] as CommandReport[],
    paneShown: 0,
    showTaskpane: async () => {
      if (canShowPane) host.paneShown++;
      return canShowPane;
    },
    report: (r: CommandReport) => host.reports.push(r),
  };
  return host;
}

const sheetNames = async (wb: Workbook): Promise<string[]> => (await wb.listSheets()).map((s) => s.name);

describe('the ribbon command "Generate follow-up"', () => {
  it('opens the pane the first time, when the workbook has no saved settings, and writes nothing', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const host = commandHost(wb);
    expect(await runGenerateCommand(host)).toBe('opened-pane');
    expect(host.paneShown).toBe(1);
    expect(host.reports).toEqual([{ kind: 'needs-settings' }]);
    expect(await sheetNames(wb)).toEqual(['Budsjett', 'Regnskap']);
  });

  it('runs with the saved settings without opening the pane', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    await wb.writeSettings(JSON.stringify({ period: '2024-02', language: 'en' }));
    const host = commandHost(wb);
    expect(await runGenerateCommand(host)).toBe('generated');
    expect(host.paneShown).toBe(0);
    expect(await sheetNames(wb)).toEqual(expect.arrayContaining(['Follow-up 2024-02', 'Checks 2024-02']));
    const report = host.reports[0];
    expect(report.kind).toBe('generated');
    if (report.kind === 'generated') expect(report.result.model.period).toBe('2024-02');
  });

  it('uses the sources found automatically where Excel cannot open the pane (no shared runtime)', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    const host = commandHost(wb, false);
    expect(await runGenerateCommand(host)).toBe('generated');
    expect(host.reports.map((r) => r.kind)).toEqual(['needs-settings', 'generated']);
    expect(await sheetNames(wb)).toEqual(expect.arrayContaining(['Oppfølging 2024-03']));
  });

  it('reports a failure to the pane and opens it, so that the message is seen', async () => {
    const wb = await budgetWorkbook(LINES, 3);
    await wb.writeSettings(JSON.stringify({ sources: [{ range: "'Budsjett 2025'!A1:N9" }] }));
    const host = commandHost(wb);
    expect(await runGenerateCommand(host)).toBe('failed');
    expect(host.paneShown).toBe(1);
    const report = host.reports[0];
    expect(report.kind).toBe('failed');
    if (report.kind === 'failed') {
      expect(report.error).toBeInstanceOf(FollowUpError);
      expect((report.error as FollowUpError).message).toMatch(/names the sheet "Budsjett 2025", which the workbook does not have/);
    }
  });
});
