/**
 * The highlights Check's results give the cells: conditional formats whose formulas count the
 * Checks table's rows for the cell through workbook-scoped defined names.
 */
import { columnLetter, quoteSheet } from "../layout/a1";
import { CHECKS_HEADERS, SEVERITY_LABEL, SHEET } from "../layout/contract";

/**
 * COUNTIFS over the Checks table's columns for the cell the formula is evaluated in: errors, or
 * warnings not yet explained. Bounded ranges, not whole columns: LibreOffice takes a minute to
 * evaluate whole-column lookups over a template's cells (seconds with these).
 */
const HIGHLIGHT_ROWS = 10_000;

/**
 * Excel refuses a conditional-format formula longer than 255 characters (the limit of its
 * Conditional Formatting dialog; see docs/memory-host.md). Written out with their sheet, the four
 * Checks columns made the highlight formulas 267-279 characters, so they go through defined names.
 */
export const CONDITIONAL_FORMAT_FORMULA_LIMIT = 255;

/** The Checks columns the highlights look up, as workbook-scoped defined names. */
export const HIGHLIGHT_NAME: Readonly<Record<"Sheet" | "Cell" | "Severity" | "Explanation", string>> = {
  Sheet: "IR_CheckSheet",
  Cell: "IR_CheckCell",
  Severity: "IR_CheckSeverity",
  Explanation: "IR_CheckExplanation",
};

/** The defined names the highlight formulas use, with the Checks column each refers to. */
export function highlightNames(): { name: string; reference: string; comment: string }[] {
  return (Object.entries(HIGHLIGHT_NAME) as [keyof typeof HIGHLIGHT_NAME, string][]).map(([header, name]) => {
    const letter = columnLetter(CHECKS_HEADERS.indexOf(header));
    return {
      name,
      reference: `${quoteSheet(SHEET.checks)}!$${letter}$2:$${letter}$${HIGHLIGHT_ROWS}`,
      comment: `Impact Returns: the ${header} column of the Checks list, for the highlights.`,
    };
  });
}

/** The COUNTIFS a highlight rule uses: the Checks rows for this cell of `severity` (warnings: only those not yet explained). */
export function highlightCount(sheet: string, severity: string): string {
  const unexplained = severity === SEVERITY_LABEL.warning ? `,${HIGHLIGHT_NAME.Explanation},""` : "";
  return `COUNTIFS(${HIGHLIGHT_NAME.Sheet},"${sheet}",${HIGHLIGHT_NAME.Cell},ADDRESS(ROW(),COLUMN(),4),${HIGHLIGHT_NAME.Severity},"${severity}"${unexplained})`;
}
