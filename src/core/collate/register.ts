/**
 * The register of organisations expected to return: a table with the columns `Organisation code`,
 * `Organisation` and `Homes managed` (and optionally `Contact email`, for email drafts), from the first sheet of a workbook or a CSV file. The header
 * row is looked for in the first 20 rows (the row with an `Organisation code` header); its columns
 * are found as the return reader finds them (without regard to case or spacing, a misspelling
 * read as the column it resembles).
 */
import { REGISTER_TABLE_HEADERS, SECTOR_TABLE } from "../layout/sector-contract";
import { headerIndex, readNumber, text, viewOfRows } from "../return";
import type { CellValue } from "../workbook/types";
import type { RegisterEntry } from "./types";
import { parseDelimited } from "../delimited";

export const REGISTER_HEADERS = REGISTER_TABLE_HEADERS;
/** An optional column of a register file (not of the sector workbook's Register table): where email drafts go when a return gives no usable address. */
export const REGISTER_CONTACT_EMAIL = "Contact email";

export interface RegisterRead {
  entries: RegisterEntry[];
  /** What is wrong, in plain words (no header row, a bad Homes managed...). Rows with problems are left out. */
  problems: string[];
}

export function parseRegisterRows(rows: readonly (readonly CellValue[])[]): RegisterRead {
  const problems: string[] = [];
  const headerAt = rows.slice(0, 20).findIndex((row) => headerIndex(row, REGISTER_HEADERS[0]) >= 0);
  if (headerAt < 0) return { entries: [], problems: [`no header row with "Organisation code" in the first 20 rows (expected the columns ${REGISTER_HEADERS.join(", ")})`] };
  const view = viewOfRows(SECTOR_TABLE.register, rows[headerAt], rows.slice(headerAt + 1), [...REGISTER_HEADERS, REGISTER_CONTACT_EMAIL]);
  const [codeCol, nameCol, homesCol] = REGISTER_HEADERS.map((h) => view.col(h));
  const emailCol = view.col(REGISTER_CONTACT_EMAIL);
  if (homesCol === undefined) problems.push('no "Homes managed" column: homes will be taken from the returns');
  const entries: RegisterEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < view.rowCount; i++) {
    const r = headerAt + 1 + i;
    const code = text(view.value(i, codeCol));
    if (code === "") continue;
    if (seen.has(code.toUpperCase())) {
      problems.push(`row ${r + 1}: organisation code ${code} is listed again (the first row is used)`);
      continue;
    }
    seen.add(code.toUpperCase());
    const entry: RegisterEntry = { organisationCode: code };
    const name = text(view.value(i, nameCol));
    if (name !== "") entry.organisation = name;
    const email = text(view.value(i, emailCol)).trim();
    if (email !== "") entry.contactEmail = email;
    if (homesCol !== undefined) {
      const homes = readNumber(view.value(i, homesCol));
      if (homes.kind === "number" && homes.value >= 0) entry.homesManaged = homes.value;
      else if (homes.kind !== "blank") problems.push(`row ${r + 1}: Homes managed for ${code} is not a number of homes`);
    }
    entries.push(entry);
  }
  return { entries, problems };
}

/** Splits CSV text (quoted fields may hold commas, quotes and line breaks) into rows of text. */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text, ",");
}
