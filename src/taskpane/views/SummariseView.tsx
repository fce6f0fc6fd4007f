/**
 * Summarise: one click builds (or refreshes) the board summary - the Board summary sheet, the
 * PivotTables on Summary pivots and the charts on Summary charts - and the pane shows the key
 * figures at a glance: flows by year to date and latest month, stocks by their latest value and
 * its direction (stocks never add up over months), the months covered, the social value and the
 * stories. "Compare with last year…" chooses last year's return (read in a worker by the actions)
 * to set beside this year on the next build. Acts only through its SummariseActions.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowDown16Regular, ArrowRight16Regular, ArrowUp16Regular, Clock16Regular, DataBarVertical20Regular, Open20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState } from "react";
import { SUMMARY_SHEET } from "../../core/layout/summary-contract";
import type { Direction, MeasureSummary, ReturnSummary } from "../../core/summary";
import type { SummariseOutcome } from "../../excel/gateway";
import type { SummariseActions } from "../actions";
import type { LastYearRead } from "../actions/summarise";
import { clockTime, plural } from "../check-display";
import { Announcer, FocusableError, ProgressField, ViewSection } from "../components/ViewParts";
import { describeError, type DisplayError } from "../errors";
import { formatMoneyWithPence as formatMoney } from "../../core/format";
import { focusPending } from "../pending-focus";
import { boxStyle, useViewStyles } from "../view-styles";
import { builtAnnouncement, directionText, excludedText, formatValue, keyRows, measureName, monthsCoveredText, valueInMonth } from "../summary-display";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, width: "100%" },
  step: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  context: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  cards: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { ...boxStyle, gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  cardHeading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  figures: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, overflowWrap: "anywhere" },
  plain: { fontWeight: tokens.fontWeightRegular },
  direction: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  directionIcon: { flexShrink: 0 },
  areas: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

interface Built {
  /** Counts the summaries built while the view is open, from 1. */
  number: number;
  outcome: SummariseOutcome;
  at: Date;
}

const DIRECTION_ICON: Record<Direction, typeof ArrowUp16Regular> = { Higher: ArrowUp16Regular, Lower: ArrowDown16Regular, Same: ArrowRight16Regular };

/** One key measure: flows by year to date and latest month; stocks by latest value and direction, never a year total. */
function MeasureCard({ m, id }: { m: MeasureSummary; id: string }) {
  const styles = useStyles();
  const common = useViewStyles();
  const direction = directionText(m);
  const Icon = m.direction ? DIRECTION_ICON[m.direction] : undefined;
  return (
    <li className={styles.card} aria-labelledby={id}>
      <h4 id={id} className={styles.cardHeading}>
        {measureName(m)}
      </h4>
      {m.monthsReported === 0 ? (
        <p className={common.note}>Not reported yet.</p>
      ) : (
        <dl className={styles.figures}>
          {m.kind === "flow" ? (
            <>
              <dt className={styles.term}>Year to date</dt>
              <dd className={styles.value}>
                {formatValue(m.yearToDate ?? 0, m.unit)}
                {m.monthsReported > 0 ? <span className={styles.plain}> ({plural(m.monthsReported, "month")})</span> : null}
              </dd>
              <dt className={styles.term}>Latest month</dt>
              <dd className={styles.value}>{m.latest ? valueInMonth(m.latest, m.unit) : "None"}</dd>
            </>
          ) : (
            <>
              <dt className={styles.term}>Latest</dt>
              <dd className={styles.value}>{m.latest ? valueInMonth(m.latest, m.unit) : "None"}</dd>
              <dt className={styles.term}>Direction</dt>
              <dd className={styles.value}>
                {direction && Icon ? (
                  <span className={styles.direction}>
                    <Icon className={styles.directionIcon} aria-hidden="true" />
                    {direction}
                  </span>
                ) : (
                  <span className={styles.plain}>Only one month reported</span>
                )}
              </dd>
            </>
          )}
          {m.excluded > 0 ? (
            <>
              <dt className={styles.term}>Left out</dt>
              <dd className={mergeClasses(styles.value, styles.plain)}>{plural(m.excluded, "figure")} with check errors</dd>
            </>
          ) : null}
        </dl>
      )}
    </li>
  );
}

