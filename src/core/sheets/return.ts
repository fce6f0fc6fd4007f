/**
 * The Return sheet: table ReturnDetails, one row a field (Field, Value). The fields, their types
 * and prompts, and how each field's Value cell is formatted and validated.
 */
import { excelSerial } from "../calendar";
import { NUMBER_FORMAT, SHEET, TABLE } from "../layout/names";
import type { RangeRule } from "../workbook/types";
import { fit, headersOf, type SheetDefinition, entrySheet } from "./types";
import { dateValidation, emailValidation, numberValidation } from "./validations";

export const FIELD = {
  organisation: "Organisation",
  organisationCode: "Organisation code",
  yearStart: "Reporting year start",
  homesManaged: "Homes managed",
  contactName: "Contact name",
  contactEmail: "Contact email",
  preparedBy: "Prepared by",
  signedOffBy: "Signed off by",
  signedOffOn: "Signed off on",
  dataChecksum: "Data checksum",
  centreEmail: "Centre email",
} as const;

export type FieldName = (typeof FIELD)[keyof typeof FIELD];

export type FieldType = "text" | "month" | "date" | "whole" | "email";

export interface FieldSpec {
  field: FieldName;
  type: FieldType;
  required: boolean;
  /** Written by the tool, not typed: the cell is locked. */
  toolOwned: boolean;
  prompt: string;
}

/**
 * The fields Set up writes into ReturnDetails, in order (the contract's nine, then the centre's
 * address: where the return is sent when the framework names nowhere; Set up adds it to older returns).
 */
export const RETURN_FIELDS: readonly FieldSpec[] = [
  { field: FIELD.organisation, type: "text", required: true, toolOwned: false, prompt: "Your organisation's name, as the centre knows it." },
  { field: FIELD.organisationCode, type: "text", required: true, toolOwned: false, prompt: "The short code the centre gave your organisation. It identifies your returns when they are collated." },
  { field: FIELD.yearStart, type: "month", required: true, toolOwned: true, prompt: "The first month of the reporting year. Set by Impact Returns when the workbook was set up; it fixes the month columns on the Measures sheet." },
  { field: FIELD.homesManaged, type: "whole", required: false, toolOwned: false, prompt: "Homes your organisation manages. The centre uses it to scale sector totals." },
  { field: FIELD.contactName, type: "text", required: false, toolOwned: false, prompt: "Who the centre should contact about this return." },
  { field: FIELD.contactEmail, type: "email", required: false, toolOwned: false, prompt: "Email address for questions about this return, e.g. name@example.org.uk" },
  { field: FIELD.preparedBy, type: "text", required: false, toolOwned: false, prompt: "Who filled in this return." },
  { field: FIELD.signedOffBy, type: "text", required: false, toolOwned: false, prompt: "Who certified the return as ready to send. Filled in when you mark it ready to send." },
  { field: FIELD.signedOffOn, type: "date", required: false, toolOwned: false, prompt: "When the return was certified, as a date (dd/mm/yyyy). Filled in when you mark it ready to send." },
  { field: FIELD.centreEmail, type: "email", required: false, toolOwned: false, prompt: "The centre's email address: where you send this return, e.g. returns@centre.example" },
];

/** Added as the last row of ReturnDetails at sign-off ("Mark ready to send"), not by Set up. */
export const CHECKSUM_FIELD: FieldSpec = {
  field: FIELD.dataChecksum,
  type: "text",
  required: false,
  toolOwned: true,
  prompt: "Written by Impact Returns at sign-off, so later changes to the figures can be spotted. Do not edit.",
};

/** Every field ReturnDetails may hold: Set up's nine, then the sign-off checksum. */
export const ALL_RETURN_FIELDS: readonly FieldSpec[] = [...RETURN_FIELDS, CHECKSUM_FIELD];

/** The longest field label of the return details. */
const WIDEST_FIELD = Math.max(...ALL_RETURN_FIELDS.map((f) => f.field.length));

const COLUMNS = [
  { header: "Field", width: fit("Field", WIDEST_FIELD), cells: "key", read: "key" },
  { header: "Value", width: 44, read: "text" },
] as const satisfies SheetDefinition["columns"];

export const RETURN_DETAILS_HEADERS = headersOf(COLUMNS);

export const RETURN_SHEET: SheetDefinition = entrySheet(SHEET.return, TABLE.returnDetails, COLUMNS);

const MONTH_SERIAL_MIN = excelSerial(2000, 1, 1);

/** The rule of one field's Value cell (at `address`), by the field's type; a row the contract does not know is left open. */
export function fieldRule(spec: FieldSpec | undefined, address: string): RangeRule {
  if (!spec) return { address, locked: false };
  const rule: RangeRule = { address, locked: spec.toolOwned, wrap: spec.type === "text" };
  switch (spec.type) {
    case "month":
      rule.numberFormat = NUMBER_FORMAT.month;
      break;
    case "date":
      rule.numberFormat = NUMBER_FORMAT.date;
      rule.validation = dateValidation(spec.field, MONTH_SERIAL_MIN, spec.prompt);
      break;
    case "whole":
      rule.numberFormat = NUMBER_FORMAT.count;
      rule.validation = numberValidation(spec.field, true, 0, undefined, spec.prompt);
      break;
    case "email":
      rule.validation = emailValidation(spec.field, address, spec.prompt);
      break;
    case "text":
      rule.numberFormat = NUMBER_FORMAT.text;
      break;
  }
  return rule;
}
