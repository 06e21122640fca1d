/**
 * The follow-up's settings: the period (the latest month with actuals, or one chosen), the forecast
 * method (with what each one does), the neutral band of the status colours, and the sheets' language.
 * Each change is handed up at once (and saved in the workbook); a value that does not read is not.
 */
import { Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { EVALUATIONS, parsePeriod, UNITS, type Evaluation, type FollowUpConfig } from '../../core/config';
import { dec, decimalString } from '../../core/money';
import { FORECAST_METHODS, OUTPUT_LANGUAGES, type ForecastMethod, type OutputLanguage } from '../../core/model';
import type { Period, Unit } from '../../core/sources';
import { DEFAULT_SHEET_OPTIONS } from '../../report/followup-sheet';
import { useStrings } from './context';
import type { UiLanguage } from '../host';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  explanation: { margin: `0 0 ${tokens.spacingVerticalXS} 32px`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  narrow: { maxWidth: '12em' },
});

export interface SettingsSectionProps {
  readonly config: FollowUpConfig;
  /** The month the pipeline found (latest with actuals), to start from when the user picks one. */
  readonly suggestedPeriod: Period | null;
  onChange(next: FollowUpConfig): void;
}

const DEFAULT_METHOD: ForecastMethod = 'budget-profile';

/** "0.02" → "2"; the percentage people type. */
function percentOf(fraction: string | undefined): string {
  return decimalString(dec(fraction ?? decimalString(DEFAULT_SHEET_OPTIONS.neutralBand)).times(100));
}

/** "2" or "2,5" → "0.02" / "0.025", or null when it is not a percentage from 0 to 99. */
export function fractionOf(percent: string): string | null {
  const text = percent.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(text)) return null;
  return decimalString(dec(text).div(100));
}

function validPeriod(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch {
    return null;
  }
}

/** Year end or year to date: the words of the choice (a year-end evaluation has no months and no forecast). */
const EVALUATION_WORDS: Record<UiLanguage, Record<Evaluation | 'label' | 'auto', string>> = {
  nb: { label: 'Vurdering', auto: 'Etter overskriftene', 'year-to-date': 'Hittil i år (med prognose)', 'year-end': 'Årsavslutning (hele året, uten prognose)' },
  sv: { label: 'Uppföljning', auto: 'Efter rubrikerna', 'year-to-date': 'Hittills i år (med prognos)', 'year-end': 'Årsbokslut (hela året, utan prognos)' },
  en: { label: 'Evaluation', auto: 'From the headers', 'year-to-date': 'Year to date (with forecast)', 'year-end': 'Year end (the whole year, no forecast)' },
};

export function SettingsSection({ config, suggestedPeriod, onChange }: SettingsSectionProps): JSX.Element {
  const styles = useStyles();
  const { lang, t } = useStrings();
  // What the user typed or chose; until then, the saved settings (which may arrive after the first
  // render) and what the pipeline found.
  const [choose, setChoose] = useState<boolean | null>(null);
  const [typedMonth, setTypedMonth] = useState<string | null>(null);
  const [typedBand, setTypedBand] = useState<string | null>(null);
  const chooseMonth = choose ?? config.period !== undefined;
  const month = typedMonth ?? config.period ?? suggestedPeriod ?? '';
  const band = typedBand ?? percentOf(config.thresholds?.neutralPct);
  const bandValid = fractionOf(band) !== null;
  const monthValid = !chooseMonth || validPeriod(month) !== null;

  const commitMonth = (text: string): void => {
    const p = validPeriod(text);
    if (p && p !== config.period) onChange({ ...config, period: p });
  };
  const commitBand = (): void => {
    const f = fractionOf(band);
    if (f !== null && f !== config.thresholds?.neutralPct) onChange({ ...config, thresholds: { ...config.thresholds, neutralPct: f } });
  };

  return (
    <section className={styles.section} aria-labelledby="bf-settings">
      <h2 id="bf-settings" className={styles.heading}>
        {t.settings.heading}
      </h2>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t.settings.period}</legend>
        <Checkbox
          label={t.settings.latest}
          checked={!chooseMonth}
          onChange={(_, data) => {
            setChoose(!data.checked);
            if (data.checked) onChange({ ...config, period: undefined });
            else commitMonth(month);
          }}
        />
        <Field
          label={t.settings.month}
          hint={t.settings.monthHint}
          validationState={monthValid ? 'none' : 'error'}
          validationMessage={monthValid ? undefined : t.settings.badMonth}
          className={styles.narrow}
        >
          <Input
            type="month"
            value={month}
            disabled={!chooseMonth}
            placeholder="YYYY-MM"
            onChange={(_, data) => {
              setTypedMonth(data.value);
              commitMonth(data.value);
            }}
          />
        </Field>
      </fieldset>

      <Field label={EVALUATION_WORDS[lang].label} className={styles.narrow}>
        <Select
          value={config.evaluation ?? ''}
          onChange={(_, data) => onChange({ ...config, evaluation: data.value === '' ? undefined : (data.value as Evaluation) })}
        >
          <option value="">{EVALUATION_WORDS[lang].auto}</option>
          {EVALUATIONS.map((e) => (
            <option key={e} value={e}>
              {EVALUATION_WORDS[lang][e]}
            </option>
          ))}
        </Select>
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend} id="bf-method">
          {t.settings.method}
        </legend>
        <RadioGroup
          aria-labelledby="bf-method"
          value={config.forecast?.method ?? DEFAULT_METHOD}
          onChange={(_, data) => onChange({ ...config, forecast: { ...config.forecast, method: data.value as ForecastMethod } })}
        >
          {FORECAST_METHODS.map((m) => (
            <div key={m}>
              <Radio value={m} label={t.methods[m].name} aria-describedby={`bf-method-${m}`} />
              <p id={`bf-method-${m}`} className={styles.explanation}>
                {t.methods[m].explanation}
              </p>
            </div>
          ))}
        </RadioGroup>
      </fieldset>

      <Field
        label={t.settings.neutralBand}
        hint={t.settings.neutralBandHint}
        validationState={bandValid ? 'none' : 'error'}
        validationMessage={bandValid ? undefined : t.settings.badNeutralBand}
        className={styles.narrow}
      >
        <Input
          type="number"
          inputMode="decimal"
          min={0}
          max={99}
          step={0.5}
          value={band}
          onChange={(_, data) => setTypedBand(data.value)}
          onBlur={commitBand}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitBand();
          }}
        />
      </Field>

      <Field label={t.settings.unit} hint={t.settings.unitHint} className={styles.narrow}>
        <Select value={config.unit ?? ''} onChange={(_, data) => onChange({ ...config, unit: data.value === '' ? undefined : (data.value as Unit) })}>
          <option value="">{t.settings.unitAuto}</option>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t.units[u]}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t.settings.language} className={styles.narrow}>
        <Select
          value={config.language ?? ''}
          onChange={(_, data) => onChange({ ...config, language: data.value === '' ? undefined : (data.value as OutputLanguage) })}
        >
          <option value="">{t.settings.languageAuto}</option>
          {OUTPUT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t.languages[l]}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
