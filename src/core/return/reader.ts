/**
 * The return reader: the one place that turns a workbook snapshot into typed return data - what
 * the workbook says about itself (framework, layout), the return details, the figures of every
 * Measures row by month, the stakeholder groups, the impact map, the case studies and the
 * reflections (layout 1.2; a 1.0 or 1.1 workbook has none) - each value
 * with the cell it came from. Set up, Check, the sign-off checksum, Summarise and Collate all read
 * a return through it, so headers, fields and month columns are found one way everywhere.
 *
 * The reader judges nothing: a value is handed on as the cell holds it (Check says what is wrong
 * with it). It only locates: tables by name, columns by header (misspellings are read as the column
 * they resemble and listed in `headerFindings`), fields by label, months by header.
 */
import {
  ALL_RETURN_FIELDS,
  CASE_STUDY_HEADERS,
  FIELD,
  FRAMEWORK_INFO_HEADERS,
  IMPACT_MAP_HEADERS,
  INFO_KEY,
  MEASURE_KEY_HEADERS,
  REFLECTION_HEADERS,
  RETURN_DETAILS_HEADERS,
  STAKEHOLDER_HEADERS,
  TABLE,
  type FieldSpec,
  type MeasureKindKey,
  type MeasureUnitKey,
  type TableName,
} from "../layout/contract";
import { excelSerial, monthLabel, parseMonth, reportingMonths, type YearMonth } from "../calendar";
import { findTable, isBlank, type CellValue, type WorkbookSnapshot } from "../workbook/types";
import { readNumber } from "./cells";
import { monthHeaderMatcher, resolveColumns, TableView, type HeaderFinding, type Location } from "./table-view";
import { norm, text } from "./text";
import { kindFromText, unitFromText } from "./words";

/** One cell as read: its value (formulas give their result), its formula (or the constant) and where it is. */
export interface ReadCell {
  value: CellValue;
  formula: CellValue;
  at: Location;
}

/** What the hidden Framework sheet's FrameworkInfo table says. */
export interface FrameworkInfoRead {
  frameworkId?: string;
  frameworkVersion?: number;
  frameworkTitle?: string;
  layoutVersion?: string;
  /** The cell holding the framework id, for messages about it. */
  idAt?: Location;
}

/** One row of ReturnDetails: the field it names (when the contract knows it) and its Value cell. */
export interface DetailRead {
  spec?: FieldSpec;
  /** Body row index. */
  i: number;
  /** Body column index of the Value cell. */
  col: number;
  cell: ReadCell;
}

export interface ReturnDetailsData {
  view: TableView;
  /** The first row of each field, by its compared name (norm). */
  fields: Map<string, DetailRead>;
  organisation?: string;
  organisationCode?: string;
  /** The Reporting year start, when it reads as a month. */
  yearStart?: YearMonth;
  /** Homes managed, when it reads as a number. */
  homesManaged?: number;
  signedOffBy?: string;
  /** Signed off on, as typed or stored (a date serial or text). */
  signedOffOn?: CellValue;
  contactName?: string;
  contactEmail?: string;
  /** The centre's address, as typed (Check says when it is not one address). */
  centreEmail?: string;
  preparedBy?: string;
  /** The Data checksum written at sign-off. */
  checksum?: DetailRead;
}

/** A month column of the Measures table: its place in the reporting year and its body column. */
export interface MonthColumn {
  /** 0-11: the month's place in the reporting year. */
  slot: number;
  month: YearMonth;
  /** "Apr 2020" */
  label: string;
  col: number;
}

/** One non-blank row of the Measures table. */
export interface MeasureRowData {
  /** Body row index. */
  i: number;
  code: string;
  breakdown: string;
  /** The Measure, Unit and Kind cells as typed (the framework's words are the ones to trust). */
  measure: string;
  unit: string;
  kind: string;
  /** The unit and kind those cells name, in either layout's words (1.0: gbp, flow; 1.1: £, this month only). */
  unitKey?: MeasureUnitKey;
  kindKey?: MeasureKindKey;
  /** The row's key: code and breakdown compared (see measureRowKey). */
  key: string;
  /** The month cells, by slot 0-11; undefined where the month has no column. */
  cells: (ReadCell | undefined)[];
}

export interface MeasuresData {
  view: TableView;
  /** The month columns found, in reporting-year order. */
  months: MonthColumn[];
  rows: MeasureRowData[];
}

/** One non-blank row of an entry table, its cells by the contract's header (columns found only). */
export interface EntryRow {
  i: number;
  cells: Partial<Record<string, ReadCell>>;
}

