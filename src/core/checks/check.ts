/**
 * checkReturn: the whole check of a return workbook, as a pure function of its snapshot. Runs the
 * same in the task pane and the CLI; no Office, no files. docs/checks.md lists every check.
 */
import { builtinDefinedBy, DEFAULT_DUE_DAY, DEFAULT_FRAMEWORK_ID, dueDate, findBuiltinFramework, isoMonth, isOverdue, parseFramework, type Framework } from "../framework";
import { longMonthText } from "../format";
import { SHEET, TABLE, TABLE_SHEET, type TableName } from "../layout/contract";
import { columnIndex } from "../layout/a1";
import { addMonths, reportingMonths, type YearMonth } from "../calendar";
import { readReturn, sheetLocation, type Location, type MeasuresData, type ReturnData } from "../return";
import { findSheet, type CellValue, type WorkbookSnapshot } from "../workbook/types";
import { IssueList, reportHeaderFindings } from "./context";
import { attachDetails } from "./details";
import { checkCaseStudies, checkImpactMap, checkStakeholders } from "./entry-tables";
import { issueKey } from "./group";
import { checkMeasures } from "./measures";
import { checkReflections } from "./reflections";
import { checkReturnDetails } from "./return-details";
import { verifySignOff } from "./sign-off";
import { readExplanations } from "./write-back";
import type { CoveredCell } from "./sign-off-cells";
import type { CheckIssue, CheckOptions, CheckResult, MonthDue, SubmissionDue, YearProgress } from "./types";

export const NOT_A_RETURN = "no Measures or ReturnDetails table: this does not look like an Impact Returns workbook";

/**
 * The refusal for a file that opened as a workbook but is not a return (`result.notAReturn` is
 * set), naming it once: what the command line's check and summary say.
 */
export function notAReturnMessage(file: string): string {
  return `'${file}' is not an Impact Returns workbook: it has no Measures or ReturnDetails table. Check it is the return you meant; a new return is made with 'impact-returns template' or the add-in's Set up tab.`;
}

/** Our tables in sheet order, with what each holds (for messages); an `optional` table missing is no error (a layout 1.0 or 1.1 return has no Reflections). */
const TABLES: readonly { table: TableName; holds: string; optional?: true }[] = [
  { table: TABLE.returnDetails, holds: "the return details (organisation, code, reporting year)" },
  { table: TABLE.measures, holds: "the monthly figures" },
  { table: TABLE.stakeholders, holds: "the stakeholder groups" },
  { table: TABLE.impactMap, holds: "the impact map" },
  { table: TABLE.caseStudies, holds: "the case studies" },
  { table: TABLE.reflections, holds: "the reflections", optional: true },
  { table: TABLE.frameworkInfo, holds: "which framework the return uses" },
];

/**
 * Whether a workbook with tables of these names holds a return: any of a return's tables but the
 * optional ones. The one test: without such a table a check says `notAReturn`, and Collate will not
 * add the sector sheets to a workbook with one.
 */
export function holdsAReturn(tableNames: Iterable<string>): boolean {
  const names = new Set([...tableNames].map((n) => n.toLowerCase()));
  return TABLES.some((t) => !t.optional && names.has(t.table.toLowerCase()));
}

const SHEET_ORDER = new Map<string, number>(TABLES.map((t, i) => [TABLE_SHEET[t.table].toLowerCase(), i]));

export function checkReturn(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  return analyseReturn(snapshot, options).result;
}

/** A return read, the framework it was checked against, and the check's result: what Summarise and Collate start from. */
export interface ReturnAnalysis {
  data: ReturnData;
  framework: Framework | undefined;
  result: CheckResult;
}

