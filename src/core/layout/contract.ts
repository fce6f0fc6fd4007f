/**
 * The workbook contract (docs/return-format.md): sheet, table and column names that the centre and
 * other tools rely on. The names are in ./names.ts; each sheet's columns, fields and keys are
 * defined once in its module under src/core/sheets/, and gathered here so that every reader and
 * writer can import them from one place. Change only with a new LAYOUT_VERSION and a note in the docs.
 */
export {
  BLANK_ROWS,
  HIGHLIGHT,
  LAYOUT_VERSION,
  LAYOUT_VERSIONS_READ,
  MAX_CELL_TEXT,
  NUMBER_FORMAT,
  SHEET,
  TABLE,
  TABLE_SHEET,
  YES_NO,
  type SheetName,
  type TableName,
} from "./names";
export { ALL_RETURN_FIELDS, CHECKSUM_FIELD, FIELD, RETURN_DETAILS_HEADERS, RETURN_FIELDS, type FieldName, type FieldSpec, type FieldType } from "../sheets/return";
export { KIND_LABEL, MEASURE_KEY_HEADERS, TOTAL_BREAKDOWN, UNIT_LABEL, type MeasureKindKey, type MeasureUnitKey } from "../sheets/measures";
export { STAKEHOLDER_HEADERS } from "../sheets/stakeholders";
export { IMPACT_MAP_HEADERS } from "../sheets/outcomes";
export { CASE_STUDY_HEADERS } from "../sheets/case-studies";
export { REFLECTION_HEADERS, SHARE_DEFAULT } from "../sheets/reflections";
export { CHECKS_HEADERS, SEVERITY_LABEL } from "../sheets/checks";
export {
  DEFINITION_CHUNK_LENGTH,
  FRAMEWORK_INFO_HEADERS,
  FRAMEWORK_SHEET_COLUMNS,
  FRAMEWORK_SHEET_HEADINGS,
  FRAMEWORK_SHEET_LIST_CAPACITY,
  INFO_KEY,
} from "../sheets/framework";
