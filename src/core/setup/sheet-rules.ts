/**
 * Set up's formats, validation, locking, widths, freeze panes, printing and protection, worked out
 * for each sheet from its definition (src/core/sheets/) and where its table ends up (its geometry):
 * a loop over the definitions. Rows whose rules depend on their content - the Return sheet's
 * fields, the Measures sheet's month cells by measure - come from the sheet's own module too.
 */
import type { Framework } from "../framework";
import { absoluteRange, cellAddress, quoteSheet, rangeAddress } from "../layout/a1";
import { HIGHLIGHT, NUMBER_FORMAT, SEVERITY_LABEL, TABLE, type TableName } from "../layout/contract";
import { norm } from "../return";
import { CASE_STUDIES_SHEET, CHECKS_SHEET, FRAMEWORK_SHEET, MEASURES_SHEET, OUTCOMES_SHEET, REFLECTIONS_SHEET, RETURN_SHEET, STAKEHOLDERS_SHEET, type ColumnDefinition, type SheetContext, type SheetDefinition } from "../sheets";
import { FRAMEWORK_SHEET_COLUMNS, FRAMEWORK_SHEET_WIDTHS } from "../sheets/framework";
import { monthCellsRule, monthColumnWidth } from "../sheets/measures";
import { ALL_RETURN_FIELDS, fieldRule } from "../sheets/return";
import { STAKEHOLDER_GROUP } from "../sheets/stakeholders";
import { a4Landscape } from "../layout/print";
import { findTable, type RangeRule, type WorkbookOperation, type WorkbookSnapshot } from "../workbook/types";
import { bodyColumn, columnOf, runs, widthsOf, type Geometry, type Width } from "./geometry";
import { highlightCount, highlightNames } from "./highlights";

/** The sheets whose tables officers see, in order; Set up finishes each the same way. */
const TABLE_SHEETS: readonly SheetDefinition[] = [RETURN_SHEET, MEASURES_SHEET, STAKEHOLDERS_SHEET, OUTCOMES_SHEET, CASE_STUDIES_SHEET, REFLECTIONS_SHEET, CHECKS_SHEET];

/** The data tables that get the highlights of Check's results. */
const HIGHLIGHTED: readonly TableName[] = [TABLE.returnDetails, TABLE.measures, TABLE.stakeholders, TABLE.impactMap, TABLE.caseStudies, TABLE.reflections];

export interface SheetRulesInput {
  snapshot: WorkbookSnapshot;
  framework: Framework;
  monthLabels: readonly string[];
  organisation: string | undefined;
  /** Where each table ends up once the plan's content is applied. */
  geometry: ReadonlyMap<TableName, Geometry>;
}

export interface SheetRules {
  /** Defined names the highlights need, to add with the content. */
  content: WorkbookOperation[];
  /** Rules, widths, freeze panes, printing and protection, applied after the content. */
  finishing: WorkbookOperation[];
}

export function planSheetRules(input: SheetRulesInput): SheetRules {
  const g = (t: TableName) => input.geometry.get(t)!;
  const sh = g(TABLE.stakeholders);
  const shCol = columnOf(sh, STAKEHOLDER_GROUP);
  const context: SheetContext = {
    framework: input.framework,
    monthLabels: input.monthLabels,
    lists: {
      outcomeAreas: frameworkList(FRAMEWORK_SHEET_COLUMNS.outcomeAreas, input.framework.outcomeAreas.length),
      months: frameworkList(FRAMEWORK_SHEET_COLUMNS.months, 12),
      stakeholderGroups: `${quoteSheet(sh.sheet)}!${absoluteRange(sh.row + 1, shCol < 0 ? sh.column : shCol, Math.max(sh.rowCount, 1), 1)}`,
    },
  };
  const rules: SheetRules = { content: [], finishing: [] };
  for (const def of TABLE_SHEETS) rules.finishing.push(...finishSheet(def, g(def.table), context, input));
  highlights(input, rules);
  const fw = g(TABLE.frameworkInfo);
  rules.finishing.push(
    {
      kind: "setColumnWidths",
      sheet: fw.sheet,
      widths: [
        ...FRAMEWORK_SHEET.columns.map((c, i) => ({ column: fw.column + i, characters: widthOf(c, context) })),
        ...(Object.keys(FRAMEWORK_SHEET_COLUMNS) as (keyof typeof FRAMEWORK_SHEET_COLUMNS)[]).map((list) => ({ column: FRAMEWORK_SHEET_COLUMNS[list], characters: FRAMEWORK_SHEET_WIDTHS[list] })),
      ],
    },
    // The months list holds dates: shown "mmm yyyy" here, the dropdowns offer them as "Apr 2026" (case-studies.ts's monthColumn).
    { kind: "applyRules", sheet: fw.sheet, rules: [{ address: rangeAddress(1, FRAMEWORK_SHEET_COLUMNS.months, 12, 1), numberFormat: NUMBER_FORMAT.month }] },
    { kind: "protect", sheet: fw.sheet },
    { kind: "hide", sheet: fw.sheet },
  );
  return rules;
}

/** Absolute reference to a list on the Framework sheet, for dropdowns. */
function frameworkList(column: number, count: number): string {
  return `${quoteSheet(FRAMEWORK_SHEET.sheet)}!${absoluteRange(1, column, Math.max(count, 1), 1)}`;
}

function widthOf(column: ColumnDefinition, context: SheetContext): number {
  return typeof column.width === "number" ? column.width : column.width(context);
}

/**
 * A sheet's rules in order: its header and key columns locked (on a protected sheet), the rules of
 * rows that depend on their content, each column's body rule; then widths, freeze panes and
 * printing, and protection last.
 */
