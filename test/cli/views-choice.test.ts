/**
 * The command line on a workbook whose reader cannot tell two sources apart: without a config it uses
 * one and says which (never adds them); with the person's choice in `--config` (as the pane saves it)
 * it uses the chosen view and does not warn again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { undecidedWorkbook } from '../workbook/builders';

let dir: string;
let book: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'followup-views-'));
  book = path.join(dir, 'undecided.xlsx');
  fs.writeFileSync(book, (await undecidedWorkbook()).save());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Report {
  sources: { range: string; used?: boolean; undecidedWith?: string }[];
  total: { actual: string | null };
  warnings: { code: string; message: string }[];
}

async function json(...argv: string[]): Promise<Report> {
  let out = '';
  const code = await main(['generate', book, '--json', '-', ...argv], {
    out: (t) => (out += t),
    err: () => undefined,
    now: () => new Date('2024-05-06T08:30:00Z'),
  });
  expect(code).toBe(0);
  return JSON.parse(out) as Report;
}

const used = (r: Report): string[] => r.sources.filter((s) => s.used !== false).map((s) => s.range);

describe('two sources the reader cannot tell apart, on the command line', () => {
  it('without a choice: one is used, and a warning says which', async () => {
    const r = await json();
    expect(used(r)).toEqual(['Budsjett!A3:N7', 'Regnskap!A3:F7']);
    expect(r.total.actual).toBe('2400');
    expect(r.warnings.find((w) => w.code === 'views-cannot-tell')?.message).toContain('bare Regnskap!A3:F7 er brukt');
    expect(r.sources.find((s) => s.range === 'Avdeling!A3:F7')).toMatchObject({ used: false, undecidedWith: 'Regnskap!A3:F7' });
  });

  it('with the other view chosen in --config: that one is used, and no "cannot tell" warning', async () => {
    const cfg = path.join(dir, 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ sources: [{ range: 'Budsjett!A3:N7', role: 'budget' }, { range: 'Avdeling!A3:F7' }] }));
    const r = await json('--config', cfg);
    expect(used(r)).toEqual(['Budsjett!A3:N7', 'Avdeling!A3:F7']);
    expect(r.total.actual).toBe('3300');
    expect(r.warnings.map((w) => w.code)).not.toContain('views-cannot-tell');
  });
});
