/**
 * Nothing lost through output paths: every file the command line will write (-o, --json, the default
 * `.followup.xlsx`, --in-place) is resolved through symlinks and hard links and checked before anything
 * is written. Each case ends in the right exit code and message, with the input and every file that
 * was there before untouched (same bytes, same mode, links still links).
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { actualSheet, budgetSheet, expectClear, put, runCli, tempDir, workbookOf, type CliRun } from './helpers';

let dir: string;
let book: string;
let bookBytes: Uint8Array;

beforeAll(async () => {
  bookBytes = await workbookOf(budgetSheet(), actualSheet());
});
beforeEach(() => {
  dir = tempDir('followup-paths-');
  book = put(dir, 'book.xlsx', bookBytes);
});
afterEach(() => {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (!fs.lstatSync(p).isSymbolicLink()) fs.chmodSync(p, 0o755);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every entry of the folder: what it is, its mode, its bytes (or where a link points). */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) out[f] = `link -> ${fs.readlinkSync(p)}`;
    else if (st.isFile()) out[f] = `file ${(st.mode & 0o777).toString(8)} ${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`;
    else out[f] = st.isDirectory() ? 'folder' : 'other';
  }
  return out;
}

/** Runs the command line and checks that it refused: the exit code, the message, and nothing changed. */
async function refused(code: 1 | 2, message: RegExp, ...argv: string[]): Promise<CliRun> {
  const before = snapshot();
  const r = await runCli('generate', ...argv);
  expectClear(r);
  expect(r.code).toBe(code);
  expect(r.err).toMatch(message);
  expect(r.out).toBe('');
  expect(snapshot()).toEqual(before);
  return r;
}

const at = (name: string): string => path.join(dir, name);

