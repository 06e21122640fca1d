/**
 * The Excel adapter's round trips and largest request writing the follow-up sheet, measured on the fake
 * Excel its tests use: the follow-up sheet is made in this process by the pipeline itself
 * (generateFollowUp on the xlsx adapter, whose writes are caught rather than saved) and handed to the
 * Excel adapter. Also how many lines the follow-up has, so a workbook the pipeline misreads is said.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FOLLOWUP_MARKER } from '../src/report/followup-sheet';
import type { SheetLayout } from '../src/report/layout';
import { generateFollowUp } from '../src/workbook/generate';
import type { Workbook } from '../src/workbook/port';
import { XlsxWorkbook } from '../src/workbook/xlsx/workbook';
import type { ExcelCounts } from './bench-report';

interface FakeExcelLike {
  readonly run: unknown;
  readonly isSetSupported: unknown;
  readonly syncCount: number;
  readonly maxRequestBytes: number;
  resetCounters(): void;
  addSheet(name: string): unknown;
}
type FakeExcelClass = new () => FakeExcelLike;
type ExcelWorkbookClass = new (run: unknown, options: { isSetSupported: unknown }) => { writeSheet(layout: SheetLayout, marker: string): Promise<void> };

/** The repository (this file runs compiled, from dist/scripts/). */
export const ROOT = path.resolve(__dirname, '..', '..');
const EXCEL_ADAPTER = path.join(ROOT, 'src', 'workbook', 'excel', 'workbook.ts');
const FAKE_EXCEL = path.join(ROOT, 'test', 'workbook', 'excel', 'fake-excel.ts');

/**
 * The Excel adapter and the fake Excel its tests use, loaded from their TypeScript sources (they are
 * not part of the command line's build): a require hook transpiles .ts files as they are required.
 * A reason instead when they are not there or do not load.
 */
function loadExcel(): { Fake: FakeExcelClass; Adapter: ExcelWorkbookClass } | string {
  if (!fs.existsSync(EXCEL_ADAPTER) || !fs.existsSync(FAKE_EXCEL)) return 'src/workbook/excel/workbook.ts or test/workbook/excel/fake-excel.ts is not in this tree';
  try {
    const ts = require('typescript') as typeof import('typescript');
    const hooks = require.extensions as unknown as Record<string, (m: { _compile(code: string, file: string): void }, file: string) => void>;
    if (!hooks['.ts']) {
      hooks['.ts'] = (m, file) => {
        const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
          fileName: file,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
        });
        m._compile(out.outputText, file);
      };
    }
    const Fake = (require(FAKE_EXCEL) as { FakeExcel?: FakeExcelClass }).FakeExcel;
    const Adapter = (require(EXCEL_ADAPTER) as { ExcelWorkbook?: ExcelWorkbookClass }).ExcelWorkbook;
    if (!Fake || !Adapter) return 'the Excel adapter or its fake does not export FakeExcel / ExcelWorkbook';
    return { Fake, Adapter };
  } catch (e) {
    return `the Excel adapter or its fake did not load (${(e as Error).message.split('\n')[0]})`;
  }
}

/** Sync round trips and the largest request for the Excel adapter writing `layout` on the fake. */
export async function excelWrite(layout: SheetLayout): Promise<ExcelCounts | string> {
  const excel = loadExcel();
  if (typeof excel === 'string') return excel;
  try {
    const fake = new excel.Fake();
    fake.addSheet('Ark1');
    const wb = new excel.Adapter(fake.run, { isSetSupported: fake.isSetSupported });
    fake.resetCounters();
    await wb.writeSheet(layout, FOLLOWUP_MARKER);
    return { syncs: fake.syncCount, largestRequestBytes: fake.maxRequestBytes };
  } catch (e) {
    return `the Excel adapter failed on its fake (${(e as Error).message.split('\n')[0]})`;
  }
}

/** The xlsx adapter, but the sheets it is given to write are kept in `written` instead. */
function catchingWrites(wb: XlsxWorkbook, written: [SheetLayout, string][]): Workbook {
  return new Proxy(wb, {
    get(target, key) {
      if (key === 'writeSheet') return async (layout: SheetLayout, marker: string): Promise<void> => void written.push([layout, marker]);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The follow-up sheet the pipeline makes from `bytes` and how many lines it has. */
export async function followUpOf(bytes: Uint8Array): Promise<{ lines: number; sheet: SheetLayout }> {
  const written: [SheetLayout, string][] = [];
  const { model } = await generateFollowUp(catchingWrites(XlsxWorkbook.open(bytes, 'bench.xlsx'), written), { generatedAt: '2024-05-06 08:00' });
  const sheet = written.find(([, marker]) => marker === FOLLOWUP_MARKER)?.[0];
  if (!sheet) throw new Error('the pipeline wrote no follow-up sheet');
  return { lines: model.lines.length, sheet };
}
