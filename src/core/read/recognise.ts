/**
 * Recognises everything a workbook holds for the follow-up: sources of figures (pivots and role
 * tables), measures tables and key figures. Each cell is used by at most one thing. An explicit
 * mapping of sources (from `--config` or the task pane) replaces the detection of sources.
 */
import { FollowUpError } from '../errors';
import { parseSheetRange, quoteSheet, rangeA1, sheetRange, valueAt, type CellRange, type Grid } from '../grid';
import { periodFromText, timeInHeader, yearInText } from '../periods';
import type { Amount, KeyFigure, Language, MeasuresSource, PivotOrigin, Recognised, Role, SeenSource, Series, Source, Unit } from '../sources';
import { scaleLine, unitScale } from '../units';
import { addScores, isGrandTotalLabel, languageOfScore, languageScore, roleOfMeasure, totalLabel, type LanguageScore } from '../vocabulary';
import { finding, type Finding } from '../warnings';
import { findBlocks, gridTexts, titlesAbove, UsedCells } from './blocks';
import { readKeyFigures } from './key-figures';
import { looksLikeMeasures, readMeasures } from './measures';
import { looksLikePivot, readPivot } from './pivot';
import { isMoneyField, pivotsSummarising, type PivotDefinition } from './pivot-definition';
import { withDescription } from './source';
import { readTable } from './table';
import { seenBlock } from './seen';
import { chooseViews } from './views';
import { choicesByColumn } from './choices';
import type { ColumnChoice } from '../config';

export interface SourceMappingOption {
  /** Sheet-qualified range, e.g. `'Budget 2024'!A1:N13`. */
  readonly range: string;
  /** The role to give it; when absent the words decide. */
  readonly role?: Role;
  /** A person's reading of its columns (by letter or header) and its unit. */
  readonly columns?: Readonly<Record<string, ColumnChoice>>;
  readonly unit?: Unit;
}

export interface RecogniseOptions {
  /** Explicit sources: only these ranges are read (each as a pivot or a table). */
  readonly sources?: readonly SourceMappingOption[];
  /** Explicit measures table range. */
  readonly measures?: string;
  /** The workbook's language when known; null or absent: detected from its words. */
  readonly language?: Language | null;
  /** Ranges of the workbook's real PivotTables: read as pivots with exactly these bounds. */
  readonly pivotRanges?: readonly PivotHint[];
}

/** A real PivotTable: its range, and its name and definition when the adapter read them. */
export interface PivotHint {
  readonly sheet: string;
  readonly range: CellRange;
  readonly name?: string;
  readonly definition?: PivotDefinition;
}

function findGrid(grids: readonly Grid[], sheet: string): Grid | undefined {
  return grids.find((g) => g.sheet === sheet) ?? grids.find((g) => g.sheet.toLowerCase() === sheet.toLowerCase());
}

/** The grid and range an explicit range names; throws a FollowUpError naming the range when it cannot. */
function resolveRange(grids: readonly Grid[], text: string, what: string): { grid: Grid; range: CellRange } {
  const ref = parseSheetRange(text);
  if (!ref) throw new FollowUpError('bad-input', `The ${what} range "${text}" is not a range such as 'Budget 2024'!A1:N13.`, text);
  if (ref.sheet === null) {
    if (grids.length === 1) return { grid: grids[0], range: ref.range };
    throw new FollowUpError('bad-input', `The ${what} range "${text}" does not name a sheet; write it as 'Sheet name'!${text}.`, text);
  }
  const grid = findGrid(grids, ref.sheet);
  if (!grid) {
    const sheets = grids.map((g) => quoteSheet(g.sheet)).join(', ');
    throw new FollowUpError(
      'bad-input',
      `The ${what} range "${text}" names the sheet "${ref.sheet}", which the workbook does not have (sheets: ${sheets || 'none'}).`,
      text,
    );
  }
  return { grid, range: ref.range };
}

function ownRange(text: string): CellRange | null {
  return parseSheetRange(text)?.range ?? null;
}

/**
 * The latest year a sheet's words name (its name, titles, period headers), for month names without one.
 * Texts in `seen` are skipped (the caller takes the latest over all sheets, whose labels repeat), and
 * the others are added to it.
 */
