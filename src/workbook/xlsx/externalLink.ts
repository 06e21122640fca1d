/**
 * An external link part (`xl/externalLinks/externalLinkN.xml`): another workbook that formulas refer
 * to as `[N]Sheet!A1`, with the values of the cells they read, so the file opens with its figures
 * without the other workbook (Excel and LibreOffice show these until the links are updated).
 */
import { cellA1 } from '../../core/grid';
import { NS_MAIN, NS_REL, XML_DECL, escapeAttr } from './xml';

export interface ExternalCell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

export interface ExternalSheet {
  readonly name: string;
  readonly cells: readonly ExternalCell[];
}

/** The part's XML: the book's sheet names and each sheet's cached cells, rows and cells in order as the schema wants. */
export function buildExternalLink(relId: string, sheets: readonly ExternalSheet[]): string {
  const names = sheets.map((s) => `<sheetName val="${escapeAttr(s.name)}"/>`).join('');
  const data = sheets
    .map((s, i) => {
      const rows = new Map<number, ExternalCell[]>();
      for (const c of s.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
      const xml = [...rows.keys()]
        .sort((a, b) => a - b)
        .map((r) => {
          const cells = (rows.get(r) as ExternalCell[]).sort((a, b) => a.col - b.col);
          return `<row r="${r + 1}">${cells.map((c) => `<cell r="${cellA1(c.row, c.col)}"><v>${c.value}</v></cell>`).join('')}</row>`;
        })
        .join('');
      return `<sheetData sheetId="${i}">${xml}</sheetData>`;
    })
    .join('');
  return (
    XML_DECL +
    `<externalLink xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><externalBook r:id="${relId}">` +
    `<sheetNames>${names}</sheetNames><sheetDataSet>${data}</sheetDataSet></externalBook></externalLink>`
  );
}
