/**
 * Set up, as a pure function: from what the workbook holds now (a snapshot) and the framework
 * chosen, work out the operations that insert or upgrade the returns sheets. Existing entries are
 * never written over: Set up only adds sheets, tables, rows and columns, rewrites the cells it owns
 * (headers, key columns, the framework sheet, the impact formula where it is blank) and reapplies
 * formats, validation and protection. The same plan drives Excel and the .xlsx writer.
 */
import { reflectionPromptsOf, type Framework } from "../framework";
import {
  BLANK_ROWS,
  CASE_STUDY_HEADERS,
  CHECKS_HEADERS,
  FIELD,
  FRAMEWORK_INFO_HEADERS,
  FRAMEWORK_SHEET_COLUMNS,
  FRAMEWORK_SHEET_HEADINGS,
  FRAMEWORK_SHEET_LIST_CAPACITY,
  IMPACT_MAP_HEADERS,
  INFO_KEY,
  KIND_LABEL,
  LAYOUT_VERSION,
  MEASURE_KEY_HEADERS,
  REFLECTION_HEADERS,
  RETURN_DETAILS_HEADERS,
  RETURN_FIELDS,
  SHARE_DEFAULT,
  SHEET,
  STAKEHOLDER_HEADERS,
  TABLE,
  TABLE_SHEET,
  UNIT_LABEL,
  type TableName,
} from "../layout/contract";
import { cellAddress, columnLetter, rangeAddress } from "../layout/a1";
import { excelSerial, monthIndex, monthLabel, reportingMonths, type YearMonth } from "../calendar";
import { existingReturn, headerIndex, monthHeaderMatcher, norm, readReturn, resolveColumns, TableView, type ReturnData } from "../return";
import { TOOL_LABEL } from "../version";
import {
  findTable,
  isBlank,
  type CellValue,
  type PlannedCell,
  type WorkbookOperation,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../workbook/types";
import { findBlockers } from "./blockers";
import { removableSheets } from "./default-sheet";
import { definitionChunks } from "./definition";
import { bodyRowNumber, type Geometry } from "./geometry";
import { planSheetRules } from "./sheet-rules";
import { RETURN_SHEETS } from "../sheets";
import { impactValueFormula } from "./impact-value";
import { measureRowKey, measureRows } from "./measure-rows";

export interface SetupDetails {
  organisation?: string | undefined;
  organisationCode?: string | undefined;
  /** The first month of the reporting year; when absent, the workbook's own or `defaultYearStart`. */
  yearStart?: YearMonth | undefined;
  /** The centre's email address (asked for when the framework names none); kept on the Return sheet. */
  centreEmail?: string | undefined;
}

export interface PlannedChange {
  sheet: string;
  action: "add" | "update" | "keep";
  detail: string;
}

export interface SetupPlan {
  framework: { id: string; version: number; title: string };
  layoutVersion: string;
  yearStart: YearMonth;
  /** The organisation and code the return will hold once set up (as stored: trimmed), when known. */
  organisation?: string;
  organisationCode?: string;
  /** Reasons Set up cannot go ahead; when any, `operations` is empty and nothing is changed. */
  blockers: string[];
  changes: PlannedChange[];
  /** Empty default sheets of a new workbook ("Sheet1") that Set up deletes once the returns sheets exist. */
  removedSheets: string[];
  /**
   * True when the workbook already holds everything the plan would write: every change is a
   * "keep" and no sheet is removed. Running it would only put back formats, rules and protection.
   */
  upToDate: boolean;
  operations: WorkbookOperation[];
}

/** What a gateway found out about the workbook beyond the snapshot. */
export interface SetupWorkbookFacts {
  /** Sheets with no values, tables, PivotTables or charts (the gateway looked only where it had to). */
  emptySheets?: readonly string[];
}

/**
 * Works out Set up for this workbook. `defaultYearStart` is used when neither the details nor the
 * workbook give a year. `facts.emptySheets` names the sheets the gateway found empty: on a new
 * workbook (none of the returns tables yet), an empty sheet with a default name is deleted last.
 */
export function planSetup(snapshot: WorkbookSnapshot, framework: Framework, details: SetupDetails, defaultYearStart: YearMonth, facts: SetupWorkbookFacts = {}): SetupPlan {
  const data = readReturn(snapshot);
  const existing = existingReturn(data);
  const yearStart = details.yearStart ?? existing.yearStart ?? defaultYearStart;
  const organisation = details.organisation?.trim() || existing.organisation;
  const organisationCode = details.organisationCode?.trim() || existing.organisationCode;
  const plan: SetupPlan = {
    framework: { id: framework.id, version: framework.version, title: framework.title },
    layoutVersion: LAYOUT_VERSION,
    yearStart,
    ...(organisation !== undefined ? { organisation } : {}),
    ...(organisationCode !== undefined ? { organisationCode } : {}),
    blockers: findBlockers(snapshot, framework, existing, yearStart),
    changes: [],
    removedSheets: [],
    upToDate: false,
    operations: [],
  };
  if (plan.blockers.length > 0) return plan;

  const builder = new PlanBuilder(snapshot, data, framework, details, yearStart, organisation);
  builder.build();
  plan.removedSheets = removableSheets(snapshot, facts);
  plan.changes = builder.changes;
  plan.operations = [...builder.operations(), ...plan.removedSheets.map((sheet): WorkbookOperation => ({ kind: "deleteSheet", sheet }))];
  plan.upToDate = plan.removedSheets.length === 0 && plan.changes.every((c) => c.action === "keep");
  return plan;
}

class PlanBuilder {
  readonly changes: PlannedChange[] = [];
  private readonly newSheets: string[] = [];
  private readonly existingSheets: string[] = [];
  private readonly content: WorkbookOperation[] = [];
  private readonly finishing: WorkbookOperation[] = [];
  private readonly geometry = new Map<TableName, Geometry>();
  private readonly months: YearMonth[];
  private readonly monthLabels: string[];

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly data: ReturnData,
    private readonly framework: Framework,
    private readonly details: SetupDetails,
    private readonly yearStart: YearMonth,
    private readonly organisation: string | undefined,
  ) {
    this.months = reportingMonths(yearStart);
    this.monthLabels = this.months.map(monthLabel);
  }

  /** Sheets are unprotected first and protected, hidden and activated last: Excel refuses most changes to a protected sheet. */
  operations(): WorkbookOperation[] {
    const last = new Set<WorkbookOperation["kind"]>(["protect", "hide", "activate"]);
    return [
      ...this.newSheets.map((sheet): WorkbookOperation => ({ kind: "addSheet", sheet })),
      ...this.existingSheets.map((sheet): WorkbookOperation => ({ kind: "unprotect", sheet })),
      ...this.content,
      ...this.finishing.filter((op) => !last.has(op.kind)),
      ...this.finishing.filter((op) => last.has(op.kind)),
    ];
  }

  build(): void {
    this.returnDetails();
    this.measures();
    this.stakeholders();
    this.impactMap();
    this.caseStudies();
    this.reflections();
    this.checksSheet();
    this.frameworkSheet();
    const rules = planSheetRules({ snapshot: this.snapshot, framework: this.framework, monthLabels: this.monthLabels, organisation: this.organisation, geometry: this.geometry });
    this.content.push(...rules.content);
    this.finishing.push(...rules.finishing);
    if (this.newSheets.includes(SHEET.return)) this.finishing.push({ kind: "activate", sheet: SHEET.return });
  }

  /** Body column of a header in an existing table, found by the return reader (a misspelt header is the column it resembles), or -1. */
  private column(table: TableName, header: string): number {
    return this.data.views.get(table)?.col(header) ?? -1;
  }

  /** Registers the sheet as new or existing and returns the existing table, if any. */
  private start(table: TableName): TableSnapshot | undefined {
    const sheet = TABLE_SHEET[table];
    const existing = findTable(this.snapshot, table);
    (existing ? this.existingSheets : this.newSheets).push(sheet);
    return existing;
  }

  private addTable(table: TableName, headers: readonly string[], rows: PlannedCell[][]): Geometry {
    const sheet = TABLE_SHEET[table];
    const style = RETURN_SHEETS.find((def) => def.table === table)!.style;
    this.content.push({ kind: "addTable", sheet, table, address: rangeAddress(0, 0, rows.length + 1, headers.length), headers, rows, style });
    const cells = rows.map((r) => r.map((c) => (typeof c === "object" && c !== null ? null : c)));
    const g: Geometry = {
      sheet,
      row: 0,
      column: 0,
      headers: [...headers],
      rowCount: rows.length,
      cell: (i, header) => cells[i]?.[headerIndex(headers, header)] ?? null,
    };
    this.geometry.set(table, g);
    return g;
  }

  /**
   * Brings an existing table up to the layout: appends missing columns and the given rows.
   * `rowFor` builds an appended row from a header -> value map, in the table's final column order.
   */
  private extendTable(table: TableName, existing: TableSnapshot, headers: readonly string[], appended: Record<string, PlannedCell>[]): { geometry: Geometry; addedColumns: string[] } {
    // Columns are found as the return reader finds them (one matcher: a mistyped header such as
    // "Quantiy", or a month Excel turned into a date, is that column), so a header the user mistyped
    // is put right in place rather than a second, empty column added that Check would then read.
    const view = new TableView(existing);
    resolveColumns(view, headers, monthHeaderMatcher(headers));
    const existingHeaders = [...existing.headers];
    const missing: string[] = [];
    for (const wanted of headers) {
      const index = view.col(wanted);
      if (index === undefined) {
        missing.push(wanted);
        continue;
      }
      const typed = existingHeaders[index];
      if (norm(typed) === norm(wanted)) continue;
      existingHeaders[index] = wanted;
      this.content.push({ kind: "write", sheet: existing.sheet, address: cellAddress(existing.row, existing.column + index), cells: [[wanted]] });
      this.changes.push({ sheet: existing.sheet, action: "update", detail: `renames column '${String(typed ?? "")}' back to '${wanted}'` });
    }
    existing = { ...existing, headers: existingHeaders };
    if (missing.length > 0) this.content.push({ kind: "appendColumns", table, headers: missing });
    const finalHeaders = [...existing.headers, ...missing];
    if (appended.length > 0) {
      const rows = appended.map((byHeader) => finalHeaders.map((h) => byHeader[h] ?? null));
      this.content.push({ kind: "appendRows", table, rows });
    }
    const appendedCells = appended.map((byHeader) => finalHeaders.map((h) => {
      const c = byHeader[h];
      return c === undefined || (typeof c === "object" && c !== null) ? null : c;
    }));
    const g: Geometry = {
      sheet: existing.sheet,
      row: existing.row,
      column: existing.column,
      headers: finalHeaders,
      rowCount: existing.values.length + appended.length,
      cell: (i, header) => {
        const col = headerIndex(finalHeaders, header);
        if (col < 0) return null;
        return i < existing.values.length ? (existing.values[i]?.[col] ?? null) : (appendedCells[i - existing.values.length]?.[col] ?? null);
      },
    };
    this.geometry.set(table, g);
    return { geometry: g, addedColumns: missing };
  }

  private describeColumns(added: string[]): string {
    return added.length === 0 ? "" : `; restores column${added.length > 1 ? "s" : ""} ${added.map((h) => `'${h}'`).join(", ")}`;
  }

  // --- Return ---------------------------------------------------------------------------------

  private returnDetails(): void {
    const existing = this.start(TABLE.returnDetails);
    const wanted: Partial<Record<string, CellValue>> = {
      [FIELD.organisation]: this.details.organisation?.trim() || null,
      [FIELD.organisationCode]: this.details.organisationCode?.trim() || null,
      [FIELD.yearStart]: excelSerial(this.yearStart.year, this.yearStart.month, 1),
      [FIELD.centreEmail]: this.details.centreEmail?.trim() || null,
    };
    if (!existing) {
      const rows = RETURN_FIELDS.map((f) => [f.field, wanted[f.field] ?? null]);
      this.addTable(TABLE.returnDetails, RETURN_DETAILS_HEADERS, rows);
      this.changes.push({ sheet: SHEET.return, action: "add", detail: `return details (${RETURN_FIELDS.length} fields)` });
      return;
    }
    const fieldCol = this.column(TABLE.returnDetails, "Field");
    const valueCol = this.column(TABLE.returnDetails, "Value");
    const present = new Map<string, number>();
    existing.values.forEach((row, i) => present.set(norm(row[fieldCol]), i));
    const missingFields = RETURN_FIELDS.filter((f) => !present.has(norm(f.field)));
    const { geometry, addedColumns } = this.extendTable(
      TABLE.returnDetails,
      existing,
      RETURN_DETAILS_HEADERS,
      missingFields.map((f) => ({ Field: f.field, Value: wanted[f.field] ?? null })),
    );
    const updates: string[] = [];
    if (valueCol >= 0) {
      for (const [field, value] of Object.entries(wanted)) {
        const i = present.get(norm(field));
        if (i === undefined || value === null || value === undefined) continue;
        const current = existing.values[i]?.[valueCol] ?? null;
        const unchanged = field === FIELD.yearStart ? !isBlank(current) : norm(current) === norm(value);
        if (unchanged) continue;
        this.content.push({ kind: "write", sheet: geometry.sheet, address: cellAddress(bodyRowNumber(geometry, i) - 1, geometry.column + valueCol), cells: [[value]] });
        updates.push(isBlank(current) ? `${field}: '${String(value)}'` : `${field}: '${String(current)}' to '${String(value)}'`);
      }
    }
    const parts = [
      ...(missingFields.length > 0 ? [`adds field${missingFields.length > 1 ? "s" : ""} ${missingFields.map((f) => f.field).join(", ")}`] : []),
      ...(updates.length > 0 ? [`sets ${updates.join("; ")}`] : []),
    ];
    this.changes.push(
      parts.length > 0 || addedColumns.length > 0
        ? { sheet: SHEET.return, action: "update", detail: parts.join("; ") + this.describeColumns(addedColumns) }
        : { sheet: SHEET.return, action: "keep", detail: "return details kept as they are" },
    );
  }

  // --- Measures -------------------------------------------------------------------------------

  private measures(): void {
    const existing = this.start(TABLE.measures);
    const headers = [...MEASURE_KEY_HEADERS, ...this.monthLabels];
    const wanted = measureRows(this.framework);
    const rowCells = (r: (typeof wanted)[number]): Record<string, PlannedCell> => ({
      Code: r.code,
      Measure: r.label,
      Breakdown: r.breakdown === "" ? null : r.breakdown,
      Unit: UNIT_LABEL[r.unit],
      Kind: KIND_LABEL[r.kind],
    });
    if (!existing) {
      const rows = wanted.map((r) => headers.map((h) => rowCells(r)[h] ?? null));
      this.addTable(TABLE.measures, headers, rows);
      this.changes.push({
        sheet: SHEET.measures,
        action: "add",
        detail: `${this.framework.measures.length} measures in ${wanted.length} rows, ${this.monthLabels[0]} to ${this.monthLabels[11]}`,
      });
      return;
    }
    const codeCol = this.column(TABLE.measures, "Code");
    const breakdownCol = this.column(TABLE.measures, "Breakdown");
    const present = new Map<string, number>();
    existing.values.forEach((row, i) => present.set(measureRowKey(row[codeCol], breakdownCol < 0 ? "" : row[breakdownCol]), i));
    const missing = wanted.filter((r) => !present.has(measureRowKey(r.code, r.breakdown)));
    const { geometry, addedColumns } = this.extendTable(TABLE.measures, existing, headers, missing.map(rowCells));

    // Key columns the framework owns: bring labels, units and kinds of existing rows up to date
    // (a layout 1.0 workbook's "gbp" and "flow" become "£" and "this month only").
    let relabelled = 0;
    let reworded = false;
    const byKey = new Map(wanted.map((r) => [measureRowKey(r.code, r.breakdown), r] as const));
    for (const header of ["Measure", "Unit", "Kind"] as const) {
      const col = this.column(TABLE.measures, header);
      if (col < 0 || existing.values.length === 0) continue;
      let changed = false;
      const column = existing.values.map((row) => {
        const target = byKey.get(measureRowKey(row[codeCol], breakdownCol < 0 ? "" : row[breakdownCol]));
        const current = row[col] ?? null;
        if (!target) return [current];
        const value = header === "Measure" ? target.label : header === "Unit" ? UNIT_LABEL[target.unit] : KIND_LABEL[target.kind];
        if (norm(current) !== norm(value)) {
          changed = true;
          if (header === "Measure") relabelled++;
          else reworded = true;
          return [value];
        }
        return [current];
      });
      if (changed) this.content.push({ kind: "write", sheet: geometry.sheet, address: rangeAddress(geometry.row + 1, geometry.column + col, column.length, 1), cells: column });
    }

    const parts: string[] = [];
    if (missing.length > 0) {
      const codes = [...new Set(missing.map((r) => r.code))];
      parts.push(`adds ${missing.length} row${missing.length > 1 ? "s" : ""} at the bottom for ${codes.join(", ")}`);
    }
    if (relabelled > 0) parts.push(`updates the wording of ${relabelled} measure${relabelled > 1 ? "s" : ""}`);
    if (reworded) parts.push("writes each unit and kind in plain words (£, this month only, at the end of the month)");
    const kept = countFigures(existing, MEASURE_KEY_HEADERS.map((h) => this.column(TABLE.measures, h)));
    const keeps = kept === 0 ? "" : kept === 1 ? "keeps the 1 figure entered" : `keeps all ${kept.toLocaleString("en-GB")} figures entered`;
    this.changes.push(
      parts.length > 0 || addedColumns.length > 0
        ? { sheet: SHEET.measures, action: "update", detail: `${parts.join("; ")}${this.describeColumns(addedColumns)}${keeps ? `; ${keeps} where they are` : ""}` }
        : { sheet: SHEET.measures, action: "keep", detail: keeps ? `up to date; ${keeps}` : "up to date; no figures entered yet" },
    );
  }

  // --- Stakeholders, impact map, case studies --------------------------------------------------

  private stakeholders(): void {
    const existing = this.start(TABLE.stakeholders);
    if (!existing) {
      const rows: PlannedCell[][] = [
        ...this.framework.stakeholderGroups.map((g) => [g.name, g.description || null, null, null]),
        ...blankRows(BLANK_ROWS.stakeholders, STAKEHOLDER_HEADERS.length),
      ];
      this.addTable(TABLE.stakeholders, STAKEHOLDER_HEADERS, rows);
      this.changes.push({ sheet: SHEET.stakeholders, action: "add", detail: `${this.framework.stakeholderGroups.length} stakeholder groups from the framework, room for ${BLANK_ROWS.stakeholders} more` });
      return;
    }
    this.keepEntryTable(TABLE.stakeholders, existing, STAKEHOLDER_HEADERS, "stakeholder groups");
  }

  private impactMap(): void {
    const existing = this.start(TABLE.impactMap);
    const letters = (headers: readonly string[], column: number) => {
      const l = (h: string) => columnLetter(column + headerIndex(headers, h));
      return {
        quantity: l("Quantity"),
        years: l("Duration (years)"),
        proxy: l("Financial proxy (£)"),
        deadweight: l("Deadweight %"),
        attribution: l("Attribution %"),
        displacement: l("Displacement %"),
        dropOff: l("Drop-off %"),
      };
    };
    if (!existing) {
      const cols = letters(IMPACT_MAP_HEADERS, 0);
      const rows: PlannedCell[][] = Array.from({ length: BLANK_ROWS.impactMap }, (_, i) => [
        ...Array<PlannedCell>(IMPACT_MAP_HEADERS.length - 1).fill(null),
        { formula: impactValueFormula(cols, i + 2) },
      ]);
      this.addTable(TABLE.impactMap, IMPACT_MAP_HEADERS, rows);
      this.changes.push({ sheet: SHEET.outcomes, action: "add", detail: `impact map with room for ${BLANK_ROWS.impactMap} rows; impact value worked out by formula` });
      return;
    }
    const g = this.keepEntryTable(TABLE.impactMap, existing, IMPACT_MAP_HEADERS, "outcomes");
    const valueCol = headerIndex(g.headers, "Impact value (£)");
    const inputsPresent = ["Quantity", "Duration (years)", "Financial proxy (£)", "Deadweight %", "Attribution %", "Displacement %", "Drop-off %"].every(
      (h) => headerIndex(g.headers, h) >= 0,
    );
    if (valueCol < 0 || !inputsPresent || g.rowCount === 0) return;
    const cols = letters(g.headers, g.column);
    // Rewrite the formula only where the cell is blank or already holds our formula: a figure the user typed stays.
    const formulas = Array.from({ length: g.rowCount }, (_, i): PlannedCell[] => {
      const current = i < existing.formulas.length ? (existing.formulas[i]?.[valueCol] ?? null) : null;
      const ours = impactValueFormula(cols, bodyRowNumber(g, i));
      return isBlank(current) || (typeof current === "string" && current.startsWith("=")) ? [{ formula: ours }] : [current];
    });
    this.content.push({ kind: "write", sheet: g.sheet, address: rangeAddress(g.row + 1, g.column + valueCol, g.rowCount, 1), cells: formulas });
  }

  private caseStudies(): void {
    const existing = this.start(TABLE.caseStudies);
    if (!existing) {
      this.addTable(TABLE.caseStudies, CASE_STUDY_HEADERS, blankRows(BLANK_ROWS.caseStudies, CASE_STUDY_HEADERS.length));
      this.changes.push({ sheet: SHEET.caseStudies, action: "add", detail: `case studies with room for ${BLANK_ROWS.caseStudies} stories` });
      return;
    }
    this.keepEntryTable(TABLE.caseStudies, existing, CASE_STUDY_HEADERS, "case studies");
  }

  /**
   * The Reflections sheet: the framework's prompts offered for each month of the year (Month and
   * Prompt filled, Reflection blank, Share "No"), with blank rows for the officers' own. On an
   * existing table only the month-and-prompt rows it lacks are added at the bottom: a row is never
   * rewritten, removed or offered twice, whatever an officer typed in it.
   */
  private reflections(): void {
    const existing = this.start(TABLE.reflections);
    const prompts = reflectionPromptsOf(this.framework);
    // The Month a date (the month's first day, shown "mmm yyyy"), as the column holds typed months.
    const offered = this.months.flatMap((ym, slot) => prompts.map((prompt) => ({ slot, month: monthStart(ym), prompt })));
    const [monthHeader, promptHeader, reflectionHeader, shareHeader] = REFLECTION_HEADERS;
    const row = (o: (typeof offered)[number]): Record<string, PlannedCell> => ({ [monthHeader]: o.month, [promptHeader]: o.prompt, [reflectionHeader]: null, [shareHeader]: SHARE_DEFAULT });
    const what = `${prompts.length} prompt${prompts.length === 1 ? "" : "s"} for each month`;
    if (!existing) {
      const rows: PlannedCell[][] = [...offered.map((o) => REFLECTION_HEADERS.map((h) => row(o)[h] ?? null)), ...blankRows(BLANK_ROWS.reflections, REFLECTION_HEADERS.length)];
      this.addTable(TABLE.reflections, REFLECTION_HEADERS, rows);
      this.changes.push({ sheet: SHEET.reflections, action: "add", detail: `reflections: ${what}, room for ${BLANK_ROWS.reflections} more of your own` });
      return;
    }
    const first = monthIndex(this.yearStart);
    const present = new Set((this.data.reflections?.rows ?? []).flatMap((r) => (r.month ? [`${monthIndex(r.month) - first}|${norm(r.prompt)}`] : [])));
    const missing = offered.filter((o) => !present.has(`${o.slot}|${norm(o.prompt)}`));
    if (missing.length === 0) {
      this.keepEntryTable(TABLE.reflections, existing, REFLECTION_HEADERS, "reflections");
      return;
    }
    const { addedColumns } = this.extendTable(TABLE.reflections, existing, REFLECTION_HEADERS, missing.map(row));
    const filled = existing.values.filter((r) => r.some((v) => !isBlank(v))).length;
    this.changes.push({
      sheet: SHEET.reflections,
      action: "update",
      detail: `adds ${missing.length} row${missing.length === 1 ? "" : "s"} of prompts at the bottom; keeps all ${filled} row${filled === 1 ? "" : "s"} entered${this.describeColumns(addedColumns)}`,
    });
  }

  /** The Checks sheet holds Check's to-do list; Set up makes it empty so highlights have something to look up. */
  private checksSheet(): void {
    const existing = this.start(TABLE.checks);
    if (!existing) {
      this.addTable(TABLE.checks, CHECKS_HEADERS, blankRows(1, CHECKS_HEADERS.length));
      this.changes.push({ sheet: SHEET.checks, action: "add", detail: "empty list of checks; Check fills it and highlights the cells it names" });
      return;
    }
    this.extendTable(TABLE.checks, existing, CHECKS_HEADERS, []);
  }

  private keepEntryTable(table: TableName, existing: TableSnapshot, headers: readonly string[], what: string): Geometry {
    const { geometry, addedColumns } = this.extendTable(table, existing, headers, []);
    const filled = existing.values.filter((row) => row.some((v) => !isBlank(v))).length;
    const rows = `${existing.values.length} row${existing.values.length === 1 ? "" : "s"}`;
    const kept = filled === 0 ? `no ${what} entered yet; keeps its ${rows}` : filled === 1 ? `keeps the 1 row of ${what} entered (${rows} in all)` : `keeps all ${filled} rows of ${what} entered (${rows} in all)`;
    this.changes.push({
      sheet: TABLE_SHEET[table],
      action: addedColumns.length > 0 ? "update" : "keep",
      detail: `${kept}${this.describeColumns(addedColumns)}`,
    });
    return geometry;
  }

  // --- The hidden Framework sheet -------------------------------------------------------------

  private frameworkSheet(): void {
    const existing = this.start(TABLE.frameworkInfo);
    const sheet = SHEET.framework;
    const info: [string, CellValue][] = [
      [INFO_KEY.frameworkId, this.framework.id],
      [INFO_KEY.frameworkVersion, this.framework.version],
      [INFO_KEY.frameworkTitle, this.framework.title],
      [INFO_KEY.layoutVersion, LAYOUT_VERSION],
      [INFO_KEY.writtenBy, TOOL_LABEL],
    ];
    if (!existing) {
      this.addTable(TABLE.frameworkInfo, FRAMEWORK_INFO_HEADERS, info.map(([k, v]) => [k, v]));
      this.changes.push({ sheet, action: "add", detail: `hidden sheet recording the framework (${this.framework.title}, version ${this.framework.version}) for the centre` });
    } else {
      const keyCol = this.column(TABLE.frameworkInfo, "Key");
      const valueCol = this.column(TABLE.frameworkInfo, "Value");
      const rowOf = new Map(existing.values.map((row, i) => [norm(row[keyCol]), i] as const));
      const missing = info.filter(([k]) => !rowOf.has(norm(k)));
      const { geometry } = this.extendTable(TABLE.frameworkInfo, existing, FRAMEWORK_INFO_HEADERS, missing.map(([k, v]) => ({ Key: k, Value: v })));
      if (valueCol >= 0 && existing.values.length > 0) {
        const values = existing.values.map((row): PlannedCell[] => {
          const entry = info.find(([k]) => norm(k) === norm(row[keyCol]));
          return [entry ? entry[1] : (row[valueCol] ?? null)];
        });
        this.content.push({ kind: "write", sheet, address: rangeAddress(geometry.row + 1, geometry.column + valueCol, values.length, 1), cells: values });
      }
      const before = this.data.info?.frameworkVersion;
      const layoutBefore = this.data.info?.layoutVersion;
      this.changes.push(
        before !== undefined && before !== this.framework.version
          ? { sheet, action: "update", detail: `framework version ${before} to ${this.framework.version}` }
          : layoutBefore !== LAYOUT_VERSION
            ? { sheet, action: "update", detail: `records that the sheets follow the current workbook layout (${this.framework.title}, version ${this.framework.version})` }
            : { sheet, action: "keep", detail: `${this.framework.title}, version ${this.framework.version}` },
      );
    }
    // The months the Month columns' dropdowns offer: dates (each month's first day), shown "mmm yyyy" by the sheet's rules.
    const lists: [number, string, CellValue[]][] = [
      [FRAMEWORK_SHEET_COLUMNS.outcomeAreas, FRAMEWORK_SHEET_HEADINGS.outcomeAreas, this.framework.outcomeAreas.map((a) => a.name)],
      [FRAMEWORK_SHEET_COLUMNS.months, FRAMEWORK_SHEET_HEADINGS.months, this.months.map(monthStart)],
      [FRAMEWORK_SHEET_COLUMNS.definition, FRAMEWORK_SHEET_HEADINGS.definition, definitionChunks(this.framework)],
    ];
    for (const [column, heading, items] of lists) {
      this.content.push({ kind: "clearContents", sheet, address: rangeAddress(1, column, FRAMEWORK_SHEET_LIST_CAPACITY, 1) });
      this.content.push({ kind: "write", sheet, address: rangeAddress(0, column, items.length + 1, 1), cells: [[heading], ...items.map((item) => [item])] });
    }
  }
}

export { isDefaultSheetName } from "./default-sheet";
export { definitionChunks, joinDefinitionChunks } from "./definition";
export { fit, widestFigure } from "./geometry";
export { CONDITIONAL_FORMAT_FORMULA_LIMIT, HIGHLIGHT_NAME, highlightNames } from "./highlights";

/** A month as the Month columns and their list hold it: the Excel date of its first day. */
function monthStart(ym: YearMonth): number {
  return excelSerial(ym.year, ym.month, 1);
}

function blankRows(count: number, width: number): PlannedCell[][] {
  return Array.from({ length: count }, () => Array<PlannedCell>(width).fill(null));
}

/** Figures entered in the Measures table: filled cells outside the key columns (found by the reader, in any order). */
function countFigures(table: TableSnapshot, keyColumns: readonly number[]): number {
  const keys = new Set(keyColumns);
  return table.values.reduce((n, row) => n + row.filter((v, c) => !keys.has(c) && !isBlank(v)).length, 0);
}

