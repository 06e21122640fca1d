/**
 * What `npm run bench` says about its figures: which goals are met, its table, its options, and the
 * table's place in README.md. Nothing is timed here (the figures are made up); `npm run bench` measures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BenchUsageError, README_BEGIN, README_END, parseOptions, report, verdicts, withBenchBlock, type SizeResult } from '../../scripts/bench-report';

const size = (lines: number, ...runsMs: number[]): SizeResult => ({ lines, inputBytes: lines * 190, runsMs, excel: { syncs: 3, largestRequestBytes: 612_000 } });

describe('the goals', () => {
  it('2,000 lines in at most 1 s and 10,000 in at most 3 s from a cold start, by the median run', () => {
    const [two, ten] = verdicts([size(2000, 900, 2500, 950), size(10000, 3100, 2900, 3050)], null);
    expect(two).toMatchObject({ met: true, measured: '950 ms' });
    expect(ten).toMatchObject({ met: false, measured: '3,050 ms' });
  });

  it('linear beyond 10,000: time per line at 50,000 at most 1.2 times that at 10,000', () => {
    const linear = (fifty: number): unknown => verdicts([size(10000, 2000), size(50000, fifty)], null)[2];
    expect(linear(12_000)).toMatchObject({ met: true, measured: '0.24 against 0.20 ms per line (×1.20)' });
    expect(linear(12_500)).toMatchObject({ met: false, measured: '0.25 against 0.20 ms per line (×1.25)' });
  });

  it('a goal whose size was not run is said to be not measured, not met or failed', () => {
    const all = verdicts([size(100, 300)], null);
    expect(all.map((v) => v.met)).toEqual([null, null, null]);
    expect(all[0].measured).toBe('not measured (add 2000 to --sizes)');
  });

  it('the pane at 2,000 lines is held to the 1 s goal; a pane that could not run says why', () => {
    expect(verdicts([], { lines: 2000, runsMs: [1400, 800, 900] })[3]).toMatchObject({ met: true, measured: '900 ms' });
    expect(verdicts([], 'no Chromium at /usr/bin/chromium')[3]).toMatchObject({ met: null, measured: 'not measured (no Chromium at /usr/bin/chromium)' });
    expect(verdicts([], null)).toHaveLength(3);
  });
});

describe('the report', () => {
  const text = report([size(2000, 812, 790, 2400), size(10000, 2950)], { lines: 2000, runsMs: [1200] }, 'on a test machine.', 3);

  it('is a table of the medians with the spread, time per line and the Excel counts', () => {
    expect(text).toContain('| 2,000 | command line, cold | 812 | 790–2,400 | 0.41 | — | — | 380 KB | 3 | 612 KB |');
    expect(text).toContain('| 2,000 | pane, browser preview | 1,200 |');
    expect(text.split('\n')[0]).toBe('Wall time, median of 3 runs (CPU: user + system, median; peak: the largest resident memory). on a test machine.');
  });

  it('says for each goal whether it was met', () => {
    expect(text).toContain('- met: 2,000 lines, command line from a cold start, at most 1,000 ms: 812 ms');
    expect(text).toContain('- met: 10,000 lines, command line from a cold start, at most 3,000 ms: 2,950 ms');
    expect(text).toContain("- NOT MET: 2,000 lines, the pane's generate in the browser preview, at most 1,000 ms: 1,200 ms");
  });

  it('says why the Excel counts are missing when the adapter could not be loaded', () => {
    const missing = report([{ ...size(100, 50), excel: 'the Excel adapter did not load' }], null, '', 1);
    expect(missing).toContain('| 100 | command line, cold | 50 | 50–50 | 0.50 | — | — | 19 KB | — | — |');
    expect(missing).toContain('- Excel counts at 100 lines not measured: the Excel adapter did not load');
  });
});

describe('the options', () => {
  it('default to all sizes, five runs each and the pane at 2,000 lines', () => {
    expect(parseOptions([])).toEqual({ sizes: [100, 2000, 10000, 50000], repeats: 5, paneLines: 2000, readme: false });
  });

  it('choose sizes, repeats, the pane and the README', () => {
    expect(parseOptions(['--sizes', '100,2_000', '--repeats', '3', '--no-pane', '--readme'])).toEqual({ sizes: [100, 2000], repeats: 3, paneLines: null, readme: true });
    expect(parseOptions(['--pane-lines', '500']).paneLines).toBe(500);
  });

  it('refuse what they cannot use, naming it', () => {
    expect(() => parseOptions(['--sizes', '100,abc'])).toThrow(new BenchUsageError('--sizes takes whole numbers above 0, comma-separated (got "100,abc")'));
    expect(() => parseOptions(['--repeats', '0'])).toThrow('--repeats takes whole numbers above 0');
    expect(() => parseOptions(['--repeats', '3,4'])).toThrow('--repeats takes one whole number (got "3,4")');
    expect(() => parseOptions(['--repeats'])).toThrow('--repeats takes whole numbers above 0, comma-separated (got "")');
    expect(() => parseOptions(['--fast'])).toThrow('unknown option "--fast"');
  });
});

describe("README.md's bench block", () => {
  it('is rewritten between its markers; the rest stays as it was', () => {
    const readme = `# Title\n\nBefore.\n\n${README_BEGIN}\nold table\n${README_END}\n\nAfter.\n`;
    expect(withBenchBlock(readme, 'new table')).toBe(`# Title\n\nBefore.\n\n${README_BEGIN}\nnew table\n${README_END}\n\nAfter.\n`);
  });

  it('a README without the markers is an error, not a README with a table appended', () => {
    expect(() => withBenchBlock('# Title\n', 'table')).toThrow('README.md has no bench block');
  });

  it("is in the project's README, so that `npm run bench -- --readme` has a place to write", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(() => withBenchBlock(readme, 'table')).not.toThrow();
  });
});
