/**
 * A PivotTable's definition from what the PivotTable API loaded (hierarchies, data hierarchies'
 * summarise function and show-values-as, the layout), in the port's terms. No Office.js calls here:
 * the adapter loads, this reads.
 */
import { parseSheetRange } from '../../core/grid';
import type { PivotDataField, PivotDefinition, PivotSummary } from '../../core/read/pivot-definition';
import { isValuesHeader } from '../../core/vocabulary';

const SUMMARIES: Readonly<Record<string, PivotSummary>> = {
  // Excel sums numbers when it summarises "automatically".
  Automatic: 'sum',
  Sum: 'sum',
  Count: 'count',
  CountNumbers: 'countNums',
  Average: 'average',
  Max: 'max',
  Min: 'min',
  Product: 'product',
  StandardDeviation: 'stdDev',
  StandardDeviationP: 'stdDevp',
  Variance: 'var',
  VarianceP: 'varp',
};

const names = (c: Excel.RowColumnPivotHierarchyCollection | Excel.FilterPivotHierarchyCollection): string[] => c.items.map((h) => h.name);

function dataField(h: Excel.DataPivotHierarchy): PivotDataField {
  const calc = h.showAs?.calculation;
  return { name: h.name, field: null, summary: SUMMARIES[h.summarizeBy] ?? 'unknown', showAs: !calc || calc === 'None' ? null : String(calc) };
}

/**
 * The definition of a loaded PivotTable; `source` is `getDataSourceString()`'s answer (a range's
 * address or a table's name), or null where the API has none (then the pivot is its own data set).
 */
export function pivotDefinitionOf(p: Excel.PivotTable, source: string | null): PivotDefinition {
  const rows = names(p.rowHierarchies);
  const ref = source ? parseSheetRange(source) : null;
  const layout = p.layout.layoutType === 'Tabular' ? 'tabular' : p.layout.layoutType === 'Outline' ? 'outline' : 'compact';
  const where = p.layout.subtotalLocation;
  return {
    cache: source ? `source:${source.toLowerCase()}` : `pivot:${p.worksheet.name}!${p.name}`,
    source: source ? { sheet: ref?.sheet ?? null, range: ref?.range ?? null, name: ref ? null : source } : null,
    // The Values pseudo-hierarchy stands among the row or column hierarchies when there are several data fields.
    rowFields: rows.filter((n) => !isValuesHeader(n)),
    columnFields: names(p.columnHierarchies).filter((n) => !isValuesHeader(n)),
    // Which items a filter shows needs PivotFilters (ExcelApi 1.12); not asked, so none is claimed.
    pageFields: names(p.filterHierarchies).map((field) => ({ field, item: null })),
    dataFields: p.dataHierarchies.items.map(dataField),
    valuesOnRows: rows.some(isValuesHeader),
    layout,
    subtotals: where === 'AtTop' ? 'top' : where === 'AtBottom' ? 'bottom' : 'off',
    grandTotalRow: p.layout.showColumnGrandTotals,
    grandTotalColumn: p.layout.showRowGrandTotals,
  };
}
