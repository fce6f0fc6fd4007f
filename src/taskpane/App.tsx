/**
 * The task pane: a heading, a tab per view (see views/index.ts), the chosen view and the About line
 * (versions) at the foot. Views that have been opened stay mounted (hidden) so switching tabs keeps
 * what the user typed.
 */
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useState, type ReactNode } from "react";
import type { TaskPaneActions } from "./actions";
import { AboutLine } from "./components/AboutLine";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Tabs } from "./components/Tabs";
import { VIEWS } from "./views";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  logo: { width: "24px", height: "24px", flexShrink: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  main: { flex: 1, minHeight: 0, overflowY: "auto" },
  panel: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` },
  notice: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

export interface AppProps {
  actions: TaskPaneActions;
  /** Shown above the views, e.g. a warning that this Excel is too old. */
  notice?: ReactNode;
  /** The view to open first (by id); the first view otherwise. */
  initialView?: string;
}

export function App({ actions, notice, initialView }: AppProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(() => VIEWS.find((v) => v.id === initialView)?.id ?? VIEWS[0]!.id);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([selected]));

  const select = (id: string) => {
    setSelected(id);
    setOpened((current) => (current.has(id) ? current : new Set([...current, id])));
  };

  return (
    <main className={styles.pane}>
      <div className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <h1 className={styles.title}>Impact Returns</h1>
      </div>
      <Tabs
        className={styles.tabs}
        selected={selected}
        onSelect={select}
        aria-label="Impact Returns views"
        items={VIEWS.map((view) => ({ value: view.id, label: view.label, id: `tab-${view.id}`, controls: `panel-${view.id}` }))}
      />
      <div className={styles.main}>
        {notice ? <div className={styles.notice}>{notice}</div> : null}
        {VIEWS.filter((view) => opened.has(view.id)).map((view) => {
          const View = view.component;
          return (
            <div
              key={view.id}
              id={`panel-${view.id}`}
              role="tabpanel"
              aria-labelledby={`tab-${view.id}`}
              hidden={view.id !== selected}
              className={styles.panel}
            >
              <ErrorBoundary what={`The ${view.label} view`}>
                <Suspense fallback={<Spinner size="small" label={`Opening ${view.label}…`} />}>
                  <View actions={actions} />
                </Suspense>
              </ErrorBoundary>
            </div>
          );
        })}
      </div>
      <AboutLine readExisting={actions.readExisting} refreshKey={selected} />
    </main>
  );
}