function latestYear(sheet: string, texts: readonly string[], seen: Set<string>): number | null {
  let best: number | null = null;
  const see = (t: string): void => {
    if (t.length > 60 || seen.has(t)) return;
    seen.add(t);
    const p = periodFromText(t);
    const y = p ? Number(p.slice(0, 4)) : yearInText(t);
    if (y !== null && (best === null || y > best)) best = y;
  };
  see(sheet);
  // Indexed: a for…of makes an iterator result per text in code not yet optimised.
  for (let i = 0; i < texts.length; i++) see(texts[i]);
  return best;
}

/** The larger of two years, either of which may be unknown. */
function laterYear(a: number | null, b: number | null): number | null {
  return a === null || (b !== null && b > a) ? b : a;
}

/**
 * Texts of a sheet its language is told from: the first ones in reading order, where the headers are.
 * A sheet's words are in one language; scoring a million ledger labels would only take time.
 */
const LANGUAGE_SAMPLE = 20_000;

/**
 * The least score a workbook's language needs: more than one word says (a pivot word weighs 4, a
 * budget word 3, a common word 1), so one `Total` or `Budget` never decides the sheets' language.
 */
const LANGUAGE_EVIDENCE = 5;

function workbookLanguage(score: LanguageScore): Language | null {
  const lang = languageOfScore(score);
  return lang !== null && score[lang] >= LANGUAGE_EVIDENCE ? lang : null;
}

