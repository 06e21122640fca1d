/**
 * SheetLayout → worksheet XML (plus the comments and VML parts for notes). Built as string pieces
 * joined once: linear in the number of cells, no DOM per cell. Element order follows the
 * CT_Worksheet sequence of the schema.
 */
import { cellA1, columnLetters, rangeA1 } from '../../core/grid';
import type { ConditionalFormat, SheetLayout } from '../../report/layout';
import { argb, type Styles } from './styles';
import { encodeOoxmlText, escapeAttr, escapeText } from './xml';
import { orderedCells } from '../conventions';
import { mergeRanges, sqref } from '../layout-check';
export { MAX_COLS, MAX_ROWS, validateLayout } from '../layout-check';


const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NS = 'http://schemas.microsoft.com/office/excel/2006/main';
const EXT_CF_ID = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
const EXT_CFS = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

export interface Note {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface WriterContext {
  readonly styles: Styles;
  /** Adds an external hyperlink relationship, returning its id. */
  readonly externalLink: (url: string) => string;
  /** Adds the legacy drawing (VML) relationship for notes, returning its id. */
  readonly legacyDrawing: () => string;
  /** A fresh `{GUID}` for the x14 data-bar link. */
  readonly guid: () => string;
}

export interface WrittenSheet {
  readonly xml: string;
  readonly notes: readonly Note[];
}

function num(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

export function buildWorksheet(layout: SheetLayout, ctx: WriterContext): WrittenSheet {
  const sheet = layout.name;
  const cells = orderedCells(layout.cells);
  const letters: string[] = [];
  const colName = (c: number) => letters[c] ?? (letters[c] = columnLetters(c));
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  for (const c of cells) {
    if (c.row < minRow) minRow = c.row;
    if (c.row > maxRow) maxRow = c.row;
    if (c.col < minCol) minCol = c.col;
    if (c.col > maxCol) maxCol = c.col;
  }

  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );

  // sheetPr
  const page = layout.page;
  const fit = page?.fitToWidth !== undefined && page.fitToWidth > 0;
  if (layout.tabColor || fit) {
    out.push('<sheetPr>');
    if (layout.tabColor) out.push(`<tabColor rgb="${argb(layout.tabColor)}"/>`);
    if (fit) out.push('<pageSetUpPr fitToPage="1"/>');
    out.push('</sheetPr>');
  }
  out.push(`<dimension ref="${maxRow < 0 ? 'A1' : rangeA1({ top: minRow, left: minCol, bottom: maxRow, right: maxCol })}"/>`);

  // sheetViews
  const frozenRows = Math.max(0, Math.floor(layout.freeze?.rows ?? 0));
  const frozenCols = Math.max(0, Math.floor(layout.freeze?.cols ?? 0));
  out.push(`<sheetViews><sheetView${layout.hideGridlines ? ' showGridLines="0"' : ''} workbookViewId="0">`);
  if (frozenRows > 0 || frozenCols > 0) {
    const pane = frozenRows > 0 && frozenCols > 0 ? 'bottomRight' : frozenRows > 0 ? 'bottomLeft' : 'topRight';
    const tl = cellA1(frozenRows, frozenCols);
    out.push(
      `<pane${frozenCols > 0 ? ` xSplit="${frozenCols}"` : ''}${frozenRows > 0 ? ` ySplit="${frozenRows}"` : ''} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>`,
      `<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>`,
    );
  }
  out.push('</sheetView></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/>');

  // cols
  if (layout.columns && layout.columns.length > 0) {
    const byCol = new Map<number, { width: number; hidden?: boolean }>();
    for (const c of layout.columns) byCol.set(c.col, c);
    out.push('<cols>');
    for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
      const c = byCol.get(col) as { width: number; hidden?: boolean };
      const width = Math.min(255, Math.max(0, c.width));
      out.push(`<col min="${col + 1}" max="${col + 1}" width="${num(width)}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`);
    }
    out.push('</cols>');
  }

