/**
 * A list of issues that starts with the first few and reveals the rest on request, in steps (so a
 * group of thousands never floods the pane; the Checks sheet always lists every one). Focus goes to
 * the first issue revealed, and back to "Show all" when the list is folded again.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { CheckIssue } from "../../core/checks";
import { FIRST_EXAMPLES, nextShown, showMoreLabel } from "../check-display";
import { IssueItem } from "./IssueItem";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: `0 0 0 calc(-1 * ${tokens.spacingHorizontalS})`, padding: 0, display: "flex", flexDirection: "column" },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  moreNote: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface IssueListProps {
  issues: readonly CheckIssue[];
  onGo(issue: CheckIssue): void;
  /** Show each issue's explanation (for explained warnings). */
  showExplanations?: boolean;
  /** Say that every one is on the Checks sheet while some are folded away. */
  checksSheetNote?: boolean;
}

export function IssueList({ issues, onGo, showExplanations, checksSheetNote = true }: IssueListProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(FIRST_EXAMPLES);
  const rows = useRef<(HTMLButtonElement | null)[]>([]);
  const moreButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<number | "more" | undefined>(undefined);
  const total = issues.length;
  const visible = issues.slice(0, Math.min(shown, total));

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = undefined;
    if (target === "more") moreButton.current?.focus();
    else if (target !== undefined) rows.current[target]?.focus();
  }, [shown]);

  return (
    <>
      <ul className={styles.list}>
        {visible.map((issue, i) => (
          <li key={`${issue.code}|${issue.sheet}!${issue.cell}:${i}`}>
            <IssueItem
              ref={(el) => {
                rows.current[i] = el;
              }}
              issue={issue}
              onGo={onGo}
              showExplanation={showExplanations}
            />
          </li>
        ))}
      </ul>
      {total > FIRST_EXAMPLES ? (
        <div className={styles.more}>
          {shown < total ? (
            <Button
              ref={moreButton}
              appearance="secondary"
              size="small"
              onClick={() => {
                focusAfter.current = visible.length;
                setShown(nextShown(shown, total));
              }}
            >
              {showMoreLabel(shown, total)}
            </Button>
          ) : null}
          {shown > FIRST_EXAMPLES ? (
            <Button
              appearance="subtle"
              size="small"
              onClick={() => {
                focusAfter.current = "more";
                setShown(FIRST_EXAMPLES);
              }}
            >
              Show fewer
            </Button>
          ) : null}
          {checksSheetNote && shown < total ? <span className={styles.moreNote}>All {total.toLocaleString("en-GB")} are on the Checks sheet.</span> : null}
        </div>
      ) : null}
    </>
  );
}
