/**
 * Broken or unusual packages: a relationship to a part that is missing, a target that differs from its
 * part's name only in case, duplicate and case-clashing part names, and XML parts stored as UTF-16.
 * Each is refused naming the part (exit 1) or read around; a part the follow-up adds never takes a
 * name that an existing part or relationship already has, in any case.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import { actualSheet, budgetSheet, expectClear, put, runCli, sheetParts, tempDir, workbookOf, type CliRun } from './helpers';

let dir: string;
beforeEach(() => {
  dir = tempDir('followup-package-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Report {
  lines: { key: string; budget: string | null; actual: string | null }[];
  total: { budget: string | null; actual: string | null };
}

async function generate(name: string, bytes: Uint8Array): Promise<{ r: CliRun; out: string; report: Report | null }> {
  const input = put(dir, name, bytes);
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'report.json');
  const r = await runCli('generate', input, '-o', out, '--json', json, '--lang', 'en');
  expectClear(r);
  expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
  if (r.code !== 0) expect(fs.readdirSync(dir)).toEqual([name]);
  return { r, out, report: r.code === 0 ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Report) : null };
}

async function plain(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await workbookOf(budgetSheet(), actualSheet()));
}

/** Adds a sheet to workbook.xml whose relationship points at `target` (relative to xl/). */
function addSheetRel(files: Record<string, Uint8Array>, name: string, target: string): void {
  const wb = strFromU8(files['xl/workbook.xml']);
  files['xl/workbook.xml'] = strToU8(wb.replace('</sheets>', `<sheet name="${name}" sheetId="90" r:id="rIdGone"/></sheets>`));
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels.replace('</Relationships>', `<Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/></Relationships>`),
  );
}

/** Each sheet of a written package and the part its relationship names, as stored (case kept). */
function targetsOf(file: string): { files: Record<string, Uint8Array>; parts: Map<string, string> } {
  const files = unzipSync(fs.readFileSync(file));
  return { files, parts: sheetParts(files) };
}

const lower = (names: Iterable<string>): string[] => [...names].map((n) => n.toLowerCase());

/** The package's parts keyed in lower case, as OPC compares part names. */
function hasPart(files: Record<string, Uint8Array>, part: string): boolean {
  return lower(Object.keys(files)).includes(part.toLowerCase());
}

