/**
 * The xlsx file adapter: the Workbook port over an .xlsx/.xlsm package, in Node and in the browser.
 *
 * A user's workbook comes back WHOLE. There is no object model round trip: the zip package is opened,
 * what is needed is read, and only our own parts are added or replaced (generated worksheet parts and
 * their notes), with the smallest edits to workbook.xml, its rels, [Content_Types].xml and
 * styles.xml. Every other entry — pivot tables and caches, charts, drawings, printer settings, VBA —
 * is written back byte for byte, in its original order.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { FollowUpError } from '../../core/errors';
import type { CellRange, CellValue, Grid } from '../../core/grid';
import { cellA1, quoteSheet, sheetCell } from '../../core/grid';
import type { SheetLayout } from '../../report/layout';
import type { PivotDefinition, PivotInfo, SheetInfo, Workbook } from '../port';
import { readPivotDefinition } from './pivot-parts';
import { CT, ContentTypes, REL, RelsPart, dirOf, relKind, relativeTarget, relsPartOf, resolveTarget } from './opc';
import { CellTextTooLong, keptValues, parseRangeRef, quickUsedRange, readSharedStrings, readWorksheet } from './sheetReader';
import type { SheetCells } from './sheetReader';
import { buildComments, buildVml, buildWorksheet, validateLayout } from './sheetWriter';
import { buildChart, buildDrawing, cellLookup } from './chartWriter';
import { buildExternalLink, type ExternalSheet } from './externalLink';
import { Styles } from './styles';
import {
  NS_MAIN,
  NS_REL,
  NS_STRICT_MAIN,
  XML_DECL,
  XmlError,
  attr,
  childElements,
  createLike,
  ensureChild,
  firstChild,
  parseXml,
  serializeXml,
  utf8Xml,
  xmlBool,
} from './xml';
import { ZipError, ZipPackage } from './zip';
import { checkSheetName, MARKER_NAME, SETTINGS_CHUNK, SETTINGS_MARKER, SETTINGS_SHEET, readArea, settingsCells, stringFormulaValue } from '../conventions';

export { MARKER_NAME, SETTINGS_CHUNK, SETTINGS_MARKER, SETTINGS_SHEET };

/**
 * The most cells a sheet's used range may span to be read: a grid is dense, so one stray entry at
 * XFD1048576 would otherwise ask for 17 billion cells. 20 million is a million-row sheet of 20 columns.
 */
export const MAX_GRID_CELLS = 20_000_000;
const NOTE_AUTHOR = 'Budget Follow-up';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

type SheetState = 'visible' | 'hidden' | 'veryHidden';

interface SheetEntry {
  readonly el: Element;
  name: string;
  readonly sheetId: number;
  readonly rId: string;
  state: SheetState;
  /** Part name of the sheet (null when its relationship is broken). */
  readonly part: string | null;
  /** `worksheet`, `chartsheet`, `dialogsheet`, ... */
  readonly kind: string;
}

function badFile(fileName: string, what: string): FollowUpError {
  return new FollowUpError('bad-input', `"${fileName}" ${what}`);
}

function zipFailure(fileName: string, e: ZipError): FollowUpError {
  if (e.problem === 'not-zip') return badFile(fileName, 'is not an Excel workbook (.xlsx): it is not a zip package');
  if (e.problem === 'encrypted') return badFile(fileName, 'is password-protected; remove the password in Excel and try again');
  if (e.problem === 'too-large') return badFile(fileName, `is too large to read: ${e.message}`);
  return badFile(fileName, `is damaged and cannot be opened: ${e.message}`);
}

/** The part a relationships part belongs to: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → the package (''). */
function sourceOfRels(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : '';
}

