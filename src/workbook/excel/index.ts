/**
 * The Excel adapter (Office.js): the Workbook port inside the Excel add-in.
 */
export { ExcelWorkbook, REQUIRED_API, UNSUPPORTED_MESSAGE, excelError, stringFormulaValue, checkSheetName } from './workbook';
export type { ExcelRun, ExcelWorkbookOptions, RequirementCheck } from './workbook';
export { planSheet, packRequests, needsTextPrefix, cellInput, jsonBytes, rectangles, footerSections } from './plan';
export type { WriteOp, SizedOp, CellInput, LinkTarget, StyleProp, PlanOptions } from './plan';
