/**
 * The count line after a check: errors, warnings and explained warnings as badges that differ in
 * icon and word as well as colour, read by screen readers as "2 errors, 5 warnings, 1 explained".
 */
import { Badge, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import { CheckmarkCircle12Filled, ErrorCircle12Filled, Warning12Filled } from "@fluentui/react-icons";
import { Fragment, type ReactElement } from "react";
import type { CheckResult } from "../../core/checks";
import { plural } from "../check-display";
import { useViewStyles } from "../view-styles";

const useStyles = makeStyles({
  line: { margin: 0, display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  badge: { fontWeight: tokens.fontWeightSemibold },
});

interface Count {
  key: string;
  text: string;
  appearance: BadgeProps["appearance"];
  color: BadgeProps["color"];
  icon: ReactElement;
}

export interface CheckSummaryProps {
  summary: CheckResult["summary"];
}

export function CheckSummary({ summary }: CheckSummaryProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const counts: Count[] = [
    {
      key: "errors",
      text: plural(summary.errors, "error"),
      appearance: summary.errors > 0 ? "filled" : "outline",
      color: summary.errors > 0 ? "danger" : "informative",
      icon: <ErrorCircle12Filled />,
    },
    {
      key: "warnings",
      text: plural(summary.warnings, "warning"),
      appearance: summary.warnings > 0 ? "tint" : "outline",
      color: summary.warnings > 0 ? "warning" : "informative",
      icon: <Warning12Filled />,
    },
  ];
  if (summary.accepted > 0) {
    counts.push({ key: "accepted", text: `${summary.accepted.toLocaleString("en-GB")} explained`, appearance: "tint", color: "success", icon: <CheckmarkCircle12Filled /> });
  }
  return (
    <div className={styles.line} data-testid="check-summary">
      {counts.map((count, i) => (
        <Fragment key={count.key}>
          {/* Commas for screen readers only, so the line reads as a sentence. */}
          {i > 0 ? <span className={common.visuallyHidden}>, </span> : null}
          <Badge className={styles.badge} size="large" shape="rounded" appearance={count.appearance} color={count.color} icon={count.icon}>
            {count.text}
          </Badge>
        </Fragment>
      ))}
    </div>
  );
}
