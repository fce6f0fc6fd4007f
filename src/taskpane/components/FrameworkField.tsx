/**
 * Choosing the framework: the built-in ones by title and version, frameworks loaded from files,
 * and "From a file…", which opens a file picker for a .json framework definition.
 */
import { Field, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useRef, type ChangeEvent } from "react";

export const FROM_FILE = "__from-file__";

export interface FrameworkOption {
  key: string;
  label: string;
}

export interface FrameworkFieldProps {
  options: readonly FrameworkOption[];
  value: string;
  disabled?: boolean;
  hint?: string;
  onChange(key: string): void;
  /** A file the user picked; the caller reads and validates it. */
  onFile(file: File): void;
}

const useStyles = makeStyles({
  // Long framework titles must not push the select wider than the task pane.
  selectRoot: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, textOverflow: "ellipsis" },
  // Fluent's Select marks focus with a thin underline only: add a clear outline for keyboard users.
  focusMark: { ":has(select:focus-visible)": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: tokens.borderRadiusMedium } },
  // Visually hidden but still in the accessibility tree, so tests and assistive technology can reach it.
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function FrameworkField({ options, value, disabled, hint, onChange, onFile }: FrameworkFieldProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileInputId = useId();

  const handleSelect = (event: ChangeEvent<HTMLSelectElement>) => {
    const key = event.target.value;
    if (key === FROM_FILE) {
      // Keep the current choice until a file has been read; the select stays controlled.
      fileInput.current?.click();
      return;
    }
    onChange(key);
  };

  const handleFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // so choosing the same file again is noticed
    if (file) onFile(file);
  };

  return (
    <>
      <Field label="Framework" hint={hint ?? "The measures and lists the workbook is set up for."}>
        <Select
          className={mergeClasses(styles.selectRoot, styles.focusMark)}
          // The title may be cut off in a narrow pane: hovering shows it whole.
          select={{ className: styles.select, title: options.find((o) => o.key === value)?.label }}
          value={value}
          onChange={handleSelect}
          disabled={disabled}
        >
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
          <option value={FROM_FILE}>From a file…</option>
        </Select>
      </Field>
      <label htmlFor={fileInputId} className={styles.fileInput}>
        Framework file (.json)
      </label>
      <input
        id={fileInputId}
        ref={fileInput}
        className={styles.fileInput}
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        disabled={disabled}
        onChange={handleFile}
      />
    </>
  );
}
