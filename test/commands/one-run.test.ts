/**
 * The pane and the ribbon command at once, on the fake Excel: one run waits for the other, and the
 * workbook ends with the add-in's sheets once each, no stray sheet, and a person's formula pointing
 * into the follow-up sheet still working — after a settings save, a regenerate and the race.
 */
import { oneAtATime, generateInTurn } from '../../src/commands/one-run';
import { runGenerateCommand, type CommandHost } from '../../src/commands/run';
import type { CommandReport } from '../../src/taskpane/host';
import { DRAMMEN, excelOn, fakeFromXlsx, openFixture } from '../workbook/excel/helpers';

function commandHost(workbook: CommandHost['workbook']): CommandHost & { reports: CommandReport[] } {
  const reports: CommandReport[] = [];
  return { workbook, reports, showTaskpane: async () => true, report: (r) => reports.push(r) };
}

describe('one run at a time', () => {
  test('runs started together run one after the other, in the order they were started', async () => {
    const order: string[] = [];
    const step = (who: string) => async () => {
      order.push(`${who} starts`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`${who} ends`);
      if (who === 'a') throw new Error('a failed');
      return who;
    };
    const results = await Promise.allSettled([oneAtATime(step('a')), oneAtATime(step('b'))]);
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']); // a failure does not block the next
  });

  test('pane and ribbon at once: settings save, regenerate and the race leave no stray sheet and no broken formula', async () => {
    const fake = await fakeFromXlsx(openFixture(DRAMMEN));
    const pane = excelOn(fake);
    const ribbon = excelOn(fake);
    await pane.readSettings();
    await pane.writeSettings(JSON.stringify({ language: 'nb' }));
    const first = await generateInTurn(pane, { generatedAt: '2024-04-05 14:03' });
    const followUp = first.sheets[0];
    const names = fake.sheetNames();

    // a leader's own summary points into the generated sheet
    const mine = fake.addSheet('Min oppsummering');
    fake.cellAt(mine, 0, 0).formula = `'${followUp}'!A1`;
    const shown = fake.value(followUp, 'A1');
    expect(fake.value('Min oppsummering', 'A1')).toBe(shown);

    await pane.writeSettings(JSON.stringify({ language: 'nb', thresholds: { neutralPct: 0.03 } }));
    const host = commandHost(ribbon);
    const [fromPane, fromRibbon] = await Promise.all([generateInTurn(pane, { generatedAt: '2024-04-06 09:00' }), runGenerateCommand(host)]);
    expect(fromPane.sheets).toEqual(first.sheets);
    expect(fromRibbon).toBe('generated');
    expect(host.reports.map((r) => r.kind)).toEqual(['generated']);

    expect(fake.sheetNames()).toEqual([...names, 'Min oppsummering']);
    expect(fake.cell('Min oppsummering', 'A1')?.formula).toBe(`'${followUp}'!A1`);
    expect(fake.value('Min oppsummering', 'A1')).toEqual(fake.value(followUp, 'A1'));
    expect(fake.value('Min oppsummering', 'A1')).not.toEqual({ error: '#REF!' });
  });

  test('the first run from the pane and the ribbon at once: each sheet made once, none half-made or stray', async () => {
    const fake = await fakeFromXlsx(openFixture(DRAMMEN));
    const before = fake.sheetNames();
    const pane = excelOn(fake);
    await pane.readSettings();
    await pane.writeSettings(JSON.stringify({ language: 'sv' }));
    const host = commandHost(excelOn(fake));
    const [fromPane, fromRibbon] = await Promise.all([generateInTurn(pane), runGenerateCommand(host)]);
    expect(fromRibbon).toBe('generated');
    expect(fake.sheetNames()).toEqual([...before, '_BudgetFollowup', ...fromPane.sheets]);
    for (const name of fromPane.sheets) expect(fake.sheet(name).names.map((n) => n.formula)).toHaveLength(1);
  });
});
