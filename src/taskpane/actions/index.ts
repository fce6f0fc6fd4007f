/**
 * What the task pane can do, as plain async functions passed to React components as props: one
 * interface per view, each in the module of its capability (./setup.ts, ./check.ts,
 * ./summarise.ts, ./collate.ts), so each view receives, and its tests fake, only what it uses.
 * TaskPaneActions is all of them, assembled here; a new capability adds its module and one line.
 * Components never touch Office.js: these actions go through the Excel gateway, which runs
 * against real Excel in Office and against the in-memory host in the browser preview.
 */
import type { ExcelGateway } from "../../excel/gateway";
import { checkActions, type CheckActions } from "./check";
import { collateActions, type CollateActions } from "./collate";
import { setupActions, type SetupActions } from "./setup";
import { summariseActions, type SummariseActions } from "./summarise";

export type { CheckActions, NextStep, PaneSignOffOutcome } from "./check";
export type { CollateActions } from "./collate";
export type { SetupActions } from "./setup";
export type { SummariseActions } from "./summarise";

/** Everything the task pane can do: what the App hands to each view. */
export type TaskPaneActions = SetupActions & CheckActions & SummariseActions & CollateActions;

export function createTaskPaneActions(gateway: ExcelGateway, today: () => Date = () => new Date()): TaskPaneActions {
  return {
    ...setupActions(gateway, today),
    ...checkActions(gateway, today),
    ...summariseActions(gateway, today),
    ...collateActions(gateway, today),
  };
}
