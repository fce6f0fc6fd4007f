/**
 * The limits a workbook file must keep within before it is read (docs/limits.md says why each is
 * set where it is). A full return of the largest size the contract allows (a 2,000-row impact map,
 * every measure filled for twelve months, 50 case studies) is under 1 MB on disk, about 5 MB
 * unpacked and about 40,000 cells: far inside every limit. Files from outside can be anything, so
 * these are checked on the zip's directory and while unpacking, before exceljs sees a byte.
 */
import { formatCount } from "../core/format";

export const LIMITS = {
  /** The file on disk. */
  fileBytes: 50 * 1024 * 1024,
  /** Parts (files) inside the zip. */
  parts: 2_000,
  /** One part, unpacked. */
  partBytes: 100 * 1024 * 1024,
  /** All parts together, unpacked. */
  totalBytes: 200 * 1024 * 1024,
  /** How many times a part may expand, for parts over `ratioFloorBytes` unpacked. */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** XML elements in all parts together (each becomes at least one object when read). */
  elements: 8_000_000,
  /** Cells (`<c>` elements) in all sheets together, and the cells merged ranges cover. */
  cells: 1_000_000,
  /** Rows (`<row>` elements) in all sheets together. */
  rows: 1_000_000,
  /** Shared strings (`<si>` elements). */
  strings: 1_000_000,
  /** The cells one sheet's used range (`<dimension ref>`) or one table's range may cover. */
  claimedCells: 2_000_000,
  /** Cells that data validations and defined names cover in all (the reader makes an entry per cell). */
  expandedCells: 3_000_000,
  /** A framework definition file (JSON). */
  frameworkBytes: 5 * 1024 * 1024,
} as const;

/** Excel's grid. */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** "200 MB", "1,000,000": limits as people read them. */
export function megabytes(bytes: number): string {
  return `${formatCount(Math.round(bytes / 1024 / 1024))} MB`;
}


/** The refusal for a file larger than LIMITS.fileBytes (checked before it is read), naming it. */
export function fileTooLargeMessage(file: string, size: number): string {
  return `'${file}' cannot be read: it is ${megabytes(size)}, more than the ${megabytes(LIMITS.fileBytes)} a return workbook may be (docs/limits.md). Check it is the right file; if it is, open it in Excel, remove or compress the large pictures (Picture Format > Compress Pictures) and save it again.`;
}