describe('an output that is the workbook being read: usage (exit 2) naming both paths', () => {
  it('-o naming the input itself', async () => {
    await refused(2, /-o ".*book\.xlsx" is the workbook being read \(".*book\.xlsx"\); use --in-place/, book, '-o', book);
  });

  it('-o naming the input another way (./, sub/..)', async () => {
    fs.mkdirSync(at('sub'));
    await refused(2, /is the workbook being read/, book, '-o', path.join(dir, '.', 'sub', '..', 'book.xlsx'));
  });

  it('-o through a symlink to the input', async () => {
    fs.symlinkSync(book, at('link.xlsx'));
    await refused(2, /-o ".*link\.xlsx" is the workbook being read \(".*book\.xlsx"\)/, book, '-o', at('link.xlsx'));
  });

  it('-o naming a hard link to the input', async () => {
    fs.linkSync(book, at('hard.xlsx'));
    await refused(2, /-o ".*hard\.xlsx" is the workbook being read/, book, '-o', at('hard.xlsx'));
  });

  it('--json naming the input (it would have replaced the workbook with JSON text)', async () => {
    await refused(2, /--json ".*book\.xlsx" is the workbook being read .*the JSON would replace it/, book, '--json', book);
  });

  it('--json naming the input with --in-place', async () => {
    await refused(2, /--json ".*book\.xlsx" is the workbook being read/, book, '--in-place', '--json', book);
  });

  it('-o naming a read-only input: the usage mistake is told first', async () => {
    fs.chmodSync(book, 0o444);
    await refused(2, /-o ".*book\.xlsx" is the workbook being read/, book, '-o', book);
  });

  it('--json naming the config file being read', async () => {
    put(dir, 'config.json', '{}');
    await refused(2, /--json ".*config\.json" is the config file being read \(".*config\.json"\)/, book, '-o', at('out.xlsx'), '--config', at('config.json'), '--json', at('config.json'));
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  it('the workbook read through a symlink, -o naming the file it points at', async () => {
    fs.symlinkSync(book, at('link.xlsx'));
    await refused(2, /is the workbook being read \(".*link\.xlsx"\)/, at('link.xlsx'), '-o', book);
  });
});

describe('two outputs that are one file: usage (exit 2) naming both, nothing written', () => {
  it('--json naming the -o file', async () => {
    await refused(2, /-o ".*out\.xlsx" and --json ".*out\.xlsx" are the same file/, book, '-o', at('out.xlsx'), '--json', at('out.xlsx'));
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  it('--json naming the default output', async () => {
    await refused(2, /the default output ".*book\.followup\.xlsx" and --json ".*book\.followup\.xlsx" are the same file/, book, '--json', at('book.followup.xlsx'));
  });

  it('--json through a symlink to the existing -o file', async () => {
    put(dir, 'out.xlsx', 'old');
    fs.symlinkSync(at('out.xlsx'), at('report.json'));
    await refused(2, /are the same file/, book, '-o', at('out.xlsx'), '--json', at('report.json'));
  });

  it('--json naming a hard link to the existing -o file', async () => {
    put(dir, 'out.xlsx', 'old');
    fs.linkSync(at('out.xlsx'), at('report.json'));
    await refused(2, /are the same file/, book, '-o', at('out.xlsx'), '--json', at('report.json'));
  });
});

describe('outputs that cannot be written are found before anything is written (exit 1)', () => {
  it('--json into a folder that does not exist: the workbook is not written either', async () => {
    await refused(1, /cannot write ".*finnes-ikke.*report\.json": its folder does not exist/, book, '-o', at('out.xlsx'), '--json', at('finnes-ikke/report.json'));
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  it('--in-place on a read-only workbook (mode 444)', async () => {
    fs.chmodSync(book, 0o444);
    await refused(1, /cannot write ".*book\.xlsx": the file is read-only/, book, '--in-place');
  });

  it('an existing read-only output', async () => {
    put(dir, 'out.xlsx', 'old');
    fs.chmodSync(at('out.xlsx'), 0o444);
    await refused(1, /"[^"]*out\.xlsx": the file is read-only/, book, '-o', at('out.xlsx'));
  });

  it('an existing read-only JSON file: the workbook is not written either', async () => {
    put(dir, 'report.json', '{}');
    fs.chmodSync(at('report.json'), 0o400);
    await refused(1, /report\.json": the file is read-only/, book, '-o', at('out.xlsx'), '--json', at('report.json'));
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  it('an output that is a folder', async () => {
    fs.mkdirSync(at('out.xlsx'));
    await refused(1, /cannot write ".*out\.xlsx": it is a folder/, book, '-o', at('out.xlsx'));
  });

  it('a default output that is a folder', async () => {
    fs.mkdirSync(at('book.followup.xlsx'));
    await refused(1, /book\.followup\.xlsx": it is a folder/, book);
  });

  it('an output that is a named pipe: refused at once, never opened', async () => {
    execFileSync('mkfifo', [at('out.xlsx')]);
    await refused(1, /out\.xlsx": it is a named pipe/, book, '-o', at('out.xlsx'));
  });

  it('an output folder that is a file', async () => {
    put(dir, 'notes', 'text');
    await refused(1, /its folder does not exist/, book, '-o', at('notes/out.xlsx'));
  });
});

describe('only regular files are read: a pipe, a device or a folder is refused at once (exit 1)', () => {
  it('a named pipe given as the workbook', async () => {
    execFileSync('mkfifo', [at('pipe.xlsx')]);
    await refused(1, /pipe\.xlsx" is a named pipe, not a file; only regular files are read/, at('pipe.xlsx'), '-o', at('out.xlsx'));
  });

  it('a device given as the workbook', async () => {
    await refused(1, /"\/dev\/zero" is a device, not a file/, '/dev/zero', '-o', at('out.xlsx'));
  });

  it('a named pipe given as the config file', async () => {
    execFileSync('mkfifo', [at('config.json')]);
    await refused(1, /config\.json" is a named pipe/, book, '-o', at('out.xlsx'), '--config', at('config.json'));
  });

  it('a folder given as the workbook', async () => {
    fs.mkdirSync(at('mappe.xlsx'));
    await refused(1, /mappe\.xlsx" is a folder/, at('mappe.xlsx'), '-o', at('out.xlsx'));
  });
});

describe('what is written keeps what was there', () => {
  it('a replaced output keeps its mode', async () => {
    put(dir, 'out.xlsx', 'old');
    fs.chmodSync(at('out.xlsx'), 0o640);
    const r = await runCli('generate', book, '-o', at('out.xlsx'));
    expect(r.code).toBe(0);
    expect(fs.statSync(at('out.xlsx')).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(at('out.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('--in-place keeps the workbook\'s mode', async () => {
    fs.chmodSync(book, 0o600);
    const r = await runCli('generate', book, '--in-place');
    expect(r.code).toBe(0);
    expect(fs.statSync(book).mode & 0o777).toBe(0o600);
  });

  it('-o through a symlink writes the file it points at; the link stays a link', async () => {
    fs.mkdirSync(at('real'));
    put(dir, 'real/out.xlsx', 'old');
    fs.symlinkSync(at('real/out.xlsx'), at('out.xlsx'));
    const r = await runCli('generate', book, '-o', at('out.xlsx'));
    expect(r.code).toBe(0);
    expect(fs.lstatSync(at('out.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(at('real/out.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(Buffer.from(fs.readFileSync(book)).equals(Buffer.from(bookBytes))).toBe(true);
  });

  it('--in-place on a symlink writes the workbook it points at; the link stays a link', async () => {
    fs.symlinkSync(book, at('link.xlsx'));
    const r = await runCli('generate', at('link.xlsx'), '--in-place');
    expect(r.code).toBe(0);
    expect(fs.lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(Buffer.from(fs.readFileSync(book)).equals(Buffer.from(bookBytes))).toBe(false);
  });
});

describe('exit 2 is for the command line\'s usage only', () => {
  it('a refusal from writing the workbook (the kind the port calls usage) is exit 1, and nothing is written', async () => {
    const { XlsxWorkbook } = await import('../../src/workbook/xlsx/workbook');
    const { FollowUpError } = await import('../../src/core/errors');
    const spy = jest.spyOn(XlsxWorkbook.prototype, 'writeSheet').mockImplementation(async (layout) => {
      throw new FollowUpError('usage', `the sheet "${layout.name}" would run past Excel's last row`);
    });
    try {
      await refused(1, /would run past Excel's last row/, book, '-o', at('out.xlsx'));
    } finally {
      spy.mockRestore();
    }
  });

  it('an unknown option is exit 2 with the usage', async () => {
    const r = await refused(2, /Unknown option '--svg'/, book, '--svg', at('out.svg'));
    expect(r.err).toMatch(/Usage: followup generate/);
  });
});
