/**
 * The checks sheet for reviewers: every finding with a link to its cell, the sources used and what was
 * recognised in each, and the settings the follow-up was made with.
 */
import type { FollowUpModel } from '../core/model';
import { REPORT_PAGE, type CellStyle, type LayoutCell, type SheetLayout } from './layout';
import { describeSource, periodText, WORDS } from './i18n';

const HEAD: CellStyle = { bold: true, fill: 'DDEBF7', borderBottom: 'thin' };
const SECTION: CellStyle = { bold: true, size: 12 };

export function checksSheetName(model: FollowUpModel): string {
  const w = WORDS[model.language];
  return model.period ? `${w.checksSheet} ${model.period}` : w.checksSheet;
}

function warningRows(model: FollowUpModel, start: number): LayoutCell[] {
  const w = WORDS[model.language].checks;
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: `${w.warnings} (${model.warnings.length})`, style: SECTION },
    { row: start + 1, col: 0, value: w.cell, style: HEAD },
    { row: start + 1, col: 1, value: w.message, style: HEAD },
  ];
  if (model.warnings.length === 0) cells.push({ row: start + 2, col: 1, value: w.noWarnings });
  model.warnings.forEach((x, i) => {
    const row = start + 2 + i;
    cells.push({ row, col: 0, value: x.cell ?? '', link: x.cell ?? undefined, style: { color: x.cell ? '0563C1' : undefined } });
    cells.push({ row, col: 1, value: x.message, style: { wrap: true } });
  });
  return cells;
}

function sourceRows(model: FollowUpModel, start: number): LayoutCell[] {
  const w = WORDS[model.language].checks;
  const cells: LayoutCell[] = [
    { row: start, col: 0, value: w.sources, style: SECTION },
    { row: start + 1, col: 0, value: w.range, style: HEAD },
    { row: start + 1, col: 1, value: w.recognised, style: HEAD },
  ];
  model.sources.forEach((s, i) => {
    cells.push({ row: start + 2 + i, col: 0, value: s.range, link: s.range, style: { color: '0563C1' } });
    cells.push({ row: start + 2 + i, col: 1, value: describeSource(s, model.language), style: { wrap: true } });
  });
  return cells;
}

function settingRows(model: FollowUpModel, start: number, generatedAt: string): LayoutCell[] {
  const w = WORDS[model.language];
  const rows: [string, string][] = [
    [w.checks.period, model.period ? `${model.period} (${periodText(model.period, model.language)})` : '—'],
    [w.checks.signConvention, w.sign[model.signConvention]],
    [w.checks.forecastMethod, w.methods[model.forecastMethod]],
    [w.checks.generatedAt, generatedAt],
  ];
  return [
    { row: start, col: 0, value: w.checks.settings, style: SECTION },
    ...rows.flatMap(([k, v], i) => [
      { row: start + 1 + i, col: 0, value: k, style: { bold: true } },
      { row: start + 1 + i, col: 1, value: v },
    ]),
  ];
}

export function checksSheet(model: FollowUpModel, generatedAt: string, name = checksSheetName(model)): SheetLayout {
  const w = WORDS[model.language].checks;
  const warnings = warningRows(model, 2);
  const sourcesStart = 2 + 2 + Math.max(model.warnings.length, 1) + 1;
  const settingsStart = sourcesStart + 2 + model.sources.length + 1;
  return {
    name,
    cells: [
      { row: 0, col: 0, value: w.title, style: { bold: true, size: 14 } },
      ...warnings,
      ...sourceRows(model, sourcesStart),
      ...settingRows(model, settingsStart, generatedAt),
    ],
    columns: [
      { col: 0, width: 28 },
      { col: 1, width: 110 },
    ],
    page: { ...REPORT_PAGE, footer: `&L${w.title.replace(/&/g, '&&')} · ${generatedAt}&R&P / &N` },
  };
}
