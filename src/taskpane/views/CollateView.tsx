/**
 * Collate: the centre's analyst, in the sector workbook, chooses (or drops) many returns; each is
 * read and checked in a worker with its own progress and the overall count (the pane stays
 * responsive) and listed with its status and reason. Before adding them: the register (the
 * workbook's, or a file chosen), the sector's homes and whether only signed-off returns are
 * accepted - the workbook's own settings shown. "Add to this workbook" writes or updates the
 * sector sheets, with the Submissions table as the ledger; then the receipts, the sector bulletin,
 * each organisation's feedback workbook (.zip) and the email drafts (.zip) can be downloaded.
 * The command line's `collate` does the same (--register, --sector-homes, --require-sign-off,
 * --receipts, --bulletin, --feedback, --drafts). In a workbook that holds a return (an officer's
 * own) it offers nothing to add: it says whose return it is and offers to open a new workbook,
 * where Excel can, or says how to. Acts only through CollateActions.
 */
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, mergeClasses, tokens } from "@fluentui/react-components";
import { Add20Regular, ArrowDownload20Regular, DocumentAdd20Regular, DocumentArrowUp20Regular, Open20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import type { FileOutcome, LedgerRow } from "../../core/collate/types";
import { NEW_WORKBOOK_STEP } from "../../core/refusals";
import { removedSheetsText } from "../../core/setup/default-sheet";
import type { CollateInExcelOutcome, SectorWorkbookSettings } from "../../excel/gateway";
import type { CollateActions } from "../actions";
import type { AddOptions } from "../actions/collate";
import { plural } from "../check-display";
import { filesReadLine, isReadMilestone, previewOutcomes, summaryLine } from "../collate-display";
import { CollateDownloads, type DownloadKind } from "../components/CollateDownloads";
import { FileList, ReadProgress, type ChosenFile } from "../components/CollateFiles";
import { RegisterField, type RegisterChoice } from "../components/RegisterField";
import { Announcer, FocusableError, ProgressField, ViewSection } from "../components/ViewParts";
import { describeError, type DisplayError } from "../errors";
import { focusPending } from "../pending-focus";
import { useViewStyles } from "../view-styles";

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
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

const homesNumber = (homes: string) => Number(homes.replace(/[,\s_]/g, ""));
const ledgerKey = (f: Pick<LedgerRow, "file" | "sha256">) => `${f.file}|${f.sha256}`;

export interface CollateViewProps {
  actions: CollateActions;
}

/**
 * This workbook holds a return: whose, why the sector workbook is one of its own, and the way to
 * a new workbook (the add-in opens one where Excel can; the add-in stays here, so the officer
 * opens it there). Nothing is offered that would write here.
 */
function UseNewWorkbook({ reason, canOpen, actions, onAnnounce }: { reason: string; canOpen: boolean; actions: CollateActions; onAnnounce(text: string): void }) {
  const common = useViewStyles();
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<DisplayError | undefined>(undefined);
  const openedRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (opened) openedRef.current?.focus();
  }, [opened]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const open = async () => {
    setOpening(true);
    setError(undefined);
    try {
      await actions.openNewWorkbook();
      setOpened(true);
      onAnnounce(NEW_WORKBOOK_STEP.opened);
    } catch (e) {
      setError(describeError(e, "Opening a new workbook"));
    } finally {
      setOpening(false);
    }
  };
  return (
    <ViewSection id="collate-new-workbook-heading" heading="Use a new workbook" data-testid="collate-holds-return">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{reason}</MessageBarBody>
      </MessageBar>
      {opened ? (
        <p ref={openedRef} tabIndex={-1} className={mergeClasses(common.intro, common.focusTarget)} data-testid="collate-new-workbook-opened">
          {NEW_WORKBOOK_STEP.opened}
        </p>
      ) : canOpen ? (
        <div className={common.actions}>
          <Button appearance="primary" icon={<DocumentAdd20Regular />} disabledFocusable={opening} onClick={() => void open()}>
            Use a new workbook
          </Button>
        </div>
      ) : (
        <p className={common.intro}>{NEW_WORKBOOK_STEP.byHand}</p>
      )}
      {error ? <FocusableError focusRef={errorRef} error={error} title="No new workbook was opened" /> : null}
    </ViewSection>
  );
}

