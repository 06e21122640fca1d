/**
 * Inflate limits, checked before and while inflating, never after: a part past 256 MB (named in the
 * message), a part that inflates hundreds of times its stored size, a header that understates what a
 * part inflates to (stopped at the stated size), and the total of the parts read. Each ends in exit 1
 * with one message naming the file and the part, and nothing written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ZipError, ZipPackage, setZipCodec } from '../../src/workbook/xlsx/zip';
import { useNodeZlib } from '../../src/workbook/xlsx/file';
import { actualSheet, budgetSheet, expectClear, put, runCli, sheetParts, tempDir, workbookOf } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-zip-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The central directory and local header of `name` made to state `size` as its inflated size. */
function stateSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    if (len !== nameBytes.length || strFromU8(out.subarray(p + 46, p + 46 + len)) !== name) continue;
    view.setUint32(p + 24, size, true);
    view.setUint32(view.getUint32(p + 42, true) + 22, size, true);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

/** A workbook whose sheet "Regnskap" carries `padding` bytes of spaces inside its sheetData. */
async function paddedSheet(padding: number): Promise<{ bytes: Uint8Array; part: string }> {
  const files = unzipSync(await workbookOf(budgetSheet(), actualSheet()));
  const part = sheetParts(files).get('Regnskap') as string;
  const xml = strFromU8(files[part]);
  const at = xml.indexOf('</sheetData>');
  const pad = new Uint8Array(padding).fill(0x20);
  const head = strToU8(xml.slice(0, at));
  const tail = strToU8(xml.slice(at));
  const whole = new Uint8Array(head.length + pad.length + tail.length);
  whole.set(head, 0);
  whole.set(pad, head.length);
  whole.set(tail, head.length + pad.length);
  // written with zlib (the package's own writer): fflate takes seconds to deflate 300 MB
  const pkg = ZipPackage.read(zipSync(files as Zippable));
  pkg.set(part, whole);
  return { bytes: pkg.toBytes(), part };
}

/** A workbook with a shared strings part (one cell uses it), so that reading the sheet inflates it. */
async function withSharedStrings(): Promise<Uint8Array> {
  const files = unzipSync(await workbookOf(budgetSheet(), actualSheet()));
  files['xl/sharedStrings.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>Merknad</t></si></sst>');
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace('</Relationships>', '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
  );
  const part = sheetParts(files).get('Regnskap') as string;
  files[part] = strToU8(strFromU8(files[part]).replace('</sheetData>', '<row r="40"><c r="A40" t="s"><v>0</v></c></row></sheetData>'));
  return zipSync(files as Zippable);
}

async function refused(name: string, bytes: Uint8Array, message: RegExp): Promise<void> {
  const input = put(dir, name, bytes);
  const out = path.join(dir, 'out.xlsx');
  const r = await runCli('generate', input, '-o', out, '--json', path.join(dir, 'report.json'));
  expectClear(r);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(message);
  expect(fs.readdirSync(dir)).toEqual([name]);
  expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
}

describe('a part past the per-part limit is refused before it is inflated, naming the part', () => {
  it('shared strings stated as 1.2 GB (a 3.5 MB file that would take 5 GB of memory)', async () => {
    const bytes = stateSize(await withSharedStrings(), 'xl/sharedStrings.xml', 1_200 * 2 ** 20);
    await refused('sst.xlsx', bytes, /sst\.xlsx" is too large to read: xl\/sharedStrings\.xml inflates to 1\.2 GB; at most 256 MB is read for one part/);
  });

  it('a sheet of 300 MB (a real one: spaces inside its data)', async () => {
    const { bytes, part } = await paddedSheet(300 * 2 ** 20);
    expect(bytes.length).toBeLessThan(2 * 2 ** 20);
    await refused('stor.xlsx', bytes, new RegExp(`stor\\.xlsx" is too large to read: ${part.replace(/[./]/g, '\\$&')} inflates to 300 MB`));
  }, 60_000);

  it('a sheet that inflates 1,000 times its stored size (under the part limit)', async () => {
    const { bytes, part } = await paddedSheet(100 * 2 ** 20);
    await refused('bombe.xlsx', bytes, new RegExp(`${part.replace(/[./]/g, '\\$&')} inflates to 100 MB from \\d+ kB \\(\\d+ times; at most 500 times is read\\)`));
  }, 60_000);
});

describe('a header that understates the size stops inflating at the stated size', () => {
  it('a 50 MB sheet stated as 2,000 bytes', async () => {
    const { bytes, part } = await paddedSheet(50 * 2 ** 20);
    await refused('luring.xlsx', stateSize(bytes, part, 2000), new RegExp(`is damaged and cannot be opened: entry ${part.replace(/[./]/g, '\\$&')} inflates to more than the 2000 bytes its header states`));
  }, 60_000);

  it('the same in the browser (fflate, not zlib)', async () => {
    const { bytes, part } = await paddedSheet(50 * 2 ** 20);
    setZipCodec(null);
    try {
      const pkg = ZipPackage.read(stateSize(bytes, part, 2000));
      expect(() => pkg.get(part)).toThrow(/inflates to more than the 2000 bytes its header states/);
    } finally {
      useNodeZlib();
    }
  }, 60_000);
});

describe('the total of the parts read is limited, each part counted once', () => {
  it('the part that would bring the total past the limit is named', async () => {
    const files: Zippable = {};
    for (let i = 1; i <= 4; i++) files[`p${i}.xml`] = strToU8(`<a>${'x'.repeat(1000)}</a>`);
    const pkg = ZipPackage.read(zipSync(files));
    pkg.limits = { part: 2000, total: 3100, ratio: 500, ratioFrom: 1 << 20 };
    for (let i = 1; i <= 3; i++) expect(pkg.get(`p${i}.xml`)?.length).toBe(1007);
    expect(pkg.get('p1.xml')?.length).toBe(1007); // read again: not counted twice
    let error: unknown = null;
    try {
      pkg.get('p4.xml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).message).toMatch(/^p4\.xml would bring the parts read to 4 kB; at most 3 kB is read from one workbook/);
  });
});
