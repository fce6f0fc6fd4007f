/**
 * One kind of issue (one code): its title, severity and count, what the check means (a
 * disclosure), and its issues: the first few, and the rest on request (see IssueList).
 */
import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle12Filled, Info16Regular, Warning12Filled } from "@fluentui/react-icons";
import { useId, useState, type ReactElement } from "react";
import type { CheckIssue, Severity } from "../../core/checks";
import { issueExplanation, plural } from "../check-display";
import { ExplainBox } from "./ExplainBox";
import { IssueList } from "./IssueList";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  warning: { borderInlineStartColor: tokens.colorPaletteMarigoldBorder2 },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  headText: { flex: 1, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  meta: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  about: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export const SEVERITY_LOOK: Record<Severity, { label: string; color: "danger" | "warning"; icon: ReactElement }> = {
  error: { label: "Error", color: "danger", icon: <ErrorCircle12Filled /> },
  warning: { label: "Warning", color: "warning", icon: <Warning12Filled /> },
};

export interface IssueGroupCardProps {
  code: string;
  title: string;
  severity: Severity;
  /** Every issue of this code still to deal with, in sheet order. */
  issues: readonly CheckIssue[];
  onGo(issue: CheckIssue): void;
  /** For warnings: writes an explanation against one of them (the card then offers an "Explain" box). */
  onExplain?(issue: CheckIssue, text: string): Promise<void>;
  headingLevel?: 4 | 5;
}

export function IssueGroupCard({ code, title, severity, issues, onGo, onExplain, headingLevel = 4 }: IssueGroupCardProps) {
  const styles = useStyles();
  const Heading = `h${headingLevel}` as "h4";
  const headingId = useId();
  const aboutId = useId();
  const [aboutOpen, setAboutOpen] = useState(false);
  const total = issues.length;
  const about = issueExplanation(code);
  const look = SEVERITY_LOOK[severity];

  return (
    <section className={mergeClasses(styles.card, styles[severity])} aria-labelledby={headingId} data-code={code}>
      <div className={styles.head}>
        <div className={styles.headText}>
          <Heading id={headingId} className={styles.title}>
            {title}
          </Heading>
          <div className={styles.meta}>
            <Badge appearance="tint" color={look.color} shape="rounded" icon={look.icon}>
              {look.label}
            </Badge>
            <span>{plural(total, "cell")}</span>
          </div>
        </div>
        {about ? (
          <Button
            appearance="subtle"
            size="small"
            icon={<Info16Regular />}
            aria-label={`What "${title}" means`}
            title={`What "${title}" means`}
            aria-expanded={aboutOpen}
            aria-controls={aboutId}
            onClick={() => setAboutOpen((open) => !open)}
          />
        ) : null}
      </div>
      {about ? (
        <p id={aboutId} className={styles.about} hidden={!aboutOpen}>
          {about}
        </p>
      ) : null}
      <IssueList issues={issues} onGo={onGo} />
      {severity === "warning" && onExplain ? <ExplainBox issues={issues} onExplain={onExplain} title={title} /> : null}
    </section>
  );
}