export interface EntryTableData {
  view: TableView;
  rows: EntryRow[];
}

/** One non-blank row of the Reflections table, its cells as read and their text. */
export interface ReflectionRow extends EntryRow {
  /** The Month cell as a month, when it reads as one. */
  month?: YearMonth;
  /** The Month cell as people read it: "Jun 2020", or the text typed. */
  monthText: string;
  prompt: string;
  reflection: string;
  /** `Share with the centre` is Yes (case and spaces ignored); anything else keeps the row in the workbook. */
  shared: boolean;
}

export interface ReflectionsData {
  view: TableView;
  rows: ReflectionRow[];
}

export interface ReturnData {
  /** Every table of the contract that the workbook has, with its columns resolved. */
  views: Map<TableName, TableView>;
  /** Headers that were misspelt (and read as the column they resemble) or missing. */
  headerFindings: HeaderFinding[];
  info?: FrameworkInfoRead;
  /** The framework definition (JSON) stored in the workbook, when present. */
  frameworkDefinition?: string;
  details?: ReturnDetailsData;
  /** The first month of the reporting year: the return details', else the first month header's. */
  yearStart?: YearMonth;
  measures?: MeasuresData;
  stakeholders?: EntryTableData;
  impactMap?: EntryTableData;
  caseStudies?: EntryTableData;
  /** The Reflections table (layout 1.2). */
  reflections?: ReflectionsData;
}

/** The key that identifies a Measures row: code and breakdown, case and spacing ignored. */
export function measureRowKey(code: unknown, breakdown: unknown): string {
  return `${norm(code)}|${norm(breakdown)}`;
}

/** A Reporting year start typed as a small number (e.g. 4) is not a month. */
const MIN_MONTH_SERIAL = excelSerial(1990, 1, 1);

/** Reads a month stored in a field or header; small numbers are not months. */
export function readMonthValue(value: CellValue): YearMonth | undefined {
  if (typeof value === "number" && value < MIN_MONTH_SERIAL) return undefined;
  return parseMonth(value);
}

/** The first month of the year according to the Measures headers, when the return details do not say. */
export function yearStartFromHeaders(headers: readonly string[]): YearMonth | undefined {
  for (const h of headers) {
    if (MEASURE_KEY_HEADERS.some((k) => norm(k) === norm(h))) continue;
    const month = /\d/.test(h) ? parseMonth(h) : undefined;
    if (month) return month;
  }
  return undefined;
}

/** The Measures table's expected headers for a reporting year. */
export function measureColumns(yearStart: YearMonth | undefined): string[] {
  return [...MEASURE_KEY_HEADERS, ...(yearStart ? reportingMonths(yearStart).map(monthLabel) : [])];
}

const ENTRY_HEADERS: readonly [TableName, readonly string[]][] = [
  [TABLE.returnDetails, RETURN_DETAILS_HEADERS],
  [TABLE.stakeholders, STAKEHOLDER_HEADERS],
  [TABLE.impactMap, IMPACT_MAP_HEADERS],
  [TABLE.caseStudies, CASE_STUDY_HEADERS],
  [TABLE.reflections, REFLECTION_HEADERS],
  [TABLE.frameworkInfo, FRAMEWORK_INFO_HEADERS],
];

/** Reads a return workbook's snapshot. Never throws; what is missing is simply absent. */
export function readReturn(snapshot: WorkbookSnapshot): ReturnData {
  const data: ReturnData = { views: new Map(), headerFindings: [] };
  if (snapshot.frameworkDefinition !== undefined) data.frameworkDefinition = snapshot.frameworkDefinition;
  for (const [table, headers] of ENTRY_HEADERS) {
    const found = findTable(snapshot, table);
    if (!found) continue;
    const view = new TableView(found);
    data.views.set(table, view);
    data.headerFindings.push(...resolveColumns(view, headers));
  }
  const infoView = data.views.get(TABLE.frameworkInfo);
  if (infoView) data.info = readInfo(infoView);
  const detailsView = data.views.get(TABLE.returnDetails);
  if (detailsView) data.details = readDetails(detailsView);

  const measuresTable = findTable(snapshot, TABLE.measures);
  const measuresView = measuresTable ? new TableView(measuresTable) : undefined;
  const yearStart = data.details?.yearStart ?? (measuresView ? yearStartFromHeaders(measuresView.table.headers) : undefined);
  if (yearStart) data.yearStart = yearStart;
  if (measuresView) {
    data.views.set(TABLE.measures, measuresView);
    data.measures = readMeasures(measuresView, yearStart, data.headerFindings);
  }
  const entries: [TableName, "stakeholders" | "impactMap" | "caseStudies", readonly string[]][] = [
    [TABLE.stakeholders, "stakeholders", STAKEHOLDER_HEADERS],
    [TABLE.impactMap, "impactMap", IMPACT_MAP_HEADERS],
    [TABLE.caseStudies, "caseStudies", CASE_STUDY_HEADERS],
  ];
  for (const [table, key, headers] of entries) {
    const view = data.views.get(table);
    if (view) data[key] = readEntryTable(view, headers);
  }
  const reflectionsView = data.views.get(TABLE.reflections);
  if (reflectionsView) data.reflections = readReflections(reflectionsView);
  return data;
}

