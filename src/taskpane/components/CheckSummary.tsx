/**
 * The count line after a check: errors, warnings and explained warnings as badges that differ in
 * icon and word as well as colour, read by screen readers as "2 errors, 5 warnings, 1 explained".
 */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircle12Filled, ErrorCircle12Filled, Warning12Filled } from "@fluentui/react-icons";
import type { CheckResult } from "../../core/checks";
import { plural } from "../check-display";

const useStyles = makeStyles({
  line: { margin: 0, display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  badge: { fontWeight: tokens.fontWeightSemibold },
  // Commas for screen readers only, so the line reads as a sentence.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface CheckSummaryProps {
  summary: CheckResult["summary"];
}

export function CheckSummary({ summary }: CheckSummaryProps) {
  const styles = useStyles();
  return (
    <div className={styles.line} data-testid="check-summary">
      <Badge
        className={styles.badge}
        size="large"
        shape="rounded"
        appearance={summary.errors > 0 ? "filled" : "outline"}
        color={summary.errors > 0 ? "danger" : "informative"}
        icon={<ErrorCircle12Filled />}
      >
        {plural(summary.errors, "error")}
      </Badge>
      <span className={styles.hidden}>, </span>
      <Badge
        className={styles.badge}
        size="large"
        shape="rounded"
        appearance={summary.warnings > 0 ? "tint" : "outline"}
        color={summary.warnings > 0 ? "warning" : "informative"}
        icon={<Warning12Filled />}
      >
        {plural(summary.warnings, "warning")}
      </Badge>
      {summary.accepted > 0 ? (
        <>
          <span className={styles.hidden}>, </span>
          <Badge className={styles.badge} size="large" shape="rounded" appearance="tint" color="success" icon={<CheckmarkCircle12Filled />}>
            {summary.accepted.toLocaleString("en-GB")} explained
          </Badge>
        </>
      ) : null}
    </div>
  );
}
