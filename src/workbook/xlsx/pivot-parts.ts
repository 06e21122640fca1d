/**
 * Reads a PivotTable part (`xl/pivotTables/pivotTableN.xml`) and its cache definition
 * (`xl/pivotCache/pivotCacheDefinitionN.xml`) into a PivotDefinition. Only the definitions: the cache
 * records (every row of the source data) are never parsed.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { PivotCacheSource, PivotDataField, PivotDefinition, PivotSummary } from '../../core/read/pivot-definition';
import { parseRangeRef } from './sheetReader';
import { attr, childElements, firstChild } from './xml';

const SUMMARIES: readonly PivotSummary[] = ['sum', 'count', 'countNums', 'average', 'max', 'min', 'product', 'stdDev', 'stdDevp', 'var', 'varp'];

/** OOXML booleans with the schema's default when the attribute is absent. */
function flag(el: Element, name: string, fallback: boolean): boolean {
  const v = attr(el, name);
  if (v === null) return fallback;
  return v === '1' || v === 'true';
}

function children(parent: Element | null, name: string): Element[] {
  return parent ? childElements(parent, name) : [];
}

/** Field indexes of a `rowFields`/`colFields` list; -2 is the Values pseudo-field. */
function fieldIndexes(root: Element, list: string): number[] {
  return children(firstChild(root, list), 'field').map((f) => Number(attr(f, 'x') ?? 'NaN'));
}

function cacheSource(cache: Element): PivotCacheSource | null {
  const ws = firstChild(firstChild(cache, 'cacheSource') ?? cache, 'worksheetSource');
  if (!ws) return null;
  const ref = attr(ws, 'ref');
  return { sheet: attr(ws, 'sheet'), range: ref ? parseRangeRef(ref) : null, name: attr(ws, 'name') };
}

/** The text of shared item `x` of a cache field (for the item a report filter shows). */
function sharedItem(cacheField: Element | undefined, x: number): string | null {
  const items = cacheField ? firstChild(cacheField, 'sharedItems') : null;
  const item = items ? childElements(items)[x] : undefined;
  return item ? attr(item, 'v') : null;
}

/**
 * The layout of the row fields, as Excel sets it per field: outline off is tabular, compact on is
 * compact, else outline. The outer fields tell (the innermost one lays out the same in all three).
 */
function layoutOf(rowFields: readonly Element[]): PivotDefinition['layout'] {
  const outer = rowFields.length > 1 ? rowFields.slice(0, -1) : rowFields;
  if (outer.length === 0) return 'compact';
  if (outer.some((f) => !flag(f, 'outline', true))) return 'tabular';
  if (outer.every((f) => flag(f, 'compact', true))) return 'compact';
  return 'outline';
}

/** Custom subtotal functions a field may have instead of the automatic one (LibreOffice writes `sumSubtotal`). */
const CUSTOM_SUBTOTALS = [
  'sumSubtotal',
  'countASubtotal',
  'avgSubtotal',
  'maxSubtotal',
  'minSubtotal',
  'productSubtotal',
  'countSubtotal',
  'stdDevSubtotal',
  'stdDevPSubtotal',
  'varSubtotal',
  'varPSubtotal',
];

function hasSubtotal(f: Element): boolean {
  return flag(f, 'defaultSubtotal', true) || CUSTOM_SUBTOTALS.some((a) => flag(f, a, false));
}

function subtotalsOf(rowFields: readonly Element[], layout: PivotDefinition['layout']): PivotDefinition['subtotals'] {
  const outer = rowFields.slice(0, -1);
  if (outer.length === 0 || !outer.some(hasSubtotal)) return 'off';
  // A tabular layout can only show subtotals below their group.
  if (layout === 'tabular') return 'bottom';
  return outer.every((f) => flag(f, 'subtotalTop', true)) ? 'top' : 'bottom';
}

function dataFieldOf(el: Element, names: readonly string[]): PivotDataField {
  const fld = Number(attr(el, 'fld') ?? 'NaN');
  const summary = (attr(el, 'subtotal') ?? 'sum') as PivotSummary;
  const showAs = attr(el, 'showDataAs');
  return {
    name: attr(el, 'name') ?? names[fld] ?? '',
    field: names[fld] ?? null,
    summary: SUMMARIES.includes(summary) ? summary : 'unknown',
    showAs: showAs === null || showAs === 'normal' ? null : showAs,
  };
}

/** The definition of one pivot; `cachePart` names its cache (pivots sharing it are views). */
export function readPivotDefinition(table: Document, cachePart: string, cache: Document | null): PivotDefinition {
  const root = table.documentElement as Element;
  const cacheRoot = cache ? (cache.documentElement as Element) : null;
  const cacheFields = children(cacheRoot ? firstChild(cacheRoot, 'cacheFields') : null, 'cacheField');
  const names = cacheFields.map((f) => attr(f, 'name') ?? '');
  const pivotFields = children(firstChild(root, 'pivotFields'), 'pivotField');
  const rows = fieldIndexes(root, 'rowFields');
  const rowFieldEls = rows
    .filter((x) => x >= 0)
    .map((x) => pivotFields[x])
    .filter((f): f is Element => f !== undefined);
  const layout = layoutOf(rowFieldEls);
  const pageFields = children(firstChild(root, 'pageFields'), 'pageField').map((p) => {
    const fld = Number(attr(p, 'fld') ?? 'NaN');
    const item = attr(p, 'item');
    const items = children(firstChild(pivotFields[fld] ?? root, 'items'), 'item');
    // The item shown: the one chosen, else the only one not hidden (several chosen: Excel and
    // LibreOffice hide the others and name none).
    const visible = items.filter((i) => attr(i, 't') === null && !flag(i, 'h', false));
    const x = item !== null ? items[Number(item)] : visible.length === 1 && visible.length < items.length ? visible[0] : undefined;
    return { field: names[fld] ?? '', item: x ? sharedItem(cacheFields[fld], Number(attr(x, 'x') ?? 'NaN')) : null };
  });
  return {
    cache: cachePart,
    source: cacheRoot ? cacheSource(cacheRoot) : null,
    rowFields: rows.filter((x) => x >= 0).map((x) => names[x] ?? ''),
    columnFields: fieldIndexes(root, 'colFields')
      .filter((x) => x >= 0)
      .map((x) => names[x] ?? ''),
    pageFields,
    dataFields: children(firstChild(root, 'dataFields'), 'dataField').map((d) => dataFieldOf(d, names)),
    valuesOnRows: rows.includes(-2),
    layout,
    subtotals: subtotalsOf(rowFieldEls, layout),
    grandTotalRow: flag(root, 'colGrandTotals', true),
    grandTotalColumn: flag(root, 'rowGrandTotals', true),
  };
}
