/**
 * One run at a time. The pane and the ribbon's "Generate follow-up" share one runtime (manifest.xml:
 * <Runtimes>) and so one workbook: two runs at once would write the same sheets in interleaved
 * requests. Each run waits for the one before it to end. The queue is kept on the global object, so
 * the pane's and the command's bundles share it even if each had its own copy of this module.
 */
/* global globalThis -- ES2020's global object; the Office lint's environment predates it */
import { generateFollowUp, type GenerateOptions, type GenerateResult } from '../workbook/generate';
import type { Workbook } from '../workbook/port';

const QUEUE = Symbol.for('budget-followup.oneRunAtATime');
type Holder = { [QUEUE]?: Promise<unknown> };

/** Runs `work` after every run started before it has ended (succeeded or failed). */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const holder = globalThis as Holder;
  const before = holder[QUEUE] ?? Promise.resolve();
  const mine = before.then(work, work);
  // the next run waits for this one, whatever its outcome
  holder[QUEUE] = mine.then(
    () => undefined,
    () => undefined,
  );
  return mine;
}

/** `generateFollowUp`, in turn with every other run of the pane or the ribbon. */
export function generateInTurn(workbook: Workbook, options: GenerateOptions = {}): Promise<GenerateResult> {
  return oneAtATime(() => generateFollowUp(workbook, options));
}
