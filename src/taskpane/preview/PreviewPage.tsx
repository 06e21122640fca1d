/**
 * The preview page: the task pane outside Office. The user opens or drops an .xlsx; the same pane
 * (App) runs over it with the browser as host (browser-host.ts), beside a read-only preview of the
 * workbook's sheets; the workbook with the follow-up sheets is downloaded. Nothing leaves the browser.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { isFollowUpError } from '../../core/errors';
import { App } from '../components/App';
import { BrowserSession } from '../browser-host';
import type { ThemeKind, UiLanguage } from '../host';
import { STRINGS } from '../i18n';
import { PREVIEW_STRINGS, type PreviewStrings } from '../preview-i18n';
import { SheetPreview } from './SheetPreview';

const LANGUAGES: readonly { readonly lang: UiLanguage; readonly name: string; readonly tag: string }[] = [
  { lang: 'nb', name: 'Norsk bokmål', tag: 'nb-NO' },
  { lang: 'sv', name: 'Svenska', tag: 'sv-SE' },
  { lang: 'en', name: 'English', tag: 'en' },
];
const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tagline: { fontWeight: tokens.fontWeightRegular, opacity: 0.9 },
  langField: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  langLabel: { fontSize: tokens.fontSizeBase300 },
  empty: { flexGrow: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
  emptyInner: { width: '100%', maxWidth: '640px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  dropIcon: { fontSize: '40px', lineHeight: 1, color: tokens.colorBrandForeground1 },
  dropText: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  privacy: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  columns: {
    flexGrow: 1,
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 460px) minmax(0, 1fr)',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalL,
    '@media (max-width: 860px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  paneColumn: { display: 'flex', flexDirection: 'column', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  fileBar: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', ':focus': { outline: 'none' } },
  fileMeta: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  fileActions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  sheetColumn: {
    position: 'sticky',
    top: 0,
    height: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM} 0`,
    minWidth: 0,
    '@media (max-width: 860px)': { position: 'static', height: '80vh', padding: tokens.spacingHorizontalM },
  },
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorBackgroundOverlay,
    color: tokens.colorNeutralForegroundStaticInverted,
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    pointerEvents: 'none',
  },
});

type LoadState =
  | { readonly status: 'empty' }
  | { readonly status: 'opening'; readonly name: string }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'loaded'; readonly session: BrowserSession; readonly id: number };

/** The user's preferred colour scheme, followed as it changes. */
function usePreferredTheme(): ThemeKind {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return undefined;
    const onChange = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark ? 'dark' : 'light';
}

