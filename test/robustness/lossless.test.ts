/**
 * Nothing lost. The command line with `-o` and with `--in-place`, on the real LibreOffice pivot
 * workbook, the Drammen workbook, the example workbooks and a macro workbook (.xlsm) built here from a
 * fixture's parts: every part of the package before is there after, byte for byte, except the four the
 * writer edits (workbook.xml, its rels, [Content_Types].xml, styles.xml) — and those still hold every
 * element they held (sheets, defined names, pivot caches, relationships, content types, styles).
 * And atomic writes: a crash while writing leaves the input as it was and no partial output.
 */
import * as crypto from 'crypto';
import fs = require('fs');
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { EXAMPLES, FIXTURES, LEDGER, expectClear, runCli, tempDir } from './helpers';

const DRAMMEN = path.join(FIXTURES, 'no-drammen-p06-2022-02.xlsx');
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
const VBA_CT = 'application/vnd.ms-office.vbaProject';
const MACRO_MAIN_CT = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-lossless-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

// ------------------------------------------------------------------------------------------ XML

/** An element as comparable text: name, attributes sorted, children in order, text. Prefixes do not matter. */
function canonical(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs.push(`{${a.namespaceURI ?? ''}}${a.localName ?? a.name}=${a.value}`);
  }
  attrs.sort();
  let inner = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) inner += canonical(n as Element);
    else if (n.nodeType === 3 || n.nodeType === 4) inner += (n.nodeValue ?? '').trim();
  }
  return `<{${el.namespaceURI ?? ''}}${el.localName ?? el.nodeName} ${attrs.join(' ')}>${inner}</>`;
}

function root(bytes: Uint8Array): Element {
  return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml').documentElement as Element;
}

function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!local || (n as Element).localName === local)) out.push(n as Element);
  return out;
}

/** Every element of `list` (canonical) is in `after`'s list, as many times. */
function expectAllKept(before: readonly Element[], after: readonly Element[], what: string): void {
  const left = new Map<string, number>();
  for (const e of after.map(canonical)) left.set(e, (left.get(e) ?? 0) + 1);
  for (const e of before.map(canonical)) {
    const n = left.get(e) ?? 0;
    if (n === 0) throw new Error(`${what}: lost ${e}`);
    left.set(e, n - 1);
  }
}

/** The edited parts still hold what they held. */
function expectEditedPartsKeepTheirElements(before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): void {
  const wbBefore = root(before['xl/workbook.xml']);
  const wbAfter = root(after['xl/workbook.xml']);
  // every top-level element is still there, in the same order
  const names = (el: Element): string[] => children(el).map((c) => c.localName ?? '');
  expect(names(wbAfter).filter((n) => names(wbBefore).includes(n))).toEqual(names(wbBefore));
  for (const container of ['sheets', 'definedNames', 'pivotCaches', 'externalReferences', 'bookViews', 'extLst']) {
    for (const [i, el] of children(wbBefore, container).entries()) {
      const now = children(wbAfter, container)[i];
      expect(now).toBeDefined();
      expectAllKept(children(el), children(now), `workbook.xml ${container}`);
    }
  }
  // the sheets keep their order, names, ids and relationships
  const sheetList = (el: Element): string[] => children(children(el, 'sheets')[0] ?? el, 'sheet').map(canonical);
  expect(sheetList(wbAfter).slice(0, sheetList(wbBefore).length)).toEqual(sheetList(wbBefore));

  expectAllKept(children(root(before['xl/_rels/workbook.xml.rels'])), children(root(after['xl/_rels/workbook.xml.rels'])), 'workbook.xml.rels');
  expectAllKept(children(root(before['[Content_Types].xml'])), children(root(after['[Content_Types].xml'])), '[Content_Types].xml');

  if (before['xl/styles.xml']) {
    // styles are only added: every list (number formats, fonts, fills, borders, cell formats, ...) starts with what it had
    const sBefore = root(before['xl/styles.xml']);
    const sAfter = root(after['xl/styles.xml']);
    for (const list of children(sBefore)) {
      const now = children(sAfter, list.localName ?? '')[0];
      expect(now).toBeDefined();
      const had = children(list).map(canonical);
      if (had.length === 0) continue;
      expect(children(now).map(canonical).slice(0, had.length)).toEqual(had);
    }
  }
}

