import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findBuiltinFramework, parseFrameworkText } from "../../src/core/framework";
import { LAYOUT_VERSION, SHEET, TABLE } from "../../src/core/layout/contract";
import { excelSerial } from "../../src/core/calendar";
import { kindFromText, readExistingReturn, readReturn, unitFromText } from "../../src/core/return";
import { measureRows as measureRowsOf } from "../../src/core/setup/measure-rows";
import { definitionChunks, isDefaultSheetName, joinDefinitionChunks, planSetup, widestFigure } from "../../src/core/setup/plan";
import { impactValue } from "../../src/core/setup/impact-value";
import { EMPTY_WORKBOOK, isFormulaCell, type CellValue, type WorkbookOperation, type TableSnapshot, type WorkbookSnapshot } from "../../src/core/workbook/types";

const v1 = findBuiltinFramework("community-investment-monthly", 1)!;
const v2 = parseFrameworkText(readFileSync(join(__dirname, "..", "fixtures", "frameworks", "community-investment-monthly.v2.json"), "utf8"), "v2");
const april2020 = { year: 2020, month: 4 };

type Op<K extends WorkbookOperation["kind"]> = Extract<WorkbookOperation, { kind: K }>;
const ofKind = <K extends WorkbookOperation["kind"]>(ops: WorkbookOperation[], kind: K) => ops.filter((o): o is Op<K> => o.kind === kind);

/** What a gateway would read back after applying a fresh plan's tables (values only; formulas kept). */
function snapshotAfter(ops: WorkbookOperation[]): WorkbookSnapshot {
  const tables: TableSnapshot[] = ofKind(ops, "addTable").map((t) => ({
    name: t.table,
    sheet: t.sheet,
    row: 0,
    column: 0,
    headers: [...t.headers],
    values: t.rows.map((r) => r.map((c) => (isFormulaCell(c) ? "" : (c ?? "")))),
    formulas: t.rows.map((r) => r.map((c) => (isFormulaCell(c) ? c.formula : (c ?? "")))),
  }));
  const sheets = ofKind(ops, "addSheet").map((s) => ({ name: s.sheet, tables: tables.filter((t) => t.sheet === s.sheet).map((t) => t.name) }));
  return { sheets, tables };
}

const fresh = planSetup(EMPTY_WORKBOOK, v1, { organisation: "Riverside Homes", organisationCode: "RH01" }, april2020);
const table = (name: string) => ofKind(fresh.operations, "addTable").find((t) => t.table === name)!;

