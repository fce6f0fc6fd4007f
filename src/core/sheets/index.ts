/** Each sheet of the returns workbook defined once: its table, columns, formats, validation, widths and locks. */
import { CASE_STUDIES_SHEET } from "./case-studies";
import { CHECKS_SHEET } from "./checks";
import { FRAMEWORK_SHEET } from "./framework";
import { MEASURES_SHEET } from "./measures";
import { OUTCOMES_SHEET } from "./outcomes";
import { REFLECTIONS_SHEET } from "./reflections";
import { RETURN_SHEET } from "./return";
import { STAKEHOLDERS_SHEET } from "./stakeholders";
import type { SheetDefinition } from "./types";

export { CASE_STUDIES_SHEET, CHECKS_SHEET, FRAMEWORK_SHEET, MEASURES_SHEET, OUTCOMES_SHEET, REFLECTIONS_SHEET, RETURN_SHEET, STAKEHOLDERS_SHEET };
export { fit, headersOf, TABLE_STYLE, type CellOwner, type ColumnDefinition, type ReadAs, type SheetContext, type SheetDefinition } from "./types";

/** The returns workbook's sheets, in order. */
export const RETURN_SHEETS: readonly SheetDefinition[] = [RETURN_SHEET, MEASURES_SHEET, STAKEHOLDERS_SHEET, OUTCOMES_SHEET, CASE_STUDIES_SHEET, REFLECTIONS_SHEET, CHECKS_SHEET, FRAMEWORK_SHEET];
