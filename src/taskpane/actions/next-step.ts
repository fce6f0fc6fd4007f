/**
 * What the pane says to do after "Mark ready to send": the file to send, whom to send it to, the due
 * dates and the email link, worked out by the core (core/collate/next-step.ts, core/mail/mailto.ts).
 * Loaded when a return is signed off, not with the pane's first paint.
 */
import type { CheckResult } from "../../core/checks";
import { parseIsoMonth } from "../../core/calendar";
import { sendingDue, sendingDueText } from "../../core/collate/next-step";
import { centreMailto, returnFileName } from "../../core/mail/mailto";
import type { SubmissionDue } from "../../core/checks";

/** What to do once the return is marked ready to send. */
export interface NextStep {
  /** The centre's address (the framework's, else the Return sheet's Centre email). */
  to?: string;
  /** The file to send: "RH01 impact return 2026-27.xlsx". */
  fileName?: string;
  /** When the latest month was (or is) due, the months late after it, and the next due date, in words; absent when no month has figures yet. */
  due?: string;
  /** The "Email the centre" link (mailto:), when there is an address. */
  mailto?: string;
}

/**
 * The next step as the core works it out at sign-off, on `today`: the file to send, whom to send it
 * to, the due dates (a month already late is named as late), and the email link.
 */
export function nextStepOf(submission: SubmissionDue | undefined, result: Pick<CheckResult, "organisation" | "organisationCode">, today: Date): NextStep {
  const step: NextStep = {};
  if (!submission) return step;
  const yearStart = parseIsoMonth(submission.yearStart);
  const latest = parseIsoMonth(submission.month);
  if (!yearStart) return step;
  const naming = { organisation: result.organisation, organisationCode: result.organisationCode, yearStart };
  step.fileName = returnFileName(naming);
  const day = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  step.due = sendingDueText(sendingDue(latest, yearStart, day, submission.dueDay));
  if (submission.to) {
    step.to = submission.to;
    const mailto = centreMailto({ ...naming, to: submission.to, latest });
    if (mailto) step.mailto = mailto;
  }
  return step;
}