function SocialValueAndStories({ summary }: { summary: ReturnSummary }) {
  const styles = useStyles();
  const common = useViewStyles();
  const { socialValue, caseStudies } = summary;
  return (
    <ViewSection id="summarise-value-heading" heading="Social value and stories">
      <dl className={styles.figures}>
        <dt className={styles.term}>Social value</dt>
        <dd className={styles.value}>
          {formatMoney(socialValue.total)}
          <span className={styles.plain}> from {plural(socialValue.outcomes, "outcome")}</span>
        </dd>
        <dt className={styles.term}>Stories listed</dt>
        <dd className={styles.value}>{caseStudies.stories.length.toLocaleString("en-GB")}</dd>
        <dt className={styles.term}>Without consent</dt>
        <dd className={styles.value}>
          {caseStudies.withoutConsent.toLocaleString("en-GB")}
          {caseStudies.withoutConsent > 0 ? <span className={styles.plain}> (counted, not shown)</span> : null}
        </dd>
      </dl>
      {socialValue.byOutcomeArea.length > 0 ? (
        <ul className={styles.areas} aria-label="Social value by outcome area">
          {socialValue.byOutcomeArea.map((area) => (
            <li key={area.name}>
              {area.name}: {formatMoney(area.value)} ({plural(area.outcomes, "outcome")})
            </li>
          ))}
        </ul>
      ) : null}
      {socialValue.excluded > 0 ? (
        <p className={common.note}>
          {plural(socialValue.excluded, "impact map row")} with check errors {socialValue.excluded === 1 ? "was" : "were"} left out of the social value.
        </p>
      ) : null}
    </ViewSection>
  );
}

export interface SummariseViewProps {
  actions: SummariseActions;
}