/** Reads and checks a return in one pass. */
export function analyseReturn(snapshot: WorkbookSnapshot, options: CheckOptions = {}): ReturnAnalysis {
  if (!holdsAReturn(snapshot.tables.map((t) => t.name))) {
    return { data: readReturn(snapshot), framework: undefined, result: { issues: [], summary: { errors: 0, warnings: 0, accepted: 0 }, notAReturn: NOT_A_RETURN } };
  }

  const issues = new IssueList();
  const data = readReturn(snapshot);
  const views = data.views;
  for (const { table, holds, optional } of TABLES) {
    const found = views.get(table)?.table;
    if (found) {
      if (found.fromSheet) {
        issues.add("table-recovered", sheetLocation(found.sheet), { sheet: found.sheet, table, holds });
      }
    } else if (table !== TABLE.frameworkInfo && !optional) {
      const sheet = TABLE_SHEET[table];
      const onSheet = findSheet(snapshot, sheet);
      issues.add(
        "missing-table",
        sheetLocation(onSheet?.name ?? sheet),
        onSheet ? { kind: "no-table", sheet: onSheet.name, table, holds } : { kind: "no-sheet", sheet, holds },
      );
    }
  }
  reportHeaderFindings(issues, data.headerFindings);

  const framework = resolveFramework(data, options, issues);

  const details = data.details ? checkReturnDetails(issues, data.details) : {};
  const dueDay = framework?.submission?.dueDay ?? DEFAULT_DUE_DAY;
  const reported = data.measures ? checkMeasures(issues, data.measures, framework, { dueDay, today: options.today }) : undefined;
  const stakeholdersView = views.get(TABLE.stakeholders);
  const groups = stakeholdersView && stakeholdersView.col("Stakeholder group") !== undefined ? checkStakeholders(issues, stakeholdersView) : undefined;
  const impactView = views.get(TABLE.impactMap);
  if (impactView) checkImpactMap(issues, impactView, framework, groups);
  const caseView = views.get(TABLE.caseStudies);
  if (caseView) checkCaseStudies(issues, caseView, framework, groups, data.yearStart);
  const reflectionsView = views.get(TABLE.reflections);
  if (reflectionsView) checkReflections(issues, reflectionsView);

  const signOff = data.details ? verifySignOff(data) : undefined;
  if (signOff?.changed) reportChangedAfterSignOff(issues, signOff.changed, data.details!.checksum!.cell);

  attachDetails(data, issues.issues);
  const sorted = sortIssues(issues.issues);
  // Explanations typed in the workbook's Checks table count wherever the return is read (in Excel
  // the gateway reads them in the same sync and passes them; files carry the table).
  const explanations = options.explanations ?? readExplanations(snapshot);
  const summary = { errors: 0, warnings: 0, accepted: 0 };
  for (const issue of sorted) {
    const explanation = explanations.get(issueKey(issue))?.trim();
    if (explanation) issue.explanation = explanation;
    if (issue.severity === "error") summary.errors++;
    else if (explanation) {
      issue.accepted = true;
      summary.accepted++;
    } else summary.warnings++;
  }

  const result: CheckResult = { issues: sorted, summary };
  if (framework) result.framework = { id: framework.id, version: framework.version };
  if (details.organisation) result.organisation = details.organisation;
  if (details.organisationCode) result.organisationCode = details.organisationCode;
  if (signOff) result.signOff = signOff.status;
  if (data.measures && reported && data.measures.months.length > 0) {
    result.progress = yearProgress(data.measures, reported, dueDay, options.today);
    const submission = submissionDue(data.measures, reported, dueDay, framework?.submission?.to ?? details.centreEmail);
    if (submission) result.submission = submission;
  }
  return { data, framework, result };
}

/**
 * The data changed after sign-off: one warning at each cell that changed, when the sign-off recorded
 * its cells (see sign-off-cells.ts); otherwise, or when no changed cell can be named (rows deleted),
 * one warning at the Data checksum cell.
 */
function reportChangedAfterSignOff(issues: IssueList, changed: readonly CoveredCell[], checksumCell: { value: CellValue; at: Location }): void {
  if (changed.length > 0) {
    for (const cell of changed) issues.add("changed-after-sign-off", cell.at, { kind: "cell", what: cell.what });
    return;
  }
  issues.add("changed-after-sign-off", checksumCell.at, { kind: "data" }, checksumCell.value);
}

/** Months reported out of the year's, and the first month with no figures yet with its due date. */
function yearProgress(measures: MeasuresData, reported: boolean[], dueDay: number, today: Date | undefined): YearProgress {
  const due = (month: YearMonth): MonthDue => {
    const out: MonthDue = { month: isoMonth(month), label: longMonthText(month), dueDate: dueDate(month, dueDay) };
    if (today && isOverdue(month, today, dueDay)) out.overdue = true;
    return out;
  };
  const first = measures.months[0]!;
  const months = reportingMonths(addMonths(first.month, -first.slot));
  const progress: YearProgress = { reported: reported.filter(Boolean).length, months: months.length, overdue: [] };
  const next = months.findIndex((_, slot) => !reported[slot]);
  if (next >= 0) progress.next = due(months[next]!);
  progress.overdue = months.filter((m, slot) => !reported[slot] && today !== undefined && isOverdue(m, today, dueDay)).map(due);
  return progress;
}

