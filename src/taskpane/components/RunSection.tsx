/**
 * "Generate follow-up", its progress through the pipeline's steps, and what came of it: the key
 * figures, the warnings (each selects its cell in the workbook) and the sheets written (each opens).
 */
import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { renderMessage } from '../../core/messages';
import { groupWarnings } from '../../core/warning-groups';
import { dec } from '../../core/money';
import { periodText } from '../../report/i18n';
import type { Host } from '../host';
import { keyFigures } from '../figures';
import { progressFraction } from '../progress';
import { useStrings } from './context';
import type { RunState } from './Pane';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  status: { minHeight: '1.5em', fontSize: tokens.fontSizeBase200 },
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // Focused by the pane when the result arrives (for screen readers), not by the user: no ring.
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, outlineStyle: 'none' },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9.5em, 1fr))', gap: tokens.spacingVerticalM, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', '& dd': { marginInlineStart: 0 } },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  // The status rule's colours (core/status.ts), as on the sheets: neutral stays plain.
  unfavourable: { color: tokens.colorPaletteRedForeground1 },
  favourable: { color: tokens.colorPaletteGreenForeground1 },
  neutral: {},
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  list: { margin: 0, paddingInlineStart: '1.2em', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  cell: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  link: { display: 'inline', textAlign: 'start' },
});

export interface RunSectionProps {
  readonly host: Host;
  readonly run: RunState;
  readonly disabled: boolean;
  /** The neutral band the sheets are coloured with (a fraction, "0.02"); the default where absent. */
  readonly neutralBand?: string;
  onGenerate(): void;
}

export function RunSection({ host, run, disabled, neutralBand, onGenerate }: RunSectionProps): JSX.Element {
  const styles = useStyles();
  const { t } = useStrings();
  const running = run.status === 'running';
  return (
    <section className={styles.section} aria-label={t.generate.button}>
      <Button appearance="primary" size="large" disabled={disabled || running} onClick={onGenerate}>
        {running ? t.generate.running : t.generate.button}
      </Button>
      {running && (
        <Field label={t.generate.progressLabel} validationState="none">
          <ProgressBar
            value={progressFraction(run.step, run.done, run.of)}
            max={1}
            thickness="large"
            aria-valuetext={t.generate.steps[run.step](run.done, run.of)}
          />
        </Field>
      )}
      <div role="status" aria-live="polite" className={styles.status}>
        {run.status === 'running' && t.generate.steps[run.step](run.done, run.of)}
        {run.status === 'done' && t.generate.done(run.result.sheets.length, run.result.model.warnings.length)}
      </div>
      {run.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle> {run.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.status === 'done' && <Result host={host} run={run} neutralBand={neutralBand} />}
    </section>
  );
}

function Result({
  host,
  run,
  neutralBand,
}: {
  readonly host: Host;
  readonly run: Extract<RunState, { status: 'done' }>;
  readonly neutralBand?: string;
}): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { model, sheets } = run.result;
  const period = periodText(model.period, lang);

  // Keyboard and screen-reader users land on the result when it arrives.
  useEffect(() => heading.current?.focus(), [run.result]);

  const act = (what: Promise<void>, failure: string): void => {
    setProblem(null);
    what.catch(() => setProblem(failure));
  };

  return (
    <div aria-labelledby="bf-result" role="region" className={styles.result}>
      <h2 id="bf-result" ref={heading} tabIndex={-1} className={styles.heading}>
        {period ? t.result.heading(period) : t.result.headingNoPeriod}
      </h2>
      {run.fromRibbon && <p className={styles.hint}>{t.result.fromRibbon}</p>}
      {/* what Excel would not do without failing the run (a chart, the page setup): said, not hidden */}
      {(run.result.notices ?? []).map((notice, i) => (
        <MessageBar key={i} intent="warning" data-notice>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ))}

      <h3 className={styles.subheading}>{t.result.keyFigures}</h3>
      <dl className={styles.figures}>
        {keyFigures(model, lang, t, neutralBand ? dec(neutralBand) : undefined).map((f) => (
          <div key={f.id} className={styles.figure} data-figure={f.id}>
            <dt className={styles.term}>{f.label}</dt>
            <dd className={`${styles.value} ${styles[f.status]}`} data-status={f.status}>
              {f.value ?? <span className={styles.hint}>{t.result.notAvailable}</span>}
              {f.percent && ` (${f.percent})`}
            </dd>
            {f.hint && f.value && <dd className={styles.hint}>{f.hint}</dd>}
          </div>
        ))}
      </dl>

      <h3 className={styles.subheading}>{t.result.warnings(model.warnings.length)}</h3>
      {model.warnings.length === 0 ? (
        <p>{t.result.noWarnings}</p>
      ) : (
        <ul className={styles.list}>
          {/* the same finding on many lines is one item, counting them (the checks sheet lists each) */}
          {groupWarnings(
            model.warnings.map((w) => ({ ...w, message: renderMessage(w.code, w.params, lang) })),
            lang,
          ).map((g, i) => {
            const text = g.message;
            return (
              <li key={i}>
                {g.cell ? (
                  <Link
                    as="button"
                    className={styles.link}
                    onClick={() => act(host.selectCell(g.cell as string), t.result.cellFailed(g.cell as string))}
                    aria-label={`${text} ${t.result.showCell(g.cell)}`}
                  >
                    {text} <span className={styles.cell}>({g.cell})</span>
                  </Link>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}

      {sheets.length > 0 && (
        <>
          <h3 className={styles.subheading}>{t.result.sheets}</h3>
          <ul className={styles.list}>
            {sheets.map((name) => (
              <li key={name}>
                <Link
                  as="button"
                  className={styles.link}
                  onClick={() => act(host.activateSheet(name), t.result.sheetFailed(name))}
                  aria-label={t.result.openSheet(name)}
                >
                  {name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
