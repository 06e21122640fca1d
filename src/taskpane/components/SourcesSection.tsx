/**
 * The sources the follow-up reads: each with its kind, range, role (which the user can change), what
 * was recognised, and its first rows; and buttons to add the selected range, remove one, or go back to
 * finding them automatically.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ROLES, type ColumnChoice } from '../../core/config';
import type { ViewsChoice } from '../settings';
import { SourceColumns } from './SourceColumns';
import { ViewsQuestion } from './ViewsQuestion';
import type { SeenSummary } from '../../core/model';
import type { Role } from '../../core/sources';
import { describeSource } from '../../report/i18n';
import { useStrings } from './context';
import type { SourcesState } from './Pane';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  itemHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  range: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  kind: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  description: { margin: 0, fontSize: tokens.fontSizeBase200 },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { fontSize: tokens.fontSizeBase200 },
  preview: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase100,
    fontFamily: tokens.fontFamilyMonospace,
    '& td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      padding: '1px 4px',
      whiteSpace: 'nowrap',
      maxWidth: '10em',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    },
  },
  caption: { captionSide: 'top', textAlign: 'start', color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface SourcesSectionProps {
  readonly state: SourcesState;
  /** True when the user chose the sources (an explicit mapping is saved). */
  readonly explicit: boolean;
  readonly busy: boolean;
  /** What the last change did, or why it could not ("saved", an error). */
  readonly message: string | null;
  onRole(index: number, role: Role): void;
  /** A person's reading of one column of source `index` (its role, year or unit). */
  onColumn?(index: number, column: string, choice: ColumnChoice): void;
  onRemove(index: number): void;
  onAddSelection(): void;
  onAutomatic(): void;
  /** A person's answer about a source the reader could not tell apart from the one it used. */
  onViews?(seen: SeenSummary, choice: ViewsChoice): void;
}

export function SourcesSection(props: SourcesSectionProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useStrings();
  const { state, busy } = props;
  return (
    <section className={styles.section} aria-labelledby="bf-sources" aria-busy={state.status === 'loading' || busy}>
      <h2 id="bf-sources" className={styles.heading}>
        {t.sources.heading}
      </h2>
      {state.status === 'loading' && <Spinner size="tiny" labelPosition="after" label={t.loading} />}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle> {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.list.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t.sources.none.title}</MessageBarTitle> {t.sources.none.body}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' &&
        state.undecided.map((seen) => <ViewsQuestion key={seen.range} seen={seen} busy={busy} onChoice={(choice) => props.onViews?.(seen, choice)} />)}
      {state.status === 'ready' && state.list.length > 0 && (
        <>
          <p className={styles.note}>{props.explicit ? t.sources.explicit : t.sources.automatic}</p>
          <ul className={styles.list} aria-label={t.sources.heading}>
            {state.list.map((s, i) => {
              const preview = state.previews[s.range] ?? [];
              const selectId = `bf-role-${i}`;
              return (
                <li key={s.range} className={styles.item}>
                  <div className={styles.itemHead}>
                    <h3 className={styles.range}>{s.range}</h3>
                    <span className={styles.kind}>{t.kinds[s.kind]}</span>
                  </div>
                  <p className={styles.description}>{describeSource(s, lang)}</p>
                  <div className={styles.row}>
                    <label htmlFor={selectId} className={styles.label}>
                      {t.sources.role}
                    </label>
                    <Select
                      id={selectId}
                      size="small"
                      value={s.role}
                      aria-label={t.sources.roleFor(s.range)}
                      disabled={busy}
                      onChange={(_, data) => props.onRole(i, data.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t.roles[r]}
                        </option>
                      ))}
                    </Select>
                    <Button size="small" appearance="subtle" disabled={busy} aria-label={t.sources.removeLabel(s.range)} onClick={() => props.onRemove(i)}>
                      {t.sources.remove}
                    </Button>
                  </div>
                  <SourceColumns range={s.range} columns={s.columns ?? []} busy={busy} onChange={(column, choice) => props.onColumn?.(i, column, choice)} />
                  {preview.length > 0 ? (
                    <div className={styles.preview}>
                      <table className={styles.table}>
                        <caption className={styles.caption}>{t.sources.preview(s.range)}</caption>
                        <tbody>
                          {preview.map((row, r) => (
                            <tr key={r}>
                              {row.map((cell, c) => (
                                <td key={c} title={cell}>
                                  {cell}
                                </td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : (
                    <p className={styles.note}>{t.sources.previewUnavailable}</p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className={styles.actions}>
        <Button disabled={busy || state.status === 'loading'} onClick={props.onAddSelection}>
          {t.sources.addSelection}
        </Button>
        {props.explicit && (
          <Button appearance="subtle" disabled={busy} onClick={props.onAutomatic}>
            {t.sources.useAutomatic}
          </Button>
        )}
      </div>
      <div role="status" aria-live="polite" className={styles.note}>
        {busy ? <Spinner size="extra-tiny" labelPosition="after" label={t.loading} /> : props.message}
      </div>
    </section>
  );
}