/** Recognises the sources, measures tables and key figures of a workbook's sheets. */
export function recognise(grids: readonly Grid[], options: RecogniseOptions = {}): Recognised {
  // Each sheet's texts are gathered once, for its language and the years it names. Each sheet's
  // texts are scored once; the workbook's score is the sum of its sheets'.
  const scores: LanguageScore[] = [];
  let contextYear: number | null = null;
  const seenTexts = new Set<string>();
  for (const g of grids) {
    const texts = gridTexts(g);
    if (!options.language) scores.push(languageScore([g.sheet, ...texts.slice(0, LANGUAGE_SAMPLE)]));
    contextYear = laterYear(contextYear, latestYear(g.sheet, texts, seenTexts));
  }
  const language = options.language ?? workbookLanguage(addScores(scores));
  // Each sheet's own words decide how its numbers read when they tell; else the workbook's.
  const sheetLanguage = new Map(grids.map((g, i) => [g, scores[i] ? languageOfScore(scores[i]) : null] as const));
  const langOf = (g: Grid): Language | null => options.language ?? sheetLanguage.get(g) ?? language;
  const used = new UsedCells();
  const sources: Source[] = [];
  const measures: MeasuresSource[] = [];
  const keyFigures: KeyFigure[] = [];
  const findings: Finding[] = [];
  const seen: SeenSource[] = [];
  const titlesOf = (g: Grid, r: CellRange): string[] => titlesAbove(g, r, used).map((t) => t.text);
  const markSource = (g: Grid, r: CellRange, s: { range: string }): void => {
    used.mark(g.sheet, r);
    const own = parseSheetRange(s.range);
    if (own) used.mark(g.sheet, own.range);
  };

  // Explicit measures range.
  if (options.measures) {
    const { grid, range } = resolveRange(grids, options.measures, 'measures');
    const m = readMeasures(grid, range, { language: langOf(grid), titles: titlesOf(grid, range), contextYear });
    if (!m)
      throw new FollowUpError(
        'bad-input',
        `Found no measures table (a column such as "Tiltak" and an effect column) in "${options.measures}".`,
        options.measures,
      );
    measures.push(m);
    used.mark(grid.sheet, range);
  }

  const explicit = options.sources && options.sources.length > 0 ? options.sources : null;
  if (explicit) {
    // Explicit sources: only these ranges, each as a pivot or a table.
    const resolved = explicit.map((s) => ({ text: s.range, role: s.role, columns: s.columns, unit: s.unit, ...resolveRange(grids, s.range, 'source') }));
    for (const s of resolved) {
      const opts = { language: langOf(s.grid), contextYear, role: s.role, titles: titlesOf(s.grid, s.range) };
      const tableOpts = { ...opts, columns: s.columns, unit: s.unit };
      const pivotOpts = { ...opts, unit: s.unit };
      const read = looksLikePivot(s.grid, s.range, opts.language)
        ? (readPivot(s.grid, s.range, pivotOpts) ?? readTable(s.grid, s.range, tableOpts))
        : (readTable(s.grid, s.range, tableOpts) ?? readPivot(s.grid, s.range, { ...pivotOpts, known: true }));
      const source = read && read.kind === 'pivot' ? choosePivotColumns(read, s.columns, s.unit !== undefined) : read;
      if (!source) {
        throw new FollowUpError(
          'bad-input',
          `Found no figures in the source range "${s.text}": it needs a label column and columns of figures named by role (e.g. "Budsjett", "Regnskap") or by month.`,
          s.text,
        );
      }
      sources.push(source);
      markSource(s.grid, s.range, source);
    }
  } else {
    // Real PivotTables first, with their exact bounds and what their definitions say.
    for (const hint of options.pivotRanges ?? []) {
      const grid = findGrid(grids, hint.sheet);
      if (!grid || used.overlaps(grid.sheet, hint.range)) continue;
      const def = hint.definition;
      // Counts, averages and shares; or each item's figures on one row per data field (its labels
      // would be read as lines): seen, naming the fields, and kept from being read again as a block.
      const setAside =
        def && def.dataFields.length > 0 && !def.dataFields.some(isMoneyField)
          ? 'seen-not-money'
          : def && def.valuesOnRows && def.dataFields.length > 1
            ? 'seen-values-on-rows'
            : null;
      if (def && setAside) {
        const range = sheetRange(grid.sheet, hint.range);
        seen.push({ range, kind: 'pivot', reason: finding(setAside, { fields: def.dataFields.map((f) => f.name).join(', ') }, range) });
        used.mark(grid.sheet, hint.range);
        continue;
      }
      const notMoney = def ? def.dataFields.filter((f) => !isMoneyField(f)).map((f) => f.name) : [];
      const bounds = def ? withoutUnnamedGrandTotal(grid, hint.range, def) : hint.range;
      const source = readPivot(grid, bounds, { language: langOf(grid), contextYear, titles: titlesOf(grid, hint.range), known: true, notMoney });
      if (source) {
        sources.push(def ? { ...source, pivot: pivotOrigin(hint, def) } : source);
        markSource(grid, hint.range, source);
      }
    }
  }

  // Blocks of each sheet: pivots, measures tables, role tables. A block a source does not fill (two
  // pivots with no empty column between them) is looked at again for what is left of it.
  for (const g of grids) {
    const lang = langOf(g);
    const tried = new Set<string>();
    // Blocks still to look at, in sheet order (top, then left). Taking part of a block changes only
    // that block: what is left of it is found again within its range, not by scanning the sheet anew.
    let pending = findBlocks(g, used);
    for (;;) {
      const at = pending.findIndex((b) => !tried.has(rangeA1(b)));
      if (at < 0) break;
      const block = pending[at];
      pending.splice(0, at + 1);
      tried.add(rangeA1(block));
      const titles = titlesOf(g, block);
      let taken: CellRange | null = null;
      if (!explicit && looksLikePivot(g, block, lang)) {
        const s = readPivot(g, block, { language: lang, contextYear, titles });
        if (s) {
          sources.push(s);
          taken = ownRange(s.range);
        }
      }
      if (!taken && !options.measures && looksLikeMeasures(g, block)) {
        const m = readMeasures(g, block, { language: lang, titles, contextYear });
        if (m) {
          measures.push(m);
          taken = ownRange(m.range);
        }
      }
      if (!taken && !explicit) {
        const s = readTable(g, block, { language: lang, contextYear, titles });
        if (s) {
          sources.push(s);
          taken = ownRange(s.range);
        }
      }
      // The source and the rows of its block above it (its titles).
      if (taken) {
        const mark = { ...taken, top: Math.min(taken.top, block.top) };
        used.mark(g.sheet, mark);
        const inside = mark.top >= block.top && mark.left >= block.left && mark.bottom <= block.bottom && mark.right <= block.right;
        if (!inside) pending = findBlocks(g, used);
        else pending = [...findBlocks(g, used, block), ...pending].sort((a, b) => a.top - b.top || a.left - b.left);
      }
    }
  }

  // Key figures in what is left.
  for (const g of grids) {
    for (const block of findBlocks(g, used)) {
      const kf = readKeyFigures(g, block, { language: langOf(g), used });
      keyFigures.push(...kf.figures);
      findings.push(...kf.findings);
      for (const r of kf.cells) used.mark(g.sheet, r);
      // Nothing taken from it: seen, and said why (never merged into the lines).
      const left = kf.cells.length === 0 && !explicit ? seenBlock(g, block, langOf(g), options.pivotRanges ?? []) : null;
      if (left) seen.push(left);
    }
  }

  // A measures table without a unit takes the unit of the stated measures total (`Tiltak (mill. kr)`).
  const measuresUnit = keyFigures.find((k) => k.kind === 'measures-total' && k.unit !== null)?.unit ?? null;
  const measuresOut = measures.map((m) => (m.unit === null && measuresUnit !== null ? { ...m, unit: measuresUnit } : m));

  // The pivots' own data (the table they summarise) is seen, not used; then one view per role.
  const pivotData = dataTables(sources, options.pivotRanges ?? []);
  for (const d of pivotData) seen.push(d.seen);
  const dataRanges = new Set(pivotData.map((d) => d.source));
  const reading = explicit ? null : chooseViews(latestYearIsActual(sources.filter((s) => !dataRanges.has(s))));
  return {
    sources: reading ? reading.sources : latestYearIsActual(sources),
    measures: measuresOut,
    keyFigures,
    language,
    findings: reading ? [...findings, ...reading.findings] : findings,
    seen: reading ? [...seen, ...reading.seen] : seen,
  };
}