function expectNothingLost(before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): void {
  for (const [name, bytes] of Object.entries(before)) {
    expect({ name, present: after[name] !== undefined }).toEqual({ name, present: true });
    if (!EDITED.has(name)) expect({ name, same: Buffer.from(after[name]).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
  }
  expectEditedPartsKeepTheirElements(before, after);
}

// ------------------------------------------------------------------------------------------ workbooks

/** An .xlsm: a fixture's parts with a VBA project part, its relationship and the macro content types. */
function macroWorkbook(from: string): Uint8Array {
  const files = unzipSync(new Uint8Array(fs.readFileSync(from)));
  const vba = new Uint8Array(2048);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 31) & 0xff;
  files['xl/vbaProject.bin'] = vba;
  const ct = strFromU8(files['[Content_Types].xml'])
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_MAIN_CT)
    .replace('</Types>', `<Default Extension="bin" ContentType="${VBA_CT}"/></Types>`);
  files['[Content_Types].xml'] = strToU8(ct);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    strFromU8(files['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  return zipSync(files as Zippable);
}

const WORKBOOKS: [string, () => Uint8Array][] = [
  ['lo-real-pivot-ledger.xlsx', () => new Uint8Array(fs.readFileSync(LEDGER))],
  ['no-drammen-p06-2022-02.xlsx', () => new Uint8Array(fs.readFileSync(DRAMMEN))],
  ...EXAMPLES.map((f): [string, () => Uint8Array] => [path.basename(f), () => new Uint8Array(fs.readFileSync(f))]),
  ['makro.xlsm', () => macroWorkbook(LEDGER)],
];

describe.each(WORKBOOKS)('%s', (name, make) => {
  let input: string;
  let before: Record<string, Uint8Array>;
  beforeEach(() => {
    input = path.join(dir, name);
    fs.writeFileSync(input, make());
    before = unzipSync(new Uint8Array(fs.readFileSync(input)));
  });

  it('-o: every part of the input is in the output, untouched parts byte for byte; the input is unchanged', async () => {
    const hash = sha(input);
    const out = path.join(dir, name.replace(/(\.\w+)$/, '.ut$1'));
    const r = await runCli('generate', input, '-o', out);
    expectClear(r);
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(hash);
    const after = unzipSync(new Uint8Array(fs.readFileSync(out)));
    expectNothingLost(before, after);
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    // it opens again, with the follow-up sheets after the people's
    const sheets = (await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(out)), name).listSheets()).map((s) => s.name);
    const oldSheets = (await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(input)), name).listSheets()).map((s) => s.name);
    expect(sheets.slice(0, oldSheets.length)).toEqual(oldSheets);
    expect(sheets.length).toBeGreaterThan(oldSheets.length);
  });

  it('--in-place twice: the second run replaces only its own sheets; nothing of the original is lost', async () => {
    for (let run = 0; run < 2; run++) {
      const r = await runCli('generate', input, '--in-place');
      expectClear(r);
      expect(r.code).toBe(0);
    }
    const after = unzipSync(new Uint8Array(fs.readFileSync(input)));
    expectNothingLost(before, after);
    const sheets = (await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(input)), name).listSheets()).map((s) => s.name);
    expect(new Set(sheets).size).toBe(sheets.length);
    expect(sheets.filter((s) => / \(2\)$/.test(s))).toEqual([]);
  });
});

describe('a macro workbook (.xlsm)', () => {
  it('keeps its VBA project byte for byte and its macro content types, and is written as .xlsm by default', async () => {
    const input = path.join(dir, 'rapport.xlsm');
    fs.writeFileSync(input, macroWorkbook(LEDGER));
    const r = await runCli('generate', input);
    expectClear(r);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'rapport.followup.xlsm');
    expect(fs.existsSync(out)).toBe(true);
    const after = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const vba = unzipSync(new Uint8Array(fs.readFileSync(input)))['xl/vbaProject.bin'];
    expect(Buffer.from(after['xl/vbaProject.bin']).equals(Buffer.from(vba))).toBe(true);
    const ct = strFromU8(after['[Content_Types].xml']);
    expect(ct).toContain(MACRO_MAIN_CT);
    expect(ct).toContain(VBA_CT);
    expect(strFromU8(after['xl/_rels/workbook.xml.rels'])).toMatch(/relationships\/vbaProject" Target="vbaProject\.bin"/);
  });
});

describe('atomic writes', () => {
  const realFs = fs;

  function leftovers(): string[] {
    return realFs.readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'));
  }

  afterEach(() => jest.restoreAllMocks());

  it('a crash at the rename (--in-place): the input is as it was, no temporary file is left, one clear message', async () => {
    const input = path.join(dir, 'budsjett.xlsx');
    realFs.copyFileSync(EXAMPLES[0], input);
    const hash = sha(input);
    jest.spyOn(realFs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    const r = await runCli('generate', input, '--in-place');
    expectClear(r);
    expect(r.code).toBe(1);
    expect(r.err).toContain('budsjett.xlsx');
    expect(sha(input)).toBe(hash);
    expect(leftovers()).toEqual([]);
  });

  it('a full disk halfway through writing (-o): no partial output, the input untouched', async () => {
    const input = path.join(dir, 'budsjett.xlsx');
    realFs.copyFileSync(EXAMPLES[0], input);
    const hash = sha(input);
    const out = path.join(dir, 'ut.xlsx');
    const write = realFs.writeSync;
    let calls = 0;
    jest.spyOn(realFs, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      calls++;
      if (calls > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      // the first call writes only half of what it was given, as a full disk would
      return write(fd, buffer, offset ?? 0, Math.floor((length ?? buffer.length) / 2));
    }) as typeof realFs.writeSync);
    const r = await runCli('generate', input, '-o', out);
    expectClear(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ut\.xlsx.*disk is full/);
    expect(calls).toBeGreaterThan(1);
    expect(realFs.existsSync(out)).toBe(false);
    expect(sha(input)).toBe(hash);
    expect(leftovers()).toEqual([]);
  });

  it('an existing output survives a failed write whole', async () => {
    const input = path.join(dir, 'budsjett.xlsx');
    realFs.copyFileSync(EXAMPLES[0], input);
    const out = path.join(dir, 'ut.xlsx');
    realFs.writeFileSync(out, 'the previous output');
    jest.spyOn(realFs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    });
    const r = await runCli('generate', input, '-o', out);
    expectClear(r);
    expect(r.code).toBe(1);
    expect(realFs.readFileSync(out, 'utf8')).toBe('the previous output');
    expect(leftovers()).toEqual([]);
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? it.skip : it)('a read-only output folder: one clear message, nothing written', async () => {
    const input = path.join(dir, 'budsjett.xlsx');
    realFs.copyFileSync(EXAMPLES[0], input);
    const locked = path.join(dir, 'låst');
    realFs.mkdirSync(locked);
    realFs.chmodSync(locked, 0o555);
    try {
      const r = await runCli('generate', input, '-o', path.join(locked, 'ut.xlsx'));
      expectClear(r);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/permission denied/);
      expect(realFs.readdirSync(locked)).toEqual([]);
    } finally {
      realFs.chmodSync(locked, 0o755);
    }
  });
});