function randomGuid(): string {
  const bytes = new Uint8Array(16);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && c.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

function newWorkbookParts(): ZipPackage {
  const zip = ZipPackage.empty();
  zip.set(
    '[Content_Types].xml',
    XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
      '</Types>',
  );
  zip.set(
    '_rels/.rels',
    XML_DECL +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.set(
    'xl/workbook.xml',
    XML_DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  zip.set(
    'xl/_rels/workbook.xml.rels',
    XML_DECL +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
  zip.set('xl/styles.xml', new Styles(null).serialize());
  return zip;
}

interface GridArrays {
  readonly values: CellValue[][];
  readonly formats: string[][];
  readonly formulas: (string | null)[][];
}

/** Shared by the rows of a sparse grid that hold nothing (never written to). */
const NO_VALUES: CellValue[] = [];
const NO_FORMATS: string[] = [];
const NO_FORMULAS: (string | null)[] = [];

/** A row of `width` cells, each `blank`: a copy of `filled`'s row of that width (copying costs less than filling). */
function blankRow<T>(filled: Map<number, T[]>, width: number, blank: T): T[] {
  let row = filled.get(width);
  if (!row) filled.set(width, (row = new Array<T>(width).fill(blank)));
  return row.slice();
}

/**
 * A sheet's cells in `area` as row arrays. Dense (every row as wide as the area) when the area is
 * within MAX_GRID_CELLS; otherwise sparse, judged by the cells the sheet holds and not by the corners
 * they reach: a row holding nothing is an empty array, a row as long as its last cell with content
 * (the core reads a short row's missing cells as blank). Null when even that is past MAX_GRID_CELLS.
 * Takes `cells`' lines as its rows where they are whole rows: `cells` are read for one grid.
 */
function gridArrays(cells: SheetCells, area: CellRange, withFormulas: boolean): GridArrays | null {
  const { top, left, bottom, right } = area;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const { rows, cols, xfs, lines, lineStarts, formatCodes } = cells;
  const rowWidth: number[] = new Array<number>(height).fill(height * width <= MAX_GRID_CELLS ? width : 0);
  if (height * width > MAX_GRID_CELLS) {
    let held = 0;
    for (let k = 0; k < lines.length; k++) {
      const from = lineStarts[k];
      const r = rows[from] - top;
      if (r < 0 || r >= height) continue;
      for (let j = 0; j < lines[k].length; j++) {
        const i = from + j;
        if (cols[i] < left || cols[i] > right || (lines[k][j] === null && (cells.formulas[i] ?? null) === null)) continue;
        const w = cols[i] - left + 1;
        if (w > rowWidth[r]) ((held += w - rowWidth[r]), (rowWidth[r] = w));
      }
    }
    if (held > MAX_GRID_CELLS) return null;
  }
  const values: (CellValue[] | undefined)[] = new Array<CellValue[] | undefined>(height).fill(undefined);
  const formats: (string[] | undefined)[] = new Array<string[] | undefined>(height).fill(undefined);
  const formulas: ((string | null)[] | undefined)[] = new Array<(string | null)[] | undefined>(height).fill(undefined);
  const blank = { values: new Map<number, CellValue[]>(), formats: new Map<number, string[]>(), formulas: new Map<number, (string | null)[]>() };
  for (let k = 0; k < lines.length; k++) {
    const from = lineStarts[k];
    const line = lines[k];
    const r = rows[from] - top;
    if (r < 0 || r >= height) continue;
    const w = rowWidth[r];
    if (w === 0) continue;
    if (values[r] === undefined && line.length === w && cols[from] === left && consecutive(cols, from, w)) {
      // The usual row: a line of the row's cells, each in its column.
      values[r] = line;
      const f = new Array<string>(w);
      for (let j = 0; j < w; j++) f[j] = formatCodes[xfs[from + j]] ?? 'General';
      formats[r] = f;
      if (withFormulas) formulas[r] = cells.formulas.slice(from, from + w);
      continue;
    }
    for (let j = 0; j < line.length; j++) {
      const i = from + j;
      const c = cols[i] - left;
      if (c < 0 || c >= w) continue; // outside the area, or a formatted empty cell past the row's last content
      (values[r] ??= blankRow(blank.values, w, null))[c] = line[j];
      (formats[r] ??= blankRow(blank.formats, w, 'General'))[c] = formatCodes[xfs[i]] ?? 'General';
      if (withFormulas) (formulas[r] ??= blankRow(blank.formulas, w, null))[c] = cells.formulas[i];
    }
  }
  const filled = <T>(made: (T[] | undefined)[], blanks: Map<number, T[]>, cell: T, none: T[]): T[][] =>
    made.map((row, r) => row ?? (rowWidth[r] > 0 ? blankRow(blanks, rowWidth[r], cell) : none));
  return {
    values: filled(values, blank.values, null, NO_VALUES),
    formats: filled(formats, blank.formats, 'General', NO_FORMATS),
    formulas: withFormulas ? filled(formulas, blank.formulas, null, NO_FORMULAS) : [],
  };
}

/** Whether `cols[from]` to `cols[from + n - 1]` are consecutive columns. */
function consecutive(cols: Float64Array, from: number, n: number): boolean {
  for (let j = 1; j < n; j++) if (cols[from + j] !== cols[from] + j) return false;
  return true;
}

export class XlsxWorkbook implements Workbook {
  private readonly wbPart: string;
  private readonly wbDoc: Document;
  private readonly wbRels: RelsPart;
  private readonly strict: boolean;
  private readonly date1904: boolean;
  private sheets: SheetEntry[];
  private wbDirty = false;
  private contentTypesPart: ContentTypes | null = null;
  private stylesPart: Styles | null = null;
  private sharedStringsCache: string[] | null = null;
  private readonly usedCache = new Map<string, CellRange | null>();
  /** People's sheets' cells, read when listed, until their first `readSheet` (by part). */
  private readonly listedCells = new Map<string, SheetCells>();
  private readonly relsCache = new Map<string, RelsPart>();

  private constructor(
    private readonly zip: ZipPackage,
    readonly fileName: string,
  ) {
    const rootRels = this.xml('_rels/.rels', (t) => new RelsPart('_rels/.rels', t));
    const office = rootRels?.list().find((r) => relKind(r.type) === 'officeDocument' && !r.external);
    let wbPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    if (!zip.has(wbPart) && zip.has('xl/workbook.xml')) wbPart = 'xl/workbook.xml';
    if (!zip.has(wbPart)) {
      if (zip.has('xl/workbook.bin')) throw badFile(fileName, 'is a binary workbook (.xlsb); save it as an Excel workbook (.xlsx) and try again');
      if (zip.has('content.xml')) throw badFile(fileName, 'is an OpenDocument file, not an Excel workbook; save it as .xlsx and try again');
      throw badFile(fileName, 'is a zip file but not an Excel workbook (it has no xl/workbook.xml)');
    }
    this.wbPart = zip.actualName(wbPart) as string;
    this.wbDoc = this.xml(this.wbPart, (t) => parseXml(t)) as Document;
    const root = this.wbDoc.documentElement as Element;
    this.strict = root.namespaceURI === NS_STRICT_MAIN;
    const wbRelsPart = relsPartOf(this.wbPart);
    this.wbRels = this.xml(wbRelsPart, (t) => new RelsPart(wbRelsPart, t)) ?? new RelsPart(wbRelsPart, null);
    this.wbRels.dirty = false;
    const pr = firstChild(root, 'workbookPr');
    this.date1904 = !!pr && xmlBool(attr(pr, 'date1904'));
    this.sheets = this.loadSheets();
  }

  /** Opens an .xlsx/.xlsm file's bytes. Throws FollowUpError('bad-input') naming the file. */
  static open(bytes: Uint8Array, fileName = 'workbook'): XlsxWorkbook {
    if (bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
      throw badFile(
        fileName,
        'is password-protected (encrypted) or an old Excel 97-2003 (.xls) workbook; remove the password or save it as an Excel workbook (.xlsx) and try again',
      );
    }
    let zip: ZipPackage;
    try {
      zip = ZipPackage.read(bytes);
    } catch (e) {
      if (e instanceof ZipError) throw zipFailure(fileName, e);
      throw e;
    }
    return new XlsxWorkbook(zip, fileName);
  }

  /** A new, empty workbook (add sheets before saving). */
  static create(fileName = 'workbook.xlsx'): XlsxWorkbook {
    return new XlsxWorkbook(newWorkbookParts(), fileName);
  }

  /** Loads and parses a part, turning damage into a FollowUpError naming the file and part. */
  private xml<T>(part: string, make: (text: string) => T): T | null {
    const bytes = this.bytes(part);
    if (bytes === null) return null;
    const text = new TextDecoder().decode(bytes);
    try {
      return make(text);
    } catch (e) {
      if (e instanceof XmlError) throw badFile(this.fileName, `is damaged: ${part} is not well-formed XML (${e.message})`);
      throw e;
    }
  }

  /** A part's bytes, UTF-8 (a UTF-16 part is transcoded), or null when there is none. */
  private bytes(part: string): Uint8Array | null {
    try {
      const bytes = this.zip.get(part);
      return bytes && utf8Xml(bytes);
    } catch (e) {
      if (e instanceof ZipError) throw zipFailure(this.fileName, e);
      throw e;
    }
  }

  private get wbRoot(): Element {
    return this.wbDoc.documentElement as Element;
  }

  private relId(el: Element): string {
    const direct = el.getAttributeNS(NS_REL, 'id');
    if (direct) return direct;
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i);
      if (a && a.localName === 'id' && (a.namespaceURI ?? '').endsWith('relationships')) return a.value;
    }
    return '';
  }

  private loadSheets(): SheetEntry[] {
    const sheetsEl = firstChild(this.wbRoot, 'sheets');
    if (!sheetsEl) return [];
    return childElements(sheetsEl, 'sheet').map((el) => {
      const rId = this.relId(el);
      const rel = rId ? this.wbRels.byId(rId) : null;
      let part: string | null = rel && !rel.external ? resolveTarget(this.wbPart, rel.target) : null;
      if (part !== null && !this.zip.has(part)) {
        const decoded = decodeURIComponent(part);
        part = this.zip.has(decoded) ? decoded : null;
      }
      if (part !== null) part = this.zip.actualName(part);
      const state = attr(el, 'state');
      return {
        el,
        name: attr(el, 'name') ?? '',
        sheetId: Number(attr(el, 'sheetId') ?? '0'),
        rId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part,
        kind: rel ? relKind(rel.type) : 'worksheet',
      };
    });
  }

  private findSheet(name: string): SheetEntry | null {
    const exact = this.sheets.find((s) => s.name === name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  private definedNamesEl(create: boolean): Element | null {
    const found = firstChild(this.wbRoot, 'definedNames');
    if (found || !create) return found;
    this.wbDirty = true;
    return ensureChild(this.wbRoot, 'definedNames', WORKBOOK_ORDER);
  }

  private markerOf(index: number): string | null {
    const names = this.definedNamesEl(false);
    if (!names) return null;
    for (const dn of childElements(names, 'definedName')) {
      if ((attr(dn, 'name') ?? '').toLowerCase() !== MARKER_NAME.toLowerCase()) continue;
      if (attr(dn, 'localSheetId') !== String(index)) continue;
      return stringFormulaValue(dn.textContent ?? '');
    }
    return null;
  }

  private get contentTypes(): ContentTypes {
    if (!this.contentTypesPart) {
      this.contentTypesPart = this.xml('[Content_Types].xml', (t) => new ContentTypes(t));
      if (!this.contentTypesPart) throw badFile(this.fileName, 'is damaged: it has no [Content_Types].xml');
    }
    return this.contentTypesPart;
  }

  private get styles(): Styles {
    if (!this.stylesPart) {
      const rel = this.wbRels.list().find((r) => relKind(r.type) === 'styles' && !r.external);
      const part = rel ? resolveTarget(this.wbPart, rel.target) : null;
      const styles = part ? this.xml(part, (t) => new Styles(t)) : null;
      this.stylesPart = styles ?? new Styles(null);
    }
    return this.stylesPart;
  }

  private stylesPartName(): string {
    const rel = this.wbRels.list().find((r) => relKind(r.type) === 'styles' && !r.external);
    if (rel) return resolveTarget(this.wbPart, rel.target);
    const part = `${dirOf(this.wbPart)}/styles.xml`;
    this.wbRels.add(REL.styles, relativeTarget(this.wbPart, part));
    this.contentTypes.setOverride(part, CT.styles);
    return part;
  }

  private sharedStrings(): string[] {
    if (!this.sharedStringsCache) {
      const rel = this.wbRels.list().find((r) => relKind(r.type) === 'sharedStrings' && !r.external);
      const bytes = rel ? this.bytes(resolveTarget(this.wbPart, rel.target)) : null;
      try {
        this.sharedStringsCache = bytes ? readSharedStrings(bytes) : [];
      } catch (e) {
        throw badFile(this.fileName, `is damaged: the shared strings are not well-formed XML (${e instanceof Error ? e.message : e})`);
      }
    }
    return this.sharedStringsCache;
  }

  private sheetRels(part: string): RelsPart {
    const name = relsPartOf(part);
    let rels = this.relsCache.get(name);
    if (!rels) {
      rels = this.xml(name, (t) => new RelsPart(name, t)) ?? new RelsPart(name, null);
      if (!this.zip.has(name)) rels.dirty = false;
      this.relsCache.set(name, rels);
    }
    return rels;
  }

  private scanSheet(s: SheetEntry, range?: CellRange, scanOnly = false): SheetCells | null {
    if (!s.part || s.kind !== 'worksheet') return null;
    const bytes = this.bytes(s.part);
    if (!bytes) return null;
    try {
      return readWorksheet(bytes, {
        range,
        scanOnly,
        sharedStrings: () => this.sharedStrings(),
        xfFormats: this.styles.xfFormats(),
        date1904: this.date1904,
      });
    } catch (e) {
      if (e instanceof FollowUpError) throw e;
      if (e instanceof CellTextTooLong) {
        const cell = sheetCell(s.name, e.row, e.col);
        throw new FollowUpError(
          'bad-input',
          `"${this.fileName}": ${cell} holds a text of ${e.length.toLocaleString('en-US')} characters; a cell holds at most 32,767 — shorten it (Excel would cut it)`,
          cell,
        );
      }
      throw badFile(this.fileName, `is damaged: sheet "${s.name}" (${s.part}) cannot be read (${e instanceof Error ? e.message : e})`);
    }
  }

  /**
   * A sheet's used range. A person's sheet (`read`) is read whole to find it and its cells are kept
   * for its first `readSheet` (generate reads every person's sheet next), so its part is inflated and
   * parsed once; a sheet the add-in generated is only scanned. When reading whole fails, the sheet
   * is scanned as before, and `readSheet` reports the failure, as before.
   */
  private usedRange(s: SheetEntry, read: boolean): CellRange | null {
    const key = s.part ?? '';
    if (!this.usedCache.has(key)) {
      let used: CellRange | null | undefined;
      const cells = read ? this.tryScanSheet(s) : null;
      if (cells) {
        this.listedCells.set(key, cells);
        used = cells.used;
      } else {
        const bytes = s.part && s.kind === 'worksheet' ? this.bytes(s.part) : null;
        if (bytes) used = quickUsedRange(bytes);
        if (used === undefined) used = this.scanSheet(s, undefined, true)?.used ?? null;
      }
      this.usedCache.set(key, used);
    }
    return this.usedCache.get(key) ?? null;
  }

  private tryScanSheet(s: SheetEntry): SheetCells | null {
    try {
      return this.scanSheet(s);
    } catch {
      return null;
    }
  }

  // ---------------------------------------------------------------- reading

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.sheets.map((s, i) => {
      const generated = this.markerOf(i);
      return { name: s.name, visible: s.state === 'visible', generated, usedRange: this.usedRange(s, generated === null) };
    });
  }

  async readSheet(sheet: string, range?: CellRange): Promise<Grid> {
    const s = this.findSheet(sheet);
    if (!s) throw new FollowUpError('not-found', `"${this.fileName}" has no sheet named "${sheet}"`);
    const listed = range ? undefined : this.listedCells.get(s.part ?? '');
    this.listedCells.delete(s.part ?? '');
    const cells = listed ?? this.scanSheet(s, range);
    const used = cells?.used ?? null;
    if (cells && !range) this.usedCache.set(s.part ?? '', used);
    const { area, top, left } = readArea(range, used);
    const withFormulas = !!cells && cells.hasFormulas;
    const filled = area && cells ? gridArrays(cells, area, withFormulas) : { values: [], formats: [], formulas: [] };
    if (filled === null && area) {
      throw new FollowUpError(
        'bad-input',
        `"${this.fileName}": sheet "${s.name}" is too large to read: its cells reach from ${cellA1(area.top, area.left)} to ${cellA1(area.bottom, area.right)} ` +
          `(more than ${MAX_GRID_CELLS.toLocaleString('en-US')} cells to hold). Delete stray entries far outside the tables ` +
          '(Ctrl+End in Excel goes to the last cell), or move a very large ledger to a workbook of its own.',
        sheetCell(s.name, area.bottom, area.right),
      );
    }
    const { values, formats, formulas } = filled as GridArrays;
    const hiddenRows = new Set<number>();
    const merges: CellRange[] = [];
    if (cells) {
      for (const r of cells.hiddenRows) if (!area || (r >= area.top && r <= area.bottom)) hiddenRows.add(r);
      for (const m of cells.merges) {
        if (!area || (m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right)) merges.push(m);
      }
    }
    return {
      sheet: s.name,
      top,
      left,
      values,
      formats,
      formulas: withFormulas ? formulas : undefined,
      hiddenRows,
      merges,
    };
  }

  async listPivots(): Promise<readonly PivotInfo[]> {
    const out: PivotInfo[] = [];
    for (const s of this.sheets) {
      if (!s.part || s.kind !== 'worksheet') continue;
      for (const rel of this.sheetRels(s.part).list()) {
        if (rel.external || relKind(rel.type) !== 'pivotTable') continue;
        const part = resolveTarget(s.part, rel.target);
        const doc = this.xml(part, (t) => parseXml(t));
        if (!doc) continue;
        const root = doc.documentElement as Element;
        const location = firstChild(root, 'location');
        const range = location ? parseRangeRef(attr(location, 'ref') ?? '') : null;
        if (!range) continue;
        out.push({ name: attr(root, 'name') ?? '', sheet: s.name, range, definition: this.pivotDefinition(part, doc) });
      }
    }
    return out;
  }

  /** A pivot part's definition, with its cache's (the cache part found through the pivot's own rels). */
  private pivotDefinition(part: string, doc: Document): PivotDefinition {
    const rel = this.sheetRels(part)
      .list()
      .find((r) => !r.external && relKind(r.type) === 'pivotCacheDefinition');
    const cachePart = rel ? resolveTarget(part, rel.target) : `${part}#cache`;
    const cache = rel ? this.xml(cachePart, (t) => parseXml(t)) : null;
    const def = readPivotDefinition(doc, cachePart, cache);
    // A source named by a table (ListObject): its sheet and range, so the table is known as the pivot's data.
    const table = def.source?.name && !def.source.range ? this.tableRanges().get(def.source.name.toLowerCase()) : undefined;
    return table ? { ...def, source: { sheet: table.sheet, range: table.range, name: def.source?.name ?? null } } : def;
  }

  private tables: Map<string, { sheet: string; range: CellRange }> | null = null;

  /** The workbook's tables (ListObjects) by name, lower-cased: the sheet and range each covers. */
  private tableRanges(): Map<string, { sheet: string; range: CellRange }> {
    if (this.tables) return this.tables;
    const out = new Map<string, { sheet: string; range: CellRange }>();
    for (const s of this.sheets) {
      if (!s.part || s.kind !== 'worksheet') continue;
      for (const rel of this.sheetRels(s.part).list()) {
        if (rel.external || relKind(rel.type) !== 'table') continue;
        const doc = this.xml(resolveTarget(s.part, rel.target), (t) => parseXml(t));
        const root = doc ? (doc.documentElement as Element) : null;
        const range = root ? parseRangeRef(attr(root, 'ref') ?? '') : null;
        if (!root || !range) continue;
        for (const n of [attr(root, 'name'), attr(root, 'displayName')]) if (n) out.set(n.toLowerCase(), { sheet: s.name, range });
      }
    }
    this.tables = out;
    return out;
  }

  async readSettings(): Promise<string | null> {
    const index = this.sheets.findIndex((s) => s.name.toLowerCase() === SETTINGS_SHEET.toLowerCase());
    if (index < 0 || this.markerOf(index) !== SETTINGS_MARKER) return null;
    const cells = this.scanSheet(this.sheets[index], { top: 0, left: 0, bottom: 1048575, right: 0 });
    if (!cells) return '';
    const parts: { row: number; text: string }[] = [];
    const values = keptValues(cells);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'string') parts.push({ row: cells.rows[i], text: v });
    }
    parts.sort((a, b) => a.row - b.row);
    return parts.map((p) => p.text).join('');
  }

  // ---------------------------------------------------------------- writing

  async writeSheet(layout: SheetLayout, marker: string): Promise<void> {
    this.write(layout, marker, null);
  }

  /** Adds a person's sheet (no marker): example workbooks and test fixtures. */
  async addPlainSheet(layout: SheetLayout): Promise<void> {
    this.write(layout, null, null);
  }

  async writeSettings(json: string): Promise<void> {
    const cells = settingsCells(json);
    this.write({ name: SETTINGS_SHEET, cells }, SETTINGS_MARKER, 'veryHidden');
  }

  private write(layout: SheetLayout, marker: string | null, state: SheetState | null): void {
    if (this.strict) {
      throw new FollowUpError(
        'unsupported',
        `"${this.fileName}" is saved as Strict Open XML; save it as an ordinary Excel workbook (.xlsx) to write sheets into it`,
      );
    }
    const name = layout.name;
    checkSheetName(name);
    validateLayout(layout);
    const existing = this.findSheet(name);
    let index: number;
    let entry: SheetEntry;
    if (existing) {
      index = this.sheets.indexOf(existing);
      const theirs = this.markerOf(index);
      if (marker === null || theirs === null || existing.kind !== 'worksheet' || !existing.part) {
        throw new FollowUpError(
          'usage',
          theirs === null
            ? `"${this.fileName}" already has a sheet named "${existing.name}" that Budget Follow-up did not create; it is left untouched — rename that sheet or choose another name`
            : `"${this.fileName}" already has a sheet named "${existing.name}"`,
        );
      }
      entry = existing;
      this.dropOwnedParts(entry);
      this.dropCalcChainEntries(entry.sheetId);
      if (state && entry.state !== state) {
        entry.state = state;
        entry.el.setAttribute('state', state);
        this.wbDirty = true;
      }
    } else {
      entry = this.appendSheet(name, state ?? 'visible');
      index = this.sheets.length - 1;
    }
    const part = entry.part as string;
    const rels = this.sheetRels(part);
    const drawing: { part: string | null } = { part: null };
    const charts: { part: string | null } = { part: null };
    const written = buildWorksheet(layout, {
      styles: this.styles,
      externalLink: (url) => rels.add(REL.hyperlink, url, true),
      legacyDrawing: () => {
        const vml = this.freePart('xl/drawings/vmlDrawing', '.vml');
        drawing.part = vml;
        return rels.add(REL.vmlDrawing, relativeTarget(part, vml));
      },
      guid: randomGuid,
      drawing: () => {
        charts.part = this.freePart('xl/drawings/drawing', '.xml');
        return rels.add(REL.drawing, relativeTarget(part, charts.part));
      },
    });
    if (charts.part) this.writeCharts(layout, entry.name, charts.part);
    const vmlPart = drawing.part;
    if (written.notes.length > 0 && vmlPart) {
      const commentsPart = this.freePart('xl/comments', '.xml');
      rels.add(REL.comments, relativeTarget(part, commentsPart));
      this.zip.set(commentsPart, buildComments(written.notes, NOTE_AUTHOR));
      this.contentTypes.setOverride(commentsPart, CT.comments);
      this.zip.set(vmlPart, buildVml(written.notes, this.freeVmlBlocks(Math.ceil(written.notes.length / 1023))));
      this.contentTypes.ensureDefault('vml', CT.vml);
    }
    this.zip.set(part, written.bytes);
    this.usedCache.delete(part);
    this.listedCells.delete(part);
    this.saveRels(rels);

    // defined names: our marker and print titles for this sheet
    this.removeLocalNames(index, [MARKER_NAME, '_xlnm.Print_Titles', '_xlnm.Print_Area']);
    if (marker !== null) this.addLocalName(index, MARKER_NAME, `"${marker.replace(/"/g, '""')}"`);
    const repeat = layout.page?.repeatRows;
    if (repeat && repeat.last >= repeat.first && repeat.first >= 0) {
      this.addLocalName(index, '_xlnm.Print_Titles', `${quoteSheet(entry.name)}!$${repeat.first + 1}:$${repeat.last + 1}`);
    }
    const area = layout.page?.printArea;
    if (area) this.addLocalName(index, '_xlnm.Print_Area', `${quoteSheet(entry.name)}!${area.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`);
    // Excel recalculates our formulas when it opens the file
    const calcPr = ensureChild(this.wbRoot, 'calcPr', WORKBOOK_ORDER);
    if (attr(calcPr, 'fullCalcOnLoad') !== '1') calcPr.setAttribute('fullCalcOnLoad', '1');
    this.wbDirty = true;
  }

  /** The workbook's prefix for relationship ids (`r`), declared on its root when it has none. */
  private relPrefix(): string {
    const prefix = this.wbRoot.lookupPrefix(NS_REL);
    if (prefix) return prefix;
    this.wbRoot.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:r', NS_REL);
    return 'r';
  }

  private appendSheet(name: string, state: SheetState): SheetEntry {
    const part = this.freePart(`${dirOf(this.wbPart)}/worksheets/sheet`, '.xml');
    const rId = this.wbRels.add(REL.worksheet, relativeTarget(this.wbPart, part));
    const sheetId = this.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
    const sheetsEl = ensureChild(this.wbRoot, 'sheets', WORKBOOK_ORDER);
    const el = createLike(sheetsEl, 'sheet');
    el.setAttribute('name', name);
    el.setAttribute('sheetId', String(sheetId));
    if (state !== 'visible') el.setAttribute('state', state);
    el.setAttributeNS(NS_REL, `${this.relPrefix()}:id`, rId);
    sheetsEl.appendChild(el);
    this.contentTypes.setOverride(part, CT.worksheet);
    this.wbDirty = true;
    const entry: SheetEntry = { el, name, sheetId, rId, state, part, kind: 'worksheet' };
    this.sheets.push(entry);
    return entry;
  }

  /**
   * The drawing part of a sheet's charts and one chart part each, with their relationships and content
   * types. Part names are the first free ones: a workbook's own drawings and charts keep theirs.
   */
  private writeCharts(layout: SheetLayout, sheet: string, drawingPart: string): void {
    const specs = layout.charts ?? [];
    const rels = new RelsPart(relsPartOf(drawingPart), null);
    const values = cellLookup(layout.cells);
    const ids = specs.map((spec) => {
      const chartPart = this.freePart('xl/charts/chart', '.xml');
      this.zip.set(chartPart, buildChart(spec, sheet, values));
      this.contentTypes.setOverride(chartPart, CT.chart);
      return rels.add(REL.chart, relativeTarget(drawingPart, chartPart));
    });
    this.zip.set(drawingPart, buildDrawing(specs, ids));
    this.contentTypes.setOverride(drawingPart, CT.drawing);
    this.saveRels(rels);
  }

  /** A regenerated sheet's drawing, its charts and their relationships: all ours, all removed. */
  private dropDrawing(drawingPart: string): void {
    const rels = this.sheetRels(drawingPart);
    for (const rel of rels.list()) {
      if (rel.external || relKind(rel.type) !== 'chart') continue;
      const chartPart = resolveTarget(drawingPart, rel.target);
      this.deletePart(relsPartOf(chartPart));
      this.deletePart(chartPart);
    }
    this.relsCache.delete(rels.partName);
    this.deletePart(rels.partName);
    this.deletePart(drawingPart);
  }

  private deletePart(part: string): void {
    if (!this.zip.has(part)) return;
    this.zip.delete(part);
    this.contentTypes.removeOverride(part);
    // The names claimed are worked out again: a part removed with its relationships is free once more
    // (a regenerated sheet's charts take their old names), one still named elsewhere stays taken.
    this.takenCache = null;
  }

  /**
   * A part name `${stem}N${ext}` that is neither in the package nor named by any relationship or
   * content type override, in any case: a relationship to a missing part still claims its name, and a
   * new part there would be read as that one (two sheets sharing a part).
   */
  private freePart(stem: string, ext: string): string {
    const taken = this.takenNames();
    let n = 1;
    while (this.zip.has(`${stem}${n}${ext}`) || taken.has(`${stem}${n}${ext}`.toLowerCase())) n++;
    const name = `${stem}${n}${ext}`;
    taken.add(name.toLowerCase());
    return name;
  }

  private takenCache: Set<string> | null = null;

  /** Lower-case part names that relationships (internal ones) and content type overrides point at. */
  private takenNames(): Set<string> {
    if (this.takenCache) return this.takenCache;
    const taken = new Set<string>();
    for (const name of this.zip.names()) {
      if (!name.toLowerCase().endsWith('.rels')) continue;
      const source = sourceOfRels(name);
      // relationships as edited so far (not yet saved), else as stored
      const rels = name === this.wbRels.partName ? this.wbRels : (this.relsCache.get(name) ?? this.xml(name, (t) => new RelsPart(name, t)));
      for (const r of rels?.list() ?? []) if (!r.external) taken.add(resolveTarget(source, r.target).toLowerCase());
    }
    for (const part of this.contentTypes.overrides()) taken.add(part.toLowerCase());
    this.takenCache = taken;
    return taken;
  }

  /** Unused VML o:idmap numbers (shape id blocks of 1024) across the package. */
  private freeVmlBlocks(count: number): number[] {
    const used = new Set<number>();
    for (const name of this.zip.names()) {
      if (!name.toLowerCase().endsWith('.vml')) continue;
      const bytes = this.bytes(name);
      if (!bytes) continue;
      const text = new TextDecoder('latin1').decode(bytes);
      const re = /<o:idmap[^>]*\bdata="([^"]*)"/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        for (const n of m[1].split(/[\s,]+/)) if (n) used.add(Number(n));
      }
    }
    const out: number[] = [];
    for (let n = 1; out.length < count; n++) if (!used.has(n)) out.push(n);
    return out;
  }

  /** Before regenerating a sheet: drop its notes parts and external link relationships. */
  private dropOwnedParts(entry: SheetEntry): void {
    const part = entry.part as string;
    const rels = this.sheetRels(part);
    for (const rel of rels.list()) {
      const kind = relKind(rel.type);
      if (kind === 'hyperlink') rels.remove(rel.id);
      else if (kind === 'drawing' && !rel.external) {
        rels.remove(rel.id);
        this.dropDrawing(resolveTarget(part, rel.target));
      } else if ((kind === 'comments' || kind === 'vmlDrawing') && !rel.external) {
        const target = resolveTarget(part, rel.target);
        rels.remove(rel.id);
        this.zip.delete(target);
        this.contentTypes.removeOverride(target);
        this.takenCache?.delete(target.toLowerCase()); // its only relationship is gone: the name is free again
      }
    }
  }

  /** calcChain entries for a regenerated sheet would point at cells that may no longer hold formulas. */
  private dropCalcChainEntries(sheetId: number): void {
    const rel = this.wbRels.list().find((r) => relKind(r.type) === 'calcChain' && !r.external);
    if (!rel) return;
    const part = resolveTarget(this.wbPart, rel.target);
    const doc = this.xml(part, (t) => parseXml(t));
    if (!doc) return;
    const root = doc.documentElement as Element;
    let current = '0';
    let changed = false;
    let kept = 0;
    for (const c of childElements(root, 'c')) {
      const i = attr(c, 'i');
      if (i !== null) current = i;
      if (current === String(sheetId)) {
        root.removeChild(c);
        changed = true;
      } else {
        if (i === null) c.setAttribute('i', current);
        kept++;
      }
    }
    if (!changed) return;
    if (kept === 0) {
      this.zip.delete(part);
      this.wbRels.remove(rel.id);
      this.contentTypes.removeOverride(part);
    } else this.zip.set(part, serializeXml(doc));
  }

  private saveRels(rels: RelsPart): void {
    if (!rels.dirty) return;
    if (rels.isEmpty()) {
      if (this.zip.has(rels.partName)) {
        this.zip.delete(rels.partName);
        this.contentTypes.removeOverride(rels.partName);
      }
    } else this.zip.set(rels.partName, rels.serialize());
    rels.dirty = false;
  }

  private removeLocalNames(index: number, names: readonly string[]): void {
    const el = this.definedNamesEl(false);
    if (!el) return;
    const lower = names.map((n) => n.toLowerCase());
    for (const dn of childElements(el, 'definedName')) {
      if (attr(dn, 'localSheetId') === String(index) && lower.includes((attr(dn, 'name') ?? '').toLowerCase())) {
        el.removeChild(dn);
        this.wbDirty = true;
      }
    }
  }

  private addLocalName(index: number, name: string, value: string): void {
    const el = this.definedNamesEl(true) as Element;
    const dn = createLike(el, 'definedName');
    dn.setAttribute('name', name);
    dn.setAttribute('localSheetId', String(index));
    dn.appendChild(this.wbDoc.createTextNode(value));
    el.appendChild(dn);
    this.wbDirty = true;
  }

  /**
   * Adds another workbook that formulas may refer to, with the values of the cells they read: its
   * external link part, the part's relationship to the file (`target`, relative to this workbook's
   * folder) and its place in the workbook's `externalReferences`. Returns N for formulas `[N]Sheet!A1`.
   */
  addExternalBook(target: string, sheets: readonly ExternalSheet[]): number {
    const part = this.freePart('xl/externalLinks/externalLink', '.xml');
    const rels = new RelsPart(relsPartOf(part), null);
    this.zip.set(part, new TextEncoder().encode(buildExternalLink(rels.add(REL.externalLinkPath, target, true), sheets)));
    this.saveRels(rels);
    this.contentTypes.setOverride(part, CT.externalLink);
    const rId = this.wbRels.add(REL.externalLink, relativeTarget(this.wbPart, part));
    const refs = ensureChild(this.wbRoot, 'externalReferences', WORKBOOK_ORDER);
    const ref = createLike(refs, 'externalReference');
    ref.setAttributeNS(NS_REL, `${this.relPrefix()}:id`, rId);
    refs.appendChild(ref);
    this.wbDirty = true;
    return childElements(refs, 'externalReference').length;
  }

  /**
   * Makes this workbook print only the sheets `names`, in that order (a copy made for a PDF, never a
   * person's workbook: hiding their sheets is the point). The sheets move to the front of the tab order,
   * every other sheet is hidden, the first is the active one; sheet-local names follow their sheet.
   */
  printOnly(names: readonly string[]): void {
    const chosen = names.map((n) => {
      const entry = this.findSheet(n);
      if (!entry) throw new FollowUpError('not-found', `"${this.fileName}" has no sheet named "${n}" to print`);
      return entry;
    });
    const order = [...chosen, ...this.sheets.filter((s) => !chosen.includes(s))];
    const newIndex = new Map(this.sheets.map((s, i) => [String(i), String(order.indexOf(s))]));
    const definedNames = this.definedNamesEl(false);
    for (const dn of definedNames ? childElements(definedNames, 'definedName') : []) {
      const local = attr(dn, 'localSheetId');
      if (local !== null && newIndex.has(local)) dn.setAttribute('localSheetId', newIndex.get(local) as string);
    }
    const sheetsEl = firstChild(this.wbRoot, 'sheets') as Element;
    for (const s of order) sheetsEl.appendChild(s.el);
    for (const s of order.slice(chosen.length)) {
      if (s.state !== 'visible') continue;
      s.state = 'hidden';
      s.el.setAttribute('state', 'hidden');
    }
    const views = firstChild(this.wbRoot, 'bookViews');
    for (const view of views ? childElements(views, 'workbookView') : []) {
      view.setAttribute('activeTab', '0');
      view.setAttribute('firstSheet', '0');
    }
    this.sheets = order;
    this.wbDirty = true;
  }

  /** The package bytes: untouched parts byte-identical, ours added or replaced. */
  save(): Uint8Array {
    if (!this.sheets.some((s) => s.state === 'visible')) {
      throw new FollowUpError('usage', `"${this.fileName}" needs at least one visible sheet before it can be saved`);
    }
    if (this.stylesPart?.dirty) {
      this.zip.set(this.stylesPartName(), this.stylesPart.serialize());
      this.stylesPart.dirty = false;
    }
    if (this.wbRels.dirty) {
      this.zip.set(this.wbRels.partName, this.wbRels.serialize());
      this.wbRels.dirty = false;
    }
    if (this.wbDirty) {
      this.zip.set(this.wbPart, serializeXml(this.wbDoc));
      this.wbDirty = false;
    }
    if (this.contentTypesPart?.dirty) {
      this.zip.set('[Content_Types].xml', this.contentTypesPart.serialize());
      this.contentTypesPart.dirty = false;
    }
    return this.zip.toBytes();
  }

  /** Entry names of the package in order (for checks and tests). */
  partNames(): string[] {
    return this.zip.names();
  }
}
