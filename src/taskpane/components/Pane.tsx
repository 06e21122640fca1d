/**
 * The pane's state: the saved settings, the sources the pipeline finds (a dry run), and a run of
 * "Generate follow-up" with its progress and result. Every change to the settings is saved in the
 * workbook at once; a change to the sources is tried first (dry run) and saved only when it reads.
 */
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { withColumnChoice, type FollowUpConfig, type SourceMapping } from '../../core/config';
import { isFollowUpError } from '../../core/errors';
import type { SeenSummary, SourceSummary } from '../../core/model';
import type { Period } from '../../core/sources';
import type { PaneStrings } from '../i18n';
import { generateFollowUp, type GenerateResult, type Step } from '../../workbook/generate';
import { generateInTurn } from '../../commands/one-run';
import type { CommandReport, Host } from '../host';
import { loadSettings, mappingForViews, mappingOf, readPreview, sameRange, settingsJson, withSettings } from '../settings';
import { useStrings } from './context';
import { RunSection } from './RunSection';
import { SettingsSection } from './SettingsSection';
import { SourcesSection } from './SourcesSection';

export type SourcesState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly list: readonly SourceSummary[];
      readonly previews: Readonly<Record<string, string[][]>>;
      readonly period: Period | null;
      /** Sources seen but not told apart from one used (views or parts?): the pane asks. */
      readonly undecided: readonly SeenSummary[];
    }
  | { readonly status: 'error'; readonly message: string };

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly step: Step; readonly done: number; readonly of: number }
  | { readonly status: 'done'; readonly result: GenerateResult; readonly fromRibbon: boolean }
  | { readonly status: 'error'; readonly message: string };

/** A FollowUpError's message as it is (it names what and where); anything else gets a friendly sentence. */
export function messageOf(e: unknown, t: PaneStrings): string {
  return isFollowUpError(e) ? e.message : t.genericError;
}

const useStyles = makeStyles({
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '640px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function Pane({ host }: { readonly host: Host }): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const [config, setConfig] = useState<FollowUpConfig>({});
  const configRef = useRef<FollowUpConfig>({});
  const [notices, setNotices] = useState<readonly string[]>([]);
  const [sources, setSources] = useState<SourcesState>({ status: 'loading' });
  const [sourcesBusy, setSourcesBusy] = useState(false);
  const [sourcesMessage, setSourcesMessage] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const saving = useRef<Promise<void>>(Promise.resolve());

  /** The sources the pipeline finds with these settings (JSON), with a preview of each. */
  const discover = useCallback(
    async (json: string | null): Promise<SourcesState> => {
      const wb = json === null ? host.workbook : withSettings(host.workbook, json);
      const { model } = await generateFollowUp(wb, { dryRun: true });
      const previews: Record<string, string[][]> = {};
      for (const s of model.sources) {
        try {
          previews[s.range] = await readPreview(host.workbook, s.range, lang);
        } catch {
          previews[s.range] = [];
        }
      }
      return { status: 'ready', list: model.sources, previews, period: model.period, undecided: (model.seen ?? []).filter((x) => x.undecidedWith) };
    },
    [host, lang],
  );

  const save = useCallback(
    (next: FollowUpConfig): Promise<void> => {
      configRef.current = next;
      setConfig(next);
      const json = settingsJson(next);
      saving.current = saving.current.then(() => host.writeSettings(json).catch((e: unknown) => setNotices((n) => [...n, messageOf(e, t)])));
      return saving.current;
    },
    [host, t],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const loaded = await loadSettings(host);
        if (!live) return;
        configRef.current = loaded.config;
        setConfig(loaded.config);
        if (loaded.error) setNotices((n) => [...n, `${t.storedSettingsInvalid} (${loaded.error})`]);
        const found = await discover(loaded.error ? settingsJson({}) : null);
        if (live) setSources(found);
      } catch (e) {
        if (live) setSources({ status: 'error', message: messageOf(e, t) });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, discover, t]);

  useEffect(() => {
    if (!host.onCommandReport) return undefined;
    return host.onCommandReport((report: CommandReport) => {
      if (report.kind === 'generated') setRun({ status: 'done', result: report.result, fromRibbon: true });
      else if (report.kind === 'failed') setRun({ status: 'error', message: messageOf(report.error, t) });
      else setNotices((n) => (n.includes(t.needsSettings) ? n : [...n, t.needsSettings]));
    });
  }, [host, t]);

  /** Tries the sources (a dry run); saves them when the pipeline reads them, else says why not. */
  const changeSources = useCallback(
    async (next: readonly SourceMapping[] | undefined): Promise<void> => {
      const candidate: FollowUpConfig = { ...configRef.current, sources: next && next.length ? next : undefined };
      setSourcesBusy(true);
      setSourcesMessage(null);
      try {
        const found = await discover(settingsJson(candidate));
        await save(candidate);
        setSources(found);
        setSourcesMessage(t.sources.saved);
      } catch (e) {
        setSourcesMessage(messageOf(e, t));
      } finally {
        setSourcesBusy(false);
      }
    },
    [discover, save, t],
  );

  const currentList = sources.status === 'ready' ? sources.list : [];

  const addSelection = useCallback(async (): Promise<void> => {
    setSourcesMessage(null);
    let range: string | null;
    try {
      range = await host.selectedRange();
    } catch (e) {
      setSourcesMessage(messageOf(e, t));
      return;
    }
    if (!range) {
      setSourcesMessage(t.sources.noSelection);
      return;
    }
    const selected = range;
    if (currentList.some((s) => sameRange(s.range, selected))) {
      setSourcesMessage(t.sources.alreadyListed(selected));
      return;
    }
    await changeSources([...mappingOf(currentList), { range: selected }]);
  }, [host, currentList, changeSources, t]);

  const generate = useCallback(async (): Promise<void> => {
    setRun({ status: 'running', step: 'reading', done: 0, of: 1 });
    try {
      await saving.current;
      const result = await generateInTurn(host.workbook, { onProgress: (step, done, of) => setRun({ status: 'running', step, done, of }) });
      setRun({ status: 'done', result, fromRibbon: false });
    } catch (e) {
      setRun({ status: 'error', message: messageOf(e, t) });
    }
  }, [host, t]);

  return (
    <main className={styles.main} aria-labelledby="bf-title">
      <header>
        <h1 id="bf-title" className={styles.title}>
          {t.appTitle}
        </h1>
        <p className={styles.intro}>{t.intro}</p>
      </header>
      {notices.map((n) => (
        <MessageBar key={n} intent="info">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <RunSection
        host={host}
        run={run}
        onGenerate={generate}
        disabled={sources.status === 'loading' || sourcesBusy}
        neutralBand={config.thresholds?.neutralPct}
      />
      <SourcesSection
        state={sources}
        explicit={Boolean(config.sources && config.sources.length)}
        busy={sourcesBusy}
        message={sourcesMessage}
        onRole={(index, role) => changeSources(mappingOf(currentList).map((m, i) => (i === index ? { range: m.range, role } : m)))}
        onRemove={(index) => changeSources(mappingOf(currentList).filter((_, i) => i !== index))}
        onColumn={(index, column, choice) =>
          changeSources(mappingOf(currentList).map((m, i) => (i === index ? withColumnChoice(currentList[i], column, choice) : m)))
        }
        onAddSelection={addSelection}
        onAutomatic={() => changeSources(undefined)}
        onViews={(seen, choice) => changeSources(mappingForViews(currentList, seen, choice))}
      />
      <SettingsSection config={config} suggestedPeriod={sources.status === 'ready' ? sources.period : null} onChange={save} />
    </main>
  );
}
