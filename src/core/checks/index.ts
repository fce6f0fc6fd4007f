/** The check engine: pure, runs in the task pane and the CLI alike. See docs/checks.md. */
export type { CheckIssue, CheckOptions, CheckResult, IssueGroup, MonthDue, Severity, SubmissionDue, YearProgress } from "./types";
export { CHECK_CATALOGUE, catalogueEntry, type CatalogueEntry, type CheckCode } from "./catalogue";
export { analyseReturn, checkReturn, NOT_A_RETURN, notAReturnMessage, type ReturnAnalysis } from "./check";
export { groupIssues, issueKey } from "./group";
export { returnChecksum } from "./checksum";
export { checksSheetProblem, explanationsIn, explanationsTypedSince, orderForList, planChecksList, planSignOff, readExplanations, warningsBlockingSignOff, type SignOffPlan } from "./write-back";
export { parseNumberText } from "./values";
export { changedSinceSignOff, coveredCells, SIGN_OFF_CELLS_KEY, signOffCellsText, type CoveredCell } from "./sign-off-cells";
