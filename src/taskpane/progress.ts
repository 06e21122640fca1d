/**
 * Determinate progress through the pipeline's steps (generateFollowUp's onProgress): each step owns a
 * share of the bar, and within reading and writing the sheets done so far move it on.
 */
import type { Step } from '../workbook/generate';

const SHARES: Readonly<Record<Step, readonly [number, number]>> = {
  reading: [0, 0.45],
  recognising: [0.45, 0.55],
  computing: [0.55, 0.65],
  writing: [0.65, 1],
  done: [1, 1],
};

/** Fraction of the whole run (0–1) when `step` has done `done` of `of` parts. */
export function progressFraction(step: Step, done: number, of: number): number {
  const [from, to] = SHARES[step];
  const within = of > 0 ? Math.min(Math.max(done / of, 0), 1) : 0;
  return Math.round((from + (to - from) * within) * 1000) / 1000;
}
