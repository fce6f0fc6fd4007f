/**
 * The Office.js imitation, one module per object family. Some families declare properties of
 * another (`Range.dataValidation` in data-validation.ts, `Range.worksheet` in worksheet.ts...), so
 * the host loads them all through this module.
 */
import "./conditional-formats";
import "./data-validation";

export { FakeWorkbook, type FakeWorksheetCollection } from "./worksheet";