describe("Set up on an empty workbook", () => {
  it("adds the eight sheets in order, each with its table", () => {
    expect(fresh.blockers).toEqual([]);
    expect(ofKind(fresh.operations, "addSheet").map((o) => o.sheet)).toEqual(["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections", "Checks", "Framework"]);
    expect(ofKind(fresh.operations, "addTable").map((o) => [o.sheet, o.table, o.address.split(":")[0]])).toEqual([
      ["Return", "ReturnDetails", "A1"],
      ["Measures", "Measures", "A1"],
      ["Stakeholders", "Stakeholders", "A1"],
      ["Outcomes", "ImpactMap", "A1"],
      ["Case studies", "CaseStudies", "A1"],
      ["Reflections", "Reflections", "A1"],
      ["Checks", "Checks", "A1"],
      ["Framework", "FrameworkInfo", "A1"],
    ]);
    expect(fresh.changes.every((c) => c.action === "add")).toBe(true);
  });

  it("lays out Measures: key columns, twelve months, a row per measure and per breakdown", () => {
    const m = table(TABLE.measures);
    expect(m.headers).toEqual(["Code", "Measure", "Breakdown", "Unit", "Kind", "Apr 2020", "May 2020", "Jun 2020", "Jul 2020", "Aug 2020", "Sep 2020", "Oct 2020", "Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021"]);
    expect(m.address).toBe("A1:Q22");
    const expected = v1.measures.reduce((n, x) => n + 1 + x.breakdowns.length, 0);
    expect(m.rows).toHaveLength(expected);
    expect(m.rows[0]!.slice(0, 5)).toEqual(["WELFARE_CALLS", "Welfare calls made", null, "number", "this month only"]);
    const food = m.rows.filter((r) => r[0] === "FOOD_INTERVENTIONS").map((r) => r[2]);
    expect(food).toEqual(["Total", "Food parcels", "Prepared meals", "Referrals to food banks"]);
    expect(m.rows.every((r) => r.slice(5).every((c) => c === null))).toBe(true);
  });

  it("fills return details with the organisation, code and year start as a date", () => {
    const r = table(TABLE.returnDetails);
    expect(r.headers).toEqual(["Field", "Value"]);
    expect(r.rows.map((row) => row[0])).toEqual([
      "Organisation", "Organisation code", "Reporting year start", "Homes managed", "Contact name", "Contact email", "Prepared by", "Signed off by", "Signed off on", "Centre email",
    ]);
    expect(r.rows[0]![1]).toBe("Riverside Homes");
    expect(r.rows[1]![1]).toBe("RH01");
    expect(r.rows[2]![1]).toBe(excelSerial(2020, 4, 1));
    expect(excelSerial(2020, 4, 1)).toBe(43922);
  });

  it("pre-fills stakeholder groups and gives the impact map a live formula", () => {
    const s = table(TABLE.stakeholders);
    expect(s.rows.slice(0, v1.stakeholderGroups.length).map((r) => r[0])).toEqual(v1.stakeholderGroups.map((g) => g.name));
    const im = table(TABLE.impactMap);
    expect(im.headers).toHaveLength(16);
    expect(im.headers[15]).toBe("Impact value (£)");
    const formula = im.rows[0]![15];
    expect(isFormulaCell(formula!) && formula.formula).toBe(
      '=IF(OR(H2="",J2=""),"",H2*J2*(1-N(L2))*(1-N(M2))*(1-N(N2))*IF(N(O2)=0,IF(I2="",1,I2),(1-(1-N(O2))^IF(I2="",1,I2))/N(O2)))',
    );
    const last = im.rows[im.rows.length - 1]![15];
    expect(isFormulaCell(last!) && last.formula).toContain(`H${im.rows.length + 1}`);
  });

  it("records framework id, version and layout version, and the definition", () => {
    const info = table(TABLE.frameworkInfo);
    expect(info.rows.slice(0, 4)).toEqual([
      ["Framework id", "community-investment-monthly"],
      ["Framework version", 1],
      ["Framework title", v1.title],
      ["Layout version", LAYOUT_VERSION],
    ]);
    const writes = ofKind(fresh.operations, "write").filter((w) => w.sheet === SHEET.framework);
    const definition = writes.find((w) => w.cells[0]![0] === "Framework definition (JSON)")!;
    expect(joinDefinitionChunks(definition.cells.slice(1).map((r) => r[0] as CellValue))).toEqual(JSON.parse(JSON.stringify(v1)));
  });

  it("locks headers and key columns, leaves entry cells open with the measure's rule and guidance", () => {
    const rules = ofKind(fresh.operations, "applyRules").find((o) => o.sheet === SHEET.measures)!.rules;
    expect(rules[0]).toEqual({ address: "A1:Q1", locked: true });
    expect(rules).toEqual(expect.arrayContaining([{ address: "A2:A22", locked: true }, { address: "E2:E22", locked: true }]));
    const welfare = rules.find((r) => r.address === "F2:Q2")!;
    expect(welfare.locked).toBe(false);
    expect(welfare.numberFormat).toBe("#,##0");
    expect(welfare.validation?.rule).toEqual({ type: "whole", min: 0, max: 1000000 });
    expect(welfare.validation?.prompt?.message).toBe(v1.measures[0]!.guidance);
    const money = rules.find((r) => r.address === "F8:Q12")!;
    expect(money.validation?.rule.type).toBe("decimal");
    expect(money.numberFormat).toBe('"£"#,##0.00');
    expect(ofKind(fresh.operations, "protect").map((o) => o.sheet)).toEqual(["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections", "Framework"]);
    expect(ofKind(fresh.operations, "protect").map((o) => o.sheet)).not.toContain("Checks");
    expect(ofKind(fresh.operations, "freeze").find((o) => o.sheet === SHEET.measures)).toMatchObject({ rows: 1, columns: 3 });
    expect(ofKind(fresh.operations, "hide").map((o) => o.sheet)).toEqual(["Framework"]);
  });

  it("highlights cells the Checks table names, errors over warnings, explained warnings not at all", () => {
    const marks = ofKind(fresh.operations, "highlight").filter((h) => h.sheet === SHEET.measures);
    expect(marks.map((h) => h.address)).toEqual(["A1:Q22", "A1:Q22"]);
    // The Checks columns go through defined names, so every formula stays within Excel's 255 characters.
    expect(ofKind(fresh.operations, "defineName")).toEqual([
      expect.objectContaining({ name: "IR_CheckSheet", reference: "Checks!$C$2:$C$10000" }),
      expect.objectContaining({ name: "IR_CheckCell", reference: "Checks!$D$2:$D$10000" }),
      expect.objectContaining({ name: "IR_CheckSeverity", reference: "Checks!$A$2:$A$10000" }),
      expect.objectContaining({ name: "IR_CheckExplanation", reference: "Checks!$F$2:$F$10000" }),
    ]);
    const errors = 'COUNTIFS(IR_CheckSheet,"Measures",IR_CheckCell,ADDRESS(ROW(),COLUMN(),4),IR_CheckSeverity,"Error")';
    expect(marks[0]).toMatchObject({ formula: `=${errors}>0`, fill: "#FFC7CE" });
    expect(marks[1]).toMatchObject({
      formula: `=AND(COUNTIFS(IR_CheckSheet,"Measures",IR_CheckCell,ADDRESS(ROW(),COLUMN(),4),IR_CheckSeverity,"Warning",IR_CheckExplanation,"")>0,${errors}=0)`,
      fill: "#FFEB9C",
    });
    for (const mark of ofKind(fresh.operations, "highlight")) expect(mark.formula.length).toBeLessThanOrEqual(255);
    expect(new Set(ofKind(fresh.operations, "highlight").map((h) => h.sheet))).toEqual(new Set(["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections"]));
    expect(table(TABLE.checks).headers).toEqual(["Severity", "Code", "Sheet", "Cell", "Message", "Explanation", "Check"]);
  });

  it("gives dropdowns for stakeholder groups, outcome areas, months and consent", () => {
    const outcomes = ofKind(fresh.operations, "applyRules").find((o) => o.sheet === SHEET.outcomes)!.rules;
    expect(outcomes.find((r) => r.address === "A2:A101")?.validation?.rule).toEqual({ type: "listRange", source: "Stakeholders!$A$2:$A$20" });
    expect(outcomes.find((r) => r.address === "E2:E101")?.validation?.rule).toEqual({ type: "listRange", source: "Framework!$D$2:$D$7" });
    expect(outcomes.find((r) => r.address === "L2:L101")).toMatchObject({ numberFormat: "0%", validation: { rule: { type: "decimal", min: 0, max: 1 } } });
    const cases = ofKind(fresh.operations, "applyRules").find((o) => o.sheet === SHEET.caseStudies)!.rules;
    expect(cases.find((r) => r.address === "B2:B51")?.validation?.rule).toEqual({ type: "listRange", source: "Framework!$F$2:$F$13" });
    expect(cases.find((r) => r.address === "G2:G51")?.validation?.rule).toEqual({ type: "list", items: ["Yes", "No"] });
  });
});

