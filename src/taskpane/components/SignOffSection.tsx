/**
 * "Mark ready to send": the signer's name and the button, usable only when the last check found no
 * error and no unexplained warning. When it is not usable, the reason is written out beside it
 * (the button stays focusable, so keyboard and screen reader users hear why too).
 */
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Info16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { CheckResult } from "../../core/checks";
import type { NextStep, PaneSignOffOutcome } from "../actions";
import type { Mailer } from "../../excel/mail";
import { attachText, clockTime, longDate, nextStepText } from "../check-display";
import { describeError, type DisplayError } from "../errors";
import { ErrorMessage } from "./ErrorMessage";
import { useViewStyles } from "../view-styles";
import { TextField, useRequiredText, ViewSection } from "./ViewParts";

const useStyles = makeStyles({
  blocker: {
    margin: 0,
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  nextStep: { margin: `${tokens.spacingVerticalS} 0 0` },
  email: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  blockerIcon: { flexShrink: 0, marginTop: "1px" },
});

type Outcome = { kind: "signed"; who: string; at: Date; next?: NextStep | undefined } | { kind: "refused"; refusal: string } | { kind: "failed"; error: DisplayError };

export interface SignOffSectionProps {
  /** Why the last check does not allow signing off, or undefined when it does. */
  blocker: string | undefined;
  signOff(name: string): Promise<PaneSignOffOutcome>;
  /** Called with the check the sign-off ran (it checks again before recording anything). */
  onChecked(result: CheckResult, signed: boolean): void;
  /** Whether the last check found nothing to deal with; a sign-off shown as done goes when it did. */
  clean: boolean;
  /** True while the pane is busy elsewhere (a check running). */
  busy?: boolean;
  now?: () => Date;
  /** How "Email the centre" starts the email (Office's browser window, or a link); a link when absent. */
  mailer?: Mailer | undefined;
}

export function SignOffSection({ blocker, clean, signOff, onChecked, busy, now = () => new Date(), mailer = { kind: "link", inExcel: false } }: SignOffSectionProps) {
  const styles = useStyles();
  const common = useViewStyles();
  const blockerId = useId();
  const name = useRequiredText<HTMLInputElement>("Type your name: it is recorded as the person who signed the return off.");
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusOutcome = useRef(false);

  useEffect(() => {
    if (outcome && focusOutcome.current) {
      focusOutcome.current = false;
      outcomeRef.current?.focus();
    }
  }, [outcome]);

  // A sign-off shown as done goes once a later check finds something to deal with (e.g. figures
  // changed since: signing off again is then allowed, and is how that warning is dealt with).
  const stillClean = clean;
  useEffect(() => {
    if (!stillClean) setOutcome((current) => (current?.kind === "signed" ? undefined : current));
  }, [stillClean]);

  const reason = blocker ?? (busy ? "Wait for the check to finish." : undefined);
  const unavailable = reason !== undefined || working;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (unavailable) return;
    if (!name.given()) return;
    const who = name.value.trim();
    name.setProblem(undefined);
    setOutcome(undefined);
    setWorking(true);
    try {
      const result = await signOff(who);
      focusOutcome.current = true;
      if (result.refusal !== undefined) {
        setOutcome({ kind: "refused", refusal: result.refusal });
        onChecked(result.result, false);
      } else {
        setOutcome({ kind: "signed", who, at: now(), next: result.nextStep });
        onChecked(result.result, true);
      }
    } catch (e) {
      focusOutcome.current = true;
      setOutcome({ kind: "failed", error: describeError(e, "Marking the return ready to send") });
    } finally {
      setWorking(false);
    }
  };

  return (
    <ViewSection id="check-signoff-heading" heading="Mark ready to send">
      <p className={common.intro}>
        Records on the Return sheet who signed the return off, when, and a checksum of its figures, so the centre knows it was checked.
      </p>
      <form className={common.form} onSubmit={(e) => void submit(e)} aria-label="Sign-off" noValidate>
        <TextField
          label="Your name"
          hint="Recorded as 'Signed off by' on the Return sheet."
          problem={name.problem}
          inputRef={name.ref}
          value={name.value}
          autoComplete="name"
          disabled={working}
          onChange={name.change}
        />
        <div className={common.formActions}>
          <Button
            type="submit"
            appearance={blocker === undefined ? "primary" : "secondary"}
            disabledFocusable={unavailable}
            aria-describedby={reason ? blockerId : undefined}
          >
            Mark ready to send
          </Button>
          {working ? <Spinner size="tiny" label="Marking the return ready to send…" /> : null}
        </div>
        {reason ? (
          <p id={blockerId} className={styles.blocker}>
            <Info16Regular className={styles.blockerIcon} aria-hidden="true" />
            <span>{reason}</span>
          </p>
        ) : null}
      </form>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className={common.focusTarget}>
          {outcome.kind === "signed" ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Marked ready to send</MessageBarTitle>
                <div>
                  Signed off by {outcome.who} on {longDate(outcome.at)} at {clockTime(outcome.at)}. The Return sheet records who, when and a checksum of the
                  figures: if any figure changes, the next check will warn you, and you can mark the return ready again.
                </div>
                {outcome.next ? <SendingStep next={outcome.next} mailer={mailer} /> : null}
              </MessageBarBody>
            </MessageBar>
          ) : outcome.kind === "refused" ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Not marked ready to send</MessageBarTitle>
                <div>{outcome.refusal}</div>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <ErrorMessage error={outcome.error} title="Could not mark the return ready to send" />
          )}
        </div>
      ) : null}
    </ViewSection>
  );
}

/** After sign-off: the file to send, the centre's address, the due dates, "Email the centre" and how to attach the workbook. */
function SendingStep({ next, mailer }: { next: NextStep; mailer: Mailer }) {
  const styles = useStyles();
  const mailto = next.mailto;
  return (
    <div data-testid="next-step">
      <p className={styles.nextStep}>
        <strong>Next: </strong>
        {nextStepText(next)}
        {next.due ? ` ${next.due}` : ""}
      </p>
      {mailto ? (
        <div className={styles.email}>
          {mailer.kind === "office" ? (
            <Button appearance="primary" onClick={() => mailer.open(mailto)}>
              Email the centre
            </Button>
          ) : (
            <Link href={mailto} target="_blank" rel="noreferrer">
              Email the centre
            </Link>
          )}
          <span>{attachText(mailer.kind === "office" || mailer.inExcel)}</span>
        </div>
      ) : null}
    </div>
  );
}
