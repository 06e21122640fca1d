/** The command line run in-process as a user runs it, at a fixed time, its output and exit code kept. */
import { main } from '../../src/cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), now: () => new Date('2024-05-06T08:30:00Z') });
  return { code, out, err };
}
