import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cellAddress, columnIndex, columnLetter, parseRange, quoteSheet, rangeAddress, splitSheetAddress } from "../../src/core/layout/a1";
import { addMonths, defaultYearStart, excelSerial, monthLabel, parseMonth, reportingMonths, serialToDate } from "../../src/core/calendar";
import { TOOL_VERSION } from "../../src/core/version";

describe("A1 addresses", () => {
  it("converts column letters both ways", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    expect(() => columnLetter(16384)).toThrow(RangeError);
  });

  it("builds and parses ranges", () => {
    expect(cellAddress(6, 7)).toBe("H7");
    expect(rangeAddress(1, 5, 1, 12)).toBe("F2:Q2");
    expect(rangeAddress(0, 0, 1, 1)).toBe("A1");
    expect(parseRange("$F$2:Q3")).toEqual({ row: 1, column: 5, rowCount: 2, columnCount: 12 });
  });

  it("quotes sheet names as Excel does", () => {
    expect(quoteSheet("Measures")).toBe("Measures");
    expect(quoteSheet("Case studies")).toBe("'Case studies'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    expect(splitSheetAddress("'Case studies'!A1:G2")).toEqual({ sheet: "Case studies", address: "A1:G2" });
    expect(splitSheetAddress("B3")).toEqual({ sheet: undefined, address: "B3" });
  });
});

describe("months", () => {
  it("labels the twelve months of a reporting year", () => {
    expect(reportingMonths({ year: 2020, month: 4 }).map(monthLabel)).toEqual([
      "Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021",
    ]);
    expect(addMonths({ year: 2020, month: 12 }, 1)).toEqual({ year: 2021, month: 1 });
  });

  it("uses Excel's date serials", () => {
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(2020, 4, 1)).toBe(43922);
    expect(serialToDate(43922)).toEqual({ year: 2020, month: 4, day: 1 });
  });

  it("reads months typed in the ways officers type them", () => {
    const apr = { year: 2020, month: 4 };
    for (const v of [43922, 43950.5, "Apr 2020", "April 2020", "apr-20", "04/2020", "01/04/2020", "2020-04", "2020-04-15", " Apr 2020 "]) {
      expect(parseMonth(v)).toEqual(apr);
    }
    for (const v of ["", "  ", "Apx 2020", "13/2020", "hello", null, true, -5]) expect(parseMonth(v)).toBeUndefined();
  });

  it("defaults to the reporting year running April to March", () => {
    expect(defaultYearStart(new Date(2026, 10, 22))).toEqual({ year: 2026, month: 4 });
    expect(defaultYearStart(new Date(2027, 1, 1))).toEqual({ year: 2026, month: 4 });
  });
});

it("keeps the tool version equal to package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  expect(TOOL_VERSION).toBe(pkg.version);
});
