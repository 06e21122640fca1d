/**
 * The xlsx file adapter (browser-safe). Node-only file helpers live in `./file`.
 */
export { XlsxWorkbook, MARKER_NAME, SETTINGS_SHEET, SETTINGS_MARKER, SETTINGS_CHUNK } from './workbook';