describe('relationships to parts that are missing or named in another case', () => {
  it('a sheet whose part is missing is read around, and no new sheet is written into its name', async () => {
    const files = await plain();
    const next = `worksheets/sheet${Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length + 1}.xml`;
    addSheetRel(files, 'Borte', next);
    const { r, out, report } = await generate('mangler.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(0);
    expect(report?.lines).toHaveLength(3);
    const { files: written, parts } = targetsOf(out);
    expect(parts.get('Borte')).toBe(`xl/${next}`);
    expect(hasPart(written, `xl/${next}`)).toBe(false);
    const generated = [...parts].filter(([name]) => !['Budsjett', 'Regnskap', 'Borte'].includes(name));
    expect(generated.length).toBeGreaterThanOrEqual(2);
    for (const [, part] of generated) expect(hasPart(written, part)).toBe(true);
    expect(new Set(lower(parts.values())).size).toBe(parts.size);
  });

  it('a missing part named in capitals still claims its name in any case', async () => {
    const files = await plain();
    const count = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length;
    addSheetRel(files, 'Borte', `WORKSHEETS/SHEET${count + 1}.XML`);
    const { r, out } = await generate('store.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(0);
    const { parts } = targetsOf(out);
    expect(new Set(lower(parts.values())).size).toBe(parts.size);
  });

  it('a target that differs from its part only in case: read, and every sheet in the output has its part', async () => {
    const files = await plain();
    const part = sheetParts(files).get('Regnskap') as string;
    const renamed = part.replace(/sheet(\d+)\.xml$/, 'Sheet$1.XML');
    files[renamed] = files[part];
    delete files[part];
    const { r, out, report } = await generate('skiftet.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(0);
    expect(report?.total.actual).toBe('14700000');
    const { files: written, parts } = targetsOf(out);
    for (const [, p] of parts) expect(hasPart(written, p)).toBe(true);
    expect(new Set(lower(parts.values())).size).toBe(parts.size);
  });

  it('notes parts of the follow-up never take a name a relationship already claims', async () => {
    const files = await plain();
    const part = sheetParts(files).get('Budsjett') as string;
    const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
    files[relsPart] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../Comments1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/VMLDrawing1.vml"/></Relationships>',
    );
    const wb = XlsxWorkbook.open(zipSync(files as Zippable), 'notater.xlsx');
    await wb.addPlainSheet({ name: 'Ny', cells: [{ row: 0, col: 0, value: 'Tall', note: 'Merknad til revisor' }] });
    const written = wb.partNames();
    expect(lower(written)).not.toContain('xl/comments1.xml');
    expect(lower(written)).not.toContain('xl/drawings/vmldrawing1.vml');
    expect(written.some((n) => /^xl\/comments\d+\.xml$/.test(n))).toBe(true);
  });
});

describe('duplicate part names are refused, naming the part (exit 1)', () => {
  /** A package holding `name` twice: written under a stand-in name, then the name's bytes patched. */
  function twice(files: Record<string, Uint8Array>, name: string, other: string): Uint8Array {
    expect(other).toHaveLength(name.length);
    files[other] = files[name];
    const zip = zipSync(files as Zippable);
    const from = strToU8(other);
    const to = strToU8(name);
    for (let p = 0; p + from.length <= zip.length; p++) {
      if (from.every((b, i) => zip[p + i] === b)) zip.set(to, p);
    }
    return zip;
  }

  it('the same part name twice', async () => {
    const files = await plain();
    const part = sheetParts(files).get('Regnskap') as string;
    const { r } = await generate('dobbel.xlsx', twice(files, part, part.replace('.xml', '.xmQ')));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`dobbel\\.xlsx" is damaged and cannot be opened: the zip file holds ${part.replace(/[./]/g, '\\$&')} twice`));
  });

  it('two part names that differ only in case', async () => {
    const files = await plain();
    const part = sheetParts(files).get('Regnskap') as string;
    files[part.toUpperCase()] = files[part];
    const { r } = await generate('kasus.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kasus\.xlsx" is damaged and cannot be opened: the zip file holds .*sheet\d\.xml twice \(also as XL\/WORKSHEETS\/SHEET\d\.XML; part names are the same in any case\)/i);
  });
});

describe('XML parts stored as UTF-16 are read', () => {
  const utf16le = (xml: string): Uint8Array => {
    const text = xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) out[2 + 2 * i] = text.charCodeAt(i) & 0xff, (out[3 + 2 * i] = text.charCodeAt(i) >> 8);
    return out;
  };
  const utf16beNoBom = (xml: string): Uint8Array => {
    const text = xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) out[2 * i] = text.charCodeAt(i) >> 8, (out[2 * i + 1] = text.charCodeAt(i) & 0xff);
    return out;
  };

  it('sheets, workbook, relationships and content types in UTF-16 give the same follow-up as in UTF-8', async () => {
    const files = await plain();
    const { report: expected } = await generate('utf8.xlsx', zipSync({ ...files } as Zippable));
    fs.rmSync(path.join(dir, 'out.xlsx'));
    fs.rmSync(path.join(dir, 'report.json'));
    fs.rmSync(path.join(dir, 'utf8.xlsx'));
    const parts = sheetParts(files);
    for (const p of [parts.get('Regnskap') as string, 'xl/workbook.xml', '[Content_Types].xml']) files[p] = utf16le(strFromU8(files[p]));
    for (const p of [parts.get('Budsjett') as string, 'xl/_rels/workbook.xml.rels']) files[p] = utf16beNoBom(strFromU8(files[p]));
    const { r, report, out } = await generate('utf16.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(0);
    expect(report?.lines).toEqual(expected?.lines);
    expect(report?.total.actual).toBe('14700000');
    expect(targetsOf(out).parts.size).toBeGreaterThanOrEqual(4);
  });

  it('a label in a UTF-16 sheet keeps its letters (æøå, €)', async () => {
    const files: Record<string, Uint8Array> = unzipSync(await workbookOf(budgetSheet([['3100 Hjemmetjenesten Øst €', 1_000_000]]), actualSheet([['3100 Hjemmetjenesten Øst €', 1_000_000]])));
    const part = sheetParts(files).get('Regnskap') as string;
    files[part] = utf16le(strFromU8(files[part]));
    const { r, report } = await generate('tegn.xlsx', zipSync(files as Zippable));
    expect(r.code).toBe(0);
    expect(report?.lines.map((l) => l.key)).toHaveLength(1);
    expect(report?.lines[0].actual).toBe('4200000');
  });
});
