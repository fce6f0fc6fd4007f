/**
 * A return workbook read from its package: the workbook part found through the package's
 * relationships (wherever it lies), its sheets in tab order (worksheets only: chart sheets are not
 * sheets Office.js lists), the date system, and through the workbook's relationships the shared
 * strings, the styles and each sheet's part; through each sheet's relationships, its tables.
 * What it gives the snapshot maker is a SheetSource a sheet, parsed only when asked.
 */
import type { RawTable, SheetSource } from "../return-tables";
import type { OpcPackage } from "./opc";
import { sharedStrings } from "./shared-strings";
import { dateStyles } from "./styles";
import { tablePart } from "./table-part";
import { worksheetGrid, type SheetContext } from "./worksheet";
import { attr, isRelationshipType, isSpreadsheet, parseXml, relationshipId } from "./xml";

/** Content types of a workbook's main part (.xlsx, .xlsm, .xltx, .xltm): used only when the package's relationships name none. */
const MAIN_CONTENT_TYPE = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template)\.macroEnabled)\.main\+xml$/;

/** The workbook part's name, through the package's officeDocument relationship. */
function workbookPartName(pkg: OpcPackage): string {
  const rel = pkg.relationships("").find((r) => isRelationshipType(r.type, "officeDocument") && r.target !== undefined && pkg.has(r.target));
  if (rel?.target !== undefined) return rel.target;
  const byType = pkg.partsOfContentType((type) => MAIN_CONTENT_TYPE.test(type.trim())).find((name) => pkg.has(name));
  if (byType === undefined) throw new Error("the package names no workbook part");
  return byType;
}

interface SheetEntry {
  name: string;
  id: string | undefined;
}

/** The sheets a workbook part lists, in tab order, and whether it counts dates from 1904. */
function workbookEntries(data: Uint8Array): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let isWorkbook = false;
  parseXml(data, {
    open(element) {
      if (isSpreadsheet(element, "workbook")) isWorkbook = true;
      else if (isSpreadsheet(element, "workbookPr")) date1904 = ["1", "true"].includes(attr(element, "date1904") ?? "");
      else if (isSpreadsheet(element, "sheet")) sheets.push({ name: attr(element, "name") ?? "", id: relationshipId(element) });
    },
  });
  if (!isWorkbook) throw new Error("the workbook part holds no workbook");
  return { sheets, date1904 };
}

/** The tables a sheet's relationships name, in the order they list them; table parts that are missing or unreadable as tables are left out. */
function sheetTables(pkg: OpcPackage, sheetPart: string): RawTable[] {
  const tables: RawTable[] = [];
  for (const rel of pkg.relationships(sheetPart)) {
    if (!isRelationshipType(rel.type, "table") || rel.target === undefined) continue;
    const data = pkg.part(rel.target);
    const table = data ? tablePart(data) : undefined;
    if (table) tables.push(table);
  }
  return tables;
}

/** Each worksheet of the workbook in tab order, with its tables; its cells are parsed when the snapshot maker asks for them. */
export function workbookSheets(pkg: OpcPackage): SheetSource[] {
  const bookPart = workbookPartName(pkg);
  const { sheets, date1904 } = workbookEntries(pkg.part(bookPart)!);
  const rels = pkg.relationships(bookPart);
  const partOf = (kind: string) => rels.find((r) => isRelationshipType(r.type, kind) && r.target !== undefined)?.target;
  let context: SheetContext | undefined;
  const contextOf = (): SheetContext => {
    if (context) return context;
    const strings = partOf("sharedStrings");
    const styles = partOf("styles");
    return (context = { strings: sharedStrings(strings ? pkg.part(strings) : undefined), dateStyles: dateStyles(styles ? pkg.part(styles) : undefined), date1904 });
  };
  const out: SheetSource[] = [];
  for (const sheet of sheets) {
    const rel = rels.find((r) => r.id === sheet.id);
    if (!rel || !isRelationshipType(rel.type, "worksheet") || rel.target === undefined) continue;
    const part = rel.target;
    const data = pkg.part(part);
    if (!data) continue;
    out.push({ name: sheet.name, tables: sheetTables(pkg, part), grid: () => worksheetGrid(sheet.name, data, contextOf()) });
  }
  return out;
}