describe("Set up on a workbook that already has the sheets", () => {
  const existing = snapshotAfter(fresh.operations);

  it("reads back what the workbook says about itself", () => {
    expect(readExistingReturn(existing)).toEqual({
      frameworkId: "community-investment-monthly",
      frameworkTitle: v1.title,
      frameworkVersion: 1,
      layoutVersion: LAYOUT_VERSION,
      organisation: "Riverside Homes",
      organisationCode: "RH01",
      yearStart: april2020,
    });
  });

  it("re-running adds nothing and writes no entry cell", () => {
    const again = planSetup(existing, v1, {}, { year: 2030, month: 4 });
    expect(again.blockers).toEqual([]);
    expect(again.yearStart).toEqual(april2020);
    const kinds = new Set(again.operations.map((o) => o.kind));
    expect(kinds.has("addSheet") || kinds.has("addTable") || kinds.has("appendRows") || kinds.has("appendColumns")).toBe(false);
    const entryWrites = ofKind(again.operations, "write").filter((w) => w.sheet !== SHEET.framework && w.sheet !== SHEET.outcomes);
    expect(entryWrites).toEqual([]);
    expect(again.changes.filter((c) => c.action !== "keep")).toEqual([]);
    expect(ofKind(again.operations, "unprotect")).toHaveLength(8);
    expect(ofKind(again.operations, "highlight")).toEqual([]);
    expect(again.upToDate).toBe(true);
    expect(again.removedSheets).toEqual([]);
  });

  it("says nothing about figures or rows that are not there (no 'keeps all 0 figures')", () => {
    const again = planSetup(existing, v1, {}, april2020);
    const details = again.changes.map((c) => c.detail).join("\n");
    expect(details).not.toMatch(/\b0 (figures|stakeholder|rows|case)/);
    expect(again.changes.find((c) => c.sheet === SHEET.measures)?.detail).toBe("up to date; no figures entered yet");
    expect(again.changes.find((c) => c.sheet === SHEET.stakeholders)?.detail).toBe(`keeps all ${v1.stakeholderGroups.length} rows of stakeholder groups entered (${v1.stakeholderGroups.length + 12} rows in all)`);
    expect(again.changes.find((c) => c.sheet === SHEET.caseStudies)?.detail).toBe("no case studies entered yet; keeps its 50 rows");

    const filled: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const m = filled.tables.find((t) => t.name === TABLE.measures)!;
    m.values[0]![5] = 120;
    m.values[1]![6] = 0;
    expect(planSetup(filled, v1, {}, april2020).changes.find((c) => c.sheet === SHEET.measures)?.detail).toBe("up to date; keeps all 2 figures entered");
  });

  it("keeps internal ids out of what the pane shows", () => {
    const details = [...fresh.changes, ...planSetup(existing, v1, {}, april2020).changes].map((c) => c.detail).join("\n");
    expect(details).not.toMatch(/community-investment-monthly|layout 1\.|\bgbp\b/);
    expect(fresh.changes.find((c) => c.sheet === SHEET.framework)?.detail).toBe(`hidden sheet recording the framework (${v1.title}, version 1) for the centre`);
  });

  it("a newer framework appends its new measure's row at the bottom and rewords labels in place", () => {
    const up = planSetup(existing, v2, {}, april2020);
    expect(up.blockers).toEqual([]);
    expect(ofKind(up.operations, "appendRows")).toEqual([
      { kind: "appendRows", table: "Measures", rows: [["GRANTS_TO_GROUPS", "Grants to local groups", null, "£", "this month only", ...Array(12).fill(null)]] },
    ]);
    const relabel = ofKind(up.operations, "write").find((w) => w.sheet === SHEET.measures)!;
    expect(relabel.address).toBe("B2:B22");
    expect(relabel.cells[0]).toEqual(["Welfare calls made to residents"]);
    const rules = ofKind(up.operations, "applyRules").find((o) => o.sheet === SHEET.measures)!.rules;
    expect(rules.find((r) => r.address === "F23:Q23")?.validation?.rule.type).toBe("decimal");
    expect(up.changes.find((c) => c.sheet === SHEET.measures)).toMatchObject({ action: "update" });
    expect(up.changes.find((c) => c.sheet === SHEET.framework)?.detail).toBe("framework version 1 to 2");
  });

  it("keeps a figure typed over the impact formula", () => {
    const withTyped: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const im = withTyped.tables.find((t) => t.name === TABLE.impactMap)!;
    im.formulas[3]![15] = 1234;
    im.values[3]![15] = 1234;
    const again = planSetup(withTyped, v1, {}, april2020);
    const formulas = ofKind(again.operations, "write").find((w) => w.sheet === SHEET.outcomes)!;
    expect(formulas.cells[3]).toEqual([1234]);
    expect(isFormulaCell(formulas.cells[2]![0]!)).toBe(true);
  });

  it("restores a deleted return field and column without touching other values", () => {
    const edited: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const details = edited.tables.find((t) => t.name === TABLE.returnDetails)!;
    details.values = details.values.filter((r) => r[0] !== "Contact email");
    const stake = edited.tables.find((t) => t.name === TABLE.stakeholders)!;
    stake.headers = stake.headers.slice(0, 3);
    const plan = planSetup(edited, v1, {}, april2020);
    expect(ofKind(plan.operations, "appendRows")).toEqual([{ kind: "appendRows", table: "ReturnDetails", rows: [["Contact email", null]] }]);
    expect(ofKind(plan.operations, "appendColumns")).toEqual([{ kind: "appendColumns", table: "Stakeholders", headers: ["How they are affected"] }]);
  });

  it("puts a mistyped header right in place instead of adding a second column", () => {
    const edited: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const im = edited.tables.find((t) => t.name === TABLE.impactMap)!;
    im.headers[7] = "Quantiy";
    const plan = planSetup(edited, v1, {}, april2020);
    expect(ofKind(plan.operations, "appendColumns")).toEqual([]);
    expect(ofKind(plan.operations, "write")).toContainEqual({ kind: "write", sheet: "Outcomes", address: "H1", cells: [["Quantity"]] });
    expect(plan.changes).toContainEqual({ sheet: "Outcomes", action: "update", detail: "renames column 'Quantiy' back to 'Quantity'" });
  });

  it("finds a header as Check does: 'Qantty' is the officer's Quantity column, renamed, never given an empty twin", () => {
    const edited: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const im = edited.tables.find((t) => t.name === TABLE.impactMap)!;
    const quantity = im.headers.indexOf("Quantity");
    im.headers[quantity] = "Qantty";
    im.values[0]![quantity] = 42;
    // Check reads the officer's column under the mistyped header...
    const before = readReturn(edited).views.get(TABLE.impactMap)!;
    expect(before.col("Quantity")).toBe(quantity);
    // ...and Set up renames it rather than adding a second, empty Quantity column.
    const plan = planSetup(edited, v1, {}, april2020);
    expect(ofKind(plan.operations, "appendColumns")).toEqual([]);
    const rename = ofKind(plan.operations, "write").find((w) => w.sheet === SHEET.outcomes && w.cells[0]?.[0] === "Quantity");
    expect(rename?.address).toBe(`${String.fromCharCode(65 + quantity)}1`);
    expect(plan.changes).toContainEqual({ sheet: "Outcomes", action: "update", detail: "renames column 'Qantty' back to 'Quantity'" });
    // After Set up, Check still reads the officer's figure.
    im.headers[quantity] = "Quantity";
    const after = readReturn(edited).views.get(TABLE.impactMap)!;
    expect(after.value(0, after.col("Quantity"))).toBe(42);
  });

  it("reads a table's rows by the columns Check finds: a mistyped key header ('Cdoe') keeps its rows, never appends them again", () => {
    const edited: WorkbookSnapshot = JSON.parse(JSON.stringify(existing));
    const measures = edited.tables.find((t) => t.name === TABLE.measures)!;
    measures.headers[0] = "Cdoe";
    const plan = planSetup(edited, v1, {}, april2020);
    expect(ofKind(plan.operations, "appendRows").filter((op) => op.table === TABLE.measures)).toEqual([]);
    expect(plan.changes).toContainEqual({ sheet: SHEET.measures, action: "update", detail: "renames column 'Cdoe' back to 'Code'" });
    expect(plan.changes.filter((c) => c.sheet === SHEET.measures && c.detail.startsWith("adds"))).toEqual([]);
  });

  it("updates the organisation when the user gives a new name, and says so", () => {
    const plan = planSetup(existing, v1, { organisation: "Riverside Housing Group" }, april2020);
    const write = ofKind(plan.operations, "write").find((w) => w.sheet === SHEET.return)!;
    expect(write).toEqual({ kind: "write", sheet: "Return", address: "B2", cells: [["Riverside Housing Group"]] });
    expect(plan.changes.find((c) => c.sheet === SHEET.return)?.detail).toBe("sets Organisation: 'Riverside Homes' to 'Riverside Housing Group'");
  });
});