/**
 * A pivot's range without its grand-total row when the definition says it has one but its label is
 * no total word the reader knows (a caption a person typed, `Alle enheter`): the row would otherwise
 * be read as one more line, and the budget counted twice.
 */
function withoutUnnamedGrandTotal(g: Grid, range: CellRange, def: PivotDefinition): CellRange {
  if (!def.grandTotalRow || def.rowFields.length === 0 || range.bottom <= range.top) return range;
  for (let col = range.left; col < range.left + Math.max(1, def.rowFields.length) && col <= range.right; col++) {
    const label = valueAt(g, range.bottom, col);
    if (typeof label === 'string' && (isGrandTotalLabel(label) || totalLabel(label) !== null)) return range;
  }
  return { ...range, bottom: range.bottom - 1 };
}

/** What a source read from a real PivotTable keeps of its definition. */
function pivotOrigin(hint: PivotHint, def: PivotDefinition): PivotOrigin {
  const src = def.source;
  // Two caches over the same range or table are one data set: the source tells, else the cache.
  const dataSet = src && (src.name || src.range) ? `${src.sheet ?? ''}!${src.range ? rangeA1(src.range) : ''}!${src.name ?? ''}`.toLowerCase() : def.cache;
  return {
    name: hint.name ?? '',
    dataSet,
    rowFields: def.rowFields,
    filters: def.pageFields.filter((p) => p.item !== null).map((p) => `${p.field}=${p.item}`),
    filterFields: def.pageFields.map((p) => p.field),
  };
}

/** Report tables that are the source data of real PivotTables (their range overlaps the cache's source). */
function dataTables(sources: readonly Source[], hints: readonly PivotHint[]): { source: Source; seen: SeenSource }[] {
  const out: { source: Source; seen: SeenSource }[] = [];
  for (const s of sources) {
    if (s.kind !== 'table') continue;
    const own = parseSheetRange(s.range)?.range;
    if (!own) continue;
    const pivots = pivotsSummarising(hints, s.sheet, own);
    if (pivots.length === 0) continue;
    const names = pivots.map((p) => sheetRange(p.sheet, p.range)).join(', ');
    out.push({ source: s, seen: { range: s.range, kind: 'table', reason: finding('seen-data-table', { pivots: names }, s.range) } });
  }
  return out;
}

/**
 * When actual figures of different years are found (two pivots, or `Regnskap 2022` and `Regnskap
 * 2021` columns), the latest year is the actuals and the earlier ones last year's actuals.
 * Month-by-month sources change as a whole (a pivot spanning December–January stays one source).
 */
