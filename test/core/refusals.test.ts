/** Every refusal, for every capability that can refuse, reads as one plain sentence or two with what to do. */
import { REFUSAL, type Actor } from "../../src/core/refusals";

const ACTORS: Actor[] = ["setup", "summarise", "check", "collate"];

describe("refusals", () => {
  it("are written once, name what is in the way, and say what to do and how to try again", () => {
    for (const actor of ACTORS) {
      const all = [
        REFUSAL.foreignSheet(actor, "Measures", "Measures table"),
        REFUSAL.foreignSheet(actor, "Board summary"),
        REFUSAL.tableElsewhere(actor, "Measures", "Old measures", "Measures"),
        REFUSAL.definedNameClash(actor, "Measures", "table Measures"),
        REFUSAL.tableNameClash(actor, "KeyFigures", "My notes", "table KeyFigures"),
        REFUSAL.tableNameClash(actor, "KeyFigures", undefined, "table KeyFigures"),
      ];
      for (const r of all) {
        expect(r.message).toMatch(/^The /);
        expect(r.message).toMatch(/(Rename|Rename or move|Rename or delete)[^.]*, then (run Set up again|summarise again|check again|add the files again)\.$/);
        expect(r.message).not.toMatch(/undefined|\$\{|\s{2}/);
      }
      expect(new Set(all.map((r) => r.code))).toEqual(new Set(["foreign-sheet", "table-elsewhere", "defined-name-clash", "table-name-clash"]));
    }
    expect(REFUSAL.foreignSheet("setup", "Measures", "Measures table").message).toBe(
      "The workbook already has a sheet called 'Measures' that Impact Returns did not make (it has no Measures table), so Set up will not overwrite it. Rename or move that sheet, then run Set up again.",
    );
  });

  it("Set up's framework and year blockers have codes and say what to choose", () => {
    const all = [REFUSAL.otherFramework("Our measures", "Community investment"), REFUSAL.newerFrameworkVersion("Community investment", 3, 2), REFUSAL.otherReportingYear("Apr 2020", "Apr 2021")];
    expect(all.map((r) => r.code)).toEqual(["other-framework", "newer-framework-version", "other-reporting-year"]);
    for (const r of all) expect(r.message).toMatch(/^This workbook .*\. (Choose|Keep) [^.]+\.$/);
    expect(all[2]!.message).toBe("This workbook is for the reporting year starting Apr 2020, not Apr 2021. Keep one workbook per reporting year: start a new workbook for Apr 2021.");
  });

  it("Collate's refusal of a workbook holding a return names whose it is, in one safe line, and the next step", () => {
    expect(REFUSAL.holdsAReturn("RH01")).toEqual({
      code: "holds-a-return",
      message: "This workbook holds RH01's return. The sector workbook should be a workbook of its own: open a new workbook, open Impact Returns there and choose Collate.",
    });
    expect(REFUSAL.holdsAReturn(undefined).message).toMatch(/^This workbook holds an organisation's return\. /);
    expect(REFUSAL.holdsAReturn("  ").message).toMatch(/^This workbook holds an organisation's return\. /);
    const hostile = REFUSAL.holdsAReturn(`RH\u001b[2J01\n${"X".repeat(500)}`).message;
    // eslint-disable-next-line no-control-regex
    expect(hostile).not.toMatch(/[\u0000-\u001f]/);
    expect(hostile.length).toBeLessThan(250);
  });
});