describe("a layout 1.0 workbook (framework keys in Unit and Kind)", () => {
  const v10: WorkbookSnapshot = JSON.parse(JSON.stringify(snapshotAfter(fresh.operations)));
  const m = v10.tables.find((t) => t.name === TABLE.measures)!;
  const keys = measureRowsOf(v1);
  m.values.forEach((row, i) => {
    row[3] = keys[i]!.unit;
    row[4] = keys[i]!.kind;
  });
  const info = v10.tables.find((t) => t.name === TABLE.frameworkInfo)!;
  info.values.find((r) => r[0] === "Layout version")![1] = "1.0";

  it("is read in either layout's words", () => {
    const oldRows = readReturn(v10).measures!.rows;
    const newRows = readReturn(snapshotAfter(fresh.operations)).measures!.rows;
    expect(oldRows.map((r) => [r.unitKey, r.kindKey])).toEqual(keys.map((k) => [k.unit, k.kind]));
    expect(newRows.map((r) => [r.unitKey, r.kindKey])).toEqual(keys.map((k) => [k.unit, k.kind]));
    expect(unitFromText("gbp")).toBe("gbp");
    expect(unitFromText(" £ ")).toBe("gbp");
    expect(unitFromText("Number")).toBe("count");
    expect(kindFromText("At the end of the month")).toBe("stock");
    expect(kindFromText("flow")).toBe("flow");
    expect(unitFromText("furlongs")).toBeUndefined();
  });

  it("is brought up to the current layout by Set up: Unit and Kind rewritten in plain words, nothing else", () => {
    const up = planSetup(v10, v1, {}, april2020);
    expect(up.upToDate).toBe(false);
    const writes = ofKind(up.operations, "write").filter((w) => w.sheet === SHEET.measures);
    expect(writes.map((w) => w.address)).toEqual(["D2:D22", "E2:E22"]);
    expect(writes[0]!.cells[0]).toEqual(["number"]);
    expect(writes[1]!.cells[0]).toEqual(["this month only"]);
    expect(up.changes.find((c) => c.sheet === SHEET.measures)).toMatchObject({ action: "update", detail: expect.stringMatching(/^writes each unit and kind in plain words/) });
    expect(up.changes.find((c) => c.sheet === SHEET.framework)).toMatchObject({ action: "update" });
    const layout = ofKind(up.operations, "write").find((w) => w.sheet === SHEET.framework && w.address.startsWith("B"))!;
    expect(layout.cells.flat()).toContain(LAYOUT_VERSION);
    expect(LAYOUT_VERSION).toBe("1.2");
  });
});