function readReflections(view: TableView): ReflectionsData {
  const [monthHeader, promptHeader, reflectionHeader, shareHeader] = REFLECTION_HEADERS;
  const rows = readEntryTable(view, REFLECTION_HEADERS).rows.map((row): ReflectionRow => {
    const monthValue = row.cells[monthHeader]?.value ?? null;
    const month = readMonthValue(monthValue);
    const read: ReflectionRow = {
      ...row,
      monthText: month ? monthLabel(month) : text(monthValue),
      prompt: text(row.cells[promptHeader]?.value),
      reflection: text(row.cells[reflectionHeader]?.value),
      shared: norm(row.cells[shareHeader]?.value) === "yes",
    };
    if (month) read.month = month;
    return read;
  });
  return { view, rows };
}

function cellOf(view: TableView, i: number, col: number, header?: string): ReadCell {
  return { value: view.value(i, col), formula: view.formula(i, col), at: view.at(i, col, header) };
}

function readInfo(view: TableView): FrameworkInfoRead {
  const info: FrameworkInfoRead = {};
  const keyCol = view.col(FRAMEWORK_INFO_HEADERS[0]);
  const valueCol = view.col(FRAMEWORK_INFO_HEADERS[1]);
  if (keyCol === undefined || valueCol === undefined) return info;
  for (let i = 0; i < view.rowCount; i++) {
    const key = norm(view.value(i, keyCol));
    const value = view.value(i, valueCol);
    if (key === norm(INFO_KEY.frameworkId) && info.idAt === undefined) {
      info.idAt = view.at(i, valueCol, FRAMEWORK_INFO_HEADERS[1]);
      if (!isBlank(value)) info.frameworkId = text(value);
    } else if (key === norm(INFO_KEY.frameworkVersion) && info.frameworkVersion === undefined) {
      const version = Number(value);
      if (!isBlank(value) && Number.isInteger(version) && version > 0) info.frameworkVersion = version;
    } else if (key === norm(INFO_KEY.frameworkTitle) && info.frameworkTitle === undefined) {
      if (!isBlank(value)) info.frameworkTitle = text(value);
    } else if (key === norm(INFO_KEY.layoutVersion) && info.layoutVersion === undefined) {
      if (!isBlank(value)) info.layoutVersion = text(value);
    }
  }
  return info;
}

const FIELD_SPECS = new Map(ALL_RETURN_FIELDS.map((spec) => [norm(spec.field), spec] as const));

function readDetails(view: TableView): ReturnDetailsData {
  const details: ReturnDetailsData = { view, fields: new Map() };
  const fieldCol = view.col(RETURN_DETAILS_HEADERS[0]);
  const valueCol = view.col(RETURN_DETAILS_HEADERS[1]);
  if (fieldCol === undefined) return details;
  for (let i = 0; i < view.rowCount; i++) {
    const key = norm(view.value(i, fieldCol));
    if (key === "" || details.fields.has(key)) continue;
    const col = valueCol ?? -1;
    const read: DetailRead = { i, col, cell: valueCol === undefined ? { value: null, formula: null, at: view.at(i, fieldCol) } : cellOf(view, i, valueCol, RETURN_DETAILS_HEADERS[1]) };
    const spec = FIELD_SPECS.get(key);
    if (spec) read.spec = spec;
    details.fields.set(key, read);
  }
  const value = (field: string) => details.fields.get(norm(field))?.cell.value ?? null;
  const textOf = (field: string) => {
    const t = text(value(field));
    return t === "" ? undefined : t;
  };
  const set = <K extends keyof ReturnDetailsData>(key: K, v: ReturnDetailsData[K] | undefined) => {
    if (v !== undefined) details[key] = v;
  };
  set("organisation", textOf(FIELD.organisation));
  set("organisationCode", textOf(FIELD.organisationCode));
  set("yearStart", readMonthValue(value(FIELD.yearStart)));
  const homes = readNumber(value(FIELD.homesManaged));
  if (homes.kind === "number") details.homesManaged = homes.value;
  set("signedOffBy", textOf(FIELD.signedOffBy));
  if (!isBlank(value(FIELD.signedOffOn))) details.signedOffOn = value(FIELD.signedOffOn);
  set("contactName", textOf(FIELD.contactName));
  set("contactEmail", textOf(FIELD.contactEmail));
  set("centreEmail", textOf(FIELD.centreEmail));
  set("preparedBy", textOf(FIELD.preparedBy));
  set("checksum", details.fields.get(norm(FIELD.dataChecksum)));
  return details;
}

