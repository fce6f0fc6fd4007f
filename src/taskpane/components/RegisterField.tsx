/**
 * Collate's register: keep the one in the sector workbook (the default), or choose a register file
 * (.xlsx, its first sheet, or .csv) whose organisations replace it - its name, how many
 * organisations it lists and what is wrong in it. Reading the file is the view's (through its
 * actions); this only shows and asks.
 */
import { Button, Label, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndo20Regular, DocumentTable20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { RegisterRead } from "../../core/collate/register";
import { REGISTER_HEADERS } from "../../core/collate/register";
import { plural } from "../check-display";
import { useViewStyles } from "../view-styles";

/** Problems listed under the register; the rest are counted. */
const PROBLEMS_SHOWN = 5;

export interface RegisterChoice {
  /** The file's name. */
  name: string;
  read: RegisterRead;
}

export interface RegisterFieldProps {
  /** The register file chosen; undefined keeps the workbook's. */
  choice: RegisterChoice | undefined;
  /** Organisations the workbook's Register lists (undefined while not known). */
  workbookOrganisations: number | undefined;
  /** A file is being read. */
  reading: boolean;
  /** Why the file chosen cannot be used, in plain words. */
  problem: string | undefined;
  disabled: boolean;
  onChoose(file: File): void;
  onKeep(): void;
}

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hiddenInput: { display: "none" },
  status: { margin: 0 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

function statusOf(props: RegisterFieldProps): string {
  if (props.reading) return "Reading the register…";
  if (props.choice) return `${props.choice.name}: ${plural(props.choice.read.entries.length, "organisation")}. It replaces the workbook's register.`;
  const n = props.workbookOrganisations;
  if (n === undefined) return "Keeping the workbook's register.";
  if (n === 0) return "Keeping the workbook's register, which lists no organisations yet: only organisations that send returns are chased.";
  return `Keeping the workbook's register (${plural(n, "organisation")}).`;
}

export function RegisterField(props: RegisterFieldProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const input = useRef<HTMLInputElement>(null);
  const problems = props.choice?.read.problems ?? [];
  return (
    <div className={styles.group} role="group" aria-labelledby="collate-register-label" aria-describedby="collate-register-hint collate-register-status">
      <Label id="collate-register-label" weight="semibold">
        Register of organisations
      </Label>
      <p id="collate-register-hint" className={common.note}>
        The organisations expected to return, with their homes: an Excel workbook (its first sheet) or a CSV file with the columns{" "}
        {REGISTER_HEADERS.join(", ")}. Organisations on it that sent nothing are chased.
      </p>
      <p id="collate-register-status" className={styles.status} data-testid="collate-register-status">
        {statusOf(props)}
      </p>
      {props.problem ? (
        <p className={styles.problem} role="alert">
          {props.problem}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className={styles.problems} aria-label="Problems in the register">
          {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
            <li key={i}>{p.charAt(0).toUpperCase() + p.slice(1)}.</li>
          ))}
          {problems.length > PROBLEMS_SHOWN ? <li>And {plural(problems.length - PROBLEMS_SHOWN, "more problem")}.</li> : null}
        </ul>
      ) : null}
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Choose a register"
        data-testid="collate-register-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) props.onChoose(file);
        }}
      />
      <div className={common.formActions}>
        <Button icon={<DocumentTable20Regular />} disabledFocusable={props.disabled || props.reading} onClick={() => input.current?.click()}>
          {props.choice ? "Choose another register…" : "Choose a register…"}
        </Button>
        {props.choice ? (
          <Button icon={<ArrowUndo20Regular />} disabledFocusable={props.disabled} onClick={props.onKeep}>
            Keep the workbook&apos;s register
          </Button>
        ) : null}
      </div>
    </div>
  );
}