describe("printing and column widths", () => {
  const printed = ["Return", "Measures", "Stakeholders", "Outcomes", "Case studies", "Reflections", "Checks"];

  it("prints every visible sheet on A4 landscape, one page wide, header row repeated, with a header and footer", () => {
    const layouts = ofKind(fresh.operations, "pageLayout");
    expect(layouts.map((l) => l.sheet)).toEqual(printed);
    for (const { sheet, layout } of layouts) {
      expect(layout).toEqual({
        orientation: "landscape",
        paper: "A4",
        fitToPagesWide: 1,
        printTitleRows: "$1:$1",
        header: { left: "Riverside Homes", center: sheet, right: "Apr 2020 to Mar 2021" },
        footer: { left: v1.title, right: "Page &P of &N" },
      });
    }
    // Before each sheet is protected (the Checks sheet is not).
    const ops = fresh.operations;
    for (const sheet of printed.filter((p) => p !== "Checks")) {
      expect(ops.findIndex((o) => o.kind === "pageLayout" && o.sheet === sheet)).toBeLessThan(ops.findIndex((o) => o.kind === "protect" && o.sheet === sheet));
    }
  });

  it("escapes the organisation's name in headers ('&' is Excel's code character) and leaves it out when not known", () => {
    const plan = planSetup(EMPTY_WORKBOOK, v1, { organisation: "Smith & Co &P\nHomes" }, april2020);
    expect(ofKind(plan.operations, "pageLayout")[0]!.layout.header.left).toBe("Smith && Co &&P Homes");
    const blank = planSetup(EMPTY_WORKBOOK, v1, {}, april2020);
    expect(ofKind(blank.operations, "pageLayout")[0]!.layout.header.left).toBeUndefined();
  });

  it("sizes columns for the full header and the widest figure the framework allows; codes hidden", () => {
    const widths = (sheet: string) => ofKind(fresh.operations, "setColumnWidths").find((o) => o.sheet === sheet)!.widths;
    const headersOf = (sheet: string) => ofKind(fresh.operations, "addTable").find((o) => o.sheet === sheet)!.headers;
    for (const sheet of printed) {
      const headers = headersOf(sheet);
      for (const w of widths(sheet)) expect(w.characters).toBeGreaterThanOrEqual(headers[w.column]!.length + 3);
    }
    expect(widestFigure(v1.measures.find((x) => x.unit === "gbp")!)).toBe("£100,000,000.00");
    const monthWidths = widths("Measures").filter((w) => w.column >= 5);
    expect(monthWidths).toHaveLength(12);
    for (const w of monthWidths) expect(w.characters).toBeGreaterThanOrEqual("£100,000,000.00".length + 2);
    expect(widths("Measures").find((w) => w.column === 0)).toMatchObject({ hidden: true });
    expect(widths("Measures").filter((w) => w.hidden)).toHaveLength(1);
    expect(widths("Checks").find((w) => w.column === 1)).toMatchObject({ hidden: true });
    expect(widths("Measures").find((w) => w.column === 4)!.characters).toBeGreaterThanOrEqual("at the end of the month".length + 2);
  });
});

