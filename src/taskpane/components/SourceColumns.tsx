/**
 * A source's columns as they were read — what each holds, its year and unit — on the source's card,
 * where a person sees the reading and corrects it: a change is saved in the workbook's settings as
 * the source's `columns`, which the ribbon button and the command line read too.
 */
import { Select, makeStyles, tokens } from '@fluentui/react-components';
import { COLUMN_ROLES, UNITS, type ColumnChoice } from '../../core/config';
import type { ColumnReading, ColumnRoleName } from '../../core/model';
import type { Unit } from '../../core/sources';
import { COLUMN_ROLE_WORDS, WORDS } from '../../report/i18n';
import type { UiLanguage } from '../host';
import { useStrings } from './context';

interface ColumnWords {
  readonly caption: (range: string) => string;
  readonly column: string;
  readonly header: string;
  readonly role: string;
  readonly year: string;
  readonly unit: string;
  readonly none: string;
  readonly roleOf: (column: string, header: string) => string;
  readonly yearOf: (column: string) => string;
  readonly unitOf: (column: string) => string;
}

const WORDS_BY_LANGUAGE: Record<UiLanguage, ColumnWords> = {
  nb: {
    caption: (range) => `Kolonnene i ${range} slik de er lest`,
    column: 'Kol.',
    header: 'Overskrift',
    role: 'Leses som',
    year: 'År',
    unit: 'Enhet',
    none: '—',
    roleOf: (c, h) => `Hva kolonne ${c} (${h}) inneholder`,
    yearOf: (c) => `År for kolonne ${c}`,
    unitOf: (c) => `Enhet for kolonne ${c}`,
  },
  sv: {
    caption: (range) => `Kolumnerna i ${range} som de lästs`,
    column: 'Kol.',
    header: 'Rubrik',
    role: 'Läses som',
    year: 'År',
    unit: 'Enhet',
    none: '—',
    roleOf: (c, h) => `Vad kolumn ${c} (${h}) innehåller`,
    yearOf: (c) => `År för kolumn ${c}`,
    unitOf: (c) => `Enhet för kolumn ${c}`,
  },
  en: {
    caption: (range) => `The columns of ${range} as read`,
    column: 'Col.',
    header: 'Header',
    role: 'Read as',
    year: 'Year',
    unit: 'Unit',
    none: '—',
    roleOf: (c, h) => `What column ${c} (${h}) holds`,
    yearOf: (c) => `Year of column ${c}`,
    unitOf: (c) => `Unit of column ${c}`,
  },
};

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th': { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: '1px 4px', color: tokens.colorNeutralForeground2 },
    '& td': { padding: '1px 4px', verticalAlign: 'middle' },
  },
  caption: { captionSide: 'top', textAlign: 'start', color: tokens.colorNeutralForeground3 },
  header: { maxWidth: '7em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The pane is narrow: the selects take what their words need, no more.
  role: { width: '10em', minWidth: 0 },
  year: { width: '5.2em', minWidth: 0 },
  unit: { width: '5.2em', minWidth: 0 },
  ignored: { color: tokens.colorNeutralForeground3 },
});

export interface SourceColumnsProps {
  readonly range: string;
  readonly columns: readonly ColumnReading[];
  readonly busy: boolean;
  onChange(column: string, choice: ColumnChoice): void;
}

/** The years a column may be given: around the ones the source names (last year, this year, next). */
function yearsAround(columns: readonly ColumnReading[]): number[] {
  const named = columns.map((c) => c.year).filter((y): y is number => y !== null);
  const latest = named.length ? Math.max(...named) : new Date().getFullYear();
  return [latest - 2, latest - 1, latest, latest + 1];
}

export function SourceColumns(props: SourceColumnsProps): JSX.Element | null {
  const styles = useStyles();
  const { lang } = useStrings();
  const w = WORDS_BY_LANGUAGE[lang];
  const years = yearsAround(props.columns);
  if (props.columns.length === 0) return null;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>{w.caption(props.range)}</caption>
        <thead>
          <tr>
            <th scope="col">{w.column}</th>
            <th scope="col">{w.header}</th>
            <th scope="col">{w.role}</th>
            <th scope="col">{w.year}</th>
            <th scope="col">{w.unit}</th>
          </tr>
        </thead>
        <tbody>
          {props.columns.map((c) => (
            <tr key={c.column} className={c.role === 'ignored' ? styles.ignored : undefined} data-role={c.role}>
              <td>{c.column}</td>
              <td className={styles.header} title={c.header}>
                {c.header}
              </td>
              <td>
                <Select
                  size="small"
                  className={styles.role}
                  value={c.role}
                  disabled={props.busy || c.total === true}
                  aria-label={w.roleOf(c.column, c.header)}
                  onChange={(_, d) => props.onChange(c.column, { role: d.value as ColumnRoleName })}
                >
                  {COLUMN_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {COLUMN_ROLE_WORDS[lang][r]}
                    </option>
                  ))}
                </Select>
              </td>
              <td>
                {c.role !== 'key' && c.role !== 'label' && c.role !== 'ignored' && (
                  <Select
                    size="small"
                    className={styles.year}
                    value={c.year === null ? '' : String(c.year)}
                    disabled={props.busy || c.total === true}
                    aria-label={w.yearOf(c.column)}
                    onChange={(_, d) => d.value && props.onChange(c.column, { year: Number(d.value) })}
                  >
                    {c.year === null && <option value="">{w.none}</option>}
                    {[...new Set([...(c.year === null ? [] : [c.year]), ...years])].sort().map((y) => (
                      <option key={y} value={String(y)}>
                        {y}
                        {c.months ? ` (${c.months.replace('-', '\u2013')})` : ''}
                      </option>
                    ))}
                  </Select>
                )}
              </td>
              <td>
                {c.role !== 'key' && c.role !== 'label' && c.role !== 'ignored' && c.role !== 'variance-pct' && (
                  <Select
                    size="small"
                    className={styles.unit}
                    value={c.unit ?? ''}
                    disabled={props.busy || c.total === true}
                    aria-label={w.unitOf(c.column)}
                    onChange={(_, d) => d.value && props.onChange(c.column, { unit: d.value as Unit })}
                  >
                    {c.unit === null && <option value="">{w.none}</option>}
                    {UNITS.map((u) => (
                      <option key={u} value={u}>
                        {WORDS[lang].units[u]}
                      </option>
                    ))}
                  </Select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
