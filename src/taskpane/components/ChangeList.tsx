/** What Set up will do, sheet by sheet, each change marked Add, Update or Keep. */
import { Badge, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import type { PlannedChange } from "../../core/setup/plan";

const BADGE: Record<PlannedChange["action"], { label: string; color: BadgeProps["color"] }> = {
  add: { label: "Add", color: "success" },
  update: { label: "Update", color: "warning" },
  keep: { label: "Keep", color: "informative" },
};

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheet: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sheetName: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  changes: {
    listStyle: "none",
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  change: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  badge: { flexShrink: 0, minWidth: "52px", marginTop: "1px" },
  detail: { overflowWrap: "anywhere" },
});

export interface ChangeListProps {
  changes: readonly PlannedChange[];
  /** Heading level of each sheet's name (one below the section's heading). */
  headingLevel?: 3 | 4 | 5;
}

/** Groups changes by sheet, keeping the order sheets first appear in. */
export function groupBySheet(changes: readonly PlannedChange[]): [string, PlannedChange[]][] {
  const groups = new Map<string, PlannedChange[]>();
  for (const change of changes) {
    const group = groups.get(change.sheet) ?? [];
    group.push(change);
    groups.set(change.sheet, group);
  }
  return [...groups.entries()];
}

export function ChangeList({ changes, headingLevel = 4 }: ChangeListProps) {
  const styles = useStyles();
  const Heading = `h${headingLevel}` as "h4";
  return (
    <ul className={styles.list} aria-label="Changes by sheet">
      {groupBySheet(changes).map(([sheet, items]) => (
        <li key={sheet} className={styles.sheet}>
          <Heading className={styles.sheetName}>{sheet === "Framework" ? "Framework (hidden sheet)" : sheet}</Heading>
          <ul className={styles.changes}>
            {items.map((change, i) => (
              <li key={i} className={styles.change}>
                <Badge className={styles.badge} appearance="tint" shape="rounded" color={BADGE[change.action].color}>
                  {BADGE[change.action].label}
                </Badge>
                <span className={styles.detail}>{capitalise(change.detail)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
