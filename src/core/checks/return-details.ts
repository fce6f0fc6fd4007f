/** Checks of the ReturnDetails table (Field / Value) on the Return sheet. */
import { FIELD, RETURN_DETAILS_HEADERS, ALL_RETURN_FIELDS, type FieldSpec } from "../layout/contract";
import { excelSerial } from "../calendar";
import { readMonthValue, type ReturnDetailsData } from "../return";
import { checkNumberCell, checkTextCell, type IssueList, type TableView } from "./context";
import { norm, text } from "./values";
import { EMAIL_ADDRESS } from "../mail/address";

export interface ReturnDetailsRead {
  organisation?: string;
  organisationCode?: string;
  /** The centre's address typed on the Return sheet, when it is one email address. */
  centreEmail?: string;
}

const MIN_DATE = excelSerial(1990, 1, 1);
const MAX_DATE = 2_958_465;

export function checkReturnDetails(issues: IssueList, details: ReturnDetailsData): ReturnDetailsRead {
  const read: ReturnDetailsRead = {};
  const view = details.view;
  if (view.col(RETURN_DETAILS_HEADERS[0]) === undefined || view.col(RETURN_DETAILS_HEADERS[1]) === undefined) return read;

  for (const spec of ALL_RETURN_FIELDS) {
    const field = details.fields.get(norm(spec.field));
    if (field === undefined) {
      if (spec.required) {
        issues.add("required-field", view.topLeft(), { kind: "no-row", field: spec.field });
      }
      continue;
    }
    const { i, col } = field;
    const value = field.cell.value;
    const shown = checkTextCell(issues, view, i, col, "Value", spec.field);
    if (shown === undefined) continue;
    if (shown === "") {
      if (spec.required) issues.add("required-field", field.cell.at, { kind: "blank", field: spec.field }, value);
      continue;
    }
    checkField(issues, view, i, col, spec, read);
  }
  return read;
}

function checkField(issues: IssueList, view: TableView, i: number, col: number, spec: FieldSpec, read: ReturnDetailsRead): void {
  const value = view.value(i, col);
  const at = view.at(i, col, "Value");
  switch (spec.field) {
    case FIELD.organisation:
      read.organisation = text(value);
      return;
    case FIELD.organisationCode:
      read.organisationCode = text(value);
      return;
    case FIELD.dataChecksum:
      return;
  }
  switch (spec.type) {
    case "month": {
      if (!readMonthValue(value)) issues.add("not-a-date", at, { kind: "month", value, field: spec.field }, value);
      return;
    }
    case "date":
      if (!isDate(value)) issues.add("not-a-date", at, { kind: "date", value, field: spec.field }, value);
      return;
    case "whole":
      checkNumberCell(issues, view, i, col, "Value", { what: spec.field, unit: "count", whole: true, min: 0, blank: "or leave it blank" });
      return;
    case "email":
      if (!EMAIL_ADDRESS.test(text(value))) {
        issues.add("invalid-email", at, { value }, value);
      } else if (spec.field === FIELD.centreEmail) read.centreEmail = text(value).trim();
      return;
    case "text":
      return;
  }
}

function isDate(value: unknown): boolean {
  if (typeof value === "number") return value >= MIN_DATE && value <= MAX_DATE;
  if (typeof value !== "string") return false;
  const t = value.trim();
  const gb = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (gb) return validDay(Number(gb[3]), Number(gb[2]), Number(gb[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(t);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return false;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1990 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
