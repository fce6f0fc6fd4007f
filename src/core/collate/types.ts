/**
 * Collate's data: what goes into the collation engine (submissions read from files, the register,
 * the previous ledger) and what comes out (the sector dataset). Plain, serialisable data only, so
 * a submission can be read in a worker thread and handed over, and so the task pane can later
 * rebuild the inputs from an existing sector workbook (docs/sector-format.md).
 *
 * Months are ISO text, "2020-04"; dates are Excel serial day numbers.
 */
import type { SignOffState } from "../checks/sign-off";
import type { CheckIssue } from "../checks/types";

/** What is known of a file before reading its contents. */
export interface FileFacts {
  /** The file's name as given (a path). Shown in the sector workbook, receipts and JSON. */
  file: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** The file's modification time, in milliseconds since 1970 (0 when not known). */
  modifiedAt: number;
}

/** A row of a framework's Measures table: a measure, or one of its breakdowns. */
export interface MeasureLine {
  code: string;
  /** "" for a measure without breakdowns, "Total", or the breakdown's label. */
  breakdown: string;
  /** The framework's wording. */
  label: string;
  unit: "count" | "gbp" | "hours" | "people";
  kind: "flow" | "stock";
  /** One of the framework's key measures (`key: true`): charted in the sector workbook and in each organisation's feedback. */
  key?: true;
}

/** One reported figure of a return (blank cells are not figures; 0 is). */
export interface Figure {
  code: string;
  breakdown: string;
  /** "2020-04" */
  month: string;
  value: number;
}

/**
 * One file as the engine sees it: the facts of the file, and either why it cannot be collated at
 * all (`problem`) or what its return says. Made by submissionFromSnapshot (./submission.ts).
 */
export interface Submission extends FileFacts {
  /** Why the file cannot be collated at all (unreadable, not a return, framework unknown...). */
  problem?: string;
  /**
   * The file could not be read as a return at all (missing, empty, not an .xlsx, damaged, too
   * large, not an Impact Returns workbook): it is rejected with its own reason, never a duplicate
   * nor anyone's original, since there is nothing in it to count twice. Set by unreadableSubmission.
   */
  unreadable?: true;
  organisationCode?: string;
  organisation?: string;
  /** The first month of the reporting year, "2020-04". */
  yearStart?: string;
  homesManaged?: number;
  /** The return's `Contact name` and `Contact email`, as typed (untrusted: for email drafts, ../mail/draft.ts checks them). */
  contactName?: string;
  contactEmail?: string;
  /** `Signed off on`, as an Excel date serial (as typed: it counts only when the sign-off holds). */
  signedOffOn?: number;
  /** Whether the sign-off holds (src/core/checks/sign-off.ts); absent for ledger rows written before it was kept. */
  signOff?: SignOffState;
  /** The sign-off in one sentence (for the receipt). */
  signOffNote?: string;
  /** For a return changed since sign-off: the cells changed, "Measures!F2", when they can be named. */
  changedCells?: string[];
  /** The first errors of a return with check errors, "Measures!F2 (Text where a number belongs)", for the chase list. */
  firstErrors?: string[];
  framework?: { id: string; version: number; title: string };
  /** The rows its framework calls for (a measure not here is "not in that framework"). */
  lines: MeasureLine[];
  /** The figures of rows its framework knows, cells with check errors left out. */
  figures: Figure[];
  /** Months with at least one figure. */
  monthsReported: number;
  errors: number;
  /** Warnings not explained. */
  warnings: number;
  /** Warnings explained in the return's Checks table (accepted: nothing is held for warnings). */
  explained?: number;
  /** The check's issues, for the receipt sent back to the officer (not needed by the engine). */
  issues?: CheckIssue[];
  /**
   * The reflections the return marks Yes in `Share with the centre` (and that have text): only these
   * ever leave the return (./submission.ts). Absent for a ledger row of an earlier collation.
   */
  reflections?: SharedReflection[];
}

/** A reflection an organisation chose to share with the centre. */
export interface SharedReflection {
  /** "2020-06" when the Month cell reads as a month. */
  month?: string;
  /** "Jun 2020", or the text typed. */
  monthText: string;
  prompt: string;
  reflection: string;
}

/** A row of the sector workbook's `SectorReflections` table: a shared reflection of a return in use. */
export interface SectorReflectionRow extends SharedReflection {
  organisationCode: string;
  organisation: string;
}

export type FileStatus = "accepted" | "superseded" | "duplicate" | "held" | "rejected";

/** A row of the `Submissions` table: the ledger of every file ever given. */
export interface LedgerRow {
  file: string;
  sha256: string;
  organisationCode?: string;
  organisation?: string;
  /** "2020-04" */
  reportingYearStart?: string;
  framework?: string;
  frameworkVersion?: number;
  monthsReported?: number;
  /** Excel date serial. */
  signedOffOn?: number;
  signOff?: SignOffState;
  errors?: number;
  warnings?: number;
  explained?: number;
  status: FileStatus;
  reason: string;
}

