/**
 * Set up: choose the framework, organisation and reporting year, review what will be added or
 * changed, then insert or upgrade the returns sheets. Acts only through its SetupActions.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type FormEvent, type SetStateAction } from "react";
import type { Framework } from "../../core/framework";
import { addMonths, monthLabel, type YearMonth } from "../../core/calendar";
import type { ExistingReturn } from "../../core/return";
import type { SetupDetails, SetupPlan } from "../../core/setup/plan";
import type { SetupOutcome } from "../../excel/gateway";
import type { ChangeList as ChangeListComponent } from "../components/ChangeList";
import { ErrorMessage } from "../components/ErrorMessage";
import { FrameworkField, type FrameworkOption } from "../components/FrameworkField";
import { FocusableError, ProgressField, TextField, ViewSection } from "../components/ViewParts";
import { YearStartField } from "../components/YearStartField";
import { describeError, type DisplayError } from "../errors";
import type { SetupActions } from "../actions";
import { useViewStyles } from "../view-styles";
import { EMAIL_ADDRESS } from "../../core/mail/address";

/**
 * The list of changes (with its badges) is shown only after "Review changes": fetched then, with
 * the plan, not with the pane; the review appears once both are here, the list already in it.
 */
let ChangeList: typeof ChangeListComponent | undefined;
const loadChangeList = async () => {
  ChangeList ??= (await import(/* webpackChunkName: "change-list" */ "../components/ChangeList")).ChangeList;
};

const useStyles = makeStyles({
  summary: { margin: 0, color: tokens.colorNeutralForeground2 },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  },
  blockers: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  status: { minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },

});

interface FrameworkChoice extends FrameworkOption {
  framework: Framework;
}

type Stage =
  | { kind: "editing" }
  | { kind: "reviewing" }
  | { kind: "reviewed"; plan: SetupPlan }
  | { kind: "running"; plan: SetupPlan; step: string; fraction: number }
  | { kind: "done"; outcome: SetupOutcome };

function builtinKey(framework: Framework): string {
  return `builtin:${framework.id}@${framework.version}`;
}

function describeFramework(framework: Framework): string {
  return `${framework.title} (version ${framework.version})`;
}

/** Years to offer: a few back (returns are sometimes set up late) and one ahead. */
function yearChoices(around: number): number[] {
  return Array.from({ length: 9 }, (_, i) => around - 6 + i);
}

export interface SetupViewProps {
  actions: SetupActions;
}