describe("the empty default sheet of a new workbook", () => {
  const newWorkbook: WorkbookSnapshot = { sheets: [{ name: "Sheet1", tables: [] }], tables: [] };

  it("is deleted last, once the returns sheets exist", () => {
    const plan = planSetup(newWorkbook, v1, {}, april2020, { emptySheets: ["Sheet1"] });
    expect(plan.removedSheets).toEqual(["Sheet1"]);
    expect(plan.operations.at(-1)).toEqual({ kind: "deleteSheet", sheet: "Sheet1" });
    expect(ofKind(plan.operations, "deleteSheet")).toHaveLength(1);
    expect(plan.upToDate).toBe(false);
  });

  it("is kept when it holds something, is not a default sheet, or the workbook is already a return", () => {
    expect(planSetup(newWorkbook, v1, {}, april2020).removedSheets).toEqual([]);
    expect(planSetup({ sheets: [{ name: "Notes", tables: [] }], tables: [] }, v1, {}, april2020, { emptySheets: ["Notes"] }).removedSheets).toEqual([]);
    expect(planSetup({ sheets: [{ name: "Sheet1", tables: ["Table1"] }], tables: [] }, v1, {}, april2020, { emptySheets: ["Sheet1"] }).removedSheets).toEqual([]);
    const setUp = snapshotAfter(fresh.operations);
    const withSheet1 = { ...setUp, sheets: [{ name: "Sheet1", tables: [] }, ...setUp.sheets] };
    expect(planSetup(withSheet1, v1, {}, april2020, { emptySheets: ["Sheet1"] }).removedSheets).toEqual([]);
  });

  it("knows Excel's default sheet names", () => {
    for (const name of ["Sheet1", "Sheet 2", "Feuil1", "Tabelle1", "Hoja1", "Foglio1", "Blad1", "Arkusz1"]) expect(isDefaultSheetName(name)).toBe(true);
    for (const name of ["Notes", "Sheet", "My Sheet1", "Return"]) expect(isDefaultSheetName(name)).toBe(false);
  });
});

