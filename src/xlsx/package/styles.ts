/**
 * The styles part, as far as a return needs it: which cell formats (cellXfs, the `s` of a cell)
 * show numbers as dates or times. A format's code comes from the part's own numFmts, or for
 * built-in ids from the table ECMA-376 gives (part 1, 18.8.30); the core's isDateFormat decides.
 */
import { isDateFormat } from "../../core/return";
import { attr, isSpreadsheet, parseXml } from "./xml";

/** The built-in number formats that show dates and times (the rest of the built-ins are numbers, text or locale-dependent). */
const BUILT_IN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** For each cell format (by index), whether it shows numbers as dates or times. */
export function dateStyles(data: Uint8Array | undefined): boolean[] {
  if (!data) return [];
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXml(data, {
    open(element) {
      if (isSpreadsheet(element, "numFmt")) {
        const id = Number.parseInt(attr(element, "numFmtId") ?? "", 10);
        if (Number.isInteger(id)) codes.set(id, attr(element, "formatCode") ?? "");
      } else if (isSpreadsheet(element, "cellXfs")) {
        inCellXfs = true;
      } else if (inCellXfs && isSpreadsheet(element, "xf")) {
        formatIds.push(Number.parseInt(attr(element, "numFmtId") ?? "0", 10));
      }
    },
    close(element) {
      if (isSpreadsheet(element, "cellXfs")) inCellXfs = false;
    },
  });
  return formatIds.map((id) => Number.isInteger(id) && id > 0 && isDateFormat(codes.get(id) ?? BUILT_IN_DATE_FORMATS[id]));
}