function readMeasures(view: TableView, yearStart: YearMonth | undefined, findings: HeaderFinding[]): MeasuresData {
  const months = yearStart ? reportingMonths(yearStart) : [];
  const columns = measureColumns(yearStart);
  findings.push(...resolveColumns(view, columns, monthHeaderMatcher(columns)));
  const monthCols: MonthColumn[] = [];
  months.forEach((month, slot) => {
    const label = monthLabel(month);
    const col = view.col(label);
    if (col !== undefined) monthCols.push({ slot, month, label, col });
  });
  const [codeCol, measureCol, breakdownCol, unitCol, kindCol] = MEASURE_KEY_HEADERS.map((h) => view.col(h));
  const rows: MeasureRowData[] = [];
  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const code = text(view.value(i, codeCol));
    const breakdown = text(view.value(i, breakdownCol));
    const cells: (ReadCell | undefined)[] = Array<ReadCell | undefined>(12).fill(undefined);
    for (const m of monthCols) cells[m.slot] = cellOf(view, i, m.col, m.label);
    const row: MeasureRowData = {
      i,
      code,
      breakdown,
      measure: text(view.value(i, measureCol)),
      unit: text(view.value(i, unitCol)),
      kind: text(view.value(i, kindCol)),
      key: measureRowKey(code, breakdown),
      cells,
    };
    const unitKey = unitFromText(row.unit);
    const kindKey = kindFromText(row.kind);
    if (unitKey) row.unitKey = unitKey;
    if (kindKey) row.kindKey = kindKey;
    rows.push(row);
  }
  return { view, months: monthCols, rows };
}

function readEntryTable(view: TableView, headers: readonly string[]): EntryTableData {
  const rows: EntryRow[] = [];
  for (let i = 0; i < view.rowCount; i++) {
    if (view.isBlankRow(i)) continue;
    const cells: Partial<Record<string, ReadCell>> = {};
    for (const h of headers) {
      const col = view.col(h);
      if (col !== undefined) cells[h] = cellOf(view, i, col, h);
    }
    rows.push({ i, cells });
  }
  return { view, rows };
}

/** What the workbook already says about itself, for the Set up form and Set up's plan. */
export interface ExistingReturn {
  frameworkId?: string;
  frameworkVersion?: number;
  /** The framework's title, for people (the id is for tools). */
  frameworkTitle?: string;
  layoutVersion?: string;
  organisation?: string;
  organisationCode?: string;
  yearStart?: YearMonth;
  /** The Return sheet's Centre email, as typed. */
  centreEmail?: string;
}

export function existingReturn(data: ReturnData): ExistingReturn {
  const existing: ExistingReturn = {};
  if (data.info?.frameworkId !== undefined) existing.frameworkId = data.info.frameworkId;
  if (data.info?.frameworkVersion !== undefined) existing.frameworkVersion = data.info.frameworkVersion;
  if (data.info?.frameworkTitle !== undefined) existing.frameworkTitle = data.info.frameworkTitle;
  if (data.info?.layoutVersion !== undefined) existing.layoutVersion = data.info.layoutVersion;
  if (data.details?.organisation !== undefined) existing.organisation = data.details.organisation;
  if (data.details?.organisationCode !== undefined) existing.organisationCode = data.details.organisationCode;
  if (data.yearStart) existing.yearStart = data.yearStart;
  if (data.details?.centreEmail !== undefined) existing.centreEmail = data.details.centreEmail;
  return existing;
}

/** Reads what the workbook says about itself: framework, layout, organisation and year. */
export function readExistingReturn(snapshot: WorkbookSnapshot): ExistingReturn {
  return existingReturn(readReturn(snapshot));
}
