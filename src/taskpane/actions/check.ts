/** Check's actions: check, go to a cell, explain a warning, mark ready to send, watch for edits. */
import type { Framework } from "../../core/framework";
import type { IssueKey } from "../../excel/explain";
import type { CheckOutcome, ExcelGateway, Mailer, SignOffOutcome } from "../../excel/gateway";
import type { NextStep } from "./next-step";
import { sortedBuiltinFrameworks } from "./setup";

export type { NextStep } from "./next-step";

/** The Check view: check, go to cells, re-check after edits, sign off. */
export interface CheckActions {
  /** The pane's clock (the preview's sample stands in its own year); new Date() when absent. */
  today?(): Date;
  /** Frameworks shipped with the tool (to name the one a return was checked against). */
  builtinFrameworks(): Framework[];
  /** Activates a sheet and selects a cell, e.g. ("Measures", "H7"). */
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Checks the return and writes the list to the Checks sheet (which drives the highlights). */
  check(): Promise<CheckOutcome>;
  /**
   * Writes an explanation against a warning in the Checks sheet's Explanation column (the same as
   * typing it there); check again to count it. An empty text withdraws it.
   */
  explain(issue: IssueKey, text: string): Promise<void>;
  /**
   * "Mark ready to send": refused (with the reason) unless there is no error and every warning is
   * explained. Once marked, says what to do next (whom to send it to, and by when).
   */
  signOff(signedOffBy: string): Promise<PaneSignOffOutcome>;
  /** Calls `onEdit` whenever the user edits or pastes on a data sheet; resolves to a function that stops watching. */
  watchEdits(onEdit: () => void): Promise<() => Promise<void>>;
  /** How "Email the centre" starts the email: Office's browser window (Excel on Windows and Mac), or a link. */
  mailer?(): Mailer;
}


export interface PaneSignOffOutcome extends SignOffOutcome {
  /** Set when the return was marked ready to send. */
  nextStep?: NextStep;
}

export function checkActions(gateway: ExcelGateway, today: () => Date): CheckActions {
  return {
    today,
    builtinFrameworks: sortedBuiltinFrameworks,
    goToCell: (sheet, cell) => gateway.selectCell(sheet, cell),
    check: () => gateway.check(),
    explain: (issue, text) => gateway.explain(issue, text),
    signOff: async (signedOffBy) => {
      const outcome: PaneSignOffOutcome = await gateway.signOff(signedOffBy, today());
      // The next step's words and link are worked out in a chunk of their own (not needed before the first click).
      if (outcome.refusal === undefined) outcome.nextStep = (await import(/* webpackChunkName: "next-step" */ "./next-step")).nextStepOf(outcome.submission, outcome.result, today());
      return outcome;
    },
    watchEdits: (onEdit) => gateway.watchEdits(onEdit),
    mailer: () => gateway.mailer(),
  };
}