describe("what the review repeats", () => {
  it("the organisation and code as they will be stored (trimmed), else as the workbook holds them", () => {
    const plan = planSetup(EMPTY_WORKBOOK, v1, { organisation: "  Riverside Homes ", organisationCode: "  RH01  " }, april2020);
    expect(plan).toMatchObject({ organisation: "Riverside Homes", organisationCode: "RH01" });
    const table = ofKind(plan.operations, "addTable").find((t) => t.table === TABLE.returnDetails)!;
    expect(table.rows.slice(0, 2)).toEqual([["Organisation", "Riverside Homes"], ["Organisation code", "RH01"]]);
    const again = planSetup(snapshotAfter(fresh.operations), v1, {}, april2020);
    expect(again).toMatchObject({ organisation: "Riverside Homes", organisationCode: "RH01" });
  });
});

describe("Set up refuses, changing nothing", () => {
  it("when a sheet of the same name is not ours", () => {
    const foreign: WorkbookSnapshot = { sheets: [{ name: "Sheet1", tables: [] }, { name: "measures", tables: [] }], tables: [] };
    const plan = planSetup(foreign, v1, {}, april2020);
    expect(plan.operations).toEqual([]);
    expect(plan.blockers).toEqual([expect.stringContaining("already has a sheet called 'measures' that Impact Returns did not make")]);
  });

  it("when our table was moved to another sheet", () => {
    const moved: WorkbookSnapshot = { sheets: [{ name: "My figures", tables: ["Measures"] }], tables: [] };
    expect(planSetup(moved, v1, {}, april2020).blockers[0]).toMatch(/The table Measures is on the sheet 'My figures'/);
  });

  it("for another reporting year, another framework, or an older version", () => {
    const existing = snapshotAfter(planSetup(EMPTY_WORKBOOK, v2, {}, april2020).operations);
    expect(planSetup(existing, v2, { yearStart: { year: 2021, month: 4 } }, april2020).blockers[0]).toMatch(/reporting year starting Apr 2020, not Apr 2021/);
    expect(planSetup(existing, v1, {}, april2020).blockers[0]).toMatch(/uses version 2 of 'Community investment monthly measures', newer than the version 1/);
    const other = { ...v1, id: "another-framework" };
    expect(planSetup(existing, other, {}, april2020).blockers[0]).toMatch(/set up with the framework 'community-investment-monthly', not 'another-framework'/);
  });
});

describe("supporting calculations", () => {
  it("splits a long definition into cells that never start like a formula", () => {
    const big = { ...v1, description: "=".repeat(900), measures: Array.from({ length: 300 }, (_, i) => ({ ...v1.measures[0]!, code: `M_${i}` })) };
    const chunks = definitionChunks(big);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(30000);
      expect(c[0]).not.toMatch(/[=+\-@]/);
    }
    expect(joinDefinitionChunks(chunks)).toEqual(JSON.parse(JSON.stringify(big)));
  });

  it("works out impact value with deadweight, attribution, displacement and drop-off", () => {
    expect(impactValue({ quantity: 10, proxy: 100 })).toBe(1000);
    expect(impactValue({ quantity: 10, proxy: 100, deadweight: 0.2, attribution: 0.5, displacement: 0 })).toBeCloseTo(400);
    // three years, 50% drop-off: 1000 + 500 + 250
    expect(impactValue({ quantity: 10, proxy: 100, years: 3, dropOff: 0.5 })).toBeCloseTo(1750);
    expect(impactValue({ quantity: 10, proxy: 100, years: 3 })).toBe(3000);
  });
});
