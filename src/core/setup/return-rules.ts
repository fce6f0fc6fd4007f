/** Set up's rules for the Return sheet: each field's Value cell formatted and validated by the field's type. */
import { cellAddress } from "../layout/a1";
import { ALL_RETURN_FIELDS, NUMBER_FORMAT } from "../layout/contract";
import { excelSerial } from "../calendar";
import { norm } from "../return";
import type { RangeRule } from "../workbook/types";
import { columnOf, type Geometry } from "./geometry";
import { dateValidation, emailValidation, numberValidation } from "./validations";

const MONTH_SERIAL_MIN = excelSerial(2000, 1, 1);

export /** Rules for the Value cell of each return field, found by its Field label. */
function returnRules(g: Geometry): RangeRule[] {
  const valueCol = columnOf(g, "Value");
  if (valueCol < 0) return [];
  const rules: RangeRule[] = [];
  for (let i = 0; i < g.rowCount; i++) {
    const spec = ALL_RETURN_FIELDS.find((f) => norm(f.field) === norm(g.cell(i, "Field")));
    const address = cellAddress(g.row + 1 + i, valueCol);
    if (!spec) {
      rules.push({ address, locked: false });
      continue;
    }
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
    rules.push(rule);
  }
  return rules;
}