/** Saves bytes as a download (a blob: URL; nothing is sent anywhere). */
function download(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface PreviewPageProps {
  readonly initialLanguage: UiLanguage;
}

export function PreviewPage({ initialLanguage }: PreviewPageProps): JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = useState<UiLanguage>(initialLanguage);
  const theme = usePreferredTheme();
  const [state, setState] = useState<LoadState>({ status: 'empty' });
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const t = PREVIEW_STRINGS[lang];
  const pane = STRINGS[lang];
  const tag = LANGUAGES.find((l) => l.lang === lang)?.tag ?? 'en';
  // One host per workbook, language and theme: a new one makes the pane look through the workbook again.
  const host = useMemo(() => (state.status === 'loaded' ? state.session.hostOf(lang, theme) : null), [state, lang, theme]);

  useEffect(() => {
    document.documentElement.lang = tag;
    document.title = `${pane.appTitle} — ${t.tagline}`;
  }, [tag, pane.appTitle, t.tagline]);

  // The page is interactive: the drop zone and the file button are there and enabled.
  useEffect(() => {
    performance.mark('bf-interactive');
    document.body.dataset.ready = 'true';
  }, []);

  const open = useCallback(
    async (files: FileList | readonly File[] | null): Promise<void> => {
      const list = files ? Array.from(files) : [];
      if (list.length === 0) return;
      if (list.length > 1) {
        setState({ status: 'error', message: t.oneFile });
        return;
      }
      const file = list[0];
      setState({ status: 'opening', name: file.name });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const session = await BrowserSession.open(bytes, file.name);
        setState({ status: 'loaded', session, id: nextId.current++ });
      } catch (e) {
        setState({ status: 'error', message: isFollowUpError(e) ? e.message : t.unreadable(file.name) });
      }
    },
    [t],
  );

  const dragHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!Array.from(e.dataTransfer.types).includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (e.relatedTarget === null || !(e.currentTarget as Node).contains(e.relatedTarget as Node)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void open(e.dataTransfer.files);
    },
  };

  const fileInput = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT}
      hidden
      data-testid="file-input"
      onChange={(e) => {
        const files = e.currentTarget.files;
        void open(files ? Array.from(files) : null).finally(() => {
          if (input.current) input.current.value = '';
        });
      }}
    />
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={tag}>
      <div className={styles.page} {...dragHandlers}>
        <header className={styles.bar}>
          <span className={styles.brand}>
            <img src="icon-32.png" alt="" width={24} height={24} />
            {pane.appTitle} <span className={styles.tagline}>{t.tagline}</span>
          </span>
          <span className={styles.langField}>
            <label htmlFor="bf-language" className={styles.langLabel}>
              {t.language}
            </label>
            <Select id="bf-language" size="small" value={lang} onChange={(_, d) => setLang(d.value as UiLanguage)}>
              {LANGUAGES.map((l) => (
                <option key={l.lang} value={l.lang} lang={l.tag}>
                  {l.name}
                </option>
              ))}
            </Select>
          </span>
        </header>
        {fileInput}
        {state.status === 'loaded' && host ? (
          <div className={styles.columns}>
            <div className={styles.paneColumn}>
              <FileBar session={state.session} t={t} onAnother={() => input.current?.click()} />
              <App key={state.id} host={host} />
            </div>
            <div className={styles.sheetColumn}>
              <SheetPreview session={state.session} lang={lang} t={t} />
            </div>
          </div>
        ) : (
          <main className={styles.empty} aria-labelledby="bf-open">
            <div className={styles.emptyInner}>
              <h1 id="bf-open" className={styles.h1}>
                {t.empty.heading}
              </h1>
              <p className={styles.body}>{t.empty.body}</p>
              {state.status === 'error' && (
                <MessageBar intent="error" role="alert" data-testid="open-error">
                  <MessageBarBody>
                    <MessageBarTitle>{t.openError}</MessageBarTitle> {state.message}
                  </MessageBarBody>
                </MessageBar>
              )}
              <div className={mergeClasses(styles.drop, dragging && styles.dropActive)} data-testid="drop-zone" aria-busy={state.status === 'opening'}>
                <span className={styles.dropIcon} aria-hidden="true">
                  ⤓
                </span>
                {state.status === 'opening' ? (
                  <Spinner size="small" label={t.opening(state.name)} />
                ) : (
                  <>
                    <p className={styles.dropText}>{dragging ? t.empty.dropActive : t.empty.drop}</p>
                    <p className={styles.small}>{t.empty.or}</p>
                    <Button appearance="primary" size="large" onClick={() => input.current?.click()}>
                      {t.empty.choose}
                    </Button>
                    <p className={styles.small}>{t.empty.accepts}</p>
                  </>
                )}
              </div>
              <p className={styles.privacy}>{t.privacy}</p>
            </div>
          </main>
        )}
        {dragging && state.status === 'loaded' && (
          <div className={styles.overlay} aria-hidden="true">
            {t.empty.dropActive}
          </div>
        )}
      </div>
    </FluentProvider>
  );
}

function FileBar({ session, t, onAnother }: { readonly session: BrowserSession; readonly t: PreviewStrings; onAnother(): void }): JSX.Element {
  const styles = useStyles();
  const snap = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [message, setMessage] = useState<string | null>(null);
  const name = useRef<HTMLParagraphElement>(null);
  const ready = snap.written.length > 0;

  const sheetCount = snap.sheets.filter((s) => s.visible).length;
  // The file just opened: keyboard and screen-reader users land on its name.
  useEffect(() => name.current?.focus(), [session]);

  const save = (): void => {
    try {
      download(session.save(), snap.downloadName);
      setMessage(t.file.downloaded(snap.downloadName));
    } catch {
      setMessage(t.file.downloadFailed);
    }
  };

  const hint = useMemo(() => (ready ? t.file.downloadReady(snap.downloadName, snap.written.length) : t.file.downloadPending), [ready, snap, t]);

  return (
    <section className={styles.fileBar} aria-label={t.file.label}>
      <p ref={name} tabIndex={-1} className={styles.fileName} data-testid="file-name">
        {snap.fileName} {snap.sheets.length > 0 && <span className={styles.fileMeta}>· {t.file.sheets(sheetCount)}</span>}
      </p>
      <div className={styles.fileActions}>
        <Button appearance={ready ? 'primary' : 'secondary'} disabledFocusable={!ready} aria-describedby="bf-download-hint" onClick={save}>
          {t.file.download}
        </Button>
        <Button appearance="subtle" onClick={onAnother}>
          {t.file.another}
        </Button>
      </div>
      <p id="bf-download-hint" className={styles.privacy}>
        {hint}
      </p>
      <div role="status" aria-live="polite" className={styles.privacy}>
        {message}
      </div>
    </section>
  );
}