export function SummariseView({ actions }: SummariseViewProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const [progress, setProgress] = useState<{ step: string; fraction: number } | undefined>(undefined);
  const [built, setBuilt] = useState<Built | undefined>(undefined);
  const [error, setError] = useState<DisplayError | undefined>(undefined);
  const [showError, setShowError] = useState<DisplayError | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");

  const pendingFocus = useRef<"results" | "error" | "showError" | undefined>(undefined);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const showErrorRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const lastYearInput = useRef<HTMLInputElement>(null);
  const [lastYear, setLastYear] = useState<LastYearRead | undefined>(undefined);
  const [readingLastYear, setReadingLastYear] = useState(false);

  const chooseLastYear = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      setReadingLastYear(true);
      setAnnouncement(`Reading ${file.name}…`);
      try {
        const read = await actions.readLastYear(file);
        setLastYear(read);
        setAnnouncement("summary" in read ? `Last year's return ${read.file} will be set beside this year.` : read.problem);
      } finally {
        setReadingLastYear(false);
        if (lastYearInput.current) lastYearInput.current.value = "";
      }
    },
    [actions],
  );

  // Focus follows what the user asked for: the results after a build, the message after a failure.
  useEffect(() => focusPending(pendingFocus, { results: resultsHeading, error: errorRef, showError: showErrorRef }), [built, error, showError]);

  const build = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    const refreshing = built !== undefined;
    setError(undefined);
    setShowError(undefined);
    setProgress({ step: "Starting", fraction: 0 });
    setAnnouncement(refreshing ? "Refreshing the board summary…" : "Building the board summary…");
    try {
      const compare = lastYear && "summary" in lastYear ? lastYear : undefined;
      const outcome = await actions.summarise((step, fraction) => {
        setProgress({ step, fraction });
        setAnnouncement(`${step}…`);
      }, compare);
      pendingFocus.current = "results";
      setBuilt((current) => ({ number: (current?.number ?? 0) + 1, outcome, at: new Date() }));
      setAnnouncement(builtAnnouncement(outcome.summary, refreshing));
    } catch (e) {
      pendingFocus.current = "error";
      setError(describeError(e, "Building the board summary"));
      setAnnouncement("The board summary was not built.");
    } finally {
      setProgress(undefined);
      busy.current = false;
    }
  }, [actions, built, lastYear]);

  const show = useCallback(async () => {
    setShowError(undefined);
    try {
      await actions.showBoardSummary();
      setAnnouncement(`Showing the ${SUMMARY_SHEET.board} sheet in the workbook.`);
    } catch (e) {
      pendingFocus.current = "showError";
      setShowError(describeError(e, "Going to the Board summary"));
    }
  }, [actions]);

  const running = progress !== undefined;
  const outcome = built?.outcome;
  const summary = outcome?.summary;
  const rows = summary ? keyRows(summary) : [];
  const excluded = summary ? excludedText(summary) : undefined;
  const organisation = summary?.organisation ? `${summary.organisation}${summary.organisationCode ? ` (${summary.organisationCode})` : ""}` : undefined;

  return (
    <div className={common.view}>
      <h2 className={common.heading}>Summarise for the board</h2>
      <p className={common.intro}>
        Builds a Board summary sheet from this return: the key figures for the year so far, with PivotTables and charts. Figures with check errors are
        left out.
      </p>

      <div className={common.controls}>
        <div className={common.actions}>
          <Button appearance="primary" icon={<DataBarVertical20Regular />} disabledFocusable={running || readingLastYear} onClick={() => void build()}>
            {built ? "Refresh board summary" : "Build board summary"}
          </Button>
          <Button disabledFocusable={running || readingLastYear} onClick={() => lastYearInput.current?.click()}>
            Compare with last year…
          </Button>
          {lastYear ? (
            <Button appearance="subtle" disabledFocusable={running} onClick={() => setLastYear(undefined)}>
              Stop comparing
            </Button>
          ) : null}
          <input
            ref={lastYearInput}
            type="file"
            accept=".xlsx,.xlsm"
            hidden
            aria-label="Last year's return"
            data-testid="last-year-file"
            onChange={(event) => void chooseLastYear(event.target.files?.[0])}
          />
        </div>
        {lastYear ? (
          <p className={styles.context} data-testid="last-year">
            {"summary" in lastYear ? `Last year: ${lastYear.file}, set beside this year when the board summary is built.` : lastYear.problem}
          </p>
        ) : null}
        {/* One line, always there, so the view does not jump as a build starts and finishes. */}
        <div className={common.statusLine}>
          {progress ? (
            <div className={styles.progress}>
              <ProgressField label="Building the board summary" fraction={progress.fraction} />
              <p className={styles.step} data-testid="summarise-step">
                {progress.step}…
              </p>
            </div>
          ) : built ? (
            <span className={common.stamp} data-testid="built-at">
              <Clock16Regular aria-hidden="true" />
              {built.number > 1 ? `Refreshed at ${clockTime(built.at)}` : `Built at ${clockTime(built.at)}`}
            </span>
          ) : (
            <span className={common.stamp}>Not built yet</span>
          )}
        </div>
      </div>

      {/* Always present, so screen readers announce each step and the result. */}
      <Announcer text={announcement} />

      {error ? (
        <FocusableError focusRef={errorRef} error={error} title="The board summary was not built" />
      ) : null}

      {built && summary && outcome ? (
        <section className={common.section} aria-labelledby="summarise-results-heading" data-summary-number={built.number}>
          <div className={common.resultsHead}>
            <h3 id="summarise-results-heading" ref={resultsHeading} tabIndex={-1} className={mergeClasses(common.subheading, common.focusTarget)}>
              Board summary
            </h3>
            <p className={styles.context} data-testid="months-covered">
              {[organisation, monthsCoveredText(summary)].filter(Boolean).join(": ")}
            </p>
          </div>

          {excluded ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Some figures were left out</MessageBarTitle>
                <div>{excluded}</div>
              </MessageBarBody>
            </MessageBar>
          ) : null}

          <div className={common.actions}>
            <Button icon={<Open20Regular />} onClick={() => void show()}>
              Show the board summary
            </Button>
          </div>
          {showError ? (
            <FocusableError focusRef={showErrorRef} error={showError} title="Could not show the board summary" />
          ) : null}

          <ViewSection id="summarise-key-heading" heading="Key figures">
            {rows.length > 0 ? (
              <ul className={styles.cards}>
                {rows.map((m, i) => (
                  <MeasureCard key={`${m.code}|${m.breakdown}`} m={m} id={`summarise-measure-${i}`} />
                ))}
              </ul>
            ) : (
              <p className={common.note}>The framework has no measures to show.</p>
            )}
            <p className={common.note}>
              Figures for a month&apos;s activity add up to a year to date. Counts taken at the end of each month do not add up: the pane shows the
              latest month, and whether it is higher or lower than the month before.
            </p>
          </ViewSection>

          <SocialValueAndStories summary={summary} />
        </section>
      ) : null}

      <section className={common.workbook} aria-labelledby="summarise-workbook-heading">
        <h3 id="summarise-workbook-heading" className={common.minorHeading}>
          In the workbook
        </h3>
        <p className={common.note}>
          {outcome
            ? `The key figures are on the ${SUMMARY_SHEET.board} sheet, ${plural(outcome.pivots, "PivotTable")} on the ${SUMMARY_SHEET.pivots} sheet and ${plural(outcome.charts, "chart")} on the ${SUMMARY_SHEET.charts} sheet.`
            : `The key figures go on the ${SUMMARY_SHEET.board} sheet, the PivotTables on the ${SUMMARY_SHEET.pivots} sheet and the charts on the ${SUMMARY_SHEET.charts} sheet.`}{" "}
          Type your own notes in the Commentary column of the {SUMMARY_SHEET.keyFigures} sheet: refreshing the summary keeps them, and the{" "}
          {SUMMARY_SHEET.board} sheet shows them.
        </p>
      </section>
    </div>
  );
}

export default SummariseView;
