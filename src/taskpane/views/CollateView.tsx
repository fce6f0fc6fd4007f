/**
 * Collate: the centre's analyst, in the sector workbook, chooses (or drops) many returns; each is
 * read and checked in a worker with its own progress (the pane stays responsive) and listed with
 * its status and reason; "Add to this workbook" writes or updates the sector sheets, with the
 * Submissions table as the ledger, then the charts and PivotTable. Acts only through CollateActions.
 */
import { Button, Field, Input, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Add20Regular, DocumentArrowUp20Regular, Open20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type { ReadStage } from "../../collate-worker/protocol";
import type { FileOutcome, Submission } from "../../core/collate/types";
import type { CollateInExcelOutcome } from "../../excel/gateway";
import type { CollateActions } from "../actions";
import { plural } from "../check-display";
import { fromWhom, previewOutcomes, STAGE_WORD, STATUS_MEANING, STATUS_WORD, summaryLine } from "../collate-display";
import { Announcer, FocusableError, ProgressField, ViewSection } from "../components/ViewParts";
import { describeError, type DisplayError } from "../errors";
import { focusPending } from "../pending-focus";
import { boxStyle, useViewStyles } from "../view-styles";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { display: "none" },
  files: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { ...boxStyle, gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  fileName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  status: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorNeutralForeground1 },
  reason: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

interface Chosen {
  name: string;
  stage: ReadStage;
  fraction: number;
  submission?: Submission;
  outcome?: FileOutcome;
}

function FileItem({ f, index }: { f: Chosen; index: number }) {
  const styles = useStyles();
  const o = f.outcome;
  const tone = o ? (o.status === "accepted" ? styles.good : o.status === "rejected" || o.status === "held" ? styles.bad : styles.warn) : undefined;
  const who = o ? fromWhom(o) : undefined;
  return (
    <li className={styles.file} aria-labelledby={`collate-file-${index}`} data-status={o?.status ?? f.stage}>
      <h4 id={`collate-file-${index}`} className={styles.fileName}>
        {f.name}
      </h4>
      {o ? (
        <>
          <p className={mergeClasses(styles.status, tone)}>{STATUS_WORD[o.status]}</p>
          {who ? <p className={styles.reason}>{who}</p> : null}
          <p className={styles.reason}>
            {STATUS_MEANING[o.status]} {o.status === "accepted" ? "" : `Why: ${o.reason.replace(/[.\s]+$/, "")}.`}
          </p>
        </>
      ) : (
        <Field label={`${STAGE_WORD[f.stage]} ${f.name}`} validationState="none">
          <ProgressBar value={f.fraction} max={1} />
        </Field>
      )}
    </li>
  );
}

export interface CollateViewProps {
  actions: CollateActions;
}

export function CollateView({ actions }: CollateViewProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [homes, setHomes] = useState("");
  const [progress, setProgress] = useState<{ step: string; fraction: number } | undefined>(undefined);
  const [result, setResult] = useState<CollateInExcelOutcome | undefined>(undefined);
  const [error, setError] = useState<DisplayError | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<"result" | "error" | undefined>(undefined);

  // Focus follows what the user asked for: the result after adding the returns, the message after a failure.
  useEffect(() => focusPending(pendingFocus, { result: resultHeading, error: errorRef }), [result, error]);

  const readFiles = useCallback(
    async (list: readonly File[]) => {
      const files = list.filter((f) => /\.xlsx$/i.test(f.name) || f.type === "" || /spreadsheetml/.test(f.type));
      if (files.length === 0 || reading) return;
      setResult(undefined);
      setError(undefined);
      setReading(true);
      setChosen(files.map((f) => ({ name: f.name, stage: "waiting", fraction: 0 })));
      setAnnouncement(`Reading ${plural(files.length, "file")}…`);
      try {
        const submissions = await actions.readReturns(files, (index, stage, fraction) => {
          setChosen((current) => current.map((c, i) => (i === index ? { ...c, stage, fraction } : c)));
        });
        const outcomes = previewOutcomes(submissions, actions.today());
        setChosen(files.map((f, i) => ({ name: f.name, stage: "done", fraction: 1, submission: submissions[i]!, outcome: outcomes[i]! })));
        setAnnouncement(`Read ${summaryLine(outcomes)}.`);
      } catch (e) {
        pendingFocus.current = "error";
        setError(describeError(e, "Reading the returns"));
        setChosen([]);
        setAnnouncement("The returns could not be read.");
      } finally {
        setReading(false);
      }
    },
    [actions, reading],
  );

  const add = useCallback(async () => {
    const submissions = chosen.flatMap((c) => (c.submission ? [c.submission] : []));
    if (submissions.length === 0 || progress) return;
    const sectorHomes = Number(homes.replace(/[,\s_]/g, ""));
    setError(undefined);
    setProgress({ step: "Starting", fraction: 0 });
    setAnnouncement("Adding the returns to this workbook…");
    try {
      const outcome = await actions.addToWorkbook(submissions, homes.trim() !== "" && Number.isFinite(sectorHomes) && sectorHomes > 0 ? { sectorHomes } : {}, (step, fraction) => {
        setProgress({ step, fraction });
      });
      const byFile = new Map(outcome.files.map((f) => [`${f.file}|${f.sha256}`, f]));
      setChosen((current) => current.map((c) => ({ ...c, outcome: (c.submission && (byFile.get(`${c.submission.file}|${c.submission.sha256}`) as FileOutcome | undefined)) || c.outcome })));
      pendingFocus.current = "result";
      setResult(outcome);
      setAnnouncement(`Added to this workbook. The ledger lists ${summaryLine(outcome.files)}.`);
    } catch (e) {
      pendingFocus.current = "error";
      setError(describeError(e, "Adding the returns"));
      setAnnouncement("The returns were not added.");
    } finally {
      setProgress(undefined);
    }
  }, [actions, chosen, homes, progress]);

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFiles([...event.dataTransfer.files]);
  };

  const read = chosen.length > 0 && chosen.every((c) => c.outcome);
  const outcomes = chosen.flatMap((c) => (c.outcome ? [c.outcome] : []));
  const homesInvalid = homes.trim() !== "" && !(Number(homes.replace(/[,\s_]/g, "")) > 0);

  return (
    <div
      className={common.view}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 className={common.heading}>Collate returns</h2>
      <p className={common.intro}>
        Adds organisations&apos; returns to this sector workbook: every file is checked and listed in the Submissions sheet, the ledger. Files you add
        later join it, a newer return replaces an older one, and nothing already collated is lost.
      </p>

      <ViewSection id="collate-choose-heading" heading="Returns to add" className={mergeClasses(styles.drop, dragging ? styles.dropActive : undefined)}>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Choose returns"
          data-testid="collate-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            void readFiles(files);
          }}
        />
        <Button icon={<DocumentArrowUp20Regular />} disabledFocusable={reading || progress !== undefined} onClick={() => input.current?.click()}>
          Choose returns…
        </Button>
        <p className={common.note}>Or drop .xlsx files onto this pane. Each file is read and checked on its own, without sending it anywhere.</p>
      </ViewSection>

      <Announcer text={announcement} />

      {chosen.length > 0 ? (
        <ViewSection id="collate-files-heading" heading="Files chosen">
          {read ? (
            <p className={styles.summary} data-testid="collate-summary">
              {summaryLine(outcomes)}
            </p>
          ) : (
            <p className={common.note}>Reading and checking each file…</p>
          )}
          <ul className={styles.files} aria-label="Files chosen">
            {chosen.map((f, i) => (
              <FileItem key={`${i}|${f.name}`} f={f} index={i} />
            ))}
          </ul>
        </ViewSection>
      ) : null}

      {read ? (
        <ViewSection id="collate-add-heading" heading="Add to this workbook">
          <Field
            label="Homes in the sector (optional)"
            hint="For coverage and the scaled estimates. Leave blank to keep the figure already in the workbook."
            validationState={homesInvalid ? "error" : "none"}
            validationMessage={homesInvalid ? "Type a whole number of homes, such as 2400000." : undefined}
          >
            <Input value={homes} inputMode="numeric" onChange={(_, d) => setHomes(d.value)} />
          </Field>
          <div className={common.actions}>
            <Button appearance="primary" icon={<Add20Regular />} disabledFocusable={progress !== undefined || homesInvalid} onClick={() => void add()}>
              Add to this workbook
            </Button>
          </div>
          {progress ? (
            <ProgressField label="Adding the returns" fraction={progress.fraction}>
              <p className={common.note} data-testid="collate-step">
                {progress.step}…
              </p>
            </ProgressField>
          ) : null}
        </ViewSection>
      ) : null}

      {error ? (
        <FocusableError focusRef={errorRef} error={error} title="The returns were not added" />
      ) : null}

      {result ? (
        <ViewSection id="collate-result-heading" heading="Added to this workbook" headingRef={resultHeading} data-testid="collate-result">
          <p className={common.note}>
            The Submissions ledger now lists {summaryLine(result.files)}
            {result.previousFiles > 0 ? ` (${plural(result.previousFiles, "file")} from before)` : ""}. {plural(result.organisations, "organisation")};{" "}
            {plural(result.totals, "total")} by measure and month; {plural(result.revisions, "revised figure")}; {plural(result.chase, "row")} on the chase
            list. {result.charts > 0 ? `${plural(result.charts, "chart")} on the Sector charts sheet and a PivotTable on Sector pivots.` : ""}
          </p>
          <div className={common.actions}>
            <Button icon={<Open20Regular />} onClick={() => void actions.showSectorTotals().catch((e: unknown) => setError(describeError(e, "Going to the Sector totals")))}>
              Show the Sector totals
            </Button>
          </div>
        </ViewSection>
      ) : null}
    </div>
  );
}

export default CollateView;