function latestYearIsActual(sources: readonly Source[]): Source[] {
  interface Unit {
    readonly source: number;
    /** Series indexes that change together. */
    readonly series: number[];
    readonly year: number;
  }
  const units: Unit[] = [];
  sources.forEach((s, i) => {
    // A person's reading of the columns stands.
    if (s.chosen) return;
    const monthly = s.series.map((x, j) => ({ x, j })).filter(({ x }) => x.measure === 'actual' && x.period !== null);
    if (monthly.length) {
      const year = Math.max(...monthly.map(({ x }) => Number((x.period as string).slice(0, 4))));
      const all = s.series.map((x, j) => ({ x, j })).filter(({ x }) => x.measure === 'actual' && (x.period !== null || x.isTotal));
      units.push({ source: i, series: all.map(({ j }) => j), year });
    }
    // Columns count with the year their header names ("Regnskap 2021"), not a year guessed from a title.
    s.series.forEach((x, j) => {
      if (x.measure === 'actual' && x.period === null && !x.isTotal && x.year !== null && !monthly.length && timeInHeader(x.header).year === x.year) {
        units.push({ source: i, series: [j], year: x.year });
      }
    });
  });
  const years = new Set(units.map((u) => u.year));
  if (years.size < 2) return [...sources];
  const latest = Math.max(...years);
  const change = new Map<number, Set<number>>();
  for (const u of units) {
    if (u.year >= latest) continue;
    const set = change.get(u.source) ?? new Set<number>();
    for (const j of u.series) set.add(j);
    change.set(u.source, set);
  }
  return sources.map((s, i) => {
    const set = change.get(i);
    if (!set) return s;
    const series: Series[] = s.series.map((x, j) => (set.has(j) ? { ...x, measure: 'prior-actual' } : x));
    const roles = [...new Set(series.map((x) => roleOfMeasure(x.measure)).filter((r) => r !== null))];
    const role: Role =
      s.role === 'table' ? (roles.length === 1 ? (roles[0] as Role) : 'table') : s.role === 'actual' && roles.length === 1 ? (roles[0] as Role) : s.role;
    const { description: _d, ...rest } = s;
    void _d;
    return withDescription({ ...rest, series, role });
  });
}

/**
 * A person's reading of a pivot's columns: a data field or period read as another measure, another
 * year or months, or not at all (`ignored`), or in another unit. The figures keep their values except
 * where a unit chosen for a column converts them, exactly, into the pivot's unit.
 */
function choosePivotColumns(source: Source, columns: Readonly<Record<string, ColumnChoice>> | undefined, unitChosen: boolean): Source {
  const known = [...(source.labelColumns ?? []), ...source.series.map((x) => ({ column: x.column, header: x.header }))];
  const chosen = choicesByColumn(
    columns,
    known.map((c) => ({ col: c.column, header: c.header })),
    source.range,
  );
  if (chosen.size === 0) return unitChosen ? { ...source, chosen: true } : source;
  const series = source.series.map((x): Series => {
    const c = chosen.get(x.column);
    if (!c) return x;
    const measure = c.role === undefined ? x.measure : c.role === 'key' || c.role === 'label' ? 'ignored' : c.role;
    return { ...x, measure, year: c.year ?? x.year, months: c.months ?? x.months ?? null, unit: measure === 'variance-pct' ? null : (c.unit ?? x.unit) };
  });
  // As readPivot takes it: the pivot's unit as read, else the first a column was chosen in.
  const unit = source.unit ?? series.find((x) => x.unit)?.unit ?? null;
  const scales = series.map((x, j) => {
    const was = source.series[j];
    if (x.unit === was.unit || !x.unit) return null;
    // The figures as written (a caption's unit was already converted into the pivot's), then into the pivot's unit.
    const back = unitScale(source.unit, was.unit ?? null);
    const into = unitScale(x.unit, unit);
    if (!back) return into;
    return into ? (a: Amount): Amount => into(back(a)) : back;
  });
  const { description: _d, ...rest } = source;
  void _d;
  const lines = rest.lines.map((l) => scaleLine(l, scales));
  const totals = rest.totals.map((l) => scaleLine(l, scales));
  // Amounts no unit was read or chosen for are in the pivot's (as buildSource marks them).
  const inUnit = series.map((x): Series => (x.unit || x.measure === 'variance-pct' ? x : { ...x, unit }));
  return { ...withDescription({ ...rest, series: inUnit, unit, lines, totals }), chosen: true };
}
