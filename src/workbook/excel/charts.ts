/**
 * A layout's charts drawn with the Office.js chart API, as the xlsx adapter writes them: the same
 * types, series over the same cells, colours, dashes and markers, and anchors. Every member used is
 * in ExcelApi 1.8 or lower (checked in @types/office-js), below the add-in's minimum of 1.9.
 */
import { cellA1 } from '../../core/grid';
import type { ChartSeries, ChartSpec } from '../../report/layout';

// String values, not the Excel enums: the adapter runs (and is tested) where no Excel global exists.
const TYPES: Record<ChartSpec['kind'], 'Line' | 'ColumnStacked' | 'BarClustered'> = {
  line: 'Line',
  'stacked-column': 'ColumnStacked',
  bar: 'BarClustered',
};

/** `$A$5:$A$16` → `A5:A16`: the chart API takes ranges of the sheet itself. */
const plain = (range: string): string => range.replace(/\$/g, '');
const colour = (rgb: string): string => `#${rgb}`;

function styleSeries(series: Excel.ChartSeries, s: ChartSeries, kind: ChartSpec['kind']): void {
  if (s.color === null) {
    // a bridge's base: there, carrying the bars above it, but not seen
    series.format.fill.clear();
    series.format.line.lineStyle = 'None';
    return;
  }
  if (kind === 'line') {
    series.format.line.color = colour(s.color);
    series.format.line.lineStyle = s.dashed ? 'Dash' : 'Continuous';
    series.markerStyle = s.markers ? 'Circle' : 'None';
    if (s.markers) {
      series.markerBackgroundColor = colour(s.color);
      series.markerForegroundColor = colour(s.color);
    }
    return;
  }
  series.format.fill.setSolidColor(colour(s.color));
  series.gapWidth = 60;
  (s.pointColors ?? []).forEach((c, i) => series.points.getItemAt(i).format.fill.setSolidColor(colour(c)));
}

/**
 * Adds one chart to the sheet. `textOf` gives the text of a cell of the layout (a series' name): the
 * chart API names a series by text, not by reference.
 */
export function drawChart(ws: Excel.Worksheet, spec: ChartSpec, textOf: (a1: string) => string): Excel.Chart {
  const [first, ...rest] = spec.series;
  // Added over its first series' values (one column: one series); the others are added to it.
  const chart = ws.charts.add(TYPES[spec.kind], ws.getRange(plain(first.values)), 'Columns');
  chart.title.text = spec.title;
  chart.legend.visible = spec.legend;
  if (spec.legend) chart.legend.position = 'Bottom';
  const { from, to } = spec.anchor;
  chart.setPosition(cellA1(from.row, from.col), cellA1(to.row - 1, to.col - 1));
  const categories = ws.getRange(plain(spec.categories));
  const all = [first, ...rest];
  all.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(textOf(s.name));
    series.name = textOf(s.name);
    if (i > 0) series.setValues(ws.getRange(plain(s.values)));
    series.setXAxisValues(categories);
    styleSeries(series, s, spec.kind);
  });
  if (spec.numberFormat) chart.axes.valueAxis.numberFormat = spec.numberFormat;
  if (spec.kind === 'line') chart.displayBlanksAs = 'Interplotted';
  if (spec.kind === 'bar') {
    // the first line at the top, the value axis kept at the bottom, the labels clear of negative bars
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.axes.categoryAxis.position = 'Maximum';
    chart.axes.categoryAxis.tickLabelPosition = 'Low';
  }
  return chart;
}
