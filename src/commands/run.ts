/**
 * What the ribbon's "Generate follow-up" does, without the pane: with the settings saved in the
 * workbook it runs the pipeline; the first time (no saved settings) it opens the pane to choose them.
 * It reports what happened to the pane (which shows the result, or the error, when opened).
 */
import { generateInTurn } from './one-run';
import type { Workbook } from '../workbook/port';
import type { CommandReport } from '../taskpane/host';

export interface CommandHost {
  readonly workbook: Workbook;
  /** Opens the task pane; false when the application cannot (no shared runtime). */
  showTaskpane(): Promise<boolean>;
  /** Hands a report to the pane. */
  report(report: CommandReport): void;
}

export type CommandOutcome = 'generated' | 'opened-pane' | 'failed';

export async function runGenerateCommand(host: CommandHost): Promise<CommandOutcome> {
  try {
    const saved = await host.workbook.readSettings();
    if (!saved) {
      host.report({ kind: 'needs-settings' });
      // Where the pane cannot be opened from here, the sources found automatically are used.
      if (await host.showTaskpane()) return 'opened-pane';
    }
    // in turn with a run the pane may have started
    const result = await generateInTurn(host.workbook);
    host.report({ kind: 'generated', result });
    return 'generated';
  } catch (error) {
    // Excel has no notification bar for add-ins: the pane, opened, shows what went wrong.
    host.report({ kind: 'failed', error });
    await host.showTaskpane();
    return 'failed';
  }
}
