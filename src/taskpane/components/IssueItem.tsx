/**
 * One issue as a row the user can act on: its location (`Measures!H7`) and plain-English message.
 * Issues with a cell are buttons that select the cell in Excel; the Up and Down arrow keys move
 * between issue rows (see moveBetweenIssues). Explained warnings also show their explanation.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronRight12Regular } from "@fluentui/react-icons";
import { forwardRef, type KeyboardEvent } from "react";
import type { CheckIssue } from "../../core/checks";
import { issueLocation } from "../check-display";

/** Marks the rows that arrow keys move between. */
export const ISSUE_ROW_ATTRIBUTE = "data-issue-row";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    boxSizing: "border-box",
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: "none",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    textAlign: "start",
  },
  button: {
    cursor: "pointer",
    ":hover": {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      borderTopColor: tokens.colorNeutralStroke2,
      borderRightColor: tokens.colorNeutralStroke2,
      borderBottomColor: tokens.colorNeutralStroke2,
      borderLeftColor: tokens.colorNeutralStroke2,
    },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, flex: 1 },
  location: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "underline",
    textDecorationColor: tokens.colorNeutralStroke1,
    textUnderlineOffset: "2px",
    overflowWrap: "anywhere",
  },
  locationPlain: { color: tokens.colorNeutralForeground2, textDecorationLine: "none" },
  message: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  explanation: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteGreenBorder2,
    paddingInlineStart: tokens.spacingHorizontalS,
    marginTop: "2px",
    overflowWrap: "anywhere",
  },
  go: { flexShrink: 0, marginTop: "3px", color: tokens.colorNeutralForeground3 },
});

export interface IssueItemProps {
  issue: CheckIssue;
  /** Selects the issue's cell in Excel (only called for issues with a cell). */
  onGo(issue: CheckIssue): void;
  /** Show the user's explanation (for explained warnings). */
  showExplanation?: boolean;
}

export const IssueItem = forwardRef<HTMLButtonElement, IssueItemProps>(function IssueItem({ issue, onGo, showExplanation }, ref) {
  const styles = useStyles();
  const location = issueLocation(issue);
  const body = (
    <span className={styles.text}>
      <span className={mergeClasses(styles.location, issue.cell === "" && styles.locationPlain)}>{location}</span>
      <span className={styles.message}>{issue.message}</span>
      {showExplanation && issue.explanation ? (
        <span className={styles.explanation}>
          <span>Explanation: </span>
          {issue.explanation}
        </span>
      ) : null}
    </span>
  );
  if (issue.cell === "") return <div className={styles.row}>{body}</div>;
  return (
    <button
      ref={ref}
      type="button"
      className={mergeClasses(styles.row, styles.button)}
      title={`Select ${location} in the workbook`}
      {...{ [ISSUE_ROW_ATTRIBUTE]: "" }}
      onClick={() => onGo(issue)}
    >
      {body}
      <ChevronRight12Regular className={styles.go} aria-hidden="true" />
    </button>
  );
});

/** Up/Down arrow keys (and Home/End) move focus between issue rows inside `event.currentTarget`. */
export function moveBetweenIssues(event: KeyboardEvent<HTMLElement>): void {
  if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
  const target = event.target as HTMLElement;
  if (!target.hasAttribute(ISSUE_ROW_ATTRIBUTE)) return;
  const rows = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${ISSUE_ROW_ATTRIBUTE}]`)];
  const index = rows.indexOf(target);
  if (index < 0) return;
  const next = event.key === "ArrowDown" ? rows[index + 1] : event.key === "ArrowUp" ? rows[index - 1] : event.key === "Home" ? rows[0] : rows[rows.length - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}