/** A row of the `Register` table. */
export interface RegisterEntry {
  organisationCode: string;
  organisation?: string;
  homesManaged?: number;
  /** The register's optional `Contact email` column: where email drafts go when the return gives no usable address. */
  contactEmail?: string;
}

/** One measure row in one month: what a sector figure is of. */
export interface MeasureMonth {
  code: string;
  measure: string;
  breakdown: string;
  unit: MeasureLine["unit"];
  kind: MeasureLine["kind"];
  month: string;
}

/** A row of the `SectorData` table: one reported figure of a submission in use. */
export interface SectorDataRow extends MeasureMonth {
  organisationCode: string;
  organisation: string;
  value: number;
}

/** A row of the `SectorTotals` table: one measure row in one month, across organisations. */
export interface SectorTotalRow extends MeasureMonth {
  /** Organisations with a figure for this cell. */
  organisations: number;
  /** Their homes (`Homes managed`, from the register, else from the return). */
  homesCovered: number;
  /** homesCovered / sector homes, 0-1; undefined when the sector's homes are not known. */
  coverage?: number;
  reportedTotal: number;
  /** reportedTotal / coverage, only where coverage reaches the minimum (./estimates.ts); else undefined and `estimateNote` says why. */
  scaledEstimate?: number;
  /** Why there is no scaled estimate (undefined when there is one). */
  estimateNote?: string;
  /** Organisations in use whose framework has no such row ("not in that framework": not chased, not counted). */
  notInFramework: number;
  /** Reporting organisations whose homes are not known (then there is no scaled estimate). */
  homesUnknown: number;
}

/** A figure that a newer submission in use changed or blanked. */
export interface Revision {
  organisationCode: string;
  code: string;
  breakdown: string;
  month: string;
  was: number;
  /** undefined: blanked. */
  now?: number;
  /** The newer file. */
  file: string;
  /** The older file (when known). */
  previousFile: string;
}

export interface ChaseRow {
  /** `missing`: a month due and not reported (or nothing received); `held`: the organisation's latest return is held, asked for once. */
  kind: "missing" | "held";
  organisationCode: string;
  organisation: string;
  /** The month due and not reported, or the last month of a held return. */
  month: string;
  why: string;
}

/** What a previous collation left (the sector workbook's `Submissions` and `SectorData`): nothing already collated is lost. */
export interface PreviousCollation {
  ledger: LedgerRow[];
  sectorData: SectorDataRow[];
  /** The revisions already listed (kept as they are). */
  revisions?: Revision[];
  /** The shared reflections already gathered (`SectorReflections`), kept for the returns still in use. */
  reflections?: SectorReflectionRow[];
}

export interface CollateOptions {
  /** The organisations expected to return, and their homes. */
  register?: RegisterEntry[];
  /** The sector's total homes: the denominator of coverage. */
  sectorHomes?: number;
  /** The day the chase list is for. */
  asOf: { year: number; month: number; day: number };
  /** A month is due on this day of the next month (default 15). */
  dueDay?: number;
  /** Measure codes of the sector's framework: a return sharing none of them is rejected (default: the codes of every return read). */
  sectorCodes?: readonly string[];
  /** The coverage (0-1) a scaled estimate needs (default 0.3: ./estimates.ts). */
  minimumCoverage?: number;
  /** Hold returns that are not signed off (a Data checksum that matches), instead of accepting and flagging them. */
  requireSignOff?: boolean;
  /** The previous collation, when adding files to an existing sector workbook. */
  previous?: PreviousCollation;
}

/** One file's outcome (a ledger row, with the submission behind it when read in this run). */
export interface FileOutcome extends LedgerRow {
  submission?: Submission;
}

export interface Collation {
  /** The day the collation (and its chase list) is for. */
  asOf: { year: number; month: number; day: number };
  /** The coverage a scaled estimate needed. */
  minimumCoverage: number;
  /** Every file, ordered by organisation code, reporting year and newness (oldest first), then files with no organisation by SHA-256. */
  files: FileOutcome[];
  /** Register rows and organisations found in returns, by code. */
  organisations: { organisationCode: string; organisation: string; homesManaged?: number; onRegister: boolean }[];
  sectorHomes?: number;
  /** Whether returns not signed off were held (`--require-sign-off`; the pane's "Only accept signed-off returns"). */
  requireSignOff?: boolean;
  /** The measure rows of every framework seen, newest framework's wording first. */
  lines: MeasureLine[];
  data: SectorDataRow[];
  totals: SectorTotalRow[];
  revisions: Revision[];
  chase: ChaseRow[];
  /** The reflections shared by the returns in use, by organisation, latest month first (./reflections.ts). */
  reflections: SectorReflectionRow[];
}