export function SetupView({ actions }: SetupViewProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const builtins = useMemo<FrameworkChoice[]>(
    () => actions.builtinFrameworks().map((framework) => ({ key: builtinKey(framework), label: describeFramework(framework), framework })),
    [actions],
  );
  const defaultYear = useMemo(() => actions.defaultYearStart(), [actions]);

  const [existing, setExisting] = useState<ExistingReturn | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<DisplayError | undefined>(undefined);
  const [fileChoices, setFileChoices] = useState<FrameworkChoice[]>([]);
  const [frameworkKey, setFrameworkKey] = useState<string>(builtins[0]?.key ?? "");
  const [fileError, setFileError] = useState<DisplayError | undefined>(undefined);
  const [organisation, setOrganisation] = useState("");
  const [organisationCode, setOrganisationCode] = useState("");
  const [centreEmail, setCentreEmail] = useState("");
  const [yearStart, setYearStart] = useState<YearMonth>(defaultYear);
  const [stage, setStage] = useState<Stage>({ kind: "editing" });
  /** Set once the user tries to review with a required field empty: the fields then say what is missing. */
  const [showMissing, setShowMissing] = useState(false);
  const organisationRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const centreRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<{ error: DisplayError; title: string } | undefined>(undefined);

  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);

  const choices = useMemo(() => [...builtins, ...fileChoices], [builtins, fileChoices]);
  const chosen = choices.find((c) => c.key === frameworkKey) ?? choices[0];
  const busy = stage.kind === "reviewing" || stage.kind === "running";

  /** Reads what the workbook says about itself and fills the form from it. */
  const readWorkbook = useCallback(async () => {
    setLoading(true);
    setLoadError(undefined);
    try {
      const found = await actions.readExisting();
      setExisting(found);
      if (found.organisation !== undefined) setOrganisation(found.organisation);
      if (found.organisationCode !== undefined) setOrganisationCode(found.organisationCode);
      if (found.centreEmail !== undefined) setCentreEmail(found.centreEmail);
      setYearStart(found.yearStart ?? defaultYear);
      if (found.frameworkId !== undefined) {
        const match = builtins
          .filter((c) => c.framework.id === found.frameworkId && c.framework.version >= (found.frameworkVersion ?? 0))
          .sort((a, b) => b.framework.version - a.framework.version)[0];
        if (match) setFrameworkKey(match.key);
      }
    } catch (e) {
      setLoadError(describeError(e, "Reading the workbook"));
    } finally {
      setLoading(false);
    }
  }, [actions, builtins, defaultYear]);

  useEffect(() => {
    void readWorkbook();
  }, [readWorkbook]);

  useEffect(() => {
    // Move focus (and the view) to what just appeared, so keyboard and screen reader users land on it.
    const target = stage.kind === "reviewed" ? reviewHeading.current : stage.kind === "done" ? resultRef.current : null;
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView?.({ block: "start", behavior: "smooth" });
    }
  }, [stage.kind]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const running = stage.kind === "running";
  useEffect(() => {
    if (running) progressRef.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [running]);

  /** Any edit makes an earlier review out of date. */
  const edited = () => {
    setError(undefined);
    if (stage.kind === "reviewed" || stage.kind === "done") setStage({ kind: "editing" });
  };

  /** A detail's text box: an edit makes an earlier review out of date; the text is trimmed on leaving the box. */
  const detailInput = (value: string, set: Dispatch<SetStateAction<string>>) => ({
    value,
    disabled: busy,
    onChange: (next: string) => {
      set(next);
      edited();
    },
    onBlur: () => set((current) => current.trim()),
  });

  const details = (): SetupDetails => ({
    organisation: organisation.trim() || undefined,
    organisationCode: organisationCode.trim() || undefined,
    yearStart: existing?.yearStart ?? yearStart,
    ...(asksForCentre ? { centreEmail: centreEmail.trim() || undefined } : {}),
  });

  const chooseFile = async (file: File) => {
    setFileError(undefined);
    try {
      const text = await file.text();
      const framework = await actions.loadFrameworkFile(file.name, text);
      const key = `file:${file.name}:${framework.id}@${framework.version}`;
      const choice: FrameworkChoice = { key, label: `${describeFramework(framework)}, from ${file.name}`, framework };
      setFileChoices((current) => [...current.filter((c) => c.key !== key), choice]);
      setFrameworkKey(key);
      edited();
    } catch (e) {
      setFileError(describeError(e, `Reading ${file.name}`));
    }
  };

  const missingOrganisation = organisation.trim() === "";
  const missingCode = organisationCode.trim() === "";
  /** The code as it will be stored: trimmed. */
  const storedCode = organisationCode.trim();
  /** The centre's address is asked for only where the framework names none (the built-in one does not). */
  const asksForCentre = chosen !== undefined && !chosen.framework.submission?.to;
  const badCentre = asksForCentre && centreEmail.trim() !== "" && !EMAIL_ADDRESS.test(centreEmail.trim());

  const review = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosen || busy) return;
    if (missingOrganisation || missingCode || badCentre) {
      setShowMissing(true);
      (missingOrganisation ? organisationRef : missingCode ? codeRef : centreRef).current?.focus();
      return;
    }
    setError(undefined);
    setStage({ kind: "reviewing" });
    try {
      const [plan] = await Promise.all([actions.previewSetup(chosen.framework, details()), loadChangeList()]);
      setStage({ kind: "reviewed", plan });
    } catch (e) {
      setStage({ kind: "editing" });
      setError({ error: describeError(e, "Reviewing the changes"), title: "Could not review the changes" });
    }
  };

  const runSetup = async () => {
    if (!chosen || stage.kind !== "reviewed") return;
    const plan = stage.plan;
    setError(undefined);
    setStage({ kind: "running", plan, step: "Starting", fraction: 0 });
    try {
      const outcome = await actions.runSetup(chosen.framework, details(), (step, fraction) =>
        setStage((current) => (current.kind === "running" ? { ...current, step, fraction } : current)),
      );
      setStage({ kind: "done", outcome });
      // What the workbook now says about itself, straight away; then read it back to be sure.
      const d = details();
      setExisting((current) => ({
        ...current,
        frameworkId: outcome.plan.framework.id,
        frameworkVersion: outcome.plan.framework.version,
        layoutVersion: outcome.plan.layoutVersion,
        yearStart: outcome.plan.yearStart,
        ...(d.organisation !== undefined ? { organisation: d.organisation } : {}),
        ...(d.organisationCode !== undefined ? { organisationCode: d.organisationCode } : {}),
      }));
      void readWorkbook();
    } catch (e) {
      setStage({ kind: "reviewed", plan });
      setError({ error: describeError(e, "Set up"), title: "Set up did not finish" });
    }
  };

  const goToMeasures = async () => {
    try {
      await actions.goToCell("Measures", "F2");
    } catch (e) {
      setError({ error: describeError(e, "Going to the Measures sheet"), title: "Could not go to the sheet" });
    }
  };

  if (loading && existing === undefined) {
    return <Spinner size="small" label="Reading the workbook…" />;
  }

  const unknownFramework =
    existing?.frameworkId !== undefined && !choices.some((c) => c.framework.id === existing.frameworkId)
      ? `This workbook was set up with the framework '${existing.frameworkTitle ?? existing.frameworkId}'${existing.frameworkVersion ? ` (version ${existing.frameworkVersion})` : ""}, which is not built in. Choose "From a file…" and pick its file to update the workbook.`
      : undefined;
  const plan = stage.kind === "reviewed" || stage.kind === "running" ? stage.plan : undefined;
  const alreadySetUp = existing?.frameworkId !== undefined;

  return (
    <div className={common.view}>
      <h2 className={common.heading}>{alreadySetUp ? "Update this workbook" : "Set up this workbook"}</h2>
      <p className={common.intro}>
        {alreadySetUp
          ? "Brings the returns sheets up to date with the framework. Every figure and row you have entered is kept."
          : "Adds the returns sheets (Return, Measures, Stakeholders, Outcomes, Case studies and Reflections) to this workbook, ready for the year's figures."}
      </p>

      {loadError ? <ErrorMessage error={loadError} title="Could not read the workbook" /> : null}

      <form className={common.form} onSubmit={(e) => void review(e)} aria-label="Set up details" noValidate>
        <FrameworkField
          options={choices}
          value={chosen?.key ?? ""}
          disabled={busy}
          onChange={(key) => {
            setFileError(undefined);
            setFrameworkKey(key);
            edited();
          }}
          onFile={(file) => void chooseFile(file)}
        />
        {fileError ? <ErrorMessage error={fileError} title="That file is not a framework Impact Returns can use" /> : null}
        {unknownFramework ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{unknownFramework}</MessageBarBody>
          </MessageBar>
        ) : null}

        <TextField
          label="Organisation"
          required
          hint="Your organisation's name, as the centre knows it."
          problem={showMissing && missingOrganisation ? "Enter your organisation's name." : undefined}
          inputRef={organisationRef}
          autoComplete="organization"
          {...detailInput(organisation, setOrganisation)}
        />
        <TextField
          label="Organisation code"
          required
          hint={storedCode === "" ? "The short code the centre gave you, e.g. RH01." : `Stored as ${storedCode}: the code the centre gave you.`}
          problem={showMissing && missingCode ? "Enter the code the centre gave your organisation, e.g. RH01." : undefined}
          inputRef={codeRef}
          autoComplete="off"
          spellCheck={false}
          {...detailInput(organisationCode, setOrganisationCode)}
        />
        {asksForCentre ? (
          <TextField
            label="Centre email"
            hint="Where you send the return: the centre's email address, e.g. returns@centre.example. Kept on the Return sheet; after you mark the return ready to send, the pane offers to start the email."
            problem={showMissing && badCentre ? "Type one email address, such as returns@centre.example, or leave it blank." : undefined}
            inputRef={centreRef}
            type="email"
            autoComplete="off"
            spellCheck={false}
            {...detailInput(centreEmail, setCentreEmail)}
          />
        ) : null}
        <YearStartField
          value={existing?.yearStart ?? yearStart}
          lockedTo={existing?.yearStart}
          disabled={busy}
          years={yearChoices(defaultYear.year)}
          onChange={(value) => {
            setYearStart(value);
            edited();
          }}
        />

        <div className={common.formActions}>
          <Button type="submit" appearance={plan || stage.kind === "done" ? "secondary" : "primary"} disabled={busy || !chosen}>
            Review changes
          </Button>
          {stage.kind === "reviewing" ? <Spinner size="tiny" label="Working out the changes…" /> : null}
        </div>
      </form>

      {error ? (
        <FocusableError focusRef={errorRef} error={error.error} title={error.title} />
      ) : null}

      {plan ? (
        <ViewSection id="setup-review-heading" heading="Review changes" headingRef={reviewHeading}>
          <dl className={styles.facts} aria-label="What the return will say">
            <dt>Organisation</dt>
            <dd>{plan.organisation ?? "(not given)"}</dd>
            <dt>Organisation code</dt>
            <dd>{plan.organisationCode ?? "(not given)"}</dd>
            <dt>Reporting year</dt>
            <dd>
              {monthLabel(plan.yearStart)} to {monthLabel(addMonths(plan.yearStart, 11))}
            </dd>
            <dt>Framework</dt>
            <dd>
              {plan.framework.title} (version {plan.framework.version})
            </dd>
          </dl>
          {plan.blockers.length > 0 ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Set up cannot go ahead</MessageBarTitle>
                <div>Nothing in the workbook will be changed until this is resolved:</div>
                <ul className={styles.blockers}>
                  {plan.blockers.map((blocker, i) => (
                    <li key={i}>{blocker}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              {plan.upToDate ? (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Nothing to change</MessageBarTitle>
                    The workbook is already up to date with this framework and year. Every figure and row you entered stays as it is.
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {ChangeList ? <ChangeList changes={plan.changes} headingLevel={4} /> : null}
              {plan.removedSheets.length > 0 ? (
                <p className={styles.summary}>
                  Removes the empty {plan.removedSheets.length > 1 ? "sheets" : "sheet"} {list(plan.removedSheets.map((s) => `'${s}'`))} the new workbook started
                  with.
                </p>
              ) : null}
              <div className={common.formActions}>
                {plan.upToDate ? (
                  // No primary action when there is nothing to change; this only puts back formats,
                  // dropdowns and protection (after a sheet was unprotected to add rows, say).
                  <Button appearance="secondary" disabled={stage.kind === "running"} onClick={() => void runSetup()}>
                    Set up workbook again
                  </Button>
                ) : (
                  <Button appearance="primary" disabled={stage.kind === "running"} onClick={() => void runSetup()}>
                    Set up workbook
                  </Button>
                )}
                {plan.upToDate ? (
                  <Text size={200} className={styles.summary}>
                    Only puts back formats, dropdowns and sheet protection.
                  </Text>
                ) : null}
              </div>
              <div ref={progressRef} className={styles.progress}>
                {stage.kind === "running" ? (
                  <ProgressField label="Setting up the workbook" fraction={stage.fraction} />
                ) : null}
                {/* Always present, so screen readers announce each step as it changes. */}
                <Text role="status" aria-live="polite" className={styles.status} size={200}>
                  {stage.kind === "running" ? `${stage.step}…` : ""}
                </Text>
              </div>
            </>
          )}
        </ViewSection>
      ) : null}

      {stage.kind === "done" ? (
        <div ref={resultRef} tabIndex={-1} className={`${common.section} ${common.focusTarget}`}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The workbook is set up</MessageBarTitle>
              <div>{summariseOutcome(stage.outcome)} Fill in each month's figures on the Measures sheet.</div>
            </MessageBarBody>
          </MessageBar>
          <div className={common.formActions}>
            <Button onClick={() => void goToMeasures()}>Go to the Measures sheet</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function summariseOutcome(outcome: SetupOutcome): string {
  const sheets = (action: "add" | "update" | "keep") => [
    ...new Set(outcome.plan.changes.filter((c) => c.action === action && c.sheet !== "Framework").map((c) => c.sheet)),
  ];
  const parts: string[] = [];
  const added = sheets("add");
  const updated = sheets("update");
  if (added.length > 0) parts.push(`Added ${list(added)}.`);
  if (updated.length > 0) parts.push(`Updated ${list(updated)}.`);
  if (added.length === 0 && updated.length === 0) parts.push("Everything was already up to date.");
  parts.push("Nothing you had entered was changed.");
  return parts.join(" ");
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
