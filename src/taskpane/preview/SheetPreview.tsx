/**
 * The preview page's read-only view of the workbook: a tab per visible sheet and a grid of the sheet
 * shown. What the pane asks Excel to do happens here: a warning's cell is shown, scrolled to and
 * highlighted; a generated sheet is opened. The user selects a range (click, shift-click, or typed)
 * for the pane's "Add selected range".
 */
import { Badge, Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetters, parseSheetRange, rangeA1, sheetRange, type CellRange, type Grid } from '../../core/grid';
import type { BrowserSession, SheetView } from '../browser-host';
import type { UiLanguage } from '../host';
import type { PreviewStrings } from '../preview-i18n';
import { cellText } from './cell-text';

/** Rows and columns rendered at a time (a preview, not a spreadsheet). */
export const WINDOW_ROWS = 150;
export const WINDOW_COLS = 40;

/** Two keyframes alike but for their names: alternating them restarts the highlight on every "show". */
const flashA = { '0%': { backgroundColor: tokens.colorPaletteYellowBackground3 }, '100%': { backgroundColor: tokens.colorPaletteYellowBackground2 } };
const flashB = { ...flashA, '50%': { backgroundColor: tokens.colorPaletteYellowBackground3 } };

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXS,
    rowGap: tokens.spacingVerticalXXS,
    flexShrink: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    fontWeight: tokens.fontWeightRegular,
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
  },
  tabCurrent: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
  },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  selection: { width: '14em' },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  scroller: {
    flexGrow: 1,
    minHeight: '12em',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    '& td': {
      borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      padding: '2px 6px',
      whiteSpace: 'nowrap',
      maxWidth: '18em',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      cursor: 'cell',
      userSelect: 'none',
    },
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '2px 6px',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'end',
    padding: '2px 6px',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  headActive: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'end' },
  selected: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1 },
  /** A cell the pane asked to show (a warning's): marked as a highlighter would. */
  shown: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  badge: { marginInlineStart: tokens.spacingHorizontalXS },
  anchor: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  flashA: {
    animationName: flashA,
    animationDuration: '1.5s',
    animationTimingFunction: 'ease-out',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
  flashB: {
    animationName: flashB,
    animationDuration: '1.5s',
    animationTimingFunction: 'ease-out',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
  pager: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

type Loaded = { readonly sheet: string; readonly version: number; readonly grid: Grid | null; readonly failed: boolean };

const inRange = (r: CellRange | null, row: number, col: number): boolean => !!r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export interface SheetPreviewProps {
  readonly session: BrowserSession;
  readonly lang: UiLanguage;
  readonly t: PreviewStrings;
}

export function SheetPreview({ session, lang, t }: SheetPreviewProps): JSX.Element {
  const styles = useStyles();
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const view = snap.view;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [start, setStart] = useState(0);
  const [typed, setTyped] = useState<string | null>(null);
  const [typedError, setTypedError] = useState<string | null>(null);
  const anchorRef = useRef<{ row: number; col: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const sheets = useMemo(() => snap.sheets.filter((s) => s.visible), [snap.sheets]);

  const viewSheet = view?.sheet ?? null;
  const version = snap.version;
  useEffect(() => {
    if (viewSheet === null) return undefined;
    let live = true;
    // A sheet not written since it was read comes back as the same grid: nothing to render again.
    session.readSheetWhenIdle(viewSheet).then(
      (grid) => live && setLoaded((was) => (was && was.sheet === viewSheet && was.grid === grid ? was : { sheet: viewSheet, version, grid, failed: false })),
      () => live && setLoaded({ sheet: viewSheet, version, grid: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [session, viewSheet, version]);

  const grid = loaded && view && loaded.sheet === view.sheet ? loaded.grid : null;
  const selection = view?.selection ?? null;
  const rowCount = grid ? grid.values.length : 0;
  const top = grid ? grid.top : 0;

  // Keep the selected cell in the rows shown; a new sheet starts at its top.
  useEffect(() => {
    if (!grid) return;
    const sel = view?.selection;
    setStart((s) => {
      const first = s >= grid.top && s < grid.top + Math.max(grid.values.length, 1) ? s : grid.top;
      if (!sel) return view?.origin === 'user' ? first : grid.top;
      if (sel.top >= first && sel.top < first + WINDOW_ROWS) return first;
      return Math.max(grid.top, sel.top - 10);
    });
  }, [grid, view]);

  // Bring the selected cell into view, centred in the grid (a cell the user clicked only when it is
  // not in view already), and the preview onto the screen when the pane asked for it.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!view || !view.selection || !box) return;
    const cell = box.querySelector<HTMLElement>('[data-anchor="true"]');
    if (!cell) return;
    const b = box.getBoundingClientRect();
    const r = cell.getBoundingClientRect();
    const visible = r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right;
    if (view.origin === 'user' && visible) return;
    box.scrollTop += r.top - b.top - (b.height - r.height) / 2;
    box.scrollLeft += r.left - b.left - (b.width - r.width) / 2;
    if (view.origin === 'pane') sectionRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [view, grid, start]);

  const cols = useMemo(() => {
    if (!grid) return [] as number[];
    let width = 0;
    for (const row of grid.values) width = Math.max(width, row.length);
    const first = selection && selection.left >= grid.left + WINDOW_COLS ? Math.max(grid.left, selection.left - 5) : grid.left;
    const out: number[] = [];
    for (let c = first; c < Math.min(grid.left + width, first + WINDOW_COLS); c++) out.push(c);
    return out;
  }, [grid, selection]);

  const pick = useCallback(
    (row: number, col: number, extend: boolean): void => {
      if (viewSheet === null) return;
      const a = extend && anchorRef.current ? anchorRef.current : { row, col };
      if (!extend) anchorRef.current = { row, col };
      setTyped(null);
      setTypedError(null);
      session.select(viewSheet, { top: Math.min(a.row, row), left: Math.min(a.col, col), bottom: Math.max(a.row, row), right: Math.max(a.col, col) });
    },
    [session, viewSheet],
  );

  if (!view) return <section className={styles.section} aria-label={t.sheet.heading} />;

  const shownRef = selection ? sheetRange(view.sheet, selection) : null;
  const flashClass = view.origin === 'pane' ? (view.seq % 2 ? styles.flashA : styles.flashB) : undefined;

  const commitTyped = (): void => {
    if (typed === null) return;
    const text = typed.trim();
    if (text === '') {
      session.select(view.sheet, null);
      setTyped(null);
      return;
    }
    const ref = parseSheetRange(text);
    if (!ref) {
      setTypedError(t.sheet.badRange(text));
      return;
    }
    setTypedError(null);
    setTyped(null);
    anchorRef.current = { row: ref.range.top, col: ref.range.left };
    if (ref.sheet === null) session.select(view.sheet, ref.range);
    else void session.showRange(text, 'user').catch((e: unknown) => setTypedError(e instanceof Error ? e.message : t.sheet.badRange(text)));
  };

  return (
    <section ref={sectionRef} className={styles.section} aria-labelledby="bf-sheet-preview">
      <h2 id="bf-sheet-preview" className={styles.heading}>
        {t.sheet.heading}
      </h2>
      {/* Buttons, not a Fluent TabList: its focus sentinels (tabster) are aria-hidden yet focusable,
          which axe-core reports as a serious violation (microsoft/fluentui#27517, "by design"). */}
      <div className={styles.tabs} role="group" aria-label={t.sheet.tabs}>
        {sheets.map((s) => {
          const current = s.name === view.sheet;
          return (
            <Button
              key={s.name}
              size="small"
              appearance="subtle"
              aria-pressed={current}
              className={mergeClasses(styles.tab, current && styles.tabCurrent)}
              onClick={() => void session.showSheet(s.name, 'user')}
            >
              {s.name}
              {snap.written.includes(s.name) && ' '}
              {snap.written.includes(s.name) && (
                <Badge size="small" appearance="tint" color="brand" className={styles.badge}>
                  {t.sheet.generated}
                </Badge>
              )}
            </Button>
          );
        })}
      </div>
      <div className={styles.tools}>
        <Field
          className={styles.selection}
          label={t.sheet.selection}
          validationState={typedError ? 'error' : 'none'}
          validationMessage={typedError ?? undefined}
        >
          <Input
            size="small"
            value={typed ?? (selection ? rangeA1(selection) : '')}
            onChange={(_, d) => setTyped(d.value)}
            onBlur={commitTyped}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitTyped();
            }}
          />
        </Field>
        <div role="status" aria-live="polite" className={styles.status} data-testid="sheet-status">
          {view.origin === 'pane' && (shownRef ? t.sheet.showing(shownRef) : t.sheet.showing(view.sheet))}
        </div>
      </div>
      <p className={styles.note}>{t.sheet.selectionHint}</p>
      {loaded?.failed && loaded.sheet === view.sheet ? (
        <p className={styles.note}>{t.sheet.unreadable}</p>
      ) : grid && rowCount === 0 ? (
        <p className={styles.note}>{t.sheet.empty}</p>
      ) : (
        grid && (
          <>
            <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={t.sheet.table(view.sheet)}>
              <SheetTable
                grid={grid}
                sheet={view.sheet}
                start={start}
                cols={cols}
                selection={selection}
                origin={view.origin}
                flashClass={flashClass}
                lang={lang}
                label={t.sheet.table(view.sheet)}
                onPick={pick}
              />
            </div>
            <div className={styles.pager}>
              <p className={styles.note}>{t.sheet.rows(start + 1, Math.min(top + rowCount, start + WINDOW_ROWS), top + rowCount)}</p>
              {rowCount > WINDOW_ROWS && (
                <>
                  <Button size="small" appearance="subtle" disabled={start <= top} onClick={() => setStart(Math.max(top, start - WINDOW_ROWS))}>
                    {t.sheet.earlier}
                  </Button>
                  <Button size="small" appearance="subtle" disabled={start + WINDOW_ROWS >= top + rowCount} onClick={() => setStart(start + WINDOW_ROWS)}>
                    {t.sheet.later}
                  </Button>
                </>
              )}
            </div>
          </>
        )
      )}
    </section>
  );
}

interface SheetTableProps {
  readonly grid: Grid;
  readonly sheet: string;
  /** The first sheet row shown. */
  readonly start: number;
  readonly cols: readonly number[];
  readonly selection: CellRange | null;
  readonly origin: SheetView['origin'];
  readonly flashClass: string | undefined;
  readonly lang: UiLanguage;
  readonly label: string;
  onPick(row: number, col: number, extend: boolean): void;
}

/**
 * The window of the grid shown, as a table. Its own component, rendered again only when what it shows
 * changes: while the pipeline writes sheet after sheet the session changes with each write, and the
 * window is thousands of cells.
 */
const SheetTable = memo(function SheetTable({ grid, sheet, start, cols, selection, origin, flashClass, lang, label, onPick }: SheetTableProps): JSX.Element {
  const styles = useStyles();
  const rows: number[] = [];
  for (let r = start; r < Math.min(grid.top + grid.values.length, start + WINDOW_ROWS); r++) rows.push(r);
  return (
    <table className={styles.table} aria-label={label} data-sheet={sheet}>
      <thead>
        <tr>
          <td className={mergeClasses(styles.head, styles.corner)} aria-hidden="true" />
          {cols.map((c) => (
            <th
              key={c}
              scope="col"
              className={mergeClasses(styles.head, selection && c >= selection.left && c <= selection.right ? styles.headActive : undefined)}
            >
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const values = grid.values[r - grid.top] ?? [];
          const formats = grid.formats[r - grid.top] ?? [];
          return (
            <tr key={r}>
              <th
                scope="row"
                className={mergeClasses(styles.rowHead, selection && r >= selection.top && r <= selection.bottom ? styles.headActive : undefined)}
              >
                {r + 1}
              </th>
              {cols.map((c) => {
                const v = values[c - grid.left] ?? null;
                const sel = inRange(selection, r, c);
                const anchor = !!selection && r === selection.top && c === selection.left;
                const text = cellText(v, formats[c - grid.left], lang);
                return (
                  <td
                    key={c}
                    data-cell={`${columnLetters(c)}${r + 1}`}
                    data-selected={sel ? 'true' : undefined}
                    data-anchor={anchor ? 'true' : undefined}
                    title={text.length > 20 ? text : undefined}
                    className={mergeClasses(
                      typeof v === 'number' && styles.number,
                      sel && (origin === 'pane' ? styles.shown : styles.selected),
                      sel && flashClass,
                      anchor && styles.anchor,
                    )}
                    onClick={(e) => onPick(r, c, e.shiftKey)}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
