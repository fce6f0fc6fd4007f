/**
 * The return reader: a WorkbookSnapshot from a return's bytes, through the same door as before
 * (problemWithBytes, then the zip guard and its limits) and then the package itself, read with
 * its own namespace-aware XML scanner (./xml.ts) as Open Packaging Conventions say (./opc.ts, ./workbook.ts): parts found through
 * relationships, elements matched by namespace (prefixed, relocated, Transitional and Strict
 * packages alike), and only the parts a return's snapshot needs parsed. It gives the snapshot the
 * exceljs reader gave (test/xlsx/package-differential.test.ts holds it to that) some ten times
 * faster. No Node APIs: the Collate worker uses it with browserInflater().
 */
import type { WorkbookSnapshot } from "../../core/workbook/types";
import { problemWithBytes } from "../file-type";
import { unreadableWorkbook } from "../problem";
import { snapshotOf } from "../return-tables";
import { guardParts, nodeInflater, type CheckedPart, type Inflater } from "../zip-guard";
import { OpcPackage } from "./opc";
import { workbookSheets } from "./workbook";

/** The snapshot of the workbook in parts the zip guard has checked. Throws (plainly worded for a log, not for people) when the package is not a readable workbook. */
export function snapshotFromParts(parts: readonly CheckedPart[]): WorkbookSnapshot {
  return snapshotOf(workbookSheets(new OpcPackage(parts)));
}

/**
 * Reads a return workbook's bytes into a snapshot. Throws FileProblem, one sentence naming the
 * file, when the bytes are not an .xlsx workbook, break a limit (docs/limits.md) or cannot be read.
 */
export async function readReturnSnapshot(bytes: Uint8Array, file: string, inflate?: Inflater): Promise<WorkbookSnapshot> {
  // Without an inflater given, this is Node: its zlib unpacks the parts file-type detection reads too.
  const problem = problemWithBytes(file, bytes, inflate ? undefined : nodeInflater);
  if (problem) throw problem;
  const parts = await guardParts(bytes, file, inflate);
  try {
    return snapshotFromParts(parts);
  } catch (error) {
    throw unreadableWorkbook(file, error);
  }
}
