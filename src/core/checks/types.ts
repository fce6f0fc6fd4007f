/** What the check engine reports: located, plain-English issues with stable codes and two severities. */
import type { Framework } from "../framework";
import type { CellValue } from "../workbook/types";
import type { CheckCode, Severity } from "./catalogue";
import type { SignOffStatus } from "./sign-off";

export type { Severity } from "./catalogue";

export interface CheckIssue {
  severity: Severity;
  /** A stable code from CHECK_CATALOGUE, e.g. "not-a-number". */
  code: CheckCode;
  /** The sheet the issue is on, e.g. "Measures". */
  sheet: string;
  /** Excel's address of the cell, e.g. "H7"; "" when the issue is about a whole sheet. */
  cell: string;
  /** 1-based sheet row; 0 when the issue is about a whole sheet. */
  row: number;
  /** Excel's column letters; "" when the issue is about a whole sheet or row. */
  column: string;
  /** The column's header as the workbook contract names it, when the issue is about a cell of a table. */
  header?: string;
  /** What is wrong and what to do, in plain English (without the Sheet!Cell prefix, which the UI and CLI add). */
  message: string;
  /** The cell's value as read, when the issue is about one cell's content. */
  value?: CellValue;
  /** The explanation the user typed against this issue on an earlier check, matched by issueKey. */
  explanation?: string;
  /** True for a warning that has an explanation: it no longer counts as a warning. */
  accepted?: boolean;
  /** What the issue is about, as data, so issues can be counted across files (e.g. by measure and month). */
  details?: IssueDetails;
}

/** The structured subject of an issue: which table, measure row, month or field it concerns. */
export interface IssueDetails {
  /** The contract's table the cell belongs to, e.g. "Measures". */
  table?: string;
  /** For a Measures cell: the row's code and breakdown ("" for none) as typed. */
  measureCode?: string;
  breakdown?: string;
  /** For a month cell (or a month column): the month, "2020-04". */
  month?: string;
  /** For a ReturnDetails value: the field, e.g. "Homes managed". */
  field?: string;
}

export interface CheckResult {
  /** The framework the return was checked against. */
  framework?: { id: string; version: number };
  organisation?: string;
  organisationCode?: string;
  /** Every issue, in sheet order (Return, Measures, Stakeholders, Outcomes, Case studies, Framework), then row and column. */
  issues: CheckIssue[];
  /** errors: every error; warnings: warnings not yet explained; accepted: warnings with an explanation. */
  summary: { errors: number; warnings: number; accepted: number };
  /**
   * Whether the sign-off holds: signed off (the Data checksum matches), changed since sign-off, or
   * not signed off (no checksum; a typed date alone is not a sign-off). Absent when the return has
   * no return details.
   */
  signOff?: SignOffStatus;
  /** Why the workbook is not a return at all, when it is not (then `issues` is empty). */
  notAReturn?: string;
  /** The year's progress: months reported out of the year's twelve, and the next month due. Absent when the Measures table or its months cannot be read. */
  progress?: YearProgress;
  /**
   * Where the return goes and by when, for the message after "Mark ready to send": the framework's
   * `submission.to`, and the due date of the latest month with figures. Absent when no month has figures.
   */
  submission?: SubmissionDue;
}

/** How far the reporting year has got (docs/checks.md, "The year's progress"). */
export interface YearProgress {
  /** Months of the reporting year with a figure in any Measures row. */
  reported: number;
  /** Months in the reporting year (12). */
  months: number;
  /** The first month of the year with no figures yet, with the date it is (or was) due; absent when every month has figures. */
  next?: MonthDue;
  /** Months past their due date with no figures (only when the check was given `today`), earliest first. */
  overdue: MonthDue[];
}

export interface MonthDue {
  /** ISO month, "2020-07". */
  month: string;
  /** "July 2020" */
  label: string;
  /** ISO date, "2020-08-15". */
  dueDate: string;
  /** True when `today` (given to the check) is after the due date. */
  overdue?: boolean;
}

/** Where and by when a return goes (the framework's `submission`). */
export interface SubmissionDue {
  /** Whom to email the workbook to: the framework's `submission.to`, else the Return sheet's `Centre email` when it is one address. */
  to?: string;
  /** The reporting year's first month, ISO: "2020-04". */
  yearStart: string;
  /** The day of the next month each month is due by (the framework's, else 15). */
  dueDay: number;
  /** ISO date the latest month with figures is due by, "2020-08-15". */
  dueDate: string;
  /** That month, ISO: "2020-07". */
  month: string;
}

export interface CheckOptions {
  /** Check against this framework instead of the one the workbook was set up with. */
  framework?: Framework;
  /** Explanations typed against issues on an earlier check, by issueKey. */
  explanations?: Map<string, string>;
  /**
   * The date the check runs on, for the months that are due (month-overdue). The gateways and the
   * command line pass the current date; without it no month is reported as overdue.
   */
  today?: Date;
}

/** Issues of one code, for a summary by type: the count and the first few examples. */
export interface IssueGroup {
  code: CheckCode;
  severity: Severity;
  title: string;
  /** Every issue with this code, explained or not. */
  count: number;
  /** How many of them are accepted (explained warnings). */
  accepted: number;
  /** The first few issues, in sheet order. */
  examples: CheckIssue[];
}
