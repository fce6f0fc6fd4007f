/**
 * The "Explain" box on a warning card: why the warned figure is right, written into the Explanation
 * column of the Checks sheet (the same as typing it there, which stays possible). With several
 * cells in the card, the officer picks which one the explanation is for. Saving re-checks, so the
 * warning moves to "Explained warnings".
 */
import { Button, Field, Select, Spinner, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { CommentEdit16Regular } from "@fluentui/react-icons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { CheckIssue } from "../../core/checks";
import { placeInWords } from "../../core/checks/report-text";
import { issueLocation } from "../check-display";
import { describeError, type DisplayError } from "../errors";
import { ErrorMessage } from "./ErrorMessage";
import { useRequiredText } from "./ViewParts";
import { boxStyle, useViewStyles } from "../view-styles";

const useStyles = makeStyles({
  form: { ...boxStyle, gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground2 },
});

export interface ExplainBoxProps {
  /** The card's warnings still to deal with. */
  issues: readonly CheckIssue[];
  /** Writes the explanation (and re-checks); rejects with a user-facing error. */
  onExplain(issue: CheckIssue, text: string): Promise<void>;
  /** The card's title, for the box's accessible name. */
  title: string;
}

export function ExplainBox({ issues, onExplain, title }: ExplainBoxProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [which, setWhich] = useState(0);
  const explanation = useRequiredText<HTMLTextAreaElement>("Type why the figure is right: the centre reads it with the return.");
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<DisplayError | undefined>(undefined);
  const toggle = useRef<HTMLButtonElement>(null);
  if (issues.length === 0) return null;
  const issue = issues[Math.min(which, issues.length - 1)]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!explanation.given()) return;
    explanation.setProblem(undefined);
    setFailure(undefined);
    setSaving(true);
    try {
      await onExplain(issue, explanation.value);
      explanation.setValue("");
      setOpen(false);
    } catch (e) {
      setFailure(describeError(e, "Explaining the warning"));
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <div className={common.formActions}>
        <Button
          ref={toggle}
          size="small"
          icon={<CommentEdit16Regular />}
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => {
            setOpen(true);
            // Focus the box once it is drawn.
            setTimeout(() => explanation.ref.current?.focus(), 0);
          }}
        >
          Explain
        </Button>
      </div>
    );
  }

  return (
    <form id={formId} className={styles.form} onSubmit={(e) => void submit(e)} aria-label={`Explain: ${title}`} noValidate>
      {issues.length > 1 ? (
        <Field label="Cell">
          <Select value={String(which)} onChange={(_, data) => setWhich(Number(data.value))} disabled={saving}>
            {issues.map((i, n) => (
              <option key={`${i.sheet}!${i.cell}`} value={n}>
                {issueLocation(i)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field
        label={`Why this figure is right (${placeInWords(issue)})`}
        hint="Written in the Explanation column of the Checks sheet; the warning then counts as explained."
        validationState={explanation.problem ? "error" : "none"}
        validationMessage={explanation.problem}
      >
        <Textarea
          ref={explanation.ref}
          value={explanation.value}
          resize="vertical"
          disabled={saving}
          onChange={(_, data) => explanation.change(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              setOpen(false);
              setTimeout(() => toggle.current?.focus(), 0);
            }
          }}
        />
      </Field>
      <div className={common.formActions}>
        <Button type="submit" appearance="primary" size="small" disabledFocusable={saving}>
          Save explanation
        </Button>
        <Button
          size="small"
          appearance="subtle"
          disabled={saving}
          onClick={() => {
            setOpen(false);
            explanation.setProblem(undefined);
            setTimeout(() => toggle.current?.focus(), 0);
          }}
        >
          Cancel
        </Button>
        {saving ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
      {failure ? <ErrorMessage error={failure} title="The explanation was not saved" /> : null}
    </form>
  );
}
