/** The reporting year's first month as a month and a year; locked (with the reason) when the workbook already has one. */
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { MONTH_NAMES, monthLabel, type YearMonth } from "../../core/calendar";

const useStyles = makeStyles({
  group: { border: 0, margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  legend: {
    padding: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  row: { display: "grid", gridTemplateColumns: "3fr 2fr", gap: tokens.spacingHorizontalS },
  // Fluent's Select marks focus with a thin underline only: add a clear outline for keyboard users.
  focusMark: { ":has(select:focus-visible)": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: tokens.borderRadiusMedium } },
  hint: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
});

export interface YearStartFieldProps {
  value: YearMonth;
  /** Set when the workbook already holds a reporting year: the selects are disabled and say why. */
  lockedTo?: YearMonth | undefined;
  disabled?: boolean;
  /** Years to offer (the value's year is always included). */
  years: readonly number[];
  onChange(value: YearMonth): void;
}

export function YearStartField({ value, lockedTo, disabled, years, onChange }: YearStartFieldProps) {
  const styles = useStyles();
  const hintId = useId();
  const offered = [...new Set([...years, value.year])].sort((a, b) => a - b);
  const locked = lockedTo !== undefined;
  const hint = locked
    ? `This workbook is for the year starting ${monthLabel(lockedTo)}. One workbook holds one reporting year: to report another year, start a new workbook.`
    : "UK social housing years usually start in April.";
  return (
    <fieldset className={styles.group} aria-describedby={hintId}>
      <legend className={styles.legend}>Reporting year start</legend>
      <div className={styles.row}>
        <Field label="Start month">
          <Select className={styles.focusMark} value={String(value.month)} disabled={disabled || locked} onChange={(_, data) => onChange({ year: value.year, month: Number(data.value) })}>
            {MONTH_NAMES.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Start year">
          <Select className={styles.focusMark} value={String(value.year)} disabled={disabled || locked} onChange={(_, data) => onChange({ year: Number(data.value), month: value.month })}>
            {offered.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <span id={hintId} className={styles.hint}>
        {hint}
      </span>
    </fieldset>
  );
}