  // sheetData
  const notes: Note[] = [];
  const links: { ref: string; target: string; display: string | null }[] = [];
  const styles = ctx.styles;
  if (cells.length === 0) out.push('<sheetData/>');
  else {
    out.push('<sheetData>');
    let currentRow = -1;
    for (const c of cells) {
      if (c.row !== currentRow) {
        if (currentRow >= 0) out.push('</row>');
        currentRow = c.row;
        out.push(`<row r="${c.row + 1}">`);
      }
      const ref = colName(c.col) + (c.row + 1);
      const xf = styles.xfFor(c.style);
      const s = xf ? ` s="${xf}"` : '';
      const v = c.value;
      let formula = c.formula;
      if (formula !== undefined && formula !== null && formula.charCodeAt(0) === 61) formula = formula.slice(1);
      if (formula) {
        const f = `<f>${escapeText(formula)}</f>`;
        if (typeof v === 'string') out.push(`<c r="${ref}"${s} t="str">${f}<v>${escapeText(encodeOoxmlText(v))}</v></c>`);
        else if (typeof v === 'boolean') out.push(`<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`);
        else if (typeof v === 'number') {
          if (Number.isFinite(v)) out.push(`<c r="${ref}"${s}>${f}<v>${num(v)}</v></c>`);
          else out.push(`<c r="${ref}"${s} t="e">${f}<v>#NUM!</v></c>`);
        } else out.push(`<c r="${ref}"${s}>${f}</c>`);
      } else if (typeof v === 'string') {
        const t = escapeText(encodeOoxmlText(v));
        const space = t.length > 0 && (/^\s|\s$/.test(t) || t.includes('\n')) ? ' xml:space="preserve"' : '';
        out.push(`<c r="${ref}"${s} t="inlineStr"><is><t${space}>${t}</t></is></c>`);
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) out.push(`<c r="${ref}"${s}><v>${num(v)}</v></c>`);
        else out.push(`<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`);
      } else if (typeof v === 'boolean') out.push(`<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (xf) out.push(`<c r="${ref}"${s}/>`);
      if (c.note) notes.push({ row: c.row, col: c.col, text: c.note });
      if (c.link) links.push({ ref, target: c.link, display: typeof v === 'string' ? v : null });
    }
    out.push('</row></sheetData>');
  }

  // mergeCells
  if (layout.merges && layout.merges.length > 0) {
    const ranges = mergeRanges(layout);
    if (ranges.length > 0) {
      out.push(`<mergeCells count="${ranges.length}">`);
      for (const r of ranges) out.push(`<mergeCell ref="${rangeA1(r)}"/>`);
      out.push('</mergeCells>');
    }
  }

  // conditionalFormatting
  const bars: { id: string; sqref: string }[] = [];
  let priority = 1;
  for (const cf of layout.conditionalFormats ?? []) out.push(conditional(cf, sheet, styles, priority++, ctx, bars));

  // hyperlinks
  if (links.length > 0) {
    out.push('<hyperlinks>');
    for (const l of links) {
      const display = l.display !== null ? ` display="${escapeAttr(l.display.slice(0, 255))}"` : '';
      if (/^(https?|mailto|ftp):/i.test(l.target)) {
        const id = ctx.externalLink(l.target);
        out.push(`<hyperlink ref="${l.ref}" r:id="${id}"${display}/>`);
      } else {
        const location = l.target.replace(/^#/, '');
        out.push(`<hyperlink ref="${l.ref}" location="${escapeAttr(location)}"${display}/>`);
      }
    }
    out.push('</hyperlinks>');
  }

  // pageMargins, pageSetup, headerFooter
  const m = page?.margins;
  out.push(
    `<pageMargins left="${num(m?.left ?? 0.7)}" right="${num(m?.right ?? 0.7)}" top="${num(m?.top ?? 0.75)}" bottom="${num(m?.bottom ?? 0.75)}" header="${num(m?.header ?? 0.3)}" footer="${num(m?.footer ?? 0.3)}"/>`,
  );
  if (page) {
    let a = '';
    if (page.paperSize) a += ` paperSize="${page.paperSize === 'A3' ? 8 : page.paperSize === 'letter' ? 1 : 9}"`;
    a += ` orientation="${page.orientation === 'landscape' ? 'landscape' : 'portrait'}"`;
    if (fit) a += ` fitToWidth="${Math.floor(page.fitToWidth as number)}" fitToHeight="0"`;
    out.push(`<pageSetup${a}/>`);
    if (page.footer) out.push(`<headerFooter><oddFooter>${escapeText(page.footer)}</oddFooter></headerFooter>`);
  }

  if (notes.length > 0) out.push(`<legacyDrawing r:id="${ctx.legacyDrawing()}"/>`);

  if (bars.length > 0) {
    out.push(`<extLst><ext uri="${EXT_CFS}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>`);
    for (const b of bars) {
      out.push(
        `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${b.id}">`,
        '<x14:dataBar minLength="0" maxLength="100" gradient="0" negativeBarColorSameAsPositive="0" axisPosition="middle">',
        '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/>',
        '<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/>',
        `</x14:dataBar></x14:cfRule><xm:sqref>${b.sqref}</xm:sqref></x14:conditionalFormatting>`,
      );
    }
    out.push('</x14:conditionalFormattings></ext></extLst>');
  }
  out.push('</worksheet>');
  return { xml: out.join(''), notes };
}

function conditional(
  cf: ConditionalFormat,
  sheet: string,
  styles: Styles,
  priority: number,
  ctx: WriterContext,
  bars: { id: string; sqref: string }[],
): string {
  const ref = sqref(sheet, cf.range);
  switch (cf.kind) {
    case 'cell-is': {
      const dxf = styles.dxfFor(cf.style);
      const needed = cf.operator === 'between' ? 2 : 1;
      const formulas = cf.operands
        .slice(0, needed)
        .map((o) => `<formula>${escapeText(o.replace(/^=/, ''))}</formula>`)
        .join('');
      return `<conditionalFormatting sqref="${ref}"><cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${cf.operator}">${formulas}</cfRule></conditionalFormatting>`;
    }
    case 'expression': {
      const dxf = styles.dxfFor(cf.style);
      return `<conditionalFormatting sqref="${ref}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}"><formula>${escapeText(cf.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`;
    }
    case 'data-bar': {
      const id = ctx.guid();
      bars.push({ id, sqref: ref });
      return (
        `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${priority}">` +
        `<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(cf.color)}"/></dataBar>` +
        `<extLst><ext uri="${EXT_CF_ID}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst>` +
        '</cfRule></conditionalFormatting>'
      );
    }
  }
}

/** The comments part for a sheet's notes. */
export function buildComments(notes: readonly Note[], author: string): string {
  const sorted = [...notes].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${escapeText(author)}</author></authors><commentList>`,
  ];
  for (const n of sorted) {
    out.push(`<comment ref="${cellA1(n.row, n.col)}" authorId="0"><text><t xml:space="preserve">${escapeText(encodeOoxmlText(n.text))}</t></text></comment>`);
  }
  out.push('</commentList></comments>');
  return out.join('');
}

/** The legacy VML drawing Excel needs to show notes. `blocks` are unused o:idmap numbers (1024 shapes each). */
export function buildVml(notes: readonly Note[], blocks: readonly number[]): string {
  const out: string[] = [
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>`,
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
  ];
  notes.forEach((n, i) => {
    const id = blocks[Math.floor(i / 1023)] * 1024 + (i % 1023) + 1;
    const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 3}, 15, ${Math.max(0, n.row - 1) + 4}, 4`;
    out.push(
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`,
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>',
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>',
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData>`,
      '</v:shape>',
    );
  });
  out.push('</xml>');
  return out.join('');
}