function finishSheet(def: SheetDefinition, g: Geometry, context: SheetContext, input: SheetRulesInput): WorkbookOperation[] {
  const locks: RangeRule[] = [];
  if (def.protect) {
    locks.push({ address: rangeAddress(g.row, g.column, 1, g.headers.length), locked: true });
    for (const column of def.columns) {
      if (column.cells !== "key" && column.cells !== "formula") continue;
      const address = bodyColumn(g, column.header);
      if (address) locks.push({ address, locked: true });
    }
  }
  const columnRules = def.columns.flatMap((column): RangeRule[] => {
    const settings = bodyRule(column, context);
    const address = settings ? bodyColumn(g, column.header) : undefined;
    return settings && address ? [{ address, ...settings }] : [];
  });
  const widths: Width[] = def.columns.map((c): Width => (c.hidden ? [c.header, widthOf(c, context), true] : [c.header, widthOf(c, context)]));
  if (def.table === TABLE.measures) widths.push(...context.monthLabels.map((l): Width => [l, monthColumnWidth(l, context)]));
  const ops: WorkbookOperation[] = [
    { kind: "applyRules", sheet: g.sheet, rules: [...locks, ...rowRules(def, g, input.framework, context), ...columnRules] },
    { kind: "setColumnWidths", sheet: g.sheet, widths: widthsOf(g, widths) },
  ];
  if (def.freeze) ops.push({ kind: "freeze", sheet: g.sheet, ...def.freeze });
  if (def.print) ops.push(pageLayout(g, input));
  if (def.protect) ops.push({ kind: "protect", sheet: g.sheet });
  return ops;
}

/** A column's body rule without its address, or undefined when the column has none. */
function bodyRule(column: ColumnDefinition, context: SheetContext): Omit<RangeRule, "address"> | undefined {
  const rule: Omit<RangeRule, "address"> = {};
  if (column.wrap) rule.wrap = true;
  if (column.numberFormat !== undefined) rule.numberFormat = column.numberFormat;
  if (column.validation) rule.validation = column.validation(context, column.header);
  if (column.cells === "entry") rule.locked = false;
  else if (column.cells === "formula") rule.locked = true;
  return Object.keys(rule).length > 0 ? rule : undefined;
}

/** Rules of rows that depend on what they hold: each return field's Value cell, each measure's month cells. */
function rowRules(def: SheetDefinition, g: Geometry, framework: Framework, context: SheetContext): RangeRule[] {
  if (def.table === TABLE.returnDetails) {
    const valueCol = columnOf(g, RETURN_SHEET.columns[1]!.header);
    if (valueCol < 0) return [];
    return Array.from({ length: g.rowCount }, (_, i) => {
      const spec = ALL_RETURN_FIELDS.find((f) => norm(f.field) === norm(g.cell(i, RETURN_SHEET.columns[0]!.header)));
      return fieldRule(spec, cellAddress(g.row + 1 + i, valueCol));
    });
  }
  if (def.table !== TABLE.measures) return [];
  const measureByCode = new Map(framework.measures.map((x) => [x.code, x] as const));
  const monthCols = context.monthLabels.map((label) => columnOf(g, label)).filter((c) => c >= 0);
  // One rule per block of consecutive rows of the same measure (a total and its breakdowns share it).
  const blocks: { code: string; row: number; count: number }[] = [];
  for (let i = 0; i < g.rowCount; i++) {
    const code = String(g.cell(i, MEASURES_SHEET.columns[0]!.header) ?? "").trim();
    const last = blocks[blocks.length - 1];
    if (last && last.code === code) last.count++;
    else blocks.push({ code, row: g.row + 1 + i, count: 1 });
  }
  return blocks.flatMap((block) => runs(monthCols).map(([start, count]) => monthCellsRule(rangeAddress(block.row, start, block.count, count), measureByCode.get(block.code))));
}

/**
 * Conditional formats that colour cells named in the Checks table, added once when a data table
 * is made. They refer to the Checks columns through defined names, which are defined first
 * where the workbook does not have them yet, so each formula stays within Excel's limit.
 */
function highlights(input: SheetRulesInput, out: SheetRules): void {
  let namesDefined = false;
  for (const table of HIGHLIGHTED) {
    if (findTable(input.snapshot, table)) continue;
    if (!namesDefined) {
      namesDefined = true;
      for (const name of highlightNames()) {
        if (input.snapshot.names?.some((n) => n.toLowerCase() === name.name.toLowerCase())) continue;
        out.content.push({ kind: "defineName", ...name });
      }
    }
    const g = input.geometry.get(table)!;
    const address = rangeAddress(g.row, g.column, g.rowCount + 1, g.headers.length);
    const errors = highlightCount(g.sheet, SEVERITY_LABEL.error);
    const warnings = highlightCount(g.sheet, SEVERITY_LABEL.warning);
    out.finishing.push(
      { kind: "highlight", sheet: g.sheet, address, formula: `=${errors}>0`, ...HIGHLIGHT.error },
      { kind: "highlight", sheet: g.sheet, address, formula: `=AND(${warnings}>0,${errors}=0)`, ...HIGHLIGHT.warning },
    );
  }
}

/**
 * How a sheet prints: A4 landscape, one page wide, the table's header row on every page, and a
 * header and footer naming the organisation, the sheet, the year and "Page x of y". Texts from
 * the workbook or a framework file are escaped ("&" is Excel's code character).
 */
function pageLayout(g: Geometry, input: SheetRulesInput): WorkbookOperation {
  const layout = a4Landscape({
    header: { left: input.organisation, center: g.sheet, right: `${input.monthLabels[0]!} to ${input.monthLabels[11]!}` },
    footerLeft: input.framework.title,
    titleRow: g.row + 1,
  });
  return { kind: "pageLayout", sheet: g.sheet, layout };
}