export function CollateView({ actions }: CollateViewProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const [chosen, setChosen] = useState<ChosenFile[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [homes, setHomes] = useState("");
  const [settings, setSettings] = useState<SectorWorkbookSettings | undefined>(undefined);
  const [requireSignOff, setRequireSignOff] = useState(false);
  const [register, setRegister] = useState<RegisterChoice | undefined>(undefined);
  const [registerReading, setRegisterReading] = useState(false);
  const [registerProblem, setRegisterProblem] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<{ step: string; fraction: number } | undefined>(undefined);
  const [result, setResult] = useState<CollateInExcelOutcome | undefined>(undefined);
  const [error, setError] = useState<DisplayError | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  const [downloaded, setDownloaded] = useState<string | undefined>(undefined);
  const [downloadError, setDownloadError] = useState<DisplayError | undefined>(undefined);
  const downloadErrorRef = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<"result" | "error" | undefined>(undefined);
  // Whether the user has changed the checkbox: then the workbook's setting, read later, does not overwrite it.
  const signOffTouched = useRef(false);
  // Whether the files just read are still to be announced.
  const announceRead = useRef(false);

  // Focus follows what the user asked for: the result after adding the returns, the message after a failure.
  useEffect(() => focusPending(pendingFocus, { result: resultHeading, error: errorRef }), [result, error]);
  // A download that failed: its message takes the focus.
  useEffect(() => {
    if (downloadError) downloadErrorRef.current?.focus();
  }, [downloadError]);

  // The workbook's settings, shown before anything is added (and after, as they now are).
  const loadSettings = useCallback(() => {
    actions
      .sectorSettings()
      .then((s) => {
        setSettings(s);
        if (!signOffTouched.current && s.requireSignOff !== undefined) setRequireSignOff(s.requireSignOff);
      })
      .catch(() => setSettings(undefined)); // Not knowing them changes nothing: the workbook's are kept.
  }, [actions]);
  useEffect(loadSettings, [loadSettings]);
  // The readers start while the analyst chooses files, not after; those not used end with the view.
  useEffect(() => actions.prepareReading?.(), [actions]);

  const readFiles = useCallback(
    async (list: readonly File[]) => {
      const files = list.filter((f) => /\.xlsx$/i.test(f.name) || f.type === "" || /spreadsheetml/.test(f.type));
      if (files.length === 0 || reading) return;
      setResult(undefined);
      setError(undefined);
      setDownloaded(undefined);
      setReading(true);
      setChosen(files.map((f) => ({ name: f.name, stage: "waiting", fraction: 0 })));
      setAnnouncement(`Reading ${plural(files.length, "file")}…`);
      const done = new Set<number>();
      try {
        const submissions = await actions.readReturns(files, (index, stage, fraction) => {
          setChosen((current) => current.map((c, i) => (i === index ? { ...c, stage, fraction } : c)));
          if (stage === "done" && !done.has(index)) {
            done.add(index);
            if (isReadMilestone(done.size, files.length)) setAnnouncement(`${filesReadLine(done.size, files.length)}.`);
          }
        });
        setChosen(files.map((f, i) => ({ name: f.name, stage: "done", fraction: 1, submission: submissions[i]! })));
        // Said once the preview below is worked out (collating the files once, not twice).
        announceRead.current = true;
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

  const chooseRegister = useCallback(
    async (file: File) => {
      setRegisterReading(true);
      setRegisterProblem(undefined);
      setAnnouncement("Reading the register…");
      try {
        const read = await actions.readRegister(file);
        if (read.entries.length === 0) {
          setRegister(undefined);
          setRegisterProblem(`${file.name} lists no organisations: ${read.problems[0] ?? "it has no rows"}. The workbook's register is kept.`);
          setAnnouncement("The register lists no organisations.");
        } else {
          setRegister({ name: file.name, read });
          setAnnouncement(`Register ${file.name}: ${plural(read.entries.length, "organisation")}${read.problems.length > 0 ? `, ${plural(read.problems.length, "problem")}` : ""}.`);
        }
      } catch (e) {
        setRegister(undefined);
        const shown = describeError(e, "Reading the register");
        setRegisterProblem(`${shown.message} The workbook's register is kept.`);
        setAnnouncement("The register could not be read.");
      } finally {
        setRegisterReading(false);
      }
    },
    [actions],
  );

  // Each file's status: once added, the workbook's; before, a preview among the files chosen.
  const submissions = useMemo(() => chosen.flatMap((c) => (c.submission ? [c.submission] : [])), [chosen]);
  const read = chosen.length > 0 && submissions.length === chosen.length;
  const preview = useMemo(() => (read ? previewOutcomes(submissions, actions.today(), { requireSignOff }) : []), [read, submissions, actions, requireSignOff]);
  const outcomes: (FileOutcome | undefined)[] = chosen.map((c, i) => c.added ?? preview[i]);
  useEffect(() => {
    if (!announceRead.current || !read) return;
    announceRead.current = false;
    setAnnouncement(`Read ${summaryLine(preview)}.`);
  }, [read, preview]);
  const filesDone = chosen.filter((c) => c.stage === "done").length;

  const add = useCallback(async () => {
    if (submissions.length === 0 || progress) return;
    const sectorHomes = homesNumber(homes);
    const options: AddOptions = {
      ...(homes.trim() !== "" && Number.isFinite(sectorHomes) && sectorHomes > 0 ? { sectorHomes } : {}),
      ...(register ? { register: register.read.entries } : {}),
      requireSignOff,
    };
    setError(undefined);
    setDownloaded(undefined);
    setProgress({ step: "Starting", fraction: 0 });
    setAnnouncement("Adding the returns to this workbook…");
    try {
      const outcome = await actions.addToWorkbook(submissions, options, (step, fraction) => {
        setProgress({ step, fraction });
      });
      const byFile = new Map(outcome.files.map((f) => [ledgerKey(f), f]));
      setChosen((current) =>
        current.map((c) => {
          const row = c.submission ? byFile.get(ledgerKey(c.submission)) : undefined;
          return row && c.submission ? { ...c, added: { ...row, submission: c.submission } } : c;
        }),
      );
      pendingFocus.current = "result";
      setDownloadError(undefined);
      setResult(outcome);
      setAnnouncement(`Added to this workbook. The ledger lists ${summaryLine(outcome.files)}.`);
      loadSettings();
    } catch (e) {
      pendingFocus.current = "error";
      setError(describeError(e, "Adding the returns"));
      setAnnouncement("The returns were not added.");
    } finally {
      setProgress(undefined);
    }
  }, [actions, submissions, homes, progress, register, requireSignOff, loadSettings]);

  const downloadReceipts = async () => {
    const added = chosen.flatMap((c) => (c.added ? [c.added] : []));
    if (added.length === 0) return;
    try {
      const name = await actions.downloadReceipts(added);
      setDownloaded(name);
      setAnnouncement(`Downloaded ${name}.`);
    } catch (e) {
      setError(describeError(e, "Downloading the receipts"));
    }
  };

  const downloadPublished = useCallback(
    (kind: DownloadKind) => {
      if (!result) return Promise.reject(new Error("Add the returns to this workbook first."));
      setDownloadError(undefined);
      if (kind === "bulletin") return actions.downloadBulletin(result);
      if (kind === "feedback") return actions.downloadFeedback(result);
      return actions.downloadDrafts(result);
    },
    [actions, result],
  );

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFiles([...event.dataTransfer.files]);
  };

  const homesInvalid = homes.trim() !== "" && !(homesNumber(homes) > 0);
  const busy = reading || progress !== undefined;
  const receiptCount = chosen.filter((c) => c.added).length;

  // An officer's own return: nothing to add here, only the way to a workbook of its own.
  if (settings?.holdsReturn) {
    return (
      <div className={common.view}>
        <h2 className={common.heading}>Collate returns</h2>
        <Announcer text={announcement} />
        <UseNewWorkbook reason={settings.holdsReturn} canOpen={settings.canOpenNewWorkbook === true} actions={actions} onAnnounce={setAnnouncement} />
      </div>
    );
  }

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
        <Button icon={<DocumentArrowUp20Regular />} disabledFocusable={busy} onClick={() => input.current?.click()}>
          Choose returns…
        </Button>
        <p className={common.note}>Or drop .xlsx files onto this pane. Each file is read and checked on its own, without sending it anywhere.</p>
      </ViewSection>

      <Announcer text={announcement} />

      {chosen.length > 0 ? (
        <ViewSection id="collate-files-heading" heading="Files chosen">
          {read ? (
            <p className={styles.summary} data-testid="collate-summary">
              {summaryLine(outcomes.flatMap((o) => (o ? [o] : [])))}
            </p>
          ) : (
            <ReadProgress done={filesDone} total={chosen.length} />
          )}
          <FileList files={chosen} outcomes={read ? outcomes : chosen.map((c) => c.added)} />
        </ViewSection>
      ) : null}

      {read ? (
        <ViewSection id="collate-add-heading" heading="Add to this workbook">
          <RegisterField
            choice={register}
            workbookOrganisations={settings?.registerOrganisations}
            reading={registerReading}
            problem={registerProblem}
            disabled={busy}
            onChoose={(file) => void chooseRegister(file)}
            onKeep={() => {
              setRegister(undefined);
              setRegisterProblem(undefined);
              setAnnouncement("Keeping the workbook's register.");
            }}
          />
          <Field
            label="Homes in the sector (optional)"
            hint={`For coverage and the scaled estimates. ${
              settings?.sectorHomes !== undefined ? `The workbook has ${settings.sectorHomes.toLocaleString("en-GB")}; leave blank to keep it.` : "Leave blank to keep the figure already in the workbook."
            }`}
            validationState={homesInvalid ? "error" : "none"}
            validationMessage={homesInvalid ? "Type a whole number of homes, such as 2400000." : undefined}
          >
            <Input value={homes} inputMode="numeric" onChange={(_, d) => setHomes(d.value)} />
          </Field>
          <Field hint="Hold returns that are not signed off (marked ready to send in the add-in) until they are, instead of accepting them and noting it in the Sign-off column. The workbook remembers this for next time.">
            <Checkbox
              label="Only accept signed-off returns"
              checked={requireSignOff}
              onChange={(_, d) => {
                signOffTouched.current = true;
                setRequireSignOff(d.checked === true);
              }}
            />
          </Field>
          <div className={common.actions}>
            <Button appearance="primary" icon={<Add20Regular />} disabledFocusable={busy || homesInvalid || registerReading} onClick={() => void add()}>
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

      {error ? <FocusableError focusRef={errorRef} error={error} title="The returns were not added" /> : null}

      {result ? (
        <ViewSection id="collate-result-heading" heading="Added to this workbook" headingRef={resultHeading} data-testid="collate-result">
          <p className={common.note}>
            The Submissions ledger now lists {summaryLine(result.files)}
            {result.previousFiles > 0 ? ` (${plural(result.previousFiles, "file")} from before)` : ""}. {plural(result.organisations, "organisation")};{" "}
            {plural(result.totals, "total")} by measure and month; {plural(result.revisions, "revised figure")}; {plural(result.chase, "row")} on the chase
            list. {result.requireSignOff ? "Only signed-off returns were accepted. " : ""}
            {result.charts > 0 ? `${plural(result.charts, "chart")} on the Sector charts sheet and a PivotTable on Sector pivots.` : ""}
            {result.removedSheets.length > 0 ? ` Removed ${removedSheetsText(result.removedSheets)}.` : ""}
          </p>
          <div className={common.actions}>
            <Button icon={<Open20Regular />} onClick={() => void actions.showSectorTotals().catch((e: unknown) => setError(describeError(e, "Going to the Sector totals")))}>
              Show the Sector totals
            </Button>
            {receiptCount > 0 ? (
              <Button icon={<ArrowDownload20Regular />} onClick={() => void downloadReceipts()}>
                {receiptCount === 1 ? "Download the receipt" : `Download ${receiptCount.toLocaleString("en-GB")} receipts (.zip)`}
              </Button>
            ) : null}
          </div>
          <p className={common.note} data-testid="collate-receipts-note">
            {downloaded
              ? `Downloaded ${downloaded}: a receipt for each file added this time, to send back to the officer who sent it.`
              : "A receipt for each file added this time says what happened to it and lists its check report, to send back to the officer who sent it."}
          </p>
          <CollateDownloads download={downloadPublished} onAnnounce={setAnnouncement} onError={(e, what) => setDownloadError(describeError(e, what))} />
          {downloadError ? <FocusableError focusRef={downloadErrorRef} error={downloadError} title="The file was not downloaded" /> : null}
        </ViewSection>
      ) : null}
    </div>
  );
}

export default CollateView;