/** Where the return goes (the framework's address, else the centre email typed on the Return sheet) and by when: the due date of the latest month with figures. */
function submissionDue(measures: MeasuresData, reported: boolean[], dueDay: number, to: string | undefined): SubmissionDue | undefined {
  const latest = [...measures.months].filter((m) => reported[m.slot]).sort((a, b) => b.slot - a.slot)[0];
  if (!latest) return undefined;
  const first = measures.months[0]!;
  const yearStart = isoMonth(addMonths(first.month, -first.slot));
  const out: SubmissionDue = { dueDate: dueDate(latest.month, dueDay), month: isoMonth(latest.month), yearStart, dueDay };
  if (to) out.to = to;
  return out;
}

/**
 * The framework to check against: the one given, else the definition stored in the workbook, else
 * the built-in one the workbook names. A workbook that names none is checked against the default
 * built-in framework when its measure codes are that framework's.
 */
function resolveFramework(data: ReturnData, options: CheckOptions, issues: IssueList): Framework | undefined {
  if (options.framework) return options.framework;
  let definitionBroken = false;
  if (data.frameworkDefinition !== undefined && data.frameworkDefinition.trim() !== "") {
    const parsed = parseDefinition(data.frameworkDefinition);
    if (parsed) return parsed;
    definitionBroken = true;
  }
  const info = data.views.get(TABLE.frameworkInfo);
  const where = data.info?.idAt ?? sheetLocation(info?.sheet ?? SHEET.framework);
  const frameworkId = data.info?.frameworkId;
  const frameworkVersion = data.info?.frameworkVersion;
  if (frameworkId !== undefined) {
    const builtin = findBuiltinFramework(frameworkId, frameworkVersion);
    if (builtin) {
      if (definitionBroken) {
        issues.add("framework-definition-unreadable", sheetLocation(info?.sheet ?? SHEET.framework), { error: excelErrorIn(data.frameworkDefinition ?? ""), checkedAgainst: builtin });
      }
      return builtin;
    }
    issues.add("unknown-framework", where, { kind: "not-built-in", id: frameworkId, version: frameworkVersion, definition: definitionBroken ? "unreadable" : "missing" });
    return undefined;
  }
  const fallback = findBuiltinFramework(DEFAULT_FRAMEWORK_ID);
  const measures = data.measures;
  const usable = fallback && (!measures || codesMatch(measures, fallback));
  issues.add("unknown-framework", where, { kind: "not-recorded", frameworkSheet: info !== undefined, checkedAgainst: usable ? fallback : undefined });
  return usable ? fallback : undefined;
}

/** The last definition parsed, kept because the pane re-checks the same workbook after every edit. */
let lastDefinition: { text: string; framework: Framework | undefined } | undefined;

function parseDefinition(text: string): Framework | undefined {
  if (lastDefinition?.text !== text) {
    let framework: Framework | undefined;
    try {
      const value = JSON.parse(text) as unknown;
      framework = builtinDefinedBy(value) ?? parseFramework(value, "the framework definition stored in the workbook");
    } catch {
      framework = undefined;
    }
    lastDefinition = { text, framework };
  }
  return lastDefinition.framework;
}

/** Whether at least half of the codes in the Measures table are the framework's. */
function codesMatch(measures: MeasuresData, framework: Framework): boolean {
  const known = new Set(framework.measures.map((m) => m.code.toUpperCase()));
  const codes = measures.rows.map((r) => r.code.toUpperCase()).filter((c) => c !== "");
  const matched = codes.filter((c) => known.has(c)).length;
  return codes.length === 0 || matched * 2 >= codes.length;
}

/** Sheet order (Return, Measures, Stakeholders, Outcomes, Case studies, Framework, then others), row, column. */
function sortIssues(issues: CheckIssue[]): CheckIssue[] {
  const sheetRank = (s: string) => SHEET_ORDER.get(s.toLowerCase()) ?? SHEET_ORDER.size;
  const colRank = (c: string) => (c === "" ? -1 : columnIndex(c));
  return issues
    .map((issue, n) => ({ issue, n, s: sheetRank(issue.sheet), c: colRank(issue.column) }))
    .sort((a, b) => a.s - b.s || (a.s === SHEET_ORDER.size && a.issue.sheet !== b.issue.sheet ? (a.issue.sheet < b.issue.sheet ? -1 : 1) : 0) || a.issue.row - b.issue.row || a.c - b.c || a.n - b.n)
    .map((x) => x.issue);
}


/** The Excel error that damaged a stored definition, if that is what happened to it. */
function excelErrorIn(text: string): string | undefined {
  return /#(?:REF!|VALUE!|NAME\?|N\/A|DIV\/0!|NUM!|NULL!)/i.exec(text)?.[0].toUpperCase();
}
